"""The main window driven like a user would: views, reading, marks, refresh, layout."""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from sqlalchemy import select, update

from newsreader import app as desktop_app
from newsreader.app import NO_DISPLAY_MESSAGE
from newsreader.core.settings import Settings
from newsreader.core.types import ArticleQuery, FeedResult, FeedStatus, RefreshSummary
from newsreader.reader import Reader
from newsreader.storage.models import ArticleStateRow, FeedRow
from newsreader.ui.action_registry import ActionId
from newsreader.ui.add_feed_dialog import AddFeedDialog
from newsreader.ui.i18n import Translations
from newsreader.ui.main_window import MainWindow
from newsreader.ui.models.article_list import PAGE_SIZE, Column
from newsreader.ui.models.sidebar import BadgeRole, ErrorRole, UnreadRole
from newsreader.ui.tasks import TaskRunner
from tests.conftest import FIXTURES
from tests.fetch.test_images import png_bytes
from tests.helpers.feedserver import FeedServer, Response
from tests.helpers.profile import database_of
from tests.ui.conftest import make_rss, serve

pytestmark = pytest.mark.gui


def make_window(qtbot, reader: Reader, state: Path, *, synchronous: bool = True) -> MainWindow:
    window = MainWindow(
        reader,
        tasks=TaskRunner(synchronous=synchronous),
        auto_refresh=False,
        state_file=state,
    )
    qtbot.addWidget(window)
    return window


@pytest.fixture
def window(qtbot, profile: Reader, tmp_path: Path) -> Iterator[MainWindow]:
    profile.save_settings(Settings(mark_read_delay_ms=0))
    win = make_window(qtbot, profile, tmp_path / "window.ini")
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.shutdown()


def unread_badge(window: MainWindow, key: str) -> int:
    return window.sidebar_model.index_for_key(key).data(UnreadRole)


def test_choosing_a_view_filters_the_list(window: MainWindow) -> None:
    model = window.article_model
    assert window.current_view_key() == "smart:all"
    assert model.rowCount() == 50
    assert window.select_view("topic:c:economy")  # اقتصاد and Economy
    assert model.rowCount() == 35
    assert window.select_view("feed:2")
    assert {model.article_at(r).feed_id for r in range(model.rowCount())} == {2}
    assert window.select_view("folder:World")
    assert model.rowCount() == 20
    assert window.select_view("smart:starred")
    assert model.rowCount() == 0
    window.title_row.filter_edit.setText("Item 1")
    window.select_view("feed:2")
    window.views.filter_timer.timeout.emit()
    titles = [model.article_at(r).title for r in range(model.rowCount())]
    assert titles and all("Item 1" in t for t in titles)


def test_a_narrow_window_keeps_its_search_box_on_the_toolbar(window: MainWindow) -> None:
    window.show()
    window.resize(900, 500)
    QApplication.processEvents()
    assert not window.toolbar_fit.labelled  # the labels would push the box off
    assert window.search_edit.isVisible()
    window.resize(1900, 900)
    QApplication.processEvents()
    assert window.toolbar_fit.labelled


def test_another_view_starts_at_the_top_of_its_list(window: MainWindow) -> None:
    """Neither the scroll position nor a reordered list carries over: newest first."""
    window.resize(900, 500)
    model = window.article_model
    assert window.select_article(model.article_at(40).id)
    scroll = window.article_view.verticalScrollBar()
    assert scroll.value() > 0
    assert window.select_view("smart:live")
    assert scroll.value() == 0
    assert window.select_view("smart:all")
    window.article_view.scrollToBottom()
    assert scroll.value() > 0
    window.views.set_order("source")  # no article is current after the switch
    assert scroll.value() == 0


def test_reading_an_article_marks_it_read_and_updates_counts(window: MainWindow, qtbot) -> None:
    assert unread_badge(window, "smart:all") == 50
    assert window.select_first_article()
    article = window.current_article_id()
    qtbot.waitUntil(lambda: window.reader.get_article(article).read, timeout=3000)
    assert window.current_summary().read
    qtbot.waitUntil(lambda: unread_badge(window, "smart:all") == 49, timeout=3000)
    assert window.sidebar_model.index_for_key("smart:all").data(BadgeRole) == 49
    assert window.current_view_key() == "smart:all"  # the selection survived the merge


