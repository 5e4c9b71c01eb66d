"""The search index on PostgreSQL: prepared documents as ``tsvector`` columns with a GIN index.

The twin of :mod:`newsreader.storage.search_fts5`, spoken to by
:mod:`newsreader.storage.search` the same way.  The documents are the ones SQLite
indexes, made in Python (:mod:`newsreader.core.search_text`): folded words and their
stems.  They are handed to PostgreSQL as ``tsvector`` values written out here, never
parsed by a text-search configuration, so the server's parser, dictionaries and locale
change nothing: the index holds exactly the words Python made, as SQLite's does, and a
query (a ``tsquery`` written out the same way) finds the same articles.

Each field is its own column, weighted for ranking (headline A; lead and categories B;
notes C; content and comments D, as bm25's weights on SQLite order them), with its
words at positions from 2 on so that a phrase never runs from one field into the next
when the server joins them into ``document``, the column the GIN index covers.  A
field's stems (the differing ones) follow its words, marked with :data:`STEM_MARK` so
that an exact word or phrase matches the words as written only.  Ranking is
``ts_rank`` (higher is better; given negated, as bm25's lower-is-better scores are).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    case,
    cast,
    column,
    delete,
    func,
    literal,
    null,
    select,
    table,
    text,
)
from sqlalchemy.orm import Session

from newsreader.core.search_query import ParsedQuery, SearchTerm
from newsreader.core.search_text import FieldText

#: The table (the name SQLite's index has too); ``id`` is the article id.
TABLE = "search_index"
#: What the index was built with: the version of the documents (core/search_text.py).
STATE_TABLE = f"{TABLE}_state"
#: Ids per ``IN`` list.
_CHUNK = 1000
#: The fields of a document, in the order they are joined.
FIELDS = ("title", "lead", "body", "categories", "comments", "notes")
#: Each field's weight for ``ts_rank`` (its default weights: A 1.0, B 0.4, C 0.2, D 0.1).
WEIGHTS = {"title": "A", "lead": "B", "body": "D", "categories": "B", "comments": "D", "notes": "C"}
#: Put before a stem in the index, so that only unquoted words find it.
STEM_MARK = "~"
#: PostgreSQL keeps positions up to this one (later words share it).
MAX_POSITION = 16383
#: And this many positions of one word.
MAX_POSITIONS_PER_WORD = 256
#: A longer word cannot be a lexeme.
MAX_WORD_BYTES = 2047
#: A ``tsvector`` holds at most 1 MB; each field keeps under this share of it (a longer
#: text is indexed up to there).
MAX_FIELD_BYTES = 160_000

#: Made by the models (a new database) and by migration 0003_search alike.
CREATE_STATEMENTS: tuple[str, ...] = (
    f"CREATE TABLE {TABLE} (id BIGINT PRIMARY KEY, "
    + ", ".join(f"{f} tsvector NOT NULL DEFAULT ''" for f in FIELDS)
    + ", document tsvector GENERATED ALWAYS AS ("
    + " || ".join(FIELDS)
    + ") STORED)",
    f"CREATE INDEX ix_{TABLE}_document ON {TABLE} USING gin (document)",
    f"CREATE TABLE {STATE_TABLE} (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
)


# --- documents -----------------------------------------------------------------------------


def _lexeme(word: str) -> str:
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def field_vector(field: str, prepared: FieldText) -> str:
    """One field as a ``tsvector`` literal: its words at their positions, then its stems."""
    weight = WEIGHTS[field]
    positions: dict[str, list[int]] = {}
    size = 0
    position = 1  # the first word is at 2: see the module's doc

    def put(lexeme: str) -> bool:
        nonlocal size
        at = min(position, MAX_POSITION)
        known = positions.get(lexeme)
        if known is None:
            encoded = len(lexeme.encode())
            if encoded > MAX_WORD_BYTES:
                return True
            size += encoded + 6
            if size > MAX_FIELD_BYTES:
                return False
            positions[lexeme] = [at]
        elif len(known) < MAX_POSITIONS_PER_WORD and known[-1] != at:
            known.append(at)
            size += 2
        return True

    for word in prepared.surface.split():
        position += 1
        if not put(word):
            break
    else:
        position += 1
        for stem in prepared.stems.split():
            position += 1
            if not put(STEM_MARK + stem):
                break
    return " ".join(
        f"{_lexeme(w)}:{','.join(f'{p}{weight}' for p in at)}" for w, at in positions.items()
    )


def document_row(row: dict[str, Any]) -> dict[str, Any]:
    """A row of the index from one of :mod:`.search` (``id``, each field and its stems)."""
    values: dict[str, Any] = {"id": row["id"]}
    for field in FIELDS:
        values[field] = field_vector(field, FieldText(row[field], row[f"{field}_stems"]))
    return values


# --- queries -------------------------------------------------------------------------------


#: Stands for a word too long to be indexed: no lexeme of the index starts with it.
_NEVER = STEM_MARK * 2


def _sought(word: str) -> str:
    """*word* as a query's lexeme (one too long for the index cannot be found in it)."""
    return _lexeme(word if len(word.encode()) <= MAX_WORD_BYTES else _NEVER)


