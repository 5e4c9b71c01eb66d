"""Pieces every command-line module shares: exit codes, JSON output, terminal bidi, options."""

from __future__ import annotations

import argparse
import json
from typing import Any, TextIO

from newsreader.core.errors import FetchError, NewsreaderError
from newsreader.core.types import Article, Direction, FeedStatus

#: Success; an error, or some feeds failed; a usage error.
EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
#: The reader of the output went away (``newsreader articles | head``): the status
#: a program stopped by SIGPIPE reports, without a message.
EXIT_BROKEN_PIPE = 128 + 13
#: Another process is writing to the data folder (sysexits' EX_TEMPFAIL: try again later).
EXIT_BUSY = 75


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """``1 article``, ``3 articles``: *count* with the English noun that agrees."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"


#: A feed's status in words, as the command line prints it.
_STATUS_WORDS = {
    FeedStatus.NEW: "not fetched yet",
    FeedStatus.OK: "ok",
    FeedStatus.NOT_MODIFIED: "not modified",
    FeedStatus.ERROR: "failed",
    FeedStatus.GONE: "gone",
}


def status_words(status: FeedStatus) -> str:
    """``not modified`` for ``not_modified``: a status said in words."""
    return _STATUS_WORDS.get(status, status.value.replace("_", " "))


def error_text(exc: NewsreaderError) -> str:
    """The error's message, naming the address it is about when it does not yet.

    "host not found" alone does not say which host: a failed fetch is told with its URL.
    """
    message = str(exc)
    url = exc.url if isinstance(exc, FetchError) else ""
    if url and url not in message:
        return f"{url}: {message}"
    return message


#: Said after a refresh that found no feed due.
NOTHING_DUE = "no feed was due; 'newsreader refresh --all' fetches every feed now"


def published_text(article: Article) -> str | None:
    """When the article was published; for one its feed gave no date, when it was first seen.

    Such an article was dated when first seen, so the two times are equal.
    """
    if article.published is None:
        return None
    stamp = article.published.strftime("%Y-%m-%d %H:%M UTC")
    return f"{stamp} (first seen)" if article.undated else stamp


def print_json(value: Any, out: TextIO) -> None:
    json.dump(value, out, ensure_ascii=False, indent=2)
    out.write("\n")


def add_bidi_options(parser: argparse.ArgumentParser) -> None:
    """``--visual``/``--logical``: how right-to-left text reaches the terminal."""
    order = parser.add_mutually_exclusive_group()
    order.add_argument(
        "--visual",
        dest="bidi",
        action="store_const",
        const="visual",
        help="reorder right-to-left text for terminals that do not",
    )
    order.add_argument(
        "--logical",
        dest="bidi",
        action="store_const",
        const="logical",
        help="print text in logical order (terminals with their own bidi)",
    )


class Terminal:
    """Writes text in visual order on terminals that do not reorder right-to-left text.

    Three kinds of line: :meth:`line`, a paragraph of text in its own direction
    (broken to ``width`` before reordering, when the width is known); :meth:`row`,
    fields side by side, each in its own direction; and :meth:`say`, a message of
    the program's own (left to right) with values from feeds put in as fields.
    """

    def __init__(self, out: TextIO, visual: bool, width: int | None = None) -> None:
        self.out = out
        self.visual = visual
        self.width = width if visual else None

    def line(self, text: str = "") -> None:
        from newsreader.core.text import to_terminal

        self.out.write(to_terminal(text, visual=self.visual, width=self.width) + "\n")

    def row(
        self, *fields: str, separator: str = "  ", direction: Direction = Direction.LTR
    ) -> None:
        from newsreader.core.text import cells, terminal_row

        line = terminal_row(fields, visual=self.visual, separator=separator, direction=direction)
        if self.width and direction is Direction.RTL:  # against the right margin, as a paragraph
            line = " " * max(0, self.width - cells(line)) + line
        self.out.write(line + "\n")

    def say(self, template: str, *values: object) -> None:
        """Write :meth:`text`."""
        self.out.write(self.text(template, *values) + "\n")

    def text(self, template: str, *values: object) -> str:
        """``template.format(*values)`` with each value reordered on its own."""
        from newsreader.core.text import to_terminal

        if self.visual:
            values = tuple(to_terminal(str(v), visual=True) for v in values)
        return template.format(*values)


def terminal_width(out: TextIO) -> int | None:
    """The columns of the terminal *out* writes to; None when it is no terminal."""
    import os

    try:
        return os.get_terminal_size(out.fileno()).columns if out.isatty() else None
    except (OSError, ValueError, AttributeError):
        return None
