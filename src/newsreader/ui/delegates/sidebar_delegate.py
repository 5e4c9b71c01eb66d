"""Paints sidebar rows: label, error badge and unread count; a story's sources below it.

A name too long for the row is shortened where it hurts least
(:func:`~newsreader.ui.feed_names.fit_feed_name`: a site's section stays whole) and
its tooltip gives the full name.

Counts sit at the row's trailing edge (the left edge in Arabic), section headers are
quiet captions that cannot be selected, and a feed whose last update failed shows
the error icon (its tooltip, from the model, says what failed).  A story's row has
two lines: its headline, and its sources in small muted type, each shortened to fit.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

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
from PySide6.QtGui import QColor, QFont, QFontMetrics, QHelpEvent, QPainter, QPalette, QPixmap
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
from newsreader.ui.models.sidebar import LookRole, NodeKind, RowLook
from newsreader.ui.plain_text import tooltip_text

_GAP = 6
_ERROR_ICON = 14
_BADGE_PAD = 6
_ROW_PADDING = 8
_SECTION_PADDING = 14
#: Row sizes remembered at most (then forgotten all at once and measured again).
_SIZES_KEPT = 4096
#: Count pills remembered at most, drawn (then forgotten all at once and drawn again).
_PILLS_KEPT = 512


class SidebarDelegate(QStyledItemDelegate):
    """Delegate for :class:`~newsreader.ui.models.sidebar.SidebarModel` rows."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        #: Each name as last painted (shortened or whole), for tooltips and checks.
        self._painted: dict[str, str] = {}
        #: Row sizes by what decides them (see :meth:`sizeHint`).
        self._sizes: dict[tuple[object, ...], QSize] = {}
        #: Count pills as drawn, by what decides their look (see :meth:`_paint_badge`).
        self._pills: dict[tuple[object, ...], tuple[QPixmap, int, int]] = {}

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
        """A row's size, remembered by what decides it (kind, label, second line, font).

        A tree view measures every row it is told changed, and a refresh changes the
        counts of every feed: measured afresh (a dozen calls into the model per row)
        that took a frame or more on the GUI thread for a few hundred feeds.
        """
        look: RowLook | None = index.data(LookRole)
        if look is None:
            return super().sizeHint(option, index)
        kind, subtitled = look.kind, bool(look.subtitle)
        decoration = option.decorationSize
        key = (
            kind,
            subtitled,
            look.label,
            option.font.key(),
            decoration.width(),
            decoration.height(),
        )
        size = self._sizes.get(key)
        if size is None:
            if len(self._sizes) >= _SIZES_KEPT:
                self._sizes.clear()
            size = self._sizes[key] = self._measure(option, index, kind, subtitled)
        return QSize(size)

    def _measure(
        self,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
        kind: object,
        subtitled: bool,
    ) -> QSize:
        size = super().sizeHint(option, index)
        line = option.fontMetrics.height()
        if kind == NodeKind.SECTION:
            return QSize(size.width(), line + _SECTION_PADDING)
        if subtitled:
            small = QFontMetrics(_small_font(option.font)).height()
            return QSize(size.width(), line + small + _ROW_PADDING)
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
        look: RowLook | None = index.data(LookRole)
        if look is None:
            super().paint(painter, option, index)
            return
        if look.kind == NodeKind.SECTION:
            self._paint_section(painter, opt)
            return
        rtl = opt.direction == Qt.LayoutDirection.RightToLeft
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        label = opt.text
        base = QStyleOptionViewItem(opt)
        base.text = ""
        # Beside its icon, a row's text gets the room the icon leaves, whatever the
        # text: measured without it, so the label is not shaped here only to be
        # shaped again when it is drawn.
        text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, base, widget)
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, base, painter, widget)

        painter.save()
        text_color = opt.palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        muted = _muted(opt.palette, selected)
        # trailing items, from the edge inwards: badge, error icon
        edge = text_rect.left() if rtl else text_rect.right()
        step = 1 if rtl else -1
        badge = look.badge
        if badge > 0:
            width = self._paint_badge(painter, opt, str(badge), edge, rtl, selected)
            edge += step * (width + _GAP)
        if look.error:
            box = QRect(0, 0, _ERROR_ICON, _ERROR_ICON)
            box.moveCenter(text_rect.center())
            box.moveLeft(edge) if rtl else box.moveRight(edge)
            icon(Icon.ERROR).paint(painter, box)
            edge += step * (_ERROR_ICON + _GAP)
        subtitle = look.subtitle
        label_rect = (
            QRect(edge, text_rect.top(), text_rect.right() - edge + 1, text_rect.height())
            if rtl
            else QRect(
                text_rect.left(), text_rect.top(), edge - text_rect.left(), text_rect.height()
            )
        )
        if subtitle:
            label_rect = self._paint_subtitle(painter, opt, label_rect, subtitle, muted, rtl)
        painter.setFont(opt.font)
        painter.setPen(text_color)
        metrics = QFontMetrics(opt.font)
        room = max(0, label_rect.width())
        if look.kind in (NodeKind.FEED, NodeKind.PINNED):
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
    def _paint_subtitle(
        painter: QPainter,
        opt: QStyleOptionViewItem,
        rect: QRect,
        subtitle: Sequence[str],
        muted: QColor,
        rtl: bool,
    ) -> QRect:
        """Paint *subtitle* on the second line of *rect*; the first line's rect, returned."""
        small = _small_font(opt.font)
        metrics = QFontMetrics(small)
        first = QFontMetrics(opt.font).height()
        top = rect.top() + (rect.height() - first - metrics.height()) // 2
        line = QRect(rect.left(), top + first, rect.width(), metrics.height())
        elided = fit_sources(subtitle, metrics, max(0, rect.width()))
        align = Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter
        align |= Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
        painter.setFont(small)
        painter.setPen(muted)
        painter.drawText(line, int(align) | int(label_direction_flag(elided)), elided)
        return QRect(rect.left(), top, rect.width(), first)

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

    def _paint_badge(
        self,
        painter: QPainter,
        opt: QStyleOptionViewItem,
        text: str,
        edge: int,
        rtl: bool,
        selected: bool,
    ) -> int:
        """Paint the count's pill against *edge*; its width, returned.

        An anti-aliased rounded rectangle is slow to fill (a path, rasterized), and a
        recount repaints every row of the sidebar: each pill is drawn once into a
        pixmap, remembered by what decides its look, and copied from then on.
        """
        palette = opt.palette
        if selected:
            fill = QColor(palette.color(QPalette.ColorRole.HighlightedText))
            fill.setAlphaF(0.25)
            pen = palette.color(QPalette.ColorRole.HighlightedText)
        else:
            fill = QColor(palette.color(QPalette.ColorRole.Accent))
            fill.setAlphaF(0.16)
            pen = palette.color(QPalette.ColorRole.Text)
        device = painter.device()
        ratio = device.devicePixelRatioF() if device is not None else 1.0
        # the row's font decides the pill's (see _draw_pill): it is made only to draw
        key = (text, opt.font.key(), fill.rgba(), pen.rgba(), ratio)
        drawn = self._pills.get(key)
        if drawn is None:
            if len(self._pills) >= _PILLS_KEPT:
                self._pills.clear()
            drawn = self._pills[key] = _draw_pill(text, opt.font, fill, pen, ratio)
        pill, width, height = drawn
        top = round(opt.rect.center().y() - height / 2 + 1)
        painter.drawPixmap(edge if rtl else edge - width, top, pill)
        return width


