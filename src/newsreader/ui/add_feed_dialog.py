"""The "Add Feed" dialog: a URL, an optional folder, errors shown inside the dialog.

The feed is fetched once before it is added (``Reader.add_feed``), which can take a
while, so it runs in the background; the dialog stays responsive and says what went
wrong in place instead of stacking a message box on top of it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from newsreader.core.errors import (
    FeedExistsError,
    FetchError,
    NewsreaderError,
    NotAFeedError,
    ParseError,
)
from newsreader.core.types import Feed
from newsreader.reader import Reader
from newsreader.ui.error_text import readable_error
from newsreader.ui.worker import TaskRunner


class AddFeedDialog(QDialog):
    """Asks for a feed or site address and subscribes to it in the background."""

    def __init__(
        self,
        reader: Reader,
        tasks: TaskRunner,
        folders: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._reader = reader
        self._tasks = tasks
        self.feed: Feed | None = None
        self.setWindowTitle(self.tr("Add Feed"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.url_edit = QLineEdit(self)
        self.url_edit.setPlaceholderText(self.tr("https://example.org/feed.xml or a site address"))
        self.url_edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        form.addRow(self.tr("&Address:"), self.url_edit)
        self.folder_combo = QComboBox(self)
        self.folder_combo.setEditable(True)
        self.folder_combo.addItem("")
        self.folder_combo.addItems(list(folders))
        folder_edit = self.folder_combo.lineEdit()
        if folder_edit is not None:
            folder_edit.setPlaceholderText(self.tr("No folder"))
        form.addRow(self.tr("&Folder:"), self.folder_combo)
        layout.addLayout(form)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.hide()
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Subscribe"))
        self.buttons.accepted.connect(self._subscribe)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _subscribe(self) -> None:
        url = self.url_edit.text().strip()
        if not url:
            self._show_error(self.tr("Type the address of a feed or of a web site."))
            return
        folder = self.folder_combo.currentText().strip() or None
        self._set_busy(True)
        self._show_note(self.tr("Looking for the feed…"))
        self._tasks.run_task(
            lambda: self._reader.add_feed(url, folder=folder), self._added, self._failed
        )

    def _added(self, feed: Feed) -> None:
        self.feed = feed
        self._set_busy(False)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self._show_error(describe_error(error))

    def _set_busy(self, busy: bool) -> None:
        self.url_edit.setEnabled(not busy)
        self.folder_combo.setEnabled(not busy)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not busy)

    def _show_note(self, text: str) -> None:
        self.message.setPalette(self.palette())
        self.message.setText(text)
        self.message.show()

    def _show_error(self, text: str) -> None:
        palette = self.message.palette()
        palette.setColor(QPalette.ColorRole.WindowText, Qt.GlobalColor.red)
        self.message.setPalette(palette)
        self.message.setText(text)
        self.message.show()


def describe_error(error: BaseException) -> str:
    """A user-facing sentence for what went wrong adding a feed."""

    if isinstance(error, FeedExistsError):
        return QCoreApplication.translate(
            "AddFeedDialog", "You are already subscribed to this feed."
        )
    if isinstance(error, NotAFeedError):
        return QCoreApplication.translate("AddFeedDialog", "No feed was found at this address.")
    if isinstance(error, ParseError):
        return QCoreApplication.translate(
            "AddFeedDialog", "This address does not give a readable feed: %1"
        ).replace("%1", readable_error(str(error)))
    if isinstance(error, FetchError):
        return QCoreApplication.translate(
            "AddFeedDialog", "The address could not be fetched: %1"
        ).replace("%1", readable_error(str(error)))
    if isinstance(error, NewsreaderError):
        return str(error)
    return QCoreApplication.translate("AddFeedDialog", "Unexpected error: %1").replace(
        "%1", f"{type(error).__name__}: {error}"
    )
