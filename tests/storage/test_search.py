"""The search index kept in step with the database, and searches run on it (on SQLite's
FTS5 index and PostgreSQL's tsvector one: every test taking ``db`` runs on both)."""

from __future__ import annotations

from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from newsreader.core.search_text import entry_document
from newsreader.core.types import ArticleQuery, Direction
from newsreader.storage import articles as article_store
from newsreader.storage import comments as comment_store
from newsreader.storage import feeds as feed_store
from newsreader.storage import notes as note_store
from newsreader.storage import saved_searches, search
from newsreader.storage.database import Database, sqlite_url
from newsreader.storage.writer import FeedWriter
from tests.helpers import storage
from tests.helpers.parsed import entry
from tests.helpers.storage import subscribe

db = storage.db
#: For what only the contentless FTS5 table has (its deletes, its internal tables): the
#: back end the fixtures use, fixed to SQLite for one test.
SQLITE_ONLY = pytest.mark.parametrize("backend", ["sqlite"])

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


def insert(db: Database, feed_id: int, *entries: Any) -> dict[str, int]:
    with db.session() as session:
        FeedWriter().insert_articles(session, feed_id, list(entries), NOW)
        return {key: aid for key, (aid, _) in FeedWriter.known_entries(session, feed_id).items()}


def found(db: Database, query: str) -> list[int]:
    with db.session() as session:
        return [hit.article.id for hit in search.search(session, query, limit=100).hits]


def total(db: Database, query: str) -> int:
    with db.session() as session:
        return search.search(session, query).total


def indexed(db: Database) -> list[int]:
    with db.session() as session:
        return search.indexed_ids(session)


@pytest.fixture
def news(db: Database) -> dict[str, int]:
    """Arabic and English articles in two feeds, by key."""
    arabic = subscribe(db, "http://127.0.0.1:9/ar")
    english = subscribe(db, "http://127.0.0.1:9/en")
    with db.session() as session:
        feed_store.get_feed_row(session, arabic).title = "الجزيرة نت"
        feed_store.get_feed_row(session, english).title = "City Paper"
    ids = insert(
        db,
        arabic,
        entry(
            "gold",
            title="ارتفاع أسعار الذَّهَب في الأسواق العالمية",
            summary="قال أحمد إن الأسعار صعدت في ٢٠٢٦ بعد قرار البنك المركزي",
            content_html="<p>شهدت أسواق <b>الذهب</b> حركة قوية هذا الأسبوع.</p>",
            categories=("اقتصاد",),
            direction=Direction.RTL,
            published=NOW - timedelta(days=2),
        ),
        entry(
            "syria",
            title="الحكومة السورية تعلن خطة جديدة",
            summary="أعلن الوزراء خطة للنقل",
            content_html="<p>تفاصيل الخطة</p>",
            categories=("سياسة",),
            direction=Direction.RTL,
            published=NOW - timedelta(days=1),
        ),
    )
    ids |= insert(
        db,
        english,
        entry(
            "bridge",
            title="City council approves the new bridge",
            summary="The markets reacted calmly to the gold price news.",
            content_html="<p>Construction companies will bid in spring.</p>",
            categories=("Local",),
            published=NOW - timedelta(days=3),
        ),
    )
    return ids


def test_every_stored_article_is_indexed_and_found_by_its_words(
    db: Database, news: dict[str, int]
) -> None:
    assert indexed(db) == sorted(news.values())
    assert found(db, "ذهب") == [news["gold"]]  # "الذهب", with and without harakat
    assert found(db, "سوري") == [news["syria"]]  # "السورية"
    assert found(db, "احمد") == [news["gold"]]  # "أحمد"
    assert found(db, "2026") == [news["gold"]]  # "٢٠٢٦"
    assert found(db, "company") == [news["bridge"]]  # "companies"
    assert found(db, "اقتصاد") == [news["gold"]]  # a category
    assert found(db, "nothing-like-this") == []


def test_an_entry_is_indexed_from_the_document_its_parser_prepared(db: Database) -> None:
    feed = subscribe(db, "http://127.0.0.1:9/prepared")
    prepared = entry_document("قمة المناخ", "وفود من كل القارات", "<p>نص</p>", ("بيئة",))
    stored = insert(
        db,
        feed,
        entry("parsed", title="قمة المناخ", summary="وفود من كل القارات", search_document=prepared),
        entry("made-here", title="قمة المناخ في الصيف", summary=None),
    )
    # what the parser prepared is what is indexed (its categories included) ...
    assert found(db, "بيئه") == [stored["parsed"]]
    # ... and an entry made elsewhere gets its document when it is stored
    assert sorted(found(db, "مناخ")) == sorted(stored.values())


