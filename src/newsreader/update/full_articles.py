"""Whole articles fetched from their pages, after the news is stored.

For each new article of a feed set to ``on`` (or ``auto`` with short summaries,
:mod:`newsreader.core.full_articles`) whose page was never tried, the page is
fetched through the same fenced transport as feeds (size cap, deadlines, bounded
redirects; conditional GET when the user asks again), a few pages at a time and at
most :data:`PER_HOST` per site, and its article is extracted in a parse worker
(:meth:`~newsreader.update.parse_pool.ParsePool.submit_page`), since the page is
untrusted.  The outcome is stored beside the feed's own text
(:mod:`newsreader.storage.full_articles`), an error with its reason; then the
text's pictures go to the offline image cache.

A page is tried once: a stored text or error means a refresh leaves it alone; only
the user asks again (:meth:`FullArticles.fetch_now`).  A page not tried because its
host could not be reached, or because the stage ran out of time or was stopped, is
not recorded, so the next refresh tries it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from newsreader.core.errors import FetchError, NotTriedError, UnreachableHostError
from newsreader.core.full_articles import ExtractedPage, FullText
from newsreader.fetch.transport import Transport
from newsreader.storage import full_articles as full_store
from newsreader.storage.database import Database
from newsreader.update.host_health import HostGuard, HostMemory, HostQueue
from newsreader.update.image_cache import download_images
from newsreader.update.parse_pool import STOPPED

__all__ = ["MAX_PAGE_BYTES", "PER_HOST", "FullArticles", "PageRun"]

log = logging.getLogger(__name__)

#: A page bigger than this is not read (an article page is rarely over 1 MB).
MAX_PAGE_BYTES = 4 * 1024 * 1024
#: Pages fetched at once, and at most this many from one site.
THREADS = 4
PER_HOST = 2
#: The most pages one refresh fetches (the newest articles first); the rest wait.
PAGES_PER_RUN = 100
ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"

#: Hands a fetched page to a parse worker: (body, final URL, content type).
Extractor = Callable[[bytes, str, "str | None"], "Future[ExtractedPage | str]"]


@dataclass(frozen=True, slots=True)
class PageRun:
    """What one run did: texts stored, errors stored, and pages left for next time."""

    stored: int = 0
    failed: int = 0
    left: int = 0


@dataclass(frozen=True, slots=True)
class _Outcome:
    text: FullText
    etag: str | None = None
    last_modified: str | None = None
    unchanged: bool = False


class FullArticles:
    """Fetching the pages of one profile's articles (its database and parse workers)."""

    def __init__(self, db: Database, extract: Extractor, images_dir: Path | None) -> None:
        self._db = db
        self._extract = extract
        self._images_dir = images_dir

    def wanted(self) -> bool:
        """Whether any feed is set to whole articles (``on`` or ``auto``)."""
        with self._db.session() as session:
            return full_store.any_feed_wanting(session)

    def _fetch(
        self, transport: Transport, page: full_store.PageToFetch, *, later: bool = True
    ) -> _Outcome | None:
        """The outcome of one page; ``None`` when it was not really tried.

        With *later*, a host that cannot be reached is not the article's error (the
        next refresh tries again); without, it is.
        """
        now = datetime.now(UTC)
        try:
            response = transport.get(
                page.url,
                etag=page.etag,
                last_modified=page.last_modified,
                max_bytes=MAX_PAGE_BYTES,
                accept=ACCEPT,
            )
        except (NotTriedError, UnreachableHostError):
            if later:
                return None
            raise
        except FetchError as exc:
            return _Outcome(FullText(page.article_id, None, now, f"{exc} ({page.url})"))
        if response.not_modified:
            return _Outcome(FullText(page.article_id, None, now), unchanged=True)
        result = self._extract(response.body, response.final_url, response.content_type).result()
        if result == STOPPED:
            return None  # the workers were shut down first: not the page's fault
        if isinstance(result, str):
            return _Outcome(FullText(page.article_id, None, now, f"{result} ({page.url})"))
        return _Outcome(
            FullText(page.article_id, result.html, now),
            response.etag,
            response.last_modified,
        )

    def _store(self, outcome: _Outcome) -> None:
        with self._db.session() as session:
            full_store.store(
                session,
                outcome.text,
                etag=outcome.etag,
                last_modified=outcome.last_modified,
                keep_text=outcome.unchanged,
            )

    def run(
        self,
        transport: Transport,
        *,
        stop: threading.Event,
        memory: HostMemory,
        limit: int = PAGES_PER_RUN,
    ) -> PageRun:
        """Fetch the pages a refresh should (newest first, at most *limit*); what it did."""
        with self._db.session() as session:
            pages = full_store.pages_to_fetch(session, limit)
        if not pages:
            return PageRun()
        by_url: dict[str, list[full_store.PageToFetch]] = {}
        for page in pages:
            by_url.setdefault(page.url, []).append(page)
        queue = HostQueue(by_url, memory, stop, per_host=PER_HOST)
        guard = HostGuard(transport, memory, stop)
        lock = threading.Lock()
        stored: list[int] = []
        failed = 0

        def work() -> None:
            nonlocal failed
            url = queue.take()
            while url is not None:
                outcome = None
                try:
                    outcome = self._fetch(guard, by_url[url][0])
                except Exception:  # a bug for one page must not end the others
                    log.exception("fetching the page %s failed", url)
                # not tried, or cut short: the next refresh tries it
                if outcome is not None and not stop.is_set():
                    for page in by_url[url]:
                        self._store(_same(outcome, page.article_id))
                    with lock:
                        if outcome.text.html is not None:
                            stored.extend(p.article_id for p in by_url[url])
                        else:
                            failed += len(by_url[url])
                url = queue.take(url, answered=outcome is not None)

        workers = [
            threading.Thread(target=work, name="full-articles", daemon=True)
            for _ in range(min(THREADS, len(by_url)))
        ]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        if stored and self._images_dir is not None and not stop.is_set():
            download_images(self._db, transport, self._images_dir, stored, stop=stop, memory=memory)
        left = len(pages) - len(stored) - failed
        log.info("whole articles: %d stored, %d failed, %d left", len(stored), failed, left)
        return PageRun(len(stored), failed, left)

    def fetch_now(self, article_id: int, transport: Transport) -> FullText | None:
        """Fetch one article's page now, even if it was tried before (the user asked).

        Returns what is stored afterwards: the text, and this try's error if it
        failed (a text fetched earlier stays); ``None`` when the article has no link.
        Raises :class:`~newsreader.core.errors.ArticleNotFoundError`.  A host that
        cannot be reached is this article's error here: the user is waiting.
        """
        with self._db.session() as session:
            page = full_store.page_of(session, article_id)
        if page is None:
            return None
        outcome: _Outcome | None
        try:
            outcome = self._fetch(transport, page, later=False)
        except FetchError as exc:  # its host cannot be reached
            outcome = _Outcome(FullText(article_id, None, datetime.now(UTC), f"{exc} ({page.url})"))
        except Exception as exc:  # a bug: the user sees it, the app goes on
            log.exception("fetching the page of article %d failed", article_id)
            outcome = _Outcome(FullText(article_id, None, datetime.now(UTC), str(exc)))
        assert outcome is not None  # without *later*, every page is tried
        if outcome.text.html is None:  # a text fetched before stays beside the error
            outcome = _Outcome(outcome.text, unchanged=True)
        self._store(outcome)
        if outcome.text.html is not None and self._images_dir is not None:
            download_images(self._db, transport, self._images_dir, [article_id])
        with self._db.session() as session:
            return full_store.full_text(session, article_id)


def _same(outcome: _Outcome, article_id: int) -> _Outcome:
    """*outcome* for another article with the same page."""
    if outcome.text.article_id == article_id:
        return outcome
    text = FullText(article_id, outcome.text.html, outcome.text.fetched, outcome.text.error)
    return _Outcome(text, outcome.etag, outcome.last_modified, outcome.unchanged)
