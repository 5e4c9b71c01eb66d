"""The refresh's writer: what it reads for a batch, and what it writes, on a real SQLite file."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, select, update

from newsreader.core.parsed import ParsedEnclosure
from newsreader.core.types import ArticleQuery, Direction, Enclosure, FeedStatus
from newsreader.core.update_records import FeedState, FeedUpdate, Schedule
from newsreader.storage import articles as article_store
from newsreader.storage.database import Database
from newsreader.storage.models import ArticleRow, CategoryRow, FeedRow
from newsreader.storage.writer import FeedWriter
from tests.helpers import storage
from tests.helpers.parsed import entry, parsed_feed
from tests.helpers.storage import subscribe

#: The shared fixture, visible to the tests below.
db = storage.db

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
LATER = NOW + timedelta(hours=1)
URL = "https://news.example/feed"
VIDEO = ParsedEnclosure("https://news.example/clip.mp4", "video/mp4", 1000)
PHOTO = ParsedEnclosure("https://news.example/photo.jpg", None, None, "image")


def insert(db: Database, feed_id: int, *entries: Any, now: datetime = NOW) -> dict[str, int]:
    """Store *entries* as new articles with a writer of their own; key -> id."""
    with db.session() as session:
        FeedWriter().insert_articles(session, feed_id, list(entries), now)
        return {key: aid for key, (aid, _) in FeedWriter.known_entries(session, feed_id).items()}


def article(db: Database, article_id: int) -> Any:
    with db.session() as session:
        return article_store.get_article(session, article_id)


def sort_time(db: Database, article_id: int) -> datetime:
    with db.session() as session:
        return session.scalar(select(ArticleRow.sort_time).where(ArticleRow.id == article_id))


def feed_row(db: Database, feed_id: int) -> FeedRow:
    with db.session() as session:
        row = session.get(FeedRow, feed_id)
        assert row is not None
        return row


def write(db: Database, update_: FeedUpdate, schedule: Schedule | None = None) -> str:
    """Write one fetch's outcome for the feed, as the store step does after loading it."""
    with db.session() as session:
        writer = FeedWriter()
        writer.load_feeds(session, [update_.feed_id])
        chosen = schedule or Schedule(update_.status, LATER, 0)
        return writer.write_feed(session, update_, chosen, NOW)


# -- what the writer reads ------------------------------------------------------------


def test_a_batchs_feeds_are_those_that_still_exist(db: Database) -> None:
    one, two = subscribe(db, URL), subscribe(db, URL + "/2")
    with db.session() as session:
        session.execute(update(FeedRow).where(FeedRow.id == two).values(interval=60, error_count=3))

        states = FeedWriter().load_feeds(session, [one, two, 999])

    assert states == {one: FeedState(one, URL, 1800, 0), two: FeedState(two, URL + "/2", 60, 3)}


def test_known_entries_are_one_feeds_keys_with_their_ids_and_hashes(db: Database) -> None:
    mine, other = subscribe(db, URL), subscribe(db, URL + "/other")
    ids = insert(db, mine, entry("a", "h1"), entry("b", "h2"))
    insert(db, other, entry("c"))

    with db.session() as session:
        known = FeedWriter.known_entries(session, mine)

    assert known == {"a": (ids["a"], "h1"), "b": (ids["b"], "h2")}


# -- articles ---------------------------------------------------------------------------


def test_new_articles_are_stored_whole_with_their_categories_and_enclosures(db: Database) -> None:
    feed_id = subscribe(db, URL)
    published = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)
    ids = insert(
        db,
        feed_id,
        entry(
            "dated",
            title="عنوان",
            direction=Direction.RTL,
            published=published,
            categories=("اقتصاد", "سياسة", "اقتصاد"),
            enclosures=(VIDEO, PHOTO),
            image_url="https://news.example/lead.jpg",
        ),
        entry("undated", categories=("اقتصاد",)),
    )

    dated, undated = article(db, ids["dated"]), article(db, ids["undated"])
    assert (dated.title, dated.direction, dated.published) == ("عنوان", Direction.RTL, published)
    assert dated.categories == ("اقتصاد", "سياسة")  # a name repeated in one entry: once
    assert dated.enclosures == (
        Enclosure(VIDEO.url, "video/mp4", 1000),
        Enclosure(PHOTO.url, None, None, "image"),
    )
    assert dated.image_url == "https://news.example/lead.jpg"
    assert dated.first_seen == undated.first_seen == NOW
    assert sort_time(db, ids["dated"]) == published
    assert sort_time(db, ids["undated"]) == NOW  # no date of its own: when first seen
    assert undated.categories == ("اقتصاد",)
    with db.session() as session:
        assert session.scalar(select(func.count(CategoryRow.id))) == 2
        videos = article_store.article_ids(session, ArticleQuery(video=True))
    assert videos == [ids["dated"]]


def test_a_category_stored_before_is_reused_by_a_later_writer(db: Database) -> None:
    feed_id = subscribe(db, URL)
    first = insert(db, feed_id, entry("a", categories=("رياضة",)))
    second = insert(db, feed_id, entry("b", categories=("رياضة", "ثقافة")), now=LATER)

    with db.session() as session:
        assert session.scalar(select(func.count(CategoryRow.id))) == 2
        by_article = article_store.categories_of(session, [first["a"], second["b"]])
    assert by_article == {first["a"]: ["رياضة"], second["b"]: ["ثقافة", "رياضة"]}


