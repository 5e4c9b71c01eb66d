"""Which article is current: moving through the list, and what the reading pane shows.

The current article is the list's current row, or a related headline opened from
the reading pane that is not in the view.  Showing an article puts it in the
reading pane, notes (on the task runner's serial lane) that it was opened, and
says so by signal: the comments panel follows it, and an unread one is marked read
after the configured delay (see
:meth:`~newsreader.ui.article_actions.ArticleActions.mark_read_later`).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex, QObject, Signal
from PySide6.QtWidgets import QTreeView

from newsreader.core.types import ArticleSummary
from newsreader.reader import Reader
from newsreader.ui.models.article_list import ArticleListModel, Column
from newsreader.ui.reading_pane import ReadingPane
from newsreader.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

#: Pages read at most while looking for the next unread article.
MAX_SEARCH_PAGES = 10


class ArticleNavigation(QObject):
    """The current article of the article list and the moves between articles.

    Signals:
        currentRowChanged(): the list's current row changed (to another article,
            or to none).
        currentArticleChanged(object): the id of the current article, or None.
        articleShown(int): this article is in the reading pane now (comments follow).
        paneCleared(): the reading pane shows no article.
        articleSelected(int): the list's current row became this article.
        statusMessage(str, int): a passing message and for how many milliseconds.
    """

    currentRowChanged = Signal()
    currentArticleChanged = Signal(object)
    articleShown = Signal(int)
    paneCleared = Signal()
    articleSelected = Signal(int)
    statusMessage = Signal(str, int)

    def __init__(
        self,
        reader: Reader,
        tasks: TaskRunner,
        article_model: ArticleListModel,
        article_view: QTreeView,
        reading_pane: ReadingPane,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._reader = reader
        self._tasks = tasks
        self._model = article_model
        self._view = article_view
        self._pane = reading_pane
        self._current_article: int | None = None
        # the current article, held while the view is read again in another order
        self._held: int | None = None
        article_view.selectionModel().currentChanged.connect(self.on_article_current)
        reading_pane.relatedActivated.connect(self.show_article_anywhere)

    def current_article_id(self) -> int | None:
        return self._current_article

    def current_summary(self) -> ArticleSummary | None:
        """The list's current row (None when no row is current)."""
        index = self._view.currentIndex()
        return self._model.article_at(index.row()) if index.isValid() else None

    def _set_current(self, article_id: int | None) -> None:
        self._current_article = article_id
        self.currentArticleChanged.emit(article_id)

    # -- choosing an article -------------------------------------------------------------

    def select_article(self, article_id: int, *, show: bool = True, pages: int = 3) -> bool:
        """Make ``article_id`` current in the list, reading up to ``pages`` more pages."""
        model = self._model
        for _ in range(pages + 1):
            row = model.row_of(article_id)
            if row is not None:
                self.set_current_row(row, show=show)
                return True
            if not model.load_more():
                break
        return False

    def select_first_article(self) -> bool:
        if self._model.rowCount() == 0:
            return False
        self.set_current_row(0)
        return True

    def enter_list(self) -> None:
        """The keyboard came to the list: without a current row, the first one becomes it."""
        if not self._view.currentIndex().isValid():
            self.select_first_article()

    def show_article_anywhere(self, article_id: int) -> None:
        """Show an article (a related headline), in this view if it is there."""
        if not self.select_article(article_id, pages=1):
            self._set_current(article_id)
            self.show_in_pane(article_id)

    def set_current_row(self, row: int, *, show: bool = True) -> None:
        """Make ``row`` the list's current row; ``show=False`` leaves the pane as it is."""
        view = self._view
        index = self._model.index(row, Column.TITLE)
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
        summary = self._model.article_at(current.row()) if current.isValid() else None
        self.currentRowChanged.emit()
        if summary is None:
            return
        if summary.id == self._current_article:
            return
        self._set_current(summary.id)
        self.show_in_pane(summary.id)
        self.articleSelected.emit(summary.id)

    def forget_current(self) -> None:
        """No article is current any more: the pane and the comments panel are emptied."""
        self._set_current(None)
        self.clear_pane()

    def hold_current(self) -> None:
        """The view is about to be read again: remember the current article."""
        self._held = self._current_article

    def restore_held(self) -> None:
        """The view was read again: the article current before is current again, quietly."""
        held, self._held = self._held, None
        if held is not None:
            self.select_article(held, show=False)

    # -- moving --------------------------------------------------------------------------

    def move_article(self, step: int) -> None:
        """Select the next (``step=1``) or previous (``-1``) article."""
        model = self._model
        current = self._view.currentIndex()
        row = current.row() + step if current.isValid() else (0 if step > 0 else -1)
        if row >= model.rowCount():
            model.load_more()
        if 0 <= row < model.rowCount():
            self.set_current_row(row)

    def scroll_or_next_unread(self) -> None:
        """Space: page through the article, then go to the next unread one."""
        if self._current_article is not None and self._pane.scroll_page_down():
            return
        self.next_unread()

    def next_unread(self) -> bool:
        model = self._model
        current = self._view.currentIndex()
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
        self.statusMessage.emit(
            QCoreApplication.translate("MainWindow", "No more unread articles in this view"), 4000
        )
        return False

    # -- the reading pane ----------------------------------------------------------------

    def show_in_pane(self, article_id: int) -> None:
        """Show the article and note that it was opened (comments are prefetched for it)."""
        self._pane.show_article(article_id)
        reader = self._reader
        self._tasks.run_serial(
            lambda: reader.mark_opened(article_id),
            None,
            # the mark is a nicety: a failure is no news for the user
            lambda error: log.debug("could not record opening %s: %s", article_id, error),
        )
        self.articleShown.emit(article_id)

    def clear_pane(self) -> None:
        """Empty the reading pane (and, through ``paneCleared``, the comments panel)."""
        self._pane.clear()
        self.paneCleared.emit()
