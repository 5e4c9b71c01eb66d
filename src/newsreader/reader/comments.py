"""The part of :class:`~newsreader.reader.Reader` about readers' comments.

``refresh_comments`` and ``prefetch_comments`` use the network and must not run on
a GUI thread; a fault comes back in the :class:`CommentsStatus`, never raised.
"""

from __future__ import annotations

import threading

from newsreader.core.types import Comment, CommentsStatus
from newsreader.reader.profile import ProfileParts
from newsreader.update import comments as comment_threads


class CommentsMixin(ProfileParts):
    """An article's comment thread: fetched from its comments feed, kept offline."""

    def refresh_comments(self, article_id: int) -> CommentsStatus:
        """Fetch the article's comments feed now; faults come back in the status."""
        return self._comment_fetcher().refresh(article_id)

    def comments_status(self, article_id: int) -> CommentsStatus:
        """When the comments were last fetched and how it went, without fetching."""
        return self._comment_fetcher().status(article_id)

    def list_comments(self, article_id: int, *, newest_first: bool = False) -> list[Comment]:
        """The article's thread in display order, with ``depth`` and ``parent_id`` set."""
        return comment_threads.list_comments(self._db, article_id, newest_first=newest_first)

    def prefetch_comments(self, *, limit: int = 50, cancel: threading.Event | None = None) -> int:
        """Fetch comments ahead of time for starred and recently opened articles."""
        return self._comment_fetcher().prefetch(limit=limit, cancel=cancel)
