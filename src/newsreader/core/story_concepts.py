"""Words that name one thing in other words: places and kinds of event, for stories.

Two outlets rarely tell an event in the same words: one writes "Montreal", the other
"Quebec"; one "blizzard", the other "snowstorm"; one "الدينار التونسي", the other
"العملة التونسية".  ``resources/story_concepts.json`` groups such words: a *place*
group holds a country or region, its people's adjective, its capital and its big
cities; a *word* group holds the words news writes for one kind of event.  A word
may sit in several groups (a city in its region and in its country).

Same-event detection (:mod:`newsreader.core.stories`) gives an article, besides its
own terms, one *concept term* per group its words belong to, so that two articles
naming one place or one kind of event in other words still share something.  A
place's word is matched as written (folded, its article, particles and adjective
endings off), not by its stem, which an everyday word may share ("البحرين" and
"البحر").
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass

from newsreader.core.paths import resources_dir

CONCEPTS_FILE = "story_concepts.json"
FORMAT = "newsreader-story-concepts"
#: What a concept term starts with, by the group's kind: no word does, so a concept
#: term never meets a real one.
PLACE_MARK = "@"
WORD_MARK = "~"


@dataclass(frozen=True, slots=True)
class ConceptGroup:
    """One group of the table: its key (``"greece"``), kind and written names."""

    key: str
    kind: str  # "place" or "word"
    names: tuple[str, ...]
    within: str | None = None  # a region: the key of the country it lies in

    @property
    def term(self) -> str:
        """The concept term the group's words give an article."""
        return (PLACE_MARK if self.kind == "place" else WORD_MARK) + self.key


@functools.cache
def concept_groups() -> tuple[ConceptGroup, ...]:
    """The shipped table (read once per process)."""
    document = json.loads((resources_dir() / CONCEPTS_FILE).read_text(encoding="utf-8"))
    if document.get("format") != FORMAT:
        raise ValueError(f"{CONCEPTS_FILE} is not a {FORMAT} file")
    groups = []
    for section, kind in (("places", "place"), ("words", "word")):
        for raw in document[section]:
            groups.append(ConceptGroup(raw["key"], kind, tuple(raw["names"]), raw.get("within")))
    return tuple(groups)