def test_the_read_mark_waits_for_the_configured_delay(
    qtbot, profile: Reader, tmp_path: Path
) -> None:
    profile.save_settings(Settings(mark_read_delay_ms=400))
    win = make_window(qtbot, profile, tmp_path / "w.ini")
    win.select_first_article()
    first = win.current_article_id()
    win.move_article(1)  # moved on before the delay: the first stays unread
    second = win.current_article_id()
    assert second != first and not profile.get_article(second).read
    # The second's delay started after the first's: once it is read, the first's
    # delay is over too.
    qtbot.waitUntil(lambda: profile.get_article(second).read, timeout=10_000)
    assert not profile.get_article(first).read
    win.shutdown()


def test_star_toggle_read_and_mark_all_read_are_undoable(window: MainWindow, qtbot) -> None:
    reader = window.reader
    window.select_first_article()
    article = window.current_article_id()
    window.action(ActionId.TOGGLE_STAR).trigger()
    assert reader.get_article(article).starred and window.current_summary().starred
    window.action(ActionId.UNDO).trigger()
    assert not reader.get_article(article).starred and not window.current_summary().starred
    window.action(ActionId.REDO).trigger()
    assert reader.get_article(article).starred

    qtbot.waitUntil(lambda: reader.get_article(article).read, timeout=3000)
    window.action(ActionId.TOGGLE_READ).trigger()
    assert not reader.get_article(article).read
    window.undo_stack.undo()
    assert reader.get_article(article).read

    window.select_view("feed:1")
    before = reader.count_articles(ArticleQuery(feed_id=1))
    assert before[1] > 20
    window.action(ActionId.MARK_ALL_READ).trigger()
    assert reader.count_articles(ArticleQuery(feed_id=1)) == (30, 0)
    assert all(window.article_model.article_at(r).read for r in range(30))
    window.undo_stack.undo()  # only what mark-all changed goes back to unread
    assert reader.count_articles(ArticleQuery(feed_id=1)) == before
    qtbot.waitUntil(lambda: unread_badge(window, "feed:1") == before[1], timeout=3000)


def test_keyboard_moves_through_articles(window: MainWindow, qtbot) -> None:
    window.activateWindow()
    window.article_view.setFocus()
    window.select_first_article()
    first = window.current_article_id()
    QTest.keyClick(window.article_view, Qt.Key.Key_J)
    assert window.article_view.currentIndex().row() == 1
    QTest.keyClick(window.article_view, Qt.Key.Key_N)
    assert window.article_view.currentIndex().row() == 2
    QTest.keyClick(window.article_view, Qt.Key.Key_K)
    QTest.keyClick(window.article_view, Qt.Key.Key_P)
    assert window.current_article_id() == first
    QTest.keyClick(window.article_view, Qt.Key.Key_S)
    assert window.reader.get_article(first).starred
    QTest.keyClick(window.article_view, Qt.Key.Key_Slash)
    assert window.search_edit.hasFocus()
    QTest.keyClicks(window.search_edit, "jk s/m")  # letters are text here, not shortcuts
    assert window.search_edit.text() == "jk s/m"
    assert window.current_article_id() == first


def test_clicking_the_star_cell_stars_the_article(window: MainWindow) -> None:
    view = window.article_view
    rect = view.visualRect(window.article_model.index(2, Column.STAR))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    summary = window.article_model.article_at(2)
    assert summary.starred and window.reader.get_article(summary.id).starred
    assert window.undo_stack.canUndo()


def test_space_goes_to_the_next_unread_article(window: MainWindow) -> None:
    reader = window.reader
    ids = window.article_model.loaded_ids()
    reader.mark_read(ids[1:4])
    window.select_view("smart:unread")
    window.select_view("smart:all")
    window.select_first_article()
    window.reading_pane.scroll_page_down = lambda: False  # the article fits on screen
    window.scroll_or_next_unread()
    assert window.current_article_id() == ids[4]


def test_a_refresh_in_the_worker_adds_articles_and_keeps_the_selection(
    qtbot, tmp_path: Path, feed_server: FeedServer
) -> None:
    url = serve(feed_server, "/live.xml", make_rss(10, prefix="live"))
    reader = Reader.open(tmp_path / "p")
    reader.save_settings(Settings(mark_read_delay_ms=60_000))
    reader.add_feed(url)
    win = make_window(qtbot, reader, tmp_path / "w.ini", synchronous=False)
    win.show()
    try:
        win.select_view("smart:live")
        win.navigation.set_current_row(3)
        selected = win.current_article_id()
        # the server answers slowly, so the refresh is still running while we use the list
        feed_server.route(
            "/live.xml", Response(body=make_rss(14, prefix="live", start=-4), delay=0.8)
        )
        win.refresh()
        assert win.refresh_service.is_running
        win.move_article(1)
        win.move_article(-1)
        assert win.current_article_id() == selected
        with qtbot.waitSignal(win.listMerged, timeout=15000):
            pass
        assert win.article_model.rowCount() == 14
        assert win.current_article_id() == selected
        assert win.article_view.currentIndex().row() == 7
        qtbot.waitUntil(lambda: unread_badge(win, "smart:all") == 14, timeout=5000)
        assert "4" in win.refresh_status.text()
    finally:
        win.shutdown()
        win.tasks.wait_for_done(5000)
        reader.close()


