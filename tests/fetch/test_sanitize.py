"""HTML sanitizing, plain text and lead-image extraction."""

from __future__ import annotations

import pytest

from newsreader.fetch.sanitize import first_image, sanitize_html, strip_tags

BASE = "https://news.example.org/2025/03/article.html"
REL = 'rel="noopener noreferrer nofollow"'

# --- sanitize_html: what is kept ----------------------------------------------------------


def test_reading_tags_survive() -> None:
    markup = (
        "<h2>عنوان</h2><p>نص <b>غامق</b> و<i>مائل</i> و<em>مهم</em> و<strong>قوي</strong></p>"
        "<blockquote><q>اقتباس</q> <cite>مصدر</cite></blockquote>"
        "<ul><li>أ</li></ul><ol><li>ب</li></ol><dl><dt>م</dt><dd>ش</dd></dl>"
        "<pre><code>x = 1</code></pre><hr><figure><figcaption>شرح</figcaption></figure>"
        "<p><sub>1</sub><sup>2</sup><small>s</small><mark>m</mark><s>old</s><u>u</u></p>"
    )
    assert sanitize_html(markup, BASE) == markup


def test_table_with_spans_and_caption() -> None:
    markup = (
        '<table><caption>نتائج</caption><thead><tr><th colspan="2">فريق</th></tr></thead>'
        '<tbody><tr><td rowspan="2">1</td><td>2</td></tr></tbody></table>'
    )
    assert sanitize_html(markup, BASE) == markup


def test_dir_and_lang_are_kept_on_every_tag() -> None:
    markup = (
        '<div dir="rtl" lang="ar"><p dir="ltr" lang="en">English <span lang="ar" dir="rtl">'
        'عربي</span></p><bdo dir="ltr">abc</bdo><bdi>x</bdi></div>'
    )
    assert sanitize_html(markup, BASE) == markup


def test_whitelisted_attributes_are_kept() -> None:
    out = sanitize_html(
        '<img src="https://cdn.example.org/a.jpg" alt="صورة" title="t" width="640" height="360">'
        '<time datetime="2025-03-04T09:30:00Z">اليوم</time><abbr title="هيئة">هـ</abbr>',
        BASE,
    )
    assert '<img src="https://cdn.example.org/a.jpg" alt="صورة" title="t" width="640"' in out
    assert 'height="360"' in out
    assert '<time datetime="2025-03-04T09:30:00Z">' in out
    assert '<abbr title="هيئة">' in out


# --- sanitize_html: what goes -------------------------------------------------------------


@pytest.mark.parametrize(
    "markup",
    [
        "<script>alert('PAYLOAD')</script>",
        "<style>p { color: red } /* PAYLOAD */</style>",
        '<iframe src="https://evil.example.net/">PAYLOAD</iframe>',
        '<object data="x.swf">PAYLOAD</object>',
        '<embed src="x.swf">',
        '<form action="/x"><input value="PAYLOAD"><button>PAYLOAD</button></form>',
        "<textarea>PAYLOAD</textarea><select><option>PAYLOAD</option></select>",
        "<svg><text>PAYLOAD</text></svg>",
        "<math><mi>PAYLOAD</mi></math>",
        '<video src="v.mp4">PAYLOAD</video><audio src="a.mp3">PAYLOAD</audio>',
        "<noscript>PAYLOAD</noscript>",
        "<!-- PAYLOAD -->",
    ],
)
def test_dangerous_elements_vanish_with_their_content(markup: str) -> None:
    out = sanitize_html(f"<p>قبل</p>{markup}<p>بعد</p>", BASE)
    assert "PAYLOAD" not in out
    assert out.startswith("<p>قبل</p>")
    assert out.endswith("<p>بعد</p>")


def test_unknown_tags_are_unwrapped_keeping_text() -> None:
    assert sanitize_html("<center><font color=red>نص</font></center>", BASE) == "نص"


def test_styles_classes_ids_and_handlers_are_removed() -> None:
    out = sanitize_html(
        '<p style="color:red" class="lead" id="top" onclick="steal()" onmouseover="x()">نص</p>'
        '<img src="https://cdn.example.org/a.jpg" onerror="alert(1)" style="width:100px">',
        BASE,
    )
    assert out == '<p>نص</p><img src="https://cdn.example.org/a.jpg">'


