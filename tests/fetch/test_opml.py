"""OPML import and export: the dialects other readers write, hostile files, round trips."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from xml.etree import ElementTree as ET

import listparser
import pytest

from newsreader.core.errors import OPMLError
from newsreader.fetch.opml import OutlineFeed, read_opml, write_opml

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "opml"


def read_fixture(name: str) -> list[OutlineFeed]:
    return read_opml((FIXTURES / name).read_bytes())


# ------------------------------------------------------------------ dialects


def test_feedly_export_keeps_folders_and_drops_the_duplicate() -> None:
    feeds = read_fixture("feedly.opml")
    assert feeds == [
        OutlineFeed(
            "https://orbit.example.org/feed/",
            "Orbit Weekly",
            "https://orbit.example.org",
            "Science",
        ),
        OutlineFeed(
            "https://notes.example.net/rss.xml",
            "Field Notes",
            "https://notes.example.net/",
            "Science",
        ),
        OutlineFeed(
            "https://masa.example.com/ar/rss",
            "نشرة المساء",
            "https://masa.example.com/ar/",
            "أخبار",
        ),
    ]


def test_inoreader_export() -> None:
    feeds = read_fixture("inoreader.xml")
    assert [(f.title, f.folder) for f in feeds] == [
        ("Circuit Daily", "Tech"),
        ("Coastal Forecasts", "Weather desk"),
        ("Mountain Forecasts", "Weather desk"),
    ]
    assert feeds[0].url == "https://circuit.example.com/atom.xml"


def test_netnewswire_export_mixes_top_level_feeds_and_folders() -> None:
    feeds = read_fixture("netnewswire.opml")
    assert [(f.url, f.title, f.folder) for f in feeds] == [
        ("https://harbour.example.net/feed.xml", "Harbour Log", None),
        ("https://stage.example.com/index.xml", "Stage & Screen", "Culture"),
        ("https://funun.example.org/feed", "ثقافة وفنون", "Culture"),
    ]


def test_thunderbird_export_ignores_namespaced_options_and_joins_nested_folders() -> None:
    feeds = read_fixture("thunderbird.opml")
    assert feeds == [
        OutlineFeed(
            "https://markets.example.com/wrap.xml",
            "Market Wrap",
            "https://markets.example.com/",
            "Blogs & News Feeds / Economy",
        ),
        OutlineFeed(
            "https://town.example.org/notices.atom",
            "Town Hall Notices",
            "https://town.example.org/",
            "Blogs & News Feeds",
        ),
    ]


def test_lenient_attributes() -> None:
    feeds = read_fixture("lenient.opml")
    assert feeds == [
        OutlineFeed(
            "https://lower.example.com/feed",
            "Lower case attributes",
            "https://lower.example.com/",
        ),
        OutlineFeed("https://upper.example.com/feed", "Title only"),
        OutlineFeed("https://bare.example.com/feed"),
        OutlineFeed("https://same-as-url.example.com/feed"),
    ]


def test_text_wins_over_title_when_both_differ() -> None:
    data = (
        b'<opml version="2.0"><body>'
        b'<outline text="Shown" title="Other" xmlUrl="https://t.example.com/f"/>'
        b"</body></opml>"
    )
    assert read_opml(data)[0].title == "Shown"


def test_nested_arabic_folders_are_joined_from_the_top() -> None:
    feeds = read_fixture("nested-arabic.opml")
    assert [(f.title, f.folder) for f in feeds] == [
        ("دوري الأحياء", "أخبار / رياضة / كرة القدم"),
        ("ملاعب", "أخبار / رياضة"),
        ("الصباح", "أخبار"),
        ("بلا مجلد", None),
    ]


def test_utf16_document_is_read() -> None:
    text = (
        '<?xml version="1.0" encoding="UTF-16"?><opml version="2.0"><body>'
        '<outline text="الطقس اليوم" xmlUrl="https://taqs.example.com/rss"/></body></opml>'
    )
    feeds = read_opml(text.encode("utf-16"))
    assert feeds == [OutlineFeed("https://taqs.example.com/rss", "الطقس اليوم")]


def test_empty_body_gives_no_feeds() -> None:
    assert read_opml(b'<opml version="2.0"><head/><body/></opml>') == []


# ------------------------------------------------------------------ refusals


@pytest.mark.parametrize("name", ["billion-laughs.opml", "external-entity.opml"])
def test_entity_declarations_are_refused(name: str) -> None:
    with pytest.raises(OPMLError, match="entities"):
        read_fixture(name)


def test_external_parameter_entity_is_refused() -> None:
    data = (
        b'<!DOCTYPE opml [<!ENTITY % remote SYSTEM "http://127.0.0.1:9/x.dtd"> %remote;]>'
        b'<opml version="2.0"><body/></opml>'
    )
    with pytest.raises(OPMLError, match="entities"):
        read_opml(data)


def test_external_dtd_is_never_loaded(tmp_path: Path) -> None:
    dtd = tmp_path / "opml.dtd"
    dtd.write_text('<!ENTITY greeting "loaded from the DTD">', encoding="utf-8")
    data = (
        f'<!DOCTYPE opml SYSTEM "{dtd.as_uri()}"><opml version="2.0"><body>'
        '<outline text="say &greeting;" xmlUrl="https://dtd.example.com/f"/></body></opml>'
    ).encode()
    feeds = read_opml(data)
    assert feeds[0].url == "https://dtd.example.com/f"
    assert "loaded" not in (feeds[0].title or "")


def test_plain_doctype_without_entities_is_accepted() -> None:
    data = (
        b'<!DOCTYPE opml><opml version="2.0"><body>'
        b'<outline text="T" xmlUrl="https://d.example.com/f"/></body></opml>'
    )
    assert read_opml(data) == [OutlineFeed("https://d.example.com/f", "T")]


def test_other_xml_is_not_opml() -> None:
    with pytest.raises(OPMLError, match=r"not an OPML document.*<rss>"):
        read_fixture("not-opml.xml")


@pytest.mark.parametrize(
    "data",
    [b"", b"just some text", b"<html><body><p>a page</body></html>"],
)
def test_non_xml_is_refused(data: bytes) -> None:
    with pytest.raises(OPMLError, match="not valid XML"):
        read_opml(data)


def test_broken_xml_names_the_line() -> None:
    with pytest.raises(OPMLError, match=r"line \d+"):
        read_fixture("broken.opml")


def test_opml_without_body_is_refused() -> None:
    with pytest.raises(OPMLError, match="no <body>"):
        read_opml(b'<opml version="2.0"><head><title>x</title></head></opml>')


# ------------------------------------------------------------------ writing


FEEDS = [
    OutlineFeed("https://a.example.com/rss", "الأفق", "https://a.example.com/", "أخبار عربية"),
    OutlineFeed("https://b.example.com/atom", "نشرة الطقس", None, "أخبار عربية"),
    OutlineFeed("https://c.example.com/feed", "Orbit Weekly", "https://c.example.com", "Science"),
    OutlineFeed("https://d.example.com/rss", "Deep", None, "Science / Space"),
    OutlineFeed("https://e.example.com/rss", "Loose & free <feed>"),
    OutlineFeed("https://f.example.com/rss"),
]


def test_round_trip_keeps_feeds_folders_and_arabic_titles() -> None:
    assert read_opml(write_opml(FEEDS)) == FEEDS


def test_round_trip_groups_scattered_folders() -> None:
    scattered = [FEEDS[0], FEEDS[2], FEEDS[1]]
    assert sorted(read_opml(write_opml(scattered)), key=lambda f: f.url) == sorted(
        scattered, key=lambda f: f.url
    )


def test_export_shape() -> None:
    created = datetime(2026, 11, 28, 9, 30, tzinfo=UTC)
    data = write_opml(FEEDS, title="قائمتي", created=created)
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n')
    assert "الأفق".encode() in data  # real UTF-8, not character references
    root = ET.fromstring(data)
    assert root.tag == "opml"
    assert root.get("version") == "2.0"
    assert root.findtext("head/title") == "قائمتي"
    assert root.findtext("head/dateCreated") == "Sat, 28 Nov 2026 09:30:00 GMT"
    folder = root.find("body/outline")
    assert folder is not None
    assert (folder.get("text"), folder.get("title"), folder.get("xmlUrl")) == (
        "أخبار عربية",
        "أخبار عربية",
        None,
    )
    first = folder[0]
    assert first.attrib == {
        "type": "rss",
        "text": "الأفق",
        "title": "الأفق",
        "xmlUrl": "https://a.example.com/rss",
        "htmlUrl": "https://a.example.com/",
    }
    assert root.find("body/outline[@text='Science']/outline[@text='Space']/outline") is not None


def test_export_is_pretty_printed() -> None:
    lines = write_opml(FEEDS[:1]).decode().splitlines()
    assert '    <outline text="أخبار عربية" title="أخبار عربية">' in lines


def test_untitled_feed_is_written_with_its_url_as_text() -> None:
    root = ET.fromstring(write_opml([OutlineFeed("https://f.example.com/rss")]))
    outline = root.find("body/outline")
    assert outline is not None
    assert outline.get("text") == "https://f.example.com/rss"
    assert outline.get("title") is None


def test_export_strips_characters_xml_cannot_hold() -> None:
    data = write_opml([OutlineFeed("https://g.example.com/rss", "bell\x07 title", folder="x\x00y")])
    assert read_opml(data) == [OutlineFeed("https://g.example.com/rss", "bell title", None, "xy")]


def test_export_default_title_and_current_date() -> None:
    root = ET.fromstring(write_opml([]))
    assert root.findtext("head/title") == "Newsreader subscriptions"
    assert str(datetime.now(UTC).year) in (root.findtext("head/dateCreated") or "")


def test_another_readers_opml_parser_reads_our_export() -> None:
    """listparser (the OPML reader of several feed readers) sees every feed and folder."""
    result = listparser.parse(write_opml(FEEDS))
    assert not result.bozo
    found = {f.url: (f.title, [" / ".join(path) for path in f.categories]) for f in result.feeds}
    assert found == {
        feed.url: (feed.title or feed.url, [feed.folder] if feed.folder else []) for feed in FEEDS
    }
