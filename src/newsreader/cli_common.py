"""Pieces every command-line module shares: exit codes, JSON output, terminal bidi, options."""

from __future__ import annotations

import argparse
import json
from typing import Any, TextIO

#: Success; an error, or some feeds failed; a usage error.
EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
#: The reader of the output went away (``newsreader articles | head``): the status
#: a program stopped by SIGPIPE reports, without a message.
EXIT_BROKEN_PIPE = 128 + 13


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
    """Writes text in visual order on terminals that do not reorder right-to-left text."""

    def __init__(self, out: TextIO, visual: bool) -> None:
        self.out = out
        self.visual = visual

    def line(self, text: str = "") -> None:
        from newsreader.core.text import to_terminal

        self.out.write(to_terminal(text, visual=self.visual) + "\n")
