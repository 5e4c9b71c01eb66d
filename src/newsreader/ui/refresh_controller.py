"""The main window's side of a refresh: starting it, following it, telling about it.

Refreshes run in a process of their own (:class:`~newsreader.ui.worker.RefreshService`);
here their signals become what the window shows: the refresh and cancel commands
enabled by turns, progress and the offline sign in the status bar
(:class:`~newsreader.ui.refresh_status.RefreshStatus`), the sidebar's counts and the
list's new rows as feeds are stored, and a tray notification of new articles when
the user wants one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QSystemTrayIcon

from newsreader.core.types import FeedResult, RefreshSummary
from newsreader.ui.action_registry import ActionId
from newsreader.ui.icons import app_icon
from newsreader.ui.models.sidebar import SMART_LIVE

if TYPE_CHECKING:
    from newsreader.ui.main_window import MainWindow


class RefreshController(QObject):
    """Connects the window's refresh service to its commands, status bar, lists and tray."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._tray: QSystemTrayIcon | None = None
        service = window.refresh_service
        status = window.refresh_status
        service.started.connect(status.started)
        service.progress.connect(self._on_refresh_progress)
        service.finished.connect(self._on_refresh_finished)
        service.failed.connect(self._on_refresh_failed)
        service.iconsStored.connect(lambda _count: window.sidebar_updates.on_icons_stored())
        service.runningChanged.connect(self._on_refresh_running)
        status.cancelRequested.connect(service.cancel)

    def refresh(self) -> None:
        """Fetch the due feeds now (F5, r, the toolbar)."""
        if not self._window.refresh_service.refresh(all_feeds=True):
            self._window.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "A refresh is already running"), 3000
            )

    def _on_refresh_running(self, running: bool) -> None:
        registry = self._window.action_registry
        registry[ActionId.CANCEL_REFRESH].setEnabled(running)
        registry[ActionId.REFRESH].setEnabled(not running)

    def _on_refresh_progress(self, result: FeedResult, done: int, total: int) -> None:
        w = self._window
        w.refresh_status.progress(result, done, total)
        if result.new or result.updated or result.error:
            w.sidebar_updates.schedule_counts()
        if result.new:
            w.list_updates.schedule_merge()

    def _on_refresh_finished(self, summary: RefreshSummary) -> None:
        w = self._window
        w.refresh_status.finished(summary)
        w.sidebar_updates.update_counts_now()
        if summary.new or summary.updated:
            w.list_updates.merge_now()
        self._notify(summary)

    def _on_refresh_failed(self, message: str) -> None:
        self._window.refresh_status.failed(message)

    # -- the tray notification -----------------------------------------------------------

    def notification_text(self, summary: RefreshSummary) -> str | None:
        """What the tray says after *summary*, or ``None`` when it says nothing.

        Nothing when notifications are off or nothing new arrived; otherwise the
        number of new articles, and how many of them came from pinned sources.
        """
        w = self._window
        if not w.settings.notifications or summary.new <= 0:
            return None
        pinned = w.sidebar_model.pinned_feed_ids()
        pinned_new = sum(r.new for r in summary.feeds if r.feed_id in pinned)
        body = QCoreApplication.translate("MainWindow", "%n new articles", "", summary.new)
        if pinned_new:
            body += "\n" + QCoreApplication.translate(
                "MainWindow", "%n in important sections", "", pinned_new
            )
        return body

    def _notify(self, summary: RefreshSummary) -> None:
        body = self.notification_text(summary)
        if body is None or not QSystemTrayIcon.isSystemTrayAvailable():
            return
        w = self._window
        if self._tray is None:
            self._tray = QSystemTrayIcon(app_icon(), w)
            self._tray.activated.connect(self._show_from_tray)
            self._tray.messageClicked.connect(lambda: w.views.select(SMART_LIVE))
        self._tray.show()
        self._tray.showMessage(
            QCoreApplication.translate("MainWindow", "Newsreader"), body, app_icon(), 8000
        )

    def _show_from_tray(self, _reason: QSystemTrayIcon.ActivationReason) -> None:
        w = self._window
        w.showNormal()
        w.raise_()
        w.activateWindow()

    def shutdown(self) -> None:
        """Stop the refresh service and take the tray icon away (idempotent)."""
        self._window.refresh_service.shutdown()
        if self._tray is not None:
            self._tray.hide()
