"""Reader's side of a shared cache (SharedCacheMixin): which server, new articles, held marks.

A profile whose database is on a server (PostgreSQL) is a *shared cache*: a
``newsreader fetcher`` or another desktop stores articles in it.  The window asks
:meth:`SharedCacheMixin.watch_articles` for an :class:`ArticleWatch` and waits on
it off its GUI thread instead of fetching on a timer.

Read and star marks made while the server cannot be reached are *held*: kept in
order (in memory, and in ``held-marks.json`` in the profile folder, so closing the
window does not lose them) and written, before any later mark, as soon as a write
gets through (:meth:`SharedCacheMixin.write_held_marks`, which the window calls
when the connection is back).  The mark call itself returns normally: the window
already shows the mark, and says that the server is out of reach.
"""

from __future__ import annotations

import contextlib
import json
import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol

from newsreader.core.errors import NewsreaderError, StorageConflictError, StorageUnavailableError
from newsreader.core.files import write_atomically
from newsreader.core.shared_cache import ArticleWatermark, CacheServer
from newsreader.reader.profile import ProfileParts
from newsreader.storage import articles as article_store
from newsreader.storage.article_watch import POLL_SECONDS, ArticleWatcher

__all__ = ["POLL_SECONDS", "ArticleWatch", "HeldMark", "SharedCacheMixin"]

log = logging.getLogger(__name__)

#: Beside the profile's settings: marks that wait for the server.
HELD_MARKS_FILE = "held-marks.json"

MarkKind = Literal["read", "starred"]


class ArticleWatch(Protocol):
    """Waits for articles another process stores (see :meth:`SharedCacheMixin.watch_articles`)."""

    @property
    def listening(self) -> bool:
        """Whether the server's notifications reach it (else it compares watermarks)."""
        ...

    def wait(self, timeout: float) -> bool:
        """Block up to *timeout* seconds; True when new articles were stored.

        Raises :class:`StorageUnavailableError` while the server cannot be reached.
        """
        ...

    def watermark(self) -> ArticleWatermark: ...

    def stop(self) -> None:
        """Wake a wait in progress (from any thread) and end watching."""
        ...


@dataclass(frozen=True, slots=True)
class HeldMark:
    """A read or star mark waiting for the server, as the user made it."""

    kind: MarkKind
    article_ids: tuple[int, ...]
    value: bool


class HeldMarks:
    """Marks in the order they were made, kept in a file when the profile has a folder."""

    def __init__(self, file: Path | None) -> None:
        self._file = file
        self.marks: list[HeldMark] = self._load()

    def _load(self) -> list[HeldMark]:
        if self._file is None or not self._file.is_file():
            return []
        try:
            rows = json.loads(self._file.read_text(encoding="utf-8"))
            return [
                HeldMark(row["kind"], tuple(int(i) for i in row["ids"]), bool(row["value"]))
                for row in rows
                if row.get("kind") in ("read", "starred")
            ]
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.warning("the held marks in %s cannot be read: %s", self._file, exc)
            return []

    def save(self) -> None:
        if self._file is None:
            return
        if not self.marks:
            self._file.unlink(missing_ok=True)
            return
        rows = [{"kind": m.kind, "ids": list(m.article_ids), "value": m.value} for m in self.marks]
        try:
            write_atomically(self._file, json.dumps(rows).encode(), durable=True)
        except OSError as exc:
            log.warning("the held marks cannot be kept in %s: %s", self._file, exc)


class SharedCacheMixin(ProfileParts):
    """Which cache the profile is on, new articles from elsewhere, marks held while away."""

    _held_lock: threading.Lock
    _held_made: HeldMarks | None

    @property
    def cache_server(self) -> CacheServer | None:
        """The server of a shared cache (host, port, database; no password), None if local."""
        return self._db.server

    @property
    def is_shared_cache(self) -> bool:
        """Whether the cache is on a database server, filled by other processes too.

        A window on a shared cache does not fetch on its own (a fetcher keeps it
        fresh); the user's Refresh still does.
        """
        return self._db.server is not None

    def watch_articles(self, *, poll_seconds: float = POLL_SECONDS) -> ArticleWatch:
        """A watch on the articles other processes store (LISTEN/NOTIFY, else watermarks).

        Raises :class:`StorageUnavailableError` when the server cannot be reached.
        """
        return ArticleWatcher(self._db, poll_seconds=poll_seconds)

    # -- marks held while the server is out of reach -------------------------------------

    def _held(self) -> HeldMarks:
        if self._held_made is None:
            file = self.paths.data / HELD_MARKS_FILE if self.paths is not None else None
            self._held_made = HeldMarks(file)
        return self._held_made

    def held_marks(self) -> list[HeldMark]:
        """The marks waiting for the server, oldest first."""
        with self._held_lock:
            return list(self._held().marks)

    def write_held_marks(self) -> int:
        """Write the held marks in order; how many were written.

        Raises :class:`StorageUnavailableError` (keeping them) while the server is away.
        """
        with self._held_lock:
            return self._write_held()

    def _write_mark(self, kind: MarkKind, article_ids: Sequence[int], value: bool) -> None:
        """Write a mark, after any held ones; hold it when the server cannot be reached."""
        mark = HeldMark(kind, tuple(article_ids), value)
        with self._held_lock:
            held = self._held()
            if not held.marks:
                try:
                    self._apply(mark)
                    return
                except StorageUnavailableError as exc:
                    log.info("a %s mark is held until the server is back: %s", kind, exc)
            held.marks.append(mark)
            held.save()
            with contextlib.suppress(StorageUnavailableError):  # kept until it is back
                self._write_held()

    def _write_held(self) -> int:
        held = self._held()
        written = 0
        try:
            while held.marks:
                try:
                    self._apply(held.marks[0])
                    written += 1
                except (StorageUnavailableError, StorageConflictError):
                    raise  # kept for the next try
                except NewsreaderError as exc:  # its article is gone: nothing to mark
                    log.warning("a held mark cannot be written and is dropped: %s", exc)
                held.marks.pop(0)
        finally:
            held.save()
        return written

    def _apply(self, mark: HeldMark) -> None:
        ids = list(mark.article_ids)
        with self._db.session() as session:
            if mark.kind == "read":
                article_store.mark_read(session, ids, mark.value)
            else:
                article_store.mark_starred(session, ids, mark.value)
