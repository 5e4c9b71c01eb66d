"""Same-event detection: which articles tell one event, and which are copies of one article.

Pure functions and plain records, no I/O (the refresh's grouping step,
:mod:`newsreader.update.stories`, reads and writes around them).

An article is described by the *terms* of its headline and lead: the words folded
with :func:`~newsreader.core.text.normalize_arabic` (hamza seats, taa marbuta,
vowel marks, digits, case and accents), common function words dropped, and a light
stemmer taking off the attached prefixes and suffixes that make one word look like
several ("والحكومة", "الحكومات", "حكومة").  Two articles are compared by the cosine
of their term vectors weighted by rarity (TF-IDF, the document frequencies taken
over the articles of the time window) with headline terms counting double.
Candidates come from an inverted index of the window's terms, so an article is only
ever compared with the few that share a rare word with it; see ``docs/stories.md``
for why this was chosen over MinHash.
"""

from __future__ import annotations

import functools
import heapq
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import NamedTuple
from urllib.parse import parse_qsl, urlencode, urlsplit

from newsreader.core.search_text import figure_in
from newsreader.core.story_concepts import PLACE_MARK, concept_groups
from newsreader.core.text import normalize_arabic

#: What a place's concept term weighs against a word of the same rarity: one country
#: named by two articles in other words ("Montreal", "Quebec") is weaker evidence
#: than one word they share.  (A word naming a kind of event is folded into its
#: group's term instead.)  See :mod:`newsreader.core.story_concepts`.
PLACE_WEIGHT = 0.5
#: What the similarity keeps when both articles name places and share none: one
#: earthquake in Morocco and another in Syria are two events.
PLACE_CONFLICT = 0.35
#: Articles further apart than this in time never tell the same event.
WINDOW = timedelta(hours=48)
#: Weighted cosine from which two articles tell the same event.
STORY_THRESHOLD = 0.13
#: An article joins a story only if its mean similarity to the story's newest members
#: reaches this too: one close member is not enough (no chains of events).
STORY_MEAN = 0.08
#: ... and be at least this similar to more than half of them (it shares their words).
STORY_MAJORITY_FLOOR = 0.03
#: How many of a story's newest members (within the window) are weighed so.
STORY_MEMBERS = 8
#: Cosine with a story's centroid (its newest members together) from which an article
#: no single member is close enough to joins it all the same ...
STORY_CENTROID = 0.11
#: ... if it is at least this similar to one of those members.
STORY_CENTROID_FLOOR = 0.03
#: A name both articles give (a word written with a capital inside a sentence, or an
#: Arabic name in «»: a firm, a team, a horse) lifts their similarity to the threshold
#: when it is at least this: the name says which event two tellings in other words
#: are about.
NAME_FLOOR = 0.08
#: ... and when the name is rare in the window: in at most this share of its articles
#: (a name in many is news of many events: a leader, a city's team) ...
NAME_RARE_SHARE = 0.01
#: ... or in at most this many, in a small window.
NAME_RARE_FLOOR = 10
#: Weighted cosine from which two articles of different feeds are one article.
COPY_THRESHOLD = 0.9
#: ... and the share of headline terms they must have in common besides.
COPY_HEADLINE_OVERLAP = 0.8
#: What a similarity is multiplied by when the two give different figures only.
FIGURE_CONFLICT = 0.5
#: What a figure's weight is multiplied by: a number shared by chance ("334", "50")
#: says little about which event two articles tell, while a name does.
FIGURE_WEIGHT = 0.25
#: Texts with fewer terms than this are never copies by their words alone.
COPY_MIN_TERMS = 8
#: How many words of the lead count (the first sentences say what happened).
LEAD_WORDS = 40
#: A headline term counts this many times a lead term.
HEADLINE_WEIGHT = 2.0
#: A term in more than this share of the window is too common to find candidates by.
COMMON_SHARE = 0.01
#: ... unless the window is small: terms in at most this many articles always count.
COMMON_FLOOR = 20
#: At most this many candidates are weighed for each new article.
MAX_CANDIDATES = 20
#: At most this many members of a story are weighed to find its medoid.
MEDOID_MEMBERS = 40

_WORD_RE = re.compile(r"[^\W_]+(?:[.,'’][^\W_]+)*")


def _words(text: str) -> frozenset[str]:
    """The folded words of a list written out as text."""
    return frozenset(normalize_arabic(w) for w in text.split())


