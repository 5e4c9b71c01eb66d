"""Dates written in other languages: localized month and day names, other digits.

feedparser reads RFC 822 and ISO 8601 dates with English names only.  Feeds write
``Seg, 24 Set 2018 19:42:40 -0300`` (Portuguese), ``الأحد ٢٤ أيلول ٢٠١٨`` (Arabic,
with Arabic-Indic digits and the Levantine month names) and the like, and lose
their dates.  :func:`parse_localized_date` reads such a string as a UTC
``struct_time`` (what feedparser's date handlers return), or ``None`` when it is
not a date it can read in full.

Pure and cheap: no I/O, no locale, tables built once.  feedparser tries it last,
after its own handlers failed, so a feed with English dates never runs it.

What it reads, after folding case, accents, hamza forms, tatweel and Arabic-Indic
(٠-٩) or Persian (۰-۹) digits:

* a day, a month name and a year in any order (``24 Set 2018``, ``Set 24, 2018``,
  ``24 de septiembre de 2018``, ``24. September 2018``, ``2018 أيلول 24``), or a
  numeric date (``2018-09-24``, ``24/09/2018``, ``24.09.2018``: day first unless the
  first number is a year or the day cannot be a month);
* month names in English, French, Spanish, Portuguese, Italian, German, Turkish,
  Persian, and Arabic in its Egyptian/Gulf (يناير), Levantine (كانون الثاني) and
  Maghrebi (جانفي، شتنبر) forms;
* an optional time (``19:42``, ``19:42:40``, ``19h42``) with am/pm (ص/م);
* an optional zone: ``+0300``, ``-03:00``, ``GMT+3``, ``UTC``, a few common
  abbreviations (``CET``, ``MSK``...); none means UTC, as feedparser does.

Any other word (a Hijri month, a sentence) makes it answer ``None``: a date it
cannot read in full is no date, never a wrong one.
"""

from __future__ import annotations

import re
import time
import unicodedata
from datetime import UTC, datetime, timedelta
from functools import lru_cache

__all__ = ["localized_datetime", "parse_localized_date"]

#: Longer strings are not dates (and are not worth reading).
MAX_LENGTH = 120


def _months(*groups: str) -> dict[str, int]:
    """Month names, twelve space-separated groups of ``|``-separated spellings."""
    table: dict[str, int] = {}
    for group in groups:
        names = group.split()
        if len(names) != 12:
            raise ValueError(f"twelve months expected: {group!r}")
        for month, spellings in enumerate(names, start=1):
            for spelling in spellings.split("|"):
                table[_fold(spelling.replace("_", ""))] = month
    return table


