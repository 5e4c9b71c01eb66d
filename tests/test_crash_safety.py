"""A refresh killed at any moment leaves a sound database and the user's data as it was.

``newsreader refresh --all`` runs as a process against feeds served on 127.0.0.1,
each feed a little longer at every request, and is killed with SIGKILL (no
clean-up of any kind) at random moments, 50 times.  After each kill:

- ``PRAGMA integrity_check`` says ``ok``;
- no article is half-stored: every article has its two categories and its
  enclosure, and each feed holds exactly the items of one whole document it was
  served (items ``0 … n-1``), the very document whose hash the feed's row keeps:
  articles and the feed's state were committed together or not at all;
- read and starred marks and notes are exactly what they were;
- the data folder's lock the killed process held does not block the next run.

Every kill's moment comes from a seeded generator, so a failure can be replayed.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import defaultdict
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest

from newsreader.core.paths import app_paths
from newsreader.reader import Reader
from tests.helpers.feedserver import FeedServer, Request, Response

pytestmark = pytest.mark.slow

KILLS = 50
FEEDS = 12
FIRST_ITEMS = 30  # items in a feed's first document
MORE_ITEMS = 6  # items each later document adds
SEED = 20261207
BASE_TIME = datetime(2026, 12, 1, 6, 0, tzinfo=UTC)


class GrowingFeeds:
    """Feeds that serve one more batch of items at every request, remembering each body."""

    def __init__(self) -> None:
        self.served: dict[str, int] = defaultdict(int)  # path → documents served
        self.items_of: dict[str, int] = {}  # body hash → items in that document
        self._lock = threading.Lock()

    def __call__(self, request: Request) -> Response:
        path = request.path
        with self._lock:
            count = FIRST_ITEMS + MORE_ITEMS * self.served[path]
            self.served[path] += 1
        body = self.document(path, count)
        with self._lock:
            self.items_of[hashlib.sha256(body).hexdigest()] = count
        return Response(body=body)

    @staticmethod
    def document(path: str, count: int) -> bytes:
        name = path.strip("/").removesuffix(".rss")
        items = []
        for n in reversed(range(count)):
            when = format_datetime(BASE_TIME + timedelta(minutes=n))
            items.append(
                f"<item><guid>{name}-{n}</guid><title>خبر {n} من {name}</title>"
                f"<link>http://127.0.0.1:9/{name}/{n}</link><pubDate>{when}</pubDate>"
                f"<description>&lt;p&gt;نص الخبر {n} &lt;b&gt;كاملًا&lt;/b&gt;&lt;/p&gt;"
                "</description>"
                f"<category>قسم {n % 3}</category><category>{name}</category>"
                f'<enclosure url="http://127.0.0.1:9/{name}/{n}.mp3" length="{n + 1}"'
                ' type="audio/mpeg"/></item>'
            )
        return (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>{name}</title><link>http://127.0.0.1:9/{name}</link>"
            f"<language>ar</language>{''.join(items)}</channel></rss>"
        ).encode()


def user_data(database: Path) -> dict[str, object]:
    """Marks and notes, straight from the file."""
    conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        marks = conn.execute(
            "SELECT a.key, s.read, s.starred, s.read_at, s.starred_at FROM article_state s"
            " JOIN articles a ON a.id = s.article_id ORDER BY a.key"
        ).fetchall()
        notes = conn.execute(
            "SELECT a.key, n.text, n.created FROM notes n JOIN articles a ON a.id = n.article_id"
            " ORDER BY n.id"
        ).fetchall()
    finally:
        conn.close()
    return {"marks": marks, "notes": notes}


def check_whole(database: Path, feeds: GrowingFeeds) -> dict[str, int]:
    """The file is sound and every feed holds one whole document; items per feed."""
    conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        half = conn.execute(
            "SELECT a.key,"
            " (SELECT COUNT(*) FROM article_categories c WHERE c.article_id = a.id),"
            " (SELECT COUNT(*) FROM enclosures e WHERE e.article_id = a.id)"
            " FROM articles a"
        ).fetchall()
        assert [row for row in half if row[1:] != (2, 1)] == []
        held = {}
        for feed_id, url, body_hash in conn.execute("SELECT id, url, body_hash FROM feeds"):
            keys = {
                k for (k,) in conn.execute("SELECT key FROM articles WHERE feed_id = ?", (feed_id,))
            }
            name = url.rsplit("/", 1)[-1].removesuffix(".rss")
            count = feeds.items_of[body_hash] if body_hash else 0
            assert keys == {f"{name}-{n}" for n in range(count)}, url
            held[url] = count
        return held
    finally:
        conn.close()


@pytest.fixture
def profile(tmp_path: Path, feed_server: FeedServer) -> Iterator[tuple[Path, GrowingFeeds]]:
    feeds = GrowingFeeds()
    urls = []
    for n in range(FEEDS):
        feed_server.route(f"/feed{n}.rss", feeds)
        urls.append(feed_server.url(f"/feed{n}.rss"))
    data_dir = tmp_path / "profile"
    outlines = "".join(f'<outline text="feed {n}" xmlUrl="{u}"/>' for n, u in enumerate(urls))
    with Reader.open(data_dir) as reader:
        reader.import_opml(f'<opml version="2.0"><body>{outlines}</body></opml>'.encode())
        reader.refresh(all_feeds=True, follow_ups=())
        rows = reader.list_articles(limit=40)
        reader.mark_read([a.id for a in rows[::2]])
        reader.mark_starred([a.id for a in rows[::5]])
        reader.add_note(rows[3].id, "ملاحظة لا يمسّها التحديث")
        reader.add_note(rows[7].id, "a note\nover two lines")
    yield data_dir, feeds


def _refresh(data_dir: Path) -> subprocess.Popen[bytes]:
    env = dict(os.environ, NO_PROXY="127.0.0.1")
    env.pop("NEWSREADER_DATA_DIR", None)
    return subprocess.Popen(
        [sys.executable, "-m", "newsreader", "--data-dir", str(data_dir), "refresh", "--all"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        start_new_session=True,  # its parse workers in its group, cleaned up below
    )


def _end(process: subprocess.Popen[bytes]) -> bytes:
    """Wait for the process, then stop what is left of its group (its parse workers)."""
    _out, err = process.communicate(timeout=120)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    return err


def test_refreshes_killed_at_random_moments_lose_nothing(
    profile: tuple[Path, GrowingFeeds],
) -> None:
    data_dir, feeds = profile
    database = app_paths(data_dir).database
    before = user_data(database)
    held = check_whole(database, feeds)

    started = time.monotonic()  # one whole run: how long the kills are spread over
    whole = _refresh(data_dir)
    err = _end(whole)
    assert whole.returncode == 0, err.decode()
    span = time.monotonic() - started
    assert check_whole(database, feeds) != held

    rng = random.Random(SEED)
    interrupted = 0
    grew = 0
    for kill in range(KILLS):
        held = check_whole(database, feeds)
        process = _refresh(data_dir)
        time.sleep(rng.uniform(0.0, span))
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            interrupted += 1
        err = _end(process)
        assert process.returncode in (0, -signal.SIGKILL), f"kill {kill}: {err.decode()}"
        now = check_whole(database, feeds)
        assert all(now[url] >= count for url, count in held.items()), f"kill {kill}"
        grew += now != held
        assert user_data(database) == before, f"kill {kill}"
    # The moments fell while the refresh ran, most of them, and some stored a batch.
    assert interrupted >= KILLS // 2
    assert grew > 0
    print(  # figures for docs/reliability.md (pytest -s shows them)
        f"\ncrash safety: {KILLS} kills over {span:.1f} s runs, {interrupted} mid-run, "
        f"{grew} left newer news; integrity ok, 0 half-stored, 0 marks or notes lost"
    )