# Function words that say nothing about which event an article tells (folded).
_ARABIC_STOP = _words(
    "في من على إلى الى عن مع أن إن ان هذا هذه ذلك تلك التي الذي الذين اللذين كان كانت"
    " يكون قد لقد لا ما لم لن بعد قبل بين حتى أو او ثم كما عند منذ خلال حول ضد عبر لدى"
    " أي كل غير بعض هو هي هم هما نحن أنه انه أنها إنه وقد وفي ومن وعلى وأن وإن وقال قال"
    " قالت يوم اليوم أمس غدا وهو وهي التى عليه عليها فيه فيها منه منها له لها به بها"
    " حيث إذا اذا لكن ولكن أيضا ايضا مثل عدة نحو"
)
_ENGLISH_STOP = _words(
    "a an the of to in on at for with by from and or but nor is are was were be been being"
    " has have had do does did it its this that these those as after before over into onto"
    " than then not no so if up out about more most some any all also just new says said say"
    " will would could should can may might must he she they we you i his her their our your"
    " them him us who whom which what when where why how there here while amid per via"
    " against during under between among"
)
STOP_WORDS = _ARABIC_STOP | _ENGLISH_STOP

# Longest first: "وال" before "و".
_ARABIC_PREFIXES = ("وبال", "وال", "بال", "كال", "فال", "لل", "ال")
#: One-letter particles, and the length from which a word is taken to carry one:
#: "و" and "ف" (and, then) from five letters, "ب", "ل", "ك" (in, for, like) from six.
_ARABIC_PARTICLES = {"و": 5, "ف": 5, "ب": 6, "ل": 6, "ك": 6}
# After folding: taa marbuta is "ه", so "ية" is "يه".
_ARABIC_SUFFIXES = ("يات", "يين", "يون", "ات", "ون", "ين", "ان", "ها", "يه", "ه", "ي", "ا")
_ENGLISH_SUFFIXES = ("ians", "ian", "ean", "ies", "ing", "ed", "es", "s", "e")


def _is_arabic(word: str) -> bool:
    return "\u0600" <= word[0] <= "\u06ff"


def _without_article(word: str, least: int = 2) -> str:
    """*word* without its article (with a conjunction or preposition before it: "وال",
    "بال" …), if at least *least* letters remain."""
    for prefix in _ARABIC_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= least:
            return word[len(prefix) :]
    return word


def stem(word: str) -> str:
    """A light stem of a folded word: attached particles and plural endings off.

    It only has to be consistent (both sides of a comparison are stemmed alike), so
    a few over-stemmed proper names cost nothing; what it must not do is leave a
    root shorter than three letters.
    """
    if _is_arabic(word):
        bare = _without_article(word, 3)
        if bare == word and len(word) >= _ARABIC_PARTICLES.get(word[0], 99):
            bare = _without_article(word[1:], 3)
        return _strip_suffixes(bare, _ARABIC_SUFFIXES, 2)
    word = word.removesuffix("'s").removesuffix("’s")
    if not word.isalpha() or len(word) <= 3:
        return word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    return _strip_suffixes(word, _ENGLISH_SUFFIXES, 1) if not word.endswith("ss") else word


def _strip_suffixes(word: str, suffixes: tuple[str, ...], times: int) -> str:
    """*word* with up to *times* of *suffixes* taken off, leaving at least three letters."""
    for _ in range(times):
        for suffix in suffixes:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                word = word[: -len(suffix)]
                break
        else:
            break
    return word


#: What the term of a word naming a place starts with (no stem does): a place of the
#: concept table is told apart from an everyday word that stems alike ("البحرين" and
#: "البحر", "الرياض" and "الرياضة", "Homs" and "home", "أولان" and "أول").
PLACE_WORD_MARK = "*"
#: Endings an Arabic adjective of a place takes ("المصري" → "المصرية", "المصريون"),
#: after folding ("ة" is "ه").
_ADJECTIVE_ENDINGS = ("ه", "ون", "ين", "ات")
#: The endings a place's term is made without: its adjective's and plural's, and a
#: final alef ("سوريا", "السوري"), but not "ان", which ends names ("باكستان",
#: "كوباني").
_PLACE_SUFFIXES = tuple(s for s in _ARABIC_SUFFIXES if s != "ان")


@functools.cache
def _place_forms() -> dict[str, str]:
    """Each word the concept table names a place with, as written (folded, without the
    article) → its term, marked (:data:`PLACE_WORD_MARK`): the word without its
    endings, never without a first letter that looks like a particle, so that every
    form of one place gives one term ("باكستان", "الباكستاني" → "*باكستان")."""
    forms: dict[str, str] = {}
    for group in concept_groups():
        if group.kind == "place":
            for name in group.names:
                for word in _WORD_RE.findall(normalize_arabic(name)):
                    form = _without_article(word)
                    bare = (
                        _strip_suffixes(form, _PLACE_SUFFIXES, 2)
                        if _is_arabic(form)
                        else stem(form)
                    )
                    forms[form] = PLACE_WORD_MARK + bare
    return forms


