"""How Newsreader runs feedparser: a buffered XML reader and a faster code-point table.

feedparser is the slowest stage of a refresh (about three quarters of a parse
worker's time), and two of its costs come from how it is driven rather than from
what it does:

* **Text arrives in crumbs.**  expat reports character data a line (or an entity)
  at a time unless told to buffer it, and feedparser runs a Python method for every
  crumb.  feedparser asks ``xml.sax.make_parser`` for a reader, preferring the
  modules named in ``feedparser.api.PREFERRED_XML_PARSERS``; this module is such a
  reader module (it has ``create_parser``) and hands out the standard expat reader
  with ``buffer_text`` on.  Everything else about it (namespaces, no external
  entities, errors) is the standard reader's.
* **Every text value is translated through a dict.**  feedparser maps the C1
  control characters that windows-1252 publishers leave in their text (U+0080 to
  U+009F) to the characters they meant, with ``str.translate`` over a 27-entry
  dict.  For any text that is not pure ASCII (all Arabic, and English with a single
  curly quote) ``str.translate`` then looks up every character and fails,
  which costs more than parsing the XML.  The same mapping as a list indexed by
  code point gives the same result in less than half the time.  Characters beyond
  the table (above U+FFFF) are not in it and are left as they are, as before.

:func:`configure` applies both, once per process; :func:`is_configured` tells
whether they are in force.  With a feedparser that no longer has the expected
table, the table is left alone and parsing is merely slower.
"""

from __future__ import annotations

import logging
import threading
from typing import Any
from xml.sax.expatreader import ExpatParser

import feedparser.api
import feedparser.mixin

log = logging.getLogger(__name__)

__all__ = [
    "configure",
    "create_parser",
    "is_configured",
    "original_table",
    "translation_table",
]

#: Code points covered by the list table: the Basic Multilingual Plane.
TABLE_SIZE = 0x10000

_lock = threading.Lock()
_original_table: dict[int, Any] | None = None


class BufferedExpatReader(ExpatParser):
    """The standard SAX expat reader, delivering each run of text in one piece."""

    def reset(self) -> None:
        super().reset()
        parser: Any = self._parser  # type: ignore[attr-defined]  # made by reset()
        parser.buffer_text = True


def create_parser(*args: Any, **kwargs: Any) -> BufferedExpatReader:
    """The SAX driver entry point that ``xml.sax.make_parser`` calls."""
    return BufferedExpatReader(*args, **kwargs)


def translation_table(mapping: dict[int, Any]) -> list[int]:
    """*mapping* (code point → character or code point) as a list over the BMP."""
    table = list(range(TABLE_SIZE))
    for code, target in mapping.items():
        if not isinstance(code, int) or not 0 <= code < TABLE_SIZE:
            raise ValueError(f"unexpected key in the code-point table: {code!r}")
        if isinstance(target, str) and len(target) == 1:
            table[code] = ord(target)
        elif isinstance(target, int):
            table[code] = target
        else:
            raise ValueError(f"unexpected value in the code-point table: {target!r}")
    return table


def _reader_module() -> str:
    return __name__


def configure() -> None:
    """Make feedparser use the buffered reader and the list table (idempotent)."""
    global _original_table
    with _lock:
        preferred = feedparser.api.PREFERRED_XML_PARSERS
        if _reader_module() not in preferred:
            preferred.insert(0, _reader_module())
        current = getattr(feedparser.mixin, "_cp1252", None)
        if isinstance(current, dict):
            try:
                table = translation_table(current)
            except ValueError as exc:
                log.info("feedparser's code-point table is left as it is: %s", exc)
                return
            _original_table = current
            feedparser.mixin._cp1252 = table


def is_configured() -> bool:
    """Whether both changes are in force in this process."""
    return _reader_module() in feedparser.api.PREFERRED_XML_PARSERS and isinstance(
        getattr(feedparser.mixin, "_cp1252", None), list
    )


def original_table() -> dict[int, Any] | None:
    """feedparser's own table as it was before :func:`configure` (for tests)."""
    return _original_table
