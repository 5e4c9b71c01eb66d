"""The core's public API: one :class:`Reader` per profile, used by the CLI, the GUI and tests.

Everything crossing this boundary is a frozen dataclass from
:mod:`newsreader.core.types`.  Methods are thread-safe (each opens its own short
database session); long ones (``refresh``, ``add_feed``) must not run on a GUI thread.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import re
import threading
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

from newsreader.core.errors import (
    FetchError,
    NewsreaderError,
    NotAFeedError,
    ParseError,
    SeveralFeedsError,
)
from newsreader.core.paths import AppPaths, app_paths, resources_dir
from newsreader.core.settings import Settings, load_settings, save_settings
from newsreader.core.types import (
    Article,
    ArticleQuery,
    ArticleSummary,
    Feed,
    FeedStatus,
    Folder,
    RefreshSummary,
    Topic,
)
from newsreader.fetch.transport import RoutingTransport, Transport
from newsreader.reader.comments import CommentsMixin
from newsreader.storage import articles as article_store
from newsreader.storage import feeds as feed_store
from newsreader.storage.database import Database, sqlite_url
from newsreader.storage.writer import FeedUpdate, FeedWriter
from newsreader.update.parse_pool import ParsePool
from newsreader.update.pipeline import ProgressCallback, Refresher

log = logging.getLogger(__name__)


#: Schemes that subscribe links on web pages use for a feed behind an http(s) URL:
#: ``feed://host/path`` (http), ``feed:https://host/path``, and the podcast apps' own.
_FEED_LINK_SCHEMES = ("feed:", "itpc:", "pcast:", "podcast:")


#: A scheme without "//" (``mailto:``, ``javascript:``), not a host and port.
_OTHER_SCHEME_RE = re.compile(r"[a-zA-Z][a-zA-Z0-9+.\-]*:(?!\d)")


def _without_feed_scheme(url: str) -> str:
    """``feed://host/x`` → ``http://host/x``; ``feed:https://host/x`` → ``https://host/x``."""
    lowered = url.lower()
    for scheme in _FEED_LINK_SCHEMES:
        if lowered.startswith(scheme):
            rest = url[len(scheme) :]
            inner = rest.lstrip("/")
            if inner.lower().startswith(("http://", "https://")):
                return inner  # feed:https://… and the odd feed://https://…
            return "http://" + inner if rest.startswith("//") else rest
    return url


def normalize_feed_url(url: str) -> str:
    """What the user typed → an absolute URL (``example.org/feed`` → ``https://…``).

    A ``feed:`` (or podcast) link copied from a web page's subscribe button becomes
    the http(s) URL it stands for.
    """
    url = _without_feed_scheme(url.strip())
    if not url:
        raise FetchError("empty URL")
    if "://" not in url:
        if _OTHER_SCHEME_RE.match(url):  # mailto:, javascript:… (not host:port)
            raise FetchError(f"not a web address: {url}", url=url)
        url = "https://" + url
    parts = urlsplit(url)
    try:
        parts.port  # noqa: B018 (a port that is no number raises here)
    except ValueError:
        raise FetchError(f"not a web address: {url}", url=url) from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(f"not a web address: {url}", url=url)
    return url


