"""Direction detection, language tags, Arabic normalisation and terminal text."""

from __future__ import annotations

import random
import string

import pytest

from newsreader.core.text import (
    balanced_bidi,
    cells,
    choose_direction,
    detect_direction,
    detect_direction_html,
    direction_from_language,
    html_to_text,
    normalize_arabic,
    terminal_row,
    to_terminal,
)
from newsreader.core.types import Direction

RTL, LTR = Direction.RTL, Direction.LTR

# --- detect_direction -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("افتتاح مكتبة عامة جديدة في وسط المدينة", RTL),
        ("The library opens its doors on Monday", LTR),
        # A Latin tag in front must not flip an Arabic headline (first-strong would).
        ("[Video] لحظة وصول القافلة الإنسانية إلى القرية", RTL),
        ("Breaking: الأمطار تغمر الشوارع الرئيسية في العاصمة", RTL),
        # Digits and punctuation are neutral.
        ("2025: عام التحديات الاقتصادية", RTL),
        # An English sentence quoting one Arabic name stays left to right.
        ("City council approves new bike lanes after talks with محمد", LTR),
        ("הרכבת החדשה תתחיל לפעול בחודש הבא", RTL),
        ("ܫܠܡܐ ܥܠܝܟܘܢ", RTL),  # Syriac
        ("ހުވަދޫ", RTL),  # Thaana
        ("ﺍﻟﺴﻼﻡ ﻋﻠﻴﻜﻢ", RTL),  # Arabic presentation forms
        ("Новости дня", LTR),
        ("iPhone 16 يصل إلى الأسواق العربية الأسبوع المقبل", RTL),
    ],
)
def test_detect_direction_weighs_the_whole_text(text: str, expected: Direction) -> None:
    assert detect_direction(text) is expected


def test_detect_direction_without_strong_characters_gives_the_default() -> None:
    assert detect_direction("2025 - 10:30 !!") is None
    assert detect_direction("") is None
    assert detect_direction("١٢٣ ...", default=RTL) is RTL
    assert detect_direction("🙂 42", default=LTR) is LTR


def test_detect_direction_threshold_is_a_minority_share() -> None:
    # 3 Arabic letters against 7 Latin ones: 30% is enough for right to left.
    assert detect_direction("abcdefg ابت") is RTL
    # 2 against 8 is not.
    assert detect_direction("abcdefgh اب") is LTR


def test_detect_direction_html_ignores_markup() -> None:
    # The English tag and attribute names must not outvote the short Arabic text.
    markup = '<p class="article-body-paragraph" title="x"><span>مرحبا بكم</span></p>'
    assert detect_direction_html(markup) is RTL
    assert detect_direction_html("<p>Hello &amp; welcome</p>") is LTR
    assert detect_direction_html("<br><hr>") is None


# --- direction_from_language ------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("ar", RTL),
        ("ar-EG", RTL),
        ("AR_sa", RTL),
        ("fa", RTL),
        ("ur-PK", RTL),
        ("he", RTL),
        ("iw", RTL),
        ("yi", RTL),
        ("ps", RTL),
        ("sd", RTL),
        ("ug", RTL),
        ("ckb", RTL),
        ("dv", RTL),
        ("ku-Arab", RTL),
        ("ku", LTR),
        ("az-Arab-IR", RTL),
        ("ar-Latn", LTR),
        ("en", LTR),
        ("en_US", LTR),
        ("EN-gb", LTR),
        ("fr-CA", LTR),
        ("zh-Hant-TW", LTR),
        ("Arabic", RTL),
        ("english", LTR),
    ],
)
def test_direction_from_language(lang: str, expected: Direction) -> None:
    assert direction_from_language(lang) is expected


@pytest.mark.parametrize("lang", [None, "", "   ", "??", "x", "12-34"])
def test_direction_from_language_unknown(lang: str | None) -> None:
    assert direction_from_language(lang) is None


# --- choose_direction -------------------------------------------------------------------


def test_choose_direction_prefers_the_items_own_language() -> None:
    assert choose_direction("ar", "Breaking update from our correspondent", "en") is RTL
    assert choose_direction("en", "مرحبا", "ar") is LTR


