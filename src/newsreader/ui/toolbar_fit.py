"""The toolbar's labels while they fit, its icons alone when the window is narrow.

At 900 px an English toolbar with a label beside every icon is wider than the window,
and Qt moves what does not fit into an overflow menu — the search box first, since it
sits at the end. :class:`ToolbarFit` watches the toolbar's width and drops the labels
(each action keeps its name as a tooltip) when they would not fit, bringing them back
when the window grows again. The width the labels need is measured while they are
shown and measured again when the language changes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QToolBar

WITH_LABELS = Qt.ToolButtonStyle.ToolButtonTextBesideIcon
ICONS_ONLY = Qt.ToolButtonStyle.ToolButtonIconOnly


class ToolbarFit(QObject):
    """Switches *toolbar* between labelled and icon-only buttons by its width."""

    def __init__(self, toolbar: QToolBar) -> None:
        super().__init__(toolbar)
        self._toolbar = toolbar
        self._labelled_width = 0  # what the labelled toolbar asks for; 0: not measured
        toolbar.setToolButtonStyle(WITH_LABELS)
        toolbar.installEventFilter(self)

    @property
    def labelled(self) -> bool:
        """Whether the buttons show their labels now."""
        return self._toolbar.toolButtonStyle() == WITH_LABELS

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self._toolbar and kind == QEvent.Type.Resize:
            self.fit()
        elif watched is self._toolbar and kind == QEvent.Type.LanguageChange:
            self._labelled_width = 0  # the labels' widths change with the language
            self._toolbar.setToolButtonStyle(WITH_LABELS)
            self.fit()
        return False

    def fit(self) -> None:
        """Labels if they fit in the toolbar's width now, icons alone if not."""
        if self.labelled:
            self._labelled_width = self._toolbar.sizeHint().width()
        width = self._toolbar.width()
        if width <= 1:
            return  # not laid out yet
        style = WITH_LABELS if width >= self._labelled_width else ICONS_ONLY
        if style != self._toolbar.toolButtonStyle():
            self._toolbar.setToolButtonStyle(style)
