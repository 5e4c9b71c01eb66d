"""Words for search: folding, light stems in Arabic and English, documents and snippets."""

from __future__ import annotations

import pytest

from newsreader.core.search_text import (
    ENTRY_FIELDS,
    HIGHLIGHT_END,
    HIGHLIGHT_START,
    document_field,
    entry_document,
    fold_word,
    highlight_snippet,
    html_words,
    plain_snippet,
    stem,
    stems_of,
    words,
)


@pytest.mark.parametrize(
    ("written", "folded"),
    [
        ("أَحْمَد", ("احمد",)),
        ("إبراهيم", ("ابراهيم",)),
        ("مدرسة", ("مدرسه",)),
        ("مستشفى", ("مستشفي",)),
        ("ســـلام", ("سلام",)),  # tatweel
        ("٢٠٢٦", ("2026",)),
        ("۲۰۲۶", ("2026",)),
        ("کتاب", ("كتاب",)),
        ("Café", ("cafe",)),
        ("al_jazeera", ("al", "jazeera")),
    ],
)
def test_a_written_word_folds_to_its_searchable_words(
    written: str, folded: tuple[str, ...]
) -> None:
    assert fold_word(written) == folded


def test_words_keep_their_order_and_drop_punctuation() -> None:
    assert words("قال أحمدُ: «الذهبُ ارتفع» في ٢٠٢٦!") == [
        "قال",
        "احمد",
        "الذهب",
        "ارتفع",
        "في",
        "2026",
    ]
    assert words("The U.S. economy, again.") == ["the", "u", "s", "economy", "again"]


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        # the article and a conjunction or preposition written with it
        ("الذهب", "ذهب"),
        ("والذهب", "ذهب"),
        ("بالذهب", "ذهب"),
        ("كالذهب", "ذهب"),
        ("فالذهب", "ذهب"),
        ("للحكومه", "حكوم"),
        # suffixes, one pass in order
        ("السوريه", "سور"),
        ("سوري", "سور"),
        ("معلمات", "معلم"),
        ("معلمون", "معلم"),
        ("معلمين", "معلم"),
        ("سياراتها", "سيار"),
        ("كتابهم", "كتاب"),
        # short words stay whole
        ("في", "في"),
        ("الله", "الل"),
        ("ذهب", "ذهب"),
        ("بيت", "بيت"),
        # English plurals
        ("markets", "market"),
        ("companies", "company"),
        ("churches", "church"),
        ("boxes", "box"),
        ("news", "news"),
        ("bus", "bus"),
        ("crisis", "crisis"),
        ("class", "class"),
        ("2026", "2026"),
    ],
)
def test_light_stems(word: str, expected: str) -> None:
    assert stem(word) == expected


def test_a_leading_letter_that_may_be_a_conjunction_gives_a_document_both_readings() -> None:
    assert stems_of("وزراء") == ("وزراء", "زراء")
    assert stems_of("الوزراء") == ("وزراء",)
    assert stems_of("فلسطين") == ("فلسط", "لسط")
    assert stems_of("ذهب") == ("ذهب",)
    assert stems_of("word") == ("word",)
    # a query word is taken as written: "كتاب" is never looked up as "تاب"
    assert stem("كتاب") == "كتاب"


def test_a_number_with_a_particle_written_on_it_is_found_by_the_number() -> None:
    # "لـ12" (for 12) folds to "ل12": too short for the conjunction reading, so only
    # the number's own rule finds "12" in it
    assert stems_of("ل12") == ("ل12", "12")
    assert stems_of("وبـ5".replace("ـ", "")) == ("وب5", "5")
    assert stems_of("ب300") == ("ب300", "300")
    assert document_field(["صفقة لـ12 عامًا"]).stems == "صفق 12"
    assert stems_of("12") == ("12",)
    assert stems_of("لبنان") == ("لبن", "بنان")  # not a number: as before


def test_a_document_field_keeps_the_words_in_order_and_the_stems_that_differ() -> None:
    field = document_field(["والذهب ارتفع في الأسواق", "", "Markets rose"])
    assert field.surface == "والذهب ارتفع في الاسواق markets rose"
    assert field.stems == "ذهب اسواق market"
    assert document_field([]).surface == ""


def test_punctuation_around_a_word_changes_neither_its_surface_nor_its_stems() -> None:
    field = document_field(["(الذهب)، والذهب «الذهب» الذهب."])
    assert field.surface == "الذهب والذهب الذهب الذهب"
    assert field.stems == "ذهب"  # listed once however often it is written


def test_an_entry_document_has_one_field_per_entry_field_with_tags_and_entities_read() -> None:
    document = entry_document("Gold & oil", None, "<p>Prices <b>rose</b></p>", ["Markets"])
    assert [surface for surface, _stems in document] == ["gold oil", "", "prices rose", "markets"]
    assert len(document) == len(ENTRY_FIELDS)
    assert html_words("a &lt; b") == "a < b"


def test_a_snippet_is_cut_from_the_text_as_written_with_the_matches_marked() -> None:
    text = "ارتفعت أسعارُ الذَّهَب في الأسواق"
    assert highlight_snippet([text], [], [stem("ذهب")]) == "ارتفعت أسعارُ **الذَّهَب** في الأسواق"
    assert HIGHLIGHT_START == HIGHLIGHT_END == "**"
    # exact words match only as written (folded), not by stem
    assert highlight_snippet([text], ["ذهب"], []) is None
    assert highlight_snippet([text], ["الذهب"], []) == "ارتفعت أسعارُ **الذَّهَب** في الأسواق"


def test_a_snippet_takes_the_first_text_that_matches_and_a_window_around_it() -> None:
    long = " ".join(["word"] * 100) + " target " + " ".join(["after"] * 100)
    snippet = highlight_snippet(["no match here", long], [], ["target"])
    assert snippet is not None
    assert snippet.startswith("…") and snippet.endswith("…")
    assert "**target**" in snippet
    assert len(snippet) < 260
    assert highlight_snippet(["nothing"], [], ["target"]) is None
    assert highlight_snippet(["anything"], [], []) is None


def test_a_plain_snippet_is_the_start_of_the_text() -> None:
    assert plain_snippet("  short   text ") == "short text"
    assert plain_snippet(None) == ""
    assert plain_snippet("a " * 300).endswith("…")


def test_an_entry_document_takes_each_category_once_in_code_point_order() -> None:
    # the order the database gives them back in, so a document made again is the same
    made = entry_document("t", None, None, ("سياسة", "Economy", "سياسة", "art"))
    assert made == entry_document("t", None, None, ("Economy", "art", "سياسة"))
    assert made[3][0] == "economy art سياسه"
