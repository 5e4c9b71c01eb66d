"""What a refresh does once the news is stored: pictures, icons, comments to read offline.

The feeds come first, so the news shows as soon as it is stored; then, in order,
the new articles' pictures (:mod:`.image_cache`), the feeds' icons
(:mod:`newsreader.fetch.favicons`) and the comments of starred and recently
opened articles (:class:`~newsreader.update.comments.CommentFetcher`).  Every
caller of a refresh (the command line, the window, a fetcher) gets the same steps.
A step that fails is logged and the next one runs: none of them may spoil the
refresh whose news is already stored.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import datetime

from newsreader.core.paths import AppPaths
from newsreader.core.types import FeedStatus, FollowUp, RefreshSummary
from newsreader.fetch.favicons import cache_feed_icons, icons_dir
from newsreader.fetch.transport import Transport
from newsreader.storage import articles as article_store
from newsreader.storage import feeds as feed_store
from newsreader.storage.database import Database
from newsreader.update.comments import CommentFetcher
from newsreader.update.image_cache import cache_images

__all__ = ["FollowUpCallback", "FollowUps"]

log = logging.getLogger(__name__)

#: Called as each follow-up step ends: the step, and what it did (pictures or icons
#: stored, articles whose comments were fetched).
FollowUpCallback = Callable[[FollowUp, int], None]


@dataclass(frozen=True, slots=True)
class FollowUps:
    """The follow-up steps of one profile (its database, transport and folders)."""

    db: Database
    transport: Transport
    paths: AppPaths | None
    comments: CommentFetcher

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
        work: dict[FollowUp, Callable[[], int]] = {
            FollowUp.IMAGES: lambda: self.cache_images_since(since, cancel=cancel),
            FollowUp.ICONS: lambda: self._icons(summary, cancel),
            FollowUp.COMMENTS: lambda: self.comments.prefetch(cancel=cancel),
        }
        done: list[tuple[FollowUp, int]] = []
        for step in FollowUp:
            if step not in steps or (cancel is not None and cancel.is_set()):
                continue
            if step is FollowUp.IMAGES and not summary.new:
                continue
            try:
                count = work[step]()
            except Exception:  # a bug in one step must not cost the others
                log.exception("the refresh's %s step failed", step.value)
                count = 0
            done.append((step, count))
            if report is not None:
                report(step, count)
        return tuple(done)

    def cache_images_since(self, since: datetime, *, cancel: threading.Event | None) -> int:
        """Download the pictures of articles first seen at or after *since*; how many were new."""
        if self.paths is None:
            return 0
        with self.db.session() as session:
            ids = article_store.ids_first_seen_since(session, since)
        return cache_images(self.db, self.transport, self.paths.images, ids, cancel=cancel)

    def _icons(self, summary: RefreshSummary, cancel: threading.Event | None) -> int:
        reachable = [
            r.feed_id for r in summary.feeds if r.status not in (FeedStatus.ERROR, FeedStatus.GONE)
        ]
        return self.cache_icons(reachable, cancel=cancel)

    def cache_icons(self, feed_ids: Collection[int], *, cancel: threading.Event | None) -> int:
        """Store the icons of *feed_ids* that are missing or a week old; how many were."""
        if self.paths is None or not feed_ids:
            return 0
        with self.db.session() as session:
            feeds = feed_store.feeds_by_id(session, list(feed_ids))
        return cache_feed_icons(self.transport, icons_dir(self.paths.cache), feeds, cancel=cancel)