@pytest.mark.parametrize(
    "href",
    [
        "javascript:alert(1)",
        " JaVaScRiPt:alert(1)",
        "java\tscript:alert(1)",
        "&#106;avascript:alert(1)",
        "vbscript:msgbox(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "ftp://files.example.org/x",
    ],
)
def test_unsafe_link_schemes_are_dropped(href: str) -> None:
    out = sanitize_html(f'<a href="{href}">رابط</a>', BASE)
    assert out == f"<a {REL}>رابط</a>"


def test_data_images_are_removed_entirely() -> None:
    out = sanitize_html('<p>أ<img src="data:image/png;base64,iVBORw0KGgo=" alt="x">ب</p>', BASE)
    assert out == "<p>أب</p>"


def test_links_get_a_safe_rel_replacing_the_feeds_own() -> None:
    out = sanitize_html('<a href="https://example.org/" rel="opener" target="_blank">x</a>', BASE)
    assert out == f'<a href="https://example.org/" {REL}>x</a>'


def test_mailto_links_are_kept() -> None:
    out = sanitize_html('<a href="mailto:desk@example.org">راسلنا</a>', BASE)
    assert 'href="mailto:desk@example.org"' in out


def test_picture_is_unwrapped_to_its_image() -> None:
    out = sanitize_html(
        '<picture><source srcset="a.webp"><img src="https://cdn.example.org/a.jpg"></picture>',
        BASE,
    )
    assert out == '<img src="https://cdn.example.org/a.jpg">'


# --- sanitize_html: relative URLs ---------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "absolute"),
    [
        ("/sections/kids", "https://news.example.org/sections/kids"),
        ("photo.jpg", "https://news.example.org/2025/03/photo.jpg"),
        ("../02/old.html", "https://news.example.org/2025/02/old.html"),
        ("/a/../b", "https://news.example.org/b"),
        ("//cdn.example.org/x.png", "https://cdn.example.org/x.png"),
        ("#comments", "https://news.example.org/2025/03/article.html#comments"),
        ("?page=2", "https://news.example.org/2025/03/article.html?page=2"),
        ("/search?q=1&amp;lang=ar", "https://news.example.org/search?q=1&amp;lang=ar"),
    ],
)
def test_relative_urls_are_resolved_against_the_base(url: str, absolute: str) -> None:
    assert sanitize_html(f'<a href="{url}">x</a>', BASE) == f'<a href="{absolute}" {REL}>x</a>'
    assert sanitize_html(f'<img src="{url}">', BASE) == f'<img src="{absolute}">'


def test_absolute_urls_are_left_alone() -> None:
    markup = '<a href="https://other.example.com/p?a=1&amp;b=2">x</a>'
    assert (
        sanitize_html(markup, BASE)
        == f'<a href="https://other.example.com/p?a=1&amp;b=2" {REL}>x</a>'
    )


@pytest.mark.parametrize("base", [None, "", "tag:example.org,2025:feed", "file:///etc/feed"])
def test_relative_urls_without_a_usable_base_are_dropped(base: str | None) -> None:
    out = sanitize_html(
        '<a href="/x">a</a><a href="https://example.org/y">b</a><img src="p.jpg">', base
    )
    assert out == f'<a {REL}>a</a><a href="https://example.org/y" {REL}>b</a>'


def test_text_that_looks_like_an_attribute_is_not_rewritten() -> None:
    out = sanitize_html('<p>write href="page.html" in the tag</p>', BASE)
    assert out == '<p>write href="page.html" in the tag</p>'


def test_empty_markup() -> None:
    assert sanitize_html("", BASE) == ""
    assert sanitize_html("   ", BASE) == ""


# --- strip_tags ---------------------------------------------------------------------------


def test_strip_tags_gives_one_line_of_text() -> None:
    markup = "<p>الفقرة الأولى</p><p>الفقرة\n  الثانية<br>سطر</p><ul><li>أ</li><li>ب</li></ul>"
    assert strip_tags(markup) == "الفقرة الأولى الفقرة الثانية سطر أ ب"


def test_strip_tags_keeps_inline_words_whole_and_decodes_entities() -> None:
    assert strip_tags("<b>W</b>ord &amp; <i>more</i>&nbsp;text &#1587;") == "Word & more text س"


def test_strip_tags_drops_invisible_content() -> None:
    markup = (
        "<p>نص</p><script>var PAYLOAD = 1;</script><style>.PAYLOAD{}</style>"
        "<!-- PAYLOAD --><form><button>PAYLOAD</button></form><p>ظاهر</p>"
    )
    assert strip_tags(markup) == "نص ظاهر"


