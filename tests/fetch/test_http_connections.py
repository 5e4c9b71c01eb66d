"""The feed HTTP client's connections: proxies, reuse, TLS and cut-off sockets.

Everything runs against servers on 127.0.0.1: the test feed server (which also plays
an HTTP proxy, since a proxy is asked for absolute URLs), and small raw-socket or
TLS servers for what the feed server cannot send.
"""

from __future__ import annotations

import base64
import importlib.util
import shutil
import socket
import ssl
import subprocess
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import urllib3

from newsreader.core.errors import FetchError, UnreachableHostError
from newsreader.fetch.http import HttpClient
from tests.fetch.http_support import HANG_BOUND, RSS, SkippingClock, closed_port, outcome_within
from tests.helpers import feedserver
from tests.helpers.feedserver import FeedServer, Response

#: Makes the shared fixture visible to the tests below.
feed_server = feedserver.feed_server

_PROXY_VARIABLES = ("http_proxy", "https_proxy", "all_proxy", "no_proxy")


@pytest.fixture
def proxy_env(monkeypatch: pytest.MonkeyPatch) -> Callable[..., None]:
    """Sets the proxy variables of the environment, clearing every other one."""

    def set_proxies(**values: str) -> None:
        for name in _PROXY_VARIABLES:
            monkeypatch.delenv(name, raising=False)
            monkeypatch.delenv(name.upper(), raising=False)
        for name, value in values.items():
            monkeypatch.setenv(name.upper(), value)

    return set_proxies


# -- proxies --------------------------------------------------------------------------


def test_proxies_are_chosen_per_scheme_and_no_proxy(proxy_env: Callable[..., None]) -> None:
    proxy_env(
        http_proxy="http://proxy.example:3128",
        https_proxy="secure-proxy.example:3129",
        no_proxy="internal.example, .corp.example,10.0.0.0/8,[::2]",
    )
    with HttpClient() as http:
        pools = http._pools
        assert pools.proxy_for("http", "feeds.example.org") == "http://proxy.example:3128"
        assert pools.proxy_for("https", "feeds.example.org") == "http://secure-proxy.example:3129"
        assert pools.proxy_for("http", "internal.example") is None
        assert pools.proxy_for("http", "news.internal.example") is None
        assert pools.proxy_for("http", "notinternal.example") == "http://proxy.example:3128"
        assert pools.proxy_for("http", "corp.example") is None
        assert pools.proxy_for("https", "10.20.30.40") is None
        assert pools.proxy_for("https", "11.20.30.40") == "http://secure-proxy.example:3129"
        assert pools.proxy_for("http", "[::2]") is None


def test_loopback_is_never_proxied(proxy_env: Callable[..., None]) -> None:
    proxy_env(all_proxy="http://proxy.example:3128")
    with HttpClient() as http:
        for host in ("127.0.0.1", "127.9.9.9", "localhost", "[::1]"):
            assert http._pools.proxy_for("http", host) is None
        assert http._pools.proxy_for("http", "example.org") == "http://proxy.example:3128"


def test_all_proxy_covers_both_schemes(proxy_env: Callable[..., None]) -> None:
    proxy_env(all_proxy="http://proxy.example:8080", https_proxy="http://tls-proxy.example:1")
    with HttpClient() as http:
        assert http._pools.proxy_for("http", "example.org") == "http://proxy.example:8080"
        assert http._pools.proxy_for("https", "example.org") == "http://tls-proxy.example:1"


def test_no_proxy_star_turns_proxies_off(proxy_env: Callable[..., None]) -> None:
    proxy_env(http_proxy="http://proxy.example:3128", no_proxy="*")
    with HttpClient() as http:
        assert http._pools.proxy_for("http", "example.org") is None
        assert http._pools.manager_for("http", "example.org", "") is http._pools._direct


