"""Where feed bytes come from: the demo host answered from its folder, the rest routed by prefix."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from newsreader.core.demo import DEMO_BASE
from newsreader.core.errors import FetchError
from newsreader.fetch.demo_dates import DEMO_NEWEST_DAY
from newsreader.fetch.http import FetchResponse, HttpClient
from newsreader.fetch.transport import DemoTransport, RoutingTransport, side_transport
from tests.fetch.test_images import png_bytes
from tests.helpers.feeds import numbered, rss
from tests.helpers.feedserver import FeedServer, Response

#: The day after the demo's newest story: its dates are served as written.
AS_WRITTEN = DEMO_NEWEST_DAY + timedelta(days=1)
FEED = (
    b'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><item>'
    b"<pubDate>Mon, 30 Nov 2026 06:30:00 +0300</pubDate></item></channel></rss>"
)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    folder = tmp_path / "demo"
    (folder / "feeds").mkdir(parents=True)
    (folder / "feeds" / "news.xml").write_bytes(FEED)
    (folder / "pic.png").write_bytes(png_bytes())
    (tmp_path / "secret.xml").write_bytes(b"<secret/>")
    return folder


def demo(root: Path, today: date = AS_WRITTEN) -> DemoTransport:
    return DemoTransport(root, today=lambda: today)


# -- the demo host -------------------------------------------------------------------------


def test_a_demo_address_is_answered_with_its_file(root: Path) -> None:
    url = DEMO_BASE + "pic.png"

    answer = demo(root).get(url)

    assert (answer.url, answer.final_url, answer.status, answer.not_modified) == (
        url,
        url,
        200,
        False,
    )
    assert (answer.body, answer.content_type) == (png_bytes(), "image/png")
    assert answer.permanent_url is None and answer.etag


def test_a_feed_is_served_as_utf8_xml_with_its_dates_following_the_calendar(root: Path) -> None:
    url = DEMO_BASE + "feeds/news.xml"
    later = AS_WRITTEN + timedelta(days=3)

    as_written = demo(root).get(url)
    moved = demo(root, today=later).get(url)

    assert as_written.content_type == "application/xml; charset=utf-8"
    assert as_written.body == FEED
    assert b"Thu, 03 Dec 2026 06:30:00 +0300" in moved.body
    assert moved.etag != as_written.etag
    assert demo(root, today=later).get(url).body == moved.body  # the same day, the same bytes


def test_only_feeds_have_their_dates_moved(root: Path) -> None:
    page = b"<p>Written on Mon, 30 Nov 2026 06:30:00 +0300</p>"
    (root / "page.html").write_bytes(page)
    later = AS_WRITTEN + timedelta(days=400)

    assert demo(root, today=later).get(DEMO_BASE + "page.html").body == page
    assert demo(root, today=later).get(DEMO_BASE + "pic.png").body == png_bytes()


def test_a_known_etag_is_answered_not_modified(root: Path) -> None:
    url = DEMO_BASE + "feeds/news.xml"
    first = demo(root).get(url)

    again = demo(root).get(url, etag=first.etag)

    assert (again.status, again.not_modified, again.body, again.etag) == (
        304,
        True,
        b"",
        first.etag,
    )
    assert demo(root, AS_WRITTEN + timedelta(days=1)).get(url, etag=first.etag).status == 200


@pytest.mark.parametrize("path", ["feeds/missing.xml", "../secret.xml", "feeds/../../secret.xml"])
def test_what_the_demo_folder_does_not_hold_is_not_found(root: Path, path: str) -> None:
    with pytest.raises(FetchError) as error:
        demo(root).get(DEMO_BASE + path)
    assert (error.value.status, str(error.value)) == (404, "HTTP 404 Not Found")


def test_the_size_limit_holds_on_the_demo_host_too(root: Path) -> None:
    with pytest.raises(FetchError, match="size limit"):
        demo(root).get(DEMO_BASE + "feeds/news.xml", max_bytes=len(FEED) - 1)
    assert demo(root).get(DEMO_BASE + "feeds/news.xml", max_bytes=len(FEED)).body == FEED


# -- routing --------------------------------------------------------------------------------


class Recording:
    """A transport that answers everything with one body and remembers what it was asked."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, dict[str, object]]] = []
        self.closed = False

    def get(self, url: str, **options: object) -> FetchResponse:
        self.asked.append((url, options))
        return FetchResponse(url, url, None, False, b"recorded", None, None, None, 200)

    def close(self) -> None:
        self.closed = True


