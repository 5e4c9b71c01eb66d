"""Which pictures an article has, and downloading one checked by its bytes.

Downloads run against a real HTTP server on 127.0.0.1; what the offline cache does
with them is tested in tests/update/test_image_cache.py.
"""

from __future__ import annotations

import hashlib
import logging
import struct
import threading
import zlib
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsreader.core.html import StartTag, walk_html
from newsreader.core.types import Article, Direction
from newsreader.fetch.http import FetchResponse, HttpClient
from newsreader.fetch.images import (
    IMAGE_ACCEPT,
    MAX_IMAGE_BYTES,
    TRACKING_PIXEL,
    download_image,
    image_size,
    image_urls,
    image_urls_of,
    is_tracking_pixel,
    sniff_image,
    without_images,
)
from newsreader.fetch.sanitize import sanitize_html
from tests.helpers.feedserver import FeedServer, Response


def png_bytes(width: int = 2, height: int = 2, seed: int = 0) -> bytes:
    """A valid, tiny PNG (different *seed*, different bytes)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    raw = b"".join(b"\x00" + bytes([seed % 256, 0, 0]) * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


SVG = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>x()</script></svg>'
HTML = b"<!DOCTYPE html><html><body>Sorry, this picture has moved</body></html>"


def article(**changes: object) -> Article:
    values: dict[str, object] = {
        "id": 1,
        "feed_id": 1,
        "feed_title": "feed",
        "guid": "g",
        "title": "t",
        "link": None,
        "author": None,
        "summary": None,
        "content_html": None,
        "published": None,
        "updated": None,
        "first_seen": datetime(2026, 1, 1, tzinfo=UTC),
        "language": None,
        "direction": Direction.LTR,
        "read": False,
        "starred": False,
    }
    values.update(changes)
    return Article(**values)  # type: ignore[arg-type]


# -- which images an article has ------------------------------------------------------


def test_image_urls_lead_first_deduplicated_web_only() -> None:
    body = (
        '<p><img src="https://ex.org/b.jpg"><img src="https://ex.org/a.jpg?x=1&amp;y=2">'
        '<img src="https://ex.org/lead.jpg"><img src="data:image/png;base64,AAAA">'
        '<img src="ftp://ex.org/c.jpg"><img src="/relative.jpg"><img alt="no source"></p>'
    )
    found = image_urls_of(article(image_url="https://ex.org/lead.jpg", content_html=body))
    assert found == [
        "https://ex.org/lead.jpg",
        "https://ex.org/b.jpg",
        "https://ex.org/a.jpg?x=1&y=2",
    ]
    assert image_urls_of(article()) == []


@pytest.mark.parametrize(
    ("data", "content_type"),
    [
        (png_bytes(), "image/png"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "image/jpeg"),
        (b"GIF89a\x01\x00\x01\x00", "image/gif"),
        (b"RIFF\x24\x00\x00\x00WEBPVP8 ", "image/webp"),
        (b"\x00\x00\x00\x1cftypavif\x00\x00\x00\x00avifmif1", "image/avif"),
        (b"\x00\x00\x00\x1cftypmif1\x00\x00\x00\x00mif1avif", "image/avif"),
    ],
)
def test_sniff_recognises_raster_formats(data: bytes, content_type: str) -> None:
    kind = sniff_image(data)
    assert kind is not None and kind.content_type == content_type


@pytest.mark.parametrize(
    "data", [HTML, SVG, b"", b"\x00\x00\x00\x1cftypisom\x00\x00\x00\x00mp41", b"plain text"]
)
def test_sniff_refuses_everything_else(data: bytes) -> None:
    assert sniff_image(data) is None


# -- downloading one picture ----------------------------------------------------------


def test_a_picture_is_stored_under_the_hash_of_its_bytes(
    feed_server: FeedServer, client: HttpClient, tmp_path: Path
) -> None:
    picture = png_bytes(seed=5)
    # the server's type is not trusted either way: the bytes say PNG
    feed_server.route("/p", Response(body=picture, content_type="application/octet-stream"))
    url = feed_server.url("/p")

    got = download_image(client, tmp_path, url)

    name = hashlib.sha256(picture).hexdigest() + ".png"
    assert got is not None
    assert (got.url, got.file_name, got.content_type, got.size) == (
        url,
        name,
        "image/png",
        len(picture),
    )
    assert got.error is None and got.new_file
    assert [p.name for p in tmp_path.iterdir()] == [name]  # no temporary file left
    assert (tmp_path / name).read_bytes() == picture
    assert feed_server.requests_for("/p")[0].headers["accept"] == IMAGE_ACCEPT


def test_the_same_bytes_under_another_address_write_no_new_file(
    feed_server: FeedServer, client: HttpClient, tmp_path: Path
) -> None:
    picture = png_bytes(seed=9)
    for path in ("/one", "/two"):
        feed_server.route(path, Response(body=picture, content_type="image/png"))

    first = download_image(client, tmp_path, feed_server.url("/one"))
    second = download_image(client, tmp_path, feed_server.url("/two"))

    assert first is not None and second is not None
    assert first.file_name == second.file_name
    assert (first.new_file, second.new_file) == (True, False)
    assert len(list(tmp_path.iterdir())) == 1


@pytest.mark.parametrize(
    ("body", "content_type", "reason"),
    [
        (HTML, "image/jpeg", "not an image: the server sent a web page (served as image/jpeg)"),
        (SVG, "image/svg+xml", "SVG images are not kept"),
        (b"", "image/png", "the server sent an empty body"),
        (b"GIF80 nonsense", None, "not a supported image format (served as no content type)"),
    ],
    ids=["web page", "svg", "empty", "unknown"],
)
def test_what_is_not_a_raster_picture_is_refused_with_the_reason(
    feed_server: FeedServer,
    client: HttpClient,
    tmp_path: Path,
    body: bytes,
    content_type: str | None,
    reason: str,
) -> None:
    feed_server.route("/x", Response(body=body, content_type=content_type))

    got = download_image(client, tmp_path, feed_server.url("/x"))

    assert got is not None and got.error is not None
    assert got.error.startswith(reason)
    assert (got.file_name, got.new_file) == (None, False)
    assert list(tmp_path.iterdir()) == []


def test_a_failed_fetch_is_the_answers_error_never_raised(
    feed_server: FeedServer, client: HttpClient, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    feed_server.route("/huge", Response(body=png_bytes() + b"\0" * MAX_IMAGE_BYTES))

    with caplog.at_level(logging.ERROR, logger="newsreader.fetch.images"):
        missing = download_image(client, tmp_path, feed_server.url("/missing"))
        huge = download_image(client, tmp_path, feed_server.url("/huge"))

    assert caplog.records == []  # the server's fault, not a bug to log
    assert missing is not None and missing.error == "HTTP 404 Not Found"
    assert huge is not None and huge.file_name is None
    assert f"limit {MAX_IMAGE_BYTES}" in (huge.error or "")  # the pictures' cap, not the feeds'
    assert list(tmp_path.iterdir()) == []


def test_a_cancelled_download_never_starts(
    feed_server: FeedServer, client: HttpClient, tmp_path: Path
) -> None:
    feed_server.route("/p", Response(body=png_bytes(), content_type="image/png"))
    cancel = threading.Event()
    cancel.set()

    assert download_image(client, tmp_path, feed_server.url("/p"), cancel) is None
    assert feed_server.requests == []


class _Answers:
    """A transport that answers every URL with one body, or fails with one exception."""

    def __init__(self, body: bytes = b"", error: Exception | None = None) -> None:
        self.body = body
        self.error = error

    def get(self, url: str, **_options: object) -> FetchResponse:
        if self.error is not None:
            raise self.error
        return FetchResponse(url, url, None, False, self.body, "image/png", None, None, 200)

    def close(self) -> None:
        pass


def test_a_transport_that_ignores_the_size_limit_is_still_refused(tmp_path: Path) -> None:
    oversized = _Answers(png_bytes() + b"\0" * MAX_IMAGE_BYTES)

    got = download_image(oversized, tmp_path, "https://example.org/big.png")

    assert got is not None and got.error == "the image is larger than the size limit"
    assert list(tmp_path.iterdir()) == []


def test_a_transport_bug_is_logged_and_becomes_the_error(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    broken = _Answers(error=RuntimeError("transport bug"))

    with caplog.at_level(logging.ERROR, logger="newsreader.fetch.images"):
        got = download_image(broken, tmp_path, "https://example.org/a.png")

    assert got is not None and got.error == "RuntimeError: transport bug"
    assert "https://example.org/a.png" in caplog.text


def test_a_folder_that_cannot_be_written_is_the_error(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_bytes(b"")

    got = download_image(_Answers(png_bytes()), not_a_folder, "https://example.org/a.png")

    assert got is not None and (got.error or "").startswith("cannot write the image file")
    assert got.file_name is None


# --- sizes read from headers, tracking pixels ---------------------------------------


def gif_bytes(width: int, height: int) -> bytes:
    return b"GIF89a" + struct.pack("<HH", width, height) + b"\x00\x00\x00;"


def jpeg_bytes(width: int, height: int) -> bytes:
    """A JPEG's start: an APP0 segment, then a baseline frame header with its size."""
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    sof = b"\xff\xc0" + struct.pack(">HBHHB", 17, 8, height, width, 3) + b"\x01\x11\x00" * 3
    return b"\xff\xd8" + app0 + sof + b"\xff\xda"


