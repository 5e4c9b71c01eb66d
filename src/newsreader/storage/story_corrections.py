"""The user's corrections to story grouping, stored and put into effect.

A correction is a pair of articles kept ``apart`` or ``together``
(:mod:`newsreader.core.story_corrections` says what each means), stored by the
articles' feed URLs and keys: it outlives the article rows, travels in export-data,
and is applied again when a refresh brings the articles back.  :func:`enforce_stored`
puts the stored stories right by every correction whose two articles are stored;
the grouping step runs it after each refresh's joins, and the user's own commands
after recording what they changed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime

from sqlalchemy import and_, delete, func, insert, or_, select
from sqlalchemy.orm import Session, aliased

from newsreader.core.backup_records import StoryCorrectionRecord
from newsreader.core.stories import EventIndex, medoid
from newsreader.core.story_corrections import APART, KINDS, TOGETHER, Correction, enforce
from newsreader.storage.models import (
    ArticleRow,
    FeedRow,
    StoryArticleRow,
    StoryCorrectionRow,
    StoryRow,
)
from newsreader.storage.stories import members_of, name_stories, signatures_of

__all__ = [
    "add_records",
    "enforce_stored",
    "forget_between",
    "record",
    "records",
    "rename_by_medoid",
    "resolved",
]


def _names(session: Session, article_ids: Iterable[int]) -> dict[int, tuple[str, str]]:
    """article id → (feed URL, key)."""
    ids = list(set(article_ids))
    if not ids:
        return {}
    return {
        r[0]: (r[1], r[2])
        for r in session.execute(
            select(ArticleRow.id, FeedRow.url, ArticleRow.key)
            .join(FeedRow, FeedRow.id == ArticleRow.feed_id)
            .where(ArticleRow.id.in_(ids))
        )
    }


def _opposite(kind: str) -> str:
    return TOGETHER if kind == APART else APART


def record(session: Session, corrections: Sequence[Correction]) -> int:
    """Keep *corrections*; a pair's opposite (the same two articles) is dropped.

    The newest word is the user's: keeping two articles together forgets that they
    were kept apart, and the other way round.  Returns how many were new.
    """
    names = _names(session, [i for c in corrections for i in (c.article_id, c.other_id)])
    now = datetime.now(UTC)
    return add_records(
        session,
        [
            StoryCorrectionRecord(c.kind, *names[c.article_id], *names[c.other_id], now)
            for c in corrections
            if c.article_id in names and c.other_id in names and c.article_id != c.other_id
        ],
    )


def add_records(session: Session, new: Sequence[StoryCorrectionRecord]) -> int:
    """Keep correction records not kept yet (a restore, or :func:`record`); how many."""
    have = {_key(r) for r in records(session)}
    added = 0
    for r in new:
        if r.kind not in KINDS or _key(r) in have:
            continue
        _drop_pair(session, _opposite(r.kind), r)
        session.execute(
            insert(StoryCorrectionRow).values(
                kind=r.kind,
                feed_url=r.feed_url,
                article_key=r.key,
                other_feed_url=r.other_feed_url,
                other_key=r.other_key,
                created=r.created,
            )
        )
        have.add(_key(r))
        added += 1
    return added


def _key(r: StoryCorrectionRecord) -> tuple[str, str, str, str, str]:
    return (r.kind, r.feed_url, r.key, r.other_feed_url, r.other_key)


def _drop_pair(session: Session, kind: str, r: StoryCorrectionRecord) -> None:
    """Drop the *kind* pairs of the two articles *r* names, in either order."""
    c = StoryCorrectionRow
    one = and_(
        c.feed_url == r.feed_url,
        c.article_key == r.key,
        c.other_feed_url == r.other_feed_url,
        c.other_key == r.other_key,
    )
    other = and_(
        c.feed_url == r.other_feed_url,
        c.article_key == r.other_key,
        c.other_feed_url == r.feed_url,
        c.other_key == r.key,
    )
    session.execute(delete(c).where(c.kind == kind, or_(one, other)))


def forget_between(
    session: Session, kind: str, group: Iterable[int], others: Iterable[int]
) -> None:
    """Drop the *kind* pairs between any article of *group* and any of *others*.

    A merge forgets that its stories' articles were kept apart; a split forgets
    that they were kept together.
    """
    names = _names(session, [*group, *others])
    a = [names[i] for i in group if i in names]
    b = [names[i] for i in others if i in names]
    for first in a:
        for second in b:
            _drop_pair(
                session, kind, StoryCorrectionRecord(kind, *first, *second, datetime.now(UTC))
            )


def records(session: Session) -> list[StoryCorrectionRecord]:
    """Every stored correction, oldest first (for a backup)."""
    c = StoryCorrectionRow
    return [
        StoryCorrectionRecord(*r)
        for r in session.execute(
            select(
                c.kind, c.feed_url, c.article_key, c.other_feed_url, c.other_key, c.created
            ).order_by(c.id)
        )
    ]


def resolved(session: Session) -> list[Correction]:
    """The corrections whose two articles are both stored, by article id, oldest first."""
    c = StoryCorrectionRow
    feed_a, feed_b = aliased(FeedRow), aliased(FeedRow)
    art_a, art_b = aliased(ArticleRow), aliased(ArticleRow)
    rows = session.execute(
        select(c.kind, art_a.id, art_b.id)
        .join(feed_a, feed_a.url == c.feed_url)
        .join(art_a, and_(art_a.feed_id == feed_a.id, art_a.key == c.article_key))
        .join(feed_b, feed_b.url == c.other_feed_url)
        .join(art_b, and_(art_b.feed_id == feed_b.id, art_b.key == c.other_key))
        .order_by(c.id)
    )
    return [Correction(kind, a, b) for kind, a, b in rows]


def enforce_stored(session: Session) -> set[int]:
    """Put the stored stories right by every applicable correction.

    Returns the ids of the stories that changed (merged away ones included); they
    are named again by their medoids, and stories left without articles are removed.
    """
    if session.scalar(select(func.count()).select_from(StoryCorrectionRow)) == 0:
        return set()
    corrections = resolved(session)
    if not corrections:
        return set()
    articles = {i for c in corrections for i in (c.article_id, c.other_id)}
    story_of: dict[int, int | None] = dict.fromkeys(articles)
    direct = dict(
        session.execute(
            select(StoryArticleRow.article_id, StoryArticleRow.story_id).where(
                StoryArticleRow.article_id.in_(articles)
            )
        ).all()
    )
    for story_id, member_ids in members_of(session, set(direct.values())).items():
        for member in member_ids:
            story_of[member] = story_id
    moves = enforce(story_of, corrections)
    if not moves:
        return set()
    changed = apply_moves(session, story_of, moves)
    rename_by_medoid(session, changed)
    return changed


def apply_moves(
    session: Session, story_of: Mapping[int, int | None], moves: Mapping[int, int | None]
) -> set[int]:
    """Move articles between stories (negative ids: stories to make); the stories touched."""
    now = datetime.now(UTC)
    made: dict[int, int] = {}
    for new in sorted({s for s in moves.values() if s is not None and s < 0}, reverse=True):
        made[new] = session.scalars(
            insert(StoryRow).returning(StoryRow.id), [{"title": "", "created": now, "updated": now}]
        ).one()
    session.execute(delete(StoryArticleRow).where(StoryArticleRow.article_id.in_(list(moves))))
    joins = [
        {"article_id": a, "story_id": made.get(s, s)} for a, s in moves.items() if s is not None
    ]
    if joins:
        session.execute(insert(StoryArticleRow), joins)
    touched = {s for a in moves if (s := story_of.get(a)) is not None}
    return touched | {made.get(s, s) for s in moves.values() if s is not None}


def rename_by_medoid(session: Session, story_ids: Iterable[int]) -> None:
    """Name *story_ids* by their medoids' headlines; remove those without articles."""
    members = members_of(session, story_ids)
    empty = [s for s, ids in members.items() if not ids]
    if empty:
        session.execute(delete(StoryRow).where(StoryRow.id.in_(empty)))
    signatures = {
        s.article_id: s
        for s in signatures_of(session, [i for ids in members.values() for i in ids])
    }
    index = EventIndex(signatures.values())
    names = {}
    for story_id, ids in members.items():
        sigs = [signatures[i] for i in ids if i in signatures]
        if sigs:
            best = medoid(index, sigs)
            names[story_id] = (best.article_id, max(s.time for s in sigs))
    name_stories(session, names)
