"""Comments in the database: storing them, reading a thread, and comment-feed fetch state.

Comments come from two places: the comments feed of one article (``wfw:commentRss``,
an Atom ``rel="replies"`` link), and site-wide comment feeds the user subscribes to
like any feed, whose entries must be attached to the article they discuss instead of
being shown as articles.  Either way a comment is identified by ``(article, key)``
and updated in place when it is seen again; comments are never deleted because a
comments feed usually lists only the newest ones.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, or_, select, update
from sqlalchemy.orm import Session

from newsreader.core.errors import ArticleNotFoundError
from newsreader.core.parsed import ParsedEntry
from newsreader.core.text import detect_direction, detect_direction_html, direction_from_language
from newsreader.core.types import Comment, Direction
from newsreader.storage import search as search_index
from newsreader.storage.models import ArticleRow, ArticleStateRow, CommentRow, CommentSourceRow

#: Values per ``IN (...)`` list; far below every database's parameter limit.
IN_CHUNK = 500
#: The fragment WordPress and most blog engines give a comment's permalink.
COMMENT_FRAGMENT = "#comment-"


# --- what one comment is made of ------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CommentValues:
    """One comment ready to store, whichever kind of feed it came from."""

    key: str
    parent_key: str | None
    author: str | None
    published: datetime | None
    content_html: str
    direction: Direction
    link: str | None
    source_url: str | None

    @property
    def content_hash(self) -> str:
        """Changes when anything shown changes, so an unchanged comment is not rewritten.

        Not the source: the same comment in two feeds is not rewritten back and forth.
        """
        fields = (
            self.parent_key,
            self.author,
            self.published.isoformat() if self.published else None,
            self.content_html,
            self.direction.value,
            self.link,
        )
        text = "\x1f".join("" if value is None else value for value in fields)
        return hashlib.sha1(text.encode("utf-8")).hexdigest()

    def row(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "parent_key": self.parent_key,
            "author": self.author,
            "published": self.published,
            "content_html": self.content_html,
            "direction": self.direction.value,
            "link": self.link,
            "source_url": self.source_url,
            "content_hash": self.content_hash,
        }


def comment_direction(entry: ParsedEntry, fallback: Direction) -> Direction:
    """A comment's direction from its own words.

    Comment feeds of Arabic sites declare ``ar`` for every comment, yet readers
    answer in English too; the feed language only decides when the text has no
    letters at all (an emoji, a link), and the article's direction after that.
    """
    text = entry.content_html or entry.summary or entry.title or ""
    return (
        detect_direction_html(text)
        or direction_from_language(entry.language)
        or detect_direction(entry.title or "")
        or fallback
    )


def comment_values(
    entry: ParsedEntry, *, parent_key: str | None, source_url: str | None, fallback: Direction
) -> CommentValues:
    content = entry.content_html or ""
    if not content and entry.summary:
        content = "<p>" + _escape(entry.summary) + "</p>"
    return CommentValues(
        key=entry.key,
        parent_key=parent_key,
        author=entry.author,
        published=entry.published,
        content_html=content,
        direction=comment_direction(entry, fallback),
        link=entry.link,
        source_url=source_url,
    )


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _chunks(values: Sequence[Any], size: int = IN_CHUNK) -> Iterator[Sequence[Any]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


# --- writing -----------------------------------------------------------------------------


def store_comments(
    session: Session, article_id: int, comments: Sequence[CommentValues], now: datetime
) -> tuple[int, int]:
    """Insert new comments of one article and update changed ones: ``(new, updated)``.

    A feed without threading says nothing about a comment's parent, so it never
    erases a parent another feed gave (an article's flat RSS comments feed and a
    threaded site-wide one often carry the same comments).
    """
    if not comments:
        return 0, 0
    first_seen: dict[str, CommentValues] = {}
    for c in comments:
        first_seen.setdefault(c.key, c)  # a key repeated by a careless feed keeps its first
    unique = list(first_seen.values())
    existing: dict[str, tuple[int, str, str | None]] = {}
    for chunk in _chunks([c.key for c in unique]):
        for key, comment_id, content_hash, parent_key in session.execute(
            select(
                CommentRow.key, CommentRow.id, CommentRow.content_hash, CommentRow.parent_key
            ).where(CommentRow.article_id == article_id, CommentRow.key.in_(chunk))
        ):
            existing[key] = (comment_id, content_hash, parent_key)
    fresh: list[CommentValues] = []
    changed: list[tuple[int, CommentValues]] = []
    for c in unique:
        stored = existing.get(c.key)
        if stored is None:
            fresh.append(c)
            continue
        comment_id, content_hash, parent_key = stored
        if c.parent_key is None and parent_key is not None:
            c = replace(c, parent_key=parent_key)
        if c.content_hash != content_hash:
            changed.append((comment_id, c))
    if fresh:
        session.execute(
            insert(CommentRow),
            [{**c.row(), "article_id": article_id, "first_seen": now} for c in fresh],
        )
    for comment_id, c in changed:
        session.execute(update(CommentRow).where(CommentRow.id == comment_id).values(c.row()))
    if fresh or changed:
        search_index.reindex_comments(session, [article_id])
    return len(fresh), len(changed)


def raise_comment_count(session: Session, article_ids: Iterable[int]) -> None:
    """Set ``articles.comment_count`` to the stored comments when the feed said fewer."""
    for article_id in set(article_ids):
        stored = session.scalar(
            select(func.count(CommentRow.id)).where(CommentRow.article_id == article_id)
        )
        session.execute(
            update(ArticleRow)
            .where(ArticleRow.id == article_id)
            .where(or_(ArticleRow.comment_count.is_(None), ArticleRow.comment_count < stored))
            .values(comment_count=stored)
        )


# --- reading ------------------------------------------------------------------------------


def require_article(session: Session, article_id: int) -> None:
    """Raise :class:`ArticleNotFoundError` for an unknown id (a clear error, not an empty list)."""
    if session.scalar(select(ArticleRow.id).where(ArticleRow.id == article_id)) is None:
        raise ArticleNotFoundError(f"no article with id {article_id}")


def list_comment_rows(session: Session, article_id: int) -> list[tuple[Comment, str | None]]:
    """Every comment of an article with the key of the comment it replies to, unordered.

    ``parent_id`` and ``depth`` are left for :func:`newsreader.update.comments.build_thread`.
    """
    rows = session.execute(
        select(
            CommentRow.id,
            CommentRow.key,
            CommentRow.parent_key,
            CommentRow.author,
            func.coalesce(CommentRow.published, CommentRow.first_seen),
            CommentRow.content_html,
            CommentRow.direction,
            CommentRow.link,
        ).where(CommentRow.article_id == article_id)
    )
    return [
        (
            Comment(
                id=r[0],
                article_id=article_id,
                guid=r[1],
                parent_id=None,
                author=r[3],
                published=r[4],
                content_html=r[5] or "",
                direction=Direction(r[6]),
                link=r[7],
            ),
            r[2],
        )
        for r in rows
    ]


# --- comment feeds of articles -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CommentTarget:
    """What fetching one article's comments feed needs to know beforehand."""

    article_id: int
    article_key: str
    article_link: str | None
    direction: Direction
    url: str
    etag: str | None
    last_modified: str | None
    body_hash: str | None
    #: The article has nothing from this feed yet: ask without validators.
    unconditional: bool


