"""The store step: stored entries, then replies, then deciding, then writing, per feed.

Parsed feeds are built by hand (tests/helpers/parsed.py) and stored in a real SQLite
file, so each test shows exactly which entries it hands the step.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import event, select, update

from newsreader.core.types import FeedResult, FeedStatus
from newsreader.core.update_records import FeedUpdate
from newsreader.storage import feeds as feed_store
from newsreader.storage.comments import list_comment_rows
from newsreader.storage.database import Database
from newsreader.storage.models import ArticleRow, FeedRow
from newsreader.update.store import FeedStore
from tests.helpers import storage
from tests.helpers.parsed import entry, parsed_feed
from tests.helpers.storage import subscribe as subscribe_to

#: The shared fixture, visible to the tests below.
db = storage.db

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
SITE = "https://news.example"


def subscribe(db: Database, url: str = f"{SITE}/feed") -> int:
    return subscribe_to(db, url)


def ok(feed_id: int, *entries: Any, **changes: Any) -> FeedUpdate:
    """A fetch of *feed_id* that brought a document holding *entries*."""
    return FeedUpdate(
        feed_id, f"{SITE}/feed", FeedStatus.OK, parsed=parsed_feed(*entries), **changes
    )


def store(db: Database, *updates: FeedUpdate, now: datetime = NOW) -> list[FeedResult]:
    with db.session() as session:
        return FeedStore().store_many(session, list(updates), now)


def articles(db: Database, feed_id: int) -> dict[str, tuple[int, str]]:
    """The feed's stored articles: key -> (id, title)."""
    with db.session() as session:
        rows = session.execute(
            select(ArticleRow.key, ArticleRow.id, ArticleRow.title).where(
                ArticleRow.feed_id == feed_id
            )
        )
        return {key: (aid, title) for key, aid, title in rows}


def comment_keys(db: Database, article_id: int) -> list[str]:
    with db.session() as session:
        return sorted(comment.guid for comment, _parent in list_comment_rows(session, article_id))


# -- deciding on the feed's stored entries ---------------------------------------------


def test_new_changed_and_unchanged_entries_are_told_apart_against_what_is_stored(
    db: Database,
) -> None:
    feed_id = subscribe(db)
    [first] = store(db, ok(feed_id, entry("a"), entry("b")))
    assert (first.status, first.new, first.updated) == (FeedStatus.OK, 2, 0)
    before = articles(db, feed_id)

    [second] = store(
        db,
        ok(
            feed_id,
            entry("a", "edited", title="a, corrected"),
            # the same hash: left alone, whatever else the document says
            entry("b", title="not written"),
            entry("c"),
        ),
        now=NOW + timedelta(hours=1),
    )

    assert (second.new, second.updated) == (1, 1)
    after = articles(db, feed_id)
    assert after["a"] == (before["a"][0], "a, corrected")  # in place: the same id
    assert after["b"] == before["b"]
    assert set(after) == {"a", "b", "c"}


def test_entries_are_decided_per_feed(db: Database) -> None:
    one, two = subscribe(db, f"{SITE}/one"), subscribe(db, f"{SITE}/two")
    store(db, ok(one, entry("same-key")))

    [result] = store(db, ok(two, entry("same-key")))

    assert result.new == 1  # another feed's article of that key is not this feed's
    assert set(articles(db, two)) == {"same-key"}


# -- dates ------------------------------------------------------------------------------


def published(db: Database, feed_id: int) -> dict[str, tuple[datetime | None, datetime]]:
    """The feed's stored articles: key -> (published, sort_time)."""
    with db.session() as session:
        rows = session.execute(
            select(ArticleRow.key, ArticleRow.published, ArticleRow.sort_time).where(
                ArticleRow.feed_id == feed_id
            )
        )
        return {key: (when, sort) for key, when, sort in rows}


def test_an_article_without_a_date_is_dated_when_first_seen_and_keeps_it(
    db: Database,
) -> None:
    feed_id = subscribe(db)
    given = NOW - timedelta(days=1)
    store(db, ok(feed_id, entry("undated"), entry("dated", published=given)))
    assert published(db, feed_id) == {"undated": (NOW, NOW), "dated": (given, given)}

    # edited later, still without a date: the first-seen date stays
    store(db, ok(feed_id, entry("undated", "edited")), now=NOW + timedelta(hours=3))
    assert published(db, feed_id)["undated"] == (NOW, NOW)


# -- replies in a feed ------------------------------------------------------------------


def test_replies_to_stored_articles_become_comments_before_deciding(db: Database) -> None:
    feed_id = subscribe(db)
    store(db, ok(feed_id, entry("post", link=f"{SITE}/post")))
    [post_id] = [aid for aid, _ in articles(db, feed_id).values()]

    [result] = store(
        db,
        ok(
            feed_id,
            entry("post", link=f"{SITE}/post"),
            entry("r1", link=f"{SITE}/post#comment-1"),
            entry("r2", in_reply_to="post"),
        ),
    )

    assert (result.new, result.updated) == (0, 0)  # the replies are no new articles
    assert set(articles(db, feed_id)) == {"post"}
    assert comment_keys(db, post_id) == ["r1", "r2"]


