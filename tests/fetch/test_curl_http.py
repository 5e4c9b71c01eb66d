"""The libcurl client of the work after the news, held to the HttpClient's own tests.

Every test of :mod:`tests.fetch.test_http` and :mod:`tests.fetch.test_http_connections`
that is about what a fetch does (answers, validators, redirects, errors and their
words, deadlines, caps, encodings, certificates, names looked up, proxies, stop)
runs again here with a :class:`~newsreader.fetch.curl_http.CurlClient` in place of
the :class:`~newsreader.fetch.http.HttpClient`.  Left out: the HttpClient's own
machinery (its connection limit, pools and proxy tables, its siblings) and the
helpers that fetch nothing.  The tests below those are the CurlClient's own.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

import pytest

from newsreader.core.errors import FetchError, UnreachableHostError
from newsreader.fetch import http as http_module
from newsreader.fetch.curl_http import ADDRESS_TTL_S, CurlClient
from newsreader.fetch.http import HttpClient
from newsreader.fetch.transport import RoutingTransport
from tests.fetch.http_support import SkippingClock, fetch_tests_use
from tests.fetch.test_http import *  # noqa: F403  (collected again, with the CurlClient)
from tests.fetch.test_http_connections import (  # noqa: F401  (collected again, with the CurlClient)
    certificate,
    proxy_env,
    test_a_closed_client_refuses_to_fetch,
    test_a_failing_proxy_is_named,
    test_a_name_server_that_does_not_answer_costs_the_connect_timeout,
    test_a_refused_connection_is_an_unreachable_host,
    test_an_untrusted_certificate_is_refused,
    test_body_ending_with_the_connection_is_not_complete_when_the_deadline_cuts_it,
    test_body_ending_with_the_connection_is_read_whole,
    test_fetch_goes_through_the_proxy,
    test_host_names_are_looked_up_through_the_resolver_given,
    test_local_fetch_ignores_a_proxy,
    test_ssl_cert_file_adds_a_trusted_root,
    test_stall_over_tls_ends_at_the_deadline,
    test_stop_ends_a_fetch_waiting_for_an_answer_and_every_later_one,
    test_transport_failures_read_as_such,
    test_utf8_location_is_followed_percent_encoded,
)
from tests.helpers.feedserver import FeedServer, Response

#: The HttpClient's machinery, and what fetches nothing: not the CurlClient's business.
for _name in (
    "test_concurrent_gets_all_succeed_within_the_connection_limit",
    "test_a_sibling_checks_certificates_against_the_roots_its_client_read",
    "test_default_user_agent_names_the_version",
    "test_parse_retry_after",
    "test_parse_retry_after_accepts_a_naive_now",
    "test_parse_retry_after_defaults_to_the_current_time",
):
    del globals()[_name]


def curl_client(**options: Any) -> CurlClient:
    """What ``HttpClient(**options)`` stands for in the tests collected here."""
    return CurlClient(HttpClient(**options))


@pytest.fixture(autouse=True)
def make_client(monkeypatch: pytest.MonkeyPatch) -> Callable[..., CurlClient]:
    return fetch_tests_use(monkeypatch, curl_client)


# -- the CurlClient's own -------------------------------------------------------------


class CountingResolver:
    """Names to 127.0.0.1, counting the questions; ``nowhere`` names are not found."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def __call__(self, host: str, port: int, family: int = 0, kind: int = 0) -> Any:
        self.asked.append(host)
        if host.startswith("nowhere"):
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return socket.getaddrinfo("127.0.0.1", port, family, kind)


def test_names_are_looked_up_by_the_clients_resolver_once_per_host(
    feed_server: FeedServer,
) -> None:
    feed_server.route("/a.png", Response(body=b"a", content_type="image/png"))
    feed_server.route("/b.png", Response(body=b"b", content_type="image/png"))
    resolver = CountingResolver()
    with CurlClient(HttpClient(resolver=resolver)) as curl:
        bodies = [
            curl.get(f"http://pictures.test:{feed_server.port}/{name}.png").body
            for name in ("a", "b", "a")
        ]
    assert bodies == [b"a", b"b", b"a"]
    assert resolver.asked == ["pictures.test"]
    assert {r.headers.get("host") for r in feed_server.requests} == {
        f"pictures.test:{feed_server.port}"
    }


def test_a_host_is_looked_up_again_once_its_answer_is_a_minute_old(
    feed_server: FeedServer,
) -> None:
    feed_server.route("/a.png", Response(body=b"a", content_type="image/png"))
    url = f"http://pictures.test:{feed_server.port}/a.png"
    resolver = CountingResolver()
    clock = SkippingClock()
    with CurlClient(HttpClient(resolver=resolver, clock=clock)) as curl:
        curl.get(url)
        clock.skip(ADDRESS_TTL_S - 1)
        curl.get(url)
        assert resolver.asked == ["pictures.test"]
        clock.skip(2)
        curl.get(url)
    assert resolver.asked == ["pictures.test", "pictures.test"]


