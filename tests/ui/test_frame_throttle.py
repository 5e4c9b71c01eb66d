"""At most one update a frame, and always the newest: a burst shown as its last state."""

from __future__ import annotations

from typing import Any

import pytest

from newsreader.ui.frame_throttle import FRAME_MS, FrameThrottle

pytestmark = pytest.mark.gui


def test_the_first_update_runs_at_once_and_a_burst_ends_in_its_newest(qtbot: Any) -> None:
    throttle = FrameThrottle()
    shown: list[int] = []
    throttle.call(lambda: shown.append(1))
    assert shown == [1]  # nothing ran this frame: at once
    for n in range(2, 40):
        throttle.call(lambda n=n: shown.append(n))
    assert shown == [1] and throttle.waiting  # the rest wait for the frame to end
    qtbot.waitUntil(lambda: not throttle.waiting, timeout=2000)
    assert shown == [1, 39]  # only the newest of them, never the ones in between
    qtbot.wait(3 * FRAME_MS)
    assert shown == [1, 39]  # nothing more was asked for: nothing more runs


def test_a_long_burst_ends_in_its_last_state(qtbot: Any) -> None:
    throttle = FrameThrottle(interval_ms=20)
    shown: list[int] = []
    for n in range(60):
        throttle.call(lambda n=n: shown.append(n))
        qtbot.wait(2)
    qtbot.waitUntil(lambda: not throttle.waiting, timeout=2000)
    assert shown[-1] == 59  # the last state is never lost, however the frames fell
    assert shown == sorted(shown)


def test_flush_runs_the_waiting_update_now_and_cancel_drops_it(qtbot: Any) -> None:
    throttle = FrameThrottle()
    shown: list[str] = []
    throttle.call(lambda: shown.append("first"))
    throttle.call(lambda: shown.append("second"))
    throttle.flush()
    assert shown == ["first", "second"] and not throttle.waiting
    throttle.call(lambda: shown.append("third"))  # the frame has not ended: waits
    throttle.cancel()
    qtbot.wait(3 * FRAME_MS)
    assert shown == ["first", "second"]


def test_a_queue_runs_every_update_in_order_one_a_frame(qtbot: Any) -> None:
    from newsreader.ui.frame_throttle import FrameQueue

    queue = FrameQueue(interval_ms=20)
    ran: list[int] = []
    for n in range(4):
        queue.call(lambda n=n: ran.append(n))
    assert ran == [0]  # the first at once
    assert queue.waiting == 3
    qtbot.waitUntil(lambda: queue.waiting == 0 and len(ran) == 4, timeout=2000)
    assert ran == [0, 1, 2, 3]  # none dropped, in order
