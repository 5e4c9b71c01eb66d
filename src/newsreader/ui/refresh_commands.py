"""The window's side of a refresh: its commands, what it changed, and the tray's word on it.

Refreshes run in a process of their own (:class:`~newsreader.ui.refresh_service.RefreshService`);
here the service's signals become the window's concerns: the refresh and cancel
commands enabled by turns, the sidebar's counts and the list's new rows as feeds
are stored (said by signal, for the parts that keep them), and a tray notification
of new articles when the user wants one.  The status bar's progress is wired to the
service directly (:class:`~newsreader.ui.refresh_status.RefreshStatus`).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QSystemTrayIcon

from newsreader.core.types import FeedResult, RefreshSummary
from newsreader.ui.action_registry import ActionId, ActionRegistry
from newsreader.ui.icons import app_icon
from newsreader.ui.models.sidebar import SidebarModel
from newsreader.ui.refresh_service import RefreshService


class RefreshCommands(QObject):
    """Starts refreshes on command and passes on what each one changed.

    Signals:
        countsChanged(): a stored feed changed what the sidebar counts.
        articlesArrived(): a stored feed brought new articles.
        refreshEnded(): a refresh ended (the counts are re-read at once).
        articlesChanged(): the refresh that ended added or changed articles.
        liveWanted(): the user clicked the tray's notification (show "Live").
        windowWanted(): the user clicked the tray icon (bring the window up).
        statusMessage(str, int): a passing message and for how many milliseconds.
    """

    countsChanged = Signal()
    articlesArrived = Signal()
    refreshEnded = Signal()
    articlesChanged = Signal()
    liveWanted = Signal()
    windowWanted = Signal()
    statusMessage = Signal(str, int)

    def __init__(
        self,
        service: RefreshService,
        registry: ActionRegistry,
        sidebar_model: SidebarModel,
        *,
        notifications: bool,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._registry = registry
        self._sidebar_model = sidebar_model
        self._notifications = notifications
        self._tray: QSystemTrayIcon | None = None
        service.runningChanged.connect(self._on_running)
        service.progress.connect(self._on_progress)
        service.finished.connect(self._on_finished)

    def set_notifications(self, notifications: bool) -> None:
        """Whether the tray tells of new articles after a refresh."""
        self._notifications = notifications

    def refresh(self) -> None:
        """Fetch the due feeds now (F5, r, the toolbar)."""
        if not self._service.refresh(all_feeds=True):
            self.statusMessage.emit(
                QCoreApplication.translate("MainWindow", "A refresh is already running"), 3000
            )

    def _on_running(self, running: bool) -> None:
        self._registry[ActionId.CANCEL_REFRESH].setEnabled(running)
        self._registry[ActionId.REFRESH].setEnabled(not running)

    def _on_progress(self, result: FeedResult, _done: int, _total: int) -> None:
        if result.new or result.updated or result.error:
            self.countsChanged.emit()
        if result.new:
            self.articlesArrived.emit()

    def _on_finished(self, summary: RefreshSummary) -> None:
        self.refreshEnded.emit()
        if summary.new or summary.updated:
            self.articlesChanged.emit()
        self._notify(summary)

    # -- the tray notification -----------------------------------------------------------

    def notification_text(self, summary: RefreshSummary) -> str | None:
        """What the tray says after *summary*, or ``None`` when it says nothing.

        Nothing when notifications are off or nothing new arrived; otherwise the
        number of new articles, and how many of them came from pinned sources.
        """
        if not self._notifications or summary.new <= 0:
            return None
        pinned = self._sidebar_model.pinned_feed_ids()
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
        if self._tray is None:
            self._tray = QSystemTrayIcon(app_icon(), self)
            self._tray.activated.connect(lambda _reason: self.windowWanted.emit())
            self._tray.messageClicked.connect(self.liveWanted)
        self._tray.show()
        self._tray.showMessage(
            QCoreApplication.translate("MainWindow", "Newsreader"), body, app_icon(), 8000
        )

    def hide_tray(self) -> None:
        """Take the tray icon away (the window is shutting down)."""
        if self._tray is not None:
            self._tray.hide()
