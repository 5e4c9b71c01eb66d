"""What the Starred and Videos views and keyset pages return (their plans: test_query_plans)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import insert

from newsreader.core.types import ArticleQuery
from newsreader.storage import articles as store
from newsreader.storage.database import Database
from newsreader.storage.models import ArticleRow, FeedRow

T0 = datetime(2026, 3, 1, tzinfo=UTC)
COUNT = 40


@pytest.fixture
def db(head_database_url: str) -> Iterator[Database]:
    """40 articles in two feeds; six share each time, every 4th has a video."""
    database = Database(head_database_url)
    with database.session() as session:
        session.execute(
            insert(FeedRow),
            [{"url": f"http://127.0.0.1:9/{f}", "added": T0} for f in ("a", "b")],
        )
        session.execute(
            insert(ArticleRow),
            [
                {
                    "id": i,
                    "feed_id": i % 2 + 1,
                    "key": f"guid-{i}",
                    "title": f"article {i}",
                    "first_seen": T0,
                    # ids and times disagree, so the order is not just by id
                    "sort_time": T0 + timedelta(hours=(COUNT - i) // 6),
                    "has_video": i % 4 == 0,
                }
                for i in range(1, COUNT + 1)
            ],
        )
    yield database
    database.close()


def _newest_first(db: Database, ids: set[int]) -> list[int]:
    """``ids`` in list order: by ``(sort_time, id)``, newest first."""
    with db.session() as session:
        cursors = [store.cursor_of(session, i) for i in ids]
    return [c.article_id for c in sorted(filter(None, cursors), reverse=True)]


def test_starred_view_shows_and_counts_only_starred_articles(db: Database) -> None:
    with db.session() as session:
        store.mark_starred(session, [3, 8, 15, 22, 30])
        store.mark_starred(session, [15], starred=False)  # starred, then not
        store.mark_read(session, [8, 9, 10])  # a state row without a star
        store.mark_opened(session, 11)
    starred = ArticleQuery(starred=True)
    with db.session() as session:
        shown = [a.id for a in store.list_articles(session, starred)]
        assert all(a.starred for a in store.list_articles(session, starred))
        assert store.count_articles(session, starred) == (4, 3)  # 8 is read
        assert sorted(store.article_ids(session, starred)) == [3, 8, 22, 30]
    assert shown == _newest_first(db, {3, 8, 22, 30})


def test_starred_view_combines_with_other_filters(db: Database) -> None:
    with db.session() as session:
        store.mark_starred(session, [4, 5, 8, 13])
        store.mark_read(session, [4])
        unread_starred_videos = ArticleQuery(starred=True, unread=True, video=True)
        assert [a.id for a in store.list_articles(session, unread_starred_videos)] == [8]
        assert store.count_articles(session, ArticleQuery(starred=True, feed_id=1)) == (2, 1)


@pytest.mark.parametrize(
    "query",
    [ArticleQuery(), ArticleQuery(video=True), ArticleQuery(starred=True)],
    ids=["all", "videos", "starred"],
)
def test_keyset_pages_show_every_article_of_a_view_once_in_order(
    db: Database, query: ArticleQuery
) -> None:
    with db.session() as session:
        store.mark_starred(session, list(range(1, COUNT + 1, 3)))
    with db.session() as session:
        whole = [a.id for a in store.list_articles(session, query)]
        paged: list[int] = []
        cursor = None
        while True:
            page = store.list_articles(session, query, limit=3, after=cursor)
            if not page:
                break
            paged.extend(a.id for a in page)
            cursor = store.cursor_of(session, page[-1].id)
    assert len(whole) > 5
    assert paged == whole


def test_each_user_has_their_own_marks_views_and_counts(db: Database) -> None:
    """Two users on one database: the articles are shared, the marks are not."""
    from newsreader.storage import feeds as feed_store
    from newsreader.storage import stories as story_store
    from tests.helpers.storage import OTHER_USER

    other = Database(db.url, user=OTHER_USER)
    try:
        with db.session() as session:
            store.mark_read(session, [1, 2, 3])
            store.mark_starred(session, [2])
            store.mark_opened(session, 3)
            story_store.write_joins(session, {1: -1, 2: -1, 4: -1}, T0)
        with other.session() as session:
            store.mark_read(session, [2, 4])
            store.mark_starred(session, [5, 6])
        with db.session() as session:
            assert store.count_articles(session, ArticleQuery()) == (COUNT, COUNT - 3)
            assert store.count_articles(session, ArticleQuery(starred=True)) == (1, 0)
            assert [a.id for a in store.list_articles(session, ArticleQuery(starred=True))] == [2]
            unread = set(store.article_ids(session, ArticleQuery(unread=True)))
            assert unread == set(range(4, COUNT + 1))
            assert (
                store.get_article(session, 2).starred and not store.get_article(session, 5).starred
            )
            feeds = {f.id: f.unread_count for f in feed_store.list_feeds(session)}
            assert feeds == {1: COUNT // 2 - 1, 2: COUNT // 2 - 2}  # 2 in a; 1 and 3 in b
            [story] = story_store.list_stories(session)
            assert (story.count, story.unread) == (3, 1)  # 4 is unread for this user
        with other.session() as session:
            assert store.count_articles(session, ArticleQuery()) == (COUNT, COUNT - 2)
            starred = store.list_articles(session, ArticleQuery(starred=True))
            assert sorted(a.id for a in starred) == [5, 6]
            assert store.count_articles(session, ArticleQuery(starred=True)) == (2, 2)
            summaries = store.summaries_of(session, [1, 2, 4])
            assert [summaries[i].read for i in (1, 2, 4)] == [False, True, True]
            feeds = {f.id: f.unread_count for f in feed_store.list_feeds(session)}
            assert feeds == {1: COUNT // 2 - 2, 2: COUNT // 2}
            [story] = story_store.list_stories(session)
            assert story.unread == 1  # 1 is unread for this user
            # "mark all read" of a view marks this user's only
            store.mark_read(session, store.article_ids(session, ArticleQuery(unread=True)))
            assert store.count_articles(session, ArticleQuery()) == (COUNT, 0)
        with db.session() as session:
            assert store.count_articles(session, ArticleQuery()) == (COUNT, COUNT - 3)
            store.mark_read(session, [1], read=False)
        with other.session() as session:
            assert store.get_article(session, 1).read  # the other's mark stays
    finally:
        other.close()
