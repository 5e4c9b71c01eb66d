"""The records one refresh hands from step to step: what to fetch, what a fetch brought,
and what to write.

They live in the bottom layer so that every step can name them without importing
the step before or after it: storage reads :class:`FetchJob` and :class:`FeedState`
and writes what :class:`EntryIntents` and :class:`Schedule` say; fetching produces
:class:`FeedUpdate`; the pure decisions of :mod:`newsreader.update.decide` turn one
into the other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from newsreader.core.parsed import ParsedEntry, ParsedFeed
from newsreader.core.types import FeedStatus


@dataclass(frozen=True, slots=True)
class FetchResponse:
    """The outcome of one successful (2xx or 304) fetch, by any transport."""

    url: str
    final_url: str
    #: Set when every redirect hop from ``url`` was permanent (301/308).
    permanent_url: str | None
    not_modified: bool
    body: bytes
    content_type: str | None
    etag: str | None
    last_modified: str | None
    status: int


@dataclass(frozen=True, slots=True)
class FetchJob:
    """One feed to fetch, with the validators of its last fetch (conditional GET)."""

    feed_id: int
    url: str
    etag: str | None
    last_modified: str | None
    body_hash: str | None


@dataclass(frozen=True, slots=True)
class FeedUpdate:
    """Everything one fetch of one feed produced, ready to decide on and store."""

    feed_id: int
    url: str
    status: FeedStatus  # OK, NOT_MODIFIED, ERROR or GONE
    parsed: ParsedFeed | None = None
    error: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    body_hash: str | None = None
    new_url: str | None = None  # after a permanent redirect
    retry_after: float | None = None


@dataclass(frozen=True, slots=True)
class FeedState:
    """What scheduling a feed's next fetch needs to know of it."""

    feed_id: int
    url: str
    interval: int  # seconds between regular fetches
    error_count: int  # failed fetches in a row


@dataclass(slots=True)
class EntryIntents:
    """Which parsed entries are new and which replace a stored article (by id)."""

    new: list[ParsedEntry] = field(default_factory=list)
    changed: list[tuple[int, ParsedEntry]] = field(default_factory=list)
    unchanged: int = 0


@dataclass(frozen=True, slots=True)
class Schedule:
    """When a feed is next due, and its error count after this fetch."""

    status: FeedStatus
    next_fetch: datetime | None
    error_count: int
    retry_until: datetime | None = None
