"""The feed HTTP client against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import gzip
import itertools
import ssl
import threading
import time
import zlib
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime, formatdate
from pathlib import Path

import pytest

from newsreader import __version__
from newsreader.core.errors import FeedGoneError, FetchError, RetryLaterError, TooLargeError
from newsreader.fetch.http import (
    DEFAULT_ACCEPT,
    FetchResponse,
    HttpClient,
    default_user_agent,
    parse_retry_after,
)
from tests.fetch.http_support import HANG_BOUND, RSS, SkippingClock, closed_port, outcome_within
from tests.helpers import feedserver
from tests.helpers.feedserver import FeedServer, Request, Response

#: Makes the shared fixture visible to the tests below.
feed_server = feedserver.feed_server


def _redirect(status: int, location: str) -> Response:
    return Response(status, headers={"Location": location}, content_type=None)


# -- plain and conditional GET ----------------------------------------------------


def test_ok_returns_body_type_and_validators(feed_server: FeedServer, client: HttpClient) -> None:
    feed_server.route(
        "/feed",
        Response(
            body=RSS,
            headers={"ETag": '"v1"', "Last-Modified": "Sat, 01 Jun 2024 10:00:00 GMT"},
        ),
    )
    url = feed_server.url("/feed")

    result = client.get(url)

    assert result == FetchResponse(
        url=url,
        final_url=url,
        permanent_url=None,
        not_modified=False,
        body=RSS.encode("utf-8"),
        content_type="application/rss+xml; charset=utf-8",
        etag='"v1"',
        last_modified="Sat, 01 Jun 2024 10:00:00 GMT",
        status=200,
    )


def test_unconditional_get_sends_no_validators(
    feed_server: FeedServer,
    client: HttpClient,
) -> None:
    feed_server.route("/feed", Response(body=RSS))

    client.get(feed_server.url("/feed"))

    seen = feed_server.requests_for("/feed")[0].headers
    assert "if-none-match" not in seen
    assert "if-modified-since" not in seen


def test_etag_gives_304(feed_server: FeedServer, client: HttpClient, tmp_path: Path) -> None:
    feed = tmp_path / "feed.rss"
    feed.write_text(RSS, encoding="utf-8")
    feed_server.serve_file("/feed", feed)
    first = client.get(feed_server.url("/feed"))
    assert first.etag is not None

    again = client.get(feed_server.url("/feed"), etag=first.etag)

    assert again.not_modified
    assert again.status == 304
    assert again.body == b""
    assert again.etag == first.etag
    assert feed_server.requests_for("/feed")[-1].headers["if-none-match"] == first.etag


def test_changed_etag_gives_full_body(
    feed_server: FeedServer,
    client: HttpClient,
    tmp_path: Path,
) -> None:
    feed = tmp_path / "feed.rss"
    feed.write_text(RSS, encoding="utf-8")
    feed_server.serve_file("/feed", feed)

    result = client.get(feed_server.url("/feed"), etag='"stale"')

    assert not result.not_modified
    assert result.body == RSS.encode("utf-8")


def test_last_modified_gives_304(
    feed_server: FeedServer,
    client: HttpClient,
    tmp_path: Path,
) -> None:
    feed = tmp_path / "feed.rss"
    feed.write_text(RSS, encoding="utf-8")
    feed_server.serve_file("/feed", feed)
    first = client.get(feed_server.url("/feed"))
    assert first.last_modified is not None

    again = client.get(feed_server.url("/feed"), last_modified=first.last_modified)

    assert again.not_modified
    assert again.last_modified == first.last_modified
    seen = feed_server.requests_for("/feed")[-1].headers
    assert seen["if-modified-since"] == first.last_modified
    assert "if-none-match" not in seen


def test_304_without_validators_keeps_the_sent_ones(
    feed_server: FeedServer,
    client: HttpClient,
) -> None:
    feed_server.route("/feed", Response(304, content_type=None))

    result = client.get(feed_server.url("/feed"), etag='"e"', last_modified="Mon, 03 Jun 2024")

    assert result.not_modified
    assert (result.etag, result.last_modified) == ('"e"', "Mon, 03 Jun 2024")


def test_unsendable_validator_is_left_out(feed_server: FeedServer, client: HttpClient) -> None:
    feed_server.route("/feed", Response(body=RSS))

    result = client.get(feed_server.url("/feed"), etag='"bad\r\nX-Injected: 1"')

    assert result.body == RSS.encode("utf-8")
    seen = feed_server.requests_for("/feed")[0].headers
    assert "if-none-match" not in seen
    assert "x-injected" not in seen


# -- headers sent ---------------------------------------------------------------------


def test_sends_user_agent_and_accept(feed_server: FeedServer, client: HttpClient) -> None:
    feed_server.route("/feed", Response(body=RSS))

    client.get(feed_server.url("/feed"))

    seen = feed_server.requests_for("/feed")[0].headers
    assert seen["user-agent"] == default_user_agent()
    assert seen["accept"] == DEFAULT_ACCEPT
    assert "gzip" in seen["accept-encoding"]


def test_default_user_agent_names_the_version() -> None:
    assert default_user_agent().startswith(f"Newsreader/{__version__} (")


def test_custom_user_agent_and_accept(feed_server: FeedServer) -> None:
    feed_server.route("/page", Response(body="<html></html>", content_type="text/html"))
    with HttpClient(user_agent="Tester/1") as http:
        http.get(feed_server.url("/page"), accept="text/html")

    seen = feed_server.requests_for("/page")[0].headers
    assert (seen["user-agent"], seen["accept"]) == ("Tester/1", "text/html")


# -- redirects ------------------------------------------------------------------------


@pytest.mark.parametrize("status", [301, 308])
def test_permanent_redirect_sets_permanent_url(
    feed_server: FeedServer,
    client: HttpClient,
    status: int,
) -> None:
    feed_server.route("/old", _redirect(status, feed_server.url("/new")))
    feed_server.route("/new", Response(body=RSS))

    result = client.get(feed_server.url("/old"))

    assert result.url == feed_server.url("/old")
    assert result.final_url == feed_server.url("/new")
    assert result.permanent_url == feed_server.url("/new")
    assert result.body == RSS.encode("utf-8")


@pytest.mark.parametrize("status", [302, 303, 307])
def test_temporary_redirect_has_no_permanent_url(
    feed_server: FeedServer,
    client: HttpClient,
    status: int,
) -> None:
    feed_server.route("/old", _redirect(status, feed_server.url("/new")))
    feed_server.route("/new", Response(body=RSS))

    result = client.get(feed_server.url("/old"))

    assert result.final_url == feed_server.url("/new")
    assert result.permanent_url is None


@pytest.mark.parametrize(("first", "second"), [(301, 302), (302, 301), (308, 307)])
def test_mixed_chain_has_no_permanent_url(
    feed_server: FeedServer,
    client: HttpClient,
    first: int,
    second: int,
) -> None:
    feed_server.route("/a", _redirect(first, "/b"))
    feed_server.route("/b", _redirect(second, "/c"))
    feed_server.route("/c", Response(body=RSS))

    result = client.get(feed_server.url("/a"))

    assert result.final_url == feed_server.url("/c")
    assert result.permanent_url is None


def test_all_permanent_chain_reports_the_last_url(
    feed_server: FeedServer,
    client: HttpClient,
) -> None:
    feed_server.route("/a", _redirect(301, "/b"))
    feed_server.route("/b", _redirect(308, "/c"))
    feed_server.route("/c", Response(body=RSS))

    assert client.get(feed_server.url("/a")).permanent_url == feed_server.url("/c")


def test_relative_location_is_resolved(feed_server: FeedServer, client: HttpClient) -> None:
    feed_server.route("/news/old/feed", _redirect(302, "../new/feed?lang=ar"))
    feed_server.route("/news/new/feed?lang=ar", Response(body=RSS))

    result = client.get(feed_server.url("/news/old/feed"))

    assert result.final_url == feed_server.url("/news/new/feed?lang=ar")
    assert feed_server.requests_for("/news/new/feed?lang=ar")


def test_validators_are_sent_on_every_hop(feed_server: FeedServer, client: HttpClient) -> None:
    feed_server.route("/old", _redirect(301, "/new"))
    feed_server.route("/new", Response(304, content_type=None))

    result = client.get(feed_server.url("/old"), etag='"e"')

    assert result.not_modified
    assert result.permanent_url == feed_server.url("/new")
    assert feed_server.requests_for("/new")[0].headers["if-none-match"] == '"e"'


def test_redirect_loop_is_an_error(feed_server: FeedServer, client: HttpClient) -> None:
    feed_server.route("/a", _redirect(302, "/b"))
    feed_server.route("/b", _redirect(302, "/a"))

    with pytest.raises(FetchError, match="redirect loop"):
        client.get(feed_server.url("/a"))
    assert len(feed_server.requests) == 2


def test_redirect_to_itself_is_a_loop(feed_server: FeedServer, client: HttpClient) -> None:
    feed_server.route("/a", _redirect(301, "/a"))

    with pytest.raises(FetchError, match="redirect loop"):
        client.get(feed_server.url("/a"))


def _chain(server: FeedServer, hops: int) -> str:
    """Routes /r0 → /r1 → … → /r{hops} (the feed); returns the first URL."""
    for index in range(hops):
        server.route(f"/r{index}", _redirect(301, f"/r{index + 1}"))
    server.route(f"/r{hops}", Response(body=RSS))
    return server.url("/r0")


def test_five_redirects_are_followed(feed_server: FeedServer, client: HttpClient) -> None:
    result = client.get(_chain(feed_server, 5))

    assert result.final_url == feed_server.url("/r5")
    assert result.body == RSS.encode("utf-8")


def test_six_redirects_are_too_many(feed_server: FeedServer, client: HttpClient) -> None:
    with pytest.raises(FetchError, match="too many redirects") as caught:
        client.get(_chain(feed_server, 6))

    assert caught.value.url == feed_server.url("/r0")
    assert not feed_server.requests_for("/r6")


def test_max_redirects_is_configurable(feed_server: FeedServer) -> None:
    with HttpClient(max_redirects=1) as http, pytest.raises(FetchError, match="too many"):
        http.get(_chain(feed_server, 2))


def test_redirect_to_other_scheme_is_refused(feed_server: FeedServer, client: HttpClient) -> None:
    feed_server.route("/feed", _redirect(302, "file:///etc/passwd"))

    with pytest.raises(FetchError, match="unsupported URL scheme 'file'"):
        client.get(feed_server.url("/feed"))


def test_redirect_without_location_is_an_error(
    feed_server: FeedServer,
    client: HttpClient,
) -> None:
    feed_server.route("/feed", Response(302, content_type=None))

    with pytest.raises(FetchError, match="HTTP 302 Found without a Location") as caught:
        client.get(feed_server.url("/feed"))
    assert caught.value.status == 302


# -- statuses -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "message"),
    [
        (404, "HTTP 404 Not Found"),
        (403, "HTTP 403 Forbidden"),
        (500, "HTTP 500 Internal Server Error"),
        (502, "HTTP 502 Bad Gateway"),
    ],
)
def test_error_status_raises_fetch_error(
    feed_server: FeedServer,
    client: HttpClient,
    status: int,
    message: str,
) -> None:
    feed_server.route("/feed", Response(status, body="oops", content_type="text/plain"))

    with pytest.raises(FetchError) as caught:
        client.get(feed_server.url("/feed"))

    assert type(caught.value) is FetchError
    assert str(caught.value) == message
    assert caught.value.status == status
    assert caught.value.url == feed_server.url("/feed")


def test_an_unknown_status_is_told_with_the_servers_own_words(
    feed_server: FeedServer, client: HttpClient
) -> None:
    feed_server.route("/feed", Response(599, body=b"", reason="Overloaded, try later"))
    with pytest.raises(FetchError, match=r"^HTTP 599 Overloaded, try later$") as caught:
        client.get(feed_server.url("/feed"))
    assert caught.value.status == 599


def test_unknown_path_is_404(feed_server: FeedServer, client: HttpClient) -> None:
    with pytest.raises(FetchError, match="HTTP 404") as caught:
        client.get(feed_server.url("/nothing-here"))
    assert caught.value.status == 404


def test_gone_raises_feed_gone(feed_server: FeedServer, client: HttpClient) -> None:
    feed_server.route("/feed", Response(410))

    with pytest.raises(FeedGoneError) as caught:
        client.get(feed_server.url("/feed"))
    assert caught.value.status == 410


def test_429_with_seconds_asks_to_retry_later(
    feed_server: FeedServer,
    client: HttpClient,
) -> None:
    feed_server.route("/feed", Response(429, headers={"Retry-After": "120"}))

    with pytest.raises(RetryLaterError) as caught:
        client.get(feed_server.url("/feed"))

    assert caught.value.status == 429
    assert caught.value.retry_after == 120.0
    assert "429 Too Many Requests" in str(caught.value)


def test_503_with_date_asks_to_retry_later(feed_server: FeedServer, client: HttpClient) -> None:
    when = formatdate(time.time() + 60, usegmt=True)
    feed_server.route("/feed", Response(503, headers={"Retry-After": when}))

    with pytest.raises(RetryLaterError) as caught:
        client.get(feed_server.url("/feed"))

    assert caught.value.status == 503
    assert caught.value.retry_after is not None
    assert 55.0 <= caught.value.retry_after <= 61.0


def test_503_without_retry_after(feed_server: FeedServer, client: HttpClient) -> None:
    feed_server.route("/feed", Response(503))

    with pytest.raises(RetryLaterError) as caught:
        client.get(feed_server.url("/feed"))
    assert caught.value.retry_after is None


# -- time limits ----------------------------------------------------------------------


def test_slow_answer_hits_read_timeout(feed_server: FeedServer) -> None:
    # Without the read timeout the answer would come, after 5 s, and be taken.
    feed_server.route("/feed", Response(body=RSS, delay=5.0))
    with (
        HttpClient(read_timeout=0.3, total_timeout=10.0) as http,
        pytest.raises(FetchError, match="timed out"),
    ):
        http.get(feed_server.url("/feed"))


def _drip(clock: SkippingClock, chunks: int | None) -> Iterator[bytes]:
    """A body of ``chunks`` bytes (endless: None), each 10 s of the client's clock apart."""
    for _ in itertools.repeat(None) if chunks is None else range(chunks):
        clock.skip(10.0)
        yield b"<"


