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

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from newsreader.core.text import normalize_arabic

__all__ = [
    "HIGHLIGHT_END",
    "HIGHLIGHT_START",
    "FieldText",
    "document_field",
    "fold_word",
    "highlight_snippet",
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


def _written_words(text: str) -> Iterator[tuple[int, int, tuple[str, ...]]]:
    """Each written word of *text*: its start, end and folded words."""
    for match in _WRITTEN_WORD_RE.finditer(text):
        folded = fold_word(match.group())
        if folded:
            yield match.start(), match.end(), folded


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


def stems_of(word: str) -> tuple[str, ...]:
    """Every stem a document word is found by: its own, and without a leading "و", "ب" …

    "وزراء" is "و" + "زراء" or the word "وزراء"; the document answers to both, while
    a query word is taken as written (:func:`stem`), so "كتاب" never finds "تاب".
    """
    primary = stem(word)
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


@dataclass(frozen=True, slots=True)
class FieldText:
    """One field of a document as the index stores it."""

    #: The folded words in order, separated by spaces: phrases match here.
    surface: str
    #: The stems that differ from their word, separated by spaces.
    stems: str


def document_field(texts: Iterable[str]) -> FieldText:
    """The index's two forms of a field made of *texts* (a comment each, a note each …)."""
    surface: list[str] = []
    stems: list[str] = []
    for text in texts:
        if not text:
            continue
        for word in words(text):
            surface.append(word)
            for s in stems_of(word):
                if s != word:
                    stems.append(s)
    return FieldText(" ".join(surface), " ".join(stems))


# --- snippets ------------------------------------------------------------------------------

#: Characters of context a snippet shows before its first match and in all.
_SNIPPET_BEFORE = 60
_SNIPPET_LENGTH = 220


def _matches(text: str, exact: frozenset[str], stems: frozenset[str]) -> list[tuple[int, int]]:
    """Where in *text* (as written) a word matches: exactly, or by its stems."""
    found: list[tuple[int, int]] = []
    for start, end, folded in _written_words(text):
        for word in folded:
            if word in exact or (stems and not stems.isdisjoint(stems_of(word))):
                found.append((start, end))
                break
    return found


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


def _collapse(text: str) -> str:
    return " ".join(text.split())


def highlight_snippet(
    texts: Sequence[str], exact: Iterable[str], stems: Iterable[str]
) -> str | None:
    """A short passage of the first of *texts* that matches, matched words marked.

    *exact* are folded words matched as they are, *stems* stems of query words.  The
    passage is cut from the text as written (its own letters, marks and direction);
    None when no text matches.
    """
    exact_set, stem_set = frozenset(exact), frozenset(stems)
    if not exact_set and not stem_set:
        return None
    for raw in texts:
        if not raw:
            continue
        text = _collapse(raw)
        found = _matches(text, exact_set, stem_set)
        if not found:
            continue
        start, end = _cut(text, found[0][0] - _SNIPPET_BEFORE, _SNIPPET_LENGTH)
        out: list[str] = ["…"] if start > 0 else []
        position = start
        for m_start, m_end in found:
            if m_start < position:
                continue
            if m_end > end:
                break
            out += (text[position:m_start], HIGHLIGHT_START, text[m_start:m_end], HIGHLIGHT_END)
            position = m_end
        out.append(text[position:end])
        if end < len(text):
            out.append("…")
        return "".join(out)
    return None


def plain_snippet(text: str | None) -> str:
    """The start of *text* as a snippet without marks (nothing in it matched)."""
    if not text:
        return ""
    collapsed = _collapse(text)
    start, end = _cut(collapsed, 0, _SNIPPET_LENGTH)
    return collapsed[start:end] + ("…" if end < len(collapsed) else "")
