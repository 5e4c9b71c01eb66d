"""Waiting at start for a shared cache's server: tried again until it answers, or quit."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QLabel, QPushButton

from newsreader.core.errors import StorageUnavailableError
from newsreader.reader import Reader
from newsreader.ui.server_wait import ServerWait
from tests.helpers import postgres
from tests.helpers.postgres import HEAD_TEMPLATE, Cluster

#: A server of this module's own, stopped and started again below.
own_cluster = postgres.own_cluster

pytestmark = pytest.mark.gui

#: A bound on waits for another thread (not a timing claim).
WAIT_MS = 60_000
QUICK = (0.05,)


def button(wait: ServerWait, text: str) -> QPushButton:
    [found] = [b for b in wait.findChildren(QPushButton) if b.text() == text]
    return found


def message(wait: ServerWait) -> str:
    return wait.findChild(QLabel, "serverWaitMessage").text()


def test_the_window_opens_once_the_server_is_back(
    qtbot, tmp_path: Path, own_cluster: Cluster
) -> None:
    url = own_cluster.create_database(template=HEAD_TEMPLATE)
    own_cluster.stop_server()
    opened: list[Reader] = []
    try:
        with pytest.raises(StorageUnavailableError) as first:
            Reader.open(tmp_path / "p", url, user="salma")
        wait = ServerWait(lambda: Reader.open(tmp_path / "p", url, user="salma"), str(first.value),
                          delays=QUICK)  # fmt: skip
        qtbot.addWidget(wait)
        wait.open()
        assert f"127.0.0.1:{own_cluster.port}" in message(wait)
        qtbot.waitUntil(lambda: wait.tries >= 2, timeout=WAIT_MS)  # tried again, and again
        assert wait.isVisible() and wait.reader is None
        own_cluster.start_server()
        qtbot.waitUntil(lambda: wait.reader is not None, timeout=WAIT_MS)
        opened.append(wait.reader)
        assert wait.result() == QDialog.DialogCode.Accepted and not wait.isVisible()
        assert wait.reader.user == "salma" and wait.reader.list_articles() == []
    finally:
        own_cluster.start_server()
        for reader in opened:
            reader.close()


def test_quit_gives_up_and_stops_trying(qtbot) -> None:
    tries: list[int] = []

    def refuse() -> Reader:
        tries.append(1)
        raise StorageUnavailableError("cannot reach the database server 127.0.0.1:9/news: refused")

    wait = ServerWait(refuse, "refused", delays=QUICK)
    qtbot.addWidget(wait)
    wait.open()
    qtbot.waitUntil(lambda: len(tries) >= 2, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "127.0.0.1:9/news" in message(wait), timeout=WAIT_MS)
    button(wait, "Quit").click()
    assert wait.result() == QDialog.DialogCode.Rejected and wait.reader is None
    settled = len(tries)
    qtbot.wait(300)  # six delays' worth: no try after quitting
    assert len(tries) <= settled + 1


def test_a_cache_opened_after_quitting_is_closed_not_used(qtbot, tmp_path: Path) -> None:
    release = threading.Event()
    made: list[Reader] = []
    closed: list[Reader] = []

    def slow_open() -> Reader:
        release.wait(WAIT_MS / 1000)
        reader = Reader.open(tmp_path / "p")
        close = reader.close
        reader.close = lambda: (closed.append(reader), close())[1]  # type: ignore[method-assign]
        made.append(reader)
        return reader

    wait = ServerWait(slow_open, "refused", delays=(3600.0,))
    qtbot.addWidget(wait)
    wait.open()
    button(wait, "Try Now").click()
    assert not button(wait, "Try Now").isEnabled()  # one try at a time
    button(wait, "Quit").click()
    release.set()
    qtbot.waitUntil(lambda: bool(closed), timeout=WAIT_MS)
    assert closed == made and wait.reader is None
