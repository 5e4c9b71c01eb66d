"""The user's corrections to story grouping, as pure rules (no I/O).

Grouping errs both ways, so the user can take an article out of a story, merge two
stories, or split one.  Each correction is kept as pairs of articles:

- ``apart`` (A, B): A never shares a story with B.  Taking A out of a story keeps
  it apart from every other member; a split keeps each article of the part split
  off apart from each of the part that stays.
- ``together`` (A, B): A shares B's story.  A merge keeps every article of the
  merged story together with the story it went into; a split keeps the part split
  off together, so that it stays one story.

:func:`enforce` puts a grouping right by these pairs (a refresh runs it after
grouping new articles, an import after restoring corrections), and
:func:`split_in_two` says where a story parts: at its weakest link.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

APART = "apart"
TOGETHER = "together"
KINDS = (APART, TOGETHER)


@dataclass(frozen=True, slots=True)
class Correction:
    """One pair: *article_id* kept ``apart`` from, or ``together`` with, *other_id*."""

    kind: str
    article_id: int
    other_id: int


def enforce(
    story_of: Mapping[int, int | None], corrections: Iterable[Correction]
) -> dict[int, int | None]:
    """The articles whose story must change, and the story each goes to.

    *story_of* gives the story (or ``None``) of every corrected article and of every
    member of their stories.  A negative story id in the answer names a story to be
    made (shared by the articles given it); ``None`` takes an article out of its story.

    ``apart`` pairs are applied first: an article in the same story as one it is kept
    apart from leaves that story.  ``together`` pairs then join what is apart: a
    story with the other one (a merge) when no pair of their members is kept apart,
    else the article alone when it is not kept apart from any of the other story,
    else nothing.
    """
    pairs = list(corrections)
    stories = dict(story_of)
    apart: set[tuple[int, int]] = set()
    for c in pairs:
        if c.kind == APART:
            apart.add((c.article_id, c.other_id))
            apart.add((c.other_id, c.article_id))
    for c in pairs:
        if c.kind != APART or c.article_id not in stories or c.other_id not in stories:
            continue
        story = stories[c.article_id]
        if story is not None and story == stories[c.other_id]:
            stories[c.article_id] = None
    next_new = -1

    def members(story: int | None, article: int) -> list[int]:
        if story is None:
            return [article]
        return [a for a, s in stories.items() if s == story]

    def clash(group: Sequence[int], others: Sequence[int]) -> bool:
        return any((a, b) in apart for a in group for b in others)

    for c in pairs:
        a, b = c.article_id, c.other_id
        if c.kind != TOGETHER or a not in stories or b not in stories:
            continue
        sa, sb = stories[a], stories[b]
        if sa is not None and sa == sb:
            continue
        group_a, group_b = members(sa, a), members(sb, b)
        if not clash(group_a, group_b):
            moving = group_a
        elif not clash([a], group_b):
            moving = [a]
        else:
            continue
        target = sb
        if target is None:
            target = next_new
            next_new -= 1
            stories[b] = target
        for article in moving:
            stories[article] = target
    return {a: s for a, s in stories.items() if story_of.get(a) != s}


def split_in_two(
    members: Sequence[int], similarity: Callable[[int, int], float]
) -> tuple[list[int], list[int]]:
    """A story's members in two parts, cut at the weakest link.

    Grouping is single-link: a story is held together by a chain of articles each
    like the one before.  The strongest such chain through all members is their
    maximum spanning tree; cutting its weakest edge parts the story where its two
    halves are least alike (two events one article linked, or two stories merged).
    The first part holds ``members[0]``.  Fewer than two members: nothing to split.
    """
    if len(members) < 2:
        raise ValueError("a story of fewer than two articles cannot be split")
    # Prim's algorithm on the complete graph (stories are small)
    first = members[0]
    best: dict[int, tuple[float, int]] = {m: (similarity(first, m), first) for m in members[1:]}
    edges: list[tuple[float, int, int]] = []
    while best:
        article = max(best, key=lambda m: (best[m][0], -members.index(m)))
        weight, parent = best.pop(article)
        edges.append((weight, parent, article))
        for other in best:
            score = similarity(article, other)
            if score > best[other][0]:
                best[other] = (score, article)
    weakest = min(range(len(edges)), key=lambda i: (edges[i][0], -i))
    _weight, parent, child = edges[weakest]
    children: dict[int, list[int]] = {}
    for _w, p, c in edges:
        children.setdefault(p, []).append(c)
    off = {child}
    stack = [child]
    while stack:
        for c in children.get(stack.pop(), ()):
            off.add(c)
            stack.append(c)
    return [m for m in members if m not in off], [m for m in members if m in off]


def split_corrections(kept: Sequence[int], split_off: Sequence[int]) -> list[Correction]:
    """The pairs that keep a split: each article split off apart from each one kept,
    and the part split off together (with its first article)."""
    pairs = [Correction(APART, a, b) for a in split_off for b in kept]
    pairs += [Correction(TOGETHER, a, split_off[0]) for a in split_off[1:]]
    return pairs
