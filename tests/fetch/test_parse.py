"""Feed bytes to ParsedFeed: formats, identity, content, media, threads, safety."""

from __future__ import annotations

import hashlib
import socket
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsreader.core.errors import ParseError
from newsreader.core.parsed import ParsedEnclosure, ParsedEntry, ParsedFeed
from newsreader.core.search_text import entry_document
from newsreader.core.types import Direction
from newsreader.fetch.parse import parse_feed
from tests.helpers.feeds import long_arabic_items

FEEDS = Path(__file__).parent.parent / "fixtures" / "feeds"
RTL, LTR = Direction.RTL, Direction.LTR


def parse_fixture(name: str, url: str = "https://feeds.example.org/feed.xml") -> ParsedFeed:
    return parse_feed((FEEDS / name).read_bytes(), url=url)


def by_key(feed: ParsedFeed) -> dict[str, ParsedEntry]:
    return {entry.key: entry for entry in feed.entries}


# --- RSS 2.0 in Arabic --------------------------------------------------------------------


@pytest.fixture(scope="module")
def arabic() -> ParsedFeed:
    return parse_fixture("rss20_ar.xml", url="https://news.example.org/feed.xml")


def test_rss20_feed_level(arabic: ParsedFeed) -> None:
    assert arabic.title == "أخبار المدينة اليومية"
    assert arabic.link == "https://news.example.org/"
    assert arabic.language == "ar"
    assert arabic.icon_url == "https://news.example.org/static/logo.png"
    assert arabic.direction is RTL
    assert arabic.warning is None
    assert len(arabic.entries) == 3


def test_rss20_full_item(arabic: ParsedFeed) -> None:
    entry = arabic.entries[0]
    assert entry.key == "news-example-1001"
    assert entry.title == "افتتاح مكتبة عامة جديدة في وسط المدينة"
    assert entry.link == "https://news.example.org/2025/03/library"
    assert entry.author == "سلمى الراشد"
    assert entry.published == datetime(2025, 3, 4, 6, 30, tzinfo=UTC)
    assert entry.updated is None
    assert entry.language == "ar"
    assert entry.direction is RTL
    assert entry.categories == ("ثقافة", "مدن")


def test_rss20_content_is_the_longest_body_sanitized_and_resolved(arabic: ParsedFeed) -> None:
    entry = arabic.entries[0]
    assert entry.content_html is not None
    assert entry.content_html.startswith("<p>افتتحت البلدية صباح اليوم")
    assert "<b>يوميًا</b>" in entry.content_html
    # Relative to the article's own page.
    assert 'href="https://news.example.org/sections/kids"' in entry.content_html
    assert 'rel="noopener noreferrer nofollow"' in entry.content_html
    # The separate description is the summary, as plain text.
    assert entry.summary == "افتتحت البلدية صباح اليوم مكتبة عامة تضم آلاف الكتب."


def test_rss20_media(arabic: ParsedFeed) -> None:
    entry = arabic.entries[0]
    assert entry.enclosures == (
        ParsedEnclosure(
            url="https://news.example.org/video/library.mp4", type="video/mp4", length=1048576
        ),
        ParsedEnclosure(
            url="https://news.example.org/img/library.jpg", type="image/jpeg", medium="image"
        ),
    )
    assert entry.image_url == "https://news.example.org/img/library.jpg"
    assert entry.image_caption == "تصوير: فريق التحرير"


def test_rss20_comments(arabic: ParsedFeed) -> None:
    entry = arabic.entries[0]
    assert entry.comments_url == "https://news.example.org/2025/03/library#comments"
    assert entry.comments_feed_url == "https://news.example.org/2025/03/library/comments.rss"
    assert entry.comment_count == 12
    assert entry.in_reply_to is None


def test_rss20_item_without_guid(arabic: ParsedFeed) -> None:
    entry = arabic.entries[1]
    assert entry.key == "https://news.example.org/2025/03/rain"
    assert entry.published == datetime(2025, 3, 5, 18, 0, tzinfo=UTC)
    assert entry.summary == "تتوقع الأرصاد هطول أمطار غزيرة على المناطق الساحلية & الجبلية."
    assert entry.categories == ("طقس",)
    # An unreadable length is unknown, not an error.
    assert entry.enclosures == (
        ParsedEnclosure(url="https://news.example.org/audio/rain.mp3", type="audio/mpeg"),
    )
    assert entry.image_url == "https://news.example.org/img/rain-thumb.jpg"
    assert entry.image_caption is None
    assert entry.comment_count is None


