"""The article list's columns at every width: the headline first, the rest by priority.

The headline column takes whatever width is free and never gets less than
:data:`HEADLINE_SHARE` of the list.  The star and comment columns are narrow and
fixed; Time is as wide as its text; Source gets a share of the list within bounds.
When the list is too narrow to give the headline its share beside Source and Time
(a 900 px window, a wide comments panel), the row *folds*: Source and Time are
hidden and the delegate writes them under the headline on a second line.  The list
never scrolls sideways.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView

from newsreader.ui.delegates.article_delegate import ArticleDelegate
from newsreader.ui.models.article_list import Column

#: The least share of the list's width the headline column gets.
HEADLINE_SHARE = 0.45
#: The narrow columns (star, comment count), in pixels at the font's size.
MARKER_WIDTH = 30
#: Source: this share of the list, within these bounds (in average characters).
SOURCE_SHARE = 0.24
SOURCE_MIN_CHARS = 14
SOURCE_MAX_CHARS = 30
#: Time: wide enough for "12 hours ago" / "منذ 12 ساعة" (in average characters).
TIME_CHARS = 14


class ListColumns(QObject):
    """Sizes, hides and folds the columns of ``view`` whenever its width changes."""

    def __init__(self, view: QTreeView, delegate: ArticleDelegate) -> None:
        super().__init__(view)
        self._view = view
        self._delegate = delegate
        header = view.header()
        header.setStretchLastSection(False)
        header.setSectionsMovable(False)
        header.setMinimumSectionSize(MARKER_WIDTH // 2)
        header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Stretch)
        for column in (Column.STAR, Column.COMMENTS, Column.SOURCE, Column.TIME):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self._viewport = view.viewport()
        self._viewport.installEventFilter(self)
        view.installEventFilter(self)
        self._width = -1
        self.fit()

    def folded(self) -> bool:
        return self._delegate.folded()

    def fit(self) -> None:
        """Size the columns for the view's width now."""
        view = self._view
        width = view.viewport().width()
        if width <= 0:
            return
        self._width = width
        char = max(1, view.fontMetrics().averageCharWidth())
        markers = 2 * max(MARKER_WIDTH, 3 * char)
        time = TIME_CHARS * char
        source = round(
            min(max(SOURCE_SHARE * width, SOURCE_MIN_CHARS * char), SOURCE_MAX_CHARS * char)
        )
        fold = width - markers - time - source < HEADLINE_SHARE * width
        header = view.header()
        header.resizeSection(Column.STAR, markers // 2)
        header.resizeSection(Column.COMMENTS, markers // 2)
        header.resizeSection(Column.TIME, time)
        header.resizeSection(Column.SOURCE, source)
        header.setSectionHidden(Column.SOURCE, fold)
        header.setSectionHidden(Column.TIME, fold)
        if fold != self._delegate.folded():
            self._delegate.set_folded(fold)
            # rows change height: lay them out again
            view.doItemsLayout()
            view.viewport().update()

    def headline_width(self) -> int:
        return self._view.header().sectionSize(Column.TITLE)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # only the two events wanted are looked at: others come while the view is torn down
        kind = event.type()
        if kind == QEvent.Type.Resize and watched is self._viewport:
            if self._viewport.width() != self._width:
                self.fit()
        elif kind == QEvent.Type.FontChange and watched is self._view:
            self.fit()
        return False


def scrolls_sideways(view: QAbstractItemView) -> bool:
    """Whether ``view`` shows a horizontal scroll bar."""
    bar = view.horizontalScrollBar()
    return bar.isVisible() and bar.maximum() > 0
