"""The "Add Feed" dialog: a URL, an optional folder, errors shown inside the dialog.

The feed is fetched once before it is added (``Reader.add_feed``), which can take a
while, so it runs in the background; the dialog stays responsive and says what went
wrong in place instead of stacking a message box on top of it.  A site whose page
offers several feeds (news, sport, opinion…) shows them as a list to tick, the
first ticked, and subscribes to every ticked one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from newsreader.core.errors import (
    FeedExistsError,
    FetchError,
    NewsreaderError,
    NotAFeedError,
    ParseError,
    SeveralFeedsError,
)
from newsreader.core.text import detect_direction
from newsreader.core.types import Direction, Feed, FeedOption
from newsreader.reader import Reader
from newsreader.ui.error_text import readable_error
from newsreader.ui.plain_text import tooltip_text
from newsreader.ui.tasks import TaskRunner

#: The marks that give a line its own direction.
_EMBED = {Direction.RTL: "\u202b", Direction.LTR: "\u202a"}  # RLE, LRE
_POP = "\u202c"  # PDF


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
        #: The feed subscribed, the first when several were.
        self.feed: Feed | None = None
        #: Every feed subscribed.
        self.feeds: list[Feed] = []
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
        self.choices = QListWidget(self)  # the feeds a page offers, when it offers several
        self.choices.setObjectName("feedChoices")
        self.choices.hide()
        layout.addWidget(self.choices)
        self.url_edit.textEdited.connect(self._forget_choices)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Subscribe"))
        self.buttons.accepted.connect(self._subscribe)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def start(self, url: str) -> None:
        """Look *url* up as if it had been typed and Subscribe pressed (a dropped link)."""
        self.url_edit.setText(url)
        self._subscribe()

    def _subscribe(self) -> None:
        folder = self.folder_combo.currentText().strip() or None
        if not self.choices.isHidden():
            self._subscribe_chosen(folder)
            return
        url = self.url_edit.text().strip()
        if not url:
            self._show_error(self.tr("Type the address of a feed or of a web site."))
            return
        self._set_busy(True)
        self._show_note(self.tr("Looking for the feed…"))
        reader = self._reader
        self._tasks.run_task(
            lambda: reader.add_feed(url, folder=folder, choose=True), self._added, self._failed
        )

    def _subscribe_chosen(self, folder: str | None) -> None:
        urls = [
            item.data(Qt.ItemDataRole.UserRole)
            for item in self._choice_items()
            if item.checkState() == Qt.CheckState.Checked
            and item.flags() & Qt.ItemFlag.ItemIsEnabled
        ]
        if not urls:
            self._show_error(self.tr("Tick at least one feed."))
            return
        self._set_busy(True)
        self._show_note(self.tr("Subscribing…"))
        reader = self._reader
        self._tasks.run_task(
            lambda: subscribe_each(reader, urls, folder), self._chosen_added, self._failed
        )

    def _added(self, feed: Feed) -> None:
        self.feed = feed
        self.feeds.append(feed)
        self._set_busy(False)
        self.accept()

    def _chosen_added(self, outcome: SubscribeOutcome) -> None:
        self._set_busy(False)
        self.feeds.extend(outcome.added)
        self.feed = self.feeds[0] if self.feeds else None
        for item in self._choice_items():  # what is done now cannot be ticked again
            if item.data(Qt.ItemDataRole.UserRole) in outcome.done_urls:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
        if not outcome.failed:
            self.accept()
            return
        url, error = outcome.failed[0]
        self._show_error(f"{url}\n{describe_error(error)}")

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if isinstance(error, SeveralFeedsError):
            self._offer(error.options)
            return
        self._show_error(describe_error(error))

    def _offer(self, options: Sequence[FeedOption]) -> None:
        """List the feeds a page offers, the first ticked."""
        self.choices.clear()
        for number, option in enumerate(options):
            text = option.title or option.url
            # Each name reads in its own direction whatever the window's: an Arabic
            # title in an English window, an address in an Arabic one.
            direction = detect_direction(text) or Direction.LTR
            item = QListWidgetItem(_EMBED[direction] + text + _POP, self.choices)
            item.setData(Qt.ItemDataRole.UserRole, option.url)
            item.setToolTip(tooltip_text(option.url))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if number == 0 else Qt.CheckState.Unchecked)
        self.choices.show()
        self._show_note(
            self.tr("This site offers %n feed(s). Tick the ones to follow.", "", len(options))
        )

    @Slot()
    def _forget_choices(self) -> None:
        """Another address: the list belonged to the last one."""
        if not self.choices.isHidden():
            self.choices.clear()
            self.choices.hide()
            self.message.hide()

    def _choice_items(self) -> list[QListWidgetItem]:
        return [self.choices.item(row) for row in range(self.choices.count())]

    def _set_busy(self, busy: bool) -> None:
        self.url_edit.setEnabled(not busy)
        self.folder_combo.setEnabled(not busy)
        self.choices.setEnabled(not busy)
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


@dataclass(frozen=True, slots=True)
class SubscribeOutcome:
    """What subscribing to several chosen feeds came to."""

    added: tuple[Feed, ...] = ()
    #: URLs now followed: just added, or subscribed already.
    done_urls: frozenset[str] = frozenset()
    failed: tuple[tuple[str, BaseException], ...] = ()


def subscribe_each(reader: Reader, urls: Sequence[str], folder: str | None) -> SubscribeOutcome:
    """Subscribe to every URL in turn; one failing does not stop the rest."""
    added: list[Feed] = []
    done: set[str] = set()
    failed: list[tuple[str, BaseException]] = []
    for url in urls:
        try:
            added.append(reader.add_feed(url, folder=folder))
        except FeedExistsError:
            pass  # followed already: nothing to do
        except NewsreaderError as error:
            failed.append((url, error))
            continue
        done.add(url)
    return SubscribeOutcome(tuple(added), frozenset(done), tuple(failed))


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
