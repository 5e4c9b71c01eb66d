"""The bundled demo and default subscriptions: offline, self-contained and well-formed.

The demo is what a new user sees first, and it must never touch the network: every
address points at the local demo host, and everything it references ships with it.
"""

from __future__ import annotations

import importlib.util
import re
import struct
from collections import defaultdict
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType
from xml.etree import ElementTree as ET

import pytest

from newsreader.fetch.opml import read_opml
from newsreader.fetch.parse import parse_feed

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
DEMO = RESOURCES / "demo"
BASE = "https://demo.newsreader.invalid/"

FEEDS = sorted((DEMO / "feeds").iterdir())
COMMENT_FEEDS = sorted((DEMO / "comments").iterdir())
XML_FILES = [*FEEDS, *COMMENT_FEEDS, DEMO / "demo.opml"]

ATOM = "{http://www.w3.org/2005/Atom}"
THR = "{http://purl.org/syndication/thread/1.0}"
MEDIA = "{http://search.yahoo.com/mrss/}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}"
WFW = "{http://wellformedweb.org/CommentAPI/}"
SLASH = "{http://purl.org/rss/1.0/modules/slash/}"

ANY_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*://[^\s\"'<>]+")
HTML_REF = re.compile(r"""(?:src|href)\s*=\s*["']([^"']*)["']""", re.IGNORECASE)
ARABIC = re.compile("[\u0600-\u06ff]")


def ids(paths: list[Path]) -> list[str]:
    return [p.relative_to(DEMO).as_posix() for p in paths]


def root_of(path: Path) -> ET.Element:
    return ET.parse(path).getroot()


def items(path: Path) -> list[ET.Element]:
    """RSS items or Atom entries of one feed file."""
    root = root_of(path)
    return root.findall("channel/item") if root.tag == "rss" else root.findall(f"{ATOM}entry")


def local_file(url: str) -> Path:
    assert url.startswith(BASE), url
    return DEMO / url.removeprefix(BASE).split("#", 1)[0]


def strings(root: ET.Element) -> Iterator[str]:
    """Every attribute value and text of a document (namespace URIs are not among them)."""
    for element in root.iter():
        yield from element.attrib.values()
        if element.text:
            yield element.text


def html_bodies(path: Path) -> list[str]:
    root = root_of(path)
    if root.tag == "rss":
        return [e.text or "" for e in root.iter(f"{CONTENT}encoded")]
    return [e.text or "" for e in root.iter(f"{ATOM}content")]


# ------------------------------------------------------------------ shape


def test_the_demo_has_four_feeds_and_comment_feeds() -> None:
    assert len(FEEDS) >= 4
    assert len(COMMENT_FEEDS) >= 4
    assert {p.suffix for p in COMMENT_FEEDS} == {".xml", ".atom"}


@pytest.mark.parametrize("path", XML_FILES, ids=ids(XML_FILES))
def test_well_formed_xml(path: Path) -> None:
    root = root_of(path)
    assert root.tag in ("rss", f"{ATOM}feed", "opml")


@pytest.mark.parametrize("path", FEEDS + COMMENT_FEEDS, ids=ids(FEEDS + COMMENT_FEEDS))
def test_the_feed_parser_reads_every_entry_without_complaint(path: Path) -> None:
    url = BASE + path.relative_to(DEMO).as_posix()
    parsed = parse_feed(path.read_bytes(), url=url)
    assert parsed.warning is None
    assert parsed.title
    assert len(parsed.entries) == len(items(path))


def test_feed_sizes() -> None:
    sizes = {p.name: len(items(p)) for p in FEEDS}
    assert sizes["ar-world.xml"] >= 12
    assert sizes["ar-sport-culture.atom"] >= 8
    assert sizes["en-tech.xml"] >= 10
    assert sizes["mixed-markets.xml"] >= 8


# ------------------------------------------------------------------ offline and self-contained


@pytest.mark.parametrize("path", XML_FILES, ids=ids(XML_FILES))
def test_every_url_is_on_the_demo_host(path: Path) -> None:
    for value in strings(root_of(path)):
        for url in ANY_URL.findall(value):
            assert url.startswith(BASE), f"{url} in {path.name}"
        for ref in HTML_REF.findall(value):
            assert ref.startswith(BASE), f"{ref!r} in {path.name}"


