"""The offline image cache: what a refresh downloads, what it records, and finding a copy.

Against a real HTTP server on 127.0.0.1 and the demo transport, over a real SQLite file.
"""

from __future__ import annotations

import hashlib
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select, update

from newsreader.core.paths import resources_dir
from newsreader.fetch.images import MAX_IMAGE_BYTES
from newsreader.reader import Reader
from newsreader.storage.models import ImageRow
from newsreader.update.image_cache import cache_images, local_image, local_images
from tests.fetch.test_images import HTML, SVG, gif_bytes, png_bytes
from tests.helpers.feeds import Item, rss
from tests.helpers.feedserver import FeedServer, Response
from tests.helpers.profile import database_of, transport_of


def store_article(reader: Reader, server: FeedServer, body: str) -> list[int]:
    """Subscribe to a one-item feed whose content is *body*; the stored article ids."""
    server.route("/feed.xml", Response(body=rss([Item(guid="a", title="خبر", body=body)])))
    reader.subscribe(server.url("/feed.xml"))
    reader.refresh(images=False)  # the tests call the cache themselves
    ids = reader.article_ids()
    assert len(ids) == 1
    return ids


def rows(reader: Reader) -> dict[str, ImageRow]:
    with database_of(reader).session() as session:
        return {row.url: row for row in session.scalars(select(ImageRow))}


def test_cache_keeps_real_images_and_records_every_failure(
    reader: Reader, feed_server: FeedServer, tmp_path: Path
) -> None:
    picture = png_bytes()
    feed_server.route("/pic.png", Response(body=picture, content_type="image/png"))
    feed_server.route(
        "/huge.png",
        Response(body=picture + b"\x00" * MAX_IMAGE_BYTES, content_type="image/png"),
    )
    feed_server.route("/fake.jpg", Response(body=HTML, content_type="image/jpeg"))
    feed_server.route("/vector.svg", Response(body=SVG, content_type="image/svg+xml"))
    urls = {name: feed_server.url(name) for name in ("/pic.png", "/huge.png", "/fake.jpg")}
    urls["/vector.svg"] = feed_server.url("/vector.svg")
    urls["/missing.png"] = feed_server.url("/missing.png")
    body = "".join(f'<p><img src="{url}" alt="x"></p>' for url in urls.values())
    ids = store_article(reader, feed_server, body)
    folder = tmp_path / "images"

    assert cache_images(database_of(reader), transport_of(reader), folder, ids) == 1

    expected_name = hashlib.sha256(picture).hexdigest() + ".png"
    assert sorted(p.name for p in folder.iterdir()) == [expected_name]  # no temp files left
    assert (folder / expected_name).read_bytes() == picture
    stored = rows(reader)
    assert stored[urls["/pic.png"]].status == "ok"
    assert stored[urls["/pic.png"]].content_type == "image/png"
    assert stored[urls["/pic.png"]].size == len(picture)
    for name in ("/huge.png", "/fake.jpg", "/vector.svg", "/missing.png"):
        assert stored[urls[name]].status == "error", name
        assert stored[urls[name]].file_name is None
    assert "web page" in (stored[urls["/fake.jpg"]].error or "")
    assert "SVG" in (stored[urls["/vector.svg"]].error or "")
    assert "404" in (stored[urls["/missing.png"]].error or "")
    assert local_image(database_of(reader), folder, urls["/pic.png"]) == folder / expected_name
    assert local_image(database_of(reader), folder, urls["/fake.jpg"]) is None
    assert set(local_images(database_of(reader), folder, urls.values())) == {urls["/pic.png"]}


def test_second_run_asks_for_nothing(
    reader: Reader, feed_server: FeedServer, tmp_path: Path
) -> None:
    feed_server.route("/pic.png", Response(body=png_bytes(), content_type="image/png"))
    body = f'<img src="{feed_server.url("/pic.png")}"><img src="{feed_server.url("/gone")}">'
    ids = store_article(reader, feed_server, body)
    folder = tmp_path / "images"
    assert cache_images(database_of(reader), transport_of(reader), folder, ids) == 1
    before = len(feed_server.requests)

    assert cache_images(database_of(reader), transport_of(reader), folder, ids) == 0
    assert len(feed_server.requests) == before  # cached, and the 404 is not retried yet


def test_failed_image_is_retried_after_a_day(
    reader: Reader, feed_server: FeedServer, tmp_path: Path
) -> None:
    ids = store_article(reader, feed_server, f'<img src="{feed_server.url("/later.png")}">')
    folder = tmp_path / "images"
    assert cache_images(database_of(reader), transport_of(reader), folder, ids) == 0
    feed_server.route("/later.png", Response(body=png_bytes(), content_type="image/png"))
    with database_of(reader).session() as session:
        session.execute(update(ImageRow).values(fetched=datetime(2020, 1, 1, tzinfo=UTC)))

    assert cache_images(database_of(reader), transport_of(reader), folder, ids) == 1
    assert local_image(database_of(reader), folder, feed_server.url("/later.png")) is not None


