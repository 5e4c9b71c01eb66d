"""The core's public API: one :class:`Reader` per profile, used by the CLI, the GUI and tests.

Everything crossing this boundary is a frozen dataclass from
:mod:`newsreader.core.types`; the database, the transport and the parse workers
stay private.  Methods are thread-safe (each opens its own short database
session); long ones (``refresh``, ``add_feed``) must not run on a GUI thread.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import threading
from collections.abc import Callable, Collection, Sequence
from datetime import UTC, datetime
from pathlib import Path

from newsreader.core.errors import (
    NewsreaderError,
    NotAFeedError,
    ParseError,
    SeveralFeedsError,
)
from newsreader.core.paths import AppPaths, ProfileAddress, app_paths, resources_dir
from newsreader.core.types import (
    Article,
    ArticleCursor,
    ArticleQuery,
    ArticleSummary,
    Feed,
    FeedStatus,
    Folder,
    FollowUp,
    RefreshSummary,
)
from newsreader.core.update_records import FeedUpdate
from newsreader.fetch.transport import RoutingTransport, Transport
from newsreader.reader.backup import BackupMixin
from newsreader.reader.comments import CommentsMixin
from newsreader.reader.feed_urls import normalize_feed_url
from newsreader.reader.full_articles import FullArticlesMixin
from newsreader.reader.notes import NotesMixin
from newsreader.reader.search import SearchMixin
from newsreader.reader.shared_cache import SharedCacheMixin
from newsreader.reader.stories import StoriesMixin
from newsreader.reader.topics import TopicsMixin
from newsreader.storage import articles as article_store
from newsreader.storage import feeds as feed_store
from newsreader.storage.database import Database, sqlite_url
from newsreader.update.fetcher import DEFAULT_BATCH, DEFAULT_INTERVAL, Fetcher
from newsreader.update.follow_ups import FollowUpCallback, FollowUps
from newsreader.update.follow_ups import ProgressCallback as FollowUpProgressCallback
from newsreader.update.parse_pool import ParsePool
from newsreader.update.pipeline import ProgressCallback, Refresher
from newsreader.update.store import FeedStore
from newsreader.update.stories import group_new_articles

__all__ = ["Reader", "normalize_feed_url"]

log = logging.getLogger(__name__)


class Reader(
    CommentsMixin,
    NotesMixin,
    BackupMixin,
    TopicsMixin,
    SearchMixin,
    StoriesMixin,
    FullArticlesMixin,
    SharedCacheMixin,
):
    """A profile's subscriptions, articles and user state.

    Comments, notes, the user-data backup, topics, search, stories and whole
    articles are its parts (:class:`CommentsMixin`, :class:`NotesMixin`,
    :class:`BackupMixin`, :class:`TopicsMixin`, :class:`SearchMixin`,
    :class:`StoriesMixin`, :class:`FullArticlesMixin`), and so is what a shared
    cache adds (:class:`SharedCacheMixin`: its server, new articles stored
    elsewhere, marks held while the server is away).
    """

    def __init__(
        self,
        db: Database,
        *,
        paths: AppPaths | None = None,
        transport: Transport | None = None,
        parse_pool: ParsePool | None = None,
    ) -> None:
        self._db = db
        self.paths = paths
        self._transport: Transport = transport or RoutingTransport()
        self._parse_pool = parse_pool if parse_pool is not None else ParsePool()
        self._refresh_lock = threading.Lock()
        self._stage_lock = threading.Lock()
        self._stage_stop = threading.Event()  # the running follow-up stage's own stop
        self._comment_fetcher_lock = threading.Lock()
        self._comment_fetcher_made = None
        self._held_lock = threading.Lock()
        self._held_made = None

    @classmethod
    def open(
        cls,
        data_dir: str | Path | None = None,
        db_url: str | None = None,
        *,
        transport: Transport | None = None,
        user: str | None = None,
    ) -> Reader:
        """Open (creating and migrating if needed) the profile in ``data_dir``.

        *user* names whose marks, notes, topics and saved searches are read and
        written (default: the OS user); the articles are everyone's.
        """
        paths = app_paths(data_dir).ensure()
        db = Database(db_url or sqlite_url(paths.database), user=user)
        return cls(db, paths=paths, transport=transport)

    @classmethod
    def open_address(cls, address: ProfileAddress) -> Reader:
        """Open the profile another process has open (see :meth:`profile_address`), as
        the same user."""
        return cls(Database(address.db_url, user=address.user), paths=address.paths)

    @property
    def user(self) -> str:
        """Whose state this reader reads and writes (``--user``, else the OS user)."""
        return self._db.user

    def profile_address(self) -> ProfileAddress | None:
        """How another process opens this same profile, or ``None`` if it cannot.

        A database in memory exists in this process only, and a transport given to
        this reader (as tests do) cannot be handed over.
        """
        url = self._db.url
        in_memory = url.startswith("sqlite") and (":memory:" in url or url.rstrip("/") == "sqlite:")
        if self.paths is None or in_memory or type(self._transport) is not RoutingTransport:
            return None
        return ProfileAddress(url, self.paths, self.user)

    def close(self) -> None:
        self._parse_pool.shutdown()
        self._transport.close()
        self._db.close()

    def __enter__(self) -> Reader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

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

        parse = self._parse_pool.parse  # a worker process: the document is not trusted yet

        url = normalize_feed_url(url)
        response = self._transport.get(url)
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
                response = self._transport.get(feed_url)
                feed_url = response.permanent_url or feed_url
        parsed = parse(response.body, feed_url, response.content_type)
        now = datetime.now(UTC)
        with self._db.session() as session:
            feed_id = feed_store.add_feed(session, feed_url, folder=folder)
            FeedStore().store(
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
        group_new_articles(self._db, now)
        self.apply_pending_state()
        self.cache_images_since(now)
        self._follow_new_feed_setting(feed_id)
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
        with self._db.session() as session:
            return feed_store.add_feed(session, url, folder=folder, title=title, site_url=site_url)

    def list_feeds(self) -> list[Feed]:
        with self._db.session() as session:
            return feed_store.list_feeds(session)

    def get_feed(self, feed_id: int) -> Feed:
        with self._db.session() as session:
            return feed_store.get_feed(session, feed_id)

    def remove_feed(self, feed_id: int) -> None:
        with self._db.session() as session:
            feed_store.remove_feed(session, feed_id)
            article_store.delete_orphan_categories(session)

    def set_feed_pinned(self, feed_id: int, pinned: bool) -> None:
        with self._db.session() as session:
            feed_store.set_pinned(session, feed_id, pinned)

    def list_folders(self) -> list[Folder]:
        with self._db.session() as session:
            return feed_store.list_folders(session)

    # -- OPML ---------------------------------------------------------------------

    def import_opml(self, data: bytes) -> int:
        """Subscribe to every feed of an OPML document (folders kept); nothing is fetched.

        The new subscriptions get the whole-article setting chosen for new feeds.
        Returns how many subscriptions were new.
        """
        from newsreader.fetch.opml import read_opml

        known = {f.url for f in self.list_feeds()}
        added: list[int] = []
        with self._db.session() as session:
            for outline in read_opml(data):
                if outline.url in known:
                    continue
                added.append(
                    feed_store.add_feed(
                        session,
                        outline.url,
                        folder=outline.folder,
                        title=outline.title,
                        site_url=outline.site_url,
                    )
                )
                known.add(outline.url)
        for feed_id in added:
            self._follow_new_feed_setting(feed_id)
        return len(added)

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
        from newsreader.core.demo import DEMO_BASE
        from newsreader.fetch.opml import read_opml

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
        from newsreader.core.demo import demo_file

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
        images: bool | None = None,
        follow_ups: Collection[FollowUp] = tuple(FollowUp),
        on_feeds_stored: Callable[[RefreshSummary], None] | None = None,
        on_follow_up: FollowUpCallback | None = None,
        on_follow_up_progress: FollowUpProgressCallback | None = None,
        follow_up_seconds: float | None = None,
    ) -> RefreshSummary:
        """Fetch the due feeds (all with ``all_feeds=True``; exactly ``feed_ids`` if given).

        Every feed fetched ends with a result; one feed's error never stops the rest.
        Only one refresh fetches feeds at a time per Reader.  Once the news is stored
        (*on_feeds_stored* hears of it then), the *follow_ups* run as a stage of
        their own, in order: the new articles' pictures (unless ``images=False``, or
        the ``offline_pictures`` setting is off and *images* is not given), the
        feeds' icons, and the comments of starred and recently opened articles, each
        reported to *on_follow_up* as it ends and their progress to
        *on_follow_up_progress*.  The stage stops on *cancel*, when a newer refresh
        begins, or after *follow_up_seconds* (default: the setting); what it left
        waits for the next refresh.  The summary counts what each step did, and its
        ``follow_up_report`` tells how the stage ended (hosts skipped, pictures left).
        """
        self._stage_stop.set()  # a newer refresh: the stage of the one before gives way
        with self._refresh_lock:
            started = datetime.now(UTC)
            refresher = Refresher(self._db, self._transport, parse_pool=self._parse_pool)
            summary = refresher.run(
                feed_ids=feed_ids, include_not_due=all_feeds, progress=progress, cancel=cancel
            )
            # marks imported before their articles arrived (brought by this refresh, or
            # by another user's or process's: the database may be shared)
            self.apply_pending_state()
        if on_feeds_stored is not None:
            on_feeds_stored(summary)
        return self._follow_up_stage(
            summary,
            started,
            cancel=cancel,
            images=images,
            follow_ups=follow_ups,
            on_follow_up=on_follow_up,
            on_follow_up_progress=on_follow_up_progress,
            follow_up_seconds=follow_up_seconds,
        )

    def _follow_up_stage(
        self,
        summary: RefreshSummary,
        started: datetime,
        *,
        cancel: threading.Event | None,
        images: bool | None = None,
        follow_ups: Collection[FollowUp] = tuple(FollowUp),
        on_follow_up: FollowUpCallback | None = None,
        on_follow_up_progress: FollowUpProgressCallback | None = None,
        follow_up_seconds: float | None = None,
    ) -> RefreshSummary:
        """The work after the news of *summary* (see :meth:`refresh`), counted in it."""
        settings = self.settings()
        if follow_up_seconds is None:
            follow_up_seconds = float(settings.follow_up_seconds)
        if images is None:
            images = settings.offline_pictures
        steps = {s for s in follow_ups if images or s is not FollowUp.IMAGES}
        self._stage_stop.set()  # one that began while these feeds were fetched, too
        with self._stage_lock:  # the stage given way to ends within moments
            stage_stop = self._stage_stop = threading.Event()
            done, report = self._follow_ups().stage(
                summary,
                started,
                steps=steps,
                cancels=(cancel, stage_stop),
                report=on_follow_up,
                progress=on_follow_up_progress,
                budget=follow_up_seconds,
            )
        return dataclasses.replace(summary, follow_ups=done, follow_up_report=report)

    def run_fetcher(
        self,
        *,
        stop: threading.Event,
        interval: float = DEFAULT_INTERVAL,
        batch: int = DEFAULT_BATCH,
        once: bool = False,
    ) -> None:
        """Keep the due feeds fetched until *stop* is set (one pass with *once*).

        Feeds are leased while fetched, so several fetchers (and refreshes) may run on
        one database; each pass ends with the same work after the news as
        :meth:`refresh`.  Reports through :mod:`logging` (see
        :mod:`newsreader.update.fetcher`).
        """

        def after_pass(summary: RefreshSummary, started: datetime, cancel: threading.Event) -> None:
            if summary.new:
                self.apply_pending_state()
            done = self._follow_up_stage(summary, started, cancel=cancel)
            if done.follow_ups:
                counts = ", ".join(f"{step.value} {count}" for step, count in done.follow_ups)
                log.info("after the news: %s", counts)

        refresher = Refresher(self._db, self._transport, parse_pool=self._parse_pool)
        fetcher = Fetcher(
            self._db, refresher, stop=stop, batch=batch, interval=interval, follow_up=after_pass
        )
        fetcher.run(once=once)

    def _follow_ups(self) -> FollowUps:
        return FollowUps(
            self._db, self._transport, self.paths, self._comment_fetcher(), self._full_articles()
        )

    def cache_images_since(self, since: datetime, *, cancel: threading.Event | None = None) -> int:
        """Download the pictures of articles first seen at or after ``since``."""
        return self._follow_ups().cache_images_since(since, cancel=cancel)

    def local_image(self, url: str) -> Path | None:
        """The cached copy of an image, if it was downloaded."""
        return self.local_images([url]).get(url)

    def local_images(self, urls: Sequence[str]) -> dict[str, Path]:
        """The cached copies of those pictures that were downloaded (one query for all)."""
        from newsreader.update.image_cache import local_images

        if self.paths is None:
            return {}
        return local_images(self._db, self.paths.images, urls)

    def article_images(self, article: Article) -> dict[str, Path]:
        """The cached copies of an article's pictures: its lead image and those in its body."""
        from newsreader.fetch.images import image_urls_of

        return self.local_images(image_urls_of(article))

    # -- feed icons -----------------------------------------------------------------

    def cache_feed_icons(
        self, feed_ids: Sequence[int] | None = None, *, cancel: threading.Event | None = None
    ) -> int:
        """Store the icons of ``feed_ids`` (default: every feed) that are missing or old.

        Uses the network: not on a GUI thread.  Returns how many icons were stored.
        """
        ids = list(feed_ids) if feed_ids is not None else [f.id for f in self.list_feeds()]
        return self._follow_ups().cache_icons(ids, cancel=cancel)

    def feed_icon(self, feed_id: int) -> Path | None:
        """The feed's cached icon file, if one was stored (never fetched here)."""
        from newsreader.fetch.favicons import feed_icon_path, icons_dir

        if self.paths is None:
            return None
        return feed_icon_path(icons_dir(self.paths.cache), feed_id)

    # -- articles -----------------------------------------------------------------

    def list_articles(
        self,
        query: ArticleQuery | None = None,
        *,
        limit: int | None = None,
        offset: int = 0,
        after: ArticleCursor | None = None,
    ) -> list[ArticleSummary]:
        with self._db.session() as session:
            return article_store.list_articles(
                session, query or ArticleQuery(), limit=limit, offset=offset, after=after
            )

    def article_cursor(self, article_id: int) -> ArticleCursor | None:
        """The paging position of an article (pass it as ``after`` to continue after it)."""
        with self._db.session() as session:
            return article_store.cursor_of(session, article_id)

    def count_articles(self, query: ArticleQuery | None = None) -> tuple[int, int]:
        """``(total, unread)`` in a view."""
        with self._db.session() as session:
            return article_store.count_articles(session, query or ArticleQuery())

    def article_ids(self, query: ArticleQuery | None = None) -> list[int]:
        with self._db.session() as session:
            return article_store.article_ids(session, query or ArticleQuery())

    def get_article(self, article_id: int) -> Article:
        with self._db.session() as session:
            return article_store.get_article(session, article_id)

    def categories_of(self, article_ids: Sequence[int]) -> dict[int, list[str]]:
        with self._db.session() as session:
            return article_store.categories_of(session, article_ids)

    def mark_read(self, article_ids: Sequence[int], read: bool = True) -> None:
        """Mark articles read (or unread); held while a shared cache's server is away."""
        self._write_mark("read", article_ids, read)

    def mark_starred(self, article_ids: Sequence[int], starred: bool = True) -> None:
        """Star (or unstar) articles; held while a shared cache's server is away."""
        self._write_mark("starred", article_ids, starred)

    def mark_opened(self, article_id: int) -> None:
        with self._db.session() as session:
            article_store.mark_opened(session, article_id)

    def mark_all_read(self, query: ArticleQuery | None = None) -> list[int]:
        """Mark every unread article of a view read; returns their ids (for undo)."""
        q = query or ArticleQuery()
        unread_view = dataclasses.replace(q, unread=True)
        with self._db.session() as session:
            ids = article_store.article_ids(session, unread_view)
            article_store.mark_read(session, ids, True)
        return ids

    def related_articles(self, article_id: int, limit: int = 5) -> list[ArticleSummary]:
        """Headlines for the reading pane: the article's story first, then its topic."""
        with self._db.session() as session:
            return article_store.related_articles(session, article_id, limit)
