"""The story helper's news: a refresh makes two stories of three feeds each."""

from __future__ import annotations

from newsreader.reader import Reader
from tests.helpers.feedserver import FeedServer
from tests.helpers.story_news import by_guid, serve_stories


def test_the_served_news_makes_two_stories_of_three_sources(
    reader: Reader, feed_server: FeedServer
) -> None:
    serve_stories(feed_server, reader)
    reader.refresh()
    ids = by_guid(reader)
    stories = {frozenset(s.article_ids) for s in reader.stories()}
    assert stories == {
        frozenset(ids[g] for g in ("ferry-a", "ferry-b", "ferry-c")),
        frozenset(ids[g] for g in ("fair-a", "fair-b", "fair-c")),
    }
