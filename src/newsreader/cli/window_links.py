"""Links given to the window: ``newsreader https://example.org/feed.xml`` or ``feed://…``.

A desktop's "open with" and a browser's feed handler start ``newsreader LINK``.
With no command in front of it, a link is for the window (which subscribes to it,
or hands it to the window already running); :func:`split_links` takes such links
out of the command line before it is parsed, so the parser never mistakes a link
for a command.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

#: Options of the main parser that take a value (``--data-dir DIR``).
_OPTIONS_WITH_VALUE = frozenset({"--data-dir", "--db", "--screenshot", "--lang", "--size"})
_LINK = re.compile(r"^(?:feeds?:|[a-z][a-z0-9+.-]*://)", re.IGNORECASE)


def looks_like_link(word: str) -> bool:
    """``feed:…``, ``feeds:…`` or anything with a scheme and ``://``."""
    return bool(_LINK.match(word))


def split_links(argv: Sequence[str]) -> tuple[list[str], list[str]]:
    """``(argv without the links, the links)``: links stand where a command would.

    Only the words after the main options are looked at, and only while each is a
    link: ``newsreader feeds add https://…`` keeps its URL.
    """
    words = list(argv)
    rest: list[str] = []
    i = 0
    while i < len(words):
        word = words[i]
        if word in _OPTIONS_WITH_VALUE:
            rest.extend(words[i : i + 2])
            i += 2
        elif word.startswith("-"):
            rest.append(word)
            i += 1
        else:
            break
    links: list[str] = []
    while i < len(words) and looks_like_link(words[i]):
        links.append(words[i])
        i += 1
    return rest + words[i:], links
