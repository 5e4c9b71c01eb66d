"""feedparser as Newsreader runs it: the buffered XML reader and the list table.

Both changes are about speed only, so the tests check that they are in force and
that every feed parses to exactly what the standard configuration gives.
"""

from __future__ import annotations

import base64
import copy
import io
import xml.sax
import xml.sax.expatreader
import xml.sax.handler
from pathlib import Path

import feedparser.api
import feedparser.mixin
import feedparser.util
import pytest

from newsreader.core.errors import ParseError
from newsreader.fetch import feedparser_setup
from newsreader.fetch.parse import _decoded_as_expected, parse_feed

FIXTURES = Path(__file__).parent.parent / "fixtures"
DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo"
FEED_FILES = sorted(
    p
    for folder in (FIXTURES / "feeds", FIXTURES / "comments", DEMO / "feeds", DEMO / "comments")
    for p in folder.iterdir()
    if p.suffix in {".xml", ".rss", ".atom"}
)


#: feedparser as it comes, for the length of a ``with`` block.
standard_feedparser = feedparser_setup.unconfigured


def test_parsing_runs_with_both_changes() -> None:
    assert feedparser_setup.is_configured()
    reader = xml.sax.make_parser(feedparser.api.PREFERRED_XML_PARSERS)
    assert isinstance(reader, feedparser_setup.BufferedExpatReader)


def test_configure_twice_changes_nothing() -> None:
    table = feedparser.mixin._cp1252
    preferred = list(feedparser.api.PREFERRED_XML_PARSERS)
    feedparser_setup.configure()
    assert feedparser.mixin._cp1252 is table
    assert preferred == feedparser.api.PREFERRED_XML_PARSERS


def test_unconfigured_is_feedparser_as_it_comes_for_a_while() -> None:
    dict_class = feedparser.util.FeedParserDict
    with feedparser_setup.unconfigured():
        assert not feedparser_setup.is_configured()
        assert feedparser.mixin._cp1252 is feedparser_setup.original_table()
        assert "__deepcopy__" not in vars(dict_class)
        reader = xml.sax.make_parser(feedparser.api.PREFERRED_XML_PARSERS)
        assert not isinstance(reader, feedparser_setup.BufferedExpatReader)
        assert feedparser.mixin._urljoin("", "") == ""
    assert feedparser_setup.is_configured()
    assert "__deepcopy__" in vars(dict_class)


def test_the_list_table_translates_every_character_as_the_dict_did() -> None:
    original = feedparser_setup.original_table()
    assert original is not None and len(original) > 20
    table = feedparser.mixin._cp1252
    everything = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    assert everything.translate(table) == everything.translate(original)
    # The point of the table: windows-1252 leftovers become what the publisher meant.
    assert "\x93quoted\x94 \x80".translate(table) == "\u201cquoted\u201d \u20ac"


def test_deep_copies_of_feedparser_dicts_are_equal_and_independent() -> None:
    dict_class = feedparser.util.FeedParserDict
    params = dict_class({"type": "text/html", "language": "ar", "base": "", "base64": 0})
    copied = copy.deepcopy(params)
    assert type(copied) is dict_class and copied == params and copied is not params
    copied["type"] = "text/plain"
    assert params["type"] == "text/html"
    nested = dict_class({"tags": [dict_class({"term": "سياسة"})], "title": "عنوان"})
    nested_copy = copy.deepcopy(nested)
    assert nested_copy == nested
    assert nested_copy["tags"] is not nested["tags"]
    assert nested_copy["tags"][0] is not nested["tags"][0]
    with standard_feedparser():
        assert copy.deepcopy(nested) == nested_copy


def _lookups(entry: feedparser.util.FeedParserDict) -> list[object]:
    """Every kind of key feedparser answers specially, aliases, or stores plainly."""
    answers: list[object] = []
    for key in (
        "title",
        "missing",
        "category",
        "enclosures",
        "license",
        "updated",
        "updated_parsed",
        "description",
        "guid",
        "url",
        "channel",
        "date",
    ):
        answers.append(entry.get(key, "default"))
        answers.append(key in entry)
        try:
            answers.append(entry[key])
        except (KeyError, IndexError) as exc:
            answers.append(type(exc))
    return answers


def test_lookups_answer_as_feedparser_does() -> None:
    dict_class = feedparser.util.FeedParserDict
    links = [
        dict_class(
            {"rel": "enclosure", "href": "https://example.test/a.mp3", "type": "audio/mpeg"}
        ),
        dict_class({"rel": "license", "href": "https://example.test/licence"}),
    ]
    entries = [
        dict_class(
            {
                "title": "خبر",
                "tags": [dict_class({"term": "رياضة"})],
                "links": links,
                "published": "2026-11-25",
                "published_parsed": (2026, 11, 25),
                "summary": "ملخص",
                "id": "guid-1",
                "href": "https://example.test/",
            }
        ),
        dict_class(
            {
                "title": "news",
                "tags": [],
                "links": [],
                "updated": "2026-11-24",
                "subtitle": "sub",
                "feed": dict_class(),
            }
        ),
    ]
    with pytest.warns(DeprecationWarning):  # feedparser's own notice for "updated"
        ours = [_lookups(e) for e in entries]
    with standard_feedparser(), pytest.warns(DeprecationWarning):
        standard = [_lookups(e) for e in entries]
    assert ours == standard
    assert entries[0]["guid"] == "guid-1" and entries[1].get("description") == "sub"


