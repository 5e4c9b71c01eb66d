"""Topics in the database: the merged keys of categories, their counts, the user's state.

A category's ``key`` (:func:`newsreader.core.topics.topic_key`) is stored with it; the
user's merges live in ``topic_state`` (a row per user and key: each user merges, names
and hides topics for themself, the session's user here) and are applied in the query
(``coalesce(merged_into, key)``), kept one step deep so one outer join resolves them.
Every topic's counts are read from ``topic_counts``, which the database keeps as
articles come and go (:mod:`newsreader.storage.topic_counts`), whatever the number
of articles.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, cast

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    case,
    exists,
    func,
    select,
    update,
)
from sqlalchemy.orm import Session

from newsreader.core.backup_records import TopicStateRecord
from newsreader.core.topics import CategoryStats, compact_key, topic_key
from newsreader.storage import topic_counts as topic_count_store
from newsreader.storage.database import session_user
from newsreader.storage.models import (
    ArticleCategoryRow,
    ArticleCopyRow,
    ArticleRow,
    ArticleStateRow,
    CategoryRow,
    TopicStateRow,
)

#: A category's topic once the user's merges are applied.
_resolved = func.coalesce(TopicStateRow.merged_into, CategoryRow.key)
_is_read = func.coalesce(ArticleStateRow.read, False)


def _with_state(query: Any, user: str) -> Select[Any]:
    """*query* (over categories) with *user*'s state of each category's key."""
    query = cast(Select[Any], query)
    return query.outerjoin(
        TopicStateRow, and_(TopicStateRow.key == CategoryRow.key, TopicStateRow.user_name == user)
    )


def _mine(session: Session) -> ColumnElement[bool]:
    return TopicStateRow.user_name == session_user(session)


def fill_keys(session: Session) -> int:
    """Give every category without a key its key (after a migration); how many were given."""
    missing = session.execute(
        select(CategoryRow.id, CategoryRow.name).where(CategoryRow.key.is_(None))
    ).all()
    if missing:
        keys = {cid: topic_key(name) for cid, name in missing}
        session.execute(update(CategoryRow), [{"id": c, "key": k} for c, k in keys.items()])
        # the triggers left keyless categories out: their topics are counted again
        topic_count_store.rebuild(session, set(keys.values()))
    return len(missing)


def topic_category_ids(key: str, user: str) -> Select[Any]:
    """The ids of the categories *user* merged into the topic ``key`` (a sub-select)."""
    return _with_state(select(CategoryRow.id), user).where(_resolved == key)


def topic_stats(
    session: Session, recent_since: datetime
) -> tuple[list[CategoryStats], dict[int, int]]:
    """Every merged topic's counts per feed and its spellings, and each feed's size.

    Articles and unread articles come from ``topic_counts`` (kept by the database,
    :mod:`newsreader.storage.topic_counts`), summed over the keys the user merged; a
    topic merged from several keys is counted from its articles instead, since one
    article may carry two of them.  The recent articles (since ``recent_since``) are
    counted from the articles, reached through the date index: a few days' worth.
    """
    fill_keys(session)
    merged_into: dict[str, str] = {
        key: target
        for key, target in session.execute(
            select(TopicStateRow.key, TopicStateRow.merged_into).where(
                _mine(session), TopicStateRow.merged_into.is_not(None)
            )
        )
        if target
    }
    rows = topic_count_store.counts(session)
    keys_of: dict[str, set[str]] = {}
    for key, *_counts in rows:
        keys_of.setdefault(merged_into.get(key, key), set()).add(key)
    several = sorted(topic for topic, keys in keys_of.items() if len(keys) > 1)
    feeds: dict[str, dict[int, list[int]]] = {}
    for key, feed_id, articles, unread in rows:
        topic = merged_into.get(key, key)
        if topic not in several:
            feeds.setdefault(topic, {})[feed_id] = [articles, unread, 0]
    if several:
        for topic, feed_id, articles, unread, recent in _counted_from_articles(
            session, recent_since, several
        ):
            feeds.setdefault(topic, {})[feed_id] = [articles, unread, recent]
    for topic, feed_id, recent in _recent(session, recent_since):
        per_feed = feeds.get(topic, {}).get(feed_id)
        if per_feed is not None and topic not in several:
            per_feed[2] = recent
    names, feed_sizes = _spellings_and_sizes(session)
    stats = [
        CategoryStats(
            key,
            {feed_id: (c[0], c[1], c[2]) for feed_id, c in per.items() if c[0] > 0},
            names.get(key, {}),
        )
        for key, per in feeds.items()
    ]
    return [s for s in stats if s.feeds], feed_sizes


def _tagged(user: str, *where: Any) -> Any:
    """Each article once per topic (two spellings of one topic on it count once)."""
    article = ArticleCategoryRow.article_id
    return (
        _with_state(
            select(article.label("article_id"), _resolved.label("topic"))
            .select_from(ArticleCategoryRow)
            .join(CategoryRow, CategoryRow.id == ArticleCategoryRow.category_id)
            # a syndicated copy is counted once, as its original (as lists show it)
            .where(~exists().where(ArticleCopyRow.article_id == article), *where),
            user,
        )
        .distinct()
        .subquery()
    )


def _counted_from_articles(
    session: Session, recent_since: datetime, topics: Sequence[str]
) -> list[Any]:
    """(topic, feed id, articles, unread, recent) for *topics*, from their articles."""
    user = session_user(session)
    tagged = _tagged(user, _resolved.in_(topics))
    query = (
        select(
            tagged.c.topic,
            ArticleRow.feed_id,
            func.count(),
            func.sum(case((_is_read == False, 1), else_=0)),  # noqa: E712
            func.sum(case((ArticleRow.sort_time >= recent_since, 1), else_=0)),
        )
        .select_from(tagged)
        .join(ArticleRow, ArticleRow.id == tagged.c.article_id)
        .outerjoin(
            ArticleStateRow,
            and_(
                ArticleStateRow.article_id == tagged.c.article_id,
                ArticleStateRow.user_name == user,
            ),
        )
        .group_by(tagged.c.topic, ArticleRow.feed_id)
    )
    return [(r[0], r[1], int(r[2]), int(r[3]), int(r[4])) for r in session.execute(query)]


def _recent(session: Session, recent_since: datetime) -> list[tuple[str, int, int]]:
    """(topic, feed id, articles since ``recent_since``), starting from the date index."""
    recent = select(ArticleRow.id).where(ArticleRow.sort_time >= recent_since).subquery()
    tagged = _tagged(session_user(session), ArticleCategoryRow.article_id.in_(select(recent.c.id)))
    query = (
        select(tagged.c.topic, ArticleRow.feed_id, func.count())
        .select_from(tagged)
        .join(ArticleRow, ArticleRow.id == tagged.c.article_id)
        .group_by(tagged.c.topic, ArticleRow.feed_id)
    )
    return [(r[0], r[1], int(r[2])) for r in session.execute(query)]


def _spellings_and_sizes(session: Session) -> tuple[dict[str, dict[str, int]], dict[int, int]]:
    """Each topic's original spellings with their articles, and each feed's articles.

    Both are counted straight from an index (one row per category, one per feed).
    """
    per_category = (
        select(ArticleCategoryRow.category_id, func.count().label("n"))
        .group_by(ArticleCategoryRow.category_id)
        .subquery()
    )
    names: dict[str, dict[str, int]] = {}
    for topic, name, count in session.execute(
        _with_state(
            select(_resolved, CategoryRow.name, per_category.c.n).join(
                per_category, per_category.c.category_id == CategoryRow.id
            ),
            session_user(session),
        )
    ):
        names.setdefault(topic, {})[name] = int(count)
    sizes = {
        feed_id: int(count)
        for feed_id, count in session.execute(
            select(ArticleRow.feed_id, func.count(ArticleRow.id)).group_by(ArticleRow.feed_id)
        )
    }
    return names, sizes


def category_ids_named(session: Session, name: str) -> list[int]:
    """The categories of the topic *name* stands for (``topic:`` in a search).

    *name* is any spelling of any category of the topic (after the alias table and the
    user's merges), or the name the user gave the topic.
    """
    keys = {resolve(session, topic_key(name))}
    wanted = compact_key(name)
    for key, given in session.execute(
        select(TopicStateRow.key, TopicStateRow.name).where(
            _mine(session), TopicStateRow.name.is_not(None)
        )
    ):
        if given and compact_key(given) == wanted:
            keys.add(resolve(session, key))
    fill_keys(session)
    user = session_user(session)
    return sorted({cid for key in keys for cid in session.scalars(topic_category_ids(key, user))})


def topic_exists(session: Session, key: str) -> bool:
    """Whether any category is the topic ``key``, merged into it or by its own key."""
    if session.scalar(select(CategoryRow.id).where(CategoryRow.key == key).limit(1)):
        return True
    return session.scalar(topic_category_ids(key, session_user(session)).limit(1)) is not None


def resolve(session: Session, key: str) -> str:
    """The topic ``key`` stands for now (the one it was merged into, if it was)."""
    row = _get(session, key)
    return row.merged_into if row is not None and row.merged_into else key


def _get(session: Session, key: str) -> TopicStateRow | None:
    return session.get(TopicStateRow, {"user_name": session_user(session), "key": key})


def _row(session: Session, key: str) -> TopicStateRow:
    row = _get(session, key)
    if row is None:
        row = TopicStateRow(user_name=session_user(session), key=key, hidden=False)
        session.add(row)
    return row


def merge(session: Session, source: str, target: str) -> str:
    """Merge the topic ``source`` into ``target``; returns the key it now belongs to.

    ``source`` moves itself (out of a topic it was merged into before, if it was);
    ``target`` stands for the topic it is merged into, if it is.  Topics merged into
    ``source`` before follow it, so a merge is one step deep.
    """
    target = resolve(session, target)
    if source == target:
        return target
    session.execute(
        update(TopicStateRow)
        .where(_mine(session), TopicStateRow.merged_into == source)
        .values(merged_into=target)
    )
    _row(session, source).merged_into = target
    return target


def rename(session: Session, key: str, name: str | None) -> None:
    """Name the topic ``key`` (None or "": its name is chosen from its spellings again)."""
    _row(session, key).name = name or None


def set_hidden(session: Session, key: str, hidden: bool) -> None:
    _row(session, key).hidden = hidden


def state_records(session: Session) -> list[TopicStateRecord]:
    """The user's topic state (for the topic list and for a backup)."""
    return [
        TopicStateRecord(r.key, r.merged_into, r.name, bool(r.hidden))
        for r in session.scalars(
            select(TopicStateRow).where(_mine(session)).order_by(TopicStateRow.key)
        )
        if r.merged_into or r.name or r.hidden
    ]


def restore_records(session: Session, records: Sequence[TopicStateRecord]) -> int:
    """Merge a backup's topic state into this profile's; this profile's choices win.

    A merge, a name or a hidden mark is taken where this profile has none.  Returns
    how many topics changed.
    """
    changed = 0
    for record in records:
        row = _row(session, record.key)
        before = (row.merged_into, row.name, bool(row.hidden))
        row.merged_into = row.merged_into or record.merged_into
        row.name = row.name or record.name
        row.hidden = bool(row.hidden) or record.hidden
        changed += before != (row.merged_into, row.name, bool(row.hidden))
    session.flush()
    _flatten(session)
    return changed


def _flatten(session: Session) -> None:
    """Keep merges one step deep and without cycles (two profiles' merges may cross)."""
    rows = {r.key: r for r in session.scalars(select(TopicStateRow).where(_mine(session)))}
    for row in rows.values():
        seen = {row.key}
        target = row.merged_into
        while target is not None and target in rows and rows[target].merged_into:
            if target in seen:  # a cycle: this merge gives way
                target = None
                break
            seen.add(target)
            target = rows[target].merged_into
        if target in seen:
            target = None
        row.merged_into = target