def test_rss20_item_without_guid_or_link(arabic: ParsedFeed) -> None:
    entry = arabic.entries[2]
    assert entry.key.startswith("sha1:")
    assert len(entry.key) == len("sha1:") + 40
    assert entry.link is None
    assert entry.published is None
    # No media elements: the first image of the content, captioned by its figure.
    assert entry.image_url == "https://news.example.org/img/market.jpg"
    assert entry.image_caption == "الساحة بعد الترميم"
    # The description is the content too: the summary is its plain text.
    assert entry.summary == (
        "عاد الباعة إلى الساحة القديمة بعد انتهاء أعمال الترميم. الساحة بعد الترميم"
    )


def test_every_entry_carries_its_search_document(arabic: ParsedFeed) -> None:
    for item in arabic.entries:
        assert item.search_document == entry_document(
            item.title, item.summary, item.content_html, item.categories
        )
    assert any(surface for surface, _stems in arabic.entries[0].search_document or ())


def test_identities_and_hashes_are_stable_across_parses(arabic: ParsedFeed) -> None:
    again = parse_fixture("rss20_ar.xml", url="https://news.example.org/feed.xml")
    assert [e.key for e in again.entries] == [e.key for e in arabic.entries]
    assert [e.content_hash for e in again.entries] == [e.content_hash for e in arabic.entries]
    assert len({e.content_hash for e in arabic.entries}) == 3


def test_hash_identity_follows_title_and_content() -> None:
    def key_of(title: str, body: str) -> str:
        data = (
            '<rss version="2.0"><channel><title>t</title>'
            f"<item><title>{title}</title><description>{body}</description></item>"
            "</channel></rss>"
        ).encode()
        return parse_feed(data, url="https://x.example.org/f").entries[0].key

    expected = "sha1:" + hashlib.sha1("عنوانمتن".encode()).hexdigest()
    assert key_of("عنوان", "متن") == expected
    assert key_of("عنوان آخر", "متن") != expected
    assert key_of("عنوان", "متن آخر") != expected


def test_content_hash_changes_with_stored_fields() -> None:
    def entry(body: str, count: int) -> ParsedEntry:
        data = (
            '<rss version="2.0" xmlns:slash="http://purl.org/rss/1.0/modules/slash/">'
            "<channel><title>t</title><item><guid>g</guid><title>عنوان</title>"
            f"<description>{body}</description><slash:comments>{count}</slash:comments>"
            "</item></channel></rss>"
        ).encode()
        return parse_feed(data, url="https://x.example.org/f").entries[0]

    first = entry("متن", 1)
    assert entry("متن", 1).content_hash == first.content_hash
    assert entry("متن معدل", 1).content_hash != first.content_hash
    assert entry("متن", 2).content_hash != first.content_hash
    assert entry("متن معدل", 1).key == first.key


def test_duplicate_keys_keep_the_first_entry() -> None:
    data = (
        '<rss version="2.0"><channel><title>t</title>'
        "<item><guid>same</guid><title>الأول</title></item>"
        "<item><guid>same</guid><title>الثاني</title></item>"
        "<item><guid>other</guid><title>الثالث</title></item>"
        "</channel></rss>"
    ).encode()
    entries = parse_feed(data, url="https://x.example.org/f").entries
    assert [(e.key, e.title) for e in entries] == [("same", "الأول"), ("other", "الثالث")]


def test_a_guid_that_is_not_a_url_is_not_a_link() -> None:
    data = (
        b'<rss version="2.0"><channel><title>t</title>'
        b"<item><guid>item-42</guid><title>a</title></item>"
        b"<item><guid>https://x.example.org/p/43</guid><title>b</title></item>"
        b'<item><guid isPermaLink="false">https://x.example.org/p/44</guid><title>c</title></item>'
        b"<item><guid>45</guid><link>/p/45</link><title>d</title></item>"
        b"</channel></rss>"
    )
    entries = parse_feed(data, url="https://x.example.org/feeds/main.xml").entries
    assert [(e.key, e.link) for e in entries] == [
        ("item-42", None),
        ("https://x.example.org/p/43", "https://x.example.org/p/43"),
        ("https://x.example.org/p/44", None),
        ("45", "https://x.example.org/p/45"),
    ]


# --- other formats ------------------------------------------------------------------------


