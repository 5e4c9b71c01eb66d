"""An article's comment thread as a flat list model, shown a batch at a time.

Threads arrive already in reading order with a depth per comment (replies follow
the comment they answer), so a list model is enough: the delegate indents by
depth.  A popular article can carry thousands of comments; the view is handed
them a batch at a time through :meth:`fetchMore` and each comment's plain text is
worked out only when a row is first asked for, so opening a huge thread costs what
a screenful costs.

Comments are shown as plain text.  A link keeps its text and gets its address
written after it in brackets (unless the text already is the address), so the
reader can see where it leads; images are never loaded.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from newsreader.core.html import StartTag, walk_html
from newsreader.core.text import html_to_text
from newsreader.core.types import Comment, Direction
from newsreader.ui.relative_time import absolute_time

# The row's :class:`~newsreader.core.types.Comment`.
CommentRole = Qt.ItemDataRole.UserRole + 1
# Nesting depth: 0 for a comment on the article, 1 for a reply to it, ...: int.
DepthRole = Qt.ItemDataRole.UserRole + 2
# The comment's own base direction: ``Qt.LayoutDirection``.
DirectionRole = Qt.ItemDataRole.UserRole + 3
# The author's name ("" when the feed gives none): str.
AuthorRole = Qt.ItemDataRole.UserRole + 4
# When it was published: an aware ``datetime`` or ``None``.
PublishedRole = Qt.ItemDataRole.UserRole + 5
# The comment as plain text, paragraphs separated by blank lines: str.
TextRole = Qt.ItemDataRole.UserRole + 6
# The web addresses (http/https) the comment links to, in order, without repeats.
LinksRole = Qt.ItemDataRole.UserRole + 7

# Rows handed to the view per :meth:`fetchMore`.
BATCH_SIZE = 500
# Longer comments are cut here (with an ellipsis): a wall of text is not a comment.
MAX_TEXT_CHARS = 6000
# Link addresses written after the link text are shortened to this many characters.
MAX_SHOWN_ADDRESS = 48

_WEB_PREFIXES = ("http://", "https://")

_Index = QModelIndex | QPersistentModelIndex


def short_address(url: str) -> str:
    """``https://www.example.org/a/b/`` → ``example.org/a/b``, cut to a readable length."""
    shown = url.strip()
    for prefix in _WEB_PREFIXES:
        if shown.lower().startswith(prefix):
            shown = shown[len(prefix) :]
            break
    if shown.lower().startswith("www."):
        shown = shown[4:]
    shown = shown.rstrip("/")
    if len(shown) > MAX_SHOWN_ADDRESS:
        shown = shown[: MAX_SHOWN_ADDRESS - 1] + "…"
    return shown


def _names_address(text: str, url: str) -> bool:
    """Whether a link's text already shows its address (then it is not repeated)."""
    text = text.strip().rstrip("…").rstrip("/").lower()
    if not text:
        return False
    full = url.strip().rstrip("/").lower()
    return text == full or short_address(url).rstrip("…").lower().startswith(
        short_address(text).rstrip("…")
    )


def _with_link_addresses(markup: str) -> tuple[str, list[str]]:
    """Comment markup with each web link's address written after its text, and the links.

    The markup is already sanitized when it is stored; this only adds text nodes,
    so :func:`~newsreader.core.text.html_to_text` reads the result as before.
    """
    out: list[str] = []
    links: list[str] = []
    href: str | None = None
    link_text: list[str] = []
    for event in walk_html(markup):
        if isinstance(event, str):
            out.append(html.escape(event, quote=False))
            if href is not None:
                link_text.append(event)
        elif isinstance(event, StartTag):
            if event.name == "a" and not event.self_closing:
                address = event.attrs.get("href", "").strip()
                href = address if address.lower().startswith(_WEB_PREFIXES) else None
                link_text = []
            out.append(event.source)
        else:
            out.append(f"</{event.name}>")
            if event.name == "a" and href is not None:
                if not _names_address("".join(link_text), href):
                    out.append(html.escape(f" ({short_address(href)})", quote=False))
                if href not in links:
                    links.append(href)
                href = None
    return "".join(out), links


