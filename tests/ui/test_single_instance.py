"""One window per data folder: a later launch hands its links over a local socket and ends."""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtNetwork import QLocalSocket

from newsreader import app
from newsreader.cli.common import EXIT_BUSY
from newsreader.core.paths import app_paths
from newsreader.core.profile_lock import lock_profile
from newsreader.reader import Reader
from newsreader.ui.add_feed_dialog import AddFeedDialog
from newsreader.ui.main_window import MainWindow
from newsreader.ui.single_instance import (
    ACK,
    InstanceServer,
    decode_links,
    encode_links,
    hand_over,
    server_name,
)
from newsreader.ui.tasks import TaskRunner
from tests.helpers.feedserver import FeedServer
from tests.ui.conftest import make_rss, serve

pytestmark = pytest.mark.gui


def test_each_data_folder_has_its_own_name(tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    assert server_name(one) == server_name(one)
    assert server_name(one) != server_name(two)
    assert len(server_name(one)) < 40  # short enough for a socket path anywhere


def test_the_message_carries_links_and_nothing_else() -> None:
    links = ["feed://example.org/rss", "https://مثال.example/feed"]
    assert decode_links(encode_links(links).rstrip(b"\n")) == links
    assert decode_links(b"not json") is None
    assert decode_links(b'{"links": [1, 2]}') is None
    assert decode_links(b"[]") is None


@pytest.fixture
def server(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    running = InstanceServer(server_name(tmp_path / "profile"))
    assert running.listen()
    yield running
    running.close()


def _send(qtbot, name: str, message: bytes) -> bytes:  # type: ignore[no-untyped-def]
    """The other end, in this thread: send *message*, return the answer."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    qtbot.waitUntil(lambda: socket.state() == QLocalSocket.LocalSocketState.ConnectedState)
    answer = bytearray()
    socket.readyRead.connect(lambda: answer.extend(bytes(socket.readAll().data())))
    socket.write(message)
    qtbot.waitUntil(lambda: socket.state() == QLocalSocket.LocalSocketState.UnconnectedState)
    return bytes(answer)


def test_links_handed_over_reach_the_running_window(qtbot, server: InstanceServer) -> None:
    links = ["feed://127.0.0.1:9/a.xml", "https://127.0.0.1:9/b.rss"]
    got: list[list[str]] = []
    server.activated.connect(got.append)
    assert _send(qtbot, server.name, encode_links(links)) == ACK
    assert got == [links]


def test_a_launch_without_links_still_raises_the_window(qtbot, server: InstanceServer) -> None:
    got: list[list[str]] = []
    server.activated.connect(got.append)
    assert _send(qtbot, server.name, encode_links([])) == ACK
    assert got == [[]]


def test_a_message_may_come_in_pieces(qtbot, server: InstanceServer) -> None:
    got: list[list[str]] = []
    server.activated.connect(got.append)
    socket = QLocalSocket()
    socket.connectToServer(server.name)
    qtbot.waitUntil(lambda: socket.state() == QLocalSocket.LocalSocketState.ConnectedState)
    message = encode_links(["feed://127.0.0.1:9/جديد.xml"])
    socket.write(message[:7])
    socket.flush()
    qtbot.wait(50)
    assert got == []
    socket.write(message[7:])
    qtbot.waitUntil(lambda: got != [])
    assert got == [["feed://127.0.0.1:9/جديد.xml"]]


def test_a_stranger_s_message_is_dropped(qtbot, server: InstanceServer) -> None:
    fired: list[list[str]] = []
    server.activated.connect(fired.append)
    assert _send(qtbot, server.name, b"GET / HTTP/1.0\n") == b""
    assert fired == []


def test_nobody_listening_means_no_hand_over(tmp_path: Path) -> None:
    assert hand_over(server_name(tmp_path / "nobody"), ["feed://x.example/"]) is False


def _launch(data_dir: Path, *words: str) -> subprocess.Popen[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("NEWSREADER_DATA_DIR", None)
    return subprocess.Popen(
        [sys.executable, "-m", "newsreader", "--data-dir", str(data_dir), *words],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def test_a_second_launch_hands_its_link_to_the_first_and_exits(qtbot, tmp_path: Path) -> None:
    data_dir = tmp_path / "profile"
    folder = app_paths(data_dir).data
    # The running window, as far as a later launch can tell: the lock and the socket.
    with lock_profile(folder, "the Newsreader window"):
        running = InstanceServer(server_name(folder))
        assert running.listen()
        got: list[list[str]] = []
        running.activated.connect(got.append)
        second = _launch(data_dir, "feed://127.0.0.1:9/news.xml")
        try:
            qtbot.waitUntil(lambda: second.poll() is not None, timeout=120_000)
            _out, err = second.communicate(timeout=30)
        finally:
            if second.poll() is None:
                second.kill()
                second.communicate()
            running.close()
    assert second.returncode == 0, err
    assert got == [["feed://127.0.0.1:9/news.xml"]]
    assert not app_paths(data_dir).database.exists()  # it never opened the profile


def test_a_window_cannot_start_while_a_command_writes(qtbot, tmp_path: Path) -> None:
    data_dir = tmp_path / "profile"
    folder = app_paths(data_dir).data
    with lock_profile(folder, "newsreader refresh"):
        window = _launch(data_dir)
        try:
            qtbot.waitUntil(lambda: window.poll() is not None, timeout=120_000)
            _out, err = window.communicate(timeout=30)
        finally:
            if window.poll() is None:
                window.kill()
                window.communicate()
    assert window.returncode == EXIT_BUSY
    assert str(folder) in err and "newsreader refresh" in err


@pytest.mark.qt_log_ignore("^This plugin does not support raise\\(\\)$")  # offscreen
def test_the_running_window_subscribes_to_a_link_a_later_launch_handed_over(
    qtbot, profile: Reader, tmp_path: Path, feed_server: FeedServer, monkeypatch
) -> None:
    url = serve(feed_server, "/handed.xml", make_rss(3, title="Handed Over", prefix="handed"))

    def run_at_once(dialog: AddFeedDialog) -> int:  # what exec() would show and do
        qtbot.waitUntil(lambda: dialog.result() == AddFeedDialog.DialogCode.Accepted)
        return dialog.result()

    monkeypatch.setattr(AddFeedDialog, "exec", run_at_once)
    window = MainWindow(
        profile, tasks=TaskRunner(synchronous=True), auto_refresh=False, state_file=tmp_path / "w"
    )
    qtbot.addWidget(window)
    window.show()
    window.showMinimized()
    server = InstanceServer(server_name(tmp_path / "window-profile"))
    server.activated.connect(lambda links: app._open_links(window, links, raise_window=True))
    assert server.listen()
    try:
        link = url.replace("http://", "feed://", 1)
        assert _send(qtbot, server.name, encode_links([link])) == ACK
        qtbot.waitUntil(lambda: any(f.title == "Handed Over" for f in profile.list_feeds()))
        assert not window.isMinimized()  # brought to the front
        [feed] = [f for f in profile.list_feeds() if f.title == "Handed Over"]
        assert feed.url == url and feed.article_count == 3
    finally:
        server.close()
        window.shutdown()


def _articles_in(data_dir: Path) -> int:
    database = app_paths(data_dir).database
    if not database.is_file():
        return 0
    try:
        with contextlib.closing(sqlite3.connect(database, timeout=1)) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return 0  # not made yet


@pytest.mark.slow
def test_a_real_window_keeps_its_folder_to_itself_and_backs_it_up_on_closing(
    tmp_path: Path,
) -> None:
    data_dir = tmp_path / "profile"
    window = _launch(data_dir)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and _articles_in(data_dir) == 0:
            assert window.poll() is None, window.communicate(timeout=5)[1]
            time.sleep(0.2)
        assert _articles_in(data_dir) > 0  # the demo loaded
        # A command-line writer is turned away, naming the window ...
        writer = _launch(data_dir, "mark", "1", "--star")
        _out, err = writer.communicate(timeout=120)
        assert writer.returncode == EXIT_BUSY
        assert "the Newsreader window" in err and f"process {window.pid}" in err
        # ... a reader is not ...
        reading = _launch(data_dir, "articles", "--limit", "1")
        out, err = reading.communicate(timeout=120)
        assert reading.returncode == 0 and out, err
        # ... and a second window hands over to the first and ends.
        second = _launch(data_dir)
        _out, err = second.communicate(timeout=120)
        assert second.returncode == 0, err
        assert window.poll() is None
        window.terminate()  # SIGTERM closes the window properly
        _out, err = window.communicate(timeout=60)
        assert window.returncode == 0, err
    finally:
        if window.poll() is None:
            window.kill()
            window.communicate()
    [backup] = sorted((app_paths(data_dir).data / "backups").glob("userdata-*.json"))
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert json.loads(backup.read_text(encoding="utf-8"))["subscriptions"]
    # the window is gone: its lock with it
    with lock_profile(app_paths(data_dir).data, "newsreader refresh") as lock:
        assert lock.held
