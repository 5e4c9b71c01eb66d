"""The search box: typing searches, off the GUI thread, and the matches become the view.

Each keystroke only restarts a short timer; when typing pauses the search runs on
the task runner (the first page of matches, best first, their count and their
snippets) and comes back by signal.  One search runs at a time: text typed
meanwhile waits for it and only the newest text is searched next, and an answer for
text that is no longer in the box is dropped.  The matches are shown as a view of
their own (list, reading pane, counts in the title row; each row's snippet in its
headline's tooltip).  Escape empties the box and brings back the view the search
replaced.  "Save as topic" keeps the search (``Reader.save_search``); the sidebar
lists saved searches when told by :attr:`SearchField.savedSearchesChanged`.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from newsreader.core.search_text import HIGHLIGHT_END, HIGHLIGHT_START
from newsreader.core.text import detect_direction
from newsreader.core.types import ArticleQuery, ArticleSummary, Direction, SavedSearch
from newsreader.reader import Reader
from newsreader.ui.icons import Icon, icon
from newsreader.ui.tasks import TaskRunner

#: A pause in typing this long starts the search.
SEARCH_DELAY_MS = 200
#: Keys that leave the search box for the list.
_LEAVE_KEYS = frozenset({Qt.Key.Key_Escape, Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter})
#: Marks that start a line in a direction (a tooltip line takes its first strong one).


@dataclass(frozen=True, slots=True)
class SearchPage:
    """What one search read off the GUI thread."""

    text: str
    rows: list[ArticleSummary]
    total: int
    snippets: dict[int, str]


#: Rows whose snippets come with the first page; the rest's follow at once.
FIRST_SNIPPETS = 40


def read_search(reader: Reader, text: str, page_size: int) -> SearchPage:
    """The first page of the matches of *text*, best first, and the first snippets."""
    rows = reader.list_articles(ArticleQuery(search=text, order="relevance"), limit=page_size)
    total = reader.search(text, limit=0).total  # counted by the index alone
    snippets = reader.search_snippets(text, [r.id for r in rows[:FIRST_SNIPPETS]])
    return SearchPage(text, rows, total, snippets)


def snippet_line(snippet: str) -> str:
    """A snippet as a paragraph of a rich-text tooltip: in its own direction, each
    matched word in bold instead of between the search's ``**`` marks."""
    direction = detect_direction(snippet) or Direction.LTR
    pieces = snippet.split(HIGHLIGHT_START)
    if HIGHLIGHT_START != HIGHLIGHT_END or len(pieces) % 2 == 0:
        pieces = [snippet]  # marks not paired: shown as they are, nothing in bold
    body = "".join(
        f"<b>{html.escape(piece)}</b>" if odd else html.escape(piece)
        for odd, piece in ((i % 2 == 1, p) for i, p in enumerate(pieces))
    )
    return f'<p dir="{direction.value}">{body}</p>'


