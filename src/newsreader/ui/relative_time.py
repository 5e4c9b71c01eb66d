"""Times as a reader says them, in the interface language ("5 minutes ago", "منذ 5 دقائق").

Plurals go through Qt's numerus translations (``%n`` with a count), so Arabic gets
all six of its plural forms from the ``.ts`` file instead of ad-hoc string building.
Digits are written in the Western form, as most Arabic news sites print them.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QTimeZone

# Plain comments, not "#:": lupdate takes those as notes for the translators.
# Seconds a date may lie ahead (clocks differ) and still count as "just now".
_CLOCK_SKEW = 300
# Arabic-Indic and Eastern Arabic-Indic digits → ASCII digits.
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def western_digits(text: str) -> str:
    """``text`` with Arabic-Indic digits replaced by 0-9."""
    return text.translate(_DIGITS)


def _local(when: datetime) -> QDateTime:
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    utc = QDateTime.fromSecsSinceEpoch(int(when.timestamp()), QTimeZone.utc())
    return utc.toLocalTime()


def relative_time(when: datetime | None, now: datetime | None = None) -> str:
    """How long ago ``when`` was, or its date when it is more than a week old."""
    if when is None:
        return ""
    now = now or datetime.now(UTC)
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    seconds = (now - when).total_seconds()
    if seconds < -_CLOCK_SKEW:  # dated ahead: say the date rather than "just now"
        return short_date(when, now)
    if seconds < 60:
        return QCoreApplication.translate("RelativeTime", "just now")
    minutes = int(seconds // 60)
    if minutes < 60:
        return QCoreApplication.translate("RelativeTime", "%n minutes ago", None, minutes)
    hours = minutes // 60
    if hours < 24:
        return QCoreApplication.translate("RelativeTime", "%n hours ago", None, hours)
    days = hours // 24
    if days < 7:
        return QCoreApplication.translate("RelativeTime", "%n days ago", None, days)
    return short_date(when, now)


def short_date(when: datetime, now: datetime | None = None) -> str:
    """``3 Mar`` this year, ``3 Mar 2024`` before."""
    now = now or datetime.now(UTC)
    local = _local(when)
    pattern = "d MMM" if local.date().year() == _local(now).date().year() else "d MMM yyyy"
    return western_digits(QLocale().toString(local, pattern))


def absolute_time(when: datetime | None) -> str:
    """The full local date and time, for tooltips."""
    if when is None:
        return ""
    return western_digits(QLocale().toString(_local(when), "dddd d MMMM yyyy, HH:mm"))
