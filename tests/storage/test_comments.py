"""Comments in the database: storing them in place, reading a thread's rows, comment-feed state.

Replies in a site-wide feed attached to their articles (attach_replies) are tested
with the refresh that uses them, in tests/update/test_comments.py and
tests/update/test_store.py.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import insert, select, update

from newsreader.core.errors import ArticleNotFoundError
from newsreader.core.types import Direction
from newsreader.storage import articles as article_store
from newsreader.storage.comments import (
    CommentValues,
    comment_direction,
    comment_target,
    comment_values,
    list_comment_rows,
    prefetch_candidates,
    raise_comment_count,
    require_article,
    save_source_state,
    source_state,
    store_comments,
)
from newsreader.storage.database import Database
from newsreader.storage.models import ArticleRow, ArticleStateRow
from tests.helpers import storage
from tests.helpers.parsed import entry
from tests.helpers.storage import subscribe

#: The shared fixture, visible to the tests below.
db = storage.db

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
FEED = "https://blog.example/post/feed/"


def articles(db: Database, *rows: dict[str, Any]) -> list[int]:
    """Articles of one feed from partial rows (key, and what else a test needs); their ids."""
    feed_id = subscribe(db, "https://blog.example/feed")
    with db.session() as session:
        session.execute(
            insert(ArticleRow),
            [{"feed_id": feed_id, "first_seen": NOW, "sort_time": NOW, **row} for row in rows],
        )
        return list(session.scalars(select(ArticleRow.id).order_by(ArticleRow.id)))


def comment(key: str, text: str = "<p>Agreed.</p>", **changes: Any) -> CommentValues:
    values: dict[str, Any] = {
        "key": key,
        "parent_key": None,
        "author": "Omar",
        "published": NOW,
        "content_html": text,
        "direction": Direction.LTR,
        "link": None,
        "source_url": FEED,
    }
    values.update(changes)
    return CommentValues(**values)


def store(db: Database, article_id: int, *comments: CommentValues) -> tuple[int, int]:
    with db.session() as session:
        return store_comments(session, article_id, list(comments), NOW)


def stored(db: Database, article_id: int) -> dict[str, tuple[int, str | None, str]]:
    """key -> (id, parent key, content) of the article's comments."""
    with db.session() as session:
        return {
            c.guid: (c.id, parent, c.content_html)
            for c, parent in list_comment_rows(session, article_id)
        }


# -- storing ------------------------------------------------------------------------------------


def test_comments_are_inserted_once_and_updated_in_place(db: Database) -> None:
    [post] = articles(db, {"key": "post"})
    assert store(db, post, comment("c1"), comment("c2")) == (2, 0)
    before = stored(db, post)

    assert store(db, post, comment("c1"), comment("c2")) == (0, 0)  # unchanged: not rewritten
    assert store(db, post, comment("c1", "<p>Edited.</p>"), comment("c3")) == (1, 1)

    after = stored(db, post)
    assert after["c1"] == (before["c1"][0], None, "<p>Edited.</p>")
    assert set(after) == {"c1", "c2", "c3"}
    assert store(db, post) == (0, 0)


def test_a_key_repeated_in_one_feed_keeps_its_first(db: Database) -> None:
    [post] = articles(db, {"key": "post"})
    assert store(db, post, comment("c1", "<p>first</p>"), comment("c1", "<p>second</p>")) == (1, 0)
    assert stored(db, post)["c1"][2] == "<p>first</p>"


def test_a_feed_without_threading_never_erases_a_parent(db: Database) -> None:
    [post] = articles(db, {"key": "post"})
    store(db, post, comment("c1"), comment("c2", parent_key="c1", source_url="threaded"))

    flat = comment("c2", parent_key=None, source_url="flat")
    assert store(db, post, flat) == (0, 0)  # the same comment, seen in another feed
    assert stored(db, post)["c2"][1] == "c1"


def test_the_same_comment_in_two_feeds_is_the_same_comment() -> None:
    one = comment("c1", source_url="https://a.example/feed")
    assert one.content_hash == replace(one, source_url="https://b.example/feed").content_hash
    for change in ({"author": "Salma"}, {"parent_key": "c0"}, {"direction": Direction.RTL}):
        assert replace(one, **change).content_hash != one.content_hash


