"""HTTP through libcurl, for the work after the news: thousands of pictures, fast.

A refresh brings thousands of pictures: small answers, most from a few hosts.
Through urllib3 each one costs some 0.6 to 0.9 ms of Python (the request, the
header parsing, the response object), all of it under the interpreter's lock, so
the picture threads mostly wait for one another.  libcurl (through pycurl) does the
whole exchange in C with the lock released, at about 0.12 ms of CPU a request here:
the pictures come twice as fast (``benchmarks/README.md``).  The feeds themselves
stay with the HttpClient: each libcurl connection keeps its own copy of the trusted
roots (some 0.7 MB for certifi's), where the HttpClient's connections share one.

The rules are :class:`~newsreader.fetch.http.HttpClient`'s, and so are its errors
and their words, which the work after the news and its tests rely on: host names
looked up through the client's resolver (each answer kept for
:data:`ADDRESS_TTL_S`, every wait bounded by the connect timeout), redirects
followed by hand (counted, loops caught, only to http and https), the body decoded
by the HttpClient's own decoder so the size cap counts decoded bytes as they come,
a total deadline and the client's *ends_by*, a read that stalls ends, certificates
checked against the same roots, no cookies.  A URL the environment sends through a
proxy is handed to the HttpClient this client was made from: proxies, with their
credentials and exceptions, are its business.

Fetches take a curl handle from the client's idle ones (a new one when none is
idle) and give it back: its kept-alive connections serve the next fetch, whichever
thread makes it.
"""

from __future__ import annotations

import errno as errno_codes
import os
import socket
import threading
from collections.abc import Callable

import pycurl
from urllib3.util import Url
from urllib3.util.connection import allowed_gai_family

from newsreader.core.errors import FetchError, TooLargeError, UnreachableHostError
from newsreader.core.update_records import FetchResponse
from newsreader.fetch.http import (
    ACCEPT_ENCODING,
    DEFAULT_PORTS,
    REDIRECT_STATUSES,
    ContentDecoder,
    HttpClient,
    check_scheme,
    follow_redirects,
    header_text,
    request_headers,
    resolve_location,
    status_error,
    too_large,
    trusted_roots,
)

__all__ = ["ADDRESS_TTL_S", "CurlClient"]

#: How long a host's looked-up addresses are used before it is looked up again.
ADDRESS_TTL_S = 60.0

#: libcurl's errors, by what the HttpClient calls them.
_CONNECTING = frozenset({pycurl.E_COULDNT_CONNECT, pycurl.E_COULDNT_RESOLVE_HOST})
_SECURE = frozenset(
    {
        pycurl.E_SSL_CONNECT_ERROR,
        pycurl.E_SSL_CERTPROBLEM,
        pycurl.E_SSL_CIPHER,
        pycurl.E_SSL_CACERT_BADFILE,
        pycurl.E_SSL_ENGINE_NOTFOUND,
        pycurl.E_SSL_ENGINE_SETFAILED,
    }
)
_LOST = frozenset({pycurl.E_RECV_ERROR, pycurl.E_SEND_ERROR})
#: An answer that is no HTTP (CURLE_UNSUPPORTED_PROTOCOL, 1, for "HTTP/0.9"), ends
#: short of its length or before its status line, or is malformed (CURLE_WEIRD_SERVER_REPLY,
#: 8, and CURLE_HTTP2_STREAM, 92, which pycurl does not name).
_PROTOCOL = frozenset({1, 8, pycurl.E_PARTIAL_FILE, pycurl.E_GOT_NOTHING, pycurl.E_HTTP2, 92})


