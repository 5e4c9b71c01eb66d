"""The main window: sidebar of views, the article list over the reading pane, comments dock.

The window reads through the :class:`~newsreader.reader.Reader` on its own thread
only with bounded queries (a page of rows, one article); anything that grows with
the cache (the sidebar's counts) or waits on the network runs elsewhere: refreshes
through the :class:`~newsreader.ui.worker.RefreshService` (in a process of their
own), and the demo, adding feeds, OPML, re-reading the list's head and counting
through a :class:`~newsreader.ui.worker.TaskRunner`, whose results come back by
signal.  Writes the user makes (marks, "opened") go through the runner's serial
lane, so a refresh holding the database's write lock never freezes the window.

The sidebar first shows the smart views uncounted and fills in when the first
count arrives, so start-up does not grow with the cache; a view restored from the
last session is shown at once from its key.  While a refresh runs, new rows are
merged about every second and the counts re-read every few seconds, one re-read
at a time.  "Live" is the newest of every source (the last day, or at least a
page), merged as refreshes land and aged by the minute.  Marks made by the user
are undoable and are shown at once in the list and, shortly after, in the
sidebar's counts.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    QSettings,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDesktopServices,
    QFont,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QSystemTrayIcon,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from newsreader import __version__
from newsreader.core.settings import Settings
from newsreader.core.types import ArticleQuery, ArticleSummary, FeedResult, RefreshSummary
from newsreader.fetch.favicons import cache_feed_icons, icons_dir
from newsreader.reader import Reader
from newsreader.ui.actions import ActionId, Actions
from newsreader.ui.add_feed_dialog import AddFeedDialog
from newsreader.ui.comments_panel import CommentsPanel
from newsreader.ui.delegates import ArticleDelegate, SidebarDelegate
from newsreader.ui.i18n import Translations
from newsreader.ui.icons import Icon, app_icon, icon
from newsreader.ui.info_bar import InfoBar
from newsreader.ui.models.article_list import LIVE_HORIZON, ArticleListModel, Column
from newsreader.ui.models.sidebar import (
    SMART_ALL,
    SMART_LIVE,
    SMART_STARRED,
    NodeKind,
    SidebarEntry,
    SidebarModel,
    build_snapshot,
    query_for_key,
    skeleton_snapshot,
)
from newsreader.ui.preferences import PreferencesDialog
from newsreader.ui.reading_pane import ReadingPane
from newsreader.ui.refresh_status import RefreshStatus
from newsreader.ui.undo_commands import SetReadCommand, SetStarredCommand
from newsreader.ui.worker import RefreshService, TaskRunner

log = logging.getLogger(__name__)

#: Waits that gather bursts of events into one re-read (longer while a refresh runs).
_COUNTS_DELAY_MS = 250
_COUNTS_DELAY_REFRESHING_MS = 3000
_MERGE_DELAY_MS = 800
_MERGE_DELAY_REFRESHING_MS = 1000
_FILTER_DELAY_MS = 250
#: The time column is repainted this often so "5 minutes ago" stays true.
_CLOCK_MS = 60_000
#: Pages read at most while looking for the next unread article.
_MAX_SEARCH_PAGES = 10
#: Only these link schemes are handed to the system.
_OPENABLE_SCHEMES = frozenset({"http", "https", "mailto"})
_WINDOW_STATE_VERSION = 1
#: Keys that leave the filter box for the list.
_LEAVE_FILTER_KEYS = frozenset(
    {Qt.Key.Key_Escape, Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter}
)


def openable_url(link: str | None) -> QUrl | None:
    """``link`` as a URL the system may open (web and mail only), else None."""
    if not link:
        return None
    url = QUrl(link.strip())
    if not url.isValid() or url.scheme().lower() not in _OPENABLE_SCHEMES:
        return None
    return url


class MainWindow(QMainWindow):
    """Newsreader's main window.

    Signals:
        viewChanged(str): another sidebar view (its key) is shown.
        articleSelected(int): the article with this id became the current one.
        listMerged(): rows read after a refresh were merged into the list.
        countsUpdated(): the sidebar's counts were re-read.
        sidebarLoaded(bool): the first counted sidebar is in; True when the profile
            has subscriptions.
        demoLoaded(bool): the demo finished loading (True) or failed (False).
        iconsUpdated(): feed icons were stored and the sidebar repainted with them.
    """

    viewChanged = Signal(str)
    articleSelected = Signal(int)
    listMerged = Signal()
    countsUpdated = Signal()
    sidebarLoaded = Signal(bool)
    demoLoaded = Signal(bool)
    iconsUpdated = Signal()

    def __init__(
        self,
        reader: Reader,
        *,
        translations: Translations | None = None,
        tasks: TaskRunner | None = None,
        auto_refresh: bool = True,
        state_file: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.reader = reader
        self.settings = reader.settings()
        self.translations = translations
        self.tasks = tasks or TaskRunner(self)
        self._auto_refresh = auto_refresh
        if state_file is None and reader.paths is not None:
            state_file = reader.paths.config / "window.ini"
        self._state_file = state_file
        self._current_key: str | None = None
        self._current_article: int | None = None
        self._tray: QSystemTrayIcon | None = None
        # the sidebar's counts: one re-read at a time; callbacks wait for a fresh one
        self._counts_running = False
        self._counts_again = False
        self._counts_waiting: list[Callable[[], None]] = []
        # what the last session showed, selected once the sidebar has its nodes
        self._pending_view: str | None = None
        self._pending_collapsed: list[str] = []
        # the list's head: one re-read at a time
        self._merge_running = False
        self._merge_again = False

        self.setObjectName("MainWindow")
        self.setWindowIcon(app_icon())
        self.resize(1280, 800)
        self.undo_stack = QUndoStack(self)
        self.action_registry = Actions(self)
        self.refresh_service = RefreshService(reader, self)

        self._build_central()
        self._build_dock()
        self._build_menus_and_toolbar()
        self._build_status_bar()
        self._connect()
        self._start_timers()
        self.retranslate()

        # the smart views at once, the counts (which grow with the cache) when read
        self.sidebar_model.apply_snapshot(skeleton_snapshot())
        self._select_view(SMART_ALL)
        self.update_counts(then=self._on_first_counts)
        self.refresh_service.set_interval(self.settings.refresh_minutes if auto_refresh else 0)
        self.reading_pane_set_zoom(self.settings.zoom)

    # == construction ====================================================================

    def _build_central(self) -> None:
        self.sidebar_model = SidebarModel(self.reader, self)
        self.sidebar_view = QTreeView(self)
        self.sidebar_view.setObjectName("sidebar")
        self.sidebar_view.setModel(self.sidebar_model)
        self.sidebar_view.setItemDelegate(SidebarDelegate(self.sidebar_view))
        self.sidebar_view.setHeaderHidden(True)
        self.sidebar_view.setUniformRowHeights(False)
        self.sidebar_view.setIndentation(14)
        self.sidebar_view.setRootIsDecorated(True)
        self.sidebar_view.setAnimated(True)
        self.sidebar_view.setExpandsOnDoubleClick(True)
        self.sidebar_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.sidebar_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.sidebar_view.setFrameShape(QTreeView.Shape.NoFrame)
        self.sidebar_view.setMinimumWidth(170)

        self.article_model = ArticleListModel(self.reader, self)
        self.article_model.set_fetch_gate(self._list_runs_out)
        self.article_view = QTreeView(self)
        self.article_view.setObjectName("articleList")
        self.article_view.setModel(self.article_model)
        self.article_delegate = ArticleDelegate(self.article_view)
        self.article_view.setItemDelegate(self.article_delegate)
        self.article_view.setRootIsDecorated(False)
        self.article_view.setUniformRowHeights(True)
        self.article_view.setAllColumnsShowFocus(True)
        self.article_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.article_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.article_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.article_view.setFrameShape(QTreeView.Shape.NoFrame)
        self.article_view.setSortingEnabled(True)
        self.article_view.sortByColumn(Column.TIME, Qt.SortOrder.DescendingOrder)
        header = self.article_view.header()
        header.setStretchLastSection(False)
        header.setSectionsMovable(False)
        header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Stretch)
        for column in (Column.STAR, Column.COMMENTS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, 30)
        header.resizeSection(Column.SOURCE, 150)
        header.resizeSection(Column.TIME, 120)

        self.view_title = QLabel(self)
        self.view_title.setObjectName("viewTitle")
        font = self.view_title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.view_title.setFont(font)
        self.view_counts = QLabel(self)
        self.view_counts.setObjectName("viewCounts")
        self.view_error = QLabel(self)
        self.view_error.setObjectName("viewError")
        self.view_error.setPixmap(icon(Icon.ERROR).pixmap(16, 16))
        self.view_error.hide()
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("filterEdit")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.addAction(icon(Icon.FILTER), QLineEdit.ActionPosition.LeadingPosition)
        self.filter_edit.setMaximumWidth(320)
        self.filter_edit.installEventFilter(self)

        title_row = QHBoxLayout()
        title_row.setContentsMargins(10, 6, 8, 4)
        title_row.setSpacing(10)
        title_row.addWidget(self.view_title)
        title_row.addWidget(self.view_counts)
        title_row.addWidget(self.view_error)
        title_row.addStretch(1)
        title_row.addWidget(self.filter_edit)

        self.info_bar = InfoBar(self)
        list_box = QWidget(self)
        list_box.setObjectName("listBox")
        list_layout = QVBoxLayout(list_box)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.setSpacing(0)
        list_layout.addLayout(title_row)
        list_layout.addWidget(self.info_bar)
        list_layout.addWidget(self.article_view, 1)

        self.reading_pane = ReadingPane(self.reader, self)
        self.reading_pane.setObjectName("readingPane")

        self.content_splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.content_splitter.setObjectName("contentSplitter")
        self.content_splitter.addWidget(list_box)
        self.content_splitter.addWidget(self.reading_pane)
        self.content_splitter.setStretchFactor(0, 2)
        self.content_splitter.setStretchFactor(1, 3)
        self.content_splitter.setSizes([300, 460])
        self.content_splitter.setChildrenCollapsible(False)

        self.main_splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.main_splitter.setObjectName("mainSplitter")
        self.main_splitter.addWidget(self.sidebar_view)
        self.main_splitter.addWidget(self.content_splitter)
        self.main_splitter.setStretchFactor(0, 0)
        self.main_splitter.setStretchFactor(1, 1)
        self.main_splitter.setSizes([250, 1030])
        self.main_splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.main_splitter)

    def _build_dock(self) -> None:
        self.comments_dock = QDockWidget(self)
        self.comments_dock.setObjectName("commentsDock")
        self.comments_dock.setAllowedAreas(Qt.DockWidgetArea.AllDockWidgetAreas)
        self.comments_dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        self.comments_panel = CommentsPanel(self.reader, self.comments_dock)
        self.comments_panel.setObjectName("commentsPanel")
        self.comments_dock.setWidget(self.comments_panel)
        # the trailing side: right of the pane in English, left of it in Arabic
        trailing = (
            Qt.DockWidgetArea.LeftDockWidgetArea
            if QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
            else Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.addDockWidget(trailing, self.comments_dock)
        self.resizeDocks([self.comments_dock], [300], Qt.Orientation.Horizontal)
        self.comments_action = self.comments_dock.toggleViewAction()
        self.comments_action.setShortcut(QKeySequence("C"))
        self.comments_action.setIcon(icon(Icon.COMMENTS))
        self._comment_count = 0

    def _build_menus_and_toolbar(self) -> None:
        a = self.action_registry
        for action in a.all():
            self.addAction(action)  # shortcuts work with the menu bar hidden too
        self.addAction(self.comments_action)

        self.file_menu = self.menuBar().addMenu("")
        for item in (
            ActionId.ADD_FEED,
            ActionId.IMPORT_OPML,
            ActionId.EXPORT_OPML,
            ActionId.ADD_SUGGESTED,
            None,
            ActionId.QUIT,
        ):
            self._add_to(self.file_menu, item)
        self.edit_menu = self.menuBar().addMenu("")
        for item in (ActionId.UNDO, ActionId.REDO, None, ActionId.FIND, None, ActionId.PREFERENCES):
            self._add_to(self.edit_menu, item)
        self.view_menu = self.menuBar().addMenu("")
        sort_group = QActionGroup(self)
        sort_group.addAction(a[ActionId.SORT_BY_DATE])
        sort_group.addAction(a[ActionId.SORT_BY_SOURCE])
        a[ActionId.SORT_BY_DATE].setChecked(True)
        for item in (
            ActionId.SORT_BY_DATE,
            ActionId.SORT_BY_SOURCE,
            None,
            ActionId.ZOOM_IN,
            ActionId.ZOOM_OUT,
            ActionId.ZOOM_RESET,
            None,
        ):
            self._add_to(self.view_menu, item)
        self.view_menu.addAction(self.comments_action)
        self.article_menu = self.menuBar().addMenu("")
        for item in (
            ActionId.NEXT_ARTICLE,
            ActionId.PREVIOUS_ARTICLE,
            ActionId.SCROLL_OR_NEXT_UNREAD,
            None,
            ActionId.TOGGLE_READ,
            ActionId.TOGGLE_STAR,
            ActionId.MARK_ALL_READ,
            None,
            ActionId.OPEN_IN_BROWSER,
            ActionId.COPY_LINK,
        ):
            self._add_to(self.article_menu, item)
        self.feeds_menu = self.menuBar().addMenu("")
        for item in (
            ActionId.REFRESH,
            ActionId.CANCEL_REFRESH,
            None,
            ActionId.TOGGLE_PIN,
            ActionId.REMOVE_FEED,
        ):
            self._add_to(self.feeds_menu, item)
        self.help_menu = self.menuBar().addMenu("")
        self._add_to(self.help_menu, ActionId.ABOUT)

        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for item in (
            ActionId.REFRESH,
            ActionId.ADD_FEED,
            None,
            ActionId.MARK_ALL_READ,
            ActionId.TOGGLE_STAR,
            ActionId.OPEN_IN_BROWSER,
        ):
            if item is None:
                self.toolbar.addSeparator()
            else:
                self.toolbar.addAction(a[item])
        self.toolbar.addAction(self.comments_action)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)
        self.view_menu.addAction(self.toolbar.toggleViewAction())

        self.undo_stack.canUndoChanged.connect(a[ActionId.UNDO].setEnabled)
        self.undo_stack.canRedoChanged.connect(a[ActionId.REDO].setEnabled)
        a[ActionId.UNDO].setEnabled(False)
        a[ActionId.REDO].setEnabled(False)
        a[ActionId.CANCEL_REFRESH].setEnabled(False)

    def _add_to(self, menu: QMenu, item: ActionId | None) -> None:
        if item is None:
            menu.addSeparator()
        else:
            menu.addAction(self.action_registry[item])

    def _build_status_bar(self) -> None:
        self.refresh_status = RefreshStatus(self)
        self.statusBar().addPermanentWidget(self.refresh_status)

    def _connect(self) -> None:
        a = self.action_registry
        handlers: dict[ActionId, Callable[[], Any]] = {
            ActionId.ADD_FEED: self.add_feed,
            ActionId.IMPORT_OPML: self.import_opml,
            ActionId.EXPORT_OPML: self.export_opml,
            ActionId.ADD_SUGGESTED: self.add_suggested_subscriptions,
            ActionId.QUIT: self.close,
            ActionId.UNDO: self.undo_stack.undo,
            ActionId.REDO: self.undo_stack.redo,
            ActionId.FIND: self.focus_filter,
            ActionId.PREFERENCES: self.show_preferences,
            ActionId.SORT_BY_DATE: lambda: self.set_order("date"),
            ActionId.SORT_BY_SOURCE: lambda: self.set_order("source"),
            ActionId.ZOOM_IN: lambda: self._zoom("zoom_in"),
            ActionId.ZOOM_OUT: lambda: self._zoom("zoom_out"),
            ActionId.ZOOM_RESET: lambda: self._zoom("zoom_reset"),
            ActionId.NEXT_ARTICLE: lambda: self.move_article(1),
            ActionId.PREVIOUS_ARTICLE: lambda: self.move_article(-1),
            ActionId.SCROLL_OR_NEXT_UNREAD: self.scroll_or_next_unread,
            ActionId.TOGGLE_READ: self.toggle_read,
            ActionId.TOGGLE_STAR: self.toggle_star,
            ActionId.MARK_ALL_READ: self.mark_all_read,
            ActionId.OPEN_IN_BROWSER: self.open_in_browser,
            ActionId.COPY_LINK: self.copy_link,
            ActionId.REFRESH: self.refresh,
            ActionId.CANCEL_REFRESH: self.refresh_service.cancel,
            ActionId.TOGGLE_PIN: self.toggle_pin,
            ActionId.REMOVE_FEED: self.remove_feed,
            ActionId.ABOUT: self.show_about,
        }
        for action_id, handler in handlers.items():
            a[action_id].triggered.connect(handler)

        self.sidebar_view.selectionModel().currentChanged.connect(self._on_sidebar_current)
        self.sidebar_view.customContextMenuRequested.connect(self._sidebar_menu)
        self.article_view.selectionModel().currentChanged.connect(self._on_article_current)
        self.article_view.customContextMenuRequested.connect(self._article_menu)
        self.article_view.doubleClicked.connect(lambda _index: self.open_in_browser())
        self.article_view.header().sortIndicatorChanged.connect(self._on_sort_indicator)
        self.article_delegate.starClicked.connect(self._on_star_clicked)
        self.article_model.modelReset.connect(self._update_view_counts)
        self.filter_edit.textChanged.connect(lambda _text: self._filter_timer.start())

        pane: Any = self.reading_pane
        if hasattr(pane, "relatedActivated"):
            pane.relatedActivated.connect(self.show_article_anywhere)
        panel: Any = self.comments_panel
        if hasattr(panel, "countChanged"):
            panel.countChanged.connect(self._on_comment_count)

        service = self.refresh_service
        service.started.connect(self.refresh_status.started)
        service.progress.connect(self._on_refresh_progress)
        service.finished.connect(self._on_refresh_finished)
        service.failed.connect(self._on_refresh_failed)
        service.iconsStored.connect(lambda _count: self._on_icons_stored())
        service.runningChanged.connect(self._on_refresh_running)
        self.refresh_status.cancelRequested.connect(service.cancel)

    def _start_timers(self) -> None:
        self._read_timer = QTimer(self)
        self._read_timer.setSingleShot(True)
        self._read_timer.timeout.connect(self._mark_current_read)
        self._counts_timer = QTimer(self)
        self._counts_timer.setSingleShot(True)
        self._counts_timer.setInterval(_COUNTS_DELAY_MS)
        self._counts_timer.timeout.connect(self.update_counts)
        self._merge_timer = QTimer(self)
        self._merge_timer.setSingleShot(True)
        self._merge_timer.setInterval(_MERGE_DELAY_MS)
        self._merge_timer.timeout.connect(self.merge_new_articles)
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(_FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self._apply_filter)
        self._clock = QTimer(self)
        self._clock.setInterval(_CLOCK_MS)
        self._clock.timeout.connect(self._on_clock)
        self._clock.start()

    # == language ==========================================================================

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.PaletteChange:
            from newsreader.ui import icons

            icons.clear_cache()
            self.action_registry.refresh_icons()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Put every label of the window into the current language."""
        self.setWindowTitle(self.tr("Newsreader"))
        self.action_registry.retranslate()
        self.file_menu.setTitle(self.tr("&File"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.article_menu.setTitle(self.tr("&Article"))
        self.feeds_menu.setTitle(self.tr("F&eeds"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.toolbar.setWindowTitle(self.tr("Toolbar"))
        self.toolbar.toggleViewAction().setText(self.tr("Show &Toolbar"))
        self._update_comments_title()
        self.filter_edit.setPlaceholderText(self.tr("Filter headlines  ( / )"))
        self.filter_edit.setToolTip(
            self.tr("Show only articles whose headline or summary has these words")
        )
        self.info_bar.set_close_tooltip(self.tr("Close"))
        self.refresh_status.retranslate()
        self.sidebar_model.retranslate()
        self.article_model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)
        self.article_model.refresh_times()
        self._update_view_title()
        self._update_view_counts()

    def _update_comments_title(self) -> None:
        title = self.tr("Comments")
        if self._comment_count:
            title = f"{title} ({self._comment_count})"
        self.comments_dock.setWindowTitle(title)
        self.comments_action.setText(self.tr("&Comments Panel"))

    # == views ================================================================================

    def action(self, action_id: ActionId) -> QAction:
        """The window's action ``action_id`` (menus, shortcuts and tests share it)."""
        return self.action_registry[action_id]

    def current_view_key(self) -> str | None:
        return self._current_key

    def select_view(self, key: str) -> bool:
        """Show the sidebar view ``key`` (``smart:all``, ``feed:3``, ``topic:Sport`` ...)."""
        return self._select_view(key)

    def _select_view(self, key: str) -> bool:
        index = self.sidebar_model.index_for_key(key)
        if not index.isValid():
            return self._show_pending_view(key)
        self._pending_view = None
        self.sidebar_view.setCurrentIndex(index)
        self.sidebar_view.scrollTo(index)
        if self._current_key != key:  # setCurrentIndex on the current index emits nothing
            self._on_sidebar_current(index, QModelIndex())
        return True

    def _show_pending_view(self, key: str) -> bool:
        """Before the first count: show a view the sidebar has no node for yet.

        Its list is read at once from the key; the sidebar selects the node when the
        count brings it (and shows "All articles" if the view is gone by then).
        """
        if self.sidebar_model.is_counted():
            return False
        query = query_for_key(key)
        if query is None:
            return False
        self._pending_view = key
        self.sidebar_view.setCurrentIndex(QModelIndex())
        if self._current_key != key:
            self._current_key = key
            self._show_query(self._pending_entry(key, query))
            self._update_view_title()
            self.viewChanged.emit(key)
        return True

    @staticmethod
    def _pending_entry(key: str, query: ArticleQuery) -> SidebarEntry:
        return SidebarEntry(key, NodeKind.SMART, query=query, counted=False)

    def _on_sidebar_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        entry = self.sidebar_model.entry_at(current)
        if entry is None or entry.query is None:
            return
        if entry.key == self._current_key:
            # the node of a view already on show (restored before the count): keep the list
            self._update_view_title()
            self._update_view_counts()
            return
        self._pending_view = None
        self._current_key = entry.key
        self._show_query(entry)
        self._update_view_title()
        self.viewChanged.emit(entry.key)

    def _view_query(self, entry: SidebarEntry) -> ArticleQuery:
        assert entry.query is not None
        order = "date" if entry.key == SMART_LIVE else self.article_model.query().order
        text = self.filter_edit.text().strip() or None
        return replace(entry.query, order=order, text=text)

    def _view_horizon(self, entry: SidebarEntry) -> timedelta | None:
        """Live shows the last day (or the newest page); other views everything."""
        return LIVE_HORIZON if entry.key == SMART_LIVE else None

    def _show_query(self, entry: SidebarEntry) -> None:
        self._read_timer.stop()
        self.article_model.set_query(self._view_query(entry), horizon=self._view_horizon(entry))
        self._sync_sort_ui()
        self._current_article = None
        self.reading_pane_clear()
        self._set_comments_article(None)
        self._update_article_actions()

    def _apply_filter(self) -> None:
        entry = self._current_entry()
        if entry is None:
            return
        keep = self._current_article
        self.article_model.set_query(self._view_query(entry), horizon=self._view_horizon(entry))
        if keep is not None:
            self.select_article(keep, show=False)

    def _current_entry(self) -> SidebarEntry | None:
        if self._current_key is None:
            return None
        entry = self.sidebar_model.entry_at(self.sidebar_model.index_for_key(self._current_key))
        if entry is None and self._pending_view == self._current_key:
            query = query_for_key(self._current_key)
            if query is not None:
                return self._pending_entry(self._current_key, query)
        return entry

    def _update_view_title(self) -> None:
        entry = self._current_entry()
        if entry is None:
            self.view_title.setText("")
            return
        index = self.sidebar_model.index_for_key(entry.key)
        if index.isValid():
            self.view_title.setText(str(index.data() or ""))
        else:  # a restored view whose node is not there yet: a topic or folder is its name
            kind, _, name = entry.key.partition(":")
            self.view_title.setText(name if kind in ("topic", "folder") else "")

    def _update_view_counts(self) -> None:
        entry = self._current_entry()
        self.view_error.setVisible(bool(entry is not None and entry.error))
        if entry is not None and entry.error:
            self.view_error.setToolTip(self.tr("Last update failed: %1").replace("%1", entry.error))
        if entry is None:
            self.view_counts.setText("")
            return
        model = self.article_model
        query = model.query()
        if query.text:
            more = "+" if model.has_more() else ""
            self.view_counts.setText(self.tr("%n matches", "", model.rowCount()) + more)
            return
        if entry.key == SMART_LIVE:  # the list is the view: count what it holds
            self.view_counts.setText(self.tr("%n articles", "", model.rowCount()))
            return
        if not entry.counted:
            self.view_counts.setText("")
            return
        text = self.tr("%n articles", "", entry.total)
        if entry.unread and entry.key != SMART_STARRED:
            text += " · " + self.tr("%n unread", "", entry.unread)
        self.view_counts.setText(text)

    def _list_runs_out(self) -> bool:
        """The list's fetch gate: are the loaded rows about to run out on screen?

        Views ask for more rows whenever their layout is redone (on show, after a
        merge); reading a page each time would grow the list and slow every later
        merge.  Rows are read while the last loaded one is within two screens of the
        top row shown.
        """
        view = self.article_view
        rows = self.article_model.rowCount()
        if rows == 0:
            return True
        row_height = max(1, view.sizeHintForRow(0))
        screen = view.viewport().height() // row_height + 1
        bar = view.verticalScrollBar()
        if view.verticalScrollMode() == QAbstractItemView.ScrollMode.ScrollPerItem:
            top = bar.value()
        else:
            top = bar.value() // row_height
        return top + 2 * screen >= rows

    def set_order(self, order: str) -> None:
        """Sort the list by ``date`` (newest first) or ``source``."""
        if self._current_key == SMART_LIVE:
            order = "date"
        query = self.article_model.query()
        if query.order != order:
            keep = self._current_article
            self.article_model.set_query(
                replace(query, order=order), horizon=self.article_model.horizon()
            )
            if keep is not None:
                self.select_article(keep, show=False)
        self._sync_sort_ui()

    def _on_sort_indicator(self, column: int, _order: Qt.SortOrder) -> None:
        if column == Column.SOURCE:
            self.set_order("source")
        elif column == Column.TIME:
            self.set_order("date")
        else:
            self._sync_sort_ui()

    def _sync_sort_ui(self) -> None:
        order = self.article_model.query().order
        header = self.article_view.header()
        column = Column.SOURCE if order == "source" else Column.TIME
        wanted = Qt.SortOrder.AscendingOrder if order == "source" else Qt.SortOrder.DescendingOrder
        if header.sortIndicatorSection() != column or header.sortIndicatorOrder() != wanted:
            header.blockSignals(True)
            header.setSortIndicator(column, wanted)
            header.blockSignals(False)
            header.viewport().update()
        self.action_registry[ActionId.SORT_BY_SOURCE].setChecked(order == "source")
        self.action_registry[ActionId.SORT_BY_DATE].setChecked(order != "source")

    # == articles ================================================================================

    def current_article_id(self) -> int | None:
        return self._current_article

    def current_summary(self) -> ArticleSummary | None:
        index = self.article_view.currentIndex()
        return self.article_model.article_at(index.row()) if index.isValid() else None

    def select_article(self, article_id: int, *, show: bool = True, pages: int = 3) -> bool:
        """Make ``article_id`` current in the list, reading up to ``pages`` more pages."""
        for _ in range(pages + 1):
            row = self.article_model.row_of(article_id)
            if row is not None:
                self._set_current_row(row, show=show)
                return True
            if not self.article_model.load_more():
                break
        return False

    def select_first_article(self) -> bool:
        if self.article_model.rowCount() == 0:
            return False
        self._set_current_row(0)
        return True

    def show_article_anywhere(self, article_id: int) -> None:
        """Show an article (a related headline), in this view if it is there."""
        if not self.select_article(article_id, pages=1):
            self._current_article = article_id
            self.reading_pane_show(article_id)
            self._set_comments_article(article_id)

    def _set_current_row(self, row: int, *, show: bool = True) -> None:
        index = self.article_model.index(row, Column.TITLE)
        selection = self.article_view.selectionModel()
        if not show:
            selection.blockSignals(True)
        selection.setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        if not show:
            selection.blockSignals(False)
            self.article_view.viewport().update()
        self.article_view.scrollTo(index)

    def _on_article_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        summary = self.article_model.article_at(current.row()) if current.isValid() else None
        self._read_timer.stop()
        if summary is None:
            return
        if summary.id == self._current_article:
            return
        self._current_article = summary.id
        self.reading_pane_show(summary.id)
        self._set_comments_article(summary.id)
        self._update_article_actions()
        if not summary.read:
            delay = max(0, self.settings.mark_read_delay_ms)
            self._read_timer.start(delay)
        self.articleSelected.emit(summary.id)

    def _mark_current_read(self) -> None:
        summary = self.current_summary()
        if summary is not None and not summary.read and summary.id == self._current_article:
            self.apply_read([summary.id], True)

    def move_article(self, step: int) -> None:
        """Select the next (``step=1``) or previous (``-1``) article."""
        model = self.article_model
        current = self.article_view.currentIndex()
        row = current.row() + step if current.isValid() else (0 if step > 0 else -1)
        if row >= model.rowCount():
            model.load_more()
        if 0 <= row < model.rowCount():
            self._set_current_row(row)

    def scroll_or_next_unread(self) -> None:
        """Space: page through the article, then go to the next unread one."""
        pane: Any = self.reading_pane
        if self._current_article is not None and pane.scroll_page_down():
            return
        self.next_unread()

    def next_unread(self) -> bool:
        model = self.article_model
        current = self.article_view.currentIndex()
        row = current.row() + 1 if current.isValid() else 0
        pages = 0
        while True:
            while row < model.rowCount():
                summary = model.article_at(row)
                if summary is not None and not summary.read:
                    self._set_current_row(row)
                    return True
                row += 1
            if pages >= _MAX_SEARCH_PAGES or not model.load_more():
                break
            pages += 1
        self.statusBar().showMessage(self.tr("No more unread articles in this view"), 4000)
        return False

    # -- marks (undoable) ----------------------------------------------------------------

    def toggle_read(self) -> None:
        summary = self.current_summary()
        if summary is None:
            return
        self._read_timer.stop()
        read = not summary.read
        text = self.tr("Mark as Read") if read else self.tr("Mark as Unread")
        self.undo_stack.push(SetReadCommand(self, [summary.id], read, text))

    def toggle_star(self) -> None:
        summary = self.current_summary()
        if summary is not None:
            self._star(summary)

    def _on_star_clicked(self, row: int) -> None:
        summary = self.article_model.article_at(row)
        if summary is not None:
            self._star(summary)

    def _star(self, summary: ArticleSummary) -> None:
        starred = not summary.starred
        text = self.tr("Star") if starred else self.tr("Unstar")
        self.undo_stack.push(SetStarredCommand(self, [summary.id], starred, text))

    def mark_all_read(self) -> None:
        """Mark every unread article of the view read (in the background), undoably."""
        query = replace(self.article_model.query(), order="date")
        generation = self.article_model.generation
        if self._current_key == SMART_LIVE:  # only what the Live list shows
            ids = [
                summary.id
                for row in range(self.article_model.rowCount())
                if (summary := self.article_model.article_at(row)) is not None and not summary.read
            ]
            if ids:
                self.undo_stack.push(SetReadCommand(self, ids, True, self.tr("Mark All as Read")))
            self.statusBar().showMessage(self.tr("%n articles marked as read", "", len(ids)), 4000)
            return

        def done(ids: list[int]) -> None:
            if ids:
                self.undo_stack.push(
                    SetReadCommand(self, ids, True, self.tr("Mark All as Read"), done=True)
                )
                if generation == self.article_model.generation:
                    self.article_model.set_state(ids, read=True)
                self.schedule_counts()
            self.statusBar().showMessage(self.tr("%n articles marked as read", "", len(ids)), 4000)

        self.tasks.run_serial(lambda: self.reader.mark_all_read(query), done, self._task_failed)

    def apply_read(self, article_ids: Sequence[int], read: bool) -> None:
        """Show read marks at once and write them in the background, in order.

        Used by undo commands and the read timer.
        """
        ids = list(article_ids)
        self.article_model.set_state(ids, read=read)
        self._update_article_actions()
        reader = self.reader
        self.tasks.run_serial(
            lambda: reader.mark_read(ids, read),
            lambda _result: self.schedule_counts(),
            self._task_failed,
        )

    def apply_starred(self, article_ids: Sequence[int], starred: bool) -> None:
        """Show star marks at once and write them in the background, in order."""
        ids = list(article_ids)
        self.article_model.set_state(ids, starred=starred)
        self._update_article_actions()
        reader = self.reader
        self.tasks.run_serial(
            lambda: reader.mark_starred(ids, starred),
            lambda _result: self.schedule_counts(),
            self._task_failed,
        )

    def _update_article_actions(self) -> None:
        summary = self.current_summary()
        has = summary is not None
        for action_id in (ActionId.TOGGLE_READ, ActionId.TOGGLE_STAR, ActionId.COPY_LINK):
            self.action_registry[action_id].setEnabled(has)
        self.action_registry[ActionId.OPEN_IN_BROWSER].setEnabled(
            has and openable_url(summary.link if summary else None) is not None
        )

    # -- the pane -----------------------------------------------------------------------------

    def reading_pane_show(self, article_id: int) -> None:
        """Show the article and note that it was opened (comments are prefetched for it)."""
        self.reading_pane.show_article(article_id)
        reader = self.reader
        self.tasks.run_serial(
            lambda: reader.mark_opened(article_id),
            None,
            # the mark is a nicety: a failure is no news for the user
            lambda error: log.debug("could not record opening %s: %s", article_id, error),
        )

    def reading_pane_clear(self) -> None:
        self.reading_pane.clear()

    def reading_pane_set_zoom(self, level: int) -> None:
        self.reading_pane.set_zoom(level)

    def _zoom(self, method: str) -> None:
        getattr(self.reading_pane, method)()

    def _set_comments_article(self, article_id: int | None) -> None:
        self.comments_panel.set_article(article_id)

    def _on_comment_count(self, count: int) -> None:
        self._comment_count = count
        self._update_comments_title()

    def open_in_browser(self) -> None:
        """Open the current article's link with the system (web and mail links only)."""
        summary = self.current_summary()
        url = openable_url(summary.link if summary else None)
        if url is not None:
            QDesktopServices.openUrl(url)

    def copy_link(self) -> None:
        summary = self.current_summary()
        if summary is not None and summary.link:
            QGuiApplication.clipboard().setText(summary.link)

    def focus_filter(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def eventFilter(self, watched: Any, event: QEvent) -> bool:
        """Escape, Down and Enter in the filter box go (back) to the list."""
        if (
            watched is self.filter_edit
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in _LEAVE_FILTER_KEYS
        ):
            if event.key() == Qt.Key.Key_Escape:
                self.filter_edit.clear()
            self._filter_timer.stop()
            self._apply_filter()
            self.article_view.setFocus()
            if not self.article_view.currentIndex().isValid():
                self.select_first_article()
            return True
        return super().eventFilter(watched, event)

    # == counts and new articles ==================================================================

    def schedule_counts(self) -> None:
        """Re-read the sidebar's counts shortly; what happens meanwhile is read once.

        The wait is not restarted by later events, so a long burst (a refresh storing
        feed after feed) still updates the counts regularly.
        """
        if not self._counts_timer.isActive():
            refreshing = self.refresh_service.is_running
            delay = _COUNTS_DELAY_REFRESHING_MS if refreshing else _COUNTS_DELAY_MS
            self._counts_timer.start(delay)

    def update_counts(self, then: Callable[[], None] | None = None) -> None:
        """Re-read the sidebar in the background and merge it (keeps selection and expansion).

        One re-read runs at a time; asked again meanwhile, one more follows it.
        ``then`` runs here once a snapshot read after this call was merged.
        """
        if then is not None:
            self._counts_waiting.append(then)
        if self._counts_running:
            self._counts_again = True
            return
        self._counts_running = True
        callbacks, self._counts_waiting = self._counts_waiting, []
        reader = self.reader

        def finish() -> None:
            self._counts_running = False
            for callback in callbacks:
                callback()
            if self._counts_again:
                self._counts_again = False
                self.update_counts()

        def apply(snapshot: tuple[SidebarEntry, ...]) -> None:
            had = set(self.sidebar_model.all_keys())
            self.sidebar_model.apply_snapshot(snapshot)
            self._expand_new(had)
            self._update_view_title()
            self._update_view_counts()
            self.countsUpdated.emit()
            finish()

        def failed(error: BaseException) -> None:
            self._task_failed(error)
            finish()

        self.tasks.run_task(lambda: build_snapshot(reader), apply, failed)

    def _on_first_counts(self) -> None:
        """The sidebar has all its nodes now: finish restoring the last session."""
        for key in self._pending_collapsed:
            index = self.sidebar_model.index_for_key(key)
            if index.isValid():
                self.sidebar_view.collapse(index)
        self._pending_collapsed = []
        pending, self._pending_view = self._pending_view, None
        if pending is not None and pending == self._current_key and not self._select_view(pending):
            self._select_view(SMART_ALL)  # the view went away meanwhile
        self.sidebarLoaded.emit(self.sidebar_model.has_subscriptions())

    def _expand_new(self, had: set[str]) -> None:
        model = self.sidebar_model
        for key in model.all_keys():
            if key in had:
                continue
            index = model.index_for_key(key)
            entry = model.entry_at(index)
            if entry is not None and entry.kind in (NodeKind.SECTION, NodeKind.FOLDER):
                self.sidebar_view.expand(index)

    def schedule_merge(self) -> None:
        """Merge new rows into the list shortly (not restarted by later events)."""
        if not self._merge_timer.isActive():
            refreshing = self.refresh_service.is_running
            self._merge_timer.start(_MERGE_DELAY_REFRESHING_MS if refreshing else _MERGE_DELAY_MS)

    def merge_new_articles(self) -> None:
        """Re-read the head of the list in the background and merge new rows in.

        One re-read runs at a time; asked again meanwhile, one more follows it.
        """
        if self._merge_running:
            self._merge_again = True
            return
        self._merge_running = True
        query, limit, generation = self.article_model.head_request()
        reader = self.reader

        def finish() -> None:
            self._merge_running = False
            if self._merge_again:
                self._merge_again = False
                self.merge_new_articles()

        def apply(rows: list[ArticleSummary]) -> None:
            self._apply_merge(rows, generation, limit)
            finish()

        def failed(error: BaseException) -> None:
            self._task_failed(error)
            finish()

        self.tasks.run_task(lambda: reader.list_articles(query, limit=limit), apply, failed)

    def _apply_merge(self, rows: list[ArticleSummary], generation: int, limit: int) -> None:
        view = self.article_view
        bar = view.verticalScrollBar()
        at_top = bar.value() == bar.minimum()
        anchor_index = view.indexAt(QPoint(4, 4))
        anchor = (
            self.article_model.article_at(anchor_index.row()) if anchor_index.isValid() else None
        )
        if not self.article_model.merge(rows, generation, limit):
            return
        if at_top:  # the user is watching the newest: show what came in
            bar.setValue(bar.minimum())
        elif anchor is not None:
            row = self.article_model.row_of(anchor.id)
            if row is not None:
                view.scrollTo(
                    self.article_model.index(row, Column.TITLE),
                    QAbstractItemView.ScrollHint.PositionAtTop,
                )
        self._update_view_counts()
        self.listMerged.emit()

    def _on_clock(self) -> None:
        """Every minute: relative times age, and so do the Live view's rows."""
        self.article_model.refresh_times()
        if self.article_model.expire():
            self._update_view_counts()

    def _on_icons_stored(self) -> None:
        self.sidebar_model.icons_changed()
        self.sidebar_view.viewport().update()  # icons are looked up as rows are painted
        self.iconsUpdated.emit()

    def cache_icons(self, feed_ids: Sequence[int] | None = None) -> None:
        """Store the icons of ``feed_ids`` (default: every feed) in the background."""
        reader = self.reader
        paths = reader.paths
        if paths is None:
            return

        def work() -> int:
            ids = list(feed_ids) if feed_ids is not None else [f.id for f in reader.list_feeds()]
            return cache_feed_icons(reader.db, reader.transport, icons_dir(paths.cache), ids)

        self.tasks.run_task(
            work,
            lambda stored: self._on_icons_stored() if stored else None,
            lambda error: log.warning("storing feed icons failed: %s", error),
        )

    # == refresh ==================================================================================

    def refresh(self) -> None:
        """Fetch the due feeds now (F5, r, the toolbar)."""
        if not self.refresh_service.refresh(all_feeds=True):
            self.statusBar().showMessage(self.tr("A refresh is already running"), 3000)

    def _on_refresh_running(self, running: bool) -> None:
        self.action_registry[ActionId.CANCEL_REFRESH].setEnabled(running)
        self.action_registry[ActionId.REFRESH].setEnabled(not running)

    def _on_refresh_progress(self, result: FeedResult, done: int, total: int) -> None:
        self.refresh_status.progress(result, done, total)
        if result.new or result.updated or result.error:
            self.schedule_counts()
        if result.new:
            self.schedule_merge()

    def _on_refresh_finished(self, summary: RefreshSummary) -> None:
        self.refresh_status.finished(summary)
        self._counts_timer.stop()
        self.update_counts()
        if summary.new or summary.updated:
            self._merge_timer.stop()
            self.merge_new_articles()
        self._notify(summary)

    def _on_refresh_failed(self, message: str) -> None:
        self.refresh_status.failed(message)

    def _notify(self, summary: RefreshSummary) -> None:
        if not self.settings.notifications or summary.new <= 0:
            return
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return
        pinned = self.sidebar_model.pinned_feed_ids()
        pinned_new = sum(r.new for r in summary.feeds if r.feed_id in pinned)
        if self._tray is None:
            self._tray = QSystemTrayIcon(app_icon(), self)
            self._tray.activated.connect(self._show_from_tray)
            self._tray.messageClicked.connect(lambda: self._select_view(SMART_LIVE))
        self._tray.show()
        body = self.tr("%n new articles", "", summary.new)
        if pinned_new:
            body += "\n" + self.tr("%n in important sections", "", pinned_new)
        self._tray.showMessage(self.tr("Newsreader"), body, app_icon(), 8000)

    def _show_from_tray(self, _reason: QSystemTrayIcon.ActivationReason) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()

    # == subscriptions ===========================================================================

    def load_demo(self) -> None:
        """Load the bundled demo feeds and their icons in the background (first start)."""
        self.refresh_status.show_text(self.tr("Loading the demo articles…"))
        reader = self.reader
        paths = reader.paths

        def work() -> int:
            reader.load_demo()
            if paths is None:
                return 0
            ids = [f.id for f in reader.list_feeds()]
            return cache_feed_icons(reader.db, reader.transport, icons_dir(paths.cache), ids)

        def done(icons: int) -> None:
            self.refresh_status.show_text(self.tr("Demo loaded"))
            if icons:
                self._on_icons_stored()
            self._after_subscriptions_changed(then=lambda: self.demoLoaded.emit(True))

        def failed(error: BaseException) -> None:
            log.warning("loading the demo failed: %s", error)
            self.refresh_status.show_text(self.tr("The demo could not be loaded"))
            self.demoLoaded.emit(False)

        self.tasks.run_task(work, done, failed)

    def offer_suggested_subscriptions(self) -> None:
        """A non-modal offer of the suggested subscriptions (first start)."""
        self.info_bar.show_message(
            self.tr(
                "Welcome! You are reading demo articles. Subscribe to a set of suggested "
                "news sources, or add your own."
            ),
            [self.action_registry[ActionId.ADD_SUGGESTED], self.action_registry[ActionId.ADD_FEED]],
        )

    def add_suggested_subscriptions(self) -> None:
        reader = self.reader

        def done(added: int) -> None:
            self.statusBar().showMessage(self.tr("%n subscriptions added", "", added), 5000)
            self.info_bar.hide()
            self._after_subscriptions_changed()
            if added and self._auto_refresh:
                self.refresh_service.refresh()

        self.tasks.run_task(
            lambda: reader.import_opml(reader.default_subscriptions_opml()), done, self._task_failed
        )

    def add_feed(self) -> None:
        folders = [f.name for f in self.reader.list_folders()]
        dialog = AddFeedDialog(self.reader, self.tasks, folders, self)
        if dialog.exec() == AddFeedDialog.DialogCode.Accepted and dialog.feed is not None:
            self.info_bar.hide()
            self.cache_icons([dialog.feed.id])
            self._after_subscriptions_changed(select=f"feed:{dialog.feed.id}")

    def import_opml(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import Subscriptions"),
            "",
            self.tr("OPML files (*.opml *.xml);;All files (*)"),
        )
        if not path:
            return
        reader = self.reader

        def done(added: int) -> None:
            self.statusBar().showMessage(self.tr("%n subscriptions added", "", added), 5000)
            self._after_subscriptions_changed()
            if added and self._auto_refresh:
                self.refresh_service.refresh()

        self.tasks.run_task(
            lambda: reader.import_opml(Path(path).read_bytes()), done, self._task_failed
        )

    def export_opml(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export Subscriptions"),
            "newsreader-subscriptions.opml",
            self.tr("OPML files (*.opml)"),
        )
        if not path:
            return
        reader = self.reader

        def write() -> int:
            Path(path).write_bytes(reader.export_opml())
            return len(reader.list_feeds())

        self.tasks.run_task(
            write,
            lambda count: self.statusBar().showMessage(
                self.tr("%n subscriptions exported", "", count), 5000
            ),
            self._task_failed,
        )

    def _after_subscriptions_changed(
        self, select: str | None = None, then: Callable[[], None] | None = None
    ) -> None:
        """Re-read the sidebar (in the background), then show ``select`` or re-read the list."""

        def show() -> None:
            if select is None or not self._select_view(select):
                entry = self._current_entry()
                if entry is not None and entry.query is not None:
                    self._show_query(entry)
                else:
                    self._current_key = None
                    self._select_view(SMART_ALL)
            if then is not None:
                then()

        self.update_counts(then=show)

    def toggle_pin(self) -> None:
        entry = self.sidebar_model.entry_at(self.sidebar_view.currentIndex())
        if entry is None or entry.feed is None:
            return
        reader = self.reader
        feed_id, pinned = entry.feed.id, not entry.feed.pinned
        self.tasks.run_serial(
            lambda: reader.set_feed_pinned(feed_id, pinned),
            lambda _result: self.update_counts(),
            self._task_failed,
        )

    def remove_feed(self) -> None:
        entry = self.sidebar_model.entry_at(self.sidebar_view.currentIndex())
        if entry is None or entry.feed is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Unsubscribe"),
            self.tr("Unsubscribe from “%1” and delete its articles?").replace(
                "%1", entry.feed.display_title
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        reader = self.reader
        feed_id = entry.feed.id
        self._current_key = None
        self.article_model.set_query(ArticleQuery(feed_ids=()))  # nothing, until re-read
        self.reading_pane_clear()
        self._set_comments_article(None)
        self.tasks.run_serial(
            lambda: reader.remove_feed(feed_id),
            lambda _result: self._after_subscriptions_changed(),
            self._task_failed,
        )

    def _sidebar_menu(self, position: QPoint) -> None:
        index = self.sidebar_view.indexAt(position)
        entry = self.sidebar_model.entry_at(index)
        if entry is None or entry.query is None:
            return
        self.sidebar_view.setCurrentIndex(index)
        menu = QMenu(self)
        menu.addAction(self.action_registry[ActionId.MARK_ALL_READ])
        if entry.feed is not None:
            pin = self.action_registry[ActionId.TOGGLE_PIN]
            pin.setChecked(entry.feed.pinned)
            menu.addSeparator()
            menu.addAction(pin)
            refresh_one = menu.addAction(icon(Icon.REFRESH), self.tr("Refresh This Feed"))
            feed_id = entry.feed.id
            refresh_one.triggered.connect(lambda: self.refresh_service.refresh(feed_ids=[feed_id]))
            site = openable_url(entry.feed.site_url)
            if site is not None:
                open_site = menu.addAction(icon(Icon.OPEN_EXTERNAL), self.tr("Open Web Site"))
                open_site.triggered.connect(lambda: QDesktopServices.openUrl(site))
            menu.addSeparator()
            menu.addAction(self.action_registry[ActionId.REMOVE_FEED])
        menu.exec(self.sidebar_view.viewport().mapToGlobal(position))

    def _article_menu(self, position: QPoint) -> None:
        index = self.article_view.indexAt(position)
        if not index.isValid():
            return
        menu = QMenu(self)
        for action_id in (
            ActionId.TOGGLE_READ,
            ActionId.TOGGLE_STAR,
            None,
            ActionId.OPEN_IN_BROWSER,
            ActionId.COPY_LINK,
        ):
            self._add_to(menu, action_id)
        menu.exec(self.article_view.viewport().mapToGlobal(position))

    # == preferences ============================================================================

    def show_preferences(self) -> None:
        data_folder = self.reader.paths.data if self.reader.paths is not None else None
        dialog = PreferencesDialog(self.settings, data_folder, self)
        if dialog.exec() == PreferencesDialog.DialogCode.Accepted:
            self.apply_settings(dialog.settings())

    def apply_settings(self, settings: Settings) -> None:
        """Save ``settings`` and put them into effect at once."""
        old = self.settings
        self.settings = settings
        self.reader.save_settings(settings)
        if settings.refresh_minutes != old.refresh_minutes and self._auto_refresh:
            self.refresh_service.set_interval(settings.refresh_minutes)
        if settings.font_size != old.font_size:
            apply_font_size(settings.font_size)
        if settings.language != old.language and self.translations is not None:
            from newsreader.ui.i18n import choose_language

            self.translations.apply(choose_language(None, settings.language))

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Newsreader"),
            self.tr(
                "Newsreader %1\n\nAn Arabic-first news reader: many sources, offline, "
                "right to left, no ads or scripts."
            ).replace("%1", __version__),
        )

    # == layout persistence ======================================================================

    def _state(self) -> QSettings | None:
        if self._state_file is None:
            return None
        return QSettings(str(self._state_file), QSettings.Format.IniFormat)

    def save_layout(self) -> None:
        """Remember geometry, splitters, docks, columns and what was selected."""
        state = self._state()
        if state is None:
            return
        state.setValue("version", _WINDOW_STATE_VERSION)
        state.setValue("window/geometry", self.saveGeometry())
        state.setValue("window/state", self.saveState(_WINDOW_STATE_VERSION))
        state.setValue("splitters/main", self.main_splitter.saveState())
        state.setValue("splitters/content", self.content_splitter.saveState())
        state.setValue("list/header", self.article_view.header().saveState())
        state.setValue("list/order", self.article_model.query().order)
        state.setValue("selection/view", self._current_key or "")
        state.setValue("selection/article", self._current_article or 0)
        state.setValue("sidebar/collapsed", self._collapsed_keys())
        state.sync()

    def restore_layout(self, *, selection: bool = True) -> None:
        """Put back what :meth:`save_layout` remembered (call before showing)."""
        state = self._state()
        if state is None or state.value("version") is None:
            return

        def blob(key: str) -> QByteArray | None:
            value = state.value(key)
            return value if isinstance(value, QByteArray) and not value.isEmpty() else None

        if (geometry := blob("window/geometry")) is not None:
            self.restoreGeometry(geometry)
        if (window_state := blob("window/state")) is not None:
            self.restoreState(window_state, _WINDOW_STATE_VERSION)
        if (main := blob("splitters/main")) is not None:
            self.main_splitter.restoreState(main)
        if (content := blob("splitters/content")) is not None:
            self.content_splitter.restoreState(content)
        if (header := blob("list/header")) is not None:
            self.article_view.header().restoreState(header)
        collapsed = state.value("sidebar/collapsed") or []
        if isinstance(collapsed, str):
            collapsed = [collapsed]
        if self.sidebar_model.is_counted():
            for key in collapsed:
                index = self.sidebar_model.index_for_key(str(key))
                if index.isValid():
                    self.sidebar_view.collapse(index)
        else:  # the folders are not there yet: collapse them when they come
            self._pending_collapsed = [str(key) for key in collapsed]
        order = str(state.value("list/order") or "date")
        model = self.article_model
        if order in ("date", "source") and order != model.query().order:
            model.set_query(replace(model.query(), order=order), horizon=model.horizon())
        if selection:
            view = str(state.value("selection/view") or "")
            if view:
                self._current_key = None
                self._select_view(view)
            elif order != "date":
                self._sync_sort_ui()
            try:
                article = int(state.value("selection/article") or 0)
            except (TypeError, ValueError):
                article = 0
            if article:
                self.select_article(article)
        self._sync_sort_ui()

    def _collapsed_keys(self) -> list[str]:
        model = self.sidebar_model
        keys = list(self._pending_collapsed)
        for key in model.all_keys():
            index = model.index_for_key(key)
            if model.hasChildren(index) and not self.sidebar_view.isExpanded(index):
                keys.append(key)
        return keys

    # == shutting down ============================================================================

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        pane: Any = self.reading_pane
        if hasattr(pane, "zoom_level"):
            zoom = int(pane.zoom_level())
            if zoom != self.settings.zoom:
                self.settings = self.settings.with_changes(zoom=zoom)
                self.reader.save_settings(self.settings)
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Stop timers and the refresh thread (idempotent)."""
        for timer in (
            self._read_timer,
            self._counts_timer,
            self._merge_timer,
            self._filter_timer,
            self._clock,
        ):
            timer.stop()
        self.refresh_service.shutdown()
        if self._tray is not None:
            self._tray.hide()

    def _task_failed(self, error: BaseException) -> None:
        log.warning("background task failed: %s", error, exc_info=error)
        self.statusBar().showMessage(
            self.tr("Something went wrong: %1").replace("%1", str(error) or type(error).__name__),
            8000,
        )


_system_font: QFont | None = None


def apply_font_size(points: int) -> None:
    """Set the interface font size (0 goes back to the system's)."""
    global _system_font
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    if _system_font is None:
        _system_font = QFont(QGuiApplication.font())
    font = QFont(_system_font)
    if points > 0:
        font.setPointSize(points)
    app.setFont(font)


__all__ = ["MainWindow", "apply_font_size", "openable_url"]