def test_unreachable_feeds_show_offline_and_error_badges(qtbot, tmp_path: Path) -> None:
    reader = Reader.open(tmp_path / "p")
    feed_id = reader.subscribe("http://127.0.0.1:9/feed.xml", title="Nowhere")
    win = make_window(qtbot, reader, tmp_path / "w.ini", synchronous=False)
    try:
        with qtbot.waitSignal(win.refresh_service.finished, timeout=20000):
            win.refresh()
        assert win.refresh_status.is_offline
        qtbot.waitUntil(
            lambda: bool(win.sidebar_model.index_for_key(f"feed:{feed_id}").data(ErrorRole)),
            timeout=5000,
        )
        assert QApplication.activeModalWidget() is None  # no dialog about it
        win.select_view(f"feed:{feed_id}")
        assert win.title_row.error_icon.isVisibleTo(win)
        assert (
            "connect" in win.title_row.error_icon.toolTip()
            or "refused" in win.title_row.error_icon.toolTip()
        )
        # and in words beside the icon, not only in a tooltip
        assert win.title_row.error_text.isVisibleTo(win)
        assert win.title_row.error_text.text().startswith("Last update failed:")
        assert win.title_row.error_text.toolTip() == win.title_row.error_icon.toolTip()
        win.select_view("smart:all")
        assert not win.title_row.error_text.isVisibleTo(win)
    finally:
        win.shutdown()
        win.tasks.wait_for_done(5000)
        reader.close()


def test_layout_and_selection_are_restored(qtbot, profile: Reader, tmp_path: Path) -> None:
    state = tmp_path / "window.ini"
    first = make_window(qtbot, profile, state)
    first.show()
    first.resize(780, 560)  # within the offscreen screen, which geometry is kept inside
    qtbot.wait(20)
    first.main_splitter.setSizes([230, 550])
    first.content_splitter.setSizes([200, 280])
    first.comments_dock.hide()
    first.select_view("feed:2")
    first.navigation.set_current_row(4)
    article = first.current_article_id()
    qtbot.wait(20)
    main_sizes, content_sizes = first.main_splitter.sizes(), first.content_splitter.sizes()
    first.close()
    assert state.is_file()

    second = make_window(qtbot, profile, state)
    second.restore_layout()
    second.show()
    qtbot.waitExposed(second)
    assert (second.size().width(), second.size().height()) == (780, 560)
    assert second.main_splitter.sizes() == main_sizes
    assert second.content_splitter.sizes() == content_sizes
    assert not second.comments_dock.isVisible()
    assert second.current_view_key() == "feed:2"
    assert second.current_article_id() == article
    second.shutdown()


def arabic_window(qtbot, reader: Reader, translations: Translations, state: Path) -> MainWindow:
    window = MainWindow(
        reader,
        translations=translations,
        tasks=TaskRunner(synchronous=True),
        auto_refresh=False,
        state_file=state,
    )
    qtbot.addWidget(window)
    return window


def test_arabic_mirrors_the_window(qtbot, profile: Reader, tmp_path: Path) -> None:
    translations = Translations(tmp_path / "cache")
    translations.apply("ar")
    try:
        win = arabic_window(qtbot, profile, translations, tmp_path / "w.ini")
        win.show()
        qtbot.waitExposed(win)
        assert win.layoutDirection() == Qt.LayoutDirection.RightToLeft
        sidebar_x = win.sidebar_view.mapTo(win, win.sidebar_view.rect().center()).x()
        list_x = win.article_view.mapTo(win, win.article_view.rect().center()).x()
        assert sidebar_x > list_x  # the sidebar is on the right
        assert win.sidebar_model.index_for_key("smart:live").data() == "مباشر"
        topic = win.sidebar_model.index_for_key("topic:c:economy")
        assert topic.data() == "اقتصاد"  # named in the interface's language
        assert win.sidebar_model.data(topic, Qt.ItemDataRole.AccessibleTextRole) == (
            "اقتصاد · 35 خبرًا · 35 غير مقروء"
        )
        win.shutdown()
    finally:
        translations.apply("en")
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_the_suggested_subscriptions_are_offered_without_a_dialog(window: MainWindow) -> None:
    window.offer_suggested_subscriptions()
    assert window.info_bar.isVisible()
    assert QApplication.activeModalWidget() is None


