"""Hosts remembered within one run of the work after the news, and the stage's stop flag.

Real HTTP against 127.0.0.1: a port nobody listens on refuses, a feed server answers.
"""

from __future__ import annotations

import socket
import threading
import time

import pytest

from newsreader.core.errors import FetchError, NotTriedError, UnreachableHostError
from newsreader.core.types import SkippedHost
from newsreader.fetch.http import HttpClient
from newsreader.update import host_health
from newsreader.update.host_health import HostGuard, HostMemory, HostQueue, StageStop, host_of
from tests.helpers.feedserver import FeedServer, Response


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_a_host_is_its_name_and_the_port_it_names() -> None:
    assert host_of("https://CDN.Example.org/a.png") == "cdn.example.org"
    assert host_of("http://127.0.0.1:8080/a.png") == "127.0.0.1:8080"
    assert host_of("http://[::1]:81/a.png") == "[::1]:81"
    assert host_of("http://[bad/") == ""


def test_a_refused_host_is_remembered_and_its_other_urls_are_not_asked_for() -> None:
    port = closed_port()
    memory = HostMemory()
    with HttpClient() as http:
        guard = HostGuard(http, memory, threading.Event())
        with pytest.raises(UnreachableHostError, match="connection refused"):
            guard.get(f"http://127.0.0.1:{port}/a.png")
        for name in ("b", "c"):
            with pytest.raises(NotTriedError, match=f"127.0.0.1:{port} could not be reached"):
                guard.get(f"http://127.0.0.1:{port}/{name}.png")

    assert memory.skipped_hosts() == (
        SkippedHost(f"127.0.0.1:{port}", "connection refused", skipped=2),
    )


def test_an_error_from_a_host_that_answered_is_not_held_against_it(
    feed_server: FeedServer,
) -> None:
    feed_server.route("/missing.png", Response(status=404))
    feed_server.route("/there.png", Response(body=b"GIF89a", content_type="image/gif"))
    memory = HostMemory()
    with HttpClient() as http:
        guard = HostGuard(http, memory, threading.Event())
        with pytest.raises(FetchError, match="HTTP 404") as raised:
            guard.get(feed_server.url("/missing.png"))
        assert not isinstance(raised.value, NotTriedError | UnreachableHostError)
        assert guard.get(feed_server.url("/there.png")).body == b"GIF89a"
    assert memory.skipped_hosts() == ()


def test_nothing_is_asked_for_once_the_stage_is_stopped(feed_server: FeedServer) -> None:
    stop = threading.Event()
    stop.set()
    with HttpClient() as http:
        guard = HostGuard(http, HostMemory(), stop)
        with pytest.raises(NotTriedError, match="stopped"):
            guard.get(feed_server.url("/a.png"))
    assert feed_server.requests == []


def test_a_host_gets_one_worker_until_it_answers_then_its_share() -> None:
    urls = [f"https://a.example/{i}" for i in range(4)] + ["https://b.example/0"]
    queue = HostQueue(urls, HostMemory(), threading.Event(), per_host=2)

    first = queue.take()
    second = queue.take()
    assert (first, second) == ("https://a.example/0", "https://b.example/0")
    queue.finished("https://b.example/0", answered=True)
    queue.finished("https://a.example/0", answered=True)
    assert [queue.take(), queue.take()] == ["https://a.example/1", "https://a.example/2"]
    assert queue.left() == 1


def test_a_worker_done_with_a_url_takes_the_next_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(host_health, "_POLL_S", 60.0)  # a waiting worker moves when woken
    urls = [f"https://a.example/{i}" for i in range(3)]
    queue = HostQueue(urls, HostMemory(), threading.Event(), per_host=1)
    first = queue.take()
    woken: list[str | None] = []
    waiting = threading.Thread(target=lambda: woken.append(queue.take()))
    waiting.start()
    time.sleep(0.05)  # it waits: the host's one place is taken

    # the place the first URL frees goes to its own worker, at once
    assert queue.take(first, answered=True) == "https://a.example/1"
    time.sleep(0.1)
    assert woken == []
    queue.finished("https://a.example/1", answered=True)
    waiting.join(5)
    assert woken == ["https://a.example/2"]