@dataclass(frozen=True, slots=True)
class SourceState:
    """The last fetch of a comments feed."""

    status: str
    error: str | None
    last_fetched: datetime | None


def comment_target(session: Session, article_id: int) -> CommentTarget | None:
    """The comments feed of an article with its validators; ``None`` if it has none."""
    article = session.execute(
        select(
            ArticleRow.key, ArticleRow.link, ArticleRow.direction, ArticleRow.comments_feed_url
        ).where(ArticleRow.id == article_id)
    ).first()
    if article is None:
        raise ArticleNotFoundError(f"no article with id {article_id}")
    key, link, direction, url = article
    if not url:
        return None
    source = session.scalar(select(CommentSourceRow).where(CommentSourceRow.url == url))
    return CommentTarget(
        article_id=article_id,
        article_key=key,
        article_link=link,
        direction=Direction(direction),
        url=url,
        etag=source.etag if source else None,
        last_modified=source.last_modified if source else None,
        body_hash=source.body_hash if source else None,
        unconditional=source is not None and _fed_another_article(session, article_id, url),
    )


def _fed_another_article(session: Session, article_id: int, url: str) -> bool:
    """Whether ``url`` gave comments to another article but none to this one yet.

    The same post often comes in two feeds (the blog's and a category's) with one
    comments feed; its validators belong to the first article fetched, and a 304
    must not leave the second one without comments.
    """

    def first(*conditions: Any) -> int | None:
        return session.scalar(
            select(CommentRow.id).where(CommentRow.source_url == url, *conditions).limit(1)
        )

    if first(CommentRow.article_id == article_id) is not None:
        return False
    return first(CommentRow.article_id != article_id) is not None


