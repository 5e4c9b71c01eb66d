"""Same-event detection on small labelled cases, Arabic and English, and the grouping plan."""

from __future__ import annotations

import math
import re
from datetime import UTC, datetime, timedelta

import pytest

from newsreader.core.stories import (
    FIGURE_CONFLICT,
    NAME_FLOOR,
    NAME_RARE_FLOOR,
    STOP_WORDS,
    STORY_CENTROID,
    STORY_CENTROID_FLOOR,
    STORY_MAJORITY_FLOOR,
    STORY_MEAN,
    STORY_THRESHOLD,
    EventIndex,
    Signature,
    is_copy,
    link_key,
    medoid,
    names_in,
    plan_grouping,
    same_event,
    signature,
    stem,
    terms,
    word_term,
)
from newsreader.core.text import normalize_arabic

T0 = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)

# Background news of the window, so rarity means something.
BACKGROUND = [
    ("ارتفاع أسعار الذهب في الأسواق المحلية", "سجلت أسعار الذهب ارتفاعا طفيفا اليوم."),
    ("المنتخب يستعد لمباراة ودية الأسبوع المقبل", "يواصل المنتخب تدريباته استعدادا للمباراة."),
    ("افتتاح معرض للفنون التشكيلية في العاصمة", "يضم المعرض أعمال ثلاثين فنانا شابا."),
    ("الحكومة تناقش مشروع قانون الضرائب", "ناقش مجلس الوزراء مشروع القانون الجديد."),
    ("Rail fares to rise in January", "Train tickets will cost more from the new year."),
    ("Museum opens new dinosaur hall", "The hall shows fossils found in the desert."),
    ("Local team wins cup final on penalties", "The match ended level after extra time."),
    ("Central bank keeps interest rate unchanged", "The bank said inflation is slowing."),
]

SAME_EVENT = [
    (
        ("زلزال بقوة 5.8 درجات يضرب مدينة أغادير", "ضرب زلزال بقوة 5.8 درجات أغادير فجر اليوم."),
        ("هزة أرضية تضرب أغادير المغربية بقوة 5.8", "شعر سكان أغادير بهزة بلغت 5.8 درجات."),
    ),
    (
        ("البنك المركزي الأردني يرفع الفائدة ربع نقطة", "قرر البنك المركزي الأردني رفع الفائدة."),
        ("المركزي الأردني يقرر رفع أسعار الفائدة", "رفع البنك المركزي في الأردن الفائدة ربع نقطة."),
    ),
    (
        ("Flooding closes main road into Porto", "Heavy rain flooded the main road into Porto."),
        ("Porto cut off as floods swamp highway", "Floodwater closed the highway into Porto."),
    ),
    (
        ("Nairobi marathon won by debutant Achieng", "First-timer Achieng won in Nairobi."),
        ("Achieng takes Nairobi marathon title", "Debut runner Achieng crossed first in Nairobi."),
    ),
]

DIFFERENT_EVENTS = [
    (  # same topic (an earthquake), another place
        ("زلزال بقوة 5.8 درجات يضرب مدينة أغادير", "ضرب زلزال بقوة 5.8 درجات أغادير فجر اليوم."),
        ("زلزال يهز جنوب تركيا دون أضرار", "ضربت هزة أرضية جنوب تركيا مساء الخميس."),
    ),
    (  # same topic (interest rates), another bank, other figures
        (
            "Central bank of Chile cuts its main rate to 5.5 percent",
            "Chile's central bank lowered its benchmark rate by half a point on Thursday.",
        ),
        (
            "Norway's central bank raises rate to 4.5 percent",
            "Norges Bank lifted its key rate a quarter point, citing a weak krone.",
        ),
    ),
    (
        ("Flooding closes main road into Porto", "Heavy rain flooded the main road into Porto."),
        ("Wildfire forces evacuations near Valencia", "Hundreds left homes as fire spread."),
    ),
]


