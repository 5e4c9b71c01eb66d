"""One exception tree: what each error is, and what it carries."""

from __future__ import annotations

import pytest

from newsreader.core.errors import (
    ArticleNotFoundError,
    DatabaseDamagedError,
    FeedExistsError,
    FeedGoneError,
    FeedNotFoundError,
    FetchError,
    NewsreaderError,
    NotAFeedError,
    OPMLError,
    ParseError,
    RetryLaterError,
    SeveralFeedsError,
    StorageError,
    TooLargeError,
)
from newsreader.core.types import FeedOption


@pytest.mark.parametrize(
    ("error", "kinds"),
    [
        (FeedGoneError, (FetchError,)),
        (RetryLaterError, (FetchError,)),
        (TooLargeError, (FetchError,)),
        (NotAFeedError, (ParseError,)),
        (DatabaseDamagedError, (StorageError,)),
        (SeveralFeedsError, ()),
        (FeedNotFoundError, ()),
        (ArticleNotFoundError, ()),
        (FeedExistsError, ()),
        (OPMLError, ()),
    ],
)
def test_every_error_is_a_newsreader_error_of_its_kind(
    error: type[NewsreaderError], kinds: tuple[type[Exception], ...]
) -> None:
    assert issubclass(error, NewsreaderError)
    assert all(issubclass(error, kind) for kind in kinds)


def test_the_message_is_what_the_user_reads() -> None:
    error = StorageError("the disk is full")
    assert (str(error), error.message, error.args) == (
        "the disk is full",
        "the disk is full",
        ("the disk is full",),
    )


def test_a_fetch_error_names_its_url_and_status() -> None:
    error = FetchError("HTTP 404 Not Found", url="https://news.example/feed", status=404)
    assert (str(error), error.url, error.status) == (
        "HTTP 404 Not Found",
        "https://news.example/feed",
        404,
    )
    assert (FetchError("timed out").url, FetchError("timed out").status) == ("", None)


def test_a_server_that_asks_for_time_says_how_long() -> None:
    busy = RetryLaterError("HTTP 429", url="u", status=429, retry_after=120.0)
    assert (busy.retry_after, busy.status, busy.url) == (120.0, 429, "u")
    assert RetryLaterError("HTTP 503").retry_after is None


def test_a_page_with_several_feeds_lists_them_in_its_order() -> None:
    options = [FeedOption("https://news.example/all.rss", "كل الأخبار"), FeedOption("https://x/2")]
    error = SeveralFeedsError("https://news.example/", options)
    assert error.options == tuple(options)
    assert error.url == "https://news.example/"
    assert str(error) == "https://news.example/ offers 2 feeds"
