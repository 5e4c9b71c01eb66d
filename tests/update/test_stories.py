"""The grouping step on a real database: incremental, batch by batch, each article once."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from newsreader.core.types import ArticleQuery
from newsreader.storage import articles as article_store
from newsreader.storage import stories as story_store
from newsreader.storage.database import Database
from newsreader.storage.writer import FeedWriter
from newsreader.update.stories import group_new_articles
from tests.helpers import storage
from tests.helpers.parsed import entry
from tests.helpers.storage import subscribe

db = storage.db
T0 = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)

TELLINGS = [
    ("حريق يلتهم سوقا شعبيا في مدينة صفاقس", "اندلع حريق كبير في سوق شعبي وسط صفاقس فجر الجمعة."),
    (
        "حريق كبير يأتي على عشرات المحلات في سوق صفاقس",
        "أتى الحريق على محلات السوق الشعبي بصفاقس فجر الجمعة.",
    ),
    ("الحماية المدنية تسيطر على حريق سوق صفاقس", "أخمدت الحماية المدنية حريق سوق صفاقس بعد ساعات."),
]
OTHER = ("افتتاح معرض الكتاب في الشارقة", "يشارك ألفا ناشر في معرض الشارقة للكتاب.")


def _store(db: Database, feed_id: int, key: str, text: tuple[str, str], hours: int) -> datetime:
    now = T0 + timedelta(hours=hours)
    with db.session() as session:
        FeedWriter().insert_articles(
            session,
            feed_id,
            [entry(key, title=text[0], summary=text[1], published=now)],
            now,
        )
    return now


def _id(db: Database, key: str) -> int:
    with db.session() as session:
        return next(a.id for f in (1, 2, 3) for a in _feed(session, f) if a.guid == key)


def _feed(session: object, feed_id: int) -> list:  # type: ignore[type-arg]
    return article_store.list_articles(session, ArticleQuery(feed_id=feed_id))  # type: ignore[arg-type]


def test_articles_are_grouped_as_they_arrive_and_only_once(db: Database) -> None:
    feeds = [subscribe(db, f"http://127.0.0.1:9/{n}") for n in (1, 2, 3)]
    first = _store(db, feeds[0], "a", TELLINGS[0], 0)
    _store(db, feeds[0], "x", OTHER, 0)
    assert group_new_articles(db, first) == 2
    with db.session() as session:
        assert story_store.list_stories(session) == []

    second = _store(db, feeds[1], "b", TELLINGS[1], 2)
    assert group_new_articles(db, second) == 1
    assert group_new_articles(db, second) == 0  # grouped already
    third = _store(db, feeds[2], "c", TELLINGS[2], 30)
    assert group_new_articles(db, third) == 1
    with db.session() as session:
        [story] = story_store.list_stories(session)
    assert set(story.article_ids) == {_id(db, "a"), _id(db, "b"), _id(db, "c")}
    assert story.title in {t for t, _ in TELLINGS}
    assert story.updated == third


def test_a_later_copy_of_a_stored_article_is_one_article(db: Database) -> None:
    feeds = [subscribe(db, f"http://127.0.0.1:9/{n}") for n in (1, 2)]
    group_new_articles(db, _store(db, feeds[0], "a", TELLINGS[0], 0))
    group_new_articles(db, _store(db, feeds[1], "copy", TELLINGS[0], 1))
    with db.session() as session:
        [listed] = article_store.list_articles(session, ArticleQuery())
        assert listed.id == _id(db, "a")
        assert len(listed.sources) == 2
        assert story_store.list_stories(session) == []  # one article is no story


def test_articles_days_apart_are_not_one_story(db: Database) -> None:
    feeds = [subscribe(db, f"http://127.0.0.1:9/{n}") for n in (1, 2)]
    group_new_articles(db, _store(db, feeds[0], "a", TELLINGS[0], 0))
    group_new_articles(db, _store(db, feeds[1], "b", TELLINGS[1], 24 * 5))
    with db.session() as session:
        assert story_store.list_stories(session) == []


def test_recent_articles_never_grouped_are_grouped_with_the_next_refresh(db: Database) -> None:
    """A database from before stories: its last days of news are grouped, older ones not."""
    feeds = [subscribe(db, f"http://127.0.0.1:9/{n}") for n in (1, 2, 3)]
    long_ago = datetime.now(UTC) - timedelta(days=30)
    recent = datetime.now(UTC) - timedelta(hours=5)
    with db.session() as session:
        writer = FeedWriter()
        for feed, (title, lead) in zip(feeds[:2], TELLINGS[:2], strict=True):
            published = entry(f"r{feed}", title=title, summary=lead, published=recent)
            writer.insert_articles(session, feed, [published], long_ago)
        old = entry("old", title=TELLINGS[2][0], summary=TELLINGS[2][1], published=long_ago)
        writer.insert_articles(session, feeds[2], [old], long_ago)
    assert group_new_articles(db, datetime.now(UTC)) == 2
    with db.session() as session:
        [story] = story_store.list_stories(session)
    assert story.count == 2 and _id(db, "old") not in story.article_ids


# The fire, the traders' strike it led to, and a general strike: B is like A and like C,
# A is nothing like C.
FIRE = TELLINGS[0]
FIRE_AND_STRIKE = (
    "حريق سوق صفاقس: نقابة التجار تدعو إلى إضراب",
    "دعت نقابة التجار إلى إضراب عام احتجاجا على تأخر التعويضات.",
)
GENERAL_STRIKE = (
    "نقابة التجار تدعو إلى إضراب عام في تونس",
    "دعت نقابة التجار إلى إضراب عام في كل الولايات احتجاجا على الضرائب.",
)


def test_an_article_like_one_member_of_a_story_only_stays_out_of_it(db: Database) -> None:
    feeds = [subscribe(db, f"http://127.0.0.1:9/{n}") for n in (1, 2, 3)]
    group_new_articles(db, _store(db, feeds[0], "a", FIRE, 0))
    group_new_articles(db, _store(db, feeds[1], "b", FIRE_AND_STRIKE, 1))
    group_new_articles(db, _store(db, feeds[2], "c", GENERAL_STRIKE, 2))
    with db.session() as session:
        [story] = story_store.list_stories(session)
        assert story_store.story_of(session, _id(db, "c")) is None
    assert set(story.article_ids) == {_id(db, "a"), _id(db, "b")}
