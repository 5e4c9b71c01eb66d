"""When a feed's items are only leads: the rule behind a feed's ``auto`` setting."""

from __future__ import annotations

from newsreader.core.full_articles import (
    SHORT_SUMMARY_WORDS,
    FullArticleMode,
    is_short_summary,
    mostly_short,
    word_count,
)

LINK = "http://127.0.0.1:9/news/1"


def test_words_are_counted_in_any_script() -> None:
    assert word_count("افتتاح جسر جديد، فوق النهر!") == 5
    assert word_count("River levels fall") == 3
    assert word_count("") == 0


def test_a_short_item_with_a_link_is_a_summary() -> None:
    short = " ".join(["كلمة"] * (SHORT_SUMMARY_WORDS - 1))
    long = " ".join(["كلمة"] * SHORT_SUMMARY_WORDS)
    assert is_short_summary(short, LINK)
    assert not is_short_summary(long, LINK)
    assert not is_short_summary(short, None)  # nowhere to fetch the rest from


def test_a_feed_is_short_when_most_of_its_items_are() -> None:
    short, long = ("سطر واحد", LINK), (" ".join(["كلمة"] * 100), LINK)
    assert mostly_short([short, short, long])
    assert not mostly_short([short, long])
    assert not mostly_short([])


def test_the_modes_are_their_words() -> None:
    assert [m.value for m in FullArticleMode] == ["off", "on", "auto"]
