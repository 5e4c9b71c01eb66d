"""Stories, their members, syndicated copies and the signatures grouping compares.

Reads and writes only: what is grouped with what is decided by
:mod:`newsreader.core.stories`, in the order :mod:`newsreader.update.stories` runs.
The users' marks are touched in one way only: when an article is found to be a copy
of another, the group's marks are made alike for each user (read if any was read,
starred if any was starred), so merging copies never loses a mark.  Stories
themselves are everyone's; their unread counts are the session's user's.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import Table, case, delete, exists, func, insert, or_, select, update
from sqlalchemy.orm import Session

from newsreader.core.stories import Signature
from newsreader.core.types import Story
from newsreader.storage.database import session_user
from newsreader.storage.models import (
    ArticleCopyRow,
    ArticleRow,
    ArticleStateRow,
    FeedRow,
    StoryArticleRow,
    StoryRow,
    StorySignatureRow,
)

#: How much of an article's summary grouping reads (its lead is the first words).
LEAD_CHARS = 600


@dataclass(frozen=True, slots=True)
class Ungrouped:
    """An article stored but not grouped yet, with what its signature is made of."""

    id: int
    feed_id: int
    sort_time: datetime
    title: str
    lead: str | None
    link: str | None
    guid: str


#: The signatures' table, for Core inserts.
_SIGNATURES = cast(Table, StorySignatureRow.__table__)


def ungrouped_since(
    session: Session, since: datetime, dated_after: datetime | None = None
) -> Iterator[Ungrouped]:
    """Articles without a signature yet, first seen at or after *since*, oldest first.

    With *dated_after*, also those dated after it, whenever they were first seen:
    the recent news of a database made before stories were, or of a grouping that
    failed.  Read as they are consumed (a cold refresh brings thousands, and only
    their signatures are kept), while *session* stays open.
    """
    new = ArticleRow.first_seen >= since
    if dated_after is not None:
        new = or_(new, ArticleRow.sort_time > dated_after)
    rows = session.execute(
        select(
            ArticleRow.id,
            ArticleRow.feed_id,
            ArticleRow.sort_time,
            ArticleRow.title,
            func.substr(ArticleRow.summary, 1, LEAD_CHARS),
            ArticleRow.link,
            ArticleRow.key,
        )
        .where(new)
        .where(~exists().where(StorySignatureRow.article_id == ArticleRow.id))
        .order_by(ArticleRow.sort_time, ArticleRow.id)
    )
    return (Ungrouped(*r) for r in rows)


#: What a name term is stored with, after the headline's terms in ``title_terms`` (no
#: term starts with it): signatures stored before names were kept have none.
NAME_MARK = "!"
#: What each of the headline's places is stored with, after the names: signatures
#: stored before they were kept have none (and meet no headline place conflict).
HEADLINE_PLACE_MARK = "^"
_MARKS = (NAME_MARK, HEADLINE_PLACE_MARK)


def _title_column(signature: Signature) -> str:
    return " ".join(
        (
            *signature.title_terms,
            *(NAME_MARK + n for n in signature.names),
            *(HEADLINE_PLACE_MARK + p for p in signature.places),
        )
    )


def _signature(row: Any) -> Signature:
    stored = row[3].split()
    return Signature(
        article_id=row[0],
        feed_id=row[1],
        time=row[2],
        title_terms=tuple(t for t in stored if not t.startswith(_MARKS)),
        lead_terms=tuple(row[4].split()),
        link=row[5],
        guid=row[6],
        names=tuple(t[1:] for t in stored if t.startswith(NAME_MARK)),
        places=tuple(t[1:] for t in stored if t.startswith(HEADLINE_PLACE_MARK)),
    )


_SIGNATURE_COLUMNS = (
    StorySignatureRow.article_id,
    StorySignatureRow.feed_id,
    StorySignatureRow.sort_time,
    StorySignatureRow.title_terms,
    StorySignatureRow.lead_terms,
    StorySignatureRow.link_key,
    StorySignatureRow.guid,
)


def signatures_between(session: Session, start: datetime, end: datetime) -> list[Signature]:
    """The stored signatures of articles dated from *start* to *end* (the window)."""
    rows = session.execute(select(*_SIGNATURE_COLUMNS).where(_window(start, end)))
    return [_signature(r) for r in rows]


def signatures_of(session: Session, article_ids: Iterable[int]) -> list[Signature]:
    ids = list(article_ids)
    if not ids:
        return []
    rows = session.execute(select(*_SIGNATURE_COLUMNS).where(StorySignatureRow.article_id.in_(ids)))
    return [_signature(r) for r in rows]


#: Signatures written per statement (a cold refresh brings thousands).
WRITE_BATCH = 1000


def write_signatures(session: Session, signatures: Sequence[Signature]) -> None:
    # Core's executemany on the table: a cold refresh writes thousands, and the ORM's
    # bulk insert spends a third more on each row it has nothing to track of.
    for start in range(0, len(signatures), WRITE_BATCH):
        session.execute(
            insert(_SIGNATURES),
            [
                {
                    "article_id": s.article_id,
                    "feed_id": s.feed_id,
                    "sort_time": s.time,
                    "title_terms": _title_column(s),
                    "lead_terms": " ".join(s.lead_terms),
                    "link_key": s.link,
                    "guid": s.guid,
                }
                for s in signatures[start : start + WRITE_BATCH]
            ],
        )


def _window(start: datetime, end: datetime) -> Any:
    return StorySignatureRow.sort_time.between(start, end)


def stories_between(session: Session, start: datetime, end: datetime) -> dict[int, int]:
    """article id → story id, for the window's articles that are in a story."""
    return dict(
        session.execute(
            select(StoryArticleRow.article_id, StoryArticleRow.story_id)
            .join(StorySignatureRow, StorySignatureRow.article_id == StoryArticleRow.article_id)
            .where(_window(start, end))
        ).all()
    )


