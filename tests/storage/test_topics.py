"""Topics in the database: keys given to categories, counts read from the kept ones, and
the user's topic state kept one step deep whatever a backup brings."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import event, insert, select

from newsreader.core.backup_records import TopicStateRecord
from newsreader.storage import articles as article_store
from newsreader.storage import topics as store
from newsreader.storage.database import Database
from newsreader.storage.models import ArticleCategoryRow, ArticleRow, CategoryRow
from tests.helpers import storage
from tests.helpers.storage import db, subscribe

__all__ = ["db"]

NOW = datetime.now(UTC).replace(microsecond=0)


def add_articles(
    database: Database, feed_id: int, tags: list[list[str]], *, days_ago: int = 0
) -> None:
    """Articles of *feed_id* carrying the categories of each entry of *tags*."""
    when = NOW - timedelta(days=days_ago)
    with database.session() as session:
        known = {r[0]: r[1] for r in session.execute(select(CategoryRow.name, CategoryRow.id))}
        for n, names in enumerate(tags):
            article_id = session.execute(
                insert(ArticleRow).returning(ArticleRow.id),
                [
                    {
                        "feed_id": feed_id,
                        "key": f"{feed_id}-{days_ago}-{n}",
                        "title": f"خبر {n}",
                        "first_seen": when,
                        "sort_time": when,
                    }
                ],
            ).scalar_one()
            for name in names:
                if name not in known:
                    known[name] = session.execute(
                        insert(CategoryRow).returning(CategoryRow.id), [{"name": name}]
                    ).scalar_one()
                session.execute(
                    insert(ArticleCategoryRow),
                    [{"article_id": article_id, "category_id": known[name]}],
                )


def test_categories_without_a_key_get_theirs(db: Database) -> None:
    feed = subscribe(db, "http://127.0.0.1:9/a.xml")
    add_articles(db, feed, [["الاقتصاد"], ["Giant Bomb"]])  # inserted without keys
    with db.session() as session:
        assert store.fill_keys(session) == 2
        keys = {r[0]: r[1] for r in session.execute(select(CategoryRow.name, CategoryRow.key))}
        assert store.fill_keys(session) == 0
    assert keys == {"الاقتصاد": "economy", "Giant Bomb": "giantbomb"}


def test_every_topic_is_counted_without_reading_every_article(db: Database) -> None:
    a = subscribe(db, "http://127.0.0.1:9/a.xml")
    b = subscribe(db, "http://127.0.0.1:9/b.xml")
    add_articles(db, a, [["اقتصاد", "الاقتصاد"], ["رياضة"], []])
    add_articles(db, b, [["Economy"], ["Business"], ["Weather"]], days_ago=9)
    statements: list[str] = []

    def seen(*args: object) -> None:
        statements.append(str(args[2]))

    with db.session() as session:
        store.fill_keys(session)
        event.listen(db.engine, "before_cursor_execute", seen)
        try:
            stats, sizes = store.topic_stats(session, NOW - timedelta(days=7))
        finally:
            event.remove(db.engine, "before_cursor_execute", seen)
    # the kept counts are read; only the recent articles are tagged again
    assert any("FROM topic_counts" in s for s in statements)
    assert all("article_state" not in s for s in statements)
    by_key = {s.key: s for s in stats}
    assert set(by_key) == {"economy", "sport", "weather"}
    economy = by_key["economy"]
    assert dict(economy.feeds) == {a: (1, 1, 1), b: (2, 2, 0)}  # an article counts once
    assert dict(economy.spellings) == {"اقتصاد": 1, "الاقتصاد": 1, "Economy": 1, "Business": 1}
    assert sizes == {a: 3, b: 3}


def test_merges_are_counted_under_the_topic_they_went_into(db: Database) -> None:
    a = subscribe(db, "http://127.0.0.1:9/a.xml")
    add_articles(db, a, [["Tech"], ["Politics"], ["Politics"]])
    with db.session() as session:
        store.fill_keys(session)
        assert store.merge(session, "technology", "politics") == "politics"
    with db.session() as session:
        stats, _ = store.topic_stats(session, NOW - timedelta(days=7))
        assert {s.key: dict(s.feeds)[a][0] for s in stats} == {"politics": 3}
        ids = set(session.scalars(store.topic_category_ids("politics", db.user)))
        assert len(ids) == 2


def test_a_merge_stays_one_step_deep(db: Database) -> None:
    with db.session() as session:
        store.merge(session, "technology", "politics")
        store.merge(session, "politics", "economy")
        store.merge(session, "weather", "technology")  # technology stands for economy
    with db.session() as session:
        state = {r.key: r.merged_into for r in store.state_records(session)}
    assert state == {"technology": "economy", "politics": "economy", "weather": "economy"}


def test_a_backups_crossed_merges_lose_no_topic(db: Database) -> None:
    with db.session() as session:
        store.merge(session, "politics", "technology")
        store.rename(session, "sport", "رياضة")
    with db.session() as session:
        changed = store.restore_records(
            session,
            [
                TopicStateRecord("technology", merged_into="politics"),  # the other way round
                TopicStateRecord("sport", name="Sport", hidden=True),
                TopicStateRecord("weather", merged_into="sport"),
            ],
        )
    assert changed == 3
    with db.session() as session:
        state = {r.key: r for r in store.state_records(session)}
    merged = {k: r.merged_into for k, r in state.items() if r.merged_into}
    # one of the crossed merges gave way: the two are one topic, not a loop
    assert merged in (
        {"politics": "technology", "weather": "sport"},
        {"technology": "politics", "weather": "sport"},
    )
    assert (state["sport"].name, state["sport"].hidden) == ("رياضة", True)


def test_the_user_state_lists_only_topics_with_a_choice(db: Database) -> None:
    with db.session() as session:
        store.set_hidden(session, "sport", True)
        store.rename(session, "economy", "المال")
    with db.session() as session:
        store.set_hidden(session, "sport", False)
        store.rename(session, "economy", "")
    with db.session() as session:
        assert store.state_records(session) == []


other = storage.other


def test_each_user_merges_names_and_hides_topics_and_counts_unread_apart(
    db: Database, other: Database
) -> None:
    a = subscribe(db, "http://127.0.0.1:9/a.xml")
    add_articles(db, a, [["Tech"], ["Politics"], ["Politics"]])
    with db.session() as session:
        store.fill_keys(session)
        store.merge(session, "technology", "politics")
        store.rename(session, "politics", "Civic Matters")
        read = session.scalars(select(ArticleRow.id).order_by(ArticleRow.id)).all()[:2]
        article_store.mark_read(session, read)
    with other.session() as session:
        store.set_hidden(session, "technology", True)
        assert store.resolve(session, "technology") == "technology"
        assert store.state_records(session) == [TopicStateRecord("technology", None, None, True)]
        stats, _ = store.topic_stats(session, NOW - timedelta(days=7))
        assert {s.key: dict(s.feeds)[a][:2] for s in stats} == {
            "politics": (2, 2),
            "technology": (1, 1),
        }
        assert store.category_ids_named(session, "Civic Matters") == []  # not their name
    with db.session() as session:
        assert store.resolve(session, "technology") == "politics"
        assert store.state_records(session) == [
            TopicStateRecord("politics", None, "Civic Matters", False),
            TopicStateRecord("technology", "politics", None, False),
        ]
        stats, _ = store.topic_stats(session, NOW - timedelta(days=7))
        assert {s.key: dict(s.feeds)[a][:2] for s in stats} == {"politics": (3, 1)}
        assert len(store.category_ids_named(session, "Civic Matters")) == 2