def _fold(text: str) -> str:
    """Case, accents, hamza forms and Arabic letter variants folded away."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    return kept.translate(_LETTERS)


#: Letters folded to one form: Turkish dotless i, Arabic/Persian variants.
_LETTERS = str.maketrans(
    {
        "ı": "i",
        "ى": "ي",
        "ی": "ي",  # Persian yeh
        "ک": "ك",  # Persian kaf
        "ة": "ه",
        "ـ": None,  # tatweel
        "\u200c": None,  # zero-width non-joiner (Persian)
        "\u200f": None,  # right-to-left mark
        "\u200e": None,  # left-to-right mark
        "\u061c": None,  # Arabic letter mark
        "،": ",",  # Arabic comma
    }
)
#: Arabic-Indic and Persian digits as ASCII ones.
_DIGITS = str.maketrans(
    {chr(0x0660 + n): str(n) for n in range(10)} | {chr(0x06F0 + n): str(n) for n in range(10)}
)

_MONTHS = _months(
    # English
    "january|jan february|feb march|mar april|apr may june|jun july|jul "
    "august|aug september|sep|sept october|oct november|nov december|dec",
    # French
    "janvier|janv février|févr|fév|fevr mars avril|avr mai juin juillet|juil|juill "
    "août|aout septembre|sept octobre novembre décembre|déc",
    # Spanish
    "enero|ene febrero marzo abril|abr mayo junio julio agosto|ago "
    "septiembre|setiembre|set octubre noviembre diciembre|dic",
    # Portuguese
    "janeiro fevereiro|fev março|marco abril maio junho julho agosto|ago "
    "setembro|set outubro|out novembro dezembro|dez",
    # Italian
    "gennaio|gen febbraio marzo aprile maggio|mag giugno|giu luglio|lug agosto "
    "settembre|set ottobre|ott novembre dicembre|dic",
    # German
    "januar|jänner|jän februar|feber märz|mär|mrz april mai juni juli august "
    "september oktober|okt november dezember|dez",
    # Turkish
    "ocak|oca şubat|şub mart nisan|nis mayıs haziran|haz temmuz|tem ağustos|ağu "
    "eylül|eyl ekim|eki kasım|kas aralık|ara",
    # Arabic: Egyptian and Gulf spellings
    "يناير فبراير مارس أبريل|إبريل|ابريل مايو|مايه يونيو|يونيه يوليو|يوليه "
    "أغسطس|اغسطس سبتمبر أكتوبر|اكتوبر نوفمبر ديسمبر",
    # Arabic: Maghreb (Morocco; Algeria and Tunisia)
    "جانفي فيفري مارس أفريل ماي جوان|يونيو يوليوز|جويلية|جويليه غشت|أوت شتنبر أكتوبر نونبر دجنبر",
    # Arabic: Levant and Iraq (two-word names are read as one, see _join_two_words)
    "كانون_الثاني شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين_الأول تشرين_الثاني كانون_الأول",
    # Persian (Gregorian months)
    "ژانویه فوریه مارس آوریل مه ژوئن ژوئیه اوت سپتامبر اکتبر نوامبر دسامبر",
)


def _folded_words(text: str) -> frozenset[str]:
    return frozenset(_fold(word) for word in text.split())


#: Words that name a weekday, say "of", "at", "o'clock" or "AD": read past them.
_IGNORED = _folded_words(
    # weekdays
    "monday mon tuesday tue tues wednesday wed thursday thu thur thurs friday fri "
    "saturday sat sunday sun "
    "lundi lun mardi mercredi mer jeudi jeu vendredi ven samedi sam dimanche dim "
    "lunes martes miércoles mié miercoles jueves jue viernes vie sábado sáb domingo dom "
    "segunda terça terca quarta quinta sexta seg ter qua qui sex feira "
    "lunedì martedì mercoledì giovedì gio venerdì sabato domenica "
    "montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag "
    "mo di mi do fr sa so "
    "pazartesi salı çarşamba perşembe cuma cumartesi pazar pzt sal çar per cum cmt paz "
    "الأحد الاحد الإثنين الاثنين اثنين الثلاثاء الأربعاء الاربعاء الخميس الجمعة الجمعه "
    "السبت يوم "
    "شنبه یکشنبه دوشنبه سه‌شنبه سهشنبه چهارشنبه پنجشنبه پنج‌شنبه جمعه "
    # joining words
    "de del à a às as em le la el um am den der the of at on h hs uhr saat t "
    # ordinal marks: 1er, 1re, 1º
    "er re o "
    "في الساعة الساعه الموافق م ساعت"
)
#: Month names that also shorten a weekday (French mardi, Spanish martes).
_ALSO_WEEKDAYS = frozenset({"mar"})
#: Years a feed's date may have; a Hijri or Solar Hijri year is well below.
YEARS = range(1900, 2200)
#: Zone names with their offsets in hours; "GMT" may carry an offset of its own.
_ZONES = {
    "gmt": 0.0,
    "utc": 0.0,
    "ut": 0.0,
    "z": 0.0,
    "wet": 0.0,
    "west": 1.0,
    "bst": 1.0,
    "cet": 1.0,
    "met": 1.0,
    "cest": 2.0,
    "mest": 2.0,
    "mesz": 2.0,
    "mez": 1.0,
    "eet": 2.0,
    "eest": 3.0,
    "msk": 3.0,
    "trt": 3.0,
    "est": -5.0,
    "edt": -4.0,
    "cst": -6.0,
    "cdt": -5.0,
    "mst": -7.0,
    "mdt": -6.0,
    "pst": -8.0,
    "pdt": -7.0,
    "brt": -3.0,
    "art": -3.0,
    "غرينتش": 0.0,
    "غرينيتش": 0.0,
    "جرينتش": 0.0,
    "جرينيتش": 0.0,
}
#: Words a zone name may come with.
_ZONE_WORDS = frozenset(_fold(w) for w in ("بتوقيت", "توقيت", "heure", "hora", "zeit"))

_TWO_WORD_MONTHS = re.compile(r"\b(كانون|تشرين)\s+(ال)?(اول|ثاني)\b")
_TIME = re.compile(
    r"(?<![\d:])(\d{1,2})\s*(?::|h\s*(?=\d\d))(\d{2})(?::(\d{2}))?(?:[.,]\d+)?(?![\d:])"
    r"(?:\s*(a\.?m\.?|p\.?m\.?|ص|م|صباحا|مساء|ظهرا|عصرا|فجرا)(?!\w))?"
)
_OFFSET = re.compile(r"(?:\b(gmt|utc|ut)\s*|(?<!\w))([+-])(\d{1,2})(?::?(\d{2}))?(?!\d)")
_NUMERIC_DATE = re.compile(r"(?<!\d)(\d{1,4})([/.-])(\d{1,2})\2(\d{2,4})(?!\d)")
_TOKEN = re.compile(r"\d+|[^\W\d_]+")


def _join_two_words(match: re.Match[str]) -> str:
    ordinal = "الاول" if match.group(3) == "اول" else "الثاني"
    return match.group(1) + ordinal


def _normalise(text: str) -> str:
    text = _fold(text.translate(_DIGITS))
    return _TWO_WORD_MONTHS.sub(_join_two_words, text)


def _year(value: int, digits: int) -> int | None:
    if digits == 4:
        return value
    if digits == 2:
        return 2000 + value if value < 70 else 1900 + value
    return None


def _read_time(text: str) -> tuple[tuple[int, int, int], str] | None:
    """``((hour, minute, second), text without the time)``; midnight when there is none."""
    match = _TIME.search(text)
    if match is None:
        return (0, 0, 0), text
    hour, minute = int(match.group(1)), int(match.group(2))
    second = int(match.group(3) or 0)
    marker = match.group(4)
    if marker:
        folded = marker.replace(".", "")
        if folded in ("pm", "م", "مساء", "ظهرا", "عصرا") and hour < 12:
            hour += 12
        elif folded in ("am", "ص", "صباحا", "فجرا") and hour == 12:
            hour = 0
    if hour > 23 or minute > 59 or second > 60:
        return None
    return (hour, minute, min(second, 59)), text[: match.start()] + " " + text[match.end() :]


def _read_offset(text: str) -> tuple[timedelta | None, str]:
    """The numeric zone offset and the text without it (``None``: no offset given)."""
    match = _OFFSET.search(text)
    if match is None:
        return None, text
    hours, minutes = int(match.group(3)), int(match.group(4) or 0)
    if len(match.group(3)) == 2 and match.group(4) is None and not match.group(1):
        return None, text  # "-24" is no zone; "+03" alone is too unsure
    if hours > 14 or minutes > 59:
        return None, text
    offset = timedelta(hours=hours, minutes=minutes)
    if match.group(2) == "-":
        offset = -offset
    return offset, text[: match.start()] + " " + text[match.end() :]


#: Year, month, day, and the zone a name gave.
_Date = tuple[int, int, int, timedelta | None]


def _read_date(text: str) -> _Date | None:
    """``(year, month, day, zone from a name)`` from what is left once the time is read."""
    numeric = _NUMERIC_DATE.search(text)
    numbers: list[str] = []
    months: list[int] = []
    weekday_or_month: list[int] = []
    zone: timedelta | None = None
    if numeric is not None:
        text = text[: numeric.start()] + " " + text[numeric.end() :]
    for token in _TOKEN.findall(text):
        if token.isdigit():
            numbers.append(token)
        elif token in _ALSO_WEEKDAYS:
            weekday_or_month.append(_MONTHS[token])
        elif token in _MONTHS:
            months.append(_MONTHS[token])
        elif token in _ZONES:
            zone = timedelta(hours=_ZONES[token])
        elif token in _IGNORED or token in _ZONE_WORDS:
            continue
        else:
            return None  # a word that is neither a date's nor a joining one
    if not months:
        months = weekday_or_month  # "mar." alone is March; beside another month, Tuesday
    elif len(weekday_or_month) > 1:
        return None
    if numeric is not None:
        if months or numbers:
            return None
        return _numeric(numeric, zone)
    if len(set(months)) != 1 or len(numbers) != 2:
        return None
    day_text, year_text = numbers
    if len(day_text) == 4 or (len(day_text) <= 2 and len(year_text) <= 2 and int(day_text) > 31):
        day_text, year_text = year_text, day_text
    if len(day_text) > 2:
        return None
    year = _year(int(year_text), len(year_text))
    if year is None:
        return None
    return year, months[0], int(day_text), zone


def _numeric(
    match: re.Match[str], zone: timedelta | None
) -> tuple[int, int, int, timedelta | None] | None:
    first, second, third = match.group(1), match.group(3), match.group(4)
    if len(first) == 4:
        if len(third) > 2:
            return None
        return int(first), int(second), int(third), zone
    if len(first) > 2 or len(third) not in (2, 4):
        return None
    year = _year(int(third), len(third))
    if year is None:
        return None
    day, month = int(first), int(second)
    if month > 12 and day <= 12:
        day, month = month, day  # 09/24/2018: the day cannot be 9 months
    return year, month, day, zone


def localized_datetime(text: str) -> datetime | None:
    """*text* as an aware UTC datetime, or ``None`` when it is not a date read in full."""
    if not text or len(text) > MAX_LENGTH:
        return None
    return _parse(text)


@lru_cache(maxsize=256)
def _parse(text: str) -> datetime | None:
    clock = _read_time(_normalise(text))
    if clock is None:
        return None
    (hour, minute, second), rest = clock
    offset, rest = _read_offset(rest)
    date = _read_date(rest)
    if date is None:
        return None
    year, month, day, named_zone = date
    zone = offset if offset is not None else named_zone
    if year not in YEARS:
        return None
    try:
        local = datetime(year, month, day, hour, minute, second, tzinfo=UTC)
    except ValueError:
        return None
    return local - (zone or timedelta(0))


def parse_localized_date(text: str) -> time.struct_time | None:
    """A feedparser date handler: *text* as a UTC ``struct_time``, or ``None``."""
    moment = localized_datetime(text)
    return moment.utctimetuple() if moment is not None else None
