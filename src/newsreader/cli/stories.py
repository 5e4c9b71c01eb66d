"""``newsreader stories [--json] [--limit N]``: events told by several sources.

A story's articles are listed with ``newsreader articles --story ID``.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TextIO

from newsreader.cli.common import EXIT_OK, Terminal, counted, print_json
from newsreader.cli.json_shapes import story_json

if TYPE_CHECKING:
    from newsreader.reader import Reader


def add_commands(commands: argparse._SubParsersAction[Any]) -> None:
    """Add the ``stories`` command to the main parser's sub-commands."""
    stories = commands.add_parser("stories", help="list the stories: one event, many sources")
    stories.add_argument("--limit", type=int, default=50, metavar="N")
    stories.add_argument("--json", action="store_true")


def _cmd_stories(reader: Reader, args: argparse.Namespace, out: TextIO, term: Terminal) -> int:
    found = reader.stories(limit=args.limit)
    if args.json:
        print_json([story_json(s) for s in found], out)
        return EXIT_OK
    for story in found:
        term.say(
            "{:>6} {}  ({}, {} unread; {})",
            story.id,
            story.title,
            counted(story.count, "article"),
            story.unread,
            ", ".join(story.sources),
        )
    return EXIT_OK


Handler = Callable[["Reader", argparse.Namespace, TextIO, Terminal], int]
HANDLERS: dict[str, Handler] = {"stories": _cmd_stories}
