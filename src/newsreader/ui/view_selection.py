"""Which sidebar view the article list shows: choosing it, filtering and sorting it.

A view is named by its sidebar key (``smart:all``, ``feed:3``, ``topic:Sport`` ...).
Before the sidebar's first count only the smart views have nodes; a view restored
from the last session is then shown at once from its key (a *pending* view) and its
node is selected when the count brings it.  The filter box narrows the view to
headlines and summaries with its words; the list is sorted by date or by source
("Live" always by date).  The title row above the list names the view and counts
what it holds.

Which article is current is not this part's business: it says when a new view was
read (nothing is current then) and when the same view is read again in another
order or filter (the current article should stay current), and the part that
keeps the current article acts on that.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QTreeView

from newsreader.core.types import ArticleQuery, ArticleSummary
from newsreader.ui.action_registry import ActionId, ActionRegistry
from newsreader.ui.error_text import failure_text
from newsreader.ui.models.article_list import LIVE_HORIZON, ArticleListModel, Column
from newsreader.ui.models.sidebar import (
    SMART_ALL,
    SMART_LIVE,
    SMART_STARRED,
    NodeKind,
    SidebarEntry,
    SidebarModel,
    query_for_key,
)
from newsreader.ui.title_row import TitleRow

#: A search's view is named by this prefix and the search's text.
SEARCH_PREFIX = "search:"
#: Typing in the filter box is applied after this pause.
FILTER_DELAY_MS = 250
#: Keys that leave the filter box for the list.
_LEAVE_FILTER_KEYS = frozenset(
    {Qt.Key.Key_Escape, Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter}
)


class ViewSelection(QObject):
    """The view on show in the article list, its filter, sort order and title row.

    Signals:
        viewChanged(str): another view (its key) is on show.
        viewShown(): a view's list was read afresh; no article is current in it.
        relisting(): the view on show is about to be read again (another filter
            or order); the current article should stay current.
        relisted(): it was read again.
        listEntered(): the filter box handed the keyboard to the list.
    """

    viewChanged = Signal(str)
    viewShown = Signal()
    relisting = Signal()
    relisted = Signal()
    listEntered = Signal()

    def __init__(
        self,
        sidebar_model: SidebarModel,
        sidebar_view: QTreeView,
        article_model: ArticleListModel,
        article_view: QTreeView,
        title_row: TitleRow,
        registry: ActionRegistry,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._sidebar_model = sidebar_model
        self._sidebar_view = sidebar_view
        self._article_model = article_model
        self._article_view = article_view
        self._title_row = title_row
        self._registry = registry
        self._current_key: str | None = None
        self._search_total = 0
        self._before_search: str | None = None  # the view a search replaced
        # what the last session showed, selected once the sidebar has its nodes
        self._pending_view: str | None = None
        self.filter_timer = QTimer(self)
        self.filter_timer.setSingleShot(True)
        self.filter_timer.setInterval(FILTER_DELAY_MS)
        self.filter_timer.timeout.connect(self.apply_filter)
        sidebar_view.selectionModel().currentChanged.connect(self.on_sidebar_current)
        article_view.header().sortIndicatorChanged.connect(self.on_sort_indicator)
        article_model.modelReset.connect(self.update_view_counts)
        title_row.filter_edit.textChanged.connect(lambda _text: self.filter_timer.start())
        title_row.filter_edit.installEventFilter(self)

    @property
    def current_key(self) -> str | None:
        """The key of the view on show (None while none is)."""
        return self._current_key

    # -- choosing a view -----------------------------------------------------------------

    def select(self, key: str) -> bool:
        """Show the sidebar view ``key``; False when there is no such view."""
        if key.startswith(SEARCH_PREFIX):  # a search is typed, never chosen: the view before
            key = self._before_search or SMART_ALL
        index = self._sidebar_model.index_for_key(key)
        if not index.isValid():
            return self._show_pending_view(key)
        self._pending_view = None
        self._sidebar_view.setCurrentIndex(index)
        self._sidebar_view.scrollTo(index)
        if self._current_key != key:  # setCurrentIndex on the current index emits nothing
            self.on_sidebar_current(index, QModelIndex())
        return True

    def reselect(self, key: str) -> bool:
        """Show ``key`` afresh, even when it is the view on show."""
        self._current_key = None
        return self.select(key)

    def clear(self) -> None:
        """Show no view (an empty list) until the next one is chosen."""
        self._current_key = None
        self._article_model.set_query(ArticleQuery(feed_ids=()))

    def show_after_change(self, select: str) -> None:
        """The subscriptions changed and the sidebar was re-read: show ``select``.

        Without ``select`` (or when it is not there), the view on show is read
        again, or "All articles" shown when that view went away.
        """
        if select and self.select(select):
            return
        entry = self.current_entry()
        if entry is not None and entry.query is not None:
            self.show_query(entry)
        else:
            self.reselect(SMART_ALL)

    def _show_pending_view(self, key: str) -> bool:
        """Before the first count: show a view the sidebar has no node for yet.

        Its list is read at once from the key; the sidebar selects the node when the
        count brings it (and shows "All articles" if the view is gone by then).
        """
        if self._sidebar_model.is_counted():
            return False
        query = query_for_key(key)
        if query is None:
            return False
        self._pending_view = key
        self._sidebar_view.setCurrentIndex(QModelIndex())
        if self._current_key != key:
            self._current_key = key
            self.show_query(self._pending_entry(key, query))
            self.update_view_title()
            self.viewChanged.emit(key)
        return True

    def settle_pending_view(self) -> None:
        """After the first count: select the pending view's node, or "All articles"."""
        pending, self._pending_view = self._pending_view, None
        if pending is not None and pending == self._current_key and not self.select(pending):
            self.select(SMART_ALL)  # the view went away meanwhile

    @staticmethod
    def _pending_entry(key: str, query: ArticleQuery) -> SidebarEntry:
        return SidebarEntry(key, NodeKind.SMART, query=query, counted=False)

    def on_sidebar_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        entry = self._sidebar_model.entry_at(current)
        if entry is None or entry.query is None:
            return
        if entry.key == self._current_key:
            # the node of a view already on show (restored before the count): keep the list
            self.update_view_title()
            self.update_view_counts()
            return
        self._pending_view = None
        self._current_key = entry.key
        self.show_query(entry)
        self.update_view_title()
        self.viewChanged.emit(entry.key)

    def current_entry(self) -> SidebarEntry | None:
        """The sidebar entry of the view on show (a stand-in while it is pending)."""
        if self._current_key is None:
            return None
        if self._current_key.startswith(SEARCH_PREFIX):  # a search has no node
            search = self._current_key.removeprefix(SEARCH_PREFIX)
            return SidebarEntry(
                self._current_key, NodeKind.SMART, query=ArticleQuery(search=search), counted=False
            )
        model = self._sidebar_model
        entry = model.entry_at(model.index_for_key(self._current_key))
        if entry is None and self._pending_view == self._current_key:
            query = query_for_key(self._current_key)
            if query is not None:
                return self._pending_entry(self._current_key, query)
        return entry

    def _view_query(self, entry: SidebarEntry) -> ArticleQuery:
        assert entry.query is not None
        order = "date" if entry.key == SMART_LIVE else self._article_model.query().order
        text = self._title_row.filter_edit.text().strip() or None
        return replace(entry.query, order=order, text=text)

    def _view_horizon(self, entry: SidebarEntry) -> timedelta | None:
        """Live shows the last day (or the newest page); other views everything."""
        return LIVE_HORIZON if entry.key == SMART_LIVE else None

    def show_query(self, entry: SidebarEntry) -> None:
        """Read ``entry``'s view into the list; no article is current afterwards."""
        self._article_model.set_query(self._view_query(entry), horizon=self._view_horizon(entry))
        self._article_view.scrollToTop()  # a new view starts at its newest, not where the last was
        self.sync_sort_ui()
        self.viewShown.emit()

    # -- a search's results --------------------------------------------------------------

    def show_search(self, text: str, first_page: list[ArticleSummary], total: int) -> None:
        """Show what the search *text* found (its first page read off the GUI thread)."""
        key = SEARCH_PREFIX + text
        if self._current_key is not None and not self._current_key.startswith(SEARCH_PREFIX):
            self._before_search = self._current_key
        searching_already = bool(self._current_key and self._current_key.startswith(SEARCH_PREFIX))
        self._current_key = key
        self._search_total = total
        self._pending_view = None
        if not searching_already:
            self._sidebar_view.blockSignals(True)  # the sidebar keeps no node current
            self._sidebar_view.setCurrentIndex(QModelIndex())
            self._sidebar_view.blockSignals(False)
        # best matches first, as SearchField read it; the filter box does not narrow a search
        self._article_model.set_query(
            ArticleQuery(search=text, order="relevance"), first_page=first_page
        )
        self._article_view.scrollToTop()
        self.sync_sort_ui()
        self.update_view_title()
        self.update_view_counts()
        self.viewShown.emit()
        self.viewChanged.emit(key)

    def end_search(self) -> None:
        """The search was cleared: show again the view it replaced."""
        if self._current_key is None or not self._current_key.startswith(SEARCH_PREFIX):
            return
        self._current_key = None
        self.reselect(self._before_search or SMART_ALL)

    # -- the filter box ------------------------------------------------------------------

    def apply_filter(self) -> None:
        entry = self.current_entry()
        if entry is None:
            return
        self.relisting.emit()
        self._article_model.set_query(self._view_query(entry), horizon=self._view_horizon(entry))
        self.relisted.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Escape, Down and Enter in the filter box go (back) to the list."""
        filter_edit = self._title_row.filter_edit
        if (
            watched is filter_edit
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in _LEAVE_FILTER_KEYS
        ):
            if event.key() == Qt.Key.Key_Escape:
                filter_edit.clear()
            self.filter_timer.stop()
            self.apply_filter()
            self._article_view.setFocus()
            self.listEntered.emit()
            return True
        return super().eventFilter(watched, event)

    # -- sorting -------------------------------------------------------------------------

    def set_order(self, order: str) -> None:
        """Sort the list by ``date`` (newest first) or ``source``."""
        if self._current_key == SMART_LIVE:
            order = "date"
        model = self._article_model
        query = model.query()
        if query.order != order:
            self.relisting.emit()
            model.set_query(replace(query, order=order), horizon=model.horizon())
            self._article_view.scrollToTop()
            self.relisted.emit()
        self.sync_sort_ui()

    def on_sort_indicator(self, column: int, _order: Qt.SortOrder) -> None:
        if column == Column.SOURCE:
            self.set_order("source")
        elif column == Column.TIME:
            self.set_order("date")
        elif column == Column.TITLE and self._article_model.query().search:
            self.set_order("relevance")  # back to the best matches first
        else:
            self.sync_sort_ui()

    def sync_sort_ui(self) -> None:
        """Show the list's order in the header's sort indicator and the View menu."""
        order = self._article_model.query().order
        header = self._article_view.header()
        column = {"source": Column.SOURCE, "relevance": Column.TITLE}.get(order, Column.TIME)
        wanted = Qt.SortOrder.DescendingOrder if order == "date" else Qt.SortOrder.AscendingOrder
        if header.sortIndicatorSection() != column or header.sortIndicatorOrder() != wanted:
            header.blockSignals(True)
            header.setSortIndicator(column, wanted)
            header.blockSignals(False)
            header.viewport().update()
        self._registry[ActionId.SORT_BY_SOURCE].setChecked(order == "source")
        self._registry[ActionId.SORT_BY_DATE].setChecked(order == "date")

    # -- the title row -------------------------------------------------------------------

    def update_view_title(self) -> None:
        entry = self.current_entry()
        if entry is None:
            self._title_row.show_title("")
            return
        if entry.key.startswith(SEARCH_PREFIX):
            self._title_row.show_title(
                QCoreApplication.translate("MainWindow", "Search: %1").replace(
                    "%1", entry.key.removeprefix(SEARCH_PREFIX)
                )
            )
            return
        index = self._sidebar_model.index_for_key(entry.key)
        if index.isValid():
            self._title_row.show_title(str(index.data() or ""))
        else:  # a restored view whose node is not there yet: a topic or folder is its name
            kind, _, name = entry.key.partition(":")
            self._title_row.show_title(name if kind in ("topic", "folder") else "")

    def update_view_counts(self) -> None:
        row = self._title_row
        entry = self.current_entry()
        if entry is not None and entry.error:
            address = entry.feed.url if entry.feed is not None else None
            reason = failure_text(entry.error, folder=entry.feed is None, address=address)
            message = QCoreApplication.translate("MainWindow", "Last update failed: %1").replace(
                "%1", reason
            )
            details = message if reason == entry.error else f"{message}\n\n{entry.error}"
            row.show_error(message, details)
        else:
            row.show_error(None)
        if entry is None:
            row.show_counts("")
            return
        model = self._article_model
        query = model.query()
        if entry.key.startswith(SEARCH_PREFIX) and not query.text:
            row.show_counts(
                QCoreApplication.translate("MainWindow", "%n matches", "", self._search_total)
            )
            return
        if query.text:
            more = "+" if model.has_more() else ""
            row.show_counts(
                QCoreApplication.translate("MainWindow", "%n matches", "", model.rowCount()) + more
            )
            return
        if entry.key == SMART_LIVE:  # the list is the view: count what it holds
            row.show_counts(
                QCoreApplication.translate("MainWindow", "%n articles", "", model.rowCount())
            )
            return
        if not entry.counted:
            row.show_counts("")
            return
        text = QCoreApplication.translate("MainWindow", "%n articles", "", entry.total)
        if entry.unread and entry.key != SMART_STARRED:
            text += " · " + QCoreApplication.translate("MainWindow", "%n unread", "", entry.unread)
        row.show_counts(text)

    def stop(self) -> None:
        """Stop the filter's timer (the window is shutting down)."""
        self.filter_timer.stop()
