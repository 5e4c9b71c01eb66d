"""The offline image cache: article pictures downloaded after the feeds, found again later.

Articles are read offline, on a train or after the site took the story down, so
their pictures are fetched once a refresh has stored the news, and kept on disk.
The reading pane never touches the network; it shows a cached file or the image's
alt text.  Storage remembers every URL tried (:mod:`newsreader.storage.images`), so
a broken picture is tried again only after :data:`RETRY_FAILED_AFTER`.
"""

from __future__ import annotations

import concurrent.futures as cf
import logging
import threading
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

from newsreader.core.media import IMAGE_OK, ImageDownload, ImageState, is_bare_file_name
from newsreader.fetch.images import download_image, image_urls
from newsreader.fetch.transport import Transport
from newsreader.storage import images as image_store
from newsreader.storage.database import Database

__all__ = ["RETRY_FAILED_AFTER", "cache_images", "local_image", "local_images"]

log = logging.getLogger(__name__)

#: A failed image is tried again after this long (servers come back, 404s rarely do).
RETRY_FAILED_AFTER = timedelta(hours=24)
#: Outcomes written to the database per transaction while downloads go on.
_WRITE_BATCH = 50


def _urls_of_articles(db: Database, article_ids: Sequence[int]) -> list[str]:
    with db.session() as session:
        sources = image_store.image_sources(session, article_ids)
    urls: dict[str, None] = {}
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


def cache_images(
    db: Database,
    transport: Transport,
    images_dir: Path,
    article_ids: Sequence[int],
    *,
    cancel: threading.Event | None = None,
    threads: int = 8,
) -> int:
    """Download the pictures of *article_ids* that are not cached yet.

    Each picture ends with a row in the ``images`` table: ``ok`` with its file, or
    ``error`` with the reason (unreachable, too large, not an image); nothing is
    raised for one picture's failure.  Setting *cancel* stops starting new
    downloads; those already running finish and are recorded.

    Returns how many new files were written to *images_dir*.
    """
    images_dir.mkdir(parents=True, exist_ok=True)
    now = datetime.now(UTC)
    candidates = _urls_of_articles(db, article_ids)
    with db.session() as session:
        states = image_store.image_states(session, candidates)
    urls = [u for u in candidates if _worth_fetching(states.get(u), images_dir, now)]
    if not urls:
        return 0
    new_files = 0
    pending: list[ImageDownload] = []
    workers = max(1, min(threads, len(urls)))
    with cf.ThreadPoolExecutor(max_workers=workers, thread_name_prefix="image-cache") as pool:
        futures = [pool.submit(download_image, transport, images_dir, u, cancel) for u in urls]
        try:
            for future in cf.as_completed(futures):
                download = future.result()
                if download is None:
                    continue
                new_files += download.new_file
                pending.append(download)
                if len(pending) >= _WRITE_BATCH:
                    _record(db, pending)
                    pending.clear()
                if cancel is not None and cancel.is_set():
                    for other in futures:
                        other.cancel()
        finally:
            _record(db, pending)
    log.info("image cache: %d of %d images stored as new files", new_files, len(urls))
    return new_files


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
