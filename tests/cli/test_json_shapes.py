"""The --json shapes scripts rely on: every key, and what each holds."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone

from newsreader.cli.json_shapes import (
    article_json,
    article_summary_json,
    comment_json,
    feed_json,
    iso,
    note_json,
    refresh_json,
)
from newsreader.core.types import (
    Article,
    ArticleSummary,
    Comment,
    Direction,
    Enclosure,
    Feed,
    FeedResult,
    FeedStatus,
    FollowUp,
    FollowUpEnd,
    FollowUpReport,
    Note,
    RefreshSummary,
    SkippedHost,
)

WHEN = datetime(2026, 11, 24, 9, 30, tzinfo=UTC)


def test_times_are_iso_8601_with_their_offset() -> None:
    assert iso(WHEN) == "2026-11-24T09:30:00+00:00"
    assert iso(WHEN.astimezone(timezone(timedelta(hours=3)))) == "2026-11-24T12:30:00+03:00"
    assert iso(None) is None


def test_a_feed() -> None:
    feed = Feed(
        id=3,
        url="https://news.example/feed",
        title="الأخبار",
        site_url="https://news.example/",
        language="ar",
        folder="عربي",
        status=FeedStatus.ERROR,
        error="HTTP 500",
        last_fetched=WHEN,
        article_count=10,
        unread_count=4,
    )
    assert feed_json(feed) == {
        "id": 3,
        "url": "https://news.example/feed",
        "title": "الأخبار",
        "folder": "عربي",
        "status": "error",
        "error": "HTTP 500",
        "article_count": 10,
        "unread_count": 4,
        "site_url": "https://news.example/",
        "language": "ar",
        "last_fetched": "2026-11-24T09:30:00+00:00",
        "next_fetch": None,
    }


def test_a_refresh() -> None:
    summary = RefreshSummary(
        (
            FeedResult(1, "https://a.example/", FeedStatus.OK, new=2, updated=1),
            FeedResult(2, "https://b.example/", FeedStatus.GONE, error="HTTP 410 Gone"),
        ),
        follow_ups=((FollowUp.IMAGES, 5), (FollowUp.COMMENTS, 1)),
    )
    assert refresh_json(summary) == {
        "feeds": [
            {
                "id": 1,
                "url": "https://a.example/",
                "status": "ok",
                "new": 2,
                "updated": 1,
                "error": None,
            },
            {
                "id": 2,
                "url": "https://b.example/",
                "status": "gone",
                "new": 0,
                "updated": 0,
                "error": "HTTP 410 Gone",
            },
        ],
        "new": 2,
        "updated": 1,
        "failed": 1,
        "follow_ups": {"images": 5, "comments": 1},
        "follow_up_report": None,
    }


def test_a_refresh_whose_pictures_ran_out_of_time() -> None:
    report = FollowUpReport(
        FollowUpEnd.OUT_OF_TIME,
        60.0004,
        left=12,
        skipped_hosts=(SkippedHost("cdn.example", "host not found", 40),),
    )
    summary = RefreshSummary(follow_up_report=report)

    assert refresh_json(summary)["follow_up_report"] == {
        "ended": "out_of_time",
        "seconds": 60.0,
        "left": 12,
        "skipped_hosts": [{"host": "cdn.example", "reason": "host not found", "skipped": 40}],
    }


def test_an_article_in_a_list() -> None:
    summary = ArticleSummary(
        id=7,
        feed_id=3,
        feed_title="الأخبار",
        guid="g7",
        title="عنوان",
        link="https://news.example/7",
        published=WHEN,
        direction=Direction.RTL,
        read=True,
        starred=False,
        comment_count=2,
    )
    assert article_summary_json(summary, ("اقتصاد",)) == {
        "id": 7,
        "feed_id": 3,
        "feed_title": "الأخبار",
        "guid": "g7",
        "title": "عنوان",
        "link": "https://news.example/7",
        "published": "2026-11-24T09:30:00+00:00",
        "read": True,
        "starred": False,
        "direction": "rtl",
        "categories": ["اقتصاد"],
        "comment_count": 2,
        "sources": ["الأخبار"],
    }


def test_an_article_whole() -> None:
    article = Article(
        id=7,
        feed_id=3,
        feed_title="News",
        guid="g7",
        title="Title",
        link=None,
        author="Salma",
        summary="Lead.",
        content_html="<p>Body.</p>",
        published=None,
        updated=WHEN,
        first_seen=WHEN,
        language="en",
        direction=Direction.LTR,
        read=False,
        starred=True,
        categories=("a", "b"),
        enclosures=(Enclosure("https://news.example/v.mp4", "video/mp4", 99, "video"),),
        image_url="https://news.example/i.jpg",
        image_caption="Photo: Agency",
        comments_url="https://news.example/7#comments",
        comments_feed_url="https://news.example/7/feed",
        comment_count=None,
    )
    shape = article_json(article)
    assert shape == {
        "id": 7,
        "feed_id": 3,
        "feed_title": "News",
        "guid": "g7",
        "title": "Title",
        "link": None,
        "author": "Salma",
        "published": None,
        "updated": "2026-11-24T09:30:00+00:00",
        "first_seen": "2026-11-24T09:30:00+00:00",
        "language": "en",
        "read": False,
        "starred": True,
        "direction": "ltr",
        "categories": ["a", "b"],
        "summary": "Lead.",
        "content_html": "<p>Body.</p>",
        "image_url": "https://news.example/i.jpg",
        "image_caption": "Photo: Agency",
        "enclosures": [
            {
                "url": "https://news.example/v.mp4",
                "type": "video/mp4",
                "length": 99,
                "medium": "video",
            }
        ],
        "comments_url": "https://news.example/7#comments",
        "comments_feed_url": "https://news.example/7/feed",
        "comment_count": None,
    }
    assert json.loads(json.dumps(shape, ensure_ascii=False)) == shape


def test_a_comment_and_a_note() -> None:
    comment = Comment(
        id=1,
        article_id=7,
        guid="c1",
        parent_id=None,
        author="Omar",
        published=WHEN,
        content_html="<p>رأي</p>",
        direction=Direction.RTL,
        link="https://news.example/7#comment-1",
        depth=2,
    )
    note = Note(
        id=4, article_id=7, text="to read", direction=Direction.LTR, created=WHEN, updated=WHEN
    )
    assert comment_json(comment) == {
        "id": 1,
        "parent_id": None,
        "author": "Omar",
        "published": "2026-11-24T09:30:00+00:00",
        "content_html": "<p>رأي</p>",
        "direction": "rtl",
        "link": "https://news.example/7#comment-1",
        "depth": 2,
    }
    assert note_json(note) == {
        "id": 4,
        "article_id": 7,
        "text": "to read",
        "direction": "ltr",
        "created": "2026-11-24T09:30:00+00:00",
        "updated": "2026-11-24T09:30:00+00:00",
    }
