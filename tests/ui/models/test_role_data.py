"""A model answers the roles a view asks for together exactly as it answers them one by one."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, QModelRoleData, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from newsreader.core.types import ArticleQuery
from newsreader.reader import Reader
from newsreader.ui.models.article_list import ArticleListModel, ReadRole
from newsreader.ui.models.role_data import answer_nothing, answer_roles
from newsreader.ui.models.sidebar import (
    BadgeRole,
    KindRole,
    LookRole,
    SidebarModel,
    build_snapshot,
)

pytestmark = pytest.mark.gui

#: Every role of Qt's own (each test adds some of the model's own).
_ROLES = [int(role) for role in Qt.ItemDataRole if role < Qt.ItemDataRole.UserRole]


def _comparable(value: Any) -> Any:
    """Icons compare by what they draw; other values as they are."""
    return ("icon", value.cacheKey()) if isinstance(value, QIcon) else value


def _every_index(model: QAbstractItemModel, parent: QModelIndex | None = None) -> list[QModelIndex]:
    parent = parent or QModelIndex()
    found = []
    for row in range(model.rowCount(parent)):
        for column in range(model.columnCount(parent)):
            index = model.index(row, column, parent)
            found.append(index)
            if column == 0:
                found += _every_index(model, index)
    return found


def _check_alike(model: QAbstractItemModel, roles: list[int]) -> int:
    """Every index and role of *model* answered alike both ways; how many answers had a value."""
    answered = 0
    for index in _every_index(model):
        for role in roles:
            one = QModelRoleData(role)
            model.multiData(index, one)
            alone = model.data(index, role)
            assert _comparable(one.data()) == _comparable(alone), (index.row(), role)
            answered += alone is not None
    return answered


def _models(reader: Reader) -> tuple[ArticleListModel, SidebarModel]:
    articles = ArticleListModel(reader)
    articles.set_query(ArticleQuery())
    sidebar = SidebarModel(reader)
    sidebar.apply_snapshot(build_snapshot(reader))
    return articles, sidebar


def test_every_role_is_answered_alike_together_and_alone(qapp: Any, profile: Reader) -> None:
    articles, sidebar = _models(profile)
    assert articles.rowCount() > 0
    assert _check_alike(articles, [*_ROLES, int(ReadRole)]) > articles.rowCount()
    own = [int(KindRole), int(BadgeRole), int(LookRole)]
    assert _check_alike(sidebar, [*_ROLES, *own]) > sidebar.rowCount()


def test_a_delegate_reads_a_cell_in_one_call_with_the_same_answers(
    qapp: Any, profile: Reader, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles, _sidebar = _models(profile)
    index = articles.index(0, 1)
    expected_text = articles.data(index, Qt.ItemDataRole.DisplayRole)
    calls: list[int] = []
    data = ArticleListModel.data

    def counted(self: ArticleListModel, *args: Any) -> Any:
        calls.append(1)
        return data(self, *args)

    monkeypatch.setattr(ArticleListModel, "data", counted)
    option = QStyleOptionViewItem()
    QStyledItemDelegate().initStyleOption(option, index)  # Qt asks for its roles together
    assert option.text == expected_text
    assert calls == []  # not one call per role


def test_an_index_the_model_does_not_hold_has_no_values(qapp: Any, profile: Reader) -> None:
    articles, sidebar = _models(profile)
    for model in (articles, sidebar):
        one = QModelRoleData(int(Qt.ItemDataRole.DisplayRole))
        one.setData("left over")
        model.multiData(QModelIndex(), one)
        assert one.data() is None
    one = QModelRoleData(int(Qt.ItemDataRole.ToolTipRole))
    answer_roles(one, lambda role: f"role {role}")
    assert one.data() == f"role {int(Qt.ItemDataRole.ToolTipRole)}"
    answer_nothing(one)
    assert one.data() is None
