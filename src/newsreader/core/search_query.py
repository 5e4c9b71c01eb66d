"""What a search box's text asks for, parsed the way people write searches.

- ``word word``: every word must match (by its light stem, so "ذهب" finds "الذهب");
- ``"exact phrase"`` (or one quoted word): the folded words, in order, as written;
- ``a OR b``: either (``OR`` binds its neighbours, before the implied AND);
- ``-word``, ``-"a phrase"``: articles with it are left out;
- ``feed:NAME``, ``topic:NAME`` (``feed:"Al Jazeera"``): within a feed or a topic;
- ``before:YYYY-MM-DD``, ``after:YYYY-MM-DD``: published before that day, or on or
  after it (UTC).

Nothing the user types raises: a malformed piece (an unclosed quote, a bad date, a
lone ``OR``) is read as plain words, and a piece is only ever turned into folded words
(letters and digits), so no character reaches the database's query syntax.

Pure: no Qt, no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from newsreader.core.search_text import stem, words

__all__ = ["ParsedQuery", "SearchTerm", "parse_query"]


@dataclass(frozen=True, slots=True)
class SearchTerm:
    """A word or a phrase: folded words, matched exactly or by stem."""

    words: tuple[str, ...]
    exact: bool = False

    @property
    def stems(self) -> tuple[str, ...]:
        """The stems an unquoted term is looked up by (empty for exact ones)."""
        return () if self.exact else tuple(stem(w) for w in self.words)


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    """A search: all ``groups`` must match (each by any of its terms), none of ``excluded``."""

    groups: tuple[tuple[SearchTerm, ...], ...] = ()
    excluded: tuple[SearchTerm, ...] = ()
    feeds: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    before: date | None = None
    after: date | None = None

    @property
    def is_empty(self) -> bool:
        """Nothing asked at all: no words, no filters (a blank box)."""
        return not (
            self.groups or self.excluded or self.feeds or self.topics or self.before or self.after
        )

    def highlight_words(self) -> tuple[frozenset[str], frozenset[str]]:
        """``(exact words, stems)`` a snippet marks."""
        exact: set[str] = set()
        stems: set[str] = set()
        for group in self.groups:
            for term in group:
                if term.exact:
                    exact.update(term.words)
                else:
                    stems.update(term.stems)
        return frozenset(exact), frozenset(stems)


#: One piece: an optional "-", an optional known "key:", then a quoted or bare value.
_PIECE_RE = re.compile(
    r'(?P<neg>-)?(?:(?P<key>feed|topic|before|after):)?(?:"(?P<quoted>[^"]*)"|(?P<bare>[^\s"]+))'
    r'|(?P<stray>")',
    re.IGNORECASE,
)
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _date(value: str) -> date | None:
    if not _DATE_RE.fullmatch(value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


@dataclass(slots=True)
class _Builder:
    groups: list[list[SearchTerm]]
    excluded: list[SearchTerm]
    feeds: list[str]
    topics: list[str]
    before: date | None = None
    after: date | None = None
    join_next: bool = False  # the last piece was OR

    def add_term(self, term: SearchTerm | None, *, negative: bool) -> None:
        if term is None:
            return
        if negative:
            self.excluded.append(term)
        elif self.join_next and self.groups:
            self.groups[-1].append(term)
        else:
            self.groups.append([term])
        self.join_next = False


def _term(text: str, *, exact: bool) -> SearchTerm | None:
    found = tuple(words(text))
    if not found:
        return None
    # A written word that folds to several ("U.S.", "al-Jazeera") is a phrase.
    return SearchTerm(found, exact=exact or len(found) > 1)


def parse_query(text: str) -> ParsedQuery:
    """Parse a search box's text; never raises (see the module's description)."""
    b = _Builder([], [], [], [])
    for match in _PIECE_RE.finditer(text or ""):
        if match.group("stray"):  # an unclosed quote: the rest is read as plain words
            continue
        negative = bool(match.group("neg"))
        key = (match.group("key") or "").lower()
        quoted = match.group("quoted")
        value = quoted if quoted is not None else match.group("bare")
        if key in ("feed", "topic") and value.strip() and not negative:
            (b.feeds if key == "feed" else b.topics).append(value.strip())
            b.join_next = False
            continue
        if key in ("before", "after") and not negative and (day := _date(value)) is not None:
            if key == "before":
                b.before = day if b.before is None else min(b.before, day)
            else:
                b.after = day if b.after is None else max(b.after, day)
            b.join_next = False
            continue
        if key:  # a key that did not take its value: all of it is words
            value = f"{key} {value}"
        if quoted is None and not negative and value == "OR":
            b.join_next = bool(b.groups)
            continue
        b.add_term(_term(value, exact=quoted is not None), negative=negative)
    return ParsedQuery(
        groups=tuple(tuple(g) for g in b.groups),
        excluded=tuple(b.excluded),
        feeds=tuple(b.feeds),
        topics=tuple(b.topics),
        before=b.before,
        after=b.after,
    )
