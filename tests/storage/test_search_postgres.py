"""PostgreSQL's search index: its tsvector documents, its tsquery expressions, and that
user text never becomes syntax (PostgreSQL only; what both indexes find is tested in
test_search.py on both)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import text

from newsreader.core.search_query import parse_query
from newsreader.core.search_text import FieldText
from newsreader.storage import search
from newsreader.storage.database import Database, sqlite_url
from newsreader.storage.search_postgres import (
    MAX_WORD_BYTES,
    STEM_MARK,
    TABLE,
    excluded_expression,
    field_vector,
    match_expression,
)
from newsreader.storage.writer import FeedWriter
from tests.helpers import postgres, storage
from tests.helpers.parsed import entry
from tests.helpers.storage import subscribe

db = storage.db
backend = postgres.postgresql_only

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
TAG = "n0123456789"


def test_words_are_looked_up_by_stem_or_word_and_phrases_as_written() -> None:
    query = parse_query('الذهب OR gold "سعر النفط" -oil')
    tag = "nabc"  # a user's notes hold their words with their tag before each

    def stem(word: str) -> str:
        return f"(('{word}' | '~{word}')) | (('nabc{word}' | '~nabc{word}'))"

    words = (
        f"({stem('ذهب')} | {stem('gold')}) & (('سعر' <-> 'النفط') | ('nabcسعر' <-> 'nabcالنفط'))"
    )
    assert match_expression(query, tag) == f"({words}) & !({stem('oil')})"
    assert excluded_expression(query, tag) is None  # in the words' query already
    assert match_expression(parse_query("-x"), tag) is None
    assert excluded_expression(parse_query("-x"), tag) == f"({stem('x')})"
    assert excluded_expression(parse_query("x"), tag) is None
    # a user without notes: the words as written only
    assert match_expression(parse_query("gold -x"), None) == (
        "(((('gold' | '~gold')))) & !((('x' | '~x')))"
    )


def test_a_field_is_its_words_from_position_2_then_its_marked_stems() -> None:
    vector = field_vector("title", FieldText("الذهب يرتفع الذهب", "ذهب"))
    assert vector == f"'الذهب':2A,4A 'يرتفع':3A '{STEM_MARK}ذهب':6A"
    assert field_vector("body", FieldText("it's", "")) == "'it''s':2D"
    assert field_vector("notes", FieldText("", "")) == ""


def test_every_expression_the_parser_can_make_is_a_valid_tsquery(db: Database) -> None:
    texts = ['"', "a:* OR", "'x' | !y", '"x" -"y z"', "<-> & ( )", "AND OR NOT", "١٢ ٣", "\\'"]
    with db.session() as session:
        for typed in texts:
            query = parse_query(typed)
            for expression in (
                match_expression(query, TAG),
                excluded_expression(query, TAG),
            ):
                if expression is not None:
                    session.execute(
                        text(f"SELECT id FROM {TABLE} WHERE document @@ CAST(:q AS tsquery)"),
                        {"q": expression},
                    ).all()


def test_the_server_s_text_search_settings_change_nothing(db: Database) -> None:
    feed = subscribe(db, "http://127.0.0.1:9/feed")
    with db.session() as session:
        session.execute(text("SET default_text_search_config = 'english'"))
        FeedWriter().insert_articles(
            session, feed, [entry("a", title="Running the Bridges of the City")], NOW
        )
        # the English stemmer would make "running" "run" and drop "the": not here
        assert [h.article.title for h in search.search(session, '"the bridges"').hits] == [
            "Running the Bridges of the City"
        ]
        assert search.search(session, '"run"').total == 0


def test_a_text_too_long_for_one_document_is_indexed_up_to_the_limit(db: Database) -> None:
    feed = subscribe(db, "http://127.0.0.1:9/feed")
    huge = " ".join(f"word{i}" for i in range(200_000))
    long_word = "x" * (MAX_WORD_BYTES + 1)
    with db.session() as session:
        FeedWriter().insert_articles(
            session,
            feed,
            [entry("big", title="Harbour report", content_html=f"<p>{long_word} {huge}</p>")],
            NOW,
        )
    with db.session() as session:
        assert search.search(session, "harbour").total == 1
        assert search.search(session, "word5").total == 1
        assert search.search(session, "word199999").total == 0  # past the limit


#: Headline, lead, categories: written for these tests, with the spellings folding joins.
CORPUS = [
    ("ارتفاع أسعار الذَّهَب في الأسواق", "قال أحمد إن الأسعار صعدت في ٢٠٢٦", ("اقتصاد",)),
    ("الذهب يتراجع بعد قرار البنك المركزي", "تراجع سعر الذهب والفضة", ("الاقتصاد",)),
    ("الحكومة السورية تعلن خطة جديدة للنقل", "أعلن الوزراء خطة للنقل العام", ("سياسة",)),
    ("السوريون يعودون إلى المدارس", "بدأ العام الدراسي في ۲۰۲۶", ("تعليم",)),
    ("إحمد وأحمد واحمد في مباراة الكرة", "فاز الفريق بالكأس", ("رياضة",)),
    ("مكتبة جديدة في فاس", "افتتحت المكتبة أبوابها للقراء والكتّاب", ("ثقافة",)),
    ("City council approves the new bridge", "Gold price news moved markets", ("Local",)),
    ("Companies bid for the bridge contract", "The company said bids open in spring", ()),
    ("Storm reaches the coast", "Harbour closed for two days in 2026", ("Weather",)),
    ("Oil and gold fall together", "Crude oil prices slid; gold followed", ("Economy",)),
]
QUERIES = [
    "ذهب",
    "الذهب",
    '"الذهب"',
    '"ذهب"',
    "سوري",
    "احمد",
    "2026",
    "٢٠٢٦",
    "ذهب OR gold",
    "gold -oil",
    '-"crude oil"',
    '"new bridge"',
    '"bridge new"',
    "company",
    "companies bridge",
    "topic:اقتصاد",
    "gold topic:economy",
    "مكتبه",
    "الكتاب",
    "خطة النقل",
    '"خطة جديدة"',
    "after:2026-01-01 ذهب",
    "gold " + "x" * 3000,  # a word too long for PostgreSQL's index: found nowhere
    '"' + "ذهب" * 1000 + '"',
]


def _fill(database: Database) -> None:
    feed = subscribe(database, "http://127.0.0.1:9/corpus")
    entries = [
        entry(f"n{i}", title=title, summary=lead, categories=tags, published=NOW)
        for i, (title, lead, tags) in enumerate(CORPUS)
    ]
    with database.session() as session:
        FeedWriter().insert_articles(session, feed, entries, NOW)


def _results(database: Database, query: str) -> tuple[int, dict[int, str]]:
    with database.session() as session:
        found = search.search(session, query, limit=100)
    return found.total, {hit.article.id: hit.snippet for hit in found.hits}


def test_both_back_ends_find_the_same_articles_with_the_same_snippets(
    db: Database, tmp_path: Path
) -> None:
    sqlite = Database(sqlite_url(tmp_path / "twin.sqlite3"))
    try:
        _fill(db)
        _fill(sqlite)
        written = {w for title, lead, _ in CORPUS for w in f"{title} {lead}".split()}
        queries = [*QUERIES, *sorted(written), *(f'"{w}"' for w in sorted(written))]
        for query in queries:
            assert _results(db, query) == _results(sqlite, query), query
        assert _results(db, "ذهب")[0] == 2  # and they find something
    finally:
        sqlite.close()
