"""Comment threads: fetching an article's comments feed and putting a thread in order.

A comments feed is fetched with the same discipline as a feed (conditional GET, an
unchanged body is not parsed twice, the transport's deadlines and size cap), and a
fault is recorded for that one comments feed and returned, never raised: a dead
comment server must not spoil reading the article.  No database session is held
while the network is used.
"""

from __future__ import annotations

import concurrent.futures as cf
import hashlib
import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from newsreader.core.errors import FetchError, NewsreaderError, StorageConflictError
from newsreader.core.parsed import ParsedEntry, ParsedFeed
from newsreader.core.types import Comment, CommentsStatus
from newsreader.fetch.parse_worker import Parser, parse_or_error
from newsreader.fetch.transport import Transport
from newsreader.storage import comments as store
from newsreader.storage.comments import CommentTarget
from newsreader.storage.database import Database

log = logging.getLogger(__name__)

#: Articles opened within this period get their comments fetched ahead of time.
PREFETCH_OPENED_WITHIN = timedelta(days=7)
#: A comments feed fetched more recently than this is not prefetched again.
PREFETCH_MIN_AGE = timedelta(minutes=15)
#: Comment feeds fetched at once by a prefetch: gentle on small blog hosts.
PREFETCH_THREADS = 4


NO_COMMENTS_FEED = CommentsStatus("none")


# --- threads ----------------------------------------------------------------------------


def build_thread(
    items: Sequence[tuple[Comment, str | None]], *, newest_first: bool = False
) -> list[Comment]:
    """Comments in display order: each comment followed by its replies, depth first.

    ``items`` pairs each comment with the key of the comment it answers.  Siblings
    are ordered by time (then id); a reply to an unknown comment is shown at the top
    level, and so is a comment caught in a loop of replies.  Iterative, so a chain
    thousands deep costs no recursion.
    """
    by_key = {c.guid: c for c, _ in items}
    children: dict[str | None, list[Comment]] = {}
    for comment, parent_key in items:
        parent = parent_key if parent_key in by_key and parent_key != comment.guid else None
        children.setdefault(parent, []).append(comment)
    for siblings in children.values():
        siblings.sort(key=_time_order, reverse=newest_first)
    ordered: list[Comment] = []
    visited: set[int] = set()
    roots = list(children.get(None, ()))
    _walk(roots, children, by_key, ordered, visited)
    if len(visited) < len(items):  # loops: no member has a root above it
        stranded = sorted(
            (c for c, _ in items if c.id not in visited), key=_time_order, reverse=newest_first
        )
        _walk(stranded, children, by_key, ordered, visited)
    return ordered


def _time_order(comment: Comment) -> tuple[float, int]:
    when = comment.published.timestamp() if comment.published else 0.0
    return when, comment.id


def _walk(
    roots: Sequence[Comment],
    children: dict[str | None, list[Comment]],
    by_key: dict[str, Comment],
    ordered: list[Comment],
    visited: set[int],
) -> None:
    """Depth-first from ``roots`` with an explicit stack, filling ``parent_id``/``depth``."""
    stack: list[tuple[Comment, int | None, int]] = [(c, None, 0) for c in reversed(roots)]
    while stack:
        comment, parent_id, depth = stack.pop()
        if comment.id in visited:
            continue
        visited.add(comment.id)
        ordered.append(replace(comment, parent_id=parent_id, depth=depth))
        for child in reversed(children.get(comment.guid, ())):
            stack.append((child, comment.id, depth + 1))


def list_comments(db: Database, article_id: int, *, newest_first: bool = False) -> list[Comment]:
    """The article's thread in display order (one query, ordered in memory)."""
    with db.session() as session:
        store.require_article(session, article_id)
        items = store.list_comment_rows(session, article_id)
    return build_thread(items, newest_first=newest_first)


# --- fetching -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Download:
    """What one fetch of a comments feed brought, before anything is stored."""

    status: str  # "ok", "not_modified" or "error"
    parsed: ParsedFeed | None = None
    error: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    body_hash: str | None = None


def _download(transport: Transport, target: CommentTarget, parse: Parser) -> _Download:
    """Fetch and parse; every fault becomes an ``"error"`` download."""
    etag = None if target.unconditional else target.etag
    last_modified = None if target.unconditional else target.last_modified
    try:
        response = transport.get(target.url, etag=etag, last_modified=last_modified)
    except FetchError as exc:
        return _Download("error", error=str(exc))
    except Exception as exc:  # a bug or an unforeseen fault: this comments feed's error
        log.exception("fetching comments %s failed", target.url)
        return _Download("error", error=f"fetch failed: {exc}")
    etag, last_modified = response.etag, response.last_modified
    if response.not_modified:
        return _Download("not_modified", etag=etag, last_modified=last_modified)
    body_hash = hashlib.sha256(response.body).hexdigest()
    if body_hash == target.body_hash and not target.unconditional:
        return _Download(
            "not_modified", etag=etag, last_modified=last_modified, body_hash=body_hash
        )
    parsed = parse(response.body, target.url, response.content_type)
    if isinstance(parsed, str):
        return _Download("error", error=parsed)
    if parsed.warning:  # damaged XML: keep what was readable, but say so and ask again
        return _Download("error", parsed=parsed, error=parsed.warning)
    return _Download(
        "ok", parsed=parsed, etag=etag, last_modified=last_modified, body_hash=body_hash
    )


