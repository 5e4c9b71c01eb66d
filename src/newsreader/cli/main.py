"""The command line: ``newsreader [--data-dir DIR] [--db URL] COMMAND ...``.

Without a command the desktop app starts.  Exit codes: 0 success, 1 an error (or
some feeds failed), 2 a usage error, 75 another process is writing to
the data folder, 141 (quietly) when the output's reader went
away.  Errors are one line on stderr, never a traceback.  JSON shapes live in
:mod:`newsreader.cli.json_shapes`.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any, NoReturn, TextIO

from newsreader import __version__
from newsreader.cli.arguments import new_file_in_existing_folder, user_name, window_size
from newsreader.cli.comments import HANDLERS as COMMENT_HANDLERS
from newsreader.cli.comments import add_commands as add_comment_commands
from newsreader.cli.common import (
    EXIT_BROKEN_PIPE,
    EXIT_BUSY,
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    NOTHING_DUE,
    Terminal,
    add_bidi_options,
    counted,
    error_text,
    print_json,
    published_text,
    status_words,
    terminal_width,
)
from newsreader.cli.fetcher import HANDLERS as FETCHER_HANDLERS
from newsreader.cli.fetcher import add_command as add_fetcher_command
from newsreader.cli.files import STDIN_NAME, is_stdio, read_input, write_output
from newsreader.cli.full_articles import add_feed_set, add_read_full, cmd_feeds_set
from newsreader.cli.json_shapes import (
    article_json,
    article_summary_json,
    feed_json,
    full_text_json,
    refresh_json,
)
from newsreader.cli.profile_guard import back_up_daily, profile_guard
from newsreader.cli.search import add_command as add_search_command
from newsreader.cli.search import cmd_search
from newsreader.cli.stories import HANDLERS as STORY_HANDLERS
from newsreader.cli.stories import add_commands as add_story_commands
from newsreader.cli.topics import HANDLERS as TOPIC_HANDLERS
from newsreader.cli.topics import add_commands as add_topic_commands
from newsreader.cli.window_links import split_links
from newsreader.core.errors import DatabaseDamagedError, NewsreaderError, SeveralFeedsError
from newsreader.core.paths import app_paths
from newsreader.core.profile_lock import ProfileBusyError
from newsreader.core.settings import terminal_visual
from newsreader.core.types import (
    ArticleQuery,
    FeedOption,
    FollowUp,
    FollowUpEnd,
    FollowUpProgress,
    FollowUpReport,
    RefreshSummary,
)
from newsreader.reader import Reader, database_lost


class UsageError(Exception):
    """Bad words on the command line (exit 2)."""


#: Said after a damaged database's error.
REPAIR_HINT = (
    "newsreader: 'newsreader repair' sets the damaged file aside and starts a new one "
    "with your subscriptions, marks and notes"
)


#: Said when the database is gone but a backup of it is kept.
LOST_MESSAGE = (
    "the database is missing, and a backup of it is kept: 'newsreader repair' starts "
    "it again from the newest backup"
)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message}")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="newsreader",
        description="An Arabic-first news reader. Without a command, the desktop app starts.",
    )
    parser.add_argument("--version", action="version", version=f"newsreader {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", help="keep everything in DIR")
    parser.add_argument("--db", metavar="URL", help="a SQLAlchemy database URL")
    parser.add_argument(
        "--user",
        metavar="NAME",
        type=user_name,
        help="whose read and starred marks, notes, topics and saved searches to use"
        " (default: the OS user); the articles are everyone's",
    )
    gui = parser.add_argument_group("desktop app")
    gui.add_argument(
        "--screenshot",
        metavar="FILE.png",
        type=new_file_in_existing_folder,
        help="render the window to a PNG and exit",
    )
    gui.add_argument("--lang", choices=("ar", "en"), help="interface language")
    gui.add_argument("--size", metavar="WxH", type=window_size, help="window size, e.g. 1280x800")
    gui.add_argument(
        "--theme", choices=("light", "dark"), help="colour scheme (default: the setting)"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    gui.add_argument(
        "--screenshot-texts", metavar="FILE.txt", help="with --screenshot: the texts it shows"
    )

    feeds = commands.add_parser("feeds", help="manage subscriptions")
    feed_commands = feeds.add_subparsers(dest="feeds_command", metavar="ACTION", required=True)
    add = feed_commands.add_parser("add", help="subscribe to a feed or a page's feed")
    add.add_argument("url")
    add.add_argument("--folder")
    listing = feed_commands.add_parser("list", help="list subscriptions")
    listing.add_argument("--json", action="store_true")
    remove = feed_commands.add_parser("remove", help="unsubscribe")
    remove.add_argument("id", type=int)
    imp = feed_commands.add_parser("import", help="import an OPML file (nothing is fetched)")
    imp.add_argument("file", help="the OPML file, or - for standard input")
    exp = feed_commands.add_parser("export", help="export subscriptions as OPML")
    exp.add_argument("file", help="the file to write, or - for standard output")
    add_feed_set(feed_commands)

    refresh = commands.add_parser("refresh", help="fetch the feeds that are due")
    refresh.add_argument("--all", action="store_true", help="fetch every feed, due or not")
    refresh.add_argument(
        "--no-images",
        action="store_true",
        help="do not download the new articles' pictures this time (for metered or headless"
        " use; the offline_pictures setting turns them off for good)",
    )
    refresh.add_argument("--json", action="store_true")

    arts = commands.add_parser("articles", help="list articles, newest first")
    arts.add_argument("--feed", type=int, metavar="ID")
    arts.add_argument("--story", type=int, metavar="ID", help="the articles of one story")
    arts.add_argument("--unread", action="store_true")
    arts.add_argument("--starred", action="store_true")
    arts.add_argument("--limit", type=int, default=None, metavar="N")
    arts.add_argument("--json", action="store_true")

    read = commands.add_parser("read", help="show an article as text")
    read.add_argument("id", type=int)
    read.add_argument("--json", action="store_true")
    add_read_full(read)
    add_bidi_options(read)

    mark = commands.add_parser("mark", help="mark an article")
    mark.add_argument("id", type=int)
    how = mark.add_mutually_exclusive_group(required=True)
    for flag in ("read", "unread", "star", "unstar"):
        how.add_argument(f"--{flag}", dest="mark", action="store_const", const=flag)

    commands.add_parser("demo", help="load the bundled demo feeds")
    repair = commands.add_parser(
        "repair", help="set a damaged database aside and start again from what it holds"
    )
    repair.add_argument(
        "--force", action="store_true", help="do it even though the database looks sound"
    )
    add_comment_commands(commands)
    add_topic_commands(commands)
    add_search_command(commands)
    add_story_commands(commands)
    add_fetcher_command(commands)
    return parser


# -- commands ------------------------------------------------------------------------


def _cmd_feeds(reader: Reader, args: argparse.Namespace, out: TextIO, term: Terminal) -> int:
    action = args.feeds_command
    if action == "add":
        others: tuple[FeedOption, ...] = ()
        try:
            feed = reader.add_feed(args.url, folder=args.folder, choose=True)
        except SeveralFeedsError as several:  # the first, and say which others there are
            first, *rest = several.options
            feed = reader.add_feed(first.url, folder=args.folder)
            others = tuple(rest)
        articles = counted(feed.article_count, "article")
        term.say("subscribed [{}] {} ({})", feed.id, feed.display_title, articles)
        if others:
            more = "another" if len(others) == 1 else f"{len(others)} more"
            term.line(f"the page offers {more} (newsreader feeds add URL):")
            for option in others:
                if option.title:
                    term.say("  {}  {}", option.url, option.title)
                else:
                    term.say("  {}", option.url)
    elif action == "list":
        feeds = reader.list_feeds()
        if args.json:
            print_json([feed_json(f) for f in feeds], out)
        else:
            for f in feeds:
                counts = f"({f.unread_count}/{f.article_count})  {status_words(f.status)}"
                if f.folder:
                    term.say("[{}] {} / {}  {}", f.id, f.folder, f.display_title, counts)
                else:
                    term.say("[{}] {}  {}", f.id, f.display_title, counts)
                if f.error:
                    term.say("      ! {}", f.error)
                term.say("      {}", f.url)
    elif action == "remove":
        feed = reader.get_feed(args.id)
        reader.remove_feed(args.id)
        term.say("removed [{}] {}", feed.id, feed.display_title)
    elif action == "import":
        source = STDIN_NAME if is_stdio(args.file) else args.file
        try:
            added = reader.import_opml(read_input(args.file))
        except NewsreaderError as exc:
            if str(source) in str(exc):
                raise
            raise NewsreaderError(f"{source}: {exc}") from exc
        term.say("imported {} from {}", counted(added, "new subscription"), source)
    elif action == "set":
        return cmd_feeds_set(reader, args, out, term)
    elif action == "export":
        write_output(args.file, reader.export_opml(), out)
        if not is_stdio(args.file):  # standard output holds the OPML, and nothing else
            exported = counted(len(reader.list_feeds()), "subscription")
            term.say("exported {} to {}", exported, args.file)
    return EXIT_OK


#: What each follow-up step of a refresh did, in words.
_FOLLOW_UP_TEXT: dict[FollowUp, Callable[[int], str]] = {
    FollowUp.IMAGES: lambda n: f"{counted(n, 'picture')} saved for reading offline",
    FollowUp.ICONS: lambda n: f"{counted(n, 'feed icon')} saved",
    FollowUp.COMMENTS: lambda n: f"comments fetched for {counted(n, 'article')}",
    FollowUp.FULL_ARTICLES: lambda n: f"{counted(n, 'whole article')} fetched from their pages",
}


#: What the work after the news is doing, in the progress line.
_FOLLOW_UP_DOING = {
    FollowUp.IMAGES: "pictures",
    FollowUp.ICONS: "feed icons",
    FollowUp.COMMENTS: "comments",
    FollowUp.FULL_ARTICLES: "whole articles",
}
#: The progress line of the work after the news is printed at most this often.
_FOLLOW_UP_LINE_EVERY_S = 2.0
#: Hosts named one by one after a refresh; the rest are counted.
_HOSTS_NAMED = 5


def _follow_up_line(progress: FollowUpProgress) -> str:
    doing = _FOLLOW_UP_DOING[progress.step]
    line = f"after the news: {doing}"
    if progress.total:
        line += f" {progress.done} of {progress.total}"
    if progress.skipped_hosts:
        line += f", {counted(progress.skipped_hosts, 'unreachable host')} skipped"
    return line


def _follow_up_end_lines(report: FollowUpReport) -> list[str]:
    lines = []
    if report.ended is FollowUpEnd.OUT_OF_TIME:
        lines.append(
            f"pictures stopped after {report.seconds:.0f} s (the time allowed): "
            f"{counted(report.left, 'picture')} left for the next refresh"
        )
    elif report.ended is FollowUpEnd.CANCELLED:
        lines.append(
            f"pictures stopped: {counted(report.left, 'picture')} left for the next refresh"
        )
    hosts = report.skipped_hosts
    if hosts:
        lines.append(
            f"{counted(len(hosts), 'host')} could not be reached; "
            f"{counted(report.skipped, 'picture or icon', 'pictures or icons')} "
            "on them left for the next refresh:"
        )
        lines.extend(f"  {h.host}: {h.reason} ({h.skipped} skipped)" for h in hosts[:_HOSTS_NAMED])
        if len(hosts) > _HOSTS_NAMED:
            lines.append(f"  and {counted(len(hosts) - _HOSTS_NAMED, 'other host')}")
    return lines


def _cmd_refresh(reader: Reader, args: argparse.Namespace, out: TextIO, term: Terminal) -> int:
    def progress(result: Any, done: int, total: int) -> None:
        if args.json:
            return
        detail = f"{result.new} new, {result.updated} updated"
        if result.error:
            detail = result.error
        term.say(
            "[{}/{}] {:<12} {}  {}", done, total, status_words(result.status), result.url, detail
        )

    def feeds_stored(summary: RefreshSummary) -> None:
        if not args.json:  # the news is in: say so before the pictures are fetched
            term.line(
                f"{counted(len(summary.feeds), 'feed')}: {summary.new} new, "
                f"{summary.updated} updated, {summary.failed} failed"
            )
            out.flush()

    def followed_up(step: FollowUp, count: int) -> None:
        if not args.json and count:
            term.line(_FOLLOW_UP_TEXT[step](count))

    last_line = [0.0]

    def follow_up_progress(progress: FollowUpProgress) -> None:
        now = time.monotonic()
        if args.json or not progress.total or now - last_line[0] < _FOLLOW_UP_LINE_EVERY_S:
            return
        last_line[0] = now
        term.line(_follow_up_line(progress))
        out.flush()

    summary = reader.refresh(
        all_feeds=args.all,
        images=False if args.no_images else None,
        progress=progress,
        on_feeds_stored=feeds_stored,
        on_follow_up=followed_up,
        on_follow_up_progress=follow_up_progress,
    )
    if not summary.feeds and not args.json and not args.all:
        term.line(NOTHING_DUE)
    if args.json:
        print_json(refresh_json(summary), out)
    elif summary.follow_up_report is not None:
        for line in _follow_up_end_lines(summary.follow_up_report):
            term.line(line)
    return EXIT_FAILED if summary.failed else EXIT_OK


def _cmd_articles(reader: Reader, args: argparse.Namespace, out: TextIO, term: Terminal) -> int:
    query = ArticleQuery(
        feed_id=args.feed, unread=args.unread, starred=args.starred, story_id=args.story
    )
    if args.feed is not None:
        reader.get_feed(args.feed)  # a clear error for an unknown feed
    rows = reader.list_articles(query, limit=args.limit)
    if args.json:
        categories = reader.categories_of([a.id for a in rows])
        print_json([article_summary_json(a, categories.get(a.id, [])) for a in rows], out)
        return EXIT_OK
    for a in rows:
        marks = ("*" if a.starred else " ") + (" " if a.read else "N")
        when = a.published.strftime("%Y-%m-%d %H:%M") if a.published else "----------------"
        term.say("{:>6} {} {}  {}  — {}", a.id, marks, when, a.headline, a.feed_title)
    return EXIT_OK


def _cmd_read(reader: Reader, args: argparse.Namespace, out: TextIO, term: Terminal) -> int:
    article = reader.get_article(args.id)
    full = reader.fetch_full_text(args.id) if args.full else reader.full_text(args.id)
    failed = args.full and (full is None or full.error is not None)
    if args.json:
        print_json({**article_json(article), **full_text_json(full)}, out)
        return EXIT_FAILED if failed else EXIT_OK
    from newsreader.core.text import html_to_text

    if article.title:  # an untitled post is its text, below
        term.line(article.title)
    byline = [
        x
        for x in (
            article.feed_title,
            article.author,
            published_text(article),
        )
        if x
    ]
    term.row(*byline, separator=" · ", direction=article.direction)
    if article.link:
        term.line(article.link)
    term.line()
    body = html_to_text(article.content_html) if article.content_html else (article.summary or "")
    if full is not None and full.html:
        body = html_to_text(full.html)
    for paragraph in body.split("\n"):
        term.line(paragraph)
    if failed:
        term.line()
        reason = full.error if full is not None else "the article has no link"
        term.say("whole article not fetched: {}", reason)
    if article.enclosures:
        term.line()
        for enclosure in article.enclosures:
            term.say("[{}] {}", enclosure.type or "file", enclosure.url)
    if article.comments_url or article.comment_count is not None:
        term.line()
        count = (
            "comments"
            if article.comment_count is None
            else counted(article.comment_count, "comment")
        )
        term.line(f"{count}: {article.comments_url or ''}".rstrip())
    return EXIT_FAILED if failed else EXIT_OK


def _cmd_mark(reader: Reader, args: argparse.Namespace, out: TextIO, term: Terminal) -> int:
    reader.get_article(args.id)  # a clear error for an unknown id
    if args.mark in ("read", "unread"):
        reader.mark_read([args.id], args.mark == "read")
    else:
        reader.mark_starred([args.id], args.mark == "star")
    return EXIT_OK


def _cmd_repair(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from newsreader.reader import repair_profile

    if args.db:
        err.write("newsreader: error: repair works on a profile's own database, not --db\n")
        return EXIT_USAGE
    try:
        report = repair_profile(app_paths(args.data_dir), force=args.force)
    except (NewsreaderError, OSError) as exc:
        err.write(f"newsreader: error: the repair failed: {exc}\n")
        return EXIT_FAILED
    term = Terminal(out, visual=False)
    if not report.repaired:
        if not app_paths(args.data_dir).database.exists():
            term.line("there is no database here, and no backup: nothing to repair")
        else:
            term.line("the database is sound: nothing to repair (--force rebuilds it anyway)")
        return EXIT_OK
    if report.kept_as is not None:
        term.say("the damaged database is kept as {}", report.kept_as)
    if report.backup is not None:
        term.say("restored from the backup {}", report.backup)
    term.say(
        "restored {}; marks and notes of {} come back as a refresh brings the articles",
        counted(report.subscriptions, "subscription"),
        counted(report.articles, "article"),
    )
    if report.stray_notes_file is not None:
        term.say("notes whose article could not be read are in {}", report.stray_notes_file)
    if report.damaged_tables:
        term.say("unreadable parts were skipped in: {}", ", ".join(report.damaged_tables))
    return EXIT_OK


def _cmd_demo(reader: Reader, args: argparse.Namespace, out: TextIO, term: Terminal) -> int:
    summary = reader.load_demo()
    term.say("demo loaded: {} feeds, {} new articles", len(reader.list_feeds()), summary.new)
    return EXIT_FAILED if summary.failed else EXIT_OK


Command = Callable[[Reader, argparse.Namespace, TextIO, Terminal], int]
COMMANDS: dict[str, Command] = {
    "feeds": _cmd_feeds,
    "refresh": _cmd_refresh,
    "articles": _cmd_articles,
    "read": _cmd_read,
    "mark": _cmd_mark,
    "demo": _cmd_demo,
    **COMMENT_HANDLERS,
    **TOPIC_HANDLERS,
    "search": cmd_search,
    **STORY_HANDLERS,
    **FETCHER_HANDLERS,
}


def _discard_stdout(out: TextIO) -> None:
    """Point standard output at the null device, so the exit flush cannot fail again."""
    if out is not sys.stdout:
        return
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError):
        pass


def main(
    argv: Sequence[str] | None = None,
    *,
    out: TextIO | None = None,
    err: TextIO | None = None,
    launch_window: Callable[[argparse.Namespace], int] | None = None,
) -> int:
    """Run one command; without a command, *launch_window* starts the desktop app.

    The window sits above the command line, so it is handed in by the entry point
    (:mod:`newsreader.__main__`) rather than imported here.
    """
    out = out or sys.stdout
    err = err or sys.stderr
    words, links = split_links(sys.argv[1:] if argv is None else argv)
    try:
        args = build_parser().parse_args(words)
    except UsageError as exc:
        err.write(f"{exc}\n")
        return EXIT_USAGE
    args.links = links  # for the window: feeds to subscribe to
    if args.command is None:
        if launch_window is None:
            err.write("newsreader: error: a command is needed here (see --help)\n")
            return EXIT_USAGE
        return launch_window(args)
    try:
        with profile_guard(args):
            return _run_command(args, out, err)
    except ProfileBusyError as exc:
        err.write(f"newsreader: error: {exc}\n")
        return EXIT_BUSY
    except NewsreaderError as exc:  # the lock file could not be made
        err.write(f"newsreader: error: {exc}\n")
        return EXIT_FAILED


def _run_command(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.command == "repair":  # the one command that must not open the database
        return _cmd_repair(args, out, err)
    if not args.db and database_lost(app_paths(args.data_dir)):  # never an empty one instead
        err.write(f"newsreader: error: {LOST_MESSAGE}\n")
        return EXIT_FAILED
    try:
        with Reader.open(args.data_dir, args.db, user=args.user) as reader:
            visual = terminal_visual(
                reader.settings(), isatty=out.isatty(), explicit=getattr(args, "bidi", None)
            )
            term = Terminal(out, visual, terminal_width(out))
            code = COMMANDS[args.command](reader, args, out, term)
            out.flush()  # a closed pipe shows here, not as a message at exit
            back_up_daily(reader, args, err)
            return code
    except BrokenPipeError:
        _discard_stdout(out)
        return EXIT_BROKEN_PIPE
    except DatabaseDamagedError as exc:
        err.write(f"newsreader: error: {exc}\n")
        err.write(REPAIR_HINT + "\n")
        return EXIT_FAILED
    except NewsreaderError as exc:
        err.write(f"newsreader: error: {error_text(exc)}\n")
        return EXIT_FAILED
    except KeyboardInterrupt:
        err.write("newsreader: interrupted\n")
        return 130


__all__ = ["main"]