def test_without_proxy_variables_everything_goes_direct(proxy_env: Callable[..., None]) -> None:
    proxy_env()
    with HttpClient() as http:
        assert http._pools.proxy_for("https", "example.org") is None


def test_a_proxy_gets_its_own_pools_with_its_credentials(
    proxy_env: Callable[..., None],
) -> None:
    proxy_env(http_proxy="http://reader:p%40ss@proxy.example:3128")
    with HttpClient() as http:
        manager = http._pools.manager_for("http", "example.org", "")
        assert isinstance(manager, urllib3.ProxyManager)
        assert (manager.proxy.host, manager.proxy.port) == ("proxy.example", 3128)
        expected = "Basic " + base64.b64encode(b"reader:p@ss").decode("ascii")
        assert manager.proxy_headers["proxy-authorization"] == expected
        assert http._pools.manager_for("http", "example.net", "") is manager
        direct = http._pools.manager_for("http", "127.0.0.1", "")
        assert not isinstance(direct, urllib3.ProxyManager)


def test_fetch_goes_through_the_proxy(
    feed_server: FeedServer,
    proxy_env: Callable[..., None],
) -> None:
    # The feed server plays the proxy: it is asked for the absolute URL, and the
    # feed's host is never looked up here.
    proxy = feed_server.url("/").replace("http://", "http://reader:secret@")
    proxy_env(http_proxy=proxy)
    feed_server.route("http://feeds.example.invalid/feed", Response(body=RSS))
    with HttpClient() as http:
        result = http.get("http://feeds.example.invalid/feed")

    assert result.body == RSS.encode("utf-8")
    seen = feed_server.requests_for("http://feeds.example.invalid/feed")[0].headers
    assert seen["host"] == "feeds.example.invalid"
    assert seen["proxy-authorization"] == "Basic " + base64.b64encode(b"reader:secret").decode()


def test_a_failing_proxy_is_named(feed_server: FeedServer, proxy_env: Callable[..., None]) -> None:
    # HTTPS through a proxy starts with CONNECT, which the feed server refuses.
    proxy_env(https_proxy=feed_server.url("/"))
    with HttpClient() as http, pytest.raises(FetchError, match=r"^the proxy failed: "):
        http.get("https://feeds.example.invalid/feed")


def test_an_unusable_proxy_setting_is_explained(proxy_env: Callable[..., None]) -> None:
    proxy_env(http_proxy="ftp://proxy.example:21")
    with HttpClient() as http, pytest.raises(FetchError, match="unsupported proxy scheme 'ftp'"):
        http.get("http://feeds.example.invalid/feed")


def test_a_socks_proxy_without_pysocks_is_explained(proxy_env: Callable[..., None]) -> None:
    if importlib.util.find_spec("socks") is not None:
        pytest.skip("PySocks is installed here")
    proxy_env(all_proxy="socks5h://127.0.0.1:1080")
    with (
        HttpClient() as http,
        pytest.warns(urllib3.exceptions.DependencyWarning),
        pytest.raises(FetchError, match="needs the PySocks package"),
    ):
        http.get("http://feeds.example.invalid/feed")


def test_local_fetch_ignores_a_proxy(
    feed_server: FeedServer,
    proxy_env: Callable[..., None],
) -> None:
    proxy_env(http_proxy=f"http://127.0.0.1:{closed_port()}")
    feed_server.route("/feed", Response(body=RSS))
    with HttpClient() as http:
        assert http.get(feed_server.url("/feed")).body == RSS.encode("utf-8")


# -- connection reuse -----------------------------------------------------------------


def test_redirects_and_errors_keep_their_connection(
    feed_server: FeedServer,
    client: HttpClient,
) -> None:
    feed_server.route(
        "/old", Response(301, body="moved", headers={"Location": "/new"}, content_type=None)
    )
    feed_server.route("/new", Response(body=RSS))
    feed_server.route("/missing", Response(404, body="not here", content_type="text/plain"))

    assert client.get(feed_server.url("/old")).permanent_url == feed_server.url("/new")
    with pytest.raises(FetchError, match="HTTP 404"):
        client.get(feed_server.url("/missing"))
    assert client.get(feed_server.url("/new")).body == RSS.encode("utf-8")

    assert feed_server.connection_count == 1


