"""Command-line commands for comment threads, private notes and the user-data backup.

``newsreader comments ID``, ``newsreader notes ID``, ``newsreader export-data FILE``
and ``newsreader import-data FILE``.  Handlers share the signature of the other
commands, ``(reader, args, out, term) -> exit code``, and raise
:class:`~newsreader.core.errors.NewsreaderError` for anything the user must fix.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any, TextIO

from newsreader.cli.common import (
    EXIT_FAILED,
    EXIT_OK,
    Terminal,
    add_bidi_options,
    counted,
    print_json,
)
from newsreader.cli.files import STDIN_NAME, input_file, is_stdio, output_file
from newsreader.cli.json_shapes import comment_json, note_json
from newsreader.core.errors import NewsreaderError
from newsreader.core.types import Comment, CommentsStatus, Note

if TYPE_CHECKING:
    from newsreader.reader import Reader

#: Replies deeper than this are drawn at this depth: a terminal line is not endless.
MAX_INDENT_LEVELS = 8
INDENT = "    "


def add_commands(commands: argparse._SubParsersAction[Any]) -> None:
    """Add the commands of this module to the main parser's sub-commands."""
    comments = commands.add_parser("comments", help="show an article's comment thread")
    comments.add_argument("id", type=int, help="the article")
    comments.add_argument("--json", action="store_true")
    comments.add_argument("--refresh", action="store_true", help="fetch the comments first")
    comments.add_argument("--newest", action="store_true", help="newest comments first")
    add_bidi_options(comments)

    notes = commands.add_parser("notes", help="list, add or delete private notes on an article")
    notes.add_argument("id", type=int, help="the article")
    change = notes.add_mutually_exclusive_group()
    change.add_argument("--add", metavar="TEXT", help="add a note")
    change.add_argument("--delete", type=int, metavar="NOTE_ID", help="delete a note")
    notes.add_argument("--json", action="store_true")
    add_bidi_options(notes)

    export = commands.add_parser(
        "export-data", help="back up subscriptions, read and starred marks and notes"
    )
    export.add_argument("file", help="the file to write, or - for standard output")
    restore = commands.add_parser(
        "import-data", help="restore a backup made by export-data (merged, nothing lost)"
    )
    restore.add_argument("file", help="the backup, or - for standard input")


def _when(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M UTC") if value is not None else "----------"


def _indented(out: TextIO, term: Terminal, indent: str, text: str) -> None:
    """A line shifted right by ``indent``.

    The indentation is added after any reordering for the terminal: inside a
    right-to-left line it would end up on the right, where it shows nothing.
    """
    if not indent:
        term.line(text)
        return
    from newsreader.core.text import to_terminal

    out.write(indent + to_terminal(text, visual=term.visual) + "\n")


# -- comments ------------------------------------------------------------------------


def _status_line(status: CommentsStatus, url: str | None = None) -> str | None:
    if status.status == "error":
        where = f" from {url}" if url else ""
        return f"! comments could not be fetched{where}: {status.error}"
    if status.status == "none":
        return "this article has no comments feed"
    return None


def _print_comment(comment: Comment, out: TextIO, term: Terminal) -> None:
    from newsreader.core.text import html_to_text

    indent = INDENT * min(comment.depth, MAX_INDENT_LEVELS)
    header = term.text("[{}] {} · {}", comment.id, comment.author or "—", _when(comment.published))
    out.write(indent + header + "\n")
    for line in html_to_text(comment.content_html).split("\n"):
        _indented(out, term, indent + "  ", line)


def _cmd_comments(reader: Reader, args: argparse.Namespace, out: TextIO, term: Terminal) -> int:
    status = reader.comments_status(args.id)
    if args.refresh or status.status == "new":  # never fetched: fetch rather than show nothing
        status = reader.refresh_comments(args.id)
    thread = reader.list_comments(args.id, newest_first=args.newest)
    failed = status.status == "error"
    if args.json:
        print_json([comment_json(c) for c in thread], out)
        return EXIT_FAILED if failed and args.refresh else EXIT_OK
    note = _status_line(status, reader.get_article(args.id).comments_feed_url if failed else None)
    if note and (failed or not thread):
        term.line(note)
    if not thread and status.status != "none":
        term.line("no comments yet")
    for comment in thread:
        _print_comment(comment, out, term)
        term.line()
    return EXIT_FAILED if failed and args.refresh else EXIT_OK


# -- notes ---------------------------------------------------------------------------


def _cmd_notes(reader: Reader, args: argparse.Namespace, out: TextIO, term: Terminal) -> int:
    if args.add is not None:
        reader.add_note(args.id, args.add)
    elif args.delete is not None:
        if not any(n.id == args.delete for n in reader.list_notes(args.id)):
            raise NewsreaderError(f"article {args.id} has no note with id {args.delete}")
        reader.delete_note(args.delete)
    notes = reader.list_notes(args.id)
    if args.json:
        print_json([note_json(n) for n in notes], out)
        return EXIT_OK
    if not notes:
        term.line("no notes")
    for n in notes:
        _print_note(n, out, term)
    return EXIT_OK


def _print_note(note: Note, out: TextIO, term: Terminal) -> None:
    edited = " (edited)" if note.updated != note.created else ""
    term.say("[{}] {}{}", note.id, _when(note.created), edited)
    for line in note.text.split("\n"):
        _indented(out, term, "  ", line)


# -- backup --------------------------------------------------------------------------


def _cmd_export_data(reader: Reader, args: argparse.Namespace, out: TextIO, term: Terminal) -> int:
    with output_file(args.file, out) as path:
        reader.export_data(path)
    if not is_stdio(args.file):  # standard output holds the backup, and nothing else
        term.say("exported subscriptions, marks and notes to {}", args.file)
    return EXIT_OK


def _cmd_import_data(reader: Reader, args: argparse.Namespace, out: TextIO, term: Terminal) -> int:
    with input_file(args.file) as path:
        report = reader.import_data(path)
    term.say(
        "restored from {}: {}, marks on {}, {}",
        STDIN_NAME if is_stdio(args.file) else args.file,
        counted(report.feeds_added, "new subscription"),
        counted(report.articles_restored, "article"),
        counted(report.notes_added, "note"),
    )
    if report.topics:
        term.say("merges, names and hidden marks of {} restored", counted(report.topics, "topic"))
    if report.story_corrections:
        term.say("{} to stories restored", counted(report.story_corrections, "correction"))
    if report.pending:
        waiting = "article is" if report.pending == 1 else "articles are"
        term.line(
            f"{report.pending} {waiting} not downloaded yet; "
            "their marks and notes return when a refresh brings them"
        )
    return EXIT_OK


Handler = Callable[["Reader", argparse.Namespace, TextIO, Terminal], int]
HANDLERS: dict[str, Handler] = {
    "comments": _cmd_comments,
    "notes": _cmd_notes,
    "export-data": _cmd_export_data,
    "import-data": _cmd_import_data,
}