def test_setdefault_stores_as_feedparser_does() -> None:
    dict_class = feedparser.util.FeedParserDict

    def fill() -> list[dict[str, object]]:
        filled = []
        for key in ("title", "description", "guid", "url", "category"):
            entry = dict_class({"title": "قائم", "tags": [dict_class({"term": "سياسة"})]})
            entry.setdefault(key, "جديد")
            filled.append(dict(entry))
        return filled

    ours = fill()
    with standard_feedparser():
        assert fill() == ours


def test_joining_empty_urls_answers_as_feedparser_does() -> None:
    joined = [
        feedparser.mixin._urljoin(base, uri)
        for base in ("", "https://example.test/a/")
        for uri in ("", "b.xml", "http:///x")
    ]
    with standard_feedparser():
        standard = [
            feedparser.mixin._urljoin(base, uri)
            for base in ("", "https://example.test/a/")
            for uri in ("", "b.xml", "http:///x")
        ]
    assert joined == standard


def test_a_table_of_unexpected_shape_is_refused() -> None:
    with pytest.raises(ValueError):
        feedparser_setup.translation_table({0x41: "too long"})
    with pytest.raises(ValueError):
        feedparser_setup.translation_table({0x110000: "x"})


class _CountingHandler(xml.sax.handler.ContentHandler):
    def __init__(self) -> None:
        super().__init__()
        self.pieces: list[str] = []

    def characters(self, content: str) -> None:
        self.pieces.append(content)


def test_the_reader_delivers_a_run_of_text_in_one_piece() -> None:
    lines = "\n".join(f"سطر {n} &amp; line {n}" for n in range(50))
    document = f"<root><p>{lines}</p></root>".encode()
    handler = _CountingHandler()
    reader = feedparser_setup.create_parser()
    reader.setContentHandler(handler)
    reader.feed(document)
    reader.close()
    assert len(handler.pieces) == 1
    assert handler.pieces[0] == lines.replace("&amp;", "&")


class _RecordingHandler(xml.sax.handler.ContentHandler):
    def __init__(self) -> None:
        super().__init__()
        self.events: list[tuple[object, ...]] = []

    def startElementNS(self, name: object, qname: object, attrs: object) -> None:
        items = list(attrs.items())  # type: ignore[attr-defined]
        qnames = list(attrs.getQNames())  # type: ignore[attr-defined]
        self.events.append(("start", name, qname, tuple(items), tuple(qnames)))

    def endElementNS(self, name: object, qname: object) -> None:
        self.events.append(("end", name, qname))


def test_the_reader_reports_elements_as_the_standard_reader_does() -> None:
    document = (
        b'<rss xmlns:dc="http://purl.org/dc/elements/1.1/" version="2.0">'
        b"<channel><item><title>t</title><dc:creator>c</dc:creator>"
        b'<feed xmlns="http://www.w3.org/2005/Atom"><entry><link href="/a" rel="alternate"/>'
        b'<content xml:lang="ar" type="html">x</content></entry></feed>'
        b'<guid isPermaLink="false">g</guid></item><item><title>u</title></item>'
        b"</channel></rss>"
    )
    recorded = []
    for reader in (feedparser_setup.create_parser(), xml.sax.expatreader.create_parser()):
        reader.setFeature(xml.sax.handler.feature_namespaces, True)
        handler = _RecordingHandler()
        reader.setContentHandler(handler)
        reader.feed(document)
        reader.close()
        recorded.append(handler.events)
    ours, standard = recorded
    assert ours == standard
    assert ("start", ("http://www.w3.org/2005/Atom", "entry"), None, (), ()) in ours


#: How servers label feeds: nothing, a bare text type, the right charset, a wrong one.
CONTENT_TYPES = [
    None,
    "text/xml",
    "application/rss+xml; charset=utf-8",
    "text/xml; charset=iso-8859-1",
    "application/atom+xml; charset=windows-1256",
]


@pytest.mark.parametrize("content_type", CONTENT_TYPES)
@pytest.mark.parametrize("path", FEED_FILES, ids=lambda p: p.name)
def test_every_fixture_parses_as_with_standard_feedparser(
    path: Path, content_type: str | None
) -> None:
    # Every fixture is a feed, however labelled: neither configuration may refuse it.
    data = path.read_bytes()
    url = f"https://example.test/{path.name}"
    ours = parse_feed(data, url=url, content_type=content_type)
    with standard_feedparser():
        standard = parse_feed(data, url=url, content_type=content_type)
    assert ours == standard


