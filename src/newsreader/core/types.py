"""Frozen records that cross the core's boundary (CLI, GUI, tests, threads).

ORM objects never leave :mod:`newsreader.storage`; these dataclasses do.
Times are timezone-aware UTC :class:`~datetime.datetime` values.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

from newsreader.core.snippets import headline


class Direction(enum.StrEnum):
    """Base direction of a piece of text."""

    RTL = "rtl"
    LTR = "ltr"


class FeedStatus(enum.StrEnum):
    """How the last fetch of a feed ended."""

    NEW = "new"  # never fetched
    OK = "ok"
    NOT_MODIFIED = "not_modified"
    ERROR = "error"
    GONE = "gone"  # 410: not polled any more


@dataclass(frozen=True, slots=True)
class Folder:
    id: int
    name: str


@dataclass(frozen=True, slots=True)
class Feed:
    id: int
    url: str
    title: str
    site_url: str | None = None
    language: str | None = None
    icon_url: str | None = None
    folder: str | None = None
    status: FeedStatus = FeedStatus.NEW
    error: str | None = None
    error_count: int = 0
    last_fetched: datetime | None = None
    next_fetch: datetime | None = None
    interval: int = 1800
    pinned: bool = False
    article_count: int = 0
    unread_count: int = 0

    @property
    def display_title(self) -> str:
        return self.title or self.url


@dataclass(frozen=True, slots=True)
class FeedOption:
    """A feed a web page offers, as the page names it."""

    url: str
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Enclosure:
    url: str
    type: str | None = None
    length: int | None = None
    medium: str | None = None  # "image", "video", "audio" ...

    @property
    def is_video(self) -> bool:
        return (self.medium == "video") or bool(self.type and self.type.startswith("video/"))

    @property
    def is_image(self) -> bool:
        return (self.medium == "image") or bool(self.type and self.type.startswith("image/"))


def is_undated(published: datetime | None, first_seen: datetime | None) -> bool:
    """Whether an article's feed gave it no date that could be read.

    Such an article is dated when it is first stored (its ``published`` is then its
    ``first_seen`` to the microsecond, which no feed date is); older rows may have
    no ``published`` at all.
    """
    return published is None or (first_seen is not None and published == first_seen)


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """What a list row needs: cheap to load by the hundred."""

    id: int
    feed_id: int
    feed_title: str
    guid: str
    title: str
    link: str | None
    published: datetime | None
    direction: Direction
    read: bool
    starred: bool
    comment_count: int | None = None
    has_video: bool = False
    #: The start of the article's text, loaded only when it has no title.
    lead: str | None = None
    #: What lists sort by: ``published``, else when the article was first seen.
    sort_time: datetime | None = None
    first_seen: datetime | None = None
    #: Every feed that carried the article (syndicated copies are listed once).
    sources: tuple[str, ...] = ()

    @property
    def undated(self) -> bool:
        """Whether the feed gave no date that could be read (see :func:`is_undated`)."""
        return is_undated(self.published, self.first_seen)

    @property
    def headline(self) -> str:
        """The title, or for an untitled article its first words; "" if it has neither."""
        return headline(self.title, self.lead)


@dataclass(frozen=True, slots=True)
class Article:
    """An article with its content, as the reading pane and ``read`` show it."""

    id: int
    feed_id: int
    feed_title: str
    guid: str
    title: str
    link: str | None
    author: str | None
    summary: str | None
    content_html: str | None
    published: datetime | None
    updated: datetime | None
    first_seen: datetime
    language: str | None
    direction: Direction
    read: bool
    starred: bool
    categories: tuple[str, ...] = ()
    enclosures: tuple[Enclosure, ...] = ()
    image_url: str | None = None
    image_caption: str | None = None
    comments_url: str | None = None  # the comments web page
    comments_feed_url: str | None = None  # wfw:commentRss / Atom replies link
    comment_count: int | None = None

    @property
    def undated(self) -> bool:
        """Whether the feed gave no date that could be read (see :func:`is_undated`)."""
        return is_undated(self.published, self.first_seen)

    @property
    def headline(self) -> str:
        """The title, or for an untitled article its first words; "" if it has neither."""
        return headline(self.title, self.summary)


@dataclass(frozen=True, slots=True)
class Topic:
    """A topic of the sidebar with its counts (see :mod:`newsreader.core.topics`).

    ``id`` is stable across runs: ``c:<key>`` (merged feed categories), ``s:<id>`` (a
    saved search), ``story:<id>`` (a story); ``kind`` is ``category``, ``saved`` or
    ``story``.  ``listed`` is False for a hidden topic and for a tag that only
    restates one feed; ``recent`` counts the articles of the last days.
    """

    name: str
    count: int
    unread: int
    id: str = ""
    kind: str = "category"
    recent: int = 0
    hidden: bool = False
    listed: bool = True
    feed_ids: tuple[int, ...] = ()
    #: A story's articles and the names of its sources.
    article_ids: tuple[int, ...] = ()
    sources: tuple[str, ...] = ()
    #: A saved search's query (search syntax: core/search_query.py).
    query: str | None = None


@dataclass(frozen=True, slots=True)
class Comment:
    id: int
    article_id: int
    guid: str
    parent_id: int | None
    author: str | None
    published: datetime | None
    content_html: str
    direction: Direction
    link: str | None = None
    depth: int = 0


@dataclass(frozen=True, slots=True)
class Note:
    id: int
    article_id: int
    text: str
    direction: Direction
    created: datetime
    updated: datetime


@dataclass(frozen=True, slots=True)
class FeedResult:
    """How one feed ended one refresh."""

    feed_id: int
    url: str
    status: FeedStatus
    new: int = 0
    updated: int = 0
    error: str | None = None


@dataclass(frozen=True, slots=True)
class CommentsStatus:
    """How the last fetch of an article's comments feed ended.

    ``status`` is ``"ok"``, ``"not_modified"``, ``"error"``, ``"none"`` (the article
    has no comments feed) or ``"new"`` (never fetched yet).
    """

    status: str
    new: int = 0
    updated: int = 0
    error: str | None = None
    fetched: datetime | None = None


class FollowUp(enum.StrEnum):
    """The work a refresh does once the feeds are stored, in the order it runs."""

    IMAGES = "images"  # the new articles' pictures, for reading offline
    ICONS = "icons"  # the feeds' icons, for the sidebar
    COMMENTS = "comments"  # comments of starred and recently opened articles
    FULL_ARTICLES = "full_articles"  # whole articles from their pages (feeds set to it)


@dataclass(frozen=True, slots=True)
class RefreshSummary:
    """How a refresh ended: one result per feed, then what each follow-up step did.

    ``follow_ups`` counts, per step that ran, the pictures or icons stored and the
    articles whose comments were fetched.
    """

    feeds: tuple[FeedResult, ...] = ()
    follow_ups: tuple[tuple[FollowUp, int], ...] = ()
    #: How the work after the news ended (``None`` when none ran).
    follow_up_report: FollowUpReport | None = None

    def followed_up(self, step: FollowUp) -> int:
        """What *step* did (0 when it did not run)."""
        return dict(self.follow_ups).get(step, 0)

    @property
    def new(self) -> int:
        return sum(r.new for r in self.feeds)

    @property
    def updated(self) -> int:
        return sum(r.updated for r in self.feeds)

    @property
    def failed(self) -> int:
        return sum(1 for r in self.feeds if r.status in (FeedStatus.ERROR, FeedStatus.GONE))


@dataclass(frozen=True, slots=True, order=True)
class ArticleCursor:
    """A position in a list of articles, newest first: continue after this one.

    Cursors order as their articles do in a list by date (``sort_time``, then id).
    """

    sort_time: datetime
    article_id: int


@dataclass(frozen=True, slots=True)
class ArticleQuery:
    """Which articles a view shows.  Every field narrows; ``None`` means "any"."""

    feed_id: int | None = None
    folder: str | None = None
    category: str | None = None
    unread: bool = False
    starred: bool = False
    video: bool = False
    text: str | None = None  # filter box: words in title or summary
    topic: str | None = None  # a merged topic's key (core/topics.py): all its categories
    feed_ids: tuple[int, ...] | None = None
    #: "date" (newest first), "source", or "relevance": a search's best matches first
    #: (a view without search words is listed by date)
    order: str = "date"
    search: str | None = None  # search syntax (core.search_query): matching articles only
    story_id: int | None = None  # the articles of one story


@dataclass(frozen=True, slots=True)
class SkippedHost:
    """A host that could not be reached during one refresh's work after the news.

    ``reason`` is its first failure ("host not found", "connection refused", ...);
    ``skipped`` counts its other pictures and icons not asked for in that refresh
    (they are tried again on the next one).
    """

    host: str
    reason: str
    skipped: int = 0


class FollowUpEnd(enum.StrEnum):
    """Why the work after a refresh's news stopped."""

    DONE = "done"  # everything was tried
    CANCELLED = "cancelled"  # the user, or a newer refresh, stopped it
    OUT_OF_TIME = "out_of_time"  # its time budget ran out; the rest waits for next time