def test_a_link_dropped_on_the_window_is_looked_up_and_subscribed(
    window: MainWindow, qtbot, feed_server: FeedServer, monkeypatch
) -> None:
    from PySide6.QtCore import QMimeData, QPointF
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    url = serve(feed_server, "/dropped.xml", make_rss(4, title="Dropped", prefix="dropped"))

    def run_at_once(dialog: AddFeedDialog) -> int:  # what exec() would show and do
        qtbot.waitUntil(lambda: dialog.result() == AddFeedDialog.DialogCode.Accepted)
        return dialog.result()

    monkeypatch.setattr(AddFeedDialog, "exec", run_at_once)

    def drag(mime: QMimeData) -> tuple[bool, bool]:
        point = QPointF(window.width() / 2, window.height() / 2)
        action = Qt.DropAction.CopyAction
        buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        enter = QDragEnterEvent(point.toPoint(), action, mime, buttons, keys)
        enter.ignore()
        window.dragEnterEvent(enter)
        drop = QDropEvent(point, action, mime, buttons, keys)
        drop.ignore()
        window.dropEvent(drop)
        return enter.isAccepted(), drop.isAccepted()

    text = QMimeData()
    text.setText("just some words")
    assert drag(text) == (False, False)
    local = QMimeData()
    local.setUrls([QUrl.fromLocalFile("/tmp/feed.xml")])
    assert drag(local) == (False, False)

    link = QMimeData()
    link.setUrls([QUrl(url.replace("http://", "feed://", 1))])
    assert drag(link) == (True, True)
    qtbot.waitUntil(lambda: any(f.title == "Dropped" for f in window.reader.list_feeds()))
    [feed] = [f for f in window.reader.list_feeds() if f.title == "Dropped"]
    assert feed.url == url and feed.article_count == 4
    qtbot.waitUntil(lambda: window.current_view_key() == f"feed:{feed.id}")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("https://example.org/feed.xml", "https://example.org/feed.xml"),
        ("  feed:https://example.org/atom  ", "https://example.org/atom"),
        ("example.org/feed", None),  # plain text needs a scheme to count as a link
        ("https://example.org/a b", None),
        ("mailto:desk@example.org", None),
        ("", None),
    ],
)
def test_a_dropped_text_counts_only_when_it_is_a_link(
    qapp, text: str, expected: str | None
) -> None:
    from PySide6.QtCore import QMimeData

    from newsreader.ui.subscription_actions import dropped_feed_url

    mime = QMimeData()
    mime.setText(text)
    assert dropped_feed_url(mime) == expected


def test_demo_articles_open_their_page_in_the_browser(qtbot, tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtGui import QDesktopServices

    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(opened.append))
    demo = Reader.open(tmp_path / "demo")
    try:
        win = make_window(qtbot, demo, tmp_path / "w.ini")
        with qtbot.waitSignal(win.demoLoaded, timeout=20_000) as loaded:
            win.load_demo()  # as on the first start: the demo, then its pages
        assert loaded.args == [True]
        qtbot.waitUntil(lambda: demo.demo_copy(demo.list_articles()[0].link or "") is not None)
        assert win.select_view("smart:all")
        win.select_first_article()
        article = demo.get_article(win.current_article_id())
        action = win.action(ActionId.OPEN_IN_BROWSER)
        assert action.isEnabled()
        action.trigger()
        assert len(opened) == 1 and opened[0].isLocalFile()
        page = Path(opened[0].toLocalFile())
        assert page.name == article.link.rsplit("/", 1)[1]
        assert article.title in page.read_text(encoding="utf-8")
        win.shutdown()
    finally:
        demo.close()


def test_subscriptions_export_and_import_through_the_worker(
    window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "subs.opml"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.action(ActionId.EXPORT_OPML).trigger()
    assert b"World Desk" in target.read_bytes()

    with Reader.open(tmp_path / "other") as other:
        empty = MainWindow(other, tasks=TaskRunner(synchronous=True), auto_refresh=False,
                           state_file=tmp_path / "other.ini")  # fmt: skip
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(target), ""))
        empty.action(ActionId.IMPORT_OPML).trigger()
        assert len(other.list_feeds()) == 2
        assert "folder:World" in empty.sidebar_model.all_keys()
        empty.shutdown()
        empty.deleteLater()