def webp_bytes(chunk: bytes, payload: bytes) -> bytes:
    body = b"WEBP" + chunk + struct.pack("<I", len(payload)) + payload
    return b"RIFF" + struct.pack("<I", len(body)) + body


WEBP_VP8X = webp_bytes(
    b"VP8X", b"\x00\x00\x00\x00" + (639).to_bytes(3, "little") + (359).to_bytes(3, "little")
)
WEBP_VP8L_1x1 = webp_bytes(b"VP8L", b"\x2f" + (0).to_bytes(4, "little"))
WEBP_VP8 = webp_bytes(
    b"VP8 ", b"\x00\x00\x00" + b"\x9d\x01\x2a" + struct.pack("<HH", 320, 200) + b"\x00" * 4
)


@pytest.mark.parametrize(
    ("data", "size"),
    [
        (png_bytes(3, 5), (3, 5)),
        (gif_bytes(1, 1), (1, 1)),
        (jpeg_bytes(800, 600), (800, 600)),
        (WEBP_VP8X, (640, 360)),
        (WEBP_VP8L_1x1, (1, 1)),
        (WEBP_VP8, (320, 200)),
        (b"\x89PNG\r\n\x1a\n", None),  # cut short
        (b"\xff\xd8\xff\xda", None),  # image data before any frame header
        (HTML, None),
    ],
)
def test_the_size_is_read_from_the_header(data: bytes, size: tuple[int, int] | None) -> None:
    assert image_size(data) == size


