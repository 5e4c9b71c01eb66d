"""The HTTP client that fetches feeds: conditional GET, redirects, caps and deadlines.

Feed hosts are many and not all of them are well behaved, so every fetch is bounded:
redirects are followed by hand (to count them, catch loops and learn whether a feed
moved for good), bodies are streamed and cut off past a size cap (counted after
decompression, which this module does itself so a compression bomb cannot balloon in
memory), and each fetch has a total deadline on top of the per-read timeouts, so a
server dripping a byte now and then cannot hold a refresh worker forever.

The transport is urllib3: it pools kept-alive connections per host, bounds connecting
and each read with its own timeout, and spends little CPU on each request, which is
what bounds a refresh of hundreds of unchanged feeds.  One :class:`HttpClient` is
shared by the whole refresh pipeline, so unchanged feeds cost one keep-alive round
trip each.  It is safe to call :meth:`HttpClient.get` from many threads at once.

Host names are looked up by a resolver the client is given (the system's
``getaddrinfo`` unless a test hands it another), on a helper thread that is waited
for no longer than the connect timeout: a name server that never answers costs a
fetch its connect timeout, not the minutes the system resolver may retry for.
Lookups of one name at the same time share one question.

Certificates are always checked.  Proxies are taken from the environment
(``HTTP_PROXY``, ``HTTPS_PROXY``, ``ALL_PROXY`` and ``NO_PROXY``, or the system
settings where the standard library reads them); loopback addresses are always
reached directly.  No cookies are kept or sent: feeds do not need them, and a news
site's cookies mostly exist to follow its readers.
"""

from __future__ import annotations

import contextlib
import dataclasses
import heapq
import http
import http.client
import ipaddress
import itertools
import os
import socket
import ssl
import threading
import time
import urllib.request
import weakref
import zlib
from collections.abc import Callable, Generator, Iterator, Sequence
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from types import TracebackType
from typing import Any
from urllib.parse import unquote, urljoin

import urllib3
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool
from urllib3.exceptions import (
    ConnectTimeoutError,
    EmptyPoolError,
    HTTPError,
    LocationValueError,
    NameResolutionError,
    NewConnectionError,
    ProtocolError,
    ProxyError,
)
from urllib3.exceptions import TimeoutError as Urllib3TimeoutError
from urllib3.util import Url, create_urllib3_context, make_headers, parse_url

from newsreader import __version__
from newsreader.core.errors import (
    FeedGoneError,
    FetchError,
    RetryLaterError,
    TooLargeError,
    UnreachableHostError,
)
from newsreader.core.update_records import FetchResponse

#: Looks a host name up: called as ``resolver(host, port, family, type)`` and answers
#: as :func:`socket.getaddrinfo` does (a list of address tuples, or ``socket.gaierror``).
Resolver = Callable[[str, int, int, int], Sequence[tuple[Any, ...]]]

#: What a feed reader prefers; HTML is accepted so feed discovery can read pages.
DEFAULT_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/xml;q=0.9, "
    "text/xml;q=0.9, text/html;q=0.5, */*;q=0.1"
)
#: The content codings a fetch accepts (and undoes: :class:`ContentDecoder`).
ACCEPT_ENCODING = "gzip, deflate"
_SCHEMES = frozenset({"http", "https"})
#: The port of each scheme when a URL names none.
DEFAULT_PORTS = {"http": 80, "https": 443}
#: The statuses that send a fetch elsewhere (with a Location).
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_PERMANENT_STATUSES = frozenset({301, 308})
_RETRY_LATER_STATUSES = frozenset({429, 503})
#: Most bytes asked of the socket at a time while streaming a body.
_READ_SIZE = 64 * 1024
#: The body of a redirect or an error is read (so its connection can be reused) only
#: when it says it is no longer than this; a longer one costs the connection instead.
_DRAIN_LIMIT = 8 * 1024
#: Hosts whose idle connections are kept for the next fetch (least recently used go).
_HOSTS_KEPT = 64


