"""Full-text search over articles: the index kept in step, and searches run on it.

One document per article holds its headline, lead, content (as text), categories,
comments and the user's notes, prepared in Python (:mod:`newsreader.core.search_text`)
so SQLite and a later PostgreSQL back end index the very same words.  The storage
layer keeps it in step: the refresh's writer indexes the articles it inserts or
replaces, storing comments and writing notes re-index the article, and removing a
feed removes its documents.  The SQLite index keeps no copy of the text, so a
document is removed by making it again from the stored article
(:func:`forget_articles`), before the article changes or goes.

The database-specific statements live behind :class:`SearchIndex`:
:mod:`newsreader.storage.search_fts5` for SQLite, :mod:`newsreader.storage.search_postgres`
for PostgreSQL (``tsvector`` columns written from the same prepared documents, with a
GIN index).  Both find the same articles for the same query; ranking differs (bm25 or
``ts_rank``).

Articles and comments are everyone's, notes their writer's: in the notes field each
word (and stem) is written with its writer's tag before it (:func:`note_tag`, letters
and digits, so it is one token with the word), and a search asks for a word as
written elsewhere or with the searcher's own tag in the notes.  No one finds an
article by another user's note, and a snippet is cut from the searcher's notes only.
The index stays one row per article.  A user who has written no notes searches as
before; one with notes has each word looked up twice (a tagged form that is seldom
there): about a third more CPU per query in one run at 20,000 articles.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, time
from typing import Any, Protocol

from sqlalchemy import ColumnElement, Select, exists, false, func, select
from sqlalchemy.orm import Session

from newsreader.core.errors import StorageError
from newsreader.core.parsed import ParsedEntry
from newsreader.core.search_query import ParsedQuery, parse_query
from newsreader.core.search_text import (
    DOCUMENT_VERSION,
    ENTRY_FIELDS,
    EntryDocument,
    FieldText,
    Highlighter,
    document_field,
    entry_document,
    html_words,
    plain_snippet,
)
from newsreader.core.text import normalize_arabic
from newsreader.core.types import SearchHit, SearchResults
from newsreader.storage import articles as article_store
from newsreader.storage import locks, search_postgres
from newsreader.storage.database import session_user
from newsreader.storage.locks import TransactionLock
from newsreader.storage.models import (
    ArticleCategoryRow,
    ArticleRow,
    CommentRow,
    FeedRow,
    NoteRow,
)
from newsreader.storage.search_fts5 import (
    FIELDS,
    Fts5Index,
    digest,
    excluded_expression,
    match_expression,
)
from newsreader.storage.topics import category_ids_named

log = logging.getLogger(__name__)

#: Articles read per step when the whole index is built.
BUILD_BATCH = 1000
#: A word found in more articles than this is ranked among its newest this many
#: matches only (news readers want the recent ones; ranking all of "في" costs).
RANKED_AT_MOST = 5000
#: The index's state entries: the document version its documents were made with, and
#: while it is rebuilt, the article id the rebuild has reached (every article below
#: it that the index does not hold is still to be indexed).
_DOCUMENTS = "documents"
_REBUILD_BELOW = "rebuild_below"

#: How much of an article's content a snippet looks through.
SNIPPET_CONTENT_CHARS = 8_000


class SearchIndex(Protocol):
    """What one database's search index does (see :class:`.search_fts5.Fts5Index`)."""

    #: Whether :meth:`forget` needs each document as it was indexed (a contentless
    #: FTS5 table), or only its id.
    forgets_by_document: bool

    def write(self, session: Session, rows: Sequence[dict[str, Any]], *, new: bool) -> None: ...
    def forget(self, session: Session, rows: Sequence[dict[str, Any]]) -> None: ...
    def indexed_fields(self, session: Session, ids: Sequence[int]) -> dict[int, dict[str, Any]]: ...
    def clear(self, session: Session) -> None: ...
    def indexed_ids(self, session: Session) -> list[int]: ...
    def state(self, session: Session, name: str) -> str | None: ...
    def set_state(self, session: Session, name: str, value: str | None) -> None: ...
    def matching(self, expression: str) -> Select[Any]: ...
    def count(
        self, expression: str, conditions: Sequence[ColumnElement[bool]], articles: Any
    ) -> Select[Any]: ...
    def newest_match(self, expression: str, rank: int) -> Select[Any]: ...
    def scored(
        self, expression: str, *, from_id: int | None = None, scored_only: bool = False
    ) -> Select[Any]: ...
    def ranked(
        self,
        expression: str,
        conditions: Sequence[ColumnElement[bool]],
        articles: Any,
        *,
        from_id: int | None = None,
    ) -> Select[Any]: ...


