"""Background work for the GUI: one-off tasks off the GUI thread, and thread priority.

The GUI thread never waits on the network or on a query that can grow.  Anything
slow (loading the demo, adding a feed, OPML, counting the sidebar, re-reading a
long list) goes through :func:`run_task` or a :class:`TaskRunner`, which run a
callable on a ``QThreadPool`` and hand its result back to the GUI thread by a
queued signal; writes the user makes (marks) go through
:meth:`TaskRunner.run_serial`, one at a time and in order, so the GUI never waits
for the database's write lock.  Only frozen dataclasses, ids and plain values
cross threads.  The threads doing this work, and the refresh's
(:mod:`newsreader.ui.refresh_service`), run at a lower CPU priority than the GUI's.
"""

from __future__ import annotations

import functools
import logging
import os
import sys
import threading
import weakref
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

#: How much nicer than the GUI the threads running tasks are (Linux nice steps, 19
#: at most): counting, re-reading.
TASK_NICENESS = 5
#: Remembers, per pool thread, that its priority was lowered already.
_task_thread = threading.local()


def lower_thread_priority(steps: int) -> bool:
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