def canonicals_between(session: Session, start: datetime, end: datetime) -> dict[int, int]:
    """copy id → canonical id, for the window's articles that are copies."""
    return dict(
        session.execute(
            select(ArticleCopyRow.article_id, ArticleCopyRow.canonical_id)
            .join(StorySignatureRow, StorySignatureRow.article_id == ArticleCopyRow.article_id)
            .where(_window(start, end))
        ).all()
    )


def canonicals_of(session: Session, article_ids: Iterable[int]) -> dict[int, int]:
    """copy id → its canonical's id, for those of *article_ids* that are copies."""
    ids = list(article_ids)
    if not ids:
        return {}
    return dict(
        session.execute(
            select(ArticleCopyRow.article_id, ArticleCopyRow.canonical_id).where(
                ArticleCopyRow.article_id.in_(ids)
            )
        ).all()
    )


def with_copies(session: Session, article_ids: Sequence[int]) -> list[int]:
    """*article_ids* with every article of their copy groups (a mark applies to all)."""
    ids = list(dict.fromkeys(article_ids))
    if not ids:
        return ids
    canonicals = set(canonicals_of(session, ids).values()) | set(ids)
    copies = session.scalars(
        select(ArticleCopyRow.article_id).where(ArticleCopyRow.canonical_id.in_(canonicals))
    )
    return list(dict.fromkeys([*ids, *canonicals, *copies]))


def write_copies(session: Session, copies: Mapping[int, int]) -> None:
    """Record new copies (copy → canonical) and make each group's marks alike, user by user."""
    if not copies:
        return
    session.execute(
        insert(ArticleCopyRow),
        [{"article_id": c, "canonical_id": o} for c, o in copies.items()],
    )
    canonicals = set(copies.values())
    groups: dict[int, list[int]] = {c: [c] for c in canonicals}
    for copy, canonical in session.execute(
        select(ArticleCopyRow.article_id, ArticleCopyRow.canonical_id).where(
            ArticleCopyRow.canonical_id.in_(canonicals)
        )
    ):
        groups[canonical].append(copy)
    members = [i for group in groups.values() for i in group]
    states = {
        (s.user_name, s.article_id): s
        for s in session.execute(
            select(
                ArticleStateRow.user_name,
                ArticleStateRow.article_id,
                ArticleStateRow.read,
                ArticleStateRow.starred,
                ArticleStateRow.read_at,
                ArticleStateRow.starred_at,
            ).where(ArticleStateRow.article_id.in_(members))
        )
    }
    updates: list[dict[str, Any]] = []
    inserts: list[dict[str, Any]] = []
    users = sorted({user for user, _article in states})
    for group in groups.values():
        for user in users:
            marks = _union([states[(user, i)] for i in group if (user, i) in states])
            if marks:
                for i in group:
                    (updates if (user, i) in states else inserts).append(
                        {"user_name": user, "article_id": i, **marks}
                    )
    if updates:
        session.execute(update(ArticleStateRow), updates)
    if inserts:
        session.execute(insert(ArticleStateRow), [{**_UNMARKED, **r} for r in inserts])


_UNMARKED = {"read": False, "starred": False, "read_at": None, "starred_at": None}


def _union(states: Sequence[Any]) -> dict[str, Any]:
    """The marks of a copy group: read if any was, starred if any was (earliest times)."""
    read = [s for s in states if s.read]
    starred = [s for s in states if s.starred]
    marks: dict[str, Any] = {}
    if read:
        marks["read"] = True
        marks["read_at"] = min((s.read_at for s in read if s.read_at), default=None)
    if starred:
        marks["starred"] = True
        marks["starred_at"] = min((s.starred_at for s in starred if s.starred_at), default=None)
    return marks


def write_joins(session: Session, joins: Mapping[int, int], now: datetime) -> dict[int, int]:
    """Put articles into stories; negative story ids are made first.

    Returns the story ids as stored, for every id *joins* names.
    """
    real: dict[int, int] = {s: s for s in joins.values() if s > 0}
    made = sorted({s for s in joins.values() if s < 0}, reverse=True)
    if made:
        ids = session.scalars(
            insert(StoryRow).returning(StoryRow.id, sort_by_parameter_order=True),
            [{"title": "", "created": now, "updated": now} for _ in made],
        ).all()
        real.update(zip(made, ids, strict=True))
    if joins:
        session.execute(
            insert(StoryArticleRow),
            [{"article_id": a, "story_id": real[s]} for a, s in joins.items()],
        )
    # the user's corrections outrank grouping (imported here: that module builds on this one)
    from newsreader.storage.story_corrections import enforce_stored

    enforce_stored(session)
    return real


def members_of(session: Session, story_ids: Iterable[int]) -> dict[int, list[int]]:
    """story id → its articles' ids."""
    ids = list(story_ids)
    found: dict[int, list[int]] = {i: [] for i in ids}
    if ids:
        for article_id, story_id in session.execute(
            select(StoryArticleRow.article_id, StoryArticleRow.story_id).where(
                StoryArticleRow.story_id.in_(ids)
            )
        ):
            found[story_id].append(article_id)
    return found


def name_stories(session: Session, names: Mapping[int, tuple[int, datetime]]) -> None:
    """Name stories by their medoid's headline and date them by their newest article.

    *names* maps a story id to its medoid's article id and its newest article's date.
    """
    if not names:
        return
    medoids = [m for m, _ in names.values()]
    titles = dict(
        session.execute(
            select(ArticleRow.id, ArticleRow.title).where(ArticleRow.id.in_(medoids))
        ).all()
    )
    session.execute(
        update(StoryRow),
        [
            {"id": s, "title": titles.get(m) or "", "medoid_id": m, "updated": when}
            for s, (m, when) in names.items()
        ],
    )


def delete_empty_stories(session: Session) -> None:
    """Stories whose articles all went (their feeds removed)."""
    session.execute(
        delete(StoryRow).where(~exists().where(StoryArticleRow.story_id == StoryRow.id))
    )


# -- reading stories ------------------------------------------------------------------


_read = func.coalesce(ArticleStateRow.read, False)


def _state_on(session: Session) -> Any:
    """How an article meets the session user's marks on it."""
    return (ArticleStateRow.article_id == ArticleRow.id) & (
        ArticleStateRow.user_name == session_user(session)
    )


_feed_title = func.coalesce(FeedRow.title, FeedRow.url)


def _stories(session: Session, story_ids: Sequence[int]) -> list[Story]:
    """Stories by id, in the order given, with their members and sources."""
    if not story_ids:
        return []
    heads = {
        r[0]: r
        for r in session.execute(
            select(StoryRow.id, StoryRow.title, StoryRow.updated).where(StoryRow.id.in_(story_ids))
        )
    }
    members: dict[int, list[tuple[int, bool, str]]] = {i: [] for i in story_ids}
    for story_id, article_id, read, feed in session.execute(
        select(StoryArticleRow.story_id, ArticleRow.id, _read, _feed_title)
        .join(ArticleRow, ArticleRow.id == StoryArticleRow.article_id)
        .join(FeedRow, FeedRow.id == ArticleRow.feed_id)
        .outerjoin(ArticleStateRow, _state_on(session))
        .where(StoryArticleRow.story_id.in_(story_ids))
        .order_by(ArticleRow.sort_time.desc(), ArticleRow.id.desc())
    ):
        members[story_id].append((article_id, bool(read), feed))
    copy_feeds = copy_sources(session, [a for m in members.values() for a, _r, _f in m])
    stories = []
    for story_id in story_ids:
        head = heads.get(story_id)
        rows = members[story_id]
        if head is None or not rows:
            continue
        sources = dict.fromkeys(
            [f for _a, _r, f in rows] + [f for a, _r, _f in rows for f in copy_feeds.get(a, ())]
        )
        stories.append(
            Story(
                id=story_id,
                title=head[1],
                article_ids=tuple(a for a, _r, _f in rows),
                sources=tuple(sources),
                count=len(rows),
                unread=sum(1 for _a, r, _f in rows if not r),
                updated=head[2],
            )
        )
    return stories


