"""The pure rules of topics: folding names into keys, the alias table, blanket tags,
names chosen for the interface's language, and the order topics are listed in."""

from __future__ import annotations

import json

import pytest

from newsreader.core.backup_records import TopicStateRecord
from newsreader.core.paths import resources_dir
from newsreader.core.topics import (
    ALIASES_FILE,
    BLANKET_MIN_ITEMS,
    CategoryStats,
    alias_groups,
    arrange_topics,
    category_topic_id,
    compact_key,
    display_name,
    is_blanket,
    key_of_topic_id,
    language_of,
    topic_key,
)


@pytest.mark.parametrize(
    ("names", "key"),
    [
        (("Giant Bomb", "GiantBomb", "giant-bomb", "GIANT_BOMB", " Giant  Bomb "), "giantbomb"),
        (("أخبار", "اخبار", "أَخْبَار", "إخبار"), "اخبار"),
        (("Xbox 360", "xbox-360", "XBOX360"), "xbox360"),
        (("Café", "cafe", "CAFÉ"), "cafe"),
        (("الجزيرة", "جزيرة", "الجزيره"), "جزيره"),
    ],
)
def test_names_that_differ_in_spelling_spaces_case_or_punctuation_share_a_key(
    names: tuple[str, ...], key: str
) -> None:
    assert {compact_key(n) for n in names} == {key}


def test_short_arabic_words_keep_what_looks_like_an_article() -> None:
    assert compact_key("الي") == "الي"  # too short to be ال + a word
    assert compact_key("---") == "---"  # punctuation only: the name itself stays a key


@pytest.mark.parametrize(
    ("names", "key"),
    [
        (("Economy", "Business", "اقتصاد", "الاقتصاد", "مال وأعمال", "المال والأعمال"), "economy"),
        (("Politics", "سياسة", "السياسة"), "politics"),
        (("Sport", "Sports", "رياضة", "الرياضة"), "sport"),
        (("Technology", "Tech", "تكنولوجيا", "تقنية"), "technology"),
        (("Health", "صحة"), "health"),
        (("Science", "علوم"), "science"),
        (("Culture", "ثقافة"), "culture"),
        (("World", "العالم", "دولي"), "world"),
        (("Weather", "طقس"), "weather"),
        (("Local", "محليات"), "local"),
        (("Opinion", "رأي", "مقالات"), "opinion"),
        (("Arts", "فنون"), "arts"),
        (("Entertainment", "منوعات"), "entertainment"),
    ],
)
def test_common_news_sections_merge_across_languages(names: tuple[str, ...], key: str) -> None:
    assert {topic_key(n) for n in names} == {key}


def test_names_outside_the_alias_table_keep_their_compact_key() -> None:
    assert topic_key("Jeff Gerstmann") == "jeffgerstmann"
    assert topic_key("غزة") == "غزه"


def test_the_alias_table_gives_each_name_one_section() -> None:
    document = json.loads((resources_dir() / ALIASES_FILE).read_text(encoding="utf-8"))
    assert document["format"] == "newsreader-topic-aliases"
    owner: dict[str, str] = {}
    for group in alias_groups():
        assert set(group.names) == {"ar", "en"}, group.key
        assert all(language_of(n) == lang for lang, ns in group.names.items() for n in ns)
        for names in group.names.values():
            for name in names:
                folded = compact_key(name)
                assert owner.setdefault(folded, group.key) == group.key, name
    assert len(alias_groups()) == len(document["groups"]) >= 13


def test_topic_ids_name_their_kind() -> None:
    assert category_topic_id("economy") == "c:economy"
    assert key_of_topic_id("c:economy") == "economy"
    assert key_of_topic_id("s:3") is None
    assert key_of_topic_id("story:12") is None
    assert key_of_topic_id("c:") is None


def test_a_tag_on_nearly_every_item_of_one_feed_only_is_a_blanket() -> None:
    sizes = {1: 730, 2: 40, 3: BLANKET_MIN_ITEMS - 1}
    assert is_blanket({1: 730}, sizes)
    assert is_blanket({1: 657}, sizes)  # 90 %
    assert not is_blanket({1: 656}, sizes)  # it splits the feed
    assert not is_blanket({1: 730, 2: 1}, sizes)  # it spans sources
    assert not is_blanket({3: BLANKET_MIN_ITEMS - 1}, sizes)  # too few items to tell


def test_a_topic_is_named_for_the_interface_language() -> None:
    spellings = {"اقتصاد": 15, "الاقتصاد": 5, "Economy": 8, "Business": 12}
    assert display_name(spellings, "ar") == "اقتصاد"
    assert display_name(spellings, "en") == "Business"
    assert display_name({"Economy": 3}, "ar") == "Economy"  # no Arabic spelling: the one there is
    assert display_name(spellings, "ar", "المال") == "المال"  # the user's name wins
    # a section of the alias table is named in the interface's language from the table
    assert display_name({"Economy": 3}, "ar", key="economy") == "اقتصاد"
    assert display_name({"الرياضة": 4}, "en", key="sport") == "Sport"
    assert display_name({"الرياضة": 4}, "ar", key="sport") == "الرياضة"  # its own spelling
    assert display_name({"Giant Bomb": 9}, "ar", key="giantbomb") == "Giant Bomb"  # no section
    assert display_name({"الرياضة": 4}, "en", "Football", key="sport") == "Football"


def stats(key: str, feeds: dict[int, tuple[int, int, int]], name: str) -> CategoryStats:
    return CategoryStats(key, feeds, {name: sum(c for c, _, _ in feeds.values())})


def test_topics_are_listed_by_recent_activity_then_size() -> None:
    topics = arrange_topics(
        [
            stats("economy", {1: (50, 10, 2), 2: (10, 0, 0)}, "Economy"),
            stats("sport", {1: (5, 5, 5)}, "Sport"),
            stats("weather", {1: (3, 1, 0), 2: (1, 1, 0)}, "Weather"),
            stats("giantbomb", {3: (730, 730, 1)}, "Giant Bomb"),
            stats("local", {2: (8, 2, 8)}, "Local"),
        ],
        {1: 100, 2: 30, 3: 730},
        [TopicStateRecord("local", hidden=True)],
        "en",
    )
    assert [(t.id, t.listed) for t in topics] == [
        ("c:sport", True),
        ("c:economy", True),
        ("c:weather", True),
        ("c:local", False),  # hidden
        ("c:giantbomb", False),  # the podcast's blanket tag
    ]
    economy = topics[1]
    assert (economy.count, economy.unread, economy.recent, economy.feed_ids) == (60, 10, 2, (1, 2))
    assert topics[3].hidden and not topics[4].hidden
