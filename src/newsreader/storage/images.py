"""The ``images`` table: every picture URL the offline cache tried, and how it went.

A picture is named by the SHA-256 of its bytes on disk; this table maps each URL to
that file (or to the reason there is none), so a broken picture is not asked for on
every refresh and the reading pane finds a cached copy with one query.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from datetime import datetime
from typing import TypeVar

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from newsreader.core.media import IMAGE_ERROR, IMAGE_OK, ImageDownload, ImageState
from newsreader.storage.models import ArticleRow, ImageRow

__all__ = [
    "drop_image_references",
    "image_sources",
    "image_states",
    "record_downloads",
    "stored_files",
]

_T = TypeVar("_T")

#: How many values go into one ``IN (...)`` list (SQLite limits bound parameters).
_CHUNK = 500
#: Longer error texts are cut: the reason is for people, not a log.
_ERROR_LIMIT = 2000


def _chunks(items: Sequence[_T]) -> Iterator[list[_T]]:
    for start in range(0, len(items), _CHUNK):
        yield list(items[start : start + _CHUNK])


def image_sources(
    session: Session, article_ids: Sequence[int]
) -> list[tuple[str | None, str | None]]:
    """``(image_url, content_html)`` of each article, in the order of *article_ids*."""
    found: list[tuple[str | None, str | None]] = []
    for chunk in _chunks(list(dict.fromkeys(article_ids))):
        rows = session.execute(
            select(ArticleRow.id, ArticleRow.image_url, ArticleRow.content_html).where(
                ArticleRow.id.in_(chunk)
            )
        ).all()
        order = {article_id: i for i, article_id in enumerate(chunk)}
        found.extend((row[1], row[2]) for row in sorted(rows, key=lambda r: order[r[0]]))
    return found


def image_states(session: Session, urls: Sequence[str]) -> dict[str, ImageState]:
    """What is remembered of each of *urls* that was tried before."""
    states: dict[str, ImageState] = {}
    for chunk in _chunks(list(urls)):
        for url, status, file_name, fetched, error in session.execute(
            select(
                ImageRow.url, ImageRow.status, ImageRow.file_name, ImageRow.fetched, ImageRow.error
            ).where(ImageRow.url.in_(chunk))
        ):
            states[url] = ImageState(status, file_name, fetched, error)
    return states


def record_downloads(session: Session, downloads: Iterable[ImageDownload], now: datetime) -> None:
    """One row per URL with the outcome of its latest download (inserted or replaced).

    Written as two bulk statements (new URLs, URLs tried before), not row objects:
    the picture stage records thousands of outcomes per refresh.
    """
    by_url = {d.url: d for d in downloads}
    if not by_url:
        return
    known: dict[str, int] = {}
    for chunk in _chunks(list(by_url)):
        known.update(
            (url, row_id)
            for url, row_id in session.execute(
                select(ImageRow.url, ImageRow.id).where(ImageRow.url.in_(chunk))
            )
        )
    fresh: list[dict[str, object]] = []
    again: list[dict[str, object]] = []
    for url, download in by_url.items():
        values = _outcome(download, now)
        if url in known:
            again.append({"id": known[url], **values})
        else:
            fresh.append({"url": url, **values})
    if fresh:
        session.execute(insert(ImageRow), fresh)
    if again:
        session.execute(update(ImageRow), again)


def _outcome(download: ImageDownload, now: datetime) -> dict[str, object]:
    """The columns of ``images`` that one download sets."""
    ok = download.error is None
    return {
        "fetched": now,
        "status": IMAGE_OK if ok else IMAGE_ERROR,
        "file_name": download.file_name if ok else None,
        "content_type": download.content_type if ok else None,
        "size": download.size if ok else None,
        "error": None if ok else (download.error or "")[:_ERROR_LIMIT],
    }


def stored_files(session: Session, urls: Sequence[str]) -> dict[str, str]:
    """URL → file name of those *urls* downloaded and kept (the file may since be gone)."""
    found: dict[str, str] = {}
    for chunk in _chunks(list(dict.fromkeys(u for u in urls if u))):
        for url, file_name in session.execute(
            select(ImageRow.url, ImageRow.file_name).where(
                ImageRow.url.in_(chunk), ImageRow.status == IMAGE_OK
            )
        ):
            if file_name:
                found[url] = file_name
    return found


def drop_image_references(
    session: Session,
    article_ids: Sequence[int],
    urls: Collection[str],
    strip: Callable[[str], str],
) -> int:
    """Remove pictures the cache refused (tracking pixels) from *article_ids*.

    An article whose lead image is one of *urls* loses it; its content is replaced
    by ``strip(content)`` when that differs.  Returns how many articles changed.
    """
    if not urls:
        return 0
    changed = 0
    for chunk in _chunks(list(dict.fromkeys(article_ids))):
        for row in session.scalars(select(ArticleRow).where(ArticleRow.id.in_(chunk))):
            touched = False
            if row.image_url is not None and row.image_url.strip() in urls:
                row.image_url = None
                row.image_caption = None
                touched = True
            if row.content_html:
                stripped = strip(row.content_html)
                if stripped != row.content_html:
                    row.content_html = stripped
                    touched = True
            changed += touched
    return changed
