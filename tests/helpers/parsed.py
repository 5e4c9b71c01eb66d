"""Parsed feeds built in tests, for the steps after parsing: deciding and storing.

Each test names only the fields it relies on; the rest are plain defaults.
"""

from __future__ import annotations

from typing import Any

from newsreader.core.parsed import ParsedEntry, ParsedFeed
from newsreader.core.types import Direction


def entry(key: str, content_hash: str | None = None, **changes: Any) -> ParsedEntry:
    """An entry called *key*; its content hash is ``hash-<key>`` unless given."""
    values: dict[str, Any] = {
        "key": key,
        "title": f"title {key}",
        "link": None,
        "author": None,
        "summary": None,
        "content_html": f"<p>{key}</p>",
        "published": None,
        "updated": None,
        "language": None,
        "direction": Direction.LTR,
        "content_hash": content_hash or f"hash-{key}",
    }
    values.update(changes)
    return ParsedEntry(**values)


def parsed_feed(*entries: ParsedEntry, **changes: Any) -> ParsedFeed:
    """A feed document holding *entries*, without title, link, language or icon."""
    values: dict[str, Any] = {
        "title": None,
        "link": None,
        "language": None,
        "icon_url": None,
        "entries": tuple(entries),
    }
    values.update(changes)
    return ParsedFeed(**values)