def test_the_language_switches_without_a_restart(qtbot, profile: Reader, tmp_path: Path) -> None:
    translations = Translations(tmp_path / "cache")
    translations.apply("en")
    win = MainWindow(
        profile,
        translations=translations,
        tasks=TaskRunner(synchronous=True),
        auto_refresh=False,
        state_file=tmp_path / "w.ini",
    )
    qtbot.addWidget(win)
    try:
        assert win.action(ActionId.REFRESH).text() == "&Refresh"
        win.apply_settings(win.settings.with_changes(language="ar"))
        qtbot.waitUntil(lambda: win.windowTitle() == "قارئ الأخبار", timeout=3000)
        assert win.action(ActionId.REFRESH).text() == "&تحديث"
        assert win.sidebar_model.index_for_key("smart:live").data() == "مباشر"
        assert win.article_model.headerData(Column.TITLE, Qt.Orientation.Horizontal) == "العنوان"
        assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert profile.settings().language == "ar"
    finally:
        translations.apply("en")
        win.shutdown()


# -- sorting, the filter box, zoom, feeds, texts ------------------------------------------


def test_the_sort_order_follows_the_header_and_the_view_menu(window: MainWindow) -> None:
    header = window.article_view.header()
    header.setSortIndicator(Column.SOURCE, Qt.SortOrder.AscendingOrder)
    assert window.article_model.query().order == "source"
    assert window.action(ActionId.SORT_BY_SOURCE).isChecked()
    window.action(ActionId.SORT_BY_DATE).trigger()
    assert window.article_model.query().order == "date"
    assert header.sortIndicatorSection() == Column.TIME
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert window.select_view("smart:live")
    window.action(ActionId.SORT_BY_SOURCE).trigger()
    assert window.article_model.query().order == "date"  # Live is always newest first
    assert window.action(ActionId.SORT_BY_DATE).isChecked()


def test_enter_and_escape_leave_the_filter_box_for_the_list(window: MainWindow) -> None:
    window.activateWindow()
    window.title_row.filter_edit.setFocus()
    QTest.keyClicks(window.title_row.filter_edit, "Item 1")
    QTest.keyClick(
        window.title_row.filter_edit, Qt.Key.Key_Return
    )  # applied now, not after a pause
    model = window.article_model
    titles = [model.article_at(r).title for r in range(model.rowCount())]
    assert titles and all("Item 1" in t for t in titles)
    assert window.article_view.hasFocus()
    assert window.current_article_id() == model.article_at(0).id
    window.title_row.filter_edit.setFocus()
    QTest.keyClick(window.title_row.filter_edit, Qt.Key.Key_Escape)
    assert window.title_row.filter_edit.text() == ""
    assert model.rowCount() == 50
    assert window.article_view.hasFocus()


def test_zoom_commands_reach_the_pane_and_are_kept_on_close(
    qtbot, profile: Reader, tmp_path: Path
) -> None:
    first = make_window(qtbot, profile, tmp_path / "w.ini")
    first.action(ActionId.ZOOM_IN).trigger()
    first.action(ActionId.ZOOM_IN).trigger()
    first.action(ActionId.ZOOM_OUT).trigger()
    assert first.reading_pane.zoom_level() == 1
    first.close()
    assert profile.settings().zoom == 1
    second = make_window(qtbot, profile, tmp_path / "w.ini")
    assert second.reading_pane.zoom_level() == 1
    second.action(ActionId.ZOOM_RESET).trigger()
    assert second.reading_pane.zoom_level() == 0
    second.shutdown()


def test_pinning_and_removing_a_feed(window: MainWindow, monkeypatch) -> None:
    from newsreader.ui import subscription_actions

    assert window.select_view("feed:1")
    window.action(ActionId.TOGGLE_PIN).trigger()
    assert window.sidebar_model.pinned_feed_ids() == {1}

    assert window.select_view("feed:2")
    window.select_first_article()
    answers = [False, True]
    monkeypatch.setattr(subscription_actions, "plain_question", lambda *a, **k: answers.pop(0))
    window.action(ActionId.REMOVE_FEED).trigger()
    assert len(window.reader.list_feeds()) == 2  # answered No
    window.action(ActionId.REMOVE_FEED).trigger()
    assert [feed.id for feed in window.reader.list_feeds()] == [1]
    assert "feed:2" not in window.sidebar_model.all_keys()
    assert window.current_view_key() == "smart:all"
    assert window.article_model.rowCount() == 30


def test_no_more_unread_articles_is_said_in_the_status_bar(window: MainWindow) -> None:
    assert window.select_view("smart:starred")
    assert not window.navigation.next_unread()
    assert window.statusBar().currentMessage() == "No more unread articles in this view"


