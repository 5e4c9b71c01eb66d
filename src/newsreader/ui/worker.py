"""Background work for the GUI: refreshes and one-off tasks.

The GUI thread never waits on the network or on a query that can grow.  Refreshes
are driven from :class:`RefreshService`'s own ``QThread`` (one at a time,
cancellable, on a timer and on demand); after each one the feeds' icons are stored
and the comments of starred and recently opened articles are prefetched, so both
are there offline.  Anything else slow (loading the demo, adding a feed, OPML,
re-reading a long list) goes through :func:`run_task`, which runs a callable on a
``QThreadPool`` and hands its result back to the GUI thread by a queued signal;
writes the user makes (marks) go through :meth:`TaskRunner.run_serial`, one at a
time and in order, so the GUI never waits for the database's write lock.  Only
frozen dataclasses, ids and plain values cross threads.

A refresh of a profile on disk runs in a **separate process**, which the refresh
thread starts and listens to (a pipe of events: progress, summary, icons,
comments).  Storing thousands of articles and downloading their pictures is a lot
of Python work; in the window's own process it would compete with the GUI thread
for the interpreter lock and freeze the window for a tenth of a second at a time.
The process opens the profile the way the window did (same database and folders),
and it is started at a lower CPU priority, which its download threads and parser
processes inherit.  Profiles another process cannot open (an in-memory database, a
reader with a transport of its own, as in tests) are refreshed in the thread.
"""

from __future__ import annotations

import functools
import logging
import multiprocessing
import os
import sys
import threading
import time
import weakref
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from typing import Any, Protocol

import shiboken6
from PySide6.QtCore import QObject, QThread, QThreadPool, QTimer, Signal, Slot

from newsreader.core.paths import ProfileAddress
from newsreader.core.types import FeedResult, FollowUp, RefreshSummary
from newsreader.reader import Reader

log = logging.getLogger(__name__)

#: How long :meth:`RefreshService.shutdown` waits for a refresh to notice its cancel.
_SHUTDOWN_WAIT_MS = 15000
#: A refresh process still running this long after being cancelled is terminated.
_CANCEL_GRACE_S = 10.0
#: How often the refresh thread looks for a cancel while waiting for the process.
_POLL_S = 0.1
#: How much nicer than the GUI the refresh thread is (Linux nice steps, 19 at most);
#: the threads and processes it starts inherit it.
REFRESH_NICENESS = 10
#: How much nicer than the GUI the threads running tasks are (counting, re-reading).
TASK_NICENESS = 5
#: Remembers, per pool thread, that its priority was lowered already.
_task_thread = threading.local()


