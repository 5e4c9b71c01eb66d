"""Feed icons: downloaded once a week through the transport, raster only, small, per feed."""

from __future__ import annotations

import json
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import update

from newsreader.core.types import Feed
from newsreader.fetch.favicons import (
    MAX_ICON_BYTES,
    STATE_FILE,
    cache_feed_icons,
    candidate_urls,
    feed_icon_path,
    sniff_icon,
)
from newsreader.reader import Reader
from newsreader.storage.models import FeedRow
from tests.fetch.test_images import HTML, SVG, png_bytes
from tests.helpers.feedserver import FeedServer, Response
from tests.helpers.profile import database_of, transport_of

ICO = b"\x00\x00\x01\x00\x01\x00" + b"\x10\x10\x00\x00\x01\x00\x20\x00" + b"\x00" * 40
GIF = b"GIF89a" + b"\x01\x00\x01\x00\x00\x00\x00;"
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 20
WEBP = b"RIFF\x10\x00\x00\x00WEBPVP8 " + b"\x00" * 8
AVIF = b"\x00\x00\x00\x1cftypavif\x00\x00\x00\x00avifmif1miaf"


def add_feed(
    reader: Reader, server: FeedServer, name: str, *, icon: str | None, site: str | None = None
) -> int:
    """A subscription (never fetched) whose feed names ``icon`` as its icon."""
    feed_id = reader.subscribe(
        server.url(f"/{name}.xml"), title=name, site_url=server.url(site) if site else None
    )
    with database_of(reader).session() as session:
        session.execute(
            update(FeedRow)
            .where(FeedRow.id == feed_id)
            .values(icon_url=server.url(icon) if icon else None)
        )
    return feed_id


def feeds(reader: Reader, feed_ids: list[int]) -> list[Feed]:
    return [reader.get_feed(feed_id) for feed_id in feed_ids]


@pytest.fixture
def icons(tmp_path: Path) -> Path:
    return tmp_path / "icons"


def test_icons_are_recognised_by_their_bytes() -> None:
    assert sniff_icon(png_bytes()) == ".png"
    assert sniff_icon(ICO) == ".ico"
    assert sniff_icon(GIF) == ".gif"
    assert sniff_icon(JPEG) == ".jpg"
    assert sniff_icon(WEBP) == ".webp"
    for refused in (SVG, HTML, AVIF, b"", b"\x00\x00\x01\x00\x00\x00"):
        assert sniff_icon(refused) is None


def test_the_declared_icon_comes_first_then_the_sites_favicon() -> None:
    assert candidate_urls("https://cdn.example/i.png", "https://example.org/news/", "x") == [
        "https://cdn.example/i.png",
        "https://example.org/favicon.ico",
    ]
    assert candidate_urls(None, None, "http://feeds.example:8080/rss?x=1") == [
        "http://feeds.example:8080/favicon.ico"
    ]
    assert candidate_urls("javascript:alert(1)", "file:///etc/", "ftp://x/feed") == []


def test_the_declared_icon_is_stored_under_the_feed_id(
    reader: Reader, feed_server: FeedServer, icons: Path
) -> None:
    logo = png_bytes(16, 16, seed=3)
    feed_server.route("/logo.png", Response(body=logo, content_type="image/png"))
    feed_id = add_feed(reader, feed_server, "a", icon="/logo.png", site="/a/")
    assert cache_feed_icons(transport_of(reader), icons, feeds(reader, [feed_id])) == 1
    stored = feed_icon_path(icons, feed_id)
    assert stored == icons / f"{feed_id}.png"
    assert stored.read_bytes() == logo
    assert not list(icons.glob(".part-*"))  # written through a temporary file
    assert feed_server.requests_for("/favicon.ico") == []  # the declared icon was enough


def test_without_an_icon_the_sites_favicon_is_used(
    reader: Reader, feed_server: FeedServer, icons: Path
) -> None:
    feed_server.route("/favicon.ico", Response(body=ICO, content_type="image/x-icon"))
    feed_id = add_feed(reader, feed_server, "b", icon=None, site="/b/home")
    assert cache_feed_icons(transport_of(reader), icons, feeds(reader, [feed_id])) == 1
    assert feed_icon_path(icons, feed_id) == icons / f"{feed_id}.ico"


def test_a_broken_icon_falls_back_to_the_favicon(
    reader: Reader, feed_server: FeedServer, icons: Path
) -> None:
    feed_server.route("/gone.png", Response(status=404, body="no"))
    feed_server.route("/favicon.ico", Response(body=GIF, content_type="image/gif"))
    feed_id = add_feed(reader, feed_server, "c", icon="/gone.png")
    assert cache_feed_icons(transport_of(reader), icons, feeds(reader, [feed_id])) == 1
    assert feed_icon_path(icons, feed_id) == icons / f"{feed_id}.gif"


