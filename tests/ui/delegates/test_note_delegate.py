"""Notes as painted: each note in its own direction, the time under it in the interface's.

The notes' model and the delegate in a list view set up as the notes editor sets up
its own, painted offscreen and read back pixel by pixel.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics
from PySide6.QtWidgets import QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from newsreader.core.types import Direction, Note
from newsreader.ui.delegates.note_delegate import (
    GAP,
    MAX_SHOWN_CHARS,
    PADDING,
    NoteDelegate,
    note_time,
)
from newsreader.ui.i18n import Translations
from newsreader.ui.models.note_list import NoteListModel
from tests.ui.delegates.conftest import box_of, grab, wrapping_list

pytestmark = pytest.mark.gui

LTR, RTL = Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft
ARABIC = "ملاحظة: أرقام الميزانية تحتاج إلى مراجعة."
ENGLISH = "Check the budget figures"


def note(note_id: int, text: str, *, edited: bool = False) -> Note:
    written = datetime.now(UTC) - timedelta(hours=2 if edited else 0, minutes=5)
    updated = datetime.now(UTC) - timedelta(minutes=5) if edited else written
    direction = Direction.LTR if text.isascii() else Direction.RTL
    return Note(note_id, 1, text, direction, written, updated)


class Notes:
    """Notes in a list view, as the notes editor shows them."""

    def __init__(
        self, qtbot: QtBot, notes: Sequence[Note], ui_direction: Qt.LayoutDirection = LTR
    ) -> None:
        self.model = NoteListModel()
        self.view, delegate = wrapping_list(
            qtbot, self.model, NoteDelegate, ui_direction, (360, 480)
        )
        assert isinstance(delegate, NoteDelegate)
        self.delegate = delegate
        self.model.set_notes(notes)
        self.view.show()
        qtbot.waitExposed(self.view)

    def parts(self, row: int) -> tuple[QRect, QRect]:
        """The row's text area and its time line below it."""
        rect = self.view.visualRect(self.model.index(row, 0))
        small = QFont(self.view.font())
        small.setPointSizeF(self.view.font().pointSizeF() * 0.85)
        time_height = QFontMetrics(small).height()
        body = rect.adjusted(PADDING, PADDING, -PADDING, -PADDING)
        return body.adjusted(0, 0, 0, -(time_height + GAP)), QRect(
            body.left(), body.bottom() - time_height + 1, body.width(), time_height
        )

    def height_for(self, shown: Note, font: QFont | None = None) -> int:
        self.model.set_notes([shown])
        option = QStyleOptionViewItem()
        self.view.initViewItemOption(option)
        if font is not None:
            option.font, option.fontMetrics = font, QFontMetrics(font)
        return self.delegate.sizeHint(option, self.model.index(0, 0)).height()


def written(color: QColor) -> bool:
    return color.lightness() < 160


@pytest.mark.parametrize("ui_direction", [LTR, RTL])
def test_each_note_reads_from_its_own_start(qtbot: QtBot, ui_direction: Qt.LayoutDirection) -> None:
    notes = Notes(qtbot, [note(1, ARABIC), note(2, ENGLISH)], ui_direction)
    image = grab(notes.view)
    arabic, _ = notes.parts(0)
    english, _ = notes.parts(1)
    text = box_of(image, arabic, written)
    assert arabic.right() - text.right() <= 2 and text.left() - arabic.left() > 40
    text = box_of(image, english, written)
    assert text.left() - english.left() <= 2 and english.right() - text.right() > 100


@pytest.mark.parametrize("ui_direction", [LTR, RTL])
def test_the_time_line_follows_the_interface(
    qtbot: QtBot, ui_direction: Qt.LayoutDirection
) -> None:
    notes = Notes(qtbot, [note(1, ARABIC), note(2, ENGLISH)], ui_direction)
    image = grab(notes.view)
    for row in (0, 1):
        _, line = notes.parts(row)
        when = box_of(image, line, written)
        if ui_direction == LTR:
            assert when.left() - line.left() <= 2 and line.right() - when.right() > 100
        else:
            assert line.right() - when.right() <= 2 and when.left() - line.left() > 100
        darkest = min(
            image.pixelColor(x, y).lightness()
            for x in range(when.left(), when.right() + 1)
            for y in range(when.top(), when.bottom() + 1)
        )
        assert darkest > 60  # quieter than the note


def test_an_edited_note_says_so(qtbot: QtBot) -> None:
    assert note_time(note(1, ENGLISH)) == "5 minutes ago"
    assert note_time(note(2, ENGLISH, edited=True)) == "Edited 5 minutes ago"
    notes = Notes(qtbot, [note(1, ENGLISH), note(2, ENGLISH, edited=True)])
    image = grab(notes.view)
    plain = box_of(image, notes.parts(0)[1], written)
    edited = box_of(image, notes.parts(1)[1], written)
    assert edited.width() > plain.width() + 20  # "Edited " before the time


def test_an_edited_note_says_so_in_arabic(arabic: Translations) -> None:
    assert note_time(note(2, ARABIC, edited=True)) == "عُدّلت منذ 5 دقائق"


def test_rows_grow_with_the_note_and_the_font_and_hold_every_line(qtbot: QtBot) -> None:
    notes = Notes(qtbot, [])
    short = notes.height_for(note(1, ENGLISH))
    long = notes.height_for(note(2, (ENGLISH + ". ") * 12))
    line = QFontMetrics(notes.view.font()).height()
    assert long > short + 3 * line
    big = QFont(notes.view.font())
    big.setPointSize(notes.view.font().pointSize() * 2)
    assert notes.height_for(note(3, ENGLISH), big) > short

    words = (ENGLISH + ". ") * 12
    notes.model.set_notes([note(2, words), note(3, ENGLISH)])
    image = grab(notes.view)
    text_area, line_area = notes.parts(0)
    text = box_of(image, text_area, written)
    wrapped = QFontMetrics(notes.view.font()).boundingRect(
        QRect(0, 0, text_area.width(), 10_000), Qt.TextFlag.TextWordWrap, words
    )
    assert wrapped.height() > 3 * line
    assert text.height() > wrapped.height() - line // 2  # every line painted, none cut off
    assert box_of(image, line_area, written).top() > text.bottom()  # the time below it


def test_a_very_long_note_is_shown_cut(qtbot: QtBot) -> None:
    notes = Notes(qtbot, [])
    words = "A long thought about the budget, line by line. " * 120
    assert len(words) > 3 * MAX_SHOWN_CHARS
    cut = notes.height_for(note(1, words[:MAX_SHOWN_CHARS].rstrip() + "…"))
    assert notes.height_for(note(2, words)) == cut
    assert notes.height_for(note(3, words[: 2 * MAX_SHOWN_CHARS])) == cut