def referenced_files() -> Iterator[tuple[str, str]]:
    """(what, url) for everything the demo expects to find in this folder."""
    for path in FEEDS:
        root = root_of(path)
        for element in root.iter(f"{MEDIA}content"):
            yield "image", element.attrib["url"]
        for element in [*root.iter("url"), *root.iter(f"{ATOM}icon"), *root.iter(f"{ATOM}logo")]:
            yield "icon", element.text or ""
        for body in html_bodies(path):
            for src in re.findall(r"""<img[^>]+src=["']([^"']+)""", body):
                yield "inline image", src
        for element in root.iter(f"{WFW}commentRss"):
            yield "comment feed", element.text or ""
        for link in root.iter(f"{ATOM}link"):
            if link.get("rel") == "replies" and link.get("type") == "application/atom+xml":
                yield "comment feed", link.attrib["href"]
        for url, _kind in enclosures(root):
            yield "enclosure", url
    for outline in read_opml((DEMO / "demo.opml").read_bytes()):
        yield "feed", outline.url


def enclosures(root: ET.Element) -> list[tuple[str, str]]:
    found = [(e.attrib["url"], e.attrib["type"]) for e in root.iter("enclosure")]
    found += [
        (link.attrib["href"], link.attrib["type"])
        for link in root.iter(f"{ATOM}link")
        if link.get("rel") == "enclosure"
    ]
    return found


def test_referenced_files_exist() -> None:
    refs = list(referenced_files())
    kinds = {kind for kind, _ in refs}
    assert kinds == {"image", "icon", "inline image", "comment feed", "enclosure", "feed"}
    missing = [(kind, url) for kind, url in refs if not local_file(url).is_file()]
    assert missing == []


def test_every_comment_feed_is_referenced() -> None:
    referenced = {local_file(url) for kind, url in referenced_files() if kind == "comment feed"}
    assert referenced == set(COMMENT_FEEDS)


def test_enclosure_lengths_of_shipped_files_are_exact() -> None:
    for path in FEEDS:
        root = root_of(path)
        for element in [*root.iter("enclosure"), *root.iter(f"{ATOM}link")]:
            url = element.get("url") or element.get("href") or ""
            if element.get("length"):
                assert int(element.attrib["length"]) == local_file(url).stat().st_size, url


# ------------------------------------------------------------------ content


def test_arabic_and_english_items() -> None:
    titles = [item_title(item) for path in FEEDS for item in items(path)]
    arabic = [t for t in titles if ARABIC.search(t)]
    english = [t for t in titles if not ARABIC.search(t)]
    assert len(arabic) >= 20
    assert len(english) >= 10
    mixed = [item_title(item) for item in items(DEMO / "feeds" / "mixed-markets.xml")]
    assert any(ARABIC.search(t) for t in mixed)
    assert any(not ARABIC.search(t) for t in mixed)


def item_title(item: ET.Element) -> str:
    return item.findtext("title") or item.findtext(f"{ATOM}title") or ""


def categories(item: ET.Element) -> list[str]:
    rss = [c.text or "" for c in item.findall("category")]
    return rss + [c.attrib["term"] for c in item.findall(f"{ATOM}category")]


def test_topics_span_several_feeds() -> None:
    feeds_by_topic: dict[str, set[str]] = defaultdict(set)
    for path in FEEDS:
        for item in items(path):
            for name in categories(item):
                feeds_by_topic[name].add(path.name)
    shared = {name for name, feeds in feeds_by_topic.items() if len(feeds) >= 2}
    assert {"الاقتصاد", "التكنولوجيا", "الطقس", "الصحة"} <= shared
    assert {"Economy", "Technology"} <= shared
    assert len(feeds_by_topic["الطقس"]) >= 3


def test_every_item_has_a_lead_a_body_and_a_quote() -> None:
    for path in FEEDS:
        for item in items(path):
            lead = item.findtext("description") or item.findtext(f"{ATOM}summary")
            body = item.findtext(f"{CONTENT}encoded") or item.findtext(f"{ATOM}content") or ""
            assert lead, item_title(item)
            assert 3 <= body.count("<p>") <= 8, item_title(item)
            assert re.search("<blockquote>|«|“", body), item_title(item)


def test_some_items_name_their_source() -> None:
    bodies = [body for path in FEEDS for body in html_bodies(path)]
    assert sum("<p>المصدر: " in body for body in bodies) >= 5
    assert sum("<p>Source: " in body for body in bodies) >= 3


def test_most_items_carry_a_credited_image() -> None:
    all_items = [item for path in FEEDS for item in items(path)]
    credited = [
        item
        for item in all_items
        if (media := item.find(f"{MEDIA}content")) is not None
        and media.get("medium") == "image"
        and (media.findtext(f"{MEDIA}credit") or "").strip()
    ]
    assert len(credited) >= 0.75 * len(all_items)


def test_video_and_audio_enclosures() -> None:
    kinds = [kind for path in FEEDS for _, kind in enclosures(root_of(path))]
    assert "video/mp4" in kinds
    assert any(kind.startswith("audio/") for kind in kinds)


