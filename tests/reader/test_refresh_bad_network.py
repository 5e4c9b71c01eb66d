"""A refresh on a bad network: the news first, then pictures within a budget.

Everything stays on loopback.  The HTTP client is given a resolver of the test's
own (the seam whose production value is the system's ``getaddrinfo``): feed and
picture hosts resolve to real servers on 127.0.0.x, while the ``nowhere`` hosts
are looked up as a DNS that does not answer does it: the lookup blocks, then
fails.  A tarpit on 127.0.0.3 accepts connections and never says a word.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsreader.core.types import FeedResult, FollowUp, FollowUpEnd, FollowUpProgress
from newsreader.fetch.transport import RoutingTransport
from newsreader.reader import Reader
from tests.fetch.test_images import png_bytes
from tests.helpers.feeds import Item, rss
from tests.helpers.feedserver import FeedServer, Response

#: How long a lookup of a ``nowhere`` host blocks before it fails.
DNS_SILENCE_S = 1.0
#: The time budget of the work after the news in these tests.
BUDGET_S = 4.0
#: Pictures per unreachable host, and the hosts.
PER_HOST = 4
DEAD_HOSTS = ("nowhere-1.test", "nowhere-2.test", "nowhere-3.test")


class Dns:
    """The test's resolver: names to loopback addresses; ``nowhere`` hosts block, then fail."""

    def __init__(self, addresses: dict[str, str]) -> None:
        self.addresses = addresses
        self.asked: Counter[str] = Counter()
        self.answering = False  # the network is back: nowhere hosts resolve too
        self._released = threading.Event()

    def __call__(self, host: str, port: int, family: int = 0, kind: int = 0) -> Any:
        self.asked[host] += 1
        address = self.addresses.get(host)
        if address is None and host.startswith("nowhere") and self.answering:
            address = self.addresses["pictures.test"]
        if address is None:
            if host.startswith("nowhere"):
                self._released.wait(DNS_SILENCE_S)
                raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return socket.getaddrinfo(address, port, family, kind)

    def release(self) -> None:
        self._released.set()