def test_a_body_dripping_within_the_deadline_is_read_whole(feed_server: FeedServer) -> None:
    clock = SkippingClock()
    feed_server.route("/feed", lambda request: Response(body=_drip(clock, 9), chunk_delay=0.01))
    with HttpClient(read_timeout=600.0, total_timeout=100.0, clock=clock) as http:
        assert http.get(feed_server.url("/feed")).body == b"<" * 9  # 90 s of 100 spent


def test_an_endless_drip_is_cut_at_the_total_deadline(feed_server: FeedServer) -> None:
    clock = SkippingClock()
    feed_server.route("/feed", lambda request: Response(body=_drip(clock, None), chunk_delay=0.01))
    with HttpClient(read_timeout=600.0, total_timeout=100.0, clock=clock) as http:
        outcome = outcome_within(HANG_BOUND, lambda: http.get(feed_server.url("/feed")))
    assert isinstance(outcome, FetchError)
    assert str(outcome) == "timed out"


@pytest.mark.parametrize(
    "headers", [{}, {"Connection": "close"}], ids=["kept-alive", "closing connection"]
)
def test_stall_near_the_deadline_ends_at_the_deadline(
    feed_server: FeedServer, headers: dict[str, str]
) -> None:
    # Headers come when all but half a second of the fetch's 60 s are spent, one byte
    # follows, then nothing: the read in progress must be cut at the deadline.  The
    # socket's own timeout is the 60 s that were left when the request went out, so
    # nothing else ends the fetch before the hang bound.  "Connection: close" makes the
    # connection let go of its socket before the body is read.
    clock = SkippingClock()

    def late(request: Request) -> Response:
        clock.skip(59.5)
        return Response(body=[b"<", b"rss/>"], chunk_delay=600.0, headers=headers)

    feed_server.route("/feed", late)
    with HttpClient(read_timeout=600.0, total_timeout=60.0, clock=clock) as http:
        outcome = outcome_within(HANG_BOUND, lambda: http.get(feed_server.url("/feed")))
    assert isinstance(outcome, FetchError)
    assert str(outcome) == "timed out"


