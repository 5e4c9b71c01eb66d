"""The main window driven like a user would: views, reading, marks, refresh, layout."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from newsreader.core.settings import Settings
from newsreader.core.types import ArticleQuery
from newsreader.reader import Reader
from newsreader.ui.actions import ActionId
from newsreader.ui.add_feed_dialog import AddFeedDialog
from newsreader.ui.i18n import Translations
from newsreader.ui.main_window import MainWindow, openable_url
from newsreader.ui.models.article_list import Column
from newsreader.ui.models.sidebar import BadgeRole, ErrorRole, UnreadRole
from newsreader.ui.preferences import PreferencesDialog
from newsreader.ui.worker import TaskRunner
from tests.helpers.feedserver import FeedServer, Response
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
    assert window.select_view("topic:اقتصاد")
    assert model.rowCount() == 15
    assert window.select_view("feed:2")
    assert {model.article_at(r).feed_id for r in range(model.rowCount())} == {2}
    assert window.select_view("folder:World")
    assert model.rowCount() == 20
    assert window.select_view("smart:starred")
    assert model.rowCount() == 0
    window.filter_edit.setText("Item 1")
    window.select_view("feed:2")
    window._filter_timer.timeout.emit()
    titles = [model.article_at(r).title for r in range(model.rowCount())]
    assert titles and all("Item 1" in t for t in titles)


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
    qtbot.wait(600)
    assert not profile.get_article(first).read
    assert profile.get_article(win.current_article_id()).read
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
    assert window.filter_edit.hasFocus()
    QTest.keyClicks(window.filter_edit, "jk s/m")  # letters are text here, not shortcuts
    assert window.filter_edit.text() == "jk s/m"
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
        win._set_current_row(3)
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
        assert win.view_error.isVisibleTo(win)
        assert "connect" in win.view_error.toolTip() or "refused" in win.view_error.toolTip()
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
    first.article_view.header().resizeSection(2, 111)
    first.comments_dock.hide()
    first.select_view("feed:2")
    first._set_current_row(4)
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
    assert second.article_view.header().sectionSize(2) == 111
    assert not second.comments_dock.isVisible()
    assert second.current_view_key() == "feed:2"
    assert second.current_article_id() == article
    second.shutdown()


def test_arabic_mirrors_the_window(qtbot, profile: Reader, tmp_path: Path) -> None:
    translations = Translations(tmp_path / "cache")
    translations.apply("ar")
    try:
        win = MainWindow(
            profile,
            translations=translations,
            tasks=TaskRunner(synchronous=True),
            auto_refresh=False,
            state_file=tmp_path / "w.ini",
        )
        qtbot.addWidget(win)
        win.show()
        qtbot.waitExposed(win)
        assert win.layoutDirection() == Qt.LayoutDirection.RightToLeft
        sidebar_x = win.sidebar_view.mapTo(win, win.sidebar_view.rect().center()).x()
        list_x = win.article_view.mapTo(win, win.article_view.rect().center()).x()
        assert sidebar_x > list_x  # the sidebar is on the right
        assert win.sidebar_model.index_for_key("smart:live").data() == "مباشر"
        topic = win.sidebar_model.index_for_key("topic:اقتصاد")
        assert win.sidebar_model.data(topic, Qt.ItemDataRole.AccessibleTextRole).endswith("15 خبرًا")
        win.shutdown()
    finally:
        translations.apply("en")
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_the_suggested_subscriptions_are_offered_without_a_dialog(window: MainWindow) -> None:
    window.offer_suggested_subscriptions()
    assert window.info_bar.isVisible()
    assert QApplication.activeModalWidget() is None


def test_add_feed_dialog_shows_errors_inline(
    qtbot, profile: Reader, feed_server: FeedServer
) -> None:
    feed_server.route("/missing.xml", Response(status=404, body="no"))
    dialog = AddFeedDialog(profile, TaskRunner(synchronous=True), ["World"])
    qtbot.addWidget(dialog)
    dialog.url_edit.setText(feed_server.url("/missing.xml"))
    dialog.buttons.accepted.emit()
    assert dialog.result() == 0 and "404" in dialog.message.text()
    url = serve(feed_server, "/good.xml", make_rss(3, prefix="good"))
    dialog.url_edit.setText(url)
    dialog.folder_combo.setCurrentText("World")
    dialog.buttons.accepted.emit()
    assert dialog.result() == AddFeedDialog.DialogCode.Accepted
    assert dialog.feed is not None and dialog.feed.folder == "World"


def test_preferences_edit_and_save_settings(window: MainWindow) -> None:
    dialog = PreferencesDialog(Settings(refresh_minutes=15, notifications=True), Path("/data"))
    assert dialog.refresh_spin.value() == 15 and dialog.notifications_check.isChecked()
    assert dialog.data_folder_edit.isReadOnly() and dialog.data_folder_edit.text() == "/data"
    dialog.refresh_spin.setValue(45)
    dialog.mark_read_spin.setValue(2.5)
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
    edited = dialog.settings()
    assert (edited.refresh_minutes, edited.mark_read_delay_ms, edited.language) == (45, 2500, "en")
    window.apply_settings(edited)
    assert window.reader.settings().refresh_minutes == 45
    dialog.deleteLater()


def test_only_web_and_mail_links_are_opened() -> None:
    assert openable_url("https://example.org/a") is not None
    assert openable_url("mailto:desk@example.org") is not None
    assert openable_url("javascript:alert(1)") is None
    assert openable_url("file:///etc/passwd") is None
    assert openable_url(None) is None


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
