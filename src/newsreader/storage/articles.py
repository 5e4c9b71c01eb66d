"""Queries on articles and the user's marks on them.

Articles are everyone's; the marks joined to them are the session's user's
(:func:`~newsreader.storage.database.session_user`).

List queries return :class:`~newsreader.core.types.ArticleSummary` rows a page at a
time (keyset paging on ``(sort_time, id)``) so a view of 100,000 articles costs what
one screenful costs.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Select, and_, case, delete, exists, func, insert, or_, select, update
from sqlalchemy.orm import Session

from newsreader.core.errors import ArticleNotFoundError
from newsreader.core.snippets import HEADLINE_LIMIT
from newsreader.core.types import (
    Article,
    ArticleCursor,
    ArticleQuery,
    ArticleSummary,
    Direction,
    Enclosure,
)
from newsreader.storage import search as search_index
from newsreader.storage.database import session_user
from newsreader.storage.feeds import now_utc
from newsreader.storage.models import (
    ArticleCategoryRow,
    ArticleCopyRow,
    ArticleRow,
    ArticleStateRow,
    CategoryRow,
    EnclosureRow,
    FeedRow,
    FolderRow,
    NoteRow,
    StoryArticleRow,
)
from newsreader.storage.stories import copy_sources, with_copies
from newsreader.storage.topics import topic_category_ids

#: How much of an untitled article's summary a list row loads to make its headline.
LEAD_CHARS = HEADLINE_LIMIT + 20

_is_read = func.coalesce(ArticleStateRow.read, False)
_is_starred = func.coalesce(ArticleStateRow.starred, False)
_unread_one = case((_is_read == False, 1), else_=0)  # noqa: E712
_is_copy = exists().where(ArticleCopyRow.article_id == ArticleRow.id)


def _filtered(query: Select[Any], q: ArticleQuery, user: str) -> Select[Any]:
    """Narrow a select made by :func:`_base` with ``starred_only=q.starred``.

    A syndicated copy is listed once, as its canonical article, except in its own
    feed's view.
    """
    if q.feed_id is not None:
        query = query.where(ArticleRow.feed_id == q.feed_id)
    else:
        query = query.where(~_is_copy)
    if q.story_id is not None:
        query = query.where(
            exists().where(
                StoryArticleRow.article_id == ArticleRow.id,
                StoryArticleRow.story_id == q.story_id,
            )
        )
    if q.feed_ids is not None:
        query = query.where(ArticleRow.feed_id.in_(q.feed_ids))
    if q.folder is not None:
        query = query.where(
            FeedRow.folder_id.in_(select(FolderRow.id).where(FolderRow.name == q.folder))
        )
    if q.category is not None:
        query = query.where(
            exists().where(
                ArticleCategoryRow.article_id == ArticleRow.id,
                ArticleCategoryRow.category_id == CategoryRow.id,
                CategoryRow.name == q.category,
            )
        )
    if q.topic is not None:
        query = query.where(
            exists().where(
                ArticleCategoryRow.article_id == ArticleRow.id,
                ArticleCategoryRow.category_id.in_(topic_category_ids(q.topic, user)),
            )
        )
    if q.unread:
        query = query.where(_is_read == False)  # noqa: E712
    if q.starred:
        # On the state row itself, not through coalesce(): starred rows are few, and
        # this lets the database start from them (ix_article_state_starred_only).
        query = query.where(ArticleStateRow.starred == True)  # noqa: E712
    if q.video:
        query = query.where(ArticleRow.has_video == True)  # noqa: E712
    if q.text:
        for word in q.text.split():
            pattern = f"%{word}%"
            query = query.where(
                or_(
                    ArticleRow.title.ilike(pattern),
                    ArticleRow.summary.ilike(pattern),
                    # the user's private notes are searched with the article
                    exists().where(
                        NoteRow.article_id == ArticleRow.id,
                        NoteRow.user_name == user,
                        NoteRow.text.ilike(pattern),
                    ),
                )
            )
    return query


def _base(columns: Sequence[object], user: str, *, starred_only: bool = False) -> Select[Any]:
    """Articles with their feed and *user*'s marks.

    ``starred_only`` joins the marks as an inner join: only articles with a state
    row can be starred, and an inner join lets the database read the few starred
    rows first instead of walking every article.
    """
    query = (
        select(*columns)  # type: ignore[call-overload]
        .select_from(ArticleRow)
        .join(FeedRow, FeedRow.id == ArticleRow.feed_id)
    )
    state_on = and_(ArticleStateRow.user_name == user, ArticleStateRow.article_id == ArticleRow.id)
    if starred_only:
        return query.join(ArticleStateRow, state_on)
    return query.outerjoin(ArticleStateRow, state_on)


def _view(session: Session, columns: Sequence[object], q: ArticleQuery) -> Select[Any]:
    """The articles of the view ``q``, selecting ``columns``, with the session user's marks."""
    user = session_user(session)
    return _filtered(_base(columns, user, starred_only=q.starred), q, user)