@pytest.fixture
def http() -> Iterator[HttpClient]:
    with HttpClient(connect_timeout=1, read_timeout=5, total_timeout=10) as client:
        yield client


def test_each_address_goes_to_the_transport_of_its_prefix(
    feed_server: FeedServer, http: HttpClient
) -> None:
    feed_server.route("/feed", Response(body=rss(numbered(1))))
    shared = Recording()
    routing = RoutingTransport({"https://cache.example/": shared}, http=http)

    assert routing.get("https://cache.example/feed", etag='"1"').body == b"recorded"
    assert shared.asked == [
        (
            "https://cache.example/feed",
            {"etag": '"1"', "last_modified": None, "max_bytes": None, "accept": None},
        )
    ]
    assert routing.get(feed_server.url("/feed")).status == 200  # everything else: HTTP
    assert len(feed_server.requests) == 1
    assert routing.route_for(feed_server.url("/feed")) is http


def test_the_demo_host_is_answered_without_the_network() -> None:
    network = Recording()
    routing = RoutingTransport(http=network)  # type: ignore[arg-type]

    answer = routing.get(DEMO_BASE + "demo.opml")

    assert answer.status == 200 and b"<opml" in answer.body
    assert network.asked == []


def test_one_http_client_is_made_when_first_needed_and_then_shared() -> None:
    routing = RoutingTransport()
    try:
        first = routing.route_for("https://news.example/feed")
        assert isinstance(first, HttpClient)
        assert routing.route_for("http://other.example/rss") is first
    finally:
        routing.close()


def test_closing_closes_every_route_and_the_http_client(
    feed_server: FeedServer, http: HttpClient
) -> None:
    route = Recording()
    routing = RoutingTransport({"https://cache.example/": route}, http=http)

    routing.close()

    assert route.closed
    with pytest.raises(RuntimeError, match="closed"):
        http.get(feed_server.url("/feed"))


def test_the_side_transport_has_its_own_client_and_routes_as_the_profile_does(
    feed_server: FeedServer,
) -> None:
    feed_server.route("/pic.png", Response(body=b"GIF89a", content_type="image/gif"))
    profile = RoutingTransport()
    side = side_transport(profile, ends_by=None)
    try:
        assert side.get(feed_server.url("/pic.png")).body == b"GIF89a"
        assert side.get(DEMO_BASE + "demo.opml").status == 200  # the demo host, offline
        side.stop()
        with pytest.raises(FetchError, match="timed out"):  # stopped: every fetch is over
            side.get(feed_server.url("/pic.png"))
    finally:
        side.close()
    assert profile.get(feed_server.url("/pic.png")).body == b"GIF89a"  # still open
    profile.close()


def test_a_transport_of_its_own_is_used_as_it_is() -> None:
    own = DemoTransport()
    side = side_transport(own, ends_by=None)
    side.stop()
    side.close()
    assert side.get(DEMO_BASE + "demo.opml").status == 200


def test_opening_a_profile_and_reading_it_loads_no_http_client(tmp_path: Path) -> None:
    """The window's start and commands that never fetch do without urllib3 and the client."""
    script = (
        "import sys\n"
        "from newsreader.reader import Reader\n"
        f"reader = Reader.open({str(tmp_path)!r})\n"
        "reader.count_articles()\n"
        "reader.close()\n"
        "print(sorted(m for m in ('urllib3', 'newsreader.fetch.http') if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True
    )
    assert done.stdout.strip() == "[]"
