"""``newsreader search QUERY [--limit N] [--json]``: articles a search finds, best first.

``--json`` prints the same article objects as ``articles --json`` with ``snippet`` (the
matched words between ``**``) and ``rank`` added.  In a terminal each hit is its list
line followed by its snippet, each in its own direction.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any, TextIO

from newsreader.cli.common import EXIT_OK, Terminal, add_bidi_options, counted, print_json
from newsreader.cli.json_shapes import search_hit_json

if TYPE_CHECKING:
    from newsreader.reader import Reader

#: Hits shown when ``--limit`` is not given.
DEFAULT_LIMIT = 20
SNIPPET_INDENT = "    "


def add_command(commands: argparse._SubParsersAction[Any]) -> None:
    """Add ``search`` to the main parser's sub-commands."""
    search = commands.add_parser(
        "search",
        help="search headlines, text, categories, comments and notes",
        description='Words must all match; "exact phrase", OR, -word, feed:NAME, '
        "topic:NAME, before:YYYY-MM-DD and after:YYYY-MM-DD narrow the search.",
    )
    search.add_argument("query", nargs="+", help="what to search for")
    search.add_argument("--limit", type=int, default=DEFAULT_LIMIT, metavar="N")
    search.add_argument("--json", action="store_true")
    add_bidi_options(search)


def cmd_search(reader: Reader, args: argparse.Namespace, out: TextIO, term: Terminal) -> int:
    query = " ".join(args.query)
    remaining = reader.search_index_remaining()
    if remaining:  # after an upgrade: the whole index first, so nothing older is missed
        print(f"building the search index ({remaining} articles)…", file=sys.stderr, flush=True)
        while reader.continue_search_index():
            pass
    results = reader.search(query, limit=max(0, args.limit))
    if args.json:
        categories = reader.categories_of([h.article.id for h in results.hits])
        print_json(
            [search_hit_json(h, categories.get(h.article.id, [])) for h in results.hits], out
        )
        return EXIT_OK
    shown = len(results.hits)
    if results.total > shown:
        term.say("{} (the best {} shown)", counted(results.total, "match", "matches"), shown)
    else:
        term.say("{}", counted(results.total, "match", "matches"))
    from newsreader.core.text import to_terminal

    for hit in results.hits:
        a = hit.article
        marks = ("*" if a.starred else " ") + (" " if a.read else "N")
        when = a.published.strftime("%Y-%m-%d %H:%M") if a.published else "----------------"
        term.say("{:>6} {} {}  {}  — {}", a.id, marks, when, a.headline, a.feed_title)
        if hit.snippet:
            out.write(SNIPPET_INDENT + to_terminal(hit.snippet, visual=term.visual) + "\n")
    return EXIT_OK
