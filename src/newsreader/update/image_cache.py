"""The offline image cache: article pictures downloaded after the feeds, found again later.

Articles are read offline, on a train or after the site took the story down, so
their pictures are fetched once a refresh has stored the news, and kept on disk.
The reading pane never touches the network; it shows a cached file or the image's
alt text.  Storage remembers every URL tried (:mod:`newsreader.storage.images`), so
a broken picture is tried again only after :data:`RETRY_FAILED_AFTER`.

Many downloads run at once, handed out host by host
(:class:`~newsreader.update.host_health.HostQueue`), through a batch of the
transport (:class:`~newsreader.fetch.transport.FetchBatch`): libcurl's, where one
thread moves every transfer along and keeps each picture as it comes, or a few
threads for other transports.  A host that cannot be reached costs one try, not
one per picture.  Pictures not tried (the run was stopped, or their host failed)
are not recorded, so the next refresh tries them.  A tracking pixel (a 1×1 image)
is not kept, and the articles that show it lose it.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from newsreader.core.media import (
    IMAGE_ERROR,
    IMAGE_OK,
    ImageDownload,
    ImageState,
    is_bare_file_name,
)
from newsreader.fetch.images import (
    IMAGE_ACCEPT,
    MAX_IMAGE_BYTES,
    TRACKING_PIXEL,
    image_urls,
    keep_image,
    without_images,
)
from newsreader.fetch.transport import Outcome, Transport, batch_of
from newsreader.storage import full_articles as full_store
from newsreader.storage import images as image_store
from newsreader.storage.database import Database
from newsreader.update.host_health import HostMemory, HostQueue, host_of

__all__ = [
    "RETRY_FAILED_AFTER",
    "ImageRun",
    "cache_images",
    "download_images",
    "local_image",
    "local_images",
]

#: Told how far the downloads are: pictures done, pictures to do.
ImageProgress = Callable[[int, int], None]

log = logging.getLogger(__name__)

#: A failed image is tried again after this long (servers come back, 404s rarely do).
RETRY_FAILED_AFTER = timedelta(hours=24)
#: Outcomes written to the database per transaction while downloads go on.
_WRITE_BATCH = 50
#: Articles whose text is read at a time to find their pictures.
_READ_SLICE = 500
#: How long downloads under way may take to end once the run is stopped.
STOP_GRACE_S = 1.0
#: How long the stage waits for a download to end before it looks at the stop flag again.
_WAIT_S = 0.1


def _urls_of_articles(db: Database, article_ids: Sequence[int]) -> list[str]:
    """Every picture of the articles, each once, read a slice of articles at a time.

    Only the URLs are kept, so a refresh of thousands of articles never holds all
    their text at once.
    """
    urls: dict[str, None] = {}
    with db.session() as session:
        for start in range(0, len(article_ids), _READ_SLICE):
            ids = article_ids[start : start + _READ_SLICE]
            sources = image_store.image_sources(session, ids)
            sources += [(None, page) for page in full_store.full_htmls(session, ids)]
            for image_url, content_html in sources:
                urls.update(dict.fromkeys(image_urls(image_url, content_html)))
    return list(urls)


def _worth_fetching(state: ImageState | None, folder: Path, now: datetime) -> bool:
    """Not cached (or its file vanished), and not failed lately."""
    if state is None:
        return True
    if state.status == IMAGE_OK:
        name = state.file_name
        return not (name and is_bare_file_name(name) and (folder / name).is_file())
    return state.fetched is None or now - state.fetched >= RETRY_FAILED_AFTER


def _record(db: Database, downloads: Sequence[ImageDownload]) -> None:
    if downloads:
        with db.session() as session:
            image_store.record_downloads(session, downloads, datetime.now(UTC))


def _drop_pixels(db: Database, article_ids: Sequence[int], pixels: set[str]) -> None:
    """Take the tracking pixels out of the articles that show them."""
    if pixels:
        with db.session() as session:
            changed = image_store.drop_image_references(
                session, article_ids, pixels, lambda html: without_images(html, pixels)
            )
        log.info("image cache: %d tracking pixels taken out of %d articles", len(pixels), changed)


@dataclass(frozen=True, slots=True)
class ImageRun:
    """What one run of the image cache did: new files, and pictures left untried.

    ``total`` pictures were wanted; ``tried`` of them were asked for, ``left`` were
    not (stopped first), the rest were skipped (their host had failed).
    """

    new_files: int = 0
    tried: int = 0
    left: int = 0
    total: int = 0


def download_images(
    db: Database,
    transport: Transport,
    images_dir: Path,
    article_ids: Sequence[int],
    *,
    stop: threading.Event | None = None,
    memory: HostMemory | None = None,
    threads: int = 8,
    progress: ImageProgress | None = None,
) -> ImageRun:
    """Download the pictures of *article_ids* that are not cached yet.

    Each picture tried ends with a row in the ``images`` table: ``ok`` with its file,
    or ``error`` with the reason (too large, not an image, a tracking pixel, ...);
    nothing is raised for one picture's failure.  A host that cannot be reached is
    remembered in *memory*, its other pictures are not asked for, and none of its
    pictures is recorded: the next refresh asks again.
    Setting *stop* ends the run: downloads under way end as the transport lets
    them (for :data:`STOP_GRACE_S` at most), and what was not tried is counted as
    left.  Up to *threads* downloads are under way at once: all on this thread
    through libcurl, or each on a thread of its own through another transport.
    """
    images_dir.mkdir(parents=True, exist_ok=True)
    now = datetime.now(UTC)
    candidates = _urls_of_articles(db, article_ids)
    with db.session() as session:
        states = image_store.image_states(session, candidates)
    pixels = {
        url
        for url, state in states.items()
        if state.status == IMAGE_ERROR and state.error == TRACKING_PIXEL
    }
    urls = [u for u in candidates if _worth_fetching(states.get(u), images_dir, now)]
    stop = stop or threading.Event()
    memory = memory or HostMemory()
    queue = HostQueue(urls, memory, stop)
    pending: list[ImageDownload] = []
    totals = {"new": 0, "done": 0}

    def take(url: str, outcome: Outcome) -> None:
        """Record what became of *url* and free its place."""
        host = host_of(url)
        memory.learn(outcome, host)
        download = keep_image(images_dir, url, outcome)
        answered = download is not None and download.error is None
        cut_short = memory.failure(host) is not None or stop.is_set()
        if download is not None and download.error and cut_short:
            download = None  # the host's fault, or the run's end: asked again next time
        totals["done"] += 1
        if download is not None:
            totals["new"] += download.new_file
            pending.append(download)
            if download.error == TRACKING_PIXEL:
                pixels.add(url)
            if len(pending) >= _WRITE_BATCH:
                _record(db, pending)
                pending.clear()
        queue.finished(url, answered=answered)
        if progress is not None:
            progress(totals["done"] + queue.dropped(), len(urls))

    if progress is not None and urls:
        progress(0, len(urls))
    batch = batch_of(transport, threads) if urls else None
    grace_ends: float | None = None
    try:
        while batch is not None:
            while not stop.is_set() and batch.under_way() < threads:
                url = queue.take_ready()  # never of a host that failed: the queue drops them
                if url is None:
                    break
                batch.start(url, max_bytes=MAX_IMAGE_BYTES, accept=IMAGE_ACCEPT)
            if not batch.under_way() and (stop.is_set() or queue.exhausted()):
                break
            if stop.is_set():  # what is under way ends as the transport lets it, or is left
                grace_ends = grace_ends or time.monotonic() + STOP_GRACE_S
                if time.monotonic() >= grace_ends:
                    break
            for url, outcome in batch.wait(_WAIT_S):
                take(url, outcome)
    finally:
        if batch is not None:
            batch.close()
        _record(db, pending)
        pending.clear()
        _drop_pixels(db, article_ids, pixels)
    run = ImageRun(totals["new"], totals["done"], queue.left(), len(urls))
    log.info(
        "image cache: %d new files from %d pictures tried of %d (%d left)",
        run.new_files,
        run.tried,
        len(urls),
        run.left,
    )
    return run


def cache_images(
    db: Database,
    transport: Transport,
    images_dir: Path,
    article_ids: Sequence[int],
    *,
    cancel: threading.Event | None = None,
    threads: int = 8,
) -> int:
    """Download the pictures of *article_ids* not cached yet; how many new files were written.

    Setting *cancel* stops starting new downloads (see :func:`download_images`).
    """
    run = download_images(db, transport, images_dir, article_ids, stop=cancel, threads=threads)
    return run.new_files


def local_images(db: Database, images_dir: Path, urls: Iterable[str]) -> dict[str, Path]:
    """The cached files of those *urls* that have one on disk (one query for all)."""
    with db.session() as session:
        stored = image_store.stored_files(session, list(urls))
    found: dict[str, Path] = {}
    for url, file_name in stored.items():
        if is_bare_file_name(file_name) and (images_dir / file_name).is_file():
            found[url] = images_dir / file_name
    return found


def local_image(db: Database, images_dir: Path, url: str) -> Path | None:
    """The cached file of *url*, if it was downloaded and is still on disk."""
    return local_images(db, images_dir, [url]).get(url)