def lower_thread_priority(steps: int = REFRESH_NICENESS) -> bool:
    """Make the calling thread (and what it starts later) yield the CPU to the GUI.

    Linux keeps a nice value per thread, inherited by the threads and processes a
    thread creates; elsewhere this does nothing.  Call it once per thread: each call
    lowers the priority ``steps`` further.  Returns whether it took effect.
    """
    if not sys.platform.startswith("linux") or not hasattr(os, "setpriority"):
        return False
    thread = threading.get_native_id()
    try:
        current = os.getpriority(os.PRIO_PROCESS, thread)
        os.setpriority(os.PRIO_PROCESS, thread, min(19, current + steps))
    except OSError:
        return False
    return True


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
    if not getattr(_task_thread, "lowered", False):
        _task_thread.lowered = True
        lower_thread_priority(TASK_NICENESS)
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
        self._serial = QThreadPool(self)
        self._serial.setMaxThreadCount(1)
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
        self._start(self._pool, func, on_done, on_error)

    def run_serial(
        self,
        func: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Like :meth:`run_task`, but one at a time in the order given (for writes).

        A star set and taken back a moment later must reach the database in that
        order, which a pool of several threads would not promise.
        """
        if self.synchronous:
            self.run_task(func, on_done, on_error)
            return
        self._start(self._serial, func, on_done, on_error)

    def _start(
        self,
        pool: QThreadPool,
        func: Callable[[], Any],
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None,
    ) -> None:
        courier = _TaskCourier(on_done, on_error, self)
        self._couriers.add(courier)
        pool.start(functools.partial(_run_and_report, func, courier))

    @property
    def pending(self) -> int:
        """How many tasks have not called back yet."""
        return len(self._couriers)

    def wait_for_done(self, msecs: int = -1) -> bool:
        """Block until both lanes are idle (tests and shutdown only)."""
        serial_done = bool(self._serial.waitForDone(msecs))
        return bool(self._pool.waitForDone(msecs)) and serial_done

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


class _Flag(Protocol):
    """A cancel flag: ``threading.Event`` here, ``multiprocessing.Event`` in the process."""

    def is_set(self) -> bool: ...


#: What a refresh reports, in order: ``("started",)``, ``("progress", FeedResult, done,
#: total)``..., then ``("finished", RefreshSummary)`` once the news is stored, or
#: ``("failed", message)``; then, for each follow-up step that did something,
#: ``(step, count)`` with the step's name (``"images"``, ``"icons"``, ``"comments"``).
Event = tuple[Any, ...]


def refresh_and_follow_up(
    reader: Reader,
    all_feeds: bool,
    feed_ids: Sequence[int] | None,
    cancel: _Flag,
    send: Callable[[Event], object],
) -> None:
    """One refresh with its follow-up steps, every step reported through ``send``.

    Nothing is raised: a broken refresh is a ``failed`` event (unless its news was
    stored already, and only a follow-up broke: that is logged).
    """
    send(("started",))
    stored = False

    def report(result: FeedResult, done: int, total: int) -> None:
        send(("progress", result, done, total))

    def feeds_stored(summary: RefreshSummary) -> None:
        nonlocal stored
        stored = True
        send(("finished", summary))

    def followed_up(step: FollowUp, count: int) -> None:
        if count:
            send((step.value, count))

    try:
        reader.refresh(
            all_feeds=all_feeds,
            feed_ids=feed_ids,
            progress=report,
            cancel=cancel,  # type: ignore[arg-type]
            on_feeds_stored=feeds_stored,
            on_follow_up=followed_up,
        )
    except Exception as exc:
        log.exception("refresh failed")
        if not stored:
            send(("failed", str(exc) or type(exc).__name__))


def _refresh_process(
    address: ProfileAddress,
    all_feeds: bool,
    feed_ids: Sequence[int] | None,
    events: Connection,
    cancel: _Flag,
) -> None:
    """The refresh process: open the profile, refresh, report down ``events``, close."""
    reader = Reader.open_address(address)
    try:
        refresh_and_follow_up(reader, all_feeds, feed_ids, cancel, events.send)
    except (BrokenPipeError, EOFError):
        pass  # the window went away: nobody to report to
    finally:
        reader.close()
        events.close()


class RefreshWorker(QObject):
    """Runs refreshes from inside the refresh thread, in a process or in the thread.

    Signals:
        started(): a refresh began.
        progress(object, int, int): a feed was stored: its ``FeedResult``, feeds done, total.
        finished(object): the ``RefreshSummary`` of a finished (or cancelled) refresh.
        failed(str): the refresh itself broke (not one feed: those are results).
        iconsStored(int): this many feed icons were stored after the refresh.
        commentsPrefetched(int): comments of this many articles were fetched ahead.
        idle(): everything after the refresh is done too.
    """

    started = Signal()
    progress = Signal(object, int, int)
    finished = Signal(object)
    failed = Signal(str)
    iconsStored = Signal(int)
    commentsPrefetched = Signal(int)
    idle = Signal()

    def __init__(
        self, reader: Reader, cancel: threading.Event, address: ProfileAddress | None
    ) -> None:
        super().__init__()
        self._reader = reader
        self._cancel = cancel
        self._address = address
        self._prioritised = False

    @Slot(bool, object)
    def run_refresh(self, all_feeds: bool, feed_ids: object) -> None:
        """Fetch the due feeds (or all, or ``feed_ids``); emits as feeds finish."""
        if not self._prioritised:  # the refresh process and the thread's helpers inherit it
            self._prioritised = True
            lower_thread_priority()
        ids: list[int] | None = list(feed_ids) if feed_ids is not None else None  # type: ignore[call-overload]
        try:
            if self._address is None:
                refresh_and_follow_up(self._reader, all_feeds, ids, self._cancel, self._emit)
            else:
                self._run_in_process(self._address, all_feeds, ids)
        finally:
            self.idle.emit()

    def _emit(self, event: Event) -> bool:
        """Turn an event into its signal; returns whether it ended the refresh proper."""
        kind = event[0]
        if kind == "started":
            self.started.emit()
        elif kind == "progress":
            self.progress.emit(event[1], event[2], event[3])
        elif kind == "finished":
            self.finished.emit(event[1])
            return True
        elif kind == "failed":
            self.failed.emit(event[1])
            return True
        elif kind == "icons":
            self.iconsStored.emit(event[1])
        elif kind == "comments":
            self.commentsPrefetched.emit(event[1])
        return False

    def _run_in_process(
        self, address: ProfileAddress, all_feeds: bool, ids: list[int] | None
    ) -> None:
        """Start the refresh process and relay its events until it ends."""
        context = multiprocessing.get_context("spawn")  # safe beside Qt's threads
        receiver, sender = context.Pipe(duplex=False)
        cancel = context.Event()
        process = context.Process(
            target=_refresh_process,
            args=(address, all_feeds, ids, sender, cancel),
            name="newsreader-refresh",
        )
        ended = False
        try:
            process.start()
        except OSError as exc:
            log.exception("cannot start the refresh process")
            self.failed.emit(str(exc) or type(exc).__name__)
            return
        finally:
            sender.close()
        deadline: float | None = None
        try:
            while True:
                if self._cancel.is_set() and deadline is None:
                    cancel.set()
                    deadline = time.monotonic() + _CANCEL_GRACE_S
                if deadline is not None and time.monotonic() > deadline:
                    log.warning("the refresh process did not stop in time: ending it")
                    break
                if receiver.poll(_POLL_S):
                    try:
                        event = receiver.recv()
                    except (EOFError, OSError):
                        break  # the process finished (or died) and closed its end
                    ended = self._emit(event) or ended
                elif not process.is_alive():
                    break
        finally:
            receiver.close()
            process.join(1.0)
            if process.is_alive():
                process.terminate()
                process.join(5.0)
        if not ended:
            self.failed.emit(
                self.tr("The refresh stopped unexpectedly (exit code %1)").replace(
                    "%1", str(process.exitcode)
                )
            )


class RefreshService(QObject):
    """The GUI's handle on the refresh thread: starts, times and cancels refreshes.

    A refresh counts as running until the icons and comments fetched after it are
    in too: a second refresh asked for meanwhile is refused, as during the first.

    Signals:
        started(): a refresh began.
        progress(object, int, int): ``FeedResult``, feeds done, feeds in this refresh.
        finished(object): the ``RefreshSummary`` when a refresh ends.
        failed(str): a refresh broke as a whole.
        iconsStored(int): feed icons were stored (repaint the sidebar).
        commentsPrefetched(int): comments of this many articles were fetched ahead.
        runningChanged(bool): whether a refresh (or the work after it) is under way.
    """

    started = Signal()
    progress = Signal(object, int, int)
    finished = Signal(object)
    failed = Signal(str)
    iconsStored = Signal(int)
    commentsPrefetched = Signal(int)
    runningChanged = Signal(bool)
    _requested = Signal(bool, object)

    def __init__(
        self,
        reader: Reader,
        parent: QObject | None = None,
        *,
        in_process: bool | None = None,
    ) -> None:
        """``in_process``: refresh in a process of its own (default: whenever possible)."""
        super().__init__(parent)
        self._cancel = threading.Event()
        self._running = False
        self._thread = QThread(self)
        self._thread.setObjectName("newsreader-refresh")
        address = reader.profile_address() if in_process is not False else None
        if in_process and address is None:
            raise ValueError("this profile cannot be opened by another process")
        self._worker = RefreshWorker(reader, self._cancel, address)
        self._worker.moveToThread(self._thread)
        self._requested.connect(self._worker.run_refresh)
        self._worker.started.connect(self.started)
        self._worker.progress.connect(self.progress)
        self._worker.finished.connect(self.finished)
        self._worker.failed.connect(self.failed)
        self._worker.iconsStored.connect(self.iconsStored)
        self._worker.commentsPrefetched.connect(self.commentsPrefetched)
        self._worker.idle.connect(self._on_idle)
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

    def set_interval(self, minutes: float) -> None:
        """Refresh due feeds every ``minutes`` (0 turns the timer off).

        The timer keeps running whatever happens to each refresh; a tick that finds
        a refresh still under way is skipped.
        """
        if minutes <= 0:
            self._timer.stop()
            return
        self._timer.start(max(1, round(minutes * 60_000)))

    def interval_minutes(self) -> int:
        return self._timer.interval() // 60_000 if self._timer.isActive() else 0

    def shutdown(self) -> None:
        """Cancel any refresh and stop the thread (on quit)."""
        self._timer.stop()
        self._cancel.set()
        self._thread.quit()
        if not self._thread.wait(_SHUTDOWN_WAIT_MS):
            log.warning("the refresh thread did not stop in time")

    def is_timer_active(self) -> bool:
        """Whether refreshes are started on a timer (for the status bar and tests)."""
        return self._timer.isActive()

    def _on_timer(self) -> None:
        if not self.refresh():
            log.debug("timed refresh skipped: one is still running")

    def _set_running(self, running: bool) -> None:
        if running != self._running:
            self._running = running
            self.runningChanged.emit(running)

    @Slot()
    def _on_idle(self) -> None:
        self._set_running(False)


def weak_callback(method: Callable[..., None], *args: Any) -> Callable[[Any], None]:
    """``value -> method(*args, value)`` that holds the method's widget only weakly.

    Worker-thread answers are delivered through objects that may be released on
    the worker thread; a strong reference from there could make the last
    reference to a widget vanish outside the GUI thread.  A widget destroyed
    before its answer came simply gets no call.
    """
    ref = weakref.WeakMethod(method)

    def call(value: Any) -> None:
        bound = ref()
        if bound is not None and shiboken6.isValid(getattr(bound, "__self__", None)):
            bound(*args, value)

    return call
