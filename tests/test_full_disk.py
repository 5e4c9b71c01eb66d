"""A full disk: a clear error, reading goes on, and nothing the user made is lost.

SQLite's ``max_page_count`` stops the database from growing, which SQLite reports
exactly as it reports a full disk (SQLITE_FULL).
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

from newsreader.cli.main import main
from newsreader.core.errors import StorageError
from newsreader.core.types import ArticleQuery
from newsreader.reader import Reader
from newsreader.storage import database
from tests.helpers.feeds import numbered, rss
from tests.helpers.feedserver import FeedServer, Response


def _no_room_to_grow(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every database connection opened from now on cannot make the file any bigger."""
    original = database._set_sqlite_pragmas

    def capped(dbapi_connection: Any, record: Any) -> None:
        original(dbapi_connection, record)
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count={pages}")

    monkeypatch.setattr(database, "_set_sqlite_pragmas", capped)


def test_a_full_disk_fails_the_refresh_clearly_and_keeps_the_users_marks(
    tmp_path: Path, feed_server: FeedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "profile"
    feed_server.route("/a.xml", Response(body=rss(numbered(2, "a"))))
    long_items = numbered(300, "b")
    for item in long_items:
        item.summary = "نص طويل في خبر كبير " * 100
    feed_server.route("/b.xml", Response(body=rss(long_items)))
    with Reader.open(data) as reader:
        reader.subscribe(feed_server.url("/a.xml"))
        reader.refresh(images=False)
        first, second = (a.id for a in reader.list_articles())
        reader.mark_starred([first])
        reader.mark_read([second])
        reader.subscribe(feed_server.url("/b.xml"))

    _no_room_to_grow(monkeypatch)
    with Reader.open(data) as reader:
        with pytest.raises(StorageError, match="the disk is full"):
            reader.refresh(images=False)
        # Reading goes on, and the marks are as they were.
        assert [a.id for a in reader.list_articles(ArticleQuery(starred=True))] == [first]
        assert reader.get_article(second).read
        assert reader.count_articles()[0] == 2
    out, err = io.StringIO(), io.StringIO()
    assert main(["--data-dir", str(data), "refresh"], out=out, err=err) == 1
    assert err.getvalue() == "newsreader: error: database error: the disk is full\n"

    monkeypatch.undo()  # room again
    with Reader.open(data) as reader:
        summary = reader.refresh(images=False)
        assert summary.failed == 0 and summary.new == 300
        assert [a.id for a in reader.list_articles(ArticleQuery(starred=True))] == [first]
        assert reader.get_article(second).read
