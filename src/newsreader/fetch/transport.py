"""Where feed bytes come from: a small protocol, routed by URL prefix.

HTTP(S) goes to :class:`newsreader.fetch.http.HttpClient` (and, for the thousands of
pictures of the work after the news, to libcurl under its rules:
:mod:`newsreader.fetch.curl_http`); the bundled demo host
(``https://demo.newsreader.invalid/``, a name that never resolves) is answered from
``resources/demo`` so the demo works with no network.  Tests and the shared-cache
fetcher plug in their own transports the same way.
"""

from __future__ import annotations

import hashlib
import mimetypes
import queue
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from newsreader.core.demo import DEMO_BASE, demo_file
from newsreader.core.errors import FetchError
from newsreader.core.paths import resources_dir
from newsreader.core.update_records import FetchResponse
from newsreader.fetch.demo_dates import demo_shift, shift_dates

if TYPE_CHECKING:  # imported where first used: urllib3 and the client cost a start-up
    from newsreader.fetch.curl_http import CurlClient
    from newsreader.fetch.http import HttpClient, Resolver

#: How the client that fetches pictures and icons after the news is bounded: shorter
#: than a feed's, since one picture is worth less than one feed.
SIDE_CONNECT_TIMEOUT = 5.0
SIDE_READ_TIMEOUT = 10.0
SIDE_TOTAL_TIMEOUT = 20.0


class Transport(Protocol):
    def get(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        max_bytes: int | None = None,
        accept: str | None = None,
    ) -> FetchResponse: ...

    def close(self) -> None: ...


#: What one fetch of a batch ends in: the response, or the error that stands for it.
Outcome = FetchResponse | Exception


class FetchBatch(Protocol):
    """Many fetches at once: started one by one, their outcomes taken as they come.

    A transport that can ask many URLs at once without a thread each has a
    ``batch(threads)`` method giving one (libcurl's is
    :class:`~newsreader.fetch.curl_http.CurlBatch`); :func:`batch_of` gives every
    other transport a :class:`ThreadedBatch`.
    """

    def start(
        self, url: str, *, max_bytes: int | None = None, accept: str | None = None
    ) -> None: ...

    def wait(self, timeout: float) -> list[tuple[str, Outcome]]: ...

    def under_way(self) -> int: ...

    def close(self) -> None: ...


def batch_of(transport: Transport, threads: int) -> FetchBatch:
    """A batch fetching through *transport*: its own kind when it has one, else up to
    *threads* threads each asking one URL at a time."""
    make: Callable[[int], FetchBatch] | None = getattr(transport, "batch", None)
    return make(threads) if make is not None else ThreadedBatch(transport, threads)


class DaemonThreads:
    """Up to *most* daemon threads running jobs, started as jobs come.

    Daemon threads: one left waiting for a silent name server or a slow server when
    its batch is closed ends on its own and never holds the process up at exit (an
    executor's threads are waited for then).
    """

    def __init__(self, most: int) -> None:
        self._most = max(1, most)
        self._started = 0
        self._jobs: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()

    def submit(self, work: Callable[..., Any], *args: Any, **kwargs: Any) -> Future[Any]:
        """Run ``work(*args, **kwargs)`` on one of the threads; its future."""
        future: Future[Any] = Future()
        self._jobs.put((future, work, args, kwargs))
        if self._started < self._most:
            self._started += 1
            threading.Thread(target=self._run, name="newsreader-fetch", daemon=True).start()
        return future

    def close(self) -> None:
        """Each thread ends after the jobs queued before this (cancelled ones are skipped)."""
        for _ in range(self._started):
            self._jobs.put(None)

    def _run(self) -> None:
        while (job := self._jobs.get()) is not None:
            future, work, args, kwargs = job
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(work(*args, **kwargs))
            except BaseException as exc:  # the job's outcome, handed to whoever waits
                future.set_exception(exc)


#: A job of :class:`DaemonThreads`: its future, the work and its arguments.
_Job = tuple[Future[Any], Callable[..., Any], tuple[Any, ...], dict[str, Any]]


def outcome_of(done: Future[Any]) -> Outcome:
    """What a finished fetch's future holds: its response, or the error it ended in."""
    try:
        response: FetchResponse = done.result()
    except Exception as exc:  # the fetch's outcome, whatever it is
        return exc
    return response


class ThreadedBatch:
    """A batch for any transport: up to *threads* threads, each asking one URL at a time.

    Closing lets a fetch under way end on its own; its outcome is not waited for.
    """

    def __init__(self, transport: Transport, threads: int) -> None:
        self._transport = transport
        self._threads = DaemonThreads(threads)
        self._outcomes: queue.SimpleQueue[tuple[str, Outcome]] = queue.SimpleQueue()
        self._under_way = 0

    def start(self, url: str, *, max_bytes: int | None = None, accept: str | None = None) -> None:
        self._under_way += 1
        job = self._threads.submit(self._transport.get, url, max_bytes=max_bytes, accept=accept)
        job.add_done_callback(lambda done: self._outcomes.put((url, outcome_of(done))))

    def under_way(self) -> int:
        return self._under_way

    def wait(self, timeout: float) -> list[tuple[str, Outcome]]:
        if not self._under_way:
            return []
        try:
            done = [self._outcomes.get(timeout=timeout)]
        except queue.Empty:
            return []
        while True:
            try:
                done.append(self._outcomes.get_nowait())
            except queue.Empty:
                break
        self._under_way -= len(done)
        return done

    def close(self) -> None:
        self._threads.close()


