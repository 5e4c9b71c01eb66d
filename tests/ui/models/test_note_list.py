"""The notes' model: one article's notes in the order they were written, each in its direction."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt

from newsreader.core.types import Direction, Note
from newsreader.reader import Reader
from newsreader.ui.models.note_list import (
    DirectionRole,
    EditedRole,
    NoteListModel,
    NoteRole,
    UpdatedRole,
    was_edited,
)
from newsreader.ui.relative_time import absolute_time

ARABIC = "ملاحظة: أرقام الميزانية تحتاج إلى مراجعة."
ENGLISH = "Check the budget figures"
WRITTEN = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


@pytest.fixture
def article_ids(profile: Reader) -> list[int]:
    """Two Arabic articles of the test profile (the feeds come from the local server)."""
    return [a.id for a in profile.list_articles() if (a.link or "").split("/")[-2] == "ar"][:2]


def note(note_id: int, text: str, *, changed_after: timedelta = timedelta()) -> Note:
    direction = Direction.LTR if text.isascii() else Direction.RTL
    return Note(note_id, 1, text, direction, WRITTEN, WRITTEN + changed_after)


def test_the_note_model_passes_the_model_tester(
    qtmodeltester: Any, profile: Reader, article_ids: list[int]
) -> None:
    for text in (ENGLISH, ARABIC, "2026"):
        profile.add_note(article_ids[0], text)
    notes = profile.list_notes(article_ids[0])
    model = NoteListModel()
    model.set_notes(notes)
    qtmodeltester.check(model)
    assert [model.index(r, 0).data(DirectionRole) for r in range(3)] == [
        Qt.LayoutDirection.LeftToRight,
        Qt.LayoutDirection.RightToLeft,
        Qt.LayoutDirection.RightToLeft,  # no letters: the Arabic article's direction
    ]
    assert model.index(0, 0).data(NoteRole) == notes[0]
    assert model.index(0, 0).data(EditedRole) is False
    assert "Written" in model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert model.row_of(notes[2].id) == 2 and model.row_of(-1) == -1
    model.clear()
    qtmodeltester.check(model)


def test_a_note_counts_as_edited_only_when_changed_after_its_writing(qapp) -> None:
    assert not was_edited(note(1, ENGLISH))
    assert not was_edited(note(1, ENGLISH, changed_after=timedelta(seconds=2)))  # one save
    assert was_edited(note(1, ENGLISH, changed_after=timedelta(seconds=3)))
    model = NoteListModel()
    edited = note(2, ARABIC, changed_after=timedelta(days=1))
    model.set_notes([note(1, ENGLISH), edited])
    first, second = model.index(0, 0), model.index(1, 0)
    assert first.data(Qt.ItemDataRole.ToolTipRole) == f"Written {absolute_time(WRITTEN)}"
    assert second.data(Qt.ItemDataRole.ToolTipRole) == (
        f"Written {absolute_time(WRITTEN)}\nEdited {absolute_time(edited.updated)}"
    )
    assert (first.data(EditedRole), second.data(EditedRole)) == (False, True)
    assert second.data(UpdatedRole) == edited.updated


def test_rows_show_the_text_and_nothing_beyond_them(qapp, qtbot) -> None:
    model = NoteListModel()
    with qtbot.waitSignal(model.modelReset):
        model.set_notes([note(5, ARABIC), note(9, ENGLISH)])
    assert [model.index(r, 0).data() for r in range(2)] == [ARABIC, ENGLISH]
    assert model.index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole) == ARABIC
    assert model.index(0, 0).data(DirectionRole) == Qt.LayoutDirection.RightToLeft
    assert model.note(1) == note(9, ENGLISH)
    assert model.note(2) is None and model.note(-1) is None
    assert model.row_of(9) == 1
    assert model.index(0, 0).data(Qt.ItemDataRole.FontRole) is None
    assert model.flags(model.index(0, 0)) == (
        Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
    )  # shown, not edited in place
    assert model.rowCount(model.index(0, 0)) == 0  # a list: no children
    assert model.flags(QModelIndex()) == Qt.ItemFlag.NoItemFlags
    with qtbot.waitSignal(model.modelReset):
        model.clear()
    assert model.rowCount() == 0 and model.note(0) is None