def test_a_name_not_found_is_an_unreachable_host(feed_server: FeedServer) -> None:
    url = f"http://nowhere.test:{feed_server.port}/a.png"
    with (
        CurlClient(HttpClient(resolver=CountingResolver())) as curl,
        pytest.raises(UnreachableHostError, match=r"^host not found$") as caught,
    ):
        curl.get(url)
    assert caught.value.host == f"nowhere.test:{feed_server.port}"
    assert caught.value.url == url


def test_a_redirect_to_another_host_is_looked_up_too(feed_server: FeedServer) -> None:
    feed_server.route(
        "/old.png",
        Response(301, headers={"Location": f"http://cdn.test:{feed_server.port}/new.png"}),
    )
    feed_server.route("/new.png", Response(body=b"new", content_type="image/png"))
    resolver = CountingResolver()
    with CurlClient(HttpClient(resolver=resolver)) as curl:
        answer = curl.get(f"http://pictures.test:{feed_server.port}/old.png")
    assert answer.body == b"new"
    assert answer.permanent_url == f"http://cdn.test:{feed_server.port}/new.png"
    assert resolver.asked == ["pictures.test", "cdn.test"]


def test_a_connection_is_kept_alive_for_the_next_fetch_whichever_thread_makes_it(
    feed_server: FeedServer,
) -> None:
    feed_server.route("/a.png", Response(body=b"a", content_type="image/png"))
    url = feed_server.url("/a.png")
    with CurlClient(HttpClient()) as curl:
        for _ in range(3):
            curl.get(url)
            thread = threading.Thread(target=curl.get, args=(url,))
            thread.start()
            thread.join(10)
    assert len(feed_server.requests) == 6
    assert feed_server.connection_count == 1


def test_stop_ends_a_fetch_under_way(feed_server: FeedServer) -> None:
    feed_server.route("/slow.png", Response(body=b"x", delay=20.0))
    curl = CurlClient(HttpClient(read_timeout=60.0, total_timeout=60.0))
    outcome: list[BaseException] = []

    def fetch() -> None:
        try:
            curl.get(feed_server.url("/slow.png"))
        except FetchError as exc:
            outcome.append(exc)

    thread = threading.Thread(target=fetch)
    thread.start()
    time.sleep(0.3)
    started = time.monotonic()
    curl.stop()
    thread.join(10)
    took = time.monotonic() - started
    curl.close()
    assert not thread.is_alive()
    assert [str(e) for e in outcome] == ["timed out"]
    assert took < 5.0  # the answer would have come after 20 s


def test_a_url_sent_through_a_proxy_is_left_to_the_http_client(
    feed_server: FeedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The test server stands as the proxy (a proxied request names the whole URL): it
    # knows no such path and answers 404.
    monkeypatch.setenv("http_proxy", f"http://127.0.0.1:{feed_server.port}")
    monkeypatch.delenv("no_proxy", raising=False)
    monkeypatch.delenv("NO_PROXY", raising=False)
    resolver = CountingResolver()
    with CurlClient(HttpClient(resolver=resolver)) as curl:
        assert curl.http.proxy_for(http_module.check_scheme("http://far.test/", "")) is not None
        with pytest.raises(FetchError):
            curl.get("http://far.test/a.png")
    assert [r.path for r in feed_server.requests] == ["http://far.test/a.png"]
    assert resolver.asked == []  # the proxy looks the name up, not this client


def test_the_side_work_of_a_profile_fetches_through_libcurl(feed_server: FeedServer) -> None:
    feed_server.route("/a.png", Response(body=b"a", content_type="image/png"))
    side = RoutingTransport().side_transport(ends_by=None)
    try:
        assert side.get(feed_server.url("/a.png")).body == b"a"
        assert isinstance(side._http.client(), CurlClient)  # type: ignore[union-attr]
    finally:
        side.close()


def test_side_work_that_fetches_nothing_never_loads_libcurl() -> None:
    # importing pycurl costs the process some 6 MB; an unchanged refresh fetches nothing
    # after the news, and a stop or a close before any fetch must not need it either
    program = (
        "import sys\n"
        "from newsreader.fetch.transport import RoutingTransport\n"
        "side = RoutingTransport().side_transport(ends_by=None)\n"
        "side.stop()\n"
        "side.close()\n"
        "print('pycurl' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.strip() == "False"


def test_a_side_client_stopped_before_its_first_fetch_fetches_nothing(
    feed_server: FeedServer,
) -> None:
    feed_server.route("/a.png", Response(body=b"a", content_type="image/png"))
    side = RoutingTransport().side_transport(ends_by=None)
    try:
        side.stop()
        with pytest.raises(FetchError, match="timed out"):
            side.get(feed_server.url("/a.png"))
    finally:
        side.close()
    assert feed_server.requests == []