class _RoutedBatch:
    """A batch of a :class:`RoutingTransport`: each URL to a batch of its route's transport."""

    def __init__(self, routing: RoutingTransport, threads: int) -> None:
        self._routing = routing
        self._threads = threads
        #: One batch per transport, by the transport's identity, made when first needed.
        self._batches: dict[int, FetchBatch] = {}

    def start(self, url: str, *, max_bytes: int | None = None, accept: str | None = None) -> None:
        transport = self._routing.route_for(url)
        batch = self._batches.get(id(transport))
        if batch is None:
            batch = self._batches[id(transport)] = batch_of(transport, self._threads)
        batch.start(url, max_bytes=max_bytes, accept=accept)

    def under_way(self) -> int:
        return sum(batch.under_way() for batch in self._batches.values())

    def wait(self, timeout: float) -> list[tuple[str, Outcome]]:
        busy = [batch for batch in self._batches.values() if batch.under_way()]
        if len(busy) <= 1:
            return busy[0].wait(timeout) if busy else []
        ends = time.monotonic() + timeout
        while True:  # more than one kind at once (demo pictures beside real ones): take turns
            done = [outcome for batch in busy for outcome in batch.wait(0)]
            left = ends - time.monotonic()
            if done or left <= 0:
                return done
            done = busy[0].wait(min(left, _TURN_S))
            if done:
                return done

    def close(self) -> None:
        for batch in self._batches.values():
            batch.close()


#: How long a routed batch with fetches of several kinds waits on one kind at a time.
_TURN_S = 0.01


#: Demo documents whose dates follow the calendar (see :mod:`newsreader.fetch.demo_dates`).
_DATED_SUFFIXES = frozenset({".xml", ".atom", ".rss"})


class DemoTransport:
    """Answers ``https://demo.newsreader.invalid/<path>`` from ``resources/demo/<path>``.

    Feed and comment documents are served with their dates moved so that the
    newest demo story is from yesterday (*today* tells the day; tests set it).
    """

    def __init__(self, root: Path | None = None, *, today: Callable[[], date] = date.today) -> None:
        self.root = (root or resources_dir() / "demo").resolve()
        self.today = today

    def get(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        max_bytes: int | None = None,
        accept: str | None = None,
    ) -> FetchResponse:
        path = demo_file(url, self.root)
        if path is None:
            raise FetchError("HTTP 404 Not Found", url=url, status=404)
        body = path.read_bytes()
        if path.suffix in _DATED_SUFFIXES:
            body = shift_dates(body, demo_shift(self.today()))
        if max_bytes is not None and len(body) > max_bytes:
            raise FetchError("response larger than the size limit", url=url)
        tag = '"' + hashlib.sha1(body).hexdigest() + '"'
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if content_type in ("application/xml", "text/xml"):
            content_type = "application/xml; charset=utf-8"
        if etag == tag:
            return FetchResponse(url, url, None, True, b"", content_type, tag, None, 304)
        return FetchResponse(url, url, None, False, body, content_type, tag, None, 200)

    def close(self) -> None:
        pass


class RoutingTransport:
    """Sends each URL to the transport registered for its prefix; HTTP for the rest.

    The HTTP client is created on first use, so commands that never fetch never
    import it; *resolver* is how it looks host names up (the system's way by default).
    """

    def __init__(
        self,
        routes: dict[str, Transport] | None = None,
        *,
        http: HttpClient | CurlClient | _LazyClient | None = None,
        resolver: Resolver | None = None,
        owns_routes: bool = True,
    ) -> None:
        self._routes: dict[str, Transport] = {DEMO_BASE: DemoTransport()}
        self._routes.update(routes or {})
        self._http = http
        self._resolver = resolver
        self._owns_routes = owns_routes
        self._lock = threading.Lock()

    def _default(self) -> HttpClient | CurlClient | _LazyClient:
        """The client for every URL no route claims.

        The feeds' is the HttpClient: libcurl would ask 200 unchanged feeds in a quarter
        less time, but each of its connections keeps a copy of the trusted roots, some
        0.7 MB, where the HttpClient's share one (``benchmarks/README.md``).
        """
        with self._lock:
            if self._http is None:
                from newsreader.fetch.http import HttpClient

                self._http = HttpClient(resolver=self._resolver)
            return self._http

    def side_transport(self, *, ends_by: float | None) -> SideTransport:
        """A transport for the work after the news (pictures, icons).

        Same routes, but an HTTP client of its own, so it never takes a connection a
        feed needs, with shorter timeouts and every fetch over by *ends_by*
        (``time.monotonic``).
        """
        default = self._default()
        http = _LazyClient(lambda: _side_client(_http_of(default), ends_by))
        routes = dict(self._routes)
        return SideTransport(RoutingTransport(routes, http=http, owns_routes=False), http)

    def batch(self, threads: int) -> FetchBatch:
        """Many fetches at once, each through its route's transport (see :class:`FetchBatch`)."""
        return _RoutedBatch(self, threads)

    def route_for(self, url: str) -> Transport:
        for prefix, transport in self._routes.items():
            if url.startswith(prefix):
                return transport
        return self._default()

    def get(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        max_bytes: int | None = None,
        accept: str | None = None,
    ) -> FetchResponse:
        return self.route_for(url).get(
            url, etag=etag, last_modified=last_modified, max_bytes=max_bytes, accept=accept
        )

    def close(self) -> None:
        if self._owns_routes:
            for transport in self._routes.values():
                transport.close()
        if self._http is not None:
            self._http.close()


