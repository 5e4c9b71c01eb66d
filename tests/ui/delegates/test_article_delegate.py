"""The article list's rows as painted: each headline from its own start, the unread dot there.

A real profile (Arabic and English feeds from the local server, one article read)
in a real view with the delegate, painted offscreen and read back pixel by pixel.
The tests only look, so the module shares one profile.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import QStyleOptionViewItem, QTreeView

from newsreader.core.types import ArticleQuery, Direction
from newsreader.reader import Reader
from newsreader.ui.delegates.article_delegate import ArticleDelegate
from newsreader.ui.models.article_list import ArticleListModel, Column
from tests.helpers.feedserver import FeedServer
from tests.helpers.window_parts import article_list_for
from tests.ui.conftest import make_rss, serve
from tests.ui.delegates.conftest import grab, ink_box, is_ink, near, pixels

pytestmark = pytest.mark.gui

#: The strip at a headline's start kept for the dot (the delegate's _DOT_ROOM).
DOT_ROOM = 14
TITLE_WIDTH = 500
LONG_HEADLINE = "Ministers meet to discuss energy prices " * 6


@pytest.fixture(scope="module")
def listed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Reader]:
    """Four Arabic and four English articles, the oldest English one read, and a long one."""
    long = make_rss(1, title="Long", prefix="long").replace(
        "Item 0: ministers meet to discuss energy prices", LONG_HEADLINE
    )
    with FeedServer() as server, Reader.open(tmp_path_factory.mktemp("listed")) as reader:
        reader.add_feed(serve(server, "/ar.xml", make_rss(4, language="ar", prefix="ar")))
        english = reader.add_feed(serve(server, "/en.xml", make_rss(4, prefix="en")))
        reader.add_feed(serve(server, "/long.xml", long))
        reader.mark_read(reader.article_ids(ArticleQuery(feed_id=english.id))[-1:])
        yield reader


def painted_list(
    qtbot: Any,
    reader: Reader,
    *,
    ui_direction: Qt.LayoutDirection = Qt.LayoutDirection.LeftToRight,
    title_width: int = TITLE_WIDTH,
) -> tuple[ArticleListModel, QTreeView, ArticleDelegate]:
    model, view = article_list_for(qtbot, reader, shown=True)
    delegate = ArticleDelegate(view)
    view.setItemDelegate(delegate)
    view.setLayoutDirection(ui_direction)
    view.header().resizeSection(Column.TITLE, title_width)
    qtbot.waitUntil(lambda: view.visualRect(model.index(0, Column.TITLE)).width() == title_width)
    return model, view, delegate


def first_row(model: ArticleListModel, direction: Direction, *, read: bool = False) -> int:
    return next(
        row
        for row in range(model.rowCount())
        if model.article_at(row).direction is direction
        and model.article_at(row).read is read
        and model.article_at(row).title != LONG_HEADLINE.strip()
    )


def long_article(reader: Reader) -> int:
    return next(a.id for a in reader.list_articles() if a.title == LONG_HEADLINE.strip())


def strips(rect: QRect) -> tuple[QRect, QRect]:
    """The dot's strip at the cell's left edge and at its right edge."""
    left = QRect(rect.left(), rect.top(), DOT_ROOM, rect.height())
    right = QRect(rect.right() - DOT_ROOM + 1, rect.top(), DOT_ROOM, rect.height())
    return left, right


@pytest.mark.parametrize(
    "ui_direction", [Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft]
)
def test_every_headline_starts_at_the_interfaces_edge_with_the_dot_there(
    qtbot: Any, listed: Reader, ui_direction: Qt.LayoutDirection
) -> None:
    model, view, _ = painted_list(qtbot, listed, ui_direction=ui_direction)
    image = grab(view)
    accent = view.palette().color(QPalette.ColorRole.Accent)
    dot = lambda color: near(color, accent)  # noqa: E731
    rtl = ui_direction == Qt.LayoutDirection.RightToLeft

    for direction in (Direction.RTL, Direction.LTR):
        cell = view.visualRect(model.index(first_row(model, direction), Column.TITLE))
        left, right = strips(cell)
        leading, trailing = (right, left) if rtl else (left, right)
        # one column of dots, whichever way the headline itself reads
        assert pixels(image, leading, dot) and not pixels(image, trailing, dot)
        text = ink_box(image, cell)
        if rtl:  # a short headline hugs the right edge beside the dot, room left over
            assert text.right() < right.left() and cell.right() - text.right() < DOT_ROOM + 12
            assert text.left() - cell.left() > 150
        else:
            assert text.left() > left.right() and text.left() - cell.left() < DOT_ROOM + 12
            assert cell.right() - text.right() > 150


def test_a_folded_row_shows_its_source_under_the_headline(qtbot: Any, listed: Reader) -> None:
    model, view, delegate = painted_list(qtbot, listed)
    index = model.index(0, Column.TITLE)
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    single = delegate.sizeHint(option, index).height()
    delegate.set_folded(True)
    view.doItemsLayout()
    assert delegate.sizeHint(option, index).height() > single + view.fontMetrics().height() // 2
    cell = view.visualRect(index)
    image = grab(view)
    middle = cell.center().y()
    lower = QRect(cell.left(), middle + 2, cell.width(), cell.bottom() - middle - 2)
    assert pixels(image, lower, lambda color: color.lightness() < 200)  # the second line


def test_read_rows_have_no_dot_and_quieter_text(qtbot: Any, listed: Reader) -> None:
    model, view, _ = painted_list(qtbot, listed)
    image = grab(view)
    accent = view.palette().color(QPalette.ColorRole.Accent)
    read = view.visualRect(model.index(first_row(model, Direction.LTR, read=True), Column.TITLE))
    unread = view.visualRect(model.index(first_row(model, Direction.LTR), Column.TITLE))
    assert not pixels(image, read, lambda color: near(color, accent))
    assert pixels(image, unread, lambda color: near(color, accent))

    def darkest(rect: QRect) -> int:
        return min(image.pixelColor(x, y).lightness() for x, y in pixels(image, rect, is_ink))

    assert darkest(unread) == 0  # unread: the text colour itself, and bold
    assert darkest(read) > 40  # read: a step towards the background


def test_a_long_headline_ends_in_an_ellipsis_inside_its_cell(qtbot: Any, listed: Reader) -> None:
    model, view, delegate = painted_list(qtbot, listed, title_width=220)
    row = next(
        r for r in range(model.rowCount()) if model.article_at(r).title == LONG_HEADLINE.strip()
    )
    index = model.index(row, Column.TITLE)
    option = QStyleOptionViewItem()
    delegate.initStyleOption(option, index)
    assert option.textElideMode == Qt.TextElideMode.ElideRight
    cell = view.visualRect(index)
    text = ink_box(grab(view), cell)
    assert text.right() < cell.right()
    # the last few pixels of ink are the ellipsis's dots, on the baseline: not letters
    end = ink_box(grab(view), QRect(text.right() - 3, cell.top(), 4, cell.height()))
    assert end.height() <= 3


def test_rows_grow_with_the_font(qtbot: Any, listed: Reader) -> None:
    model, view, delegate = painted_list(qtbot, listed)
    index = model.index(0, Column.TITLE)
    heights = []
    for size in (9, 18, 30):
        option = QStyleOptionViewItem()
        view.initViewItemOption(option)
        font = QFont(option.font)
        font.setPointSize(size)
        option.font = font
        option.fontMetrics = QFontMetrics(font)
        heights.append(delegate.sizeHint(option, index).height())
    assert heights == sorted(heights) and len(set(heights)) == 3
    small = QFont(view.font())
    small.setPointSize(9)
    view.setFont(small)
    row = view.visualRect(index).height()
    assert row >= view.fontMetrics().height() + 10  # room around the line


def test_a_click_on_the_star_cell_asks_for_a_star(qtbot: Any, listed: Reader) -> None:
    model, view, delegate = painted_list(qtbot, listed)
    star = view.visualRect(model.index(2, Column.STAR)).center()
    title = view.visualRect(model.index(2, Column.TITLE)).center()
    with qtbot.waitSignal(delegate.starClicked) as clicked:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=star)
    assert clicked.args == [2]
    with qtbot.assertNotEmitted(delegate.starClicked):
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=title)
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.RightButton, pos=star)
    assert not listed.get_article(model.article_at(2).id).starred  # asked only
