"""Paints one comment: author, how long ago, the text, indented by its depth.

Each comment is laid out in its *own* direction: an English reply under an Arabic
article reads left to right and starts at the left, an Arabic one starts at the
right, whatever the interface language.  Replies are indented from the
interface's start side, so the shape of the thread stays the same for every
comment in it.

Rows are painted, not built from widgets, so a thread of thousands of comments
scrolls like any list; row heights are measured once per width and kept.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QTextOption
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from newsreader.core.text import detect_direction
from newsreader.core.types import Comment, Direction
from newsreader.ui.models.comment_list import (
    CommentRole,
    TextRole,
)
from newsreader.ui.relative_time import relative_time

# Indentation per reply level, and the deepest level that still indents.
INDENT = 18
MAX_INDENT_DEPTH = 6
# Space around a comment and between its header and its text.
PADDING = 8
HEADER_GAP = 3
# Room between the author and the time in the header.
_SEPARATOR_ROOM = 10
# Measured heights kept before the cache is emptied (a few widths of a big thread).
_CACHE_LIMIT = 50_000

_Index = QModelIndex | QPersistentModelIndex


def _mix(front: QColor, back: QColor, amount: float) -> QColor:
    keep = 1.0 - amount
    return QColor(
        round(front.red() * amount + back.red() * keep),
        round(front.green() * amount + back.green() * keep),
        round(front.blue() * amount + back.blue() * keep),
    )


_LTR = Qt.LayoutDirection.LeftToRight


def _qt_direction(direction: Direction | None, fallback: Qt.LayoutDirection) -> Qt.LayoutDirection:
    if direction is None:
        return fallback
    if direction is Direction.RTL:
        return Qt.LayoutDirection.RightToLeft
    return Qt.LayoutDirection.LeftToRight


def _alignment(direction: Qt.LayoutDirection) -> Qt.AlignmentFlag:
    """Start-of-line alignment for text in *direction*, independent of the widget."""
    side = (
        Qt.AlignmentFlag.AlignRight
        if direction == Qt.LayoutDirection.RightToLeft
        else Qt.AlignmentFlag.AlignLeft
    )
    return side | Qt.AlignmentFlag.AlignAbsolute


class CommentDelegate(QStyledItemDelegate):
    """Delegate for :class:`~newsreader.ui.models.comment_list.CommentListModel` rows.

    It is created for one view (its parent), whose width and style it uses, so no
    call per row has to look the widget up.  Heights are measured with
    ``QFontMetrics`` using the same flags the text is painted with, so measured and
    painted lines always agree.
    """

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self._view = view
        self._heights: dict[tuple[int, int, int, int, str], int] = {}
        self._header_heights: dict[tuple[str, int], int] = {}

    # -- geometry -----------------------------------------------------------------

    @staticmethod
    def _indent(comment: Comment) -> int:
        return min(max(0, comment.depth), MAX_INDENT_DEPTH) * INDENT

    def _header_height(self, font: QFont, size: int) -> int:
        """Height of the bold header line, measured once per font."""
        key = (font.family(), size)
        height = self._header_heights.get(key)
        if height is None:
            height = QFontMetrics(self._header_font(font)).height()
            self._header_heights[key] = height
        return height

    @staticmethod
    def _header_font(font: QFont) -> QFont:
        bold = QFont(font)
        bold.setBold(True)
        return bold

    @staticmethod
    def _text_flags(direction: Qt.LayoutDirection) -> int:
        """Wrapping and start alignment; the same flags measure and paint the text."""
        # Word wrap only: Qt's "wrap anywhere" breaks even where a word boundary
        # would do, leaving a full stop alone on the last line.  An overlong word
        # (a pasted link) is cut at the row's edge instead.
        return int(Qt.TextFlag.TextWordWrap.value) | int(_alignment(direction).value)

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        width = self._view.viewport().width()
        comment = index.data(CommentRole)
        if not isinstance(comment, Comment):
            return QSize(width, 0)
        text_width = max(40, width - self._indent(comment) - 2 * PADDING)
        font: QFont = option.font
        size = font.pixelSize() if font.pixelSize() > 0 else round(font.pointSizeF() * 10)
        # The content's hash keeps a comment edited on the site from keeping its old
        # height when the thread is fetched again (``str`` caches its hash).
        key = (comment.id, hash(comment.content_html), text_width, size, font.family())
        height = self._heights.get(key)
        if height is None:
            text = str(index.data(TextRole) or "")
            header = self._header_height(font, size)
            flags = self._text_flags(_qt_direction(comment.direction, _LTR))
            bounds = QFontMetrics(font).boundingRect(QRect(0, 0, text_width, 1 << 24), flags, text)
            body = bounds.height() if text else 0
            height = PADDING + header + HEADER_GAP + body + PADDING
            if len(self._heights) >= _CACHE_LIMIT:
                self._heights.clear()
            self._heights[key] = height
        return QSize(width, height)

    def forget_sizes(self) -> None:
        """Drop measured heights (after a font change)."""
        self._heights.clear()
        self._header_heights.clear()

    # -- painting -----------------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        comment = index.data(CommentRole)
        if not isinstance(comment, Comment):
            return
        self._view.style().drawPrimitive(
            QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, self._view
        )
        rect: QRect = option.rect
        palette: QPalette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text_color = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        background = palette.color(
            QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.Base
        )
        muted = _mix(text_color, background, 0.62)
        font: QFont = option.font
        ui_direction = option.direction
        ui_rtl = ui_direction == Qt.LayoutDirection.RightToLeft
        indent = self._indent(comment)
        own = _qt_direction(comment.direction, _LTR)

        body = rect.adjusted(PADDING, PADDING, -PADDING, -PADDING)
        if ui_rtl:
            body.setRight(body.right() - indent)
        else:
            body.setLeft(body.left() + indent)

        painter.save()
        try:
            if indent:
                painter.setPen(_mix(text_color, background, 0.2))
                x = body.right() + PADDING // 2 if ui_rtl else body.left() - PADDING // 2
                painter.drawLine(x, rect.top() + 2, x, rect.bottom() - 2)

            header_font = self._header_font(font)
            header_height = QFontMetrics(header_font).height()
            header = QRect(body.left(), body.top(), body.width(), header_height)
            self._paint_header(
                painter, comment, header, header_font, font, own, ui_direction, text_color, muted
            )

            text = str(index.data(TextRole) or "")
            if text:
                text_rect = body.adjusted(0, header_height + HEADER_GAP, 0, 0)
                painter.setLayoutDirection(own)
                painter.setFont(font)
                painter.setPen(text_color)
                painter.drawText(text_rect, self._text_flags(own), text)

            painter.setPen(_mix(text_color, background, 0.12))
            painter.drawLine(body.left(), rect.bottom(), body.right(), rect.bottom())
        finally:
            painter.restore()

    @staticmethod
    def _paint_header(
        painter: QPainter,
        comment: Comment,
        rect: QRect,
        bold: QFont,
        regular: QFont,
        direction: Qt.LayoutDirection,
        ui_direction: Qt.LayoutDirection,
        color: QColor,
        muted: QColor,
    ) -> None:
        """The header line, author then time, from the comment's start side.

        The name and the time (written in the interface language) are each laid out
        in their own script's direction, so "5 minutes ago" never turns into
        "minutes ago 5" beside an Arabic comment.
        """
        author = (comment.author or "").strip() or QCoreApplication.translate(
            "CommentDelegate", "Anonymous"
        )
        when = relative_time(comment.published)
        bold_metrics = QFontMetrics(bold)
        author = bold_metrics.elidedText(author, Qt.TextElideMode.ElideRight, rect.width() * 3 // 5)
        author_width = bold_metrics.horizontalAdvance(author)
        rtl = direction == Qt.LayoutDirection.RightToLeft
        if rtl:
            author_rect = QRect(
                rect.right() - author_width, rect.top(), author_width, rect.height()
            )
            time_rect = QRect(
                rect.left(),
                rect.top(),
                rect.width() - author_width - _SEPARATOR_ROOM,
                rect.height(),
            )
        else:
            author_rect = QRect(rect.left(), rect.top(), author_width, rect.height())
            time_rect = QRect(
                rect.left() + author_width + _SEPARATOR_ROOM,
                rect.top(),
                rect.width() - author_width - _SEPARATOR_ROOM,
                rect.height(),
            )
        align = _alignment(direction) | Qt.AlignmentFlag.AlignVCenter
        option = QTextOption(align)
        option.setTextDirection(_qt_direction(detect_direction(author), direction))
        option.setWrapMode(QTextOption.WrapMode.NoWrap)
        painter.setFont(bold)
        painter.setPen(color)
        painter.drawText(QRectF(author_rect), author, option)
        if when and time_rect.width() > 0:
            painter.setFont(regular)
            painter.setPen(muted)
            shown = QFontMetrics(regular).elidedText(
                when, Qt.TextElideMode.ElideRight, time_rect.width()
            )
            option.setTextDirection(_qt_direction(detect_direction(shown), ui_direction))
            painter.drawText(QRectF(time_rect), shown, option)