def test_dates_fall_in_late_november_2026() -> None:
    start, end = datetime(2026, 11, 23, tzinfo=UTC), datetime(2026, 12, 1, tzinfo=UTC)
    for path in FEEDS + COMMENT_FEEDS:
        url = BASE + path.relative_to(DEMO).as_posix()
        for entry in parse_feed(path.read_bytes(), url=url).entries:
            assert entry.published is not None
            assert start <= entry.published < end, (path.name, entry.title)


# ------------------------------------------------------------------ comments


def announced_comment_counts() -> Iterator[tuple[str, int]]:
    """(comment feed URL, count the article announces) for every commented item."""
    for path in FEEDS:
        for item in items(path):
            feed_url = item.findtext(f"{WFW}commentRss")
            if feed_url:
                yield feed_url, int(item.findtext(f"{SLASH}comments") or "-1")
                assert item.findtext("comments"), "an RSS item with comments names their page"
            for link in item.findall(f"{ATOM}link"):
                if link.get("rel") == "replies" and link.get("type") == "application/atom+xml":
                    yield link.attrib["href"], int(link.attrib[f"{THR}count"])


def test_comment_counts_match_the_comment_feeds() -> None:
    announced = list(announced_comment_counts())
    assert len(announced) >= 4
    for url, count in announced:
        assert len(items(local_file(url))) == count, url


def test_rss_comment_feeds_look_like_wordpress() -> None:
    dc_creator = "{http://purl.org/dc/elements/1.1/}creator"
    for path in (p for p in COMMENT_FEEDS if p.suffix == ".xml"):
        for item in items(path):
            assert item.findtext(dc_creator)
            assert item.findtext("pubDate")
            assert item.findtext(f"{CONTENT}encoded") or item.findtext("description")


def test_an_arabic_article_has_an_english_comment() -> None:
    feed = DEMO / "comments" / "ar-world-3.xml"
    comments = [item.findtext("description") or "" for item in items(feed)]
    assert any(ARABIC.search(c) for c in comments)
    assert any(not ARABIC.search(c) for c in comments)


def article_ids() -> set[str]:
    return {entry.findtext(f"{ATOM}id") or "" for path in FEEDS for entry in items(path)}


@pytest.mark.parametrize(
    "path",
    [p for p in COMMENT_FEEDS if p.suffix == ".atom"],
    ids=ids([p for p in COMMENT_FEEDS if p.suffix == ".atom"]),
)
def test_atom_comment_threads_resolve_and_nest_three_deep(path: Path) -> None:
    articles = article_ids()
    parent: dict[str, str] = {}
    for entry in items(path):
        reply_to = entry.find(f"{THR}in-reply-to")
        assert reply_to is not None
        parent[entry.findtext(f"{ATOM}id") or ""] = reply_to.attrib["ref"]
    roots = {ref for ref in parent.values() if ref not in parent}
    assert len(roots) == 1
    assert roots <= articles

    def depth(comment: str) -> int:
        return 1 if parent[comment] in roots else 1 + depth(parent[comment])

    assert max(depth(c) for c in parent) == 3


# ------------------------------------------------------------------ subscription lists


def test_demo_opml_lists_every_demo_feed_in_two_folders() -> None:
    outlines = read_opml((DEMO / "demo.opml").read_bytes())
    assert {local_file(o.url) for o in outlines} == set(FEEDS)
    assert {o.folder for o in outlines} == {"أخبار عربية", "English news"}
    assert all(o.title for o in outlines)


def test_default_subscriptions_are_real_feeds_arabic_first() -> None:
    outlines = read_opml((RESOURCES / "default-subscriptions.opml").read_bytes())
    assert 10 <= len(outlines) <= 16
    folders = [o.folder for o in outlines]
    assert folders[0] == "أخبار عربية"
    assert folders[-1] == "English news"
    assert folders == sorted(folders, key=lambda f: f != "أخبار عربية")
    for outline in outlines:
        assert outline.url.startswith("https://")
        assert not outline.url.startswith(BASE)
        assert outline.title
    arabic_titles = [o.title for o in outlines if o.folder == "أخبار عربية"]
    assert all(title and ARABIC.search(title) for title in arabic_titles)


# ------------------------------------------------------------------ images


IMAGES = sorted((DEMO / "images").glob("*.png"))


def test_image_count() -> None:
    assert 6 <= len(IMAGES) <= 10


@pytest.mark.parametrize("path", IMAGES, ids=ids(IMAGES))
def test_images_are_small_pngs(path: Path) -> None:
    data = path.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) in ((640, 360), (128, 128))
    assert len(data) < 40 * 1024


def load_image_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_images", DEMO / "make_images.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_image_script_reproduces_the_committed_icon() -> None:
    script = load_image_script()
    assert set(script.SCENES) == {p.stem for p in IMAGES}
    assert script.SCENES["logo"]().png() == (DEMO / "images" / "logo.png").read_bytes()