def test_all_words_must_match_and_or_takes_either(db: Database, news: dict[str, int]) -> None:
    assert found(db, "gold bridge") == [news["bridge"]]
    assert found(db, "ذهب خطة") == []
    assert sorted(found(db, "ذهب OR خطة")) == sorted([news["gold"], news["syria"]])


def test_a_quoted_word_or_phrase_matches_exactly(db: Database, news: dict[str, int]) -> None:
    assert found(db, '"ذهب"') == []  # only "الذهب" is written
    assert found(db, '"الذهب"') == [news["gold"]]
    assert found(db, '"new bridge"') == [news["bridge"]]
    assert found(db, '"bridge new"') == []


def test_a_phrase_does_not_run_from_one_field_into_the_next(db: Database) -> None:
    feed = subscribe(db, "http://127.0.0.1:9/fields")
    ids = insert(
        db,
        feed,
        entry("a", title="Storm reaches coast", summary="harbour closed", categories=("weather",)),
    )
    assert found(db, '"reaches coast"') == [ids["a"]]
    assert found(db, '"coast harbour"') == []  # the headline's last word, the lead's first
    assert found(db, '"closed weather"') == []
    assert found(db, "coast harbour weather") == [ids["a"]]


def test_excluded_words_and_filters(db: Database, news: dict[str, int]) -> None:
    assert found(db, "ذهب OR gold -council") == [news["gold"]]
    assert found(db, "gold feed:city") == [news["bridge"]]
    assert found(db, 'ذهب feed:"الجزيره"') == [news["gold"]]  # spelling folded
    assert found(db, "topic:اقتصاد") == [news["gold"]]
    assert found(db, "topic:nothing") == []
    assert found(db, "feed:nothing") == []
    assert found(db, "-ذهب") == [news["syria"], news["bridge"]]  # filters only: newest first
    assert found(db, "after:2026-11-22") == [news["syria"], news["gold"]]
    assert found(db, "before:2026-11-22") == [news["bridge"]]


def test_the_headline_ranks_first_and_the_total_counts_every_match(
    db: Database, news: dict[str, int]
) -> None:
    feed = subscribe(db, "http://127.0.0.1:9/more")
    ids = insert(
        db,
        feed,
        entry("lead", title="Weekly review", summary="A word on the bridge fund."),
        entry("head", title="Bridge closed for repairs", summary="Traffic moves."),
    )
    ranked = found(db, "bridge")
    assert ranked[-1] == ids["lead"]
    assert set(ranked) == {ids["lead"], ids["head"], news["bridge"]}
    assert total(db, "bridge") == 3
    with db.session() as session:
        page = search.search(session, "bridge", limit=1, offset=1)
    assert page.total == 3 and len(page.hits) == 1
    assert page.hits[0].article.id == ranked[1]


def test_snippets_come_from_the_text_as_written_with_the_matches_marked(
    db: Database, news: dict[str, int]
) -> None:
    with db.session() as session:
        hit = search.search(session, "احمد").hits[0]
        assert hit.snippet.startswith("قال **أحمد** إن")
        assert hit.article.title == "ارتفاع أسعار الذَّهَب في الأسواق العالمية"
        assert hit.rank > 0
        body = search.search(session, '"حركة قوية"').hits[0]
        assert "**حركة** **قوية**" in body.snippet


def test_a_number_is_found_with_a_particle_written_onto_it(db: Database) -> None:
    feed = subscribe(db, "http://127.0.0.1:9/numbers")
    ids = insert(
        db,
        feed,
        entry("deal", title="تمديد العقد لـ12 عامًا", content_html="<p>صفقة بـ300 مليون</p>"),
        entry("other", title="الموسم 2012 في سطور"),
    )
    assert found(db, "12") == [ids["deal"]]
    assert found(db, "300") == [ids["deal"]]
    with db.session() as session:
        assert "**لـ12**" in search.search(session, "12").hits[0].snippet  # the word as written
    assert found(db, '"لـ12"') == [ids["deal"]]  # quoted: as written


def test_user_syntax_never_reaches_the_index_as_syntax(db: Database, news: dict[str, int]) -> None:
    for query in ('"', "NEAR(a b)", "gold*", "{title}: x", "^gold", "a AND OR NOT", "-", ":"):
        with db.session() as session:
            search.search(session, query)  # no error
    assert found(db, "gold*") == [news["bridge"]]


