"""The topic counts the database keeps: after every kind of change they are what
counting every article again gives (the real triggers, on both back ends), for each
of two users: the second one (``OTHER_USER``) has read articles of its own."""

from __future__ import annotations

from sqlalchemy import delete

from newsreader.storage import articles as article_store
from newsreader.storage import feeds as feed_store
from newsreader.storage import stories as story_store
from newsreader.storage import topic_counts as store
from newsreader.storage import topics as topic_store
from newsreader.storage.database import Database
from newsreader.storage.models import (
    ArticleCategoryRow,
    ArticleCopyRow,
    ArticleRow,
    ArticleStateRow,
    CategoryRow,
)
from tests.helpers.storage import OTHER_USER, db, subscribe
from tests.storage.test_topics import add_articles

__all__ = ["db"]


def kept(database: Database, user: str | None = None) -> dict[tuple[str, int], tuple[int, int]]:
    """(articles, unread) per key and feed, for the database's user or *user*."""
    reader = database if user is None else Database(database.url, user=user)
    try:
        with reader.session() as session:
            return {(k, f): (n, u) for k, f, n, u in store.counts(session)}
    finally:
        if reader is not database:
            reader.close()


def everyone(database: Database) -> tuple[object, ...]:
    """What the triggers keep for every user: articles, and each user's reads and unread."""
    with database.session() as session:
        reads = store.reads(session)
    return kept(database), kept(database, OTHER_USER), reads


def recounted(database: Database) -> tuple[object, ...]:
    with database.session() as session:
        store.rebuild(session)
    return everyone(database)


def as_other(database: Database, *ids: int, read: bool = True) -> None:
    """The second user marks *ids* read (or unread)."""
    other = Database(database.url, user=OTHER_USER)
    try:
        with other.session() as session:
            article_store.mark_read(session, list(ids), read=read)
    finally:
        other.close()


def ids_of(database: Database, feed_id: int) -> list[int]:
    with database.session() as session:
        return list(
            session.scalars(
                ArticleRow.__table__.select()
                .with_only_columns(ArticleRow.id)
                .where(ArticleRow.feed_id == feed_id)
                .order_by(ArticleRow.id)
            )
        )


def keyed_profile(database: Database) -> tuple[int, int]:
    """Two feeds; categories keyed as a refresh keys them (then every count is kept)."""
    a = subscribe(database, "http://127.0.0.1:9/a.xml")
    b = subscribe(database, "http://127.0.0.1:9/b.xml")
    with database.session() as session:
        for name in ("اقتصاد", "الاقتصاد", "Economy", "رياضة", "Weather"):
            session.add(CategoryRow(name=name))
        session.flush()
        topic_store.fill_keys(session)
    add_articles(database, a, [["اقتصاد", "الاقتصاد"], ["رياضة"], ["اقتصاد"], []])
    add_articles(database, b, [["Economy"], ["Weather", "Economy"]])
    # the second user has read the first two articles of a and the last of b
    as_other(database, *ids_of(database, a)[:2], ids_of(database, b)[1])
    return a, b


def test_articles_as_they_arrive_count_once_per_topic(db: Database) -> None:
    a, b = keyed_profile(db)
    assert kept(db) == {
        ("economy", a): (2, 2),  # two spellings on one article: counted once
        ("sport", a): (1, 1),
        ("economy", b): (2, 2),
        ("weather", b): (1, 1),
    }
    assert kept(db, OTHER_USER) == {  # the second user read two of a and one of b
        ("economy", a): (2, 1),
        ("sport", a): (1, 0),
        ("economy", b): (2, 1),
        ("weather", b): (1, 0),
    }
    assert everyone(db) == recounted(db)


def test_read_and_unread_marks_move_the_unread_counts(db: Database) -> None:
    a, _b = keyed_profile(db)
    first, second, third, _ = ids_of(db, a)
    with db.session() as session:
        article_store.mark_read(session, [first, second])  # new state rows
    assert kept(db)[("economy", a)] == (2, 1)
    assert kept(db)[("sport", a)] == (1, 0)
    with db.session() as session:
        article_store.mark_read(session, [first], read=False)  # a row changed
        article_store.mark_read(session, [third])
        article_store.mark_starred(session, [third])  # not a read mark: no change
    assert kept(db)[("economy", a)] == (2, 1)
    with db.session() as session:
        session.execute(delete(ArticleStateRow).where(ArticleStateRow.article_id == third))
    assert kept(db)[("economy", a)] == (2, 2)
    as_other(db, first, read=False)
    assert kept(db, OTHER_USER)[("economy", a)] == (2, 2)
    assert kept(db, OTHER_USER)[("sport", a)] == (1, 0)
    assert kept(db)[("sport", a)] == (1, 0)  # the first user's marks are theirs
    assert everyone(db) == recounted(db)


