"""Keeping the bundled demo news recent: its dates move with the calendar.

The demo feeds were written for one week.  Shown as written, a year later every
story would be a year old, and before that week some would lie in the future.  The
demo host therefore serves every document with its dates moved by whole days, so
that the newest story is from yesterday and the others keep their distances from
it.  Only the calendar day changes: times of day and time zones stay as written,
and weekday names follow the new dates.  The same day always gives the same bytes,
so a refresh of the demo on the same day changes nothing.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

__all__ = ["DEMO_NEWEST_DAY", "demo_shift", "shift_dates"]

#: The calendar day of the newest story in ``resources/demo`` as written.
DEMO_NEWEST_DAY = date(2026, 11, 30)

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

#: RFC 822 dates as RSS writes them: "Mon, 30 Nov 2026 06:30:00 +0300".
_RFC822_RE = re.compile(
    rb"\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{1,2}) ("
    + b"|".join(m.encode() for m in _MONTHS)
    + rb") (\d{4})(?= \d{2}:\d{2})"
)
#: ISO 8601 dates as Atom writes them: "2026-11-29T22:10:00+03:00".
_ISO_RE = re.compile(rb"\b(\d{4})-(\d{2})-(\d{2})(?=T\d{2}:\d{2})")


def demo_shift(today: date) -> timedelta:
    """How far the demo's dates move so that its newest story is from the day before *today*."""
    return (today - timedelta(days=1)) - DEMO_NEWEST_DAY


def _rfc822(match: re.Match[bytes], shift: timedelta) -> bytes:
    day = date(int(match[3]), _MONTHS.index(match[2].decode()) + 1, int(match[1])) + shift
    return f"{_WEEKDAYS[day.weekday()]}, {day.day:02d} {_MONTHS[day.month - 1]} {day.year}".encode()


def _iso(match: re.Match[bytes], shift: timedelta) -> bytes:
    day = date(int(match[1]), int(match[2]), int(match[3])) + shift
    return day.isoformat().encode()


def shift_dates(document: bytes, shift: timedelta) -> bytes:
    """*document* with every RFC 822 and ISO 8601 date-time moved by *shift* (whole days)."""
    if not shift:
        return document
    try:
        shifted = _RFC822_RE.sub(lambda m: _rfc822(m, shift), document)
        return _ISO_RE.sub(lambda m: _iso(m, shift), shifted)
    except ValueError:  # an impossible date in the text: leave the document as written
        return document
