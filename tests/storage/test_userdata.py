"""The user's own data read from and merged into the database (the backup file: tests/userdata)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import insert

from newsreader.core.backup_records import ArticleRecord, NoteRecord, SubscriptionRecord
from newsreader.storage import articles as article_store
from newsreader.storage import userdata as store
from newsreader.storage.database import Database
from newsreader.storage.models import ArticleRow, FeedRow

T0 = datetime(2026, 3, 1, tzinfo=UTC)
T1 = datetime(2026, 3, 2, tzinfo=UTC)
FEED = "http://127.0.0.1:9/a"


@pytest.fixture
def db(head_database_url: str) -> Iterator[Database]:
    """One feed with three cached articles, keys k1 to k3."""
    database = Database(head_database_url)
    with database.session() as session:
        session.execute(insert(FeedRow), [{"url": FEED, "added": T0}])
        session.execute(
            insert(ArticleRow),
            [
                {"id": i, "feed_id": 1, "key": f"k{i}", "first_seen": T0, "sort_time": T0}
                for i in (1, 2, 3)
            ],
        )
    yield database
    database.close()


def test_only_marked_or_annotated_articles_are_read_back(db: Database) -> None:
    note = NoteRecord("ملاحظة", T0, T1)
    with db.session() as session:
        store.apply_records(
            session,
            [
                ArticleRecord(FEED, "k1", read=True, read_at=T0),
                ArticleRecord(FEED, "k3", notes=(note,)),
            ],
        )
    with db.session() as session:
        records = store.marked_articles(session)
    assert records == [
        ArticleRecord(FEED, "k1", read=True, read_at=T0),
        ArticleRecord(FEED, "k3", notes=(note,)),
    ]


def test_restoring_adds_and_never_clears(db: Database) -> None:
    with db.session() as session:
        article_store.mark_starred(session, [2])
    note = NoteRecord("note", T0, T0)
    records = [
        ArticleRecord(FEED, "k2", read=True, starred=False, notes=(note,)),
        ArticleRecord(FEED, "not-cached-yet", starred=True),
        ArticleRecord("http://127.0.0.1:9/unknown", "k1", read=True),
    ]
    with db.session() as session:
        first = store.apply_records(session, records)
    with db.session() as session:
        again = store.apply_records(session, records)
        [k2] = store.marked_articles(session)
    assert (first.restored, first.notes_added) == (1, 1)
    assert [r.key for r in first.missing] == ["not-cached-yet", "k1"]
    assert (again.restored, again.notes_added) == (1, 0)  # the same note is not added twice
    assert k2.read and k2.starred and k2.notes == (note,)


def test_subscriptions_already_there_are_left_alone(db: Database) -> None:
    with db.session() as session:
        added = store.add_subscriptions(
            session,
            [
                SubscriptionRecord(FEED, title="renamed"),
                SubscriptionRecord("http://127.0.0.1:9/b", "B", "News", None, pinned=True),
            ],
        )
    with db.session() as session:
        subscriptions = store.subscriptions(session)
    assert added == 1
    assert subscriptions == [
        SubscriptionRecord(FEED, None, None, None, False),
        SubscriptionRecord("http://127.0.0.1:9/b", "B", "News", None, True),
    ]