def test_a_spelling_taken_off_keeps_the_article_while_another_one_is_on(db: Database) -> None:
    a, _b = keyed_profile(db)
    first = ids_of(db, a)[0]
    with db.session() as session:
        rows = session.execute(
            ArticleCategoryRow.__table__.select().where(ArticleCategoryRow.article_id == first)
        ).all()
        session.execute(
            delete(ArticleCategoryRow).where(
                ArticleCategoryRow.article_id == first,
                ArticleCategoryRow.category_id == rows[0].category_id,
            )
        )
    assert kept(db)[("economy", a)] == (2, 2)
    with db.session() as session:
        session.execute(delete(ArticleCategoryRow).where(ArticleCategoryRow.article_id == first))
    assert kept(db)[("economy", a)] == (1, 1)
    assert kept(db, OTHER_USER)[("economy", a)] == (1, 1)  # the one they read is out
    assert everyone(db) == recounted(db)


def test_removed_articles_and_feeds_leave_the_counts(db: Database) -> None:
    a, b = keyed_profile(db)
    with db.session() as session:
        article_store.mark_read(session, [ids_of(db, b)[1]])
        session.execute(delete(ArticleRow).where(ArticleRow.id == ids_of(db, a)[0]))
    assert kept(db)[("economy", a)] == (1, 1)
    with db.session() as session:
        feed_store.remove_feed(session, b)
    assert kept(db) == {("economy", a): (1, 1), ("sport", a): (1, 1)}
    assert kept(db, OTHER_USER) == {("economy", a): (1, 1), ("sport", a): (1, 0)}
    assert everyone(db) == recounted(db)


def test_a_syndicated_copy_is_counted_as_its_original_only(db: Database) -> None:
    a, b = keyed_profile(db)
    original, copy = ids_of(db, a)[2], ids_of(db, b)[0]  # both "economy"
    with db.session() as session:
        article_store.mark_read(session, [copy])
        story_store.write_copies(session, {copy: original})  # marks made alike
    assert kept(db)[("economy", b)] == (1, 1)
    assert kept(db)[("economy", a)] == (2, 1)
    with db.session() as session:
        article_store.mark_read(session, [original], read=False)  # and its copy with it
    assert kept(db)[("economy", a)] == (2, 2)
    assert kept(db, OTHER_USER)[("economy", b)] == (1, 0)  # the copy is not counted
    as_other(db, copy)  # and its original with it
    assert kept(db, OTHER_USER)[("economy", a)] == (2, 0)
    assert kept(db)[("economy", a)] == (2, 2)
    assert everyone(db) == recounted(db)
    with db.session() as session:  # its original's feed removed: the copy stands alone
        feed_store.remove_feed(session, a)
        assert session.get(ArticleCopyRow, copy) is None
    assert kept(db) == {("economy", b): (2, 2), ("weather", b): (1, 1)}
    assert kept(db, OTHER_USER) == {("economy", b): (2, 0), ("weather", b): (1, 0)}
    assert everyone(db) == recounted(db)


def test_categories_keyed_later_are_counted_when_their_keys_are_filled(db: Database) -> None:
    a = subscribe(db, "http://127.0.0.1:9/a.xml")
    add_articles(db, a, [["اقتصاد"], ["Economy"]])  # no keys yet (as after a migration)
    assert kept(db) == {}
    with db.session() as session:
        assert topic_store.fill_keys(session) == 2
    assert kept(db) == {("economy", a): (2, 2)}


def test_a_keyless_spelling_joining_a_counted_topic_does_not_count_twice(db: Database) -> None:
    _a, b = keyed_profile(db)
    first = ids_of(db, b)[0]  # "Economy" already
    with db.session() as session:
        session.add(CategoryRow(name="Business"))  # no key yet
        session.flush()
        new = session.scalars(
            CategoryRow.__table__.select()
            .with_only_columns(CategoryRow.id)
            .where(CategoryRow.name == "Business")
        ).one()
        session.add(ArticleCategoryRow(article_id=first, category_id=new))
    before = kept(db)
    with db.session() as session:
        assert topic_store.fill_keys(session) == 1
        key = session.get(CategoryRow, new).key
    assert key == "economy"  # the alias table folds it into economy ...
    assert kept(db) == before  # ... where the article is counted already
    assert everyone(db) == recounted(db)
