"""The refresh's single writer: writes what the refresh decided, and reads what it needs.

The order of a feed's store step (read the stored entries, attach replies, decide,
write) belongs to :mod:`newsreader.update.store`; this module only reads and
writes.  Articles are inserted in bulk and updated in place by ``(feed, key)``; the
user's marks live in other tables and are never touched here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, delete, insert, select, update
from sqlalchemy.orm import Session

from newsreader.core.parsed import ParsedEntry, ParsedFeed
from newsreader.core.topics import topic_key
from newsreader.core.types import FeedStatus
from newsreader.core.update_records import FeedState, FeedUpdate, Schedule
from newsreader.storage import search as search_index
from newsreader.storage.article_watch import notify_new_articles
from newsreader.storage.models import (
    ArticleCategoryRow,
    ArticleRow,
    CategoryRow,
    EnclosureRow,
    FeedRow,
)

#: Plain tables for bulk inserts: Core executemany, without the ORM's per-row work.
_ARTICLES = cast(Table, ArticleRow.__table__)
_ARTICLE_CATEGORIES = cast(Table, ArticleCategoryRow.__table__)
_ENCLOSURES = cast(Table, EnclosureRow.__table__)


#: Feed statuses after which the stored body is the last one fetched.
_BODY_STATUSES = frozenset({FeedStatus.OK.value, FeedStatus.NOT_MODIFIED.value})


def _article_values(entry: ParsedEntry) -> dict[str, Any]:
    return {
        "title": entry.title,
        "link": entry.link,
        "author": entry.author,
        "summary": entry.summary,
        "content_html": entry.content_html,
        "published": entry.published,
        "updated": entry.updated,
        "language": entry.language,
        "direction": entry.direction.value,
        "image_url": entry.image_url,
        "image_caption": entry.image_caption,
        "comments_url": entry.comments_url,
        "comments_feed_url": entry.comments_feed_url,
        "comment_count": entry.comment_count,
        "has_video": any(
            (e.medium == "video") or bool(e.type and e.type.startswith("video/"))
            for e in entry.enclosures
        ),
        "content_hash": entry.content_hash,
    }


class CategoryCache:
    """Category name → id, created on first use; lives as long as one writer."""

    def __init__(self) -> None:
        self._ids: dict[str, int] = {}

    def ids(self, session: Session, names: Iterable[str]) -> dict[str, int]:
        wanted = {n for n in names if n not in self._ids}
        if wanted:
            for name, cid in session.execute(
                select(CategoryRow.name, CategoryRow.id).where(CategoryRow.name.in_(wanted))
            ):
                self._ids[name] = cid
            missing = [n for n in wanted if n not in self._ids]
            if missing:
                for name, cid in session.execute(
                    insert(CategoryRow).returning(CategoryRow.name, CategoryRow.id),
                    [{"name": n, "key": topic_key(n)} for n in missing],
                ):
                    self._ids[name] = cid
        return self._ids


class FeedWriter:
    """Reads and writes for one refresh run: feed rows, stored entries, new articles.

    It remembers the feed rows it loaded (:meth:`load_feeds`) until
    :meth:`write_feed` is done with them, so a batch costs one query for its feeds.
    """

    def __init__(self) -> None:
        self._categories = CategoryCache()
        self._rows: dict[int, FeedRow] = {}

    def load_feeds(self, session: Session, feed_ids: Sequence[int]) -> dict[int, FeedState]:
        """The feeds of a batch that still exist (one query), kept for :meth:`write_feed`."""
        rows = session.scalars(select(FeedRow).where(FeedRow.id.in_(list(feed_ids))))
        # Held in a dict: the session's identity map only keeps rows something references.
        self._rows = {row.id: row for row in rows}
        return {
            row.id: FeedState(row.id, row.url, row.interval, row.error_count)
            for row in self._rows.values()
        }

    @staticmethod
    def known_entries(session: Session, feed_id: int) -> dict[str, tuple[int, str]]:
        """The feed's stored entries: ``key -> (article id, content hash)``."""
        return {
            key: (aid, chash)
            for key, aid, chash in session.execute(
                select(ArticleRow.key, ArticleRow.id, ArticleRow.content_hash).where(
                    ArticleRow.feed_id == feed_id
                )
            )
        }

    def insert_articles(
        self, session: Session, feed_id: int, entries: Sequence[ParsedEntry], now: datetime
    ) -> None:
        """Store *entries* as new articles of the feed, first seen *now*."""
        if not entries:
            return
        rows = [
            {
                **_article_values(e),
                "feed_id": feed_id,
                "key": e.key,
                "first_seen": now,
                "sort_time": e.published or now,
            }
            for e in entries
        ]
        # One executemany, then the new ids by key: an INSERT ... RETURNING that
        # keeps the rows' order runs row by row, several times slower.
        session.execute(insert(_ARTICLES), rows)
        new_keys = {e.key for e in entries}
        ids = {
            key: aid
            for key, aid in session.execute(
                select(ArticleRow.key, ArticleRow.id).where(
                    ArticleRow.feed_id == feed_id, ArticleRow.first_seen == now
                )
            )
            if key in new_keys
        }
        self._store_children(session, [(ids[e.key], e) for e in entries], replace=False)
        notify_new_articles(session, max(ids.values()))  # heard when this transaction commits

    def replace_articles(
        self, session: Session, changed: Sequence[tuple[int, ParsedEntry]]
    ) -> None:
        """Rewrite stored articles (by id) whose content changed; marks stay as they are."""
        if not changed:
            return
        # The index deletes a document by its indexed text: take it out before it changes.
        search_index.forget_articles(session, [aid for aid, _ in changed])
        for article_id, entry in changed:
            values = _article_values(entry)
            if entry.published is not None:
                values["sort_time"] = entry.published
            else:
                del values["published"]  # keeps the first-seen date it was given
            session.execute(update(ArticleRow).where(ArticleRow.id == article_id).values(values))
        self._store_children(session, changed, replace=True)

    def write_feed(
        self, session: Session, update_: FeedUpdate, schedule: Schedule, now: datetime
    ) -> str:
        """Write the feed's own fields after a fetch: metadata, validators, next fetch.

        Returns the feed's URL afterwards (a permanent redirect may have changed it).
        """
        feed = self._rows.pop(update_.feed_id, None) or session.get(FeedRow, update_.feed_id)
        assert feed is not None, "write_feed for a feed load_feeds did not find"
        if update_.parsed is not None:
            self._update_feed_metadata(feed, update_.parsed)
        self._update_fetch_state(session, feed, update_, schedule, now)
        return feed.url

    @staticmethod
    def _update_feed_metadata(feed: FeedRow, parsed: ParsedFeed) -> None:
        if parsed.title:
            feed.title = parsed.title
        if parsed.link:
            feed.site_url = parsed.link
        if parsed.language:
            feed.language = parsed.language
        if parsed.icon_url:
            feed.icon_url = parsed.icon_url

    @staticmethod
    def _update_fetch_state(
        session: Session, feed: FeedRow, u: FeedUpdate, schedule: Schedule, now: datetime
    ) -> None:
        # Beside ok and not_modified, the error column holds the parse warning of the
        # stored body; an unchanged body keeps it, a fetch error or a new body replaces it.
        body_warning = feed.error if feed.status in _BODY_STATUSES else None
        feed.status = schedule.status.value
        feed.error_count = schedule.error_count
        feed.next_fetch = schedule.next_fetch
        feed.retry_until = schedule.retry_until
        feed.last_fetched = now
        feed.error = u.error if u.status in (FeedStatus.ERROR, FeedStatus.GONE) else None
        if u.status is FeedStatus.OK and u.parsed is not None and u.parsed.warning:
            feed.error = u.parsed.warning  # kept entries, but say the feed is damaged
        if u.status is FeedStatus.NOT_MODIFIED:
            feed.error = body_warning
        if u.status in (FeedStatus.OK, FeedStatus.NOT_MODIFIED):
            feed.etag = u.etag
            feed.last_modified = u.last_modified
            if u.body_hash:
                feed.body_hash = u.body_hash
        if u.new_url and u.new_url != feed.url:
            taken = session.scalar(select(FeedRow.id).where(FeedRow.url == u.new_url))
            if taken is None:
                feed.url = u.new_url

    def _store_children(
        self, session: Session, pairs: Sequence[tuple[int, ParsedEntry]], *, replace: bool
    ) -> None:
        if replace:
            ids = [aid for aid, _ in pairs]
            session.execute(
                delete(ArticleCategoryRow).where(ArticleCategoryRow.article_id.in_(ids))
            )
            session.execute(delete(EnclosureRow).where(EnclosureRow.article_id.in_(ids)))
        names = {c for _, e in pairs for c in e.categories}
        category_ids = self._categories.ids(session, names) if names else {}
        links = [
            {"article_id": aid, "category_id": category_ids[c]}
            for aid, e in pairs
            for c in dict.fromkeys(e.categories)
        ]
        if links:
            session.execute(insert(_ARTICLE_CATEGORIES), links)
        enclosures = [
            {
                "article_id": aid,
                "url": x.url,
                "type": x.type,
                "length": x.length,
                "medium": x.medium,
            }
            for aid, e in pairs
            for x in e.enclosures
        ]
        if enclosures:
            session.execute(insert(_ENCLOSURES), enclosures)
        search_index.index_entries(session, pairs, replace=replace)