def _index(*extra: tuple[str, str]) -> tuple[EventIndex, list[Signature]]:
    sigs = [
        signature(i + 100, i % 3 + 1, T0, title, lead) for i, (title, lead) in enumerate(BACKGROUND)
    ]
    mine = [
        signature(i + 1, 10 + i, T0 + timedelta(hours=i), title, lead)
        for i, (title, lead) in enumerate(extra)
    ]
    return EventIndex([*sigs, *mine]), mine


def test_folding_and_light_stemming_make_spellings_alike() -> None:
    assert terms("الحكومة") == terms("والحكومات") == terms("حكومة")
    assert terms("أسعار") == terms("اسعار")
    assert terms("٢٠٢٦") == terms("2026")
    assert terms("في من على the of") == []
    assert stem("floods") == stem("flood") and stem("cities") == "city"
    assert terms("Porto's roads") == terms("Porto road")


def test_a_figure_is_read_through_a_particle_and_arabic_separators() -> None:
    assert terms("بـ300 مليون") == terms("300 مليون")
    assert terms("الـ20") == terms("20") == ["20"]
    assert terms("١٫٣ مليار") == terms("1.3 مليار")
    assert terms("٢٬١٠٠") == terms("2,100")
    # two tellings of one deal give one figure, not two that conflict
    index, (written_on, plain, other) = _index(
        ("صفقة بـ١٫٣ مليار دولار لشراء مقاتلات", "وقعت وزارة الدفاع العقد أمس."),
        ("صفقة 1.3 مليار دولار لشراء مقاتلات", "وقعت وزارة الدفاع العقد أمس."),
        ("العراق يدفع 1.3 مليار دولار ثمنا للمقاتلات", "قال مسؤول إن التسليم يبدأ العام المقبل."),
    )
    assert index.similarity(written_on, other) == pytest.approx(index.similarity(plain, other))


def test_a_name_with_accented_letters_is_read_whole() -> None:
    found = names_in("Czech teenager Holubová beats the world number one, and Álvaro Mendía wins")
    assert {*terms("Holubová"), *terms("Álvaro"), *terms("Mendía")} <= found


@pytest.mark.parametrize("limit", [None, 1, 3, 4, 40])
@pytest.mark.parametrize(
    "text",
    [
        "الحكومة تعلن، في 2026-12-07، خطة «جديدة» للنقل",
        "U.S. officials say the talks (in Doha) will resume on 12/08",
        "— ... والذهب",
        "",
    ],
)
def test_terms_are_those_of_the_text_read_word_by_word(text: str, limit: int | None) -> None:
    # terms() caches each written word; it must give what reading the whole text gives
    words = [
        (w, written[:1].isupper())
        for written in text.split()
        for w in re.findall(r"[^\W_]+(?:[.,'’][^\W_]+)*", normalize_arabic(written))
    ][:limit]
    expected = [
        word_term(w, capitalised=capitalised)
        for w, capitalised in words
        if w not in STOP_WORDS and (len(w) >= 2 or w.isdigit())
    ]
    assert terms(text, limit) == expected
    assert terms(text, limit) == expected  # and again, from the cache


@pytest.mark.parametrize("pair", SAME_EVENT, ids=lambda p: p[0][0][:20])
def test_tellings_of_one_event_are_the_same_event(pair: tuple[tuple[str, str], ...]) -> None:
    index, (a, b) = _index(*pair)
    assert same_event(index, a, b)


@pytest.mark.parametrize("pair", DIFFERENT_EVENTS, ids=lambda p: p[1][0][:20])
def test_events_of_one_topic_are_told_apart(pair: tuple[tuple[str, str], ...]) -> None:
    index, (a, b) = _index(*pair)
    assert not same_event(index, a, b)


def test_the_same_event_days_apart_is_another_story() -> None:
    index, (a, b) = _index(*SAME_EVENT[0])
    late = Signature(b.article_id, b.feed_id, T0 + timedelta(days=4), b.title_terms, b.lead_terms)
    assert not same_event(index, a, late)


