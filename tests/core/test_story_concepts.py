"""The shipped table of places and kinds of event, and what it gives same-event detection."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime

import pytest

from newsreader.core.stories import (
    PLACE_CONFLICT,
    STORY_THRESHOLD,
    EventIndex,
    Signature,
    concepts_of,
    headline_places,
    signature,
    terms,
)
from newsreader.core.story_concepts import PLACE_MARK, WORD_MARK, concept_groups

T0 = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)

# Other news of the window, so that rarity means something.
BACKGROUND = [
    ("Rail fares to rise in January", "Train tickets will cost more from the new year."),
    ("Museum opens new dinosaur hall", "The hall shows fossils found in the desert."),
    ("Local team wins cup final on penalties", "The match ended level after extra time."),
    ("Central bank keeps interest rate unchanged", "The bank said inflation is slowing."),
    ("ارتفاع أسعار الذهب في الأسواق المحلية", "سجلت أسعار الذهب ارتفاعا طفيفا اليوم."),
    ("الحكومة تناقش مشروع قانون الضرائب", "ناقش مجلس الوزراء مشروع القانون الجديد."),
]


def _index(*texts: tuple[str, str]) -> tuple[EventIndex, list[Signature]]:
    sigs = [signature(i, i, T0, t, lead) for i, (t, lead) in enumerate([*BACKGROUND, *texts])]
    return EventIndex(sigs), sigs[len(BACKGROUND) :]


def test_every_name_of_the_table_is_one_word() -> None:
    several = [(g.key, n) for g in concept_groups() for n in g.names if len(terms(n)) != 1]
    assert several == []


def test_a_word_names_two_places_only_as_a_region_and_its_country() -> None:
    # "Montreal" is in Quebec and in Canada; "مصراتة" must not fold into "مصر" (Egypt)
    within = {g.term: PLACE_MARK + g.within for g in concept_groups() if g.within}
    found = {}
    for group in concept_groups():
        for name in group.names:
            found.setdefault(terms(name)[0], set()).add(group.term)
    clashes = {
        term: sorted(places)
        for term, concepts in found.items()
        if len(places := {c for c in concepts if c[0] == PLACE_MARK}) > 1
        and not any(within.get(p) in places for p in places)
    }
    assert clashes == {}


def test_no_group_lists_a_name_twice() -> None:
    twice = {g.key: n for g in concept_groups() for n, c in Counter(g.names).items() if c > 1}
    assert twice == {}


def test_the_keys_are_unique_and_both_kinds_are_there() -> None:
    groups = concept_groups()
    keys = Counter((g.kind, g.key) for g in groups)
    assert [k for k, n in keys.items() if n > 1] == []
    assert {g.kind for g in groups} == {"place", "word"}
    assert all(g.term[0] == (PLACE_MARK if g.kind == "place" else WORD_MARK) for g in groups)


def test_a_city_gives_its_region_and_its_country() -> None:
    [montreal] = terms("Montreal")
    assert set(concepts_of(montreal)) == {"@canada", "@quebec"}
    # a city listed under its region only still gives the country the region is in
    [gatineau] = terms("Gatineau")
    assert not any(
        gatineau in terms(n) for g in concept_groups() if g.key == "canada" for n in g.names
    )
    assert set(concepts_of(gatineau)) == {"@canada", "@quebec"}
    [riyadh] = terms("الرياض")
    [saudi] = terms("السعودية")
    assert concepts_of(riyadh) == concepts_of(saudi) == ("@saudi",)
    [blizzard] = terms("blizzard")
    [snowstorm] = terms("snowstorm")
    assert concepts_of(blizzard) == concepts_of(snowstorm) == ("~snow",)
    assert concepts_of("dinosaur") == ()


def test_one_event_told_in_other_words_is_alike_only_through_the_table() -> None:
    index, (quebec, montreal) = _index(
        ("Blizzard cuts power to homes in Quebec", "Crews work through the night."),
        ("Montreal digs out after snowstorm", "Schools stay shut on Tuesday."),
    )
    assert not set(quebec.title_terms + quebec.lead_terms) & set(
        montreal.title_terms + montreal.lead_terms
    )
    assert index.similarity(quebec, montreal) > 0.1
    assert index.text_similarity(quebec, montreal) > 0.1


# One event in a country, another in a second country, the first told again naming
# its country otherwise.
TWO_COUNTRIES = [
    (
        ("زلزال يضرب مراكش فجر الثلاثاء", "شعر السكان بالهزة في أحياء المدينة."),
        ("زلزال يضرب اللاذقية فجر الثلاثاء", "شعر السكان بالهزة في أحياء المدينة."),
        ("زلزال يضرب المغرب فجر الثلاثاء", "شعر السكان بالهزة في أحياء المدينة."),
    ),
    # "أول" (first) once stemmed like a name of Mongolia's capital, so both articles
    # "shared" a place and the cut for two countries never came
    (
        ("السعودية: الثلاثاء أول أيام عيد الفطر", "أعلنت المحكمة ثبوت رؤية الهلال."),
        ("المغرب: الأربعاء أول أيام عيد الفطر", "أعلنت الوزارة تعذر رؤية الهلال."),
        ("الرياض: الثلاثاء أول أيام عيد الفطر", "أعلنت المحكمة ثبوت رؤية الهلال."),
    ),
    # both leads name the country both import from: the headlines' places decide
    (
        (
            "Mexico raises tariffs on clothing imports to 35%",
            "The duties target cheap textiles arriving from China.",
        ),
        (
            "Brazil raises import tax on electric cars to 35%",
            "The tariff rise answers a flood of cars arriving from China.",
        ),
        (
            "Mexico City lifts duties on clothing imports to 35%",
            "The duties target cheap textiles arriving from China.",
        ),
    ),
]


@pytest.mark.parametrize(
    "texts", TWO_COUNTRIES, ids=("quake", "eid, both writing أول", "leads sharing a third")
)
def test_two_events_in_two_countries_are_set_apart(
    texts: tuple[tuple[str, str], ...],
) -> None:
    index, (here, there, here_again) = _index(*texts)
    apart = index.similarity(here, there)
    together = index.similarity(here, here_again)
    assert apart < together * PLACE_CONFLICT + 1e-9
    # the words' own cosine (copies are found by it) is not halved
    assert index.text_similarity(here, there) > apart


@pytest.mark.parametrize(
    ("headline", "places"),
    [
        ("Brazil raises import tax on electric cars", ("@brazil",)),
        ("Brazilian midfielder joins Ettifaq", ()),  # whose, not where
        ("Chinese champions dethroned in Seoul", ("@korea",)),
        ("French court fines Dutch bank", ()),
        ("تركيا تفرض رسوما إضافية على السيارات الصينية", ("@turkey",)),
        ("الاتفاق يضم لاعب الوسط البرازيلي", ()),
        ("صفقة تنقل اللاعب إلى الدمام", ("@saudi",)),
        ("Prices rise again", ()),
    ],
)
def test_a_headline_names_places_where_its_event_is_not_nationalities(
    headline: str, places: tuple[str, ...]
) -> None:
    assert headline_places(headline) == places


def test_a_nationality_in_one_headline_does_not_set_two_tellings_apart() -> None:
    index, (signing, deal) = _index(
        (
            "Brazilian midfielder Duarte joins Ettifaq",
            "The Saudi club signed Duarte from Benfica for 35 million euros.",
        ),
        (
            "35 million euro deal takes Duarte to Dammam",
            "Benfica's Brazilian midfielder Duarte signed for the Saudi club Ettifaq.",
        ),
    )
    assert signing.places == () and deal.places == ("@saudi",)
    assert index.similarity(signing, deal) >= STORY_THRESHOLD


# A place of the table and an everyday word that the light stemmer reduces alike.
PLACES_AND_LOOKALIKES = [
    ("البحرين", "البحر", "@bahrain"),
    ("البحريني", "البحرية", "@bahrain"),
    ("الرياض", "الرياضة", "@saudi"),
    ("بالرياض", "الرياضي", "@saudi"),
    ("أولان", "أول", "@mongolia"),
    ("الحديدة", "الحديدية", "@yemen"),
    ("Homs", "homes", "@syria"),
    ("Aires", "air", "@argentina"),
    ("Tyre", "tyre", "@lebanon"),
]


def _place_concepts(word: str) -> set[str]:
    return {c for t in terms(word) for c in concepts_of(t) if c[0] == PLACE_MARK}


def test_a_place_is_told_apart_from_an_everyday_word_that_stems_alike() -> None:
    for place, lookalike, concept in PLACES_AND_LOOKALIKES:
        assert concept in _place_concepts(place), place
        assert _place_concepts(lookalike) == set(), lookalike
        assert set(terms(place)).isdisjoint(terms(lookalike)), (place, lookalike)


def test_everyday_words_give_no_concept_of_the_table() -> None:
    # news writes these every day; a concept on them would tie unrelated articles
    everyday = (
        "أول الأولى إثر الرسمية الرسمي دقيقة العمر أجرى طلب مصدر البحر الرياضة"
        " مصراتة plans draw grounds house home air Africans"
    )
    given = {w: [c for t in terms(w) for c in concepts_of(t)] for w in everyday.split()}
    assert {w: c for w, c in given.items() if c} == {}


def test_a_place_is_found_with_its_particles_endings_and_possessive() -> None:
    for written in ("مصر", "لمصر", "بمصر", "والمصريين", "المصرية", "المصريون", "المصري"):
        assert _place_concepts(written) == {"@egypt"}, written
    assert _place_concepts("وبغداد") == {"@iraq"}
    assert _place_concepts("Kenyans") == {"@kenya"}
    assert _place_concepts("Mexico's") == {"@mexico"}
    assert _place_concepts("U.S.") == {"@usa"}
    # capitalised after a quote or a bracket, as headlines write it
    assert _place_concepts("“Homs”") == {"@syria"}
    assert _place_concepts("(Kenya)") == {"@kenya"}
    # every form of one country is one term, whatever letter it starts with
    assert len({t for w in ("مصر", "المصرية", "لمصر") for t in terms(w)}) == 1
    assert len({t for w in ("باكستان", "لباكستان", "الباكستاني") for t in terms(w)}) == 1
