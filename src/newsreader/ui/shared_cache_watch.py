"""A window on a shared cache: new articles stored elsewhere, and the server going away.

:class:`SharedCacheWatch` waits on the Reader's article watch
(:meth:`Reader.watch_articles`: PostgreSQL's notifications, or the watermark) in a
thread of its own, never on the GUI thread, and says ``articlesStored`` when another
process (a ``newsreader fetcher``, another desktop) stored articles; the window wires
that to what the end of a refresh does, so the list, counts and sidebar are read
again the same way.

When the server cannot be reached it shows the info bar "cannot reach the shared
cache … retrying" (``connectionLost``), tries again after 1, 2, 4 … 30 seconds, and
when the server answers again it writes the marks held meanwhile
(:meth:`Reader.write_held_marks`), takes the bar away and says ``connectionRestored``
(the window reads its lists again).

While it watches, a read the window makes on its own thread that meets the server
away (:class:`~newsreader.core.errors.StorageUnavailableError` escaping a slot) is
expected, not a fault: it is logged in one line instead of a traceback, and the bar
says the rest (:meth:`SharedCacheWatch.start` puts that in ``sys.excepthook``).
"""

from __future__ import annotations

import logging
import sys
import threading
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from newsreader.core.errors import NewsreaderError, StorageUnavailableError
from newsreader.reader import Reader
from newsreader.reader.shared_cache import POLL_SECONDS, ArticleWatch
from newsreader.ui.info_bar import InfoBar
from newsreader.ui.tasks import lower_thread_priority

log = logging.getLogger(__name__)

#: How long one wait on the watch lasts before the stop flag is looked at again.
WAIT_SECONDS = 30.0
#: Waits between tries while the server is away: doubled each time, up to the last.
RETRY_SECONDS = (1.0, 2.0, 4.0, 8.0, 15.0, 30.0)
#: How much nicer than the GUI the watching thread is (Linux nice steps).
WATCH_NICENESS = 5
#: How long :meth:`SharedCacheWatch.stop` waits for the thread.
_STOP_WAIT_S = 10.0


class _WatchLoop:
    """Runs in the watching thread: waits, retries, and reports through *report*.

    *report* is the :class:`SharedCacheWatch` on the GUI thread: its private signals,
    emitted from here, are delivered there (queued).
    """

    def __init__(
        self,
        reader: Reader,
        report: SharedCacheWatch,
        poll_seconds: float,
        retry_seconds: tuple[float, ...],
    ) -> None:
        self._reader = reader
        self._report = report
        self._poll_seconds = poll_seconds
        self._retry_seconds = retry_seconds
        self._stop = threading.Event()
        self._watch: ArticleWatch | None = None

    def stop(self) -> None:
        """From any thread: end the loop, waking a wait in progress."""
        self._stop.set()
        watch = self._watch
        if watch is not None:
            watch.stop()

    def run(self) -> None:
        lower_thread_priority(WATCH_NICENESS)
        down = False
        tries = 0
        while not self._stop.is_set():
            try:
                if self._watch is None:
                    self._watch = self._reader.watch_articles(poll_seconds=self._poll_seconds)
                    if self._stop.is_set():
                        break
                    how = "notified" if self._watch.listening else "comparing watermarks"
                    log.info("watching the shared cache for new articles (%s)", how)
                    written = self._reader.write_held_marks()
                    if down:
                        down, tries = False, 0
                        self._report.restoredHere.emit(written)
                if self._watch.wait(WAIT_SECONDS):
                    self._report.storedHere.emit()
            except StorageUnavailableError as exc:
                self._drop_watch()
                if not down:
                    down = True
                    self._report.lostHere.emit(str(exc))
                delay = self._retry_seconds[min(tries, len(self._retry_seconds) - 1)]
                tries += 1
                log.info("shared cache out of reach, next try in %.0f s: %s", delay, exc)
                self._stop.wait(delay)
            except NewsreaderError as exc:  # another storage fault: try again later
                log.warning("watching the shared cache failed: %s", exc)
                self._drop_watch()
                self._stop.wait(self._retry_seconds[-1])
        self._drop_watch()

    def _drop_watch(self) -> None:
        watch, self._watch = self._watch, None
        if watch is not None:
            watch.stop()


class SharedCacheWatch(QObject):
    """Wakes the window when another process stores articles; rides out a server away.

    Signals:
        articlesStored(): articles were stored by another process (read the lists again).
        connectionLost(str): the server cannot be reached (the reason, in English).
        connectionRestored(): it can again: the held marks are written; read everything
            again.
        storedHere(), lostHere(str), restoredHere(int): the same, emitted by the
            watching thread (delivered to this object on the GUI thread).
    """

    articlesStored = Signal()
    connectionLost = Signal(str)
    connectionRestored = Signal()
    storedHere = Signal()
    lostHere = Signal(str)
    restoredHere = Signal(int)

    def __init__(
        self,
        reader: Reader,
        info_bar: InfoBar,
        parent: QObject | None = None,
        *,
        poll_seconds: float = POLL_SECONDS,
        retry_seconds: tuple[float, ...] = RETRY_SECONDS,
    ) -> None:
        """``poll_seconds``: how often the watermark is compared when no notification
        can come; ``retry_seconds``: the waits between tries while the server is away."""
        super().__init__(parent)
        self._reader = reader
        self._info_bar = info_bar
        self._message: str | None = None  # the bar's text while it is ours
        self._loop = _WatchLoop(reader, self, poll_seconds, retry_seconds)
        self._thread: threading.Thread | None = None
        self._previous_hook: object = None  # sys.excepthook before start()
        self.storedHere.connect(self._on_stored)
        self.lostHere.connect(self._on_lost)
        self.restoredHere.connect(self._on_restored)

    @property
    def is_running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        """Begin watching (once)."""
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._loop.run, name="newsreader-cache-watch", daemon=True
            )
            self._thread.start()
            self._previous_hook = sys.excepthook
            sys.excepthook = self._on_uncaught

    def _on_uncaught(
        self,
        kind: type[BaseException],
        value: BaseException,
        traceback: TracebackType | None,
    ) -> None:
        """An error no slot caught: the server away is the bar's to say; the rest as before."""
        if isinstance(value, StorageUnavailableError):
            log.warning("a read met the shared cache's server away: %s", value)
            return
        previous = self._previous_hook if callable(self._previous_hook) else sys.__excepthook__
        previous(kind, value, traceback)

    def stop(self) -> None:
        """End watching and the thread (on quit; idempotent)."""
        if self._previous_hook is not None and sys.excepthook == self._on_uncaught:
            sys.excepthook = self._previous_hook  # type: ignore[assignment]
        self._previous_hook = None
        self._loop.stop()
        if self._thread is not None:
            self._thread.join(_STOP_WAIT_S)
            if self._thread.is_alive():
                log.warning("the shared cache's watching thread did not stop in time")

    @Slot()
    def _on_stored(self) -> None:
        self.articlesStored.emit()

    @Slot(str)
    def _on_lost(self, reason: str) -> None:
        server = self._reader.cache_server
        text = (
            QCoreApplication.translate(
                "MainWindow",
                "Cannot reach the shared cache %1; retrying. Marks you make meanwhile are "
                "kept and written when it is back.",
            ).replace("%1", str(server) if server is not None else "")
            + f"\n({reason})"
        )
        self._message = text
        self._info_bar.show_message(text)
        self.connectionLost.emit(reason)

    @Slot(int)
    def _on_restored(self, _written: int) -> None:
        if self._message is not None and self._info_bar.text() == self._message:
            self._info_bar.hide()
        self._message = None
        self.connectionRestored.emit()
