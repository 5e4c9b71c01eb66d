"""The search syntax: words, phrases, OR, exclusions and filters; never an error."""

from __future__ import annotations

from datetime import date

import pytest

from newsreader.core.search_query import ParsedQuery, SearchTerm, parse_query


def word(text: str) -> SearchTerm:
    return SearchTerm((text,))


def test_words_must_all_match() -> None:
    assert parse_query("أسعار الذهب") == ParsedQuery(groups=((word("اسعار"),), (word("الذهب"),)))
    assert parse_query("الذهب").groups[0][0].stems == ("ذهب",)


def test_quotes_make_an_exact_word_or_phrase() -> None:
    query = parse_query('"سعر الذهب" news')
    assert query.groups == (
        (SearchTerm(("سعر", "الذهب"), exact=True),),
        (word("news"),),
    )
    assert query.groups[0][0].stems == ()
    assert query.highlight_words() == (frozenset({"سعر", "الذهب"}), frozenset({"news"}))


def test_or_joins_its_neighbours() -> None:
    assert parse_query("gold OR oil prices").groups == (
        (word("gold"), word("oil")),
        (word("prices"),),
    )
    assert parse_query("OR gold").groups == ((word("gold"),),)
    assert parse_query("gold OR").groups == ((word("gold"),),)
    assert parse_query("gold or oil").groups == ((word("gold"),), (word("or"),), (word("oil"),))


def test_a_minus_excludes() -> None:
    query = parse_query('gold -oil -"crude oil"')
    assert query.groups == ((word("gold"),),)
    assert query.excluded == (word("oil"), SearchTerm(("crude", "oil"), exact=True))


def test_filters() -> None:
    query = parse_query('feed:"Al Jazeera" topic:اقتصاد before:2026-03-01 after:2026-01-15 x')
    assert query.feeds == ("Al Jazeera",)
    assert query.topics == ("اقتصاد",)
    assert query.before == date(2026, 3, 1)
    assert query.after == date(2026, 1, 15)
    assert query.groups == ((word("x"),),)
    assert parse_query("FEED:bbc").feeds == ("bbc",)


@pytest.mark.parametrize(
    ("text", "groups"),
    [
        ("before:2026-02-30", (SearchTerm(("before", "2026", "02", "30"), exact=True),)),
        ("after:yesterday", (SearchTerm(("after", "yesterday"), exact=True),)),
        ("feed:", (word("feed"),)),
    ],
)
def test_a_filter_that_does_not_take_its_value_is_words(
    text: str, groups: tuple[SearchTerm, ...]
) -> None:
    assert parse_query(text).groups == tuple((g,) for g in groups)


@pytest.mark.parametrize(
    "text",
    ['"', '"unclosed phrase', "NEAR(a b)", "a*", "^x", "{title}: y", "-", "--", ":", "()", "", " "],
)
def test_anything_typed_parses_into_plain_words(text: str) -> None:
    query = parse_query(text)
    for group in query.groups:
        for term in group:
            assert all(w.isalnum() for w in term.words)


def test_an_unclosed_quote_reads_the_rest_as_words() -> None:
    assert parse_query('gold "price').groups == ((word("gold"),), (word("price"),))


def test_a_word_that_folds_to_several_is_a_phrase() -> None:
    assert parse_query("al-Jazeera").groups == ((SearchTerm(("al", "jazeera"), exact=True),),)


def test_an_empty_query() -> None:
    assert parse_query("").is_empty
    assert parse_query("  -  ").is_empty
    assert not parse_query("topic:x").is_empty
    assert not parse_query("-x").is_empty
