"""The part of :class:`~newsreader.reader.Reader` about stories: one event, many sources.

A story's articles are a view like any other: ``ArticleQuery(story_id=...)`` with
:meth:`~newsreader.reader.Reader.list_articles` and ``count_articles``.
"""

from __future__ import annotations

from newsreader.core.types import Story
from newsreader.reader.profile import ProfileParts
from newsreader.storage import stories as story_store


class StoriesMixin(ProfileParts):
    """Stories grouped by the refresh (:mod:`newsreader.update.stories`)."""

    def stories(self, *, limit: int | None = 50) -> list[Story]:
        """Stories told by at least two feeds, the most recently updated first."""
        with self._db.session() as session:
            return story_store.list_stories(session, limit)

    def story_of(self, article_id: int) -> Story | None:
        """The story an article (or the article it is a copy of) belongs to, if any."""
        with self._db.session() as session:
            return story_store.story_of(session, article_id)
