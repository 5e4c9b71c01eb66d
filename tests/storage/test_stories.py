"""Story tables: signatures, copies with one set of marks, stories, the upgrade from 0002."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, insert, inspect, text

from newsreader.core.stories import signature
from newsreader.core.types import ArticleQuery
from newsreader.storage import articles as article_store
from newsreader.storage import stories as store
from newsreader.storage.database import HEAD_REVISION, Database, sqlite_url
from newsreader.storage.models import ArticleRow, FeedRow
from tests.helpers import storage
from tests.storage.test_migrations import _fill_at_0001, _migrate

db = storage.db
T0 = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)


def _articles(db: Database, count: int, feeds: int = 3) -> None:
    with db.session() as session:
        session.execute(
            insert(FeedRow),
            [
                {"url": f"http://127.0.0.1:9/{f}", "title": f"Feed {f}", "added": T0}
                for f in range(1, feeds + 1)
            ],
        )
        session.execute(
            insert(ArticleRow),
            [
                {
                    "id": i,
                    "feed_id": (i - 1) % feeds + 1,
                    "key": f"g{i}",
                    "title": f"headline {i}",
                    "first_seen": T0,
                    "sort_time": T0 + timedelta(hours=i),
                }
                for i in range(1, count + 1)
            ],
        )


def test_signatures_are_stored_and_read_back_by_time_window(db: Database) -> None:
    _articles(db, 3)
    sigs = [
        signature(
            i, i, T0 + timedelta(hours=i), f"زلزال في المدينة {i}", "نص", link=f"http://x/{i}"
        )
        for i in (1, 2, 3)
    ]
    with db.session() as session:
        store.write_signatures(session, sigs)
        assert [s.article_id for s in store.ungrouped_since(session, T0)] == []
        window = store.signatures_between(session, T0, T0 + timedelta(hours=2))
        assert sorted(window, key=lambda s: s.article_id) == sigs[:2]
        assert store.signatures_of(session, [3]) == sigs[2:]


def test_many_signatures_are_written_in_batches_and_ungrouped_ones_read_oldest_first(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store, "WRITE_BATCH", 2)
    _articles(db, 7)
    sigs = [
        signature(i, (i - 1) % 3 + 1, T0 + timedelta(hours=i), f"خبر {i}", None)
        for i in range(1, 6)
    ]
    with db.session() as session:
        store.write_signatures(session, sigs)  # three statements
        assert sorted(s.article_id for s in store.signatures_of(session, range(1, 8))) == [
            1,
            2,
            3,
            4,
            5,
        ]
        assert [u.id for u in store.ungrouped_since(session, T0)] == [6, 7]


def test_a_copy_group_keeps_the_union_of_its_marks_and_is_marked_as_one(db: Database) -> None:
    _articles(db, 4)
    with db.session() as session:
        article_store.mark_read(session, [1])
        article_store.mark_starred(session, [2])
        store.write_copies(session, {2: 1, 3: 1})
        for i in (1, 2, 3):
            a = article_store.get_article(session, i)
            assert (a.read, a.starred) == (True, True), i
        assert store.with_copies(session, [3]) == [3, 1, 2]
        article_store.mark_read(session, [3], False)
        assert not any(article_store.get_article(session, i).read for i in (1, 2, 3))
        assert not article_store.get_article(session, 4).starred  # outside the group
        listed = article_store.list_articles(session, ArticleQuery())
        assert [a.id for a in listed] == [4, 1]
        assert listed[1].sources == ("Feed 1", "Feed 2", "Feed 3")
        assert article_store.count_articles(session, ArticleQuery()) == (2, 2)
        assert [a.id for a in article_store.list_articles(session, ArticleQuery(feed_id=2))] == [2]


def test_stories_are_listed_once_two_feeds_tell_them(db: Database) -> None:
    _articles(db, 6)
    with db.session() as session:
        stored = store.write_joins(session, {1: -1, 4: -1, 2: -2, 5: -2, 3: -3}, T0)
        two_feeds, one_feed, single = stored[-1], stored[-2], stored[-3]
        # Articles 1 and 4 are feed 1's, 2 and 5 feed 2's, 3 and 6 feed 3's.
        store.name_stories(
            session,
            {
                two_feeds: (4, T0 + timedelta(hours=4)),
                one_feed: (5, T0 + timedelta(hours=5)),
                single: (3, T0 + timedelta(hours=3)),
            },
        )
        assert store.list_stories(session) == []  # every story here has one feed
        store.write_joins(session, {6: two_feeds}, T0)  # feed 3 tells it too
        [story] = store.list_stories(session)
        assert (story.id, story.title, story.article_ids) == (two_feeds, "headline 4", (6, 4, 1))
        assert (story.count, story.unread, story.sources) == (3, 3, ("Feed 3", "Feed 1"))
        assert story.updated == T0 + timedelta(hours=4)
        store.write_copies(session, {2: 6})
        assert store.story_of(session, 2) == store.list_stories(session)[0]
        assert store.list_stories(session)[0].sources == ("Feed 3", "Feed 1", "Feed 2")
        assert store.story_of(session, 3) is not None  # in a story of its own, not listed
        assert store.members_of(session, [one_feed]) == {one_feed: [2, 5]}
        session.execute(text("DELETE FROM story_articles WHERE story_id = :s"), {"s": single})
        store.delete_empty_stories(session)
        assert store.story_of(session, 3) is None


def test_a_0002_database_gains_the_story_tables_and_keeps_its_data(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    _migrate(path, "0001")
    _fill_at_0001(path)
    _migrate(path, "0002")
    opened = Database(sqlite_url(path))  # what opening the profile does
    try:
        with opened.engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == (
                HEAD_REVISION
            )
            tables = set(inspect(conn).get_table_names())
        assert {"stories", "story_articles", "article_copies", "story_signatures"} <= tables
        with opened.session() as session:
            listed = article_store.list_articles(session, ArticleQuery())
            marks = [(a.id, a.read, a.starred) for a in listed]
            assert marks == [(2, True, False), (1, True, True)]
            assert [a.sources for a in listed] == [("الأخبار",), ("الأخبار",)]
            assert store.list_stories(session) == []
            assert [u.id for u in store.ungrouped_since(session, T0 - timedelta(days=365))] == [
                1,
                2,
            ]
    finally:
        opened.close()
    _migrate(path, "0002", down=True)
    engine = create_engine(sqlite_url(path))
    with engine.connect() as conn:
        assert "stories" not in inspect(conn).get_table_names()
        assert conn.execute(text("SELECT count(*) FROM article_state")).scalar() == 2
    engine.dispose()


def test_a_limited_list_reads_the_newest_stories_a_page_at_a_time(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store, "_STORY_PAGE", 1)
    _articles(db, 6)
    with db.session() as session:
        # 1+2 and 3+5 are told by two feeds; 4 alone is the newest story
        made = store.write_joins(session, {1: -1, 2: -1, 3: -2, 5: -2, 4: -3}, T0)
        store.name_stories(
            session,
            {
                made[-1]: (1, T0 + timedelta(hours=2)),
                made[-2]: (3, T0 + timedelta(hours=5)),
                made[-3]: (4, T0 + timedelta(hours=9)),
            },
        )
        assert [s.id for s in store.list_stories(session, 1)] == [made[-2]]
        assert [s.id for s in store.list_stories(session, 5)] == [made[-2], made[-1]]
        assert [s.id for s in store.list_stories(session)] == [made[-2], made[-1]]


def test_the_names_and_headline_places_of_a_signature_are_stored_with_it(db: Database) -> None:
    _articles(db, 3)
    named = signature(1, 1, T0, "Shares of Tiffino soar on debut", "افتتاح «دار الخط» اليوم")
    plain = signature(2, 2, T0, "headline", None)
    placed = signature(3, 3, T0, "Brazil and Mexico sign a trade deal", "In Brasília, Mexico's …")
    assert named.names and not plain.names
    assert placed.places == ("@brazil", "@mexico") and not named.places
    with db.session() as session:
        store.write_signatures(session, [named, plain, placed])
    with db.session() as session:
        assert store.signatures_of(session, [1, 2, 3]) == [named, plain, placed]
