"""The parts over the sidebar share what they hold, from one constructor."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject

from newsreader.reader import Reader
from newsreader.ui.sidebar_part import SidebarPart
from newsreader.ui.sidebar_updates import SidebarUpdates
from newsreader.ui.story_actions import StoryActions
from newsreader.ui.tasks import TaskRunner
from newsreader.ui.topic_actions import TopicActions
from tests.helpers.window_parts import sidebar_for

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("part", [SidebarUpdates, TopicActions, StoryActions])
def test_each_sidebar_part_holds_the_reader_the_tasks_and_the_sidebar(
    qtbot, reader: Reader, part: type[SidebarPart]
) -> None:
    model, view = sidebar_for(qtbot, reader)
    tasks = TaskRunner()
    owner = QObject()
    made = part(reader, tasks, model, view, owner)
    assert isinstance(made, SidebarPart)
    assert (made._reader, made._tasks, made._model, made._view) == (reader, tasks, model, view)
    assert made.parent() is owner
    assert tasks.wait_for_done(5000)