def _place_term(word: str, capitalised: bool) -> str | None:
    """The term of a folded word if it names a place of the concept table, else None.

    A place is matched on the word as written, never on its stem: with the article,
    a particle ("وبغداد", "لمصر") or an adjective's ending ("المصريات") taken off, or
    an English plural or possessive ("Kenyans", "Mexico's").  An English place
    must be capitalised where it is written ("Tyre" the city, not a tyre).
    """
    if _is_arabic(word):
        bare = _without_article(word)
        candidates = [word, bare]
        if bare == word and word[0] in _ARABIC_PARTICLES and len(word) > 3:
            candidates += [word[1:], _without_article(word[1:])]
    elif capitalised:
        bare = word.removesuffix("'s").removesuffix("’s")
        candidates = [bare, bare[:-1]] if bare.endswith("s") else [bare]
    else:
        return None
    forms = _place_forms()
    for form in candidates:
        found = forms.get(form)
        if found is not None:
            return found
        for ending in _ADJECTIVE_ENDINGS:  # Arabic only: no Latin word ends in "ي"
            base = form.removesuffix(ending)
            if base != form and base.endswith("ي") and (found := forms.get(base)) is not None:
                return found
    return None


def word_term(word: str, *, capitalised: bool = False) -> str:
    """The term of one folded content word: a place's marked term, a figure, or its stem.

    *capitalised*: whether the word is capitalised where it is written (an English
    place must be).  A particle written onto a number comes off: "بـ300" gives the
    figure "300", as "300" does.
    """
    return figure_in(word) or _place_term(word, capitalised) or stem(word)


#: Endings of a nationality ("البرازيلي", "المصرية", "Brazilian", "Chinese", "Iraqi"):
#: such a word says whose, not where.  Some place names end alike ("دبي", "Oman"); they
#: are left out too, which only leaves a headline without a place of its own.
_ARABIC_NISBA_ENDINGS = ("ي", "يه", "يون", "يين", "يات")
_ENGLISH_DEMONYM_ENDINGS = ("ian", "ians", "ean", "eans", "ese", "ish", "i", "is", "an", "ans")
_ENGLISH_DEMONYMS = frozenset(
    [
        "french",
        "dutch",
        "swiss",
        "greek",
        "thai",
        "czech",
        "welsh",
        "irish",
        "scots",
        "kiwi",
        "kiwis",
        "spaniard",
        "spaniards",
        "swede",
        "swedes",
        "brit",
        "brits",
        "briton",
        "britons",
        "turk",
        "turks",
        "pole",
        "poles",
        "dane",
        "danes",
        "finn",
        "finns",
        "filipino",
        "filipinos",
        "argentine",
        "argentines",
    ]
)


def headline_places(headline: str) -> tuple[str, ...]:
    """The place concepts a headline names as places, not as nationalities: where its
    event is ("Brazil raises …", "… في تركيا"), not whose its people are ("Brazilian
    midfielder …").  Two headlines that each name such places, none shared, tell of
    two places, whatever their leads share (the country both import from)."""
    found: dict[str, None] = {}
    for written in headline.split():
        for term in _written_terms(written).place_terms:
            found.update(dict.fromkeys(c for c in concepts_of(term) if c[0] == PLACE_MARK))
    return tuple(found)


def _is_nationality(word: str) -> bool:
    """Whether a folded word naming a place reads as its people's adjective (see
    :data:`_ARABIC_NISBA_ENDINGS`)."""
    if _is_arabic(word):
        return _without_article(word).endswith(_ARABIC_NISBA_ENDINGS)
    return word in _ENGLISH_DEMONYMS or word.endswith(_ENGLISH_DEMONYM_ENDINGS)


#: A written word's first letter, after any opening quote or bracket.
_FIRST_LETTER_RE = re.compile(r"[^\W\d_]")


class _Written(NamedTuple):
    """What one whitespace-separated written word gives (see :func:`_written_terms`)."""

    terms: tuple[str, ...]
    words: int  # how many words it holds
    place_terms: tuple[str, ...]  # its terms naming a place, not a nationality


def _kept_terms(written: str, words: Iterable[str]) -> tuple[list[str], list[str]]:
    """The terms of *words* (of *written*), and those of them naming a place as a place."""
    first = _FIRST_LETTER_RE.search(written)
    capitalised = first is not None and first.group().isupper()
    kept: list[str] = []
    places: list[str] = []
    for word in words:
        if word in STOP_WORDS or (len(word) < 2 and not word.isdigit()):
            continue
        term = word_term(word, capitalised=capitalised)
        kept.append(term)
        if term[0] == PLACE_WORD_MARK and not _is_nationality(word):
            places.append(term)
    return kept, places


#: Written words whose terms are remembered (news repeats its words).
_TERMS_CACHE_LIMIT = 200_000
_terms_of_written: dict[str, _Written] = {}


def _written_terms(written: str) -> _Written:
    """The terms of one whitespace-separated written word, how many words it holds, and
    its terms that name a place.

    A written word can hold several words ("2026-12-07", "أ.ف.ب") or none (a dash).
    """
    found = _terms_of_written.get(written)
    if found is None:
        words = _WORD_RE.findall(normalize_arabic(written))
        kept, places = _kept_terms(written, words)
        found = _Written(tuple(kept), len(words), tuple(places))
        if len(_terms_of_written) >= _TERMS_CACHE_LIMIT:
            _terms_of_written.clear()
        _terms_of_written[written] = found
    return found


