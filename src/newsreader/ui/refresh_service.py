"""Refreshes for the GUI: one at a time, on a timer and on demand, cancellable.

Refreshes are driven from :class:`RefreshService`'s own ``QThread``; each one runs
its follow-up steps in the core too (pictures, the feeds' icons, the comments of
starred and recently opened articles), so they are there offline.  Those steps are
a stage of their own, after the news: its progress is reported, the user can stop
it, and a refresh asked for while it runs stops it and starts at once after it
(the stage is bounded by a time budget and gives way within moments).

A refresh of a profile on disk runs in a **separate process**, which the refresh
thread starts and listens to (a pipe of events: progress, summary, follow-ups).
Storing thousands of articles and downloading their pictures is a lot of Python
work; in the window's own process it would compete with the GUI thread for the
interpreter lock and freeze the window for a tenth of a second at a time.  The
process opens the profile the way the window did (same database and folders), and
it is started at a lower CPU priority, which its download threads and parser
processes inherit.  Profiles another process cannot open (an in-memory database, a
reader with a transport of its own, as in tests) are refreshed in the thread.
"""

from __future__ import annotations

import logging
import multiprocessing
import threading
import time
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from typing import Any, Protocol

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from newsreader.core.paths import ProfileAddress
from newsreader.core.types import FeedResult, FollowUp, FollowUpProgress, RefreshSummary
from newsreader.reader import Reader
from newsreader.ui.tasks import lower_thread_priority

log = logging.getLogger(__name__)

#: How much nicer than the GUI the refresh thread is (Linux nice steps, 19 at most);
#: the threads and processes it starts inherit it.
REFRESH_NICENESS = 10
#: How long :meth:`RefreshService.shutdown` waits for a refresh to notice its cancel.
_SHUTDOWN_WAIT_MS = 15000
#: A refresh process still running this long after being cancelled is terminated.
_CANCEL_GRACE_S = 10.0
#: How often the refresh thread looks for a cancel while waiting for the process.
_POLL_S = 0.1


class _Flag(Protocol):
    """A cancel flag: ``threading.Event`` here, ``multiprocessing.Event`` in the process."""

    def is_set(self) -> bool: ...


#: What a refresh reports, in order: ``("started",)``, ``("progress", FeedResult, done,
#: total)``..., then ``("finished", RefreshSummary)`` once the news is stored, or
#: ``("failed", message)``; then, for each follow-up step that did something,
#: ``(step, count)`` with the step's name (``"images"``, ``"icons"``, ``"comments"``),
#: ``("follow_up", FollowUpProgress)`` as the stage goes on, and last
#: ``("follow_up_ended", FollowUpReport)``.
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

    def following_up(progress: FollowUpProgress) -> None:
        send(("follow_up", progress))

    try:
        summary = reader.refresh(
            all_feeds=all_feeds,
            feed_ids=feed_ids,
            progress=report,
            cancel=cancel,  # type: ignore[arg-type]
            on_feeds_stored=feeds_stored,
            on_follow_up=followed_up,
            on_follow_up_progress=following_up,
        )
        if summary.follow_up_report is not None:
            send(("follow_up_ended", summary.follow_up_report))
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


