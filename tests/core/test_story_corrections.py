"""The rules of the user's story corrections: apart, together, and where a story splits."""

from __future__ import annotations

import pytest

from newsreader.core.story_corrections import (
    APART,
    TOGETHER,
    Correction,
    enforce,
    split_corrections,
    split_in_two,
)


def test_an_article_kept_apart_leaves_the_story_it_shares_with_the_other() -> None:
    story_of = {1: 10, 2: 10, 3: 10, 4: 20}
    moves = enforce(story_of, [Correction(APART, 3, 1), Correction(APART, 4, 1)])
    assert moves == {3: None}  # 4 is in another story already


def test_together_merges_whole_stories_or_adds_a_loose_article() -> None:
    story_of: dict[int, int | None] = {1: 10, 2: 10, 3: 20, 4: 20, 5: None}
    moves = enforce(story_of, [Correction(TOGETHER, 3, 1), Correction(TOGETHER, 5, 2)])
    assert moves == {3: 10, 4: 10, 5: 10}


def test_two_loose_articles_kept_together_make_a_new_story() -> None:
    moves = enforce(
        {1: None, 2: None, 3: None}, [Correction(TOGETHER, 2, 1), Correction(TOGETHER, 3, 1)]
    )
    assert moves == {1: -1, 2: -1, 3: -1}


def test_apart_outranks_together() -> None:
    story_of: dict[int, int | None] = {1: 10, 2: 20, 3: 20}
    corrections = [Correction(TOGETHER, 2, 1), Correction(APART, 3, 1)]
    assert enforce(story_of, corrections) == {2: 10}  # 2 alone: 3 stays apart from 1
    both_apart = [Correction(TOGETHER, 2, 1), Correction(APART, 2, 1)]
    assert enforce(story_of, both_apart) == {}


def test_a_split_kept_after_everything_was_grouped_together_again() -> None:
    pairs = split_corrections([1, 2, 3], [4, 5])
    story_of: dict[int, int | None] = dict.fromkeys(range(1, 6), 7)
    moves = enforce(story_of, pairs)
    assert moves == {4: -1, 5: -1}


def test_a_story_splits_at_its_weakest_link() -> None:
    close = {frozenset(p): 0.6 for p in [(1, 2), (2, 3), (4, 5)]}
    close[frozenset((3, 4))] = 0.25  # the one article linking two events

    def similarity(a: int, b: int) -> float:
        return close.get(frozenset((a, b)), 0.05)

    assert split_in_two([1, 2, 3, 4, 5], similarity) == ([1, 2, 3], [4, 5])
    assert split_in_two([5, 4, 1, 2, 3], similarity) == ([5, 4], [1, 2, 3])
    with pytest.raises(ValueError, match="fewer than two"):
        split_in_two([1], similarity)
