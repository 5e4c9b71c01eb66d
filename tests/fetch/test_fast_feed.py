"""The quick reader: the same records as feedparser, or no answer at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsreader.fetch.encoding import prepare_feed_bytes
from newsreader.fetch.fast_feed import read_feed
from newsreader.fetch.parse import parse_feed
from tests.helpers.parse_agreement import (
    Agreement,
    Document,
    compare,
    corpus_documents,
    feedparser_suite,
    fixture_documents,
    quick_reader_takes,
    suite_documents,
)

FEEDS = Path(__file__).parent.parent / "fixtures" / "feeds"
#: At the time of writing the quick reader takes 642 of feedparser 6.0.14's documents;
#: far fewer would mean it stopped recognising ordinary feeds.
SUITE_FLOOR = 500


def _rss(items: str, *, head: str = "", root: str = "") -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        f'<rss version="2.0"{root}><channel><title>Feed</title>'
        f"<link>https://example.org/</link>{head}{items}</channel></rss>"
    ).encode()


def _reads(data: bytes, content_type: str = "application/rss+xml") -> bool:
    prepared, headers = prepare_feed_bytes(data, content_type)
    return read_feed(prepared, headers["content-type"]) is not None


def _assert_agrees(found: Agreement) -> None:
    assert found.disagreements == [], "\n".join(found.disagreements[:20])


# --- the differential tests --------------------------------------------------------------


@pytest.fixture(scope="module")
def suite() -> list[Document]:
    return suite_documents(feedparser_suite())


def test_it_agrees_with_feedparser_on_feedparsers_own_test_suite(suite: list[Document]) -> None:
    found = compare(suite)
    _assert_agrees(found)
    assert found.taken >= SUITE_FLOOR, found.line()
    assert found.taken < found.documents  # the rest is left to feedparser


def test_it_agrees_on_captured_feeds_and_takes_the_plain_ones() -> None:
    documents = fixture_documents()
    _assert_agrees(compare(documents))
    taken = {d.name.removeprefix("fixtures/") for d in documents if quick_reader_takes(d)}
    assert {"rss20_ar.xml", "mixed_direction.xml"} <= taken
    assert not taken & {
        "atom03.xml",
        "entity_bomb.xml",
        "external_entity.xml",
        "malformed.xml",
        "rss091.xml",
        "rss10_rdf.xml",
        "rss_windows1256_declared.xml",
        "html_page.html",
    }


def test_it_takes_and_agrees_on_every_feed_of_the_benchmark_corpus() -> None:
    documents = corpus_documents()
    found = compare(documents)
    _assert_agrees(found)
    assert found.taken == found.documents == len(documents)


def test_the_comparison_notices_a_difference() -> None:
    """The check itself can fail: a content type that changes feedparser's decoding."""
    body = _rss("<item><title>caf\u00e9</title><guid>a</guid></item>")
    # Claimed as ISO-8859-1 by the server: feedparser must decode it so; the quick
    # reader must refuse the document rather than read it as UTF-8.
    document = Document("latin-1", body, "application/rss+xml; charset=iso-8859-1")
    assert not quick_reader_takes(document)
    assert compare([document]).taken == 0


# --- what goes to feedparser -----------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "content_type"),
    [
        ("malformed", _rss("<item><title>x</item>"), "application/rss+xml"),
        ("rss 0.91", _rss("").replace(b'"2.0"', b'"0.91"'), "application/rss+xml"),
        ("xml:base", _rss("", root=' xml:base="https://example.org/a/"'), "application/rss+xml"),
        ("unknown element", _rss("<item><guid>a</guid><foo>b</foo></item>"), "application/xml"),
        (
            "repeated title",
            _rss("<item><title>a</title><title>b</title></item>"),
            "text/xml; charset=utf-8",
        ),
        ("markup in a title", _rss("<item><title>a <b>b</b></title></item>"), "application/xml"),
        ("text/xml without charset", _rss("<item><guid>a</guid></item>"), "text/xml"),
        ("C1 control", _rss("<item><title>a\u0085</title></item>"), "application/xml"),
        ("html page", b"<html><body>not a feed</body></html>", "text/html"),
        (
            "xhtml content",
            b'<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>a</id><content type="xhtml">'
            b'<div xmlns="http://www.w3.org/1999/xhtml">x</div></content></entry></feed>',
            "application/atom+xml",
        ),
        (
            "RSS 1.0 namespace",
            _rss("", root=' xmlns:r="http://purl.org/rss/1.0/"'),
            "application/rss+xml",
        ),
    ],
)
def test_doubtful_documents_go_to_feedparser(name: str, data: bytes, content_type: str) -> None:
    assert not _reads(data, content_type), name


def test_entity_declarations_and_external_entities_are_never_read() -> None:
    bomb = (FEEDS / "entity_bomb.xml").read_bytes()
    external = (FEEDS / "external_entity.xml").read_bytes()
    for data in (bomb, external):
        # Even handed the raw bytes, before the declarations are removed.
        assert read_feed(data, "application/xml") is None
    assert (
        read_feed(_rss("", head="").replace(b"<rss", b"<!DOCTYPE rss>\n<rss"), "application/xml")
        is None
    )


def test_a_plain_feed_is_read_into_feedparser_shaped_records() -> None:
    data = _rss(
        "<item><title>One &amp; two</title><link>/a</link><guid isPermaLink='false'>g1</guid>"
        "<pubDate>Tue, 24 Nov 2026 03:58:00 +0000</pubDate><category>News</category>"
        "<description>&lt;p&gt;Lead&lt;/p&gt;</description></item>",
        head="<language>en</language>",
    )
    prepared, headers = prepare_feed_bytes(data, "application/rss+xml")
    result = read_feed(prepared, headers["content-type"])
    assert result is not None
    assert result["version"] == "rss20"
    assert result["feed"]["language"] == "en"
    entry = result["entries"][0]
    assert entry["title"] == "One & two"
    assert entry["id"] == "g1"
    assert entry["guidislink"] is False
    assert entry["published_parsed"][:6] == (2026, 11, 24, 3, 58, 0)
    assert entry["summary_detail"]["type"] == "text/html"
    parsed = parse_feed(data, url="https://example.org/feed", content_type="application/rss+xml")
    assert parsed.entries[0].link == "https://example.org/a"
    assert parsed.entries[0].summary == "Lead"
