"""The HTTP client that fetches feeds: conditional GET, redirects, caps and deadlines.

Feed hosts are many and not all of them are well behaved, so every fetch is bounded:
redirects are followed by hand (to count them, catch loops and learn whether a feed
moved for good), bodies are streamed and cut off past a size cap (counted after
decompression, which this module does itself so a compression bomb cannot balloon in
memory), and each fetch has a total deadline on top of the per-read timeouts, so a
server dripping a byte now and then cannot hold a refresh worker forever.

One :class:`HttpClient` is shared by the whole refresh pipeline: it owns a single
pooled :class:`httpx.Client`, so unchanged feeds cost one keep-alive round trip each.
It is safe to call :meth:`HttpClient.get` from many threads at once.
"""

from __future__ import annotations

import contextlib
import dataclasses
import heapq
import http
import itertools
import socket
import ssl
import threading
import time
import zlib
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from types import TracebackType
from typing import Any

import httpx

from newsreader import __version__
from newsreader.core.errors import FeedGoneError, FetchError, RetryLaterError, TooLargeError

#: What a feed reader prefers; HTML is accepted so feed discovery can read pages.
DEFAULT_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/xml;q=0.9, "
    "text/xml;q=0.9, text/html;q=0.5, */*;q=0.1"
)
_ACCEPT_ENCODING = "gzip, deflate"
_SCHEMES = frozenset({"http", "https"})
_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_PERMANENT_STATUSES = frozenset({301, 308})
_RETRY_LATER_STATUSES = frozenset({429, 503})


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


@dataclasses.dataclass(frozen=True, slots=True)
class FetchResponse:
    """The outcome of one successful (2xx or 304) fetch."""

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


class HttpClient:
    """A pooled, thread-safe feed fetcher with bounded time, size and redirects."""

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
    ) -> None:
        self._connect_timeout = connect_timeout
        self._read_timeout = read_timeout
        self._total_timeout = total_timeout
        self._max_bytes = max_bytes
        self._max_redirects = max_redirects
        self._client = _CookielessClient(
            follow_redirects=False,
            timeout=httpx.Timeout(connect_timeout, read=read_timeout),
            limits=httpx.Limits(
                max_connections=max_connections,
                max_keepalive_connections=max_connections,
            ),
            headers={
                "User-Agent": user_agent or default_user_agent(),
                "Accept-Encoding": _ACCEPT_ENCODING,
            },
        )
        self._watchdog = _Watchdog()

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
        self._watchdog.close()
        self._client.close()

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
        _check_scheme(url, url)
        job = _Job(
            url=url,
            etag=etag,
            last_modified=last_modified,
            cap=self._max_bytes if max_bytes is None else max_bytes,
            deadline=time.monotonic() + self._total_timeout,
        )
        headers = _request_headers(etag, last_modified, accept)
        current = url
        seen: set[str] = set()  # filled at the first redirect: most fetches have none
        redirects = 0
        permanent = True
        while True:
            answer = self._hop(job, current, headers)
            if isinstance(answer, FetchResponse):
                return _with_redirects(answer, current, permanent and redirects > 0)
            status, location = answer
            if not seen:
                seen.add(_normalized(url))
            redirects += 1
            if redirects > self._max_redirects:
                raise FetchError(
                    f"too many redirects (more than {self._max_redirects})",
                    url=url,
                    status=status,
                )
            _check_scheme(location, url)
            if _normalized(location) in seen:
                raise FetchError(f"redirect loop at {location}", url=url, status=status)
            seen.add(_normalized(location))
            permanent = permanent and status in _PERMANENT_STATUSES
            current = location

    # -- one request --------------------------------------------------------------

    def _hop(
        self,
        job: _Job,
        url: str,
        headers: dict[str, str],
    ) -> FetchResponse | tuple[int, str]:
        """Request ``url`` once: a finished response, or a redirect's (status, target)."""
        timeouts = self._timeouts(job)
        try:
            with self._client.stream("GET", url, headers=headers, timeout=timeouts) as response:
                return self._answer(job, url, response)
        except httpx.HTTPError as exc:
            raise _translate(exc, job) from exc
        except httpx.InvalidURL as exc:
            raise FetchError(f"invalid URL: {url}", url=job.url) from exc

    def _timeouts(self, job: _Job) -> httpx.Timeout:
        """Per-operation timeouts, none longer than what is left of the deadline."""
        left = job.deadline - time.monotonic()
        if left <= 0:
            raise FetchError("timed out", url=job.url)
        return httpx.Timeout(
            connect=min(self._connect_timeout, left),
            read=min(self._read_timeout, left),
            write=min(self._read_timeout, left),
            pool=left,
        )

    def _answer(
        self,
        job: _Job,
        url: str,
        response: httpx.Response,
    ) -> FetchResponse | tuple[int, str]:
        """Turn a response into a result, a redirect to follow, or an error."""
        status = response.status_code
        location = response.headers.get("location")
        if status in _REDIRECT_STATUSES and location:
            return status, _resolve(response.url, location, job.url)
        if status == 304:
            _drain_empty(response)
            return _response(job, url, response, b"", not_modified=True)
        if 200 <= status < 300:
            body = self._read_body(job, response)
            return _response(job, url, response, body, not_modified=False)
        raise _status_error(response, job.url)

    def _read_body(self, job: _Job, response: httpx.Response) -> bytes:
        """Stream the body, decoding it, stopping at the size cap or the deadline."""
        _check_declared_length(response, job)
        decoder = _Decoder(response.headers.get("content-encoding"), job.url)
        parts: list[bytes] = []
        size = 0
        with self._watchdog.guard(response, job.deadline):
            for raw in response.iter_raw():
                if time.monotonic() > job.deadline:
                    raise FetchError("timed out", url=job.url)
                data = decoder.decode(raw, job.cap - size)
                size += len(data)
                if size > job.cap:
                    raise TooLargeError(_too_large(job.cap), url=job.url)
                parts.append(data)
        parts.append(decoder.finish())
        return b"".join(parts)