def test_copies_share_a_link_or_guid_or_their_text() -> None:
    link = "https://www.Site.example/a/b/?utm_source=x&id=3"
    assert link_key(link) == "site.example/a/b?id=3"
    # a link into a page (a reader's comment on it) is not the page's article
    assert link_key("https://site.example/a/b/#comment-54") == "site.example/a/b#comment-54"
    assert link_key("not a link") is None
    text = ("Port workers end strike after pay deal", "Dock workers accepted a pay rise.")
    index, (a, b) = _index(text, text)
    assert is_copy(index, a, b)
    same_feed = Signature(b.article_id, a.feed_id, b.time, b.title_terms, b.lead_terms)
    assert not is_copy(index, a, same_feed)
    index, (c, d) = _index(*SAME_EVENT[2])  # told alike, but written apart
    assert not is_copy(index, c, d)
    linked = signature(50, 1, T0, "one headline", None, link="http://127.0.0.1/x?utm_medium=rss")
    relinked = signature(51, 2, T0, "another headline", None, link="http://127.0.0.1/x")
    assert is_copy(EventIndex([linked, relinked]), linked, relinked)


def test_a_plan_groups_new_articles_with_stored_stories_and_copies() -> None:
    stored = [signature(100 + i, 1, T0, t, lead) for i, (t, lead) in enumerate(BACKGROUND)]
    (q1, q2), (p1, p2) = SAME_EVENT[0], SAME_EVENT[2]
    first = signature(1, 1, T0, *q1)
    second = signature(2, 2, T0 + timedelta(hours=1), *q2)
    index = EventIndex([*stored, first, second])
    new = [
        signature(3, 3, T0 + timedelta(hours=2), *q2),  # a copy of the stored second one
        signature(4, 4, T0 + timedelta(hours=3), *q1),  # a copy of the first one
        signature(5, 1, T0 + timedelta(hours=4), *p1),  # a new story ...
        signature(6, 2, T0 + timedelta(hours=5), *p2),  # ... told twice in this batch
    ]
    plan = plan_grouping(index, new, {1: 7, 2: 7}, {})
    assert plan.copies == {3: 2, 4: 1}
    assert plan.joins == {5: -1, 6: -1}
    assert plan.touched == {-1}
    assert medoid(index, [first, second]).article_id == 1


def test_the_medoid_is_the_telling_most_like_the_others() -> None:
    tellings = [
        ("Bridge in Lyon closed after crack found", "Engineers found a crack in a Lyon bridge."),
        ("Lyon bridge closed: engineers found a crack", "A crack closed the Lyon bridge."),
        ("Lyon bridge crack", "Traffic diverted in Lyon."),
    ]
    index, sigs = _index(*tellings)
    assert medoid(index, sigs).article_id in (1, 2)


def test_an_index_watching_the_new_terms_finds_what_a_full_one_finds() -> None:
    stored = [signature(100 + i, 1, T0, t, lead) for i, (t, lead) in enumerate(BACKGROUND)]
    tellings = [signature(i + 1, i + 2, T0, *pair) for i, pair in enumerate(SAME_EVENT[0])]
    full = EventIndex([*stored, *tellings])
    watching = EventIndex(stored + tellings[:1], watch=tellings[1].all_terms)
    watching.add(tellings[1])
    assert watching.candidates(tellings[1]) == full.candidates(tellings[1]) == [1]
    assert watching.similarity(*tellings) == pytest.approx(full.similarity(*tellings))
    with pytest.raises(ValueError, match="does not watch"):
        watching.candidates(stored[0])


def test_short_alike_texts_of_two_feeds_are_not_copies() -> None:
    a = signature(1, 1, T0, "Episode 12", "Show notes.")
    b = signature(2, 2, T0, "Episode 12", "Show notes.")
    assert not is_copy(EventIndex([a, b]), a, b)


# -- joining a story: like the story as a whole, not like one of its members ------------

