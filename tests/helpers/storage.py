"""A database of its own for tests that work one layer below the Reader (on each back end)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from newsreader.storage import feeds as feed_store
from newsreader.storage.database import Database


@pytest.fixture
def db(head_database_url: str) -> Iterator[Database]:
    """A new database at the current schema, on SQLite and on PostgreSQL (import it to use
    it: each test using it runs on both)."""
    database = Database(head_database_url)
    yield database
    database.close()


def subscribe(db: Database, url: str, *, folder: str | None = None) -> int:
    """A subscription to *url*, never fetched; its id."""
    with db.session() as session:
        return feed_store.add_feed(session, url, folder=folder)


#: The second user of the two-user tests (the first is the OS user, ``db.user``).
OTHER_USER = "سلمى"


@pytest.fixture
def other(db: Database) -> Iterator[Database]:
    """The same database as ``db`` opened for another user (import it beside ``db``)."""
    database = Database(db.url, user=OTHER_USER)
    yield database
    database.close()