def terms(text: str, limit: int | None = None) -> list[str]:
    """The stemmed content words of *text*, in order (at most *limit* words read).

    Each written word is folded and stemmed once and remembered, so a text costs
    little more than splitting it at its spaces.
    """
    out: list[str] = []
    read = 0
    for written in text.split():
        kept, count, _places = _written_terms(written)
        if limit is not None and read + count > limit:
            words = _WORD_RE.findall(normalize_arabic(written))[: limit - read]
            out.extend(_kept_terms(written, words)[0])
            break
        out.extend(kept)
        read += count
        if limit is not None and read >= limit:
            break
    return out


@functools.cache
def _concepts_by_term() -> dict[str, tuple[str, ...]]:
    """Each term of the concept table's one-word names → the concept terms it gives."""
    groups = concept_groups()
    country_of = {g.term: PLACE_MARK + g.within for g in groups if g.within}
    found: dict[str, list[str]] = {}
    for group in groups:
        for name in group.names:
            written = terms(name)
            if len(written) != 1:
                continue
            concepts = found.setdefault(written[0], [])
            for term in (group.term, country_of.get(group.term)):  # a region's country too
                if term is not None and term not in concepts:
                    concepts.append(term)
    return {term: tuple(concepts) for term, concepts in found.items()}


def concepts_of(term: str) -> tuple[str, ...]:
    """The concept terms a term gives: ``"montreal"`` → ``("~canada", "~quebec")``."""
    return _concepts_by_term().get(term, ())


_TRACKING_PREFIXES = ("utm_", "fbclid", "gclid", "at_")


def link_key(link: str | None) -> str | None:
    """A link as copies share it: scheme, ``www.``, trackers and end slash off.

    The fragment stays: a feed item whose link points into a page (a comment's
    ``#comment-54``, a live blog's post) is another item than the page's article.
    """
    if not link:
        return None
    try:
        parts = urlsplit(link.strip())
    except ValueError:
        return None
    if not parts.netloc:
        return None
    host = parts.netloc.lower().removeprefix("www.")
    query = (
        urlencode(
            [
                (k, v)
                for k, v in parse_qsl(parts.query)
                if not k.lower().startswith(_TRACKING_PREFIXES)
            ]
        )
        if parts.query
        else ""
    )
    path = parts.path.rstrip("/")
    fragment = f"#{parts.fragment}" if parts.fragment else ""
    return f"{host}{path}" + (f"?{query}" if query else "") + fragment


@dataclass(frozen=True, slots=True)
class Signature:
    """What grouping knows of an article: its feed, time, terms, link and guid."""

    article_id: int
    feed_id: int
    time: datetime
    title_terms: tuple[str, ...]
    lead_terms: tuple[str, ...]
    link: str | None = None  # as :func:`link_key` gives it
    guid: str | None = None
    names: tuple[str, ...] = ()  # terms written as names (see :func:`names_in`)
    #: The places its headline names as places (see :func:`headline_places`).
    places: tuple[str, ...] = ()
    #: Its terms and the concept terms they give (see :func:`concepts_of`), each once:
    #: made once, since grouping asks for them several times an article, and kept as a
    #: tuple (a fifth of a set's memory: a cold refresh holds thousands).
    all_terms: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        own = {*self.title_terms, *self.lead_terms}
        object.__setattr__(self, "all_terms", tuple(own.union(*map(concepts_of, own))))


def signature(
    article_id: int,
    feed_id: int,
    time: datetime,
    headline: str,
    lead: str | None,
    *,
    link: str | None = None,
    guid: str | None = None,
) -> Signature:
    """The signature of an article from its headline and lead as stored."""
    title_terms = tuple(dict.fromkeys(terms(headline)))
    lead_terms = tuple(dict.fromkeys(terms(lead or "", LEAD_WORDS)))
    names = tuple(sorted(names_in(headline) | names_in(lead or "")))
    return Signature(
        article_id,
        feed_id,
        time,
        title_terms,
        lead_terms,
        link_key(link),
        guid or None,
        names,
        headline_places(headline),
    )


#: A capitalised word inside a sentence (not its first word).
_CAPITALISED_RE = re.compile(r"(?<![.!?:;]\s)(?<!^)\b[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ɏ'’]+")
#: A word of a text that might be capitalised as a name or as Title Case.
_LONG_WORD_RE = re.compile(r"\b[A-Za-zÀ-ÖØ-öø-ɏ]{4,}\b")
#: Text in Arabic quotation marks: how Arabic news writes a name it introduces.
_GUILLEMETS_RE = re.compile(r"«([^»]{2,40})»")
#: Words English capitalises inside a sentence that name no one event: days, months,
#: titles and institutions every kind of news writes.
_NOT_NAMES = frozenset(
    terms(
        "monday tuesday wednesday thursday friday saturday sunday january february march"
        " april june july august september october november december president minister"
        " prime king queen prince princess pope mr mrs ms dr sir lord lady chief"
        " government parliament congress senate police army navy court council ministry"
        " university national federal state states united union european world"
        " international north south east west central new"
    )
)