def _term(term: SearchTerm, tag: str = "") -> str:
    # Words are letters and digits only (core.search_text); quoted all the same.
    if term.exact:
        return "(" + " <-> ".join(_sought(tag + w) for w in term.words) + ")"
    return (
        "("
        + " & ".join(f"({_sought(tag + s)} | {_sought(STEM_MARK + tag + s)})" for s in term.stems)
        + ")"
    )


def _any_of(terms: Sequence[SearchTerm], tag: str | None) -> str:
    """Any of *terms*, each as written in the shared fields or, tagged, in the user's notes
    (no *tag*: the user has no notes to look in)."""
    if tag is None:
        return "(" + " | ".join(_term(t) for t in terms) + ")"
    return "(" + " | ".join(f"{_term(t)} | {_term(t, tag)}" for t in terms) + ")"


def match_expression(query: ParsedQuery, note_tag: str | None) -> str | None:
    """The ``tsquery`` for the words of *query*, its exclusions too (None: no words).

    As on SQLite, a word is looked for as written, which no note holds, or with
    *note_tag* before it, as the searcher's own notes hold it.
    """
    if not query.groups:
        return None
    words = " & ".join(_any_of(group, note_tag) for group in query.groups)
    if query.excluded:
        return f"({words}) & !{_any_of(query.excluded, note_tag)}"
    return words


def excluded_expression(query: ParsedQuery, note_tag: str | None) -> str | None:
    """For a query of exclusions and filters only: the ``tsquery`` of what to leave out."""
    return _any_of(query.excluded, note_tag) if query.excluded and not query.groups else None


# --- the index -----------------------------------------------------------------------------

_INDEX = table(TABLE, column("id"), column("document"))


def _tsquery(expression: str) -> ColumnElement[Any]:
    """*expression* as a ``tsquery`` value.

    SQLAlchemy's PostgreSQL dialect is imported at the first search on such a
    database, not with the storage layer: every start of the window would pay for it.
    """
    from sqlalchemy.dialects.postgresql import TSQUERY

    return cast(literal(expression), TSQUERY)


def _match(expression: str) -> ColumnElement[bool]:
    # An anonymous parameter: a search and its exclusions each bind their own.
    return _INDEX.c.document.op("@@")(_tsquery(expression)).self_group()


def _rank(expression: str) -> ColumnElement[Any]:
    """The score of a match: lower is better, as SQLite's bm25 gives it."""
    return -func.ts_rank(_INDEX.c.document, _tsquery(expression))