class SideTransport:
    """The transport of the work after the news, which can be stopped all at once."""

    def __init__(
        self, transport: Transport, http: HttpClient | CurlClient | _LazyClient | None = None
    ) -> None:
        self._transport = transport
        self._http = http

    def get(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        max_bytes: int | None = None,
        accept: str | None = None,
    ) -> FetchResponse:
        return self._transport.get(
            url, etag=etag, last_modified=last_modified, max_bytes=max_bytes, accept=accept
        )

    def batch(self, threads: int) -> FetchBatch:
        """Many fetches at once through this transport (see :class:`FetchBatch`)."""
        return batch_of(self._transport, threads)

    def stop(self) -> None:
        """End the HTTP fetches under way now (a transport of a test's own is left be)."""
        if self._http is not None:
            self._http.stop()

    def close(self) -> None:
        """Close what this side transport made; the profile's own transport stays open."""
        if self._http is not None:
            self._transport.close()


def side_transport(transport: Transport, *, ends_by: float | None) -> SideTransport:
    """The transport for the work after the news of a profile whose transport is *transport*.

    A :class:`RoutingTransport` or an :class:`HttpClient` gives one with connections
    of its own; any other transport (a test's) is used as it is.
    """
    from newsreader.fetch.http import HttpClient

    if isinstance(transport, RoutingTransport):
        return transport.side_transport(ends_by=ends_by)
    if isinstance(transport, HttpClient):
        http = _LazyClient(lambda: _side_client(transport, ends_by))
        return SideTransport(http, http)
    return SideTransport(transport)


def _http_of(client: HttpClient | CurlClient | _LazyClient) -> HttpClient:
    """The HttpClient whose rules *client* fetches by."""
    from newsreader.fetch.http import HttpClient

    if isinstance(client, _LazyClient):
        return _http_of(client.client())
    return client if isinstance(client, HttpClient) else client.http


class _LazyClient:
    """An HTTP client made when the first fetch needs it, and stoppable before that.

    The side work's client is libcurl's, and importing pycurl costs the process some
    6 MB: a refresh whose work after the news fetches nothing (no new pictures, no
    icons to look for) never pays it.
    """

    def __init__(self, make: Callable[[], HttpClient | CurlClient]) -> None:
        self._make = make
        self._client: HttpClient | CurlClient | None = None
        self._stopped = False
        self._closed = False
        self._lock = threading.Lock()

    def client(self) -> HttpClient | CurlClient:
        with self._lock:
            if self._client is None:
                if self._closed:
                    raise RuntimeError("the HTTP client is closed")
                self._client = self._make()
                if self._stopped:
                    self._client.stop()
            return self._client

    def get(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        max_bytes: int | None = None,
        accept: str | None = None,
    ) -> FetchResponse:
        return self.client().get(
            url, etag=etag, last_modified=last_modified, max_bytes=max_bytes, accept=accept
        )

    def batch(self, threads: int) -> FetchBatch:
        """A batch of the client, which is made now (see :class:`FetchBatch`)."""
        return batch_of(self.client(), threads)

    def stop(self) -> None:
        with self._lock:
            self._stopped = True
            client = self._client
        if client is not None:
            client.stop()

    def close(self) -> None:
        with self._lock:
            self._closed = True
            client = self._client
        if client is not None:
            client.close()


def _side_client(http: HttpClient, ends_by: float | None) -> HttpClient | CurlClient:
    """The side work's client: shorter timeouts, connections of its own, over by *ends_by*;
    libcurl's where pycurl is installed (thousands of pictures at a fraction of the CPU)."""
    side = http.sibling(
        connect_timeout=SIDE_CONNECT_TIMEOUT,
        read_timeout=SIDE_READ_TIMEOUT,
        total_timeout=SIDE_TOTAL_TIMEOUT,
        ends_by=ends_by,
    )
    return _with_libcurl(side)


def _with_libcurl(http: HttpClient) -> HttpClient | CurlClient:
    """A :class:`CurlClient` fetching by *http*'s rules; *http* itself without pycurl."""
    try:
        from newsreader.fetch.curl_http import CurlClient
    except ImportError:  # no wheel of pycurl for this platform
        return http
    return CurlClient(http)