def _is_the_article(entry: ParsedEntry, target: CommentTarget) -> bool:
    """Some comment feeds list the post itself first; it is not a comment."""
    if entry.in_reply_to:
        return False
    return entry.key == target.article_key or (
        entry.link is not None and entry.link == target.article_link
    )


def _parent_key(entry: ParsedEntry, target: CommentTarget) -> str | None:
    """The comment an entry answers; a reply to the article itself is top level."""
    ref = entry.in_reply_to
    if ref is None or ref in (target.article_key, target.article_link):
        return None
    return ref


def _store_download(
    db: Database, target: CommentTarget, download: _Download, now: datetime
) -> CommentsStatus:
    """Store a download; once more if another process stored the same comments first.

    The lock in :class:`CommentFetcher` keeps one process from fetching a feed twice
    at once, but the window and its refresh process each have their own: both may
    read that a comment is new and both insert it.  The second insert then breaks
    the unique key (or finds its snapshot outdated); storing again reads the
    comments the other one stored and inserts only what is still missing.
    """
    try:
        return _store_download_once(db, target, download, now)
    except StorageConflictError as exc:
        log.info("comments of article %s stored concurrently (%s); again", target.article_id, exc)
        return _store_download_once(db, target, download, now)


def _store_download_once(
    db: Database, target: CommentTarget, download: _Download, now: datetime
) -> CommentsStatus:
    new = changed = 0
    error = download.error
    with db.session() as session:
        if download.parsed is not None:
            values = [
                store.comment_values(
                    entry,
                    parent_key=_parent_key(entry, target),
                    source_url=target.url,
                    fallback=target.direction,
                )
                for entry in download.parsed.entries
                if not _is_the_article(entry, target)
            ]
            new, changed = store.store_comments(session, target.article_id, values, now)
            store.raise_comment_count(session, [target.article_id])
        validators = (
            None
            if download.status == "error"
            else (download.etag, download.last_modified, download.body_hash)
        )
        store.save_source_state(
            session,
            target.url,
            status=download.status,
            error=error,
            now=now,
            validators=validators,
        )
    return CommentsStatus(download.status, new, changed, error, now)


class CommentFetcher:
    """Fetches comment feeds for one database and transport.

    Two fetches of the same comments feed never run at once (the panel and a
    prefetch may ask together), so its comments are not inserted twice.
    """

    def __init__(self, db: Database, transport: Transport, parse: Parser = parse_or_error) -> None:
        self.db = db
        self.transport = transport
        self.parse = parse
        self._guard = threading.Lock()
        self._locks: dict[str, threading.Lock] = {}

    def _lock_for(self, url: str) -> threading.Lock:
        with self._guard:
            return self._locks.setdefault(url, threading.Lock())

    def refresh(self, article_id: int) -> CommentsStatus:
        """Fetch the article's comments feed now and store what it holds."""
        with self.db.session() as session:
            target = store.comment_target(session, article_id)
        if target is None:
            return NO_COMMENTS_FEED
        with self._lock_for(target.url):
            with self.db.session() as session:  # validators may have changed meanwhile
                target = store.comment_target(session, article_id)
            assert target is not None
            download = _download(self.transport, target, self.parse)
            return _store_download(self.db, target, download, datetime.now(UTC))

    def status(self, article_id: int) -> CommentsStatus:
        """The last fetch of the article's comments feed, without fetching."""
        with self.db.session() as session:
            target = store.comment_target(session, article_id)
            if target is None:
                return NO_COMMENTS_FEED
            state = store.source_state(session, target.url)
        if state is None:
            return CommentsStatus("new")
        return CommentsStatus(state.status, error=state.error, fetched=state.last_fetched)

    def prefetch(self, *, limit: int = 50, cancel: threading.Event | None = None) -> int:
        """Refresh the comment feeds of starred and recently opened articles, newest first.

        Returns how many comment feeds were fetched (successfully or not).
        """
        now = datetime.now(UTC)
        with self.db.session() as session:
            ids = store.prefetch_candidates(
                session,
                opened_since=now - PREFETCH_OPENED_WITHIN,
                fetched_before=now - PREFETCH_MIN_AGE,
                limit=limit,
            )
        return _run_bounded(ids, self.refresh, cancel)


def _run_bounded(
    article_ids: Sequence[int],
    refresh: Callable[[int], CommentsStatus],
    cancel: threading.Event | None,
) -> int:
    """Run ``refresh`` over ``article_ids`` on a few threads; stop early on ``cancel``."""
    if not article_ids or (cancel is not None and cancel.is_set()):
        return 0
    fetched = 0
    with cf.ThreadPoolExecutor(min(PREFETCH_THREADS, len(article_ids)), "comments") as pool:
        futures = [pool.submit(_guarded, refresh, i, cancel) for i in article_ids]
        for future in cf.as_completed(futures):
            if not future.cancelled() and future.result():
                fetched += 1
            if cancel is not None and cancel.is_set():
                for pending in futures:
                    pending.cancel()
    return fetched


def _guarded(
    refresh: Callable[[int], CommentsStatus], article_id: int, cancel: threading.Event | None
) -> bool:
    """One prefetch; ``True`` when a comments feed was fetched.  Faults are logged, not raised."""
    if cancel is not None and cancel.is_set():
        return False
    try:
        return refresh(article_id).status != "none"
    except NewsreaderError as exc:  # the article was removed meanwhile, the disk is full...
        log.warning("prefetching comments of article %s failed: %s", article_id, exc)
        return False