def test_rss091() -> None:
    feed = parse_fixture("rss091.xml")
    assert feed.title == "Harbour Town Bulletin"
    assert feed.language == "en-gb"
    assert feed.direction is LTR
    assert [e.title for e in feed.entries] == [
        "Ferry timetable changes on Monday",
        "Café on the pier reopens",
    ]
    first = feed.entries[0]
    assert first.key == "http://bulletin.example.com/notices/ferry"
    assert first.summary == (
        "The morning ferry will leave twenty minutes earlier & the evening crossing is unchanged."
    )
    assert first.direction is LTR


def test_rss10_rdf() -> None:
    feed = parse_fixture("rss10_rdf.xml")
    assert feed.title == "نشرة العلوم"
    assert feed.language == "ar"
    assert feed.direction is RTL
    comet, seeds = feed.entries
    assert comet.key == "https://science.example.org/a/comet"
    assert comet.author == "نادر الحسيني"
    assert comet.categories == ("فلك",)
    assert comet.updated == datetime(2025, 2, 10, 1, 45, tzinfo=UTC)
    # dc:date is the only date: it is the publication date too.
    assert comet.published == comet.updated
    assert seeds.published == datetime(2025, 2, 11, 12, 0, tzinfo=UTC)
    assert seeds.direction is RTL


@pytest.fixture(scope="module")
def atom() -> ParsedFeed:
    return parse_fixture("atom10_en.xml", url="https://tech.example.com/blog/atom.xml")


def test_atom10_feed_level(atom: ParsedFeed) -> None:
    assert atom.title == "Workshop Notes"
    assert atom.link == "https://tech.example.com/blog/"
    assert atom.language == "en-US"
    assert atom.icon_url == "https://tech.example.com/favicon.png"
    assert atom.direction is LTR


def test_atom10_entry_with_xml_base(atom: ParsedFeed) -> None:
    entry = atom.entries[0]
    assert entry.key == "urn:uuid:5f1c0a9e-3a55-4d4e-9d4e-000000000002"
    assert entry.title == "Fixing a radio & a kettle"
    assert entry.link == "https://tech.example.com/blog/posts/radio-and-kettle"
    assert entry.author == "Dana Whitfield"
    assert entry.published == datetime(2025, 1, 20, 3, 30, tzinfo=UTC)
    assert entry.updated == datetime(2025, 1, 20, 9, 0, tzinfo=UTC)
    assert entry.categories == ("repair", "electronics")
    assert entry.summary == "Two appliances brought back to life in one evening."
    assert entry.language == "en-US"
    assert entry.direction is LTR
    assert entry.enclosures == (
        ParsedEnclosure(
            url="https://tech.example.com/blog/media/episode-3.ogg", type="audio/ogg", length=2048
        ),
    )
    # Content URLs resolve against xml:base, not against the article link.
    assert entry.content_html is not None
    assert 'src="https://tech.example.com/blog/img/radio.jpg"' in entry.content_html
    assert 'href="https://tech.example.com/guides/soldering"' in entry.content_html
    assert entry.image_url == "https://tech.example.com/blog/img/radio.jpg"
    assert entry.image_caption == "An old radio on the bench"


def test_atom10_xhtml_content_and_entry_language(atom: ParsedFeed) -> None:
    entry = atom.entries[1]
    assert entry.language == "en-GB"
    assert entry.content_html == "<p>We need <em>two</em> more people on Saturdays.</p>"
    assert entry.summary == "We need two more people on Saturdays."
    assert entry.published == entry.updated == datetime(2025, 1, 18, 9, 0, tzinfo=UTC)


def test_atom_relative_links_without_xml_base_use_the_feed_url() -> None:
    data = (
        b'<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>'
        b'<link href="/home"/><icon>favicon.ico</icon>'
        b'<entry><id>e1</id><title>x</title><link href="posts/1"/>'
        b'<content type="html">&lt;img src="pic.png"&gt;</content></entry></feed>'
    )
    feed = parse_feed(data, url="https://site.example.org/feeds/atom.xml")
    assert feed.link == "https://site.example.org/home"
    assert feed.icon_url == "https://site.example.org/feeds/favicon.ico"
    entry = feed.entries[0]
    assert entry.link == "https://site.example.org/feeds/posts/1"
    # No xml:base: content is relative to the article's page.
    assert entry.content_html == '<img src="https://site.example.org/feeds/posts/pic.png">'


