"""Which article is current: moving through the list, and what the pane and comments show.

The current article is the list's current row, or a related headline opened from
the reading pane that is not in the view.  Showing an article puts it in the
reading pane and the comments panel and notes that it was opened; an unread one is
marked read after the configured delay (see
:meth:`~newsreader.ui.article_actions.ArticleActions.mark_read_later`).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex, QObject

from newsreader.core.types import ArticleSummary
from newsreader.ui.models.article_list import Column

if TYPE_CHECKING:
    from newsreader.ui.main_window import MainWindow

log = logging.getLogger(__name__)

#: Pages read at most while looking for the next unread article.
MAX_SEARCH_PAGES = 10


class ArticleNavigation(QObject):
    """The main window's current article and the moves between articles."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._current_article: int | None = None

    def current_article_id(self) -> int | None:
        return self._current_article

    def current_summary(self) -> ArticleSummary | None:
        """The list's current row (None when no row is current)."""
        index = self._window.article_view.currentIndex()
        return self._window.article_model.article_at(index.row()) if index.isValid() else None

    # -- choosing an article -------------------------------------------------------------

    def select_article(self, article_id: int, *, show: bool = True, pages: int = 3) -> bool:
        """Make ``article_id`` current in the list, reading up to ``pages`` more pages."""
        model = self._window.article_model
        for _ in range(pages + 1):
            row = model.row_of(article_id)
            if row is not None:
                self.set_current_row(row, show=show)
                return True
            if not model.load_more():
                break
        return False

    def select_first_article(self) -> bool:
        if self._window.article_model.rowCount() == 0:
            return False
        self.set_current_row(0)
        return True

    def show_article_anywhere(self, article_id: int) -> None:
        """Show an article (a related headline), in this view if it is there."""
        if not self.select_article(article_id, pages=1):
            self._current_article = article_id
            self.show_in_pane(article_id)
            self._window.comments_panel.set_article(article_id)

    def set_current_row(self, row: int, *, show: bool = True) -> None:
        """Make ``row`` the list's current row; ``show=False`` leaves the pane as it is."""
        view = self._window.article_view
        index = self._window.article_model.index(row, Column.TITLE)
        selection = view.selectionModel()
        if not show:
            selection.blockSignals(True)
        selection.setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        if not show:
            selection.blockSignals(False)
            view.viewport().update()
        view.scrollTo(index)

    def on_article_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        w = self._window
        summary = w.article_model.article_at(current.row()) if current.isValid() else None
        w.article_actions.cancel_read_mark()
        if summary is None:
            return
        if summary.id == self._current_article:
            return
        self._current_article = summary.id
        self.show_in_pane(summary.id)
        w.comments_panel.set_article(summary.id)
        w.article_actions.update_enabled()
        if not summary.read:
            w.article_actions.mark_read_later()
        w.articleSelected.emit(summary.id)

    def forget_current(self) -> None:
        """No article is current any more: the pane and the comments panel are emptied."""
        self._current_article = None
        self.clear_pane()

    # -- moving --------------------------------------------------------------------------

    def move_article(self, step: int) -> None:
        """Select the next (``step=1``) or previous (``-1``) article."""
        model = self._window.article_model
        current = self._window.article_view.currentIndex()
        row = current.row() + step if current.isValid() else (0 if step > 0 else -1)
        if row >= model.rowCount():
            model.load_more()
        if 0 <= row < model.rowCount():
            self.set_current_row(row)

    def scroll_or_next_unread(self) -> None:
        """Space: page through the article, then go to the next unread one."""
        pane: Any = self._window.reading_pane
        if self._current_article is not None and pane.scroll_page_down():
            return
        self.next_unread()

    def next_unread(self) -> bool:
        model = self._window.article_model
        current = self._window.article_view.currentIndex()
        row = current.row() + 1 if current.isValid() else 0
        pages = 0
        while True:
            while row < model.rowCount():
                summary = model.article_at(row)
                if summary is not None and not summary.read:
                    self.set_current_row(row)
                    return True
                row += 1
            if pages >= MAX_SEARCH_PAGES or not model.load_more():
                break
            pages += 1
        self._window.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "No more unread articles in this view"), 4000
        )
        return False

    # -- the reading pane and the comments panel -----------------------------------------

    def show_in_pane(self, article_id: int) -> None:
        """Show the article and note that it was opened (comments are prefetched for it)."""
        self._window.reading_pane.show_article(article_id)
        reader = self._window.reader
        self._window.tasks.run_serial(
            lambda: reader.mark_opened(article_id),
            None,
            # the mark is a nicety: a failure is no news for the user
            lambda error: log.debug("could not record opening %s: %s", article_id, error),
        )

    def clear_pane(self) -> None:
        """Empty the reading pane and the comments panel."""
        self._window.reading_pane.clear()
        self._window.comments_panel.set_article(None)
