"""The part of :class:`~newsreader.reader.Reader` about topics (TopicsMixin).

Category topics are the feeds' categories merged (:mod:`newsreader.core.topics`), with
the user's merges, names and hidden marks kept in the database
(:mod:`newsreader.storage.topics`).  Saved searches (kind ``saved``, from the
search part) and current stories (kind ``story``, from the stories part) join them
in :meth:`TopicsMixin.topics`.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from newsreader.core.errors import NewsreaderError
from newsreader.core.topics import RECENT_DAYS, arrange_topics, key_of_topic_id
from newsreader.core.types import ArticleQuery, Topic
from newsreader.reader.search import SearchMixin
from newsreader.reader.stories import StoriesMixin
from newsreader.storage import articles as article_store
from newsreader.storage import topics as topic_store

#: Interface languages a topic's name can be chosen for.
_LANGUAGES = ("ar", "en")


class TopicNotFoundError(NewsreaderError):
    """No topic has this id (or it is not a kind the command applies to)."""


#: A saved search's topic id is this and the search's id.
SAVED_PREFIX = "s:"


#: Stories listed at most (the most recently updated first).
STORY_LIMIT = 50


class TopicsMixin(SearchMixin, StoriesMixin):
    """Topics: merged categories, saved searches and stories, with one count each."""

    def _language(self, language: str | None) -> str:
        if language in _LANGUAGES:
            return language
        chosen = self.settings().language
        if chosen in _LANGUAGES:
            return chosen
        return "en"

    def topics(self, *, language: str | None = None, everything: bool = False) -> list[Topic]:
        """The topics to list: saved searches, stories, then categories by recent activity.

        A category's name is chosen for *language* (default: the interface's).  With
        *everything*, hidden topics and tags that only restate one feed come too (their
        ``listed`` is False), after the listed ones.
        """
        since = datetime.now(UTC) - timedelta(days=RECENT_DAYS)
        with self._db.session() as session:
            stats, sizes = topic_store.topic_stats(session, since)
            state = topic_store.state_records(session)
        categories = arrange_topics(stats, sizes, state, self._language(language))
        if not everything:
            categories = [t for t in categories if t.listed]
        return [*self._saved_topics(), *self._story_topics(), *categories]

    def _saved_topics(self) -> list[Topic]:
        """Saved searches as topics (kind ``saved``, id ``s:<id>``), counted live.

        One search each: the user keeps a few, and each is an index lookup.
        """
        searches = self.saved_searches()
        topics = []
        for saved in searches:
            with self._db.session() as session:
                count, unread = article_store.count_articles(
                    session, ArticleQuery(search=saved.query)
                )
            topics.append(
                Topic(
                    name=saved.name,
                    count=count,
                    unread=unread,
                    id=f"{SAVED_PREFIX}{saved.id}",
                    kind="saved",
                    query=saved.query,
                )
            )
        return topics

    def _story_topics(self) -> list[Topic]:
        """Current stories as topics (kind ``story``, id ``story:<id>``), most active first."""
        return self.story_topics(limit=STORY_LIMIT)

    def add_saved_topic(self, name: str, query: str) -> Topic:
        """A user topic: *name* for the saved search *query*, listed as kind ``saved``."""
        saved = self.save_search(name, query)
        return next(t for t in self._saved_topics() if t.id == f"{SAVED_PREFIX}{saved.id}")

    def remove_topic(self, topic_id: str) -> None:
        """Remove a user topic (a saved search); category topics are hidden instead."""
        if key_of_topic_id(topic_id) is not None:
            raise NewsreaderError(f"{topic_id} comes from the feeds: hide it instead")
        self.remove_saved_search(self._saved_id(topic_id))

    def _saved_id(self, topic_id: str) -> int:
        number = topic_id.removeprefix(SAVED_PREFIX)
        if not topic_id.startswith(SAVED_PREFIX) or not number.isdigit():
            raise TopicNotFoundError(f"no user topic {topic_id}")
        return int(number)

    def _category_key(self, topic_id: str, *, resolve: bool = True) -> str:
        """The key of a category topic that exists; with *resolve*, the topic it is in."""
        key = key_of_topic_id(topic_id)
        if key is None:
            raise TopicNotFoundError(f"not a category topic: {topic_id}")
        with self._db.session() as session:
            if resolve:
                key = topic_store.resolve(session, key)
            if not topic_store.topic_exists(session, key):
                raise TopicNotFoundError(f"no topic {topic_id}")
        return key

    def merge_topics(self, source_id: str, target_id: str) -> str:
        """Merge the topic *source_id* into *target_id*; returns the merged topic's id.

        Only category topics merge.  The merge is the user's, kept in the profile (and
        in export-data): later articles with either name belong to the merged topic.
        A topic merged before moves on to *target_id* with the topics merged into it.
        """
        source = self._category_key(source_id, resolve=False)
        target = self._category_key(target_id)
        with self._db.session() as session:
            if topic_store.resolve(session, source) == target or source == target:
                raise NewsreaderError(f"{source_id} and {target_id} are one topic already")
            return "c:" + topic_store.merge(session, source, target)

    def rename_topic(self, topic_id: str, name: str) -> None:
        """Give a topic the user's own name ("" gives a category back its chosen one)."""
        if topic_id.startswith(SAVED_PREFIX):
            self.rename_saved_search(self._saved_id(topic_id), name)
            return
        key = self._category_key(topic_id)
        with self._db.session() as session:
            topic_store.rename(session, key, name.strip())

    def hide_topic(self, topic_id: str, hidden: bool = True) -> None:
        """Hide a category topic from the list (or show it again); its articles stay."""
        key = self._category_key(topic_id)
        with self._db.session() as session:
            topic_store.set_hidden(session, key, hidden)
