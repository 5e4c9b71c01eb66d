"""Dates in other languages: a table of strings shaped like those real feeds write."""

from __future__ import annotations

from datetime import UTC, datetime

import feedparser.datetimes
import pytest

from newsreader.fetch import feedparser_setup
from newsreader.fetch.dates import localized_datetime, parse_localized_date
from newsreader.fetch.parse import parse_feed


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)  # type: ignore[misc]


READ = [
    # Portuguese
    ("Seg, 24 Set 2018 19:42:40 -0300", utc(2018, 9, 24, 22, 42, 40)),
    ("Sáb, 03 Fev 2024 08:05:00 -0300", utc(2024, 2, 3, 11, 5)),
    ("segunda-feira, 24 de setembro de 2018 19:42 -03:00", utc(2018, 9, 24, 22, 42)),
    ("Qui, 10 Out 2019 12:00:00 +0000", utc(2019, 10, 10, 12, 0)),
    ("1º de março de 2021 às 14h30", utc(2021, 3, 1, 14, 30)),
    ("Ter, 31 Dez 2019 23:59:59 BRT", utc(2020, 1, 1, 2, 59, 59)),
    # Spanish
    ("Lun, 24 Sep 2018 19:42:40 +0200", utc(2018, 9, 24, 17, 42, 40)),
    ("miércoles, 2 de enero de 2019 10:15:00 +0100", utc(2019, 1, 2, 9, 15)),
    ("Sáb, 15 Ago 2020 09:00:00 GMT", utc(2020, 8, 15, 9, 0)),
    ("vie, 6 dic 2024 18:30:00 -0500", utc(2024, 12, 6, 23, 30)),
    ("14 de abril de 2023, 7:05 pm", utc(2023, 4, 14, 19, 5)),
    # French
    ("lun., 24 sept. 2018 19:42:40 +0200", utc(2018, 9, 24, 17, 42, 40)),
    ("mar., 5 févr. 2019 08:00:00 +0100", utc(2019, 2, 5, 7, 0)),
    ("1er janvier 2019 à 10h05", utc(2019, 1, 1, 10, 5)),
    ("Jeu, 15 Août 2019 12:00:00 CEST", utc(2019, 8, 15, 10, 0)),
    ("samedi 7 décembre 2024 21:15 UTC", utc(2024, 12, 7, 21, 15)),
    # German
    ("Mo, 24 Sep 2018 19:42:40 +0200", utc(2018, 9, 24, 17, 42, 40)),
    ("Di, 05 Mär 2019 08:00:00 +0100", utc(2019, 3, 5, 7, 0)),
    ("Montag, 24. September 2018, 19:42 Uhr", utc(2018, 9, 24, 19, 42)),
    ("Fr, 18 Okt 2019 10:00:00 MESZ", utc(2019, 10, 18, 8, 0)),
    ("Do, 12 Dez 2024 16:45:00 CET", utc(2024, 12, 12, 15, 45)),
    ("24.09.2018 19:42", utc(2018, 9, 24, 19, 42)),
    # Turkish
    ("Pzt, 24 Eyl 2018 19:42:40 +0300", utc(2018, 9, 24, 16, 42, 40)),
    ("Çar, 14 Şub 2024 09:30:00 +0300", utc(2024, 2, 14, 6, 30)),
    ("24 Ağustos 2022 Çarşamba 13:00", utc(2022, 8, 24, 13, 0)),
    ("Cum, 01 Kas 2019 12:00:00 TRT", utc(2019, 11, 1, 9, 0)),
    ("31 Aralık 2023 Pazar 23:15:00 +0300", utc(2023, 12, 31, 20, 15)),
    # Italian
    ("Gio, 12 Set 2019 10:00:00 +0200", utc(2019, 9, 12, 8, 0)),
    # Arabic, Egyptian and Gulf month names
    ("الأحد، 24 سبتمبر 2018 19:42:40 +0300", utc(2018, 9, 24, 16, 42, 40)),
    ("الاثنين ٢٤ سبتمبر ٢٠١٨ - ٠٧:٤٢ م", utc(2018, 9, 24, 19, 42)),
    ("الخميس، ١٥ أغسطس ٢٠١٩ ١٠:٣٠ ص", utc(2019, 8, 15, 10, 30)),
    ("٣ يناير ٢٠٢٤م", utc(2024, 1, 3)),
    ("السبت 7 ديسمبر 2024 الساعة 21:15 بتوقيت غرينتش", utc(2024, 12, 7, 21, 15)),
    ("الأربعاء 1 مايو 2019 12:00 GMT+3", utc(2019, 5, 1, 9, 0)),
    ("إبريل 9، 2020", utc(2020, 4, 9)),
    # Arabic, Levantine month names
    ("الأحد، ٢٤ أيلول ٢٠١٨ ١٩:٤٢", utc(2018, 9, 24, 19, 42)),
    ("الاثنين 15 كانون الثاني 2018 08:00:00 +0200", utc(2018, 1, 15, 6, 0)),
    ("3 تشرين الأول 2019", utc(2019, 10, 3)),
    ("الثلاثاء ٢٦ تشرين الثاني ٢٠٢٤ ١١:٠٠ +٠٣٠٠", utc(2024, 11, 26, 8, 0)),
    ("١ آذار ٢٠٢٠", utc(2020, 3, 1)),
    ("25 كانون الأول 2023 18:00 +0200", utc(2023, 12, 25, 16, 0)),
    ("24 أيلول/سبتمبر 2018", utc(2018, 9, 24)),
    # Arabic, Maghrebi month names
    ("الجمعة 5 جويلية 2019 15:20", utc(2019, 7, 5, 15, 20)),
    ("12 شتنبر 2021 - 10:00", utc(2021, 9, 12, 10, 0)),
    ("٧ أوت ٢٠٢٢", utc(2022, 8, 7)),
    # Persian digits (and Persian names of the Gregorian months)
    ("۲۴ سپتامبر ۲۰۱۸ ۱۹:۴۲", utc(2018, 9, 24, 19, 42)),
    ("۲۴ سبتمبر ۲۰۱۸ ۱۹:۴۲:۴۰ +۰۳۰۰", utc(2018, 9, 24, 16, 42, 40)),
    # numeric dates with other digits
    ("٢٤/٠٩/٢٠١٨ ١٩:٤٢", utc(2018, 9, 24, 19, 42)),
    ("۱۴۰۲/۰۱/۰۱", None),  # a Solar Hijri year: not a Gregorian date
    ("2018/09/24 07:42 PM", utc(2018, 9, 24, 19, 42)),
    ("09/24/2018", utc(2018, 9, 24)),
]

