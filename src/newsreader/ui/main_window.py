"""The main window: sidebar of views, the article list over the reading pane, comments dock.

The window reads through the :class:`~newsreader.reader.Reader` on its own thread
only with bounded queries (a page of rows, one article); anything that grows with
the cache (the sidebar's counts) or waits on the network runs elsewhere: refreshes
through the :class:`~newsreader.ui.refresh_service.RefreshService` (in a process of their
own), and the demo, adding feeds, OPML, re-reading the list's head and counting
through a :class:`~newsreader.ui.tasks.TaskRunner`, whose results come back by
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

This module builds the widgets, menus and toolbar, and the parts that do the
work.  Each part is handed only the models, views and services it works on,
never the window, and none knows another: they say what happened by signal, and
:meth:`MainWindow._connect_parts` is the one place that connects them.

* :class:`~newsreader.ui.view_selection.ViewSelection` (``views``): the view on
  show, the filter box, the sort order, the title row;
* :class:`~newsreader.ui.article_navigation.ArticleNavigation` (``navigation``):
  the current article, moving between articles, the reading pane;
* :class:`~newsreader.ui.article_actions.ArticleActions` (``article_actions``):
  read and star marks (undoable), links, the list's context menu;
* :class:`~newsreader.ui.sidebar_updates.SidebarUpdates` (``sidebar_updates``):
  the sidebar's counts and feed icons;
* :class:`~newsreader.ui.list_updates.ListUpdates` (``list_updates``): reading
  more rows, merging new ones, ageing the list;
* :class:`~newsreader.ui.refresh_commands.RefreshCommands` (``refresh_commands``):
  the refresh commands, what a refresh changed, the tray notification;
* :class:`~newsreader.ui.subscription_actions.SubscriptionActions`
  (``subscriptions``): adding, removing and pinning feeds, OPML, the demo, the
  sidebar's context menu;
* :class:`~newsreader.ui.topic_actions.TopicActions` (``topic_actions``): the
  sidebar's topic commands (rename, merge, hide), added to its context menu;
* :class:`~newsreader.ui.story_actions.StoryActions` (``story_actions``): the
  user's corrections to stories (not part of this story, merge, split);
* :class:`~newsreader.ui.settings_controller.SettingsController` (``preferences``):
  the Preferences dialog and applying settings;
* :class:`~newsreader.ui.window_layout.WindowLayout` (``window_layout``): the
  layout and selection kept between sessions;
* :class:`~newsreader.ui.shared_cache_watch.SharedCacheWatch` (``cache_watch``): on
  a shared cache, the articles other processes store (they end as a refresh does)
  and the server going away (the info bar, held marks); the status bar's
  :class:`~newsreader.ui.cache_label.CacheLabel` names the cache;
* :class:`~newsreader.ui.search_index_label.SearchIndexLabel` (``search_index_label``):
  a search index rebuilt after an upgrade, fed a batch at a time and counted in the
  status bar.

Their texts are translated in the ``MainWindow`` context, like the window's own.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QSplitter,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from newsreader import __version__
from newsreader.core.settings import Settings
from newsreader.core.types import ArticleSummary
from newsreader.reader import Reader
from newsreader.ui import layout_check
from newsreader.ui.action_registry import ActionId, ActionRegistry
from newsreader.ui.article_actions import ArticleActions
from newsreader.ui.article_navigation import ArticleNavigation
from newsreader.ui.cache_label import CacheLabel
from newsreader.ui.comments_dock import CommentsDock
from newsreader.ui.comments_panel import CommentsPanel
from newsreader.ui.delegates import ArticleDelegate, SidebarDelegate
from newsreader.ui.error_text import readable_error
from newsreader.ui.frame_throttle import FrameQueue
from newsreader.ui.i18n import Translations
from newsreader.ui.icons import Icon, app_icon, icon
from newsreader.ui.info_bar import InfoBar
from newsreader.ui.list_columns import ListColumns
from newsreader.ui.list_updates import ListUpdates
from newsreader.ui.models.article_list import ArticleListModel, Column
from newsreader.ui.models.sidebar import SMART_ALL, SMART_LIVE, SidebarModel, skeleton_snapshot
from newsreader.ui.reading_pane import ReadingPane
from newsreader.ui.refresh_commands import RefreshCommands
from newsreader.ui.refresh_service import RefreshService
from newsreader.ui.refresh_status import RefreshStatus
from newsreader.ui.search_field import SearchEdit, SearchField
from newsreader.ui.search_index_label import SearchIndexLabel
from newsreader.ui.settings_controller import SettingsController, apply_font_size
from newsreader.ui.shared_cache_watch import SharedCacheWatch
from newsreader.ui.sidebar_updates import SidebarUpdates
from newsreader.ui.story_actions import StoryActions
from newsreader.ui.subscription_actions import SubscriptionActions, dropped_feed_url
from newsreader.ui.tasks import TaskRunner
from newsreader.ui.title_row import TitleRow
from newsreader.ui.toolbar_fit import ToolbarFit
from newsreader.ui.topic_actions import TopicActions
from newsreader.ui.view_selection import SEARCH_PREFIX, ViewSelection
from newsreader.ui.welcome import Welcome
from newsreader.ui.window_layout import WindowLayout

log = logging.getLogger(__name__)

#: How extra width is shared between the sidebar and the list with the article.
SIDEBAR_STRETCH = 1
CONTENT_STRETCH = 8


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
        savedSearchesChanged(): a search was saved as a topic.
    """

    viewChanged = Signal(str)
    articleSelected = Signal(int)
    listMerged = Signal()
    countsUpdated = Signal()
    sidebarLoaded = Signal(bool)
    demoLoaded = Signal(bool)
    iconsUpdated = Signal()
    savedSearchesChanged = Signal()

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
        self.translations = translations
        self.tasks = tasks or TaskRunner(self)
        #: False in tests and screenshots, and on a shared cache (a fetcher keeps it
        #: fresh, and the window hears of what it stores): no timed refreshes, none
        #: after imports, none at start.
        self.auto_refresh = auto_refresh and not reader.is_shared_cache
        if state_file is None and reader.paths is not None:
            state_file = reader.paths.config / "window.ini"

        self.setObjectName("MainWindow")
        self.setWindowIcon(app_icon())
        self.setAcceptDrops(True)  # a link dropped on the window subscribes to it
        self.resize(1280, 800)
        self.undo_stack = QUndoStack(self)
        self.action_registry = ActionRegistry(self)
        self.refresh_service = RefreshService(reader, self)
        self.preferences = SettingsController(
            reader, translations, auto_refresh=self.auto_refresh, parent=self
        )

        self._build_central()
        self._build_dock(state_file)
        self._build_menus_and_toolbar()
        self._build_status_bar()
        self._build_parts(state_file)
        self._connect_parts()
        self.retranslate()

        # the smart views at once, the counts (which grow with the cache) when read
        self.sidebar_model.apply_snapshot(skeleton_snapshot())
        self.views.select(SMART_ALL)
        self.sidebar_updates.load()
        self.refresh_service.set_interval(self.settings.refresh_minutes if self.auto_refresh else 0)
        if reader.is_shared_cache:
            self.cache_watch.start()
        self.reading_pane.set_zoom(self.settings.zoom)
        self.search_index_label.start()  # an index rebuilt after an upgrade, fed meanwhile

    @property
    def settings(self) -> Settings:
        """The settings in effect."""
        return self.preferences.settings

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
        self.sidebar_view.setMinimumWidth(190)
        self.sidebar_view.setMaximumWidth(460)

        self.article_model = ArticleListModel(self.reader, self)
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
        self.list_columns = ListColumns(self.article_view, self.article_delegate)

        self.title_row = TitleRow(self)
        self.info_bar = InfoBar(self)
        list_box = QWidget(self)
        list_box.setObjectName("listBox")
        list_layout = QVBoxLayout(list_box)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.setSpacing(0)
        list_layout.addWidget(self.title_row)
        list_layout.addWidget(self.info_bar)
        list_layout.addWidget(self.article_view, 1)

        self.reading_pane = ReadingPane(self.reader, self, tasks=self.tasks)
        self.reading_pane.setObjectName("readingPane")
        self.reading_pane.setMinimumSize(320, 160)
        list_box.setMinimumSize(320, 140)

        self.content_splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.content_splitter.setObjectName("contentSplitter")
        self.content_splitter.addWidget(list_box)
        self.content_splitter.addWidget(self.reading_pane)
        self.content_splitter.setStretchFactor(0, 1)
        self.content_splitter.setStretchFactor(1, 1)
        self.content_splitter.setSizes([330, 430])
        self.content_splitter.setChildrenCollapsible(False)

        self.main_splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.main_splitter.setObjectName("mainSplitter")
        self.main_splitter.addWidget(self.sidebar_view)
        self.main_splitter.addWidget(self.content_splitter)
        # a wider window widens the sidebar a little and the list and article most
        self.main_splitter.setStretchFactor(0, SIDEBAR_STRETCH)
        self.main_splitter.setStretchFactor(1, CONTENT_STRETCH)
        self.main_splitter.setSizes([260, 1020])
        self.main_splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.main_splitter)

    def _build_dock(self, state_file: Path | None) -> None:
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
        # the trailing side: right of the pane in English, left of it in Arabic
        trailing = (
            Qt.DockWidgetArea.LeftDockWidgetArea
            if QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
            else Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.addDockWidget(trailing, self.comments_dock)
        self.comments_fold = CommentsDock(self, self.comments_dock, self.comments_panel, state_file)
        self.comments_action = self.comments_dock.toggleViewAction()
        self.comments_action.setShortcut(QKeySequence("C"))
        self.comments_action.setIcon(icon(Icon.COMMENTS))

    def _build_menus_and_toolbar(self) -> None:
        a = self.action_registry
        for action in a.all():
            self.addAction(action)  # shortcuts work with the menu bar hidden too
        self.addAction(self.comments_action)

        self.file_menu = self.menuBar().addMenu("")
        a.add_to_menu(
            self.file_menu,
            (
                ActionId.ADD_FEED,
                ActionId.IMPORT_OPML,
                ActionId.EXPORT_OPML,
                ActionId.ADD_SUGGESTED,
                None,
                ActionId.QUIT,
            ),
        )
        self.edit_menu = self.menuBar().addMenu("")
        a.add_to_menu(
            self.edit_menu,
            (ActionId.UNDO, ActionId.REDO, None, ActionId.FIND, None, ActionId.PREFERENCES),
        )
        self.view_menu = self.menuBar().addMenu("")
        sort_group = QActionGroup(self)
        sort_group.addAction(a[ActionId.SORT_BY_DATE])
        sort_group.addAction(a[ActionId.SORT_BY_SOURCE])
        a[ActionId.SORT_BY_DATE].setChecked(True)
        a.add_to_menu(
            self.view_menu,
            (
                ActionId.SORT_BY_DATE,
                ActionId.SORT_BY_SOURCE,
                None,
                ActionId.ZOOM_IN,
                ActionId.ZOOM_OUT,
                ActionId.ZOOM_RESET,
                None,
            ),
        )
        self.view_menu.addAction(self.comments_action)
        self.article_menu = self.menuBar().addMenu("")
        a.add_to_menu(
            self.article_menu,
            (
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
            ),
        )
        self.feeds_menu = self.menuBar().addMenu("")
        a.add_to_menu(
            self.feeds_menu,
            (
                ActionId.REFRESH,
                ActionId.CANCEL_REFRESH,
                None,
                ActionId.TOGGLE_PIN,
                ActionId.REMOVE_FEED,
            ),
        )
        self.help_menu = self.menuBar().addMenu("")
        a.add_to_menu(self.help_menu, (ActionId.ABOUT,))

        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
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
        spacer = QWidget(self.toolbar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar.addWidget(spacer)
        self.search_edit = SearchEdit(self.toolbar)
        self.toolbar.addWidget(self.search_edit)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)
        self.toolbar_fit = ToolbarFit(self.toolbar)  # icons alone when the labels do not fit
        self.view_menu.addAction(self.toolbar.toggleViewAction())

        a[ActionId.UNDO].setEnabled(False)
        a[ActionId.REDO].setEnabled(False)
        a[ActionId.CANCEL_REFRESH].setEnabled(False)

    def _build_status_bar(self) -> None:
        self.refresh_status = RefreshStatus(self)
        self.statusBar().addPermanentWidget(self.refresh_status)
        self.search_index_label = SearchIndexLabel(self.reader, self.tasks, self)
        self.statusBar().addPermanentWidget(self.search_index_label)
        self.cache_label = CacheLabel(self.reader.cache_server, self)
        self.statusBar().addPermanentWidget(self.cache_label)

    def _build_parts(self, state_file: Path | None) -> None:
        """The parts, each handed what it works on (never the window)."""
        reader, tasks, registry = self.reader, self.tasks, self.action_registry
        self.window_layout = WindowLayout(
            self,
            (self.main_splitter, self.content_splitter),
            self.sidebar_model,
            self.sidebar_view,
            self.article_model,
            self.article_view,
            state_file,
        )
        self.views = ViewSelection(
            self.sidebar_model,
            self.sidebar_view,
            self.article_model,
            self.article_view,
            self.title_row,
            registry,
            self,
        )
        self.navigation = ArticleNavigation(
            reader, tasks, self.article_model, self.article_view, self.reading_pane, self
        )
        self.article_actions = ArticleActions(
            reader,
            tasks,
            self.undo_stack,
            registry,
            self.article_model,
            self.article_view,
            read_delay_ms=self.settings.mark_read_delay_ms,
            parent=self,
        )
        # during a refresh, new counts and new rows are merged one a frame
        self.frame_queue = FrameQueue(self)
        self.sidebar_updates = SidebarUpdates(
            reader, tasks, self.sidebar_model, self.sidebar_view, self, frames=self.frame_queue
        )
        self.list_updates = ListUpdates(
            reader, tasks, self.article_model, self.article_view, self, frames=self.frame_queue
        )
        self.refresh_commands = RefreshCommands(
            self.refresh_service,
            registry,
            self.sidebar_model,
            notifications=self.settings.notifications,
            parent=self,
        )
        self.subscriptions = SubscriptionActions(
            reader,
            tasks,
            registry,
            self.sidebar_model,
            self.sidebar_view,
            self.info_bar,
            auto_refresh=self.auto_refresh,
            parent=self,
        )
        self.welcome = Welcome(self.info_bar, registry, self)
        self.topic_actions = TopicActions(
            reader, tasks, self.sidebar_model, self.sidebar_view, self
        )
        self.story_actions = StoryActions(
            reader, tasks, self.sidebar_model, self.sidebar_view, self
        )
        self.article_model.set_fetch_gate(self.list_updates.rows_run_out)
        self.search = SearchField(
            reader, tasks, self.search_edit, page_size=self.article_model.page_size, parent=self
        )
        self.cache_watch = SharedCacheWatch(reader, self.info_bar, self)

    def _connect_parts(self) -> None:
        """Every connection between the parts, and from the commands to them, in one place."""
        a = self.action_registry
        views, navigation, marks = self.views, self.navigation, self.article_actions
        counts, rows = self.sidebar_updates, self.list_updates
        refresher, subscriptions = self.refresh_commands, self.subscriptions
        preferences, layout = self.preferences, self.window_layout
        service, status = self.refresh_service, self.refresh_status
        pane, comments = self.reading_pane, self.comments_panel
        say = self.statusBar().showMessage

        # -- the commands --
        handlers: dict[ActionId, Callable[[], Any]] = {
            ActionId.ADD_FEED: lambda: subscriptions.add_feed(),  # not with `checked`
            ActionId.IMPORT_OPML: subscriptions.import_opml,
            ActionId.EXPORT_OPML: subscriptions.export_opml,
            ActionId.ADD_SUGGESTED: subscriptions.add_suggested_subscriptions,
            ActionId.QUIT: self.close,
            ActionId.UNDO: self.undo_stack.undo,
            ActionId.REDO: self.undo_stack.redo,
            ActionId.FIND: self.search.focus,
            ActionId.PREFERENCES: preferences.show_preferences,
            ActionId.SORT_BY_DATE: lambda: views.set_order("date"),
            ActionId.SORT_BY_SOURCE: lambda: views.set_order("source"),
            ActionId.ZOOM_IN: lambda: pane.zoom_in(),
            ActionId.ZOOM_OUT: lambda: pane.zoom_out(),
            ActionId.ZOOM_RESET: lambda: pane.zoom_reset(),
            ActionId.NEXT_ARTICLE: lambda: navigation.move_article(1),
            ActionId.PREVIOUS_ARTICLE: lambda: navigation.move_article(-1),
            ActionId.SCROLL_OR_NEXT_UNREAD: navigation.scroll_or_next_unread,
            ActionId.TOGGLE_READ: marks.toggle_read,
            ActionId.TOGGLE_STAR: marks.toggle_star,
            ActionId.MARK_ALL_READ: marks.mark_all_read,
            ActionId.OPEN_IN_BROWSER: marks.open_in_browser,
            ActionId.COPY_LINK: marks.copy_link,
            ActionId.REFRESH: refresher.refresh,
            ActionId.CANCEL_REFRESH: service.cancel,
            ActionId.TOGGLE_PIN: subscriptions.toggle_pin,
            ActionId.REMOVE_FEED: subscriptions.remove_feed,
            ActionId.ABOUT: self.show_about,
        }
        for action_id, handler in handlers.items():
            a[action_id].triggered.connect(handler)
        self.undo_stack.canUndoChanged.connect(a[ActionId.UNDO].setEnabled)
        self.undo_stack.canRedoChanged.connect(a[ActionId.REDO].setEnabled)

        # -- the view on show: a new one has no current article; a re-read keeps it --
        views.viewChanged.connect(marks.set_view)
        views.viewChanged.connect(self.viewChanged)
        views.viewShown.connect(marks.cancel_read_mark)
        views.viewShown.connect(navigation.forget_current)
        views.viewShown.connect(marks.update_enabled)
        views.relisting.connect(navigation.hold_current)
        views.relisted.connect(navigation.restore_held)
        views.listEntered.connect(navigation.enter_list)

        # -- searching: the matches are a view; choosing another ends the search --
        search = self.search
        search.resultsReady.connect(views.show_search)
        search.resultsReady.connect(
            lambda *_: self.article_model.set_tooltip_notes(search.snippets())
        )
        search.snippetsChanged.connect(
            lambda: self.article_model.set_tooltip_notes(search.snippets())
        )
        search.cleared.connect(views.end_search)
        search.listEntered.connect(self.article_view.setFocus)
        search.listEntered.connect(navigation.enter_list)
        search.savedSearchesChanged.connect(self.savedSearchesChanged)
        views.viewChanged.connect(
            lambda key: None if key.startswith(SEARCH_PREFIX) else search.leave_search()
        )

        # -- the current article: the comments follow it, the marks apply to it --
        navigation.currentRowChanged.connect(marks.cancel_read_mark)
        navigation.currentArticleChanged.connect(marks.set_current_article)
        navigation.articleShown.connect(comments.set_article)
        navigation.paneCleared.connect(lambda: comments.set_article(None))
        navigation.articleSelected.connect(marks.on_article_selected)
        navigation.articleSelected.connect(self.articleSelected)
        navigation.statusMessage.connect(say)
        pane.commentsWanted.connect(lambda _article: self.comments_fold.open_panel())
        pane.commentsWanted.connect(lambda _article: self.comments_dock.show())

        # -- marks: the counts follow --
        self.article_delegate.starClicked.connect(marks.on_star_clicked)
        marks.marksWritten.connect(counts.schedule_counts)
        marks.statusMessage.connect(say)
        marks.taskFailed.connect(self.show_task_error)

        # -- the sidebar's counts: the title row, the last session's view and folders --
        counts.countsUpdated.connect(views.update_view_title)
        counts.countsUpdated.connect(views.update_view_counts)
        counts.countsUpdated.connect(self.countsUpdated)
        counts.firstCounted.connect(layout.collapse_pending)
        counts.firstCounted.connect(views.settle_pending_view)
        counts.firstCounted.connect(self.sidebarLoaded)
        counts.recounted.connect(subscriptions.after_recount)
        counts.iconsUpdated.connect(self.iconsUpdated)
        counts.taskFailed.connect(self.show_task_error)

        # -- the list's rows --
        rows.merged.connect(views.update_view_counts)
        rows.merged.connect(self.listMerged)
        rows.expired.connect(views.update_view_counts)
        rows.taskFailed.connect(self.show_task_error)

        # -- refreshes: progress in the status bar, new rows and counts as feeds land --
        service.started.connect(status.started)
        service.progress.connect(status.progress)
        service.finished.connect(status.finished)
        service.failed.connect(status.failed)
        service.followUpProgress.connect(status.follow_up_progress)
        service.followUpEnded.connect(status.follow_up_ended)
        status.cancelRequested.connect(service.cancel)
        service.runningChanged.connect(counts.set_refreshing)
        service.runningChanged.connect(rows.set_refreshing)
        service.iconsStored.connect(counts.on_icons_stored)
        service.imagesStored.connect(self.reading_pane.show_new_pictures)
        refresher.countsChanged.connect(counts.schedule_counts)
        refresher.articlesArrived.connect(rows.schedule_merge)
        refresher.refreshEnded.connect(counts.update_counts_now)
        refresher.articlesChanged.connect(rows.merge_now)
        refresher.liveWanted.connect(lambda: views.select(SMART_LIVE))
        refresher.windowWanted.connect(self._bring_to_front)
        refresher.statusMessage.connect(say)
        # -- a shared cache: what another process stored ends as a refresh does --
        for news in (self.cache_watch.articlesStored, self.cache_watch.connectionRestored):
            news.connect(refresher.refreshEnded)
            news.connect(refresher.articlesChanged)

        # -- subscriptions: the sidebar is re-read, then a view chosen from it --
        subscriptions.subscriptionsChanged.connect(counts.recount)
        subscriptions.viewWanted.connect(views.show_after_change)
        subscriptions.viewCleared.connect(views.clear)
        subscriptions.viewCleared.connect(navigation.clear_pane)
        subscriptions.sidebarChanged.connect(counts.update_counts)
        subscriptions.iconsStored.connect(counts.on_icons_stored)
        subscriptions.iconsWanted.connect(counts.cache_icons)
        subscriptions.refreshWanted.connect(service.refresh)
        subscriptions.feedRefreshWanted.connect(lambda feed: service.refresh(feed_ids=[feed]))
        subscriptions.linksChanged.connect(marks.update_enabled)
        subscriptions.demoLoaded.connect(self.demoLoaded)
        subscriptions.statusText.connect(status.show_text)
        subscriptions.menuOpening.connect(self.topic_actions.fill_menu)
        self.topic_actions.topicsChanged.connect(counts.update_counts_now)
        self.topic_actions.taskFailed.connect(self.show_task_error)
        # -- stories: the user's corrections, then the view and the sidebar read again --
        stories = self.story_actions
        subscriptions.menuOpening.connect(stories.fill_sidebar_menu)
        marks.menuOpening.connect(stories.fill_article_menu)
        views.viewChanged.connect(stories.set_view)
        stories.storiesChanged.connect(
            lambda key: views.reselect(key or views.current_key or SMART_ALL)
        )
        stories.storiesChanged.connect(counts.update_counts_now)
        stories.taskFailed.connect(self.show_task_error)
        self.savedSearchesChanged.connect(counts.update_counts_now)
        subscriptions.statusMessage.connect(say)
        subscriptions.taskFailed.connect(self.show_task_error)
        subscriptions.subscriptionsChanged.connect(
            lambda change: self.welcome.subscribed(change.demo)
        )

        # -- the first-run banner: its language choice, and its end --
        self.welcome.languageChosen.connect(
            lambda code: preferences.apply_settings(self.settings.with_changes(language=code))
        )
        self.welcome.done.connect(
            lambda: preferences.apply_settings(self.settings.with_changes(welcome_done=True))
        )

        # -- settings --
        preferences.settingsChanged.connect(
            lambda settings: marks.set_read_delay(settings.mark_read_delay_ms)
        )
        preferences.settingsChanged.connect(
            lambda settings: refresher.set_notifications(settings.notifications)
        )
        preferences.refreshIntervalChanged.connect(service.set_interval)
        pane.zoomChanged.connect(preferences.set_zoom)

        # -- the last session's view and article --
        layout.viewRestored.connect(views.reselect)
        layout.articleRestored.connect(navigation.select_article)
        layout.restored.connect(views.sync_sort_ui)

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
        self.setWindowTitle(self.cache_label.window_title(self.tr("Newsreader")))
        self.cache_label.retranslate()
        self.search_index_label.retranslate()
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
        self.title_row.filter_edit.setPlaceholderText(self.tr("Filter headlines"))
        self.search_edit.retranslate()
        self.title_row.filter_edit.setToolTip(
            self.tr("Show only articles whose headline or summary has these words")
        )
        self.info_bar.set_close_tooltip(self.tr("Close"))
        self.refresh_status.retranslate()
        self.sidebar_model.retranslate()
        self.article_model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)
        self.article_model.refresh_times()
        self.views.update_view_title()
        self.views.update_view_counts()

    def _update_comments_title(self) -> None:
        # the panel's header shows the count: the dock's own title is only its name
        self.comments_dock.setWindowTitle(self.tr("Comments"))
        self.comments_action.setText(self.tr("&Comments Panel"))
        self.comments_fold.retranslate()

    # == what callers use (the parts hold the rest) ===========================================

    def action(self, action_id: ActionId) -> QAction:
        """The window's action ``action_id`` (menus, shortcuts and tests share it)."""
        return self.action_registry[action_id]

    def current_view_key(self) -> str | None:
        return self.views.current_key

    def select_view(self, key: str) -> bool:
        """Show the sidebar view ``key`` (``smart:all``, ``feed:3``, ``topic:Sport`` ...)."""
        return self.views.select(key)

    def current_article_id(self) -> int | None:
        return self.navigation.current_article_id()

    def current_summary(self) -> ArticleSummary | None:
        return self.navigation.current_summary()

    def select_article(self, article_id: int, *, show: bool = True, pages: int = 3) -> bool:
        """Make ``article_id`` current in the list, reading up to ``pages`` more pages."""
        return self.navigation.select_article(article_id, show=show, pages=pages)

    def select_first_article(self) -> bool:
        return self.navigation.select_first_article()

    def move_article(self, step: int) -> None:
        """Select the next (``step=1``) or previous (``-1``) article."""
        self.navigation.move_article(step)

    def scroll_or_next_unread(self) -> None:
        """Space: page through the article, then go to the next unread one."""
        self.navigation.scroll_or_next_unread()

    def refresh(self) -> None:
        """Fetch the due feeds now (F5, r, the toolbar)."""
        self.refresh_commands.refresh()

    def load_demo(self) -> None:
        """Load the bundled demo feeds and their icons in the background (first start)."""
        self.subscriptions.load_demo()

    def offer_suggested_subscriptions(self) -> None:
        """The first-run banner: suggested sources and the language (until it has served)."""
        self.welcome.offer()

    def apply_settings(self, settings: Settings) -> None:
        """Save ``settings`` and put them into effect at once."""
        self.preferences.apply_settings(settings)

    def save_layout(self) -> None:
        """Remember geometry, splitters, docks, columns and what was selected."""
        self.window_layout.save(self.views.current_key, self.navigation.current_article_id())

    def restore_layout(self, *, selection: bool = True) -> None:
        """Put back what :meth:`save_layout` remembered (call before showing)."""
        self.window_layout.restore(selection=selection)

    def layout_problems(self) -> list[str]:
        """What the layout checks find wrong with the window as it is on screen now."""
        facts = layout_check.measure(
            self.article_view,
            self.list_columns,
            self.sidebar_view,
            self.comments_panel,
            self.comments_fold,
        )
        return layout_check.problems(facts)

    def show_task_error(self, error: BaseException) -> None:
        """A background task failed: say so in the status bar (no dialog)."""
        log.warning("background task failed: %s", error, exc_info=error)
        reason = readable_error(str(error)) if str(error) else type(error).__name__
        self.statusBar().showMessage(
            self.tr("Something went wrong: %1").replace("%1", reason), 8000
        )

    def _bring_to_front(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Newsreader"),
            self.tr(
                "Newsreader %1\n\nAn Arabic-first news reader: many sources, offline, "
                "right to left, no ads or scripts."
            ).replace("%1", __version__),
        )

    # == a link dropped on the window =============================================================

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_feed_url(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        url = dropped_feed_url(event.mimeData())
        if url is None:
            return
        event.acceptProposedAction()
        # After the drop has ended: the dialog is modal.
        QTimer.singleShot(0, self, lambda: self.subscriptions.add_feed(url))

    # == shutting down ============================================================================

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        self.preferences.remember_zoom()
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Stop timers and the refresh process, take the tray icon away (idempotent)."""
        self.article_actions.stop()
        self.sidebar_updates.stop()
        self.list_updates.stop()
        self.views.stop()
        self.search.stop()
        self.search_index_label.stop()
        self.refresh_service.shutdown()
        self.cache_watch.stop()
        self.refresh_commands.hide_tray()


__all__ = ["MainWindow", "apply_font_size"]