def test_a_long_unread_body_costs_its_connection(
    feed_server: FeedServer,
    client: HttpClient,
) -> None:
    feed_server.route("/missing", Response(404, body="x" * 100_000, content_type="text/plain"))
    feed_server.route("/feed", Response(body=RSS))

    with pytest.raises(FetchError, match="HTTP 404"):
        client.get(feed_server.url("/missing"))
    assert client.get(feed_server.url("/feed")).body == RSS.encode("utf-8")

    assert feed_server.connection_count == 2


def test_a_closed_client_refuses_to_fetch(feed_server: FeedServer) -> None:
    feed_server.route("/feed", Response(body=RSS))
    http = HttpClient()
    http.get(feed_server.url("/feed"))
    http.close()

    with pytest.raises(RuntimeError, match="closed"):
        http.get(feed_server.url("/feed"))


# -- deadlines on connections the server closes ---------------------------------------


#: Ends the stalls of the raw servers below when their test is over.
_STOPPING = threading.Event()


class _RawServer:
    """Answers each connection on 127.0.0.1 with ``answer(connection)``."""

    def __init__(self, answer: Callable[[socket.socket], None]) -> None:
        self._answer = answer
        #: Set when the test is over; answers that stall wait on it.
        self.stopping = _STOPPING
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = int(self._listener.getsockname()[1])
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()
        self.requests: list[bytes] = []

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def close(self) -> None:
        self.stopping.set()
        self._thread.join(5)
        self._listener.close()
        self.stopping.clear()

    def _serve(self) -> None:
        self._listener.settimeout(0.05)  # so that close() is noticed
        while not self.stopping.is_set():
            try:
                connection, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with connection:
                self._answer(connection)


def _read_request(connection: socket.socket) -> bytes:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = connection.recv(65536)
        if not chunk:
            break
        data += chunk
    return data