def test_strip_tags_of_plain_text() -> None:
    assert strip_tags("  5 < 6 and 7 > 3  ") == "5 < 6 and 7 > 3"
    assert strip_tags("") == ""


# --- first_image --------------------------------------------------------------------------


def test_first_image_with_alt() -> None:
    markup = '<p>x</p><img src="https://cdn.example.org/a.jpg?w=1&amp;h=2" alt="صورة الخبر">'
    assert first_image(markup) == ("https://cdn.example.org/a.jpg?w=1&h=2", "صورة الخبر")


def test_first_image_prefers_the_figcaption() -> None:
    markup = (
        '<figure><img src="https://cdn.example.org/a.jpg" alt="بديل">'
        "<figcaption>الساحة <b>بعد</b> الترميم</figcaption></figure>"
    )
    assert first_image(markup) == ("https://cdn.example.org/a.jpg", "الساحة بعد الترميم")


def test_first_image_caption_of_another_figure_is_not_used() -> None:
    markup = (
        "<figure><figcaption>شرح قديم</figcaption></figure>"
        '<p><img src="https://cdn.example.org/b.jpg"></p>'
    )
    assert first_image(markup) == ("https://cdn.example.org/b.jpg", None)


def test_first_image_skips_tracking_pixels() -> None:
    markup = (
        '<img src="https://track.example.net/p.gif" width="1" height="1">'
        '<img src="https://cdn.example.org/real.jpg" alt="حقيقية">'
    )
    assert first_image(markup) == ("https://cdn.example.org/real.jpg", "حقيقية")


def test_first_image_none() -> None:
    assert first_image("<p>لا صور هنا</p>") == (None, None)
    assert first_image("") == (None, None)


# --- relative URL resolution --------------------------------------------------------

_BASES = [
    "https://example.test",
    "https://example.test/",
    "https://example.test/news/2026/story.html",
    "https://example.test/news/2026/",
    "https://example.test/news/story?id=7#top",
    "https://example.test/a/b;params?q=1",
    "https://example.test/a/./b/../c/page",
    "http://user@example.test:8080/dir/page",
]
_RELATIVE = [
    "images/a.png",
    "a.png",
    "sub/dir/b.jpg?size=large#frag",
    "c;v=1",
    "./images/a.png",
    "../up.png",
    "a/../b.png",
    "a/./b.png",
    "/root.png",
    "/a/../root.png",
    "//cdn.example.test/x.png",
    "?page=2",
    "#section",
    "",
    "1:2/odd",
    "a:b",
    "%2e%2e/encoded.png",
    "صور/خبر.png",
    "dir\\back.png",
]


@pytest.mark.parametrize("base", _BASES)
def test_relative_urls_resolve_exactly_as_urljoin_does(base: str) -> None:
    from urllib.parse import urljoin

    from newsreader.fetch.sanitize import _Joiner

    joiner = _Joiner(base)
    for url in _RELATIVE:
        assert joiner.join(url) == urljoin(base, url), (base, url)


# --- tracking pixels ------------------------------------------------------------------


@pytest.mark.parametrize(
    "tag",
    [
        '<img src="https://track.example.net/p.gif" width="1" height="1">',
        '<img src="https://track.example.net/p.gif" width="0">',
        "<img src='https://track.example.net/p.gif' height='1px'>",
        "<img src=https://track.example.net/p.gif width=1 alt=x>",
        '<IMG SRC="https://track.example.net/p.gif" HEIGHT="1">',
        '<img src="https://track.example.net/p.gif" style="width:1px;height:1px">',
        '<img src="https://track.example.net/p.gif" style="display:block; height: 0 !important">',
        '<img src="https://track.example.net/p.gif" width="1.0" height="300">',
    ],
)
def test_images_declared_one_pixel_or_less_are_removed(tag: str) -> None:
    out = sanitize_html(f"<p>قبل{tag}بعد</p>", BASE)

    assert out == "<p>قبلبعد</p>"
    assert "track.example.net" not in out


@pytest.mark.parametrize(
    "tag",
    [
        '<img src="https://cdn.example.org/a.jpg" width="10" height="1%">',
        '<img src="https://cdn.example.org/a.jpg" width="100" height="12">',
        '<img src="https://cdn.example.org/a.jpg" style="max-width:1px;min-height:0">',
        '<img src="https://cdn.example.org/a.jpg" alt="width=1">',
    ],
)
def test_images_of_any_other_size_are_kept(tag: str) -> None:
    assert "https://cdn.example.org/a.jpg" in sanitize_html(f"<p>{tag}</p>", BASE)
