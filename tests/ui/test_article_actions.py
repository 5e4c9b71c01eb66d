"""ArticleActions on its own: undoable marks stored through the Reader, links, the read delay."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication, QUndoStack
from PySide6.QtWidgets import QTreeView, QWidget

from newsreader.core.types import ArticleQuery
from newsreader.reader import Reader
from newsreader.ui.action_registry import ActionId, ActionRegistry
from newsreader.ui.article_actions import ArticleActions
from newsreader.ui.models.article_list import ArticleListModel, Column
from newsreader.ui.models.sidebar import SMART_LIVE
from newsreader.ui.tasks import TaskRunner
from tests.helpers.window_parts import article_list_for

pytestmark = pytest.mark.gui


@dataclass
class Parts:
    actions: ArticleActions
    model: ArticleListModel
    view: QTreeView
    undo: QUndoStack
    registry: ActionRegistry
    reader: Reader
    host: QWidget  # owns the undo stack and the registry

    def make_current(self, row: int) -> int:
        """Make ``row`` current, as the navigation would tell: its article id."""
        self.view.selectionModel().setCurrentIndex(
            self.model.index(row, Column.TITLE),
            QItemSelectionModel.SelectionFlag.ClearAndSelect,
        )
        article_id = self.model.article_at(row).id
        self.actions.set_current_article(article_id)
        return article_id


def build(qtbot, reader: Reader, *, read_delay_ms: int = 0) -> Parts:
    model, view = article_list_for(qtbot, reader, ArticleQuery(feed_id=1))
    host = QWidget()
    qtbot.addWidget(host)
    undo = QUndoStack(host)
    registry = ActionRegistry(host)
    actions = ArticleActions(
        reader,
        TaskRunner(synchronous=True),
        undo,
        registry,
        model,
        view,
        read_delay_ms=read_delay_ms,
        parent=host,
    )
    return Parts(actions, model, view, undo, registry, reader, host)


@pytest.fixture
def parts(qtbot, profile: Reader) -> Parts:
    return build(qtbot, profile)


def test_a_star_is_shown_stored_and_undoable(parts: Parts, qtbot) -> None:
    article = parts.make_current(0)
    with qtbot.waitSignal(parts.actions.marksWritten):
        parts.actions.toggle_star()
    assert parts.reader.get_article(article).starred
    assert parts.model.article_at(0).starred
    assert parts.undo.undoText() == "Star"
    with qtbot.waitSignal(parts.actions.marksWritten):
        parts.undo.undo()
    assert not parts.reader.get_article(article).starred
    assert not parts.model.article_at(0).starred


def test_the_star_cell_of_any_row_stars_its_article(parts: Parts) -> None:
    parts.actions.on_star_clicked(4)
    article = parts.model.article_at(4)
    assert article.starred and parts.reader.get_article(article.id).starred


def test_toggling_read_stops_the_waiting_read_mark(qtbot, profile: Reader) -> None:
    parts = build(qtbot, profile, read_delay_ms=60_000)
    article = parts.make_current(0)
    parts.actions.on_article_selected(article)  # unread: read once the delay is over
    assert parts.actions._read_timer.isActive()
    parts.actions.toggle_read()
    assert not parts.actions._read_timer.isActive()
    assert profile.get_article(article).read
    assert parts.undo.undoText() == "Mark as Read"
    parts.actions.toggle_read()
    assert not profile.get_article(article).read
    assert parts.undo.undoText() == "Mark as Unread"


def test_an_article_read_for_the_delay_is_marked_read(parts: Parts, qtbot) -> None:
    article = parts.make_current(0)
    with qtbot.waitSignal(parts.actions.marksWritten):
        parts.actions.on_article_selected(article)
    assert parts.reader.get_article(article).read
    assert parts.model.article_at(0).read
    assert not parts.undo.canUndo()  # reading is no command


def test_an_article_left_before_the_delay_stays_unread(parts: Parts, qtbot) -> None:
    article = parts.make_current(0)
    parts.actions.on_article_selected(article)
    parts.actions.set_current_article(None)  # a related article outside the list, say
    with qtbot.waitSignal(parts.actions._read_timer.timeout):
        pass
    assert not parts.reader.get_article(article).read
    parts.actions.on_article_selected(article)
    parts.actions.cancel_read_mark()
    assert not parts.actions._read_timer.isActive()


def test_mark_all_read_marks_the_whole_view_in_the_background(parts: Parts, qtbot) -> None:
    before = parts.reader.count_articles(ArticleQuery(feed_id=1))
    assert before == (30, 30)
    parts.actions.set_view("feed:1")
    with qtbot.waitSignal(parts.actions.statusMessage) as said:
        parts.actions.mark_all_read()
    assert said.args == ["30 articles marked as read", 4000]
    assert parts.reader.count_articles(ArticleQuery(feed_id=1)) == (30, 0)
    assert all(parts.model.article_at(row).read for row in range(parts.model.rowCount()))
    assert parts.undo.undoText() == "Mark All as Read"
    parts.undo.undo()
    assert parts.reader.count_articles(ArticleQuery(feed_id=1)) == before


def test_mark_all_read_in_live_marks_only_what_the_list_holds(
    qtbot, tmp_path: Path, profile: Reader
) -> None:
    parts = build(qtbot, profile)
    parts.model.set_query(ArticleQuery(feed_id=1), horizon=None)
    shown = parts.model.loaded_ids()[:5]
    parts.model.set_state(parts.model.loaded_ids()[5:], read=True)  # as the list has it
    parts.actions.set_view(SMART_LIVE)
    parts.actions.mark_all_read()
    assert all(profile.get_article(i).read for i in shown)
    assert profile.count_articles(ArticleQuery(feed_id=1)) == (30, 25)


def test_commands_are_enabled_only_with_a_current_article(parts: Parts) -> None:
    commands = (ActionId.TOGGLE_READ, ActionId.TOGGLE_STAR, ActionId.COPY_LINK)
    parts.actions.update_enabled()
    assert not any(parts.registry[c].isEnabled() for c in commands)
    assert not parts.registry[ActionId.OPEN_IN_BROWSER].isEnabled()
    article = parts.make_current(2)
    parts.actions.on_article_selected(article)
    assert all(parts.registry[c].isEnabled() for c in commands)
    assert parts.registry[ActionId.OPEN_IN_BROWSER].isEnabled()  # an http link


def test_links_are_copied_and_opened(parts: Parts, monkeypatch) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(opened.append))
    parts.make_current(3)
    link = parts.model.article_at(3).link
    parts.actions.copy_link()
    assert QGuiApplication.clipboard().text() == link
    parts.actions.open_in_browser()
    assert [url.toString() for url in opened] == [link]


def test_a_mark_that_cannot_be_stored_is_reported(parts: Parts, monkeypatch, qtbot) -> None:
    def broken(*_args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(parts.reader, "mark_starred", broken)
    parts.make_current(0)
    with qtbot.waitSignal(parts.actions.taskFailed) as failed:
        parts.actions.toggle_star()
    assert str(failed.args[0]) == "disk full"
