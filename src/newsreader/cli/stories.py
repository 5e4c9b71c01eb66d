"""``newsreader stories [ACTION]``: events told by several sources, and corrections.

``stories [--json] [--limit N] [--current]`` lists them; ``stories merge ID INTO``,
``stories split ID`` and ``stories remove-article STORY_ID ARTICLE_ID`` correct
the grouping (kept by later refreshes and by export-data).  A story's articles are
listed with ``newsreader articles --story ID``.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TextIO

from newsreader.cli.common import EXIT_OK, Terminal, counted, print_json
from newsreader.cli.json_shapes import story_json

if TYPE_CHECKING:
    from newsreader.reader import Reader

#: The actions that change stories (the profile's writers).
WRITING_ACTIONS = frozenset({"merge", "split", "remove-article"})


def add_commands(commands: argparse._SubParsersAction[Any]) -> None:
    """Add the ``stories`` command and its actions to the main parser's sub-commands."""
    stories = commands.add_parser(
        "stories", help="list the stories (one event, many sources), or correct them"
    )
    stories.add_argument("--limit", type=int, default=50, metavar="N")
    stories.add_argument("--json", action="store_true")
    stories.add_argument(
        "--current",
        action="store_true",
        help="only the current ones, the most active first (as the sidebar lists them)",
    )
    actions = stories.add_subparsers(dest="stories_command", metavar="ACTION")
    merge = actions.add_parser("merge", help="merge the first story into the second")
    merge.add_argument("id", type=int)
    merge.add_argument("into", type=int)
    split = actions.add_parser("split", help="split a story in two where it is least alike")
    split.add_argument("id", type=int)
    remove = actions.add_parser(
        "remove-article", help="take an article out of a story (it never comes back)"
    )
    remove.add_argument("story_id", type=int)
    remove.add_argument("article_id", type=int)


def _cmd_stories(reader: Reader, args: argparse.Namespace, out: TextIO, term: Terminal) -> int:
    action = args.stories_command
    if action == "merge":
        merged = reader.merge_stories(args.id, args.into)
        term.say("merged story {} into story {}", args.id, merged)
    elif action == "split":
        kept, split_off = reader.split_story(args.id)
        if split_off is None:
            term.say("split one article off story {}: it is in no story now", kept)
        else:
            term.say("split story {} into stories {} and {}", args.id, kept, split_off)
    elif action == "remove-article":
        reader.remove_from_story(args.story_id, args.article_id)
        term.say("took article {} out of story {}", args.article_id, args.story_id)
    else:
        return _list(reader, args, out, term)
    return EXIT_OK


def _list(reader: Reader, args: argparse.Namespace, out: TextIO, term: Terminal) -> int:
    if args.current:
        found = reader.current_stories(limit=args.limit)
    else:
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
