"""Searching through the Reader, saved searches, and their place in the user's backup."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsreader.core.errors import NewsreaderError
from newsreader.core.types import ArticleQuery
from newsreader.reader import Reader
from tests.helpers.feeds import Item, rss
from tests.helpers.feedserver import FeedServer, Response


@pytest.fixture
def reader(tmp_path: Path) -> Iterator[Reader]:
    with Reader.open(tmp_path / "profile") as r:
        yield r


@pytest.fixture
def articles(reader: Reader, feed_server: FeedServer) -> dict[str, int]:
    items = [
        Item(guid="gold", title="ارتفاع أسعار الذهب", body="<p>قال أَحْمَد إن الذهب صعد في ٢٠٢٦.</p>"),
        Item(guid="syria", title="الحكومة السورية تعلن خطة", body="<p>تفاصيل</p>"),
        Item(guid="bridge", title="Council approves the bridge", body="<p>Companies bid.</p>"),
    ]
    feed_server.route("/feed", Response(body=rss(items)))
    reader.add_feed(feed_server.url("/feed"))
    return {a.guid: a.id for a in reader.list_articles()}


def test_search_finds_articles_by_folded_and_stemmed_words(
    reader: Reader, articles: dict[str, int]
) -> None:
    results = reader.search("احمد 2026")
    assert results.total == 1
    (hit,) = results.hits
    assert hit.article == reader.list_articles(ArticleQuery(search="احمد"))[0]
    assert "**أَحْمَد**" in hit.snippet and "**٢٠٢٦**" in hit.snippet
    assert [h.article.id for h in reader.search("سوري").hits] == [articles["syria"]]
    assert [h.article.id for h in reader.search("company").hits] == [articles["bridge"]]
    assert reader.search("").hits == ()


def test_pages_of_hits(reader: Reader, articles: dict[str, int]) -> None:
    everything = reader.search("ذهب OR خطه OR bridge", limit=2)
    assert everything.total == 3 and len(everything.hits) == 2
    rest = reader.search("ذهب OR خطه OR bridge", limit=2, offset=2)
    assert len(rest.hits) == 1
    assert {h.article.id for h in (*everything.hits, *rest.hits)} == set(articles.values())
    assert reader.search("ذهب", limit=-5).hits == ()


def test_notes_are_searched_with_their_article(reader: Reader, articles: dict[str, int]) -> None:
    reader.add_note(articles["bridge"], "ask about the ferry")
    (hit,) = reader.search("ferry").hits
    assert hit.article.id == articles["bridge"]
    assert hit.snippet == "ask about the **ferry**"


def test_saved_searches(reader: Reader) -> None:
    assert reader.saved_searches() == []
    gold = reader.save_search("الذهب", "ذهب OR gold")
    assert reader.saved_searches() == [gold]
    renamed = reader.rename_saved_search(gold.id, "Gold")
    assert reader.saved_searches() == [renamed]
    reader.remove_saved_search(gold.id)
    assert reader.saved_searches() == []
    with pytest.raises(NewsreaderError):
        reader.save_search("", "x")


def test_saved_searches_go_into_the_backup_and_come_back_once(
    reader: Reader, tmp_path: Path
) -> None:
    reader.save_search("Gold", "ذهب OR gold")
    backup = tmp_path / "backup.json"
    reader.export_data(backup)
    document = json.loads(backup.read_text(encoding="utf-8"))
    assert [(s["name"], s["query"]) for s in document["saved_searches"]] == [
        ("Gold", "ذهب OR gold")
    ]
    with Reader.open(tmp_path / "other") as other:
        report = other.import_data(backup)
        assert report.searches_added == 1
        assert other.import_data(backup).searches_added == 0  # merged, not doubled
        assert [(s.name, s.query) for s in other.saved_searches()] == [("Gold", "ذهب OR gold")]


def test_a_backup_from_before_saved_searches_still_restores(reader: Reader, tmp_path: Path) -> None:
    old = tmp_path / "old.json"
    old.write_text(
        json.dumps(
            {
                "format": "newsreader-userdata",
                "version": 1,
                "exported": "2026-01-01T00:00:00+00:00",
                "subscriptions": [{"url": "http://127.0.0.1:9/feed"}],
                "articles": [],
            }
        ),
        encoding="utf-8",
    )
    report = reader.import_data(old)
    assert (report.feeds_added, report.searches_added) == (1, 0)
    assert reader.saved_searches() == []
