"""Short forms of longer text: a lead cut at a word, a headline for an untitled post.

Plain string work with no imports from the rest of the core, so the API records in
:mod:`newsreader.core.types` can use it.
"""

from __future__ import annotations

import re

__all__ = ["HEADLINE_LIMIT", "headline", "shorten"]

#: Longest headline made from an untitled article's text, in characters.
HEADLINE_LIMIT = 110

#: Trailing characters dropped before an ellipsis (Latin and Arabic punctuation).
_TRAILING = " ,.;:،؛"
#: The end of a first sentence: a full stop, question or exclamation mark (Latin or
#: Arabic) followed by a space.
_SENTENCE_END_RE = re.compile(r"[.!?؟۔](?=\s)")


def shorten(text: str, limit: int) -> str:
    """*text* cut at a word boundary before *limit* characters, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(_TRAILING) + "…"


def headline(title: str | None, text: str | None, limit: int = HEADLINE_LIMIT) -> str:
    """*title*, or for an untitled article the start of its *text*; "" if both are empty.

    Posts from social sites and some blogs have no title at all; a list of such posts
    reads well when each row shows the post's first sentence, or as much of its first
    words as fits.
    """
    if title and title.strip():
        return title
    words = " ".join((text or "").split())
    if not words:
        return ""
    end = _SENTENCE_END_RE.search(words, 0, limit + 1)
    if end is not None and end.end() >= 20:
        return words[: end.end()]
    return shorten(words, limit)