def _chunks(ids: Sequence[int]) -> Iterator[Sequence[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


class PostgresIndex:
    """The search index's statements for PostgreSQL (see :class:`.search.SearchIndex`)."""

    forgets_by_document = False

    def write(self, session: Session, rows: Sequence[dict[str, Any]], *, new: bool) -> None:
        """Insert documents, or replace them unless *new*: each row has ``id`` and every column."""
        if not rows:
            return
        names = ", ".join(FIELDS)
        values = ", ".join(f"CAST(:{f} AS tsvector)" for f in FIELDS)
        statement = f"INSERT INTO {TABLE} (id, {names}) VALUES (:id, {values})"
        if not new:
            changes = ", ".join(f"{f} = excluded.{f}" for f in FIELDS)
            statement += f" ON CONFLICT (id) DO UPDATE SET {changes}"
        session.execute(text(statement), [document_row(r) for r in rows])

    def forget(self, session: Session, rows: Sequence[dict[str, Any]]) -> None:
        """Delete the documents of these rows' ids (the table finds a document by its id)."""
        ids = [r["id"] for r in rows]
        for chunk in _chunks(ids):
            session.execute(delete(_INDEX).where(_INDEX.c.id.in_(chunk)))

    def indexed_fields(self, session: Session, ids: Sequence[int]) -> dict[int, dict[str, Any]]:
        """Of these articles, those the index holds (nothing more is needed to delete one)."""
        found: dict[int, dict[str, Any]] = {}
        for chunk in _chunks(list(ids)):
            found.update(
                (aid, {})
                for aid in session.scalars(select(_INDEX.c.id).where(_INDEX.c.id.in_(chunk)))
            )
        return found

    def clear(self, session: Session) -> None:
        session.execute(text(f"DELETE FROM {TABLE}"))

    def indexed_ids(self, session: Session) -> list[int]:
        return list(session.scalars(text(f"SELECT id FROM {TABLE} ORDER BY id")))

    def state(self, session: Session, name: str) -> str | None:
        """A value the index keeps about itself; None: unset."""
        return session.scalar(text(f"SELECT value FROM {STATE_TABLE} WHERE name = :n"), {"n": name})

    def set_state(self, session: Session, name: str, value: str | None) -> None:
        """Keep *value* under *name*; None forgets it."""
        if value is None:
            session.execute(text(f"DELETE FROM {STATE_TABLE} WHERE name = :n"), {"n": name})
            return
        session.execute(
            text(
                f"INSERT INTO {STATE_TABLE} (name, value) VALUES (:n, :v)"
                " ON CONFLICT (name) DO UPDATE SET value = excluded.value"
            ),
            {"n": name, "v": value},
        )

    def matching(self, expression: str) -> Select[Any]:
        """The ids of the documents *expression* matches, for an ``IN`` clause."""
        return select(_INDEX.c.id).where(_match(expression))

    def count(
        self, expression: str, conditions: Sequence[ColumnElement[bool]], articles: Any
    ) -> Select[Any]:
        """How many documents *expression* matches among the articles *conditions* allow."""
        found = select(func.count()).select_from(_INDEX).where(_match(expression))
        if not conditions:
            return found
        return found.join(articles, articles.id == _INDEX.c.id).where(*conditions)

    def newest_match(self, expression: str, rank: int) -> Select[Any]:
        """The id of the *rank*-th newest document *expression* matches (1 = the newest)."""
        return (
            select(_INDEX.c.id)
            .where(_match(expression))
            .order_by(_INDEX.c.id.desc())
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
        """``(article id, score)`` of the matches of *expression*, best first (lower score),
        ties newest first.  Only documents from ``from_id`` on when it is given."""
        score = _rank(expression).label("score")
        found = select(_INDEX.c.id, score).where(_match(expression))
        if from_id is not None:
            found = found.where(_INDEX.c.id >= from_id)
        if conditions:
            found = found.join(articles, articles.id == _INDEX.c.id).where(*conditions)
        return found.order_by(score, _INDEX.c.id.desc())

    def scored(
        self, expression: str, *, from_id: int | None = None, scored_only: bool = False
    ) -> Select[Any]:
        """``(id, score)`` of every match of *expression*, for joining to a list's rows.

        With *from_id*, only documents from it on are scored and the older ones get
        ``NULL`` (or, *scored_only*, are left out).
        """
        found = select(_INDEX.c.id)
        rank = _rank(expression)
        if from_id is None:
            return found.add_columns(rank.label("score")).where(_match(expression))
        if scored_only:
            return found.add_columns(rank.label("score")).where(
                _match(expression), _INDEX.c.id >= from_id
            )
        score = case((_INDEX.c.id >= from_id, rank), else_=null())
        return found.add_columns(score.label("score")).where(_match(expression))
