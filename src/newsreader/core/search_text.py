"""Words for search: tokens, their spelling-folded forms and light stems.

Search compares words, not letters.  A word of the text is folded with
:func:`~newsreader.core.text.normalize_arabic` (tashkeel, tatweel, hamza seats,
alef maqsura, taa marbuta, digits, Persian letter shapes, Latin case and accents),
then reduced to a *light stem*: the attached article and conjunctions
(ال، وال، بال، كال، فال، لل) and common suffixes (ات، ون، ين، ان، ها، هم، ية …) come
off, so "ذهب" finds "الذهب" and "سوري" finds "السورية".  English words lose
plural and possessive endings.  This is a table of our own in the manner of Larkey's
Light10 (see docs/search.md for why no root stemmer): it only ever removes
affixes, never rewrites a word, and each word's answer is cached.

A stored document keeps two forms of every field: the folded words in order (quoted
words and phrases match those exactly) and the stems that differ from them.  The
same functions fold the original text again to find where a match is, so snippets
are cut from the text as written, never from the folded form.

Pure: no Qt, no I/O.
"""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple

from newsreader.core.text import normalize_arabic

__all__ = [
    "DOCUMENT_VERSION",
    "ENTRY_FIELDS",
    "HIGHLIGHT_END",
    "HIGHLIGHT_START",
    "EntryDocument",
    "FieldText",
    "Highlighter",
    "document_field",
    "entry_document",
    "figure_in",
    "fold_word",
    "highlight_snippet",
    "html_words",
    "plain_snippet",
    "stem",
    "stems_of",
    "words",
]

#: What a snippet puts around a matched word.
HIGHLIGHT_START = "**"
HIGHLIGHT_END = "**"

#: A word as written: letters and digits with the marks inside it (harakat, tatweel).
_WRITTEN_WORD_RE = re.compile(r"[\w\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]+")
#: A tag of (sanitized) HTML, for taking the text out of it.
_TAG_RE = re.compile(r"<[^>]*>")
#: A word after folding: letters and digits only (no underscore).
_FOLDED_WORD_RE = re.compile(r"[^\W_]+")

#: Answers per written word are cached; the cache starts again when it grows past this.
_CACHE_LIMIT = 300_000
_fold_cache: dict[str, tuple[str, ...]] = {}
_stem_cache: dict[str, str] = {}


# --- words ---------------------------------------------------------------------------------


def fold_word(written: str) -> tuple[str, ...]:
    """The folded words one written word stands for (usually one; "U.S" gives two)."""
    found = _fold_cache.get(written)
    if found is None:
        found = tuple(_FOLDED_WORD_RE.findall(normalize_arabic(written)))
        if len(_fold_cache) >= _CACHE_LIMIT:
            _fold_cache.clear()
        _fold_cache[written] = found
    return found


def words(text: str) -> list[str]:
    """The folded words of *text*, in order."""
    out: list[str] = []
    for written in _WRITTEN_WORD_RE.findall(text):
        out.extend(fold_word(written))
    return out


# --- stems ---------------------------------------------------------------------------------

#: Article and conjunction + article, longest first (folded spelling).
_ARTICLES = ("وال", "بال", "كال", "فال", "لل", "ال")
#: Conjunctions and prepositions written onto a word; ambiguous with a word's own first
#: letter ("كتاب", "فلسطين"), so a document indexes both readings (:func:`stems_of`).
_PROCLITICS = frozenset("وفبكل")
#: Suffixes, tried once each in this order (so "سياراتها" loses "ها", then "ات").
_SUFFIXES = ("ها", "هم", "هما", "ان", "ات", "ون", "ين", "يه", "ه", "ي")
#: A stem keeps at least this many letters.
_MIN_STEM = 3

_ARABIC_FIRST, _ARABIC_LAST = "\u0600", "\u06ff"


def _is_arabic(word: str) -> bool:
    return _ARABIC_FIRST <= word[0] <= _ARABIC_LAST


def _arabic_stem(word: str) -> str:
    for article in _ARTICLES:
        if word.startswith(article) and len(word) - len(article) >= _MIN_STEM:
            word = word[len(article) :]
            break
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM:
            word = word[: -len(suffix)]
    return word


#: Latin words that end in "s" without being plurals.
_NOT_PLURAL = frozenset(
    {
        "news",
        "series",
        "species",
        "this",
        "always",
        "perhaps",
        "politics",
        "economics",
        "physics",
        "sometimes",
        "whereas",
        "various",
        "thus",
        "lens",
        "gas",
        "yes",
        "does",
    }
)


