"""The offline image cache: article pictures downloaded with the feeds.

Articles are read offline, on a train or after the site took the story down, so their
images are fetched during the background refresh and kept on disk.  The reading pane
never touches the network; it shows a cached file or the image's alt text.

Files are named after the SHA-256 of their bytes, so the same picture used by many
articles (a logo, an agency photo) is stored once, and a file name can never be
chosen by a feed.  Only raster formats recognised by their first bytes are kept: an
HTML error page served as ``image/jpeg`` is refused, and so is SVG, which can carry
scripts.  The ``images`` table remembers every URL tried, with the outcome, so a
broken image is not asked for again on every refresh.
"""

from __future__ import annotations

import concurrent.futures as cf
import hashlib
import logging
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path
from typing import TypeVar

from sqlalchemy import select

from newsreader.core.errors import FetchError
from newsreader.core.files import write_atomically
from newsreader.core.types import Article
from newsreader.fetch.transport import Transport
from newsreader.storage.database import Database
from newsreader.storage.models import ArticleRow, ImageRow

__all__ = [
    "MAX_IMAGE_BYTES",
    "cache_images",
    "image_urls_of",
    "local_image",
    "local_images",
    "sniff_image",
]

log = logging.getLogger(__name__)

_T = TypeVar("_T")

#: Larger answers are cut off and refused: a news photo is far smaller than this.
MAX_IMAGE_BYTES = 5 * 1024 * 1024
#: A failed image is tried again after this long (servers come back, 404s rarely do).
RETRY_FAILED_AFTER = timedelta(hours=24)
#: What the cache asks servers for; ``*/*`` last because some CDNs answer nothing else.
IMAGE_ACCEPT = "image/avif,image/webp,image/png,image/jpeg,image/gif;q=0.9,*/*;q=0.1"

STATUS_OK = "ok"
STATUS_ERROR = "error"

#: How many ids go into one ``IN (...)`` list (SQLite limits bound parameters).
_ID_CHUNK = 500
#: Outcomes written to the database per transaction while downloads go on.
_WRITE_BATCH = 50
_SCHEMES = ("http://", "https://")


# --- which images an article has ---------------------------------------------------


class _ImageSources(HTMLParser):
    """Collects ``<img src>`` values; the parser decodes entities in attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sources: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            for name, value in attrs:
                if name == "src" and value:
                    self.sources.append(value.strip())

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)


def _is_web_url(url: str) -> bool:
    return url.lower().startswith(_SCHEMES)


def _image_urls(image_url: str | None, content_html: str | None) -> list[str]:
    candidates: list[str] = []
    if image_url:
        candidates.append(image_url.strip())
    if content_html and "<img" in content_html.lower():
        collector = _ImageSources()
        collector.feed(content_html)
        collector.close()
        candidates.extend(collector.sources)
    return list(dict.fromkeys(url for url in candidates if _is_web_url(url)))


def image_urls_of(article: Article) -> list[str]:
    """The lead image and every ``<img src>`` of the body: http(s) only, each once.

    The lead image comes first so that, when a refresh is cut short, the picture
    shown at the top of the article is the one most likely to be cached.
    """
    return _image_urls(article.image_url, article.content_html)


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


@dataclass(frozen=True, slots=True)
class _Outcome:
    url: str
    file_name: str | None = None
    content_type: str | None = None
    size: int | None = None
    error: str | None = None
    new_file: bool = False


def _write_atomically(folder: Path, file_name: str, data: bytes) -> bool:
    """Store *data* as ``folder/file_name`` unless it is already there.

    The bytes go to a temporary file in the same folder first and are renamed into
    place, so a reader (or a crash) never sees half an image under the final name.
    Returns whether a new file was written.
    """
    target = folder / file_name
    if target.is_file() and target.stat().st_size == len(data):
        return False  # content-addressed: same name, same bytes
    write_atomically(target, data)
    return True


def _download(
    transport: Transport, folder: Path, url: str, cancel: threading.Event | None
) -> _Outcome | None:
    """Fetch one image; every failure becomes the outcome's error, never an exception."""
    if cancel is not None and cancel.is_set():
        return None
    try:
        response = transport.get(url, max_bytes=MAX_IMAGE_BYTES, accept=IMAGE_ACCEPT)
    except FetchError as exc:
        return _Outcome(url, error=str(exc) or type(exc).__name__)
    except Exception as exc:  # a transport bug must not end the refresh
        log.exception("fetching image %s failed", url)
        return _Outcome(url, error=f"{type(exc).__name__}: {exc}")
    data = response.body
    if len(data) > MAX_IMAGE_BYTES:  # a transport that ignores max_bytes
        return _Outcome(url, error="the image is larger than the size limit")
    kind = sniff_image(data)
    if kind is None:
        return _Outcome(url, error=_describe_refusal(data, response.content_type))
    file_name = hashlib.sha256(data).hexdigest() + kind.extension
    try:
        new_file = _write_atomically(folder, file_name, data)
    except OSError as exc:
        return _Outcome(url, error=f"cannot write the image file: {exc.strerror or exc}")
    return _Outcome(url, file_name, kind.content_type, len(data), new_file=new_file)


# --- bookkeeping -------------------------------------------------------------------


def _chunks(items: Sequence[_T], size: int) -> Iterator[list[_T]]:
    for start in range(0, len(items), size):
        yield list(items[start : start + size])


