"""Private notes under the comment thread: written, changed and deleted through the widgets."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from newsreader.core.types import Direction, Note
from newsreader.reader import Reader
from newsreader.ui.models.note_list import DirectionRole
from newsreader.ui.notes_editor import NotesEditor
from newsreader.ui.tasks import TaskRunner
from tests.helpers.feedserver import FeedServer

pytestmark = pytest.mark.gui

WAIT_MS = 5_000
ARABIC = "ملاحظة: أرقام الميزانية تحتاج إلى مراجعة."
ENGLISH = "Check the budget figures"


@pytest.fixture
def article_ids(profile: Reader) -> list[int]:
    """Two Arabic articles of the test profile (the feeds come from the local server)."""
    return [a.id for a in profile.list_articles() if (a.link or "").split("/")[-2] == "ar"][:2]


def make_editor(qtbot: QtBot, reader: Any, **kwargs: Any) -> NotesEditor:
    editor = NotesEditor(reader, **kwargs)
    qtbot.addWidget(editor)
    editor.resize(360, 480)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def show_article(qtbot: QtBot, editor: NotesEditor, article_id: int) -> None:
    with qtbot.waitSignal(editor.notesLoaded, timeout=WAIT_MS):
        editor.set_article(article_id)


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type *text* key by key (QTest only types Latin-1; Arabic keys carry their text)."""
    widget.setFocus()
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            )


def button(editor: NotesEditor, name: str) -> QPushButton:
    found = editor.findChild(QPushButton, name)
    assert found is not None, name
    return found


def click(qtbot: QtBot, widget: QWidget) -> None:
    assert widget.isVisible() and widget.isEnabled(), widget.objectName()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def expand(qtbot: QtBot, editor: NotesEditor) -> None:
    toggle = editor.findChild(QToolButton, "notesToggle")
    assert toggle is not None and not editor.is_expanded()
    click(qtbot, toggle)
    assert editor.is_expanded() and editor.editor.isVisible()


