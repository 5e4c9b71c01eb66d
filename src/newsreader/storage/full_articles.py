"""Whole articles in the database: each feed's setting, and the texts fetched from pages.

The page's text lives in a table of its own (``full_articles``), one row per
article whose page was tried: the feed's summary and content in ``articles`` are
never touched, and a row (text or error) means the refresh does not try again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from newsreader.core.errors import ArticleNotFoundError, FeedNotFoundError
from newsreader.core.full_articles import FullArticleMode, FullText, mostly_short
from newsreader.core.text import html_to_text
from newsreader.storage.models import ArticleRow, FeedRow, FullArticleRow

__all__ = [
    "PageToFetch",
    "any_feed_wanting",
    "full_htmls",
    "full_text",
    "mode_of",
    "page_of",
    "pages_to_fetch",
    "set_mode",
    "store",
]

#: How many of an ``auto`` feed's newest items decide whether they are short summaries.
AUTO_SAMPLE = 20
#: How many ids go into one ``IN (...)`` list (SQLite limits bound parameters).
_CHUNK = 500


@dataclass(frozen=True, slots=True)
class PageToFetch:
    """An article whose page is to be fetched, with the validators of the last try."""

    article_id: int
    url: str
    etag: str | None = None
    last_modified: str | None = None


def _mode(value: str | None) -> FullArticleMode:
    try:
        return FullArticleMode(value or "off")
    except ValueError:
        return FullArticleMode.OFF


def set_mode(session: Session, feed_id: int, mode: FullArticleMode) -> None:
    """Set a feed's whole-article setting; raises :class:`FeedNotFoundError`."""
    done = session.execute(
        update(FeedRow).where(FeedRow.id == feed_id).values(full_articles=mode.value)
    )
    if not getattr(done, "rowcount", 1):
        raise FeedNotFoundError(f"no feed with id {feed_id}")


def mode_of(session: Session, feed_id: int) -> FullArticleMode:
    """A feed's whole-article setting; raises :class:`FeedNotFoundError`."""
    value = session.scalar(select(FeedRow.full_articles).where(FeedRow.id == feed_id))
    if value is None:
        raise FeedNotFoundError(f"no feed with id {feed_id}")
    return _mode(value)


def any_feed_wanting(session: Session) -> bool:
    """Whether any feed is set to whole articles (``on`` or ``auto``)."""
    found = session.scalar(select(FeedRow.id).where(FeedRow.full_articles != "off").limit(1))
    return found is not None


def _short_feeds(session: Session, feed_ids: Sequence[int]) -> set[int]:
    """Those of *feed_ids* whose newest items are mostly short summaries with a link."""
    short = set()
    for feed_id in feed_ids:
        rows = session.execute(
            select(ArticleRow.summary, ArticleRow.content_html, ArticleRow.link)
            .where(ArticleRow.feed_id == feed_id)
            .order_by(ArticleRow.sort_time.desc())
            .limit(AUTO_SAMPLE)
        ).all()
        items = [
            (html_to_text(content) if content else (summary or ""), link)
            for summary, content, link in rows
        ]
        if mostly_short(items):
            short.add(feed_id)
    return short


def pages_to_fetch(session: Session, limit: int) -> list[PageToFetch]:
    """The newest articles (at most *limit*) whose page a refresh should fetch.

    Those of ``on`` feeds, and of ``auto`` feeds whose items are mostly short
    summaries; only articles with a link and no row yet (never tried).
    """
    feeds = session.execute(
        select(FeedRow.id, FeedRow.full_articles).where(FeedRow.full_articles != "off")
    ).all()
    wanted = {fid for fid, value in feeds if _mode(value) is FullArticleMode.ON}
    wanted |= _short_feeds(session, [fid for fid, v in feeds if _mode(v) is FullArticleMode.AUTO])
    if not wanted or limit <= 0:
        return []
    rows = session.execute(
        select(ArticleRow.id, ArticleRow.link)
        .outerjoin(FullArticleRow, FullArticleRow.article_id == ArticleRow.id)
        .where(
            ArticleRow.feed_id.in_(sorted(wanted)),
            ArticleRow.link.is_not(None),
            FullArticleRow.article_id.is_(None),
        )
        .order_by(ArticleRow.sort_time.desc(), ArticleRow.id.desc())
        .limit(limit)
    )
    return [PageToFetch(aid, link) for aid, link in rows if link]


def page_of(session: Session, article_id: int) -> PageToFetch | None:
    """An article's page (``None`` without a link); raises :class:`ArticleNotFoundError`."""
    row = session.execute(
        select(ArticleRow.link, FullArticleRow.etag, FullArticleRow.last_modified)
        .outerjoin(FullArticleRow, FullArticleRow.article_id == ArticleRow.id)
        .where(ArticleRow.id == article_id)
    ).first()
    if row is None:
        raise ArticleNotFoundError(f"no article with id {article_id}")
    link, etag, last_modified = row
    return PageToFetch(article_id, link, etag, last_modified) if link else None


def store(
    session: Session,
    text: FullText,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    keep_text: bool = False,
) -> None:
    """Record the outcome of fetching an article's page (its text, or its error).

    With *keep_text*, a text stored before stays when this try found none (the
    page was unchanged, or failed this time): only the time and error change.
    """
    row = session.get(FullArticleRow, text.article_id)
    if row is None:
        if session.get(ArticleRow, text.article_id) is None:
            return  # the article went with its feed while its page was fetched
        row = FullArticleRow(article_id=text.article_id)
        session.add(row)
    if text.html is not None or not keep_text:
        row.full_html = text.html
        row.etag = etag
        row.last_modified = last_modified
    row.full_error = text.error
    row.full_fetched = text.fetched


def full_text(session: Session, article_id: int) -> FullText | None:
    """The article's stored whole text or error, if its page was tried."""
    row = session.get(FullArticleRow, article_id)
    if row is None:
        return None
    return FullText(row.article_id, row.full_html, row.full_fetched, row.full_error)


def full_htmls(session: Session, article_ids: Sequence[int]) -> list[str]:
    """The stored whole texts of *article_ids* that have one (for their pictures)."""
    found: list[str] = []
    ids = list(dict.fromkeys(article_ids))
    for start in range(0, len(ids), _CHUNK):
        found.extend(
            html
            for html in session.scalars(
                select(FullArticleRow.full_html).where(
                    FullArticleRow.article_id.in_(ids[start : start + _CHUNK]),
                    FullArticleRow.full_html.is_not(None),
                )
            )
            if html
        )
    return found