_SUMMARY_COLUMNS = (
    ArticleRow.id,
    ArticleRow.feed_id,
    func.coalesce(FeedRow.title, FeedRow.url),
    ArticleRow.key,
    ArticleRow.title,
    ArticleRow.link,
    ArticleRow.published,
    ArticleRow.direction,
    _is_read,
    _is_starred,
    ArticleRow.comment_count,
    ArticleRow.has_video,
    ArticleRow.sort_time,
    # An untitled article is listed by its first words (a short slice: rows load by
    # the hundred, and titled ones need none).
    case((ArticleRow.title == "", func.substr(ArticleRow.summary, 1, LEAD_CHARS)), else_=None),
    # Whether other feeds carried it too (their names are read for those rows only).
    exists().where(ArticleCopyRow.canonical_id == ArticleRow.id),
    ArticleRow.first_seen,
)


def list_articles(
    session: Session,
    q: ArticleQuery,
    *,
    limit: int | None = None,
    offset: int = 0,
    after: ArticleCursor | None = None,
) -> list[ArticleSummary]:
    """A page of the view ``q``: newest first (or by source, or a search's best matches
    first), continuing after ``after`` (date order) or from ``offset``."""
    base = _view(session, _SUMMARY_COLUMNS, q)
    ranked = (
        search_index.best_first(
            session, base, q.search, reach=None if limit is None else offset + limit
        )
        if q.order == "relevance"
        else None
    )
    if ranked is not None:
        query = ranked  # best first already; paged by offset
    else:
        query = search_index.narrow(session, base, q.search)
        if q.order == "source":
            query = query.order_by(
                func.lower(func.coalesce(FeedRow.title, FeedRow.url)),
                ArticleRow.sort_time.desc(),
                ArticleRow.id.desc(),
            )
        else:
            if after is not None:
                query = query.where(
                    # implied by the next condition, but a plain range the date
                    # indexes can start from instead of filtering the newer rows
                    ArticleRow.sort_time <= after.sort_time,
                    or_(
                        ArticleRow.sort_time < after.sort_time,
                        and_(
                            ArticleRow.sort_time == after.sort_time,
                            ArticleRow.id < after.article_id,
                        ),
                    ),
                )
            query = query.order_by(ArticleRow.sort_time.desc(), ArticleRow.id.desc())
    if limit is not None:
        query = query.limit(limit)
    if offset:
        query = query.offset(offset)
    return _summaries(session, session.execute(query))


def _summaries(session: Session, rows: Iterable[Any]) -> list[ArticleSummary]:
    """List rows as records, each naming every feed that carried its article."""
    found = [_summary(r) for r in rows]
    copied = [a.id for a, copies in found if copies]
    others = copy_sources(session, copied) if copied else {}
    return [
        dataclasses.replace(a, sources=(a.feed_title, *others.get(a.id, ())))
        for a, _copies in found
    ]


def _summary(r: Any) -> tuple[ArticleSummary, bool]:
    return ArticleSummary(
        id=r[0],
        feed_id=r[1],
        feed_title=r[2],
        guid=r[3],
        title=r[4],
        link=r[5],
        published=r[6],
        direction=Direction(r[7]),
        read=bool(r[8]),
        starred=bool(r[9]),
        comment_count=r[10],
        has_video=bool(r[11]),
        lead=r[13],
        sort_time=r[12],
        first_seen=r[15],
    ), bool(r[14])


def summaries_of(session: Session, article_ids: Sequence[int]) -> dict[int, ArticleSummary]:
    """The list rows of these articles, by id (those that exist)."""
    ids = list(article_ids)
    if not ids:
        return {}
    rows = session.execute(
        _base(_SUMMARY_COLUMNS, session_user(session)).where(ArticleRow.id.in_(ids))
    )
    return {summary.id: summary for summary in _summaries(session, rows)}


def cursor_of(session: Session, article_id: int) -> ArticleCursor | None:
    row = session.execute(
        select(ArticleRow.sort_time, ArticleRow.id).where(ArticleRow.id == article_id)
    ).first()
    return ArticleCursor(row[0], row[1]) if row else None


def count_articles(session: Session, q: ArticleQuery) -> tuple[int, int]:
    """``(total, unread)`` in the view ``q``."""
    query = _view(session, (func.count(ArticleRow.id), func.sum(_unread_one)), q)
    query = search_index.narrow(session, query, q.search)
    total, unread = session.execute(query).one()
    return int(total or 0), int(unread or 0)


def ids_first_seen_since(session: Session, since: datetime) -> list[int]:
    return list(session.scalars(select(ArticleRow.id).where(ArticleRow.first_seen >= since)))


def article_ids(session: Session, q: ArticleQuery) -> list[int]:
    return list(
        session.scalars(search_index.narrow(session, _view(session, (ArticleRow.id,), q), q.search))
    )


