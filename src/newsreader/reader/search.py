"""The part of :class:`~newsreader.reader.Reader` about searching and saved searches."""

from __future__ import annotations

from collections.abc import Sequence

from newsreader.core.types import SavedSearch, SearchResults
from newsreader.reader.profile import ProfileParts
from newsreader.storage import saved_searches as saved_store
from newsreader.storage import search as search_store

#: The most hits one call returns.
MAX_LIMIT = 1000


class SearchMixin(ProfileParts):
    """Full-text search over articles, comments and notes; searches kept by name."""

    def search(self, query: str, *, limit: int = 50, offset: int = 0) -> SearchResults:
        """The articles *query* finds, best first, a page at a time, with snippets.

        *query* is in the search syntax of :mod:`newsreader.core.search_query`
        (words, "phrases", OR, -word, feed:, topic:, before:, after:); it never
        raises for what the user typed.  ``total`` counts every match.
        """
        limit = max(0, min(limit, MAX_LIMIT))
        with self._db.session() as session:
            return search_store.search(session, query, limit=limit, offset=max(0, offset))

    def search_index_remaining(self) -> int:
        """How many articles the search index has yet to take in while it is rebuilt
        (after an upgrade that prepares its documents differently); 0 when whole."""
        with self._db.session() as session:
            return search_store.rebuild_remaining(session)

    def continue_search_index(self, batch: int = search_store.BUILD_BATCH) -> bool:
        """Index the next *batch* articles of a rebuild, newest first, in one short
        transaction; returns whether more are left.  A no-op on a whole index."""
        with self._db.session() as session:
            search_store.continue_rebuild(session, batch=batch)
            return search_store.rebuild_pending(session)

    def search_snippets(self, query: str, article_ids: Sequence[int]) -> dict[int, str]:
        """For articles a search found (listed in another order): each one's snippet."""
        with self._db.session() as session:
            return search_store.snippets(session, query, list(article_ids)[:MAX_LIMIT])

    def saved_searches(self) -> list[SavedSearch]:
        """The searches the user saved, oldest first."""
        with self._db.session() as session:
            return saved_store.list_saved(session)

    def save_search(self, name: str, query: str) -> SavedSearch:
        """Keep *query* as a search named *name* (blank ones are refused)."""
        with self._db.session() as session:
            return saved_store.save(session, name, query)

    def remove_saved_search(self, search_id: int) -> None:
        with self._db.session() as session:
            saved_store.remove(session, search_id)

    def rename_saved_search(self, search_id: int, name: str) -> SavedSearch:
        with self._db.session() as session:
            return saved_store.rename(session, search_id, name)
