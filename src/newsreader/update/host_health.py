"""Which hosts answer, within one refresh's work after the news; and when that work stops.

On a bad network (a captive portal, a hotel's DNS, a site that is down) every
picture of an unreachable host would wait out its own timeout.  Here one failure
to reach a host (its name not found, the connection refused, connecting timed
out) is remembered for the rest of the run: the host's other pictures and icons
are not asked for, and the host is reported with the reason and how many were
skipped.  Nothing is remembered beyond the run: the next refresh asks again.

:class:`HostQueue` hands URLs to download workers so that no host gets more than
its share of them (one at a time until it has answered once, then
:data:`PER_HOST`), :class:`HostGuard` is the transport those workers use, and
:class:`StageStop` is the stop flag of the whole stage: set by the user, by a newer
refresh, or by the clock when the stage's time budget runs out.
"""

from __future__ import annotations

import functools
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable
from urllib.parse import urlsplit

from newsreader.core.errors import NotTriedError, UnreachableHostError
from newsreader.core.types import SkippedHost
from newsreader.core.update_records import FetchResponse
from newsreader.fetch.transport import Transport

__all__ = ["PER_HOST", "HostGuard", "HostMemory", "HostQueue", "StageStop", "host_of"]

#: Downloads from one host at a time once it has answered, as browsers allow (one
#: before: a host that does not answer holds one worker, not many).
PER_HOST = 6
#: How often a waiting worker looks at the stop flag.
_POLL_S = 0.1


@functools.lru_cache(maxsize=32768)
def host_of(url: str) -> str:
    """Where *url* connects to: its host, lower-case, and its port when it names one.

    Remembered for the last tens of thousands of URLs (a refresh's pictures): the
    picture stage asks it several times of each URL (queue, guard, outcome).
    """
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        port = parts.port
    except ValueError:
        return ""
    if ":" in host:
        host = f"[{host}]"
    return host if port is None else f"{host}:{port}"


class StageStop(threading.Event):
    """Set when the stage must stop: asked to, one of *cancels* set, or past *ends_by*.

    ``ends_by`` is a ``time.monotonic`` time.  *on_stop* runs once, when the flag is
    first set, on whichever thread set it; while the stage runs, :meth:`watch`
    notices the outer flags and the clock within a tenth of a second.
    """

    def __init__(
        self,
        *,
        cancels: Iterable[threading.Event | None] = (),
        ends_by: float | None = None,
        on_stop: Callable[[], object] | None = None,
    ) -> None:
        super().__init__()
        self._outer = [c for c in cancels if c is not None]
        self._ends_by = ends_by
        self._on_stop = on_stop
        self._once = threading.Lock()
        self.out_of_time = False

    def is_set(self) -> bool:
        if super().is_set():
            return True
        if any(outer.is_set() for outer in self._outer):
            self.set()
            return True
        if self._ends_by is not None and time.monotonic() >= self._ends_by:
            self.out_of_time = True
            self.set()
            return True
        return False

    @property
    def stopped(self) -> bool:
        """Whether the flag was set (without looking at the causes again)."""
        return super().is_set()

    def set(self) -> None:
        first = self._once.acquire(blocking=False)
        super().set()
        if first and self._on_stop is not None:
            self._on_stop()

    def watch(self, finished: threading.Event) -> threading.Thread:
        """Start a thread that sets this flag as soon as a cause appears, until *finished*."""

        def run() -> None:
            while not finished.wait(_POLL_S):
                if self.is_set():
                    return

        thread = threading.Thread(target=run, name="newsreader-stage-stop", daemon=True)
        thread.start()
        return thread


class HostMemory:
    """The hosts that failed in this run, why, and how many of their URLs were skipped."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._failed: dict[str, str] = {}
        self._skipped: Counter[str] = Counter()

    def failure(self, host: str) -> str | None:
        """Why *host* could not be reached in this run, or ``None`` if it could."""
        with self._lock:
            return self._failed.get(host)

    def failed(self, host: str, reason: str) -> None:
        """Remember *host* as unreachable (the first reason is kept)."""
        with self._lock:
            self._failed.setdefault(host, reason)

    def learn(self, outcome: object, host: str) -> None:
        """Remember the host a fetch's *outcome* says could not be reached (an
        :class:`~newsreader.core.errors.UnreachableHostError` names it: a redirect's,
        maybe, else *host*, the URL's own); any other outcome teaches nothing."""
        if isinstance(outcome, UnreachableHostError):
            self.failed(outcome.host or host, str(outcome))

    def skip(self, host: str, count: int = 1) -> None:
        with self._lock:
            self._skipped[host] += count

    def skipped_hosts(self) -> tuple[SkippedHost, ...]:
        """Every host that failed, with its reason and how many URLs it cost, worst first."""
        with self._lock:
            hosts = [SkippedHost(h, r, self._skipped[h]) for h, r in self._failed.items()]
        return tuple(sorted(hosts, key=lambda h: (-h.skipped, h.host)))


