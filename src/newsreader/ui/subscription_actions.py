"""Managing subscriptions from the main window: adding, removing, pinning, OPML.

Everything that reads or writes more than a row runs on the task runner (the demo,
the suggested sources, OPML files, icons) or its serial lane (pins, removals), and
the sidebar is re-read afterwards; a view that no longer exists gives way to "All
articles".  On first start the demo is loaded and the suggested sources are offered
in the info bar, without a dialog.  The sidebar's context menu lives here too.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QMimeData, QObject, QPoint, QTimer
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMenu

from newsreader.core.errors import FetchError
from newsreader.reader import normalize_feed_url
from newsreader.ui.action_registry import ActionId
from newsreader.ui.add_feed_dialog import AddFeedDialog
from newsreader.ui.icons import Icon, icon
from newsreader.ui.links import openable_url
from newsreader.ui.models.sidebar import SMART_ALL
from newsreader.ui.plain_text import plain_question

if TYPE_CHECKING:
    from newsreader.ui.main_window import MainWindow

log = logging.getLogger(__name__)


class SubscriptionActions(QObject):
    """The main window's commands on feeds and folders, and the sidebar's context menu."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window

    # -- first start ---------------------------------------------------------------------

    def load_demo(self) -> None:
        """Load the bundled demo feeds and their icons in the background (first start)."""
        w = self._window
        w.refresh_status.show_text(
            QCoreApplication.translate("MainWindow", "Loading the demo articles…")
        )
        reader = w.reader

        def work() -> int:
            reader.load_demo(pages=False)  # the pages follow once the demo shows
            return reader.cache_feed_icons()

        def done(icons: int) -> None:
            w.refresh_status.show_text(QCoreApplication.translate("MainWindow", "Demo loaded"))
            if icons:
                w.sidebar_updates.on_icons_stored()
            self.after_subscriptions_changed(then=lambda: w.demoLoaded.emit(True))
            w.tasks.run_task(reader.write_demo_pages, pages_written, pages_failed)

        def pages_written(count: int) -> None:
            if count:
                w.article_actions.update_enabled()  # "Open in Browser" has a page now

        def pages_failed(error: BaseException) -> None:
            log.warning("writing the demo pages failed: %s", error)

        def failed(error: BaseException) -> None:
            log.warning("loading the demo failed: %s", error)
            w.refresh_status.show_text(
                QCoreApplication.translate("MainWindow", "The demo could not be loaded")
            )
            w.demoLoaded.emit(False)

        w.tasks.run_task(work, done, failed)

    def offer_suggested_subscriptions(self) -> None:
        """A non-modal offer of the suggested subscriptions (first start)."""
        w = self._window
        w.info_bar.show_message(
            QCoreApplication.translate(
                "MainWindow",
                "Welcome! You are reading demo articles. Subscribe to a set of suggested "
                "news sources, or add your own.",
            ),
            [w.action_registry[ActionId.ADD_SUGGESTED], w.action_registry[ActionId.ADD_FEED]],
        )

    def add_suggested_subscriptions(self) -> None:
        w = self._window
        reader = w.reader

        def done(added: int) -> None:
            w.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "%n subscriptions added", "", added), 5000
            )
            w.info_bar.hide()
            self.after_subscriptions_changed()
            if added and w.auto_refresh:
                w.refresh_service.refresh()

        w.tasks.run_task(
            lambda: reader.import_opml(reader.default_subscriptions_opml()),
            done,
            w.show_task_error,
        )

    # -- adding, importing, exporting ----------------------------------------------------

    def add_feed(self, url: str | None = None) -> None:
        """Ask for a feed to follow; with *url* (a dropped link), look it up at once."""
        w = self._window
        folders = [f.name for f in w.reader.list_folders()]
        dialog = AddFeedDialog(w.reader, w.tasks, folders, w)
        if url:
            QTimer.singleShot(0, dialog, lambda: dialog.start(url))
        if dialog.exec() == AddFeedDialog.DialogCode.Accepted and dialog.feed is not None:
            w.info_bar.hide()
            w.sidebar_updates.cache_icons([feed.id for feed in dialog.feeds])
            self.after_subscriptions_changed(select=f"feed:{dialog.feed.id}")

    def import_opml(self) -> None:
        w = self._window
        path, _ = QFileDialog.getOpenFileName(
            w,
            QCoreApplication.translate("MainWindow", "Import Subscriptions"),
            "",
            QCoreApplication.translate("MainWindow", "OPML files (*.opml *.xml);;All files (*)"),
        )
        if not path:
            return
        reader = w.reader

        def done(added: int) -> None:
            w.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "%n subscriptions added", "", added), 5000
            )
            self.after_subscriptions_changed()
            if added and w.auto_refresh:
                w.refresh_service.refresh()

        w.tasks.run_task(
            lambda: reader.import_opml(Path(path).read_bytes()), done, w.show_task_error
        )

    def export_opml(self) -> None:
        w = self._window
        path, _ = QFileDialog.getSaveFileName(
            w,
            QCoreApplication.translate("MainWindow", "Export Subscriptions"),
            "newsreader-subscriptions.opml",
            QCoreApplication.translate("MainWindow", "OPML files (*.opml)"),
        )
        if not path:
            return
        reader = w.reader

        def write() -> int:
            Path(path).write_bytes(reader.export_opml())
            return len(reader.list_feeds())

        w.tasks.run_task(
            write,
            lambda count: w.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "%n subscriptions exported", "", count),
                5000,
            ),
            w.show_task_error,
        )

    def after_subscriptions_changed(
        self, select: str | None = None, then: Callable[[], None] | None = None
    ) -> None:
        """Re-read the sidebar (in the background), then show ``select`` or re-read the list."""
        views = self._window.views

        def show() -> None:
            if select is None or not views.select(select):
                entry = views.current_entry()
                if entry is not None and entry.query is not None:
                    views.show_query(entry)
                else:
                    views.reselect(SMART_ALL)
            if then is not None:
                then()

        self._window.sidebar_updates.update_counts(then=show)

    # -- one feed ------------------------------------------------------------------------

    def toggle_pin(self) -> None:
        w = self._window
        entry = w.sidebar_model.entry_at(w.sidebar_view.currentIndex())
        if entry is None or entry.feed is None:
            return
        reader = w.reader
        feed_id, pinned = entry.feed.id, not entry.feed.pinned
        w.tasks.run_serial(
            lambda: reader.set_feed_pinned(feed_id, pinned),
            lambda _result: w.sidebar_updates.update_counts(),
            w.show_task_error,
        )

    def remove_feed(self) -> None:
        w = self._window
        entry = w.sidebar_model.entry_at(w.sidebar_view.currentIndex())
        if entry is None or entry.feed is None:
            return
        if not plain_question(
            w,
            QCoreApplication.translate("MainWindow", "Unsubscribe"),
            QCoreApplication.translate(
                "MainWindow", "Unsubscribe from “%1” and delete its articles?"
            ).replace("%1", entry.feed.display_title),
        ):
            return
        reader = w.reader
        feed_id = entry.feed.id
        w.views.clear()  # nothing, until re-read
        w.navigation.clear_pane()
        w.tasks.run_serial(
            lambda: reader.remove_feed(feed_id),
            lambda _result: self.after_subscriptions_changed(),
            w.show_task_error,
        )

    # -- the sidebar's context menu ------------------------------------------------------

    def show_menu(self, position: QPoint) -> None:
        """The sidebar's context menu at ``position`` (in the sidebar's viewport)."""
        w = self._window
        index = w.sidebar_view.indexAt(position)
        entry = w.sidebar_model.entry_at(index)
        if entry is None or entry.query is None:
            return
        w.sidebar_view.setCurrentIndex(index)
        menu = QMenu(w)
        menu.addAction(w.action_registry[ActionId.MARK_ALL_READ])
        if entry.feed is not None:
            pin = w.action_registry[ActionId.TOGGLE_PIN]
            pin.setChecked(entry.feed.pinned)
            menu.addSeparator()
            menu.addAction(pin)
            refresh_text = QCoreApplication.translate("MainWindow", "Refresh This Feed")
            refresh_one = menu.addAction(icon(Icon.REFRESH), refresh_text)
            feed_id = entry.feed.id
            refresh_one.triggered.connect(lambda: w.refresh_service.refresh(feed_ids=[feed_id]))
            site = openable_url(entry.feed.site_url, w.reader.demo_copy)
            if site is not None:
                open_text = QCoreApplication.translate("MainWindow", "Open Web Site")
                open_site = menu.addAction(icon(Icon.OPEN_EXTERNAL), open_text)
                open_site.triggered.connect(lambda: QDesktopServices.openUrl(site))
            menu.addSeparator()
            menu.addAction(w.action_registry[ActionId.REMOVE_FEED])
        menu.exec(w.sidebar_view.viewport().mapToGlobal(position))


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