#: The threshold of the single-link rule this one replaced: the best member alone decided.
OLD_SINGLE_LINK = 0.22


def _terms(article_id: int, title: str, lead: str, hours: int = 0) -> Signature:
    """A signature given by its terms (the words as grouping sees them)."""
    when = T0 + timedelta(hours=hours)
    return Signature(article_id, article_id, when, tuple(title.split()), tuple(lead.split()))


# Other news of the window, so the event's words are the rare ones.
WINDOW_NEWS = [
    _terms(100 + i, f"common{i % 5} word{i % 7} filler{i % 3}", f"lead{i % 4} other{i % 6}")
    for i in range(40)
]
MARKET_FIRE = _terms(1, "qaryat market fire shops", "blaze destroyed stalls")
MARKET_FIRE_AGAIN = _terms(2, "qaryat market fire traders", "blaze gutted stalls overnight", 1)


def test_an_article_like_one_member_only_does_not_chain_two_events() -> None:
    # B tells the fire and the strike it led to; C tells only the strike
    strike = _terms(3, "union general strike wages", "traders union calls strike madinat", 2)
    bridge = _terms(2, "qaryat market fire union strike", "traders union calls strike", 1)
    full = EventIndex([*WINDOW_NEWS, MARKET_FIRE, bridge, strike])
    assert full.similarity(MARKET_FIRE, bridge) >= STORY_THRESHOLD
    assert full.similarity(bridge, strike) >= OLD_SINGLE_LINK  # the old rule joined it
    assert full.similarity(MARKET_FIRE, strike) < STORY_MAJORITY_FLOOR
    plan = plan_grouping(EventIndex(WINDOW_NEWS), [MARKET_FIRE, bridge, strike], {}, {})
    assert plan.joins == {1: -1, 2: -1}  # the fire's story; the strike stays apart


def test_an_article_like_one_member_only_does_not_join_a_stored_story() -> None:
    strike = _terms(3, "union general strike wages", "traders union calls strike madinat", 2)
    bridge = _terms(2, "qaryat market fire union strike", "traders union calls strike", 1)
    index = EventIndex([*WINDOW_NEWS, MARKET_FIRE, bridge])
    plan = plan_grouping(index, [strike], {1: 9, 2: 9}, {})
    assert plan.joins == {}


def test_a_reworded_telling_below_the_old_threshold_joins_the_story() -> None:
    reworded = _terms(
        4, "qaryat governor shopkeepers damage", "stalls tunisia civil week losses shopkeepers", 3
    )
    full = EventIndex([*WINDOW_NEWS, MARKET_FIRE, MARKET_FIRE_AGAIN, reworded])
    scores = [full.similarity(reworded, s) for s in (MARKET_FIRE, MARKET_FIRE_AGAIN)]
    assert STORY_THRESHOLD <= max(scores) < OLD_SINGLE_LINK
    assert sum(scores) / 2 >= STORY_MEAN
    plan = plan_grouping(
        EventIndex(WINDOW_NEWS), [MARKET_FIRE, MARKET_FIRE_AGAIN, reworded], {}, {}
    )
    assert plan.joins == {1: -1, 2: -1, 4: -1}
    # and into a stored story the same way
    stored = EventIndex([*WINDOW_NEWS, MARKET_FIRE, MARKET_FIRE_AGAIN])
    assert plan_grouping(stored, [reworded], {1: 9, 2: 9}, {}).joins == {4: 9}


def test_a_story_is_weighed_by_its_newest_members_in_the_window() -> None:
    # a long story whose early members told another side of it: only the newest count
    early = [
        _terms(10 + i, f"union strike wages{i}", "general strike madinat", 0) for i in range(8)
    ]
    late = [
        _terms(30 + i, "qaryat market fire shops", f"blaze destroyed stalls day{i}", 5)
        for i in range(8)
    ]
    newcomer = _terms(50, "qaryat market fire shops traders", "blaze stalls", 6)
    stories = {s.article_id: 9 for s in early + late}
    index = EventIndex([*WINDOW_NEWS, *early, *late])
    assert plan_grouping(index, [newcomer], stories, {}).joins == {50: 9}


