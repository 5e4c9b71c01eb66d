"""The info bar: a message with a button per action and a close button, never a dialog."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLabel, QToolButton, QVBoxLayout, QWidget

from newsreader.ui.info_bar import InfoBar

pytestmark = pytest.mark.gui


@pytest.fixture
def bar(qtbot: Any) -> Iterator[InfoBar]:
    """A bar in a window of its own, as above the article list."""
    host = QWidget()
    qtbot.addWidget(host)
    info = InfoBar(host)
    QVBoxLayout(host).addWidget(info)
    host.resize(500, 120)
    host.show()
    qtbot.waitExposed(host)
    yield info


def action_buttons(bar: InfoBar) -> list[QToolButton]:
    return [b for b in bar.findChildren(QToolButton) if b.defaultAction() is not None]


def close_button(bar: InfoBar) -> QToolButton:
    [button] = [b for b in bar.findChildren(QToolButton) if b.defaultAction() is None]
    return button


def test_hidden_until_there_is_something_to_say(bar: InfoBar) -> None:
    assert not bar.isVisible() and bar.text() == ""
    bar.show_message("Two feeds could not be reached.")
    assert bar.isVisible() and bar.text() == "Two feeds could not be reached."
    assert action_buttons(bar) == []
    assert QApplication.activeModalWidget() is None


def test_each_action_gets_a_button_before_the_close_button(qtbot: Any, bar: InfoBar) -> None:
    add, later = QAction("Add them", bar), QAction("Later", bar)
    bar.show_message("Welcome!", [add, later])
    buttons = action_buttons(bar)
    assert [b.defaultAction() for b in buttons] == [add, later]
    assert all(b.text() and b.isVisible() for b in buttons)
    assert [b.toolButtonStyle() for b in buttons] == [Qt.ToolButtonStyle.ToolButtonTextOnly] * 2
    order = [bar.layout().indexOf(w) for w in (*buttons, close_button(bar))]
    assert order == sorted(order) and bar.layout().indexOf(bar.findChild(QLabel)) < order[0]
    with qtbot.waitSignal(add.triggered), qtbot.assertNotEmitted(bar.closed):
        qtbot.mouseClick(buttons[0], Qt.MouseButton.LeftButton)
    assert not bar.isVisible()  # an answer puts the bar away


def test_a_new_message_brings_its_own_buttons(qtbot: Any, bar: InfoBar) -> None:
    first = [QAction(f"First {n}", bar) for n in range(3)]
    retry = QAction("Retry", bar)
    bar.show_message("One", first)
    old = action_buttons(bar)
    bar.show_message("Two", [retry])
    assert bar.text() == "Two"
    qtbot.waitUntil(lambda: [b.defaultAction() for b in action_buttons(bar)] == [retry])
    assert not any(b in action_buttons(bar) for b in old)
    bar.show_message("Three")
    qtbot.waitUntil(lambda: action_buttons(bar) == [])


def test_closing_hides_the_bar_and_says_so(qtbot: Any, bar: InfoBar) -> None:
    bar.set_close_tooltip("Close")
    bar.show_message("Demo loaded")
    close = close_button(bar)
    assert close.toolTip() == "Close" and not close.icon().isNull()
    with qtbot.waitSignal(bar.closed):
        qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert not bar.isVisible()
    bar.show_message("Again")
    with qtbot.waitSignal(bar.closed):
        bar.dismiss()
    assert not bar.isVisible()


def test_outside_text_is_shown_as_it_is_and_wraps(bar: InfoBar) -> None:
    text = "<b>تعذّر</b> الوصول إلى <a href='https://example.org'>المصدر</a> " * 4
    bar.show_message(text)
    label = bar.findChild(QLabel)
    assert label.textFormat() == Qt.TextFormat.PlainText and label.text() == text
    assert label.wordWrap() and label.height() > 2 * label.fontMetrics().height()
