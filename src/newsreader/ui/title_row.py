"""The row above the article list: the view's name, its counts, a failed update, the filter box.

The row only shows what it is given (:class:`~newsreader.ui.view_selection.ViewSelection`
decides what that is); the reason of a failed update is cut to a width that leaves
the filter box its room, and the whole of it is in the tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from newsreader.ui.icons import Icon, icon
from newsreader.ui.plain_text import plain_label, tooltip_text

#: The longest the reason of a failed update may be in the row, in pixels.
ERROR_TEXT_WIDTH = 360


class TitleRow(QWidget):
    """The view's title and counts, why its last update failed, and the filter box."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("titleRow")
        self.title = plain_label(self)  # a feed's or topic's own name
        self.title.setObjectName("viewTitle")
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        self.counts = plain_label(self)
        self.counts.setObjectName("viewCounts")
        self.error_icon = QLabel(self)
        self.error_icon.setObjectName("viewError")
        self.error_icon.setPixmap(icon(Icon.ERROR).pixmap(16, 16))
        self.error_icon.hide()
        self.error_text = plain_label(self)  # why, in words (the whole of it in a tooltip)
        self.error_text.setObjectName("viewErrorText")
        self.error_text.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.error_text.hide()
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("filterEdit")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.addAction(icon(Icon.FILTER), QLineEdit.ActionPosition.LeadingPosition)
        self.filter_edit.setMaximumWidth(320)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 8, 4)
        layout.setSpacing(10)
        layout.addWidget(self.title)
        layout.addWidget(self.counts)
        layout.addWidget(self.error_icon)
        layout.addWidget(self.error_text)
        layout.addStretch(1)
        layout.addWidget(self.filter_edit)

    def show_title(self, text: str) -> None:
        self.title.setText(text)

    def show_counts(self, text: str) -> None:
        self.counts.setText(text)

    def show_error(self, message: str | None, details: str = "") -> None:
        """Say why the view's last update failed (``None``: it did not fail).

        ``details`` is the tooltip of the icon and of the text beside it.
        """
        failed = message is not None
        self.error_icon.setVisible(failed)
        self.error_text.setVisible(failed)
        if message is None:
            return
        tip = tooltip_text(details)
        self.error_icon.setToolTip(tip)
        self.error_text.setToolTip(tip)
        metrics = self.error_text.fontMetrics()
        self.error_text.setText(
            metrics.elidedText(message, Qt.TextElideMode.ElideRight, ERROR_TEXT_WIDTH)
        )