def test_client_keeps_working_after_a_timeout(feed_server: FeedServer) -> None:
    feed_server.route("/slow", Response(body=itertools.repeat(b"x"), chunk_delay=0.05))
    feed_server.route("/feed", Response(body=RSS))
    with HttpClient(total_timeout=0.3) as http:
        with pytest.raises(FetchError, match="timed out"):
            http.get(feed_server.url("/slow"))
        assert http.get(feed_server.url("/feed")).body == RSS.encode("utf-8")


# -- size cap -------------------------------------------------------------------------


def test_endless_body_is_cut_at_the_cap(feed_server: FeedServer) -> None:
    feed_server.route("/feed", Response(body=itertools.repeat(b"x" * 4096)))
    with (
        HttpClient(max_bytes=100_000, total_timeout=30.0) as http,
        pytest.raises(TooLargeError, match="too large"),
    ):
        http.get(feed_server.url("/feed"))


def test_per_call_cap_overrides_the_default(feed_server: FeedServer, client: HttpClient) -> None:
    feed_server.route("/feed", Response(body=b"x" * 2000))

    with pytest.raises(TooLargeError):
        client.get(feed_server.url("/feed"), max_bytes=1999)
    assert len(client.get(feed_server.url("/feed"), max_bytes=2000).body) == 2000


