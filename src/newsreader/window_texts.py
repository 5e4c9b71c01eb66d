"""The texts a window shows, one a line: how a check reads what a screenshot shows.

``newsreader --screenshot out.png --screenshot-texts out.txt`` writes them beside the
picture, so a test of an installed copy can tell that the window came up in the
language asked for (that the compiled catalogue was found and loaded) without
reading pixels.  Collected: the window title, the menu bar's menus and their items,
the labels, buttons and tool buttons, the fields' placeholders, the column headers
and the rows of the lists and trees on show, and every accessible name.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QMenu,
    QMenuBar,
    QWidget,
)

__all__ = ["window_texts"]

#: Rows read from each list or tree: enough for what fits on a screen.
_MAX_ROWS = 200


def _plain(text: str) -> str:
    """A menu's or button's text without its mnemonic marker (``&File`` → ``File``)."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip()


def _menu_texts(menu: QMenu) -> list[str]:
    texts = [_plain(menu.title())]
    for action in menu.actions():
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            texts += _menu_texts(submenu)
        elif not action.isSeparator():
            texts.append(_plain(action.text()))
    return texts


def _columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    """A model's columns (a list model has one, and hides the count from Python)."""
    return 1 if isinstance(model, QAbstractListModel) else model.columnCount(parent)


def _model_texts(model: QAbstractItemModel) -> list[str]:
    texts: list[str] = []
    for column in range(_columns(model, QModelIndex())):
        header = model.headerData(column, Qt.Orientation.Horizontal)
        if isinstance(header, str):
            texts.append(header)
    pending = [QModelIndex()]
    while pending and len(texts) < _MAX_ROWS:
        parent = pending.pop(0)
        for row in range(min(model.rowCount(parent), _MAX_ROWS)):
            for column in range(_columns(model, parent)):
                value = model.data(model.index(row, column, parent))
                if isinstance(value, str):
                    texts.append(value)
            pending.append(model.index(row, 0, parent))
    return texts


def _widget_texts(widget: QWidget) -> list[str]:
    texts = [widget.accessibleName()]
    if isinstance(widget, QLabel):
        texts.append(widget.text())
    elif isinstance(widget, QAbstractButton):
        texts.append(_plain(widget.text()))
    elif isinstance(widget, QLineEdit):
        texts.append(widget.placeholderText())
    elif isinstance(widget, QMenuBar):
        for action in widget.actions():
            submenu = action.menu()
            if isinstance(submenu, QMenu):
                texts += _menu_texts(submenu)
    elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
        texts += _model_texts(widget.model())
    return texts


def window_texts(window: QWidget) -> list[str]:
    """The texts ``window`` shows, each once, in the order met (title first)."""
    texts = [window.windowTitle(), *_widget_texts(window)]
    for child in window.findChildren(QWidget):
        if child.isVisibleTo(window) or isinstance(child, QMenuBar):
            texts += _widget_texts(child)
    seen: set[str] = set()
    kept = []
    for text in (t.strip() for t in texts):
        if text and text not in seen:
            seen.add(text)
            kept.append(text)
    return kept