def test_a_replaced_article_is_indexed_again_and_keeps_its_notes(
    db: Database, news: dict[str, int]
) -> None:
    with db.session() as session:
        note_store.add_note(session, news["bridge"], "remember the ferry")
    with db.session() as session:
        FeedWriter().replace_articles(
            session, [(news["bridge"], entry("bridge", title="Tunnel plan revealed"))]
        )
    assert found(db, "council") == []
    assert found(db, "tunnel") == [news["bridge"]]
    assert found(db, "ferry") == [news["bridge"]]


def test_notes_are_indexed_as_they_are_written_edited_and_deleted(
    db: Database, news: dict[str, int]
) -> None:
    with db.session() as session:
        note = note_store.add_note(session, news["syria"], "مقابلة مع وزير النقل")
    assert found(db, "مقابله") == [news["syria"]]
    with db.session() as session:
        note_store.update_note(session, note.id, "interview postponed")
    assert found(db, "مقابله") == []
    assert found(db, "interview") == [news["syria"]]
    with db.session() as session:
        hit = search.search(session, "interview").hits[0]
    assert hit.snippet == "**interview** postponed"
    with db.session() as session:
        note_store.delete_note(session, note.id)
    assert found(db, "interview") == []


def test_comments_are_indexed_when_stored_and_changed(db: Database, news: dict[str, int]) -> None:
    def comment(body: str) -> comment_store.CommentValues:
        return comment_store.CommentValues(
            "c1", None, "Reader", None, body, Direction.LTR, None, None
        )

    with db.session() as session:
        comment_store.store_comments(
            session, news["gold"], [comment("<p>Great reporting</p>")], NOW
        )
    assert found(db, "reporting") == [news["gold"]]
    with db.session() as session:
        comment_store.store_comments(session, news["gold"], [comment("<p>Changed mind</p>")], NOW)
    assert found(db, "reporting") == []
    assert found(db, "mind") == [news["gold"]]


def test_removing_a_feed_removes_its_articles_from_the_index(
    db: Database, news: dict[str, int]
) -> None:
    with db.session() as session:
        feed_id = article_store.get_article(session, news["bridge"]).feed_id
        feed_store.remove_feed(session, feed_id)
    assert indexed(db) == sorted([news["gold"], news["syria"]])
    assert found(db, "bridge") == []


def test_a_search_narrows_a_list_view_like_any_filter(db: Database, news: dict[str, int]) -> None:
    with db.session() as session:
        listed = article_store.list_articles(session, ArticleQuery(search="ذهب OR bridge"))
        assert [a.id for a in listed] == [news["gold"], news["bridge"]]  # newest first
        assert article_store.count_articles(session, ArticleQuery(search="ذهب")) == (1, 1)
        assert article_store.article_ids(session, ArticleQuery(search="سوري")) == [news["syria"]]
        assert len(article_store.list_articles(session, ArticleQuery(search="  "))) == 3


def test_the_index_can_be_built_again_from_the_articles(db: Database, news: dict[str, int]) -> None:
    emptied = (
        "INSERT INTO search_index (search_index) VALUES ('delete-all')"  # contentless FTS5
        if db.is_sqlite
        else "DELETE FROM search_index"
    )
    with db.session() as session:
        session.execute(text(emptied))
    assert found(db, "ذهب") == []
    with db.session() as session:
        assert search.build_index(session, batch=2) == 3
    assert indexed(db) == sorted(news.values())
    assert found(db, "ذهب") == [news["gold"]]


def test_upgrading_a_0002_database_builds_the_index(database_url: str) -> None:
    from tests.storage.test_migrations import _fill_at_0001, _migrate

    _migrate(database_url, "0002")
    _fill_at_0001(database_url)  # two articles titled "عنوان" and a comment "تعليق"
    upgraded = Database(database_url)
    try:
        assert indexed(upgraded) == [1, 2]
        assert sorted(found(upgraded, "العنوان")) == [1, 2]
        assert found(upgraded, "تعليقات") == [1]
        with upgraded.session() as session:
            assert saved_searches.list_saved(session) == []
    finally:
        upgraded.close()


