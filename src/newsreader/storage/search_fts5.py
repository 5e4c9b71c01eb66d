"""The search index on SQLite: an FTS5 table of prepared documents, ranked with bm25.

Every SQLite-specific statement of search is here; :mod:`newsreader.storage.search`
speaks to it through :class:`Fts5Index` and would speak to a PostgreSQL twin (a
``tsvector`` or trigram index over the same prepared columns) the same way.

The documents are made in Python (:mod:`newsreader.core.search_text`): words folded,
stems added, separated by spaces.  The ``ascii`` tokenizer then splits only at ASCII
spaces and punctuation, so the index holds exactly the words Python made, in any
script, and a query built from the same functions finds them.  The table keeps its
own copy of the prepared text (SQLite 3.40 cannot delete from a contentless table),
so a row is replaced or deleted by article id alone.
"""

from __future__ import annotations

from collections.abc import Sequence
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
    text,
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

#: Made by the models (a new profile) and by migration 0003_search alike.
CREATE_TABLE = f"CREATE VIRTUAL TABLE {TABLE} USING fts5({', '.join(COLUMNS)}, tokenize = 'ascii')"


def outside_models(name: str | None, type_: str, _parent: object) -> bool:
    """For Alembic's ``include_name``: False for the index's tables, which no model declares."""
    return not (type_ == "table" and name is not None and name.startswith(TABLE))


_SURFACE = "{" + " ".join(FIELDS) + "}"
_ALL = "{" + " ".join(COLUMNS) + "}"
_BM25 = f"bm25({TABLE}, {', '.join(str(WEIGHTS[f]) for f in FIELDS for _ in (0, 1))})"


def _quoted(words: Sequence[str]) -> str:
    # Words are letters and digits only (core.search_text), so no quote can be inside.
    return '"' + " ".join(words) + '"'


def _term(term: SearchTerm) -> str:
    if term.exact:
        return f"{_SURFACE} : {_quoted(term.words)}"
    return " AND ".join(f"{_ALL} : {_quoted([s])}" for s in term.stems)


def _any_of(terms: Sequence[SearchTerm]) -> str:
    return "(" + " OR ".join(f"({_term(t)})" for t in terms) + ")"


def match_expression(query: ParsedQuery) -> str | None:
    """The FTS5 query for the words of *query*, its exclusions too (None: no words).

    Without words to match, exclusions cannot be an FTS5 query of their own: see
    :func:`excluded_expression`.
    """
    if not query.groups:
        return None
    words = " AND ".join(_any_of(group) for group in query.groups)
    return f"({words}) NOT {_any_of(query.excluded)}" if query.excluded else words


def excluded_expression(query: ParsedQuery) -> str | None:
    """For a query of exclusions and filters only: the FTS5 query of what to leave out.

    None when nothing is excluded, or when :func:`match_expression` holds the
    exclusions already.
    """
    return _any_of(query.excluded) if query.excluded and not query.groups else None


class Fts5Index:
    """The search index's statements for SQLite."""

    def write(self, session: Session, rows: Sequence[dict[str, Any]], *, new: bool) -> None:
        """Insert documents, or replace them unless *new*: each row has ``id`` and every column."""
        if not rows:
            return
        if not new:
            ids = [{"id": r["id"]} for r in rows]
            session.execute(text(f"DELETE FROM {TABLE} WHERE rowid = :id"), ids)
        names = ", ".join(COLUMNS)
        values = ", ".join(f":{c}" for c in COLUMNS)
        session.execute(
            text(f"INSERT INTO {TABLE} (rowid, {names}) VALUES (:id, {values})"), list(rows)
        )

    def write_field(self, session: Session, field: str, rows: Sequence[dict[str, Any]]) -> int:
        """Replace one field of existing documents; returns how many documents had it."""
        assert field in FIELDS
        done = 0
        statement = text(
            f"UPDATE {TABLE} SET {field} = :surface, {field}_stems = :stems WHERE rowid = :id"
        )
        for row in rows:
            done += session.execute(statement, row).rowcount  # type: ignore[attr-defined]
        return done

    def delete_feed(self, session: Session, feed_id: int) -> None:
        """Delete the documents of a feed's articles (before the feed goes)."""
        session.execute(
            text(
                f"DELETE FROM {TABLE} WHERE rowid IN (SELECT id FROM articles WHERE feed_id = :f)"
            ),
            {"f": feed_id},
        )

    def clear(self, session: Session) -> None:
        session.execute(text(f"DELETE FROM {TABLE}"))

    def indexed_ids(self, session: Session) -> list[int]:
        return list(session.scalars(text(f"SELECT rowid FROM {TABLE} ORDER BY rowid")))

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


def _match(expression: str) -> ColumnElement[bool]:
    # An anonymous parameter: a search and its exclusions each bind their own.
    return literal_column(TABLE).op("MATCH")(literal(expression)).self_group()
