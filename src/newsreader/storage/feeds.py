"""Queries and changes on subscriptions and folders."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy import ColumnElement, Integer, case, func, select, update
from sqlalchemy.orm import Session

from newsreader.core.errors import FeedExistsError, FeedNotFoundError
from newsreader.core.types import Feed, FeedStatus, Folder
from newsreader.core.update_records import FetchJob
from newsreader.storage.database import session_user
from newsreader.storage.models import ArticleRow, ArticleStateRow, FeedRow, FolderRow

#: How many ids go into one ``IN (...)`` list (SQLite limits bound parameters).
_CHUNK = 500


def now_utc() -> datetime:
    return datetime.now(UTC)


def feed_from_row(
    row: FeedRow, folder: str | None, article_count: int = 0, unread_count: int = 0
) -> Feed:
    return Feed(
        id=row.id,
        url=row.url,
        title=row.title or "",
        site_url=row.site_url,
        language=row.language,
        icon_url=row.icon_url,
        folder=folder,
        status=FeedStatus(row.status),
        error=row.error,
        error_count=row.error_count,
        last_fetched=row.last_fetched,
        next_fetch=row.next_fetch,
        interval=row.interval,
        pinned=row.pinned,
        article_count=article_count,
        unread_count=unread_count,
    )


def folder_id(session: Session, name: str | None) -> int | None:
    """The id of the folder called ``name``, created if needed (``None``: no folder)."""
    if not name:
        return None
    found = session.scalar(select(FolderRow.id).where(FolderRow.name == name))
    if found is not None:
        return found
    row = FolderRow(name=name, pinned=False)
    session.add(row)
    session.flush()
    return row.id


def add_feed(
    session: Session,
    url: str,
    *,
    folder: str | None = None,
    title: str | None = None,
    site_url: str | None = None,
) -> int:
    if session.scalar(select(FeedRow.id).where(FeedRow.url == url)) is not None:
        raise FeedExistsError(f"already subscribed: {url}")
    row = FeedRow(
        url=url,
        title=title,
        site_url=site_url,
        folder_id=folder_id(session, folder),
        added=now_utc(),
        status=FeedStatus.NEW.value,
        error_count=0,
        interval=1800,
        pinned=False,
    )
    session.add(row)
    session.flush()
    return row.id


def get_feed_row(session: Session, feed_id: int) -> FeedRow:
    row = session.get(FeedRow, feed_id)
    if row is None:
        raise FeedNotFoundError(f"no feed with id {feed_id}")
    return row


def list_feeds(session: Session, *, feed_id: int | None = None) -> list[Feed]:
    """Every subscription (or just ``feed_id``) with its counts, folder then title order."""
    counts = (
        select(
            ArticleRow.feed_id.label("feed_id"),
            func.count(ArticleRow.id).label("total"),
            func.sum(
                case((func.coalesce(ArticleStateRow.read, False) == False, 1), else_=0)  # noqa: E712
            )
            .cast(Integer)
            .label("unread"),
        )
        .outerjoin(
            ArticleStateRow,
            (ArticleStateRow.article_id == ArticleRow.id)
            & (ArticleStateRow.user_name == session_user(session)),
        )
        .group_by(ArticleRow.feed_id)
    )
    if feed_id is not None:  # count one feed's articles, not everyone's
        counts = counts.where(ArticleRow.feed_id == feed_id)
    counted = counts.subquery()
    query = (
        select(FeedRow, FolderRow.name, counted.c.total, counted.c.unread)
        .outerjoin(FolderRow, FolderRow.id == FeedRow.folder_id)
        .outerjoin(counted, counted.c.feed_id == FeedRow.id)
        .order_by(FolderRow.name.is_(None), FolderRow.name, func.lower(FeedRow.title), FeedRow.id)
    )
    if feed_id is not None:
        query = query.where(FeedRow.id == feed_id)
    rows = session.execute(query).all()
    return [feed_from_row(r[0], r[1], r[2] or 0, r[3] or 0) for r in rows]


def feeds_by_id(session: Session, feed_ids: Sequence[int]) -> list[Feed]:
    """The feeds of *feed_ids* that exist, without their article counts (a cheap read)."""
    wanted = list(dict.fromkeys(int(i) for i in feed_ids))
    found: list[Feed] = []
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        rows = session.execute(
            select(FeedRow, FolderRow.name)
            .outerjoin(FolderRow, FolderRow.id == FeedRow.folder_id)
            .where(FeedRow.id.in_(chunk))
        ).all()
        found.extend(feed_from_row(row, folder) for row, folder in rows)
    return found


def get_feed(session: Session, feed_id: int) -> Feed:
    found = list_feeds(session, feed_id=feed_id)
    if not found:
        raise FeedNotFoundError(f"no feed with id {feed_id}")
    return found[0]


def remove_feed(session: Session, feed_id: int) -> None:
    # Imported here: the search module reads articles, which use this module.
    from newsreader.storage import search as search_index

    row = get_feed_row(session, feed_id)
    search_index.forget_feed(session, feed_id)  # its articles go with it (cascade)
    session.delete(row)


def list_folders(session: Session) -> list[Folder]:
    return [
        Folder(id=r.id, name=r.name)
        for r in session.scalars(select(FolderRow).order_by(FolderRow.name))
    ]


def set_pinned(session: Session, feed_id: int, pinned: bool) -> None:
    get_feed_row(session, feed_id).pinned = pinned


def _free(now: datetime) -> ColumnElement[bool]:
    """No process holds the feed's lease now (none was taken, or it has run out)."""
    return FeedRow.lease_until.is_(None) | (FeedRow.lease_until < now)


