"""The user's own data in the database, as backup records: read for a backup, merged on restore.

The marks, notes and saved searches are the session's user's (each user backs up and
restores their own); subscriptions are everyone's.  Restoring only ever adds: a mark
is set and never cleared, a note is added unless the same text with the same
creation time is there already, and a feed already subscribed to is left as it is.
The backup file itself, and the marks waiting for articles that are not cached yet,
are :mod:`newsreader.userdata.backup`'s.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import and_, exists, or_, select
from sqlalchemy.orm import Session

from newsreader.core.backup_records import (
    ArticleRecord,
    NoteRecord,
    SavedSearchRecord,
    SubscriptionRecord,
)
from newsreader.core.full_articles import FullArticleMode
from newsreader.storage import feeds as feed_store
from newsreader.storage import full_articles as full_store
from newsreader.storage import notes as note_store
from newsreader.storage import saved_searches as saved_store
from newsreader.storage.database import session_user
from newsreader.storage.models import ArticleRow, ArticleStateRow, FeedRow, FolderRow, NoteRow

__all__ = [
    "AppliedRecords",
    "add_saved_searches",
    "add_subscriptions",
    "apply_records",
    "marked_articles",
    "saved_searches",
    "subscriptions",
]

#: Values per ``IN (...)`` list (SQLite limits bound parameters).
_CHUNK = 500
#: Rows read from the database at a time for a backup.
_BATCH = 1000


# --- reading (a backup) --------------------------------------------------------------


def subscriptions(session: Session) -> list[SubscriptionRecord]:
    """Every subscription with its folder, in the order they were added."""
    rows = session.execute(
        select(
            FeedRow.url,
            FeedRow.title,
            FolderRow.name,
            FeedRow.site_url,
            FeedRow.pinned,
            FeedRow.full_articles,
        )
        .outerjoin(FolderRow, FolderRow.id == FeedRow.folder_id)
        .order_by(FeedRow.id)
    )
    return [SubscriptionRecord(r[0], r[1], r[2], r[3], bool(r[4]), r[5] or "off") for r in rows]


def saved_searches(session: Session) -> list[SavedSearchRecord]:
    """The user's saved searches, oldest first."""
    return [SavedSearchRecord(s.name, s.query, s.created) for s in saved_store.list_saved(session)]


def _notes_by_article(session: Session) -> dict[int, list[NoteRecord]]:
    found: dict[int, list[NoteRecord]] = {}
    for article_id, text, created, updated in session.execute(
        select(NoteRow.article_id, NoteRow.text, NoteRow.created, NoteRow.updated)
        .where(NoteRow.user_name == session_user(session))
        .order_by(NoteRow.created, NoteRow.id)
    ):
        found.setdefault(article_id, []).append(NoteRecord(text, created, updated))
    return found


def marked_articles(session: Session) -> list[ArticleRecord]:
    """The articles the user marked read or starred or wrote a note on, with those."""
    user = session_user(session)
    notes = _notes_by_article(session)
    has_notes = exists().where(NoteRow.article_id == ArticleRow.id, NoteRow.user_name == user)
    rows = session.execute(
        select(
            ArticleRow.id,
            FeedRow.url,
            ArticleRow.key,
            ArticleStateRow.read,
            ArticleStateRow.starred,
            ArticleStateRow.read_at,
            ArticleStateRow.starred_at,
        )
        .join(FeedRow, FeedRow.id == ArticleRow.feed_id)
        .outerjoin(
            ArticleStateRow,
            and_(ArticleStateRow.article_id == ArticleRow.id, ArticleStateRow.user_name == user),
        )
        .where(
            or_(
                ArticleStateRow.read == True,  # noqa: E712
                ArticleStateRow.starred == True,  # noqa: E712
                has_notes,
            )
        )
        .order_by(ArticleRow.id)
        .execution_options(yield_per=_BATCH)  # rows read as they are used, not all first
    )
    urls: dict[str, str] = {}  # one string per feed URL, not one per article
    return [
        ArticleRecord(
            feed_url=urls.setdefault(r[1], r[1]),
            key=r[2],
            read=bool(r[3]),
            starred=bool(r[4]),
            read_at=r[5] if r[3] else None,
            starred_at=r[6] if r[4] else None,
            notes=tuple(notes.get(r[0], ())),
        )
        for r in rows
    ]


