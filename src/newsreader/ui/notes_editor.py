"""The reader's private notes on the article on display, under its comment thread.

A collapsible section: its header says how many notes the article has, the body
lists them (each in the direction of its own words, with when it was written or
last edited) above a plain-text editor.  The editor turns right to left as soon as
the text is Arabic and back to left to right for English, so a note is written the
way it will be shown.

Notes live only in the local profile; nothing here touches the network.  Reading
and writing them is the job of an :class:`~newsreader.ui.article_notes.ArticleNotes`
(through the ``Reader``, on a worker thread); this widget shows what it reads and
keeps what is being written: the note in the editor, unsaved drafts per article,
the question before a delete.  Problems (an empty note, a note deleted meanwhile)
are said in a line under the editor, never in a dialog.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QItemSelection, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QKeyEvent,
    QKeySequence,
    QPalette,
    QShortcut,
    QTextCursor,
    QTextOption,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from newsreader.core.errors import NewsreaderError
from newsreader.core.text import detect_direction
from newsreader.core.types import Direction, Note
from newsreader.reader import Reader
from newsreader.ui.article_notes import ArticleNotes
from newsreader.ui.delegates.note_delegate import NoteDelegate
from newsreader.ui.models.note_list import NoteListModel
from newsreader.ui.plain_text import plain_label
from newsreader.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

# Lines of text the editor shows before it scrolls.
EDITOR_LINES = 4
# Height of the list of notes, in lines of text, before it scrolls.
LIST_LINES = 7


class NotesEditor(QWidget):
    """List, write, edit and delete the private notes of one article.

    Signals:
        countChanged(int): how many notes the article on display has (0 without one).
        notesLoaded(int): the notes of this article id were read and are listed.
        noteSaved(int): the note with this id was added or changed and is listed.
        noteDeleted(int): the note with this id was deleted.
        expandedChanged(bool): the section was opened (``True``) or folded away.
    """

    countChanged = Signal(int)
    notesLoaded = Signal(int)
    noteSaved = Signal(int)
    noteDeleted = Signal(int)
    expandedChanged = Signal(bool)

    def __init__(
        self,
        reader: Reader,
        parent: QWidget | None = None,
        *,
        runner: TaskRunner | None = None,
    ) -> None:
        super().__init__(parent)
        #: Reads and writes what this widget shows.
        self.article_notes = ArticleNotes(reader, self, runner=runner)
        self._editing: int | None = None  # id of the note in the editor, None: a new one
        self._deleting: int | None = None  # id of the note the delete question is about
        self._count = 0
        # Unsaved new notes per article, kept for the session when the reader moves on.
        self._drafts: dict[int, str] = {}
        self._direction: Direction | None = None

        # built in the order of the keyboard's focus chain
        toggle_row = self._build_toggle()
        view = self._build_list()
        list_buttons = self._build_list_buttons()
        confirm = self._build_confirm()
        editor = self._build_editor()
        editor_buttons = self._build_editor_buttons()

        self._body = QWidget(self)
        self._body.setObjectName("notesBody")
        body = QVBoxLayout(self._body)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(4)
        body.addWidget(view)
        body.addLayout(list_buttons)
        body.addWidget(confirm)
        body.addWidget(editor)
        body.addLayout(editor_buttons)
        self._body.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(toggle_row)
        layout.addWidget(self._body)

        self.article_notes.listed.connect(self._on_listed)
        self.article_notes.listFailed.connect(self._on_list_failed)
        self.article_notes.saved.connect(self._on_saved)
        self.article_notes.deleted.connect(self._on_deleted)
        self.article_notes.failed.connect(self._on_failed)
        self.article_notes.busyChanged.connect(self._update_buttons)

        self.retranslate()
        self._update_buttons()
        self._follow_text_direction()
        self.setEnabled(False)  # until there is an article to write about

    # -- building -----------------------------------------------------------------

    def _build_toggle(self) -> QHBoxLayout:
        """The header that opens and folds the section."""
        self._toggle = QToolButton(self)
        self._toggle.setObjectName("notesToggle")
        self._toggle.setCheckable(True)
        self._toggle.setAutoRaise(True)
        self._toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self._toggle.toggled.connect(self._on_toggled)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self._toggle)
        row.addStretch(1)
        return row

    def _build_list(self) -> QListView:
        self.model = NoteListModel(self)
        self.view = QListView(self)
        self.view.setObjectName("notesView")
        self.view.setModel(self.model)
        self.view.setItemDelegate(NoteDelegate(self.view))
        self.view.setUniformItemSizes(False)
        self.view.setWordWrap(True)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setFrameShape(QFrame.Shape.StyledPanel)
        self.view.selectionModel().selectionChanged.connect(self._on_selection)
        self.view.doubleClicked.connect(lambda _index: self.edit_selected())
        self.view.installEventFilter(self)
        return self.view

    def _build_list_buttons(self) -> QHBoxLayout:
        self._edit_button = QPushButton(self)
        self._edit_button.setObjectName("notesEditButton")
        self._edit_button.clicked.connect(self.edit_selected)
        self._delete_button = QPushButton(self)
        self._delete_button.setObjectName("notesDeleteButton")
        self._delete_button.clicked.connect(self.ask_delete)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addStretch(1)
        row.addWidget(self._edit_button)
        row.addWidget(self._delete_button)
        return row

    def _build_confirm(self) -> QFrame:
        """Asking before a delete, in place of the list's buttons (no dialog)."""
        self._confirm = QFrame(self)
        self._confirm.setObjectName("notesConfirm")
        self._confirm.setFrameShape(QFrame.Shape.StyledPanel)
        self._confirm_label = QLabel(self._confirm)
        self._confirm_label.setWordWrap(True)
        self._confirm_yes = QPushButton(self._confirm)
        self._confirm_yes.setObjectName("notesConfirmDelete")
        self._confirm_yes.clicked.connect(self._delete_confirmed)
        self._confirm_no = QPushButton(self._confirm)
        self._confirm_no.setObjectName("notesKeep")
        self._confirm_no.clicked.connect(self._hide_confirm)
        row = QHBoxLayout(self._confirm)
        row.setContentsMargins(6, 4, 6, 4)
        row.addWidget(self._confirm_label, 1)
        row.addWidget(self._confirm_yes)
        row.addWidget(self._confirm_no)
        self._confirm.hide()
        return self._confirm

    def _build_editor(self) -> QPlainTextEdit:
        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("notesEdit")
        self.editor.setTabChangesFocus(True)
        self.editor.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.editor.textChanged.connect(self._on_text_changed)
        self.editor.installEventFilter(self)
        save_shortcut = QShortcut(QKeySequence("Ctrl+Return"), self.editor)
        save_shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        save_shortcut.activated.connect(self.save)
        self._fit_editor()
        return self.editor

    def _build_editor_buttons(self) -> QHBoxLayout:
        """The line under the editor: what went wrong, Cancel and Save."""
        self._message = plain_label(self)  # may quote an error
        self._message.setObjectName("notesMessage")
        self._message.setWordWrap(True)
        self._message.hide()
        self._cancel_button = QPushButton(self)
        self._cancel_button.setObjectName("notesCancelButton")
        self._cancel_button.clicked.connect(self.cancel_edit)
        self._cancel_button.hide()
        self._save_button = QPushButton(self)
        self._save_button.setObjectName("notesSaveButton")
        self._save_button.setDefault(False)
        self._save_button.clicked.connect(self.save)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self._message, 1)
        row.addWidget(self._cancel_button)
        row.addWidget(self._save_button)
        return row

    # -- public API ---------------------------------------------------------------

    def article_id(self) -> int | None:
        return self.article_notes.article_id()

    def count(self) -> int:
        """How many notes the article on display has."""
        return self._count

    def is_expanded(self) -> bool:
        return self._toggle.isChecked()

    def set_expanded(self, expanded: bool) -> None:
        """Open or fold the section (the choice stays for every article)."""
        self._toggle.setChecked(expanded)

    def editing(self) -> int | None:
        """The id of the note being edited, ``None`` while writing a new one."""
        return self._editing

    def set_article(self, article_id: int | None) -> None:
        """Show the notes of *article_id* (``None``: no article, nothing to note)."""
        if article_id == self.article_notes.article_id() and article_id is not None:
            return
        self._keep_draft()
        self._editing = None
        self._hide_confirm()
        self._show_message("")
        self.model.clear()
        self.editor.setPlainText(self._drafts.pop(article_id, "") if article_id else "")
        self._set_count(0)
        self.setEnabled(article_id is not None)
        self.article_notes.set_article(article_id)
        self._update_buttons()

    def selected_note(self) -> Note | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.note(rows[0].row()) if rows else None

    def select_note(self, note_id: int) -> bool:
        row = self.model.row_of(note_id)
        if row < 0:
            return False
        self.view.setCurrentIndex(self.model.index(row, 0))
        return True

    @Slot()
    def edit_selected(self) -> None:
        """Put the selected note into the editor; Save then changes it."""
        note = self.selected_note()
        if note is None or self.article_notes.is_busy():
            return
        self._hide_confirm()
        self._editing = note.id
        self.editor.setPlainText(note.text)
        self.editor.moveCursor(QTextCursor.MoveOperation.End)
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
        self._show_message("")
        self._update_buttons()

    @Slot()
    def cancel_edit(self) -> None:
        """Leave the note being edited as it was and go back to writing a new one."""
        if self._editing is None:
            return
        self._editing = None
        self.editor.clear()
        self._show_message("")
        self._update_buttons()

    @Slot()
    def save(self) -> None:
        """Add the editor's text as a new note, or save the note being edited."""
        if self.article_notes.article_id() is None or self.article_notes.is_busy():
            return
        text = self.editor.toPlainText()
        if not text.strip():
            self._show_message(self.tr("Write something first: an empty note is not kept."))
            self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self._show_message("")
        if self._editing is None:
            self.article_notes.add(text)
        else:
            self.article_notes.change(self._editing, text)

    @Slot()
    def ask_delete(self) -> None:
        """Ask, in a line above the editor, whether the selected note should go."""
        note = self.selected_note()
        if note is None or self.article_notes.is_busy():
            return
        self._deleting = note.id
        self._confirm.show()
        self._confirm_no.setFocus(Qt.FocusReason.OtherFocusReason)
        self._update_buttons()

    def retranslate(self) -> None:
        self._update_toggle_text()
        self._toggle.setToolTip(
            self.tr("Your own notes on this article; they stay on this computer")
        )
        self._edit_button.setText(self.tr("Edit"))
        self._edit_button.setToolTip(self.tr("Change the selected note"))
        self._delete_button.setText(self.tr("Delete"))
        self._delete_button.setToolTip(self.tr("Delete the selected note"))
        self._confirm_label.setText(self.tr("Delete this note?"))
        self._confirm_yes.setText(self.tr("Delete"))
        self._confirm_no.setText(self.tr("Keep"))
        self._cancel_button.setText(self.tr("Cancel"))
        self.editor.setPlaceholderText(
            self.tr("Write a private note on this article (it is never sent anywhere)")
        )
        self.view.setAccessibleName(self.tr("Notes"))
        self.editor.setAccessibleName(self.tr("Note text"))
        self._update_buttons()

    # -- what the notes' queries answer ---------------------------------------------

    @Slot(int, object, object)
    def _on_listed(self, article_id: int, notes: list[Note], select: int | None) -> None:
        self.model.set_notes(notes)
        self._set_count(len(notes))
        if select is not None:
            self.select_note(select)
        self._update_buttons()
        self.notesLoaded.emit(article_id)

    @Slot(object)
    def _on_list_failed(self, _error: BaseException) -> None:
        """The notes could not be read (the article was deleted meanwhile): none to show."""
        self.model.clear()
        self._set_count(0)
        self._update_buttons()

    @Slot(object)
    def _on_saved(self, note: Note) -> None:
        self._editing = None
        self.editor.clear()
        self.article_notes.reload(select=note.id)
        self.noteSaved.emit(note.id)

    @Slot(int)
    def _on_deleted(self, note_id: int) -> None:
        if self._editing == note_id:
            self._editing = None
            self.editor.clear()
        self.article_notes.reload()
        self.noteDeleted.emit(note_id)

    @Slot(object)
    def _on_failed(self, error: BaseException) -> None:
        """Adding, saving or deleting failed: say why and list what is stored now."""
        if isinstance(error, NewsreaderError):
            log.info("a note could not be saved: %s", error)
            self._show_message(self.tr("The note could not be saved: %1").replace("%1", str(error)))
        else:
            log.error("notes task failed", exc_info=error)
            self._show_message(self.tr("Something went wrong with the notes."))
        self.article_notes.reload()

    @Slot()
    def _delete_confirmed(self) -> None:
        note_id = self._deleting
        self._hide_confirm()
        if note_id is not None:
            self.article_notes.delete(note_id)

    @Slot()
    def _hide_confirm(self) -> None:
        self._deleting = None
        self._confirm.hide()
        self._update_buttons()

    # -- the editor -------------------------------------------------------------------

    def _keep_draft(self) -> None:
        """Keep an unsaved new note of the article being left, for when it comes back."""
        article_id = self.article_notes.article_id()
        if article_id is None or self._editing is not None:
            return
        text = self.editor.toPlainText()
        if text.strip():
            self._drafts[article_id] = text
        else:
            self._drafts.pop(article_id, None)

    @Slot()
    def _on_text_changed(self) -> None:
        if self._message.isVisible() and self.editor.toPlainText().strip():
            self._show_message("")
        self._follow_text_direction()

    def _follow_text_direction(self) -> None:
        """Lay the editor out in the direction of what is being written.

        Without letters yet, the editor follows the interface.
        """
        direction = detect_direction(self.editor.toPlainText())
        if direction is self._direction and direction is not None:
            return
        self._direction = direction
        if direction is None:
            self.editor.unsetLayoutDirection()
        else:
            self.editor.setLayoutDirection(
                Qt.LayoutDirection.RightToLeft
                if direction is Direction.RTL
                else Qt.LayoutDirection.LeftToRight
            )
        self._apply_editor_direction()

    def _apply_editor_direction(self) -> None:
        """Make the document start its lines on the editor's own start side."""
        qt_direction = self.editor.layoutDirection()
        option = self.editor.document().defaultTextOption()
        side = (
            Qt.AlignmentFlag.AlignRight
            if qt_direction == Qt.LayoutDirection.RightToLeft
            else Qt.AlignmentFlag.AlignLeft
        )
        if option.textDirection() == qt_direction and option.alignment() == (
            side | Qt.AlignmentFlag.AlignAbsolute
        ):
            return
        option.setTextDirection(qt_direction)
        option.setAlignment(side | Qt.AlignmentFlag.AlignAbsolute)
        self.editor.document().setDefaultTextOption(option)

    def _fit_editor(self) -> None:
        line = QFontMetrics(self.editor.font()).lineSpacing()
        margins = self.editor.contentsMargins()
        frame = 2 * self.editor.frameWidth() + margins.top() + margins.bottom()
        self.editor.setFixedHeight(EDITOR_LINES * line + frame + 8)
        self._fit_list()

    def _fit_list(self) -> None:
        """As tall as the notes need, up to :data:`LIST_LINES` lines; then it scrolls."""
        most = LIST_LINES * QFontMetrics(self.view.font()).lineSpacing()
        needed = sum(self.view.sizeHintForRow(row) for row in range(self.model.rowCount()))
        self.view.setFixedHeight(min(needed, most) + 2 * self.view.frameWidth())

    # -- state of the widgets -----------------------------------------------------------

    def _set_count(self, count: int) -> None:
        if count != self._count:
            self._count = count
            self._update_toggle_text()
            self.countChanged.emit(count)
        self.view.setVisible(count > 0)
        self._fit_list()

    def _update_toggle_text(self) -> None:
        """ "Private notes (2)" behind a triangle pointing down when open.

        Folded, the triangle points to where lines start: right in an Arabic
        interface, left in an English one.
        """
        if self._count:
            label = self.tr("Private notes (%n)", "", self._count)
        else:
            label = self.tr("Private notes")
        if self._toggle.isChecked():
            arrow = "▾"
        elif self.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            arrow = "◂"
        else:
            arrow = "▸"
        self._toggle.setText(f"{arrow} {label}")

    @Slot()
    def _update_buttons(self) -> None:
        has_article = self.article_notes.article_id() is not None
        busy = self.article_notes.is_busy()
        selected = self.selected_note() is not None
        confirming = self._deleting is not None
        self._edit_button.setEnabled(has_article and selected and not busy and not confirming)
        self._delete_button.setEnabled(has_article and selected and not busy and not confirming)
        self._edit_button.setVisible(self.model.rowCount() > 0)
        self._delete_button.setVisible(self.model.rowCount() > 0)
        self._save_button.setEnabled(has_article and not busy)
        editing = self._editing is not None
        self._save_button.setText(self.tr("Save") if editing else self.tr("Add Note"))
        self._save_button.setToolTip(
            self.tr("Save the changed note (Ctrl+Enter)")
            if editing
            else self.tr("Keep this note with the article (Ctrl+Enter)")
        )
        self._cancel_button.setVisible(editing)

    def _show_message(self, text: str) -> None:
        """Say what went wrong under the editor (an empty *text* hides the line)."""
        self._message.setText(text)
        self._message.setVisible(bool(text))
        if text:
            palette = self.palette()
            dark_theme = palette.color(QPalette.ColorRole.Base).lightness() < 128
            palette.setColor(
                QPalette.ColorRole.WindowText, QColor("#f28b82" if dark_theme else "#b3261e")
            )
            self._message.setPalette(palette)

    @Slot(bool)
    def _on_toggled(self, expanded: bool) -> None:
        self._body.setVisible(expanded)
        self._update_toggle_text()
        self.expandedChanged.emit(expanded)

    @Slot(QItemSelection, QItemSelection)
    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._hide_confirm()

    # -- events ---------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.editor and event.type() == QEvent.Type.LayoutDirectionChange:
            self._apply_editor_direction()  # the interface's, while nothing is written
        elif watched is self.view and event.type() == QEvent.Type.Resize:
            if self.model.rowCount():  # narrower: notes wrap onto more lines
                QTimer.singleShot(0, self, self._fit_list)
        elif event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched is self.view and key == Qt.Key.Key_Delete:
                self.ask_delete()
                return True
            if watched is self.view and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.edit_selected()
                return True
            if watched is self.editor and key == Qt.Key.Key_Escape and self._editing is not None:
                self.cancel_edit()
                return True
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        kind = event.type()
        if kind == QEvent.Type.LanguageChange:
            self.retranslate()
        elif kind == QEvent.Type.LayoutDirectionChange:
            self._update_toggle_text()
        elif kind == QEvent.Type.FontChange:
            self._fit_editor()
        super().changeEvent(event)
