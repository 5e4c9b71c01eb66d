"""Command-line commands for topics: ``newsreader topics [ACTION]``.

``topics [--json] [--all]`` lists them (see :func:`~newsreader.cli.json_shapes.topic_json`);
``topics add NAME QUERY``, ``topics remove ID``, ``topics merge ID INTO``,
``topics rename ID NAME`` and ``topics hide ID [--show]`` change them.  Ids are stable
strings: ``c:<key>`` (merged feed categories), ``s:<id>`` (saved searches),
``story:<id>`` (stories).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TextIO

from newsreader.cli.common import EXIT_OK, Terminal, add_bidi_options, print_json
from newsreader.cli.json_shapes import topic_json

if TYPE_CHECKING:
    from newsreader.reader import Reader


def add_commands(commands: argparse._SubParsersAction[Any]) -> None:
    """Add ``topics`` and its actions to the main parser's sub-commands."""
    topics = commands.add_parser("topics", help="list topics, or add, merge, rename, hide them")
    topics.add_argument("--json", action="store_true")
    topics.add_argument(
        "--all", action="store_true", help="hidden topics and one feed's blanket tags too"
    )
    topics.add_argument("--lang", choices=("ar", "en"), help="the language names are chosen in")
    add_bidi_options(topics)
    actions = topics.add_subparsers(dest="topics_command", metavar="ACTION")
    add = actions.add_parser("add", help="save a search as a topic of your own")
    add.add_argument("name")
    add.add_argument("query")
    remove = actions.add_parser("remove", help="remove a topic of your own")
    remove.add_argument("id")
    merge = actions.add_parser("merge", help="merge the first topic into the second")
    merge.add_argument("id")
    merge.add_argument("into")
    rename = actions.add_parser("rename", help="give a topic your own name ('' for its own)")
    rename.add_argument("id")
    rename.add_argument("name")
    hide = actions.add_parser("hide", help="hide a topic from the list (--show: show it again)")
    hide.add_argument("id")
    hide.add_argument("--show", action="store_true")


def _cmd_topics(reader: Reader, args: argparse.Namespace, out: TextIO, term: Terminal) -> int:
    action = args.topics_command
    if action == "add":
        topic = reader.add_saved_topic(args.name, args.query)
        term.say("added {} as {}", topic.name, topic.id)
    elif action == "remove":
        reader.remove_topic(args.id)
        term.say("removed {}", args.id)
    elif action == "merge":
        merged = reader.merge_topics(args.id, args.into)
        term.say("merged {} into {}", args.id, merged)
    elif action == "rename":
        reader.rename_topic(args.id, args.name)
        term.say("renamed {}", args.id)
    elif action == "hide":
        reader.hide_topic(args.id, not args.show)
        term.say("{} is {}", args.id, "shown" if args.show else "hidden")
    else:
        return _list(reader, args, out, term)
    return EXIT_OK


def _list(reader: Reader, args: argparse.Namespace, out: TextIO, term: Terminal) -> int:
    topics = reader.topics(language=args.lang, everything=args.all)
    if args.json:
        print_json([topic_json(t) for t in topics], out)
        return EXIT_OK
    if not topics:
        term.line("no topics")
    for t in topics:
        mark = "" if t.listed else (" (hidden)" if t.hidden else " (one feed's tag)")
        term.say("{}  {}/{}  {}{}", t.id, t.unread, t.count, t.name, mark)
    return EXIT_OK


Handler = Callable[["Reader", argparse.Namespace, TextIO, Terminal], int]
HANDLERS: dict[str, Handler] = {"topics": _cmd_topics}
