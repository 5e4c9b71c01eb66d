"""The article list: a table model that loads a view a page at a time.

Only the first page of a view is read when it opens; :meth:`fetchMore` reads the
next page as the user scrolls (keyset paging in date order, offsets in source
order), so a view of 100,000 articles opens as fast as one of ten.  After a refresh
the loaded head of the view is read again (on a worker thread) and merged in with
insert/remove signals, which keeps the selection and the scroll position.
"""

from __future__ import annotations

import difflib
import enum
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QIcon

from newsreader.core.types import ArticleQuery, ArticleSummary, Direction
from newsreader.reader import Reader
from newsreader.ui.icons import Icon, icon
from newsreader.ui.relative_time import absolute_time, relative_time

#: The invisible root, as a default argument.
_NO_PARENT = QModelIndex()

#: The row's :class:`~newsreader.core.types.ArticleSummary`.
SummaryRole = Qt.ItemDataRole.UserRole + 1
#: The article id: int.
ArticleIdRole = Qt.ItemDataRole.UserRole + 2
#: The headline's base direction: ``Qt.LayoutDirection``.
DirectionRole = Qt.ItemDataRole.UserRole + 3
#: Whether the article is read: bool.
ReadRole = Qt.ItemDataRole.UserRole + 4
#: Whether the article is starred: bool.
StarredRole = Qt.ItemDataRole.UserRole + 5

#: Rows read per page.
PAGE_SIZE = 200


class Column(enum.IntEnum):
    """The list's columns, in model order (the view mirrors them in right-to-left)."""

    STAR = 0
    TITLE = 1
    SOURCE = 2
    TIME = 3
    COMMENTS = 4


