"""Shared fixtures: a real feed server on 127.0.0.1 and a Reader over a real SQLite file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from newsreader.reader import Reader
from tests.helpers.feedserver import feed_server  # noqa: F401  (re-exported fixture)

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def reader(tmp_path: Path) -> Iterator[Reader]:
    """A fresh profile in a temporary folder (database, settings, image cache)."""
    with Reader.open(tmp_path / "profile") as r:
        yield r