def test_body_of_exactly_the_cap_is_fine(feed_server: FeedServer) -> None:
    feed_server.route("/feed", Response(body=[b"x" * 600, b"y" * 400]))
    with HttpClient(max_bytes=1000) as http:
        assert http.get(feed_server.url("/feed")).body == b"x" * 600 + b"y" * 400


def test_declared_length_over_cap_is_refused_before_reading(feed_server: FeedServer) -> None:
    # The body is shorter than declared: reading it would stall until the read timeout,
    # so only an up-front refusal ends in TooLargeError.
    feed_server.route("/feed", Response(body=b"x" * 10, headers={"Content-Length": "5000000"}))
    with (
        HttpClient(max_bytes=1_000_000, read_timeout=0.5) as http,
        pytest.raises(TooLargeError, match="5000000 bytes") as caught,
    ):
        http.get(feed_server.url("/feed"))
    assert caught.value.url == feed_server.url("/feed")


# -- content encoding -----------------------------------------------------------------


def test_gzip_body_is_decoded(feed_server: FeedServer, client: HttpClient) -> None:
    packed = gzip.compress(RSS.encode("utf-8"))
    feed_server.route("/feed", Response(body=packed, headers={"Content-Encoding": "gzip"}))

    assert client.get(feed_server.url("/feed")).body == RSS.encode("utf-8")


