"""What the user does with articles: read and star marks (undoable), links, the list's menu.

Marks are shown in the list at once and written through the task runner's serial
lane, in the order they were made, so a refresh holding the database's write lock
never freezes the window; the sidebar's counts follow shortly after.  Every mark
the user makes is a command on the window's ``QUndoStack``
(:mod:`newsreader.ui.undo_commands`), which applies it back here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QPoint, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QMenu

from newsreader.core.types import ArticleSummary
from newsreader.ui.action_registry import ActionId
from newsreader.ui.links import openable_url
from newsreader.ui.models.sidebar import SMART_LIVE
from newsreader.ui.undo_commands import SetReadCommand, SetStarredCommand

if TYPE_CHECKING:
    from newsreader.ui.main_window import MainWindow


class ArticleActions(QObject):
    """Marks, links and the context menu of the main window's article list.

    Also where undo commands apply their marks (an
    :class:`~newsreader.ui.undo_commands.ArticleMarks`).
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._read_timer = QTimer(self)
        self._read_timer.setSingleShot(True)
        self._read_timer.timeout.connect(self._mark_current_read)

    # -- the read mark of the article being read -----------------------------------------

    def mark_read_later(self) -> None:
        """Mark the current article read once the configured delay has passed."""
        self._read_timer.start(max(0, self._window.settings.mark_read_delay_ms))

    def cancel_read_mark(self) -> None:
        self._read_timer.stop()

    def _mark_current_read(self) -> None:
        w = self._window
        summary = w.navigation.current_summary()
        if (
            summary is not None
            and not summary.read
            and summary.id == w.navigation.current_article_id()
        ):
            self.apply_read([summary.id], True)

    # -- marks (undoable) ----------------------------------------------------------------

    def toggle_read(self) -> None:
        summary = self._window.navigation.current_summary()
        if summary is None:
            return
        self._read_timer.stop()
        read = not summary.read
        text = (
            QCoreApplication.translate("MainWindow", "Mark as Read")
            if read
            else QCoreApplication.translate("MainWindow", "Mark as Unread")
        )
        self._window.undo_stack.push(SetReadCommand(self, [summary.id], read, text))

    def toggle_star(self) -> None:
        summary = self._window.navigation.current_summary()
        if summary is not None:
            self._star(summary)

    def on_star_clicked(self, row: int) -> None:
        summary = self._window.article_model.article_at(row)
        if summary is not None:
            self._star(summary)

    def _star(self, summary: ArticleSummary) -> None:
        starred = not summary.starred
        text = (
            QCoreApplication.translate("MainWindow", "Star")
            if starred
            else QCoreApplication.translate("MainWindow", "Unstar")
        )
        self._window.undo_stack.push(SetStarredCommand(self, [summary.id], starred, text))

    def mark_all_read(self) -> None:
        """Mark every unread article of the view read (in the background), undoably."""
        w = self._window
        model = w.article_model
        query = replace(model.query(), order="date")
        generation = model.generation
        if w.views.current_key == SMART_LIVE:  # only what the Live list shows
            ids = [
                summary.id
                for row in range(model.rowCount())
                if (summary := model.article_at(row)) is not None and not summary.read
            ]
            if ids:
                text = QCoreApplication.translate("MainWindow", "Mark All as Read")
                w.undo_stack.push(SetReadCommand(self, ids, True, text))
            self._say_marked(len(ids))
            return

        def done(ids: list[int]) -> None:
            if ids:
                text = QCoreApplication.translate("MainWindow", "Mark All as Read")
                w.undo_stack.push(SetReadCommand(self, ids, True, text, done=True))
                if generation == model.generation:
                    model.set_state(ids, read=True)
                w.sidebar_updates.schedule_counts()
            self._say_marked(len(ids))

        reader = w.reader
        w.tasks.run_serial(lambda: reader.mark_all_read(query), done, w.show_task_error)

    def _say_marked(self, count: int) -> None:
        self._window.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "%n articles marked as read", "", count), 4000
        )

    def apply_read(self, article_ids: Sequence[int], read: bool) -> None:
        """Show read marks at once and write them in the background, in order.

        Used by undo commands and the read timer.
        """
        w = self._window
        ids = list(article_ids)
        w.article_model.set_state(ids, read=read)
        self.update_enabled()
        reader = w.reader
        w.tasks.run_serial(
            lambda: reader.mark_read(ids, read),
            lambda _result: w.sidebar_updates.schedule_counts(),
            w.show_task_error,
        )

    def apply_starred(self, article_ids: Sequence[int], starred: bool) -> None:
        """Show star marks at once and write them in the background, in order."""
        w = self._window
        ids = list(article_ids)
        w.article_model.set_state(ids, starred=starred)
        self.update_enabled()
        reader = w.reader
        w.tasks.run_serial(
            lambda: reader.mark_starred(ids, starred),
            lambda _result: w.sidebar_updates.schedule_counts(),
            w.show_task_error,
        )

    def update_enabled(self) -> None:
        """Enable the article commands while there is a current article (and a link to open)."""
        registry = self._window.action_registry
        summary = self._window.navigation.current_summary()
        has = summary is not None
        for action_id in (ActionId.TOGGLE_READ, ActionId.TOGGLE_STAR, ActionId.COPY_LINK):
            registry[action_id].setEnabled(has)
        registry[ActionId.OPEN_IN_BROWSER].setEnabled(has and self._openable(summary) is not None)

    # -- links ---------------------------------------------------------------------------

    def _openable(self, summary: ArticleSummary | None) -> QUrl | None:
        return openable_url(summary.link if summary else None, self._window.reader.demo_copy)

    def open_in_browser(self) -> None:
        """Open the current article's link with the system (web and mail links only)."""
        summary = self._window.navigation.current_summary()
        url = self._openable(summary)
        if url is not None:
            QDesktopServices.openUrl(url)

    def copy_link(self) -> None:
        summary = self._window.navigation.current_summary()
        if summary is not None and summary.link:
            QGuiApplication.clipboard().setText(summary.link)

    # -- the list's context menu ---------------------------------------------------------

    def show_menu(self, position: QPoint) -> None:
        """The article list's context menu at ``position`` (in the list's viewport)."""
        w = self._window
        index = w.article_view.indexAt(position)
        if not index.isValid():
            return
        menu = QMenu(w)
        for action_id in (
            ActionId.TOGGLE_READ,
            ActionId.TOGGLE_STAR,
            None,
            ActionId.OPEN_IN_BROWSER,
            ActionId.COPY_LINK,
        ):
            w.add_to_menu(menu, action_id)
        menu.exec(w.article_view.viewport().mapToGlobal(position))

    def stop(self) -> None:
        """Stop the read timer (the window is shutting down)."""
        self._read_timer.stop()