class _NoCookies(httpx.Cookies):
    """A cookie jar that stays empty: what servers set is not kept."""

    def extract_cookies(self, response: httpx.Response) -> None:
        return None


class _CookielessClient(httpx.Client):
    """An ``httpx.Client`` that neither keeps nor sends cookies.

    Feeds do not need them, and a news site's cookies mostly exist to follow its
    readers; keeping them would let every source recognise the reader on each
    refresh.  It also saves the cookie jar's work on every response.
    """

    @property
    def cookies(self) -> httpx.Cookies:
        return _NO_COOKIES

    @cookies.setter
    def cookies(self, value: Any) -> None:
        if value:
            raise ValueError("this client does not keep cookies")


_NO_COOKIES = _NoCookies()


@dataclasses.dataclass(frozen=True, slots=True)
class _Job:
    """What stays fixed across the hops of one fetch."""

    url: str
    etag: str | None
    last_modified: str | None
    cap: int
    deadline: float


def _request_headers(
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


def _check_scheme(url: str, asked: str) -> None:
    """Refuse anything that is not an absolute http(s) URL, redirect targets included."""
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError) as exc:
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


def _resolve(base: httpx.URL, location: str, asked: str) -> str:
    """The absolute target of a Location header, which may be relative."""
    try:
        return str(base.join(location.strip()))
    except httpx.InvalidURL as exc:
        raise FetchError(f"invalid redirect target: {location}", url=asked) from exc


def _normalized(url: str) -> str:
    """A URL as httpx spells it, so loops are caught despite cosmetic differences."""
    return str(httpx.URL(url).copy_with(fragment=None))


def _with_redirects(answer: FetchResponse, final: str, permanent: bool) -> FetchResponse:
    """Mark the result of a chain of permanent redirects with its new home."""
    if not permanent:
        return answer
    return dataclasses.replace(answer, permanent_url=final)


def _response(
    job: _Job,
    url: str,
    response: httpx.Response,
    body: bytes,
    *,
    not_modified: bool,
) -> FetchResponse:
    """Build the result; a 304 that omits validators keeps the ones that were sent."""
    etag = response.headers.get("etag")
    last_modified = response.headers.get("last-modified")
    if not_modified:
        etag = etag or job.etag
        last_modified = last_modified or job.last_modified
    return FetchResponse(
        url=job.url,
        final_url=url,
        permanent_url=None,
        not_modified=not_modified,
        body=body,
        content_type=response.headers.get("content-type"),
        etag=etag,
        last_modified=last_modified,
        status=response.status_code,
    )


def _drain_empty(response: httpx.Response) -> None:
    """Read a 304's (empty) body so its connection goes back to the pool."""
    for _chunk in response.iter_raw():
        pass


def _check_declared_length(response: httpx.Response, job: _Job) -> None:
    """Refuse up front a body whose Content-Length is already over the cap."""
    declared = response.headers.get("content-length", "").strip()
    if declared.isdigit() and int(declared) > job.cap:
        raise TooLargeError(_too_large(job.cap, int(declared)), url=job.url)


def _too_large(cap: int, declared: int | None = None) -> str:
    if declared is None:
        return f"response too large (over {cap} bytes)"
    return f"response too large ({declared} bytes, limit {cap})"