class CurlClient:
    """Fetches with libcurl under the rules of *http*, the client it stands in for.

    *http* keeps what it knows (timeouts, caps, agent, clock, resolver, proxies) and
    fetches the URLs that go through a proxy.  Closing this client closes *http*.
    Safe to call :meth:`get` from many threads at once.
    """

    def __init__(self, http: HttpClient) -> None:
        settings = http.settings
        self._http = http
        self._connect_timeout: float = settings["connect_timeout"]
        self._read_timeout: float = settings["read_timeout"]
        self._max_bytes: int = settings["max_bytes"]
        self._max_redirects: int = settings["max_redirects"]
        self._clock: Callable[[], float] = settings["clock"]
        self._agent = http.user_agent
        self._cafile, self._capath = trusted_roots()
        #: (host, port) -> (addresses, until when they are trusted, on the client's clock)
        self._addresses: dict[tuple[str, int], tuple[str, float]] = {}
        self._lock = threading.Lock()
        #: The handles no fetch is using, the last one used on top.
        self._idle: list[pycurl.Curl] = []
        self._stopped = False
        self._closed = False

    def get(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        max_bytes: int | None = None,
        accept: str | None = None,
    ) -> FetchResponse:
        """Fetch *url* as :meth:`HttpClient.get <newsreader.fetch.http.HttpClient.get>` does."""
        if self._closed:
            raise RuntimeError("the HTTP client is closed")
        target = check_scheme(url, url)
        if self._http.proxy_for(target) is not None:
            return self._http.get(
                url, etag=etag, last_modified=last_modified, max_bytes=max_bytes, accept=accept
            )
        fetch = _Fetch(
            url=url,
            etag=etag,
            last_modified=last_modified,
            cap=self._max_bytes if max_bytes is None else max_bytes,
            deadline=self._http.deadline(),
            headers=[
                f"{k}: {v}"
                for k, v in {
                    **request_headers(etag, last_modified, accept),
                    "Accept-Encoding": ACCEPT_ENCODING,
                }.items()
            ],
        )
        return follow_redirects(
            url, target, lambda current, at: self._hop(fetch, current, at), self._max_redirects
        )

    def __enter__(self) -> CurlClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @property
    def http(self) -> HttpClient:
        """The client whose rules this one fetches by (and which fetches through proxies)."""
        return self._http

    def stop(self) -> None:
        """End every fetch: those under way fail within about a second, later ones at once."""
        self._stopped = True
        self._http.stop()

    def close(self) -> None:
        """Close the connections kept alive (those of fetches under way close as they end)."""
        with self._lock:
            self._closed = True
            handles, self._idle = self._idle, []
        for handle in handles:
            handle.close()
        self._http.close()

    # -- one request --------------------------------------------------------------

    def _handle(self) -> pycurl.Curl:
        """A handle no other fetch is using, with the connections it kept alive."""
        with self._lock:
            handle = self._idle.pop() if self._idle else None
        if handle is None:
            return pycurl.Curl()
        handle.reset()  # every option again; the kept-alive connections stay
        return handle

    def _put_back(self, handle: pycurl.Curl) -> None:
        with self._lock:
            if not self._closed:
                self._idle.append(handle)
                return
        handle.close()

    def _hop(self, fetch: _Fetch, url: str, target: Url) -> FetchResponse | tuple[int, str]:
        left = fetch.deadline - self._clock()
        if self._stopped or left <= 0:
            raise FetchError("timed out", url=fetch.url)
        host = (target.host or "").lower()
        label = host if target.port is None else f"{host}:{target.port}"
        port = target.port or DEFAULT_PORTS[target.scheme or "http"]
        resolved = self._address(host, port, min(self._connect_timeout, left), fetch, label)
        handle = self._handle()
        try:
            if resolved is not None:
                handle.setopt(pycurl.RESOLVE, [f"{host}:{port}:{resolved}"])
            answer = _Answer(fetch.cap, fetch.url)
            self._configure(handle, fetch, url, answer, left)
            try:
                handle.perform()
            except pycurl.error as exc:
                code, message = exc.args
                raise self._failure(handle, code, message, answer, fetch, label) from exc
            status = int(handle.getinfo(pycurl.RESPONSE_CODE))
        finally:
            self._put_back(handle)
        if status == 304:
            return self._response(fetch, url, answer, status, not_modified=True)
        if 200 <= status < 300:
            return self._response(fetch, url, answer, status, not_modified=False)
        location = answer.header("location")
        if status in REDIRECT_STATUSES and location:
            return status, resolve_location(url, location, fetch.url)
        raise status_error(status, answer.reason(), answer.header("retry-after"), fetch.url)

    def _address(
        self, host: str, port: int, timeout: float, fetch: _Fetch, label: str
    ) -> str | None:
        """The addresses to connect to for *host*, as libcurl takes them (``"a,b"``);
        None when the URL names an address itself.

        An answer is kept for :data:`ADDRESS_TTL_S`, as libcurl keeps its own: the
        pictures of one host ask once, and a host that moves is found again.
        """
        if host.startswith("[") or _is_ipv4(host):
            return None
        now = self._clock()
        known = self._addresses.get((host, port))
        if known is not None and known[1] > now:
            return known[0]
        try:
            found = self._http.lookups.addresses(host, port, allowed_gai_family(), timeout)
        except socket.gaierror as exc:
            words = "host not found"
            if exc.errno == socket.EAI_AGAIN:
                words += " (the name server did not answer)"
            raise UnreachableHostError(words, url=fetch.url, host=label) from exc
        # every address, in the resolver's order: libcurl tries the next when one fails
        addresses = dict.fromkeys(
            f"[{sockaddr[0]}]" if family == socket.AF_INET6 else str(sockaddr[0])
            for family, _kind, _proto, _name, sockaddr in found
        )
        if not addresses:
            raise UnreachableHostError("host not found", url=fetch.url, host=label)
        address = ",".join(addresses)
        self._addresses[(host, port)] = (address, now + ADDRESS_TTL_S)
        return address

    def _configure(
        self, handle: pycurl.Curl, fetch: _Fetch, url: str, answer: _Answer, left: float
    ) -> None:
        deadline = fetch.deadline
        clock = self._clock

        def progress(*_counts: int) -> int:
            return 1 if self._stopped or clock() > deadline else 0

        handle.setopt(pycurl.URL, url)
        handle.setopt(pycurl.PROTOCOLS, pycurl.PROTO_HTTP | pycurl.PROTO_HTTPS)
        handle.setopt(pycurl.PROXY, "")  # this URL goes direct (see get): not the environment's
        handle.setopt(pycurl.NOSIGNAL, 1)
        handle.setopt(pycurl.USERAGENT, self._agent)
        handle.setopt(pycurl.HTTPHEADER, fetch.headers)
        # the body comes as sent: the HttpClient's decoder undoes gzip and deflate, so
        # the cap counts decoded bytes as they come and other encodings are refused
        handle.setopt(pycurl.HTTP_CONTENT_DECODING, 0)
        connect_ms = int(min(self._connect_timeout, left) * 1000)
        handle.setopt(pycurl.CONNECTTIMEOUT_MS, max(1, connect_ms))
        handle.setopt(pycurl.TIMEOUT_MS, max(1, int(left * 1000)))
        handle.setopt(pycurl.LOW_SPEED_LIMIT, 1)
        handle.setopt(pycurl.LOW_SPEED_TIME, max(1, round(self._read_timeout)))
        handle.setopt(pycurl.MAXFILESIZE_LARGE, fetch.cap)
        handle.setopt(pycurl.WRITEFUNCTION, answer.write)
        handle.setopt(pycurl.HEADERFUNCTION, answer.lines.append)
        handle.setopt(pycurl.NOPROGRESS, 0)
        handle.setopt(pycurl.XFERINFOFUNCTION, progress)
        if self._cafile:
            handle.setopt(pycurl.CAINFO, self._cafile)
        if self._capath:
            handle.setopt(pycurl.CAPATH, self._capath)

    def _failure(
        self,
        handle: pycurl.Curl,
        code: int,
        message: str,
        answer: _Answer,
        fetch: _Fetch,
        label: str,
    ) -> FetchError:
        """The HttpClient's error for what libcurl reports."""
        url = fetch.url
        connected = float(handle.getinfo(pycurl.CONNECT_TIME)) > 0
        if answer.error is not None:
            return answer.error
        if answer.too_large or code == pycurl.E_FILESIZE_EXCEEDED:
            declared = (answer.header("content-length") or "").strip()
            if declared.isdigit() and int(declared) > fetch.cap:
                return TooLargeError(too_large(fetch.cap, int(declared)), url=url)
            return TooLargeError(too_large(fetch.cap), url=url)
        if code == pycurl.E_OPERATION_TIMEDOUT and not connected:
            return UnreachableHostError("timed out while connecting", url=url, host=label)
        if code in (pycurl.E_OPERATION_TIMEDOUT, pycurl.E_ABORTED_BY_CALLBACK):
            return FetchError("timed out", url=url)
        if code in _CONNECTING:
            number = int(handle.getinfo(pycurl.OS_ERRNO))
            if number == errno_codes.ECONNREFUSED:
                words = "connection refused"
            elif code == pycurl.E_COULDNT_RESOLVE_HOST:
                words = "host not found"
            else:
                words = f"could not connect: {os.strerror(number) if number else message}"
            return UnreachableHostError(words, url=url, host=label)
        if code == pycurl.E_PEER_FAILED_VERIFICATION:
            return FetchError(
                f"secure connection failed: certificate not trusted ({_last_words(message)})",
                url=url,
            )
        if code in _SECURE:
            return FetchError(f"secure connection failed: {_last_words(message)}", url=url)
        if code in _LOST:
            return FetchError(f"connection lost: {message}", url=url)
        if code in _PROTOCOL:
            return FetchError(f"the server broke the HTTP protocol: {message}", url=url)
        return FetchError(f"HTTP failure: {message}", url=url)

    @staticmethod
    def _response(
        fetch: _Fetch, url: str, answer: _Answer, status: int, *, not_modified: bool
    ) -> FetchResponse:
        etag = answer.header("etag")
        last_modified = answer.header("last-modified")
        if not_modified:
            etag = etag or fetch.etag
            last_modified = last_modified or fetch.last_modified
        return FetchResponse(
            url=fetch.url,
            final_url=url,
            permanent_url=None,
            not_modified=not_modified,
            body=b"" if not_modified else answer.body(),
            content_type=answer.header("content-type"),
            etag=etag,
            last_modified=last_modified,
            status=status,
        )


