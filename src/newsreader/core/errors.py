"""One exception tree for the whole core.

Errors that are the environment's fault (a dead server, a broken feed, a full disk,
a corrupt database) derive from :class:`NewsreaderError`; they are shown to the user
for the item they concern.  Anything else escaping the core is a bug.
Causes are always chained with ``raise ... from exc``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsreader.core.types import FeedOption


class NewsreaderError(Exception):
    """Base of every error the core raises on purpose."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class FetchError(NewsreaderError):
    """A URL could not be fetched (network fault, HTTP error, cap exceeded)."""

    def __init__(self, message: str, *, url: str = "", status: int | None = None) -> None:
        super().__init__(message)
        self.url = url
        self.status = status


class FeedGoneError(FetchError):
    """The server answered 410 Gone: the feed is not polled again."""


class RetryLaterError(FetchError):
    """429 or 503 with (or without) Retry-After: the feed is not due before ``retry_after``."""

    def __init__(
        self,
        message: str,
        *,
        url: str = "",
        status: int | None = None,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(message, url=url, status=status)
        #: Seconds from now before the server wants to be asked again, if it said.
        self.retry_after = retry_after


class TooLargeError(FetchError):
    """The response body went past the size cap."""


class ParseError(NewsreaderError):
    """Bytes that were fetched are not a feed (and yielded nothing usable)."""


class NotAFeedError(ParseError):
    """A web page was given where a feed was expected and it names no feed."""


class SeveralFeedsError(NewsreaderError):
    """The page offers more than one feed, and the caller asked to choose.

    Raised only by ``Reader.add_feed(..., choose=True)``; ``options`` are the feeds in
    the page's order, and subscribing to any of them is a new ``add_feed`` call.
    """

    def __init__(self, url: str, options: Sequence[FeedOption]) -> None:
        super().__init__(f"{url} offers {len(options)} feeds")
        self.url = url
        self.options = tuple(options)


class StorageError(NewsreaderError):
    """The database could not be opened, read or written (locked, corrupt, disk full)."""


class StorageConflictError(StorageError):
    """A write met another writer's work (a key just taken, the database busy or locked).

    The same work may well succeed when tried again.
    """


class StorageUnavailableError(StorageError):
    """The database server could not be reached: down, refusing, the password refused,
    or the connection lost.  The message names the server (never the password); the
    same work succeeds once the server is back.
    """


class DatabaseDamagedError(StorageError):
    """The database file is damaged (or not a database): ``newsreader repair`` helps."""


class FeedNotFoundError(NewsreaderError):
    """No subscription has the given id or URL."""


class ArticleNotFoundError(NewsreaderError):
    """No article has the given id."""


class FeedExistsError(NewsreaderError):
    """The URL is subscribed already."""


class OPMLError(NewsreaderError):
    """An OPML or user-data file could not be read."""


class UnreachableHostError(FetchError):
    """No connection could be made to the URL's host.

    Its name did not resolve, it refused the connection, or connecting timed out:
    other URLs on that host will most likely fail the same way for a while.
    """

    def __init__(self, message: str, *, url: str = "", host: str = "") -> None:
        super().__init__(message, url=url)
        self.host = host


class NotTriedError(FetchError):
    """The URL was not asked for, so nothing is known of it: try it again next time.

    Its host failed earlier in the same run, or the run's time was up.
    """
