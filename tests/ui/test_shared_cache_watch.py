"""A window on a shared cache: articles stored elsewhere show up without a refresh, the
cache is named, and a server that goes away is ridden out (info bar, held marks)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from newsreader.core.errors import StorageUnavailableError
from newsreader.core.settings import Settings
from newsreader.reader import Reader
from newsreader.ui.info_bar import InfoBar
from newsreader.ui.main_window import MainWindow
from newsreader.ui.shared_cache_watch import SharedCacheWatch
from newsreader.ui.tasks import TaskRunner
from tests.helpers import postgres
from tests.helpers.postgres import HEAD_TEMPLATE, Cluster
from tests.helpers.profile import database_of
from tests.reader.test_shared_cache import store_elsewhere

#: A server of this module's own, stopped and started again by the tests below.
own_cluster = postgres.own_cluster

pytestmark = pytest.mark.gui

#: Generous bounds on waits for another thread or process (not timing claims).
WAIT_MS = 60_000


def info_bar(qtbot) -> InfoBar:
    holder = QWidget()
    qtbot.addWidget(holder)
    bar = InfoBar(holder)
    holder.show()
    return bar


@pytest.fixture
def shared(tmp_path: Path, profile_db_url: str | None) -> Iterator[Reader]:
    reader = Reader.open(tmp_path / "profile", profile_db_url)
    yield reader
    reader.close()


def test_the_watch_says_when_another_writer_stores_articles(
    qtbot, shared: Reader, backend: str
) -> None:
    watch = SharedCacheWatch(shared, info_bar(qtbot), poll_seconds=0.1)
    watch.start()
    try:
        with qtbot.waitSignal(watch.articlesStored, timeout=WAIT_MS):
            store_elsewhere(database_of(shared).url, "خبر من الجالب")
    finally:
        watch.stop()
    assert not watch.is_running


def make_window(qtbot, reader: Reader, state: Path) -> MainWindow:
    reader.save_settings(Settings(mark_read_delay_ms=0, refresh_minutes=1))
    window = MainWindow(
        reader, tasks=TaskRunner(synchronous=True), auto_refresh=True, state_file=state
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_a_window_on_a_local_profile_fetches_on_its_timer_and_says_local(
    qtbot, tmp_path: Path
) -> None:
    with Reader.open(tmp_path / "profile") as reader:
        window = make_window(qtbot, reader, tmp_path / "w.ini")
        try:
            assert window.auto_refresh and window.refresh_service.is_timer_active()
            assert not window.cache_watch.is_running
            assert window.cache_label.text() == "Local profile"
            assert window.windowTitle() == "Newsreader"
        finally:
            window.shutdown()


@pytest.mark.parametrize("backend", ["postgresql"])
def test_a_window_on_a_shared_cache_lists_what_another_process_stores(
    qtbot, shared: Reader, tmp_path: Path, profile_db_url: str
) -> None:
    window = make_window(qtbot, shared, tmp_path / "w.ini")
    refreshes: list[bool] = []
    window.refresh_service.runningChanged.connect(refreshes.append)
    try:
        server = str(shared.cache_server)
        assert window.cache_label.text() == f"Shared cache: {server}"
        assert window.windowTitle() == f"Newsreader — {server}"
        # no fetching on its own: no timer, none after imports, none at start
        assert not window.auto_refresh and not window.refresh_service.is_timer_active()
        assert window.cache_watch.is_running
        assert window.article_model.rowCount() == 0
        other = subprocess.run(  # a process of its own fills the cache
            [sys.executable, "-m", "newsreader", "--data-dir", str(tmp_path / "other"),
             "--db", profile_db_url, "demo"],
            capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        assert other.returncode == 0, other.stderr
        stored = len(shared.list_articles())
        assert stored > 0
        qtbot.waitUntil(lambda: window.article_model.rowCount() == stored, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: window.sidebar_model.has_subscriptions(), timeout=WAIT_MS)
        assert refreshes == []  # the window fetched nothing itself
    finally:
        window.shutdown()


def test_a_window_rides_out_its_server_going_away_and_keeps_the_marks(
    qtbot, tmp_path: Path, own_cluster: Cluster
) -> None:
    url = own_cluster.create_database(template=HEAD_TEMPLATE)
    first, second = store_elsewhere(url, "قبل الانقطاع", "before the outage")
    reader = Reader.open(tmp_path / "profile", url)
    window = make_window(qtbot, reader, tmp_path / "w.ini")
    watch = window.cache_watch
    try:
        qtbot.waitUntil(lambda: window.article_model.rowCount() == 2, timeout=WAIT_MS)
        with qtbot.waitSignal(watch.connectionLost, timeout=WAIT_MS):
            own_cluster.stop_server()
        assert window.info_bar.isVisible()
        text = window.info_bar.text()
        assert f"Cannot reach the shared cache {reader.cache_server}; retrying" in text
        assert f"(cannot reach the database server {reader.cache_server}: the server" in text

        row = window.article_model.row_of(first)
        assert row is not None
        window.article_delegate.starClicked.emit(row)  # the user stars it meanwhile
        assert window.article_model.article_at(row).starred  # shown at once
        assert len(reader.held_marks()) == 1
        window.select_view("smart:starred")  # another view while the server is away
        assert window.article_model.rowCount() == 0

        with qtbot.waitSignal(watch.connectionRestored, timeout=WAIT_MS):
            own_cluster.start_server()
        assert not window.info_bar.isVisible()
        assert reader.held_marks() == []
        assert reader.get_article(first).starred and not reader.get_article(second).starred
        qtbot.waitUntil(lambda: window.article_model.loaded_ids() == [first], timeout=WAIT_MS)
        window.select_view("smart:all")

        store_elsewhere(url, "after the outage")  # heard again
        qtbot.waitUntil(lambda: window.article_model.rowCount() == 3, timeout=WAIT_MS)
    finally:
        window.shutdown()
        own_cluster.start_server()  # whatever happened above
        reader.close()


def test_the_server_away_escaping_a_slot_is_one_log_line_while_watching(
    qtbot, shared: Reader, caplog: pytest.LogCaptureFixture
) -> None:
    seen: list[BaseException] = []
    before = sys.excepthook
    sys.excepthook = lambda _kind, value, _tb: seen.append(value)
    outer = sys.excepthook
    watch = SharedCacheWatch(shared, info_bar(qtbot), poll_seconds=0.1)
    try:
        watch.start()
        away = StorageUnavailableError("cannot reach the database server 127.0.0.1:9/x: refused")
        fault = ValueError("a fault of another kind")
        for error in (away, fault):  # as PySide reports an exception no slot caught
            sys.excepthook(type(error), error, None)
        assert seen == [fault]
        assert "server away: cannot reach the database server 127.0.0.1:9/x" in caplog.text
        watch.stop()
        assert sys.excepthook is outer  # given back when the watch ends
    finally:
        watch.stop()
        sys.excepthook = before