def test_choose_direction_then_the_text_then_the_feed_language() -> None:
    assert choose_direction(None, "An English headline", "ar") is LTR
    assert choose_direction(None, "عنوان عربي", "en") is RTL
    assert choose_direction(None, "2025 — 10:30", "ar") is RTL
    assert choose_direction("??", "2025", "he-IL") is RTL
    assert choose_direction(None, "", None) is LTR


# --- normalize_arabic -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("مَدْرَسَةٌ", "مدرسه"),  # harakat, tanween, taa marbuta
        ("أسعار", "اسعار"),
        ("إسلام", "اسلام"),
        ("آمن", "امن"),
        ("ٱلكتاب", "الكتاب"),
        ("مستشفى", "مستشفي"),
        ("مؤتمر", "موتمر"),
        ("رئيس", "رييس"),
        ("جميـــــل", "جميل"),  # tatweel
        ("الرَّحْمٰن", "الرحمن"),  # shadda, sukun, superscript alef
        ("ﻻ", "لا"),  # presentation-form ligature via NFKC
        ("Cairo NEWS", "cairo news"),
        ("٢٠٢٥", "2025"),
        ("۲۰۲۶", "2026"),  # Persian digits
        ("١٫٣ مليار و٢٬١٠٠", "1.3 مليار و2,100"),  # Arabic decimal and thousands separators
        ("کتاب", "كتاب"),  # Persian keheh
        ("فارسی", "فارسي"),  # Persian yeh
        ("صفحۂ", "صفحه"),  # Urdu heh with hamza
        ("پاکستان", "پاكستان"),
        ("Café Société", "cafe societe"),
        ("São Paulo", "sao paulo"),
        ("Straße", "strasse"),
    ],
)
def test_normalize_arabic(text: str, expected: str) -> None:
    assert normalize_arabic(text) == expected


def test_normalize_arabic_makes_spelling_variants_equal() -> None:
    assert normalize_arabic("المكتبةُ العامّة") == normalize_arabic("المكتبه العامه")


# --- to_terminal ----------------------------------------------------------------------


def test_to_terminal_logical_order_is_unchanged() -> None:
    text = "عنوان\nTitle"
    assert to_terminal(text, visual=False) is text


def test_to_terminal_visual_reverses_arabic_lines() -> None:
    assert to_terminal("سلام", visual=True) == "مالس"
    assert to_terminal("Hello", visual=True) == "Hello"


def test_to_terminal_uses_a_base_direction_per_line() -> None:
    # With a right-to-left base the Latin word ends up on the left of the line.
    shown = to_terminal("[Video] سلام\nWeather news: سلام", visual=True).split("\n")
    assert shown[0] == "مالس [Video]"  # brackets mirrored, as a terminal cannot do it
    assert shown[1] == "Weather news: مالس"


def test_to_terminal_keeps_neutral_lines_in_the_previous_direction() -> None:
    shown = to_terminal("سلام عليكم\n10:30 - 2025\n", visual=True).split("\n")
    assert shown[1] == "2025 - 10:30"  # reordered as part of right-to-left text
    assert shown[2] == ""


PARAGRAPH = (
    "بدأ المنتخب معسكرًا تدريبيًا مدته عشرة أيام يخوض خلاله مباراتين وديتين "
    "استعدادًا لنهائيات البطولة القارية المقررة في فبراير المقبل"
)


def test_a_long_right_to_left_paragraph_is_broken_before_it_is_reordered() -> None:
    shown = to_terminal(PARAGRAPH, visual=True, width=40).split("\n")
    assert len(shown) > 1
    assert all(cells(line) == 40 for line in shown)  # set against the right margin
    # Read from the right, top line first, the words come in their order.
    words = PARAGRAPH.split()
    read_back = []
    for line in shown:
        read_back.extend(reversed(line.split()))  # right to left on each line
    assert [to_terminal(w, visual=True) for w in words] == read_back


def test_a_long_left_to_right_paragraph_is_broken_but_not_moved() -> None:
    text = "Ministers meet on Tuesday to discuss energy prices and a new grid " * 2
    shown = to_terminal(text.strip(), visual=True, width=30).split("\n")
    assert len(shown) > 2
    assert all(cells(line) <= 30 and not line.startswith(" ") for line in shown)
    assert " ".join(shown) == text.strip()


def test_a_word_longer_than_the_line_keeps_a_line_of_its_own() -> None:
    url = "https://example.org/" + "a" * 50
    assert to_terminal(f"انظر {url} هنا", visual=True, width=30).count("\n") == 2