def test_atom_plain_text_content_is_escaped_into_paragraphs() -> None:
    data = (
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry><id>e1</id>'
        '<title>x</title><content type="text">سطر أول &lt;b&gt;\nسطر ثان\n\nفقرة</content>'
        "</entry></feed>"
    ).encode()
    entry = parse_feed(data, url="https://x.example.org/f").entries[0]
    assert entry.content_html == "<p>سطر أول &lt;b&gt;<br>سطر ثان</p><p>فقرة</p>"


def test_atom03() -> None:
    feed = parse_fixture("atom03.xml")
    assert feed.title == "Old Town Gazette"
    assert feed.language == "en"
    (entry,) = feed.entries
    assert entry.key == "tag:gazette.example.com,2024:clock"
    assert entry.link == "https://gazette.example.com/2024/clock"
    assert entry.published == datetime(2024, 11, 1, 9, 0, tzinfo=UTC)
    assert entry.updated == datetime(2024, 11, 1, 11, 0, tzinfo=UTC)
    assert entry.content_html == (
        "<p>The clock tower has a <strong>fresh</strong> coat of paint and the bells were "
        "tuned.</p>"
    )
    assert entry.summary == "The clock tower has a fresh coat of paint."


# --- comment threads ----------------------------------------------------------------------


def test_atom_threading() -> None:
    feed = parse_fixture("atom_threading.xml", url="https://blog.example.net/feed.atom")
    entries = by_key(feed)
    post = entries["tag:blog.example.net,2025:post-7"]
    assert post.comments_feed_url == "https://blog.example.net/posts/7/comments.atom"
    assert post.comment_count == 2
    assert post.comments_url == "https://blog.example.net/posts/7#comments"
    assert post.in_reply_to is None
    reply = entries["tag:blog.example.net,2025:comment-71"]
    assert reply.in_reply_to == "tag:blog.example.net,2025:post-7"
    assert reply.author == "جار قديم"
    assert reply.link is None  # an id that is not a web address is no link
    nested = entries["tag:blog.example.net,2025:comment-72"]
    assert nested.in_reply_to == "tag:blog.example.net,2025:comment-71"
    assert nested.content_html == "<p>وأقترح أيضًا نافورة صغيرة.</p>"


# --- encodings ----------------------------------------------------------------------------

SOUQ_TITLES = [
    "ارتفاع أسعار الخبز في الأسواق المحلية",
    "تأجيل مباراة الديربي بسبب سوء الأحوال الجوية",
]
SOUQ_SUMMARY = "قالت جمعية حماية المستهلك إن الأسعار ارتفعت بنسبة طفيفة هذا الشهر."


@pytest.mark.parametrize(
    ("name", "content_type"),
    [
        ("rss_windows1256_declared.xml", None),
        ("rss_windows1256_declared.xml", "text/xml"),
        ("rss_windows1256_undeclared.xml", None),
        ("rss_windows1256_undeclared.xml", "text/xml"),
        ("rss_windows1256_undeclared.xml", "application/rss+xml"),
    ],
)
def test_windows_1256_is_decoded_to_the_right_arabic(name: str, content_type: str | None) -> None:
    data = (FEEDS / name).read_bytes()
    feed = parse_feed(data, url="https://souq.example.net/rss", content_type=content_type)
    assert feed.title == "صحيفة السوق"
    assert [e.title for e in feed.entries] == SOUQ_TITLES
    assert feed.entries[0].summary == SOUQ_SUMMARY
    assert all(e.direction is RTL for e in feed.entries)
    assert feed.warning is None


def test_http_charset_is_honoured() -> None:
    body = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>صحيفة</title>'
        "<item><guid>1</guid><title>خبر عاجل</title></item></channel></rss>"
    )
    feed = parse_feed(
        body.encode("iso-8859-6"),
        url="https://x.example.org/f",
        content_type="application/xml; charset=ISO-8859-6",
    )
    assert feed.title == "صحيفة"
    assert feed.entries[0].title == "خبر عاجل"


# --- broken and hostile input -------------------------------------------------------------


def test_malformed_feed_keeps_entries_before_the_fault() -> None:
    feed = parse_fixture("malformed.xml")
    assert feed.warning is not None
    assert "not well-formed" in feed.warning
    assert feed.title == "نشرة متعثرة"
    first, second = feed.entries[:2]
    assert (first.key, first.title, first.summary) == (
        "https://broken.example.org/1",
        "الخبر الأول سليم",
        "نص الخبر الأول.",
    )
    assert (second.key, second.title) == ("https://broken.example.org/2", "الخبر الثاني سليم أيضًا")


