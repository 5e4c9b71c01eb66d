"""Answering all the roles a view asks a model for at once.

To paint one cell, Qt asks the model for a handful of roles (text, icon, font,
colours, alignment ...).  Asked one by one, each is a call from C++ into Python,
which also waits for the interpreter's lock while another thread runs Python; a
model that answers them together in ``multiData`` is called once per cell.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, cast

from PySide6.QtCore import QModelRoleData, QModelRoleDataSpan


def answer_roles(span: QModelRoleDataSpan | QModelRoleData, value_of: Callable[[int], Any]) -> None:
    """Give every role of *span* ``value_of(role)``; None leaves a role without a value."""
    items = (span,) if isinstance(span, QModelRoleData) else cast(Iterable[QModelRoleData], span)
    for item in items:
        value = value_of(item.role())
        if value is None:
            item.clearData()
        else:
            item.setData(value)


def answer_nothing(span: QModelRoleDataSpan | QModelRoleData) -> None:
    """Leave every role of *span* without a value (an index the model does not hold)."""
    answer_roles(span, lambda _role: None)
