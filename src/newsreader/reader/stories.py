"""The part of :class:`~newsreader.reader.Reader` about stories: one event, many sources.

A story's articles are a view like any other: ``ArticleQuery(story_id=...)`` with
:meth:`~newsreader.reader.Reader.list_articles` and ``count_articles``.

Grouping errs, so the user corrects it: an article taken out of a story, two stories
merged, one split in two.  Each correction is kept as pairs of articles
(:mod:`newsreader.core.story_corrections`, stored by
:mod:`newsreader.storage.story_corrections`) that later refreshes respect and
export-data keeps.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from newsreader.core.errors import NewsreaderError
from newsreader.core.stories import EventIndex
from newsreader.core.story_corrections import (
    APART,
    TOGETHER,
    Correction,
    split_corrections,
    split_in_two,
)
from newsreader.core.types import Story, Topic
from newsreader.reader.profile import ProfileParts
from newsreader.storage import stories as story_store
from newsreader.storage import story_corrections as correction_store
from newsreader.storage.database import Session

#: A story is current while its newest article is this recent (and one is unread).
CURRENT_FOR = timedelta(days=3)
#: Its activity: how many of its articles came within this long.
ACTIVITY_SPAN = timedelta(hours=24)


#: A story's topic id is this and the story's id.
STORY_PREFIX = "story:"


def story_topic(story: Story) -> Topic:
    """A story as the sidebar's and ``topics``' topic: kind ``story``, id ``story:<id>``."""
    return Topic(
        name=story.title,
        count=story.count,
        unread=story.unread,
        id=f"{STORY_PREFIX}{story.id}",
        kind="story",
        article_ids=story.article_ids,
        sources=story.sources,
    )


class StoryNotFoundError(NewsreaderError):
    """No story has this id, or the article named is not in it."""


class StoriesMixin(ProfileParts):
    """Stories grouped by the refresh (:mod:`newsreader.update.stories`), and corrected."""

    def stories(self, *, limit: int | None = 50) -> list[Story]:
        """Stories told by at least two feeds, the most recently updated first."""
        with self._db.session() as session:
            return story_store.list_stories(session, limit)

    def current_stories(
        self, *, limit: int = 50, keep: int | None = None, now: datetime | None = None
    ) -> list[Story]:
        """The stories of the last days with an unread article, the most active first.

        Most active: the most articles in the last day, then the newest.  *keep* (the
        story on show) stays listed even when read to the end or gone quiet.
        """
        now = now or datetime.now(UTC)
        with self._db.session() as session:
            return story_store.current_stories(
                session, now - CURRENT_FOR, now - ACTIVITY_SPAN, limit, keep=keep
            )

    def story_topics(self, *, limit: int = 50, keep: int | None = None) -> list[Topic]:
        """:meth:`current_stories` as topics (kind ``story``, id ``story:<id>``)."""
        return [story_topic(s) for s in self.current_stories(limit=limit, keep=keep)]

    def story(self, story_id: int) -> Story | None:
        """One story by id (None when there is none)."""
        with self._db.session() as session:
            return story_store.story(session, story_id)

    def story_of(self, article_id: int) -> Story | None:
        """The story an article (or the article it is a copy of) belongs to, if any."""
        with self._db.session() as session:
            return story_store.story_of(session, article_id)

    # -- corrections ---------------------------------------------------------------------

    def _members(self, session: Session, story_id: int) -> list[int]:
        """A story's articles, oldest first; StoryNotFoundError when it has none."""
        members = story_store.members_of(session, [story_id]).get(story_id, [])
        if not members:
            raise StoryNotFoundError(f"no story {story_id}")
        times = {s.article_id: s.time for s in story_store.signatures_of(session, members)}
        return sorted(members, key=lambda a: (times.get(a, datetime.max.replace(tzinfo=UTC)), a))

    def remove_from_story(self, story_id: int, article_id: int) -> None:
        """Take an article out of a story, for good: grouping never puts it back.

        A syndicated copy stands for its canonical article (the story's member).
        """
        with self._db.session() as session:
            members = self._members(session, story_id)
            article = story_store.canonicals_of(session, [article_id]).get(article_id, article_id)
            if article not in members:
                raise StoryNotFoundError(f"article {article_id} is not in story {story_id}")
            others = [m for m in members if m != article]
            correction_store.forget_between(session, TOGETHER, [article], others)
            correction_store.record(session, [Correction(APART, article, m) for m in others])
            correction_store.enforce_stored(session)

    def merge_stories(self, source_id: int, target_id: int) -> int:
        """Merge story *source_id* into *target_id*; returns the merged story's id.

        Later articles of either join the merged story; the merge is kept (and
        exported) as the user's.
        """
        if source_id == target_id:
            raise NewsreaderError(f"story {source_id} cannot be merged into itself")
        with self._db.session() as session:
            source = self._members(session, source_id)
            target = self._members(session, target_id)
            correction_store.forget_between(session, APART, source, target)
            correction_store.record(session, [Correction(TOGETHER, a, target[0]) for a in source])
            correction_store.enforce_stored(session)
            merged = story_store.story_of(session, target[0])
        return merged.id if merged is not None else target_id

    def split_story(self, story_id: int) -> tuple[int, int | None]:
        """Split a story in two where its articles are least alike; both parts' ids.

        The story keeps the part with its first article; the other part becomes a
        story of its own (None when it is one article: that one is in no story).
        The split is kept: grouping never joins the parts again.
        """
        with self._db.session() as session:
            members = self._members(session, story_id)
            if len(members) < 2:
                raise NewsreaderError(f"story {story_id} has one article: nothing to split")
            signatures = {s.article_id: s for s in story_store.signatures_of(session, members)}
            index = EventIndex(signatures.values())

            def similarity(a: int, b: int) -> float:
                if a not in signatures or b not in signatures:
                    return 0.0
                return index.similarity(signatures[a], signatures[b])

            kept, split_off = split_in_two(members, similarity)
            correction_store.forget_between(session, TOGETHER, kept, split_off)
            correction_store.record(session, split_corrections(kept, split_off))
            correction_store.enforce_stored(session)
            first = story_store.story_of(session, kept[0])
            second = story_store.story_of(session, split_off[0])
        return (
            first.id if first is not None else story_id,
            second.id if second is not None else None,
        )