def comment_text(markup: str) -> tuple[str, tuple[str, ...]]:
    """A comment's plain text (link addresses written out) and the web links it holds."""
    links: tuple[str, ...] = ()
    if "<a" not in markup and "<A" not in markup:
        text = html_to_text(markup)
    else:
        marked, found = _with_link_addresses(markup)
        text, links = html_to_text(marked), tuple(found)
    if len(text) > MAX_TEXT_CHARS:
        text = text[:MAX_TEXT_CHARS].rstrip() + "…"
    return text, links


class CommentListModel(QAbstractListModel):
    """The comments of one article, in thread order."""

    def __init__(self, parent: QObject | None = None, *, batch_size: int = BATCH_SIZE) -> None:
        super().__init__(parent)
        self._comments: list[Comment] = []
        self._texts: dict[int, tuple[str, tuple[str, ...]]] = {}
        self._rows_by_id: dict[int, int] | None = None
        self._shown = 0
        self._batch = max(1, batch_size)
        self._fetching = False

    # -- content ------------------------------------------------------------------

    def set_comments(self, comments: Sequence[Comment]) -> None:
        """Show a new thread (the first batch at once, the rest as the view scrolls)."""
        self._fetching = True  # no rows are handed out while the reset is announced
        try:
            self.beginResetModel()
            self._comments = list(comments)
            self._texts.clear()
            self._rows_by_id = None
            self._shown = min(self._batch, len(self._comments))
            self.endResetModel()
        finally:
            self._fetching = False

    def clear(self) -> None:
        self.set_comments(())

    def total(self) -> int:
        """How many comments the thread has (loaded into the view or not)."""
        return len(self._comments)

    def comment(self, row: int) -> Comment | None:
        return self._comments[row] if 0 <= row < self._shown else None

    def text(self, row: int) -> str:
        """Plain text of a row's comment, converted once and kept."""
        return self._converted(row)[0]

    def links(self, row: int) -> tuple[str, ...]:
        """The web addresses a row's comment links to."""
        return self._converted(row)[1]

    def _converted(self, row: int) -> tuple[str, tuple[str, ...]]:
        cached = self._texts.get(row)
        if cached is None:
            cached = comment_text(self._comments[row].content_html or "")
            self._texts[row] = cached
        return cached

    def row_of(self, comment_id: int) -> int:
        """The row of the comment with this id in the whole thread (-1 if absent).

        The row may lie beyond what the view has been handed yet; see
        :meth:`load_through`.
        """
        if self._rows_by_id is None:
            self._rows_by_id = {c.id: row for row, c in enumerate(self._comments)}
        return self._rows_by_id.get(comment_id, -1)

    def load_through(self, row: int) -> None:
        """Hand the view every row up to *row* (to scroll back to a comment far down)."""
        if row < self._shown:
            return
        last = min(row, len(self._comments) - 1)
        if last < self._shown or self._fetching:
            return
        self._fetching = True
        try:
            self.beginInsertRows(QModelIndex(), self._shown, last)
            self._shown = last + 1
            self.endInsertRows()
        finally:
            self._fetching = False

    # -- Qt model interface -------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self._shown

    def canFetchMore(self, parent: _Index) -> bool:
        return not parent.isValid() and self._shown < len(self._comments)

    def fetchMore(self, parent: _Index) -> None:
        # Whoever listens to the insertion signals may ask for more again (a model
        # tester does); one batch at a time keeps begin/end pairs from nesting.
        if parent.isValid() or self._fetching:
            return
        more = min(self._batch, len(self._comments) - self._shown)
        if more > 0:
            self.load_through(self._shown + more - 1)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        row = index.row()
        if not 0 <= row < self._shown or index.column() != 0:
            return None
        comment = self._comments[row]
        if role in (Qt.ItemDataRole.DisplayRole, TextRole):
            return self.text(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return absolute_time(comment.published) or None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            author = comment.author or ""
            return f"{author}: {self.text(row)}" if author else self.text(row)
        if role == CommentRole:
            return comment
        if role == DepthRole:
            return max(0, comment.depth)
        if role == DirectionRole:
            rtl = comment.direction is Direction.RTL
            return Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        if role == AuthorRole:
            return comment.author or ""
        if role == PublishedRole:
            return comment.published
        if role == LinksRole:
            return list(self.links(row))
        return None