def _english_stem(word: str) -> str:
    """Plural endings off a (folded, lower-case) Latin word: "companies" → "company"."""
    if len(word) <= 3 or not word.isalpha() or word in _NOT_PLURAL:
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes", "zes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def stem(word: str) -> str:
    """The light stem of one folded word: what an unquoted query word is looked up by."""
    found = _stem_cache.get(word)
    if found is None:
        found = _arabic_stem(word) if _is_arabic(word) else _english_stem(word)
        if len(_stem_cache) >= _CACHE_LIMIT:
            _stem_cache.clear()
        _stem_cache[word] = found
    return found


#: A conjunction, preposition or article written onto a number, as Arabic does
#: ("بـ300" for "with 300", "لـ12", "الـ2026"), after folding (the tatweel is gone).
_PARTICLE_ON_FIGURE_RE = re.compile(r"(?:[وفبلك]{1,2}(?:ال)?|ال)(?=\d)")


def figure_in(word: str) -> str | None:
    """The number a folded word is, once a particle written onto it comes off
    ("ل12" → "12"); None for a word that is not a number after a particle."""
    particle = _PARTICLE_ON_FIGURE_RE.match(word)
    return word[particle.end() :] if particle is not None else None


def stems_of(word: str) -> tuple[str, ...]:
    """Every stem a document word is found by: its own, and without a leading "و", "ب" …

    "وزراء" is "و" + "زراء" or the word "وزراء"; the document answers to both, while
    a query word is taken as written (:func:`stem`), so "كتاب" never finds "تاب".  A
    number with a particle on it ("لـ12") is found by the number too, however short.
    """
    primary = stem(word)
    figure = figure_in(word)
    if figure is not None and figure != primary:
        return primary, figure
    if (
        _is_arabic(word)
        and word[0] in _PROCLITICS
        and len(word) - 1 >= _MIN_STEM
        and not word.startswith(_ARTICLES)
    ):
        other = stem(word[1:])
        if other != primary:
            return primary, other
    return (primary,)


# --- documents -----------------------------------------------------------------------------


#: The version of what :func:`entry_document` and :func:`document_field` make from a
#: text.  Change it with any change to folding, stemming or the fields: the index
#: deletes a document by making it again, so it is rebuilt when this differs from
#: the version its documents were made with.
DOCUMENT_VERSION = "2"


class FieldText(NamedTuple):
    """One field of a document as the index stores it."""

    #: The folded words in order, separated by spaces: phrases match here.
    surface: str
    #: The stems that differ from their word, separated by spaces.
    stems: str


_EMPTY = FieldText("", "")
#: Per piece of text between spaces ("والذهب،" or "(2026)"): its folded words as the
#: index stores them, and the stems of its words that differ from them.
_surface_of: dict[str, str] = {}
_extra_stems_of: dict[str, tuple[str, ...]] = {}


def _learn(piece: str) -> None:
    folded = [w for written in _WRITTEN_WORD_RE.findall(piece) for w in fold_word(written)]
    _surface_of[piece] = " ".join(folded)
    _extra_stems_of[piece] = tuple(s for w in folded for s in stems_of(w) if s != w)


def document_field(texts: Iterable[str]) -> FieldText:
    """The index's two forms of a field made of *texts* (a comment each, a note each …).

    News repeats its words: the text is split at its spaces (cheaper than finding
    its words), and each distinct piece is folded and stemmed once, then cached, so
    a field costs little more than that split.  Each distinct stem is listed once:
    phrases need the words in order, a word looked up by its stem only needs to be
    there.  The common case, every piece known already, reads the cache in one pass
    and never builds the set of distinct pieces.
    """
    pieces = "\n".join(t for t in texts if t).split()
    if not pieces:
        return _EMPTY
    try:
        surface = " ".join(filter(None, map(_surface_of.__getitem__, pieces)))
    except KeyError:
        distinct = dict.fromkeys(pieces)
        if len(_surface_of) + len(distinct) > _CACHE_LIMIT:
            _surface_of.clear()
            _extra_stems_of.clear()
        for piece in list(itertools.filterfalse(_surface_of.__contains__, distinct)):
            _learn(piece)
        surface = " ".join(filter(None, map(_surface_of.__getitem__, pieces)))
    stems = dict.fromkeys(itertools.chain.from_iterable(map(_extra_stems_of.__getitem__, pieces)))
    return FieldText(surface, " ".join(stems))


def html_words(markup: str | None) -> str:
    """The text of (sanitized) HTML, for finding words in: tags dropped, entities read."""
    if not markup:
        return ""
    return html.unescape(_TAG_RE.sub(" ", markup)) if "<" in markup or "&" in markup else markup


#: The fields of an article's own text, in the order :func:`entry_document` gives them
#: (the index adds the comments and the user's notes, which a feed does not carry).
ENTRY_FIELDS = ("title", "lead", "body", "categories")


#: An article's own text as the index stores it: ``(surface, stems)`` for each of
#: :data:`ENTRY_FIELDS`.
EntryDocument = tuple[tuple[str, str], ...]