def test_entity_bomb_is_not_expanded() -> None:
    feed = parse_fixture("entity_bomb.xml")
    (entry,) = feed.entries
    assert entry.key == "bomb-1"
    assert "lollol" not in entry.title
    assert "lollol" not in (entry.summary or "")
    assert "lollol" not in (entry.content_html or "")


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Records (and refuses) every attempt to open a connection or URL."""
    attempts: list[object] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(args)
        raise OSError("network access attempted during parsing")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(urllib.request, "urlopen", refuse)
    return attempts


def test_external_entities_are_never_resolved(no_network: list[object]) -> None:
    hostname = Path("/etc/hostname")
    secret = hostname.read_text().strip() if hostname.exists() else "\x00no-hostname\x00"
    feed = parse_fixture("external_entity.xml")
    (entry,) = feed.entries
    # The references stay unexpanded (or vanish); the file's content never appears.
    assert entry.title in ("Host:", "Host: &local;")
    assert entry.summary in ("Remote: end", "Remote: &remote; end")
    fields = [feed.title or "", entry.title, entry.summary or "", entry.content_html or ""]
    assert not any(f"Host: {secret}" in field for field in fields)
    assert no_network == []


def test_entities_declared_in_the_document_are_not_expanded() -> None:
    # feedparser's own guard misses a DOCTYPE after a comment that contains a tag.
    data = (
        b'<?xml version="1.0"?>\n<!-- see <a> -->\n'
        b'<!DOCTYPE rss [<!ENTITY greeting "EXPANDED-TEXT">]>\n'
        b'<rss version="2.0"><channel><title>t &greeting;</title>'
        b"<item><guid>g1</guid><title>i &greeting;</title></item></channel></rss>"
    )
    feed = parse_feed(data, url="https://x.example.org/f")
    assert "EXPANDED-TEXT" not in (feed.title or "")
    assert all("EXPANDED-TEXT" not in e.title for e in feed.entries)


def test_plain_doctype_with_an_external_dtd_fetches_nothing(no_network: list[object]) -> None:
    feed = parse_fixture("rss091.xml")
    assert len(feed.entries) == 2
    assert no_network == []


def test_hostile_content_is_neutralised() -> None:
    feed = parse_fixture("hostile.xml")
    (entry,) = feed.entries
    html = entry.content_html or ""
    for payload in (
        "SCRIPT-PAYLOAD",
        "STYLE-PAYLOAD",
        "IFRAME-PAYLOAD",
        "OBJECT-PAYLOAD",
        "INPUT-PAYLOAD",
        "BUTTON-PAYLOAD",
        "SVG-PAYLOAD",
    ):
        assert payload not in html
    for forbidden in (
        "<script",
        "<style",
        "<iframe",
        "<object",
        "<embed",
        "<form",
        "<input",
        "<svg",
        "onerror",
        "onclick",
        "style=",
        "class=",
        "id=",
        "javascript:",
        "vbscript:",
        "data:",
        "evil.example.net",
    ):
        assert forbidden not in html.lower()
    assert "<p>Visible paragraph.</p>" in html
    assert '<img src="https://hostile.example.org/posts/images/photo.jpg" alt="A photo">' in html
    assert 'href="https://hostile.example.org/about"' in html
    assert '<p dir="rtl" lang="ar">فقرة <bdi>Mixed</bdi> عربية</p>' in html
    assert entry.title == "Hostile markup sample"
    assert "SCRIPT-PAYLOAD" not in (entry.summary or "")


# --- direction per item -------------------------------------------------------------------


def test_direction_per_item() -> None:
    feed = parse_fixture("mixed_direction.xml")
    assert feed.direction is LTR  # no language: from the English title
    directions = {key: entry.direction for key, entry in by_key(feed).items()}
    assert directions == {
        "mix-ar": RTL,
        "mix-en": LTR,
        "mix-video": RTL,
        "mix-he": RTL,
        "mix-lang-ar": RTL,  # the item's own xml:lang wins over its Latin text
        "mix-year": RTL,
    }
    assert by_key(feed)["mix-lang-ar"].language == "ar"
    assert by_key(feed)["mix-en"].language is None


def test_feed_language_does_not_outvote_the_text() -> None:
    data = (
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ar"><title>أخبار</title>'
        "<entry><id>1</id><title>Markets close higher after a quiet week</title></entry>"
        "<entry><id>2</id><title>الأسواق تغلق على ارتفاع</title></entry>"
        "<entry><id>3</id><title>2025</title></entry></feed>"
    ).encode()
    feed = parse_feed(data, url="https://x.example.org/f")
    assert [e.direction for e in feed.entries] == [LTR, RTL, RTL]
    assert [e.language for e in feed.entries] == ["ar", "ar", "ar"]
    assert feed.direction is RTL


# --- not a feed ---------------------------------------------------------------------------


def test_html_page_is_not_a_feed() -> None:
    with pytest.raises(ParseError, match="web page"):
        parse_fixture("html_page.html")


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"   \n",
        bytes(range(256)) * 4,
        b"just some words, no markup at all",
        b'{"items": [{"title": "json"}]}',
        b"https://127.0.0.1:9/feed.xml",  # must never be fetched
    ],
)
def test_non_feeds_raise_parse_error(data: bytes, no_network: list[object]) -> None:
    with pytest.raises(ParseError) as caught:
        parse_feed(data, url="https://x.example.org/f")
    assert str(caught.value)
    assert no_network == []


def test_bytes_naming_a_file_are_not_opened(tmp_path: Path) -> None:
    # feedparser opens a path it is given; the body of a response must never be one.
    path = tmp_path / "feed.xml"
    path.write_bytes((FEEDS / "rss20_ar.xml").read_bytes())
    with pytest.raises(ParseError):
        parse_feed(str(path).encode(), url="https://x.example.org/f")


def test_empty_but_valid_feed_is_not_an_error() -> None:
    data = b'<rss version="2.0"><channel><title>Quiet</title></channel></rss>'
    feed = parse_feed(data, url="https://x.example.org/f")
    assert feed.title == "Quiet"
    assert feed.entries == ()


def test_fifty_long_items_are_all_kept_whole() -> None:
    # How fast this is: benchmarks/unit_speed.py.
    feed = parse_feed(long_arabic_items(50), url="https://news.example.org/feed.xml")
    assert [e.key for e in feed.entries] == [f"bench-{n}" for n in range(50)]
    assert all(e.content_html.count("<p>") == 6 for e in feed.entries)


def test_an_override_left_open_in_a_feed_is_closed_within_its_field() -> None:
    rlo, pdf = "\u202e", "\u202c"
    document = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Desk {rlo}evil</title><link>https://example.test/</link>
<item><guid>x</guid><title>Headline {rlo}gnp.exe</title><author>a@example.test (Ann {rlo}X)</author>
<category>Tech{rlo}</category><description>Lead {rlo}text. And more.</description></item>
</channel></rss>""".encode()
    feed = parse_feed(document, url="https://example.test/feed")
    [entry] = feed.entries
    assert feed.title == f"Desk {rlo}evil{pdf}"
    assert entry.title == f"Headline {rlo}gnp.exe{pdf}"
    assert entry.author == f"Ann {rlo}X{pdf}"
    assert entry.categories == (f"Tech{rlo}{pdf}",)
    assert entry.summary is not None and entry.summary.endswith(pdf)


def test_a_feed_listing_too_many_items_keeps_the_first_and_says_so(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from newsreader.fetch import parse
    from tests.helpers.feeds import numbered, rss

    monkeypatch.setattr(parse, "MAX_ENTRIES", 5)
    parsed = parse_feed(rss(numbered(1200)).encode(), url="http://127.0.0.1/many")
    assert [e.key for e in parsed.entries] == [f"item-{n}" for n in range(5)]
    assert parsed.warning == "The feed lists 1,200 items; only the first 5 were kept."
    assert parse_feed(rss(numbered(5)).encode(), url="http://127.0.0.1/five").warning is None


@pytest.mark.parametrize("reference", ["&#xD800;", "&#55296;", "&#x110000;"])
def test_one_impossible_character_reference_costs_no_item(reference: str) -> None:
    document = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>'
        f"<item><guid>1</guid><title>خبر{reference}عاجل</title></item>"
        "<item><guid>2</guid><title>second</title></item></channel></rss>"
    )
    parsed = parse_feed(document.encode(), url="https://feeds.example.org/feed.xml")
    assert [entry.title for entry in parsed.entries] == ["خبر\ufffdعاجل", "second"]
