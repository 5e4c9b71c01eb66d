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
TAG = "n0123456789"


def _either(columns: str, words: str) -> str:
    """A term as written in every field, or with the user's tag before each word."""
    tagged = " ".join("nabc" + w for w in words.split())
    return "(" + columns + ' : "' + words + '") OR (' + columns + ' : "' + tagged + '")'


def test_words_are_looked_up_by_stem_in_every_column_and_phrases_as_written() -> None:
    query = parse_query('الذهب OR gold "سعر النفط" -oil')
    tag = "nabc"  # a user's notes hold their words with their tag before each
    words = (
        f"({_either(ALL, 'ذهب')} OR {_either(ALL, 'gold')}) AND ({_either(SURFACE, 'سعر النفط')})"
    )
    assert match_expression(query, tag) == f"({words}) NOT ({_either(ALL, 'oil')})"
    assert excluded_expression(query, tag) is None  # in the words' query already
    assert match_expression(parse_query("-x"), tag) is None
    assert excluded_expression(parse_query("-x"), tag) == f"({_either(ALL, 'x')})"
    assert excluded_expression(parse_query("x"), tag) is None
    # a user without notes: the words as written only
    assert match_expression(parse_query("gold -x"), None) == (
        f'((({ALL} : "gold"))) NOT (({ALL} : "x"))'
    )


def test_every_expression_the_parser_can_make_is_valid_fts5(db: Database) -> None:
    texts = ['"', "NEAR(a b)", "a* OR", '"x" -"y z"', "{title}: ^q", "AND OR NOT", "١٢ ٣"]
    with db.session() as session:
        session.execute(
            text(f"INSERT INTO {TABLE} (rowid, title) VALUES (1, 'near a b x title q and or not')")
        )
        for typed in texts:
            query = parse_query(typed)
            for expression in (
                match_expression(query, TAG),
                excluded_expression(query, TAG),
            ):
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
