"""``newsreader fetcher``: refreshes the due feeds pass after pass, headless, for as long
as it runs; several may run at once on one database.

A pass claims the due feeds in batches (each feed leased to this fetcher, see
``storage.feeds.claim_jobs``), fetches and stores each batch through the refresh's
own :class:`~newsreader.update.pipeline.Refresher` (the same fetch threads and fenced
parse workers), gives each feed's lease back as its result is stored, and ends when
no due feed is left unclaimed.  The work after the news (pictures, icons, comments,
whole articles) then runs as the refresh runs it, through the *follow_up* the
Reader hands in, and a search index being rebuilt after an upgrade catches up.  The
fetcher sleeps until the next feed is due or for the interval, whichever comes
first, and begins again.

It stops when its *stop* event is set (the command line sets it on SIGTERM and
SIGINT): no new batch is claimed, the running one is cancelled (what is stored
stays stored; the fetches under way end by their own deadlines), its leases are
given back, and :meth:`Fetcher.run` returns.

Logging goes through :mod:`logging` (logger ``newsreader.update.fetcher``): a line
at the start and the end, one per pass (feeds fetched, new and updated articles,
errors) and one per failing feed.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from newsreader.core.errors import NewsreaderError
from newsreader.core.types import FeedResult, FeedStatus, RefreshSummary
from newsreader.storage import feeds as feed_store
from newsreader.storage import search as search_store
from newsreader.storage.database import Database
from newsreader.update.pipeline import Refresher

log = logging.getLogger(__name__)

#: Seconds between two passes at most, unless told otherwise.
DEFAULT_INTERVAL = 300.0
#: Feeds claimed at a time, unless told otherwise.
DEFAULT_BATCH = 50
#: Seconds between two passes at least: a feed due again at once waits this long.
MIN_PAUSE = 1.0

#: The work after a pass's news: (the pass's summary, when it began, the stop event).
FollowUp = Callable[[RefreshSummary, datetime, threading.Event], None]


@dataclass(frozen=True, slots=True)
class PassReport:
    """What one pass did."""

    summary: RefreshSummary
    seconds: float


class Fetcher:
    """Passes over the due feeds until stopped (or once)."""

    def __init__(
        self,
        db: Database,
        refresher: Refresher,
        *,
        stop: threading.Event,
        batch: int = DEFAULT_BATCH,
        interval: float = DEFAULT_INTERVAL,
        follow_up: FollowUp | None = None,
    ) -> None:
        if batch < 1:
            raise ValueError("a batch is at least one feed")
        if interval <= 0:
            raise ValueError("the interval is a positive number of seconds")
        self.db = db
        self.refresher = refresher
        self.stop = stop
        self.batch = batch
        self.interval = interval
        self.follow_up = follow_up

    def run(self, *, once: bool = False) -> None:
        """Pass after pass until :attr:`stop` is set (one pass with *once*).

        A pass that fails on the database (the server went away) is logged, and the
        next one is tried after the pause; the leases are given back at the end.
        """
        log.info(
            "fetcher started (leases as %s; batches of %d, passes at most %g s apart)",
            self.refresher.lease_owner,
            self.batch,
            self.interval,
        )
        try:
            while not self.stop.is_set():
                try:
                    self.run_pass()
                    self.catch_up_search_index()
                except NewsreaderError as exc:
                    log.error("the pass failed: %s", exc)
                if once:
                    break
                self.stop.wait(self.pause())
        finally:
            self.refresher.release_leases()
            log.info("fetcher stopped")

    def catch_up_search_index(self) -> None:
        """A search index being rebuilt (after an upgrade) is brought up to date between
        passes, a short transaction a batch, until done or stopped."""
        while not self.stop.is_set():
            with self.db.session() as session:
                search_store.continue_rebuild(session)
                if not search_store.rebuild_pending(session):
                    return

    def run_pass(self) -> PassReport:
        """Fetch every due feed once, a batch at a time, then the work after the news."""
        began = time.monotonic()
        started = datetime.now(UTC)
        results: list[FeedResult] = []
        seen: set[int] = set()
        while not self.stop.is_set():
            jobs = self.refresher.jobs(feed_ids=None, include_not_due=False, limit=self.batch)
            fresh = [job for job in jobs if job.feed_id not in seen]
            again = [job.feed_id for job in jobs if job.feed_id in seen]
            if again:  # due again within the pass: left for the next one
                self.refresher.release_leases(again)
            if not fresh:
                break
            seen.update(job.feed_id for job in fresh)
            log.debug("claimed feeds %s", " ".join(str(job.feed_id) for job in fresh))
            batch = self.refresher.run_jobs(fresh, cancel=self.stop)
            for result in batch.feeds:
                if result.status in (FeedStatus.ERROR, FeedStatus.GONE):
                    log.warning(
                        "feed %d %s: %s: %s",
                        result.feed_id,
                        result.url,
                        result.status.value,
                        result.error or "no reason given",
                    )
            results.extend(batch.feeds)
        summary = RefreshSummary(tuple(results))
        if summary.feeds and self.follow_up is not None and not self.stop.is_set():
            self.follow_up(summary, started, self.stop)
        report = PassReport(summary, time.monotonic() - began)
        log.info(
            "pass: %d feeds fetched, %d new articles, %d updated, %d errors (%.1f s)%s",
            len(summary.feeds),
            summary.new,
            summary.updated,
            summary.failed,
            report.seconds,
            ", stopped early" if self.stop.is_set() else "",
        )
        return report

    def pause(self) -> float:
        """Seconds until the next feed is due, at most the interval, at least a second."""
        now = datetime.now(UTC)
        try:
            with self.db.session() as session:
                due = feed_store.next_due(session, now)
        except NewsreaderError as exc:
            log.error("cannot read when the next feed is due: %s", exc)
            return self.interval
        if due is None:
            return self.interval
        return min(max((due - now).total_seconds(), MIN_PAUSE), self.interval)
