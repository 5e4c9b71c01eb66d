"""Background work for the GUI: the refresh thread and one-off tasks.

The GUI thread never waits on the network or on a query that can grow.  Refreshes
run in :class:`RefreshService`'s own ``QThread`` (one at a time, cancellable, on a
timer and on demand); anything else slow (loading the demo, adding a feed, OPML,
re-reading a long list) goes through :func:`run_task`, which runs a callable on a
``QThreadPool`` and hands its result back to the GUI thread by a queued signal.
Only frozen dataclasses, ids and plain values cross threads.
"""

from __future__ import annotations

import functools
import logging
import threading
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject, QThread, QThreadPool, QTimer, Signal, Slot

from newsreader.core.types import FeedResult, RefreshSummary
from newsreader.reader import Reader

log = logging.getLogger(__name__)

#: How long :meth:`RefreshService.shutdown` waits for a refresh to notice its cancel.
_SHUTDOWN_WAIT_MS = 15000


class _TaskCourier(QObject):
    """Lives on the GUI thread; its queued slots call the task's callbacks there.

    Signals:
        succeeded(object): the task's return value (emitted from the pool thread).
        raised(object): the exception the task raised (emitted from the pool thread).
    """

    succeeded = Signal(object)
    raised = Signal(object)

    def __init__(
        self,
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None,
        runner: TaskRunner,
    ) -> None:
        super().__init__()
        self._on_done = on_done
        self._on_error = on_error
        self._runner = runner
        self.succeeded.connect(self._deliver_result)
        self.raised.connect(self._deliver_error)

    @Slot(object)
    def _deliver_result(self, result: object) -> None:
        self._runner._forget(self)
        if self._on_done is not None:
            self._on_done(result)

    @Slot(object)
    def _deliver_error(self, error: object) -> None:
        self._runner._forget(self)
        assert isinstance(error, BaseException)
        if self._on_error is not None:
            self._on_error(error)
        else:
            log.error("background task failed", exc_info=error)


def _run_and_report(func: Callable[[], Any], courier: _TaskCourier) -> None:
    """Runs on a pool thread: call ``func`` and send the outcome to the GUI thread."""
    try:
        result = func()
    except BaseException as exc:
        courier.raised.emit(exc)
    else:
        courier.succeeded.emit(result)


