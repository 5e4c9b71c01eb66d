"""What the HTTP client's tests share: a small feed and a port nothing listens on.

Their client fixture, with short timeouts, is in this folder's ``conftest.py``.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable
from typing import Any

RSS = "<rss version='2.0'><channel><title>أخبار</title></channel></rss>"

#: How long a fetch that should end at once may take before it counts as hung: far
#: below the read timeouts the deadline tests set, far above any real fetch here.
HANG_BOUND = 30.0


class SkippingClock:
    """The monotonic clock, which a test may move forward.

    Given to :class:`HttpClient` as its ``clock``, it lets a server spend a fetch's
    time without anyone waiting for it: a deadline passes when the server says so,
    however busy the machine is.
    """

    def __init__(self) -> None:
        self._skipped = 0.0
        self._lock = threading.Lock()

    def __call__(self) -> float:
        with self._lock:
            return time.monotonic() + self._skipped

    def skip(self, seconds: float) -> None:
        with self._lock:
            self._skipped += seconds


def outcome_within(bound: float, fetch: Callable[[], object]) -> object:
    """What ``fetch()`` returned or raised, in a thread given ``bound`` seconds to end.

    A fetch that never ends fails the test with ``AssertionError`` instead of hanging it.
    """
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(fetch())
        except Exception as exc:
            outcome.append(exc)

    thread = threading.Thread(target=run, name="bounded-fetch", daemon=True)
    thread.start()
    thread.join(bound)
    assert not thread.is_alive(), f"the fetch was still running after {bound} s"
    return outcome[0]


def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch_tests_use(monkeypatch: Any, make: Callable[..., Any]) -> Callable[..., Any]:
    """Have the HttpClient's tests (``test_http``, ``test_http_connections``) make their
    client with *make* wherever they name ``HttpClient``; *make* is given back, for a
    module's ``make_client`` fixture."""
    from tests.fetch import test_http, test_http_connections

    monkeypatch.setattr(test_http, "HttpClient", make)
    monkeypatch.setattr(test_http_connections, "HttpClient", make)
    return make