@pytest.mark.parametrize("wbits", [zlib.MAX_WBITS, -zlib.MAX_WBITS])
def test_deflate_body_is_decoded(feed_server: FeedServer, client: HttpClient, wbits: int) -> None:
    packer = zlib.compressobj(wbits=wbits)
    packed = packer.compress(RSS.encode("utf-8")) + packer.flush()
    feed_server.route("/feed", Response(body=packed, headers={"Content-Encoding": "deflate"}))

    assert client.get(feed_server.url("/feed")).body == RSS.encode("utf-8")


def test_cap_counts_decoded_bytes(feed_server: FeedServer) -> None:
    bomb = gzip.compress(b"\0" * 5_000_000)
    assert len(bomb) < 10_000
    feed_server.route("/feed", Response(body=bomb, headers={"Content-Encoding": "gzip"}))
    with HttpClient(max_bytes=100_000) as http, pytest.raises(TooLargeError):
        http.get(feed_server.url("/feed"))


def test_corrupt_gzip_is_an_error(feed_server: FeedServer, client: HttpClient) -> None:
    feed_server.route("/feed", Response(body=b"not gzip", headers={"Content-Encoding": "gzip"}))

    with pytest.raises(FetchError, match="corrupt compressed"):
        client.get(feed_server.url("/feed"))


def test_unknown_encoding_is_an_error(feed_server: FeedServer, client: HttpClient) -> None:
    feed_server.route("/feed", Response(body=b"???", headers={"Content-Encoding": "br"}))

    with pytest.raises(FetchError, match="unsupported content encoding 'br'"):
        client.get(feed_server.url("/feed"))


# -- transport failures and bad URLs --------------------------------------------------


def test_connection_refused(client: HttpClient) -> None:
    url = f"http://127.0.0.1:{closed_port()}/feed"

    with pytest.raises(FetchError, match="connection refused") as caught:
        client.get(url)

    assert caught.value.url == url
    assert caught.value.__cause__ is not None


def test_tls_failure_is_a_readable_error(feed_server: FeedServer, client: HttpClient) -> None:
    # The test server speaks plain HTTP, so a TLS handshake with it fails.
    url = feed_server.url("/feed").replace("http://", "https://")

    with pytest.raises(FetchError, match=r"^secure connection failed: [a-z ]+$"):
        client.get(url)


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("ftp://127.0.0.1/feed.xml", "unsupported URL scheme 'ftp'"),
        ("file:///etc/passwd", "unsupported URL scheme 'file'"),
        ("javascript:alert(1)", "unsupported URL scheme 'javascript'"),
        ("feed.xml", "not an absolute http"),
        ("http:///feed.xml", "no host"),
    ],
)
def test_non_http_url_is_refused(client: HttpClient, url: str, message: str) -> None:
    with pytest.raises(FetchError, match=message) as caught:
        client.get(url)
    assert caught.value.url == url


