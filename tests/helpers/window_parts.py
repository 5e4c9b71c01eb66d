"""Builders for the window's parts' collaborators: real models over a real profile, real views.

Each part is tested with what :class:`~newsreader.ui.main_window.MainWindow` would
hand it, built here without a window.  The views are not shown unless asked: a
view on screen that gets the focus makes its first row current by itself.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QTreeView

from newsreader.core.types import ArticleQuery
from newsreader.reader import Reader
from newsreader.ui.models.article_list import ArticleListModel, Column
from newsreader.ui.models.sidebar import SidebarModel, build_snapshot, skeleton_snapshot
from newsreader.ui.tasks import TaskRunner


def sidebar_for(
    qtbot: Any, reader: Reader, *, counted: bool = True
) -> tuple[SidebarModel, QTreeView]:
    """The sidebar's model (counted, or only the skeleton) in a tree view."""
    model = SidebarModel(reader)
    model.apply_snapshot(build_snapshot(reader) if counted else skeleton_snapshot())
    view = QTreeView()
    view.setModel(model)
    view.setHeaderHidden(True)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    qtbot.addWidget(view)
    view.resize(260, 500)
    return model, view


def article_list_for(
    qtbot: Any, reader: Reader, query: ArticleQuery | None = None, *, shown: bool = False
) -> tuple[ArticleListModel, QTreeView]:
    """The article list's model showing ``query`` (default: everything) in a view."""
    model = ArticleListModel(reader)
    model.set_query(query or ArticleQuery())
    view = QTreeView()
    view.setModel(model)
    view.setRootIsDecorated(False)
    view.setUniformRowHeights(True)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    view.setSortingEnabled(True)
    view.sortByColumn(Column.TIME, Qt.SortOrder.DescendingOrder)
    qtbot.addWidget(view)
    view.resize(700, 400)
    if shown:
        view.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no current row of its own accord
        view.show()
        qtbot.waitExposed(view)
    return model, view


class HeldRunner(TaskRunner):
    """Runs background tasks only when told to: what a part does while one is under way."""

    def __init__(self) -> None:
        super().__init__(synchronous=True)
        self.held: list[tuple[Any, Any, Any]] = []

    def run_task(self, func: Any, on_done: Any = None, on_error: Any = None) -> None:
        self.held.append((func, on_done, on_error))

    def release_one(self) -> None:
        """Run the oldest held task and call back (which may hold another)."""
        TaskRunner.run_task(self, *self.held.pop(0))

    def release(self) -> None:
        while self.held:
            self.release_one()
