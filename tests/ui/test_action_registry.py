"""The action registry: one QAction per command, its menus, its language."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from newsreader.ui.action_registry import ActionId, ActionRegistry
from newsreader.ui.i18n import Translations

pytestmark = pytest.mark.gui


@pytest.fixture
def host(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_every_command_has_one_action(host: QWidget) -> None:
    registry = ActionRegistry(host)
    actions = registry.all()
    assert len(actions) == len(ActionId) == len(set(map(id, actions)))
    assert registry[ActionId.REFRESH].objectName() == "action_refresh"
    assert registry[ActionId.REFRESH].shortcuts()[0] == QKeySequence("R")
    assert registry[ActionId.SORT_BY_SOURCE].isCheckable()
    assert registry[ActionId.ADD_FEED].toolTip() == "Subscribe to a feed or a site"
    assert registry[ActionId.COPY_LINK].toolTip() == "Copy Link"  # from its label


def test_menus_are_filled_in_order_with_separators(host: QWidget) -> None:
    registry = ActionRegistry(host)
    menu = QMenu(host)
    registry.add_to_menu(menu, (ActionId.TOGGLE_READ, None, ActionId.COPY_LINK))
    items = menu.actions()
    assert items[0] is registry[ActionId.TOGGLE_READ]
    assert items[1].isSeparator()
    assert items[2] is registry[ActionId.COPY_LINK]


def test_labels_follow_the_language(host: QWidget, arabic: Translations) -> None:
    registry = ActionRegistry(host)
    assert registry[ActionId.REFRESH].text() == "&تحديث"