def names_in(text: str) -> frozenset[str]:
    """The terms *text* writes as names: capitalised inside an English sentence, or in
    «» in Arabic.  Not places or kinds of event of the concept table (they are matched
    through it), figures, capitalised acronyms of three letters or fewer ("IPO", "EV"),
    or days, months, titles and institutions; a Title Case or capitals-only text has
    no names (every word is capitalised).
    """
    text = text.strip()
    if not text:
        return frozenset()
    found: list[str] = []
    long_words = _LONG_WORD_RE.findall(text)
    capitalised = sum(1 for w in long_words if w[0].isupper())
    if not long_words or capitalised * 5 < len(long_words) * 4:
        for written in _CAPITALISED_RE.findall(text):
            if not (written.isupper() and len(written) <= 3):
                found.extend(terms(written))
    for quoted in _GUILLEMETS_RE.findall(text):
        found.extend(terms(quoted))
    return frozenset(
        t
        for t in found
        if len(t) >= 3 and t not in _NOT_NAMES and not concepts_of(t) and not _is_figure(t)
    )


def _is_figure(term: str) -> bool:
    return term[0].isdigit() or term[-1].isdigit()


@dataclass(frozen=True, slots=True)
class _Weighted:
    """A signature's term weights, their norm, its figures, its places and its names."""

    vector: dict[str, float]
    norm: float
    figures: frozenset[str]
    places: frozenset[str]  # the place concepts its words name
    names: frozenset[str]  # see names_in
    headline_places: frozenset[str] = frozenset()  # see headline_places

    @classmethod
    def of(
        cls,
        vector: dict[str, float],
        names: frozenset[str],
        headline_places: frozenset[str] = frozenset(),
    ) -> _Weighted:
        """The weights *vector* holds, with its norm, figures and places worked out."""
        return cls(
            vector,
            math.sqrt(sum(w * w for w in vector.values())),
            frozenset(t for t in vector if _is_figure(t)),
            frozenset(t for t in vector if t[0] == PLACE_MARK),
            names,
            headline_places,
        )


