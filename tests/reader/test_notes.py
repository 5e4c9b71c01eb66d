"""Private notes on articles, against a real SQLite file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsreader.core.errors import ArticleNotFoundError, NewsreaderError
from newsreader.core.types import Direction
from newsreader.reader import Reader
from newsreader.reader.comments import CommentsMixin
from tests.helpers.feeds import Item, rss
from tests.helpers.feedserver import FeedServer, Response


def reader_class() -> type[Any]:
    """``Reader`` once it includes the comments mixin; until then, the two combined."""
    if issubclass(Reader, CommentsMixin):
        return Reader
    return type("CommentsReader", (CommentsMixin, Reader), {})


@pytest.fixture
def reader(tmp_path: Path) -> Iterator[Any]:
    with reader_class().open(tmp_path / "profile") as r:
        yield r


@pytest.fixture
def articles(reader: Any, feed_server: FeedServer) -> dict[str, int]:
    """An Arabic and an English article, by guid."""
    items = [
        Item(guid="ar", title="ارتفاع أسعار الخضار في الأسواق"),
        Item(guid="en", title="City council approves the new bridge", body="<p>Plans.</p>"),
    ]
    feed_server.route("/feed", Response(body=rss(items)))
    reader.add_feed(feed_server.url("/feed"))
    return {a.guid: a.id for a in reader.list_articles()}


def test_add_edit_delete_a_note(reader: Any, articles: dict[str, int]) -> None:
    arabic = articles["ar"]
    first = reader.add_note(arabic, "  أتابع هذا الموضوع لمقال الأسبوع القادم  ")
    assert first.text == "أتابع هذا الموضوع لمقال الأسبوع القادم"
    assert first.direction is Direction.RTL
    assert first.article_id == arabic
    assert first.created == first.updated

    second = reader.add_note(arabic, "Ask the market vendors about wholesale prices")
    assert second.direction is Direction.LTR  # its own words decide, not the article
    assert [n.id for n in reader.list_notes(arabic)] == [first.id, second.id]

    edited = reader.update_note(first.id, "سألت البائعين: السبب هو النقل")
    assert (edited.id, edited.created) == (first.id, first.created)
    assert edited.updated > first.updated
    assert reader.list_notes(arabic)[0].text == "سألت البائعين: السبب هو النقل"

    reader.delete_note(second.id)
    assert [n.id for n in reader.list_notes(arabic)] == [first.id]
    assert reader.list_notes(articles["en"]) == []


def test_a_note_without_letters_takes_the_articles_direction(
    reader: Any, articles: dict[str, int]
) -> None:
    assert reader.add_note(articles["ar"], "2026-11-20 ✓").direction is Direction.RTL
    assert reader.add_note(articles["en"], "42 !!!").direction is Direction.LTR
    note = reader.add_note(articles["en"], "Draft")
    assert reader.update_note(note.id, "١٢٣٤").direction is Direction.LTR  # digits: no letters
    assert reader.update_note(note.id, "مسودة").direction is Direction.RTL


def test_empty_notes_and_unknown_ids_are_refused(reader: Any, articles: dict[str, int]) -> None:
    with pytest.raises(NewsreaderError, match="empty"):
        reader.add_note(articles["ar"], " \n\t ")
    note = reader.add_note(articles["ar"], "ملاحظة")
    with pytest.raises(NewsreaderError, match="empty"):
        reader.update_note(note.id, "")
    assert reader.list_notes(articles["ar"])[0].text == "ملاحظة"
    with pytest.raises(ArticleNotFoundError):
        reader.add_note(9999, "text")
    with pytest.raises(ArticleNotFoundError):
        reader.list_notes(9999)
    with pytest.raises(NewsreaderError, match="no note"):
        reader.update_note(9999, "text")
    with pytest.raises(NewsreaderError, match="no note"):
        reader.delete_note(9999)


def test_search_notes_finds_every_word_across_an_articles_notes(
    reader: Any, articles: dict[str, int]
) -> None:
    reader.add_note(articles["ar"], "اتصلت بمُدير السوق اليوم")
    reader.add_note(articles["ar"], "Follow up on Monday")
    reader.add_note(articles["en"], "Bridge costs look high; compare with Monday's report")
    assert reader.search_notes("مدير") == [articles["ar"]]  # vowel marks do not matter
    assert reader.search_notes("السوق monday") == [articles["ar"]]  # words in two notes
    assert sorted(reader.search_notes("MONDAY")) == sorted(articles.values())
    assert reader.search_notes("bridge monday") == [articles["en"]]
    assert reader.search_notes("nothing-like-this") == []
    assert reader.search_notes("   ") == []


def test_notes_go_with_their_article(reader: Any, articles: dict[str, int]) -> None:
    reader.add_note(articles["en"], "temporary")
    feed_id = reader.list_feeds()[0].id
    reader.remove_feed(feed_id)
    assert reader.search_notes("temporary") == []


def test_the_filter_finds_articles_by_the_words_of_their_notes(
    reader: Any, articles: dict[str, int]
) -> None:
    from newsreader.core.types import ArticleQuery

    r = reader
    target = r.list_articles()[0]
    assert r.list_articles(ArticleQuery(text="ملاحظةسرية")) == []
    r.add_note(target.id, "تذكير: ملاحظةسرية للمراجعة")
    found = r.list_articles(ArticleQuery(text="ملاحظةسرية"))
    assert [a.id for a in found] == [target.id]