class Tarpit:
    """Accepts connections on 127.0.0.3 and never answers."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.3", 0))
        self.sock.listen(16)
        self.port = int(self.sock.getsockname()[1])
        self.held: list[socket.socket] = []
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.held.append(conn)

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.sock.shutdown(socket.SHUT_RDWR)  # wakes the accept under way
        self.sock.close()
        self._thread.join(5)
        for conn in self.held:
            conn.close()


@pytest.fixture
def tarpit() -> Iterator[Tarpit]:
    pit = Tarpit()
    yield pit
    pit.close()


@pytest.fixture
def pictures() -> Iterator[FeedServer]:
    server = FeedServer()
    server.start()
    yield server
    server.stop()


def picture_urls(feed_server: FeedServer, pictures: FeedServer, tarpit: Tarpit) -> list[str]:
    good = [f"http://pictures.test:{pictures.port}/good{n}.png" for n in range(3)]
    dead = [
        f"http://{host}:{pictures.port}/dead{n}.png" for host in DEAD_HOSTS for n in range(PER_HOST)
    ]
    slow = [f"http://tarpit.test:{tarpit.port}/slow{n}.png" for n in range(2)]
    return good + dead + slow


@pytest.fixture
def setting(
    tmp_path: Path, feed_server: FeedServer, pictures: FeedServer, tarpit: Tarpit
) -> Iterator[tuple[Reader, Dns, list[str]]]:
    urls = picture_urls(feed_server, pictures, tarpit)
    for n, url in enumerate(urls):
        path = url.split("/", 3)[3]
        pictures.route(f"/{path}", Response(body=png_bytes(seed=n), content_type="image/png"))
    items = [
        Item(guid=f"g{n}", title=f"خبر {n}", body=f'<p>نص {n}</p><img src="{url}" alt="{n}">')
        for n, url in enumerate(urls)
    ]
    for feed in ("a", "b"):
        feed_server.route(f"/{feed}.xml", Response(body=rss(items, title=feed)))
    dns = Dns({"news.test": "127.0.0.1", "pictures.test": "127.0.0.1", "tarpit.test": "127.0.0.3"})
    reader = Reader.open(tmp_path / "profile", transport=RoutingTransport(resolver=dns))
    for feed in ("a", "b"):
        reader.subscribe(f"http://news.test:{feed_server.port}/{feed}.xml")
    try:
        yield reader, dns, urls
    finally:
        dns.release()
        reader.close()


def test_the_news_comes_first_and_unreachable_hosts_cost_one_try_each(
    setting: tuple[Reader, Dns, list[str]], pictures: FeedServer
) -> None:
    reader, dns, urls = setting
    events: list[str] = []

    def feed_done(result: FeedResult, done: int, total: int) -> None:
        events.append(f"feed {result.status.value}")

    def stage(progress: FollowUpProgress) -> None:
        if progress.step is FollowUp.IMAGES and progress.done:
            events.append("pictures")

    started = time.monotonic()
    summary = reader.refresh(
        all_feeds=True,
        progress=feed_done,
        on_feeds_stored=lambda _summary: events.append("news stored"),
        on_follow_up_progress=stage,
        follow_up_seconds=BUDGET_S,
    )
    took = time.monotonic() - started

    # Every feed's result, then the news stored, before any picture was done.
    assert events[:3] == ["feed ok", "feed ok", "news stored"]
    assert "pictures" in events[3:]
    assert summary.new == 2 * len(urls)

    # One failed lookup per unreachable host; its other pictures were not asked for.
    report = summary.follow_up_report
    assert report is not None
    skipped = {h.host: h for h in report.skipped_hosts}
    for host in DEAD_HOSTS:
        assert dns.asked[host] == 1
        entry = skipped[f"{host}:{pictures.port}"]
        assert entry.skipped == PER_HOST - 1
        assert entry.reason.startswith("host not found")
    assert not any(p.path.startswith("/dead") for p in pictures.requests)

    # The pictures of the hosts that answered are kept.
    assert set(reader.local_images(urls[:3])) == set(urls[:3])

    # The tarpit never answers: the budget ends the stage, and the refresh with it.
    assert report.ended is FollowUpEnd.OUT_OF_TIME
    assert not reader.local_images(urls[-2:])
    assert took < BUDGET_S + 8  # the tarpit alone would hold a picture 10 s or more


def test_pictures_skipped_or_left_are_tried_on_the_next_refresh(
    setting: tuple[Reader, Dns, list[str]], pictures: FeedServer
) -> None:
    reader, dns, urls = setting
    first = reader.refresh(all_feeds=True, follow_up_seconds=BUDGET_S)
    dead = [url for url in urls if "/dead" in url]
    assert first.follow_up_report is not None and first.follow_up_report.skipped_hosts
    assert not reader.local_images(dead)

    dns.answering = True  # the network is back
    second = reader.refresh(all_feeds=True, follow_up_seconds=BUDGET_S)

    assert second.new == 0  # nothing new: the pictures left last time are fetched anyway
    assert set(reader.local_images(dead)) == set(dead)
    report = second.follow_up_report
    assert report is not None
    assert [h.host for h in report.skipped_hosts if h.host.startswith("nowhere")] == []


def test_a_newer_refresh_stops_the_pictures_of_the_one_before(
    setting: tuple[Reader, Dns, list[str]],
) -> None:
    reader, _dns, _urls = setting
    ended: list[FollowUpEnd] = []
    pictures_begun = threading.Event()

    def first() -> None:
        summary = reader.refresh(
            all_feeds=True,
            on_follow_up_progress=lambda p: pictures_begun.set(),
            follow_up_seconds=600,
        )
        assert summary.follow_up_report is not None
        ended.append(summary.follow_up_report.ended)

    thread = threading.Thread(target=first)
    thread.start()
    assert pictures_begun.wait(60)
    second = reader.refresh(all_feeds=True, follow_ups=(), follow_up_seconds=600)
    thread.join(60)

    assert not thread.is_alive()
    assert ended == [FollowUpEnd.CANCELLED]
    assert second.feeds


def test_the_budget_is_a_setting(setting: tuple[Reader, Dns, list[str]]) -> None:
    reader, _dns, _urls = setting
    assert reader.settings().follow_up_seconds == 60
    reader.save_settings(reader.settings().with_changes(follow_up_seconds=1))

    summary = reader.refresh(all_feeds=True)  # the tarpit holds a picture past 1 s

    report = summary.follow_up_report
    assert report is not None and report.ended is FollowUpEnd.OUT_OF_TIME