def test_an_article_shows_at_least_the_comments_stored(db: Database) -> None:
    unknown, fewer, more = articles(
        db, {"key": "a"}, {"key": "b", "comment_count": 1}, {"key": "c", "comment_count": 40}
    )
    for article_id in (unknown, fewer, more):
        store(db, article_id, comment("c1"), comment("c2"))

    with db.session() as session:
        raise_comment_count(session, [unknown, fewer, more, fewer])
        counts = [
            article_store.get_article(session, i).comment_count for i in (unknown, fewer, more)
        ]
    assert counts == [2, 2, 40]  # a feed that says more knows of comments not fetched


# -- what a comment is made of --------------------------------------------------------------------


def test_a_comment_takes_its_content_else_its_summary_escaped() -> None:
    with_content = entry("c1", content_html="<p>رأي</p>", summary="رأي", author="Salma")
    summary_only = entry("c2", content_html=None, summary="a < b & c")

    first = comment_values(with_content, parent_key="c0", source_url=FEED, fallback=Direction.LTR)
    second = comment_values(summary_only, parent_key=None, source_url=None, fallback=Direction.LTR)

    assert (first.key, first.parent_key, first.author, first.content_html) == (
        "c1",
        "c0",
        "Salma",
        "<p>رأي</p>",
    )
    assert first.direction is Direction.RTL
    assert second.content_html == "<p>a &lt; b &amp; c</p>"


def test_a_comments_own_words_decide_its_direction() -> None:
    def direction(**fields: Any) -> Direction:
        return comment_direction(entry("c", **fields), Direction.RTL)

    # an Arabic site's feed says "ar" for every comment, English replies too
    assert direction(content_html="<p>I disagree.</p>", language="ar") is Direction.LTR
    assert direction(content_html="<p>👍</p>", language="ar") is Direction.RTL
    assert direction(content_html="<p>👍</p>", language="en") is Direction.LTR
    assert direction(content_html="<p>👍</p>", title="Nice") is Direction.LTR
    assert direction(content_html="<p>👍</p>", title="") is Direction.RTL  # the article's


# -- reading ------------------------------------------------------------------------------------


def test_a_threads_rows_carry_their_parents_key_and_a_time(db: Database) -> None:
    [post] = articles(db, {"key": "post"})
    store(db, post, comment("c1", published=None), comment("c2", parent_key="c1"))

    with db.session() as session:
        rows = {c.guid: (c, parent) for c, parent in list_comment_rows(session, post)}

    assert rows["c1"][0].published == NOW  # undated: when it was first seen
    assert rows["c2"][1] == "c1"
    assert {c.parent_id for c, _ in rows.values()} == {None}  # the thread's to set
    assert rows["c1"][0].article_id == post


def test_an_unknown_article_is_a_clear_error(db: Database) -> None:
    with db.session() as session:
        with pytest.raises(ArticleNotFoundError):
            require_article(session, 404)
        with pytest.raises(ArticleNotFoundError):
            comment_target(session, 404)


# -- comment feeds ------------------------------------------------------------------------------


def test_an_articles_comment_feed_is_asked_with_its_last_validators(db: Database) -> None:
    plain, with_feed = articles(
        db,
        {"key": "plain"},
        {"key": "post", "link": "https://blog.example/post", "comments_feed_url": FEED},
    )
    with db.session() as session:
        assert comment_target(session, plain) is None
        first = comment_target(session, with_feed)
        save_source_state(
            session, FEED, status="ok", error=None, now=NOW, validators=('"e1"', None, "h" * 40)
        )
        second = comment_target(session, with_feed)

    assert first is not None and (first.etag, first.body_hash, first.unconditional) == (
        None,
        None,
        False,
    )
    assert second is not None
    assert (second.url, second.article_key, second.article_link) == (
        FEED,
        "post",
        "https://blog.example/post",
    )
    assert (second.etag, second.body_hash, second.unconditional) == ('"e1"', "h" * 40, False)


