"""feedparser as Newsreader runs it: the buffered XML reader and the list table.

Both changes are about speed only, so the tests check that they are in force and
that every feed parses to exactly what the standard configuration gives.
"""

from __future__ import annotations

import copy
import xml.sax
from pathlib import Path

import feedparser.api
import feedparser.mixin
import feedparser.util
import pytest

from newsreader.fetch import feedparser_setup
from newsreader.fetch.parse import parse_feed

FIXTURES = Path(__file__).parent.parent / "fixtures"
FEED_FILES = sorted(
    p
    for p in [*(FIXTURES / "feeds").iterdir(), *(FIXTURES / "comments").iterdir()]
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


@pytest.mark.parametrize("path", FEED_FILES, ids=lambda p: p.name)
def test_every_fixture_parses_as_with_standard_feedparser(path: Path) -> None:
    data = path.read_bytes()
    url = f"https://example.test/{path.name}"
    ours = parse_feed(data, url=url)
    with standard_feedparser():
        standard = parse_feed(data, url=url)
    assert ours == standard
