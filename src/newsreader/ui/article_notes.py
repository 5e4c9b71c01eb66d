"""The private notes of the article on display, read and written through the Reader.

Every query runs on a worker thread like every other query of the GUI, one at a
time from the user's point of view (the editor waits while one is under way), and
an answer that arrives after another article was chosen is dropped.  What the
notes look like, and what to do after a write, is the
:class:`~newsreader.ui.notes_editor.NotesEditor`'s business.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, Signal

from newsreader.core.types import Note
from newsreader.reader import Reader
from newsreader.ui.tasks import TaskRunner, run_task, weak_callback

log = logging.getLogger(__name__)


class ArticleNotes(QObject):
    """Lists, adds, changes and deletes the notes of one article at a time.

    Signals:
        listed(int, object, object): the notes of this article id were read: the
            list of ``Note``, and the id of the note to select (or ``None``).
        listFailed(object): they could not be read (the article was deleted
            meanwhile): the exception.
        saved(object): this ``Note`` was added or changed.
        deleted(int): the note with this id was deleted.
        failed(object): adding, changing or deleting failed with this exception.
        busyChanged(bool): whether a query is under way.
    """

    listed = Signal(int, object, object)
    listFailed = Signal(object)
    saved = Signal(object)
    deleted = Signal(int)
    failed = Signal(object)
    busyChanged = Signal(bool)

    def __init__(
        self, reader: Reader, parent: QObject | None = None, *, runner: TaskRunner | None = None
    ) -> None:
        super().__init__(parent)
        self._reader = reader
        # The application's shared runner unless one is given: it outlives the
        # widgets, so an answer still under way when they go reports to nobody.
        self._run_task = runner.run_task if runner is not None else run_task
        self._article_id: int | None = None
        # Bumped when another article is shown: older answers are dropped.
        self._generation = 0
        self._busy = False

    def article_id(self) -> int | None:
        return self._article_id

    def is_busy(self) -> bool:
        """Whether a query is under way (its answer has not come yet)."""
        return self._busy

    def set_article(self, article_id: int | None) -> None:
        """Work on the notes of *article_id* from now on, and read them."""
        self._generation += 1
        self._article_id = article_id
        self._set_busy(False)
        if article_id is not None:
            self.reload()

    def reload(self, select: int | None = None) -> None:
        """Read the article's notes again; ``listed`` names ``select`` to select then."""
        article_id = self._article_id
        if article_id is None:
            return
        self._run(
            partial(self._reader.list_notes, article_id),
            self._on_listed,
            self._on_list_failed,
            article_id,
            select,
        )

    def add(self, text: str) -> None:
        """Keep *text* as a new note of the article."""
        if self._article_id is not None:
            self._write(partial(self._reader.add_note, self._article_id, text))

    def change(self, note_id: int, text: str) -> None:
        """Put *text* in place of the note's."""
        if self._article_id is not None:
            self._write(partial(self._reader.update_note, note_id, text))

    def delete(self, note_id: int) -> None:
        if self._article_id is None:
            return
        self._run(
            partial(self._reader.delete_note, note_id),
            self._on_deleted,
            self._on_delete_failed,
            note_id,
        )

    # -- running queries ----------------------------------------------------------------

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busyChanged.emit(busy)

    def _run(
        self,
        task: Callable[[], Any],
        on_done: Callable[..., None],
        on_error: Callable[..., None],
        *args: Any,
    ) -> None:
        """Run a notes query in the background; its answer counts only for this article.

        Then ``on_done(generation, *args, result)`` or ``on_error(generation, *args,
        error)`` is called on the GUI thread.
        """
        generation = self._generation
        self._set_busy(True)
        self._run_task(
            task,
            weak_callback(on_done, generation, *args),
            weak_callback(on_error, generation, *args),
        )

    def _write(self, task: Callable[[], Note]) -> None:
        self._run(task, self._on_saved, self._on_write_failed)

    def _answered(self, generation: int) -> bool:
        """Whether an answer is for the article on display (then nothing waits any more)."""
        if generation != self._generation:
            return False
        self._set_busy(False)
        return True

    def _on_listed(
        self, generation: int, article_id: int, select: int | None, notes: list[Note]
    ) -> None:
        if self._answered(generation):
            self.listed.emit(article_id, notes, select)

    def _on_list_failed(
        self, generation: int, _article_id: int, _select: int | None, error: BaseException
    ) -> None:
        if self._answered(generation):
            log.info("notes of article %s not read: %s", self._article_id, error)
            self.listFailed.emit(error)

    def _on_saved(self, generation: int, note: Note) -> None:
        if self._answered(generation):
            self.saved.emit(note)

    def _on_deleted(self, generation: int, note_id: int, _result: object) -> None:
        if self._answered(generation):
            self.deleted.emit(note_id)

    def _on_write_failed(self, generation: int, error: BaseException) -> None:
        if self._answered(generation):
            self.failed.emit(error)

    def _on_delete_failed(self, generation: int, _note_id: int, error: BaseException) -> None:
        if self._answered(generation):
            self.failed.emit(error)