class ArticleListModel(QAbstractTableModel):
    """Rows of :class:`ArticleSummary` for one :class:`ArticleQuery`, paged lazily."""

    def __init__(
        self,
        reader: Reader,
        parent: QObject | None = None,
        *,
        page_size: int = PAGE_SIZE,
    ) -> None:
        super().__init__(parent)
        self._reader = reader
        self._page_size = page_size
        self._query = ArticleQuery()
        self._rows: list[ArticleSummary] = []
        self._row_of: dict[int, int] = {}
        self._exhausted = True
        self._fetching = False
        self._generation = 0
        self._bold = QFont()
        self._bold.setBold(True)

    # -- the view ----------------------------------------------------------------------

    def query(self) -> ArticleQuery:
        return self._query

    @property
    def generation(self) -> int:
        """Bumped whenever the view changes; results for an older one are dropped."""
        return self._generation

    def set_query(self, query: ArticleQuery) -> None:
        """Show another view: reset and read its first page."""
        self.beginResetModel()
        self._generation += 1
        self._query = query
        self._rows = []
        self._row_of = {}
        self._exhausted = False
        self._rows = self._read_page(after_rows=0)
        self._exhausted = len(self._rows) < self._page_size
        self._reindex()
        self.endResetModel()

    def reload(self) -> None:
        """Read the view again from the start (a reset)."""
        self.set_query(self._query)

    def head_request(self) -> tuple[ArticleQuery, int, int]:
        """What a merge needs re-read: ``(query, how many rows, generation)``."""
        loaded = max(len(self._rows), self._page_size)
        return self._query, loaded, self._generation

    def read_head(self, reader: Reader | None = None) -> list[ArticleSummary]:
        """Re-read the loaded part of the view (call on a worker for long lists)."""
        query, limit, _ = self.head_request()
        return (reader or self._reader).list_articles(query, limit=limit)

    def merge(self, rows: Sequence[ArticleSummary], generation: int | None = None) -> bool:
        """Bring the loaded rows in line with ``rows`` (a fresh read of the view's head).

        New articles are inserted and vanished ones removed with row signals, so the
        selection and persistent indexes survive.  Returns False when ``rows`` was read
        for a view that is no longer shown.
        """
        if generation is not None and generation != self._generation:
            return False
        fresh = list(rows)
        old_ids = [r.id for r in self._rows]
        new_ids = [r.id for r in fresh]
        if old_ids != new_ids:
            matcher = difflib.SequenceMatcher(None, old_ids, new_ids, autojunk=False)
            for tag, i1, i2, j1, j2 in reversed(matcher.get_opcodes()):
                if tag == "equal":
                    continue
                if i2 > i1:
                    self.beginRemoveRows(QModelIndex(), i1, i2 - 1)
                    del self._rows[i1:i2]
                    self.endRemoveRows()
                if j2 > j1:
                    self.beginInsertRows(QModelIndex(), i1, i1 + (j2 - j1) - 1)
                    self._rows[i1:i1] = fresh[j1:j2]
                    self.endInsertRows()
            self._reindex()
        self._replace_changed(fresh)
        _, limit, _ = self.head_request()
        if len(fresh) < limit:
            self._exhausted = True
        return True

    # -- rows ---------------------------------------------------------------------------

    def article_at(self, row: int) -> ArticleSummary | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, article_id: int) -> int | None:
        return self._row_of.get(article_id)

    def index_of(self, article_id: int, column: int = Column.TITLE) -> QModelIndex:
        row = self._row_of.get(article_id)
        return self.index(row, column) if row is not None else QModelIndex()

    def loaded_ids(self) -> list[int]:
        return [r.id for r in self._rows]

    def is_exhausted(self) -> bool:
        return self._exhausted

    def set_state(
        self, article_ids: Iterable[int], *, read: bool | None = None, starred: bool | None = None
    ) -> None:
        """Show marks the user just made without reading the rows again."""
        changes: dict[str, bool] = {}
        if read is not None:
            changes["read"] = read
        if starred is not None:
            changes["starred"] = starred
        for article_id in article_ids:
            row = self._row_of.get(article_id)
            if row is None:
                continue
            current = self._rows[row]
            updated = replace(current, **changes)  # type: ignore[arg-type]
            if updated != current:
                self._rows[row] = updated
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))

    def refresh_times(self) -> None:
        """Relative times age: repaint the time column."""
        if self._rows:
            self.dataChanged.emit(
                self.index(0, Column.TIME),
                self.index(len(self._rows) - 1, Column.TIME),
                [Qt.ItemDataRole.DisplayRole],
            )

    # -- lazy loading ----------------------------------------------------------------------

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = _NO_PARENT) -> bool:
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = _NO_PARENT) -> None:
        if parent.isValid() or self._exhausted or self._fetching:
            return
        self._fetching = True  # views may ask again from inside the insert signals
        try:
            fetched = self._read_page(after_rows=len(self._rows))
            page = [r for r in fetched if r.id not in self._row_of]
            if len(fetched) < self._page_size:
                self._exhausted = True
            if not page:
                self._exhausted = True
                return
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._rows.extend(page)
            for offset, row in enumerate(page):
                self._row_of[row.id] = first + offset
            self.endInsertRows()
        finally:
            self._fetching = False

    def _read_page(self, *, after_rows: int) -> list[ArticleSummary]:
        if after_rows == 0:
            return self._reader.list_articles(self._query, limit=self._page_size)
        if self._query.order == "source":
            return self._reader.list_articles(self._query, limit=self._page_size, offset=after_rows)
        cursor = self._reader.article_cursor(self._rows[after_rows - 1].id)
        if cursor is None:  # the last row vanished: fall back to an offset
            return self._reader.list_articles(self._query, limit=self._page_size, offset=after_rows)
        return self._reader.list_articles(self._query, limit=self._page_size, after=cursor)

    # -- the model interface -----------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(Column)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        column = Column(section)
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                Column.STAR: "",
                Column.TITLE: self.tr("Headline"),
                Column.SOURCE: self.tr("Source"),
                Column.TIME: self.tr("Time"),
                Column.COMMENTS: "",
            }[column]
        if role == Qt.ItemDataRole.DecorationRole:
            if column == Column.STAR:
                return icon(Icon.STAR_OUTLINE)
            if column == Column.COMMENTS:
                return icon(Icon.COMMENTS)
        if role == Qt.ItemDataRole.ToolTipRole:
            return {
                Column.STAR: self.tr("Starred"),
                Column.TITLE: self.tr("Headline"),
                Column.SOURCE: self.tr("Source (click to sort by source)"),
                Column.TIME: self.tr("Time (click to sort newest first)"),
                Column.COMMENTS: self.tr("Comments"),
            }[column]
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        article = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(article, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(article, column)
        if role == Qt.ItemDataRole.FontRole and not article.read and column == Column.TITLE:
            return self._bold
        if role == Qt.ItemDataRole.DecorationRole:
            return self._decoration(article, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._accessible(article, column)
        if role == SummaryRole:
            return article
        if role == ArticleIdRole:
            return article.id
        if role == DirectionRole:
            return (
                Qt.LayoutDirection.RightToLeft
                if article.direction == Direction.RTL
                else Qt.LayoutDirection.LeftToRight
            )
        if role == ReadRole:
            return article.read
        if role == StarredRole:
            return article.starred
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Date (newest first) or source: the two orders the core pages through."""
        wanted = (
            {Column.SOURCE: "source", Column.TIME: "date"}.get(Column(column))
            if 0 <= column < len(Column)
            else None
        )
        if wanted is None or wanted == self._query.order:
            return
        self.set_query(replace(self._query, order=wanted))

    # -- helpers ---------------------------------------------------------------------------

    def _display(self, article: ArticleSummary, column: int) -> str | None:
        if column == Column.TITLE:
            return article.title or self.tr("(untitled)")
        if column == Column.SOURCE:
            return article.feed_title
        if column == Column.TIME:
            return relative_time(article.published)
        if column == Column.COMMENTS:
            return str(article.comment_count) if article.comment_count else ""
        return None

    def _tooltip(self, article: ArticleSummary, column: int) -> str | None:
        if column == Column.TIME:
            return absolute_time(article.published) or None
        if column == Column.STAR:
            return self.tr("Starred") if article.starred else self.tr("Click to star")
        if column == Column.COMMENTS and article.comment_count:
            return self.tr("%n comments", "", article.comment_count)
        if column == Column.TITLE:
            return article.title
        return None

    def _decoration(self, article: ArticleSummary, column: int) -> QIcon | None:
        if column == Column.STAR:
            return icon(Icon.STAR) if article.starred else None
        if column == Column.TITLE and article.has_video:
            return icon(Icon.VIDEO)
        return None

    def _accessible(self, article: ArticleSummary, column: int) -> str | None:
        if column == Column.TITLE:
            state = self.tr("unread") if not article.read else ""
            return f"{article.title} {state}".strip()
        if column == Column.STAR:
            return self.tr("Starred") if article.starred else ""
        return self._display(article, column)

    def _reindex(self) -> None:
        self._row_of = {r.id: i for i, r in enumerate(self._rows)}

    def _replace_changed(self, fresh: list[ArticleSummary]) -> None:
        first_changed: int | None = None
        last_changed = -1
        for row, new in enumerate(fresh):
            if row >= len(self._rows):
                break
            if self._rows[row] != new and self._rows[row].id == new.id:
                self._rows[row] = new
                first_changed = row if first_changed is None else first_changed
                last_changed = row
        if first_changed is not None:
            self.dataChanged.emit(
                self.index(first_changed, 0), self.index(last_changed, len(Column) - 1)
            )