def test_marks_stay_on_their_letters_in_visual_order() -> None:
    # A terminal draws a mark on the character before it.
    assert to_terminal("مَدرسةٌ", visual=True) == "ةٌسردمَ"
    assert to_terminal("معسكرًا", visual=True) == "ارًكسعم"
    assert to_terminal("شدّة", visual=True) == "ةدّش"
    # a Latin letter's accent stays on it, next to Arabic too
    assert "cafe\u0301" in to_terminal("cafe\u0301 مقهى", visual=True)
    assert "cafe\u0301" in to_terminal("مقهى cafe\u0301", visual=True)


def test_cells_do_not_count_combining_marks() -> None:
    assert cells("مَدرسةٌ") == 5
    assert cells("\u200fabc") == 3


def test_a_row_keeps_its_fields_in_place_each_in_its_own_direction() -> None:
    fields = ["12", "2026-11-22 11:00", "منتخب الشباب", "— الأفق"]
    row = terminal_row(fields, visual=True)
    assert row.split("  ") == ["12", "2026-11-22 11:00", "بابشلا بختنم", "قفألا —"]
    assert terminal_row(fields, visual=False) == "  ".join(fields)


def test_a_right_to_left_row_runs_from_the_right_and_keeps_its_date() -> None:
    byline = ["الأفق", "فراس حمدان", "2026-11-22 11:00 UTC"]
    row = terminal_row(byline, visual=True, separator=" · ", direction=Direction.RTL)
    assert row == "2026-11-22 11:00 UTC · نادمح سارف · قفألا"


# --- html_to_text ---------------------------------------------------------------------


def test_html_to_text_paragraphs_breaks_and_lists() -> None:
    markup = (
        "<h2>Title</h2><p>First   line<br>second line</p>"
        "<ul><li>one</li><li>two <b>bold</b></li></ul>"
        '<p>A <a href="https://example.org/">link</a> &amp; an entity&nbsp;here.</p>'
    )
    assert html_to_text(markup) == (
        "Title\n\nFirst line\nsecond line\n\n• one\n• two bold\n\nA link & an entity here."
    )


def test_html_to_text_drops_scripts_and_collapses_whitespace() -> None:
    markup = "<div>\n  نص   عربي\n</div><script>alert(1)</script><style>p{}</style>"
    assert html_to_text(markup) == "نص عربي"


def test_html_to_text_of_plain_text() -> None:
    assert html_to_text("just text") == "just text"
    assert html_to_text("") == ""


def test_ascii_text_is_left_to_right_exactly_when_it_has_a_latin_letter() -> None:
    # In ASCII only the 52 Latin letters are strong (left to right, bidi class L);
    # digits, punctuation, spaces and controls decide nothing, and nothing is
    # right to left.
    assert detect_direction("2026 - 11:30") is None
    assert detect_direction("[Video]") is LTR
    assert detect_direction("... 42 x") is LTR
    for code in range(128):
        char = chr(code)
        expected = LTR if char in string.ascii_letters else None
        assert detect_direction(char * 3) == expected, repr(char)
    rng = random.Random(7)
    for _ in range(200):
        text = "".join(rng.choice(string.printable) for _ in range(40))
        expected = LTR if set(text) & set(string.ascii_letters) else None
        assert detect_direction(text) == expected, repr(text)


# --- explicit direction controls ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain", "plain"),
        ("عنوان عادي", "عنوان عادي"),
        # balanced use is the publisher's and stays
        ("\u202bالأفق | Horizon\u202c", "\u202bالأفق | Horizon\u202c"),
        ("\u2068Horizon\u2069 يعلن", "\u2068Horizon\u2069 يعلن"),
        # an override left open is closed at the end of the text
        ("\u202etxt.exe", "\u202etxt.exe\u202c"),
        ("\u2067قائمة \u202aA", "\u2067قائمة \u202aA\u202c\u2069"),
        # closers without an opener go
        ("a\u202cb\u2069c", "abc"),
        # an isolate's end closes an embedding opened inside it
        ("\u2068a\u202bb\u2069c", "\u2068a\u202bb\u202c\u2069c"),
    ],
)
def test_direction_controls_never_reach_past_the_text(text: str, expected: str) -> None:
    assert balanced_bidi(text) == expected
