"""What every part of the :class:`~newsreader.reader.Reader` stands on: one profile's
database, transport, parse workers and folders, kept private to the core.

The parts (:mod:`.comments`, :mod:`.notes`, :mod:`.backup`, :mod:`.demo`) are mixed
into ``Reader`` and reach these only through the attributes declared here.
"""

from __future__ import annotations

import threading

from newsreader.core.paths import AppPaths
from newsreader.core.settings import Settings, load_settings, save_settings
from newsreader.fetch.transport import Transport
from newsreader.storage.database import Database
from newsreader.update.comments import CommentFetcher
from newsreader.update.parse_pool import ParsePool


class ProfileParts:
    """The private parts of a profile that the Reader's mixins share."""

    _db: Database
    _transport: Transport
    _parse_pool: ParsePool
    paths: AppPaths | None
    _comment_fetcher_lock: threading.Lock
    _comment_fetcher_made: CommentFetcher | None

    def _comment_fetcher(self) -> CommentFetcher:
        """One comment fetcher per profile, made on first use (it keeps per-feed locks)."""
        with self._comment_fetcher_lock:
            if self._comment_fetcher_made is None:
                self._comment_fetcher_made = CommentFetcher(
                    self._db, self._transport, self._parse_pool.parse_or_error
                )
            return self._comment_fetcher_made

    def settings(self) -> Settings:
        """The user's settings as saved now (the defaults without a profile folder)."""
        return load_settings(self.paths.settings_file) if self.paths else Settings()

    def save_settings(self, settings: Settings) -> None:
        if self.paths:
            save_settings(self.paths.settings_file, settings)
