"""The part of :class:`~newsreader.reader.Reader` about conversations and the user's own data.

Comment threads, private notes and the user-data backup, mixed into ``Reader``.  It
relies only on what every Reader has: ``db``, ``transport`` and ``paths``.  Like the
rest of the facade, every method opens its own short session and is thread-safe;
``refresh_comments`` and ``prefetch_comments`` use the network and must not run on
a GUI thread.
"""

from __future__ import annotations

import threading
from pathlib import Path

from newsreader.core.paths import AppPaths
from newsreader.core.types import Comment, Note
from newsreader.fetch.transport import Transport
from newsreader.storage import notes as note_store
from newsreader.storage.database import Database
from newsreader.update import comments as comment_threads
from newsreader.update.comments import CommentFetcher, CommentsStatus
from newsreader.update.parse_pool import ParsePool
from newsreader.userdata import backup as userdata
from newsreader.userdata.backup import ImportReport

_FETCHER_GUARD = threading.Lock()


class CommentsMixin:
    """Comments, notes and backups for a Reader (``class Reader(CommentsMixin)``)."""

    db: Database
    transport: Transport
    paths: AppPaths | None
    parse_pool: ParsePool

    # -- comments ---------------------------------------------------------------------

    def _comment_fetcher(self) -> CommentFetcher:
        """One fetcher per Reader, made on first use (it keeps per-feed locks)."""
        with _FETCHER_GUARD:
            fetcher: CommentFetcher | None = self.__dict__.get("_comments_fetcher")
            if fetcher is None:
                fetcher = CommentFetcher(self.db, self.transport, self.parse_pool.parse_or_error)
                self.__dict__["_comments_fetcher"] = fetcher
            return fetcher

    def refresh_comments(self, article_id: int) -> CommentsStatus:
        """Fetch the article's comments feed now; faults come back in the status."""
        return self._comment_fetcher().refresh(article_id)

    def comments_status(self, article_id: int) -> CommentsStatus:
        """When the comments were last fetched and how it went, without fetching."""
        return self._comment_fetcher().status(article_id)

    def list_comments(self, article_id: int, *, newest_first: bool = False) -> list[Comment]:
        """The article's thread in display order, with ``depth`` and ``parent_id`` set."""
        return comment_threads.list_comments(self.db, article_id, newest_first=newest_first)

    def prefetch_comments(self, *, limit: int = 50, cancel: threading.Event | None = None) -> int:
        """Fetch comments ahead of time for starred and recently opened articles."""
        return self._comment_fetcher().prefetch(limit=limit, cancel=cancel)

    # -- notes -------------------------------------------------------------------------

    def list_notes(self, article_id: int) -> list[Note]:
        with self.db.session() as session:
            return note_store.list_notes(session, article_id)

    def add_note(self, article_id: int, text: str) -> Note:
        """A new private note (empty text is refused with a :class:`NewsreaderError`)."""
        with self.db.session() as session:
            return note_store.add_note(session, article_id, text)

    def update_note(self, note_id: int, text: str) -> Note:
        with self.db.session() as session:
            return note_store.update_note(session, note_id, text)

    def delete_note(self, note_id: int) -> None:
        with self.db.session() as session:
            note_store.delete_note(session, note_id)

    def search_notes(self, text: str) -> list[int]:
        """Ids of the articles whose notes contain every word of ``text``."""
        with self.db.session() as session:
            return note_store.search_notes(session, text)

    # -- backup of the user's data -----------------------------------------------------

    @property
    def pending_state_file(self) -> Path | None:
        """Where restored marks wait for their articles (``None`` without a profile folder)."""
        return self.paths.data / userdata.PENDING_FILE_NAME if self.paths else None

    def export_data(self, path: Path) -> None:
        """Write subscriptions, marks and notes to one JSON file (atomically)."""
        userdata.export_data(self.db, Path(path), pending_file=self.pending_state_file)

    def import_data(self, path: Path) -> ImportReport:
        """Merge a backup into this profile; a malformed file changes nothing."""
        return userdata.import_data(self.db, Path(path), pending_file=self.pending_state_file)

    def apply_pending_state(self) -> int:
        """Restore imported marks onto articles a refresh just brought; cheap when none wait."""
        return userdata.apply_pending_state(self.db, self.pending_state_file)
