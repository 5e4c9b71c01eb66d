"""Stories and syndicated copies through the Reader: feeds served on 127.0.0.1, two refreshes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from newsreader.core.errors import NewsreaderError
from newsreader.core.types import ArticleQuery
from newsreader.reader import Reader
from newsreader.reader.stories import StoryNotFoundError
from tests.helpers.feeds import Item, rss
from tests.helpers.feedserver import FeedServer, Response
from tests.helpers.story_news import FERRY, NOW, by_guid, serve_stories

T0 = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)

QUAKE_A = Item(
    guid="a-quake",
    title="زلزال بقوة 6.1 درجات يضرب جزيرة كريت اليونانية",
    body="<p>ضرب زلزال بقوة 6.1 درجات جزيرة كريت صباح الأحد وشعر به سكان أثينا ولم ترد"
    " أنباء عن ضحايا.</p>",
    link="http://127.0.0.1:1/a/quake",
    published=T0,
)
QUAKE_B = Item(
    guid="b-quake",
    title="هزة أرضية قوية تضرب كريت وسكان أثينا يشعرون بها",
    body="<p>أفاد معهد الرصد بأن هزة بلغت 6.1 درجات ضربت جزيرة كريت، وقال الدفاع المدني"
    " إنه لا ضحايا حتى الآن.</p>",
    link="http://127.0.0.1:2/b/crete-quake",
    published=T0 + timedelta(hours=2),
)
QUAKE_C = Item(
    guid="c-quake",
    title="كريت: زلزال 6.1 درجات دون ضحايا",
    body="<p>زلزال بقوة 6.1 درجات هز جزيرة كريت اليونانية وشعر به سكان أثينا.</p>",
    link="http://127.0.0.1:3/c/quake",
    published=T0 + timedelta(hours=20),
)
MARKET_A = Item(
    guid="a-market",
    title="افتتاح سوق الكتاب السنوي في مدينة فاس بمشاركة مئة دار نشر",
    body="<p>افتتحت مدينة فاس سوقها السنوي للكتاب بمشاركة مئة دار نشر من تسعة بلدان.</p>",
    link="http://127.0.0.1:1/a/books",
    published=T0 + timedelta(hours=1),
)
WIRE = Item(
    guid="wire-77",
    title="Port workers in Valencia end three-day strike after pay deal",
    body="<p>Dock workers at the port of Valencia returned to work on Tuesday after unions"
    " accepted a pay rise of 4 percent, ending a three-day strike.</p>",
    link="http://127.0.0.1:9/wire/valencia-strike",
    published=T0 + timedelta(hours=3),
)


def _serve(server: FeedServer, path: str, items: list[Item], title: str) -> None:
    server.route(path, Response(body=rss(items, title=title)))


def _by_guid(reader: Reader, query: ArticleQuery | None = None) -> dict[str, int]:
    return {a.guid: a.id for a in reader.list_articles(query)}


def test_articles_of_one_event_in_two_feeds_become_a_story_and_later_ones_join_it(
    reader: Reader, feed_server: FeedServer
) -> None:
    _serve(feed_server, "/a", [QUAKE_A, MARKET_A], "Alpha")
    _serve(feed_server, "/b", [QUAKE_B], "Beta")
    _serve(feed_server, "/c", [], "Gamma")
    for path in ("/a", "/b", "/c"):
        reader.subscribe(feed_server.url(path))
    reader.refresh()
    ids = _by_guid(reader)
    [story] = reader.stories()
    assert set(story.article_ids) == {ids["a-quake"], ids["b-quake"]}
    assert (story.count, story.unread) == (2, 2)
    assert set(story.sources) == {"Alpha", "Beta"}
    assert story.title in (QUAKE_A.title, QUAKE_B.title)
    assert reader.story_of(ids["a-market"]) is None

    # The second refresh brings a third telling of the event: it joins the story.
    _serve(feed_server, "/c", [QUAKE_C], "Gamma")
    reader.refresh(all_feeds=True)
    ids = _by_guid(reader)
    [again] = reader.stories()
    assert again.id == story.id
    assert again.article_ids[0] == ids["c-quake"]  # newest first
    assert set(again.article_ids) == {ids["a-quake"], ids["b-quake"], ids["c-quake"]}
    assert set(again.sources) == {"Alpha", "Beta", "Gamma"}
    listed = reader.list_articles(ArticleQuery(story_id=story.id))
    assert [a.id for a in listed] == list(again.article_ids)
    reader.mark_read([ids["b-quake"]])
    assert reader.count_articles(ArticleQuery(story_id=story.id)) == (3, 2)
    assert reader.story_of(ids["c-quake"]).unread == 2  # type: ignore[union-attr]


def test_a_syndicated_copy_is_listed_once_with_both_sources_and_one_state(
    reader: Reader, feed_server: FeedServer
) -> None:
    _serve(feed_server, "/wire", [WIRE], "Wire")
    first = reader.subscribe(feed_server.url("/wire"))
    reader.refresh()
    [original] = reader.list_articles()
    reader.mark_starred([original.id])  # a mark made before the copy arrives

    # Another feed carries the same article, under a guid and link of its own.
    copy = Item(
        guid="local-5",
        title=WIRE.title,
        body=WIRE.body,
        link="http://127.0.0.1:8/news/5",
        published=WIRE.published + timedelta(hours=1),  # type: ignore[operator]
    )
    _serve(feed_server, "/local", [copy], "Local")
    second = reader.subscribe(feed_server.url("/local"))
    reader.refresh()

    [listed] = reader.list_articles()
    assert listed.id == original.id
    assert listed.sources == ("Wire", "Local")
    assert reader.count_articles() == (1, 1)
    [in_local] = reader.list_articles(ArticleQuery(feed_id=second))  # its own feed shows it
    assert in_local.id != original.id
    assert in_local.starred  # the mark made before the merge is kept, and shared
    reader.mark_read([in_local.id])  # marking the copy marks the original
    assert reader.get_article(original.id).read
    reader.mark_starred([original.id], False)
    assert not reader.get_article(in_local.id).starred
    assert reader.count_articles(ArticleQuery(feed_id=first)) == (1, 0)

    # The original's feed goes: the copy is listed on its own, marks as they were.
    reader.remove_feed(first)
    [alone] = reader.list_articles()
    assert (alone.id, alone.read, alone.starred, alone.sources) == (
        in_local.id,
        True,
        False,
        ("Local",),
    )


def test_the_same_link_in_two_feeds_is_one_article(reader: Reader, feed_server: FeedServer) -> None:
    shared = "http://127.0.0.1:7/story/42?utm_source=feed"
    _serve(
        feed_server,
        "/x",
        [Item(guid="x1", title="عنوان أول", link=shared, published=T0)],
        "X",
    )
    _serve(
        feed_server,
        "/y",
        [Item(guid="y1", title="عنوان آخر تماما", link=shared.split("?")[0], published=T0)],
        "Y",
    )
    reader.subscribe(feed_server.url("/x"))
    reader.subscribe(feed_server.url("/y"))
    reader.refresh()
    [listed] = reader.list_articles()
    assert sorted(listed.sources) == ["X", "Y"]


def test_related_headlines_come_from_the_story_first_then_the_topic(
    reader: Reader, feed_server: FeedServer
) -> None:
    topic = ["أخبار"]
    quake_a = Item(**{**QUAKE_A.__dict__, "categories": topic})
    market = Item(**{**MARKET_A.__dict__, "categories": topic})
    newest_in_topic = Item(
        guid="a-late",
        title="حفل موسيقي في الساحة الكبرى مساء الجمعة",
        published=T0 + timedelta(days=1),
        categories=topic,
    )
    _serve(feed_server, "/a", [quake_a, market, newest_in_topic], "Alpha")
    _serve(feed_server, "/b", [QUAKE_B], "Beta")  # no category at all
    reader.subscribe(feed_server.url("/a"))
    reader.subscribe(feed_server.url("/b"))
    reader.refresh()
    ids = _by_guid(reader)
    related = [a.id for a in reader.related_articles(ids["a-quake"], 5)]
    assert related == [ids["b-quake"], ids["a-late"], ids["a-market"]]
    assert [a.id for a in reader.related_articles(ids["a-quake"], 1)] == [ids["b-quake"]]


# -- the current stories, and the user's corrections ------------------------------------


def test_current_stories_are_the_active_unread_ones_and_the_one_on_show_stays(
    reader: Reader, feed_server: FeedServer
) -> None:
    serve_stories(feed_server, reader)
    reader.refresh()
    ids = by_guid(reader)
    ferry = reader.story_of(ids["ferry-a"])
    fair = reader.story_of(ids["fair-a"])
    assert ferry is not None and fair is not None
    # both had three articles in the last day: the newest first
    assert [s.id for s in reader.current_stories()] == [fair.id, ferry.id]
    # a day on, the ferry's news is older than a day and the fair's is not: still first
    later = NOW + timedelta(hours=20, minutes=30)
    assert [s.id for s in reader.current_stories(now=later)] == [fair.id, ferry.id]
    # read to the end: it drops out, unless it is the one on show
    reader.mark_read([ids["fair-a"], ids["fair-b"], ids["fair-c"]])
    assert [s.id for s in reader.current_stories()] == [ferry.id]
    assert [s.id for s in reader.current_stories(keep=fair.id)] == [fair.id, ferry.id]
    # gone quiet for three days: it drops out too
    assert reader.current_stories(now=NOW + timedelta(days=4)) == []
    assert [s.id for s in reader.current_stories(limit=1)] == [ferry.id]
    topics = [t for t in reader.topics() if t.kind == "story"]
    assert [t.id for t in topics] == [f"story:{ferry.id}"]
    assert reader.story(fair.id) is not None and reader.story(10_000) is None


def test_activity_ranks_a_story_with_more_articles_today_first(
    reader: Reader, feed_server: FeedServer
) -> None:
    serve_stories(feed_server, reader)
    reader.refresh()
    ids = by_guid(reader)
    ferry = reader.story_of(ids["ferry-a"])
    fair = reader.story_of(ids["fair-a"])
    assert ferry is not None and fair is not None
    reader.remove_from_story(fair.id, ids["fair-c"])  # the fair has two articles now
    assert [s.id for s in reader.current_stories()] == [ferry.id, fair.id]


def test_corrections_name_stories_and_articles_that_exist(
    reader: Reader, feed_server: FeedServer
) -> None:
    serve_stories(feed_server, reader)
    reader.refresh()
    ids = by_guid(reader)
    ferry = reader.story_of(ids["ferry-a"])
    assert ferry is not None
    with pytest.raises(StoryNotFoundError, match="no story 999"):
        reader.remove_from_story(999, ids["ferry-a"])
    with pytest.raises(StoryNotFoundError, match="not in story"):
        reader.remove_from_story(ferry.id, ids["fair-a"])
    with pytest.raises(NewsreaderError, match="into itself"):
        reader.merge_stories(ferry.id, ferry.id)
    with pytest.raises(StoryNotFoundError):
        reader.split_story(999)


def test_taking_an_article_out_renames_the_story_and_a_later_refresh_keeps_it_out(
    reader: Reader, feed_server: FeedServer
) -> None:
    serve_stories(feed_server, reader)
    reader.refresh()
    ids = by_guid(reader)
    ferry = reader.story_of(ids["ferry-b"])
    assert ferry is not None
    reader.remove_from_story(ferry.id, ids["ferry-b"])
    after = reader.story(ferry.id)
    assert after is not None and ids["ferry-b"] not in after.article_ids
    assert after.title != FERRY[1].title
    # another telling arrives, like the removed one most of all: it joins the story,
    # and the removed article stays out of it
    fourth = Item(
        guid="ferry-d",
        title="Crete ferry: all 300 passengers rescued at Heraklion after grounding",
        body="<p>All 300 passengers of the ferry aground off Heraklion, Crete, were rescued"
        " by the coastguard.</p>",
        published=NOW - timedelta(minutes=30),
    )
    feed_server.route("/d", Response(body=rss([fourth], title="Delta")))
    reader.subscribe(feed_server.url("/d"))
    reader.refresh(all_feeds=True)
    ids = by_guid(reader)
    story_b = reader.story_of(ids["ferry-b"])
    assert story_b is None or story_b.id != ferry.id
    again = reader.story(ferry.id)
    assert again is not None and ids["ferry-b"] not in again.article_ids
