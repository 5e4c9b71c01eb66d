"""The user's corrections to stories, stored: a grouping from scratch respects them.

"From scratch" is what a profile restored from a backup sees, and what any later
change to grouping could do: every signature and story is dropped and the articles
are grouped again by the refresh's grouping step.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import delete, select

from newsreader.core.backup_records import StoryCorrectionRecord
from newsreader.core.story_corrections import APART, TOGETHER, Correction
from newsreader.reader import Reader
from newsreader.storage import story_corrections as correction_store
from newsreader.storage.models import StoryArticleRow, StoryRow, StorySignatureRow
from newsreader.update.stories import group_new_articles
from tests.helpers.feedserver import FeedServer
from tests.helpers.story_news import by_guid, serve_stories

EPOCH = datetime(2000, 1, 1, tzinfo=UTC)


def _regroup(reader: Reader) -> None:
    """Forget every story and group all articles again."""
    with reader._db.session() as session:
        session.execute(delete(StoryArticleRow))
        session.execute(delete(StoryRow))
        session.execute(delete(StorySignatureRow))
    assert group_new_articles(reader._db, EPOCH) > 0


def _groups(reader: Reader, ids: dict[str, int]) -> set[frozenset[str]]:
    names = {v: k for k, v in ids.items()}
    with reader._db.session() as session:
        rows = session.execute(select(StoryArticleRow.story_id, StoryArticleRow.article_id))
        stories: dict[int, set[str]] = {}
        for story, article in rows:
            stories.setdefault(story, set()).add(names[article])
    return {frozenset(s) for s in stories.values() if len(s) > 1}


FERRY = frozenset({"ferry-a", "ferry-b", "ferry-c"})
FAIR = frozenset({"fair-a", "fair-b", "fair-c"})


def test_a_grouping_from_scratch_makes_the_same_stories_without_corrections(
    reader: Reader, feed_server: FeedServer
) -> None:
    serve_stories(feed_server, reader)
    reader.refresh()
    ids = by_guid(reader)
    _regroup(reader)
    assert _groups(reader, ids) == {FERRY, FAIR}


def test_an_article_taken_out_stays_out_when_everything_is_grouped_again(
    reader: Reader, feed_server: FeedServer
) -> None:
    serve_stories(feed_server, reader)
    reader.refresh()
    ids = by_guid(reader)
    story = reader.story_of(ids["ferry-c"])
    assert story is not None
    reader.remove_from_story(story.id, ids["ferry-c"])
    assert _groups(reader, ids) == {FERRY - {"ferry-c"}, FAIR}
    _regroup(reader)
    assert _groups(reader, ids) == {FERRY - {"ferry-c"}, FAIR}
    assert reader.story_of(ids["ferry-c"]) is None


def test_merged_and_split_stories_stay_so_when_everything_is_grouped_again(
    reader: Reader, feed_server: FeedServer
) -> None:
    serve_stories(feed_server, reader)
    reader.refresh()
    ids = by_guid(reader)
    ferry = reader.story_of(ids["ferry-a"])
    fair = reader.story_of(ids["fair-a"])
    assert ferry is not None and fair is not None
    merged = reader.merge_stories(fair.id, ferry.id)
    assert merged == ferry.id
    assert _groups(reader, ids) == {FERRY | FAIR}
    _regroup(reader)
    assert _groups(reader, ids) == {FERRY | FAIR}

    # the split finds the seam: the two events again, and a regroup keeps them apart
    [whole] = [s for s in reader.stories() if len(s.article_ids) == 6]
    kept, split_off = reader.split_story(whole.id)
    assert split_off is not None and kept != split_off
    assert _groups(reader, ids) == {FERRY, FAIR}
    _regroup(reader)
    assert _groups(reader, ids) == {FERRY, FAIR}


def test_corrections_are_kept_by_feed_url_and_key_and_the_newest_word_wins(
    reader: Reader, feed_server: FeedServer
) -> None:
    urls = serve_stories(feed_server, reader)
    reader.refresh()
    ids = by_guid(reader)
    a, b = ids["ferry-a"], ids["ferry-b"]
    with reader._db.session() as session:
        assert correction_store.record(session, [Correction(APART, a, b)]) == 1
        assert correction_store.record(session, [Correction(APART, a, b)]) == 0  # kept once
        [kept] = correction_store.records(session)
        assert (kept.kind, kept.feed_url, kept.key) == (APART, urls[0], "ferry-a")
        assert (kept.other_feed_url, kept.other_key) == (urls[1], "ferry-b")
        correction_store.record(session, [Correction(TOGETHER, b, a)])
        assert [r.kind for r in correction_store.records(session)] == [TOGETHER]
        assert correction_store.resolved(session) == [Correction(TOGETHER, b, a)]


def test_a_correction_naming_articles_not_stored_waits_and_changes_nothing(
    reader: Reader, feed_server: FeedServer
) -> None:
    serve_stories(feed_server, reader)
    reader.refresh()
    ids = by_guid(reader)
    record = StoryCorrectionRecord(
        APART, "http://127.0.0.1:9/gone", "x", "http://127.0.0.1:9/gone", "y", EPOCH
    )
    with reader._db.session() as session:
        assert correction_store.add_records(session, [record]) == 1
        assert correction_store.add_records(session, [record]) == 0
        assert correction_store.resolved(session) == []
        assert correction_store.enforce_stored(session) == set()
    assert _groups(reader, ids) == {FERRY, FAIR}
