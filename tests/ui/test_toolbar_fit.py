"""The toolbar drops its labels when they do not fit and brings them back."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow, QToolBar

from newsreader.ui.icons import Icon, icon
from newsreader.ui.toolbar_fit import ICONS_ONLY, WITH_LABELS, ToolbarFit


def _window(qtbot, labels: list[str]) -> tuple[QMainWindow, QToolBar, ToolbarFit]:
    """A window whose toolbar holds *labels* and then a search box, as the main one does."""
    window = QMainWindow()
    qtbot.addWidget(window)
    toolbar = QToolBar(window)
    for label in labels:
        toolbar.addAction(QAction(icon(Icon.REFRESH), label, toolbar))
    search = QLineEdit(toolbar)
    search.setMinimumWidth(200)
    toolbar.addWidget(search)
    window.addToolBar(toolbar)
    fit = ToolbarFit(toolbar)
    return window, toolbar, fit


def _resize(window: QMainWindow, width: int) -> None:
    window.resize(width, 400)
    QApplication.processEvents()


def test_labels_go_when_the_window_is_narrow_and_come_back_when_it_grows(qtbot) -> None:
    labels = ["Mark All as Read", "Open in Browser", "Comments Panel", "Refresh All"]
    window, toolbar, fit = _window(qtbot, labels)
    window.show()
    _resize(window, 1600)
    assert toolbar.toolButtonStyle() == WITH_LABELS and fit.labelled
    _resize(window, 500)
    assert toolbar.toolButtonStyle() == ICONS_ONLY
    search = toolbar.findChild(QLineEdit)
    assert search.isVisible()  # still on the toolbar, not in its overflow menu
    _resize(window, 1600)
    assert toolbar.toolButtonStyle() == WITH_LABELS


def test_a_language_change_measures_the_labels_again(qtbot) -> None:
    window, toolbar, fit = _window(qtbot, ["A", "B"])
    window.show()
    _resize(window, 700)
    assert fit.labelled
    for action in toolbar.actions()[:2]:  # much longer names in another language
        action.setText("a very long translated label " * 2)
    QApplication.sendEvent(toolbar, QEvent(QEvent.Type.LanguageChange))
    QApplication.processEvents()
    assert toolbar.toolButtonStyle() == ICONS_ONLY