#: Stories weighed at a time, newest first, to find a page told by two feeds or more.
_STORY_PAGE = 200


def list_stories(session: Session, limit: int | None = None) -> list[Story]:
    """Stories told by at least two feeds, the most recently updated first.

    With a *limit*, the newest stories are read a page at a time (by the index on
    ``updated``) until enough are found, so the sidebar's few cost what a page
    costs, not what every story of the database does.
    """
    told = (
        select(StoryArticleRow.story_id)
        .join(ArticleRow, ArticleRow.id == StoryArticleRow.article_id)
        .group_by(StoryArticleRow.story_id)
        .having(func.count(func.distinct(ArticleRow.feed_id)) >= 2)
    )
    newest = (StoryRow.updated.desc(), StoryRow.id.desc())
    if limit is None:
        ids = session.scalars(
            select(StoryRow.id).where(StoryRow.id.in_(told)).order_by(*newest)
        ).all()
        return _stories(session, list(ids))
    found: list[int] = []
    offset = 0
    while len(found) < limit:
        page = session.scalars(
            select(StoryRow.id).order_by(*newest).limit(_STORY_PAGE).offset(offset)
        ).all()
        if not page:
            break
        offset += len(page)
        kept = set(session.scalars(told.where(StoryArticleRow.story_id.in_(page))))
        found += [i for i in page if i in kept]
    return _stories(session, found[:limit])


def current_stories(
    session: Session,
    since: datetime,
    recent_since: datetime,
    limit: int,
    *,
    keep: int | None = None,
) -> list[Story]:
    """The current stories, the most active first.

    Current: told by at least two feeds, its newest article dated after *since*, and
    an article of it still unread (a story read to the end, or gone quiet, drops out;
    *keep*, the story on show, stays while it has articles).  Most active: the most
    articles dated after *recent_since*, then the newest.  Only the stories updated
    since *since* are read (the index on ``updated``), so the cost follows the news of
    those days.
    """
    recent = func.sum(case((ArticleRow.sort_time >= recent_since, 1), else_=0))
    unread = func.sum(case((_read, 0), else_=1))
    candidates = select(StoryRow.id).where(StoryRow.updated >= since)
    wanted = (
        StoryArticleRow.story_id.in_(candidates)
        if keep is None
        else or_(StoryArticleRow.story_id.in_(candidates), StoryArticleRow.story_id == keep)
    )
    rows = session.execute(
        select(
            StoryArticleRow.story_id,
            recent,
            unread,
            func.max(ArticleRow.sort_time),
            func.count(func.distinct(ArticleRow.feed_id)),
        )
        .join(ArticleRow, ArticleRow.id == StoryArticleRow.article_id)
        .outerjoin(ArticleStateRow, _state_on(session))
        .where(wanted)
        .group_by(StoryArticleRow.story_id)
    ).all()
    ranked = sorted(
        (
            r
            for r in rows
            if r[0] == keep or (r[4] >= 2 and r[2] > 0 and r[3] is not None and r[3] >= since)
        ),
        key=lambda r: (-int(r[1] or 0), -_timestamp(r[3]), -r[0]),
    )
    return _stories(session, [r[0] for r in ranked[:limit]])


def _timestamp(value: datetime | None) -> float:
    if value is None:
        return 0.0
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.timestamp()


def story(session: Session, story_id: int) -> Story | None:
    """One story by id, whoever tells it (None when there is no such story)."""
    found = _stories(session, [story_id])
    return found[0] if found else None


def story_of(session: Session, article_id: int) -> Story | None:
    """The story of an article (a copy's is its canonical's), if it is in one."""
    canonical = canonicals_of(session, [article_id]).get(article_id, article_id)
    story_id = session.scalar(
        select(StoryArticleRow.story_id).where(StoryArticleRow.article_id == canonical)
    )
    if story_id is None:
        return None
    found = _stories(session, [story_id])
    return found[0] if found else None


def copy_sources(session: Session, article_ids: Iterable[int]) -> dict[int, list[str]]:
    """canonical id → the titles of the feeds its copies came from."""
    ids = list(article_ids)
    found: dict[int, list[str]] = {}
    if not ids:
        return found
    for canonical, feed in session.execute(
        select(ArticleCopyRow.canonical_id, _feed_title)
        .join(ArticleRow, ArticleRow.id == ArticleCopyRow.article_id)
        .join(FeedRow, FeedRow.id == ArticleRow.feed_id)
        .where(ArticleCopyRow.canonical_id.in_(ids))
        .order_by(ArticleCopyRow.canonical_id, ArticleRow.id)
    ):
        found.setdefault(canonical, []).append(feed)
    return found