def test_the_window_texts_shown_by_its_parts_are_translated(
    qtbot, profile: Reader, tmp_path: Path
) -> None:
    """The parts translate in the window's context, so the Arabic catalogue applies."""
    translations = Translations(tmp_path / "cache")
    translations.apply("ar")
    try:
        win = arabic_window(qtbot, profile, translations, tmp_path / "w.ini")
        assert win.select_view("topic:c:economy")
        assert win.title_row.counts.text() == "35 خبرًا · 35 غير مقروء"
        win.select_first_article()
        win.action(ActionId.TOGGLE_STAR).trigger()
        assert win.undo_stack.undoText() == "إضافة نجمة"
        win.shutdown()
    finally:
        translations.apply("en")


# -- start-up without waiting for the counts ----------------------------------------------


class HeldRunner(TaskRunner):
    """Runs tasks only when told to: what the window shows before a slow count ends."""

    def __init__(self) -> None:
        super().__init__(synchronous=True)
        self.held: list[tuple[Any, Any, Any]] = []

    def run_task(self, func: Any, on_done: Any = None, on_error: Any = None) -> None:
        self.held.append((func, on_done, on_error))

    def release(self) -> None:
        while self.held:
            super().run_task(*self.held.pop(0))


def test_the_window_shows_a_view_before_the_sidebar_is_counted(
    qtbot, profile: Reader, tmp_path: Path
) -> None:
    state = tmp_path / "window.ini"
    first = make_window(qtbot, profile, state)
    first.select_view("feed:2")
    first.sidebar_view.collapse(first.sidebar_model.index_for_key("section:topics"))
    first.close()

    runner = HeldRunner()
    win = MainWindow(profile, tasks=runner, auto_refresh=False, state_file=state)
    qtbot.addWidget(win)
    loaded: list[bool] = []
    win.sidebarLoaded.connect(loaded.append)
    win.restore_layout()
    assert not win.sidebar_model.is_counted()
    assert win.sidebar_model.all_keys()[0] == "smart:all"
    assert "feed:2" not in win.sidebar_model.all_keys()
    # the restored view is on show at once, read from its key
    assert win.current_view_key() == "feed:2"
    assert win.article_model.rowCount() == 20
    assert {win.article_model.article_at(r).feed_id for r in range(20)} == {2}
    assert runner.held  # the count waits in the background

    runner.release()
    assert loaded == [True]
    assert win.sidebar_model.is_counted()
    current = win.sidebar_view.currentIndex()
    assert win.sidebar_model.key_at(current) == "feed:2"
    assert not win.sidebar_view.isExpanded(win.sidebar_model.index_for_key("section:topics"))
    assert win.article_model.rowCount() == 20  # the list was kept, not read again
    win.shutdown()


def test_a_fresh_profile_says_it_has_no_subscriptions(qtbot, tmp_path: Path) -> None:
    with Reader.open(tmp_path / "fresh") as reader:
        runner = HeldRunner()
        win = MainWindow(reader, tasks=runner, auto_refresh=False, state_file=tmp_path / "w.ini")
        qtbot.addWidget(win)
        with qtbot.waitSignal(win.sidebarLoaded) as loaded:
            runner.release()
        assert loaded.args == [False]
        win.shutdown()


def test_the_list_reads_more_only_when_scrolled_to_its_end(
    qtbot, big_profile: Reader, tmp_path: Path
) -> None:
    win = make_window(qtbot, big_profile, tmp_path / "w.ini")
    win.show()
    qtbot.waitExposed(win)
    for _ in range(5):
        QApplication.processEvents()
    model = win.article_model
    assert model.rowCount() == PAGE_SIZE  # showing the window read no second page
    win.article_view.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() > PAGE_SIZE, timeout=3000)
    win.shutdown()


# -- the worker: icons, comments, marks ---------------------------------------------------


def blog_server(server: FeedServer) -> str:
    """A blog whose first post has a comments feed and whose site has an icon."""
    base = server.url("").rstrip("/")
    posts = (FIXTURES / "comments" / "wordpress_posts.rss").read_text(encoding="utf-8")
    comments = (FIXTURES / "comments" / "bakery_comments.rss").read_text(encoding="utf-8")
    server.route("/blog.xml", Response(body=posts.replace("{{BASE}}", base)))
    server.route("/2026/11/bakery/feed/", Response(body=comments.replace("{{BASE}}", base)))
    server.route("/favicon.ico", Response(body=png_bytes(16, 16), content_type="image/png"))
    return server.url("/blog.xml")