def source_state(session: Session, url: str) -> SourceState | None:
    source = session.scalar(select(CommentSourceRow).where(CommentSourceRow.url == url))
    if source is None:
        return None
    return SourceState(source.status, source.error, source.last_fetched)


def save_source_state(
    session: Session,
    url: str,
    *,
    status: str,
    error: str | None,
    now: datetime,
    validators: tuple[str | None, str | None, str | None] | None = None,
) -> None:
    """Record how a fetch of ``url`` ended; ``validators`` = (etag, last_modified, body hash).

    Validators are only replaced after a successful fetch, so an outage does not
    cost the next fetch its conditional request.
    """
    source = session.scalar(select(CommentSourceRow).where(CommentSourceRow.url == url))
    if source is None:
        source = CommentSourceRow(url=url)
        session.add(source)
    source.status = status
    source.error = error
    source.last_fetched = now
    if validators is not None:
        etag, last_modified, body_hash = validators
        source.etag = etag
        source.last_modified = last_modified
        if body_hash:
            source.body_hash = body_hash


def prefetch_candidates(
    session: Session, *, opened_since: datetime, fetched_before: datetime, limit: int
) -> list[int]:
    """Starred or recently opened articles with a comments feed not fetched lately.

    Newest articles first; one article per comments feed.
    """
    query = (
        select(ArticleRow.id, ArticleRow.comments_feed_url)
        .join(ArticleStateRow, ArticleStateRow.article_id == ArticleRow.id)
        .outerjoin(CommentSourceRow, CommentSourceRow.url == ArticleRow.comments_feed_url)
        .where(ArticleRow.comments_feed_url.is_not(None))
        .where(
            or_(
                ArticleStateRow.starred == True,  # noqa: E712
                ArticleStateRow.opened_at >= opened_since,
            )
        )
        .where(
            or_(
                CommentSourceRow.last_fetched.is_(None),
                CommentSourceRow.last_fetched < fetched_before,
            )
        )
        .order_by(ArticleRow.sort_time.desc(), ArticleRow.id.desc())
        .limit(limit * 2)
    )
    seen: set[str | None] = set()
    chosen: list[int] = []
    for article_id, url in session.execute(query):
        if url in seen:
            continue
        seen.add(url)
        chosen.append(article_id)
        if len(chosen) >= limit:
            break
    return chosen


# --- site-wide comment feeds ------------------------------------------------------------


def _without_fragment(url: str) -> str:
    return url.split("#", 1)[0]


def _looks_like_reply(entry: ParsedEntry) -> bool:
    return bool(entry.in_reply_to) or COMMENT_FRAGMENT in (entry.link or "")


def _targets(entry: ParsedEntry) -> list[str]:
    """What an entry may point at: its in-reply-to ref, then its link's page."""
    found: list[str] = []
    if entry.in_reply_to:
        found.append(entry.in_reply_to)
        if "#" in entry.in_reply_to:
            found.append(_without_fragment(entry.in_reply_to))
    if entry.link and COMMENT_FRAGMENT in entry.link:
        found.append(_without_fragment(entry.link))
    return found


@dataclass(frozen=True, slots=True)
class _Known:
    """Articles (by key or link) and comments (by key) a batch of replies points at."""

    articles: dict[str, set[int]]
    comments: dict[str, set[int]]
    directions: dict[int, Direction]


def _known_targets(session: Session, wanted: Sequence[str]) -> _Known:
    articles: dict[str, set[int]] = {}
    comments: dict[str, set[int]] = {}
    directions: dict[int, Direction] = {}
    for chunk in _chunks(wanted):
        asked = set(chunk)
        for article_id, key, link, direction in session.execute(
            select(ArticleRow.id, ArticleRow.key, ArticleRow.link, ArticleRow.direction).where(
                or_(ArticleRow.key.in_(chunk), ArticleRow.link.in_(chunk))
            )
        ):
            directions[article_id] = Direction(direction)
            for value in (key, link):
                if value is not None and value in asked:
                    articles.setdefault(value, set()).add(article_id)
        for key, article_id in session.execute(
            select(CommentRow.key, CommentRow.article_id).where(CommentRow.key.in_(chunk))
        ):
            comments.setdefault(key, set()).add(article_id)
    for article_id, direction in _directions(session, comments):
        directions[article_id] = direction
    return _Known(articles, comments, directions)


