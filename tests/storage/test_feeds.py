"""Subscriptions and folders in the database, and which feeds a refresh fetches."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import insert, select, update

from newsreader.core.errors import FeedExistsError, FeedNotFoundError
from newsreader.core.types import ArticleQuery, FeedStatus, Folder
from newsreader.core.update_records import FetchJob
from newsreader.storage import articles as article_store
from newsreader.storage import feeds as feed_store
from newsreader.storage.database import Database
from newsreader.storage.models import ArticleRow, FeedRow
from tests.helpers import storage
from tests.helpers.storage import subscribe

#: The shared fixture, visible to the tests below.
db = storage.db

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
LEASE = timedelta(minutes=5)
SITE = "https://news.example"


def set_feed(db: Database, feed_id: int, **values: Any) -> None:
    with db.session() as session:
        session.execute(update(FeedRow).where(FeedRow.id == feed_id).values(**values))


def claim(
    db: Database,
    owner: str,
    *,
    feed_ids: list[int] | None = None,
    everything: bool = False,
    now: datetime = NOW,
    limit: int | None = None,
) -> list[int]:
    with db.session() as session:
        jobs = feed_store.claim_jobs(
            session,
            owner,
            feed_ids=feed_ids,
            include_not_due=everything,
            now=now,
            until=now + LEASE,
            limit=limit,
        )
    return [job.feed_id for job in jobs]


def release(db: Database, owner: str, feed_ids: list[int] | None = None) -> None:
    with db.session() as session:
        feed_store.release_leases(session, owner, feed_ids)


def due(db: Database, *, feed_ids: list[int] | None = None, everything: bool = False) -> list[int]:
    """What a refresh would fetch now (claimed, and given back at once)."""
    found = claim(db, "look", feed_ids=feed_ids, everything=everything)
    release(db, "look")
    return found


def leases(db: Database) -> dict[int, tuple[str | None, datetime | None]]:
    with db.session() as session:
        rows = session.execute(select(FeedRow.id, FeedRow.lease_owner, FeedRow.lease_until))
        return {feed_id: (owner, until) for feed_id, owner, until in rows}


# -- what a refresh fetches ----------------------------------------------------------------


def test_feeds_never_fetched_or_whose_time_has_come_are_due(db: Database) -> None:
    never = subscribe(db, f"{SITE}/never")
    time_came = subscribe(db, f"{SITE}/time-came")
    exactly_now = subscribe(db, f"{SITE}/now")
    not_yet = subscribe(db, f"{SITE}/not-yet")
    set_feed(db, time_came, next_fetch=NOW - timedelta(minutes=1), status="ok")
    set_feed(db, exactly_now, next_fetch=NOW, status="ok")
    set_feed(db, not_yet, next_fetch=NOW + timedelta(minutes=1), status="ok")

    assert due(db) == [never, time_came, exactly_now]
    assert due(db, everything=True) == [never, time_came, exactly_now, not_yet]


def test_a_server_that_asked_for_time_is_not_asked_before_even_by_a_forced_refresh(
    db: Database,
) -> None:
    waiting = subscribe(db, f"{SITE}/waiting")
    waited = subscribe(db, f"{SITE}/waited")
    set_feed(db, waiting, retry_until=NOW + timedelta(hours=1), next_fetch=NOW, status="error")
    set_feed(db, waited, retry_until=NOW, next_fetch=NOW, status="error")

    assert due(db) == due(db, everything=True) == [waited]


def test_a_gone_feed_is_never_due(db: Database) -> None:
    gone = subscribe(db, f"{SITE}/gone")
    set_feed(db, gone, status=FeedStatus.GONE.value, next_fetch=None)

    assert due(db) == due(db, everything=True) == []


def test_feeds_asked_for_by_id_are_fetched_whatever_their_state(db: Database) -> None:
    gone, waiting, other = (subscribe(db, f"{SITE}/{n}") for n in ("gone", "waiting", "other"))
    set_feed(db, gone, status=FeedStatus.GONE.value)
    set_feed(db, waiting, retry_until=NOW + timedelta(hours=1), next_fetch=NOW + timedelta(days=1))

    assert sorted(due(db, feed_ids=[gone, waiting])) == sorted([gone, waiting])
    assert other not in due(db, feed_ids=[gone, waiting])


def test_a_job_carries_the_last_fetchs_validators(db: Database) -> None:
    feed_id = subscribe(db, f"{SITE}/feed")
    set_feed(
        db,
        feed_id,
        etag='"e1"',
        last_modified="Mon, 23 Nov 2026 08:00:00 GMT",
        body_hash="b" * 64,
    )
    with db.session() as session:
        jobs = feed_store.claim_jobs(
            session, "me", feed_ids=None, include_not_due=False, now=NOW, until=NOW + LEASE
        )
    assert jobs == [
        FetchJob(feed_id, f"{SITE}/feed", '"e1"', "Mon, 23 Nov 2026 08:00:00 GMT", "b" * 64)
    ]


# -- leases: no feed fetched by two refreshes at once -------------------------------------


def test_a_claimed_feed_is_leased_to_its_claimer_and_to_nobody_else(db: Database) -> None:
    feeds = [subscribe(db, f"{SITE}/{n}") for n in range(5)]

    first = claim(db, "first", limit=3)
    second = claim(db, "second", limit=3)
    third = claim(db, "third")

    assert first == feeds[:3]
    assert second == feeds[3:]
    assert third == []
    held = leases(db)
    assert {held[f][0] for f in first} == {"first"}
    assert {held[f][0] for f in second} == {"second"}
    assert {held[f][1] for f in feeds} == {NOW + LEASE}
    # a forced refresh, or one of exactly these feeds, leaves them to their holders too
    assert claim(db, "forced", everything=True) == []
    assert claim(db, "asked", feed_ids=feeds) == []


def test_claimers_at_the_same_time_never_get_the_same_feed(db: Database) -> None:
    import threading

    feeds = [subscribe(db, f"{SITE}/{n}") for n in range(60)]
    got: dict[str, list[int]] = {}
    start = threading.Barrier(4)

    def claimer(owner: str) -> None:
        start.wait()
        mine = got.setdefault(owner, [])
        while batch := claim(db, owner, limit=2):
            mine.extend(batch)

    threads = [threading.Thread(target=claimer, args=(f"c{n}",)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    every = [f for mine in got.values() for f in mine]
    assert sorted(every) == feeds  # each feed once, to one claimer
    held = leases(db)
    assert all(held[f][0] == owner for owner, mine in got.items() for f in mine)


def test_claims_take_the_longest_waiting_feeds_first(db: Database) -> None:
    late, later, never = (subscribe(db, f"{SITE}/{n}") for n in ("late", "later", "never"))
    set_feed(db, late, next_fetch=NOW - timedelta(hours=2), status="ok")
    set_feed(db, later, next_fetch=NOW - timedelta(hours=1), status="ok")

    assert claim(db, "a", limit=2) == [never, late]
    assert claim(db, "b", limit=2) == [later]


def test_a_released_feed_is_claimable_again(db: Database) -> None:
    one, two = subscribe(db, f"{SITE}/one"), subscribe(db, f"{SITE}/two")
    assert claim(db, "first") == [one, two]

    release(db, "first", [one])
    assert leases(db)[one] == (None, None)
    assert leases(db)[two][0] == "first"
    release(db, "somebody else")  # only the holder's own leases end
    assert leases(db)[two][0] == "first"
    assert claim(db, "second") == [one]

    release(db, "first")
    assert leases(db)[two] == (None, None)
    assert claim(db, "third") == [two]


def test_an_expired_lease_is_claimable_again(db: Database) -> None:
    feed = subscribe(db, f"{SITE}/feed")
    assert claim(db, "crashed") == [feed]

    assert claim(db, "other", now=NOW + LEASE - timedelta(seconds=1)) == []
    assert claim(db, "other", now=NOW + LEASE + timedelta(seconds=1)) == [feed]
    assert leases(db)[feed][0] == "other"


def test_the_holders_of_leases_that_have_not_run_out_are_listed_once(db: Database) -> None:
    for n in range(3):
        subscribe(db, f"{SITE}/{n}")
    claim(db, "early", limit=1)
    claim(db, "late", limit=2, now=NOW + LEASE)

    with db.session() as session:
        assert sorted(feed_store.lease_owners(session, NOW)) == ["early", "late"]
        assert feed_store.lease_owners(session, NOW + LEASE + timedelta(seconds=1)) == ["late"]


def test_a_renewed_lease_lasts_longer(db: Database) -> None:
    feed = subscribe(db, f"{SITE}/feed")
    claim(db, "slow")
    with db.session() as session:
        feed_store.renew_leases(session, "slow", NOW + 3 * LEASE)

    assert claim(db, "other", now=NOW + 2 * LEASE) == []
    assert leases(db)[feed] == ("slow", NOW + 3 * LEASE)


def test_the_next_due_time_counts_retry_after_and_other_holders_leases(db: Database) -> None:
    with db.session() as session:
        assert feed_store.next_due(session, NOW) is None  # no feeds at all
    soon, waiting, gone = (subscribe(db, f"{SITE}/{n}") for n in ("soon", "waiting", "gone"))
    set_feed(db, soon, next_fetch=NOW + timedelta(minutes=30), status="ok")
    set_feed(
        db,
        waiting,
        next_fetch=NOW - timedelta(minutes=5),
        retry_until=NOW + timedelta(minutes=20),
        status="error",
    )
    set_feed(db, gone, status=FeedStatus.GONE.value, next_fetch=None)

    def next_due(now: datetime = NOW) -> datetime | None:
        with db.session() as session:
            return feed_store.next_due(session, now)

    assert next_due() == NOW + timedelta(minutes=20)
    set_feed(db, waiting, retry_until=None)
    assert next_due() == NOW  # due already
    assert claim(db, "holder") == [waiting]
    assert next_due() == NOW + timedelta(minutes=5)  # the lease, unless given back first
    release(db, "holder")
    set_feed(db, waiting, next_fetch=NOW + timedelta(hours=1), status="ok")
    assert next_due() == NOW + timedelta(minutes=30)
    assert next_due(NOW + timedelta(hours=2)) == NOW + timedelta(hours=2)


# -- reading subscriptions -------------------------------------------------------------------


def test_feeds_by_id_are_those_that_exist_each_once_without_counting_articles(
    db: Database,
) -> None:
    with db.session() as session:
        arabic = feed_store.folder_id(session, "عربي")
        session.execute(
            insert(FeedRow),
            [
                {"url": f"{SITE}/{n}", "added": NOW, "folder_id": arabic if n % 2 else None}
                for n in range(600)
            ],
        )
        ids = list(session.scalars(select(FeedRow.id).order_by(FeedRow.id)))
    with db.session() as session:
        session.execute(
            insert(ArticleRow),
            [{"feed_id": ids[1], "key": "a", "first_seen": NOW, "sort_time": NOW}],
        )
    asked = [ids[0], *reversed(ids), 99_999]  # more than one IN (...) list, a repeat, a stranger

    with db.session() as session:
        found = feed_store.feeds_by_id(session, asked)

    assert sorted(f.id for f in found) == ids
    by_id = {f.id: f for f in found}
    assert (by_id[ids[1]].url, by_id[ids[1]].folder) == (f"{SITE}/1", "عربي")
    assert by_id[ids[0]].folder is None
    assert by_id[ids[1]].article_count == 0  # a cheap read: no counts


def test_the_list_counts_articles_and_unread_ones_folders_first(db: Database) -> None:
    loose = subscribe(db, f"{SITE}/loose")
    sport = subscribe(db, f"{SITE}/sport", folder="رياضة")
    economy = subscribe(db, f"{SITE}/economy", folder="اقتصاد")
    set_feed(db, loose, title="A loose feed")
    with db.session() as session:
        session.execute(
            insert(ArticleRow),
            [
                {"feed_id": sport, "key": f"s{n}", "first_seen": NOW, "sort_time": NOW}
                for n in range(3)
            ],
        )
        [first, *_] = article_store.article_ids(session, ArticleQuery())
        article_store.mark_read(session, [first])

    with db.session() as session:
        feeds = feed_store.list_feeds(session)
        one = feed_store.get_feed(session, sport)

    assert [f.id for f in feeds] == [economy, sport, loose]  # by folder name, loose ones last
    assert [(f.article_count, f.unread_count) for f in feeds] == [(0, 0), (3, 2), (0, 0)]
    assert (one.article_count, one.unread_count, one.folder) == (3, 2, "رياضة")


def test_an_unknown_feed_is_a_clear_error(db: Database) -> None:
    with db.session() as session:
        with pytest.raises(FeedNotFoundError):
            feed_store.get_feed(session, 404)
        with pytest.raises(FeedNotFoundError):
            feed_store.remove_feed(session, 404)
        with pytest.raises(FeedNotFoundError):
            feed_store.set_pinned(session, 404, True)


# -- changing subscriptions -------------------------------------------------------------------


def test_a_url_is_subscribed_once(db: Database) -> None:
    subscribe(db, f"{SITE}/feed")
    with pytest.raises(FeedExistsError):
        subscribe(db, f"{SITE}/feed")


def test_a_new_subscription_waits_for_its_first_fetch(db: Database) -> None:
    with db.session() as session:
        feed_id = feed_store.add_feed(session, f"{SITE}/feed", title="الأخبار", site_url=f"{SITE}/")
        feed = feed_store.get_feed(session, feed_id)
    assert (feed.title, feed.site_url, feed.status, feed.interval) == (
        "الأخبار",
        f"{SITE}/",
        FeedStatus.NEW,
        1800,
    )
    assert feed.last_fetched is None and feed.next_fetch is None and not feed.pinned


def test_a_folder_is_made_once_and_shared(db: Database) -> None:
    subscribe(db, f"{SITE}/one", folder="عربي")
    subscribe(db, f"{SITE}/two", folder="عربي")
    subscribe(db, f"{SITE}/three", folder="English")
    subscribe(db, f"{SITE}/four", folder="")

    with db.session() as session:
        folders = feed_store.list_folders(session)
        assert feed_store.folder_id(session, None) is None

    assert [f.name for f in folders] == ["English", "عربي"]
    assert all(isinstance(f, Folder) for f in folders)


def test_pinning_and_removing(db: Database) -> None:
    feed_id = subscribe(db, f"{SITE}/feed")
    with db.session() as session:
        feed_store.set_pinned(session, feed_id, True)
    with db.session() as session:
        assert feed_store.get_feed(session, feed_id).pinned
        feed_store.remove_feed(session, feed_id)
    with db.session() as session:
        assert feed_store.list_feeds(session) == []
