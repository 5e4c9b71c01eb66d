"""Reading what a delegate painted: a view's pixels, where the ink lies, where a colour is.

Text is painted dark on the light base of the offscreen style, so "ink" is any dark
pixel; coloured marks (the unread dot, a badge) are found by their colour.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QRect, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QAbstractItemView, QFrame, QListView, QStyledItemDelegate
from pytestqt.qtbot import QtBot

#: Pixels darker than this are ink (text is near black on white here).
INK_LIGHTNESS = 100


def wrapping_list(
    qtbot: QtBot,
    model: QAbstractItemModel,
    delegate: type[QStyledItemDelegate],
    direction: Qt.LayoutDirection,
    size: tuple[int, int],
) -> tuple[QListView, QStyledItemDelegate]:
    """A list view set up as the comments panel sets up its lists (rows of their own
    heights, wrapped, scrolled by the pixel), painting *model* with a *delegate*."""
    view = QListView()
    painter = delegate(view)
    view.setModel(model)
    view.setItemDelegate(painter)
    view.setUniformItemSizes(False)
    view.setWordWrap(True)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setResizeMode(QListView.ResizeMode.Adjust)
    view.setFrameShape(QFrame.Shape.NoFrame)
    view.setLayoutDirection(direction)
    qtbot.addWidget(view)
    view.resize(*size)
    return view, painter


def grab(view: QAbstractItemView) -> QImage:
    """What the view shows now, as one image of its viewport."""
    return view.viewport().grab().toImage()


def is_ink(color: QColor) -> bool:
    return color.lightness() < INK_LIGHTNESS


def near(color: QColor, target: QColor, tolerance: int = 24) -> bool:
    """Whether *color* is *target* give or take anti-aliasing."""
    return (
        abs(color.red() - target.red())
        + abs(color.green() - target.green())
        + abs(color.blue() - target.blue())
        <= tolerance
    )


def pixels(image: QImage, rect: QRect, match: Callable[[QColor], bool]) -> list[tuple[int, int]]:
    """The (x, y) of every pixel in *rect* whose colour *match* accepts."""
    return [
        (x, y)
        for y in range(max(0, rect.top()), min(image.height(), rect.bottom() + 1))
        for x in range(max(0, rect.left()), min(image.width(), rect.right() + 1))
        if match(QColor(image.pixel(x, y)))
    ]


def ink_span(image: QImage, top: int, bottom: int) -> tuple[int, int]:
    """Leftmost and rightmost x of dark pixels between two rows of *image*."""
    xs = [
        x
        for y in range(top, bottom)
        for x in range(0, image.width(), 2)
        if QColor(image.pixel(x, y)).lightness() < 100
    ]
    assert xs, "nothing painted"
    return min(xs), max(xs)


def box_of(image: QImage, rect: QRect, match: Callable[[QColor], bool], *apart: QRect) -> QRect:
    """The smallest rectangle holding every pixel in *rect* that *match* accepts.

    Pixels within *apart* (give or take one) are left out: a count beside a name, say.
    """
    around = [other.adjusted(-1, -1, 1, 1) for other in apart]
    found = [
        (x, y)
        for x, y in pixels(image, rect, match)
        if not any(other.contains(x, y) for other in around)
    ]
    assert found, "nothing of that colour painted there"
    xs, ys = [x for x, _ in found], [y for _, y in found]
    return QRect(min(xs), min(ys), max(xs) - min(xs) + 1, max(ys) - min(ys) + 1)


def ink_box(image: QImage, rect: QRect) -> QRect:
    """The smallest rectangle holding every ink pixel inside *rect*."""
    return box_of(image, rect, is_ink)
