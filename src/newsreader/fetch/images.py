"""Article pictures for the offline cache: which an article has, and fetching one.

Files are named after the SHA-256 of their bytes, so the same picture used by many
articles (a logo, an agency photo) is stored once, and a file name can never be
chosen by a feed.  Only raster formats recognised by their first bytes are kept: an
HTML error page served as ``image/jpeg`` is refused, and so is SVG, which can carry
scripts.  What to fetch and what became of it is the refresh's business
(:mod:`newsreader.update.image_cache`), kept in the ``images`` table.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import struct
import threading
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from newsreader.core.errors import FetchError, NotTriedError
from newsreader.core.files import write_atomically
from newsreader.core.html import StartTag, walk_html
from newsreader.core.media import ImageDownload
from newsreader.core.types import Article
from newsreader.core.update_records import FetchResponse
from newsreader.fetch.transport import Transport

__all__ = [
    "IMAGE_ACCEPT",
    "MAX_IMAGE_BYTES",
    "TRACKING_PIXEL",
    "download_image",
    "image_size",
    "image_urls",
    "image_urls_of",
    "is_tracking_pixel",
    "keep_image",
    "sniff_image",
    "without_images",
]

log = logging.getLogger(__name__)

#: Larger answers are cut off and refused: a news photo is far smaller than this.
MAX_IMAGE_BYTES = 5 * 1024 * 1024
#: What the cache asks servers for; ``*/*`` last because some CDNs answer nothing else.
IMAGE_ACCEPT = "image/avif,image/webp,image/png,image/jpeg,image/gif;q=0.9,*/*;q=0.1"

_SCHEMES = ("http://", "https://")
#: Why a downloaded picture was not kept: it is 1×1, a tracker's way of hearing
#: when a feed was read.  Articles lose their references to it.
TRACKING_PIXEL = "a tracking pixel (a 1×1 image): not kept"


# --- which images an article has ---------------------------------------------------


def _is_web_url(url: str) -> bool:
    return url.lower().startswith(_SCHEMES)


#: An ``<img>`` start tag, ``>`` inside a quoted attribute value included.  Stored
#: HTML is sanitized (no comments, scripts or raw-text elements), so every match is
#: a real tag: finding the tags this way and reading only them is many times faster
#: than tokenizing whole articles, which the picture stage does for every new one.
_IMG_TAG_RE = re.compile(r"""<img\b(?:[^>"']|"[^"]*"|'[^']*')*>""", re.IGNORECASE)


def _src_of(tag: str) -> str:
    """The ``src`` of one ``<img ...>`` tag, read by the same tokenizer as whole pages."""
    for event in walk_html(tag):
        if isinstance(event, StartTag) and event.name == "img":
            return (event.attrs.get("src") or "").strip()
    return ""


def image_urls(image_url: str | None, content_html: str | None) -> list[str]:
    """The lead image, then every ``<img src>`` of *content_html*: http(s) only, each once."""
    candidates: list[str] = []
    if image_url:
        candidates.append(image_url.strip())
    if content_html and "<img" in content_html.lower():
        candidates.extend(src for tag in _IMG_TAG_RE.findall(content_html) if (src := _src_of(tag)))
    return list(dict.fromkeys(url for url in candidates if _is_web_url(url)))


def image_urls_of(article: Article) -> list[str]:
    """The lead image and every ``<img src>`` of the body: http(s) only, each once.

    The lead image comes first so that, when a refresh is cut short, the picture
    shown at the top of the article is the one most likely to be cached.
    """
    return image_urls(article.image_url, article.content_html)


# --- what a downloaded body is -----------------------------------------------------


@dataclass(frozen=True, slots=True)
class ImageKind:
    """A raster format recognised by its signature."""

    content_type: str
    extension: str


_PNG = ImageKind("image/png", ".png")
_JPEG = ImageKind("image/jpeg", ".jpg")
_GIF = ImageKind("image/gif", ".gif")
_WEBP = ImageKind("image/webp", ".webp")
_AVIF = ImageKind("image/avif", ".avif")
_AVIF_BRANDS = frozenset({b"avif", b"avis"})


def sniff_image(data: bytes) -> ImageKind | None:
    """The format of *data* judged by its first bytes, or ``None`` if not a known image.

    The server's Content-Type is not trusted: error pages are routinely served with
    an image type, and real images with ``application/octet-stream``.
    """
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return _PNG
    if data.startswith(b"\xff\xd8\xff"):
        return _JPEG
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return _GIF
    if len(data) >= 12 and data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return _WEBP
    if len(data) >= 12 and data[4:8] == b"ftyp":
        box_size = int.from_bytes(data[:4], "big")
        brands = [data[8:12]]
        end = min(box_size, len(data), 64)
        brands.extend(data[i : i + 4] for i in range(16, end - 3, 4))
        if any(brand in _AVIF_BRANDS for brand in brands):
            return _AVIF
    return None


def image_size(data: bytes) -> tuple[int, int] | None:
    """Width and height of a PNG, GIF, JPEG or WebP image, read from its header.

    ``None`` when the header does not say (a truncated or unusual file): only the
    first bytes are looked at, nothing is decoded.
    """
    try:
        if data.startswith(b"\x89PNG\r\n\x1a\n") and data[12:16] == b"IHDR":
            width, height = struct.unpack(">II", data[16:24])
            return width, height
        if data[:6] in (b"GIF87a", b"GIF89a"):
            width, height = struct.unpack("<HH", data[6:10])
            return width, height
        if data.startswith(b"\xff\xd8"):
            return _jpeg_size(data)
        if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
            return _webp_size(data)
    except struct.error:
        return None
    return None


#: JPEG markers that start a frame and carry its size (baseline, progressive, ...).
_SOF_MARKERS = frozenset({0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD})


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    """The frame size of a JPEG: walk its segments to the first start-of-frame."""
    at = 2
    while at + 4 <= len(data):
        if data[at] != 0xFF:
            return None
        marker = data[at + 1]
        if marker == 0xFF:  # padding
            at += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:  # no length
            at += 2
            continue
        (length,) = struct.unpack(">H", data[at + 2 : at + 4])
        if marker in _SOF_MARKERS:
            height, width = struct.unpack(">HH", data[at + 5 : at + 9])
            return width, height
        if marker == 0xDA or length < 2:  # image data before any frame: give up
            return None
        at += 2 + length
    return None


def _webp_size(data: bytes) -> tuple[int, int] | None:
    chunk = data[12:16]
    if chunk == b"VP8X":
        width = int.from_bytes(data[24:27], "little") + 1
        height = int.from_bytes(data[27:30], "little") + 1
        return width, height
    if chunk == b"VP8 " and data[23:26] == b"\x9d\x01\x2a":
        width, height = struct.unpack("<HH", data[26:30])
        return width & 0x3FFF, height & 0x3FFF
    if chunk == b"VP8L" and data[20] == 0x2F:
        bits = int.from_bytes(data[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    return None


def is_tracking_pixel(data: bytes) -> bool:
    """Whether *data* is an image of at most one pixel each way."""
    size = image_size(data)
    return size is not None and size[0] <= 1 and size[1] <= 1


def without_images(content_html: str, urls: Collection[str]) -> str:
    """Sanitized *content_html* without its ``<img>`` tags whose source is one of *urls*."""
    if not urls or "<img" not in content_html.lower():
        return content_html

    def keep(match: re.Match[str]) -> str:
        return "" if _src_of(match.group(0)) in urls else match.group(0)

    return _IMG_TAG_RE.sub(keep, content_html)


def _describe_refusal(data: bytes, content_type: str | None) -> str:
    """Why a body is not cached, in words a user can act on."""
    declared = (content_type or "no content type").split(";", 1)[0].strip()
    head = data[:256].lstrip().lower()
    if head.startswith((b"<?xml", b"<svg")) and b"<svg" in data[:4096].lower():
        return f"SVG images are not kept (they can contain scripts; served as {declared})"
    if head.startswith((b"<!doctype", b"<html", b"<")):
        return f"not an image: the server sent a web page (served as {declared})"
    if not data:
        return "the server sent an empty body"
    return f"not a supported image format (served as {declared})"


# --- downloading -------------------------------------------------------------------


def _write_atomically(folder: Path, file_name: str, data: bytes) -> bool:
    """Store *data* as ``folder/file_name`` unless it is already there.

    The bytes go to a temporary file in the same folder first and are renamed into
    place, so a reader (or a crash) never sees half an image under the final name.
    Returns whether a new file was written.
    """
    target = folder / file_name
    try:
        if os.stat(target).st_size == len(data):
            return False  # content-addressed: same name, same bytes
    except FileNotFoundError:
        pass
    write_atomically(target, data)
    return True


def download_image(
    transport: Transport, folder: Path, url: str, cancel: threading.Event | None = None
) -> ImageDownload | None:
    """Fetch one image into *folder*; every failure is the answer's error, never raised.

    ``None`` when it was not asked for: *cancel* was set before it started, or the
    transport did not try it (:class:`~newsreader.core.errors.NotTriedError`).  A
    tracking pixel (1×1) is not kept: its answer's error is :data:`TRACKING_PIXEL`.
    """
    if cancel is not None and cancel.is_set():
        return None
    outcome: FetchResponse | Exception
    try:
        outcome = transport.get(url, max_bytes=MAX_IMAGE_BYTES, accept=IMAGE_ACCEPT)
    except Exception as exc:  # its outcome, told by keep_image
        outcome = exc
    return keep_image(folder, url, outcome)


def keep_image(folder: Path, url: str, outcome: FetchResponse | Exception) -> ImageDownload | None:
    """What became of fetching *url*: its file in *folder*, or why there is none.

    *outcome* is the response, or the error the fetch ended in; ``None`` when it was
    not tried (:class:`~newsreader.core.errors.NotTriedError`).  Only images known
    by their first bytes are kept, never a tracking pixel (:data:`TRACKING_PIXEL`).
    """
    if isinstance(outcome, NotTriedError):
        return None
    if isinstance(outcome, FetchError):
        return ImageDownload(url, error=str(outcome) or type(outcome).__name__)
    if isinstance(outcome, Exception):  # a transport bug must not end the refresh
        log.error("fetching image %s failed", url, exc_info=outcome)
        return ImageDownload(url, error=f"{type(outcome).__name__}: {outcome}")
    data = outcome.body
    if len(data) > MAX_IMAGE_BYTES:  # a transport that ignores max_bytes
        return ImageDownload(url, error="the image is larger than the size limit")
    kind = sniff_image(data)
    if kind is None:
        return ImageDownload(url, error=_describe_refusal(data, outcome.content_type))
    if is_tracking_pixel(data):
        return ImageDownload(url, error=TRACKING_PIXEL)
    file_name = hashlib.sha256(data).hexdigest() + kind.extension
    try:
        new_file = _write_atomically(folder, file_name, data)
    except OSError as exc:
        return ImageDownload(url, error=f"cannot write the image file: {exc.strerror or exc}")
    return ImageDownload(url, file_name, kind.content_type, len(data), new_file=new_file)