class HostGuard:
    """A transport that skips the hosts *memory* knows failed, and teaches it new ones.

    A skipped URL, or any asked for once *stop* is set, raises
    :class:`~newsreader.core.errors.NotTriedError`: nothing is learnt of it and it
    is asked for again on the next refresh.
    """

    def __init__(self, transport: Transport, memory: HostMemory, stop: threading.Event) -> None:
        self._transport = transport
        self._memory = memory
        self._stop = stop

    def get(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        max_bytes: int | None = None,
        accept: str | None = None,
    ) -> FetchResponse:
        host = host_of(url)
        if self._stop.is_set():
            raise NotTriedError("not fetched: the work after the news was stopped", url=url)
        reason = self._memory.failure(host)
        if reason is not None:
            self._memory.skip(host)
            raise NotTriedError(
                f"not fetched: {host} could not be reached earlier ({reason})", url=url
            )
        try:
            return self._transport.get(
                url, etag=etag, last_modified=last_modified, max_bytes=max_bytes, accept=accept
            )
        except UnreachableHostError as exc:
            self._memory.learn(exc, host)
            raise

    def close(self) -> None:
        """The guard owns nothing: the transport it wraps is closed by its owner."""


class HostQueue:
    """URLs handed to download workers host by host, none starving the others.

    A host gets one worker until it has answered once, then :data:`PER_HOST`; a
    worker is given a URL of the host that waits longest and has room, so a slow or
    dead host holds at most its own share.  Once a host has failed (in *memory*),
    its remaining URLs are dropped and counted as skipped.
    """

    def __init__(
        self,
        urls: Iterable[str],
        memory: HostMemory,
        stop: threading.Event,
        *,
        per_host: int = PER_HOST,
    ) -> None:
        self._memory = memory
        self._stop = stop
        self._per_host = per_host
        self._cond = threading.Condition()
        self._waiting: dict[str, deque[str]] = {}
        for url in urls:
            self._waiting.setdefault(host_of(url), deque()).append(url)
        self._order: deque[str] = deque(self._waiting)
        self._busy: Counter[str] = Counter()
        self._answered: set[str] = set()
        self._dropped = 0

    def take(self, finished: str | None = None, *, answered: bool = False) -> str | None:
        """The next URL to download, waiting for room; ``None`` when none is left or on stop.

        A worker done with a URL says so here (*finished*, *answered* as for
        :meth:`finished`) and goes on with the next in the same step: the room it
        freed is its own to use, so no waiting worker is woken for it, and a
        refresh's pictures do not pass from thread to thread one by one.
        """
        with self._cond:
            if finished is not None:
                self._finish(finished, answered, wake=0)
            while True:
                if self._stop.is_set():
                    return None
                self._drop_failed()
                if not self._order:
                    return None
                url = self._ready()
                if url is not None:
                    return url
                self._cond.wait(_POLL_S)

    def take_ready(self) -> str | None:
        """The next URL to download if a host has room for one now, never waiting.

        ``None`` when every host with URLs left is at its share (or none is left, or
        on stop): for one thread driving many downloads at once, which tells
        :meth:`finished` of each as it ends.
        """
        with self._cond:
            if self._stop.is_set():
                return None
            self._drop_failed()
            return self._ready()

    def exhausted(self) -> bool:
        """Whether no URL is left to hand out (handed out, skipped, or stopped)."""
        with self._cond:
            return self._stop.is_set() or not self._order

    def _ready(self) -> str | None:
        """A URL of the host that waits longest and has room, taken; ``None`` if none has."""
        for _ in range(len(self._order)):
            host = self._order[0]
            self._order.rotate(-1)
            room = self._per_host if host in self._answered else 1
            if self._busy[host] < room:
                url = self._waiting[host].popleft()
                if not self._waiting[host]:
                    del self._waiting[host]
                    self._order.remove(host)
                self._busy[host] += 1
                return url
        return None

    def finished(self, url: str, *, answered: bool) -> None:
        """A worker is done with *url*; *answered* says its host sent a response."""
        with self._cond:
            self._finish(url, answered, wake=1)

    def _finish(self, url: str, answered: bool, *, wake: int) -> None:
        """Free *url*'s place; wake *wake* waiting workers, and more when its host has
        just answered for the first time (its share grows from one to :data:`PER_HOST`).

        Only as many as there is new room for: a refresh's workers outnumber a
        host's share, and waking them all after each picture costs more than the
        picture.
        """
        host = host_of(url)
        self._busy[host] -= 1
        if answered and host not in self._answered:
            self._answered.add(host)
            wake += self._per_host - 1
        if wake:
            self._cond.notify(wake)

    def left(self) -> int:
        """URLs not handed out (and not skipped for a failed host)."""
        with self._cond:
            return sum(len(urls) for urls in self._waiting.values())

    def dropped(self) -> int:
        """URLs skipped without being handed out, their host having failed."""
        with self._cond:
            return self._dropped

    def _drop_failed(self) -> None:
        for host in list(self._order):
            if self._memory.failure(host) is not None:
                count = len(self._waiting.pop(host))
                self._memory.skip(host, count)
                self._dropped += count
                self._order.remove(host)
