"""Text from outside the app, shown exactly as it is written.

Qt guesses whether the text of a label, a tooltip or a message box is HTML
(``Qt.mightBeRichText``), and the guess says yes for any text with something like a
tag in its first line: a headline such as "rates < 5% > forecast", a feed titled
"<b>Tech</b>", a server's error page.  Shown as HTML, such text loses words and can
pull a local image into the window.  Feed titles, headlines, categories, error
messages and the user's own notes therefore go into labels whose format is
:attr:`Qt.TextFormat.PlainText`, and into tooltips (which have no format setting)
through :func:`tooltip_text`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as QtGuiNamespace
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

__all__ = ["plain_label", "plain_question", "tooltip_text"]


def tooltip_text(text: str | None) -> str:
    """*text* as a tooltip that Qt shows literally (escaped only when Qt would misread it)."""
    if not text:
        return ""
    if not QtGuiNamespace.mightBeRichText(text):
        return text
    return QtGuiNamespace.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal)


def plain_label(parent: QWidget | None = None) -> QLabel:
    """A label that never reads its text as HTML."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def plain_question(parent: QWidget, title: str, text: str) -> bool:
    """Ask a yes/no question whose *text* may hold outside text; True for yes."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes
