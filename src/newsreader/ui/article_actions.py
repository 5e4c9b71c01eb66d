"""What the user does with articles: read and star marks (undoable), links, the list's menu.

Marks are shown in the list at once and written through the task runner's serial
lane, in the order they were made, so a refresh holding the database's write lock
never freezes the window; the sidebar's counts follow shortly after (this part
says ``marksWritten``).  Every mark the user makes is a command on the window's
``QUndoStack`` (:mod:`newsreader.ui.undo_commands`), which applies it back here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QObject, QPoint, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication, QUndoStack
from PySide6.QtWidgets import QMenu, QTreeView

from newsreader.core.types import ArticleSummary
from newsreader.reader import Reader
from newsreader.ui.action_registry import ActionId, ActionRegistry
from newsreader.ui.links import openable_url
from newsreader.ui.models.article_list import ArticleListModel
from newsreader.ui.models.sidebar import SMART_LIVE
from newsreader.ui.tasks import TaskRunner
from newsreader.ui.undo_commands import SetReadCommand, SetStarredCommand


class ArticleActions(QObject):
    """Marks, links and the context menu of the article list.

    Also where undo commands apply their marks (an
    :class:`~newsreader.ui.undo_commands.ArticleMarks`).

    Signals:
        marksWritten(): read or star marks reached the database (counts changed).
        statusMessage(str, int): a passing message and for how many milliseconds.
        taskFailed(object): writing marks failed with this exception.
        menuOpening(QMenu, object): the list's context menu is about to open on this
            ArticleSummary; other parts may add their commands.
    """

    marksWritten = Signal()
    statusMessage = Signal(str, int)
    taskFailed = Signal(object)
    menuOpening = Signal(QMenu, object)

    def __init__(
        self,
        reader: Reader,
        tasks: TaskRunner,
        undo_stack: QUndoStack,
        registry: ActionRegistry,
        article_model: ArticleListModel,
        article_view: QTreeView,
        *,
        read_delay_ms: int,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._reader = reader
        self._tasks = tasks
        self._undo_stack = undo_stack
        self._registry = registry
        self._model = article_model
        self._view = article_view
        self._read_delay_ms = read_delay_ms
        self._current_article: int | None = None
        self._view_key: str | None = None
        self._read_timer = QTimer(self)
        self._read_timer.setSingleShot(True)
        self._read_timer.timeout.connect(self._mark_current_read)
        article_view.customContextMenuRequested.connect(self.show_menu)
        article_view.doubleClicked.connect(lambda _index: self.open_in_browser())

    def current_summary(self) -> ArticleSummary | None:
        """The list's current row (None when no row is current)."""
        index = self._view.currentIndex()
        return self._model.article_at(index.row()) if index.isValid() else None

    # -- what the rest of the window tells ------------------------------------------------

    def set_current_article(self, article_id: int | None) -> None:
        """The article being read (a related one may be outside the list)."""
        self._current_article = article_id

    def set_view(self, key: str) -> None:
        """The view the list shows (Live marks only what its list holds)."""
        self._view_key = key

    def set_read_delay(self, delay_ms: int) -> None:
        """How long an article is shown before it counts as read."""
        self._read_delay_ms = delay_ms

    def on_article_selected(self, article_id: int) -> None:
        """An article became current: its commands apply now, and an unread one is read soon."""
        self.update_enabled()
        summary = self.current_summary()
        if summary is not None and summary.id == article_id and not summary.read:
            self.mark_read_later()

    # -- the read mark of the article being read -----------------------------------------

    def mark_read_later(self) -> None:
        """Mark the current article read once the configured delay has passed."""
        self._read_timer.start(max(0, self._read_delay_ms))

    def cancel_read_mark(self) -> None:
        self._read_timer.stop()

    def _mark_current_read(self) -> None:
        summary = self.current_summary()
        if summary is not None and not summary.read and summary.id == self._current_article:
            self.apply_read([summary.id], True)

    # -- marks (undoable) ----------------------------------------------------------------

    def toggle_read(self) -> None:
        summary = self.current_summary()
        if summary is None:
            return
        self._read_timer.stop()
        read = not summary.read
        text = (
            QCoreApplication.translate("MainWindow", "Mark as Read")
            if read
            else QCoreApplication.translate("MainWindow", "Mark as Unread")
        )
        self._undo_stack.push(SetReadCommand(self, [summary.id], read, text))

    def toggle_star(self) -> None:
        summary = self.current_summary()
        if summary is not None:
            self._star(summary)

    def on_star_clicked(self, row: int) -> None:
        """The star cell of ``row`` was clicked (the list's delegate says so)."""
        summary = self._model.article_at(row)
        if summary is not None:
            self._star(summary)

    def _star(self, summary: ArticleSummary) -> None:
        starred = not summary.starred
        text = (
            QCoreApplication.translate("MainWindow", "Star")
            if starred
            else QCoreApplication.translate("MainWindow", "Unstar")
        )
        self._undo_stack.push(SetStarredCommand(self, [summary.id], starred, text))

    def mark_all_read(self) -> None:
        """Mark every unread article of the view read (in the background), undoably."""
        model = self._model
        query = replace(model.query(), order="date")
        generation = model.generation
        if self._view_key == SMART_LIVE:  # only what the Live list shows
            ids = [
                summary.id
                for row in range(model.rowCount())
                if (summary := model.article_at(row)) is not None and not summary.read
            ]
            if ids:
                text = QCoreApplication.translate("MainWindow", "Mark All as Read")
                self._undo_stack.push(SetReadCommand(self, ids, True, text))
            self._say_marked(len(ids))
            return

        def done(ids: list[int]) -> None:
            if ids:
                text = QCoreApplication.translate("MainWindow", "Mark All as Read")
                self._undo_stack.push(SetReadCommand(self, ids, True, text, done=True))
                if generation == model.generation:
                    model.set_state(ids, read=True)
                self.marksWritten.emit()
            self._say_marked(len(ids))

        reader = self._reader
        self._tasks.run_serial(lambda: reader.mark_all_read(query), done, self.taskFailed.emit)

    def _say_marked(self, count: int) -> None:
        self.statusMessage.emit(
            QCoreApplication.translate("MainWindow", "%n articles marked as read", "", count), 4000
        )

    def apply_read(self, article_ids: Sequence[int], read: bool) -> None:
        """Show read marks at once and write them in the background, in order.

        Used by undo commands and the read timer.
        """
        ids = list(article_ids)
        self._model.set_state(ids, read=read)
        self.update_enabled()
        reader = self._reader
        self._tasks.run_serial(
            lambda: reader.mark_read(ids, read),
            lambda _result: self.marksWritten.emit(),
            self.taskFailed.emit,
        )

    def apply_starred(self, article_ids: Sequence[int], starred: bool) -> None:
        """Show star marks at once and write them in the background, in order."""
        ids = list(article_ids)
        self._model.set_state(ids, starred=starred)
        self.update_enabled()
        reader = self._reader
        self._tasks.run_serial(
            lambda: reader.mark_starred(ids, starred),
            lambda _result: self.marksWritten.emit(),
            self.taskFailed.emit,
        )

    def update_enabled(self) -> None:
        """Enable the article commands while there is a current article (and a link to open)."""
        registry = self._registry
        summary = self.current_summary()
        has = summary is not None
        for action_id in (ActionId.TOGGLE_READ, ActionId.TOGGLE_STAR, ActionId.COPY_LINK):
            registry[action_id].setEnabled(has)
        registry[ActionId.OPEN_IN_BROWSER].setEnabled(has and self._openable(summary) is not None)

    # -- links ---------------------------------------------------------------------------

    def _openable(self, summary: ArticleSummary | None) -> QUrl | None:
        return openable_url(summary.link if summary else None, self._reader.demo_copy)

    def open_in_browser(self) -> None:
        """Open the current article's link with the system (web and mail links only)."""
        url = self._openable(self.current_summary())
        if url is not None:
            QDesktopServices.openUrl(url)

    def copy_link(self) -> None:
        summary = self.current_summary()
        if summary is not None and summary.link:
            QGuiApplication.clipboard().setText(summary.link)

    # -- the list's context menu ---------------------------------------------------------

    def show_menu(self, position: QPoint) -> None:
        """The article list's context menu at ``position`` (in the list's viewport)."""
        view = self._view
        index = view.indexAt(position)
        if not index.isValid():
            return
        menu = QMenu(view.window())
        self._registry.add_to_menu(
            menu,
            (
                ActionId.TOGGLE_READ,
                ActionId.TOGGLE_STAR,
                None,
                ActionId.OPEN_IN_BROWSER,
                ActionId.COPY_LINK,
            ),
        )
        self.menuOpening.emit(menu, self._model.article_at(index.row()))
        menu.exec(view.viewport().mapToGlobal(position))

    def stop(self) -> None:
        """Stop the read timer (the window is shutting down)."""
        self._read_timer.stop()
