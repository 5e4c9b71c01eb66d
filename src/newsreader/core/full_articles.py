"""Whole articles: a feed's setting, the stored page text, and when a feed needs it.

Many feeds carry a headline and one sentence; the article itself is only on the
site.  A feed's ``full_articles`` setting says whether the refresh fetches each
article's page and keeps its body (:class:`FullArticleMode`); ``auto`` does so when
the feed's items are short summaries with a link (:func:`is_short_summary`).  The
page's text is kept beside the feed's own (:class:`FullText`); the feed's summary
and content are never replaced.  Pure: no I/O.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

__all__ = [
    "SHORT_SUMMARY_WORDS",
    "ExtractedPage",
    "FullArticleMode",
    "FullText",
    "is_short_summary",
    "mostly_short",
    "word_count",
]

#: A feed item with fewer words than this (and a link) is a summary, not the article.
SHORT_SUMMARY_WORDS = 60

_WORD = re.compile(r"\w+")


class FullArticleMode(enum.StrEnum):
    """Whether a feed's articles are fetched whole from their pages."""

    OFF = "off"
    ON = "on"
    AUTO = "auto"  # when the feed's items are short summaries with a link


@dataclass(frozen=True, slots=True)
class FullText:
    """An article's whole text as fetched from its page, or why it could not be.

    ``html`` is sanitized (like a feed's content) and ``None`` when the fetch
    failed; ``error`` then says why.  ``fetched`` is when it was tried.
    """

    article_id: int
    html: str | None
    fetched: datetime
    error: str | None = None


@dataclass(frozen=True, slots=True)
class ExtractedPage:
    """What the extractor kept of an article page: sanitized HTML and its size in words.

    Picklable: it comes back from a parse worker.
    """

    html: str
    title: str | None
    words: int


def word_count(text: str) -> int:
    """Words in *text* (any script)."""
    return len(_WORD.findall(text))


def is_short_summary(text: str, link: str | None) -> bool:
    """Whether an item of *text* (plain) with *link* is only a lead to the page."""
    return bool(link) and word_count(text) < SHORT_SUMMARY_WORDS


def mostly_short(items: Iterable[tuple[str, str | None]]) -> bool:
    """Whether most of a feed's items ``(plain text, link)`` are short summaries."""
    short = total = 0
    for text, link in items:
        total += 1
        short += is_short_summary(text, link)
    return total > 0 and short * 2 > total
