"""The SQLite FTS5 index: its query expressions, and that user text never becomes syntax.

SQLite only: PostgreSQL's index is tested in test_search_postgres.py."""

from __future__ import annotations

from sqlalchemy import text

from newsreader.core.search_query import parse_query
from newsreader.storage.database import Database
from newsreader.storage.search_fts5 import (
    COLUMNS,
    CREATE_STATEMENTS,
    TABLE,
    excluded_expression,
    match_expression,
)
from tests.helpers import postgres, storage

db = storage.db
backend = postgres.sqlite_only

ALL = "{" + " ".join(COLUMNS) + "}"
SURFACE = "{title lead body categories comments notes}"


def test_words_are_looked_up_by_stem_in_every_column_and_phrases_as_written() -> None:
    query = parse_query('الذهب OR gold "سعر النفط" -oil')
    words = f'(({ALL} : "ذهب") OR ({ALL} : "gold")) AND (({SURFACE} : "سعر النفط"))'
    assert match_expression(query) == f'({words}) NOT (({ALL} : "oil"))'
    assert excluded_expression(query) is None  # in the words' query already
    assert match_expression(parse_query("-x")) is None
    assert excluded_expression(parse_query("-x")) == f'(({ALL} : "x"))'
    assert excluded_expression(parse_query("x")) is None


def test_every_expression_the_parser_can_make_is_valid_fts5(db: Database) -> None:
    texts = ['"', "NEAR(a b)", "a* OR", '"x" -"y z"', "{title}: ^q", "AND OR NOT", "١٢ ٣"]
    with db.session() as session:
        session.execute(
            text(f"INSERT INTO {TABLE} (rowid, title) VALUES (1, 'near a b x title q and or not')")
        )
        for typed in texts:
            query = parse_query(typed)
            for expression in (match_expression(query), excluded_expression(query)):
                if expression is not None:
                    session.execute(
                        text(f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH :q"), {"q": expression}
                    ).all()


def test_the_table_is_made_contentless_with_the_ascii_tokenizer(db: Database) -> None:
    assert "tokenize = 'ascii'" in CREATE_STATEMENTS[0]
    with db.session() as session:
        sql = session.scalar(text("SELECT sql FROM sqlite_master WHERE name = :n"), {"n": TABLE})
        shadow = set(session.scalars(text("SELECT name FROM sqlite_master WHERE type = 'table'")))
    assert sql is not None and "fts5" in sql and "content = ''" in sql
    assert f"{TABLE}_content" not in shadow  # no copy of the prepared text
    assert {f"{TABLE}_extra", f"{TABLE}_state", f"{TABLE}_docsize"} <= shadow