def test_a_host_that_answers_first_wakes_the_workers_its_share_makes_room_for(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(host_health, "_POLL_S", 60.0)  # a waiting worker moves when woken
    urls = [f"https://a.example/{i}" for i in range(4)]
    queue = HostQueue(urls, HostMemory(), threading.Event(), per_host=3)
    first = queue.take()
    taken: list[str | None] = []
    workers = [threading.Thread(target=lambda: taken.append(queue.take())) for _ in range(2)]
    for worker in workers:
        worker.start()
    time.sleep(0.05)
    assert queue.take(first, answered=True) is not None  # one more, and room for two others
    for worker in workers:
        worker.join(5)
    assert sorted(map(str, taken)) == ["https://a.example/2", "https://a.example/3"]


def test_one_thread_driving_many_downloads_takes_what_has_room_without_waiting() -> None:
    memory = HostMemory()
    urls = [f"https://a.example/{i}" for i in range(3)] + ["https://dead.example/0"]
    queue = HostQueue(urls, memory, threading.Event(), per_host=2)

    assert [queue.take_ready(), queue.take_ready()] == [
        "https://a.example/0",
        "https://dead.example/0",
    ]
    started = time.monotonic()
    assert queue.take_ready() is None  # a.example has not answered: one at a time
    assert time.monotonic() - started < 0.05
    assert not queue.exhausted()
    memory.failed("dead.example", "host not found")
    queue.finished("https://dead.example/0", answered=False)
    queue.finished("https://a.example/0", answered=True)
    assert [queue.take_ready(), queue.take_ready(), queue.take_ready()] == [
        "https://a.example/1",
        "https://a.example/2",
        None,
    ]
    assert queue.exhausted()


def test_the_urls_of_a_failed_host_are_dropped_and_counted() -> None:
    memory = HostMemory()
    urls = [f"https://dead.example/{i}" for i in range(5)] + ["https://live.example/0"]
    queue = HostQueue(urls, memory, threading.Event())

    assert queue.take() == "https://dead.example/0"
    memory.failed("dead.example", "host not found")
    queue.finished("https://dead.example/0", answered=False)

    assert queue.take() == "https://live.example/0"
    queue.finished("https://live.example/0", answered=True)
    assert queue.take() is None
    assert memory.skipped_hosts() == (SkippedHost("dead.example", "host not found", 4),)


def test_a_stopped_queue_hands_out_nothing_more() -> None:
    stop = threading.Event()
    queue = HostQueue(["https://a.example/0", "https://b.example/0"], HostMemory(), stop)
    stop.set()
    assert queue.take() is None
    assert queue.take_ready() is None
    assert queue.exhausted()
    assert queue.left() == 2


def test_the_stage_stops_when_an_outer_flag_is_set_and_says_so_once() -> None:
    user, newer = threading.Event(), threading.Event()
    stopped: list[str] = []
    stop = StageStop(cancels=(user, None, newer), on_stop=lambda: stopped.append("stop"))
    assert not stop.is_set()

    newer.set()
    assert stop.is_set() and stop.stopped and not stop.out_of_time
    stop.set()
    assert stopped == ["stop"]


def test_the_stage_stops_when_its_time_is_up() -> None:
    stop = StageStop(ends_by=time.monotonic() - 1)
    assert not stop.stopped
    assert stop.is_set() and stop.out_of_time


def test_the_watch_notices_a_cause_while_nobody_asks() -> None:
    user = threading.Event()
    stopped = threading.Event()
    stop = StageStop(cancels=(user,), on_stop=stopped.set)
    finished = threading.Event()
    watcher = stop.watch(finished)
    user.set()
    assert stopped.wait(30)
    watcher.join(30)
    assert not watcher.is_alive()