def _directions(session: Session, comments: dict[str, set[int]]) -> Iterator[tuple[int, Direction]]:
    ids = sorted({i for group in comments.values() for i in group})
    for chunk in _chunks(ids):
        for article_id, direction in session.execute(
            select(ArticleRow.id, ArticleRow.direction).where(ArticleRow.id.in_(chunk))
        ):
            yield article_id, Direction(direction)


@dataclass(frozen=True, slots=True)
class _Placement:
    """Where a reply goes: its articles and the comment it answers (``None``: the article).

    No articles means "held back": the reply belongs to an article of the same batch
    that is not stored yet.
    """

    articles: frozenset[int]
    parent_key: str | None

    @property
    def held(self) -> bool:
        return not self.articles


_HELD = _Placement(frozenset(), None)


class _ReplyResolver:
    """Finds the article (and parent comment) of each reply in one batch of entries.

    A reply may answer another reply of the same batch, so resolution follows
    chains; it walks them with an explicit list (threads can be deep) and treats a
    loop as unresolvable.
    """

    def __init__(self, entries: Sequence[ParsedEntry], known: _Known) -> None:
        self.known = known
        self.replies = {e.key: e for e in entries if _looks_like_reply(e)}
        self.batch_articles = _batch_targets(entries)
        self.done: dict[str, _Placement | None] = {}

    def _direct(self, entry: ParsedEntry) -> _Placement | str | None:
        """A placement, the key of a reply of this batch to resolve first, or ``None``."""
        for target in _targets(entry):
            if target in self.known.articles:
                return _Placement(frozenset(self.known.articles[target]), None)
            if target in self.known.comments:
                return _Placement(frozenset(self.known.comments[target]), target)
            if target in self.replies and target != entry.key:
                return target
            if target in self.batch_articles:
                return _HELD
        return None

    def place(self, key: str) -> _Placement | None:
        """The placement of the reply ``key`` (``None``: not a reply to anything known)."""
        chain: list[str] = []
        on_chain: set[str] = set()
        current = key
        while current not in self.done:
            if current in on_chain:  # replies answering each other in a loop
                self.done[current] = None
                break
            chain.append(current)
            on_chain.add(current)
            step = self._direct(self.replies[current])
            if isinstance(step, str):
                current = step
                continue
            self.done[current] = step
            chain.pop()
            break
        below, parent = self.done[current], current
        for child in reversed(chain):
            if below is not None and not below.held:
                below = _Placement(below.articles, parent)
            self.done[child] = below
            parent = child
        return self.done[key]


def _batch_targets(entries: Sequence[ParsedEntry]) -> set[str]:
    """Keys and links of the entries that are not replies: articles of this same fetch."""
    found: set[str] = set()
    for entry in entries:
        if not _looks_like_reply(entry):
            found.add(entry.key)
            if entry.link:
                found.add(entry.link)
    return found


def attach_replies(
    session: Session, entries: Sequence[ParsedEntry], *, source_url: str, now: datetime
) -> tuple[list[ParsedEntry], int]:
    """Store the entries of a feed that are comments on known articles as comments.

    Returns the entries to store as articles (everything that is not a reply to a
    known article) and how many comments were attached.  A reply to an article of
    this same batch is held back from both: call again once the batch's articles
    are stored (``len(rest) + attached < len(entries)`` tells).  Costs nothing for
    a feed without replies.
    """
    if not any(_looks_like_reply(e) for e in entries):
        return list(entries), 0
    wanted = sorted({t for e in entries if _looks_like_reply(e) for t in _targets(e)})
    resolver = _ReplyResolver(entries, _known_targets(session, wanted))
    rest: list[ParsedEntry] = []
    per_article: dict[int, list[CommentValues]] = {}
    attached = 0
    for entry in entries:
        placement = resolver.place(entry.key) if entry.key in resolver.replies else None
        if placement is None:
            rest.append(entry)
            continue
        if placement.held:
            continue
        attached += 1
        for article_id in placement.articles:
            fallback = resolver.known.directions.get(article_id, Direction.LTR)
            per_article.setdefault(article_id, []).append(
                comment_values(
                    entry, parent_key=placement.parent_key, source_url=source_url, fallback=fallback
                )
            )
    for article_id, values in per_article.items():
        store_comments(session, article_id, values, now)
    raise_comment_count(session, per_article)
    return rest, attached
