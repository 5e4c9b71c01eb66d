"""What the main window remembers between sessions, and putting it back.

Geometry, the dock and toolbar state, both splitters, the list's columns and sort
order, which sidebar folders were collapsed and which view and article were shown
are kept in an INI file of the profile (``window.ini``).  Restoring runs before the
window is shown, usually before the sidebar's first count: folders that are not
there yet are collapsed when the count brings them (:meth:`WindowLayout.collapse_pending`).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings

if TYPE_CHECKING:
    from newsreader.ui.main_window import MainWindow

#: Bumped when what is saved changes meaning; also passed to ``saveState``.
WINDOW_STATE_VERSION = 1


class WindowLayout:
    """Saves and restores the window's layout and selection in ``state_file``.

    Without a state file (a profile without paths) nothing is saved or restored.
    """

    def __init__(self, window: MainWindow, state_file: Path | None) -> None:
        self._window = window
        self._state_file = state_file
        # sidebar nodes to collapse once the first count brings them
        self._pending_collapsed: list[str] = []

    def _state(self) -> QSettings | None:
        if self._state_file is None:
            return None
        return QSettings(str(self._state_file), QSettings.Format.IniFormat)

    def save(self) -> None:
        """Remember geometry, splitters, docks, columns and what was selected."""
        state = self._state()
        if state is None:
            return
        w = self._window
        state.setValue("version", WINDOW_STATE_VERSION)
        state.setValue("window/geometry", w.saveGeometry())
        state.setValue("window/state", w.saveState(WINDOW_STATE_VERSION))
        state.setValue("splitters/main", w.main_splitter.saveState())
        state.setValue("splitters/content", w.content_splitter.saveState())
        state.setValue("list/header", w.article_view.header().saveState())
        state.setValue("list/order", w.article_model.query().order)
        state.setValue("selection/view", w.views.current_key or "")
        state.setValue("selection/article", w.navigation.current_article_id() or 0)
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
            w.main_splitter.restoreState(main)
        if (content := blob("splitters/content")) is not None:
            w.content_splitter.restoreState(content)
        if (header := blob("list/header")) is not None:
            w.article_view.header().restoreState(header)
        collapsed = state.value("sidebar/collapsed") or []
        if isinstance(collapsed, str):
            collapsed = [collapsed]
        if w.sidebar_model.is_counted():
            for key in collapsed:
                index = w.sidebar_model.index_for_key(str(key))
                if index.isValid():
                    w.sidebar_view.collapse(index)
        else:  # the folders are not there yet: collapse them when they come
            self._pending_collapsed = [str(key) for key in collapsed]
        order = str(state.value("list/order") or "date")
        model = w.article_model
        if order in ("date", "source") and order != model.query().order:
            model.set_query(replace(model.query(), order=order), horizon=model.horizon())
        if selection:
            view = str(state.value("selection/view") or "")
            if view:
                w.views.reselect(view)
            elif order != "date":
                w.views.sync_sort_ui()
            try:
                article = int(state.value("selection/article") or 0)
            except (TypeError, ValueError):
                article = 0
            if article:
                w.navigation.select_article(article)
        w.views.sync_sort_ui()

    def collapse_pending(self) -> None:
        """The sidebar has all its nodes now: collapse those the last session had collapsed."""
        w = self._window
        for key in self._pending_collapsed:
            index = w.sidebar_model.index_for_key(key)
            if index.isValid():
                w.sidebar_view.collapse(index)
        self._pending_collapsed = []

    def _collapsed_keys(self) -> list[str]:
        model = self._window.sidebar_model
        keys = list(self._pending_collapsed)
        for key in model.all_keys():
            index = model.index_for_key(key)
            if model.hasChildren(index) and not self._window.sidebar_view.isExpanded(index):
                keys.append(key)
        return keys
