"""Topics: feed categories merged the way a reader thinks of them, and which ones to list.

Pure rules, no database.  A category's *key* is what it is merged by:

1. the name folded like search folds it (:func:`~newsreader.core.text.normalize_arabic`:
   hamza seats, taa marbuta, vowel marks, case, Latin accents), then
2. made compact: everything but letters and digits goes ("Giant Bomb", "GiantBomb" and
   "giant-bomb" are ``giantbomb``), and an Arabic word loses its article ("الاقتصاد"
   is "اقتصاد"), then
3. looked up in the alias table of common news sections shipped in
   ``resources/topic_aliases.json`` ("Business", "Economy", "اقتصاد" and "مال وأعمال"
   are all ``economy``).

The user extends this with merges, renames and hidden topics (:class:`TopicStateRecord`),
keyed by the same keys, so they survive refreshes, new spellings and a backup restored
on another machine.

Which topics tell something (:func:`is_blanket`): a category that tags (nearly) every
item of one feed and appears in no other says nothing the feed does not (a podcast's
eleven tags on each of its 730 episodes); it is left to its feed and its articles stay
reachable by ``topic:`` search.  The rest are listed by recent activity.

Topic ids, stable across runs and profiles: ``c:<key>`` for a category topic,
``s:<id>`` for a saved search, ``story:<id>`` for a story.
"""

from __future__ import annotations

import functools
import json
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from newsreader.core.backup_records import TopicStateRecord
from newsreader.core.paths import resources_dir
from newsreader.core.text import normalize_arabic
from newsreader.core.types import Topic

__all__ = [
    "BLANKET_MIN_ITEMS",
    "BLANKET_SHARE",
    "RECENT_DAYS",
    "CategoryStats",
    "arrange_topics",
    "category_topic_id",
    "compact_key",
    "is_blanket",
    "key_of_topic_id",
    "topic_key",
]

#: A category on at least this share of one feed's items tags the feed, not a topic...
BLANKET_SHARE = 0.9
#: ...once the feed has at least this many items (a new feed's few items prove nothing).
BLANKET_MIN_ITEMS = 20
#: Topics are ranked by their articles of the last this many days.
RECENT_DAYS = 7

CATEGORY_PREFIX = "c:"
ALIASES_FILE = "topic_aliases.json"

_ARABIC_ARTICLE = "ال"


def _is_arabic_letter(char: str) -> bool:
    return "\u0600" <= char <= "\u06ff" or "\u0750" <= char <= "\u077f"


def _compact_word(word: str) -> str:
    kept = "".join(c for c in word if unicodedata.category(c)[0] in "LN")
    # the article, on a word long enough that the rest is still a word ("العالم" → "عالم")
    if len(kept) >= 5 and kept.startswith(_ARABIC_ARTICLE) and _is_arabic_letter(kept[2]):
        kept = kept[2:]
    return kept


def compact_key(name: str) -> str:
    """*name* folded for merging: spelling, case, spaces and punctuation do not count.

    ``"Giant Bomb"``, ``"GiantBomb"`` and ``"giant-bomb"`` give ``"giantbomb"``;
    ``"أخبار"`` and ``"اخبار"`` give ``"اخبار"``; ``"الاقتصاد"`` gives ``"اقتصاد"``.
    A name of punctuation only keeps its folded self, so it still has a key.
    """
    folded = normalize_arabic(name)
    key = "".join(_compact_word(w) for w in folded.split())
    return key or folded.strip()


@dataclass(frozen=True, slots=True)
class AliasGroup:
    """Names of one news section in several languages (``names``: language → names)."""

    key: str
    names: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


@functools.cache
def alias_groups() -> tuple[AliasGroup, ...]:
    """The shipped alias table (read once per process)."""
    document = json.loads((resources_dir() / ALIASES_FILE).read_text(encoding="utf-8"))
    groups = []
    for raw in document["groups"]:
        names = {lang: tuple(v) for lang, v in raw.items() if lang != "key"}
        groups.append(AliasGroup(raw["key"], names))
    return tuple(groups)


@functools.cache
def _alias_keys() -> dict[str, str]:
    """Compact key of every alias name → its group's key."""
    keys: dict[str, str] = {}
    for group in alias_groups():
        keys[compact_key(group.key)] = group.key
        for names in group.names.values():
            for name in names:
                keys.setdefault(compact_key(name), group.key)
    return keys


