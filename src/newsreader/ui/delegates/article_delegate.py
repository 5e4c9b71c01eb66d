"""Paints article rows: one alignment for every row, each headline in its own direction.

Rows align to the interface: in Arabic every headline starts at the cell's right
edge, in English at its left, so the column reads as one straight edge and the
unread dot keeps one place (the cell's leading edge).  Inside that, each headline
is laid out in its own direction, so an English headline in the Arabic window
still reads left to right with its punctuation in place.

Narrow lists *fold*: the Source column is hidden and each row shows its source
(and time) on a quiet second line under the headline (:meth:`ArticleDelegate.set_folded`).
Feed names are shortened where the feeds of one site differ least
(:func:`~newsreader.ui.feed_names.fit_feed_name`).
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
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QMouseEvent, QPainter, QPalette, QTextOption
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from newsreader.core.text import detect_direction
from newsreader.core.types import Direction
from newsreader.ui.feed_names import fit_feed_name
from newsreader.ui.models.article_list import Column, DirectionRole, FoldedLineRole, ReadRole

#: Room kept at the headline cell's leading edge for the unread dot.
_DOT_ROOM = 14
_DOT_RADIUS = 3.5
#: Extra height over the font's line, so rows breathe.
_ROW_PADDING = 10
#: Between the headline and the folded second line.
_FOLD_GAP = 2
#: Room beside the headline's icon (video).
_ICON_GAP = 4


class ArticleDelegate(QStyledItemDelegate):
    """Delegate for :class:`~newsreader.ui.models.article_list.ArticleListModel` rows.

    Signals:
        starClicked(int): the star cell of this row was clicked.
    """

    starClicked = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._folded = False

    def folded(self) -> bool:
        """Whether rows show their source under the headline (a narrow list)."""
        return self._folded

    def set_folded(self, folded: bool) -> None:
        """Show each row's source (and time) under its headline, or in their columns."""
        self._folded = folded

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        column = index.column()
        if column in _TEXT_COLUMNS:
            # every row aligned to the interface; the text keeps its own direction
            option.displayAlignment = _TEXT_ALIGNMENT
            option.textElideMode = Qt.TextElideMode.ElideRight
        elif column in _ICON_COLUMNS:
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
        line = max(size.height(), option.fontMetrics.height())
        if self._folded:
            line += _FOLD_GAP + QFontMetrics(_small(option.font)).height()
        return QSize(size.width(), line + _ROW_PADDING)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        if index.column() not in (Column.TITLE, Column.SOURCE):
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is None:
            super().paint(painter, option, index)
            return
        # background and selection over the whole cell, then the text painted here
        background = QStyleOptionViewItem(opt)
        background.text = ""
        background.icon = type(opt.icon)()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, background, painter, widget)
        rtl = opt.direction == Qt.LayoutDirection.RightToLeft
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        text_color = opt.palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        rect = QRect(opt.rect.left() + 2, opt.rect.top(), opt.rect.width() - 4, opt.rect.height())
        painter.save()
        if index.column() == Column.SOURCE:
            metrics = QFontMetrics(opt.font)
            name = fit_feed_name(opt.text, metrics, rect.width())
            painter.setFont(opt.font)
            painter.setPen(text_color)
            _draw_line(painter, rect, name, rtl)
            painter.restore()
            return

        dot_box = (
            QRect(rect.right() - _DOT_ROOM + 1, rect.top(), _DOT_ROOM, rect.height())
            if rtl
            else QRect(rect.left(), rect.top(), _DOT_ROOM, rect.height())
        )
        if index.data(ReadRole) is False:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            color = (
                opt.palette.color(QPalette.ColorRole.HighlightedText)
                if selected
                else opt.palette.color(QPalette.ColorRole.Accent)
            )
            painter.setBrush(color)
            painter.setPen(Qt.PenStyle.NoPen)
            center = QPointF(dot_box.center()) + QPointF(0.5, 0.5)
            if self._folded:
                center.setY(rect.top() + _ROW_PADDING / 2 + opt.fontMetrics.height() / 2)
            painter.drawEllipse(center, _DOT_RADIUS, _DOT_RADIUS)
        text_rect = rect.adjusted(0, 0, -_DOT_ROOM, 0) if rtl else rect.adjusted(_DOT_ROOM, 0, 0, 0)
        if self._folded:
            text_rect.adjust(0, _ROW_PADDING // 2, 0, -_ROW_PADDING // 2)
            line_height = opt.fontMetrics.height()
            headline_rect = QRect(text_rect.left(), text_rect.top(), text_rect.width(), line_height)
        else:
            headline_rect = text_rect
        if not opt.icon.isNull():
            side = opt.decorationSize.width()
            box = QRect(0, 0, side, side)
            box.moveCenter(headline_rect.center())
            if rtl:
                box.moveRight(headline_rect.right())
                headline_rect.setRight(box.left() - _ICON_GAP)
            else:
                box.moveLeft(headline_rect.left())
                headline_rect.setLeft(box.right() + _ICON_GAP)
            opt.icon.paint(painter, box)
        painter.setFont(opt.font)
        painter.setPen(text_color)
        direction = index.data(DirectionRole)
        own_rtl = direction == Qt.LayoutDirection.RightToLeft
        headline = QFontMetrics(opt.font).elidedText(
            opt.text, Qt.TextElideMode.ElideRight, max(0, headline_rect.width())
        )
        _draw_line(painter, headline_rect, headline, rtl, own_rtl=own_rtl)
        if self._folded:
            small = _small(opt.font)
            painter.setFont(small)
            painter.setPen(_muted(opt.palette, selected))
            second = QRect(
                text_rect.left(),
                headline_rect.bottom() + 1 + _FOLD_GAP,
                text_rect.width(),
                QFontMetrics(small).height(),
            )
            source, when = index.data(FoldedLineRole) or ("", "")
            metrics = QFontMetrics(small)
            when_width = metrics.horizontalAdvance(when) if when else 0
            room = second.width() - (when_width + metrics.horizontalAdvance(" · ") if when else 0)
            name = fit_feed_name(source, metrics, max(0, room))
            line = f"\u2068{name}\u2069 · \u2068{when}\u2069" if when else name
            _draw_line(painter, second, line, rtl)
        painter.restore()

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


#: Flags worked out once: combining Qt's enums is Python work, and rows are painted often.
_TEXT_COLUMNS = frozenset((Column.TITLE, Column.SOURCE, Column.TIME))
_ICON_COLUMNS = frozenset((Column.STAR, Column.COMMENTS))
_TEXT_ALIGNMENT = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
_LINE_LEFT = (
    Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
)
_LINE_RIGHT = (
    Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight
)


@functools.lru_cache(maxsize=4096)
def _detected(text: str) -> Direction | None:
    return detect_direction(text)


def _draw_line(
    painter: QPainter, rect: QRect, text: str, ui_rtl: bool, *, own_rtl: bool | None = None
) -> None:
    """One line aligned to the interface's leading edge, laid out in its own direction."""
    option = QTextOption(_LINE_RIGHT if ui_rtl else _LINE_LEFT)
    option.setWrapMode(QTextOption.WrapMode.NoWrap)
    if own_rtl is None:
        own = _detected(text)
        own_rtl = ui_rtl if own is None else own == Direction.RTL
    option.setTextDirection(
        Qt.LayoutDirection.RightToLeft if own_rtl else Qt.LayoutDirection.LeftToRight
    )
    painter.drawText(QRectF(rect), text, option)


def _small(font: QFont) -> QFont:
    small = QFont(font)
    small.setBold(False)
    if small.pointSizeF() > 0:
        small.setPointSizeF(max(6.0, small.pointSizeF() * 0.86))
    return small


def _muted(palette: QPalette, selected: bool) -> QColor:
    if selected:
        return palette.color(QPalette.ColorRole.HighlightedText)
    text, base = palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base)
    return _mix(text, base, 0.45)


def _mix(a: QColor, b: QColor, amount: float) -> QColor:
    """``a`` moved ``amount`` of the way towards ``b``."""
    return QColor(
        round(a.red() + (b.red() - a.red()) * amount),
        round(a.green() + (b.green() - a.green()) * amount),
        round(a.blue() + (b.blue() - a.blue()) * amount),
    )
