"""Each layout check fails on the layout it is there to catch, and passes a sound one."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsreader.ui.layout_check import LayoutFacts, problems

SOUND = LayoutFacts(
    list_width=900,
    headline_width=420,
    scrolls_sideways=False,
    shown_feed_names=("الأفق… — أسواق ومال", "الأفق… — رياضة وثقافة", "Science"),
    comments_folded=True,
    comments_has_content=False,
)


def test_a_sound_layout_has_no_problems() -> None:
    assert problems(SOUND) == []
    assert problems(replace(SOUND, comments_folded=False, comments_has_content=True)) == []


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"headline_width": 20}, "headline column"),
        ({"scrolls_sideways": True}, "sideways"),
        ({"shown_feed_names": ("الأفق — أسوا…", "الأفق — أسوا…")}, "alike"),
        ({"comments_folded": False}, "nothing to show"),
    ],
)
def test_each_check_catches_its_fault(change: dict[str, object], words: str) -> None:
    found = problems(replace(SOUND, **change))  # type: ignore[arg-type]
    assert len(found) == 1 and words in found[0]
