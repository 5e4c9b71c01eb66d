"""Autodiscovery: sniffing feeds from bytes and finding the feeds a page advertises."""

from __future__ import annotations

import codecs

import pytest

from newsreader.core.types import FeedOption
from newsreader.fetch.discover import (
    SNIFF_BYTES,
    find_feed_links,
    find_feed_options,
    looks_like_feed,
)

RSS = b'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel/></rss>'
ATOM = b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title></feed>'
RDF = (
    b'<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
    b' xmlns="http://purl.org/rss/1.0/"><channel/></rdf:RDF>'
)
HTML = b"<!DOCTYPE html>\n<html lang='ar' dir='rtl'><head><title>x</title></head></html>"

# ------------------------------------------------------------------ looks_like_feed


@pytest.mark.parametrize("data", [RSS, ATOM, RDF], ids=["rss", "atom", "rdf"])
def test_feed_roots_are_recognised(data: bytes) -> None:
    assert looks_like_feed(data, "application/xml")


@pytest.mark.parametrize("data", [RSS, ATOM, RDF], ids=["rss", "atom", "rdf"])
def test_feed_served_as_html_is_still_a_feed(data: bytes) -> None:
    assert looks_like_feed(data, "text/html; charset=utf-8")


def test_html_served_as_xml_is_not_a_feed() -> None:
    assert not looks_like_feed(HTML, "application/xml")


def test_html_served_with_a_feed_type_is_not_a_feed() -> None:
    assert not looks_like_feed(HTML, "application/rss+xml")


def test_prolog_is_skipped() -> None:
    data = (
        codecs.BOM_UTF8
        + b'\n  <?xml version="1.0" encoding="utf-8"?>\n'
        + b'<?xml-stylesheet type="text/xsl" href="/style.xsl"?>\n'
        + b"<!-- <html> in a comment does not count -->\n"
        + b'<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"'
        + b' "http://my.netscape.com/publish/formats/rss-0.91.dtd">\n'
        + b'<rss version="0.91"><channel/></rss>'
    )
    assert looks_like_feed(data, None)


def test_doctype_with_internal_subset_is_skipped() -> None:
    data = b'<!DOCTYPE feed [<!ENTITY nbsp "&#160;"> <!-- > -->]><feed><title/></feed>'
    assert looks_like_feed(data, None)


def test_comment_hiding_a_feed_root_is_not_taken_for_it() -> None:
    assert not looks_like_feed(b"<!-- <rss> --><html><body/></html>", None)


def test_prefixed_atom_root() -> None:
    assert looks_like_feed(b'<atom:feed xmlns:atom="http://www.w3.org/2005/Atom"/>', None)


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_feeds(codec: str) -> None:
    text = '<?xml version="1.0" encoding="UTF-16"?><rss version="2.0"><channel/></rss>'
    assert looks_like_feed(text.encode(codec), None)


def test_rdf_that_is_not_rss_is_not_a_feed() -> None:
    data = (
        b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        b'<rdf:Description rdf:about="x"/></rdf:RDF>'
    )
    assert not looks_like_feed(data, "application/rdf+xml")


@pytest.mark.parametrize(
    "data",
    [b"", b"plain words", b'{"version": "https://jsonfeed.org/version/1.1"}', b"\x89PNG\r\n"],
)
def test_other_content_is_not_a_feed(data: bytes) -> None:
    assert not looks_like_feed(data, "text/plain")


def test_content_type_decides_only_when_the_root_is_out_of_reach() -> None:
    long_prolog = b"<!--" + b" " * SNIFF_BYTES + b"-->" + RSS
    assert looks_like_feed(long_prolog, "application/rss+xml; charset=utf-8")
    assert looks_like_feed(long_prolog, "application/atom+xml")
    assert not looks_like_feed(long_prolog, "text/html")
    assert not looks_like_feed(long_prolog, None)


# ------------------------------------------------------------------ find_feed_links

ARABIC_PAGE = """<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
  <meta charset="utf-8">
  <title>الأفق | الصفحة الرئيسية</title>
  <link rel="stylesheet" href="/static/site.css">
  <link rel="alternate" type="application/rss+xml" title="آخر الأخبار" href="/rss/latest.xml">
  <link rel="alternate" type="application/atom+xml" title="الرياضة" href="sport/atom">
  <link rel="alternate" hreflang="en" href="https://ufuq.example.com/en/">
  <link rel="alternate" type="application/feed+json" href="/feed.json">
  <link rel="alternate" type="application/rss+xml" href="/rss/latest.xml#top">
</head>
<body><a href="/archive.xml">الأرشيف</a><p>نشرة الطقس لهذا اليوم</p></body>
</html>""".encode()


def test_arabic_page_with_two_feeds() -> None:
    assert find_feed_links(ARABIC_PAGE, "https://ufuq.example.com/ar/index.html") == [
        "https://ufuq.example.com/rss/latest.xml",
        "https://ufuq.example.com/ar/sport/atom",
    ]


def test_offered_feeds_carry_the_titles_the_page_gives_them() -> None:
    options = find_feed_options(ARABIC_PAGE, "https://ufuq.example.com/ar/index.html")
    assert options == [
        FeedOption("https://ufuq.example.com/rss/latest.xml", "آخر الأخبار"),
        FeedOption("https://ufuq.example.com/ar/sport/atom", "الرياضة"),
    ]


