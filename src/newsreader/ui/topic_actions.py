"""The sidebar's topic commands: rename, merge into another, hide and show again, remove.

They add themselves to the sidebar's context menu (:meth:`TopicActions.fill_menu`,
called as the menu opens) and write on the task runner's serial lane; the sidebar is
re-read afterwards (``topicsChanged``).  The user's choices are kept in the profile
by topic key, so they hold for articles that arrive later and travel in export-data.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QDialog, QInputDialog, QLineEdit, QMenu

from newsreader.core.types import Topic
from newsreader.ui.models.sidebar import SECTION_TOPICS, SidebarEntry
from newsreader.ui.sidebar_part import SidebarPart


class TopicActions(SidebarPart):
    """Changes the user makes to topics from the sidebar.

    Signals:
        topicsChanged(): a topic was renamed, merged, hidden, shown or removed:
            re-read the sidebar.
        taskFailed(object): writing the change failed with this exception.
    """

    topicsChanged = Signal()
    taskFailed = Signal(object)

    # -- the context menu ----------------------------------------------------------------

    def fill_menu(self, menu: QMenu, entry: SidebarEntry) -> None:
        """Add the commands that apply to ``entry`` to the sidebar's context menu."""
        topic = entry.topic
        if entry.key == SECTION_TOPICS:
            self._add_show_hidden(menu)
        elif topic is not None and topic.kind == "category":
            menu.addSeparator()
            rename = menu.addAction(QCoreApplication.translate("MainWindow", "Rename Topic…"))
            rename.triggered.connect(lambda: self.ask_rename(topic))
            others = [t for t in self._model.topics() if t.id != topic.id]
            into = menu.addMenu(QCoreApplication.translate("MainWindow", "Merge Into"))
            into.setEnabled(bool(others))
            for other in others:
                action = into.addAction(other.name)
                target = other.id
                action.triggered.connect(lambda _c=False, t=target: self.merge(topic.id, t))
            hide = menu.addAction(QCoreApplication.translate("MainWindow", "Hide Topic"))
            hide.triggered.connect(lambda: self.hide(topic.id))
            self._add_show_hidden(menu)
        elif topic is not None and topic.kind == "saved":
            menu.addSeparator()
            rename = menu.addAction(QCoreApplication.translate("MainWindow", "Rename Topic…"))
            rename.triggered.connect(lambda: self.ask_rename(topic))
            remove = menu.addAction(QCoreApplication.translate("MainWindow", "Remove Topic"))
            remove.triggered.connect(lambda: self.remove(topic.id))

    def _add_show_hidden(self, menu: QMenu) -> None:
        hidden = self._model.hidden_topics()
        if not hidden:
            return
        show = menu.addMenu(QCoreApplication.translate("MainWindow", "Show Hidden Topic"))
        for topic in hidden:
            action = show.addAction(topic.name)
            action.triggered.connect(lambda _c=False, t=topic.id: self.hide(t, hidden=False))

    # -- the commands --------------------------------------------------------------------

    def ask_rename(self, topic: Topic) -> None:
        """Ask for the topic's new name ("" gives back the one chosen from its spellings)."""
        dialog = QInputDialog(self._view.window())
        dialog.setWindowTitle(QCoreApplication.translate("MainWindow", "Rename Topic"))
        dialog.setLabelText(
            QCoreApplication.translate("MainWindow", "New name for “%1”:").replace("%1", topic.name)
        )
        dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
        dialog.setTextValue(topic.name)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            name = dialog.textValue().strip()
            if name != topic.name:
                self.rename(topic.id, name)
        dialog.deleteLater()

    def rename(self, topic_id: str, name: str) -> None:
        reader = self._reader
        self._write(lambda: reader.rename_topic(topic_id, name))

    def merge(self, source_id: str, target_id: str) -> None:
        reader = self._reader
        self._write(lambda: reader.merge_topics(source_id, target_id))

    def hide(self, topic_id: str, hidden: bool = True) -> None:
        reader = self._reader
        self._write(lambda: reader.hide_topic(topic_id, hidden))

    def remove(self, topic_id: str) -> None:
        reader = self._reader
        self._write(lambda: reader.remove_topic(topic_id))

    def _write(self, work: Callable[[], object]) -> None:
        self._tasks.run_serial(
            work,
            lambda _result: self.topicsChanged.emit(),
            self.taskFailed.emit,
        )