def _draw_pill(
    text: str, row_font: QFont, fill: QColor, pen: QColor, ratio: float
) -> tuple[QPixmap, int, int]:
    """A count's pill, *text* in *pen* on a rounded *fill* in a smaller bold cut of
    *row_font*, and its logical width and height; drawn at *ratio* device pixels a
    logical one."""
    font = QFont(row_font)
    font.setPointSizeF(max(6.0, row_font.pointSizeF() * 0.82))
    font.setBold(True)
    metrics = QFontMetrics(font)
    height = metrics.height() + 2
    width = max(height, metrics.horizontalAdvance(text) + 2 * _BADGE_PAD)
    pixmap = QPixmap(round(width * ratio), round(height * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        shape = QRectF(0, 0, width, height)
        painter.drawRoundedRect(shape, height / 2, height / 2)
        painter.setFont(font)
        painter.setPen(pen)
        painter.drawText(shape, Qt.AlignmentFlag.AlignCenter, text)
    finally:
        painter.end()
    return pixmap, width, height


@functools.lru_cache(maxsize=4096)
def label_direction_flag(text: str) -> Qt.TextFlag:
    """The flag that lays ``text`` out in its own base direction."""
    direction = detect_direction(text)
    if direction == Direction.RTL:
        return Qt.TextFlag.TextForceRightToLeft
    if direction == Direction.LTR:
        return Qt.TextFlag.TextForceLeftToRight
    return Qt.TextFlag(0)


#: How a story's sources are joined on its second line.
SOURCES_SEPARATOR = " · "


def fit_sources(names: Sequence[str], metrics: QFontMetrics, room: int) -> str:
    """A story's sources as many as fit whole, then "+N" for the rest ("Alpha · Beta +2").

    Like the article list's source column: a name cut in the middle says less than
    a count of the others.  When not even the first name fits with the count, the
    first name is shortened.  Each name is isolated in its own direction and the
    count kept left to right, so "صحيفة الصباح · The Daily Courier +1" reads the
    same in either layout.  *names* come whole from the model: a feed's title may
    hold the separator itself.
    """
    names = list(names)

    def shown(part: list[str], rest: int) -> str:
        text = SOURCES_SEPARATOR.join(_FSI + n + _PDI for n in part)
        return text + (f" {_LRI}+{rest}{_PDI}" if rest else "")

    whole = shown(names, 0)
    if metrics.horizontalAdvance(whole) <= room:
        return whole
    if len(names) == 1:
        return metrics.elidedText(names[0], Qt.TextElideMode.ElideRight, room)
    for count in range(len(names) - 1, 0, -1):
        text = shown(names[:count], len(names) - count)
        if metrics.horizontalAdvance(text) <= room:
            return text
    rest = shown([], len(names) - 1)
    first = metrics.elidedText(
        names[0], Qt.TextElideMode.ElideRight, max(0, room - metrics.horizontalAdvance(rest))
    )
    return _FSI + first + _PDI + rest


#: Unicode isolates: first-strong, left-to-right, and their end.
_FSI, _LRI, _PDI = "\u2068", "\u2066", "\u2069"


def _small_font(font: QFont) -> QFont:
    """The smaller type of a row's second line."""
    small = QFont(font)
    small.setPointSizeF(max(6.0, font.pointSizeF() * 0.85))
    return small


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
