"""The views and look-ups that must not read whole tables, checked with EXPLAIN QUERY PLAN.

Each test runs the storage function itself on a real database file, records the
statements it sends, and asks SQLite how it runs each one, so a change to either
the query or the indexes that loses an index fails here.  SQLite only: the plans are
SQLite's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, insert, text
from sqlalchemy.orm import Session

from newsreader.core.parsed import ParsedEntry
from newsreader.core.types import ArticleCursor, ArticleQuery, Direction
from newsreader.storage import articles as store
from newsreader.storage.comments import attach_replies, attach_stored_replies
from newsreader.storage.database import Database, sqlite_url
from newsreader.storage.models import ArticleRow, ArticleStateRow, CommentRow, FeedRow

T0 = datetime(2026, 3, 1, tzinfo=UTC)
ARTICLES = 600
#: Every 30th article has a video, every 50th is starred; every other one has a
#: state row (read), so most marks are not stars.
VIDEO_EVERY = 30
STAR_EVERY = 50


def _time(i: int) -> datetime:
    return T0 + timedelta(minutes=i // 2)  # pairs share a time: the id breaks the tie


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database(sqlite_url(tmp_path / "plans.sqlite3"))
    with database.session() as session:
        session.execute(
            insert(FeedRow),
            [{"url": f"http://127.0.0.1:9/feed/{f}", "added": T0} for f in range(4)],
        )
        session.execute(
            insert(ArticleRow),
            [
                {
                    "id": i + 1,
                    "feed_id": i % 4 + 1,
                    "key": f"guid-{i}",
                    "title": f"article {i}",
                    "link": f"http://127.0.0.1:9/post/{i}",
                    "first_seen": T0 + timedelta(minutes=i),
                    "sort_time": _time(i),
                    "has_video": i % VIDEO_EVERY == 0,
                }
                for i in range(ARTICLES)
            ],
        )
        session.execute(
            insert(ArticleStateRow),
            [
                {
                    "user_name": database.user,
                    "article_id": i + 1,
                    "read": i % 4 == 0,
                    "starred": i % STAR_EVERY == 0,
                }
                for i in range(0, ARTICLES, 2)
            ],
        )
        session.execute(
            insert(CommentRow),
            [
                {"article_id": i + 1, "key": f"http://127.0.0.1:9/post/{i}#c1", "first_seen": T0}
                for i in range(0, ARTICLES, 3)
            ],
        )
    yield database
    database.close()


@dataclass(frozen=True)
class Issued:
    sql: str
    plan: list[str]

    def uses(self, index: str) -> bool:
        return any(f" INDEX {index}" in line for line in self.plan)


def issued_by(db: Database, call: Callable[[Session], Any]) -> list[Issued]:
    """Run ``call`` in a session; every SELECT it sent, with SQLite's plan for it."""
    sent: list[tuple[str, Any]] = []

    def record(_conn: Any, _cursor: Any, statement: str, params: Any, *_rest: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            sent.append((statement, params))

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        with db.session() as session:
            call(session)
    finally:
        event.remove(db.engine, "before_cursor_execute", record)
    with db.engine.connect() as conn:
        return [
            Issued(sql, [r[3] for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, params)])
            for sql, params in sent
        ]


def only(issued: list[Issued]) -> Issued:
    assert len(issued) == 1, [i.sql for i in issued]
    return issued[0]


def full_scans(issued: Issued) -> list[str]:
    """Lines that read a whole table or a whole index of every row."""
    return [line for line in issued.plan if line.startswith("SCAN")]


def page_cursor(db: Database, q: ArticleQuery, rows: int) -> ArticleCursor:
    with db.session() as session:
        shown = store.list_articles(session, q, limit=rows)
        cursor = store.cursor_of(session, shown[-1].id)
    assert cursor is not None
    return cursor


# --- after a refresh ---------------------------------------------------------------------


def test_articles_first_seen_since_a_time_are_found_by_index(db: Database) -> None:
    since = T0 + timedelta(minutes=ARTICLES - 5)
    found: list[int] = []
    issued = only(issued_by(db, lambda s: found.extend(store.ids_first_seen_since(s, since))))
    assert sorted(found) == list(range(ARTICLES - 4, ARTICLES + 1))
    assert issued.uses("ix_articles_first_seen"), issued.plan
    assert full_scans(issued) == [], issued.plan


# --- the Videos view ---------------------------------------------------------------------


def test_videos_view_reads_the_video_index_in_list_order(db: Database) -> None:
    videos = ArticleQuery(video=True)
    cursor = page_cursor(db, videos, 5)
    first = only(issued_by(db, lambda s: store.list_articles(s, videos, limit=5)))
    later = only(issued_by(db, lambda s: store.list_articles(s, videos, limit=5, after=cursor)))
    count = only(issued_by(db, lambda s: store.count_articles(s, videos)))
    for issued in (first, later, count):
        assert issued.uses("ix_articles_video_sort"), issued.plan
    for issued in (first, later):  # the index gives the order: nothing is sorted
        assert not any("TEMP B-TREE" in line for line in issued.plan), issued.plan
    # a later page starts at the cursor instead of stepping over the newer videos
    assert any("ix_articles_video_sort (sort_time<?)" in line for line in later.plan), later.plan