def get_article(session: Session, article_id: int) -> Article:
    row = session.execute(
        _base(
            (ArticleRow, func.coalesce(FeedRow.title, FeedRow.url), _is_read, _is_starred),
            session_user(session),
        ).where(ArticleRow.id == article_id)
    ).first()
    if row is None:
        raise ArticleNotFoundError(f"no article with id {article_id}")
    a: ArticleRow = row[0]
    categories = tuple(
        session.scalars(
            select(CategoryRow.name)
            .join(ArticleCategoryRow, ArticleCategoryRow.category_id == CategoryRow.id)
            .where(ArticleCategoryRow.article_id == article_id)
            .order_by(CategoryRow.name)
        )
    )
    enclosures = tuple(
        Enclosure(url=e.url, type=e.type, length=e.length, medium=e.medium)
        for e in session.scalars(
            select(EnclosureRow)
            .where(EnclosureRow.article_id == article_id)
            .order_by(EnclosureRow.id)
        )
    )
    return Article(
        id=a.id,
        feed_id=a.feed_id,
        feed_title=row[1],
        guid=a.key,
        title=a.title,
        link=a.link,
        author=a.author,
        summary=a.summary,
        content_html=a.content_html,
        published=a.published,
        updated=a.updated,
        first_seen=a.first_seen,
        language=a.language,
        direction=Direction(a.direction),
        read=bool(row[2]),
        starred=bool(row[3]),
        categories=categories,
        enclosures=enclosures,
        image_url=a.image_url,
        image_caption=a.image_caption,
        comments_url=a.comments_url,
        comments_feed_url=a.comments_feed_url,
        comment_count=a.comment_count,
    )


def categories_of(session: Session, article_ids: Iterable[int]) -> dict[int, list[str]]:
    result: dict[int, list[str]] = {}
    ids = list(article_ids)
    if not ids:
        return result
    for article_id, name in session.execute(
        select(ArticleCategoryRow.article_id, CategoryRow.name)
        .join(CategoryRow, CategoryRow.id == ArticleCategoryRow.category_id)
        .where(ArticleCategoryRow.article_id.in_(ids))
        .order_by(CategoryRow.name)
    ):
        result.setdefault(article_id, []).append(name)
    return result


def _set_state(session: Session, ids: Sequence[int], **values: object) -> None:
    """Upsert the session user's marks on ``ids`` without touching the other marks."""
    if not ids:
        return
    user = session_user(session)
    mine = ArticleStateRow.user_name == user
    existing = set(
        session.scalars(
            select(ArticleStateRow.article_id).where(mine, ArticleStateRow.article_id.in_(ids))
        )
    )
    if existing:
        session.execute(
            update(ArticleStateRow)
            .where(mine, ArticleStateRow.article_id.in_(existing))
            .values(**values)
        )
    missing = [i for i in ids if i not in existing]
    if missing:
        known = set(session.scalars(select(ArticleRow.id).where(ArticleRow.id.in_(missing))))
        rows = [
            {"user_name": user, "article_id": i, "read": False, "starred": False, **values}
            for i in missing
            if i in known
        ]
        if rows:
            session.execute(insert(ArticleStateRow), rows)


def mark_read(session: Session, ids: Sequence[int], read: bool = True) -> None:
    """Mark articles read or unread, and their syndicated copies with them."""
    ids = with_copies(session, ids)
    _set_state(session, ids, read=read, read_at=now_utc() if read else None)


def mark_starred(session: Session, ids: Sequence[int], starred: bool = True) -> None:
    """Star or unstar articles, and their syndicated copies with them."""
    ids = with_copies(session, ids)
    _set_state(session, ids, starred=starred, starred_at=now_utc() if starred else None)


def mark_opened(session: Session, article_id: int) -> None:
    _set_state(session, [article_id], opened_at=now_utc())


def related_articles(session: Session, article_id: int, limit: int = 5) -> list[ArticleSummary]:
    """Other articles on the same event first (the article's story), then on its topic.

    Story members come newest first, then the newest articles sharing a category;
    copies of the article itself are never listed, nor any copy twice.
    """
    group = with_copies(session, [article_id])
    own = select(StoryArticleRow.story_id).where(StoryArticleRow.article_id.in_(group))
    user = session_user(session)
    story_query = (
        _base(_SUMMARY_COLUMNS, user)
        .where(ArticleRow.id.not_in(group), ~_is_copy)
        .where(
            exists().where(
                StoryArticleRow.article_id == ArticleRow.id, StoryArticleRow.story_id.in_(own)
            )
        )
        .order_by(ArticleRow.sort_time.desc(), ArticleRow.id.desc())
        .limit(limit)
    )
    related = _summaries(session, session.execute(story_query))
    if len(related) >= limit:
        return related
    categories = select(ArticleCategoryRow.category_id).where(
        ArticleCategoryRow.article_id == article_id
    )
    topic_query = (
        _base(_SUMMARY_COLUMNS, user)
        .where(ArticleRow.id.not_in([*group, *(a.id for a in related)]), ~_is_copy)
        .where(
            exists().where(
                ArticleCategoryRow.article_id == ArticleRow.id,
                ArticleCategoryRow.category_id.in_(categories),
            )
        )
        .order_by(ArticleRow.sort_time.desc(), ArticleRow.id.desc())
        .limit(limit - len(related))
    )
    return related + _summaries(session, session.execute(topic_query))


def delete_orphan_categories(session: Session) -> None:
    session.execute(
        delete(CategoryRow).where(~exists().where(ArticleCategoryRow.category_id == CategoryRow.id))
    )
