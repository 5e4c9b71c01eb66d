"""What a parse worker runs, importable without the parser.

The refresh pipeline hands :func:`parse_or_error` to its worker processes.  This
module is light on purpose: the process that hands out the work (the app, the
command line, a fetcher) never parses a big refresh itself, so it need not import
feedparser and the sanitizer for it; the workers import :data:`PARSING_MODULE`
(their fork server preloads it) and the database layer never.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from newsreader.core.errors import NewsreaderError

if TYPE_CHECKING:
    from newsreader.fetch.parsed import ParsedFeed

__all__ = ["PARSING_MODULE", "parse_or_error"]

log = logging.getLogger(__name__)

#: The module that does the parsing, with everything it imports.
PARSING_MODULE = "newsreader.fetch.parse"


def parse_or_error(data: bytes, url: str, content_type: str | None) -> ParsedFeed | str:
    """A parsed feed, or the error message for the feed: what a parse worker returns.

    An unexpected exception is a bug or a hostile input nobody foresaw: it becomes
    that feed's error, never the end of the refresh.
    """
    from newsreader.fetch.parse import parse_feed

    try:
        return parse_feed(data, url=url, content_type=content_type)
    except NewsreaderError as exc:
        return str(exc)
    except Exception as exc:
        log.exception("parsing %s failed", url)
        return f"could not parse the feed ({type(exc).__name__}: {exc})"
