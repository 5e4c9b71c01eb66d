"""Every command of the main window as a ``QAction``, registered in one place.

Actions are keyed by :class:`ActionId`; menus, the toolbar, context menus and tests
all fetch them from :class:`ActionRegistry`, so a shortcut or a label is defined
exactly once and shows the same everywhere (menus display the first shortcut).
Texts are looked up again by :meth:`ActionRegistry.retranslate` when the language
changes.  The window's parts receive the registry, not the window, to enable the
commands they answer for and to build their context menus.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from newsreader.ui.icons import Icon, icon


class ActionId(enum.Enum):
    """The main window's commands."""

    ADD_FEED = enum.auto()
    IMPORT_OPML = enum.auto()
    EXPORT_OPML = enum.auto()
    ADD_SUGGESTED = enum.auto()
    QUIT = enum.auto()
    UNDO = enum.auto()
    REDO = enum.auto()
    FIND = enum.auto()
    PREFERENCES = enum.auto()
    SORT_BY_DATE = enum.auto()
    SORT_BY_SOURCE = enum.auto()
    ZOOM_IN = enum.auto()
    ZOOM_OUT = enum.auto()
    ZOOM_RESET = enum.auto()
    NEXT_ARTICLE = enum.auto()
    PREVIOUS_ARTICLE = enum.auto()
    SCROLL_OR_NEXT_UNREAD = enum.auto()
    TOGGLE_READ = enum.auto()
    TOGGLE_STAR = enum.auto()
    MARK_ALL_READ = enum.auto()
    OPEN_IN_BROWSER = enum.auto()
    COPY_LINK = enum.auto()
    REFRESH = enum.auto()
    CANCEL_REFRESH = enum.auto()
    TOGGLE_PIN = enum.auto()
    REMOVE_FEED = enum.auto()
    ABOUT = enum.auto()


@dataclass(frozen=True, slots=True)
class _Spec:
    text: str
    shortcuts: tuple[str | QKeySequence.StandardKey, ...] = ()
    icon: Icon | None = None
    tip: str = ""
    checkable: bool = False


class ActionRegistry(QObject):
    """Owns the window's actions; ``registry[ActionId.REFRESH]`` gets one."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._actions: dict[ActionId, QAction] = {}
        for action_id, spec in self._specs().items():
            action = QAction(parent)
            action.setObjectName(f"action_{action_id.name.lower()}")
            action.setCheckable(spec.checkable)
            if spec.icon is not None:
                action.setIcon(icon(spec.icon))
            action.setShortcuts([QKeySequence(s) for s in spec.shortcuts])
            self._actions[action_id] = action
        self.retranslate()

    def _specs(self) -> dict[ActionId, _Spec]:
        """Labels and shortcuts; called again on a language change."""
        key = QKeySequence.StandardKey
        return {
            ActionId.ADD_FEED: _Spec(
                self.tr("&Add Feed…"),
                ("Ctrl+N",),
                Icon.ADD,
                self.tr("Subscribe to a feed or a site"),
            ),
            ActionId.IMPORT_OPML: _Spec(self.tr("&Import Subscriptions…")),
            ActionId.EXPORT_OPML: _Spec(self.tr("&Export Subscriptions…")),
            ActionId.ADD_SUGGESTED: _Spec(self.tr("Add &Suggested Subscriptions")),
            ActionId.QUIT: _Spec(self.tr("&Quit"), ("Ctrl+Q",)),
            ActionId.UNDO: _Spec(self.tr("&Undo"), (key.Undo,)),
            ActionId.REDO: _Spec(self.tr("&Redo"), (key.Redo,)),
            ActionId.FIND: _Spec(self.tr("&Search"), ("/", key.Find), Icon.FILTER),
            ActionId.PREFERENCES: _Spec(self.tr("&Preferences…"), ("Ctrl+,",), Icon.PREFERENCES),
            ActionId.SORT_BY_DATE: _Spec(self.tr("Sort by &Date"), (), None, "", True),
            ActionId.SORT_BY_SOURCE: _Spec(self.tr("Sort by &Source"), (), None, "", True),
            ActionId.ZOOM_IN: _Spec(self.tr("Zoom &In"), ("Ctrl+=", "Ctrl++")),
            ActionId.ZOOM_OUT: _Spec(self.tr("Zoom &Out"), ("Ctrl+-",)),
            ActionId.ZOOM_RESET: _Spec(self.tr("&Normal Size"), ("Ctrl+0",)),
            ActionId.NEXT_ARTICLE: _Spec(self.tr("&Next Article"), ("J", "N")),
            ActionId.PREVIOUS_ARTICLE: _Spec(self.tr("&Previous Article"), ("K", "P")),
            ActionId.SCROLL_OR_NEXT_UNREAD: _Spec(
                self.tr("Scroll Down or Next &Unread"), ("Space",)
            ),
            ActionId.TOGGLE_READ: _Spec(self.tr("Mark as &Read/Unread"), ("M",), Icon.UNREAD),
            ActionId.TOGGLE_STAR: _Spec(self.tr("&Star/Unstar"), ("S",), Icon.STAR),
            ActionId.MARK_ALL_READ: _Spec(
                self.tr("Mark &All as Read"),
                ("Ctrl+Shift+A",),
                Icon.MARK_READ,
                self.tr("Mark every article in this view as read"),
            ),
            ActionId.OPEN_IN_BROWSER: _Spec(
                self.tr("&Open in Browser"), ("O",), Icon.OPEN_EXTERNAL
            ),
            ActionId.COPY_LINK: _Spec(self.tr("&Copy Link")),
            ActionId.REFRESH: _Spec(
                self.tr("&Refresh"), ("R", key.Refresh), Icon.REFRESH, self.tr("Fetch new articles")
            ),
            ActionId.CANCEL_REFRESH: _Spec(self.tr("&Stop Refreshing"), (), Icon.CANCEL),
            ActionId.TOGGLE_PIN: _Spec(
                self.tr("&Pin to Important Sections"), (), Icon.PINNED, "", True
            ),
            ActionId.REMOVE_FEED: _Spec(self.tr("&Unsubscribe…")),
            ActionId.ABOUT: _Spec(self.tr("&About Newsreader"), (), Icon.APP),
        }

    def __getitem__(self, action_id: ActionId) -> QAction:
        return self._actions[action_id]

    def all(self) -> list[QAction]:
        return list(self._actions.values())

    def add_to_menu(self, menu: QMenu, items: Iterable[ActionId | None]) -> None:
        """Add the actions ``items`` to ``menu`` in order (``None``: a separator)."""
        for item in items:
            if item is None:
                menu.addSeparator()
            else:
                menu.addAction(self._actions[item])

    def retranslate(self) -> None:
        """Re-read every label in the current language."""
        for action_id, spec in self._specs().items():
            action = self._actions[action_id]
            action.setText(spec.text)
            plain = spec.text.replace("&", "").removesuffix("…")
            action.setToolTip(spec.tip or plain)
            action.setStatusTip(spec.tip or plain)

    def refresh_icons(self) -> None:
        """Re-tint icons after a palette change."""
        for action_id, spec in self._specs().items():
            if spec.icon is not None:
                self._actions[action_id].setIcon(icon(spec.icon))
