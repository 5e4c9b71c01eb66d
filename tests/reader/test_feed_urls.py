"""What the user types or pastes as a feed address, made into the URL to fetch."""

from __future__ import annotations

import pytest

from newsreader.core.errors import FetchError
from newsreader.reader import normalize_feed_url


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("https://example.org/feed.xml", "https://example.org/feed.xml"),
        ("  http://example.org/rss  ", "http://example.org/rss"),
        ("example.org/feed", "https://example.org/feed"),
        # links from subscribe buttons and podcast directories
        ("feed://example.org/rss.xml", "http://example.org/rss.xml"),
        ("FEED://example.org/rss.xml", "http://example.org/rss.xml"),
        ("feed:https://example.org/atom.xml", "https://example.org/atom.xml"),
        ("feed:http://example.org/atom.xml", "http://example.org/atom.xml"),
        ("feed://https://example.org/atom.xml", "https://example.org/atom.xml"),
        ("itpc://podcasts.example.org/show.rss", "http://podcasts.example.org/show.rss"),
        ("pcast://podcasts.example.org/show.rss", "http://podcasts.example.org/show.rss"),
        ("podcast://podcasts.example.org/show.rss", "http://podcasts.example.org/show.rss"),
        ("feed:example.org/rss", "https://example.org/rss"),
        ("https://أخبار.example/الرئيسية.xml", "https://أخبار.example/الرئيسية.xml"),
    ],
)
def test_typed_addresses_become_urls(typed: str, expected: str) -> None:
    assert normalize_feed_url(typed) == expected


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "empty URL"),
        ("   ", "empty URL"),
        ("feed:", "empty URL"),
        ("ftp://example.org/feed", "not a web address"),
        ("javascript:alert(1)", "not a web address"),
        ("https://", "not a web address"),
        ("mailto:news@example.org", "not a web address"),
        ("https://example.org:port/feed", "not a web address"),
    ],
)
def test_what_is_no_web_address_is_refused(typed: str, message: str) -> None:
    with pytest.raises(FetchError, match=message):
        normalize_feed_url(typed)


def test_a_host_and_port_without_scheme_is_a_web_address() -> None:
    assert normalize_feed_url("localhost:8080/feed") == "https://localhost:8080/feed"
    with pytest.raises(FetchError, match="not a web address"):
        normalize_feed_url("example.org:http/feed")
