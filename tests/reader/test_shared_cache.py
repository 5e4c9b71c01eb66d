"""Reader on a shared cache: which server, articles stored elsewhere, the server going away.

Articles "stored elsewhere" are written through a second Database, as a fetcher in
another process would.  The server that goes away is one of this module's own
(``own_cluster``), stopped and started again while a Reader has the cache open.
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsreader.core.errors import StorageUnavailableError
from newsreader.core.paths import app_paths
from newsreader.core.shared_cache import CacheServer
from newsreader.reader import Reader
from newsreader.reader.shared_cache import HELD_MARKS_FILE, HeldMark
from newsreader.storage import feeds as feed_store
from newsreader.storage.database import Database, make_url
from newsreader.storage.writer import FeedWriter
from tests.fetch.http_support import closed_port
from tests.helpers import postgres
from tests.helpers.parsed import entry
from tests.helpers.postgres import HEAD_TEMPLATE, Cluster
from tests.helpers.profile import database_of

#: A server of this module's own, stopped and started again by the tests below.
own_cluster = postgres.own_cluster

NOW = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
#: Longer than any test waits: a watch that wakes sooner was notified.
NEVER = 600.0


def store_elsewhere(url: str, *titles: str, feed: str = "https://news.example/feed") -> list[int]:
    """Articles stored by another writer of the same database; their ids, in order."""
    other = Database(url)
    try:
        with other.session() as session:
            known = {f.url: f.id for f in feed_store.list_feeds(session)}
            feed_id = known.get(feed) or feed_store.add_feed(session, feed)
            keys = [f"{NOW.timestamp()}-{title}" for title in titles]
            writer = FeedWriter()
            writer.insert_articles(
                session,
                feed_id,
                [entry(k, title=t) for k, t in zip(keys, titles, strict=True)],
                NOW,
            )
            stored = writer.known_entries(session, feed_id)
            return [stored[k][0] for k in keys]
    finally:
        other.close()


def test_a_local_profile_is_not_a_shared_cache(tmp_path: Path) -> None:
    with Reader.open(tmp_path) as reader:
        assert reader.cache_server is None
        assert reader.is_shared_cache is False


@pytest.mark.parametrize("backend", ["postgresql"])
def test_a_cache_on_a_server_is_named_without_its_password(
    tmp_path: Path, profile_db_url: str
) -> None:
    parsed = make_url(profile_db_url)
    with_password = profile_db_url.replace("newsreader@", "newsreader:s3cret-word@")
    with Reader.open(tmp_path, with_password) as reader:
        assert reader.is_shared_cache
        server = reader.cache_server
        assert server == CacheServer("127.0.0.1", int(parsed.port or 0), str(parsed.database))
        assert "s3cret" not in str(server) and "newsreader@" not in str(server)


def test_the_watch_wakes_on_articles_stored_elsewhere(
    tmp_path: Path, profile_db_url: str | None, backend: str
) -> None:
    with Reader.open(tmp_path, profile_db_url) as reader:
        url = database_of(reader).url
        # on PostgreSQL only the notification can wake it in time
        watch = reader.watch_articles(poll_seconds=NEVER if backend == "postgresql" else 0.1)
        assert watch.listening is (backend == "postgresql")
        writer = threading.Timer(0.2, store_elsewhere, (url, "خبر عاجل"))
        writer.start()
        try:
            assert watch.wait(60) is True
            assert [a.title for a in reader.list_articles()] == ["خبر عاجل"]
        finally:
            writer.join()
            watch.stop()


@pytest.mark.parametrize("backend", ["postgresql"])
def test_marks_held_while_the_server_is_away_survive_a_restart_of_the_app(
    tmp_path: Path, profile_db_url: str
) -> None:
    first, second = store_elsewhere(profile_db_url, "الأول", "الثاني")
    paths = app_paths(tmp_path).ensure()
    away = f"postgresql+psycopg://newsreader:pw@127.0.0.1:{closed_port()}/news"
    offline = Reader(Database(away, migrate=False), paths=paths)
    offline.mark_read([first])  # no error: the mark is held
    offline.mark_starred([second])
    offline.mark_read([first], False)
    held = [
        HeldMark("read", (first,), True),
        HeldMark("starred", (second,), True),
        HeldMark("read", (first,), False),
    ]
    assert offline.held_marks() == held
    offline.close()
    assert (paths.data / HELD_MARKS_FILE).is_file()

    again = Reader(Database(away, migrate=False), paths=paths)  # the window opened again
    assert again.held_marks() == held
    with pytest.raises(StorageUnavailableError):
        again.write_held_marks()
    assert again.held_marks() == held
    again.close()

    with Reader(Database(profile_db_url), paths=paths) as back:
        assert back.write_held_marks() == 3
        rows = {a.id: a for a in back.list_articles()}
        assert not rows[first].read  # read, then unread: in the order made
        assert rows[second].starred
        assert back.held_marks() == []
    assert not (paths.data / HELD_MARKS_FILE).exists()


def test_a_mark_made_after_held_ones_is_written_after_them(
    tmp_path: Path, profile_db_url: str | None
) -> None:
    with Reader.open(tmp_path, profile_db_url) as reader:
        (article,) = store_elsewhere(database_of(reader).url, "خبر")
        held = reader._held()  # as if a star had been held while the server was away
        held.marks.append(HeldMark("starred", (article,), True))
        held.save()
        reader.mark_starred([article], False)  # the later mark wins
        assert reader.held_marks() == []
        assert not reader.get_article(article).starred


def test_a_held_mark_for_an_article_gone_meanwhile_holds_up_nothing(
    tmp_path: Path, profile_db_url: str | None
) -> None:
    with Reader.open(tmp_path, profile_db_url) as reader:
        (article,) = store_elsewhere(database_of(reader).url, "خبر")
        held = reader._held()
        held.marks.append(HeldMark("read", (999_999,), True))
        held.marks.append(HeldMark("starred", (article,), True))
        assert reader.write_held_marks() == 2
        assert reader.get_article(article).starred
        assert reader.held_marks() == []


def test_a_server_stopped_and_started_again_under_an_open_reader(
    tmp_path: Path, own_cluster: Cluster
) -> None:
    url = own_cluster.create_database(template=HEAD_TEMPLATE)
    first, second = store_elsewhere(url, "قبل الانقطاع", "before the outage")
    reader = Reader.open(tmp_path, url)
    try:
        assert len(reader.list_articles()) == 2
        own_cluster.stop_server()
        try:
            with pytest.raises(StorageUnavailableError) as caught:
                reader.list_articles()
            message = str(caught.value)
            assert f"127.0.0.1:{own_cluster.port}/{url.rsplit('/', 1)[1]}" in message
            assert "\n" not in message and "newsreader@" not in message
            assert "refused the connection" in message
            reader.mark_read([first])  # held, not lost
            reader.mark_starred([second])
            with pytest.raises(StorageUnavailableError):  # a note is refused: the editor keeps it
                reader.add_note(first, "ملاحظة")
            with pytest.raises(StorageUnavailableError):
                reader.watch_articles()
            assert len(reader.held_marks()) == 2
        finally:
            own_cluster.start_server()
        assert reader.write_held_marks() == 2
        rows = {a.id: a for a in reader.list_articles()}
        assert rows[first].read and rows[second].starred
        reader.mark_read([second])
        reader.add_note(first, "ملاحظة")
        assert [n.text for n in reader.list_notes(first)] == ["ملاحظة"]
        assert reader.get_article(second).read
    finally:
        reader.close()
