"""What the main window remembers between sessions, and putting it back.

Geometry, the dock and toolbar state, both splitters, the list's sort order (its
columns are fitted to the width each time, ``list_columns.py``), which sidebar
folders were collapsed and which view and article were shown are kept in an INI file
of the profile (``window.ini``). Restoring runs before the window is shown, usually
before the sidebar's first count: folders that are not there yet are collapsed when
the count brings them (:meth:`WindowLayout.collapse_pending`). The view and article
to show again are said by signal, for the parts that show them.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QByteArray, QObject, QSettings, Signal
from PySide6.QtWidgets import QMainWindow, QSplitter, QTreeView

from newsreader.ui.models.article_list import ArticleListModel
from newsreader.ui.models.sidebar import SidebarModel

#: Bumped when what is saved changes meaning; also passed to ``saveState``.
WINDOW_STATE_VERSION = 1


class WindowLayout(QObject):
    """Saves and restores a main window's layout and selection in ``state_file``.

    Without a state file (a profile without paths) nothing is saved or restored.

    Signals:
        viewRestored(str): the view the last session showed (its key).
        articleRestored(int): the article the last session showed.
        restored(): restoring is done (the list's order is back too).
    """

    viewRestored = Signal(str)
    articleRestored = Signal(int)
    restored = Signal()

    def __init__(
        self,
        window: QMainWindow,
        splitters: tuple[QSplitter, QSplitter],
        sidebar_model: SidebarModel,
        sidebar_view: QTreeView,
        article_model: ArticleListModel,
        article_view: QTreeView,
        state_file: Path | None,
    ) -> None:
        """``splitters``: the main one (sidebar beside the rest), then the list's and pane's."""
        super().__init__(window)
        self._window = window
        self._main_splitter, self._content_splitter = splitters
        self._sidebar_model = sidebar_model
        self._sidebar_view = sidebar_view
        self._article_model = article_model
        self._article_view = article_view
        self._state_file = state_file
        # sidebar nodes to collapse once the first count brings them
        self._pending_collapsed: list[str] = []

    def _state(self) -> QSettings | None:
        if self._state_file is None:
            return None
        return QSettings(str(self._state_file), QSettings.Format.IniFormat)

    def save(self, view: str | None, article: int | None) -> None:
        """Remember geometry, splitters, docks, columns and the ``view`` and ``article`` shown."""
        state = self._state()
        if state is None:
            return
        w = self._window
        state.setValue("version", WINDOW_STATE_VERSION)
        state.setValue("window/geometry", w.saveGeometry())
        state.setValue("window/state", w.saveState(WINDOW_STATE_VERSION))
        state.setValue("splitters/main", self._main_splitter.saveState())
        state.setValue("splitters/content", self._content_splitter.saveState())
        state.setValue("list/order", self._article_model.query().order)
        state.setValue("selection/view", view or "")
        state.setValue("selection/article", article or 0)
        state.setValue("sidebar/collapsed", self._collapsed_keys())
        state.sync()

    def restore(self, *, selection: bool = True) -> None:
        """Put back what :meth:`save` remembered (call before showing the window)."""
        state = self._state()
        if state is None or state.value("version") is None:
            return
        w = self._window

        def blob(key: str) -> QByteArray | None:
            value = state.value(key)
            return value if isinstance(value, QByteArray) and not value.isEmpty() else None

        if (geometry := blob("window/geometry")) is not None:
            w.restoreGeometry(geometry)
        if (window_state := blob("window/state")) is not None:
            w.restoreState(window_state, WINDOW_STATE_VERSION)
        if (main := blob("splitters/main")) is not None:
            self._main_splitter.restoreState(main)
        if (content := blob("splitters/content")) is not None:
            self._content_splitter.restoreState(content)
        collapsed = state.value("sidebar/collapsed") or []
        if isinstance(collapsed, str):
            collapsed = [collapsed]
        if self._sidebar_model.is_counted():
            for key in collapsed:
                index = self._sidebar_model.index_for_key(str(key))
                if index.isValid():
                    self._sidebar_view.collapse(index)
        else:  # the folders are not there yet: collapse them when they come
            self._pending_collapsed = [str(key) for key in collapsed]
        order = str(state.value("list/order") or "date")
        model = self._article_model
        if order in ("date", "source") and order != model.query().order:
            model.set_query(replace(model.query(), order=order), horizon=model.horizon())
        if selection:
            view = str(state.value("selection/view") or "")
            if view:
                self.viewRestored.emit(view)
            try:
                article = int(state.value("selection/article") or 0)
            except (TypeError, ValueError):
                article = 0
            if article:
                self.articleRestored.emit(article)
        self.restored.emit()

    def collapse_pending(self) -> None:
        """The sidebar has all its nodes now: collapse those the last session had collapsed."""
        for key in self._pending_collapsed:
            index = self._sidebar_model.index_for_key(key)
            if index.isValid():
                self._sidebar_view.collapse(index)
        self._pending_collapsed = []

    def _collapsed_keys(self) -> list[str]:
        model = self._sidebar_model
        keys = list(self._pending_collapsed)
        for key in model.all_keys():
            index = model.index_for_key(key)
            if model.hasChildren(index) and not self._sidebar_view.isExpanded(index):
                keys.append(key)
        return keys