def test_body_ending_with_the_connection_is_not_complete_when_the_deadline_cuts_it() -> None:
    # No length and no chunks: the body ends when the connection does.  When it is
    # the deadline that ends it, the half body must not pass for the whole.  The answer
    # comes when all but half a second of the fetch's 60 s are spent; the socket's own
    # timeout (those 60 s) would not end the stall before the hang bound.
    clock = SkippingClock()

    def answer(connection: socket.socket) -> None:
        _read_request(connection)
        clock.skip(59.5)
        connection.sendall(b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n<rss>")
        _STOPPING.wait(600.0)

    server = _RawServer(answer)
    try:
        with HttpClient(read_timeout=600.0, total_timeout=60.0, clock=clock) as http:
            outcome = outcome_within(HANG_BOUND, lambda: http.get(server.url("/feed")))
        assert isinstance(outcome, FetchError)
        assert str(outcome) == "timed out"
    finally:
        server.close()


def test_body_ending_with_the_connection_is_read_whole() -> None:
    def answer(connection: socket.socket) -> None:
        _read_request(connection)
        connection.sendall(b"HTTP/1.0 200 OK\r\n\r\n")
        for piece in (b"<rss>", b"</rss>"):
            time.sleep(0.05)
            connection.sendall(piece)

    server = _RawServer(answer)
    try:
        with HttpClient() as http:
            assert http.get(server.url("/feed")).body == b"<rss></rss>"
    finally:
        server.close()


def test_utf8_location_is_followed_percent_encoded() -> None:
    seen: list[bytes] = []

    def answer(connection: socket.socket) -> None:
        while request := _read_request(connection):
            seen.append(request.split(b"\r\n", 1)[0])
            if request.startswith(b"GET /old "):
                redirect = "HTTP/1.1 301 Moved\r\nLocation: /أخبار\r\nContent-Length: 0\r\n\r\n"
                connection.sendall(redirect.encode("utf-8"))
            else:
                connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\n<rss/>")

    server = _RawServer(answer)
    try:
        with HttpClient() as http:
            result = http.get(server.url("/old"))
    finally:
        server.close()

    assert result.permanent_url == server.url("/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1")
    assert seen == [b"GET /old HTTP/1.1", b"GET /%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1 HTTP/1.1"]


def test_transport_failures_read_as_such() -> None:
    def answer(connection: socket.socket) -> None:
        request = _read_request(connection)
        if b" /garbage " in request:
            connection.sendall(b"SPAM\r\n\r\n")
        elif b" /short " in request:
            connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nabc")

    server = _RawServer(answer)
    try:
        with HttpClient() as http:
            for path in ("/garbage", "/short", "/nothing"):
                with pytest.raises(FetchError, match=r"^the server broke the HTTP protocol: "):
                    http.get(server.url(path))
    finally:
        server.close()


# -- TLS ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 and its key."""
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("needs the openssl command to make a certificate")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    options = (
        "req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2"
        " -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1"
    )
    subprocess.run(
        [openssl, *options.split(), "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return cert, key


def _tls_server(
    certificate: tuple[Path, Path], answer: Callable[[socket.socket], None]
) -> _RawServer:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(*certificate)

    def secure_answer(connection: socket.socket) -> None:
        try:
            with context.wrap_socket(connection, server_side=True) as secure:
                answer(secure)
        except (ssl.SSLError, OSError):
            pass  # the client gave up on the handshake

    return _RawServer(secure_answer)


def _feed_answer(connection: socket.socket) -> None:
    _read_request(connection)
    connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\n<rss/>")


def test_an_untrusted_certificate_is_refused(certificate: tuple[Path, Path]) -> None:
    server = _tls_server(certificate, _feed_answer)
    try:
        with HttpClient() as http, pytest.raises(FetchError, match="certificate not trusted"):
            http.get(server.url("/feed").replace("http://", "https://"))
    finally:
        server.close()


def test_ssl_cert_file_adds_a_trusted_root(
    certificate: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(certificate[0]))
    server = _tls_server(certificate, _feed_answer)
    try:
        with HttpClient() as http:
            assert http.get(server.url("/feed").replace("http://", "https://")).body == b"<rss/>"
    finally:
        server.close()


def test_stall_over_tls_ends_at_the_deadline(
    certificate: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(certificate[0]))
    clock = SkippingClock()  # as in the test above: only the deadline can end the stall

    def stall(connection: socket.socket) -> None:
        _read_request(connection)
        clock.skip(59.5)
        connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n<")
        _STOPPING.wait(600.0)

    server = _tls_server(certificate, stall)
    url = server.url("/feed").replace("http://", "https://")
    try:
        with HttpClient(read_timeout=600.0, total_timeout=60.0, clock=clock) as http:
            outcome = outcome_within(HANG_BOUND, lambda: http.get(url))
        assert isinstance(outcome, FetchError)
        assert str(outcome) == "timed out"
    finally:
        server.close()


# -- host names, through the resolver the client is given ------------------------------


class Resolver:
    """Answers for the test's names with loopback; a name may block until released."""

    def __init__(self, answers: dict[str, str], *, silent: frozenset[str] = frozenset()) -> None:
        self.answers = answers
        self.silent = silent
        self.asked: list[str] = []
        self.release = threading.Event()
        self._lock = threading.Lock()

    def __call__(self, host: str, port: int, family: int, kind: int) -> Any:
        with self._lock:
            self.asked.append(host)
        if host in self.silent:
            self.release.wait(HANG_BOUND)
        if host not in self.answers:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return socket.getaddrinfo(self.answers[host], port, family, kind)


def test_host_names_are_looked_up_through_the_resolver_given(feed_server: FeedServer) -> None:
    feed_server.route("/feed.xml", Response(body=RSS))
    resolver = Resolver({"news.test": "127.0.0.1"})
    with HttpClient(resolver=resolver) as http:
        for _ in range(2):
            assert http.get(f"http://news.test:{feed_server.port}/feed.xml").body == RSS.encode()
        with pytest.raises(UnreachableHostError, match=r"^host not found$") as raised:
            http.get(f"http://other.test:{feed_server.port}/feed.xml")
    assert resolver.asked == ["news.test", "other.test"]  # the connection was kept alive
    assert raised.value.host == f"other.test:{feed_server.port}"


def test_a_name_server_that_does_not_answer_costs_the_connect_timeout() -> None:
    resolver = Resolver({}, silent=frozenset({"silent.test"}))
    try:
        with HttpClient(resolver=resolver, connect_timeout=0.2) as http:
            outcome = outcome_within(HANG_BOUND / 2, lambda: http.get("http://silent.test/a.png"))
    finally:
        resolver.release.set()
    assert isinstance(outcome, UnreachableHostError)
    assert str(outcome) == "host not found (the name server did not answer)"
    assert outcome.host == "silent.test"


def test_lookups_of_one_name_at_once_share_one_question(feed_server: FeedServer) -> None:
    feed_server.route("/feed.xml", Response(body=RSS))
    resolver = Resolver({"news.test": "127.0.0.1"}, silent=frozenset({"news.test"}))
    url = f"http://news.test:{feed_server.port}/feed.xml"
    with HttpClient(resolver=resolver) as http:
        results: list[bytes] = []
        threads = [
            threading.Thread(target=lambda: results.append(http.get(url).body)) for _ in range(4)
        ]
        for thread in threads:
            thread.start()
        asked = http._pools._direct.lookups._asked
        while not asked or len(next(iter(asked.values())).done._cond._waiters) < 4:  # type: ignore[attr-defined]
            time.sleep(0.01)  # until every fetch waits for the one question under way
        resolver.release.set()
        for thread in threads:
            thread.join(HANG_BOUND)
    assert results == [RSS.encode()] * 4
    assert resolver.asked == ["news.test"]


def test_a_refused_connection_is_an_unreachable_host() -> None:
    port = closed_port()
    with HttpClient() as http, pytest.raises(UnreachableHostError, match="connection refused"):
        http.get(f"http://127.0.0.1:{port}/feed.xml")


def test_stop_ends_a_fetch_waiting_for_an_answer_and_every_later_one(
    feed_server: FeedServer,
) -> None:
    feed_server.route("/slow.png", Response(body=b"GIF89a", delay=HANG_BOUND / 3))
    with HttpClient(read_timeout=HANG_BOUND) as http:
        started = threading.Event()

        def fetch() -> object:
            started.set()
            return http.get(feed_server.url("/slow.png"))

        result: list[object] = []
        fetcher = threading.Thread(target=lambda: result.append(outcome_within(HANG_BOUND, fetch)))
        fetcher.start()
        started.wait(HANG_BOUND)
        while not feed_server.requests:
            time.sleep(0.01)
        http.stop()
        fetcher.join(HANG_BOUND)
        assert isinstance(result[0], FetchError)
        with pytest.raises(FetchError, match="timed out"):
            http.get(feed_server.url("/slow.png"))


def test_a_sibling_has_connections_of_its_own(feed_server: FeedServer) -> None:
    feed_server.route("/feed.xml", Response(body=RSS))
    resolver = Resolver({"news.test": "127.0.0.1"})
    with HttpClient(resolver=resolver) as http, http.sibling(read_timeout=1.0) as other:
        url = f"http://news.test:{feed_server.port}/feed.xml"
        assert http.get(url).body == other.get(url).body == RSS.encode()
    assert resolver.asked == ["news.test", "news.test"]  # same resolver, two connections
