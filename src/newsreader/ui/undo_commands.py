"""Undoable article marks (read, star, mark all read) for the window's ``QUndoStack``.

Commands only remember ids and the state to go back to; the actual writing goes
through an :class:`ArticleMarks` (the window's ``ArticleActions``), which writes via the core and
updates the visible rows and counts.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtGui import QUndoCommand


class ArticleMarks(Protocol):
    """Where commands apply marks."""

    def apply_read(self, article_ids: Sequence[int], read: bool) -> None: ...

    def apply_starred(self, article_ids: Sequence[int], starred: bool) -> None: ...


class SetReadCommand(QUndoCommand):
    """Mark articles read or unread; undo restores the opposite.

    With ``done=True`` the marks were already written (mark-all-read runs in the
    background first), so the first redo does nothing.
    """

    def __init__(
        self,
        marks: ArticleMarks,
        article_ids: Sequence[int],
        read: bool,
        text: str,
        *,
        done: bool = False,
    ) -> None:
        super().__init__(text)
        self._marks = marks
        self._ids = list(article_ids)
        self._read = read
        self._skip_first = done

    def redo(self) -> None:
        if self._skip_first:
            self._skip_first = False
            return
        self._marks.apply_read(self._ids, self._read)

    def undo(self) -> None:
        self._marks.apply_read(self._ids, not self._read)


class SetStarredCommand(QUndoCommand):
    """Star or unstar articles; undo restores the opposite."""

    def __init__(
        self, marks: ArticleMarks, article_ids: Sequence[int], starred: bool, text: str
    ) -> None:
        super().__init__(text)
        self._marks = marks
        self._ids = list(article_ids)
        self._starred = starred

    def redo(self) -> None:
        self._marks.apply_starred(self._ids, self._starred)

    def undo(self) -> None:
        self._marks.apply_starred(self._ids, not self._starred)
