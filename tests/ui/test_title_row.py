"""The title row above the article list: what it is told, shown as plain text."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from newsreader.ui.title_row import ERROR_TEXT_WIDTH, TitleRow

pytestmark = pytest.mark.gui


@pytest.fixture
def row(qtbot) -> TitleRow:
    widget = TitleRow()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_the_title_and_counts_are_plain_text(row: TitleRow) -> None:
    row.show_title("<b>World</b>")
    row.show_counts("20 articles · 3 unread")
    assert row.title.text() == "<b>World</b>"
    assert row.title.textFormat() == Qt.TextFormat.PlainText
    assert row.counts.text() == "20 articles · 3 unread"


def test_a_failed_update_shows_a_cut_reason_and_all_of_it_in_the_tooltip(row: TitleRow) -> None:
    message = "Last update failed: " + "the server would not answer " * 20
    row.show_error(message, message + "\n\nconnection refused")
    assert row.error_icon.isVisible() and row.error_text.isVisible()
    # "…", or "..." when the font's first face (an Arabic one) has no ellipsis sign
    assert row.error_text.text().endswith(("…", "..."))
    assert row.error_text.fontMetrics().horizontalAdvance(row.error_text.text()) <= (
        ERROR_TEXT_WIDTH
    )
    assert "connection refused" in row.error_icon.toolTip()
    assert row.error_icon.toolTip() == row.error_text.toolTip()
    row.show_error(None)
    assert not row.error_icon.isVisible() and not row.error_text.isVisible()
