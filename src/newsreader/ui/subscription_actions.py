"""Managing subscriptions from the main window: adding, removing, pinning, OPML.

Everything that reads or writes more than a row runs on the task runner (the demo,
the suggested sources, OPML files, icons) or its serial lane (pins, removals), and
the sidebar is re-read afterwards (``subscriptionsChanged``, answered by
:meth:`after_recount` once the re-read is in); a view that no longer exists gives
way to "All articles".  On first start the demo is loaded and the suggested sources
are offered in the info bar, without a dialog.  The sidebar's context menu lives
here too.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMimeData, QObject, QPoint, QTimer, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMenu, QTreeView

from newsreader.core.errors import FetchError
from newsreader.core.files import write_atomically
from newsreader.reader import Reader, normalize_feed_url
from newsreader.ui.action_registry import ActionId, ActionRegistry
from newsreader.ui.add_feed_dialog import AddFeedDialog
from newsreader.ui.icons import Icon, icon
from newsreader.ui.info_bar import InfoBar
from newsreader.ui.links import openable_url
from newsreader.ui.models.sidebar import SidebarModel
from newsreader.ui.plain_text import plain_question
from newsreader.ui.tasks import TaskRunner
from newsreader.ui.whole_article_menu import add_whole_article_menu

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class SubscriptionChange:
    """What to show once the sidebar was re-read after the subscriptions changed."""

    #: The view to show ("": the view on show, read again).
    select: str = ""
    #: The change was loading the demo (``demoLoaded`` follows the view).
    demo: bool = False


class SubscriptionActions(QObject):
    """The commands on feeds and folders, and the sidebar's context menu.

    Signals:
        subscriptionsChanged(object): feeds were added or removed; re-read the
            sidebar, then answer with :meth:`after_recount` and this
            :class:`SubscriptionChange`.
        viewWanted(str): once re-read, show this view ("": the view on show, afresh).
        viewCleared(): a feed is being removed: show nothing until the re-read.
        sidebarChanged(): a pin changed what the sidebar shows (re-read it).
        iconsStored(): feed icons were stored (repaint the sidebar).
        iconsWanted(object): store the icons of these feed ids in the background.
        refreshWanted(): fetch the due feeds (new subscriptions came in).
        feedRefreshWanted(int): fetch this one feed now.
        linksChanged(): the demo's pages were written ("Open in Browser" may apply now).
        demoLoaded(bool): the demo finished loading and is shown (True) or failed.
        menuOpening(QMenu, SidebarEntry): the sidebar's context menu is about to
            open on this node: other parts add their commands (topics).
        statusText(str): what the status bar's refresh corner says meanwhile.
        statusMessage(str, int): a passing message and for how many milliseconds.
        taskFailed(object): a task failed with this exception.
    """

    subscriptionsChanged = Signal(object)
    viewWanted = Signal(str)
    viewCleared = Signal()
    sidebarChanged = Signal()
    iconsStored = Signal()
    iconsWanted = Signal(object)
    refreshWanted = Signal()
    feedRefreshWanted = Signal(int)
    linksChanged = Signal()
    demoLoaded = Signal(bool)
    menuOpening = Signal(object, object)
    statusText = Signal(str)
    statusMessage = Signal(str, int)
    taskFailed = Signal(object)

    def __init__(
        self,
        reader: Reader,
        tasks: TaskRunner,
        registry: ActionRegistry,
        sidebar_model: SidebarModel,
        sidebar_view: QTreeView,
        info_bar: InfoBar,
        *,
        auto_refresh: bool,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._reader = reader
        self._tasks = tasks
        self._registry = registry
        self._sidebar_model = sidebar_model
        self._sidebar_view = sidebar_view
        self._info_bar = info_bar
        #: False in tests and screenshots: no refresh after new subscriptions.
        self._auto_refresh = auto_refresh
        sidebar_view.customContextMenuRequested.connect(self.show_menu)

    def after_recount(self, change: SubscriptionChange) -> None:
        """The sidebar was re-read after ``change``: show what it asked for."""
        self.viewWanted.emit(change.select)
        if change.demo:
            self.demoLoaded.emit(True)

    # -- first start ---------------------------------------------------------------------

    def load_demo(self) -> None:
        """Load the bundled demo feeds and their icons in the background (first start)."""
        self.statusText.emit(QCoreApplication.translate("MainWindow", "Loading the demo articles…"))
        reader = self._reader

        def work() -> int:
            reader.load_demo(pages=False)  # the pages follow once the demo shows
            return reader.cache_feed_icons()

        def done(icons: int) -> None:
            self.statusText.emit(QCoreApplication.translate("MainWindow", "Demo loaded"))
            if icons:
                self.iconsStored.emit()
            self.subscriptionsChanged.emit(SubscriptionChange(demo=True))
            self._tasks.run_task(reader.write_demo_pages, pages_written, pages_failed)

        def pages_written(count: int) -> None:
            if count:
                self.linksChanged.emit()  # "Open in Browser" has a page now

        def pages_failed(error: BaseException) -> None:
            log.warning("writing the demo pages failed: %s", error)

        def failed(error: BaseException) -> None:
            log.warning("loading the demo failed: %s", error)
            self.statusText.emit(
                QCoreApplication.translate("MainWindow", "The demo could not be loaded")
            )
            self.demoLoaded.emit(False)

        self._tasks.run_task(work, done, failed)

    def add_suggested_subscriptions(self) -> None:
        reader = self._reader

        def done(added: int) -> None:
            self._say_added(added)
            self._info_bar.hide()
            self.subscriptionsChanged.emit(SubscriptionChange())
            if added and self._auto_refresh:
                self.refreshWanted.emit()

        self._tasks.run_task(
            lambda: reader.import_opml(reader.default_subscriptions_opml()),
            done,
            self.taskFailed.emit,
        )

    def _say_added(self, added: int) -> None:
        self.statusMessage.emit(
            QCoreApplication.translate("MainWindow", "%n subscriptions added", "", added), 5000
        )

    # -- adding, importing, exporting ----------------------------------------------------

    def add_feed(self, url: str | None = None) -> None:
        """Ask for a feed to follow; with *url* (a dropped link), look it up at once."""
        folders = [f.name for f in self._reader.list_folders()]
        dialog = AddFeedDialog(self._reader, self._tasks, folders, self._sidebar_view.window())
        if url:
            QTimer.singleShot(0, dialog, lambda: dialog.start(url))
        if dialog.exec() == AddFeedDialog.DialogCode.Accepted and dialog.feed is not None:
            self._info_bar.hide()
            self.iconsWanted.emit([feed.id for feed in dialog.feeds])
            self.subscriptionsChanged.emit(SubscriptionChange(select=f"feed:{dialog.feed.id}"))

    def import_opml(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self._sidebar_view.window(),
            QCoreApplication.translate("MainWindow", "Import Subscriptions"),
            "",
            QCoreApplication.translate("MainWindow", "OPML files (*.opml *.xml);;All files (*)"),
        )
        if not path:
            return
        reader = self._reader

        def done(added: int) -> None:
            self._say_added(added)
            self.subscriptionsChanged.emit(SubscriptionChange())
            if added and self._auto_refresh:
                self.refreshWanted.emit()

        self._tasks.run_task(
            lambda: reader.import_opml(Path(path).read_bytes()), done, self.taskFailed.emit
        )

    def export_opml(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self._sidebar_view.window(),
            QCoreApplication.translate("MainWindow", "Export Subscriptions"),
            "newsreader-subscriptions.opml",
            QCoreApplication.translate("MainWindow", "OPML files (*.opml)"),
        )
        if not path:
            return
        reader = self._reader

        def write() -> int:
            write_atomically(Path(path), reader.export_opml())  # the user's alone
            return len(reader.list_feeds())

        self._tasks.run_task(
            write,
            lambda count: self.statusMessage.emit(
                QCoreApplication.translate("MainWindow", "%n subscriptions exported", "", count),
                5000,
            ),
            self.taskFailed.emit,
        )

    # -- one feed ------------------------------------------------------------------------

    def toggle_pin(self) -> None:
        entry = self._sidebar_model.entry_at(self._sidebar_view.currentIndex())
        if entry is None or entry.feed is None:
            return
        reader = self._reader
        feed_id, pinned = entry.feed.id, not entry.feed.pinned
        self._tasks.run_serial(
            lambda: reader.set_feed_pinned(feed_id, pinned),
            lambda _result: self.sidebarChanged.emit(),
            self.taskFailed.emit,
        )

    def remove_feed(self) -> None:
        entry = self._sidebar_model.entry_at(self._sidebar_view.currentIndex())
        if entry is None or entry.feed is None:
            return
        if not plain_question(
            self._sidebar_view.window(),
            QCoreApplication.translate("MainWindow", "Unsubscribe"),
            QCoreApplication.translate(
                "MainWindow", "Unsubscribe from “%1” and delete its articles?"
            ).replace("%1", entry.feed.display_title),
        ):
            return
        reader = self._reader
        feed_id = entry.feed.id
        self.viewCleared.emit()  # nothing, until re-read
        self._tasks.run_serial(
            lambda: reader.remove_feed(feed_id),
            lambda _result: self.subscriptionsChanged.emit(SubscriptionChange()),
            self.taskFailed.emit,
        )

    # -- the sidebar's context menu ------------------------------------------------------

    def show_menu(self, position: QPoint) -> None:
        """The sidebar's context menu at ``position`` (in the sidebar's viewport)."""
        view = self._sidebar_view
        index = view.indexAt(position)
        entry = self._sidebar_model.entry_at(index)
        if entry is None:
            return
        menu = QMenu(view.window())
        if entry.query is not None:
            view.setCurrentIndex(index)
            menu.addAction(self._registry[ActionId.MARK_ALL_READ])
        if entry.feed is not None:
            pin = self._registry[ActionId.TOGGLE_PIN]
            pin.setChecked(entry.feed.pinned)
            menu.addSeparator()
            menu.addAction(pin)
            refresh_text = QCoreApplication.translate("MainWindow", "Refresh This Feed")
            refresh_one = menu.addAction(icon(Icon.REFRESH), refresh_text)
            feed_id = entry.feed.id
            refresh_one.triggered.connect(lambda: self.feedRefreshWanted.emit(feed_id))
            site = openable_url(entry.feed.site_url, self._reader.demo_copy)
            if site is not None:
                open_text = QCoreApplication.translate("MainWindow", "Open Web Site")
                open_site = menu.addAction(icon(Icon.OPEN_EXTERNAL), open_text)
                open_site.triggered.connect(lambda: QDesktopServices.openUrl(site))
            add_whole_article_menu(menu, self._reader, self._tasks, feed_id, self.taskFailed.emit)
            menu.addSeparator()
            menu.addAction(self._registry[ActionId.REMOVE_FEED])
        self.menuOpening.emit(menu, entry)
        if not menu.isEmpty():
            menu.exec(view.viewport().mapToGlobal(position))
        menu.deleteLater()


#: Link schemes a dropped feed address may have (web, and subscribe buttons' own).
_DROPPABLE_SCHEMES = frozenset({"http", "https", "feed", "itpc", "pcast", "podcast"})


def dropped_feed_url(mime: QMimeData) -> str | None:
    """The feed or site address a drag carries (a link, or text that is one), if any."""
    candidates = [url.toString() for url in mime.urls()] if mime.hasUrls() else []
    if not candidates and mime.hasText():
        candidates = [mime.text().strip()]
    for candidate in candidates:
        scheme = candidate.split(":", 1)[0].lower()
        if scheme not in _DROPPABLE_SCHEMES or any(c.isspace() for c in candidate):
            continue
        try:
            return normalize_feed_url(candidate)
        except FetchError:
            continue
    return None