def default_user_agent() -> str:
    """The User-Agent Newsreader sends, so feed hosts can tell who is polling them."""
    return f"Newsreader/{__version__} (+https://github.com/newsreader; feed reader)"


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait according to a Retry-After header, or ``None`` if it says nothing.

    The header is either delta-seconds or an HTTP-date; a date in the past means
    "now" (0 seconds), never a negative wait.  Anything unparsable yields ``None`` so
    the caller falls back to its own back-off.
    """
    if value is None:
        return None
    text = value.strip()
    if not text:
        return None
    if text.isascii() and text.isdigit():
        return float(int(text))
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    now = now or datetime.now(UTC)
    if now.tzinfo is None:
        now = now.replace(tzinfo=UTC)
    return max(0.0, (when - now).total_seconds())


class HttpClient:
    """A pooled, thread-safe feed fetcher with bounded time, size and redirects.

    ``max_connections`` bounds the connections open to any one host at a time; a
    fetch that finds them all busy waits for one (within its deadline).  ``clock``
    is what deadlines are measured with (seconds, never going back).  ``resolver``
    looks host names up (default: the system's ``getaddrinfo``).  ``ssl_context``
    holds the trusted roots (made from them when not given: reading them takes some
    20 ms, so siblings share their client's).  ``ends_by``, a
    time on ``clock``, is when every fetch of this client ends at the latest, done
    or not (for work with a time budget of its own).
    """

    def __init__(
        self,
        *,
        connect_timeout: float = 10.0,
        read_timeout: float = 20.0,
        total_timeout: float = 30.0,
        max_bytes: int = 20 * 1024 * 1024,
        max_redirects: int = 5,
        max_connections: int = 16,
        user_agent: str | None = None,
        clock: Callable[[], float] = time.monotonic,
        resolver: Resolver | None = None,
        ends_by: float | None = None,
        ssl_context: ssl.SSLContext | None = None,
    ) -> None:
        self._clock = clock
        self._settings: dict[str, Any] = {
            "connect_timeout": connect_timeout,
            "read_timeout": read_timeout,
            "total_timeout": total_timeout,
            "max_bytes": max_bytes,
            "max_redirects": max_redirects,
            "max_connections": max_connections,
            "user_agent": user_agent,
            "clock": clock,
            "resolver": resolver,
        }
        self._ends_by = ends_by
        self._connect_timeout = connect_timeout
        self._read_timeout = read_timeout
        self._total_timeout = total_timeout
        self._max_bytes = max_bytes
        self._max_redirects = max_redirects
        self._headers = {
            "User-Agent": user_agent or default_user_agent(),
            "Accept-Encoding": ACCEPT_ENCODING,
        }
        self.ssl_context = ssl_context or _ssl_context()
        self._pools = _Pools(
            max_connections, _Lookups(resolver or socket.getaddrinfo), self.ssl_context
        )
        self._watchdog = _Watchdog(clock)
        self._closed = False

    def sibling(self, **changes: Any) -> HttpClient:
        """A new client like this one (same resolver, agent, limits) with *changes*.

        It has connections of its own: what it fetches never waits for a
        connection this client holds, nor the other way round.  It checks
        certificates against the same trusted roots, read once.
        """
        return HttpClient(**{**self._settings, "ssl_context": self.ssl_context, **changes})

    def stop(self) -> None:
        """End every fetch now: those under way fail at once, later ones never start.

        The client stays open (closing is still its owner's job).
        """
        self._ends_by = self._clock()
        self._watchdog.cut_all()
        self._pools.cut_all()

    def __enter__(self) -> HttpClient:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close pooled connections; the client cannot be used afterwards."""
        self._closed = True
        self._watchdog.close()
        self._pools.close()

    def get(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        max_bytes: int | None = None,
        accept: str | None = None,
    ) -> FetchResponse:
        """Fetch ``url``, conditionally when validators from the last fetch are given.

        Raises :class:`FetchError` (or one of its subclasses) for anything but a 2xx
        or 304 answer: network faults, HTTP errors, too many redirects, a body over
        ``max_bytes`` or a fetch lasting longer than the total timeout.
        """
        if self._closed:
            raise RuntimeError("the HTTP client is closed")
        target = check_scheme(url, url)
        job = _Job(
            url=url,
            etag=etag,
            last_modified=last_modified,
            cap=self._max_bytes if max_bytes is None else max_bytes,
            deadline=self.deadline(),
            clock=self._clock,
        )
        headers = {**self._headers, **request_headers(etag, last_modified, accept)}

        def hop(current: str, at: Url) -> FetchResponse | tuple[int, str]:
            return self._hop(job, current, at, headers)

        return follow_redirects(url, target, hop, self._max_redirects)

    @property
    def settings(self) -> dict[str, Any]:
        """What this client was made with (timeouts, caps, agent, clock, resolver)."""
        return dict(self._settings)

    @property
    def user_agent(self) -> str:
        return self._headers["User-Agent"]

    @property
    def lookups(self) -> _Lookups:
        """How this client looks host names up (its resolver, each wait bounded)."""
        return self._pools.lookups

    def proxy_for(self, target: Url) -> str | None:
        """The proxy a request to *target* goes through, or ``None`` for a direct one."""
        return self._pools.proxy_for(target.scheme or "", target.host or "")

    def deadline(self) -> float:
        """When a fetch that starts now must be over (on this client's clock)."""
        deadline = self._clock() + self._total_timeout
        return deadline if self._ends_by is None else min(deadline, self._ends_by)

    # -- one request --------------------------------------------------------------

    def _hop(
        self,
        job: _Job,
        url: str,
        target: Url,
        headers: dict[str, str],
    ) -> FetchResponse | tuple[int, str]:
        """Request ``url`` once: a finished response, or a redirect's (status, target)."""
        timeout, left = self._timeout(job)
        pools = self._pools.manager_for(target.scheme or "", target.host or "", job.url)
        try:
            response = pools.urlopen(
                "GET",
                url,
                headers=headers,
                redirect=False,
                retries=False,
                timeout=timeout,
                pool_timeout=left,
                preload_content=False,
                decode_content=False,
            )
        except LocationValueError as exc:
            raise FetchError(f"invalid URL: {url}", url=job.url) from exc
        except (HTTPError, OSError, http.client.HTTPException) as exc:
            raise _translate(exc, job, _host_label(target)) from exc
        try:
            return self._answer(job, url, response)
        except (HTTPError, OSError, http.client.HTTPException) as exc:
            raise _translate(exc, job, _host_label(target)) from exc
        finally:
            _release(response)

    def _timeout(self, job: _Job) -> tuple[urllib3.Timeout, float]:
        """Per-operation timeouts, none longer than what is left of the deadline."""
        left = job.deadline - self._clock()
        if left <= 0:
            raise FetchError("timed out", url=job.url)
        timeout = urllib3.Timeout(
            connect=min(self._connect_timeout, left),
            read=min(self._read_timeout, left),
        )
        return timeout, left

    def _answer(
        self,
        job: _Job,
        url: str,
        response: urllib3.BaseHTTPResponse,
    ) -> FetchResponse | tuple[int, str]:
        """Turn a response into a result, a redirect to follow, or an error."""
        status = response.status
        if status == 304:
            # Its body is empty by definition: reading it costs no I/O and hands the
            # connection back to the pool.
            response.read()
            return _response(job, url, response, b"", not_modified=True)
        with self._watchdog.guard(response, job.deadline) as guard:
            if 200 <= status < 300:
                body = self._read_body(job, response, guard)
                return _response(job, url, response, body, not_modified=False)
            location = _header(response, "location")
            _drain_short(response)
            if status in REDIRECT_STATUSES and location:
                return status, resolve_location(url, location, job.url)
            retry_after = response.headers.get("retry-after")
            raise status_error(status, response.reason, retry_after, job.url)

    def _read_body(self, job: _Job, response: urllib3.BaseHTTPResponse, guard: _Guard) -> bytes:
        """Stream the body, decoding it, stopping at the size cap or the deadline."""
        _check_declared_length(response, job)
        decoder = ContentDecoder(response.headers.get("content-encoding"), job.url)
        parts: list[bytes] = []
        size = 0
        for raw in _raw_chunks(response):
            if self._clock() > job.deadline:
                raise FetchError("timed out", url=job.url)
            data = decoder.decode(raw, job.cap - size)
            size += len(data)
            if size > job.cap:
                raise TooLargeError(too_large(job.cap), url=job.url)
            parts.append(data)
        if guard.cut:
            # A body that lasts until the connection closes looks complete when the
            # deadline cuts it: it is not.
            raise FetchError("timed out", url=job.url)
        parts.append(decoder.finish())
        return b"".join(parts)


def _raw_chunks(response: urllib3.BaseHTTPResponse) -> Iterator[bytes]:
    """The body as it comes off the wire, still content-encoded, a piece at a time."""
    if response.chunked:
        yield from response.read_chunked(_READ_SIZE, decode_content=False)
        return
    while data := response.read1(_READ_SIZE, decode_content=False):
        yield data


def _drain_short(response: urllib3.BaseHTTPResponse) -> None:
    """Read the rest of a short body nobody wants, so its connection can be reused."""
    declared = response.headers.get("content-length", "").strip()
    if not response.chunked and declared.isdigit() and int(declared) <= _DRAIN_LIMIT:
        response.drain_conn()


def _release(response: urllib3.BaseHTTPResponse) -> None:
    """Hand the response's connection back to its pool.

    A body read to its end has already done so, connection open; otherwise the
    connection is closed first, since what is left of the body would be read as the
    next response.  Either way its place in the pool is freed.
    """
    response.close()
    response.release_conn()


class _Pools:
    """The connection pools: direct ones, and one set per proxy the environment names.

    The proxy settings are read once, when the client is made.  Loopback addresses
    are always reached directly.
    """

    def __init__(
        self, max_connections: int, lookups: _Lookups, ssl_context: ssl.SSLContext
    ) -> None:
        self._options: dict[str, Any] = {
            "num_pools": _HOSTS_KEPT,
            "maxsize": max_connections,
            "block": True,
            "ssl_context": ssl_context,
        }
        self._direct = _DirectPools(lookups, **self._options)
        self.lookups = lookups
        found = urllib.request.getproxies()
        self._proxies = _proxy_urls(found)
        self._no_proxy = found.get("no")
        self._bypassed: dict[str, bool] = {}
        self._by_proxy: dict[str, urllib3.PoolManager] = {}
        self._lock = threading.Lock()

    def proxy_for(self, scheme: str, host: str) -> str | None:
        """The proxy URL for a request to ``host`` over ``scheme``, or ``None``."""
        if not self._proxies:
            return None
        proxy = self._proxies.get(scheme) or self._proxies.get("all")
        if proxy is None or _is_loopback(host) or self._bypasses(host):
            return None
        return proxy

    def manager_for(self, scheme: str, host: str, asked: str) -> urllib3.PoolManager:
        """The pools a request to ``host`` over ``scheme`` takes its connection from."""
        proxy = self.proxy_for(scheme, host)
        if proxy is None:
            return self._direct
        manager = self._by_proxy.get(proxy)
        if manager is None:
            with self._lock:
                manager = self._by_proxy.get(proxy)
                if manager is None:
                    manager = _proxy_manager(proxy, self._options, asked)
                    self._by_proxy[proxy] = manager
        return manager

    def cut_all(self) -> None:
        """Cut every direct connection, busy or idle (those through a proxy are left)."""
        self._direct.lookups.cut_all()

    def close(self) -> None:
        with self._lock:
            managers = [self._direct, *self._by_proxy.values()]
            self._by_proxy.clear()
        for manager in managers:
            manager.clear()

    def _bypasses(self, host: str) -> bool:
        """Whether NO_PROXY (or the system's exceptions) send ``host`` around the proxy."""
        known = self._bypassed.get(host)
        if known is None:
            if self._no_proxy is not None:
                known = _no_proxy_matches(host, self._no_proxy)
            else:
                known = bool(urllib.request.proxy_bypass(host.strip("[]")))
            self._bypassed[host] = known
        return known


# --- looking host names up -----------------------------------------------------------


class _Lookup:
    """One question to the resolver, which every fetch asking it meanwhile waits for."""

    def __init__(self) -> None:
        self.done = threading.Event()
        self.answer: Sequence[tuple[Any, ...]] = ()
        self.error: BaseException | None = None


class _Lookups:
    """Host names looked up on helper threads, each wait bounded by a timeout.

    The system resolver cannot be interrupted, and when no name server answers it
    may retry for far longer than a fetch may take; so it runs on a daemon thread
    and the fetch stops waiting at its connect timeout (the thread is left to end
    on its own).  Fetches asking for the same name at once share one lookup.
    """

    def __init__(self, resolver: Resolver) -> None:
        self._resolver = resolver
        self._lock = threading.Lock()
        self._asked: dict[tuple[str, int, int], _Lookup] = {}
        #: The sockets connected so far that are still open (for :meth:`cut_all`).
        self.sockets: weakref.WeakSet[socket.socket] = weakref.WeakSet()

    def cut_all(self) -> None:
        """Shut down every socket connected through these lookups (a read on one ends)."""
        with self._lock:
            sockets = list(self.sockets)
        for sock in sockets:
            _cut(sock)

    def connected(self, sock: socket.socket) -> None:
        with self._lock:
            self.sockets.add(sock)

    def addresses(
        self, host: str, port: int, family: int, timeout: float | None
    ) -> Sequence[tuple[Any, ...]]:
        """``getaddrinfo``'s answer for *host*; ``socket.gaierror`` if there is none in time."""
        if _is_address(host):
            return self._resolver(host, port, family, socket.SOCK_STREAM)
        key = (host, port, family)
        with self._lock:
            lookup = self._asked.get(key)
            if lookup is None:
                lookup = self._asked[key] = _Lookup()
                threading.Thread(
                    target=self._ask, args=(key, lookup), name="newsreader-lookup", daemon=True
                ).start()
        if not lookup.done.wait(timeout):
            raise socket.gaierror(socket.EAI_AGAIN, "no answer from the name server in time")
        if lookup.error is not None:
            raise lookup.error
        return lookup.answer

    def _ask(self, key: tuple[str, int, int], lookup: _Lookup) -> None:
        host, port, family = key
        try:
            lookup.answer = self._resolver(host, port, family, socket.SOCK_STREAM)
        except BaseException as exc:  # handed to every fetch waiting for this name
            lookup.error = exc
        finally:
            with self._lock:
                self._asked.pop(key, None)
            lookup.done.set()


def _is_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


def _connect(
    addresses: Sequence[tuple[Any, ...]],
    timeout: float | None,
    source_address: tuple[str, int] | None,
    options: Sequence[tuple[int, int, int | bytes]] | None,
) -> socket.socket:
    """A socket connected to the first of *addresses* that answers (as urllib3 does)."""
    error: OSError | None = None
    for family, kind, proto, _name, address in addresses:
        sock = None
        try:
            sock = socket.socket(family, kind, proto)
            for option in options or ():
                sock.setsockopt(*option)
            sock.settimeout(timeout)
            if source_address:
                sock.bind(source_address)
            sock.connect(address)
            return sock
        except OSError as exc:
            error = exc
            if sock is not None:
                sock.close()
    raise error or OSError("the host name has no address")


class _Resolving(HTTPConnection):
    """A connection whose host name is looked up through the client's :class:`_Lookups`."""

    def __init__(self, *args: Any, lookups: _Lookups, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._lookups = lookups

    def _new_conn(self) -> socket.socket:
        timeout = self.timeout if isinstance(self.timeout, (int, float)) else None
        host = self._dns_host.strip("[]")
        try:
            addresses = self._lookups.addresses(
                host, self.port, urllib3.util.connection.allowed_gai_family(), timeout
            )
            sock = _connect(addresses, timeout, self.source_address, self.socket_options)
            self._lookups.connected(sock)
        except socket.gaierror as exc:
            raise NameResolutionError(self.host, self, exc) from exc
        except TimeoutError as exc:
            raise ConnectTimeoutError(
                self, f"Connection to {self.host} timed out. (connect timeout={self.timeout})"
            ) from exc
        except OSError as exc:
            raise NewConnectionError(self, f"Failed to establish a new connection: {exc}") from exc
        return sock


class _ResolvingHTTPS(_Resolving, HTTPSConnection):
    """The TLS kind of :class:`_Resolving` (certificates are checked against the name)."""


class _DirectPools(urllib3.PoolManager):
    """Pools whose connections look host names up through the client's resolver."""

    def __init__(self, lookups: _Lookups, **options: Any) -> None:
        super().__init__(**options)
        self.lookups = lookups

    def _new_pool(
        self,
        scheme: str,
        host: str,
        port: int,
        request_context: dict[str, Any] | None = None,
    ) -> HTTPConnectionPool:
        pool = super()._new_pool(scheme, host, port, request_context)
        pool.ConnectionCls = _ResolvingHTTPS if scheme == "https" else _Resolving
        pool.conn_kw["lookups"] = self.lookups
        return pool


def _proxy_urls(found: dict[str, str]) -> dict[str, str]:
    """The http, https and catch-all ("all") proxies, each as an absolute URL."""
    proxies = {}
    for scheme in ("http", "https", "all"):
        value = (found.get(scheme) or "").strip()
        if value:
            proxies[scheme] = value if "://" in value else f"http://{value}"
    return proxies


def _no_proxy_matches(host: str, no_proxy: str) -> bool:
    """Whether a NO_PROXY list names ``host``.

    Entries are separated by commas or spaces: ``*`` (every host), a domain (itself
    and every name under it, with or without a leading dot or ``*.``), an IP address
    or a network such as ``10.0.0.0/8``.  A port after an entry is ignored.
    """
    bare = host.strip("[]").lower()
    try:
        address: ipaddress.IPv4Address | ipaddress.IPv6Address | None
        address = ipaddress.ip_address(bare)
    except ValueError:
        address = None
    for entry in no_proxy.replace(" ", ",").split(","):
        name = entry.strip().lower()
        if name.startswith("["):  # [IPv6]:port
            name = name[1:].partition("]")[0]
        elif name.count(":") == 1:  # name:port
            name = name.partition(":")[0]
        if name == "*":
            return True
        if address is not None:
            with contextlib.suppress(ValueError):
                if address in ipaddress.ip_network(name, strict=False):
                    return True
            continue
        name = name.removeprefix("*").lstrip(".")
        if name and (bare == name or bare.endswith("." + name)):
            return True
    return False


def _is_loopback(host: str) -> bool:
    bare = host.strip("[]").lower()
    if bare == "localhost" or bare.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(bare).is_loopback
    except ValueError:
        return False


def _proxy_manager(proxy: str, options: dict[str, Any], asked: str) -> urllib3.PoolManager:
    """Pools that reach every host through ``proxy``, with its credentials if it has any."""
    try:
        parsed = parse_url(proxy)
    except LocationValueError as exc:
        raise FetchError("invalid proxy address in the environment", url=asked) from exc
    scheme = parsed.scheme or "http"
    if scheme.startswith("socks"):
        try:
            from urllib3.contrib.socks import SOCKSProxyManager
        except ImportError as exc:
            raise FetchError("a SOCKS proxy needs the PySocks package", url=asked) from exc
        return SOCKSProxyManager(proxy, **options)
    if scheme not in _SCHEMES:
        raise FetchError(f"unsupported proxy scheme {scheme!r}", url=asked)
    proxy_headers = None
    if parsed.auth:
        proxy_headers = make_headers(proxy_basic_auth=unquote(parsed.auth))
    return urllib3.ProxyManager(
        parsed._replace(auth=None).url,
        proxy_headers=proxy_headers,
        proxy_ssl_context=options["ssl_context"] if scheme == "https" else None,
        **options,
    )


def trusted_roots() -> tuple[str | None, str | None]:
    """Where the trusted roots are: ``(file, folder)``, or ``(None, None)`` for the system's.

    SSL_CERT_FILE or SSL_CERT_DIR when set, else certifi's bundle when it is installed.
    """
    cert_file = os.environ.get("SSL_CERT_FILE")
    cert_dir = os.environ.get("SSL_CERT_DIR")
    if cert_file:
        return cert_file, None
    if cert_dir:
        return None, cert_dir
    try:
        import certifi
    except ImportError:
        return None, None
    return certifi.where(), None


def _ssl_context() -> ssl.SSLContext:
    """Certificates and host names checked against the trusted roots (:func:`trusted_roots`),
    the system's own store when none is named."""
    context = create_urllib3_context()
    cafile, capath = trusted_roots()
    if cafile or capath:
        context.load_verify_locations(cafile=cafile, capath=capath)
    else:
        context.load_default_certs()
    return context


@dataclasses.dataclass(frozen=True, slots=True)
class _Job:
    """What stays fixed across the hops of one fetch."""

    url: str
    etag: str | None
    last_modified: str | None
    cap: int
    deadline: float
    clock: Callable[[], float]


def request_headers(
    etag: str | None,
    last_modified: str | None,
    accept: str | None,
) -> dict[str, str]:
    """Accept plus the validators that can be sent back verbatim.

    A validator that is not plain printable ASCII is left out rather than risk a
    malformed request: without it the fetch is merely unconditional.
    """
    headers = {"Accept": accept or DEFAULT_ACCEPT}
    if etag and _sendable(etag):
        headers["If-None-Match"] = etag
    if last_modified and _sendable(last_modified):
        headers["If-Modified-Since"] = last_modified
    return headers


def _sendable(value: str) -> bool:
    """Whether a header value is safe to send back as is (no control or 8-bit characters)."""
    return value.isascii() and value.isprintable()


def check_scheme(url: str, asked: str) -> Url:
    """Refuse anything that is not an absolute http(s) URL, redirect targets included."""
    try:
        parsed = parse_url(url)
    except (LocationValueError, TypeError) as exc:
        raise FetchError(f"invalid URL: {url}", url=asked) from exc
    if not parsed.scheme:
        raise FetchError(f"not an absolute http(s) URL: {url}", url=asked)
    if parsed.scheme not in _SCHEMES:
        raise FetchError(
            f"unsupported URL scheme {parsed.scheme!r}: only http and https can be fetched",
            url=asked,
        )
    if not parsed.host:
        raise FetchError(f"invalid URL (no host): {url}", url=asked)
    return parsed


def resolve_location(base: str, location: str, asked: str) -> str:
    """The absolute target of a Location header, which may be relative."""
    try:
        return urljoin(base, location.strip())
    except ValueError as exc:
        raise FetchError(f"invalid redirect target: {location}", url=asked) from exc


def _canonical(url: Url) -> str:
    """One spelling per address, so loops are caught despite cosmetic differences."""
    port = None if url.port == DEFAULT_PORTS.get(url.scheme or "") else url.port
    return url._replace(port=port, path=url.path or "/", fragment=None).url


#: One fetch's walk through its redirects (:func:`redirect_walk`): it gives the URL to
#: ask next, takes that hop's answer, and returns the finished response.
RedirectWalk = Generator[tuple[str, Url], FetchResponse | tuple[int, str], FetchResponse]


def redirect_walk(url: str, target: Url, max_redirects: int) -> RedirectWalk:
    """Fetch *url* (parsed as *target*) one hop at a time, following redirects by hand.

    Each hop is given as ``(url, parsed url)``; the caller asks for it and sends back
    a finished response or a redirect's ``(status, absolute target)``.  Redirects are
    counted (more than *max_redirects* is an error) and a loop is caught; when every
    hop was permanent (301/308) the answer says where the document lives now.  A
    generator, so that a client asking one URL at a time (:func:`follow_redirects`) and
    one asking many at once (:class:`newsreader.fetch.curl_http.CurlBatch`) follow the
    same rules.
    """
    current = url
    seen: set[str] = set()  # filled at the first redirect: most fetches have none
    redirects = 0
    permanent = True
    while True:
        answer = yield current, target
        if isinstance(answer, FetchResponse):
            if not (permanent and redirects > 0):
                return answer
            return dataclasses.replace(answer, permanent_url=current)
        status, location = answer
        if not seen:
            seen.add(_canonical(target))
        redirects += 1
        if redirects > max_redirects:
            raise FetchError(
                f"too many redirects (more than {max_redirects})", url=url, status=status
            )
        target = check_scheme(location, url)
        if _canonical(target) in seen:
            raise FetchError(f"redirect loop at {location}", url=url, status=status)
        seen.add(_canonical(target))
        permanent = permanent and status in _PERMANENT_STATUSES
        current = target.url


def follow_redirects(
    url: str,
    target: Url,
    hop: Callable[[str, Url], FetchResponse | tuple[int, str]],
    max_redirects: int,
) -> FetchResponse:
    """Fetch *url* through :func:`redirect_walk`, *hop* asking for each URL in turn.

    *hop* gives a finished response or a redirect's ``(status, absolute target)``.
    """
    walk = redirect_walk(url, target, max_redirects)
    step = next(walk)
    try:
        while True:
            step = walk.send(hop(*step))
    except StopIteration as finished:
        response: FetchResponse = finished.value
        return response


def header_text(value: str | None) -> str | None:
    """A header's text as the server meant it: bytes that are UTF-8 read as UTF-8, not
    as the Latin-1 that HTTP headers are decoded with."""
    if value is None or value.isascii():
        return value
    try:
        return value.encode("latin-1").decode("utf-8")
    except UnicodeError:
        return value


def _header(response: urllib3.BaseHTTPResponse, name: str) -> str | None:
    """A header's text (:func:`header_text`)."""
    return header_text(response.headers.get(name))


def _response(
    job: _Job,
    url: str,
    response: urllib3.BaseHTTPResponse,
    body: bytes,
    *,
    not_modified: bool,
) -> FetchResponse:
    """Build the result; a 304 that omits validators keeps the ones that were sent."""
    etag = _header(response, "etag")
    last_modified = _header(response, "last-modified")
    if not_modified:
        etag = etag or job.etag
        last_modified = last_modified or job.last_modified
    return FetchResponse(
        url=job.url,
        final_url=url,
        permanent_url=None,
        not_modified=not_modified,
        body=body,
        content_type=_header(response, "content-type"),
        etag=etag,
        last_modified=last_modified,
        status=response.status,
    )


def _check_declared_length(response: urllib3.BaseHTTPResponse, job: _Job) -> None:
    """Refuse up front a body whose Content-Length is already over the cap."""
    declared = response.headers.get("content-length", "").strip()
    if declared.isdigit() and int(declared) > job.cap:
        raise TooLargeError(too_large(job.cap, int(declared)), url=job.url)


def too_large(cap: int, declared: int | None = None) -> str:
    if declared is None:
        return f"response too large (over {cap} bytes)"
    return f"response too large ({declared} bytes, limit {cap})"


def status_error(status: int, reason: str | None, retry_after: str | None, url: str) -> FetchError:
    """The error an unwanted status stands for (*retry_after*: that header, if sent)."""
    try:
        phrase = http.HTTPStatus(status).phrase
    except ValueError:
        phrase = reason or ""
    message = f"HTTP {status} {phrase}".rstrip()
    if status == 410:
        return FeedGoneError(message, url=url, status=status)
    if status in _RETRY_LATER_STATUSES:
        return RetryLaterError(
            message, url=url, status=status, retry_after=parse_retry_after(retry_after)
        )
    if status in REDIRECT_STATUSES:
        message += " without a Location"
    return FetchError(message, url=url, status=status)


def _host_label(target: Url) -> str:
    """Where a request connects to: the host, and the port when the URL names one."""
    host = (target.host or "").lower()
    return host if target.port is None else f"{host}:{target.port}"


def _translate(exc: BaseException, job: _Job, host: str) -> FetchError:
    """A human message for a transport failure.

    When no connection could be made to *host* at all (its name did not resolve,
    it refused, connecting timed out) the error says so by its class.
    """
    message = _transport_message(exc, job)
    # NewConnectionError and NameResolutionError are ConnectTimeoutErrors too.
    if isinstance(exc, ConnectTimeoutError):
        return UnreachableHostError(message, url=job.url, host=host)
    return FetchError(message, url=job.url)


def _transport_message(exc: BaseException, job: _Job) -> str:
    if isinstance(exc, EmptyPoolError):
        return "timed out waiting for a free connection"
    if isinstance(exc, ProxyError):
        return f"the proxy failed: {_transport_message(exc.original_error, job)}"
    if isinstance(exc, ConnectTimeoutError) and not isinstance(exc, NewConnectionError):
        return "timed out while connecting"
    causes = _causes(exc)
    if (
        (isinstance(exc, Urllib3TimeoutError) and not isinstance(exc, NewConnectionError))
        or any(isinstance(c, TimeoutError) for c in causes)
        or job.clock() >= job.deadline
    ):
        return "timed out"
    if any(isinstance(c, ConnectionRefusedError) for c in causes):
        return "connection refused"
    if any(isinstance(c, socket.gaierror) and c.errno == socket.EAI_AGAIN for c in causes):
        return "host not found (the name server did not answer)"
    if any(isinstance(c, socket.gaierror) for c in causes):
        return "host not found"
    for cause in causes:
        if isinstance(cause, ssl.SSLCertVerificationError):
            return f"secure connection failed: certificate not trusted ({cause.verify_message})"
        if isinstance(cause, ssl.SSLError):
            detail = (cause.reason or "").replace("_", " ").lower() or str(cause)
            return f"secure connection failed: {detail}"
    if isinstance(exc, NewConnectionError):
        return f"could not connect: {_detail(causes)}"
    if any(isinstance(c, http.client.HTTPException) for c in causes):
        return f"the server broke the HTTP protocol: {_detail(causes)}"
    if any(isinstance(c, OSError) for c in causes):
        return f"connection lost: {_detail(causes)}"
    if isinstance(exc, ProtocolError):
        return f"the server broke the HTTP protocol: {_detail(causes)}"
    return f"HTTP failure: {_detail(causes)}"


def _causes(exc: BaseException) -> list[BaseException]:
    """``exc`` and every exception it was raised from, while handling, or wraps."""
    chain: list[BaseException] = []
    pending: list[BaseException | None] = [exc]
    while pending:
        current = pending.pop(0)
        if current is None or any(current is seen for seen in chain):
            continue
        chain.append(current)
        if current.__cause__ is not None or current.__suppress_context__:
            pending.append(current.__cause__)
        else:
            pending.append(current.__context__)
        pending.extend(arg for arg in current.args if isinstance(arg, BaseException))
    return chain


def _detail(causes: list[BaseException]) -> str:
    """What went wrong in the words of the innermost error that has any."""
    for cause in reversed(causes):
        if isinstance(cause, http.client.BadStatusLine) and not isinstance(
            cause, http.client.RemoteDisconnected
        ):
            return f"invalid status line {str(cause).strip()[:80]!r}"
        if not isinstance(cause, HTTPError) and str(cause):
            return str(cause)
    first = causes[0]
    if first.args and isinstance(first.args[0], str):
        return first.args[0]
    return str(first) or type(first).__name__


class ContentDecoder:
    """Undoes gzip/deflate content-encoding without ever exceeding the room left."""

    def __init__(self, content_encoding: str | None, url: str) -> None:
        codings = [c.strip().lower() for c in (content_encoding or "").split(",")]
        codings = [c for c in codings if c and c != "identity"]
        self._url = url
        self._deflate = codings == ["deflate"]
        self._started = False
        if not codings:
            self._zlib = None
        elif codings in (["gzip"], ["x-gzip"]):
            self._zlib = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif self._deflate:
            self._zlib = zlib.decompressobj()
        else:
            raise FetchError(f"unsupported content encoding {content_encoding!r}", url=url)

    def decode(self, data: bytes, room: int) -> bytes:
        """Decode ``data``; at most ``room + 1`` bytes come out (one more means too large)."""
        if self._zlib is None:
            return data
        try:
            out = self._zlib.decompress(data, max(room, 0) + 1)
        except zlib.error as exc:
            if not (self._deflate and not self._started):
                raise FetchError("corrupt compressed response", url=self._url) from exc
            # Some servers send raw deflate data where a zlib stream is due.
            self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)
            self._started = True
            return self.decode(data, room)
        self._started = True
        return out

    def finish(self) -> bytes:
        if self._zlib is None:
            return b""
        try:
            return self._zlib.flush()
        except zlib.error as exc:
            raise FetchError("corrupt compressed response", url=self._url) from exc


class _Watchdog:
    """One thread that cuts the sockets of responses running past their deadline.

    urllib3 bounds each read, not a whole fetch; without this a server that stalls
    just before the deadline would hold a fetch for one more full read timeout.
    Shutting the socket down wakes the blocked read, which then fails (or, for a
    body that lasts until the connection closes, ends: :attr:`_Guard.cut` tells).
    """

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._cond = threading.Condition()
        self._heap: list[tuple[float, int]] = []
        self._guards: dict[int, _Guard] = {}
        self._tokens = itertools.count()
        self._thread: threading.Thread | None = None
        self._closed = False

    def guard(self, response: urllib3.BaseHTTPResponse, deadline: float) -> _Guard:
        """A context in which the response's socket is cut once ``deadline`` passes."""
        sock = _socket_of(response)
        if sock is None:
            return _Guard(self, None, -1)
        with self._cond:
            if self._closed:
                return _Guard(self, None, -1)
            guard = _Guard(self, sock, next(self._tokens))
            self._guards[guard.token] = guard
            heapq.heappush(self._heap, (deadline, guard.token))
            self._start()
            if self._heap[0][1] == guard.token:  # the thread sleeps until a later one
                self._cond.notify()
        return guard

    def cut_all(self) -> None:
        """Cut every socket watched now, whatever its deadline."""
        with self._cond:
            guards = list(self._guards.values())
            self._guards.clear()
        for guard in guards:
            guard.cut = True
            if guard.sock is not None:
                _cut(guard.sock)

    def release(self, guard: _Guard) -> None:
        """Stop watching; after this the socket is never touched (it may be reused)."""
        with self._cond:
            self._guards.pop(guard.token, None)

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._guards.clear()
            self._cond.notify()
        if self._thread is not None:
            self._thread.join()

    def _start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._run,
                name="newsreader-fetch-deadlines",
                daemon=True,
            )
            self._thread.start()

    def _run(self) -> None:
        with self._cond:
            while not self._closed:
                if not self._heap:
                    self._cond.wait()
                    continue
                deadline, token = self._heap[0]
                if token not in self._guards:
                    heapq.heappop(self._heap)
                    continue
                wait = deadline - self._clock()
                if wait > 0:
                    self._cond.wait(wait)
                    continue
                heapq.heappop(self._heap)
                guard = self._guards.pop(token)
                guard.cut = True
                if guard.sock is not None:
                    _cut(guard.sock)


def _socket_of(response: urllib3.BaseHTTPResponse) -> socket.socket | None:
    """The socket a response's body arrives on, or ``None`` if it cannot be found.

    A kept-alive connection holds it.  When the server said it would close the
    connection after this response, the connection has already let go of it, and
    only the reader of the body still refers to it.
    """
    sock = _plain_socket(getattr(response.connection, "sock", None))
    if sock is not None:
        return sock
    body = getattr(response, "_fp", None)  # the standard library's HTTPResponse
    stream = getattr(getattr(body, "fp", None), "raw", None)  # its reader's SocketIO
    return _plain_socket(getattr(stream, "_sock", None))


def _plain_socket(candidate: object) -> socket.socket | None:
    """``candidate`` if it is a socket, or the socket it wraps (TLS inside TLS)."""
    if isinstance(candidate, socket.socket):
        return candidate
    inner = getattr(candidate, "socket", None)
    return inner if isinstance(inner, socket.socket) else None


def _cut(sock: socket.socket) -> None:
    """Shut a socket down so a read blocked on it returns at once."""
    # The plain-socket method, also for TLS sockets, so their state is left alone.
    with contextlib.suppress(OSError):
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


class _Guard:
    """Context manager pairing :meth:`_Watchdog.guard` with :meth:`_Watchdog.release`."""

    def __init__(self, watchdog: _Watchdog, sock: socket.socket | None, token: int) -> None:
        self._watchdog = watchdog
        self.sock = sock
        self.token = token
        #: Set (by the watchdog's thread) once the deadline has cut the socket.
        self.cut = False

    def __enter__(self) -> _Guard:
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self.sock is not None:
            self._watchdog.release(self)
