"""Leads cut at a word and headlines for untitled articles."""

from __future__ import annotations

import pytest

from newsreader.core.snippets import HEADLINE_LIMIT, headline, shorten


def test_shorten_cuts_at_a_word_and_drops_trailing_punctuation() -> None:
    assert shorten("short enough", 20) == "short enough"
    assert shorten("one two three four, five six", 20) == "one two three four…"
    assert (
        shorten("وصل الوفد إلى العاصمة، وبدأت المحادثات صباح اليوم", 24) == "وصل الوفد إلى العاصمة…"
    )


def test_shorten_cuts_a_long_word_where_it_must() -> None:
    assert shorten("a" * 30, 10) == "a" * 10 + "…"


def test_a_title_is_its_own_headline() -> None:
    assert headline("Markets close higher", "Anything else.") == "Markets close higher"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the first sentence, when it is long enough to say something
        (
            "The new bridge opened to traffic this morning. Drivers saved twenty minutes.",
            "The new bridge opened to traffic this morning.",
        ),
        (
            "افتتح الجسر الجديد أمام السيارات صباح اليوم. ووفر السائقون عشرين دقيقة.",
            "افتتح الجسر الجديد أمام السيارات صباح اليوم.",
        ),
        (
            "هل يعود القطار إلى الخط القديم قريبًا؟ يجيب المسؤولون غدًا.",
            "هل يعود القطار إلى الخط القديم قريبًا؟",
        ),
        # too short a "sentence" (an abbreviation) is not where a headline ends
        ("Dr. Amal Haddad opened the clinic", "Dr. Amal Haddad opened the clinic"),
        # spaces and line breaks are folded
        ("  line one\n\n  line   two ", "line one line two"),
        ("", ""),
        (None, ""),
    ],
)
def test_an_untitled_article_is_headed_by_its_first_words(text: str | None, expected: str) -> None:
    assert headline("", text) == expected
    assert headline("   ", text) == expected


def test_a_long_untitled_text_is_cut_at_a_word() -> None:
    text = " ".join(["word"] * 100)
    shown = headline(None, text)
    assert shown.endswith("…")
    assert len(shown) <= HEADLINE_LIMIT + 1
    assert shown[:-1].split() == ["word"] * len(shown[:-1].split())