class Reader(CommentsMixin):
    """A profile's subscriptions, articles and user state.

    Comments, notes and the user-data backup come from :class:`CommentsMixin`.
    """

    def __init__(
        self,
        db: Database,
        *,
        paths: AppPaths | None = None,
        transport: Transport | None = None,
        parse_pool: ParsePool | None = None,
    ) -> None:
        self.db = db
        self.paths = paths
        self.transport: Transport = transport or RoutingTransport()
        self.parse_pool = parse_pool if parse_pool is not None else ParsePool()
        self._refresh_lock = threading.Lock()

    @classmethod
    def open(
        cls,
        data_dir: str | Path | None = None,
        db_url: str | None = None,
        *,
        transport: Transport | None = None,
    ) -> Reader:
        """Open (creating and migrating if needed) the profile in ``data_dir``."""
        paths = app_paths(data_dir).ensure()
        db = Database(db_url or sqlite_url(paths.database))
        return cls(db, paths=paths, transport=transport)

    def close(self) -> None:
        self.parse_pool.shutdown()
        self.transport.close()
        self.db.close()

    def __enter__(self) -> Reader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- settings ---------------------------------------------------------------

    def settings(self) -> Settings:
        return load_settings(self.paths.settings_file) if self.paths else Settings()

    def save_settings(self, settings: Settings) -> None:
        if self.paths:
            save_settings(self.paths.settings_file, settings)

    # -- subscriptions ------------------------------------------------------------

    def add_feed(self, url: str, *, folder: str | None = None, choose: bool = False) -> Feed:
        """Subscribe to ``url`` after fetching it once.

        A web page is searched for the feeds it links to and the first is taken; with
        ``choose``, a page that offers several raises :class:`SeveralFeedsError` with
        them instead, so the caller can ask which to follow.  Raises
        :class:`FetchError` for an unreachable URL, :class:`NotAFeedError` for a page
        without a feed, :class:`FeedExistsError` when already subscribed.
        """
        from newsreader.fetch.discover import find_feed_options, looks_like_feed

        parse = self.parse_pool.parse  # a worker process: the document is not trusted yet

        url = normalize_feed_url(url)
        response = self.transport.get(url)
        feed_url = response.permanent_url or url
        if not looks_like_feed(response.body, response.content_type):
            options = find_feed_options(response.body, response.final_url)
            if not options:
                try:  # some feeds are served with misleading content types or prologs
                    parse(response.body, feed_url, response.content_type)
                except ParseError:
                    raise NotAFeedError(f"no feed found at {url}") from None
            elif choose and len(options) > 1:
                raise SeveralFeedsError(url, options)
            else:
                feed_url = options[0].url
                response = self.transport.get(feed_url)
                feed_url = response.permanent_url or feed_url
        parsed = parse(response.body, feed_url, response.content_type)
        now = datetime.now(UTC)
        with self.db.session() as session:
            feed_id = feed_store.add_feed(session, feed_url, folder=folder)
            FeedWriter().store(
                session,
                FeedUpdate(
                    feed_id,
                    feed_url,
                    FeedStatus.OK,
                    parsed=parsed,
                    etag=response.etag,
                    last_modified=response.last_modified,
                    body_hash=hashlib.sha256(response.body).hexdigest(),
                ),
                now,
            )
        self.apply_pending_state()
        self.cache_images_since(now)
        return self.get_feed(feed_id)

    def subscribe(
        self,
        url: str,
        *,
        folder: str | None = None,
        title: str | None = None,
        site_url: str | None = None,
    ) -> int:
        """Add a subscription without fetching it (OPML import, the demo)."""
        with self.db.session() as session:
            return feed_store.add_feed(session, url, folder=folder, title=title, site_url=site_url)

    def list_feeds(self) -> list[Feed]:
        with self.db.session() as session:
            return feed_store.list_feeds(session)

    def get_feed(self, feed_id: int) -> Feed:
        with self.db.session() as session:
            return feed_store.get_feed(session, feed_id)

    def remove_feed(self, feed_id: int) -> None:
        with self.db.session() as session:
            feed_store.remove_feed(session, feed_id)
            article_store.delete_orphan_categories(session)

    def set_feed_folder(self, feed_id: int, folder: str | None) -> None:
        with self.db.session() as session:
            feed_store.set_folder(session, feed_id, folder)

    def set_feed_pinned(self, feed_id: int, pinned: bool) -> None:
        with self.db.session() as session:
            feed_store.set_pinned(session, feed_id, pinned)

    def list_folders(self) -> list[Folder]:
        with self.db.session() as session:
            return feed_store.list_folders(session)

    # -- OPML ---------------------------------------------------------------------

    def import_opml(self, data: bytes) -> int:
        """Subscribe to every feed of an OPML document (folders kept); nothing is fetched.

        Returns how many subscriptions were new.
        """
        from newsreader.fetch.opml import read_opml

        known = {f.url for f in self.list_feeds()}
        added = 0
        with self.db.session() as session:
            for outline in read_opml(data):
                if outline.url in known:
                    continue
                feed_store.add_feed(
                    session,
                    outline.url,
                    folder=outline.folder,
                    title=outline.title,
                    site_url=outline.site_url,
                )
                known.add(outline.url)
                added += 1
        return added

    def export_opml(self) -> bytes:
        from newsreader.fetch.opml import OutlineFeed, write_opml

        return write_opml(
            OutlineFeed(url=f.url, title=f.title or None, site_url=f.site_url, folder=f.folder)
            for f in self.list_feeds()
        )

    def load_demo(self, *, pages: bool = True) -> RefreshSummary:
        """Subscribe to the bundled demo feeds and load them (no network needed).

        With *pages*, the web pages of the demo's articles are written too
        (:meth:`write_demo_pages`); the window writes them afterwards instead, so
        that the demo shows sooner.
        """
        data = (resources_dir() / "demo" / "demo.opml").read_bytes()
        self.import_opml(data)
        from newsreader.fetch.opml import read_opml
        from newsreader.fetch.transport import DEMO_BASE

        demo_urls = {o.url for o in read_opml(data) if o.url.startswith(DEMO_BASE)}
        ids = [f.id for f in self.list_feeds() if f.url in demo_urls]
        summary = self.refresh(feed_ids=ids)
        if pages:
            self.write_demo_pages()
        return summary

    def write_demo_pages(self) -> int:
        """Write the web pages of the demo's articles and sections; how many were written.

        They stand for the demo host's links outside the app (:meth:`demo_copy`).  A
        failure is logged, never raised: the pages are a nicety.
        """
        if self.paths is None:
            return 0
        from newsreader.reader.demo_pages import write_demo_pages

        try:
            return len(write_demo_pages(self, self.paths.demo_pages))
        except (OSError, NewsreaderError):
            log.exception("cannot write the demo pages")
            return 0

    def demo_copy(self, url: str) -> Path | None:
        """The local file that stands for a demo-host *url*, if there is one.

        A shipped file (picture, media, feed), else the page written for a demo
        article or section when the demo was loaded.  No browser can reach the demo
        host itself.
        """
        from newsreader.fetch.transport import demo_file

        shipped = demo_file(url)
        if shipped is not None or self.paths is None:
            return shipped
        return demo_file(url, self.paths.demo_pages)

    def default_subscriptions_opml(self) -> bytes:
        return (resources_dir() / "default-subscriptions.opml").read_bytes()

    # -- refresh ------------------------------------------------------------------

    def refresh(
        self,
        *,
        all_feeds: bool = False,
        feed_ids: Sequence[int] | None = None,
        progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
        images: bool = True,
    ) -> RefreshSummary:
        """Fetch the due feeds (all with ``all_feeds=True``; exactly ``feed_ids`` if given).

        Every feed fetched ends with a result; one feed's error never stops the rest.
        Only one refresh runs at a time per Reader.  With ``images``, the pictures of
        the new articles are then downloaded for offline reading.
        """
        with self._refresh_lock:
            started = datetime.now(UTC)
            refresher = Refresher(self.db, self.transport, parse_pool=self.parse_pool)
            summary = refresher.run(
                feed_ids=feed_ids, include_not_due=all_feeds, progress=progress, cancel=cancel
            )
            if summary.new:
                self.apply_pending_state()  # marks imported before their articles arrived
            if images and summary.new and not (cancel is not None and cancel.is_set()):
                self.cache_images_since(started, cancel=cancel)
            return summary

    def cache_images_since(self, since: datetime, *, cancel: threading.Event | None = None) -> int:
        """Download the images of articles first seen at or after ``since``."""
        from newsreader.fetch.images import cache_images

        if self.paths is None:
            return 0
        with self.db.session() as session:
            ids = article_store.ids_first_seen_since(session, since)
        return cache_images(self.db, self.transport, self.paths.images, ids, cancel=cancel)

    def local_image(self, url: str) -> Path | None:
        """The cached copy of an image, if it was downloaded."""
        from newsreader.fetch.images import local_image

        if self.paths is None:
            return None
        return local_image(self.db, self.paths.images, url)

    # -- articles -----------------------------------------------------------------

    def list_articles(
        self,
        query: ArticleQuery | None = None,
        *,
        limit: int | None = None,
        offset: int = 0,
        after: article_store.Cursor | None = None,
    ) -> list[ArticleSummary]:
        with self.db.session() as session:
            return article_store.list_articles(
                session, query or ArticleQuery(), limit=limit, offset=offset, after=after
            )

    def article_cursor(self, article_id: int) -> article_store.Cursor | None:
        """The paging position of an article (pass it as ``after`` to continue after it)."""
        with self.db.session() as session:
            return article_store.cursor_of(session, article_id)

    def count_articles(self, query: ArticleQuery | None = None) -> tuple[int, int]:
        """``(total, unread)`` in a view."""
        with self.db.session() as session:
            return article_store.count_articles(session, query or ArticleQuery())

    def article_ids(self, query: ArticleQuery | None = None) -> list[int]:
        with self.db.session() as session:
            return article_store.article_ids(session, query or ArticleQuery())

    def get_article(self, article_id: int) -> Article:
        with self.db.session() as session:
            return article_store.get_article(session, article_id)

    def categories_of(self, article_ids: Sequence[int]) -> dict[int, list[str]]:
        with self.db.session() as session:
            return article_store.categories_of(session, article_ids)

    def mark_read(self, article_ids: Sequence[int], read: bool = True) -> None:
        with self.db.session() as session:
            article_store.mark_read(session, list(article_ids), read)

    def mark_starred(self, article_ids: Sequence[int], starred: bool = True) -> None:
        with self.db.session() as session:
            article_store.mark_starred(session, list(article_ids), starred)

    def mark_opened(self, article_id: int) -> None:
        with self.db.session() as session:
            article_store.mark_opened(session, article_id)

    def mark_all_read(self, query: ArticleQuery | None = None) -> list[int]:
        """Mark every unread article of a view read; returns their ids (for undo)."""
        q = query or ArticleQuery()
        unread_view = dataclasses.replace(q, unread=True)
        with self.db.session() as session:
            ids = article_store.article_ids(session, unread_view)
            article_store.mark_read(session, ids, True)
        return ids

    def list_topics(self) -> list[Topic]:
        with self.db.session() as session:
            return article_store.list_topics(session)

    def related_articles(self, article_id: int, limit: int = 5) -> list[ArticleSummary]:
        with self.db.session() as session:
            return article_store.related_articles(session, article_id, limit)