# --- merging in (a restore) ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AppliedRecords:
    """What :func:`apply_records` did."""

    restored: int = 0  # cached articles whose marks or notes were merged
    notes_added: int = 0
    missing: tuple[ArticleRecord, ...] = ()  # records whose article is not cached


def add_subscriptions(session: Session, records: Sequence[SubscriptionRecord]) -> int:
    """Subscribe to the feeds not subscribed to yet; returns how many were new."""
    known = set(session.scalars(select(FeedRow.url)))
    added = 0
    for sub in records:
        if sub.url in known:
            continue
        feed_id = feed_store.add_feed(
            session, sub.url, folder=sub.folder, title=sub.title, site_url=sub.site_url
        )
        if sub.pinned:
            feed_store.set_pinned(session, feed_id, True)
        if sub.full_articles != FullArticleMode.OFF:
            full_store.set_mode(session, feed_id, FullArticleMode(sub.full_articles))
        known.add(sub.url)
        added += 1
    return added


def add_saved_searches(session: Session, records: Sequence[SavedSearchRecord]) -> int:
    """Keep the saved searches not kept yet (same name and query); returns how many."""
    have = {(s.name, s.query) for s in saved_store.list_saved(session)}
    added = 0
    for record in records:
        if (record.name, record.query) in have:
            continue
        saved_store.save(session, record.name, record.query, created=record.created)
        have.add((record.name, record.query))
        added += 1
    return added


def apply_records(session: Session, records: Sequence[ArticleRecord]) -> AppliedRecords:
    """Merge *records*, one per article, into the cached articles they name."""
    located = _locate(session, records)
    restored = notes_added = 0
    missing: list[ArticleRecord] = []
    for record in records:
        article_id = located.get(record.name)
        if article_id is None:
            missing.append(record)
            continue
        _merge_state(session, article_id, record)
        notes_added += _merge_notes(session, article_id, record.notes)
        restored += 1
    return AppliedRecords(restored, notes_added, tuple(missing))


def _chunks(values: Sequence[str]) -> Iterator[Sequence[str]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


def _locate(session: Session, records: Sequence[ArticleRecord]) -> dict[tuple[str, str], int]:
    """``(feed_url, key) -> article id`` for the records whose article is cached."""
    urls = sorted({r.feed_url for r in records})
    feed_ids: dict[str, int] = {}
    for chunk in _chunks(urls):
        for url, feed_id in session.execute(
            select(FeedRow.url, FeedRow.id).where(FeedRow.url.in_(chunk))
        ):
            feed_ids[url] = feed_id
    keys_by_feed: dict[str, list[str]] = {}
    for r in records:
        if r.feed_url in feed_ids:
            keys_by_feed.setdefault(r.feed_url, []).append(r.key)
    found: dict[tuple[str, str], int] = {}
    for url, keys in keys_by_feed.items():
        for chunk in _chunks(sorted(set(keys))):
            for key, article_id in session.execute(
                select(ArticleRow.key, ArticleRow.id).where(
                    ArticleRow.feed_id == feed_ids[url], ArticleRow.key.in_(chunk)
                )
            ):
                found[(url, key)] = article_id
    return found


def _merge_state(session: Session, article_id: int, record: ArticleRecord) -> None:
    if not (record.read or record.starred):
        return
    user = session_user(session)
    state = session.get(ArticleStateRow, {"user_name": user, "article_id": article_id})
    if state is None:
        state = ArticleStateRow(user_name=user, article_id=article_id, read=False, starred=False)
        session.add(state)
    if record.read and not state.read:
        state.read, state.read_at = True, record.read_at or datetime.now(UTC)
    if record.starred and not state.starred:
        state.starred, state.starred_at = True, record.starred_at or datetime.now(UTC)


def _merge_notes(session: Session, article_id: int, notes: Sequence[NoteRecord]) -> int:
    if not notes:
        return 0
    have = {
        (text, created)
        for text, created in session.execute(
            select(NoteRow.text, NoteRow.created).where(
                NoteRow.article_id == article_id, NoteRow.user_name == session_user(session)
            )
        )
    }
    added = 0
    for note in notes:
        if (note.text, note.created) in have:
            continue
        note_store.add_note(
            session, article_id, note.text, created=note.created, updated=note.updated
        )
        have.add((note.text, note.created))
        added += 1
    return added
