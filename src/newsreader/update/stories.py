"""The refresh's grouping step: new articles into stories, syndicated copies onto one.

Runs after a refresh's articles are stored (and after a feed is first added), in one
transaction: the new articles' signatures are made (:func:`newsreader.core.stories.signature`),
the stored signatures of the time window around them are read into an
:class:`~newsreader.core.stories.EventIndex`, the pure
:func:`~newsreader.core.stories.plan_grouping` decides, and storage writes the
copies, the memberships and each touched story's name (its medoid's headline).
Only the window is read, so the cost follows the news of a few days, not the whole
database.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from newsreader.core.snippets import headline
from newsreader.core.stories import WINDOW, EventIndex, medoid, plan_grouping, signature
from newsreader.storage import locks
from newsreader.storage import stories as story_store
from newsreader.storage.database import Database, Session
from newsreader.storage.locks import TransactionLock

__all__ = ["group_new_articles"]

log = logging.getLogger(__name__)


def group_new_articles(db: Database, since: datetime) -> int:
    """Group the articles first seen at or after *since* not grouped yet; how many.

    Articles dated within the last :data:`~newsreader.core.stories.WINDOW` that were
    never grouped (stored before stories existed, or by a grouping that failed) are
    grouped with them.  A failure is logged and changes nothing: stories are a
    nicety, the news itself is already stored.
    """
    try:
        with db.session() as session:
            return _group(session, since)
    except Exception:
        log.exception("grouping the new articles into stories failed")
        return 0


def _group(session: Session, since: datetime) -> int:
    locks.hold(session, TransactionLock.GROUP_STORIES)  # another process may be grouping too
    # the recent news too: an upgraded database, or a grouping that failed, catches up
    fresh = story_store.ungrouped_since(session, since, datetime.now(UTC) - WINDOW)
    new = [
        signature(
            a.id,
            a.feed_id,
            a.sort_time,
            headline(a.title, a.lead),
            a.lead if a.title else None,
            link=a.link,
            guid=a.guid,
        )
        for a in fresh
    ]
    if not new:
        return 0
    story_store.delete_empty_stories(session)  # their feeds were removed
    start = min(s.time for s in new) - WINDOW
    end = max(s.time for s in new) + WINDOW
    watch = {term for s in new for term in s.all_terms}
    index = EventIndex(story_store.signatures_between(session, start, end), watch=watch)
    plan = plan_grouping(
        index,
        new,
        story_store.stories_between(session, start, end),
        story_store.canonicals_between(session, start, end),
    )
    story_store.write_signatures(session, new)
    story_store.write_copies(session, plan.copies)
    stored = story_store.write_joins(session, plan.joins, datetime.now(UTC))
    touched = story_store.members_of(session, {stored[s] for s in plan.touched})
    missing = [i for ids in touched.values() for i in ids if i not in index]
    outside = {s.article_id: s for s in story_store.signatures_of(session, missing)}
    names = {}
    for story_id, member_ids in touched.items():
        members = [s for i in member_ids if (s := index.get(i) or outside.get(i)) is not None]
        if members:
            best = medoid(index, members)
            names[story_id] = (best.article_id, max(m.time for m in members))
    story_store.name_stories(session, names)
    return len(new)
