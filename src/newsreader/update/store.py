"""The refresh's store step, in order: what is stored → replies → decide → write.

For each fetched feed, in one transaction per batch: read the feed's stored
entries, attach entries that are replies to known articles as comments (replies to
another feed's articles stay this feed's articles too: a subscribed feed always
lists its entries), decide which of the rest are new or changed (pure:
:func:`~newsreader.update.decide.decide_entries`), write those, attach replies that
other feeds stored before these new articles arrived (so the order in which a site's
feed and its comments feed are stored changes nothing), and then the feed's own
fields with its next fetch time
(:func:`~newsreader.update.decide.schedule_after`).  Storage only reads and
writes; the order and the rules live here.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from newsreader.core.parsed import ParsedFeed
from newsreader.core.types import FeedResult, FeedStatus
from newsreader.core.update_records import FeedState, FeedUpdate
from newsreader.storage import locks
from newsreader.storage.comments import attach_replies, attach_stored_replies
from newsreader.storage.database import Session
from newsreader.storage.locks import TransactionLock
from newsreader.storage.writer import FeedWriter
from newsreader.update.decide import dated, decide_entries, schedule_after

__all__ = ["REMOVED", "FeedStore"]

#: The error of a feed unsubscribed while a refresh was fetching it.
REMOVED = "removed"


class FeedStore:
    """Stores :class:`FeedUpdate` records; one instance per refresh run."""

    def __init__(self) -> None:
        self._writer = FeedWriter()

    def store_many(
        self, session: Session, updates: Sequence[FeedUpdate], now: datetime
    ) -> list[FeedResult]:
        """Store a batch: the feeds' rows are read in one query, not one per feed.

        One batch is stored at a time per database, whichever process stores it
        (:mod:`newsreader.storage.locks`): feeds of two batches may share a new
        category, or a reply and the article it answers.
        """
        locks.hold(session, TransactionLock.STORE_NEWS)
        states = self._writer.load_feeds(session, [u.feed_id for u in updates])
        return [self._store(session, u, states.get(u.feed_id), now) for u in updates]

    def store(self, session: Session, update: FeedUpdate, now: datetime) -> FeedResult:
        """Store one update (adding a feed stores its first fetch this way)."""
        return self.store_many(session, [update], now)[0]

    def _store(
        self, session: Session, update: FeedUpdate, state: FeedState | None, now: datetime
    ) -> FeedResult:
        if state is None:  # removed while the refresh ran
            return FeedResult(update.feed_id, update.url, FeedStatus.ERROR, error=REMOVED)
        new = changed = 0
        if update.parsed is not None:
            new, changed = self._store_entries(session, state, update.parsed, now)
        schedule = schedule_after(
            status=update.status,
            now=now,
            interval=state.interval,
            error_count=state.error_count,
            retry_after=update.retry_after,
        )
        url = self._writer.write_feed(session, update, schedule, now)
        return FeedResult(
            update.feed_id, url, update.status, new=new, updated=changed, error=update.error
        )

    def _store_entries(
        self, session: Session, feed: FeedState, parsed: ParsedFeed, now: datetime
    ) -> tuple[int, int]:
        existing = self._writer.known_entries(session, feed.feed_id)
        # Replies to known articles (a site-wide comments feed) become comments.
        entries, _attached, held = attach_replies(
            session, parsed.entries, source_url=feed.url, now=now, feed_id=feed.feed_id
        )
        intents = decide_entries(existing, entries)
        self._writer.insert_articles(session, feed.feed_id, dated(intents.new, now), now)
        self._writer.replace_articles(session, intents.changed)
        if held:
            # Replies held back because their article arrived in this same document.
            attach_replies(
                session, parsed.entries, source_url=feed.url, now=now, feed_id=feed.feed_id
            )
        if intents.new:
            # Replies another feed stored before these articles existed.
            attach_stored_replies(session, feed.feed_id, [e.link for e in intents.new], now)
        return len(intents.new), len(intents.changed)
