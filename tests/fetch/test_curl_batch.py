"""Many fetches at once through libcurl's multi interface, held to the HttpClient's tests.

Every test :mod:`tests.fetch.test_curl_http` runs again with the CurlClient (what a
fetch does: answers, validators, redirects, errors and their words, deadlines,
caps, encodings, certificates, names looked up, proxies, stop) runs here once more
with each fetch made through a :class:`~newsreader.fetch.curl_http.CurlBatch`, one
URL in it.  The tests below those are the batch's own: many URLs at once, a name
server that does not answer for one host, a stop, and the picture stage on it.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from newsreader.core.errors import FetchError, UnreachableHostError
from newsreader.core.update_records import FetchResponse
from newsreader.fetch.curl_http import CurlBatch, CurlClient
from newsreader.fetch.http import HttpClient
from newsreader.fetch.transport import FetchBatch, RoutingTransport, ThreadedBatch, batch_of
from tests.fetch import test_curl_http
from tests.fetch.http_support import fetch_tests_use
from tests.fetch.test_curl_http import *  # noqa: F403  (collected again, through a batch)
from tests.helpers.feedserver import FeedServer, Response

# The CurlClient's own tests stay with it: what is collected again is what it took
# from the HttpClient's.
for _name, _value in list(globals().items()):
    if _name.startswith("test_") and getattr(_value, "__module__", "") == test_curl_http.__name__:
        del globals()[_name]


class OneByOne:
    """A CurlClient whose every fetch goes through one batch, a fetch at a time.

    The batch lives as long as the client, so its connections serve the next fetch
    as the client's own would.
    """

    def __init__(self, curl: CurlClient) -> None:
        self.curl = curl
        self._batch = curl.batch(2)
        self._lock = threading.Lock()

    def get(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        max_bytes: int | None = None,
        accept: str | None = None,
    ) -> FetchResponse:
        if self.curl._closed:
            raise RuntimeError("the HTTP client is closed")
        with self._lock:
            self._batch.start(
                url, etag=etag, last_modified=last_modified, max_bytes=max_bytes, accept=accept
            )
            while not (done := self._batch.wait(0.05)):
                pass
        [(asked, outcome)] = done
        assert asked == url
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    def __getattr__(self, name: str) -> Any:
        return getattr(self.curl, name)

    def close(self) -> None:
        with self._lock:
            self._batch.close()
        self.curl.close()

    def __enter__(self) -> OneByOne:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def batched_client(**options: Any) -> OneByOne:
    """What ``HttpClient(**options)`` stands for in the tests collected here."""
    return OneByOne(CurlClient(HttpClient(**options)))


@pytest.fixture(autouse=True)
def make_client(monkeypatch: pytest.MonkeyPatch) -> Callable[..., OneByOne]:
    return fetch_tests_use(monkeypatch, batched_client)


# -- the batch's own --------------------------------------------------------------------


def _all_outcomes(batch: FetchBatch, timeout: float = 10.0) -> dict[str, Any]:
    """Every outcome of what *batch* has under way, by URL."""
    found: dict[str, Any] = {}
    ends = time.monotonic() + timeout
    while batch.under_way() and time.monotonic() < ends:
        found.update(batch.wait(0.1))
    return found


class HostResolver:
    """Every name to 127.0.0.1, but names starting with "silent" wait for *answer* first."""

    def __init__(self) -> None:
        self.answer = threading.Event()
        self.asked: list[str] = []

    def __call__(self, host: str, port: int, family: int = 0, kind: int = 0) -> Any:
        self.asked.append(host)
        if host.startswith("silent") and not self.answer.wait(10):
            raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")
        return socket.getaddrinfo("127.0.0.1", port, family, kind)


def test_many_urls_at_once_each_get_their_own_answer(feed_server: FeedServer) -> None:
    for i in range(30):
        feed_server.route(f"/{i}.png", Response(body=f"picture {i}".encode()))
    feed_server.route("/gone.png", Response(status=404))
    feed_server.route("/moved.png", Response(status=302, headers={"Location": "/7.png"}))
    urls = [feed_server.url(f"/{i}.png") for i in range(30)]
    extra = [feed_server.url("/gone.png"), feed_server.url("/moved.png"), "ftp://x.test/a"]
    waiting = urls + extra
    found: dict[str, Any] = {}
    with CurlClient(HttpClient()) as curl:
        batch = curl.batch(4)
        while waiting or batch.under_way():  # four at a time, as the picture stage does
            while waiting and batch.under_way() < 4:
                batch.start(waiting.pop())
            found.update(batch.wait(1.0))
        batch.close()
    assert {u: found[u].body for u in urls} == {
        u: f"picture {i}".encode() for i, u in enumerate(urls)
    }
    gone, moved, ftp = (found[u] for u in extra)
    assert isinstance(gone, FetchError) and gone.status == 404
    assert moved.body == b"picture 7" and moved.final_url == feed_server.url("/7.png")
    assert isinstance(ftp, FetchError)
    assert len(feed_server.requests) == 33  # the redirect asks for one more
    assert feed_server.connection_count <= 4  # kept alive from transfer to transfer


def test_a_name_server_silent_for_one_host_holds_only_its_fetches(feed_server: FeedServer) -> None:
    feed_server.route("/a.png", Response(body=b"a"))
    resolver = HostResolver()
    with CurlClient(HttpClient(resolver=resolver, connect_timeout=5.0)) as curl:
        batch = curl.batch(4)
        batch.start(f"http://silent.test:{feed_server.port}/a.png")
        for i in range(5):
            batch.start(f"http://pictures{i}.test:{feed_server.port}/a.png")
        started = time.monotonic()
        found: dict[str, Any] = {}
        while len(found) < 5 and time.monotonic() - started < 5:
            found.update(batch.wait(0.1))
        took = time.monotonic() - started
        assert sorted(found) == [
            f"http://pictures{i}.test:{feed_server.port}/a.png" for i in range(5)
        ]
        assert all(r.body == b"a" for r in found.values())
        assert took < 2.0  # not behind the silent host's lookup
        resolver.answer.set()
        late = _all_outcomes(batch)
        batch.close()
    assert late[f"http://silent.test:{feed_server.port}/a.png"].body == b"a"


def test_a_host_that_is_not_found_fails_alone(feed_server: FeedServer) -> None:
    feed_server.route("/a.png", Response(body=b"a"))
    with CurlClient(HttpClient(resolver=test_curl_http.CountingResolver())) as curl:
        batch = curl.batch(2)
        batch.start(f"http://nowhere.test:{feed_server.port}/a.png")
        batch.start(f"http://here.test:{feed_server.port}/a.png")
        found = _all_outcomes(batch)
        batch.close()
    failed = found[f"http://nowhere.test:{feed_server.port}/a.png"]
    assert isinstance(failed, UnreachableHostError)
    assert str(failed) == "host not found"
    assert failed.host == f"nowhere.test:{feed_server.port}"
    assert found[f"http://here.test:{feed_server.port}/a.png"].body == b"a"


def test_stopping_the_client_ends_every_fetch_of_the_batch(feed_server: FeedServer) -> None:
    feed_server.route("/slow.png", Response(body=b"x", delay=20.0))
    resolver = HostResolver()
    curl = CurlClient(HttpClient(resolver=resolver, read_timeout=60.0, total_timeout=60.0))
    batch = curl.batch(2)
    urls = [feed_server.url("/slow.png"), f"http://silent.test:{feed_server.port}/slow.png"]
    for url in urls:
        batch.start(url)
    assert batch.wait(0.3) == []
    started = time.monotonic()
    curl.stop()
    found = _all_outcomes(batch)
    took = time.monotonic() - started
    batch.close()
    curl.close()
    resolver.answer.set()
    assert {u: str(found[u]) for u in urls} == {u: "timed out" for u in urls}
    assert took < 2.0


def test_a_lookup_left_waiting_never_holds_the_process_up_at_exit() -> None:
    # a name server that does not answer for a minute, a batch closed meanwhile
    program = (
        "import socket, time\n"
        "from newsreader.fetch.curl_http import CurlClient\n"
        "from newsreader.fetch.http import HttpClient\n"
        "def silent(host, port, family=0, kind=0):\n"
        "    time.sleep(60)\n"
        "    raise socket.gaierror(socket.EAI_AGAIN, 'no answer')\n"
        "curl = CurlClient(HttpClient(resolver=silent, connect_timeout=60.0))\n"
        "batch = curl.batch(4)\n"
        "batch.start('http://silent.test/a.png')\n"
        "print(batch.wait(0.3))\n"
        "batch.close()\n"
        "curl.close()\n"
        "print('closed', flush=True)\n"
    )
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.split() == ["[]", "closed"]
    assert time.monotonic() - started < 20.0  # not the minute the lookup waits


def test_a_closed_batch_starts_nothing_and_a_closed_client_makes_no_batch() -> None:
    curl = CurlClient(HttpClient())
    batch = curl.batch(1)
    batch.close()
    with pytest.raises(RuntimeError):
        batch.start("http://127.0.0.1:9/a.png")
    curl.close()
    with pytest.raises(RuntimeError):
        curl.batch(1)


def test_each_transport_gets_the_batch_it_can_do_best(feed_server: FeedServer) -> None:
    feed_server.route("/a.png", Response(body=b"a"))
    routing = RoutingTransport()
    side = routing.side_transport(ends_by=None)
    try:
        batch = batch_of(side, 4)
        batch.start(feed_server.url("/a.png"))
        batch.start("https://demo.newsreader.invalid/images/none.png")
        found = _all_outcomes(batch)
        curl_batches = [b for b in batch._batches.values() if isinstance(b, CurlBatch)]  # type: ignore[attr-defined]
        threaded = [b for b in batch._batches.values() if isinstance(b, ThreadedBatch)]  # type: ignore[attr-defined]
        batch.close()
    finally:
        side.close()
        routing.close()
    assert found[feed_server.url("/a.png")].body == b"a"  # through libcurl's multi
    demo = found["https://demo.newsreader.invalid/images/none.png"]
    assert isinstance(demo, FetchError) and demo.status == 404  # through the demo transport
    assert (len(curl_batches), len(threaded)) == (1, 1)


def test_a_transport_of_its_own_is_asked_on_threads(tmp_path: Path) -> None:
    asked: list[str] = []

    class Plain:
        def get(self, url: str, **_options: Any) -> FetchResponse:
            asked.append(url)
            if url.endswith("bad"):
                raise ValueError("a bug in the transport")
            return FetchResponse(url, url, None, False, url.encode(), None, None, None, 200)

        def close(self) -> None:
            pass

    batch = batch_of(Plain(), 3)
    assert isinstance(batch, ThreadedBatch)
    for name in ("one", "two", "bad"):
        batch.start(f"test://{name}")
    found = _all_outcomes(batch)
    batch.close()
    assert found["test://one"].body == b"test://one"
    assert isinstance(found["test://bad"], ValueError)
    assert sorted(asked) == ["test://bad", "test://one", "test://two"]