class EventIndex:
    """The signatures of a time window: document frequencies and an inverted index.

    Signatures are added as articles arrive.  A signature's weights are worked out
    on its first comparison and kept: within one grouping pass the frequencies
    hardly move, and recomputing them for every comparison would cost more than
    the comparisons.
    """

    def __init__(
        self, signatures: Iterable[Signature] = (), *, watch: Iterable[str] | None = None
    ) -> None:
        """An index of *signatures*.

        With *watch*, only those terms are posted (every term is counted): the
        terms of the articles about to be grouped, the only ones candidates are
        looked up by.  Posting every term of a window costs more than the
        comparisons do.
        """
        self._docs: dict[int, Signature] = {}
        self._df: Counter[str] = Counter()
        self._watch = frozenset(watch) if watch is not None else None
        self._postings: dict[str, list[int]] = {}
        self._by_link: dict[str, int] = {}
        self._by_guid: dict[str, int] = {}
        self._weights: dict[int, _Weighted] = {}
        self._centroids: dict[tuple[int, ...], _Weighted] = {}  # by their members' ids
        self._idf: dict[str, float] = {}  # as the frequencies stand: cleared by add
        for sig in signatures:
            self.add(sig)

    def __len__(self) -> int:
        return len(self._docs)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._docs

    def get(self, article_id: int) -> Signature | None:
        return self._docs.get(article_id)

    def __getitem__(self, article_id: int) -> Signature:
        return self._docs[article_id]

    def add(self, sig: Signature) -> None:
        if sig.article_id in self._docs:
            return
        self._docs[sig.article_id] = sig
        terms = sig.all_terms
        self._df.update(terms)
        watch = self._watch
        for term in terms if watch is None else (t for t in terms if t in watch):
            self._postings.setdefault(term, []).append(sig.article_id)
        if sig.link:
            self._by_link.setdefault(sig.link, sig.article_id)
        if sig.guid:
            self._by_guid.setdefault(sig.guid, sig.article_id)
        self._idf.clear()

    def idf(self, term: str) -> float:
        known = self._idf.get(term)
        if known is None:
            df = self._df[term]
            known = self._idf[term] = math.log((len(self._docs) + 1) / (df + 1)) + 1.0
        return known

    def _weighted(self, sig: Signature) -> _Weighted:
        cached = self._weights.get(sig.article_id)
        if cached is not None:
            return cached
        vector: dict[str, float] = {}
        for own, weight in ((sig.lead_terms, 1.0), (sig.title_terms, HEADLINE_WEIGHT)):
            for term in own:
                folded = False
                for concept in concepts_of(term):
                    if concept[0] == PLACE_MARK:
                        here = weight * PLACE_WEIGHT
                    else:
                        here, folded = weight, True
                    vector[concept] = max(vector.get(concept, 0.0), self.idf(concept) * here)
                if not folded:
                    vector[term] = max(vector.get(term, 0.0), self.idf(term) * weight)
        limit = max(NAME_RARE_FLOOR, len(self._docs) * NAME_RARE_SHARE)
        weighted = _Weighted.of(
            vector, frozenset(n for n in sig.names if self._df[n] <= limit), frozenset(sig.places)
        )
        if sig.article_id in self._docs:
            self._weights[sig.article_id] = weighted
        return weighted

    def similarity(self, a: Signature, b: Signature) -> float:
        """How alike two articles' events are: their weighted cosine, 0 to 1.

        Halved when both give figures and share none (one rounded is the same:
        "47.6 million", "48 million"): "5.9 degrees" and "4.7 degrees" are two
        earthquakes, however alike the words around them.  A figure both share
        counts only :data:`FIGURE_WEIGHT` of a word as rare: two events can give one
        number by chance, they rarely share a name.  Cut to :data:`PLACE_CONFLICT`
        when both name places and no place is shared.
        """
        return self.similarities(a, b)[0]

    def text_similarity(self, a: Signature, b: Signature) -> float:
        """How alike two articles' texts are: the cosine with every term at its weight.

        Copies are found by it: the same text is 1 whatever figures it gives.
        """
        return self.similarities(a, b)[1]

    def similarities(self, a: Signature, b: Signature) -> tuple[float, float]:
        """(:meth:`similarity`, :meth:`text_similarity`) in one pass."""
        return _alike(self._weighted(a), self._weighted(b))

    def centroid_similarity(self, sig: Signature, members: Sequence[Signature]) -> float:
        """How alike *sig* is to the event *members* tell together: :meth:`similarity`
        with their centroid (each member's vector at unit length, summed), which gives
        every figure and place a member gives."""
        return _alike(self._weighted(sig), self._centroid(members))[0]

    def _centroid(self, members: Sequence[Signature]) -> _Weighted:
        """The centroid of *members*, kept for the pass like the weights (a story's
        members change only when an article joins it)."""
        key = tuple(m.article_id for m in members)
        found = self._centroids.get(key)
        if found is not None:
            return found
        vector: dict[str, float] = {}
        names: set[str] = set()
        for member in members:
            weighed = self._weighted(member)
            names |= weighed.names
            for term, weight in weighed.vector.items():
                vector[term] = vector.get(term, 0.0) + weight / weighed.norm
        found = self._centroids[key] = _Weighted.of(vector, frozenset(names))
        return found

    def candidates(self, sig: Signature) -> list[int]:
        """Articles of the window sharing a rare term with *sig* (most shared first).

        At most :data:`MAX_CANDIDATES`: an article that shares fewer rare terms than
        those is no closer in any way that matters.
        """
        limit = max(COMMON_FLOOR, int(len(self._docs) * COMMON_SHARE))
        shared: dict[int, int] = {}
        own = sig.all_terms  # its concepts looked up once
        if self._watch is not None and not self._watch.issuperset(own):
            raise ValueError("candidates of an article whose terms the index does not watch")
        for term in own:
            posting = self._postings.get(term)
            if not posting or len(posting) > limit:
                continue
            for other in posting:
                if other != sig.article_id:
                    shared[other] = shared.get(other, 0) + 1
        return heapq.nsmallest(MAX_CANDIDATES, shared, key=lambda i: (-shared[i], i))

    def same_address(self, sig: Signature) -> int | None:
        """An article of another feed with the same link or guid, if there is one."""
        for key, table in ((sig.link, self._by_link), (sig.guid, self._by_guid)):
            if key:
                other = table.get(key)
                if (
                    other is not None
                    and other != sig.article_id
                    and self._docs[other].feed_id != sig.feed_id
                ):
                    return other
        return None


def _alike(wa: _Weighted, wb: _Weighted) -> tuple[float, float]:
    """(event, text) similarity of two weighted texts; see :meth:`EventIndex.similarity`."""
    va, vb = wa.vector, wb.vector
    if len(va) > len(vb):
        va, vb = vb, va
    dot = sum(w * vb[t] for t, w in va.items() if t in vb)
    if not dot:
        return 0.0, 0.0
    norms = wa.norm * wb.norm
    text = dot / norms
    event = text
    if wa.figures and wb.figures:
        shared = wa.figures & wb.figures
        if not shared and not _rounded_alike(wa.figures, wb.figures):
            text = event = text * FIGURE_CONFLICT
        else:
            by_figures = sum(va[t] * vb[t] for t in shared)
            event = (dot - (1.0 - FIGURE_WEIGHT) * by_figures) / norms
    if (wa.places and wb.places and not wa.places & wb.places) or (
        wa.headline_places and wb.headline_places and not wa.headline_places & wb.headline_places
    ):
        event *= PLACE_CONFLICT
    if NAME_FLOOR <= event < STORY_THRESHOLD and wa.names & wb.names:
        event = STORY_THRESHOLD
    return event, text


_NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*")


@functools.lru_cache(maxsize=4096)
def _value(figure: str) -> float | None:
    """The number a figure term starts with: "47.6" → 47.6, "500,000" → 500000.0."""
    found = _NUMBER_RE.match(figure)
    if found is None:
        return None
    text = found.group()
    if "," in text:
        groups = text.split(",")
        if all(len(g) == 3 for g in groups[1:]) and "." not in groups[-1]:
            text = "".join(groups)  # thousands
        else:
            text = text.replace(",", ".", 1) if text.count(",") == 1 else text
    try:
        return float(text)
    except ValueError:
        return None


def _rounded_alike(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether the two sides give one number, written alike or not ("500,000" and
    "500000"), or one gives as a whole number what the other gives with decimals
    ("47.6 million" and "48 million")."""
    for x in a:
        vx = _value(x)
        if vx is None:
            continue
        for y in b:
            vy = _value(y)
            if vy is None:
                continue
            if vx == vy or round(vy) == vx or round(vx) == vy:
                return True
    return False


def headline_overlap(a: Signature, b: Signature) -> float:
    """Share of the shorter headline's terms found in the other one."""
    ta, tb = set(a.title_terms), set(b.title_terms)
    if not ta or not tb:
        return 0.0
    return len(ta & tb) / min(len(ta), len(tb))


def is_copy(index: EventIndex, a: Signature, b: Signature) -> bool:
    """Two articles of different feeds that are the same text (syndication)."""
    if a.feed_id == b.feed_id or abs(a.time - b.time) > WINDOW:
        return False
    if (a.link and a.link == b.link) or (a.guid and a.guid == b.guid):
        return True
    if min(len(a.all_terms), len(b.all_terms)) < COPY_MIN_TERMS:
        return False  # "Episode 12" of two podcasts: too little text to call it one
    return (
        headline_overlap(a, b) >= COPY_HEADLINE_OVERLAP
        and index.text_similarity(a, b) >= COPY_THRESHOLD
    )


def same_event(index: EventIndex, a: Signature, b: Signature) -> bool:
    """Whether two articles tell the same event (the detector the evaluation scores)."""
    if abs(a.time - b.time) > WINDOW:
        return False
    return index.similarity(a, b) >= STORY_THRESHOLD


@dataclass
class GroupingPlan:
    """What grouping decided for a batch of new articles.

    ``copies`` maps a new copy to the article it copies (its canonical); ``joins``
    maps an article to the story it joins (an existing story id, or a negative
    number naming a story to be made, shared by its first articles).
    """

    copies: dict[int, int] = field(default_factory=dict)
    joins: dict[int, int] = field(default_factory=dict)
    touched: set[int] = field(default_factory=set)  # story ids (negative: new)


def plan_grouping(
    index: EventIndex,
    new: Sequence[Signature],
    story_of: Mapping[int, int],
    canonical_of: Mapping[int, int],
) -> GroupingPlan:
    """Decide copies and story membership for *new* articles, oldest first.

    *index* holds the window's stored signatures; *story_of* and *canonical_of* say
    which story each stored article is in and which article a stored copy copies.
    The new signatures are added to *index* as they are decided, so the later ones
    of a batch can join the earlier ones.

    An article joins the story (or the lone article) it is most like, if that
    similarity reaches :data:`STORY_THRESHOLD` and, for a story of two articles or
    more, it is like the story's newest :data:`STORY_MEMBERS` members as a whole:
    its mean similarity to them reaches :data:`STORY_MEAN` and it shares words with
    more than half of them (:data:`STORY_MAJORITY_FLOOR`).  An article close to one
    member and unlike the others is another event, not the next link of a chain.
    """
    plan = GroupingPlan()
    stories = dict(story_of)
    canonical = dict(canonical_of)
    members = _window_members(index, stories)
    next_new = -1
    ordered = sorted(new, key=lambda s: (s.time, s.article_id))
    waiting = {s.article_id for s in ordered}  # not decided yet: not to be joined
    for sig in ordered:  # the batch's frequencies count from the start
        index.add(sig)
    known = _Decided(index, stories, members, canonical)  # the same dicts, kept up to date
    for sig in ordered:
        waiting.discard(sig.article_id)
        scores = {}  # the candidates decided already, within the window: their events
        texts = {}  # ... and their texts
        for other_id in index.candidates(sig):
            other = index.get(other_id)
            if other_id not in waiting and other and abs(other.time - sig.time) <= WINDOW:
                scores[other_id], texts[other_id] = index.similarities(sig, other)
        original = _copy_of(index, sig, texts, canonical)
        if original is not None:
            plan.copies[sig.article_id] = original
            canonical[sig.article_id] = original
            continue
        best = _best_join(known, sig, scores)
        if best is None:
            continue
        story = stories.get(best)
        if story is None:
            story = next_new
            next_new -= 1
            stories[best] = story
            plan.joins[best] = story
            members[story] = [best]
        stories[sig.article_id] = story
        plan.joins[sig.article_id] = story
        members.setdefault(story, []).append(sig.article_id)
        plan.touched.add(story)
    return plan


def _window_members(index: EventIndex, stories: Mapping[int, int]) -> dict[int, list[int]]:
    """story id → its members in *index*, oldest first."""
    members: dict[int, list[int]] = {}
    for article_id, story in stories.items():
        if article_id in index:
            members.setdefault(story, []).append(article_id)
    for ids in members.values():
        ids.sort(key=lambda i: (index[i].time, i))
    return members


@dataclass(frozen=True, slots=True)
class _Decided:
    """What a grouping pass knows so far: the window's signatures, each decided
    article's story, each story's members in the window, each copy's canonical."""

    index: EventIndex
    stories: Mapping[int, int]
    members: Mapping[int, list[int]]
    canonical: Mapping[int, int]


def _best_join(known: _Decided, sig: Signature, scores: Mapping[int, float]) -> int | None:
    """The candidate *sig* joins (its story, if it has one), or ``None``.

    The most similar candidate that is alone, or whose story *sig* is like as a
    whole (:func:`_fits`); a story is weighed once, by its closest member.  Failing
    those, the story whose members together are most like *sig* (:func:`_by_centroid`):
    three outlets tell one event in three vocabularies, and the third telling often
    shares a little with each of the first two and not enough with either.
    """
    weighed: set[int] = set()
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    for other_id, score in ranked:
        if score < STORY_THRESHOLD:
            break
        if other_id in known.canonical:
            continue  # a copy: its canonical stands for it
        story = known.stories.get(other_id)
        if story is None:
            return other_id
        if story in weighed:
            continue
        weighed.add(story)
        newest = known.members.get(story, [])[-STORY_MEMBERS:]
        if len(newest) < 2:
            return other_id
        if _fits(known.index, sig, scores, newest):
            return other_id
    return _by_centroid(known, sig, ranked, weighed)


def _by_centroid(
    known: _Decided, sig: Signature, ranked: Sequence[tuple[int, float]], refused: set[int]
) -> int | None:
    """A member of the story of two or more whose centroid *sig* is most like, or ``None``.

    Only stories with a member at least :data:`STORY_CENTROID_FLOOR` like *sig* are
    weighed, and not those :func:`_fits` *refused* already; the centroid's similarity
    must reach :data:`STORY_CENTROID`.
    """
    best: tuple[float, int] | None = None
    seen = set(refused)
    for other_id, score in ranked:
        if score < STORY_CENTROID_FLOOR:
            break
        story = known.stories.get(other_id)
        if other_id in known.canonical or story is None or story in seen:
            continue
        seen.add(story)
        newest = known.members.get(story, [])[-STORY_MEMBERS:]
        if len(newest) < 2:
            continue
        alike = known.index.centroid_similarity(sig, [known.index[i] for i in newest])
        if alike >= STORY_CENTROID and (best is None or alike > best[0]):
            best = (alike, other_id)
    return best[1] if best is not None else None


def _fits(
    index: EventIndex, sig: Signature, scores: Mapping[int, float], members: Sequence[int]
) -> bool:
    """Whether *sig* is like a story's *members* as a whole, not like one of them."""
    total = 0.0
    linked = 0
    for member_id in members:
        known = scores.get(member_id)
        score = known if known is not None else index.similarity(sig, index[member_id])
        total += score
        linked += score >= STORY_MAJORITY_FLOOR
    return total / len(members) >= STORY_MEAN and 2 * linked > len(members)


def _copy_of(
    index: EventIndex, sig: Signature, scores: Mapping[int, float], canonical: Mapping[int, int]
) -> int | None:
    """The canonical article *sig* copies, or ``None``.

    *scores* are its text similarities to the candidates decided already.
    """
    other = index.same_address(sig)
    if other is not None and other not in scores:
        found = index.get(other)
        if found is None or not is_copy(index, sig, found):
            other = None  # later in the batch, or too far in time
    if other is None:
        for other_id, score in sorted(scores.items(), key=lambda item: -item[1]):
            candidate = index.get(other_id)
            if score < COPY_THRESHOLD or candidate is None:
                break
            if is_copy(index, sig, candidate):
                other = other_id
                break
    if other is None:
        return None
    return canonical.get(other, other)


def medoid(index: EventIndex, members: Sequence[Signature]) -> Signature:
    """The member most like the others: the story's most representative headline.

    Only the newest :data:`MEDOID_MEMBERS` are weighed; ties go to the earliest.
    """
    pool = sorted(members, key=lambda s: (s.time, s.article_id))[-MEDOID_MEMBERS:]
    if len(pool) <= 2:
        return pool[0]
    scores = {s.article_id: sum(index.similarity(s, o) for o in pool if o is not s) for s in pool}
    return max(pool, key=lambda s: (scores[s.article_id], -s.time.timestamp()))
