"""Text direction and Arabic text helpers.

Newsreader shows Arabic, Hebrew and Latin headlines side by side, so every piece of
text needs a base direction that does not depend on whichever letter happens to come
first.  This module decides that direction, normalises Arabic spelling for search and
grouping, and prepares text for a plain terminal.  It is pure: no Qt, no I/O.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections import Counter

# The pure-Python implementation, unlike the faster top-level ``bidi.get_display``,
# mirrors brackets in right-to-left runs, which a terminal cannot do itself.
from bidi.algorithm import get_display

from newsreader.core.html import BLOCK_TAGS, HIDDEN_TAGS, LINE_TAGS, EndTag, StartTag, walk_html
from newsreader.core.types import Direction

__all__ = [
    "cells",
    "choose_direction",
    "detect_direction",
    "detect_direction_html",
    "direction_from_language",
    "html_to_text",
    "normalize_arabic",
    "terminal_row",
    "to_terminal",
]

#: Share of right-to-left letters among all strong letters from which a text counts
#: as right-to-left.  Below one half on purpose: an Arabic headline often carries a
#: Latin tag ("[Video]", a brand name) and must still read right to left, while an
#: English sentence quoting one Arabic name stays left to right.
RTL_SHARE = 0.3

_RTL_CLASSES = frozenset({"R", "AL"})

# --- direction detection -----------------------------------------------------------

_TAG_RE = re.compile(r"<[^>]*>")
#: The only ASCII characters of bidi class L.
_ASCII_LETTER_RE = re.compile(r"[A-Za-z]")


def _strong_counts(text: str) -> tuple[int, int]:
    """Count strong right-to-left and left-to-right characters in *text*.

    Counting distinct characters first keeps the Unicode lookups to a few dozen
    per headline whatever its length.
    """
    rtl = ltr = 0
    bidirectional = unicodedata.bidirectional
    for char, count in Counter(text).items():
        category = bidirectional(char)
        if category == "L":
            ltr += count
        elif category in _RTL_CLASSES:
            rtl += count
    return rtl, ltr


def detect_direction(text: str, *, default: Direction | None = None) -> Direction | None:
    """Base direction of *text*, weighing all of its strong characters.

    The first-strong rule of the Unicode bidi algorithm gets "[Video] عنوان" wrong,
    so the whole text votes instead.  Returns *default* when the text has no strong
    characters at all (digits, punctuation, emoji).
    """
    if text.isascii():  # no right-to-left letters: any Latin letter decides
        return Direction.LTR if _ASCII_LETTER_RE.search(text) else default
    rtl, ltr = _strong_counts(text)
    total = rtl + ltr
    if total == 0:
        return default
    return Direction.RTL if rtl >= RTL_SHARE * total else Direction.LTR


def detect_direction_html(markup: str, *, default: Direction | None = None) -> Direction | None:
    """Like :func:`detect_direction` for HTML: tag names and attributes do not vote."""
    text = html.unescape(_TAG_RE.sub(" ", markup)) if "<" in markup or "&" in markup else markup
    return detect_direction(text, default=default)


# --- direction from a language tag -------------------------------------------------

#: Languages whose usual script is written right to left (ISO 639 codes).
_RTL_LANGUAGES = frozenset(
    {
        "ar",
        "arc",
        "ckb",
        "dv",
        "fa",
        "he",
        "iw",
        "ji",
        "yi",
        "ps",
        "sd",
        "ug",
        "ur",
        "syr",
        "nqo",
        "prs",
        "pnb",
        "ks",
        "azb",
        "mzn",
        "glk",
        "lrc",
        "bal",
        "bqi",
        "sdh",
        "ota",
        "khw",
        "skr",
        # Arabic varieties that have their own codes.
        "arz",
        "ary",
        "arq",
        "aeb",
        "apc",
        "apd",
        "acm",
        "acq",
        "acw",
        "acx",
        "adf",
        "aec",
        "afb",
        "ajp",
        "ars",
        "ayl",
        "ayn",
        "ayp",
        "abv",
        "shu",
        "ssh",
        "arb",
    }
)

#: ISO 15924 scripts written right to left; a script subtag overrides the language.
_RTL_SCRIPTS = frozenset(
    {
        "arab",
        "aran",
        "hebr",
        "syrc",
        "syre",
        "syrj",
        "syrn",
        "thaa",
        "nkoo",
        "adlm",
        "rohg",
        "mand",
        "samr",
        "mend",
        "yezi",
        "chrs",
        "sogd",
        "sogo",
        "ougr",
        "nbat",
        "palm",
        "phnx",
        "avst",
        "khar",
        "lydi",
        "mani",
        "narb",
        "sarb",
        "orkh",
        "hung",
        "phli",
        "phlp",
        "prti",
        "armi",
        "elym",
        "hatr",
        "cprt",
    }
)

#: Some feeds name the language in English instead of giving a code.
_LANGUAGE_NAMES = {
    "arabic": Direction.RTL,
    "persian": Direction.RTL,
    "farsi": Direction.RTL,
    "urdu": Direction.RTL,
    "hebrew": Direction.RTL,
    "english": Direction.LTR,
    "french": Direction.LTR,
    "german": Direction.LTR,
    "spanish": Direction.LTR,
    "turkish": Direction.LTR,
}

_PRIMARY_RE = re.compile(r"[a-z]{2,3}")


def direction_from_language(lang: str | None) -> Direction | None:
    """Direction implied by a language tag such as ``ar``, ``ar-EG``, ``en_US``, ``ku-Arab``.

    Returns ``None`` when the tag is empty or not a language tag, so callers can
    fall back to looking at the text itself.
    """
    if not lang:
        return None
    subtags = lang.strip().lower().replace("_", "-").split("-")
    primary = subtags[0]
    if primary in _LANGUAGE_NAMES:
        return _LANGUAGE_NAMES[primary]
    if not _PRIMARY_RE.fullmatch(primary):
        return None
    for subtag in subtags[1:]:
        if len(subtag) == 4 and subtag.isalpha():
            return Direction.RTL if subtag in _RTL_SCRIPTS else Direction.LTR
    return Direction.RTL if primary in _RTL_LANGUAGES else Direction.LTR


def choose_direction(item_lang: str | None, text: str, feed_lang: str | None) -> Direction:
    """Direction of one article: its own language tag, else its text, else the feed's.

    The feed-wide language comes after the text because many Arabic sites declare
    ``ar`` for the whole feed and still publish English items, and the reverse.
    """
    return (
        direction_from_language(item_lang)
        or detect_direction(text)
        or direction_from_language(feed_lang)
        or Direction.LTR
    )


# --- Arabic normalisation for search -----------------------------------------------

_ARABIC_MARKS_RE = re.compile(
    "["
    "\u0610-\u061a"  # honorific and Quranic signs above/below letters
    "\u064b-\u065f"  # tanween, harakat, shadda, sukun, combining maddah and hamza
    "\u0670"  # superscript (dagger) alef
    "\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"  # Quranic annotation marks
    "\u0640"  # tatweel (kashida)
    "]+"
)

_ARABIC_FOLD = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ة": "ه",
        "ؤ": "و",
        "ئ": "ي",
        # Persian and Urdu letter shapes of the same sounds, so "کتاب" finds "كتاب".
        "ک": "ك",
        "ی": "ي",
        "ې": "ي",
        "ہ": "ه",
        "ۂ": "ه",
        "ۃ": "ه",
        "ھ": "ه",
        # Arabic-Indic and extended (Persian) digits search like ASCII ones, and so do
        # their decimal and thousands separators: "١٫٣" is "1.3", "٢٬١٠٠" is "2,100".
        **{chr(0x0660 + d): str(d) for d in range(10)},
        **{chr(0x06F0 + d): str(d) for d in range(10)},
        "\u066b": ".",
        "\u066c": ",",
    }
)


def normalize_arabic(text: str) -> str:
    """Spelling-insensitive form of *text* for search and grouping, never for display.

    Writers vary in hamza seats, final yaa/alef maqsura, taa marbuta and vowel marks;
    readers type without them.  Folding both sides the same way lets "مدرسة" find
    "مَدْرَسَة" and "اسعار" find "أسعار"; Persian and Urdu letter shapes (ک ی ہ ۂ) fold
    to their Arabic ones.  Latin letters are case-folded and lose their accents.
    """
    text = unicodedata.normalize("NFKC", text)
    text = _ARABIC_MARKS_RE.sub("", text)
    text = text.translate(_ARABIC_FOLD).casefold()
    if not text.isascii() and _LATIN_ACCENT_RE.search(text):
        text = _fold_latin_accents(text)
    return text


#: What :func:`_fold_latin_accents` can change: accented Latin letters, combining marks.
#: Without any, an Arabic text skips its character-by-character pass.
_LATIN_ACCENT_RE = re.compile(
    "[\u00c0-\u024f\u1e00-\u1eff\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"
)


def _fold_latin_accents(text: str) -> str:
    """*text* with accents taken off Latin letters: "é" → "e", "ß" stays "ss" (casefold).

    Only marks that follow a Latin letter go, so Arabic hamza seats already folded above
    and Hebrew points are left as they are.
    """
    out: list[str] = []
    for char in unicodedata.normalize("NFD", text):
        if unicodedata.combining(char) and out and out[-1].isascii():
            continue
        out.append(char)
    return unicodedata.normalize("NFC", "".join(out))


# --- explicit direction controls ---------------------------------------------------------

#: Openers closed by POP DIRECTIONAL FORMATTING: LRE, RLE, LRO, RLO.
_EMBEDDINGS = frozenset("\u202a\u202b\u202d\u202e")
_PDF = "\u202c"
#: Openers closed by POP DIRECTIONAL ISOLATE: LRI, RLI, FSI.
_ISOLATES = frozenset("\u2066\u2067\u2068")
_PDI = "\u2069"
_CONTROL_RE = re.compile("[\u202a-\u202e\u2066-\u2069]")


def balanced_bidi(text: str) -> str:
    """*text* with its explicit direction controls paired, so none reaches past its end.

    Publishers use embeddings and isolates (RLE … PDF, FSI … PDI) to keep mixed
    Arabic and Latin in order, and that is kept.  An override or embedding left open
    would reverse whatever is shown after the text: the source beside a headline, the
    rest of a terminal line.  Missing closers are added at the end, closers without an
    opener are dropped.
    """
    if text.isascii() or not _CONTROL_RE.search(text):
        return text
    out: list[str] = []
    open_: list[str] = []  # the closer each open control needs, innermost last
    for char in text:
        if char in _EMBEDDINGS:
            open_.append(_PDF)
        elif char in _ISOLATES:
            open_.append(_PDI)
        elif char == _PDF:
            if not open_ or open_[-1] != _PDF:
                continue  # nothing it could close
            open_.pop()
        elif char == _PDI:
            if _PDI not in open_:
                continue
            while open_[-1] != _PDI:  # an isolate's end also ends embeddings inside it
                out.append(open_.pop())
            open_.pop()
        out.append(char)
    out.extend(reversed(open_))
    return "".join(out)


# --- terminal output ----------------------------------------------------------------


def to_terminal(text: str, *, visual: bool, width: int | None = None) -> str:
    """Text for a terminal; with *visual*, each line is reordered for display.

    Most terminals do not apply the bidi algorithm, so Arabic would print backwards.
    Each line gets its own base direction; a line without strong characters keeps
    the direction of the line before it, so a date under an Arabic line stays put.

    With a *width* (the terminal's columns), a line is first broken into lines of at
    most that many cells, in reading order, and only then reordered: a terminal that
    wrapped a long reordered line itself would show its last words first.  Right-to-
    left lines are then set against the right margin, where they start.
    """
    if not visual:
        return text
    current = Direction.LTR
    shown: list[str] = []
    for line in text.split("\n"):
        current = detect_direction(line, default=current) or current
        if not line:
            shown.append(line)
            continue
        base = "R" if current is Direction.RTL else "L"
        pieces = _wrap(line, width) if width else [line]
        for piece in pieces:
            display = _marks_after_their_letters(get_display(piece, base_dir=base))
            if width and current is Direction.RTL:
                display = " " * max(0, width - cells(display)) + display
            shown.append(display)
    return "\n".join(shown)


def terminal_row(
    fields: list[str] | tuple[str, ...],
    *,
    visual: bool,
    separator: str = "  ",
    direction: Direction = Direction.LTR,
) -> str:
    """Fields on one terminal line, each read in its own direction.

    A list line ("42  N  2026-11-24 09:00  <headline>  — <source>") is laid out left to
    right whatever its headline's language, so its columns stay in place from row to
    row; an Arabic byline (source · author · date) is laid out right to left.  In
    visual order each field is reordered on its own, as if isolated, so a date stays
    a date inside an Arabic line.
    """
    if not visual:
        return separator.join(fields)
    shown = [to_terminal(field, visual=True) for field in fields]
    if direction is Direction.RTL:
        shown.reverse()
    return separator.join(shown)


def _marks_after_their_letters(visual: str) -> str:
    """Combining marks moved back behind the right-to-left letters they belong to.

    Reordering puts a right-to-left letter's marks (Arabic short vowels, shadda,
    tanwin) before it; a terminal draws a mark on the character before it, so each
    would sit on the wrong letter (the bidi algorithm's optional rule L3).  Marks
    that follow a left-to-right letter are that letter's and stay.
    """
    if not any(unicodedata.combining(c) for c in visual):
        return visual
    out: list[str] = []
    i, n = 0, len(visual)
    while i < n:
        if not unicodedata.combining(visual[i]):
            out.append(visual[i])
            i += 1
            continue
        j = i
        while j < n and unicodedata.combining(visual[j]):
            j += 1
        before = unicodedata.bidirectional(visual[i - 1]) if i else ""
        after = visual[j] if j < n else ""
        if after and unicodedata.bidirectional(after) in ("R", "AL") and before != "L":
            out.append(after + visual[i:j][::-1])  # the letter, then its marks in order
            i = j + 1
        else:
            out.append(visual[i:j])
            i = j
    return "".join(out)


def cells(text: str) -> int:
    """Terminal cells *text* takes: combining marks and format characters take none."""
    return sum(
        0 if unicodedata.combining(c) or unicodedata.category(c) in ("Mn", "Me", "Cf") else 1
        for c in text
    )


def _wrap(line: str, width: int) -> list[str]:
    """*line* broken at spaces into pieces of at most *width* cells (a longer word alone)."""
    pieces: list[str] = []
    current: list[str] = []
    used = 0
    for word in line.split():
        size = cells(word)
        if current and used + 1 + size > width:
            pieces.append(" ".join(current))
            current, used = [], 0
        current.append(word)
        used += size + (1 if used else 0)
    if current:
        pieces.append(" ".join(current))
    return pieces or [line]


_SPACE_RE = re.compile(r"[ \t\r\f\v\n\u00a0]+")


def _text_parts(markup: str) -> list[str]:
    """Text and breaks in document order; ``\\n`` marks a line, ``\\n\\n`` a paragraph."""
    parts: list[str] = []
    skip = pre = 0
    for event in walk_html(markup):
        match event:
            case str():
                if skip:
                    continue
                # Keep the layout of preformatted text; protect its newlines from collapsing.
                parts.append(event.replace("\n", "\x00") if pre else event)
            case StartTag(name=tag, self_closing=closed):
                if tag in HIDDEN_TAGS:
                    if not closed:
                        skip += 1
                elif tag == "br":
                    parts.append("\n")
                elif tag == "li":
                    parts += ("\n", "• ")
                elif tag in LINE_TAGS:
                    parts.append("\n")
                elif tag in BLOCK_TAGS:
                    parts.append("\n\n")
                    if tag == "pre":
                        pre += 1
                elif tag in ("td", "th"):
                    parts.append(" ")
            case EndTag(name=tag):
                if tag in HIDDEN_TAGS:
                    skip = max(0, skip - 1)
                elif tag in BLOCK_TAGS:
                    parts.append("\n\n")
                    if tag == "pre":
                        pre = max(0, pre - 1)
                elif tag in LINE_TAGS:
                    parts.append("\n")
    return parts


def html_to_text(markup: str) -> str:
    """Readable plain text of (sanitized) HTML for a terminal.

    Paragraphs are separated by a blank line, ``<br>`` becomes a newline, list items
    start with "• ", links keep only their text, entities are decoded and runs of
    white space collapse to one space.
    """
    lines: list[str] = []
    paragraph_break = False
    line = ""
    for part in _text_parts(markup):
        if part in ("\n", "\n\n"):
            text = _SPACE_RE.sub(" ", line).strip()
            if text:
                if paragraph_break and lines:
                    lines.append("")
                lines.append(text)
                paragraph_break = False
            line = ""
            paragraph_break = paragraph_break or part == "\n\n"
        else:
            line += part
    text = _SPACE_RE.sub(" ", line).strip()
    if text:
        if paragraph_break and lines:
            lines.append("")
        lines.append(text)
    return "\n".join(lines).replace("\x00", "\n")
