"""The article list: a table model that loads a view a page at a time.

Only the first page of a view is read when it opens; :meth:`fetchMore` reads the
next page as the user scrolls (keyset paging in date order, offsets in source
order), so a view of 100,000 articles opens as fast as one of ten.  Views ask for
more rows whenever their layout is in flux (on show, after inserts), not only when
the user scrolls to the end, so the window installs a *fetch gate* that says
whether the rows really run out on screen; explicit code (going to the next unread
article) uses :meth:`load_more`, which ignores the gate.

After a refresh the head of the view is read again (on a worker thread, at most
:data:`MERGE_LIMIT` rows) and merged in with remove/insert signals in one linear
pass, which keeps the selection and the scroll position.

A *horizon* turns the list into the "Live" view: the newest :data:`LIVE_MINIMUM`
articles, and beyond them only those published within the horizon; rows that age
out are dropped by :meth:`expire`.
"""

from __future__ import annotations

import enum
import html
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont, QIcon

from newsreader.core.errors import StorageUnavailableError
from newsreader.core.types import ArticleQuery, ArticleSummary, Direction
from newsreader.reader import Reader
from newsreader.ui.icons import Icon, icon
from newsreader.ui.models.role_data import answer_nothing, answer_roles
from newsreader.ui.plain_text import tooltip_text
from newsreader.ui.relative_time import absolute_time, relative_time

log = logging.getLogger(__name__)

#: The invisible root, as a default argument.
_NO_PARENT = QModelIndex()
#: Qt's roles looked up once: rows are painted often, and each lookup of an enum
#: member on Qt costs more than the comparison.
_DISPLAY = Qt.ItemDataRole.DisplayRole
_DECORATION = Qt.ItemDataRole.DecorationRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_FONT = Qt.ItemDataRole.FontRole
_ACCESSIBLE = Qt.ItemDataRole.AccessibleTextRole

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
#: What a folded row shows under its headline: ``(source, time)``.
FoldedLineRole = Qt.ItemDataRole.UserRole + 6

#: Rows read per page.
PAGE_SIZE = 200
#: A merge re-reads at most this many rows of the view's head; rows below stay as loaded.
MERGE_LIMIT = 4 * PAGE_SIZE
#: The "Live" view: articles of the last day ...
LIVE_HORIZON = timedelta(hours=24)
#: ... or the newest this many, when the day brought fewer.
LIVE_MINIMUM = PAGE_SIZE