def topic_key(name: str) -> str:
    """The key a category named *name* is merged by (compact, then through the aliases)."""
    key = compact_key(name)
    return _alias_keys().get(key, key)


def category_topic_id(key: str) -> str:
    return CATEGORY_PREFIX + key


def key_of_topic_id(topic_id: str) -> str | None:
    """The key of a category topic's id, or None for another kind of id."""
    if topic_id.startswith(CATEGORY_PREFIX) and len(topic_id) > len(CATEGORY_PREFIX):
        return topic_id[len(CATEGORY_PREFIX) :]
    return None


def language_of(name: str) -> str:
    """``ar`` for a name in Arabic letters, else ``en`` (the languages of the interface)."""
    return "ar" if any(_is_arabic_letter(c) for c in name) else "en"


def is_blanket(per_feed: Mapping[int, int], feed_sizes: Mapping[int, int]) -> bool:
    """Whether a topic only restates one feed: on (nearly) all of its items, in no other feed.

    *per_feed* counts the topic's articles in each feed; *feed_sizes* each feed's articles.
    """
    if len(per_feed) != 1:
        return False
    ((feed_id, count),) = per_feed.items()
    size = feed_sizes.get(feed_id, count)
    return size >= BLANKET_MIN_ITEMS and count >= BLANKET_SHARE * size


@dataclass(frozen=True, slots=True)
class CategoryStats:
    """What the database says of one merged key (before the user's state is applied).

    ``feeds``: feed id → (articles, unread, recent articles), each article once;
    ``spellings``: each original name → how many articles carry it.
    """

    key: str
    feeds: Mapping[int, tuple[int, int, int]]
    spellings: Mapping[str, int]


def display_name(
    spellings: Mapping[str, int], language: str, renamed: str | None = None, key: str = ""
) -> str:
    """The user's name, else the most used spelling in *language*, else the alias
    table's name in *language* for the section *key* is ("Sport" for a topic only
    Arabic feeds tag "الرياضة"), else the most used spelling."""
    if renamed:
        return renamed
    ranked = sorted(spellings.items(), key=lambda kv: (-kv[1], kv[0]))
    for name, _ in ranked:
        if language_of(name) == language:
            return name
    table_name = _alias_names().get((key, language))
    if table_name:
        return table_name
    return ranked[0][0] if ranked else ""


@functools.cache
def _alias_names() -> dict[tuple[str, str], str]:
    """(group key, language) → the group's first name in that language."""
    return {
        (group.key, lang): names[0]
        for group in alias_groups()
        for lang, names in group.names.items()
        if names
    }


def _resolved(state: Iterable[TopicStateRecord]) -> dict[str, TopicStateRecord]:
    return {s.key: s for s in state}


def arrange_topics(
    stats: Sequence[CategoryStats],
    feed_sizes: Mapping[int, int],
    state: Iterable[TopicStateRecord],
    language: str,
) -> list[Topic]:
    """Every category topic, listed ones first by recent activity, then the others.

    The stats' keys are already merged by the user's merges (the database resolves
    them); *state* gives the names and hidden marks.  ``listed`` is False for a
    hidden topic and for a feed's blanket tag.
    """
    by_key = _resolved(state)
    topics: list[Topic] = []
    for s in stats:
        count = sum(c for c, _, _ in s.feeds.values())
        unread = sum(u for _, u, _ in s.feeds.values())
        recent = sum(r for _, _, r in s.feeds.values())
        own = by_key.get(s.key)
        hidden = bool(own and own.hidden)
        blanket = is_blanket({f: c for f, (c, _, _) in s.feeds.items()}, feed_sizes)
        topics.append(
            Topic(
                name=display_name(s.spellings, language, own.name if own else None, s.key),
                count=count,
                unread=unread,
                id=category_topic_id(s.key),
                kind="category",
                recent=recent,
                hidden=hidden,
                listed=not hidden and not blanket,
                feed_ids=tuple(sorted(s.feeds)),
            )
        )
    topics.sort(key=lambda t: (not t.listed, -t.recent, -t.count, t.name.casefold()))
    return topics
