"""Paints one private note: its text in its own direction, then when it was written.

An English note on an Arabic article reads left to right and an Arabic one right to
left, whatever the interface language; the time line below it follows the
interface, like every other label of the window.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from newsreader.core.types import Direction, Note
from newsreader.ui.models.note_list import NoteRole, was_edited
from newsreader.ui.relative_time import relative_time

PADDING = 6
GAP = 2
# A note longer than this is shown cut (the editor shows all of it).
MAX_SHOWN_CHARS = 600

_Index = QModelIndex | QPersistentModelIndex


def _start(direction: Qt.LayoutDirection) -> Qt.AlignmentFlag:
    side = (
        Qt.AlignmentFlag.AlignRight
        if direction == Qt.LayoutDirection.RightToLeft
        else Qt.AlignmentFlag.AlignLeft
    )
    return side | Qt.AlignmentFlag.AlignAbsolute


def _direction(note: Note) -> Qt.LayoutDirection:
    if note.direction is Direction.RTL:
        return Qt.LayoutDirection.RightToLeft
    return Qt.LayoutDirection.LeftToRight


def _shown(note: Note) -> str:
    text = note.text
    return text if len(text) <= MAX_SHOWN_CHARS else text[:MAX_SHOWN_CHARS].rstrip() + "…"


def note_time(note: Note) -> str:
    """ "5 minutes ago", or "Edited 5 minutes ago" for a note changed since."""
    when = relative_time(note.updated)
    if not was_edited(note):
        return when
    return QCoreApplication.translate("NoteDelegate", "Edited %1").replace("%1", when)


class NoteDelegate(QStyledItemDelegate):
    """Delegate for :class:`~newsreader.ui.models.note_list.NoteListModel` rows."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self._view = view

    @staticmethod
    def _flags(direction: Qt.LayoutDirection) -> int:
        return int(Qt.TextFlag.TextWordWrap.value) | int(_start(direction).value)

    @staticmethod
    def _small(font: QFont) -> QFont:
        small = QFont(font)
        small.setPointSizeF(max(6.0, font.pointSizeF() * 0.85))
        return small

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        width = self._view.viewport().width()
        note = index.data(NoteRole)
        if not isinstance(note, Note):
            return QSize(width, 0)
        direction = _direction(note)
        font: QFont = option.font
        text_width = max(40, width - 2 * PADDING)
        bounds = QFontMetrics(font).boundingRect(
            QRect(0, 0, text_width, 1 << 20), self._flags(direction), _shown(note)
        )
        time_height = QFontMetrics(self._small(font)).height()
        return QSize(width, PADDING + bounds.height() + GAP + time_height + PADDING)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        note = index.data(NoteRole)
        if not isinstance(note, Note):
            return
        self._view.style().drawPrimitive(
            QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, self._view
        )
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette: QPalette = option.palette
        color = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        back = palette.color(QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.Base)
        muted = QColor(
            (color.red() * 3 + back.red() * 2) // 5,
            (color.green() * 3 + back.green() * 2) // 5,
            (color.blue() * 3 + back.blue() * 2) // 5,
        )
        direction = _direction(note)
        font: QFont = option.font
        small = self._small(font)
        body: QRect = option.rect.adjusted(PADDING, PADDING, -PADDING, -PADDING)
        time_height = QFontMetrics(small).height()
        text_rect = body.adjusted(0, 0, 0, -(time_height + GAP))
        time_rect = QRect(body.left(), body.bottom() - time_height + 1, body.width(), time_height)

        painter.save()
        try:
            painter.setFont(font)
            painter.setPen(color)
            painter.setLayoutDirection(direction)
            painter.drawText(text_rect, self._flags(direction), _shown(note))
            painter.setFont(small)
            painter.setPen(muted)
            painter.setLayoutDirection(option.direction)
            when = QFontMetrics(small).elidedText(
                note_time(note), Qt.TextElideMode.ElideRight, time_rect.width()
            )
            painter.drawText(time_rect, int(_start(option.direction).value), when)
            painter.setPen(QColor(muted.red(), muted.green(), muted.blue(), 60))
            rect: QRect = option.rect
            painter.drawLine(body.left(), rect.bottom(), body.right(), rect.bottom())
        finally:
            painter.restore()