def test_a_links_own_text_names_a_guessed_feed() -> None:
    page = b"""<html><body>
      <a href="/news.rss"><img src="rss.png"> All  <b>news</b></a>
      <a href="/sport.rss" title="Sport"><span>icon</span></a>
      <a href="/bare.rss"></a>
    </body></html>"""
    assert find_feed_options(page, "https://example.com/") == [
        FeedOption("https://example.com/news.rss", "All news"),
        FeedOption("https://example.com/sport.rss", "Sport"),
        FeedOption("https://example.com/bare.rss", None),
    ]


def test_base_element_changes_the_resolution() -> None:
    page = b"""<html><head>
      <link rel="alternate" type="application/atom+xml" href="news.atom">
      <base href="/feeds/">
      <base href="https://ignored.example.org/">
    </head></html>"""
    assert find_feed_links(page, "https://site.example.com/section/page") == [
        "https://site.example.com/feeds/news.atom",
    ]


def test_rel_with_several_tokens_and_upper_case_attributes() -> None:
    page = b"""<HTML><HEAD>
      <LINK REL="Alternate Feed" TYPE="Application/RSS+XML; charset=utf-8" HREF="one.rss">
      <link rel="alternate stylesheet" type="text/css" href="dark.css">
      <link rel="feed" type="application/rss+xml" href="not-alternate.rss">
      <link rel=alternate type=application/rdf+xml href=three.rdf />
    </HEAD></HTML>"""
    assert find_feed_links(page, "http://example.net/") == [
        "http://example.net/one.rss",
        "http://example.net/three.rdf",
    ]


def test_broken_html_still_yields_its_feeds() -> None:
    page = (
        b"<html><head><title>unclosed <b>title"
        b'<link rel="alternate" type="application/rss+xml" href="//cdn.example.com/a.xml"'
        b'<div class="x>'
        b'<link rel="alternate" type="application/atom+xml" href="b.atom">'
        b'<script>var s = \'<link rel="alternate" type="application/rss+xml" href="js.xml">\';'
        b"</script>"
        b'<body><p>text <link rel="alternate" type="application/atom+xml" href="c.atom">'
        b"</html"
    )
    found = find_feed_links(page, "https://example.com/dir/")
    # How the unclosed quote swallows the first link is the parser's business; the rest
    # of the page must still be read, and script text must not count.
    assert found[-2:] == ["https://example.com/dir/b.atom", "https://example.com/dir/c.atom"]
    assert "https://example.com/dir/js.xml" not in found


def test_page_without_feeds() -> None:
    page = b"<html><head><title>no feeds</title></head><body><a href='/about'>x</a></body></html>"
    assert find_feed_links(page, "https://example.com/") == []


def test_empty_and_non_html_input() -> None:
    assert find_feed_links(b"", "https://example.com/") == []
    assert find_feed_links(b"\x00\xff\xfe garbage \x80", "https://example.com/") == []


def test_anchor_fallback_only_without_feed_links() -> None:
    page = b"""<html><body>
      <a href="/news.rss">RSS</a> <a href="feed/">feed</a> <a href="/blog/rss">rss</a>
      <a href="/data.XML">xml</a> <a href="/sitemap.xml">sitemap</a> <a href="/page.html">page</a>
      <a href="/news.rss">again</a> <a href="mailto:desk@example.com">mail</a>
      <a href="/x.atom?lang=ar">atom</a> <a href="/comments/feed#latest">comments</a>
    </body></html>"""
    assert find_feed_links(page, "https://example.com/blog/") == [
        "https://example.com/news.rss",
        "https://example.com/blog/feed/",
        "https://example.com/blog/rss",
        "https://example.com/data.XML",
        "https://example.com/x.atom?lang=ar",
        "https://example.com/comments/feed",
    ]
    with_link = page.replace(
        b"<body>", b'<head><link rel="alternate" type="application/rss+xml" href="/main"></head>'
    )
    assert find_feed_links(with_link, "https://example.com/blog/") == ["https://example.com/main"]


def test_unusable_hrefs_are_dropped() -> None:
    page = b"""<head>
      <link rel="alternate" type="application/rss+xml" href="">
      <link rel="alternate" type="application/rss+xml">
      <link rel="alternate" type="application/rss+xml" href="javascript:void(0)">
      <link rel="alternate" type="application/rss+xml" href="  /ok.xml  ">
    </head>"""
    assert find_feed_links(page, "https://example.com/") == ["https://example.com/ok.xml"]


def test_entities_in_href_are_decoded() -> None:
    page = b'<link rel="alternate" type="application/rss+xml" href="/rss?cat=1&amp;lang=ar">'
    assert find_feed_links(page, "https://example.com/") == [
        "https://example.com/rss?cat=1&lang=ar"
    ]


def test_legacy_encoding_from_meta() -> None:
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256">'
        '<link rel="alternate" type="application/rss+xml" href="/أخبار.xml"></head></html>'
    ).encode("cp1256")
    assert find_feed_links(page, "https://example.com/") == ["https://example.com/أخبار.xml"]


def test_utf16_page_with_bom() -> None:
    page = '<link rel="alternate" type="application/atom+xml" href="/a.atom">'.encode("utf-16")
    assert find_feed_links(page, "https://example.com/") == ["https://example.com/a.atom"]