def claim_jobs(
    session: Session,
    owner: str,
    *,
    feed_ids: Sequence[int] | None,
    include_not_due: bool,
    now: datetime,
    until: datetime,
    limit: int | None = None,
) -> list[FetchJob]:
    """What a refresh fetches, each feed leased to *owner* until *until*.

    Exactly *feed_ids*, else the feeds that are due: never fetched or their next
    fetch has come (*include_not_due* takes every feed), never before a server's
    Retry-After, and never when gone.  Either way a feed whose lease another
    process holds is left out: it is being fetched already.  With *limit*, at most
    that many, those waiting longest first.

    One statement claims them: on PostgreSQL its inner select locks the rows it
    picks and skips those another claim has locked (``FOR UPDATE SKIP LOCKED``),
    and SQLite runs one writer at a time, so two claims never lease one feed.
    The lease ends with :func:`release_leases`, or when *until* has passed.
    """
    chosen = select(FeedRow.id).where(_free(now))
    if feed_ids is not None:
        chosen = chosen.where(FeedRow.id.in_([int(i) for i in feed_ids]))
    else:
        chosen = chosen.where(FeedRow.status != FeedStatus.GONE.value).where(
            FeedRow.retry_until.is_(None) | (FeedRow.retry_until <= now)
        )
        if not include_not_due:
            chosen = chosen.where(FeedRow.next_fetch.is_(None) | (FeedRow.next_fetch <= now))
    if limit is not None:
        chosen = chosen.order_by(FeedRow.next_fetch.asc().nulls_first(), FeedRow.id).limit(limit)
    rows = session.execute(
        update(FeedRow)
        .where(FeedRow.id.in_(chosen.with_for_update(skip_locked=True).scalar_subquery()))
        .values(lease_owner=owner, lease_until=until)
        .returning(
            FeedRow.id,
            FeedRow.url,
            FeedRow.etag,
            FeedRow.last_modified,
            FeedRow.body_hash,
            FeedRow.next_fetch,
        )
        .execution_options(synchronize_session=False)
    ).all()
    if limit is not None:  # the order they were chosen in, longest waiting first
        claimed = sorted(rows, key=lambda r: (r[5] is not None, r[5] or now, r[0]))
    else:
        claimed = sorted(rows, key=lambda r: r[0])
    return [FetchJob(*row[:5]) for row in claimed]


def renew_leases(session: Session, owner: str, until: datetime) -> None:
    """Every lease *owner* holds now lasts until *until* (a long refresh keeps its feeds)."""
    session.execute(
        update(FeedRow)
        .where(FeedRow.lease_owner == owner)
        .values(lease_until=until)
        .execution_options(synchronize_session=False)
    )


def release_leases(session: Session, owner: str, feed_ids: Sequence[int] | None = None) -> None:
    """End *owner*'s leases: on *feed_ids* (their results are stored), else all of them."""
    query = update(FeedRow).where(FeedRow.lease_owner == owner)
    if feed_ids is not None:
        wanted = [int(i) for i in feed_ids]
        for start in range(0, len(wanted), _CHUNK):
            session.execute(
                query.where(FeedRow.id.in_(wanted[start : start + _CHUNK]))
                .values(lease_owner=None, lease_until=None)
                .execution_options(synchronize_session=False)
            )
        return
    session.execute(
        query.values(lease_owner=None, lease_until=None).execution_options(
            synchronize_session=False
        )
    )


def lease_owners(session: Session, now: datetime) -> list[str]:
    """Who holds the leases that have not run out."""
    return list(
        session.scalars(
            select(FeedRow.lease_owner)
            .where(FeedRow.lease_owner.is_not(None), FeedRow.lease_until >= now)
            .distinct()
        )
    )


def next_due(session: Session, now: datetime) -> datetime | None:
    """When a feed is next due for a refresh of the due feeds: *now* if one is due now,
    ``None`` when none ever is (no feeds, or only gone ones).

    A feed waiting for a server's Retry-After is due when that ends; one leased to
    another process counts when its lease runs out (if that process died, the feed
    is due then; if not, its next fetch time will have moved on).
    """
    live = FeedRow.status != FeedStatus.GONE.value
    retry_later = FeedRow.retry_until.is_not(None) & (
        FeedRow.next_fetch.is_(None) | (FeedRow.retry_until > FeedRow.next_fetch)
    )
    due_at = case((retry_later, FeedRow.retry_until), else_=FeedRow.next_fetch)
    soonest, never_fetched = session.execute(
        select(func.min(due_at), func.count(FeedRow.id).filter(due_at.is_(None)))
        .where(live)
        .where(_free(now))
    ).one()
    leased_until = session.scalar(
        select(func.min(FeedRow.lease_until)).where(live).where(~_free(now))
    )
    candidates = [t for t in (soonest, leased_until) if t is not None]
    if never_fetched:
        candidates.append(now)
    if not candidates:
        return None
    return max(min(candidates), now)