def test_a_database_without_an_index_yet_stores_articles_and_says_search_is_unavailable(
    db: Database,
) -> None:
    from newsreader.core.errors import StorageError

    no_index = search._NoIndex("mssql")
    with db.session() as session:
        no_index.write(session, [{"id": 1}], new=True)  # the writer goes on
        no_index.forget(session, [{"id": 1}])
        assert no_index.indexed_fields(session, [1]) == {}
        assert no_index.indexed_ids(session) == []
        with pytest.raises(StorageError, match="not available on a mssql database"):
            no_index.ranked('"x"', [], None)


def test_a_very_common_word_ranks_its_newest_matches(
    db: Database, news: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    feed = subscribe(db, "http://127.0.0.1:9/common")
    ids = insert(db, feed, *(entry(f"c{n}", title=f"common word {n}") for n in range(6)))
    monkeypatch.setattr(search, "RANKED_AT_MOST", 3)
    with db.session() as session:
        results = search.search(session, "common", limit=3)
        assert results.total == 6  # counted in full
        assert {h.article.id for h in results.hits} == {ids["c3"], ids["c4"], ids["c5"]}
        counted = search.search(session, "common", limit=0)
        assert (counted.total, counted.hits) == (6, ())
        # paged beyond them, every match is ranked
        assert len(search.search(session, "common", limit=5, offset=3).hits) == 3
        # with a filter, every match is ranked among the articles it allows
        filtered = search.search(session, "common before:2100-01-01", limit=10)
        assert len(filtered.hits) == 6


def test_a_list_in_relevance_order_ranks_as_search_does_and_pages_by_offset(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    feed = subscribe(db, "http://127.0.0.1:9/oil")

    def oil(key: str, days: int, title: str, summary: str) -> Any:
        return entry(key, title=title, summary=summary, published=NOW - timedelta(days=days))

    ids = insert(
        db,
        feed,
        # stored in the order they were published, as a feed followed for days is
        oil("oldest", 3, "Oil, oil and more oil", "Oil stocks fell as oil prices rose."),
        oil("middle", 2, "Oil exporters meet", "A meeting in Vienna."),
        oil("newest", 1, "Markets close higher", "Traders watched oil."),
    )

    def listed(**paging: Any) -> list[str]:
        with db.session() as session:
            rows = article_store.list_articles(
                session, ArticleQuery(search="oil", order="relevance"), **paging
            )
        return [next(k for k, v in ids.items() if v == r.id) for r in rows]

    assert listed() == ["oldest", "middle", "newest"]
    assert listed(limit=1, offset=1) == ["middle"]
    # a search found more often than is ranked: its newest matches ranked, then the rest
    monkeypatch.setattr(search, "RANKED_AT_MOST", 2)
    assert listed() == ["middle", "newest", "oldest"]
    assert listed(limit=2) == ["middle", "newest"]  # a page among the ranked ones reads them only
    assert listed(limit=2, offset=1) == ["newest", "oldest"]
    # words to rank by, or none: a filter alone lists by date
    with db.session() as session:
        by_date = article_store.list_articles(
            session,
            ArticleQuery(
                search=f"feed:oil after:{(NOW - timedelta(days=5)).date()}", order="relevance"
            ),
        )
    assert [r.id for r in by_date] == [ids["newest"], ids["middle"], ids["oldest"]]


def _docsize_rows(db: Database) -> int:
    with db.session() as session:
        return session.scalar(text("SELECT count(*) FROM search_index_docsize")) or 0


@SQLITE_ONLY
def test_the_index_keeps_no_copy_of_the_text_and_a_replaced_article_leaves_no_old_word(
    db: Database, news: dict[str, int]
) -> None:
    with db.session() as session:
        tables = set(session.scalars(text("SELECT name FROM sqlite_master")))
    assert "search_index_content" not in tables
    for round_ in range(3):  # each replacement deletes the document given back from storage
        with db.session() as session:
            FeedWriter().replace_articles(
                session,
                [
                    (
                        news["gold"],
                        entry(
                            "gold",
                            title=f"محطة قطارات جديدة رقم {round_}",
                            summary=f"Round {round_} of the trains",
                            content_html=f"<p>شهدت المدينة افتتاح المحطة {round_}</p>",
                            categories=("ترامواي", "Transport", "ترامواي"),
                        ),
                    )
                ],
            )
        assert found(db, f"Round {round_}") == [news["gold"]]
        if round_:
            assert found(db, f"Round {round_ - 1}") == []
    # every word of the first text is gone: a leftover would name a row without a size
    for old in ("ذهب", "احمد", "2026", "اقتصاد", "اسواق", "البنك المركزي"):
        assert news["gold"] not in found(db, old), old
    assert found(db, "قطار") == [news["gold"]]
    assert found(db, "ترامواي") == [news["gold"]]  # a category, given twice, indexed once
    assert _docsize_rows(db) == len(news) == len(indexed(db))


@SQLITE_ONLY
def test_notes_and_comments_come_out_as_they_were_indexed(
    db: Database, news: dict[str, int]
) -> None:
    with db.session() as session:
        first = note_store.add_note(session, news["bridge"], "ferry timetable")
        note_store.add_note(session, news["bridge"], "ask about the tolls")
        note_store.update_note(session, first.id, "bus timetable")
        note_store.delete_note(session, first.id)
    assert found(db, "ferry") == found(db, "bus") == []
    assert found(db, "toll") == [news["bridge"]]
    with db.session() as session:
        feed_id = article_store.get_article(session, news["bridge"]).feed_id
        feed_store.remove_feed(session, feed_id)
    assert found(db, "toll") == []
    assert _docsize_rows(db) == 2


@SQLITE_ONLY
def test_a_document_that_does_not_come_back_as_indexed_rebuilds_the_index_instead(
    db: Database, news: dict[str, int], caplog: pytest.LogCaptureFixture
) -> None:
    # changed behind the index's back: deleting with this text would leave "council" behind
    with db.session() as session:
        session.execute(
            text("UPDATE articles SET title = 'Ferry plan' WHERE id = :i"), {"i": news["bridge"]}
        )
    with db.session() as session:
        FeedWriter().replace_articles(
            session, [(news["bridge"], entry("bridge", title="Tunnel plan revealed"))]
        )
    assert "out of step" in caplog.text
    assert found(db, "council") == []
    assert found(db, "tunnel") == [news["bridge"]]
    finish_rebuild(db)
    assert found(db, "ذهب") == [news["gold"]]  # the others were indexed again
    assert _docsize_rows(db) == len(news)  # and the changed one only once


def finish_rebuild(db: Database, batch: int = search.BUILD_BATCH) -> int:
    """Run the index's rebuild to its end; how many steps it took."""
    steps = 0
    while True:
        with db.session() as session:
            search.continue_rebuild(session, batch=batch)
            if not search.rebuild_pending(session):
                return steps + 1
        steps += 1


def _as_if_made_by_an_older_version(path: Path) -> None:
    """Today's documents taken out and the index said to be of an older version."""
    with closing(Database(sqlite_url(path))) as old, old.session() as session:
        session.execute(text("INSERT INTO search_index (search_index) VALUES ('delete-all')"))
        session.execute(text("DELETE FROM search_index_extra"))
        session.execute(text("UPDATE search_index_state SET value = 'old'"))


def test_documents_of_another_version_are_rebuilt_after_the_database_is_opened(
    tmp_path: Path,
) -> None:
    from newsreader.core.search_text import DOCUMENT_VERSION

    path = tmp_path / "versions.sqlite3"
    with closing(Database(sqlite_url(path))) as first:
        feed = subscribe(first, "http://127.0.0.1:9/versions")
        stored = insert(
            first,
            feed,
            entry("a", title="أسعار الذهب", published=NOW - timedelta(days=3)),
            entry("b", title="Gold prices", published=NOW - timedelta(days=2)),
            entry("c", title="ذهب وفضة", published=NOW - timedelta(days=1)),
        )
    _as_if_made_by_an_older_version(path)
    reopened = Database(sqlite_url(path))
    try:
        # opening only empties the index: nothing is indexed before the rebuild's steps
        assert indexed(reopened) == []
        with reopened.session() as session:
            assert search.rebuild_pending(session)
            assert search.rebuild_remaining(session) == 3
            assert search._index(session).state(session, "documents") == DOCUMENT_VERSION
            assert search.check_documents(session) is False  # once is enough
            partial = search.search(session, "ذهب")
        assert partial.complete is False
        assert partial.total == 0
        # a step at a time, the newest articles first (ids in the order inserted)
        with reopened.session() as session:
            assert search.continue_rebuild(session, batch=2) == 2
            assert search.rebuild_remaining(session) == 1
        assert indexed(reopened) == sorted([stored["b"], stored["c"]])
        assert found(reopened, "ذهب") == [stored["c"]]
        assert finish_rebuild(reopened, batch=2) == 1
        with reopened.session() as session:
            whole = search.search(session, "ذهب")
            assert search.rebuild_remaining(session) == 0
            assert search.continue_rebuild(session) == 0  # nothing left to do
        assert whole.complete is True
        assert sorted(h.article.id for h in whole.hits) == sorted([stored["a"], stored["c"]])
        assert indexed(reopened) == sorted(stored.values())
    finally:
        reopened.close()


def test_articles_changed_during_a_rebuild_are_indexed_once(tmp_path: Path) -> None:
    path = tmp_path / "changed.sqlite3"
    with closing(Database(sqlite_url(path))) as first:
        feed = subscribe(first, "http://127.0.0.1:9/changed")
        stored = insert(
            first, feed, entry("a", title="Harbour council meets"), entry("b", title="Rail fares")
        )
    _as_if_made_by_an_older_version(path)
    with closing(Database(sqlite_url(path))) as reopened:
        with reopened.session() as session:  # changed before the rebuild reached it
            FeedWriter().replace_articles(
                session, [(stored["a"], entry("a", title="Harbour tunnel"))]
            )
        assert indexed(reopened) == [stored["a"]]
        finish_rebuild(reopened, batch=1)
        assert indexed(reopened) == sorted(stored.values())
        assert _docsize_rows(reopened) == 2  # the changed article's one document
        assert found(reopened, "tunnel") == [stored["a"]]
        assert found(reopened, "council") == []
        # and it comes out cleanly: the document indexed is the one made again
        with reopened.session() as session:
            search.forget_articles(session, [stored["a"]])
        assert indexed(reopened) == [stored["b"]]
        assert _docsize_rows(reopened) == 1


def test_a_rebuild_on_an_empty_database_is_done_at_once(db: Database) -> None:
    with db.session() as session:
        search.start_rebuild(session)
        assert not search.rebuild_pending(session)
        assert search.search(session, "anything").complete is True


def test_a_built_index_knows_its_document_version_on_either_back_end(
    db: Database, news: dict[str, int]
) -> None:
    from newsreader.core.search_text import DOCUMENT_VERSION

    with db.session() as session:
        index = search._index(session)
        index.set_state(session, "documents", "older")
        assert search.check_documents(session) is True  # a rebuild started for today's
        assert index.state(session, "documents") == DOCUMENT_VERSION
        assert search.check_documents(session) is False
    assert indexed(db) == []
    finish_rebuild(db, batch=2)
    assert indexed(db) == sorted(news.values())
    assert found(db, "ذهب") == [news["gold"]]


other = storage.other


def test_no_one_finds_an_article_by_another_user_s_note(
    db: Database, other: Database, news: dict[str, int]
) -> None:
    with db.session() as session:
        note_store.add_note(session, news["syria"], "مقابلة مع وزير النقل غدا")
    with other.session() as session:
        note_store.add_note(session, news["bridge"], "the ferry timetable changes")
        note_store.add_note(session, news["syria"], "interview the minister")
    assert found(db, "مقابله") == [news["syria"]]
    assert found(db, '"وزير النقل"') == [news["syria"]]
    assert found(db, "ferry") == []
    assert found(db, "interview") == []
    assert found(db, "مقابله -interview") == [news["syria"]]
    assert found(other, "ferry") == [news["bridge"]]
    assert found(other, '"ferry timetable"') == [news["bridge"]]
    assert found(other, "مقابله") == []
    assert found(other, '"وزير النقل"') == []
    assert found(other, "الخطه -interview") == []  # their own note rules it out
    with other.session() as session:
        [hit] = search.search(session, "interview").hits
        assert hit.snippet == "**interview** the minister"  # their own note's words
        # lists filtered by a search (and by the plain text filter) alike
        narrowed = article_store.list_articles(session, ArticleQuery(search="مقابله"))
        assert narrowed == []
        assert article_store.article_ids(session, ArticleQuery(text="ferry")) == [news["bridge"]]
        assert article_store.article_ids(session, ArticleQuery(text="وزير")) == []
    with db.session() as session:
        [hit] = search.search(session, "مقابله").hits
        assert "interview" not in hit.snippet
        assert search.snippets(session, "minister", [news["syria"]])[news["syria"]] != (
            "**interview** the minister"
        )
        listed = article_store.list_articles(
            session, ArticleQuery(search="مقابله", order="relevance"), limit=10
        )
        assert [a.id for a in listed] == [news["syria"]]
    # a user who wrote no notes looks in the shared fields only
    third = Database(db.url, user="omar")
    try:
        assert found(third, "interview") == []
        assert found(third, "ferry") == []
        assert found(third, "الحكومة") == [news["syria"]]
        assert found(third, "الحكومة -interview") == [news["syria"]]
    finally:
        third.close()