def test_after_a_refresh_icons_and_comments_are_fetched(
    qtbot, tmp_path: Path, feed_server: FeedServer
) -> None:
    reader = Reader.open(tmp_path / "p")
    feed = reader.add_feed(blog_server(feed_server))
    bakery = next(a for a in reader.list_articles() if "مخبز" in a.title)
    reader.mark_starred([bakery.id])  # starred: its comments are wanted offline
    assert reader.list_comments(bakery.id) == []
    win = make_window(qtbot, reader, tmp_path / "w.ini", synchronous=False)
    try:
        qtbot.waitUntil(lambda: win.sidebar_model.is_counted(), timeout=5000)
        generic = win.sidebar_model.index_for_key(f"feed:{feed.id}")
        before = generic.data(Qt.ItemDataRole.DecorationRole).cacheKey()
        with qtbot.waitSignal(win.iconsUpdated, timeout=30000):
            win.refresh()
        qtbot.waitUntil(lambda: not win.refresh_service.is_running, timeout=30000)
        assert (tmp_path / "p" / "cache" / "icons" / f"{feed.id}.png").is_file()
        after = win.sidebar_model.index_for_key(f"feed:{feed.id}")
        assert after.data(Qt.ItemDataRole.DecorationRole).cacheKey() != before
        assert len(reader.list_comments(bakery.id)) == 2  # fetched without opening it
        assert feed_server.requests_for("/2026/11/market/feed/") == []  # neither starred nor read
    finally:
        win.shutdown()
        win.tasks.wait_for_done(5000)
        reader.close()


def test_showing_an_article_records_that_it_was_opened(window: MainWindow) -> None:
    window.select_first_article()
    article = window.current_article_id()
    with database_of(window.reader).session() as session:
        opened = session.scalar(
            select(ArticleStateRow.opened_at).where(ArticleStateRow.article_id == article)
        )
    assert opened is not None


def test_quick_marks_reach_the_database_in_order(qtbot, profile: Reader, tmp_path: Path) -> None:
    win = make_window(qtbot, profile, tmp_path / "w.ini", synchronous=False)
    try:
        win.select_first_article()
        article = win.current_article_id()
        for _ in range(5):  # star, unstar, ... : the last one must win
            win.action(ActionId.TOGGLE_STAR).trigger()
        assert win.current_summary().starred  # shown at once
        assert win.tasks.wait_for_done(5000)
        assert profile.get_article(article).starred
    finally:
        win.shutdown()
        win.tasks.wait_for_done(5000)


def test_a_refresh_runs_in_a_process_of_its_own_and_can_be_cancelled(
    qtbot, tmp_path: Path, feed_server: FeedServer
) -> None:
    slow = [serve(feed_server, f"/s{n}.xml", make_rss(3, prefix=f"s{n}")) for n in range(3)]
    reader = Reader.open(tmp_path / "p")
    for url in slow:
        reader.subscribe(url)
    for n in range(3):
        feed_server.route(f"/s{n}.xml", Response(body=make_rss(3, prefix=f"s{n}"), delay=2.0))
    win = make_window(qtbot, reader, tmp_path / "w.ini", synchronous=False)
    service = win.refresh_service
    try:
        with qtbot.waitSignal(service.started, timeout=15000):
            assert service.refresh(all_feeds=True)
        assert refresh_processes() == 1  # not a thread of the window's process
        service.cancel()
        with qtbot.waitSignal(service.runningChanged, timeout=20000) as stopped:
            pass
        assert stopped.args == [False]
        assert refresh_processes() == 0
    finally:
        win.shutdown()
        win.tasks.wait_for_done(5000)
        reader.close()


def refresh_processes() -> int:
    return sum(1 for p in multiprocessing.active_children() if p.name == "newsreader-refresh")


# -- the Live view --------------------------------------------------------------------------


