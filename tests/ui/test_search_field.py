"""The search box with real widgets: typing searches off the GUI thread, results as a view."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest

from newsreader.core.settings import Settings
from newsreader.core.types import ArticleQuery
from newsreader.reader import Reader
from newsreader.ui.action_registry import ActionId
from newsreader.ui.models.article_list import Column
from newsreader.ui.search_field import SearchEdit, SearchField, snippet_line
from newsreader.ui.tasks import TaskRunner
from newsreader.ui.view_selection import SEARCH_PREFIX
from tests.helpers.feedserver import FeedServer
from tests.helpers.window_parts import HeldRunner
from tests.ui.conftest import NEWEST, serve
from tests.ui.test_view_selection import Parts, build

pytestmark = pytest.mark.gui


@dataclass
class Searching:
    parts: Parts
    edit: SearchEdit
    field: SearchField


def make(qtbot, reader: Reader, tasks: TaskRunner) -> Searching:
    parts = build(qtbot, reader)
    edit = SearchEdit()
    qtbot.addWidget(edit)
    edit.show()
    field = SearchField(reader, tasks, edit, page_size=parts.model.page_size, parent=edit)
    field.resultsReady.connect(parts.views.show_search)
    field.resultsReady.connect(lambda *_: parts.model.set_tooltip_notes(field.snippets()))
    field.snippetsChanged.connect(lambda: parts.model.set_tooltip_notes(field.snippets()))
    field.cleared.connect(parts.views.end_search)
    parts.views.viewChanged.connect(
        lambda key: None if key.startswith(SEARCH_PREFIX) else field.leave_search()
    )
    return Searching(parts, edit, field)


@pytest.fixture
def searching(qtbot, profile: Reader) -> Iterator[Searching]:
    made = make(qtbot, profile, TaskRunner())  # a real thread pool
    yield made
    made.field.stop()
    made.parts.views.stop()


def test_typing_searches_after_a_pause_and_the_matches_become_the_view(
    searching: Searching, qtbot
) -> None:
    parts = searching.parts
    parts.views.select("feed:2")
    with qtbot.waitSignal(searching.field.resultsReady, timeout=10_000) as ready:
        QTest.keyClicks(searching.edit, "energy")
    assert ready.args[0] == "energy" and ready.args[2] == 20
    assert parts.views.current_key == "search:energy"
    assert parts.model.rowCount() == 20
    assert parts.row.title.text() == "Search: energy"
    assert parts.row.counts.text() == "20 matches"
    assert not parts.sidebar_view.currentIndex().isValid()
    tooltip = parts.model.index(0, Column.TITLE).data(Qt.ItemDataRole.ToolTipRole)
    assert "<b>energy</b>" in tooltip
    assert searching.edit.save_action.isEnabled()


def test_the_best_matches_come_first_and_the_header_sorts_them_by_date_and_back(
    searching: Searching, qtbot, profile: Reader, feed_server: FeedServer
) -> None:
    # a day older than the others, but about energy through and through: the best match
    older = format_datetime(NEWEST - timedelta(days=1))
    profile.add_feed(
        serve(
            feed_server,
            "/energy.xml",
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Grid</title>'
            "<item><title>Energy: the energy bill and energy storage</title>"
            f"<guid>grid-1</guid><pubDate>{older}</pubDate><category>Energy</category>"
            "<description>Energy policy, energy markets.</description></item>"
            "</channel></rss>",
        )
    )
    parts = searching.parts
    with qtbot.waitSignal(searching.field.resultsReady, timeout=10_000):
        QTest.keyClicks(searching.edit, "energy")
    best = [hit.article.id for hit in profile.search("energy", limit=21).hits]
    newest = [a.id for a in profile.list_articles(ArticleQuery(search="energy"))]
    assert best != newest  # the profile's matches rank otherwise than by date

    def listed() -> list[int]:
        return [parts.model.article_at(row).id for row in range(parts.model.rowCount())]

    assert parts.model.query().order == "relevance" and listed() == best
    header = parts.view.header()
    assert header.sortIndicatorSection() == Column.TITLE
    header.setSortIndicator(Column.TIME, Qt.SortOrder.DescendingOrder)  # a click on "Time"
    assert parts.model.query().order == "date" and listed() == newest
    header.setSortIndicator(Column.TITLE, Qt.SortOrder.AscendingOrder)  # on "Headline"
    assert parts.model.query().order == "relevance" and listed() == best


def test_the_snippets_of_rows_below_the_first_ones_follow(qtbot, big_profile: Reader) -> None:
    held = HeldRunner()
    searching = make(qtbot, big_profile, held)
    searching.edit.setText("energy")
    searching.field.search_now()
    held.release_one()  # the first page and its first snippets
    model = searching.parts.model
    assert model.rowCount() == 200
    last = model.index(199, Column.TITLE)
    assert "<b>energy</b>" not in last.data(Qt.ItemDataRole.ToolTipRole)
    with qtbot.waitSignal(searching.field.snippetsChanged):
        held.release()  # the rest's snippets
    assert "<b>energy</b>" in last.data(Qt.ItemDataRole.ToolTipRole)
    searching.field.stop()
    searching.parts.views.stop()


def test_arabic_words_are_found_in_any_spelling(searching: Searching, qtbot) -> None:
    with qtbot.waitSignal(searching.field.resultsReady, timeout=10_000) as ready:
        searching.edit.insert("نفط")  # typed by an input method; the headlines write "النفط"
    assert ready.args[2] == 21
    assert searching.parts.model.rowCount() == 21
    line = searching.field.snippets()[searching.parts.model.article_at(0).id]
    assert line.startswith('<p dir="rtl">')  # a right-to-left paragraph in the tooltip


def test_escape_empties_the_box_and_brings_back_the_view_before(
    searching: Searching, qtbot
) -> None:
    parts = searching.parts
    parts.views.select("feed:2")
    with qtbot.waitSignal(searching.field.resultsReady, timeout=10_000):
        searching.edit.insert("نفط")
    with qtbot.waitSignal(parts.views.viewChanged) as changed:
        QTest.keyClick(searching.edit, Qt.Key.Key_Escape)
    assert changed.args == ["feed:2"]
    assert searching.edit.text() == ""
    assert parts.model.rowCount() == 20
    assert parts.row.title.text() == "World Desk"
    assert not searching.edit.save_action.isEnabled()


def test_choosing_another_view_ends_the_search(searching: Searching, qtbot) -> None:
    parts = searching.parts
    with qtbot.waitSignal(searching.field.resultsReady, timeout=10_000):
        QTest.keyClicks(searching.edit, "energy")
    parts.sidebar_view.setCurrentIndex(parts.sidebar_model.index_for_key("feed:1"))
    assert parts.views.current_key == "feed:1"
    assert searching.edit.text() == ""
    assert searching.field.shown_search is None


def test_a_keystroke_only_restarts_the_timer_and_stale_answers_are_dropped(
    qtbot, profile: Reader
) -> None:
    held = HeldRunner()
    searching = make(qtbot, profile, held)
    shown: list[str] = []
    searching.field.resultsReady.connect(lambda text, *_: shown.append(text))
    QTest.keyClicks(searching.edit, "energy")
    assert searching.field.timer.isActive() and held.held == []  # nothing ran yet
    searching.field.search_now()
    assert len(held.held) == 1  # "energy" under way
    searching.edit.setText("نفط")
    searching.field.search_now()
    assert len(held.held) == 1  # waits for the one under way
    held.release_one()  # "energy" comes back: no longer what the box says
    assert shown == []
    held.release()  # then the newest text is searched
    assert shown == ["نفط"]
    assert searching.parts.model.rowCount() == 21
    searching.field.stop()
    searching.parts.views.stop()


def test_save_as_topic_keeps_the_search(searching: Searching, qtbot, profile: Reader) -> None:
    assert not searching.edit.save_action.isEnabled()
    with qtbot.waitSignal(searching.field.resultsReady, timeout=10_000):
        QTest.keyClicks(searching.edit, "energy -item")
    with qtbot.waitSignal(searching.field.savedSearchesChanged, timeout=10_000):
        searching.edit.save_action.trigger()
    assert [(s.name, s.query) for s in profile.saved_searches()] == [
        ("energy -item", "energy -item")
    ]


def test_snippet_lines_start_in_their_own_direction() -> None:
    assert snippet_line("the **gold** price") == '<p dir="ltr">the <b>gold</b> price</p>'
    assert snippet_line("سعر **الذهب**") == '<p dir="rtl">سعر <b>الذهب</b></p>'


def test_snippet_text_is_escaped_and_unpaired_marks_stay_as_written() -> None:
    assert snippet_line("a <b> & **c**") == '<p dir="ltr">a &lt;b&gt; &amp; <b>c</b></p>'
    assert snippet_line("5 ** 2 = 25") == '<p dir="ltr">5 ** 2 = 25</p>'


def test_in_the_window_ctrl_f_and_slash_focus_the_box(
    qtbot, profile: Reader, tmp_path: Path
) -> None:
    from newsreader.ui.main_window import MainWindow

    profile.save_settings(Settings(mark_read_delay_ms=0))
    window = MainWindow(
        profile, tasks=TaskRunner(synchronous=True), auto_refresh=False, state_file=tmp_path / "w"
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    try:
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        find = window.action(ActionId.FIND)
        assert {QKeySequence("/"), QKeySequence(QKeySequence.StandardKey.Find)} <= set(
            find.shortcuts()
        )
        window.article_view.setFocus()
        find.trigger()
        assert window.search_edit.hasFocus()
        saved: list[bool] = []
        window.savedSearchesChanged.connect(lambda: saved.append(True))
        QTest.keyClicks(window.search_edit, "energy")
        qtbot.waitUntil(lambda: window.current_view_key() == "search:energy", timeout=5_000)
        assert window.article_model.rowCount() == 20
        window.search_edit.save_action.trigger()
        assert saved == [True]
        QTest.keyClick(window.search_edit, Qt.Key.Key_Escape)
        assert window.current_view_key() != "search:energy"
        assert window.article_view.hasFocus()  # Escape handed the keyboard to the list
        QTest.keyClick(window.article_view, Qt.Key.Key_Slash)
        assert window.search_edit.hasFocus()
    finally:
        window.shutdown()