def entry_document(
    title: str, lead: str | None, content_html: str | None, categories: Iterable[str]
) -> EntryDocument:
    """An article's own text as the search index stores it, ``(surface, stems)`` a field.

    Made where the article is parsed (in a parse worker, beside the other cores' work)
    so that storing it only has to insert what was made here; plain tuples, which
    cross the process boundary (pickled) at about half the cost of named ones.  The
    categories are taken once each, in code point order, which is how the database
    gives them back when the document is made again from the stored article.
    """
    fields = (
        document_field((title,)),
        document_field((html_words(lead),)),
        document_field((html_words(content_html),)),
        document_field(sorted(set(categories))),
    )
    return tuple((f.surface, f.stems) for f in fields)


# --- snippets ------------------------------------------------------------------------------

#: Characters of context a snippet shows before its first match and in all.
_SNIPPET_BEFORE = 60
_SNIPPET_LENGTH = 220


class _Matcher:
    """Whether a written word matches a search's words; each written form decided once."""

    def __init__(self, exact: frozenset[str], stems: frozenset[str]) -> None:
        self.exact = exact
        self.stems = stems
        self.known: dict[str, bool] = {}

    def __call__(self, written: str) -> bool:
        found = self.known.get(written)
        if found is None:
            found = any(
                w in self.exact or not self.stems.isdisjoint(stems_of(w))
                for w in fold_word(written)
            )
            self.known[written] = found
        return found


def _matches(
    text: str, matcher: _Matcher, start: int = 0, end: int | None = None
) -> Iterator[tuple[int, int]]:
    """Where in *text* (as written, from *start* to *end*) a word matches, in order."""
    for match in _WRITTEN_WORD_RE.finditer(text, start, len(text) if end is None else end):
        if matcher(match.group()):
            yield match.start(), match.end()


def _cut(text: str, start: int, length: int) -> tuple[int, int]:
    """A window of about *length* characters from *start*, widened to whole words."""
    start = max(0, start)
    end = min(len(text), start + length)
    if start > 0:
        space = text.rfind(" ", 0, start)
        start = space + 1 if space >= 0 and start - space < 20 else start
    if end < len(text):
        space = text.find(" ", end)
        end = space if space >= 0 and space - end < 20 else end
    return start, end


_SPACES_RE = re.compile(r"\s+")


def _collapse(text: str) -> str:
    return _SPACES_RE.sub(" ", text).strip()


class Highlighter:
    """Cuts snippets for one search; each written word is judged once for all articles."""

    def __init__(self, exact: Iterable[str], stems: Iterable[str]) -> None:
        self._matcher = _Matcher(frozenset(exact), frozenset(stems))
        # A matching word holds one of these (a stem is part of its word, but for the
        # "y" of "company" from "companies"): a text without any is not read word by word.
        self._needles = tuple(
            {*self._matcher.exact, *(s[:-1] if s.endswith("y") else s for s in self._matcher.stems)}
        )

    def snippet(self, texts: Sequence[str]) -> str | None:
        """A short passage of the first of *texts* that matches, matched words marked.

        The passage is cut from the text as written (its own letters, marks and
        direction); None when no text matches.  Past the first match only the
        passage's own words are looked at.
        """
        if not self._matcher.exact and not self._matcher.stems:
            return None
        for raw in texts:
            if not raw:
                continue
            folded = normalize_arabic(raw)
            if not any(needle in folded for needle in self._needles):
                continue
            text = raw
            first = next(_matches(text, self._matcher), None)
            if first is None:
                continue
            start, end = _cut(text, first[0] - _SNIPPET_BEFORE, _SNIPPET_LENGTH)
            out: list[str] = ["…"] if start > 0 else []
            position = start
            rest = _matches(text, self._matcher, first[1], end)  # only the passage's words
            for m_start, m_end in itertools.chain((first,), rest):
                out += (text[position:m_start], HIGHLIGHT_START, text[m_start:m_end], HIGHLIGHT_END)
                position = m_end
            out.append(text[position:end])
            if end < len(text):
                out.append("…")
            return _collapse("".join(out))
        return None


def highlight_snippet(
    texts: Sequence[str], exact: Iterable[str], stems: Iterable[str]
) -> str | None:
    """:meth:`Highlighter.snippet` for one article: *exact* folded words, *stems* of words."""
    return Highlighter(exact, stems).snippet(texts)


def plain_snippet(text: str | None) -> str:
    """The start of *text* as a snippet without marks (nothing in it matched)."""
    if not text:
        return ""
    collapsed = _collapse(text)
    start, end = _cut(collapsed, 0, _SNIPPET_LENGTH)
    return collapsed[start:end] + ("…" if end < len(collapsed) else "")