def test_a_shared_figure_counts_less_than_a_shared_name() -> None:
    by_figure = _terms(5, "quake 334 lyon", "x"), _terms(6, "storm 334 oslo", "y")
    by_name = _terms(5, "quake kiev lyon", "x"), _terms(6, "storm kiev oslo", "y")
    figure_index = EventIndex([*WINDOW_NEWS, *by_figure])
    name_index = EventIndex([*WINDOW_NEWS, *by_name])
    assert figure_index.similarity(*by_figure) < name_index.similarity(*by_name) / 2
    # figures that differ still push two texts apart
    other_figure = _terms(6, "quake 335 lyon", "x")
    same_figure = _terms(6, "quake 334 lyon", "x")
    assert EventIndex([*WINDOW_NEWS, by_figure[0], other_figure]).similarity(
        by_figure[0], other_figure
    ) < EventIndex([*WINDOW_NEWS, by_figure[0], same_figure]).similarity(by_figure[0], same_figure)


def test_a_copy_that_gives_figures_is_still_a_copy() -> None:
    text = (
        "Port workers in Gdansk end 12-day strike after 7.5 percent pay deal",
        "Dock workers in Gdansk accepted a 7.5 percent rise on Monday, ending 12 days of strike.",
    )
    index, (a, b) = _index(text, text)
    assert index.text_similarity(a, b) == pytest.approx(1.0)
    assert index.similarity(a, b) < 1.0  # as events, their shared figures weigh less
    assert is_copy(index, a, b)
    plan = plan_grouping(_index()[0], [a, b], {}, {})
    assert plan.copies == {2: 1}


# Two tellings of one grounding that share little beyond the ship; a third shares a
# little with each of them.
AGROUND = _terms(1, "tanker aground reef", "crew safe oil sheen coastguard")
AGROUND_AGAIN = _terms(2, "tanker aground cape", "salvage tugs wait high tide", 1)


def test_a_telling_like_the_story_as_a_whole_joins_it_through_its_centroid() -> None:
    third = _terms(3, "spill fears grow", "oil crew salvage tide", 2)
    full = EventIndex([*WINDOW_NEWS, AGROUND, AGROUND_AGAIN, third])
    assert all(full.similarity(third, m) < STORY_THRESHOLD for m in (AGROUND, AGROUND_AGAIN))
    assert full.centroid_similarity(third, [AGROUND, AGROUND_AGAIN]) >= STORY_CENTROID
    plan = plan_grouping(EventIndex(WINDOW_NEWS), [AGROUND, AGROUND_AGAIN, third], {}, {})
    assert plan.joins == {1: -1, 2: -1, 3: -1}
    # and into a stored story the same way
    stored = EventIndex([*WINDOW_NEWS, AGROUND, AGROUND_AGAIN])
    assert plan_grouping(stored, [third], {1: 9, 2: 9}, {}).joins == {3: 9}


def test_a_telling_like_one_member_only_stays_out_of_the_centroid() -> None:
    near_one = _terms(3, "spill fears grow", "oil crew", 2)
    full = EventIndex([*WINDOW_NEWS, AGROUND, AGROUND_AGAIN, near_one])
    assert STORY_CENTROID_FLOOR <= full.similarity(near_one, AGROUND) < STORY_THRESHOLD
    assert full.centroid_similarity(near_one, [AGROUND, AGROUND_AGAIN]) < STORY_CENTROID
    plan = plan_grouping(EventIndex(WINDOW_NEWS), [AGROUND, AGROUND_AGAIN, near_one], {}, {})
    assert plan.joins == {1: -1, 2: -1}
    # close to one member and unlike the other: refused as a whole, the centroid too
    close_one = _terms(3, "spill fears grow", "oil crew sheen coastguard", 2)
    full = EventIndex([*WINDOW_NEWS, AGROUND, AGROUND_AGAIN, close_one])
    assert full.similarity(close_one, AGROUND) >= STORY_THRESHOLD
    assert full.centroid_similarity(close_one, [AGROUND, AGROUND_AGAIN]) >= STORY_CENTROID
    plan = plan_grouping(EventIndex(WINDOW_NEWS), [AGROUND, AGROUND_AGAIN, close_one], {}, {})
    assert plan.joins == {1: -1, 2: -1}


