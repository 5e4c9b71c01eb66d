"""One shared PostgreSQL cache, two fetchers and two desktops of two users.

Two ``newsreader fetcher`` processes fill the cache from a real HTTP server on
127.0.0.1 while two windows (Alice's and Bob's, real Qt widgets) are open on it. The
windows fetch nothing themselves yet list every article the fetchers store; no feed
is served twice, no article is stored twice; each user's marks and notes are their
own, and none is lost when the fetchers bring more news.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from newsreader.core.types import ArticleQuery
from newsreader.reader import Reader
from newsreader.storage.models import ArticleRow, FeedRow
from tests.helpers.feeds import numbered, rss
from tests.helpers.feedserver import FeedServer, Response
from tests.helpers.profile import database_of
from tests.ui.test_shared_cache_watch import make_window

pytestmark = pytest.mark.gui

FEEDS = 8
#: A bound on how long a process or the windows may take, so a broken one fails the
#: test (not a pace).
BOUND_S = 180
WAIT_MS = BOUND_S * 1000


def serve(feed_server: FeedServer, items: int) -> list[str]:
    paths = [f"/shared{n}" for n in range(FEEDS)]
    for n, path in enumerate(paths):
        topics = ("اقتصاد", f"topic {n % 3}")  # new categories met by both fetchers
        feed_server.route(path, Response(body=rss(numbered(items, path[1:], categories=topics))))
    return paths


def fetchers_once(data_dir: Path, db_url: str, count: int = 2) -> None:
    """*count* fetcher processes started together; each must end well."""
    env = {**os.environ, "NO_PROXY": "127.0.0.1", "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-m", "newsreader", "--data-dir", str(data_dir), "--db", db_url]
    started = [
        subprocess.Popen(
            [*command, "fetcher", "--once", "--batch", "2"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for _ in range(count)
    ]
    for process in started:
        _, err = process.communicate(timeout=BOUND_S)
        assert process.returncode == 0, err
        assert " ERROR " not in err and "Traceback" not in err, err


@pytest.fixture
def users(tmp_path: Path, profile_db_url: str) -> Iterator[tuple[Reader, Reader]]:
    alice = Reader.open(tmp_path / "alice", profile_db_url, user="alice")
    bob = Reader.open(tmp_path / "bob", profile_db_url, user="bob")
    yield alice, bob
    alice.close()
    bob.close()


def served(feed_server: FeedServer) -> Counter[str]:
    return Counter(r.path for r in feed_server.requests if r.path.startswith("/shared"))


@pytest.mark.parametrize("backend", ["postgresql"])
def test_two_fetchers_and_two_desktops_share_the_news_and_not_the_state(
    qtbot,
    tmp_path: Path,
    feed_server: FeedServer,
    profile_db_url: str,
    users: tuple[Reader, Reader],
) -> None:
    alice, bob = users
    paths = serve(feed_server, items=3)
    for path in paths:
        alice.subscribe(feed_server.url(path))
    windows = [make_window(qtbot, r, tmp_path / f"{r.user}.ini") for r in users]
    try:
        assert all(w.article_model.rowCount() == 0 for w in windows)

        fetchers_once(tmp_path / "server", profile_db_url)

        stored = 3 * FEEDS
        for window in windows:  # the desktops see the fetchers' articles, fetching nothing
            qtbot.waitUntil(lambda w=window: w.article_model.rowCount() == stored, timeout=WAIT_MS)
        assert served(feed_server) == dict.fromkeys(paths, 1)

        ids = sorted(alice.article_ids())
        assert ids == sorted(bob.article_ids()) and len(ids) == stored
        alice.mark_read(ids[:2])
        alice.mark_starred([ids[2]])
        alice.add_note(ids[3], "ملاحظة أليس الخاصة")
        bob.mark_read([ids[4]])
        bob.mark_starred([ids[5]])

        # more news comes; the same two fetchers run again
        serve(feed_server, items=4)
        with database_of(alice).session() as session:
            session.execute(update(FeedRow).values(next_fetch=None))
            session.commit()
        fetchers_once(tmp_path / "server", profile_db_url)

        stored = 4 * FEEDS
        for window in windows:
            qtbot.waitUntil(lambda w=window: w.article_model.rowCount() == stored, timeout=WAIT_MS)
        assert served(feed_server) == dict.fromkeys(paths, 2)  # the desktops fetched nothing
        with database_of(alice).session() as session:
            keys = session.execute(
                select(ArticleRow.feed_id, ArticleRow.key, func.count())
                .group_by(ArticleRow.feed_id, ArticleRow.key)
                .having(func.count() > 1)
            ).all()
        assert keys == []  # no article stored twice

        # each user's marks and notes, and only theirs, after the second round
        assert alice.count_articles() == (stored, stored - 2)
        assert bob.count_articles() == (stored, stored - 1)
        assert alice.article_ids(ArticleQuery(starred=True)) == [ids[2]]
        assert bob.article_ids(ArticleQuery(starred=True)) == [ids[5]]
        assert [n.text for n in alice.list_notes(ids[3])] == ["ملاحظة أليس الخاصة"]
        assert bob.list_notes(ids[3]) == []
        assert bob.search("أليس").total == 0
        assert [h.article.id for h in alice.search("أليس").hits] == [ids[3]]
    finally:
        for window in windows:
            window.shutdown()
