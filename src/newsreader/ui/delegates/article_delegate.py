"""Paints article rows: each headline in its own direction, unread ones marked.

A headline's alignment follows the headline, not the interface: Arabic headlines
are laid out right to left and right-aligned, English ones left to right and
left-aligned, whichever language the window is in.  Unread rows get a dot in the
accent colour at the headline's start, and the star column toggles on click.
"""

from __future__ import annotations

import functools

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QMouseEvent, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from newsreader.core.text import detect_direction
from newsreader.core.types import Direction
from newsreader.ui.models.article_list import Column, DirectionRole, ReadRole

#: Room kept at the headline's start for the unread dot.
_DOT_ROOM = 14
_DOT_RADIUS = 3.5
#: Extra height over the font's line, so rows breathe.
_ROW_PADDING = 10


class ArticleDelegate(QStyledItemDelegate):
    """Delegate for :class:`~newsreader.ui.models.article_list.ArticleListModel` rows.

    Signals:
        starClicked(int): the star cell of this row was clicked.
    """

    starClicked = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        column = index.column()
        if column == Column.TITLE:
            direction = index.data(DirectionRole)
            if direction is not None:
                option.direction = Qt.LayoutDirection(direction)
            option.displayAlignment = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
            option.textElideMode = Qt.TextElideMode.ElideRight
        elif column == Column.SOURCE:
            # a source's name in its own direction, aligned with the interface
            ui_rtl = option.direction == Qt.LayoutDirection.RightToLeft
            option.direction = _direction_of(option.text, option.direction)
            option.displayAlignment = (
                Qt.AlignmentFlag.AlignVCenter
                | Qt.AlignmentFlag.AlignAbsolute
                | (Qt.AlignmentFlag.AlignRight if ui_rtl else Qt.AlignmentFlag.AlignLeft)
            )
        elif column in (Column.STAR, Column.COMMENTS):
            option.displayAlignment = Qt.AlignmentFlag.AlignCenter
            option.decorationAlignment = Qt.AlignmentFlag.AlignCenter
        if index.data(ReadRole) is True and column != Column.STAR:
            # read rows are quieter, unread ones stand out (as in mail clients)
            muted = _mix(
                option.palette.color(QPalette.ColorRole.Text),
                option.palette.color(QPalette.ColorRole.Base),
                0.25,
            )
            option.palette.setColor(QPalette.ColorRole.Text, muted)

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height(), option.fontMetrics.height()) + _ROW_PADDING)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        if index.column() != Column.TITLE:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is None:
            super().paint(painter, option, index)
            return
        # background and selection over the whole cell, then the text beside the dot
        background = QStyleOptionViewItem(opt)
        background.text = ""
        background.icon = type(opt.icon)()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, background, painter, widget)
        rect = QRect(opt.rect)
        rtl = opt.direction == Qt.LayoutDirection.RightToLeft
        dot_box = (
            QRect(rect.right() - _DOT_ROOM + 1, rect.top(), _DOT_ROOM, rect.height())
            if rtl
            else QRect(rect.left(), rect.top(), _DOT_ROOM, rect.height())
        )
        if index.data(ReadRole) is False:
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            selected = bool(opt.state & QStyle.StateFlag.State_Selected)
            color = (
                opt.palette.color(QPalette.ColorRole.HighlightedText)
                if selected
                else opt.palette.color(QPalette.ColorRole.Accent)
            )
            painter.setBrush(color)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawEllipse(
                QPointF(dot_box.center()) + QPointF(0.5, 0.5), _DOT_RADIUS, _DOT_RADIUS
            )
            painter.restore()
        text_opt = QStyleOptionViewItem(opt)
        text_opt.rect = (
            rect.adjusted(0, 0, -_DOT_ROOM, 0) if rtl else rect.adjusted(_DOT_ROOM, 0, 0, 0)
        )
        text_opt.state &= ~QStyle.StateFlag.State_HasFocus
        text_opt.backgroundBrush = QBrush(Qt.BrushStyle.NoBrush)
        text_opt.showDecorationSelected = False
        self._draw_text(style, painter, text_opt, widget)

    @staticmethod
    def _draw_text(
        style: QStyle, painter: QPainter, opt: QStyleOptionViewItem, widget: object
    ) -> None:
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        if selected:
            opt.palette.setColor(
                QPalette.ColorRole.Text, opt.palette.color(QPalette.ColorRole.HighlightedText)
            )
        # the background is painted already: draw only text and icon, in selection colours
        opt.state &= ~QStyle.StateFlag.State_Selected
        opt.state &= ~QStyle.StateFlag.State_MouseOver
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)  # type: ignore[arg-type]

    def editorEvent(
        self,
        event: QEvent,
        model: QAbstractItemModel,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        if (
            index.column() == Column.STAR
            and event.type() == QEvent.Type.MouseButtonRelease
            and isinstance(event, QMouseEvent)
            and event.button() == Qt.MouseButton.LeftButton
        ):
            self.starClicked.emit(index.row())
            return True
        return super().editorEvent(event, model, option, index)


@functools.lru_cache(maxsize=4096)
def _detected(text: str) -> Direction | None:
    return detect_direction(text)


def _direction_of(text: str, fallback: Qt.LayoutDirection) -> Qt.LayoutDirection:
    direction = _detected(text)
    if direction == Direction.RTL:
        return Qt.LayoutDirection.RightToLeft
    if direction == Direction.LTR:
        return Qt.LayoutDirection.LeftToRight
    return fallback


def _mix(a: QColor, b: QColor, amount: float) -> QColor:
    """``a`` moved ``amount`` of the way towards ``b``."""
    return QColor(
        round(a.red() + (b.red() - a.red()) * amount),
        round(a.green() + (b.green() - a.green()) * amount),
        round(a.blue() + (b.blue() - a.blue()) * amount),
    )
