"""Paints sidebar rows: label, topic size ("56 articles"), error badge and unread count.

A name too long for the row is shortened where it hurts least
(:func:`~newsreader.ui.feed_names.fit_feed_name`: a site's section stays whole) and
its tooltip gives the full name.

Counts sit at the row's trailing edge (the left edge in Arabic), section headers are
quiet captions that cannot be selected, and a feed whose last update failed shows
the error icon (its tooltip, from the model, says what failed).
"""

from __future__ import annotations

import functools

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QHelpEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
)

from newsreader.core.text import detect_direction
from newsreader.core.types import Direction
from newsreader.ui.feed_names import fit_feed_name
from newsreader.ui.icons import Icon, icon
from newsreader.ui.models.sidebar import (
    BadgeRole,
    ErrorRole,
    KindRole,
    NodeKind,
    SubtitleRole,
)
from newsreader.ui.plain_text import tooltip_text

_GAP = 6
_ERROR_ICON = 14
_BADGE_PAD = 6
_ROW_PADDING = 8
_SECTION_PADDING = 14


class SidebarDelegate(QStyledItemDelegate):
    """Delegate for :class:`~newsreader.ui.models.sidebar.SidebarModel` rows."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        #: Each name as last painted (shortened or whole), for tooltips and checks.
        self._painted: dict[str, str] = {}

    def painted_name(self, label: str) -> str | None:
        """``label`` as it was last painted, shortened to fit; ``None`` if never painted."""
        return self._painted.get(label)

    def helpEvent(
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        """A shortened name's tooltip starts with the full name."""
        if event is None or event.type() != QEvent.Type.ToolTip or not index.isValid():
            return super().helpEvent(event, view, option, index)
        label = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        painted = self._painted.get(label)
        if painted is None or painted == " ".join(label.split()):
            return super().helpEvent(event, view, option, index)
        own = index.data(Qt.ItemDataRole.ToolTipRole)
        text = tooltip_text(label + (f"\n{own}" if own else ""))
        QToolTip.showText(event.globalPos(), text, view)
        return True

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        line = option.fontMetrics.height()
        if index.data(KindRole) == NodeKind.SECTION:
            return QSize(size.width(), line + _SECTION_PADDING)
        return QSize(size.width(), max(size.height(), line) + _ROW_PADDING)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is None:
            super().paint(painter, option, index)
            return
        if index.data(KindRole) == NodeKind.SECTION:
            self._paint_section(painter, opt)
            return
        rtl = opt.direction == Qt.LayoutDirection.RightToLeft
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        label = opt.text
        base = QStyleOptionViewItem(opt)
        base.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, base, painter, widget)

        painter.save()
        text_color = opt.palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        muted = _muted(opt.palette, selected)
        # trailing items, from the edge inwards: badge, error icon, subtitle
        edge = text_rect.left() if rtl else text_rect.right()
        step = 1 if rtl else -1
        badge = int(index.data(BadgeRole) or 0)
        if badge > 0:
            width = self._paint_badge(painter, opt, str(badge), edge, rtl, selected)
            edge += step * (width + _GAP)
        if index.data(ErrorRole):
            box = QRect(0, 0, _ERROR_ICON, _ERROR_ICON)
            box.moveCenter(text_rect.center())
            box.moveLeft(edge) if rtl else box.moveRight(edge)
            icon(Icon.ERROR).paint(painter, box)
            edge += step * (_ERROR_ICON + _GAP)
        subtitle = index.data(SubtitleRole) or ""
        if subtitle:
            small = QFont(opt.font)
            small.setPointSizeF(max(6.0, opt.font.pointSizeF() * 0.85))
            metrics = QFontMetrics(small)
            width = metrics.horizontalAdvance(subtitle)
            sub_rect = (
                QRect(edge, text_rect.top(), width, text_rect.height())
                if rtl
                else QRect(edge - width, text_rect.top(), width, text_rect.height())
            )
            painter.setFont(small)
            painter.setPen(muted)
            painter.drawText(
                sub_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignCenter, subtitle
            )
            edge += step * (width + _GAP)
        label_rect = (
            QRect(edge, text_rect.top(), text_rect.right() - edge + 1, text_rect.height())
            if rtl
            else QRect(
                text_rect.left(), text_rect.top(), edge - text_rect.left(), text_rect.height()
            )
        )
        painter.setFont(opt.font)
        painter.setPen(text_color)
        metrics = QFontMetrics(opt.font)
        room = max(0, label_rect.width())
        if index.data(KindRole) in (NodeKind.FEED, NodeKind.PINNED):
            # "site — section" keeps its section: the part where a site's feeds differ
            elided = fit_feed_name(label, metrics, room)
        else:
            elided = metrics.elidedText(label, Qt.TextElideMode.ElideRight, room)
        self._painted[label] = elided
        align = Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter
        align |= Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
        # each name in its own direction ("Horizon — Science…" stays left to right in Arabic)
        flags = int(align) | int(label_direction_flag(label))
        painter.drawText(label_rect, flags, elided)
        painter.restore()

    @staticmethod
    def _paint_section(painter: QPainter, opt: QStyleOptionViewItem) -> None:
        painter.save()
        font = QFont(opt.font)
        font.setBold(True)
        font.setPointSizeF(max(6.0, opt.font.pointSizeF() * 0.9))
        painter.setFont(font)
        painter.setPen(_muted(opt.palette, False))
        rect = opt.rect.adjusted(6, _SECTION_PADDING // 2, -6, 0)
        align = Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter
        rtl = opt.direction == Qt.LayoutDirection.RightToLeft
        align |= Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
        painter.drawText(rect, align, opt.text)
        painter.restore()

    @staticmethod
    def _paint_badge(
        painter: QPainter,
        opt: QStyleOptionViewItem,
        text: str,
        edge: int,
        rtl: bool,
        selected: bool,
    ) -> int:
        font = QFont(opt.font)
        font.setPointSizeF(max(6.0, opt.font.pointSizeF() * 0.82))
        font.setBold(True)
        metrics = QFontMetrics(font)
        height = metrics.height() + 2
        width = max(height, metrics.horizontalAdvance(text) + 2 * _BADGE_PAD)
        top = opt.rect.center().y() - height / 2 + 1
        left = edge if rtl else edge - width
        pill = QRectF(left, top, width, height)
        palette = opt.palette
        if selected:
            fill = QColor(palette.color(QPalette.ColorRole.HighlightedText))
            fill.setAlphaF(0.25)
            pen = palette.color(QPalette.ColorRole.HighlightedText)
        else:
            fill = QColor(palette.color(QPalette.ColorRole.Accent))
            fill.setAlphaF(0.16)
            pen = palette.color(QPalette.ColorRole.Text)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(pill, height / 2, height / 2)
        painter.setFont(font)
        painter.setPen(pen)
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)
        return int(width)


@functools.lru_cache(maxsize=4096)
def label_direction_flag(text: str) -> Qt.TextFlag:
    """The flag that lays ``text`` out in its own base direction."""
    direction = detect_direction(text)
    if direction == Direction.RTL:
        return Qt.TextFlag.TextForceRightToLeft
    if direction == Direction.LTR:
        return Qt.TextFlag.TextForceLeftToRight
    return Qt.TextFlag(0)


def _muted(palette: QPalette, selected: bool) -> QColor:
    if selected:
        return palette.color(QPalette.ColorRole.HighlightedText)
    text = palette.color(QPalette.ColorRole.Text)
    base = palette.color(QPalette.ColorRole.Base)
    return QColor(
        (text.red() + base.red()) // 2,
        (text.green() + base.green()) // 2,
        (text.blue() + base.blue()) // 2,
    )