@dataclass(frozen=True, slots=True)
class FollowUpProgress:
    """Where the work after a refresh's news stands: downloads done of those planned."""

    step: FollowUp
    done: int
    total: int
    skipped_hosts: int = 0


@dataclass(frozen=True, slots=True)
class FollowUpReport:
    """How the work after a refresh's news ended.

    ``left`` counts the pictures not tried (out of time or cancelled), which the
    next refresh tries; ``skipped_hosts`` the hosts given up on in this refresh.
    """

    ended: FollowUpEnd
    seconds: float
    left: int = 0
    skipped_hosts: tuple[SkippedHost, ...] = ()

    @property
    def skipped(self) -> int:
        """Pictures and icons not asked for because their host had failed."""
        return sum(h.skipped for h in self.skipped_hosts)


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One article a search found: its list row, a passage around the match, its rank.

    ``snippet`` is cut from the article's own text (its lead, content, notes or
    comments, in its own direction) with each matched word between ``**`` marks
    (:data:`newsreader.core.search_text.HIGHLIGHT_START`); ``rank`` is higher for a
    better match (0 when the search had no words, only filters).
    """

    article: ArticleSummary
    snippet: str
    rank: float


@dataclass(frozen=True, slots=True)
class SearchResults:
    """A page of a search's hits, best first, and how many articles match in all.

    ``complete`` is False while the search index is being rebuilt: older articles
    the rebuild has not reached yet are not found.
    """

    query: str
    hits: tuple[SearchHit, ...]
    total: int
    complete: bool = True


@dataclass(frozen=True, slots=True)
class SavedSearch:
    """A search the user named and kept (shown as a topic of their own)."""

    id: int
    name: str
    query: str
    created: datetime


@dataclass(frozen=True, slots=True)
class Story:
    """One event told by several sources: its articles, newest first.

    ``title`` is its most representative headline; ``sources`` the feeds that told
    it (copies' feeds too); ``updated`` the time of its newest article.
    """

    id: int
    title: str
    article_ids: tuple[int, ...]
    sources: tuple[str, ...]
    count: int
    unread: int
    updated: datetime