class TaskRunner(QObject):
    """Runs callables off the GUI thread and calls back on it.

    With ``synchronous=True`` tasks run at once on the caller's thread, which keeps
    unit tests deterministic; the callbacks are the same either way.
    """

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        synchronous: bool = False,
        pool: QThreadPool | None = None,
    ) -> None:
        super().__init__(parent)
        self.synchronous = synchronous
        self._pool = pool or QThreadPool.globalInstance()
        self._couriers: set[_TaskCourier] = set()

    def run_task(
        self,
        func: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Run ``func()`` in the background, then ``on_done(result)`` on this thread."""
        if self.synchronous:
            try:
                result = func()
            except Exception as exc:
                if on_error is None:
                    raise
                on_error(exc)
                return
            if on_done is not None:
                on_done(result)
            return
        courier = _TaskCourier(on_done, on_error, self)
        self._couriers.add(courier)
        self._pool.start(functools.partial(_run_and_report, func, courier))

    @property
    def pending(self) -> int:
        """How many tasks have not called back yet."""
        return len(self._couriers)

    def wait_for_done(self, msecs: int = -1) -> bool:
        """Block until the pool is idle (tests and shutdown only)."""
        return bool(self._pool.waitForDone(msecs))

    def _forget(self, courier: _TaskCourier) -> None:
        self._couriers.discard(courier)
        courier.deleteLater()


_default_runner: TaskRunner | None = None


def run_task(
    func: Callable[[], Any],
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
) -> None:
    """:meth:`TaskRunner.run_task` on a shared runner (created on first use)."""
    global _default_runner
    if _default_runner is None:
        _default_runner = TaskRunner()
    _default_runner.run_task(func, on_done, on_error)


class RefreshWorker(QObject):
    """Runs refreshes inside the refresh thread.

    Signals:
        started(): a refresh began.
        progress(object, int, int): a feed was stored: its ``FeedResult``, feeds done, total.
        finished(object): the ``RefreshSummary`` of a finished (or cancelled) refresh.
        failed(str): the refresh itself broke (not one feed: those are results).
    """

    started = Signal()
    progress = Signal(object, int, int)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, reader: Reader, cancel: threading.Event) -> None:
        super().__init__()
        self._reader = reader
        self._cancel = cancel

    @Slot(bool, object)
    def run_refresh(self, all_feeds: bool, feed_ids: object) -> None:
        """Fetch the due feeds (or all, or ``feed_ids``); emits as feeds finish."""
        ids: Sequence[int] | None = list(feed_ids) if feed_ids is not None else None  # type: ignore[call-overload]
        self.started.emit()

        def report(result: FeedResult, done: int, total: int) -> None:
            self.progress.emit(result, done, total)

        try:
            summary = self._reader.refresh(
                all_feeds=all_feeds, feed_ids=ids, progress=report, cancel=self._cancel
            )
        except Exception as exc:
            log.exception("refresh failed")
            self.failed.emit(str(exc) or type(exc).__name__)
            return
        self.finished.emit(summary)


class RefreshService(QObject):
    """The GUI's handle on the refresh thread: starts, times and cancels refreshes.

    Signals:
        started(): a refresh began.
        progress(object, int, int): ``FeedResult``, feeds done, feeds in this refresh.
        finished(object): the ``RefreshSummary`` when a refresh ends.
        failed(str): a refresh broke as a whole.
        runningChanged(bool): whether a refresh is under way.
    """

    started = Signal()
    progress = Signal(object, int, int)
    finished = Signal(object)
    failed = Signal(str)
    runningChanged = Signal(bool)
    _requested = Signal(bool, object)

    def __init__(self, reader: Reader, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cancel = threading.Event()
        self._running = False
        self._thread = QThread(self)
        self._thread.setObjectName("newsreader-refresh")
        self._worker = RefreshWorker(reader, self._cancel)
        self._worker.moveToThread(self._thread)
        self._requested.connect(self._worker.run_refresh)
        self._worker.started.connect(self.started)
        self._worker.progress.connect(self.progress)
        self._worker.finished.connect(self._on_finished)
        self._worker.failed.connect(self._on_failed)
        self._thread.finished.connect(self._worker.deleteLater)
        self._thread.start()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._on_timer)

    @property
    def is_running(self) -> bool:
        return self._running

    def refresh(self, *, all_feeds: bool = False, feed_ids: Sequence[int] | None = None) -> bool:
        """Start a refresh unless one is running; returns whether one was started."""
        if self._running or not self._thread.isRunning():
            return False
        self._cancel.clear()
        self._set_running(True)
        self._requested.emit(all_feeds, tuple(feed_ids) if feed_ids is not None else None)
        return True

    def cancel(self) -> None:
        """Ask the running refresh to stop after the feeds already under way."""
        if self._running:
            self._cancel.set()

    def set_interval(self, minutes: int) -> None:
        """Refresh due feeds every ``minutes`` (0 turns the timer off)."""
        if minutes <= 0:
            self._timer.stop()
            return
        self._timer.start(minutes * 60_000)

    def interval_minutes(self) -> int:
        return self._timer.interval() // 60_000 if self._timer.isActive() else 0

    def shutdown(self) -> None:
        """Cancel any refresh and stop the thread (on quit)."""
        self._timer.stop()
        self._cancel.set()
        self._thread.quit()
        if not self._thread.wait(_SHUTDOWN_WAIT_MS):
            log.warning("the refresh thread did not stop in time")

    def _on_timer(self) -> None:
        self.refresh()

    def _set_running(self, running: bool) -> None:
        if running != self._running:
            self._running = running
            self.runningChanged.emit(running)

    @Slot(object)
    def _on_finished(self, summary: RefreshSummary) -> None:
        self._set_running(False)
        self.finished.emit(summary)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._set_running(False)
        self.failed.emit(message)
