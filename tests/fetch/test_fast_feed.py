"""The quick reader: the same records as feedparser, or no answer at all."""

from __future__ import annotations

import random
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


# --- shuffled feeds: every listed element, in any order, with awkward values ----------

_VALUES = (
    "",
    "  ",
    "plain words",
    "a &amp; b",
    "a &amp;amp; b",
    "<![CDATA[<b>bold</b> then text]]>",
    "&lt;p&gt;escaped markup&lt;/p&gt;",
    "/relative/path?a=1&amp;b=2",
    "http://host.example/page",
    "tag:host.example,2026:7",
    "item-42",
    "Tue, 24 Nov 2026 03:58:00 +0000",
    "2026-11-24T05:52:00+03:00",
    "٢٤ نوفمبر ٢٠٢٦ ١٠:٣٠",
    "not a date",
    "خبر عاجل من المدينة",
    "Ã©tÃ©",
    "writer@example.com (A Writer)",
    "12",
    "-3",
    "&#1582;&#1576;&#1585;",
)
_RSS_PARTS = (
    "title",
    "link",
    "guid",
    'guid isPermaLink="false"',
    "pubDate",
    "description",
    "content:encoded",
    "dc:creator",
    "author",
    "category",
    'category domain="section"',
    "comments",
    "wfw:commentRss",
    "slash:comments",
    "dc:date",
    "dc:subject",
    'title xml:lang="en"',
    'description xml:lang=""',
    '@atom:link rel="alternate" href="{}"',
    '@atom:link rel="replies" type="application/atom+xml" href="{}"',
    '@enclosure type="image/jpeg" length="{}" url="{}"',
    '@media:content medium="image" url="{}"',
    '@media:thumbnail url="{}"',
    "media:credit",
)
_ATOM_PARTS = (
    "title",
    'title type="html"',
    "id",
    "published",
    "updated",
    "summary",
    'summary type="html"',
    'content type="html"',
    'content type="text"',
    'summary xml:lang="fr"',
    '@link href="{}"',
    '@link rel="enclosure" type="audio/mpeg" length="{}" href="{}"',
    '@link rel="replies" type="application/atom+xml" href="{}"',
    '@category term="{}"',
    '@category term="{}" label="{}"',
    "author",
)
_NAMESPACES = (
    ' xmlns:content="http://purl.org/rss/1.0/modules/content/"'
    ' xmlns:dc="http://purl.org/dc/elements/1.1/"'
    ' xmlns:atom="http://www.w3.org/2005/Atom"'
    ' xmlns:media="http://search.yahoo.com/mrss/"'
    ' xmlns:wfw="http://wellformedweb.org/CommentAPI/"'
    ' xmlns:slash="http://purl.org/rss/1.0/modules/slash/"'
)


def _attribute_value(rng: random.Random) -> str:
    value = rng.choice(_VALUES).replace("<![CDATA[", "").replace("]]>", "")
    return value.replace("&amp;", "&").replace("&", "&amp;").replace("<", "&lt;")


def _part(spec: str, rng: random.Random) -> str:
    if spec.startswith("@"):
        filled = spec[1:].replace("{}", "%s") % tuple(
            _attribute_value(rng) for _ in range(spec.count("{}"))
        )
        return f"<{filled}/>"
    name = spec.split()[0]
    value = rng.choice(_VALUES)
    if name == "author" and spec == "author" and rng.random() < 0.5:
        return f"<author><name>{value or 'x'}</name><email>w@example.com</email></author>"
    return f"<{spec}>{value}</{name}>"


def _shuffled_document(n: int, rng: random.Random) -> bytes:
    parts = _RSS_PARTS if n % 2 else _ATOM_PARTS
    items = []
    for _ in range(rng.randint(1, 4)):
        chosen = rng.sample(parts, rng.randint(1, 8))
        items.append("".join(_part(spec, rng) for spec in chosen))
    lang = rng.choice(("", ' xml:lang="ar"'))
    title = rng.choice(_VALUES)
    if n % 2:
        body = "".join(f"<item>{item}</item>" for item in items)
        language = rng.choice(("", "<language>ar</language>", "<language>en_US</language>"))
        text = (
            f'<rss version="2.0"{lang}{_NAMESPACES}><channel><title>{title}</title>'
            f"<link>{rng.choice(_VALUES)}</link>{language}{body}</channel></rss>"
        )
    else:
        body = "".join(f"<entry>{item}</entry>" for item in items)
        text = (
            f'<feed xmlns="http://www.w3.org/2005/Atom"{lang}><title>{title}</title>'
            f"<id>{rng.choice(_VALUES)}</id><icon>{rng.choice(_VALUES)}</icon>{body}</feed>"
        )
    return ('<?xml version="1.0" encoding="utf-8"?>' + text).encode()


def test_it_agrees_on_feeds_with_their_elements_shuffled() -> None:
    rng = random.Random(2026)
    documents = [Document(f"shuffled {n}", _shuffled_document(n, rng)) for n in range(600)]
    found = compare(documents)
    _assert_agrees(found)
    assert found.taken >= 100, found.line()
