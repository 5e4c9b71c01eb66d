"""The public records: what they work out from their own fields."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

import pytest

from newsreader.core.types import (
    Article,
    ArticleCursor,
    ArticleSummary,
    Direction,
    Enclosure,
    Feed,
    FeedResult,
    FeedStatus,
    FollowUp,
    RefreshSummary,
)

WHEN = datetime(2026, 11, 24, tzinfo=UTC)


def test_a_refresh_summary_adds_up_its_feeds() -> None:
    summary = RefreshSummary(
        (
            FeedResult(1, "a", FeedStatus.OK, new=3, updated=1),
            FeedResult(2, "b", FeedStatus.NOT_MODIFIED),
            FeedResult(3, "c", FeedStatus.ERROR, error="HTTP 500"),
            FeedResult(4, "d", FeedStatus.GONE, error="HTTP 410 Gone"),
            FeedResult(5, "e", FeedStatus.OK, new=2, updated=6),
        ),
        follow_ups=((FollowUp.IMAGES, 7), (FollowUp.COMMENTS, 0)),
    )
    assert (summary.new, summary.updated, summary.failed) == (5, 7, 2)
    assert summary.followed_up(FollowUp.IMAGES) == 7
    assert summary.followed_up(FollowUp.ICONS) == 0  # did not run
    assert RefreshSummary() == RefreshSummary((), ())
    assert (RefreshSummary().new, RefreshSummary().failed) == (0, 0)


def test_the_follow_ups_are_listed_in_the_order_they_run() -> None:
    assert list(FollowUp) == [
        FollowUp.IMAGES,
        FollowUp.ICONS,
        FollowUp.COMMENTS,
        FollowUp.FULL_ARTICLES,
    ]


@pytest.mark.parametrize(
    ("enclosure", "video", "image"),
    [
        (Enclosure("u", "video/mp4"), True, False),
        (Enclosure("u", None, None, "video"), True, False),
        (Enclosure("u", "image/jpeg"), False, True),
        (Enclosure("u", None, None, "image"), False, True),
        (Enclosure("u", "audio/mpeg"), False, False),
        (Enclosure("u"), False, False),
    ],
)
def test_an_enclosure_is_known_by_its_type_or_its_medium(
    enclosure: Enclosure, video: bool, image: bool
) -> None:
    assert (enclosure.is_video, enclosure.is_image) == (video, image)


def test_an_untitled_feed_shows_its_address() -> None:
    assert Feed(1, "https://news.example/feed", "").display_title == "https://news.example/feed"
    assert Feed(1, "https://news.example/feed", "News").display_title == "News"


def test_an_untitled_article_is_headed_by_its_first_words() -> None:
    row = ArticleSummary(
        1, 1, "f", "g", "", None, None, Direction.RTL, False, False, lead="وصلت القافلة."
    )
    article = Article(
        1, 1, "f", "g", "", None, None, "Trying the tram.", None, None, None, WHEN, None,
        Direction.LTR, False, False,
    )  # fmt: skip
    assert row.headline == "وصلت القافلة."
    assert article.headline == "Trying the tram."
    assert dataclasses.replace(row, title="العنوان").headline == "العنوان"


def test_cursors_order_as_their_articles_do_in_a_list() -> None:
    older = ArticleCursor(sort_time=WHEN, article_id=9)
    newer = ArticleCursor(sort_time=WHEN + timedelta(hours=1), article_id=2)
    same_time_lower_id = ArticleCursor(sort_time=WHEN, article_id=3)
    assert sorted([newer, older, same_time_lower_id]) == [same_time_lower_id, older, newer]


def test_records_are_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        Feed(1, "u", "t").title = "changed"  # type: ignore[misc]


def test_an_article_dated_when_first_seen_counts_as_undated() -> None:
    from datetime import UTC, datetime, timedelta

    from newsreader.core.types import is_undated

    seen = datetime(2026, 3, 1, 8, 30, 12, 345678, tzinfo=UTC)
    assert is_undated(None, seen)
    assert is_undated(seen, seen)  # the fallback stores the first-seen moment
    assert not is_undated(seen - timedelta(hours=2), seen)
    assert not is_undated(seen, None)