class _NoIndex:
    """A database without a search index yet: writes keep nothing, searches say so."""

    forgets_by_document = False

    def __init__(self, dialect: str) -> None:
        self.dialect = dialect

    def write(self, session: Session, rows: Sequence[dict[str, Any]], *, new: bool) -> None:
        pass

    def forget(self, session: Session, rows: Sequence[dict[str, Any]]) -> None:
        pass

    def indexed_fields(self, session: Session, ids: Sequence[int]) -> dict[int, dict[str, Any]]:
        return {}

    def clear(self, session: Session) -> None:
        pass

    def indexed_ids(self, session: Session) -> list[int]:
        return []

    def state(self, session: Session, name: str) -> str | None:
        return DOCUMENT_VERSION if name == _DOCUMENTS else None  # nothing to rebuild

    def set_state(self, session: Session, name: str, value: str | None) -> None:
        pass

    def _unavailable(self, *_args: Any, **_kwargs: Any) -> Select[Any]:
        raise StorageError(f"search is not available on a {self.dialect} database yet")

    matching = count = newest_match = ranked = scored = _unavailable


_FTS5 = Fts5Index()
_POSTGRES = search_postgres.PostgresIndex()
_INDEXES: dict[str, SearchIndex] = {"sqlite": _FTS5, "postgresql": _POSTGRES}


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


def _index(session: Session) -> SearchIndex:
    name = _dialect(session)
    return _INDEXES.get(name) or _NoIndex(name)


# --- documents -----------------------------------------------------------------------------


def _row(article_id: int, fields: dict[str, tuple[str, str]]) -> dict[str, Any]:
    row: dict[str, Any] = {"id": article_id}
    for field in FIELDS:
        row[field], row[f"{field}_stems"] = fields[field]
    return row


_NO_NOTES = FieldText("", "")


def note_tag(user: str) -> str:
    """What *user*'s words carry before them in the notes field: ``n`` and ten hex digits
    (letters and digits, as every word of the index; the same length for everyone, so
    no tag and word can be read as another's)."""
    return "n" + hashlib.blake2b(user.encode("utf-8", "surrogatepass"), digest_size=5).hexdigest()


def _tagged(tag: str, words: str) -> str:
    return " ".join(tag + word for word in words.split())


def notes_field(notes_by_user: Iterable[tuple[str, Sequence[str]]]) -> FieldText:
    """The notes field of a document: each user's notes, their words tagged as theirs."""
    surfaces: list[str] = []
    stems: list[str] = []
    for user, texts in notes_by_user:
        prepared = document_field(texts)
        tag = note_tag(user)
        surfaces.append(_tagged(tag, prepared.surface))
        stems.append(_tagged(tag, prepared.stems))
    return FieldText(" ".join(w for w in surfaces if w), " ".join(w for w in stems if w))


def _document(
    title: str,
    lead: str | None,
    content_html: str | None,
    categories: Iterable[str],
    comments: Iterable[str] = (),
    notes: FieldText = _NO_NOTES,
    *,
    prepared: EntryDocument | None = None,
) -> dict[str, tuple[str, str]]:
    """Every field of an article's document; its own text as *prepared* if it was."""
    own = prepared or entry_document(title, lead, content_html, categories)
    fields: dict[str, tuple[str, str]] = dict(zip(ENTRY_FIELDS, own, strict=True))
    fields["comments"] = document_field(comments)
    fields["notes"] = notes
    return fields


