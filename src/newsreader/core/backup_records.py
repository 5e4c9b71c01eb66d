"""What only the user can recreate, as plain records: subscriptions, marks and notes.

The backup file (:mod:`newsreader.userdata.backup`), the database that they are read
from and written to (:mod:`newsreader.storage.userdata`) and the read-only scan of a
damaged database (:mod:`newsreader.storage.salvage`) all speak in these records, so
they live at the bottom, where storage can name them without importing upward.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

__all__ = [
    "ArticleRecord",
    "NoteRecord",
    "SavedSearchRecord",
    "StoryCorrectionRecord",
    "SubscriptionRecord",
    "TopicStateRecord",
    "UserData",
]


@dataclass(frozen=True, slots=True)
class NoteRecord:
    text: str
    created: datetime
    updated: datetime


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    """The user's state on one article, named by feed URL and key."""

    feed_url: str
    key: str
    read: bool = False
    starred: bool = False
    read_at: datetime | None = None
    starred_at: datetime | None = None
    notes: tuple[NoteRecord, ...] = ()
    #: When it became pending (pending file only).
    since: datetime | None = None

    @property
    def name(self) -> tuple[str, str]:
        return self.feed_url, self.key


@dataclass(frozen=True, slots=True)
class SubscriptionRecord:
    url: str
    title: str | None = None
    folder: str | None = None
    site_url: str | None = None
    pinned: bool = False
    #: Whether its articles are fetched whole (core/full_articles.py FullArticleMode).
    full_articles: str = "off"


@dataclass(frozen=True, slots=True)
class TopicStateRecord:
    """What the user made of one topic key: merged into another, renamed, hidden."""

    key: str
    merged_into: str | None = None
    name: str | None = None
    hidden: bool = False


@dataclass(frozen=True, slots=True)
class SavedSearchRecord:
    name: str
    query: str
    created: datetime


@dataclass(frozen=True, slots=True)
class StoryCorrectionRecord:
    """A correction to story grouping: two articles (feed URL and key each) kept
    ``apart`` or ``together`` (:mod:`newsreader.core.story_corrections`)."""

    kind: str
    feed_url: str
    key: str
    other_feed_url: str
    other_key: str
    created: datetime


@dataclass(frozen=True, slots=True)
class UserData:
    exported: datetime
    subscriptions: tuple[SubscriptionRecord, ...] = ()
    articles: tuple[ArticleRecord, ...] = ()
    saved_searches: tuple[SavedSearchRecord, ...] = ()
    topics: tuple[TopicStateRecord, ...] = ()
    story_corrections: tuple[StoryCorrectionRecord, ...] = ()