def test_a_video_is_known_by_its_type_or_its_medium(db: Database) -> None:
    feed_id = subscribe(db, URL)
    by_medium = ParsedEnclosure("https://news.example/v", None, None, "video")
    ids = insert(
        db,
        feed_id,
        entry("typed", enclosures=(VIDEO,)),
        entry("medium", enclosures=(by_medium,)),
        entry("photo", enclosures=(PHOTO,)),
    )
    with db.session() as session:
        videos = article_store.article_ids(session, ArticleQuery(video=True))
    assert sorted(videos) == sorted([ids["typed"], ids["medium"]])


def test_a_changed_article_is_rewritten_in_place_and_keeps_the_users_marks(db: Database) -> None:
    feed_id = subscribe(db, URL)
    published = datetime(2026, 11, 20, tzinfo=UTC)
    ids = insert(
        db,
        feed_id,
        entry("a", published=published, categories=("قديم",), enclosures=(PHOTO,)),
    )
    with db.session() as session:
        article_store.mark_read(session, [ids["a"]])
        article_store.mark_starred(session, [ids["a"]])

    with db.session() as session:
        FeedWriter().replace_articles(
            session,
            [(ids["a"], entry("a", "new", title="corrected", categories=("جديد",)))],
        )

    changed = article(db, ids["a"])
    assert (changed.id, changed.title, changed.read, changed.starred) == (
        ids["a"],
        "corrected",
        True,
        True,
    )
    assert changed.categories == ("جديد",)
    assert changed.enclosures == ()
    assert sort_time(db, ids["a"]) == published  # no date in the new version: the old one stays

    later = datetime(2026, 11, 21, tzinfo=UTC)
    with db.session() as session:
        FeedWriter().replace_articles(session, [(ids["a"], entry("a", "v3", published=later))])
    assert sort_time(db, ids["a"]) == later


# -- the feed's own fields ------------------------------------------------------------------


def test_the_documents_metadata_is_taken_but_never_erased(db: Database) -> None:
    feed_id = subscribe(db, URL)
    document = parsed_feed(
        title="الأخبار",
        link="https://news.example/",
        language="ar",
        icon_url="https://news.example/icon.png",
    )
    write(db, FeedUpdate(feed_id, URL, FeedStatus.OK, parsed=document))
    write(db, FeedUpdate(feed_id, URL, FeedStatus.OK, parsed=parsed_feed(title="")))

    row = feed_row(db, feed_id)
    assert (row.title, row.site_url, row.language, row.icon_url) == (
        "الأخبار",
        "https://news.example/",
        "ar",
        "https://news.example/icon.png",
    )


def test_the_fetch_and_the_schedule_are_recorded(db: Database) -> None:
    feed_id = subscribe(db, URL)
    schedule = Schedule(FeedStatus.ERROR, LATER, 2, retry_until=LATER)

    url = write(db, FeedUpdate(feed_id, URL, FeedStatus.ERROR, error="HTTP 503"), schedule)

    row = feed_row(db, feed_id)
    assert url == URL
    assert (row.status, row.error, row.error_count) == ("error", "HTTP 503", 2)
    assert (row.next_fetch, row.retry_until, row.last_fetched) == (LATER, LATER, NOW)


def test_validators_change_only_with_a_body_or_a_304(db: Database) -> None:
    feed_id = subscribe(db, URL)
    ok = FeedUpdate(
        feed_id,
        URL,
        FeedStatus.OK,
        parsed=parsed_feed(),
        etag='"1"',
        last_modified="Mon, 23 Nov 2026 08:00:00 GMT",
        body_hash="a" * 64,
    )
    write(db, ok)
    write(db, FeedUpdate(feed_id, URL, FeedStatus.ERROR, error="timed out", etag='"x"'))
    row = feed_row(db, feed_id)
    assert (row.etag, row.last_modified, row.body_hash) == (
        '"1"',
        "Mon, 23 Nov 2026 08:00:00 GMT",
        "a" * 64,
    )

    write(db, FeedUpdate(feed_id, URL, FeedStatus.NOT_MODIFIED, etag='"2"'))
    row = feed_row(db, feed_id)
    # a 304 brings the server's validators; the body, and so its hash, is the one stored
    assert (row.etag, row.last_modified, row.body_hash) == ('"2"', None, "a" * 64)


def test_a_damaged_documents_warning_lasts_while_the_body_is_unchanged(db: Database) -> None:
    feed_id = subscribe(db, URL)
    damaged = parsed_feed(entry("a"), warning="the XML breaks off at line 40")

    write(db, FeedUpdate(feed_id, URL, FeedStatus.OK, parsed=damaged))
    assert feed_row(db, feed_id).error == "the XML breaks off at line 40"
    write(db, FeedUpdate(feed_id, URL, FeedStatus.NOT_MODIFIED))
    assert feed_row(db, feed_id).error == "the XML breaks off at line 40"
    write(db, FeedUpdate(feed_id, URL, FeedStatus.OK, parsed=parsed_feed(entry("a"))))
    assert feed_row(db, feed_id).error is None


def test_a_304_after_a_failure_leaves_no_error(db: Database) -> None:
    feed_id = subscribe(db, URL)
    write(db, FeedUpdate(feed_id, URL, FeedStatus.ERROR, error="HTTP 500"))
    write(db, FeedUpdate(feed_id, URL, FeedStatus.NOT_MODIFIED))
    assert (feed_row(db, feed_id).status, feed_row(db, feed_id).error) == ("not_modified", None)


def test_a_feed_the_writer_did_not_load_is_read_when_written(db: Database) -> None:
    feed_id = subscribe(db, URL)
    with db.session() as session:
        url = FeedWriter().write_feed(
            session,
            FeedUpdate(feed_id, URL, FeedStatus.OK, new_url=URL + "/moved"),
            Schedule(FeedStatus.OK, LATER, 0),
            NOW,
        )
    assert url == URL + "/moved"
    assert feed_row(db, feed_id).url == URL + "/moved"
