"""The demo host serves its stories with dates that follow the calendar."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from newsreader.core.demo import DEMO_BASE
from newsreader.fetch.demo_dates import DEMO_NEWEST_DAY, demo_shift, shift_dates
from newsreader.fetch.parse import parse_feed
from newsreader.fetch.transport import DemoTransport

DEMO = Path(__file__).resolve().parent.parent.parent / "resources" / "demo"
DEMO_DOCUMENTS = sorted([*(DEMO / "feeds").iterdir(), *(DEMO / "comments").iterdir()])


def _dates(data: bytes, url: str) -> list[datetime]:
    return [e.published for e in parse_feed(data, url=url).entries if e.published]


def test_dates_move_by_whole_days_and_weekdays_follow() -> None:
    document = (
        b"<pubDate>Mon, 30 Nov 2026 06:30:00 +0300</pubDate>"
        b"<updated>2026-11-29T22:10:00+03:00</updated>"
        b"<pubDate>Thu, 31 Dec 2026 23:59:59 GMT</pubDate>"
    )
    shifted = shift_dates(document, timedelta(days=3))
    assert shifted == (
        b"<pubDate>Thu, 03 Dec 2026 06:30:00 +0300</pubDate>"
        b"<updated>2026-12-02T22:10:00+03:00</updated>"
        b"<pubDate>Sun, 03 Jan 2027 23:59:59 GMT</pubDate>"
    )
    assert shift_dates(shifted, timedelta(days=-3)) == document
    assert shift_dates(document, timedelta(0)) is document


def test_text_that_only_looks_like_a_date_is_left_alone() -> None:
    text = b"<title>2026-11-30 report, Mon, 30 Nov 2026</title><guid>2026-02-30T00:00</guid>"
    assert shift_dates(text, timedelta(days=1)) == text


@pytest.mark.parametrize("today", [date(2026, 11, 25), date(2027, 3, 1), date(2031, 7, 15)])
def test_the_newest_demo_story_is_always_from_yesterday(today: date) -> None:
    transport = DemoTransport(today=lambda: today)
    newest: list[datetime] = []
    for path in DEMO_DOCUMENTS:
        url = DEMO_BASE + path.relative_to(DEMO).as_posix()
        served = transport.get(url)
        assert served.status == 200
        as_written = _dates(path.read_bytes(), url)
        dates = _dates(served.body, url)
        assert len(dates) == len(as_written) > 0
        # every date moved by the same whole number of days, so the order is kept
        shift = demo_shift(today)
        assert all(new - old == shift for new, old in zip(dates, as_written, strict=True))
        newest.append(max(dates))
    yesterday = today - timedelta(days=1)
    assert max(d.astimezone(UTC).date() for d in newest) in (yesterday, today)
    assert min(d.astimezone(UTC).date() for d in newest) >= yesterday - timedelta(days=14)


def test_the_same_day_serves_the_same_bytes() -> None:
    url = DEMO_BASE + "feeds/ar-world.xml"
    transport = DemoTransport(today=lambda: date(2027, 1, 5))
    first = transport.get(url)
    again = transport.get(url, etag=first.etag)
    assert again.not_modified
    next_day = DemoTransport(today=lambda: date(2027, 1, 6)).get(url, etag=first.etag)
    assert not next_day.not_modified and next_day.etag != first.etag


def test_the_anchor_is_the_newest_day_written_in_the_demo() -> None:
    written = [d for p in DEMO_DOCUMENTS for d in _dates(p.read_bytes(), "https://x.test/")]
    assert max(d.astimezone(UTC).date() for d in written) == DEMO_NEWEST_DAY
