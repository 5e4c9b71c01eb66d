"""Whole articles on the command line: ``feeds set ID --full-articles``, ``read --full``.

``newsreader feeds set ID --full-articles on|off|auto`` says whether a refresh
fetches that feed's articles from their pages; ``newsreader read ID --full`` fetches
one article's page now, and ``read`` shows the whole text when there is one.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any, TextIO

from newsreader.cli.common import EXIT_OK, EXIT_USAGE, Terminal
from newsreader.core.full_articles import FullArticleMode

if TYPE_CHECKING:
    from newsreader.reader import Reader

_MODE_WORDS = {
    FullArticleMode.OFF: "off: the feed's own text only",
    FullArticleMode.ON: "on: every article fetched whole from its page",
    FullArticleMode.AUTO: "auto: fetched whole when the feed gives only short summaries",
}


def add_feed_set(feed_commands: argparse._SubParsersAction[Any]) -> None:
    """Add ``feeds set ID [--full-articles MODE]`` to the ``feeds`` actions."""
    settings = feed_commands.add_parser("set", help="change a subscription's settings")
    settings.add_argument("id", type=int)
    settings.add_argument(
        "--full-articles",
        choices=[m.value for m in FullArticleMode],
        help="fetch whole articles from their pages: on, off, or auto (when the feed "
        "gives only short summaries)",
    )


def add_read_full(read: argparse.ArgumentParser) -> None:
    """Add ``--full`` to the ``read`` command."""
    read.add_argument(
        "--full", action="store_true", help="fetch the whole article from its page now"
    )


def cmd_feeds_set(reader: Reader, args: argparse.Namespace, out: TextIO, term: Terminal) -> int:
    """``feeds set``: change a setting, or say the settings when none is given."""
    feed = reader.get_feed(args.id)
    if args.full_articles is None:
        mode = reader.full_articles_mode(feed.id)
        term.say("[{}] {}: whole articles {}", feed.id, feed.display_title, _MODE_WORDS[mode])
        return EXIT_OK
    try:
        mode = FullArticleMode(args.full_articles)
    except ValueError:  # argparse checked the choice; kept for callers that did not
        return EXIT_USAGE
    reader.set_full_articles(feed.id, mode)
    term.say("[{}] {}: whole articles {}", feed.id, feed.display_title, _MODE_WORDS[mode])
    return EXIT_OK