def test_svg_pages_and_huge_files_are_refused_without_stopping_the_others(
    reader: Reader, feed_server: FeedServer, icons: Path
) -> None:
    feed_server.route("/svg.png", Response(body=SVG, content_type="image/png"))
    feed_server.route("/page.ico", Response(body=HTML, content_type="image/x-icon"))
    huge = png_bytes() + b"\x00" * (MAX_ICON_BYTES + 1)
    feed_server.route("/huge.png", Response(body=huge, content_type="image/png"))
    feed_server.route("/good.png", Response(body=png_bytes(), content_type="image/png"))
    feed_server.route("/favicon.ico", Response(status=404, body="no"))
    bad = [
        add_feed(reader, feed_server, name, icon=path)
        for name, path in (("svg", "/svg.png"), ("page", "/page.ico"), ("huge", "/huge.png"))
    ]
    good = add_feed(reader, feed_server, "good", icon="/good.png")
    assert cache_feed_icons(transport_of(reader), icons, feeds(reader, [*bad, good])) == 1
    assert feed_icon_path(icons, good) is not None
    assert all(feed_icon_path(icons, feed_id) is None for feed_id in bad)
    assert sorted(p.name for p in icons.iterdir()) == sorted([f"{good}.png", STATE_FILE])
    state = json.loads((icons / STATE_FILE).read_text())["feeds"]
    assert state[str(good)]["ok"] is True
    assert "raster" in state[str(bad[0])]["error"]
    assert "raster" in state[str(bad[1])]["error"]
    assert "size" in state[str(bad[2])]["error"] or "limit" in state[str(bad[2])]["error"]


def test_each_feed_is_asked_at_most_once_a_week(
    reader: Reader, feed_server: FeedServer, icons: Path
) -> None:
    feed_server.route("/missing.png", Response(status=404, body="no"))
    feed_server.route("/favicon.ico", Response(status=404, body="no"))
    feed_server.route("/ok.png", Response(body=png_bytes(), content_type="image/png"))
    failing = add_feed(reader, feed_server, "failing", icon="/missing.png")
    working = add_feed(reader, feed_server, "working", icon="/ok.png")
    start = datetime(2026, 11, 1, tzinfo=UTC)

    def asked() -> int:
        return sum(len(feed_server.requests_for(p)) for p in ("/missing.png", "/ok.png"))

    ids = [failing, working]
    assert cache_feed_icons(transport_of(reader), icons, feeds(reader, ids), now=start) == 1
    assert asked() == 2
    later = start + timedelta(days=6)
    assert cache_feed_icons(transport_of(reader), icons, feeds(reader, ids), now=later) == 0
    assert asked() == 2  # neither the failure nor the success is asked again within a week
    week = start + timedelta(days=7, minutes=1)
    assert cache_feed_icons(transport_of(reader), icons, feeds(reader, ids), now=week) == 1
    assert asked() == 4


def test_a_changed_icon_address_or_a_deleted_file_is_fetched_again(
    reader: Reader, feed_server: FeedServer, icons: Path
) -> None:
    feed_server.route("/one.png", Response(body=png_bytes(seed=1), content_type="image/png"))
    feed_server.route("/two.ico", Response(body=ICO, content_type="image/x-icon"))
    feed_id = add_feed(reader, feed_server, "d", icon="/one.png")
    assert cache_feed_icons(transport_of(reader), icons, feeds(reader, [feed_id])) == 1
    moved = feed_server.url("/two.ico")
    with database_of(reader).session() as session:
        session.execute(update(FeedRow).where(FeedRow.id == feed_id).values(icon_url=moved))
    assert cache_feed_icons(transport_of(reader), icons, feeds(reader, [feed_id])) == 1
    assert feed_icon_path(icons, feed_id) == icons / f"{feed_id}.ico"
    assert not (icons / f"{feed_id}.png").exists()  # the old file went with the old icon
    (icons / f"{feed_id}.ico").unlink()
    assert cache_feed_icons(transport_of(reader), icons, feeds(reader, [feed_id])) == 1
    assert feed_icon_path(icons, feed_id) is not None


def test_a_damaged_state_file_is_ignored(
    reader: Reader, feed_server: FeedServer, icons: Path
) -> None:
    icons.mkdir()
    (icons / STATE_FILE).write_text("{not json")
    feed_server.route("/logo.png", Response(body=png_bytes(), content_type="image/png"))
    feed_id = add_feed(reader, feed_server, "e", icon="/logo.png")
    assert cache_feed_icons(transport_of(reader), icons, feeds(reader, [feed_id])) == 1
    assert str(feed_id) in json.loads((icons / STATE_FILE).read_text())["feeds"]


def test_a_cancelled_run_starts_no_download(
    reader: Reader, feed_server: FeedServer, icons: Path
) -> None:
    feed_server.route("/logo.png", Response(body=png_bytes(), content_type="image/png"))
    feed_id = add_feed(reader, feed_server, "f", icon="/logo.png")
    cancel = threading.Event()
    cancel.set()
    assert (
        cache_feed_icons(transport_of(reader), icons, feeds(reader, [feed_id]), cancel=cancel) == 0
    )
    assert feed_server.requests_for("/logo.png") == []
    assert (
        cache_feed_icons(transport_of(reader), icons, feeds(reader, [feed_id])) == 1
    )  # not recorded


def test_the_demo_feeds_get_their_icons_offline(tmp_path: Path) -> None:
    with Reader.open(tmp_path / "demo") as reader:
        reader.load_demo()
        ids = [f.id for f in reader.list_feeds()]
        folder = tmp_path / "demo-icons"
        assert cache_feed_icons(transport_of(reader), folder, feeds(reader, ids)) == len(ids) == 4
        assert all(feed_icon_path(folder, feed_id) is not None for feed_id in ids)