def index_entries(
    session: Session, pairs: Sequence[tuple[int, ParsedEntry]], *, replace: bool
) -> None:
    """Index articles the refresh just wrote from what it wrote (``(id, entry)`` pairs).

    A replaced article keeps its comments and notes in the index; its old document
    must have been given to :func:`forget_articles` before the article was rewritten.
    """
    if not pairs:
        return
    ids = [aid for aid, _ in pairs]
    comments = _comment_texts(session, ids) if replace else {}
    notes = _note_fields(session, ids) if replace else {}
    rows = [
        _row(
            aid,
            _document(
                entry.title,
                entry.summary,
                entry.content_html,
                entry.categories,
                comments.get(aid, ()),
                notes.get(aid, _NO_NOTES),
                prepared=entry.search_document,
            ),
        )
        for aid, entry in pairs
    ]
    _index(session).write(session, rows, new=not replace)


def _comment_texts(session: Session, ids: Sequence[int]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for aid, author, content in session.execute(
        select(CommentRow.article_id, CommentRow.author, CommentRow.content_html)
        .where(CommentRow.article_id.in_(ids))
        .order_by(CommentRow.id)
    ):
        found.setdefault(aid, []).extend((author or "", html_words(content)))
    return found


def _note_texts(session: Session, ids: Sequence[int], user: str) -> dict[int, list[str]]:
    """*user*'s notes on these articles."""
    found: dict[int, list[str]] = {}
    for aid, note in session.execute(
        select(NoteRow.article_id, NoteRow.text)
        .where(NoteRow.article_id.in_(ids), NoteRow.user_name == user)
        .order_by(NoteRow.id)
    ):
        found.setdefault(aid, []).append(note)
    return found


def _note_fields(session: Session, ids: Sequence[int]) -> dict[int, FieldText]:
    """The notes field of these articles' documents: every user's notes, tagged."""
    by_article: dict[int, dict[str, list[str]]] = {}
    for aid, user, note in session.execute(
        select(NoteRow.article_id, NoteRow.user_name, NoteRow.text)
        .where(NoteRow.article_id.in_(ids))
        .order_by(NoteRow.user_name, NoteRow.id)
    ):
        by_article.setdefault(aid, {}).setdefault(user, []).append(note)
    return {aid: notes_field(users.items()) for aid, users in by_article.items()}


def _stored_rows(session: Session, ids: Sequence[int]) -> list[dict[str, Any]]:
    """The documents of these articles as they are stored now (without comments and notes)."""
    rows = []
    for start in range(0, len(ids), BUILD_BATCH):  # a feed may hold more ids than SQL takes
        chunk = list(ids[start : start + BUILD_BATCH])
        categories = article_store.categories_of(session, chunk)
        for aid, title, summary, content in session.execute(
            select(
                ArticleRow.id, ArticleRow.title, ArticleRow.summary, ArticleRow.content_html
            ).where(ArticleRow.id.in_(chunk))
        ):
            rows.append(_row(aid, _document(title, summary, content, categories.get(aid, ()))))
    return rows


def forget_articles(session: Session, article_ids: Iterable[int]) -> None:
    """Take these articles out of the index, before they are rewritten or removed.

    Each document is made again from the article as it is stored, which is what was
    indexed (the preparation is deterministic, and :func:`check_documents` rebuilds
    the index when it changes); the comments and notes come as they were indexed.
    A document that does not come out as it was indexed (its digest differs) cannot
    be deleted safely: then the index is built again without these articles.
    Articles the index does not hold are left alone.
    """
    index = _index(session)
    ids = sorted(set(article_ids))
    held = index.indexed_fields(session, ids)
    if not held:
        return
    if not index.forgets_by_document:
        index.forget(session, [{"id": aid} for aid in held])
        return
    rows = _stored_rows(session, list(held))
    for row in rows:
        row.update(held[row["id"]])
    if len(rows) < len(held) or any(row.pop("digest") != digest(row) for row in rows):
        log.warning("search index out of step with the articles: building it again")
        start_rebuild(session)
        return
    index.forget(session, rows)


def reindex_articles(session: Session, article_ids: Sequence[int]) -> int:
    """Index these articles afresh from the database; returns how many exist."""
    ids = sorted(set(article_ids))
    if not ids:
        return 0
    forget_articles(session, ids)
    rows = documents_of(session, ids)
    _index(session).write(session, rows, new=False)
    return len(rows)


def documents_of(session: Session, article_ids: Sequence[int]) -> list[dict[str, Any]]:
    """The whole documents of these articles from the database: ``id`` and every column."""
    ids = list(article_ids)
    comments = _comment_texts(session, ids)
    notes = _note_fields(session, ids)
    rows = _stored_rows(session, ids)
    for row in rows:
        aid = row["id"]
        for field, prepared in (
            ("comments", document_field(comments.get(aid, ()))),
            ("notes", notes.get(aid, _NO_NOTES)),
        ):
            row[field] = prepared.surface
            row[f"{field}_stems"] = prepared.stems
    return rows


def reindex_comments(session: Session, article_ids: Iterable[int]) -> None:
    """The comments of these articles changed: index them again."""
    reindex_articles(session, list(article_ids))


def reindex_notes(session: Session, article_ids: Iterable[int]) -> None:
    """The user's notes on these articles changed: index them again."""
    reindex_articles(session, list(article_ids))


def forget_feed(session: Session, feed_id: int) -> None:
    """A feed is about to be removed with its articles: drop their documents."""
    ids = session.scalars(select(ArticleRow.id).where(ArticleRow.feed_id == feed_id))
    forget_articles(session, list(ids))


def build_index(session: Session, *, batch: int = BUILD_BATCH) -> int:
    """Index every article from scratch, now; returns how many.

    For a database just made or migrated.  A profile in use rebuilds its index a
    batch at a time instead (:func:`start_rebuild`).
    """
    start_rebuild(session)
    done = 0
    while rebuild_pending(session):
        done += continue_rebuild(session, batch=batch)
    log.info("search index built: %d articles", done)
    return done


def start_rebuild(session: Session) -> None:
    """Empty the index and have it built again, newest articles first, by
    :func:`continue_rebuild`: cheap, so opening a database never waits for it.

    Until the rebuild is done, a search finds only what is indexed already (the
    newest news first; :attr:`SearchResults.complete` says so).  The articles that
    change meanwhile are indexed as they change, and the rebuild leaves them be.
    """
    index = _index(session)
    index.clear(session)
    index.set_state(session, _DOCUMENTS, DOCUMENT_VERSION)
    top = session.scalar(select(func.max(ArticleRow.id)))
    index.set_state(session, _REBUILD_BELOW, None if top is None else str(top + 1))


def rebuild_pending(session: Session) -> bool:
    """Whether the index is being rebuilt (some articles are not indexed yet)."""
    return _index(session).state(session, _REBUILD_BELOW) is not None


def rebuild_remaining(session: Session) -> int:
    """How many articles the rebuild has yet to reach (0: the index is whole)."""
    below = _index(session).state(session, _REBUILD_BELOW)
    if below is None:
        return 0
    return session.scalar(select(func.count()).where(ArticleRow.id < int(below))) or 0


def continue_rebuild(session: Session, *, batch: int = BUILD_BATCH) -> int:
    """Index the next *batch* articles the rebuild has not reached, newest first;
    returns how many were indexed (0 once the index is whole).

    Holds the news-storing lock for its transaction, so on PostgreSQL too no refresh
    indexes one of these articles between the check and the write.
    """
    locks.hold(session, TransactionLock.STORE_NEWS)
    index = _index(session)
    below = index.state(session, _REBUILD_BELOW)
    if below is None:
        return 0
    ids = list(
        session.scalars(
            select(ArticleRow.id)
            .where(ArticleRow.id < int(below))
            .order_by(ArticleRow.id.desc())
            .limit(batch)
        )
    )
    if not ids:
        index.set_state(session, _REBUILD_BELOW, None)
        log.info("search index rebuilt")
        return 0
    held = index.indexed_fields(session, ids)
    rows = documents_of(session, [aid for aid in ids if aid not in held])
    index.write(session, rows, new=True)
    lowest = ids[-1]
    index.set_state(session, _REBUILD_BELOW, str(lowest) if len(ids) == batch else None)
    return len(rows)


def check_documents(session: Session) -> bool:
    """Start rebuilding the index if its documents were made by another version of
    the preparation; returns whether it was started.

    Deleting from the index needs an article's document exactly as it was indexed,
    so a change to folding or stemming (:data:`DOCUMENT_VERSION`) must not meet
    documents made before it: the old ones all go at once, and the new ones come a
    batch at a time (:func:`continue_rebuild`).
    """
    if _index(session).state(session, _DOCUMENTS) == DOCUMENT_VERSION:
        return False
    log.info("search documents changed version: rebuilding the index")
    start_rebuild(session)
    return True


def indexed_ids(session: Session) -> list[int]:
    """The article ids the index holds a document for (for checks)."""
    return _index(session).indexed_ids(session)


# --- searching -----------------------------------------------------------------------------


def _feed_ids(session: Session, names: Sequence[str]) -> list[int]:
    """Feeds whose title (or address) holds each name, spelling folded."""
    wanted = [normalize_arabic(n) for n in names]
    found = []
    for fid, title, url in session.execute(select(FeedRow.id, FeedRow.title, FeedRow.url)):
        label = normalize_arabic(f"{title or ''} {url}")
        if all(w in label for w in wanted):
            found.append(fid)
    return found


def _category_ids(session: Session, name: str) -> list[int]:
    """The categories of the topic *name* names (any spelling, merged, or its own name)."""
    return category_ids_named(session, name)


def _day_start(day: Any) -> datetime:
    return datetime.combine(day, time(0), tzinfo=UTC)


def _conditions(session: Session, query: ParsedQuery) -> list[ColumnElement[bool]]:
    """Conditions on :class:`ArticleRow` for everything but the words to rank by."""
    index = _index(session)
    conditions: list[ColumnElement[bool]] = []
    if query.feeds:
        feeds = _feed_ids(session, query.feeds)
        conditions.append(ArticleRow.feed_id.in_(feeds) if feeds else false())
    for name in query.topics:
        categories = _category_ids(session, name)
        conditions.append(
            exists().where(
                ArticleCategoryRow.article_id == ArticleRow.id,
                ArticleCategoryRow.category_id.in_(categories),
            )
            if categories
            else false()
        )
    if query.after is not None:
        conditions.append(ArticleRow.sort_time >= _day_start(query.after))
    if query.before is not None:
        conditions.append(ArticleRow.sort_time < _day_start(query.before))
    excluded = _expressions(session, query)[1]
    if excluded is not None:
        conditions.append(ArticleRow.id.not_in(index.matching(excluded)))
    return conditions


def _expressions(session: Session, query: ParsedQuery) -> tuple[str | None, str | None]:
    """The index's own query for the words of *query*, and for its exclusions alone.

    Words are looked for in the notes of the session's user only, and not in notes at
    all when the user has written none (half the words to look up).
    """
    user = session_user(session)
    has_notes = session.scalar(select(NoteRow.id).where(NoteRow.user_name == user).limit(1))
    tag = note_tag(user) if has_notes is not None else None
    if _dialect(session) == "postgresql":
        return (
            search_postgres.match_expression(query, tag),
            search_postgres.excluded_expression(query, tag),
        )
    return match_expression(query, tag), excluded_expression(query, tag)


def narrow(session: Session, statement: Select[Any], text: str | None) -> Select[Any]:
    """*statement* (over :class:`ArticleRow`) limited to the articles the search *text* finds.

    A blank search narrows nothing.
    """
    if not text:
        return statement
    query = parse_query(text)
    if query.is_empty:
        return statement
    words, _excluded = _expressions(session, query)
    conditions = _conditions(session, query)
    if words is not None:
        conditions.append(ArticleRow.id.in_(_index(session).matching(words)))
    return statement.where(*conditions)


def best_first(
    session: Session, statement: Select[Any], text: str | None, *, reach: int | None = None
) -> Select[Any] | None:
    """*statement* (over :class:`ArticleRow`) narrowed to what *text* finds, best first.

    Ranked as :func:`search` ranks (bm25, the headline weighing most; of a search
    found in more than :data:`RANKED_AT_MOST` articles only the newest that many,
    the older ones following newest first), ties newest first.  ``None`` when the
    search has no words to rank by (filters only): list it by date.  *reach* is how
    far the caller reads (offset plus limit): a page among the ranked matches of a
    common word then reads only those, not every match.
    """
    query = parse_query(text or "")
    words, _excluded = _expressions(session, query)
    if query.is_empty or words is None:
        return None
    index = _index(session)
    conditions = _conditions(session, query)
    from_id = None
    if (session.scalar(index.count(words, (), ArticleRow)) or 0) > RANKED_AT_MOST:
        from_id = session.scalar(index.newest_match(words, RANKED_AT_MOST))
    # without filters the ranked matches are the first RANKED_AT_MOST rows
    scored_only = not conditions and reach is not None and reach <= RANKED_AT_MOST
    matches = (
        index.scored(words, from_id=from_id, scored_only=scored_only)
        .cte("matches")
        .prefix_with("MATERIALIZED")
    )
    return (
        statement.join(matches, matches.c.id == ArticleRow.id)
        .where(*conditions)
        .order_by(
            matches.c.score.is_(None),
            matches.c.score,
            ArticleRow.sort_time.desc(),
            ArticleRow.id.desc(),
        )
    )


def search(session: Session, text: str, *, limit: int = 50, offset: int = 0) -> SearchResults:
    """The articles *text* finds, best first, with snippets; and how many in all.

    A search found in more than :data:`RANKED_AT_MOST` articles ranks the newest
    that many (unless paged beyond them); ``limit=0`` only counts.
    """
    query = parse_query(text)
    if query.is_empty:
        return SearchResults(text, (), 0, complete=not rebuild_pending(session))
    words, _excluded = _expressions(session, query)
    conditions = _conditions(session, query)
    if words is None:  # filters only: newest first, nothing to rank by
        base = select(ArticleRow.id).where(*conditions)
        total = session.scalar(select(func.count()).select_from(base.subquery())) or 0
        ids = session.scalars(
            base.order_by(ArticleRow.sort_time.desc(), ArticleRow.id.desc())
            .limit(limit)
            .offset(offset)
        )
        page = [(aid, 0.0) for aid in ids] if limit else []
    else:
        index = _index(session)
        total = session.scalar(index.count(words, conditions, ArticleRow)) or 0
        from_id = None
        if not conditions and total > RANKED_AT_MOST and offset + limit <= RANKED_AT_MOST:
            from_id = session.scalar(index.newest_match(words, RANKED_AT_MOST))
        ranked = index.ranked(words, conditions, ArticleRow, from_id=from_id)
        page = (
            [
                (aid, -float(score))
                for aid, score in session.execute(ranked.limit(limit).offset(offset))
            ]
            if limit
            else []
        )
    return SearchResults(
        text, tuple(_hits(session, query, page)), int(total), complete=not rebuild_pending(session)
    )


def _hits(
    session: Session, query: ParsedQuery, page: Sequence[tuple[int, float]]
) -> list[SearchHit]:
    if not page:
        return []
    ids = [aid for aid, _ in page]
    summaries = article_store.summaries_of(session, ids)
    snippets = _snippets(session, query, ids)
    return [
        SearchHit(summaries[aid], snippets.get(aid, ""), rank)
        for aid, rank in page
        if aid in summaries
    ]


def snippets(session: Session, text: str, article_ids: Sequence[int]) -> dict[int, str]:
    """The passage of each of these articles where the search *text* finds it."""
    return _snippets(session, parse_query(text), list(article_ids)) if article_ids else {}


def _snippets(session: Session, query: ParsedQuery, ids: Sequence[int]) -> dict[int, str]:
    """Each article's first matching passage: lead, content, notes, comments, headline."""
    texts = {
        aid: (summary or "", html_words((content or "")[:SNIPPET_CONTENT_CHARS]), title or "")
        for aid, title, summary, content in session.execute(
            select(
                ArticleRow.id, ArticleRow.title, ArticleRow.summary, ArticleRow.content_html
            ).where(ArticleRow.id.in_(ids))
        )
    }
    exact, stems = query.highlight_words()
    highlighter = Highlighter(exact, stems)
    found: dict[int, str | None] = {
        aid: highlighter.snippet((html_words(lead), body))
        for aid, (lead, body, _title) in texts.items()
    }
    unmatched = [aid for aid, snippet in found.items() if snippet is None]
    if unmatched and (exact or stems):  # in the notes or comments, or only the headline
        notes = _note_texts(session, unmatched, session_user(session))
        comments = _comment_texts(session, unmatched)
        for aid in unmatched:
            found[aid] = highlighter.snippet(
                (*notes.get(aid, ()), *comments.get(aid, ()), texts[aid][2])
            )
    return {
        aid: snippet or plain_snippet(html_words(texts[aid][0])) for aid, snippet in found.items()
    }