def test_same_bytes_under_two_urls_make_one_file(
    reader: Reader, feed_server: FeedServer, tmp_path: Path
) -> None:
    picture = png_bytes(seed=7)
    for path in ("/one.png", "/two.png"):
        feed_server.route(path, Response(body=picture, content_type="application/octet-stream"))
    body = f'<img src="{feed_server.url("/one.png")}"><img src="{feed_server.url("/two.png")}">'
    ids = store_article(reader, feed_server, body)
    folder = tmp_path / "images"

    assert cache_images(database_of(reader), transport_of(reader), folder, ids, threads=1) == 1
    one = local_image(database_of(reader), folder, feed_server.url("/one.png"))
    two = local_image(database_of(reader), folder, feed_server.url("/two.png"))
    assert one is not None and one == two


def test_deleted_file_is_fetched_again(
    reader: Reader, feed_server: FeedServer, tmp_path: Path
) -> None:
    feed_server.route("/pic.png", Response(body=png_bytes(), content_type="image/png"))
    url = feed_server.url("/pic.png")
    ids = store_article(reader, feed_server, f'<img src="{url}">')
    folder = tmp_path / "images"
    cache_images(database_of(reader), transport_of(reader), folder, ids)
    cached = local_image(database_of(reader), folder, url)
    assert cached is not None
    cached.unlink()
    assert local_image(database_of(reader), folder, url) is None

    assert cache_images(database_of(reader), transport_of(reader), folder, ids) == 1
    assert local_image(database_of(reader), folder, url) == cached
    assert len(feed_server.requests_for("/pic.png")) == 2


def test_cancel_before_start_fetches_nothing(
    reader: Reader, feed_server: FeedServer, tmp_path: Path
) -> None:
    feed_server.route("/pic.png", Response(body=png_bytes(), content_type="image/png"))
    ids = store_article(reader, feed_server, f'<img src="{feed_server.url("/pic.png")}">')
    cancel = threading.Event()
    cancel.set()

    assert (
        cache_images(database_of(reader), transport_of(reader), tmp_path / "i", ids, cancel=cancel)
        == 0
    )
    assert feed_server.requests_for("/pic.png") == []
    assert rows(reader) == {}


def test_unknown_url_and_unsafe_file_names_are_not_local(reader: Reader, tmp_path: Path) -> None:
    (tmp_path / "secret.png").write_bytes(png_bytes())
    folder = tmp_path / "images"
    folder.mkdir()
    with database_of(reader).session() as session:
        session.add(ImageRow(url="https://ex.org/a.png", file_name="../secret.png", status="ok"))
    assert local_image(database_of(reader), folder, "https://ex.org/a.png") is None
    assert local_image(database_of(reader), folder, "https://ex.org/unknown.png") is None


@pytest.mark.skipif(
    not (resources_dir() / "demo" / "demo.opml").is_file(), reason="demo content not present"
)
def test_demo_images_are_cached_without_network(reader: Reader, tmp_path: Path) -> None:
    reader.load_demo()
    ids = reader.article_ids()
    folder = tmp_path / "images"  # not the profile's: load_demo filled that one

    assert cache_images(database_of(reader), transport_of(reader), folder, ids) > 0
    with_images = [a for a in map(reader.get_article, ids) if a.image_url]
    assert with_images
    assert all(
        local_image(database_of(reader), folder, a.image_url) is not None
        for a in with_images
        if a.image_url and a.image_url.startswith("https://demo.newsreader.invalid/")
    )


def test_a_tracking_pixel_is_not_kept_and_the_article_loses_it(
    reader: Reader, feed_server: FeedServer, tmp_path: Path
) -> None:
    # Declared as a real picture, but 1×1 once downloaded: the sanitizer could not tell.
    feed_server.route("/t.gif", Response(body=gif_bytes(1, 1), content_type="image/gif"))
    feed_server.route("/real.png", Response(body=png_bytes(), content_type="image/png"))
    pixel, real = feed_server.url("/t.gif"), feed_server.url("/real.png")
    body = f'<p>نص</p><img src="{pixel}" alt="t"><img src="{real}" alt="صورة">'
    [article_id] = store_article(reader, feed_server, body)
    assert reader.get_article(article_id).image_url == pixel  # the lead, taken from the body
    folder = tmp_path / "images"

    assert cache_images(database_of(reader), transport_of(reader), folder, [article_id]) == 1

    article = reader.get_article(article_id)
    assert pixel not in (article.content_html or "") and real in (article.content_html or "")
    assert article.image_url is None
    assert rows(reader)[pixel].status == "error" and len(list(folder.iterdir())) == 1