@pytest.mark.parametrize(
    ("first", "second", "apart"),
    [
        ("47.6", "48", False),  # the same figure rounded
        ("116.4", "116", False),
        ("500,000", "500000", False),  # written another way
        ("47.6", "52", True),
        ("2025", "2026", True),  # whole numbers are never rounded
    ],
)
def test_figures_conflict_unless_one_is_the_other_rounded(
    first: str, second: str, apart: bool
) -> None:
    a = _terms(5, f"census population {first} million", "x")
    b = _terms(6, f"census population {second} million", "y")
    other = _terms(7, "census population 999 million", "y")  # another figure: a conflict
    index = EventIndex([*WINDOW_NEWS, a, b, other])
    halved = math.isclose(index.text_similarity(a, b), index.text_similarity(a, other))
    assert halved == apart
    if not apart:
        assert index.text_similarity(a, b) == pytest.approx(
            index.text_similarity(a, other) / FIGURE_CONFLICT
        )


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Food delivery firm Tiffino jumps on its debut", {"tiffino"}),
        ("Tiffino jumps on debut", set()),  # a sentence's first word says nothing
        ("Shares jump. Tiffino founder rings the bell", set()),
        ("Investors shun the IPO of Zipvolt", {"zipvolt"}),  # "IPO": an acronym of three
        ("Food Delivery Firm Tiffino Jumps On Market Debut", set()),  # Title Case
        ("Crowds in Mumbai cheer the debut", set()),  # a place of the table
        ("Talks resume on Monday in the Senate, the President said", set()),
        ("افتتاح متحف «دار الخط» في جدة", {"دار", "الخط"}),
        ("افتتاح متحف دار الخط في جدة", set()),
    ],
)
def test_names_are_words_written_as_names(text: str, names: set[str]) -> None:
    assert names_in(text) == {t for n in names for t in terms(n)}


def test_a_shared_name_lifts_two_tellings_to_the_threshold() -> None:
    debut = ("Food delivery firm Tiffino jumps 40% on market debut", "Shares rose at once.")
    named = ("Founder rings the bell as shares soar", "The company Tiffino raised money.")
    unnamed = (named[0], named[1].replace("Tiffino", "tiffino"))
    index, (one, other) = _index(debut, named)
    plain, (one_again, no_name) = _index(debut, unnamed)
    assert NAME_FLOOR <= plain.similarity(one_again, no_name) < STORY_THRESHOLD
    assert index.similarity(one, other) == pytest.approx(STORY_THRESHOLD)


def test_a_name_in_much_of_the_window_lifts_nothing() -> None:
    # a name many articles give is news of many events (a firm, a leader)
    debut = ("Food delivery firm Tiffino jumps 40% on market debut", "Shares rose at once.")
    named = (
        "Founder rings the opening bell",
        "The company Tiffino raised money in its debut sale of shares to the public.",
    )

    def alike(others: int) -> float:
        busy = [
            (f"Story {i} about the firm", f"Analysts discuss Tiffino and rival {i}.")
            for i in range(others)
        ]
        index, (one, other, *_rest) = _index(debut, named, *busy)
        return index.similarity(one, other)

    assert alike(NAME_RARE_FLOOR - 3) == pytest.approx(STORY_THRESHOLD)  # rare: lifted
    assert NAME_FLOOR <= alike(NAME_RARE_FLOOR) < STORY_THRESHOLD  # common: as it is
