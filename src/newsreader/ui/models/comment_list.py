"""An article's comment thread as a flat list model, shown a batch at a time.

Threads arrive already in reading order with a depth per comment (replies follow
the comment they answer), so a list model is enough: the delegate indents by
depth.  A popular article can carry thousands of comments; the view is handed
them a batch at a time through :meth:`fetchMore` and each comment's plain text is
worked out only when a row is first painted, so opening a huge thread costs what a
screenful costs.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from newsreader.core.text import html_to_text
from newsreader.core.types import Comment, Direction
from newsreader.ui.relative_time import absolute_time

# The row's :class:`~newsreader.core.types.Comment`.
CommentRole = Qt.ItemDataRole.UserRole + 1
# Nesting depth: 0 for a comment on the article, 1 for a reply to it, ...: int.
DepthRole = Qt.ItemDataRole.UserRole + 2
# The comment's own base direction: ``Qt.LayoutDirection``.
DirectionRole = Qt.ItemDataRole.UserRole + 3
# The author's name ("" when the feed gives none): str.
AuthorRole = Qt.ItemDataRole.UserRole + 4
# When it was published: an aware ``datetime`` or ``None``.
PublishedRole = Qt.ItemDataRole.UserRole + 5
# The comment as plain text, paragraphs separated by blank lines: str.
TextRole = Qt.ItemDataRole.UserRole + 6

# Rows handed to the view per :meth:`fetchMore`.
BATCH_SIZE = 500
# Longer comments are cut here (with an ellipsis): a wall of text is not a comment.
MAX_TEXT_CHARS = 6000

_Index = QModelIndex | QPersistentModelIndex


class CommentListModel(QAbstractListModel):
    """The comments of one article, in thread order."""

    def __init__(self, parent: QObject | None = None, *, batch_size: int = BATCH_SIZE) -> None:
        super().__init__(parent)
        self._comments: list[Comment] = []
        self._texts: dict[int, str] = {}
        self._shown = 0
        self._batch = max(1, batch_size)
        self._fetching = False

    # -- content ------------------------------------------------------------------

    def set_comments(self, comments: Sequence[Comment]) -> None:
        """Show a new thread (the first batch at once, the rest as the view scrolls)."""
        self.beginResetModel()
        self._comments = list(comments)
        self._texts.clear()
        self._shown = min(self._batch, len(self._comments))
        self.endResetModel()

    def clear(self) -> None:
        self.set_comments(())

    def total(self) -> int:
        """How many comments the thread has (loaded into the view or not)."""
        return len(self._comments)

    def comment(self, row: int) -> Comment | None:
        return self._comments[row] if 0 <= row < self._shown else None

    def text(self, row: int) -> str:
        """Plain text of a row's comment, converted once and kept."""
        cached = self._texts.get(row)
        if cached is None:
            cached = html_to_text(self._comments[row].content_html or "")
            if len(cached) > MAX_TEXT_CHARS:
                cached = cached[:MAX_TEXT_CHARS].rstrip() + "…"
            self._texts[row] = cached
        return cached

    # -- Qt model interface -------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self._shown

    def canFetchMore(self, parent: _Index) -> bool:
        return not parent.isValid() and self._shown < len(self._comments)

    def fetchMore(self, parent: _Index) -> None:
        # Whoever listens to the insertion signals may ask for more again (a model
        # tester does); one batch at a time keeps begin/end pairs from nesting.
        if parent.isValid() or self._fetching:
            return
        more = min(self._batch, len(self._comments) - self._shown)
        if more <= 0:
            return
        self._fetching = True
        try:
            self.beginInsertRows(QModelIndex(), self._shown, self._shown + more - 1)
            self._shown += more
            self.endInsertRows()
        finally:
            self._fetching = False

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        row = index.row()
        if not 0 <= row < self._shown or index.column() != 0:
            return None
        comment = self._comments[row]
        if role in (Qt.ItemDataRole.DisplayRole, TextRole):
            return self.text(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return absolute_time(comment.published) or None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            author = comment.author or ""
            return f"{author}: {self.text(row)}" if author else self.text(row)
        if role == CommentRole:
            return comment
        if role == DepthRole:
            return max(0, comment.depth)
        if role == DirectionRole:
            rtl = comment.direction is Direction.RTL
            return Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        if role == AuthorRole:
            return comment.author or ""
        if role == PublishedRole:
            return comment.published
        return None
