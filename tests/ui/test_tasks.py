"""The task runner: work off the GUI thread, answers on it, writes in order."""

from __future__ import annotations

import os
import sys
import threading

import pytest
from PySide6.QtCore import QObject

from newsreader.ui.tasks import TaskRunner, lower_thread_priority, run_task, weak_callback

pytestmark = pytest.mark.gui


def test_a_task_runs_elsewhere_and_answers_on_this_thread(qtbot) -> None:
    runner = TaskRunner()
    here = threading.get_ident()
    ran_on: list[int] = []
    answered_on: list[int] = []

    def work() -> int:
        ran_on.append(threading.get_ident())
        return 42

    def done(result: int) -> None:
        answered_on.append(threading.get_ident())
        assert result == 42

    runner.run_task(work, done)
    qtbot.waitUntil(lambda: bool(answered_on))
    assert ran_on != [here] and answered_on == [here]
    assert runner.pending == 0


def test_a_failure_is_answered_with_its_exception(qtbot) -> None:
    runner = TaskRunner()
    errors: list[BaseException] = []

    def work() -> None:
        raise OSError("disk full")

    runner.run_task(work, lambda _result: None, errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], OSError) and str(errors[0]) == "disk full"


def test_serial_tasks_reach_their_end_in_the_order_given(qtbot) -> None:
    runner = TaskRunner()
    written: list[int] = []
    answers: list[int] = []
    for n in range(20):
        runner.run_serial(lambda n=n: written.append(n) or n, answers.append)
    assert runner.wait_for_done(5000)
    qtbot.waitUntil(lambda: len(answers) == 20)
    assert written == list(range(20))
    assert answers == list(range(20))


def test_a_synchronous_runner_answers_at_once_and_raises_without_a_handler() -> None:
    runner = TaskRunner(synchronous=True)
    answers: list[int] = []
    runner.run_serial(lambda: 7, answers.append)
    assert answers == [7]

    def broken() -> None:
        raise ValueError("bug")

    with pytest.raises(ValueError, match="bug"):
        runner.run_task(broken)


def test_the_shared_runner_answers_too(qtbot) -> None:
    answers: list[str] = []
    run_task(lambda: "shared", answers.append)
    qtbot.waitUntil(lambda: answers == ["shared"])


def test_an_answer_for_a_deleted_widget_is_dropped(qtbot) -> None:
    class Listener(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.heard: list[object] = []

        def hear(self, prefix: str, value: object) -> None:
            self.heard.append((prefix, value))

    alive = Listener()
    weak_callback(alive.hear, "x")(1)
    assert alive.heard == [("x", 1)]
    gone = Listener()
    call = weak_callback(gone.hear, "y")
    del gone  # the only reference: the callback keeps none
    call(2)  # nobody left to tell, and no error


def test_a_thread_can_yield_the_cpu_to_the_gui() -> None:
    if not sys.platform.startswith("linux"):  # no per-thread nice values there
        assert not lower_thread_priority(3)
        return
    niceness: list[tuple[bool, int]] = []

    def lower() -> None:
        before = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
        took = lower_thread_priority(3)
        niceness.append((took, os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) - before))

    thread = threading.Thread(target=lower)
    thread.start()
    thread.join()
    assert niceness == [(True, min(3, 19 - os.getpriority(os.PRIO_PROCESS, 0)))]
