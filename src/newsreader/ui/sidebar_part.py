"""What every window part that works on the sidebar holds: the reader, the task
runner, and the sidebar's model and view.

:class:`~newsreader.ui.sidebar_updates.SidebarUpdates` (counts and re-reads),
:class:`~newsreader.ui.topic_actions.TopicActions` and
:class:`~newsreader.ui.story_actions.StoryActions` (the user's changes from its
menus) are built alike from these four; each adds its own signals and state.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QTreeView

from newsreader.reader import Reader
from newsreader.ui.models.sidebar import SidebarModel
from newsreader.ui.tasks import TaskRunner


class SidebarPart(QObject):
    """A part of the window over the sidebar; long work goes to ``self._tasks``."""

    def __init__(
        self,
        reader: Reader,
        tasks: TaskRunner,
        sidebar_model: SidebarModel,
        sidebar_view: QTreeView,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._reader = reader
        self._tasks = tasks
        self._model = sidebar_model
        self._view = sidebar_view