def test_later_pages_of_the_date_ordered_list_start_at_the_cursor(db: Database) -> None:
    everything = ArticleQuery()
    cursor = page_cursor(db, everything, 50)
    later = only(
        issued_by(db, lambda s: store.list_articles(s, everything, limit=50, after=cursor))
    )
    assert any("ix_articles_sort (sort_time<?)" in line for line in later.plan), later.plan


# --- the Starred view --------------------------------------------------------------------


def _starred_statements(db: Database) -> dict[str, Issued]:
    starred = ArticleQuery(starred=True)
    cursor = page_cursor(db, starred, 3)
    return {
        "list": only(issued_by(db, lambda s: store.list_articles(s, starred, limit=50))),
        "later": only(
            issued_by(db, lambda s: store.list_articles(s, starred, limit=50, after=cursor))
        ),
        "count": only(issued_by(db, lambda s: store.count_articles(s, starred))),
        "ids": only(issued_by(db, lambda s: store.article_ids(s, starred))),
    }


def _starts_from_the_starred_marks(issued: Issued) -> bool:
    outermost = issued.plan[0]
    return outermost.startswith("SEARCH article_state ") and (
        "INDEX ix_article_state_starred_only" in outermost
    )


def test_starred_view_and_count_start_from_the_starred_marks(db: Database) -> None:
    for name, issued in _starred_statements(db).items():
        assert _starts_from_the_starred_marks(issued), (name, issued.plan)
        assert full_scans(issued) == [], (name, issued.plan)


def test_starred_and_videos_keep_their_indexes_with_table_statistics(db: Database) -> None:
    """With statistics SQLite knows how few rows the partial indexes hold."""
    with db.engine.begin() as conn:
        conn.execute(text("ANALYZE"))
    for name, issued in _starred_statements(db).items():
        assert _starts_from_the_starred_marks(issued), (name, issued.plan)
    videos = ArticleQuery(video=True)
    for call in (
        lambda s: store.list_articles(s, videos, limit=5),
        lambda s: store.count_articles(s, videos),
    ):
        issued = only(issued_by(db, call))
        assert issued.plan[0].startswith("SCAN articles USING INDEX ix_articles_video_sort"), (
            issued.plan
        )


# --- replies in site-wide comment feeds --------------------------------------------------


def _reply(key: str, to: str) -> ParsedEntry:
    return ParsedEntry(
        key=key,
        title="",
        link=None,
        author=None,
        summary=None,
        content_html="<p>reply</p>",
        published=None,
        updated=None,
        language=None,
        direction=Direction.LTR,
        in_reply_to=to,
    )


def test_reply_targets_are_looked_up_by_article_key_link_and_comment_key(db: Database) -> None:
    replies = [_reply("r1", "http://127.0.0.1:9/elsewhere/1"), _reply("r2", "urn:unknown:2")]
    outcome: list[Any] = []

    def attach(session: Session) -> None:
        outcome.append(attach_replies(session, replies, source_url="s", now=T0))

    articles, comments = issued_by(db, attach)
    assert outcome == [(replies, 0, 0)]  # nothing known: both stay articles
    assert articles.uses("ix_articles_key") and articles.uses("ix_articles_link"), articles.plan
    assert comments.uses("ix_comments_key"), comments.plan
    assert full_scans(articles) == [] and full_scans(comments) == []


def test_replies_stored_before_their_articles_are_found_by_index_ranges(db: Database) -> None:
    links = [f"http://127.0.0.1:9/post/{i}" for i in range(1, 400, 4)]  # feed 2's articles
    with db.session() as session:  # one reply, stored by feed 3, to the first of them
        # a profile with statistics (the app runs PRAGMA optimize), where SQLite once
        # preferred walking every other feed's articles to the link index
        session.execute(
            insert(ArticleRow),
            [
                {
                    "feed_id": 1 + i % 3,
                    "key": f"bulk-{i}",
                    "title": "",
                    "link": f"http://127.0.0.1:9/bulk/{i}",
                    "first_seen": T0,
                    "sort_time": T0,
                }
                for i in range(3000)
            ],
        )
        session.execute(text("ANALYZE"))
        session.execute(
            insert(ArticleRow),
            [
                {
                    "feed_id": 3,
                    "key": "reply",
                    "title": "",
                    "link": f"{links[0]}#comment-7",
                    "first_seen": T0,
                    "sort_time": T0,
                }
            ],
        )

    def attach(session: Session) -> None:
        assert attach_stored_replies(session, 2, links, T0) == 1

    issued = issued_by(db, attach)
    searches = [i for i in issued if "articles.link >= ?" in i.sql]
    assert len(searches) == 2, [i.sql for i in issued]  # 100 links, 50 per search
    for statement in issued:
        assert full_scans(statement) == [], statement.plan
    assert all(s.uses("ix_articles_link") for s in searches), [s.plan for s in searches]