# -- pooling and threads --------------------------------------------------------------


def test_concurrent_gets_all_succeed_within_the_connection_limit(
    feed_server: FeedServer,
) -> None:
    lock = threading.Lock()
    active = 0
    most = 0

    def slow_feed(request: Request) -> Response:
        nonlocal active, most
        with lock:
            active += 1
            most = max(most, active)
        time.sleep(0.05)
        with lock:
            active -= 1
        return Response(body=f"<rss>{request.path}</rss>")

    for index in range(20):
        feed_server.route(f"/feed{index}", slow_feed)
    with HttpClient(max_connections=4) as http, ThreadPoolExecutor(max_workers=20) as pool:
        urls = [feed_server.url(f"/feed{index}") for index in range(20)]
        results = list(pool.map(http.get, urls))

    assert [r.body for r in results] == [f"<rss>/feed{i}</rss>".encode() for i in range(20)]
    assert 1 < most <= 4


def test_unchanged_feeds_reuse_one_connection(feed_server: FeedServer) -> None:
    # How fast this is: benchmarks/unit_speed.py.
    feed_server.route("/feed", lambda request: Response(304, content_type=None))
    with HttpClient() as http:
        results = [http.get(feed_server.url("/feed"), etag='"e"') for _ in range(220)]

    assert all(r.not_modified for r in results)
    assert feed_server.connection_count == 1


# -- Retry-After parsing --------------------------------------------------------------

NOW = datetime(2024, 6, 1, 12, 0, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("120", 120.0),
        (" 30 ", 30.0),
        ("0", 0.0),
        (None, None),
        ("", None),
        ("  ", None),
        ("-5", None),
        ("1.5", None),
        ("soon", None),
        ("٣٠", None),
        ("Sat, 01 Jun 2024 12:02:00 GMT", 120.0),
        ("Sat, 01 Jun 2024 11:00:00 GMT", 0.0),
        ("Saturday, 01-Jun-24 12:00:30 GMT", 30.0),
        ("Sat Jun  1 12:00:10 2024", 10.0),
        ("Sat, 99 Foo 2024 12:00:00 GMT", None),
    ],
)
def test_parse_retry_after(value: str | None, expected: float | None) -> None:
    assert parse_retry_after(value, now=NOW) == expected


def test_parse_retry_after_accepts_a_naive_now() -> None:
    naive = NOW.replace(tzinfo=None)
    assert parse_retry_after("Sat, 01 Jun 2024 12:01:00 GMT", now=naive) == 60.0


def test_parse_retry_after_defaults_to_the_current_time() -> None:
    soon = format_datetime(datetime.now(UTC) + timedelta(seconds=90), usegmt=True)
    result = parse_retry_after(soon)
    assert result is not None
    assert 85.0 <= result <= 90.0


def test_cookies_set_by_a_server_are_never_sent_back(
    feed_server: FeedServer, client: HttpClient
) -> None:
    feed_server.route(
        "/tracked",
        Response(body="<rss/>", headers={"Set-Cookie": "visitor=abc123; Path=/"}),
    )
    feed_server.route(
        "/hop",
        Response(
            status=302,
            headers={"Location": "/tracked", "Set-Cookie": "session=xyz; Path=/"},
        ),
    )
    client.get(feed_server.url("/tracked"))
    client.get(feed_server.url("/hop"))
    client.get(feed_server.url("/tracked"))
    requests = feed_server.requests_for("/tracked") + feed_server.requests_for("/hop")
    assert len(requests) == 4
    assert all("cookie" not in r.headers for r in requests)


def test_a_sibling_checks_certificates_against_the_roots_its_client_read() -> None:
    client = HttpClient()
    sibling = client.sibling(read_timeout=1.0)
    other = HttpClient()
    try:
        assert sibling.ssl_context is client.ssl_context  # read once, not again
        assert other.ssl_context is not client.ssl_context
        assert client.ssl_context.verify_mode == ssl.CERT_REQUIRED
        assert client.ssl_context.check_hostname
        assert client.ssl_context.cert_store_stats()["x509_ca"] > 0
    finally:
        for made in (client, sibling, other):
            made.close()