def _reason(response: httpx.Response) -> str:
    try:
        return http.HTTPStatus(response.status_code).phrase
    except ValueError:
        return response.reason_phrase


def _status_error(response: httpx.Response, url: str) -> FetchError:
    """The error an unwanted status stands for."""
    status = response.status_code
    message = f"HTTP {status} {_reason(response)}".rstrip()
    if status == 410:
        return FeedGoneError(message, url=url, status=status)
    if status in _RETRY_LATER_STATUSES:
        retry_after = parse_retry_after(response.headers.get("retry-after"))
        return RetryLaterError(message, url=url, status=status, retry_after=retry_after)
    if status in _REDIRECT_STATUSES:
        message += " without a Location"
    return FetchError(message, url=url, status=status)


def _translate(exc: httpx.HTTPError, job: _Job) -> FetchError:
    """A human message for a transport failure."""
    return FetchError(_transport_message(exc, job), url=job.url)


def _transport_message(exc: httpx.HTTPError, job: _Job) -> str:
    if isinstance(exc, httpx.PoolTimeout):
        return "timed out waiting for a free connection"
    if isinstance(exc, httpx.ConnectTimeout):
        return "timed out while connecting"
    if isinstance(exc, httpx.TimeoutException) or time.monotonic() >= job.deadline:
        return "timed out"
    causes = _causes(exc)
    if any(isinstance(c, ConnectionRefusedError) for c in causes):
        return "connection refused"
    if any(isinstance(c, socket.gaierror) for c in causes):
        return "host not found"
    for cause in causes:
        if isinstance(cause, ssl.SSLCertVerificationError):
            return f"secure connection failed: certificate not trusted ({cause.verify_message})"
        if isinstance(cause, ssl.SSLError):
            detail = (cause.reason or "").replace("_", " ").lower() or str(cause)
            return f"secure connection failed: {detail}"
    if isinstance(exc, httpx.ConnectError):
        return f"could not connect: {exc}"
    if isinstance(exc, httpx.RemoteProtocolError):
        return f"the server broke the HTTP protocol: {exc}"
    if isinstance(exc, httpx.NetworkError):
        return f"connection lost: {exc}"
    return f"HTTP failure: {exc}"


def _causes(exc: BaseException) -> list[BaseException]:
    """``exc`` and every exception it was raised from or while handling."""
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in chain:
        chain.append(current)
        current = current.__cause__ or current.__context__
    return chain


class _Decoder:
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
    """One thread that cuts the sockets of body reads running past their deadline.

    httpx bounds each read, not a whole fetch; without this a server that stalls
    just before the deadline would hold a fetch for one more full read timeout.
    Shutting the socket down wakes the blocked read, which then fails.
    """

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._heap: list[tuple[float, int]] = []
        self._sockets: dict[int, socket.socket] = {}
        self._tokens = itertools.count()
        self._thread: threading.Thread | None = None
        self._closed = False

    def guard(self, response: httpx.Response, deadline: float) -> _Guard:
        """A context in which the response's socket is cut once ``deadline`` passes."""
        stream = response.extensions.get("network_stream")
        sock = stream.get_extra_info("socket") if stream is not None else None
        if not isinstance(sock, socket.socket):
            return _Guard(self, None)
        with self._cond:
            if self._closed:
                return _Guard(self, None)
            token = next(self._tokens)
            self._sockets[token] = sock
            heapq.heappush(self._heap, (deadline, token))
            self._start()
            self._cond.notify()
        return _Guard(self, token)

    def release(self, token: int) -> None:
        """Stop watching; after this the socket is never touched (it may be reused)."""
        with self._cond:
            self._sockets.pop(token, None)

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._sockets.clear()
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
                if token not in self._sockets:
                    heapq.heappop(self._heap)
                    continue
                wait = deadline - time.monotonic()
                if wait > 0:
                    self._cond.wait(wait)
                    continue
                heapq.heappop(self._heap)
                _cut(self._sockets.pop(token))


def _cut(sock: socket.socket) -> None:
    """Shut a socket down so a read blocked on it returns at once."""
    # The plain-socket method, also for TLS sockets, so their state is left alone.
    with contextlib.suppress(OSError):
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


class _Guard:
    """Context manager pairing :meth:`_Watchdog.guard` with :meth:`_Watchdog.release`."""

    def __init__(self, watchdog: _Watchdog, token: int | None) -> None:
        self._watchdog = watchdog
        self._token = token

    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc_info: object) -> None:
        if self._token is not None:
            self._watchdog.release(self._token)