def test_only_images_of_one_pixel_at_most_are_tracking_pixels() -> None:
    assert is_tracking_pixel(png_bytes(1, 1))
    assert is_tracking_pixel(gif_bytes(1, 1))
    assert is_tracking_pixel(jpeg_bytes(1, 1))
    assert is_tracking_pixel(WEBP_VP8L_1x1)
    assert not is_tracking_pixel(png_bytes(1, 2))
    assert not is_tracking_pixel(gif_bytes(300, 1))  # a thin rule, not a pixel
    assert not is_tracking_pixel(b"\x89PNG\r\n\x1a\n")


def test_a_downloaded_tracking_pixel_is_not_kept(
    feed_server: FeedServer, client: HttpClient, tmp_path: Path
) -> None:
    feed_server.route("/t.gif", Response(body=gif_bytes(1, 1), content_type="image/gif"))

    got = download_image(client, tmp_path, feed_server.url("/t.gif"))

    assert got is not None and got.error == TRACKING_PIXEL and got.file_name is None
    assert list(tmp_path.iterdir()) == []


def test_chosen_images_are_taken_out_of_sanitized_content() -> None:
    content = (
        '<p>أ<img src="https://t.example/p.gif?a=1&amp;b=2" alt="">ب</p>'
        '<img src="https://cdn.example/real.jpg" alt="صورة">'
    )
    assert without_images(content, {"https://t.example/p.gif?a=1&b=2"}) == (
        '<p>أب</p><img src="https://cdn.example/real.jpg" alt="صورة">'
    )
    assert without_images(content, set()) == content


def test_image_sources_read_from_tags_agree_with_the_whole_page_tokenizer() -> None:
    """Finding ``<img>`` tags first must not change what a sanitized page yields."""
    raw = [
        '<p><img alt="a > b" src="https://ex.org/gt.jpg"></p>',
        "<IMG SRC='https://ex.org/upper.jpg' ALT='x'>",
        '<img src=https://ex.org/bare.jpg alt=z><image src="https://ex.org/no.jpg">',
        '<figure><img src="https://ex.org/a.jpg?x=1&amp;y=2" title="&quot;q&quot;"></figure>',
        '<!-- <img src="https://ex.org/comment.jpg"> --><script><img src="https://ex.org/s.jpg">',
        '<p dir="rtl">صورة <img src="https://ex.org/%D8%B5.jpg" alt="صورة \'x\'"> هنا</p>',
        '<img\nsrc="https://ex.org/newline.jpg"\n><img src="">',
    ]
    for markup in raw:
        clean = sanitize_html(markup, "https://ex.org/news/")
        whole_page = [
            event.attrs["src"].strip()
            for event in walk_html(clean)
            if isinstance(event, StartTag) and event.name == "img" and event.attrs.get("src")
        ]
        assert image_urls(None, clean) == [
            u for u in dict.fromkeys(whole_page) if u.startswith("http")
        ]
    # a ">" inside a quoted value does not end the tag (the sanitizer escapes it; a
    # stored page from before it did may not)
    assert image_urls(None, raw[0]) == ["https://ex.org/gt.jpg"]