def _urls_of_articles(db: Database, article_ids: Sequence[int]) -> list[str]:
    urls: dict[str, None] = {}
    with db.session() as session:
        for chunk in _chunks(list(dict.fromkeys(article_ids)), _ID_CHUNK):
            rows = session.execute(
                select(ArticleRow.id, ArticleRow.image_url, ArticleRow.content_html).where(
                    ArticleRow.id.in_(chunk)
                )
            ).all()
            order = {article_id: i for i, article_id in enumerate(chunk)}
            for row in sorted(rows, key=lambda r: order[r[0]]):
                urls.update(dict.fromkeys(_image_urls(row[1], row[2])))
    return list(urls)


def _wanted(db: Database, folder: Path, urls: Sequence[str], now: datetime) -> list[str]:
    """The URLs worth fetching: not cached (or the file vanished) and not failed lately."""
    known: dict[str, tuple[str, str | None, datetime | None]] = {}
    with db.session() as session:
        for chunk in _chunks(list(urls), _ID_CHUNK):
            for row in session.execute(
                select(ImageRow.url, ImageRow.status, ImageRow.file_name, ImageRow.fetched).where(
                    ImageRow.url.in_(chunk)
                )
            ):
                known[row[0]] = (row[1], row[2], row[3])
    wanted = []
    for url in urls:
        state = known.get(url)
        if state is None:
            wanted.append(url)
            continue
        status, file_name, fetched = state
        if status == STATUS_OK:
            if not (file_name and _safe_name(file_name) and (folder / file_name).is_file()):
                wanted.append(url)
        elif fetched is None or now - fetched >= RETRY_FAILED_AFTER:
            wanted.append(url)
    return wanted


def _record(db: Database, outcomes: Iterable[_Outcome], now: datetime) -> None:
    """Upsert one row per URL with the outcome of its download."""
    by_url = {o.url: o for o in outcomes}
    if not by_url:
        return
    with db.session() as session:
        existing = {
            row.url: row
            for row in session.scalars(select(ImageRow).where(ImageRow.url.in_(list(by_url))))
        }
        for url, outcome in by_url.items():
            row = existing.get(url)
            if row is None:
                row = ImageRow(url=url)
                session.add(row)
            row.fetched = now
            if outcome.error is None:
                row.status = STATUS_OK
                row.file_name = outcome.file_name
                row.content_type = outcome.content_type
                row.size = outcome.size
                row.error = None
            else:
                row.status = STATUS_ERROR
                row.error = outcome.error[:2000]
                row.file_name = None
                row.content_type = None
                row.size = None


def cache_images(
    db: Database,
    transport: Transport,
    images_dir: Path,
    article_ids: Sequence[int],
    *,
    cancel: threading.Event | None = None,
    threads: int = 8,
) -> int:
    """Download the images of *article_ids* that are not cached yet.

    Runs in the refresh worker after new articles are stored.  Each image ends with a
    row in the ``images`` table: ``ok`` with its file, or ``error`` with the reason
    (unreachable, too large, not an image); nothing is raised for one image's
    failure.  Setting *cancel* stops starting new downloads; those already running
    finish and are recorded.

    Returns how many new files were written to *images_dir*.
    """
    images_dir.mkdir(parents=True, exist_ok=True)
    now = datetime.now(UTC)
    urls = _wanted(db, images_dir, _urls_of_articles(db, article_ids), now)
    if not urls:
        return 0
    new_files = 0
    pending: list[_Outcome] = []
    workers = max(1, min(threads, len(urls)))
    with cf.ThreadPoolExecutor(max_workers=workers, thread_name_prefix="image-cache") as pool:
        futures = [pool.submit(_download, transport, images_dir, url, cancel) for url in urls]
        try:
            for future in cf.as_completed(futures):
                outcome = future.result()
                if outcome is None:
                    continue
                new_files += outcome.new_file
                pending.append(outcome)
                if len(pending) >= _WRITE_BATCH:
                    _record(db, pending, datetime.now(UTC))
                    pending.clear()
                if cancel is not None and cancel.is_set():
                    for other in futures:
                        other.cancel()
        finally:
            _record(db, pending, datetime.now(UTC))
    log.info("image cache: %d of %d images stored as new files", new_files, len(urls))
    return new_files


# --- reading the cache -------------------------------------------------------------


def _safe_name(file_name: str) -> bool:
    """A stored name is a bare file name: never a path that leaves the cache folder."""
    return (
        bool(file_name)
        and "/" not in file_name
        and "\\" not in file_name
        and (file_name not in (".", ".."))
    )


def local_images(db: Database, images_dir: Path, urls: Iterable[str]) -> dict[str, Path]:
    """The cached files of those *urls* that have one on disk (one query for all)."""
    wanted = list(dict.fromkeys(u for u in urls if u))
    found: dict[str, Path] = {}
    if not wanted:
        return found
    with db.session() as session:
        for chunk in _chunks(wanted, _ID_CHUNK):
            for url, file_name in session.execute(
                select(ImageRow.url, ImageRow.file_name).where(
                    ImageRow.url.in_(chunk), ImageRow.status == STATUS_OK
                )
            ):
                if file_name and _safe_name(file_name):
                    path = images_dir / file_name
                    if path.is_file():
                        found[url] = path
    return found


def local_image(db: Database, images_dir: Path, url: str) -> Path | None:
    """The cached file of *url*, if it was downloaded and is still on disk."""
    return local_images(db, images_dir, [url]).get(url)
