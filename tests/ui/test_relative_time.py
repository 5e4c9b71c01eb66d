"""Times as a reader says them, in English and in Arabic (its six plural forms).

Every time is at noon UTC, which is the same day in every zone from UTC−11 to
UTC+11, so the dates below hold wherever the tests run.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from newsreader.ui.i18n import Translations
from newsreader.ui.relative_time import absolute_time, relative_time, short_date, western_digits

NOW = datetime(2025, 3, 4, 12, 0, tzinfo=UTC)


def ago(**delta: float) -> str:
    return relative_time(NOW - timedelta(**delta), NOW)


def local_clock(when: datetime) -> str:
    """The hours and minutes of *when* on this computer's clock."""
    return f"{when.astimezone():%H:%M}"


def test_relative_times_in_arabic(arabic: Translations) -> None:
    now = datetime(2025, 3, 4, 12, 0, tzinfo=UTC)
    assert relative_time(now - timedelta(seconds=20), now) == "الآن"
    assert relative_time(now - timedelta(minutes=5), now) == "منذ 5 دقائق"
    assert relative_time(now - timedelta(minutes=2), now) == "منذ دقيقتين"
    assert relative_time(now - timedelta(minutes=45), now) == "منذ 45 دقيقة"
    assert relative_time(now - timedelta(hours=1), now) == "منذ ساعة"
    assert relative_time(now - timedelta(days=3), now) == "منذ 3 أيام"
    old = relative_time(now - timedelta(days=40), now)
    assert "2025" not in old and old == western_digits(old)  # a date, Western digits


def test_relative_times_in_english(qapp, tmp_path: Path) -> None:
    translations = Translations(tmp_path)
    translations.apply("en")
    now = datetime(2025, 3, 4, 12, 0, tzinfo=UTC)
    assert relative_time(now - timedelta(minutes=1), now) == "1 minute ago"
    assert relative_time(now - timedelta(minutes=5), now) == "5 minutes ago"
    assert relative_time(now - timedelta(hours=1), now) == "1 hour ago"
    assert relative_time(None) == ""


@pytest.mark.parametrize(
    ("delta", "said"),
    [
        ({"seconds": 0}, "just now"),
        ({"seconds": 59}, "just now"),
        ({"seconds": 60}, "1 minute ago"),
        ({"minutes": 2}, "2 minutes ago"),
        ({"minutes": 59, "seconds": 59}, "59 minutes ago"),
        ({"minutes": 60}, "1 hour ago"),
        ({"hours": 2}, "2 hours ago"),
        ({"hours": 23, "minutes": 59}, "23 hours ago"),
        ({"hours": 24}, "1 day ago"),
        ({"days": 2}, "2 days ago"),
        ({"days": 6, "hours": 23}, "6 days ago"),
        ({"days": 7}, "25 Feb"),  # a week old: its date instead
        ({"days": 70}, "24 Dec 2024"),  # last year's: with the year
    ],
)
def test_each_step_in_english(delta: dict[str, float], said: str) -> None:
    assert ago(**delta) == said


@pytest.mark.parametrize(
    ("delta", "said"),
    [
        ({"seconds": 59}, "الآن"),
        ({"minutes": 1}, "منذ دقيقة"),
        ({"minutes": 2}, "منذ دقيقتين"),
        ({"minutes": 3}, "منذ 3 دقائق"),
        ({"minutes": 10}, "منذ 10 دقائق"),
        ({"minutes": 11}, "منذ 11 دقيقة"),
        ({"minutes": 59}, "منذ 59 دقيقة"),
        ({"hours": 1}, "منذ ساعة"),
        ({"hours": 2}, "منذ ساعتين"),
        ({"hours": 5}, "منذ 5 ساعات"),
        ({"hours": 11}, "منذ 11 ساعة"),
        ({"hours": 23}, "منذ 23 ساعة"),
        ({"days": 1}, "منذ يوم"),
        ({"days": 2}, "منذ يومين"),
        ({"days": 6}, "منذ 6 أيام"),
        ({"days": 7}, "25 فبراير"),
        ({"days": 70}, "24 ديسمبر 2024"),  # Western digits, as Arabic news sites print them
    ],
)
def test_each_step_in_arabic(arabic: Translations, delta: dict[str, float], said: str) -> None:
    assert ago(**delta) == said


def test_a_date_a_little_ahead_is_just_now_and_further_ahead_its_date() -> None:
    # clocks differ: five minutes ahead still reads as news of the moment
    assert relative_time(NOW + timedelta(minutes=4), NOW) == "just now"
    assert relative_time(NOW + timedelta(minutes=6), NOW) == "4 Mar"
    assert relative_time(NOW + timedelta(days=400), NOW) == "8 Apr 2026"


def test_a_time_without_a_zone_is_read_as_utc() -> None:
    assert relative_time(datetime(2025, 3, 4, 11, 50), NOW) == "10 minutes ago"
    assert short_date(datetime(2024, 12, 20, 12, 0), NOW) == "20 Dec 2024"


def test_without_a_now_the_clock_is_read() -> None:
    assert relative_time(datetime.now(UTC) - timedelta(minutes=3, seconds=30)) == "3 minutes ago"
    assert relative_time(datetime.now(UTC) - timedelta(days=3)) == "3 days ago"


def test_short_dates_carry_the_year_only_when_it_is_another() -> None:
    assert short_date(datetime(2025, 1, 20, 12, 0, tzinfo=UTC), NOW) == "20 Jan"
    assert short_date(datetime(2024, 12, 20, 12, 0, tzinfo=UTC), NOW) == "20 Dec 2024"
    assert short_date(datetime(2026, 1, 2, 12, 0, tzinfo=UTC), NOW) == "2 Jan 2026"


def test_short_dates_in_arabic_keep_western_digits(arabic: Translations) -> None:
    assert short_date(datetime(2025, 1, 20, 12, 0, tzinfo=UTC), NOW) == "20 يناير"
    assert short_date(datetime(2024, 12, 20, 12, 0, tzinfo=UTC), NOW) == "20 ديسمبر 2024"


def test_the_full_date_and_time_for_tooltips() -> None:
    assert absolute_time(NOW) == f"Tuesday 4 March 2025, {local_clock(NOW)}"
    assert absolute_time(None) == ""


def test_the_full_date_and_time_in_arabic(arabic: Translations) -> None:
    assert absolute_time(NOW) == f"الثلاثاء 4 مارس 2025, {local_clock(NOW)}"


def test_western_digits() -> None:
    assert western_digits("٠١٢٣٤٥٦٧٨٩") == "0123456789"  # Arabic-Indic
    assert western_digits("۰۱۲۳۴۵۶۷۸۹") == "0123456789"  # Eastern Arabic-Indic (Persian, Urdu)
    assert western_digits("منذ ٥ دقائق، 7 مارس") == "منذ 5 دقائق، 7 مارس"
    assert western_digits("٢٠٢٥") == "2025"