class RefreshRelay(QObject):
    """Lives in the refresh thread: runs each refresh there or in a process, relays its events.

    Signals:
        started(): a refresh began.
        progress(object, int, int): a feed was stored: its ``FeedResult``, feeds done, total.
        finished(object): the ``RefreshSummary`` of a finished (or cancelled) refresh.
        failed(str): the refresh itself broke (not one feed: those are results).
        imagesStored(int): this many pictures (or whole articles, with theirs) were
            saved after the refresh stored the news.
        iconsStored(int): this many feed icons were stored after the refresh.
        commentsPrefetched(int): comments of this many articles were fetched ahead.
        followUpProgress(object): where the work after the news stands (FollowUpProgress).
        followUpEnded(object): how it ended (FollowUpReport).
        idle(): everything after the refresh is done too.
    """

    started = Signal()
    progress = Signal(object, int, int)
    finished = Signal(object)
    failed = Signal(str)
    imagesStored = Signal(int)
    iconsStored = Signal(int)
    commentsPrefetched = Signal(int)
    followUpProgress = Signal(object)
    followUpEnded = Signal(object)
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
            lower_thread_priority(REFRESH_NICENESS)
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
        elif kind in ("images", "full_articles"):  # both give the article on show more
            self.imagesStored.emit(event[1])
        elif kind == "icons":
            self.iconsStored.emit(event[1])
        elif kind == "comments":
            self.commentsPrefetched.emit(event[1])
        elif kind == "follow_up":
            self.followUpProgress.emit(event[1])
        elif kind == "follow_up_ended":
            self.followUpEnded.emit(event[1])
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

    A refresh counts as running until the pictures, icons and comments fetched
    after it are in too.  A second refresh asked for while the feeds are fetched is
    refused; one asked for during the work after the news stops that work and
    starts as soon as it has (:attr:`is_following_up`).

    Signals:
        started(): a refresh began.
        progress(object, int, int): ``FeedResult``, feeds done, feeds in this refresh.
        finished(object): the ``RefreshSummary`` when a refresh ends.
        failed(str): a refresh broke as a whole.
        imagesStored(int): this many new pictures, or whole articles with theirs, were
            saved for reading offline (the news shows before them: an article on show
            may now have its pictures, or its whole text).
        iconsStored(int): feed icons were stored (repaint the sidebar).
        commentsPrefetched(int): comments of this many articles were fetched ahead.
        followUpProgress(object): where the work after the news stands (FollowUpProgress).
        followUpEnded(object): how that work ended (FollowUpReport): done, stopped or
            out of time, and the hosts it could not reach.
        runningChanged(bool): whether a refresh (or the work after it) is under way.
    """

    started = Signal()
    progress = Signal(object, int, int)
    finished = Signal(object)
    failed = Signal(str)
    imagesStored = Signal(int)
    iconsStored = Signal(int)
    commentsPrefetched = Signal(int)
    followUpProgress = Signal(object)
    followUpEnded = Signal(object)
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
        self._following_up = False
        self._next: tuple[bool, Sequence[int] | None] | None = None
        self._thread = QThread(self)
        self._thread.setObjectName("newsreader-refresh")
        address = reader.profile_address() if in_process is not False else None
        if in_process and address is None:
            raise ValueError("this profile cannot be opened by another process")
        self._relay = RefreshRelay(reader, self._cancel, address)
        self._relay.moveToThread(self._thread)
        self._requested.connect(self._relay.run_refresh)
        self._relay.started.connect(self.started)
        self._relay.progress.connect(self.progress)
        self._relay.finished.connect(self.finished)
        self._relay.failed.connect(self.failed)
        self._relay.imagesStored.connect(self.imagesStored)
        self._relay.iconsStored.connect(self.iconsStored)
        self._relay.commentsPrefetched.connect(self.commentsPrefetched)
        self._relay.followUpProgress.connect(self.followUpProgress)
        self._relay.followUpEnded.connect(self.followUpEnded)
        self._relay.finished.connect(self._on_news_stored)
        self._relay.idle.connect(self._on_idle)
        self._thread.finished.connect(self._relay.deleteLater)
        self._thread.start()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._on_timer)

    @property
    def is_running(self) -> bool:
        return self._running

    @property
    def is_following_up(self) -> bool:
        """Whether the running refresh has stored its news and does the work after it."""
        return self._running and self._following_up

    def refresh(self, *, all_feeds: bool = False, feed_ids: Sequence[int] | None = None) -> bool:
        """Start a refresh unless one is fetching feeds; returns whether one was started.

        During the work after a refresh's news, that work is stopped and the new
        refresh starts as soon as it has (it counts as started).
        """
        if not self._thread.isRunning():
            return False
        ids = tuple(feed_ids) if feed_ids is not None else None
        if self.is_following_up:
            if self._next is None:
                self._next = (all_feeds, ids)
            else:  # two asked for meanwhile: one refresh covers both
                wanted_all = self._next[0] or all_feeds
                if self._next[1] is None or ids is None:
                    merged: tuple[int, ...] | None = None
                else:
                    merged = tuple(dict.fromkeys((*self._next[1], *ids)))
                self._next = (wanted_all, merged)
            self._cancel.set()
            return True
        if self._running:
            return False
        self._start(all_feeds, ids)
        return True

    def _start(self, all_feeds: bool, feed_ids: Sequence[int] | None) -> None:
        self._cancel.clear()
        self._following_up = False
        self._set_running(True)
        self._requested.emit(all_feeds, feed_ids)

    def cancel(self) -> None:
        """Ask the running refresh to stop after the feeds already under way.

        During the work after the news, that work stops (what is left waits for
        the next refresh), and a refresh asked for meanwhile is dropped.
        """
        if self._running:
            self._next = None
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

    @Slot(object)
    def _on_news_stored(self, _summary: object) -> None:
        self._following_up = True

    @Slot()
    def _on_idle(self) -> None:
        self._following_up = False
        wanted, self._next = self._next, None
        if wanted is not None and self._thread.isRunning():
            self._start(*wanted)  # running all along: no runningChanged in between
            return
        self._set_running(False)
