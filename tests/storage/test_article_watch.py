"""New articles stored by another process: the watermark, NOTIFY and the watcher, on both
back ends (a second Database stands for the other process)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import text

from newsreader.core.shared_cache import ArticleWatermark
from newsreader.storage.article_watch import ArticleWatcher, article_watermark
from newsreader.storage.database import Database
from newsreader.storage.writer import FeedWriter
from tests.helpers import storage
from tests.helpers.parsed import entry
from tests.helpers.storage import subscribe

#: The shared fixture, visible to the tests below.
db = storage.db

NOW = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
#: Longer than any test waits: a watcher that wakes sooner was notified.
NEVER = 600.0


@pytest.fixture
def other(head_database_url: str, db: Database) -> Iterator[Database]:
    """The same database opened again, as another process (a fetcher) would."""
    second = Database(head_database_url)
    yield second
    second.close()


def store(database: Database, feed_id: int, *keys: str) -> None:
    with database.session() as session:
        FeedWriter().insert_articles(
            session, feed_id, [entry(key, title=f"خبر {key}") for key in keys], NOW
        )


def watermark(database: Database) -> ArticleWatermark:
    with database.session() as session:
        return article_watermark(session)


def test_the_watermark_moves_with_articles_stored_elsewhere(db: Database, other: Database) -> None:
    feed = subscribe(db, "https://news.example/feed")
    assert watermark(db) == ArticleWatermark(0, 0)
    store(other, feed, "a", "b")
    first = watermark(db)
    assert first.articles == 2 and first.newest_id > 0
    store(other, feed, "c")
    second = watermark(db)
    assert second.articles == 3 and second.newest_id > first.newest_id


def test_a_watcher_with_nothing_new_times_out(db: Database) -> None:
    watcher = ArticleWatcher(db, poll_seconds=0.05)
    try:
        assert watcher.wait(0.3) is False
    finally:
        watcher.stop()


def test_the_watcher_wakes_when_another_database_stores_articles(
    db: Database, other: Database, backend: str
) -> None:
    feed = subscribe(db, "https://news.example/feed")
    # on PostgreSQL only a notification can wake it in time; SQLite compares watermarks
    watcher = ArticleWatcher(db, poll_seconds=NEVER if backend == "postgresql" else 0.1)
    assert watcher.listening is (backend == "postgresql")
    writer = threading.Timer(0.2, store, (other, feed, "a"))
    writer.start()
    try:
        assert watcher.wait(60) is True
        assert watcher.watermark().articles == 1
        assert watcher.wait(0.3) is False  # heard once
    finally:
        writer.join()
        watcher.stop()


@pytest.mark.parametrize("backend", ["postgresql"])
def test_a_rolled_back_store_is_not_announced(db: Database, other: Database) -> None:
    feed = subscribe(db, "https://news.example/feed")
    watcher = ArticleWatcher(db, poll_seconds=NEVER)
    try:
        with pytest.raises(RuntimeError), other.session() as session:
            FeedWriter().insert_articles(session, feed, [entry("a")], NOW)
            raise RuntimeError("the store step broke")
        assert watcher.wait(0.5) is False
        store(other, feed, "b")
        assert watcher.wait(60) is True
    finally:
        watcher.stop()


@pytest.mark.parametrize("backend", ["postgresql"])
def test_a_lost_listen_connection_falls_back_and_misses_nothing(
    db: Database, other: Database
) -> None:
    feed = subscribe(db, "https://news.example/feed")
    watcher = ArticleWatcher(db, poll_seconds=0.2)
    assert watcher.listening
    with other.session() as session:  # the server ends the listener's connection
        ended = session.execute(
            text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND query LIKE 'LISTEN%'"
            )
        ).scalars()
        assert list(ended) == [True]
    store(other, feed, "a")  # while nobody listens
    try:
        assert watcher.wait(60) is True
        deadline = time.monotonic() + 60
        while not watcher.listening and time.monotonic() < deadline:
            watcher.wait(0.3)
        assert watcher.listening  # listening again
        store(other, feed, "b")
        assert watcher.wait(60) is True
    finally:
        watcher.stop()


def test_stop_wakes_a_wait_from_another_thread(db: Database) -> None:
    watcher = ArticleWatcher(db, poll_seconds=NEVER)
    stopper = threading.Timer(0.2, watcher.stop)
    stopper.start()
    try:
        assert watcher.wait(NEVER) is False
        assert watcher.wait(NEVER) is False  # stopped for good
    finally:
        stopper.join()
