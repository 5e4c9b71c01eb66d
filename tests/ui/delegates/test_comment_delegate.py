"""Comments as painted: each in its own direction, replies indented, rows measured as painted.

The thread model and the delegate in a list view set up as the comments panel sets
up its own, painted offscreen and read back pixel by pixel.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics
from PySide6.QtWidgets import QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from newsreader.core.types import Comment, Direction
from newsreader.ui.delegates.comment_delegate import (
    INDENT,
    MAX_INDENT_DEPTH,
    PADDING,
    CommentDelegate,
)
from newsreader.ui.models.comment_list import CommentListModel
from tests.ui.delegates.conftest import box_of, grab, ink_box, ink_span, pixels, wrapping_list

pytestmark = pytest.mark.gui

NOW = datetime.now(UTC)
LTR, RTL = Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft
LONG_ENGLISH = "<p>" + "Thanks for the clear report on the ministers' meeting. " * 8 + "</p>"


class Thread:
    """A thread in a list view, as the comments panel shows one."""

    def __init__(
        self,
        qtbot: QtBot,
        comments: Sequence[Comment],
        ui_direction: Qt.LayoutDirection = LTR,
    ) -> None:
        self.model = CommentListModel()
        self.view, delegate = wrapping_list(
            qtbot, self.model, CommentDelegate, ui_direction, (420, 600)
        )
        assert isinstance(delegate, CommentDelegate)
        self.delegate = delegate
        self.model.set_comments(comments)
        self.view.show()
        qtbot.waitExposed(self.view)

    def rect(self, row: int) -> QRect:
        return self.view.visualRect(self.model.index(row, 0))

    def height_for(self, comment: Comment, font: QFont | None = None) -> int:
        """The height the delegate asks for *comment* (shown alone) in this view."""
        self.model.set_comments([comment])
        option = QStyleOptionViewItem()
        self.view.initViewItemOption(option)
        if font is not None:
            option.font, option.fontMetrics = font, QFontMetrics(font)
        return self.delegate.sizeHint(option, self.model.index(0, 0)).height()


def comment(
    comment_id: int,
    html: str,
    direction: Direction = Direction.LTR,
    *,
    author: str | None = "John",
    depth: int = 0,
) -> Comment:
    return Comment(comment_id, 1, f"c{comment_id}", None, author, NOW, html, direction, depth=depth)


def is_black(color: QColor) -> bool:
    """The text colour itself (the author's name), not the muted time beside it."""
    return color.lightness() < 50


def is_grey(color: QColor) -> bool:
    """The muted colour of the time: lighter than the name, darker than the background."""
    return 50 <= color.lightness() < 200


@pytest.mark.parametrize(
    "ui_direction", [Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft]
)
def test_each_comment_is_painted_in_its_own_direction(
    qtbot: QtBot, ui_direction: Qt.LayoutDirection
) -> None:
    short = [
        Comment(1, 1, "a", None, "سلمى", NOW, "<p>رأي قصير</p>", Direction.RTL),
        Comment(2, 1, "b", None, "John", NOW, "<p>Short view</p>", Direction.LTR),
    ]
    thread = Thread(qtbot, short, ui_direction)

    view = thread.view
    image = view.viewport().grab().toImage()
    width = view.viewport().width()
    rtl_rect = view.visualRect(thread.model.index(0, 0))
    ltr_rect = view.visualRect(thread.model.index(1, 0))
    left, right = ink_span(image, rtl_rect.top() + 2, rtl_rect.bottom() - 2)
    assert right > width * 0.8 and left > width * 0.3  # Arabic hugs the right edge
    left, right = ink_span(image, ltr_rect.top() + 2, ltr_rect.bottom() - 2)
    assert left < width * 0.2 and right < width * 0.7  # English hugs the left edge


def test_replies_are_indented_from_the_interfaces_start_side(qtbot: QtBot) -> None:
    thread = [
        Comment(1, 1, "a", None, "John", NOW, "<p>Top</p>", Direction.LTR, depth=0),
        Comment(2, 1, "b", 1, "John", NOW, "<p>Reply</p>", Direction.LTR, depth=2),
    ]
    shown = Thread(qtbot, thread)
    image = shown.view.viewport().grab().toImage()
    top_rect = shown.view.visualRect(shown.model.index(0, 0))
    reply_rect = shown.view.visualRect(shown.model.index(1, 0))
    top_left, _ = ink_span(image, top_rect.top() + 4, top_rect.bottom() - 4)
    reply_left, _ = ink_span(image, reply_rect.top() + 4, reply_rect.bottom() - 4)
    assert reply_left >= top_left + 20  # two levels of indentation


@pytest.mark.parametrize(
    ("ui_direction", "direction"), [(LTR, Direction.LTR), (RTL, Direction.RTL)]
)
def test_replies_indent_one_step_a_level_up_to_the_deepest_that_indents(
    qtbot: QtBot, ui_direction: Qt.LayoutDirection, direction: Direction
) -> None:
    text = "<p>Reply</p>" if direction is Direction.LTR else "<p>رد</p>"
    author = "John" if direction is Direction.LTR else "سلمى"
    depths = (0, 1, MAX_INDENT_DEPTH, MAX_INDENT_DEPTH + 3)
    thread = Thread(
        qtbot,
        [comment(n, text, direction, author=author, depth=d) for n, d in enumerate(depths, 1)],
        ui_direction,
    )
    image = grab(thread.view)
    starts = []
    for row in range(len(depths)):
        box = ink_box(image, thread.rect(row))
        starts.append(box.left() if ui_direction == LTR else thread.rect(row).right() - box.right())
    top, one, deepest, deeper = starts
    assert abs(one - top - INDENT) <= 1
    assert abs(deepest - top - MAX_INDENT_DEPTH * INDENT) <= 1
    assert deeper == deepest  # no further: a deep thread keeps room for its words


@pytest.mark.parametrize("direction", [Direction.LTR, Direction.RTL])
def test_the_header_gives_the_author_then_the_time_from_the_comments_start(
    qtbot: QtBot, direction: Direction
) -> None:
    author = "John" if direction is Direction.LTR else "سلمى"
    text = "<p>A view</p>" if direction is Direction.LTR else "<p>رأي</p>"
    thread = Thread(qtbot, [comment(1, text, direction, author=author)])
    image = grab(thread.view)
    row = thread.rect(0)
    header_height = QFontMetrics(thread.view.font()).height()
    header = QRect(row.left(), row.top() + PADDING, row.width(), header_height)
    name = box_of(image, header, is_black)
    when = box_of(image, header, is_grey, name.adjusted(-1, -1, 1, 1))
    assert min(image.pixelColor(x, y).lightness() for x, y in pixels(image, when, is_grey)) > 80
    if direction is Direction.LTR:
        assert name.left() - row.left() <= PADDING + 2 and when.left() > name.right()
    else:
        assert row.right() - name.right() <= PADDING + 2 and when.right() < name.left()
    assert when.width() > 40  # "just now", in the muted colour


def test_a_comment_without_an_author_is_signed_anonymous(qtbot: QtBot) -> None:
    thread = Thread(qtbot, [comment(1, "<p>Hello</p>", author="  "), comment(2, "<p>Hi</p>")])
    image = grab(thread.view)
    bold = QFont(thread.view.font())
    bold.setBold(True)
    metrics = QFontMetrics(bold)
    for row, name in ((0, "Anonymous"), (1, "John")):
        rect = thread.rect(row)
        header = QRect(rect.left(), rect.top() + PADDING, rect.width(), metrics.height())
        written = box_of(image, header, is_black).width()
        assert abs(written - metrics.tightBoundingRect(name).width()) <= 3


def test_a_long_comment_wraps_and_its_row_holds_every_line(qtbot: QtBot) -> None:
    thread = Thread(qtbot, [comment(1, LONG_ENGLISH), comment(2, "<p>Short</p>")])
    image = grab(thread.view)
    row = thread.rect(0)
    text = ink_box(image, row)
    line = QFontMetrics(thread.view.font()).height()
    assert text.height() > 4 * line  # many lines, not one cut at the edge
    assert text.right() <= row.right() - PADDING + 1
    # measured with the flags it is painted with: the last line ends just above the padding
    assert 0 <= row.bottom() - text.bottom() <= PADDING + line // 2
    assert thread.rect(1).top() == row.bottom() + 1  # the next comment below, not over it


def test_rows_grow_with_the_text_the_font_and_a_narrower_view(qtbot: QtBot) -> None:
    thread = Thread(qtbot, [])
    short = thread.height_for(comment(1, "<p>Short</p>"))
    long = thread.height_for(comment(2, LONG_ENGLISH))
    assert long > short + 3 * QFontMetrics(thread.view.font()).height()
    big = QFont(thread.view.font())
    big.setPointSize(thread.view.font().pointSize() * 2)
    assert thread.height_for(comment(3, LONG_ENGLISH), big) > long
    thread.view.resize(260, 600)
    qtbot.waitUntil(lambda: thread.view.viewport().width() < 300)
    assert thread.height_for(comment(2, LONG_ENGLISH)) > long  # measured again for the width
    empty = thread.height_for(comment(4, ""))
    assert empty == 2 * PADDING + QFontMetrics(thread.view.font()).height() + 3  # header only


def test_a_comment_changed_on_the_site_is_measured_again(qtbot: QtBot) -> None:
    thread = Thread(qtbot, [])
    before = thread.height_for(comment(1, "<p>Short</p>"))
    after = thread.height_for(comment(1, LONG_ENGLISH))  # the same comment, edited
    assert after > before
    assert thread.height_for(comment(1, "<p>Short</p>")) == before
