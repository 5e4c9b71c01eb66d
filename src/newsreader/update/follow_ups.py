"""What a refresh does once the news is stored: pictures, icons, comments to read offline.

The feeds come first, so the news shows as soon as it is stored; then, as a stage
of its own, in order, the new articles' pictures (:mod:`.image_cache`), the feeds'
icons (:mod:`newsreader.fetch.favicons`), the comments of starred and recently
opened articles (:class:`~newsreader.update.comments.CommentFetcher`) and the
whole articles of the feeds set to them (:mod:`.full_articles`).  Every
caller of a refresh (the command line, the window, a fetcher) gets the same steps.
A step that fails is logged and the next one runs: none of them may spoil the
refresh whose news is already stored.

The stage is bounded so that a bad network never holds the next refresh: it has a
time budget (what is not done by then waits for the next refresh), it can be
stopped at any moment (by the user, or by a newer refresh), it fetches through a
connection pool of its own (feeds never wait for a picture), and one failure to
reach a host skips that host's other pictures and icons for the rest of the run
(:mod:`.host_health`), each such host reported with the reason.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from newsreader.core.files import write_atomically
from newsreader.core.paths import AppPaths
from newsreader.core.types import (
    FeedStatus,
    FollowUp,
    FollowUpEnd,
    FollowUpProgress,
    FollowUpReport,
    RefreshSummary,
)
from newsreader.fetch.favicons import cache_feed_icons, icons_dir
from newsreader.fetch.transport import Transport, side_transport
from newsreader.storage import articles as article_store
from newsreader.storage import feeds as feed_store
from newsreader.storage.database import Database
from newsreader.update.comments import CommentFetcher
from newsreader.update.full_articles import FullArticles
from newsreader.update.host_health import HostGuard, HostMemory, StageStop
from newsreader.update.image_cache import download_images

__all__ = ["FollowUpCallback", "FollowUps", "ProgressCallback"]

log = logging.getLogger(__name__)

#: Called as each follow-up step ends: the step, and what it did (pictures or icons
#: stored, articles whose comments were fetched).
FollowUpCallback = Callable[[FollowUp, int], None]
#: Told how far the stage is, at most every :data:`PROGRESS_EVERY_S` while it runs.
ProgressCallback = Callable[[FollowUpProgress], None]

#: Pictures downloaded at once (from :data:`~.host_health.PER_HOST` per host at most).
#: Many, because on a bad network most of them wait for a host's first answer.
IMAGES_AT_ONCE = 24
#: The least time between two progress reports.
PROGRESS_EVERY_S = 0.25
#: The side client's own deadline comes this long after the stage's end.  The stage's
#: stop flag is set first (its watch looks every 0.1 s) and stops the client: a
#: download cut by the end of the stage is then never taken for the picture's own
#: failure (recorded, and not tried again for a day).
_CLIENT_LATER_S = 0.25
#: Beside the pictures: since when pictures are still to be fetched (a stage that
#: ran out of time, was stopped, or skipped a host leaves the rest for next time).
PENDING_FILE = "images-pending"


def _pending_file(paths: AppPaths) -> Path:
    return paths.cache / PENDING_FILE


def _pending_since(paths: AppPaths) -> datetime | None:
    """When the articles whose pictures are not all tried yet were first seen, if any."""
    try:
        text = _pending_file(paths).read_text(encoding="ascii").strip()
        when = datetime.fromisoformat(text)
    except (OSError, ValueError):
        return None
    return when if when.tzinfo is not None else when.replace(tzinfo=UTC)


def _set_pending(paths: AppPaths, since: datetime | None) -> None:
    try:
        if since is None:
            _pending_file(paths).unlink(missing_ok=True)
        else:
            write_atomically(_pending_file(paths), since.isoformat().encode("ascii"))
    except OSError as exc:
        log.warning("cannot note which pictures are left for later: %s", exc)


class _Progress:
    """Progress reports, no more often than :data:`PROGRESS_EVERY_S` (the last always)."""

    def __init__(self, callback: ProgressCallback | None, memory: HostMemory) -> None:
        self._callback = callback
        self._memory = memory
        self._lock = threading.Lock()
        self._last = 0.0

    def __call__(self, step: FollowUp, done: int, total: int, *, final: bool = False) -> None:
        if self._callback is None:
            return
        now = time.monotonic()
        with self._lock:
            if not final and done < total and now - self._last < PROGRESS_EVERY_S:
                return
            self._last = now
        skipped = len(self._memory.skipped_hosts())
        self._callback(FollowUpProgress(step, done, total, skipped))


@dataclass(frozen=True, slots=True)
class FollowUps:
    """The follow-up steps of one profile (its database, transport and folders)."""

    db: Database
    transport: Transport
    paths: AppPaths | None
    comments: CommentFetcher
    pages: FullArticles | None = None

    def run(
        self,
        summary: RefreshSummary,
        since: datetime,
        *,
        steps: Collection[FollowUp] = tuple(FollowUp),
        cancel: threading.Event | None = None,
        report: FollowUpCallback | None = None,
    ) -> tuple[tuple[FollowUp, int], ...]:
        """Run *steps* (in their fixed order) after the refresh that ended in *summary*.

        *since* is when that refresh began: articles first seen from then on are new.
        Returns what each step that ran did.
        """
        done, _ = self.stage(summary, since, steps=steps, cancels=(cancel,), report=report)
        return done

    def stage(
        self,
        summary: RefreshSummary,
        since: datetime,
        *,
        steps: Collection[FollowUp] = tuple(FollowUp),
        cancels: Iterable[threading.Event | None] = (),
        report: FollowUpCallback | None = None,
        progress: ProgressCallback | None = None,
        budget: float | None = None,
    ) -> tuple[tuple[tuple[FollowUp, int], ...], FollowUpReport]:
        """Run *steps* as one stage: stopped by any of *cancels*, or after *budget* seconds.

        Returns what each step that ran did, and how the stage ended (hosts skipped,
        pictures left for the next refresh).
        """
        started = time.monotonic()
        ends_by = started + budget if budget is not None and budget > 0 else None
        backstop = ends_by + _CLIENT_LATER_S if ends_by is not None else None
        side = side_transport(self.transport, ends_by=backstop)
        stop = StageStop(cancels=cancels, ends_by=ends_by, on_stop=side.stop)
        memory = HostMemory()
        tell = _Progress(progress, memory)
        finished = threading.Event()
        stop.watch(finished)
        left = 0
        work: dict[FollowUp, Callable[[], int]] = {}

        def images() -> int:
            nonlocal left
            new_files, left = self._images(since, side, memory, stop, tell)
            return new_files

        work[FollowUp.IMAGES] = images
        work[FollowUp.ICONS] = lambda: self._icons(summary, HostGuard(side, memory, stop), stop)
        work[FollowUp.COMMENTS] = lambda: self.comments.prefetch(cancel=stop)
        work[FollowUp.FULL_ARTICLES] = lambda: (
            self.pages.run(side, stop=stop, memory=memory).stored if self.pages else 0
        )
        done: list[tuple[FollowUp, int]] = []
        try:
            for step in FollowUp:
                if step not in steps or stop.is_set():
                    continue
                if step is FollowUp.IMAGES and not summary.new and not self._pictures_pending():
                    continue
                if step is FollowUp.FULL_ARTICLES and (
                    self.pages is None or not self.pages.wanted()
                ):
                    continue  # no feed is set to whole articles
                tell(step, 0, 0, final=True)
                try:
                    count = work[step]()
                except Exception:  # a bug in one step must not cost the others
                    log.exception("the refresh's %s step failed", step.value)
                    count = 0
                done.append((step, count))
                if report is not None:
                    report(step, count)
        finally:
            finished.set()
            side.close()
        if not stop.stopped:
            ended = FollowUpEnd.DONE
        elif stop.out_of_time:
            ended = FollowUpEnd.OUT_OF_TIME
        else:
            ended = FollowUpEnd.CANCELLED
        outcome = FollowUpReport(ended, time.monotonic() - started, left, memory.skipped_hosts())
        return tuple(done), outcome

    def _pictures_pending(self) -> bool:
        return self.paths is not None and _pending_since(self.paths) is not None

    def _images(
        self,
        since: datetime,
        transport: Transport,
        memory: HostMemory,
        stop: threading.Event,
        tell: _Progress,
    ) -> tuple[int, int]:
        """The pictures of the articles new since *since* (and of those left last time)."""
        if self.paths is None:
            return 0, 0
        pending = _pending_since(self.paths)
        first = min(since, pending) if pending is not None else since
        with self.db.session() as session:
            ids = article_store.ids_first_seen_since(session, first)
        _set_pending(self.paths, first)  # cleared below once every picture was tried
        run = download_images(
            self.db,
            transport,
            self.paths.images,
            ids,
            stop=stop,
            memory=memory,
            threads=IMAGES_AT_ONCE,
            progress=lambda n, total: tell(FollowUp.IMAGES, n, total, final=n == 0),
        )
        if run.total:
            tell(FollowUp.IMAGES, run.total - run.left, run.total, final=True)
        if run.left == 0 and not stop.is_set() and not memory.skipped_hosts():
            _set_pending(self.paths, None)
        return run.new_files, run.left

    def cache_images_since(self, since: datetime, *, cancel: threading.Event | None) -> int:
        """Download the pictures of articles first seen at or after *since*; how many were new."""
        if self.paths is None:
            return 0
        with self.db.session() as session:
            ids = article_store.ids_first_seen_since(session, since)
        run = download_images(self.db, self.transport, self.paths.images, ids, stop=cancel)
        return run.new_files

    def _icons(
        self, summary: RefreshSummary, transport: Transport, cancel: threading.Event | None
    ) -> int:
        reachable = [
            r.feed_id for r in summary.feeds if r.status not in (FeedStatus.ERROR, FeedStatus.GONE)
        ]
        return self._cache_icons(reachable, transport, cancel)

    def cache_icons(self, feed_ids: Collection[int], *, cancel: threading.Event | None) -> int:
        """Store the icons of *feed_ids* that are missing or a week old; how many were."""
        return self._cache_icons(feed_ids, self.transport, cancel)

    def _cache_icons(
        self, feed_ids: Collection[int], transport: Transport, cancel: threading.Event | None
    ) -> int:
        if self.paths is None or not feed_ids:
            return 0
        with self.db.session() as session:
            feeds = feed_store.feeds_by_id(session, list(feed_ids))
        return cache_feed_icons(transport, icons_dir(self.paths.cache), feeds, cancel=cancel)