def _longest_in_order(places: Sequence[int]) -> list[bool]:
    """Which ``places`` to keep so the kept ones ascend, keeping as many as possible.

    The longest increasing subsequence (patience sorting, O(n log n)); negative
    places (rows that are gone) are never kept.  Rows not kept are the ones a merge
    removes and inserts again, so this keeps the selection on all rows that stayed
    in order, whichever rows moved.
    """
    tails: list[int] = []  # tails[k]: index into places of the smallest tail of a run of k+1
    before: list[int] = [-1] * len(places)
    for index, place in enumerate(places):
        if place < 0:
            continue
        low, high = 0, len(tails)
        while low < high:
            middle = (low + high) // 2
            if places[tails[middle]] < place:
                low = middle + 1
            else:
                high = middle
        before[index] = tails[low - 1] if low else -1
        if low == len(tails):
            tails.append(index)
        else:
            tails[low] = index
    keep = [False] * len(places)
    index = tails[-1] if tails else -1
    while index >= 0:
        keep[index] = True
        index = before[index]
    return keep


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
        self._horizon: timedelta | None = None
        self._fetch_gate: Callable[[], bool] | None = None
        self._tooltip_notes: dict[int, str] = {}
        self._bold = QFont()
        self._bold.setBold(True)

    # -- the view ----------------------------------------------------------------------

    def query(self) -> ArticleQuery:
        return self._query

    @property
    def generation(self) -> int:
        """Bumped whenever the view changes; results for an older one are dropped."""
        return self._generation

    def horizon(self) -> timedelta | None:
        return self._horizon

    def set_query(
        self,
        query: ArticleQuery,
        *,
        horizon: timedelta | None = None,
        first_page: Sequence[ArticleSummary] | None = None,
    ) -> None:
        """Show another view: reset and read its first page.

        With ``horizon`` only the newest :data:`LIVE_MINIMUM` rows and those published
        within ``horizon`` of now are shown (the "Live" view).  A ``first_page`` read
        off the GUI thread (``list_articles(query, limit=page_size)``) is shown as it is.
        """
        self.beginResetModel()
        self._generation += 1
        self._query = query
        self._horizon = horizon
        self._tooltip_notes = {}
        self._rows = []
        self._row_of = {}
        self._exhausted = False
        page = list(first_page) if first_page is not None else self._read_page_or_none(0)
        if page is None:  # the server is away: empty until a merge reads the head again
            page = []
        self._rows, cut = self._within_horizon(page, 0)
        self._exhausted = cut or len(page) < self._page_size or self._past_horizon()
        self._reindex()
        self.endResetModel()

    def reload(self) -> None:
        """Read the view again from the start (a reset)."""
        self.set_query(self._query, horizon=self._horizon)

    @property
    def page_size(self) -> int:
        """Rows read per page."""
        return self._page_size

    def set_tooltip_notes(self, notes: dict[int, str]) -> None:
        """Extra lines for rows' headline tooltips, by article id (a search's snippets)."""
        self._tooltip_notes = notes

    def set_fetch_gate(self, gate: Callable[[], bool] | None) -> None:
        """Let views read more rows only while ``gate()`` says the loaded ones run out."""
        self._fetch_gate = gate

    def head_request(self) -> tuple[ArticleQuery, int, int]:
        """What a merge needs re-read: ``(query, how many rows, generation)``."""
        loaded = min(max(len(self._rows), self._page_size), max(MERGE_LIMIT, self._page_size))
        return self._query, loaded, self._generation

    def read_head(self, reader: Reader | None = None) -> list[ArticleSummary]:
        """Re-read the loaded part of the view (call on a worker for long lists)."""
        query, limit, _ = self.head_request()
        return (reader or self._reader).list_articles(query, limit=limit)

    def merge(
        self,
        rows: Sequence[ArticleSummary],
        generation: int | None = None,
        limit: int | None = None,
    ) -> bool:
        """Bring the loaded rows in line with ``rows`` (a fresh read of the view's head).

        ``limit`` is how many rows were asked for (default: what :meth:`head_request`
        says now); fewer means ``rows`` is the whole view.  New articles are inserted
        and vanished ones removed with row signals, so the selection and persistent
        indexes survive.  When more rows are loaded than were re-read, the loaded rows
        older than the last re-read one are kept as they are.  Returns False when
        ``rows`` was read for a view that is no longer shown.
        """
        if generation is not None and generation != self._generation:
            return False
        asked = limit if limit is not None else self.head_request()[1]
        whole_view = len(rows) < asked
        fresh, cut = self._within_horizon(list(rows), 0)
        covers_all = cut or whole_view or len(self._rows) <= len(rows)
        target = fresh if covers_all else fresh + self._rows_after(fresh)
        self._transform(target)
        self._replace_changed(target)
        if covers_all:
            self._exhausted = cut or whole_view or self._past_horizon()
        return True

    def expire(self, now: datetime | None = None) -> int:
        """Drop rows that aged out of the horizon (the "Live" view); returns how many."""
        if self._horizon is None:
            return 0
        kept, cut = self._within_horizon(self._rows, 0, now)
        gone = len(self._rows) - len(kept)
        if gone:
            self.beginRemoveRows(QModelIndex(), len(kept), len(self._rows) - 1)
            del self._rows[len(kept) :]
            self._reindex()
            self.endRemoveRows()
        if cut:
            self._exhausted = True
        return gone

    def _rows_after(self, fresh: Sequence[ArticleSummary]) -> list[ArticleSummary]:
        """The loaded rows below the last row of ``fresh`` that is loaded too.

        ``fresh`` is the complete head of the view, so a loaded row missing from it
        but above that anchor was deleted, and one below it is simply older.
        """
        fresh_ids = {r.id for r in fresh}
        anchor = -1
        for index in range(len(self._rows) - 1, -1, -1):
            if self._rows[index].id in fresh_ids:
                anchor = index
                break
        return [r for r in self._rows[anchor + 1 :] if r.id not in fresh_ids]

    def _transform(self, target: Sequence[ArticleSummary]) -> None:
        """Turn the loaded rows into ``target`` with remove and insert signals, in O(n).

        Rows that stay keep their relative order (lists are sorted by time or source);
        a row that moved is removed and inserted again.
        """
        position = {r.id: i for i, r in enumerate(target)}
        # 1. remove rows that are gone or out of order, bottom-up in contiguous runs
        keep = _longest_in_order([position.get(r.id, -1) for r in self._rows])
        row = len(self._rows) - 1
        changed = False
        while row >= 0:
            if keep[row]:
                row -= 1
                continue
            end = row
            while row > 0 and not keep[row - 1]:
                row -= 1
            self.beginRemoveRows(QModelIndex(), row, end)
            del self._rows[row : end + 1]
            self.endRemoveRows()
            changed = True
            row -= 1
        # 2. insert what is missing, in contiguous runs from the top
        at = 0
        index = 0
        while index < len(target):
            if at < len(self._rows) and self._rows[at].id == target[index].id:
                at += 1
                index += 1
                continue
            following = self._rows[at].id if at < len(self._rows) else None
            end = index
            while end < len(target) and target[end].id != following:
                end += 1
            self.beginInsertRows(QModelIndex(), at, at + (end - index) - 1)
            self._rows[at:at] = target[index:end]
            self.endInsertRows()
            changed = True
            at += end - index
            index = end
        if changed:
            self._reindex()

    # -- rows ---------------------------------------------------------------------------

    def article_at(self, row: int) -> ArticleSummary | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, article_id: int) -> int | None:
        return self._row_of.get(article_id)

    def loaded_ids(self) -> list[int]:
        return [r.id for r in self._rows]

    def has_more(self) -> bool:
        """Whether the view holds rows not loaded yet (ignores the fetch gate)."""
        return not self._exhausted

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
        """For views: more rows exist and the fetch gate (if any) wants them."""
        if parent.isValid() or self._exhausted:
            return False
        return self._fetch_gate is None or self._fetch_gate()

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = _NO_PARENT) -> None:
        """For views: read the next page if :meth:`canFetchMore` agrees."""
        if self.canFetchMore(parent):
            self.load_more()

    def load_more(self) -> bool:
        """Read the next page now, whatever the gate says; returns whether rows came."""
        if self._exhausted or self._fetching:
            return False
        self._fetching = True  # views may ask again from inside the insert signals
        try:
            fetched = self._read_page_or_none(len(self._rows))
            if fetched is None:  # the server is away: no more rows for now
                return False
            trimmed, cut = self._within_horizon(fetched, len(self._rows))
            page = [r for r in trimmed if r.id not in self._row_of]
            if cut or len(fetched) < self._page_size:
                self._exhausted = True
            if not page:
                self._exhausted = True
                return False
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._rows.extend(page)
            for offset, row in enumerate(page):
                self._row_of[row.id] = first + offset
            self.endInsertRows()
            if self._past_horizon():
                self._exhausted = True
            return True
        finally:
            self._fetching = False

    def _within_horizon(
        self, rows: list[ArticleSummary], before: int, now: datetime | None = None
    ) -> tuple[list[ArticleSummary], bool]:
        """``rows`` (following ``before`` loaded ones) cut at the horizon; and whether cut.

        The first :data:`LIVE_MINIMUM` rows of the view always stay.  Rows without a
        publication date sort by when they were first seen and are kept.
        """
        if self._horizon is None:
            return rows, False
        oldest = (now or datetime.now(UTC)) - self._horizon
        for index in range(max(0, LIVE_MINIMUM - before), len(rows)):
            published = rows[index].published
            if published is not None and published < oldest:
                return rows[:index], True
        return rows, False

    def _past_horizon(self) -> bool:
        """Whether the last loaded row is already older than the horizon."""
        if self._horizon is None or not self._rows:
            return False
        published = self._rows[-1].published
        return published is not None and published < datetime.now(UTC) - self._horizon

    def _read_page_or_none(self, after_rows: int) -> list[ArticleSummary] | None:
        """A page, or None when a shared cache's server cannot be reached (said elsewhere)."""
        try:
            return self._read_page(after_rows=after_rows)
        except StorageUnavailableError as exc:
            log.info("rows not read: %s", exc)
            return None

    def _read_page(self, *, after_rows: int) -> list[ArticleSummary]:
        if after_rows == 0:
            return self._reader.list_articles(self._query, limit=self._page_size)
        if self._query.order in ("source", "relevance"):
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
        return self._value(self._rows[index.row()], index.column(), role)

    def multiData(
        self,
        index: QModelIndex | QPersistentModelIndex,
        roleDataSpan: QModelRoleDataSpan | QModelRoleData,
    ) -> None:
        """Every role a view asks for to paint a cell, in one call (see :mod:`.role_data`)."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            answer_nothing(roleDataSpan)
            return
        article, column = self._rows[index.row()], index.column()
        answer_roles(roleDataSpan, lambda role: self._value(article, column, role))

    def _value(self, article: ArticleSummary, column: int, role: int) -> Any:
        """What a cell of *article* in *column* holds for *role* (None: nothing)."""
        if role == _DISPLAY:
            return self._display(article, column)
        if role == _TOOLTIP:
            note = self._tooltip_notes.get(article.id) if column == Column.TITLE else None
            if note:  # rich text already: the headline, then the search's snippet
                headline = html.escape(article.headline)
                return f'<p dir="{article.direction.value}">{headline}</p>{note}'
            return tooltip_text(self._tooltip(article, column)) or None
        if role == _FONT and not article.read and column == Column.TITLE:
            return self._bold
        if role == _DECORATION:
            return self._decoration(article, column)
        if role == _ACCESSIBLE:
            return self._accessible(article, column)
        if role < SummaryRole:
            return None  # the other roles of Qt's own: none is answered here
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
        if role == FoldedLineRole:
            return self._source_text(article), self._time_text(article)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Date (newest first), source, or a search's best matches first (the headline)."""
        orders = {Column.SOURCE: "source", Column.TIME: "date"}
        if self._query.search:
            orders[Column.TITLE] = "relevance"
        wanted = orders.get(Column(column)) if 0 <= column < len(Column) else None
        if wanted is None or wanted == self._query.order:
            return
        self.set_query(replace(self._query, order=wanted), horizon=self._horizon)

    # -- helpers ---------------------------------------------------------------------------

    def _display(self, article: ArticleSummary, column: int) -> str | None:
        if column == Column.TITLE:
            return article.headline or self.tr("(untitled)")
        if column == Column.SOURCE:
            return self._source_text(article)
        if column == Column.TIME:
            return self._time_text(article)
        if column == Column.COMMENTS:
            return str(article.comment_count) if article.comment_count else ""
        return None

    def _source_text(self, article: ArticleSummary) -> str:
        """The feed's name; for an article other feeds carried too, "NAME +N"."""
        others = len(article.sources) - 1
        if others < 1:
            return article.feed_title
        return f"{article.feed_title} +{others}"

    def _time_text(self, article: ArticleSummary) -> str:
        """When it was published; an undated article says when it was first seen."""
        seen = article.first_seen or article.sort_time
        if not article.undated or seen is None:
            return relative_time(article.published)
        return self.tr("seen %1").replace("%1", relative_time(seen))

    def _tooltip(self, article: ArticleSummary, column: int) -> str | None:
        if column == Column.TIME:
            seen = article.first_seen or article.sort_time
            if article.undated and seen is not None:
                return self.tr("Undated: first seen %1").replace("%1", absolute_time(seen))
            return absolute_time(article.published) or None
        if column == Column.SOURCE:
            if len(article.sources) > 1:  # a syndicated article: every feed that carried it
                return "\n".join(article.sources)
            return article.feed_title or None
        if column == Column.STAR:
            return self.tr("Starred") if article.starred else self.tr("Click to star")
        if column == Column.COMMENTS and article.comment_count:
            return self.tr("%n comments", "", article.comment_count)
        if column == Column.TITLE:
            return article.headline

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
            return f"{article.headline} {state}".strip()
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
