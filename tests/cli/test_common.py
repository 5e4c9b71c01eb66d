"""What every command shares: counted nouns, JSON output, the bidi options, the terminal."""

from __future__ import annotations

import argparse
import io
from datetime import UTC, datetime

import pytest

from newsreader.cli.common import (
    Terminal,
    add_bidi_options,
    counted,
    print_json,
    published_text,
    terminal_width,
)
from newsreader.core.types import Article, Direction

ARABIC = "سوق الخضار"  # two words, read right to left
SHOWN = "راضخلا قوس"  # as a terminal without bidi must be sent them


@pytest.mark.parametrize(
    ("count", "noun", "plural", "text"),
    [
        (1, "article", None, "1 article"),
        (0, "article", None, "0 articles"),
        (3, "feed", None, "3 feeds"),
        (2, "entry", "entries", "2 entries"),
        (1, "entry", "entries", "1 entry"),
    ],
)
def test_a_count_agrees_with_its_noun(count: int, noun: str, plural: str | None, text: str) -> None:
    assert counted(count, noun, plural) == text


def test_json_keeps_arabic_readable_and_ends_its_line() -> None:
    out = io.StringIO()
    print_json({"title": ARABIC, "ids": [1]}, out)
    assert out.getvalue() == '{\n  "title": "سوق الخضار",\n  "ids": [\n    1\n  ]\n}\n'


def test_visual_and_logical_are_one_choice() -> None:
    parser = argparse.ArgumentParser()
    add_bidi_options(parser)
    assert parser.parse_args([]).bidi is None
    assert parser.parse_args(["--visual"]).bidi == "visual"
    assert parser.parse_args(["--logical"]).bidi == "logical"
    with pytest.raises(SystemExit) as refused:
        parser.parse_args(["--visual", "--logical"])
    assert refused.value.code == 2


def test_a_logical_terminal_gets_the_text_as_it_is() -> None:
    out = io.StringIO()
    terminal = Terminal(out, visual=False, width=4)
    terminal.line(ARABIC)
    terminal.say("Feed {} has {}", ARABIC, "3 articles")
    assert out.getvalue() == f"{ARABIC}\nFeed {ARABIC} has 3 articles\n"
    assert terminal.width is None  # lines are the terminal's to break


def test_a_visual_terminal_gets_each_value_reordered_in_the_programs_own_sentence() -> None:
    out = io.StringIO()
    terminal = Terminal(out, visual=True)
    terminal.line(ARABIC)
    terminal.say("Feed {} added", ARABIC)
    assert out.getvalue() == f"{SHOWN}\nFeed {SHOWN} added\n"


def test_a_right_to_left_row_is_set_against_the_right_margin() -> None:
    out = io.StringIO()
    Terminal(out, visual=True, width=30).row(ARABIC, "09:00", direction=Direction.RTL)
    line = out.getvalue().rstrip("\n")
    assert len(line) == 30 and line.endswith(SHOWN)
    assert line.lstrip().startswith("09:00")

    out = io.StringIO()
    Terminal(out, visual=True, width=30).row("42", ARABIC)  # left to right: no margin
    assert out.getvalue() == f"42  {SHOWN}\n"


def test_text_that_is_no_terminal_has_no_width() -> None:
    assert terminal_width(io.StringIO()) is None


def _article(published: datetime | None, first_seen: datetime) -> Article:
    return Article(
        id=1,
        feed_id=1,
        feed_title="f",
        guid="g",
        title="t",
        link=None,
        author=None,
        summary=None,
        content_html=None,
        published=published,
        updated=None,
        first_seen=first_seen,
        language=None,
        direction=Direction.LTR,
        read=False,
        starred=False,
    )


def test_an_article_dated_when_first_seen_says_so() -> None:
    seen = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
    assert published_text(_article(seen, seen)) == "2026-11-24 12:00 UTC (first seen)"
    earlier = datetime(2026, 11, 23, 8, 30, tzinfo=UTC)
    assert published_text(_article(earlier, seen)) == "2026-11-23 08:30 UTC"
    assert published_text(_article(None, seen)) is None