def test_a_reply_to_an_article_of_the_same_document_waits_for_it(db: Database) -> None:
    feed_id = subscribe(db)

    [result] = store(
        db,
        ok(
            feed_id,
            entry("r1", in_reply_to="post"),  # listed before the article it answers
            entry("post", link=f"{SITE}/post"),
        ),
    )

    assert result.new == 1
    stored = articles(db, feed_id)
    assert set(stored) == {"post"}
    assert comment_keys(db, stored["post"][0]) == ["r1"]


# -- the feed itself --------------------------------------------------------------------


def test_a_feed_removed_while_the_refresh_ran_is_that_feeds_error_alone(db: Database) -> None:
    kept, removed = subscribe(db, f"{SITE}/kept"), subscribe(db, f"{SITE}/removed")
    with db.session() as session:
        feed_store.remove_feed(session, removed)

    results = store(db, ok(kept, entry("a")), ok(removed, entry("b")))

    assert [(r.feed_id, r.status, r.new, r.error) for r in results] == [
        (kept, FeedStatus.OK, 1, None),
        (removed, FeedStatus.ERROR, 0, "removed"),
    ]
    assert set(articles(db, kept)) == {"a"}
    assert articles(db, removed) == {}


def test_a_permanent_redirect_changes_the_feeds_url(db: Database) -> None:
    feed_id = subscribe(db)

    [result] = store(db, ok(feed_id, entry("a"), new_url=f"{SITE}/moved"))

    assert result.url == f"{SITE}/moved"
    with db.session() as session:
        assert feed_store.get_feed(session, feed_id).url == f"{SITE}/moved"


def test_a_redirect_to_another_subscriptions_url_keeps_the_old_one(db: Database) -> None:
    feed_id = subscribe(db)
    subscribe(db, f"{SITE}/taken")

    [result] = store(db, ok(feed_id, new_url=f"{SITE}/taken"))

    assert result.url == f"{SITE}/feed"


def test_the_next_fetch_follows_the_feeds_own_interval_and_errors(db: Database) -> None:
    feed_id = subscribe(db)
    with db.session() as session:
        session.execute(
            update(FeedRow).where(FeedRow.id == feed_id).values(interval=600, error_count=2)
        )

    [failed] = store(db, FeedUpdate(feed_id, f"{SITE}/feed", FeedStatus.ERROR, error="HTTP 500"))

    assert (failed.status, failed.error) == (FeedStatus.ERROR, "HTTP 500")
    with db.session() as session:
        feed = feed_store.get_feed(session, feed_id)
    assert feed.error_count == 3
    assert feed.next_fetch == NOW + timedelta(minutes=40)  # 600 s doubled twice
    assert feed.error == "HTTP 500"

    store(db, ok(feed_id), now=NOW + timedelta(hours=1))
    with db.session() as session:
        feed = feed_store.get_feed(session, feed_id)
    assert (feed.error_count, feed.error) == (0, None)
    assert feed.next_fetch == NOW + timedelta(hours=1, minutes=10)


def test_an_unchanged_feed_keeps_its_articles_and_takes_the_new_validators(db: Database) -> None:
    feed_id = subscribe(db)
    store(db, ok(feed_id, entry("a"), etag='"v1"'))

    [result] = store(db, FeedUpdate(feed_id, f"{SITE}/feed", FeedStatus.NOT_MODIFIED, etag='"v2"'))

    assert (result.status, result.new, result.updated) == (FeedStatus.NOT_MODIFIED, 0, 0)
    assert set(articles(db, feed_id)) == {"a"}
    with db.session() as session:
        assert session.scalar(select(FeedRow.etag).where(FeedRow.id == feed_id)) == '"v2"'


def test_a_batchs_feeds_are_read_in_one_query(db: Database) -> None:
    ids = [subscribe(db, f"{SITE}/{n}") for n in range(5)]
    feed_reads: list[str] = []

    def seen(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT") and "FROM feeds" in statement:
            feed_reads.append(statement)

    event.listen(db.engine, "before_cursor_execute", seen)
    try:
        results = store(db, *(ok(i, entry(f"e{i}")) for i in ids))
    finally:
        event.remove(db.engine, "before_cursor_execute", seen)

    assert [r.new for r in results] == [1] * 5
    assert len(feed_reads) == 1


def test_two_processes_storing_feeds_with_one_new_category_at_once_both_succeed(
    db: Database,
) -> None:
    """Two refreshes (two fetchers) store at the same moment: the second batch waits
    for the first to be committed, so it finds the category the first made."""
    import threading

    first_feed = subscribe(db, f"{SITE}/first")
    second_feed = subscribe(db, f"{SITE}/second")
    first_stored = threading.Event()
    second_done = threading.Event()
    errors: list[BaseException] = []

    def first() -> None:
        with db.session() as session:
            FeedStore().store_many(
                session, [ok(first_feed, entry("a", categories=("اقتصاد",)))], NOW
            )
            first_stored.set()
            second_done.wait(0.5)  # the transaction stays open a moment (a bound)

    def second() -> None:
        first_stored.wait(10)
        try:
            with db.session() as session:
                FeedStore().store_many(
                    session, [ok(second_feed, entry("b", categories=("اقتصاد",)))], NOW
                )
        except BaseException as exc:  # the test reports it below
            errors.append(exc)
        second_done.set()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert set(articles(db, first_feed)) == {"a"} and set(articles(db, second_feed)) == {"b"}
