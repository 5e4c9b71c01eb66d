"""A database of its own for tests that work one layer below the Reader."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from newsreader.storage import feeds as feed_store
from newsreader.storage.database import Database, sqlite_url


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    """A new database file, made from the models (import it to use it)."""
    database = Database(sqlite_url(tmp_path / "test.sqlite3"))
    yield database
    database.close()


def subscribe(db: Database, url: str, *, folder: str | None = None) -> int:
    """A subscription to *url*, never fetched; its id."""
    with db.session() as session:
        return feed_store.add_feed(session, url, folder=folder)
