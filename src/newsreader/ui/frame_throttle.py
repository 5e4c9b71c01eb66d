"""At most one update a frame: a burst of reports shown as its latest state, big changes apart.

A refresh reports every feed as it is stored, often dozens within one frame, and the
work after the news reports its pictures as they come.  Showing each report re-lays
out what shows it (a label's new text, a progress bar's new range) for a picture
nobody sees.  :class:`FrameThrottle` runs the first update of a burst at once and
then at most one per frame (:data:`FRAME_MS`), always the newest one given: the last
state is never lost, only the ones in between are skipped.

:class:`FrameQueue` is for changes that must each happen (new rows merged into the
list, new counts into the sidebar): it runs them in order, one a frame, so that two
of them never fall in the same frame and the window never repaints both at once.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer

#: One frame at 60 Hz, in milliseconds.
FRAME_MS = 16


def _frame_timer(owner: QObject, interval_ms: int, on_frame: Callable[[], None]) -> QTimer:
    """A precise single-shot timer of one frame that calls *on_frame* when it ends."""
    timer = QTimer(owner)
    timer.setSingleShot(True)
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(interval_ms)
    timer.timeout.connect(on_frame)
    return timer


class FrameThrottle(QObject):
    """Runs updates at most once per ``interval_ms``; a newer one replaces one waiting."""

    def __init__(self, parent: QObject | None = None, *, interval_ms: int = FRAME_MS) -> None:
        super().__init__(parent)
        self._pending: Callable[[], None] | None = None
        self._timer = _frame_timer(self, interval_ms, self._on_frame)

    def call(self, update: Callable[[], None]) -> None:
        """Run ``update`` now, or when this frame ends if one ran already (the newest wins)."""
        if self._timer.isActive():
            self._pending = update
            return
        update()
        self._timer.start()

    @property
    def waiting(self) -> bool:
        """Whether an update waits for the frame to end."""
        return self._pending is not None

    def flush(self) -> None:
        """Run the waiting update now (a state read before the frame ends is the newest)."""
        pending, self._pending = self._pending, None
        if pending is not None:
            pending()

    def cancel(self) -> None:
        """Drop the waiting update (a newer state was shown some other way)."""
        self._pending = None

    def _on_frame(self) -> None:
        if self._pending is not None:
            self.flush()
            self._timer.start()  # the burst goes on: the next one waits a frame too


class FrameQueue(QObject):
    """Runs updates in order, at most one per ``interval_ms``; none is ever dropped."""

    def __init__(self, parent: QObject | None = None, *, interval_ms: int = FRAME_MS) -> None:
        super().__init__(parent)
        self._queue: deque[Callable[[], None]] = deque()
        self._timer = _frame_timer(self, interval_ms, self._on_frame)

    def call(self, update: Callable[[], None]) -> None:
        """Run ``update`` now, or after those waiting, one a frame."""
        if self._timer.isActive() or self._queue:
            self._queue.append(update)
            return
        update()
        self._timer.start()

    @property
    def waiting(self) -> int:
        """How many updates wait for their frame."""
        return len(self._queue)

    def _on_frame(self) -> None:
        if self._queue:
            update = self._queue.popleft()
            self._timer.start()  # the next one waits its frame whatever this one does
            update()