NOT_DATES = [
    "",
    "hello world",
    "Seg, 32 Set 2018 19:42:40 -0300",  # no 32nd day
    "Seg, 24 Set 2018 25:42:40 -0300",  # no 25th hour
    "14 محرم 1440 هـ",  # a Hijri date
    "الأحد ٢٤ رمضان ١٤٤٠",
    "24 Setembro",  # no year
    "Setembro de 2018",  # no day
    "24 Set Out 2018",  # two months
    "quelque chose le 24 septembre 2018",  # words beyond the date
    "version 2.4.1",
    "1 2 3 4",
    "x" * 500,
    "24 Set 2018 19:42 +9999",
]


@pytest.mark.parametrize(("text", "expected"), READ, ids=[t for t, _ in READ])
def test_a_localized_date_is_read_as_utc(text: str, expected: datetime | None) -> None:
    assert localized_datetime(text) == expected


@pytest.mark.parametrize("text", NOT_DATES, ids=[t[:40] or "empty" for t in NOT_DATES])
def test_what_is_not_a_date_is_none(text: str) -> None:
    assert localized_datetime(text) is None
    assert parse_localized_date(text) is None


def test_the_table_covers_every_language() -> None:
    assert len(READ) >= 40
    marks = ["Seg", "Lun,", "lun.", "Mo,", "Pzt", "Gio", "سبتمبر", "أيلول", "جويلية", "۲۴"]
    for mark in marks:
        assert any(mark in text for text, _ in READ), mark


def test_the_handler_answers_feedparser_in_its_shape() -> None:
    answer = parse_localized_date("Seg, 24 Set 2018 19:42:40 -0300")
    assert answer is not None and tuple(answer)[:6] == (2018, 9, 24, 22, 42, 40)


def test_the_handler_is_tried_after_feedparsers_own() -> None:
    feedparser_setup.configure()
    handlers = feedparser.datetimes._date_handlers
    assert handlers[-1] is parse_localized_date
    with feedparser_setup.unconfigured():
        assert parse_localized_date not in feedparser.datetimes._date_handlers
        assert feedparser.datetimes._parse_date("Seg, 24 Set 2018 19:42:40 -0300") is None


def _rss(*dates: str) -> bytes:
    items = "".join(
        f"<item><title>خبر {n}</title><guid>g{n}</guid><pubDate>{d}</pubDate></item>"
        for n, d in enumerate(dates)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>t</title>{items}</channel></rss>"
    ).encode()


def test_a_feed_with_localized_dates_keeps_them() -> None:
    parsed = parse_feed(
        _rss(
            "Seg, 24 Set 2018 19:42:40 -0300",
            "الأحد، ٢٤ أيلول ٢٠١٨ ١٩:٤٢",
            "Mon, 24 Sep 2018 19:42:40 +0000",
            "غير معروف",
        ),
        url="http://127.0.0.1:9/feed",
    )
    assert [e.published for e in parsed.entries] == [
        utc(2018, 9, 24, 22, 42, 40),
        utc(2018, 9, 24, 19, 42),
        utc(2018, 9, 24, 19, 42, 40),
        None,
    ]


def test_english_dates_never_reach_the_handler() -> None:
    from newsreader.fetch import dates

    def calls() -> int:
        info = dates._parse.cache_info()
        return info.hits + info.misses

    before = calls()
    parsed = parse_feed(
        _rss("Mon, 24 Sep 2018 19:42:40 +0000", "2018-09-24T19:42:40Z"),
        url="http://127.0.0.1:9/feed",
    )
    assert all(e.published is not None for e in parsed.entries)
    assert calls() == before
    parse_feed(_rss("Seg, 24 Set 2018 19:42:40 -0300"), url="http://127.0.0.1:9/feed")
    assert calls() > before  # and a localized one does
