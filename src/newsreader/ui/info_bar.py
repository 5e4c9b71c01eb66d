"""A non-modal message strip above the article list (never a blocking dialog)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

from newsreader.ui.icons import Icon, icon


class InfoBar(QFrame):
    """A message with buttons for actions and a close button.

    Signals:
        closed(): the user dismissed the bar.
    """

    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("infoBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        self._label = QLabel(self)
        self._label.setWordWrap(True)
        self._label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self._label, 1)
        self._buttons: list[QToolButton] = []
        self._layout = layout
        self._close = QToolButton(self)
        self._close.setAutoRaise(True)
        self._close.setIcon(icon(Icon.CANCEL))
        self._close.clicked.connect(self.dismiss)
        layout.addWidget(self._close)
        self.hide()

    def show_message(self, text: str, actions: list[QAction] | None = None) -> None:
        """Show ``text`` with a button per action (each button also hides the bar)."""
        for button in self._buttons:
            button.deleteLater()
        self._buttons.clear()
        self._label.setText(text)
        for action in actions or []:
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.clicked.connect(self.hide)
            self._layout.insertWidget(self._layout.count() - 1, button)
            self._buttons.append(button)
        self.show()

    def text(self) -> str:
        return self._label.text()

    def set_close_tooltip(self, text: str) -> None:
        self._close.setToolTip(text)

    def dismiss(self) -> None:
        self.hide()
        self.closed.emit()