NOT_A_FEED = "This document is not an RSS or Atom feed."


@pytest.mark.parametrize(
    ("document", "message"),
    [
        (
            (FIXTURES / "feeds" / "html_page.html").read_bytes(),
            "This address is a web page, not an RSS or Atom feed.",
        ),
        (b"", "The server sent an empty document instead of a feed."),
        (b"hello", NOT_A_FEED),
        (b"\x00\xff\xfe<rss", NOT_A_FEED),
        (b'{"version": "https://jsonfeed.org/version/1"}', NOT_A_FEED),
    ],
    ids=["web page", "empty", "text", "binary", "json"],
)
def test_what_is_not_a_feed_is_refused_alike(document: bytes, message: str) -> None:
    url = "https://example.test/feed"
    with pytest.raises(ParseError) as ours:
        parse_feed(document, url=url)
    with standard_feedparser(), pytest.raises(ParseError) as standard:
        parse_feed(document, url=url)
    for refusal in (ours.value, standard.value):
        assert (type(refusal), str(refusal), refusal.__cause__) == (ParseError, message, None)


def _rss(item_xml: str, declaration: str = '<?xml version="1.0" encoding="utf-8"?>') -> bytes:
    return (
        f'{declaration}<rss version="2.0"><channel><title>t</title>'
        f"<item><guid>g</guid>{item_xml}</item></channel></rss>"
    ).encode()


def test_pop_is_feedparsers_own_with_the_translation_switchable() -> None:
    pop = feedparser.mixin._FeedParserMixin.pop
    assert pop is not feedparser_setup._replaced[feedparser.mixin._FeedParserMixin, "pop"]
    # The switch proves itself on text that does hold a C1 character: told otherwise,
    # feedparser leaves it untranslated, which is why the bytes are checked first.
    data = _rss("<title>\u0093quoted\u0094</title>")
    assert feedparser.parse(io.BytesIO(data)).entries[0].title == "\u201cquoted\u201d"
    with feedparser_setup.c1_controls_absent():
        assert feedparser.parse(io.BytesIO(data)).entries[0].title == "\u0093quoted\u0094"
    with feedparser_setup.c1_controls_absent(False):
        assert feedparser.parse(io.BytesIO(data)).entries[0].title == "\u201cquoted\u201d"


def test_a_pop_that_translates_otherwise_is_left_alone() -> None:
    def pop(self: object, element: str, strip_whitespace: int = 1) -> str:
        return element.translate({}) + element.translate({})

    assert feedparser_setup._without_translation(pop) is None
    assert feedparser_setup._without_translation(feedparser.mixin._FeedParserMixin.pop) is None


@pytest.mark.parametrize(
    "document",
    [
        _rss("<title>\u0093quoted\u0094 \u0080 \u0645\u0642\u0627\u0644</title>"),
        _rss("<title>&#147;quoted&#148; &#x80;</title><description>&amp;#150; dash</description>"),
        _rss(
            "<title>caf\xe9 \x93quoted\x94</title>",
            '<?xml version="1.0" encoding="iso-8859-1"?>',
        )
        .replace("caf\xc3\xa9".encode(), b"caf\xe9")
        .replace(b"\xc2\x93", b"\x93")
        .replace(b"\xc2\x94", b"\x94"),
        _rss("<title>\u062e\u0628\u0631 \u0639\u0627\u062c\u0644</title>", ""),
    ],
    ids=["utf8-c1", "references", "latin-1", "arabic-undeclared"],
)
def test_c1_documents_parse_as_with_standard_feedparser(document: bytes) -> None:
    ours = parse_feed(document, url="https://example.test/feed")
    with standard_feedparser():
        standard = parse_feed(document, url="https://example.test/feed")
    assert ours == standard


def test_base64_content_takes_the_translating_path() -> None:
    encoded = base64.b64encode("\u0093quoted\u0094".encode()).decode()
    document = (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>t</title>'
        f'<entry><id>e</id><title>x</title><content type="text/plain" mode="base64">{encoded}'
        "</content></entry></feed>"
    ).encode()
    with feedparser_setup.c1_controls_absent():
        entry = feedparser.parse(io.BytesIO(document)).entries[0]
    assert entry.content[0].value == "\u201cquoted\u201d"


@pytest.mark.parametrize(
    ("data", "encoding", "expected"),
    [
        ("مقال".encode(), "utf-8", True),
        ("مقال".encode(), "UTF8", True),
        ("مقال".encode(), "windows-1256", False),
        ("مقال".encode(), "iso-8859-1", False),
        (b"plain", "us-ascii", True),
        (b"plain", "iso-8859-1", True),
        (b"plain", "windows-1252", True),
        (b"plain", "cp037", False),
        (b"plain", "", False),
        (b"plain", None, False),
        (b"plain", "no-such-codec", False),
    ],
)
def test_the_check_of_feedparsers_encoding(
    data: bytes, encoding: str | None, expected: bool
) -> None:
    assert _decoded_as_expected(data, encoding) is expected