class _Fetch:
    """What stays fixed across the hops of one fetch."""

    __slots__ = ("cap", "deadline", "etag", "headers", "last_modified", "url")

    def __init__(
        self,
        *,
        url: str,
        etag: str | None,
        last_modified: str | None,
        cap: int,
        deadline: float,
        headers: list[str],
    ) -> None:
        self.url = url
        self.etag = etag
        self.last_modified = last_modified
        self.cap = cap
        self.deadline = deadline
        self.headers = headers


class _Answer:
    """One response as libcurl hands it over: header lines, then the body as sent."""

    __slots__ = (
        "_decoder",
        "_headers",
        "cap",
        "error",
        "lines",
        "parts",
        "size",
        "too_large",
        "url",
    )

    def __init__(self, cap: int, url: str) -> None:
        self.cap = cap
        self.url = url
        self.parts: list[bytes] = []
        self.size = 0
        self.too_large = False
        #: What went wrong while the body came (libcurl only hears that it must stop).
        self.error: FetchError | None = None
        #: Header lines as they came (appended by libcurl; read once, when asked).
        self.lines: list[bytes] = []
        self._headers: dict[str, str] | None = None
        self._decoder: ContentDecoder | None = None

    def write(self, data: bytes) -> int | None:
        """Take a piece of the body; 0 tells libcurl to stop (too large, or undecodable)."""
        try:
            if self._decoder is None:
                self._decoder = ContentDecoder(self.header("content-encoding"), self.url)
            decoded = self._decoder.decode(data, self.cap - self.size)
        except FetchError as exc:
            self.error = exc
            return 0
        self.size += len(decoded)
        if self.size > self.cap:
            self.too_large = True
            return 0
        self.parts.append(decoded)
        return None

    def body(self) -> bytes:
        """The whole decoded body (raises what a truncated compressed stream is)."""
        if self._decoder is None:  # no body came: its coding is still checked
            self._decoder = ContentDecoder(self.header("content-encoding"), self.url)
        self.parts.append(self._decoder.finish())
        return b"".join(self.parts)

    def header(self, name: str) -> str | None:
        return header_text(self._read_head().get(name))

    def reason(self) -> str:
        """The status line's reason phrase, as the server wrote it."""
        return self._read_head().get(":reason", "")

    def _read_head(self) -> dict[str, str]:
        if self._headers is None:
            # the last answer's lines only: an interim one (100 Continue) does not count
            text = b"".join(self.lines).decode("iso-8859-1").rpartition("\r\nHTTP/")[2]
            status_line, *lines = text.split("\r\n")
            words = status_line.split(" ", 2)  # "HTTP/1.1 599 Overloaded" ("1.1 ..." after it)
            self._headers = {":reason": words[2].strip() if len(words) > 2 else ""}
            for line in lines:
                key, colon, value = line.partition(":")
                if colon:
                    self._headers[key.strip().lower()] = value.strip()
        return self._headers


def _last_words(message: str) -> str:
    """What a TLS library's message says, without its codes: ``"OpenSSL/3: error:0A00010B:SSL
    routines::wrong version number"`` is "wrong version number"."""
    words = message.rpartition(":")[2].strip().lower()
    words = " ".join("".join(c if c.isalpha() else " " for c in words).split())
    return words or "the secure connection could not be made"


def _is_ipv4(host: str) -> bool:
    try:
        socket.inet_aton(host)
    except OSError:
        return False
    return host.count(".") == 3
