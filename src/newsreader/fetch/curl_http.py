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
import time
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future
from concurrent.futures import wait as futures_wait
from typing import Any

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
    RedirectWalk,
    check_scheme,
    follow_redirects,
    header_text,
    redirect_walk,
    request_headers,
    resolve_location,
    status_error,
    too_large,
    trusted_roots,
)
from newsreader.fetch.transport import DaemonThreads, Outcome, outcome_of

__all__ = ["ADDRESS_TTL_S", "CurlBatch", "CurlClient"]

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
        fetch = self._new_fetch(url, etag, last_modified, max_bytes, accept)
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

    def batch(self, threads: int) -> CurlBatch:
        """Many fetches at once on the thread that waits for them (see :class:`CurlBatch`);
        host names are looked up on up to *threads* threads meanwhile."""
        if self._closed:
            raise RuntimeError("the HTTP client is closed")
        return CurlBatch(self, lookup_threads=threads)

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
        left = self._time_left(fetch)
        host, port, label = _where(target)
        resolved = self._address(host, port, min(self._connect_timeout, left), fetch, label)
        handle = self._handle()
        try:
            answer = self._ready(handle, fetch, url, (host, port, resolved), watch=True)
            try:
                handle.perform()
            except pycurl.error as exc:
                code, message = exc.args
                raise self._failure(handle, code, message, answer, fetch, label) from exc
            status = int(handle.getinfo(pycurl.RESPONSE_CODE))
        finally:
            self._put_back(handle)
        return self._answered(fetch, url, answer, status)

    def _new_fetch(
        self,
        url: str,
        etag: str | None,
        last_modified: str | None,
        max_bytes: int | None,
        accept: str | None,
    ) -> _Fetch:
        return _Fetch(
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

    def _time_left(self, fetch: _Fetch) -> float:
        """Seconds the fetch has left; its end ("timed out") when stopped or none are left."""
        left = fetch.deadline - self._clock()
        if self._stopped or left <= 0:
            raise FetchError("timed out", url=fetch.url)
        return left

    def _ready(
        self,
        handle: pycurl.Curl,
        fetch: _Fetch,
        url: str,
        where: tuple[str, int, str | None],
        *,
        watch: bool,
    ) -> _Answer:
        """*handle* set up to ask for *url* at *where* (host, port, its addresses); what
        will hold the answer.  *watch*: a progress callback ends the transfer on stop."""
        host, port, resolved = where
        if resolved is not None:
            handle.setopt(pycurl.RESOLVE, [f"{host}:{port}:{resolved}"])
        answer = _Answer(fetch.cap, fetch.url)
        self._configure(handle, fetch, url, answer, self._time_left(fetch), watch=watch)
        return answer

    def _answered(
        self, fetch: _Fetch, url: str, answer: _Answer, status: int
    ) -> FetchResponse | tuple[int, str]:
        """A hop's finished response, or the redirect it asks for (``(status, target)``)."""
        if status == 304:
            return self._response(fetch, url, answer, status, not_modified=True)
        if 200 <= status < 300:
            return self._response(fetch, url, answer, status, not_modified=False)
        location = answer.header("location")
        if status in REDIRECT_STATUSES and location:
            return status, resolve_location(url, location, fetch.url)
        raise status_error(status, answer.reason(), answer.header("retry-after"), fetch.url)

    def _known_address(self, host: str, port: int) -> tuple[bool, str | None]:
        """``(True, addresses)`` when no lookup is needed (``None``: the URL names an
        address itself), ``(False, None)`` when *host* must be looked up."""
        if host.startswith("[") or _is_ipv4(host):
            return True, None
        known = self._addresses.get((host, port))
        if known is not None and known[1] > self._clock():
            return True, known[0]
        return False, None

    def _address(
        self, host: str, port: int, timeout: float, fetch: _Fetch, label: str
    ) -> str | None:
        """The addresses to connect to for *host*, as libcurl takes them (``"a,b"``);
        None when the URL names an address itself.

        An answer is kept for :data:`ADDRESS_TTL_S`, as libcurl keeps its own: the
        pictures of one host ask once, and a host that moves is found again.
        """
        known, address = self._known_address(host, port)
        if known:
            return address
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
        joined = ",".join(addresses)
        self._addresses[(host, port)] = (joined, self._clock() + ADDRESS_TTL_S)
        return joined

    def _configure(
        self,
        handle: pycurl.Curl,
        fetch: _Fetch,
        url: str,
        answer: _Answer,
        left: float,
        *,
        watch: bool,
    ) -> None:
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
        if watch:  # a batch looks at the stop and the clock itself, between transfers
            deadline = fetch.deadline
            clock = self._clock

            def progress(*_counts: int) -> int:
                return 1 if self._stopped or clock() > deadline else 0

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


#: Connections a batch keeps alive between transfers (libcurl's default follows how
#: many transfers are under way, which falls to none between pictures).
_KEPT_CONNECTIONS = 64
#: How often a batch waiting for host names looks whether one has come.
_LOOKUP_POLL_S = 0.01
#: How often a batch looks at its fetches' deadlines while none of them moves.
_CLOCK_POLL_S = 0.1


class CurlBatch:
    """Many fetches at once, driven by the thread that waits for them: libcurl's multi
    interface.

    The picture stage starts a fetch for every picture it has room for and takes
    each answer as it comes (:meth:`wait`).  libcurl moves every transfer along in
    C on that one thread, so a picture costs no thread of its own and no handing of
    the interpreter's lock from thread to thread.  The rules are the client's:
    redirects by hand (:func:`~newsreader.fetch.http.redirect_walk`), its caps,
    deadlines, decoder, roots and errors.  Host names not known yet are looked up
    on up to *lookup_threads* threads, so a name server that does not answer holds
    only the fetches of that host; so are URLs the environment sends through a
    proxy, which the HttpClient fetches.  Not thread-safe: one thread starts and
    waits.  Stopping the client ends every fetch under way, each "timed out".
    """

    def __init__(self, client: CurlClient, *, lookup_threads: int) -> None:
        self._client = client
        self._lookup_threads = max(1, lookup_threads)
        self._multi = pycurl.CurlMulti()
        # connections are kept for the next transfers, however few are under way
        self._multi.setopt(pycurl.M_MAXCONNECTS, _KEPT_CONNECTIONS)
        self._free: list[pycurl.Curl] = []
        self._running: dict[pycurl.Curl, _Transfer] = {}
        #: Work on the threads (lookups, proxied fetches): the URL asked for, the job,
        #: and what to do with its result.
        self._waiting: list[tuple[str, Future[Any], Callable[[Future[Any]], None]]] = []
        self._threads: DaemonThreads | None = None
        self._finished: list[tuple[str, Outcome]] = []
        self._closed = False

    def start(
        self,
        url: str,
        *,
        max_bytes: int | None = None,
        accept: str | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> None:
        """Begin fetching *url*; its outcome comes from :meth:`wait`, errors included.

        The arguments are :meth:`CurlClient.get`'s.
        """
        if self._closed:
            raise RuntimeError("the batch is closed")
        client = self._client
        try:
            target = check_scheme(url, url)
        except FetchError as exc:
            self._finished.append((url, exc))
            return
        if client.http.proxy_for(target) is not None:
            job = self._pool().submit(
                client.http.get,
                url,
                etag=etag,
                last_modified=last_modified,
                max_bytes=max_bytes,
                accept=accept,
            )
            self._waiting.append(
                (url, job, lambda done: self._finished.append((url, outcome_of(done))))
            )
            return
        fetch = client._new_fetch(url, etag, last_modified, max_bytes, accept)
        walk = redirect_walk(url, target, client._max_redirects)
        self._hop(_Transfer(fetch, walk), next(walk))

    def under_way(self) -> int:
        """Fetches started whose outcome :meth:`wait` has not given yet."""
        return len(self._running) + len(self._waiting) + len(self._finished)

    def wait(self, timeout: float) -> list[tuple[str, Outcome]]:
        """The fetches that ended, as ``(url, outcome)``; waits up to *timeout* for one."""
        ends = time.monotonic() + timeout
        while True:
            self._drive()
            if self._finished or not (self._running or self._waiting):
                break
            left = ends - time.monotonic()
            if left <= 0:
                break
            if not self._running:
                futures_wait([job for _url, job, _then in self._waiting], left, FIRST_COMPLETED)
                continue
            # until a socket is ready, libcurl has a timer due, or the deadlines (on the
            # client's clock) and the lookups are to be looked at again
            pause = min(left, _LOOKUP_POLL_S if self._waiting else _CLOCK_POLL_S)
            due_ms = self._multi.timeout()
            self._multi.select(pause if due_ms < 0 else min(pause, due_ms / 1000))
        done, self._finished = self._finished, []
        return done

    def close(self) -> None:
        """End what is under way (never waiting for a lookup) and let the connections go."""
        if self._closed:
            return
        self._closed = True
        self._end_all()
        for handle in self._free:
            handle.close()
        self._free.clear()
        self._multi.close()
        if self._threads is not None:
            self._threads.close()

    def _pool(self) -> DaemonThreads:
        if self._threads is None:
            self._threads = DaemonThreads(self._lookup_threads)
        return self._threads

    def _hop(self, transfer: _Transfer, step: tuple[str, Url]) -> None:
        """Ask for the URL *step* names: at once when its host's addresses are known."""
        url, target = step
        client = self._client
        try:
            left = client._time_left(transfer.fetch)
            host, port, label = _where(target)
            known, resolved = client._known_address(host, port)
        except FetchError as exc:
            self._finished.append((transfer.fetch.url, exc))
            return
        transfer.url, transfer.label = url, label
        if known:
            try:
                self._add(transfer, (host, port, resolved))
            except FetchError as exc:
                self._finished.append((transfer.fetch.url, exc))
            return
        timeout = min(client._connect_timeout, left)
        job = self._pool().submit(client._address, host, port, timeout, transfer.fetch, label)

        def looked_up(done: Future[Any]) -> None:
            try:
                self._add(transfer, (host, port, done.result()))
            except Exception as exc:  # the fetch's outcome, whatever it is
                self._finished.append((transfer.fetch.url, exc))

        self._waiting.append((transfer.fetch.url, job, looked_up))

    def _add(self, transfer: _Transfer, where: tuple[str, int, str | None]) -> None:
        if self._free:
            handle = self._free.pop()
            handle.reset()  # every option again; the multi keeps the connections
        else:
            handle = pycurl.Curl()
        try:
            transfer.answer = self._client._ready(
                handle, transfer.fetch, transfer.url, where, watch=False
            )
        except FetchError:
            self._free.append(handle)
            raise
        self._running[handle] = transfer
        self._multi.add_handle(handle)

    def _drive(self) -> None:
        """Move every transfer along, and take in what ended and what was looked up."""
        if self._waiting:
            ready = [(job, then) for _url, job, then in self._waiting if job.done()]
            if ready:
                self._waiting = [w for w in self._waiting if not w[1].done()]
                for job, then in ready:
                    then(job)
        if self._client._stopped:
            self._end_all()
            return
        if not self._running:
            return
        now = self._client._clock()  # deadlines on the client's clock, as a fetch alone has
        late = [h for h, transfer in self._running.items() if now > transfer.fetch.deadline]
        for handle in late:
            self._ended(handle, pycurl.E_ABORTED_BY_CALLBACK, "past the deadline")
        while self._multi.perform()[0] == pycurl.E_CALL_MULTI_PERFORM:
            pass
        while True:
            queued, ended, failed = self._multi.info_read()
            for handle in ended:
                self._ended(handle, None, "")
            for handle, code, message in failed:
                self._ended(handle, code, message)
            if not queued:
                break

    def _ended(self, handle: pycurl.Curl, code: int | None, message: str) -> None:
        transfer = self._running.pop(handle)
        self._multi.remove_handle(handle)
        client = self._client
        fetch = transfer.fetch
        try:
            if code is not None:
                error = client._failure(
                    handle, code, message, transfer.answer, fetch, transfer.label
                )
                error.__cause__ = pycurl.error(code, message)
                raise error
            status = int(handle.getinfo(pycurl.RESPONSE_CODE))
        except FetchError as exc:
            self._finished.append((fetch.url, exc))
            return
        finally:
            self._free.append(handle)  # read: free for the next transfer
        try:
            answered = client._answered(fetch, transfer.url, transfer.answer, status)
            step = transfer.walk.send(answered)
        except StopIteration as finished:
            self._finished.append((fetch.url, finished.value))
        except FetchError as exc:
            self._finished.append((fetch.url, exc))
        else:
            self._hop(transfer, step)

    def _end_all(self) -> None:
        """Every fetch under way ends, "timed out" (stopped, or the batch closed)."""
        for handle, transfer in list(self._running.items()):
            self._multi.remove_handle(handle)
            self._free.append(handle)
            self._finished.append(
                (transfer.fetch.url, FetchError("timed out", url=transfer.fetch.url))
            )
        self._running.clear()
        for url, job, _then in self._waiting:
            job.cancel()  # a lookup under way ends on its own; its answer is not waited for
            self._finished.append((url, FetchError("timed out", url=url)))
        self._waiting.clear()


class _Transfer:
    """One fetch of a batch, from hop to hop."""

    __slots__ = ("answer", "fetch", "label", "url", "walk")

    def __init__(self, fetch: _Fetch, walk: RedirectWalk) -> None:
        self.fetch = fetch
        self.walk = walk
        self.url = fetch.url
        self.label = ""
        self.answer = _Answer(fetch.cap, fetch.url)


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


def _where(target: Url) -> tuple[str, int, str]:
    """The host of *target* (lower-case), the port to connect to, and the host as errors name it."""
    host = (target.host or "").lower()
    label = host if target.port is None else f"{host}:{target.port}"
    return host, target.port or DEFAULT_PORTS[target.scheme or "http"], label