def select_row(qtbot: QtBot, editor: NotesEditor, row: int) -> None:
    rect = editor.view.visualRect(editor.model.index(row, 0))
    qtbot.mouseClick(editor.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert editor.selected_note() == editor.model.note(row)


def test_notes_are_added_edited_and_deleted_through_the_widgets(
    qtbot: QtBot, profile: Reader, article_ids: list[int], feed_server: FeedServer
) -> None:
    article_id = article_ids[0]
    requests_before = len(feed_server.requests)
    editor = make_editor(qtbot, profile, runner=TaskRunner())
    show_article(qtbot, editor, article_id)
    assert editor.count() == 0 and not editor.view.isVisible()
    expand(qtbot, editor)

    # Add an English note: the editor writes it left to right.
    type_text(qtbot, editor.editor, ENGLISH)
    assert editor.editor.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert button(editor, "notesSaveButton").text() == "Add Note"
    with qtbot.waitSignal(editor.notesLoaded, timeout=WAIT_MS):
        click(qtbot, button(editor, "notesSaveButton"))
    assert editor.editor.toPlainText() == ""
    [stored] = profile.list_notes(article_id)
    assert stored.text == ENGLISH and stored.direction is Direction.LTR
    assert editor.model.rowCount() == 1 and editor.count() == 1
    assert editor.view.isVisible()
    toggle = editor.findChild(QToolButton, "notesToggle")
    assert toggle is not None and "Private notes (1)" in toggle.text()
    row = editor.model.index(0, 0)
    assert row.data(Qt.ItemDataRole.DisplayRole) == ENGLISH
    assert row.data(DirectionRole) == Qt.LayoutDirection.LeftToRight

    # Edit it into Arabic: select, Edit, retype, Save.
    select_row(qtbot, editor, 0)
    click(qtbot, button(editor, "notesEditButton"))
    assert editor.editing() == stored.id
    assert editor.editor.toPlainText() == ENGLISH
    assert button(editor, "notesSaveButton").text() == "Save"
    assert button(editor, "notesCancelButton").isVisible()
    editor.editor.selectAll()
    qtbot.keyClick(editor.editor, Qt.Key.Key_Delete)
    type_text(qtbot, editor.editor, ARABIC)
    assert editor.editor.layoutDirection() == Qt.LayoutDirection.RightToLeft
    saved: list[int] = []
    editor.noteSaved.connect(saved.append)
    with qtbot.waitSignals([editor.noteSaved, editor.notesLoaded], timeout=WAIT_MS):
        click(qtbot, button(editor, "notesSaveButton"))
    assert saved == [stored.id]
    assert editor.model.rowCount() == 1 and editor.editing() is None
    [changed] = profile.list_notes(article_id)
    assert changed.id == stored.id and changed.text == ARABIC
    assert changed.direction is Direction.RTL
    assert editor.model.index(0, 0).data(DirectionRole) == Qt.LayoutDirection.RightToLeft
    assert not button(editor, "notesCancelButton").isVisible()

    # Delete asks first, in place; "Keep" keeps it.
    select_row(qtbot, editor, 0)
    click(qtbot, button(editor, "notesDeleteButton"))
    confirm = editor.findChild(QWidget, "notesConfirm")
    assert confirm is not None and confirm.isVisible()
    assert QApplication.activeModalWidget() is None  # no dialog
    click(qtbot, button(editor, "notesKeep"))
    assert not confirm.isVisible()
    assert len(profile.list_notes(article_id)) == 1

    click(qtbot, button(editor, "notesDeleteButton"))
    with qtbot.waitSignal(editor.noteDeleted, timeout=WAIT_MS) as deleted:
        click(qtbot, button(editor, "notesConfirmDelete"))
    assert deleted.args == [stored.id]
    qtbot.waitUntil(lambda: editor.model.rowCount() == 0)
    assert profile.list_notes(article_id) == []
    assert editor.count() == 0
    assert len(feed_server.requests) == requests_before  # notes never leave the computer


def test_an_empty_note_is_refused_in_a_line_under_the_editor(
    qtbot: QtBot, profile: Reader, article_ids: list[int]
) -> None:
    editor = make_editor(qtbot, profile, runner=TaskRunner(synchronous=True))
    editor.set_article(article_ids[0])
    expand(qtbot, editor)
    message = editor.findChild(QLabel, "notesMessage")
    assert message is not None and not message.isVisible()

    type_text(qtbot, editor.editor, "   ")
    click(qtbot, button(editor, "notesSaveButton"))
    assert message.isVisible() and "empty" in message.text()
    assert QApplication.activeModalWidget() is None
    assert profile.list_notes(article_ids[0]) == []

    type_text(qtbot, editor.editor, "x")
    assert not message.isVisible()  # writing clears the complaint


def test_the_editor_follows_the_direction_of_the_text(
    qtbot: QtBot, profile: Reader, article_ids: list[int]
) -> None:
    host = QWidget()
    host.setLayoutDirection(Qt.LayoutDirection.RightToLeft)  # an Arabic interface
    editor = NotesEditor(profile, host, runner=TaskRunner(synchronous=True))
    qtbot.addWidget(host)
    host.resize(360, 480)
    host.show()
    editor.set_article(article_ids[0])
    editor.set_expanded(True)
    text = editor.editor

    assert text.layoutDirection() == Qt.LayoutDirection.RightToLeft  # nothing written yet
    type_text(qtbot, text, "Hello")
    assert text.layoutDirection() == Qt.LayoutDirection.LeftToRight
    option = text.document().defaultTextOption()
    assert option.textDirection() == Qt.LayoutDirection.LeftToRight
    assert option.alignment() & Qt.AlignmentFlag.AlignLeft

    text.clear()
    assert text.layoutDirection() == Qt.LayoutDirection.RightToLeft  # the interface's again
    type_text(qtbot, text, "2026")  # no letters: still the interface's
    assert text.layoutDirection() == Qt.LayoutDirection.RightToLeft
    type_text(qtbot, text, " مرحبا")
    assert text.layoutDirection() == Qt.LayoutDirection.RightToLeft
    option = text.document().defaultTextOption()
    assert option.textDirection() == Qt.LayoutDirection.RightToLeft
    assert option.alignment() & Qt.AlignmentFlag.AlignRight

    host.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # Arabic text stays RTL
    assert text.layoutDirection() == Qt.LayoutDirection.RightToLeft
    text.clear()
    assert text.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_cancel_leaves_the_note_as_it_was_and_drafts_wait_per_article(
    qtbot: QtBot, profile: Reader, article_ids: list[int]
) -> None:
    first, second = article_ids
    note = profile.add_note(first, ENGLISH)
    editor = make_editor(qtbot, profile, runner=TaskRunner(synchronous=True))
    editor.set_article(first)
    editor.set_expanded(True)
    select_row(qtbot, editor, 0)
    qtbot.keyClick(editor.view, Qt.Key.Key_Return)  # Enter edits, like the button
    assert editor.editing() == note.id
    type_text(qtbot, editor.editor, " more")
    qtbot.keyClick(editor.editor, Qt.Key.Key_Escape)
    assert editor.editing() is None and editor.editor.toPlainText() == ""
    assert profile.list_notes(first)[0].text == ENGLISH

    type_text(qtbot, editor.editor, "half a thought")
    editor.set_article(second)
    assert editor.editor.toPlainText() == "" and editor.count() == 0
    editor.set_article(first)
    assert editor.editor.toPlainText() == "half a thought"
    assert editor.count() == 1


class SlowNotes:
    """A Reader whose notes of one article take a while to read."""

    def __init__(self, reader: Reader, slow_article: int) -> None:
        self._reader = reader
        self._slow = slow_article
        self.release = threading.Event()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._reader, name)

    def list_notes(self, article_id: int) -> list[Note]:
        if article_id == self._slow:
            self.release.wait(5)
        return self._reader.list_notes(article_id)


def test_notes_of_the_previous_article_arriving_late_are_dropped(
    qtbot: QtBot, profile: Reader, article_ids: list[int]
) -> None:
    first, second = article_ids
    profile.add_note(first, "first article's note")
    profile.add_note(second, "second article's note")
    reader = SlowNotes(profile, first)
    runner = TaskRunner()
    editor = make_editor(qtbot, reader, runner=runner)
    loaded: list[int] = []
    editor.notesLoaded.connect(loaded.append)

    editor.set_article(first)
    show_article(qtbot, editor, second)
    reader.release.set()
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=WAIT_MS)
    qtbot.wait(20)

    assert loaded == [second]
    assert [editor.model.note(r).text for r in range(editor.model.rowCount())] == [  # type: ignore[union-attr]
        "second article's note"
    ]


@pytest.fixture
def no_article_editor(qtbot: QtBot, profile: Reader) -> Iterator[NotesEditor]:
    yield make_editor(qtbot, profile, runner=TaskRunner(synchronous=True))


def test_without_an_article_nothing_can_be_written(no_article_editor: NotesEditor) -> None:
    editor = no_article_editor
    assert editor.article_id() is None and not editor.isEnabled()
    editor.save()  # nothing happens, nothing raises
    assert editor.model.rowCount() == 0