def test_a_copy_of_a_post_asks_unconditionally_for_comments_it_does_not_have(
    db: Database,
) -> None:
    first, copy = articles(
        db,
        {"key": "blog", "comments_feed_url": FEED},
        {"key": "category", "comments_feed_url": FEED},
    )
    store(db, first, comment("c1"))
    with db.session() as session:
        save_source_state(
            session, FEED, status="ok", error=None, now=NOW, validators=('"e"', None, None)
        )
        for_copy, for_first = comment_target(session, copy), comment_target(session, first)

    assert for_copy is not None and for_copy.unconditional  # a 304 would leave it empty
    assert for_first is not None and not for_first.unconditional

    store(db, copy, comment("c1"))  # once it has comments of its own, it asks as the first does
    with db.session() as session:
        for_copy = comment_target(session, copy)
    assert for_copy is not None and not for_copy.unconditional


def test_a_failed_fetch_keeps_the_validators_of_the_last_good_one(db: Database) -> None:
    [post] = articles(db, {"key": "p", "comments_feed_url": FEED})

    def validators() -> tuple[str | None, str | None, str | None]:
        with db.session() as session:
            target = comment_target(session, post)
        assert target is not None
        return target.etag, target.last_modified, target.body_hash

    with db.session() as session:
        assert source_state(session, FEED) is None
        save_source_state(
            session, FEED, status="ok", error=None, now=NOW, validators=('"e1"', "Mon", "h1")
        )
    later = NOW + timedelta(hours=1)
    with db.session() as session:
        save_source_state(session, FEED, status="error", error="HTTP 503", now=later)
        failed = source_state(session, FEED)
    assert failed is not None
    assert (failed.status, failed.error, failed.last_fetched) == ("error", "HTTP 503", later)
    assert validators() == ('"e1"', "Mon", "h1")

    with db.session() as session:  # a 304 brings validators, and no body to hash
        save_source_state(
            session,
            FEED,
            status="not_modified",
            error=None,
            now=NOW,
            validators=('"e2"', None, None),
        )
    assert validators() == ('"e2"', None, "h1")


def test_prefetch_picks_starred_and_recently_opened_articles_not_fetched_lately(
    db: Database,
) -> None:
    rows = [
        {"key": "starred", "comments_feed_url": FEED + "1", "sort_time": NOW - timedelta(hours=1)},
        {"key": "opened", "comments_feed_url": FEED + "2", "sort_time": NOW},
        {"key": "opened-long-ago", "comments_feed_url": FEED + "3"},
        {"key": "fetched-lately", "comments_feed_url": FEED + "4"},
        {"key": "no-feed"},
        {
            "key": "same-feed",
            "comments_feed_url": FEED + "1",
            "sort_time": NOW - timedelta(hours=2),
        },
        {"key": "untouched", "comments_feed_url": FEED + "5"},
    ]
    ids = dict(zip([r["key"] for r in rows], articles(db, *rows), strict=True))
    with db.session() as session:
        article_store.mark_starred(
            session, [ids["starred"], ids["fetched-lately"], ids["no-feed"], ids["same-feed"]]
        )
        article_store.mark_opened(session, ids["opened"])
        article_store.mark_opened(session, ids["opened-long-ago"])
        session.execute(
            update(ArticleStateRow)
            .where(ArticleStateRow.article_id == ids["opened-long-ago"])
            .values(opened_at=NOW - timedelta(days=30))
        )
        save_source_state(session, FEED + "4", status="ok", error=None, now=NOW)

    def chosen(opened_since: datetime, limit: int = 10) -> list[int]:
        with db.session() as session:
            return prefetch_candidates(
                session,
                opened_since=opened_since,
                fetched_before=NOW - timedelta(hours=1),
                limit=limit,
            )

    recently = datetime.now(UTC) - timedelta(minutes=5)
    assert chosen(recently) == [ids["opened"], ids["starred"]]  # newest first, a feed once
    assert chosen(recently, limit=1) == [ids["opened"]]
    assert chosen(datetime.now(UTC) + timedelta(minutes=5)) == [ids["starred"]]
