"""The reader's private notes on one article, as a list model.

Notes are few (the user wrote each one) and short, so the model simply holds the
whole list; reading and writing notes happens through the ``Reader`` on a worker
thread, and the model is refilled from the result.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from newsreader.core.types import Direction, Note
from newsreader.ui.relative_time import absolute_time

# The row's :class:`~newsreader.core.types.Note`.
NoteRole = Qt.ItemDataRole.UserRole + 1
# The note's own base direction (from its words): ``Qt.LayoutDirection``.
DirectionRole = Qt.ItemDataRole.UserRole + 2
# When the note was last changed: an aware ``datetime``.
UpdatedRole = Qt.ItemDataRole.UserRole + 3
# Whether the note was changed after it was written: bool.
EditedRole = Qt.ItemDataRole.UserRole + 4

# A note saved within this long of its writing does not count as edited.
_EDIT_GRACE = timedelta(seconds=2)

_Index = QModelIndex | QPersistentModelIndex


def was_edited(note: Note) -> bool:
    """Whether *note* was changed after it was first written."""
    return note.updated - note.created > _EDIT_GRACE


class NoteListModel(QAbstractListModel):
    """One article's notes, oldest first (the order they were written in)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._notes: list[Note] = []

    def set_notes(self, notes: Sequence[Note]) -> None:
        self.beginResetModel()
        self._notes = list(notes)
        self.endResetModel()

    def clear(self) -> None:
        self.set_notes(())

    def note(self, row: int) -> Note | None:
        return self._notes[row] if 0 <= row < len(self._notes) else None

    def row_of(self, note_id: int) -> int:
        """The row of the note with this id, -1 when it is not listed."""
        return next((row for row, n in enumerate(self._notes) if n.id == note_id), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._notes)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid() or index.column() != 0:
            return None
        note = self.note(index.row())
        if note is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return note.text
        if role == Qt.ItemDataRole.ToolTipRole:
            written = QCoreApplication.translate("NoteListModel", "Written %1").replace(
                "%1", absolute_time(note.created)
            )
            if was_edited(note):
                edited = QCoreApplication.translate("NoteListModel", "Edited %1").replace(
                    "%1", absolute_time(note.updated)
                )
                return f"{written}\n{edited}"
            return written
        if role == NoteRole:
            return note
        if role == DirectionRole:
            rtl = note.direction is Direction.RTL
            return Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        if role == UpdatedRole:
            return note.updated
        if role == EditedRole:
            return was_edited(note)
        return None