def test_live_updates_itself_when_timed_refreshes_land(
    qtbot, tmp_path: Path, feed_server: FeedServer
) -> None:
    url = serve(feed_server, "/live.xml", make_rss(10, prefix="live"))
    reader = Reader.open(tmp_path / "p")
    reader.add_feed(url)
    win = make_window(qtbot, reader, tmp_path / "w.ini", synchronous=False)
    try:
        qtbot.waitUntil(lambda: win.sidebar_model.is_counted(), timeout=5000)
        assert win.select_view("smart:live")
        assert win.article_model.rowCount() == 10
        assert win.article_model.horizon() is not None
        feed_server.route("/live.xml", Response(body=make_rss(13, prefix="live", start=-3)))
        due_now(reader)
        win.refresh_service.set_interval(0.01)  # every 0.6 s instead of half an hour
        with qtbot.waitSignal(win.listMerged, timeout=30000):
            pass  # nobody asked: the timer refreshed and the list merged the news
        assert win.article_model.rowCount() == 13
        assert win.article_model.article_at(0).title.startswith("Item -3")
        assert win.title_row.counts.text() == "13 articles"
        requests = len(feed_server.requests_for("/live.xml"))
        due_now(reader)
        qtbot.waitUntil(
            lambda: len(feed_server.requests_for("/live.xml")) > requests, timeout=30000
        )  # and it keeps refreshing
        assert win.refresh_service.is_timer_active()
    finally:
        win.shutdown()
        win.tasks.wait_for_done(5000)
        reader.close()


def due_now(reader: Reader) -> None:
    """Make every feed due, as it is when its interval has passed."""
    with database_of(reader).session() as session:
        session.execute(update(FeedRow).values(next_fetch=None))


# -- no display ------------------------------------------------------------------------------


def test_without_a_display_the_app_runs_offscreen(tmp_path: Path) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    data = tmp_path / "profile"
    code = "import sys; from newsreader.__main__ import main; sys.exit(main(sys.argv[1:]))"
    process = subprocess.Popen(
        [sys.executable, "-c", code, "--data-dir", str(data)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and count_articles(data) == 0:
            assert process.poll() is None, process.communicate(timeout=5)[1]
            time.sleep(0.2)
        assert count_articles(data) > 0  # the demo loaded
        time.sleep(2)
        assert process.poll() is None  # and it keeps running
        process.terminate()  # SIGTERM closes the window properly
        _, err = process.communicate(timeout=30)
        assert process.returncode == 0, err
        assert err.splitlines()[0] == NO_DISPLAY_MESSAGE.strip()
        assert "could not connect to display" not in err
        assert (data / "window.ini").is_file()  # the layout was saved on the way out
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(10)


def count_articles(profile: Path) -> int:
    database = profile / "newsreader.sqlite3"
    if not database.is_file():
        return 0
    try:
        with contextlib.closing(sqlite3.connect(database, timeout=1)) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return 0  # not migrated yet


def test_the_tray_says_how_many_arrived_and_how_many_from_pinned_sources(
    window: MainWindow,
) -> None:
    summary = RefreshSummary(
        (
            FeedResult(1, "http://127.0.0.1/1", FeedStatus.OK, new=3),
            FeedResult(2, "http://127.0.0.1/2", FeedStatus.OK, new=2),
            FeedResult(3, "http://127.0.0.1/3", FeedStatus.ERROR, error="down"),
        )
    )
    refresher = window.refresh_commands
    window.apply_settings(window.settings.with_changes(notifications=False))
    assert refresher.notification_text(summary) is None  # switched off
    window.apply_settings(window.settings.with_changes(notifications=True))
    assert refresher.notification_text(RefreshSummary(())) is None  # nothing new
    assert refresher.notification_text(summary) == "5 new articles"
    assert window.select_view("feed:1")
    window.action(ActionId.TOGGLE_PIN).trigger()
    assert refresher.notification_text(summary) == "5 new articles\n3 in important sections"


def test_what_start_up_imported_is_kept_out_of_the_collector() -> None:
    class Probe:  # a cycle made before the window: a full collection must skip it
        def __init__(self) -> None:
            self.me = self

    probe = Probe()
    frozen_before = gc.get_freeze_count()
    try:
        desktop_app._freeze_modules()
        assert gc.get_freeze_count() > frozen_before
        assert not any(o is probe for o in gc.get_objects())  # no collection walks it
    finally:
        gc.unfreeze()
    assert any(o is probe for o in gc.get_objects())


def test_start_up_runs_without_the_collector_until_the_window_settles() -> None:
    import argparse

    seen: list[bool] = []

    class Arguments(argparse.Namespace):
        def __getattribute__(self, name: str) -> Any:
            seen.append(gc.isenabled())
            return super().__getattribute__(name)

    assert gc.isenabled()
    # a bad --size ends start-up early: the collector is back as it was
    code = desktop_app.run_app(Arguments(screenshot=None, size="huge"))
    assert code == desktop_app.EXIT_USAGE
    assert seen and not any(seen)  # off while starting
    assert gc.isenabled()
    # the window settled: what start-up made is frozen, and collecting goes on
    gc.disable()
    try:
        desktop_app._settle_memory()
        assert gc.isenabled()
    finally:
        gc.unfreeze()
        gc.enable()