class SearchEdit(QLineEdit):
    """The search box's widget, with its "Save as topic" button at the end."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchEdit")
        self.setClearButtonEnabled(True)
        self.setMaximumWidth(360)
        self.setMinimumWidth(200)
        self.addAction(icon(Icon.FILTER), QLineEdit.ActionPosition.LeadingPosition)
        self.save_action = QAction(icon(Icon.TOPIC), "", self)
        self.save_action.setObjectName("saveSearchAction")
        self.save_action.setEnabled(False)
        self.addAction(self.save_action, QLineEdit.ActionPosition.TrailingPosition)
        self.retranslate()

    def retranslate(self) -> None:
        self.setPlaceholderText(QCoreApplication.translate("MainWindow", "Search  ( Ctrl+F )"))
        self.setToolTip(
            QCoreApplication.translate(
                "MainWindow",
                'Words must all match; "exact phrase", OR, -word, feed:NAME, topic:NAME, '
                "before:YYYY-MM-DD and after:YYYY-MM-DD narrow the search.",
            )
        )
        self.save_action.setText(QCoreApplication.translate("MainWindow", "Save as Topic"))
        self.save_action.setToolTip(
            QCoreApplication.translate("MainWindow", "Save this search as a topic")
        )


class SearchField(QObject):
    """Searching as the user types; the results handed on to be shown.

    Signals:
        resultsReady(str, object, int): the search (its text), the first page of its
            matches (a list of ArticleSummary) and how many match in all.
        cleared(): the box was emptied; the view the search replaced should return.
        listEntered(): the box handed the keyboard to the list.
        snippetsChanged(): more snippets of the rows on show came (see :meth:`snippets`).
        savedSearchesChanged(): a search was saved (the sidebar lists them).
        searchSaved(object): the SavedSearch just saved.
    """

    resultsReady = Signal(str, object, int)
    cleared = Signal()
    listEntered = Signal()
    snippetsChanged = Signal()
    savedSearchesChanged = Signal()
    searchSaved = Signal(object)

    def __init__(
        self,
        reader: Reader,
        tasks: TaskRunner,
        edit: SearchEdit,
        *,
        page_size: int,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._reader = reader
        self._tasks = tasks
        self._edit = edit
        self._page_size = page_size
        self._running = False  # a search is under way on the task runner
        self._waiting: str | None = None  # text typed while it ran
        self._shown: str | None = None  # the search whose results are on show
        self._snippets: dict[int, str] = {}
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)
        self.timer.timeout.connect(self.search_now)
        edit.textChanged.connect(self._on_text_changed)
        edit.save_action.triggered.connect(self.save_search)
        edit.installEventFilter(self)

    @property
    def shown_search(self) -> str | None:
        """The text of the search on show (None when no search is)."""
        return self._shown

    def snippets(self) -> dict[int, str]:
        """The snippets of the rows on show, as tooltip lines, by article id."""
        return {aid: snippet_line(s) for aid, s in self._snippets.items() if s}

    def focus(self) -> None:
        """Put the keyboard in the box, its text selected (Ctrl+F, /)."""
        self._edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._edit.selectAll()

    def _on_text_changed(self, _text: str) -> None:
        self.timer.start()  # all a keystroke does

    def search_now(self) -> None:
        """Search for the box's text now (the pause in typing has come)."""
        self.timer.stop()
        text = self._edit.text().strip()
        if not text:
            self._waiting = None
            if self._shown is not None:
                self._shown = None
                self._snippets = {}
                self._edit.save_action.setEnabled(False)
                self.cleared.emit()
            return
        if self._running:
            self._waiting = text
            return
        self._start(text)

    def _start(self, text: str) -> None:
        self._running = True
        reader, size = self._reader, self._page_size
        self._tasks.run_task(
            lambda: read_search(reader, text, size), self._on_results, self._on_error
        )

    def _on_results(self, page: SearchPage) -> None:
        self._running = False
        if page.text == self._edit.text().strip():  # still what the box says
            self._waiting = None
            self._shown = page.text
            self._snippets = page.snippets
            self._edit.save_action.setEnabled(True)
            self.resultsReady.emit(page.text, page.rows, page.total)
            self._read_more_snippets(page)
        self._next()

    def _read_more_snippets(self, page: SearchPage) -> None:
        rest = [r.id for r in page.rows if r.id not in page.snippets]
        if not rest:
            return
        reader, text = self._reader, page.text
        self._tasks.run_task(
            lambda: reader.search_snippets(text, rest),
            lambda found: self._add_snippets(text, found),
        )

    def _add_snippets(self, text: str, found: dict[int, str]) -> None:
        if text == self._shown:  # still the search on show
            self._snippets = {**self._snippets, **found}
            self.snippetsChanged.emit()

    def _on_error(self, _error: BaseException) -> None:
        self._running = False
        self._next()

    def _next(self) -> None:
        waiting, self._waiting = self._waiting, None
        if waiting is not None and waiting == self._edit.text().strip():
            self._start(waiting)

    def leave_search(self) -> None:
        """Another view was chosen: empty the box without bringing back the old view."""
        self.timer.stop()
        self._waiting = None
        self._shown = None
        self._snippets = {}
        self._edit.blockSignals(True)
        self._edit.clear()
        self._edit.blockSignals(False)
        self._edit.save_action.setEnabled(False)

    def save_search(self) -> None:
        """Keep the search on show as a topic named by its text."""
        text = self._shown
        if not text:
            return
        reader = self._reader
        self._tasks.run_serial(lambda: reader.save_search(text, text), self._on_saved)

    def _on_saved(self, saved: SavedSearch) -> None:
        self.searchSaved.emit(saved)
        self.savedSearchesChanged.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Escape empties the box; Escape, Down and Enter go to the list."""
        if (
            watched is self._edit
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in _LEAVE_KEYS
        ):
            if event.key() == Qt.Key.Key_Escape:
                self._edit.clear()
            self.search_now()
            self.listEntered.emit()
            return True
        return super().eventFilter(watched, event)

    def stop(self) -> None:
        """Stop the timer (the window is shutting down)."""
        self.timer.stop()
