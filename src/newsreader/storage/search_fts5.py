"""The search index on SQLite: an FTS5 table of prepared documents, ranked with bm25.

Every SQLite-specific statement of search is here; :mod:`newsreader.storage.search`
speaks to it through :class:`Fts5Index` and would speak to a PostgreSQL twin (a
``tsvector`` or trigram index over the same prepared columns) the same way.

The documents are made in Python (:mod:`newsreader.core.search_text`): words folded,
stems added, separated by spaces.  The ``ascii`` tokenizer then splits only at ASCII
spaces and punctuation, so the index holds exactly the words Python made, in any
script, and a query built from the same functions finds them.

The table is *contentless* (``content=''``): it keeps the index and each document's
column sizes (for bm25), not a copy of the prepared text, which was three quarters
of what indexing wrote.  SQLite before 3.43 deletes from such a table only when it
is given the very text that was indexed, so :mod:`newsreader.storage.search` makes
an article's document again from the stored article (the preparation is
deterministic) and gives it back here before the article changes or goes.  Two
small tables go with it: ``search_index_extra`` holds the comments and notes fields
as they were indexed (they change before the index hears of it), and
``search_index_state`` the :data:`~newsreader.core.search_text.DOCUMENT_VERSION` the
documents were made with: another version rebuilds the index when the database is
opened, so a delete never meets text prepared differently.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from operator import itemgetter
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    case,
    column,
    func,
    literal,
    literal_column,
    null,
    select,
    table,
)
from sqlalchemy.orm import Session

from newsreader.core.search_query import ParsedQuery, SearchTerm

#: The table; its rowid is the article id.
TABLE = "search_index"
#: The fields of a document, each stored as its folded words and their differing stems.
FIELDS = ("title", "lead", "body", "categories", "comments", "notes")
COLUMNS = tuple(c for f in FIELDS for c in (f, f"{f}_stems"))
#: bm25 weight of each field: a word in the headline counts most.
WEIGHTS = {
    "title": 10.0,
    "lead": 4.0,
    "body": 1.0,
    "categories": 3.0,
    "comments": 0.5,
    "notes": 2.0,
}

#: Per indexed article: a digest of its document and the comments and notes fields as
#: indexed.
EXTRA_TABLE = f"{TABLE}_extra"
EXTRA_COLUMNS = ("comments", "comments_stems", "notes", "notes_stems")
#: ``name -> value``: ``documents`` is the document version the index was built with,
#: ``rebuild_below`` the article id a rebuild has reached (see
#: :func:`newsreader.storage.search.continue_rebuild`).
STATE_TABLE = f"{TABLE}_state"

#: Made by the models (a new profile) and by migration 0009_search_index alike.
CREATE_STATEMENTS = (
    f"CREATE VIRTUAL TABLE {TABLE} USING fts5({', '.join(COLUMNS)}, tokenize = 'ascii', "
    "content = '')",
    f"CREATE TABLE {EXTRA_TABLE} (id INTEGER PRIMARY KEY, digest BLOB NOT NULL, "
    + ", ".join(f"{c} TEXT NOT NULL" for c in EXTRA_COLUMNS)
    + ")",
    f"CREATE TABLE {STATE_TABLE} (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
)


def outside_models(name: str | None, type_: str, _parent: object) -> bool:
    """For Alembic's ``include_name``: False for the index's tables, which no model declares."""
    return not (type_ == "table" and name is not None and name.startswith(TABLE))


_SURFACE = "{" + " ".join(FIELDS) + "}"
_ALL = "{" + " ".join(COLUMNS) + "}"
_BM25 = f"bm25({TABLE}, {', '.join(str(WEIGHTS[f]) for f in FIELDS for _ in (0, 1))})"


def _quoted(words: Sequence[str]) -> str:
    # Words are letters and digits only (core.search_text), so no quote can be inside.
    return '"' + " ".join(words) + '"'


def _term(term: SearchTerm, tag: str = "") -> str:
    """*term* as its words are written, with *tag* before each (see :func:`match_expression`)."""
    if term.exact:
        return f"{_SURFACE} : {_quoted([tag + w for w in term.words])}"
    return " AND ".join(f"{_ALL} : {_quoted([tag + s])}" for s in term.stems)


def _any_of(terms: Sequence[SearchTerm], tag: str | None) -> str:
    """Any of *terms*, each as written in the shared fields or, tagged, in the user's notes
    (no *tag*: the user has no notes to look in)."""
    if tag is None:
        return "(" + " OR ".join(f"({_term(t)})" for t in terms) + ")"
    return "(" + " OR ".join(f"({_term(t)}) OR ({_term(t, tag)})" for t in terms) + ")"


def match_expression(query: ParsedQuery, note_tag: str | None) -> str | None:
    """The FTS5 query for the words of *query*, its exclusions too (None: no words).

    The notes field holds each word with its writer's tag before it
    (:func:`newsreader.storage.search.note_tag`): a word is looked for as written,
    which no note holds, or with *note_tag*, the searcher's own.  Without words to
    match, exclusions cannot be an FTS5 query of their own: see
    :func:`excluded_expression`.
    """
    if not query.groups:
        return None
    words = " AND ".join(_any_of(group, note_tag) for group in query.groups)
    if query.excluded:
        return f"({words}) NOT {_any_of(query.excluded, note_tag)}"
    return words


def excluded_expression(query: ParsedQuery, note_tag: str | None) -> str | None:
    """For a query of exclusions and filters only: the FTS5 query of what to leave out.

    None when nothing is excluded, or when :func:`match_expression` holds the
    exclusions already.
    """
    return _any_of(query.excluded, note_tag) if query.excluded and not query.groups else None


class Fts5Index:
    """The search index's statements for SQLite."""

    #: A contentless table deletes a document only when given it as it was indexed.
    forgets_by_document = True

    def write(self, session: Session, rows: Sequence[dict[str, Any]], *, new: bool) -> None:
        """Insert documents: each row has ``id`` and every column.

        Unless *new*, the rows replace documents that :meth:`forget` was given first
        (a contentless table cannot find a document's old words by itself).  Straight
        through the driver's ``executemany`` with tuples, and only the columns some
        row fills: a new article has no comments or notes.
        """
        if not rows:
            return
        cursor = _cursor(session)
        # at least one column: itemgetter of one name gives a value, not a tuple
        filled = [c for c in COLUMNS if any(r[c] for r in rows)] or [COLUMNS[0]]
        names = ", ".join(("rowid", *filled))
        cursor.executemany(
            f"INSERT INTO {TABLE} ({names}) VALUES ({', '.join('?' * (len(filled) + 1))})",
            map(itemgetter("id", *filled), rows),
        )
        cursor.executemany(
            f"INSERT OR REPLACE INTO {EXTRA_TABLE} (id, digest, {', '.join(EXTRA_COLUMNS)}) "
            f"VALUES (?, ?{', ?' * len(EXTRA_COLUMNS)})",
            [(r["id"], digest(r), *(r[c] for c in EXTRA_COLUMNS)) for r in rows],
        )

    def forget(self, session: Session, rows: Sequence[dict[str, Any]]) -> None:
        """Delete documents, each given as it was indexed (``id`` and every column)."""
        if not rows:
            return
        cursor = _cursor(session)
        cursor.executemany(
            f"INSERT INTO {TABLE} ({TABLE}, rowid, {', '.join(COLUMNS)}) "
            f"VALUES ('delete', ?{', ?' * len(COLUMNS)})",
            map(itemgetter("id", *COLUMNS), rows),
        )
        cursor.executemany(f"DELETE FROM {EXTRA_TABLE} WHERE id = ?", [(r["id"],) for r in rows])

    def indexed_fields(self, session: Session, ids: Sequence[int]) -> dict[int, dict[str, Any]]:
        """Of these articles, those the index holds: the digest of each document as
        indexed (``digest``) and its comments and notes fields."""
        cursor = _cursor(session)
        found: dict[int, dict[str, Any]] = {}
        for start in range(0, len(ids), _CHUNK):
            chunk = list(ids[start : start + _CHUNK])
            marks = ", ".join("?" * len(chunk))
            for aid, *values in cursor.execute(
                f"SELECT id, digest, {', '.join(EXTRA_COLUMNS)} FROM {EXTRA_TABLE} "
                f"WHERE id IN ({marks})",
                chunk,
            ):
                found[aid] = dict(zip(("digest", *EXTRA_COLUMNS), values, strict=True))
        return found

    def clear(self, session: Session) -> None:
        cursor = _cursor(session)
        cursor.execute(f"INSERT INTO {TABLE} ({TABLE}) VALUES ('delete-all')")
        cursor.execute(f"DELETE FROM {EXTRA_TABLE}")

    def indexed_ids(self, session: Session) -> list[int]:
        found = _cursor(session).execute(f"SELECT id FROM {EXTRA_TABLE} ORDER BY id")
        return [aid for (aid,) in found]

    def state(self, session: Session, name: str) -> str | None:
        """A value the index keeps about itself (see :data:`STATE_TABLE`); None: unset."""
        row = (
            _cursor(session)
            .execute(f"SELECT value FROM {STATE_TABLE} WHERE name = ?", (name,))
            .fetchone()
        )
        return row[0] if row else None

    def set_state(self, session: Session, name: str, value: str | None) -> None:
        """Keep *value* under *name*; None forgets it."""
        cursor = _cursor(session)
        if value is None:
            cursor.execute(f"DELETE FROM {STATE_TABLE} WHERE name = ?", (name,))
        else:
            cursor.execute(
                f"INSERT OR REPLACE INTO {STATE_TABLE} (name, value) VALUES (?, ?)", (name, value)
            )

    def matching(self, expression: str) -> Select[Any]:
        """The ids of the documents *expression* matches, for an ``IN`` clause."""
        return select(_FTS.c.rowid).where(_match(expression))

    def count(
        self, expression: str, conditions: Sequence[ColumnElement[bool]], articles: Any
    ) -> Select[Any]:
        """How many documents *expression* matches among the articles *conditions* allow.

        Without conditions the index answers alone, never reading an article; with
        them, its matches are read first and the ``articles`` table (its mapped class)
        joined to them by id.
        """
        found = select(_FTS.c.rowid.label("id")).where(_match(expression))
        if not conditions:
            return select(func.count()).select_from(found.subquery())
        matches = found.cte("matches").prefix_with("MATERIALIZED")
        return (
            select(func.count())
            .select_from(matches)
            .join(articles, articles.id == matches.c.id)
            .where(*conditions)
        )

    def newest_match(self, expression: str, rank: int) -> Select[Any]:
        """The id of the *rank*-th newest document *expression* matches (1 = the newest)."""
        return (
            select(_FTS.c.rowid)
            .where(_match(expression))
            .order_by(_FTS.c.rowid.desc())
            .limit(1)
            .offset(rank - 1)
        )

    def ranked(
        self,
        expression: str,
        conditions: Sequence[ColumnElement[bool]],
        articles: Any,
        *,
        from_id: int | None = None,
    ) -> Select[Any]:
        """``(article id, score)`` of the matches of *expression*, best first (lower score).

        Only documents from ``from_id`` on are ranked when it is given.  Conditions on
        the articles join them to the matches, which are read first.
        """
        score: ColumnElement[float] = literal_column(_BM25).label("score")
        found = select(_FTS.c.rowid.label("id"), score).where(_match(expression))
        if from_id is not None:
            found = found.where(_FTS.c.rowid >= from_id)
        if not conditions:
            return found.order_by(score)
        matches = found.cte("matches").prefix_with("MATERIALIZED")
        return (
            select(matches.c.id, matches.c.score)
            .select_from(matches)
            .join(articles, articles.id == matches.c.id)
            .where(*conditions)
            .order_by(matches.c.score)
        )

    def scored(
        self, expression: str, *, from_id: int | None = None, scored_only: bool = False
    ) -> Select[Any]:
        """``(id, score)`` of every match of *expression*, for joining to a list's rows.

        The score is bm25 (lower is better); with *from_id*, only documents from it
        on are scored and the older ones get ``NULL`` (or, *scored_only*, are left out).
        """
        bm25: ColumnElement[Any] = literal_column(_BM25)
        found = select(_FTS.c.rowid.label("id"))
        if from_id is None:
            return found.add_columns(bm25.label("score")).where(_match(expression))
        if scored_only:
            return found.add_columns(bm25.label("score")).where(
                _match(expression), _FTS.c.rowid >= from_id
            )
        score = case((_FTS.c.rowid >= from_id, bm25), else_=null())
        return found.add_columns(score.label("score")).where(_match(expression))


_FTS = table(TABLE, column("rowid"))
#: Ids per ``IN (...)`` list (SQLite 3.40 allows 32,766 parameters).
_CHUNK = 500


def digest(row: dict[str, Any]) -> bytes:
    """A short digest of a document's text (every column): what a delete is checked by."""
    joined = "\x00".join(row[c] for c in COLUMNS)
    return hashlib.blake2b(joined.encode("utf-8", "surrogatepass"), digest_size=8).digest()


def _cursor(session: Session) -> Any:
    """A driver cursor in the session's transaction."""
    return session.connection().connection.driver_connection.cursor()  # type: ignore[union-attr]


def _match(expression: str) -> ColumnElement[bool]:
    # An anonymous parameter: a search and its exclusions each bind their own.
    return literal_column(TABLE).op("MATCH")(literal(expression)).self_group()
