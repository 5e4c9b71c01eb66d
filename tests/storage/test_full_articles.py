"""Whole articles in the database: each feed's setting, the texts, what to fetch next."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import insert

from newsreader.core.errors import ArticleNotFoundError, FeedNotFoundError
from newsreader.core.full_articles import FullArticleMode, FullText
from newsreader.storage import feeds as feed_store
from newsreader.storage import full_articles as store
from newsreader.storage.database import Database
from newsreader.storage.models import ArticleRow
from tests.helpers import storage

db = storage.db
T0 = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)
LONG = "<p>" + " ".join(["كلمة"] * 80) + "</p>"


def _articles(db: Database, feed_id: int, bodies: list[str | None], start: int) -> None:
    with db.session() as session:
        session.execute(
            insert(ArticleRow),
            [
                {
                    "id": start + n,
                    "feed_id": feed_id,
                    "key": f"k{start + n}",
                    "title": "خبر",
                    "link": f"http://127.0.0.1:9/{start + n}",
                    "summary": "سطر قصير",
                    "content_html": body,
                    "first_seen": T0,
                    "sort_time": T0 + timedelta(minutes=n),
                }
                for n, body in enumerate(bodies)
            ],
        )


def test_a_feed_starts_off_and_keeps_its_setting(db: Database) -> None:
    feed = storage.subscribe(db, "http://127.0.0.1:9/feed")
    with db.session() as session:
        assert store.mode_of(session, feed) is FullArticleMode.OFF
        assert not store.any_feed_wanting(session)
        store.set_mode(session, feed, FullArticleMode.AUTO)
    with db.session() as session:
        assert store.mode_of(session, feed) is FullArticleMode.AUTO
        assert store.any_feed_wanting(session)
    with db.session() as session, pytest.raises(FeedNotFoundError):
        store.set_mode(session, 999, FullArticleMode.ON)
    with db.session() as session, pytest.raises(FeedNotFoundError):
        store.mode_of(session, 999)


def test_pages_to_fetch_follow_the_settings_newest_first(db: Database) -> None:
    on = storage.subscribe(db, "http://127.0.0.1:9/on")
    auto_short = storage.subscribe(db, "http://127.0.0.1:9/auto-short")
    auto_long = storage.subscribe(db, "http://127.0.0.1:9/auto-long")
    off = storage.subscribe(db, "http://127.0.0.1:9/off")
    _articles(db, on, [LONG, LONG], 1)
    _articles(db, auto_short, [None, "<p>سطر</p>"], 11)
    _articles(db, auto_long, [LONG, LONG], 21)
    _articles(db, off, [None], 31)
    with db.session() as session:
        store.set_mode(session, on, FullArticleMode.ON)
        store.set_mode(session, auto_short, FullArticleMode.AUTO)
        store.set_mode(session, auto_long, FullArticleMode.AUTO)
    with db.session() as session:
        pages = store.pages_to_fetch(session, 10)
        assert sorted(p.article_id for p in pages) == [1, 2, 11, 12]
        assert [p.article_id for p in store.pages_to_fetch(session, 2)] == [12, 2]
        store.store(session, FullText(12, "<p>نص</p>", T0))
        store.store(session, FullText(2, None, T0, "404"))
    with db.session() as session:  # tried once, text or error: not again
        assert sorted(p.article_id for p in store.pages_to_fetch(session, 10)) == [1, 11]


def test_a_text_and_its_validators_are_kept_and_a_later_failure_keeps_the_text(
    db: Database,
) -> None:
    feed = storage.subscribe(db, "http://127.0.0.1:9/feed")
    _articles(db, feed, [None], 1)
    with db.session() as session:
        assert store.full_text(session, 1) is None
        store.store(session, FullText(1, "<p>نص</p>", T0), etag='"v1"')
    with db.session() as session:
        assert store.page_of(session, 1) == store.PageToFetch(1, "http://127.0.0.1:9/1", '"v1"')
        later = T0 + timedelta(hours=1)
        store.store(session, FullText(1, None, later, "timed out"), keep_text=True)
    with db.session() as session:
        assert store.full_text(session, 1) == FullText(1, "<p>نص</p>", later, "timed out")
        assert store.full_htmls(session, [1, 2]) == ["<p>نص</p>"]
        store.store(session, FullText(1, None, later, "gone"))
    with db.session() as session:
        assert store.full_text(session, 1) == FullText(1, None, later, "gone")
        assert store.full_htmls(session, [1]) == []


def test_an_article_gone_meanwhile_is_not_stored_and_unknown_ones_are_errors(
    db: Database,
) -> None:
    with db.session() as session:
        store.store(session, FullText(5, "<p>نص</p>", T0))
        assert store.full_text(session, 5) is None
        with pytest.raises(ArticleNotFoundError):
            store.page_of(session, 5)


def test_removing_the_feed_removes_its_texts(db: Database) -> None:
    feed = storage.subscribe(db, "http://127.0.0.1:9/feed")
    _articles(db, feed, [None], 1)
    with db.session() as session:
        store.store(session, FullText(1, "<p>نص</p>", T0))
    with db.session() as session:
        feed_store.remove_feed(session, feed)
    with db.session() as session:
        assert store.full_text(session, 1) is None
