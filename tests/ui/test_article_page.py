"""The article page built for the reading pane (no Qt involved)."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from newsreader.core.types import Article, ArticleSummary, Direction, Enclosure
from newsreader.ui.article_page import (
    DEFAULT_LABELS,
    RTL_FONTS,
    article_id_from_link,
    article_link,
    render_article,
)

REMOTE = "https://cdn.example.org/photos/lead.jpg"
BODY_IMAGE = "https://cdn.example.org/photos/body.png"
CACHED = "file:///cache/images/abc.jpg"


def make_article(**changes: object) -> Article:
    values: dict[str, object] = {
        "id": 7,
        "feed_id": 1,
        "feed_title": "أخبار المدينة",
        "guid": "g-7",
        "title": "افتتاح مكتبة عامة جديدة في وسط المدينة",
        "link": "https://news.example.org/library",
        "author": "سلمى الراشد",
        "summary": "افتتحت البلدية مكتبة عامة تضم آلاف الكتب.",
        "content_html": "<p>وتفتح المكتبة أبوابها يوميًا من التاسعة صباحًا.</p>",
        "published": datetime(2026, 3, 4, 9, 30, tzinfo=UTC),
        "updated": None,
        "first_seen": datetime(2026, 3, 4, 10, 0, tzinfo=UTC),
        "language": "ar",
        "direction": Direction.RTL,
        "read": False,
        "starred": False,
    }
    values.update(changes)
    return Article(**values)  # type: ignore[arg-type]


def english(**changes: object) -> Article:
    values: dict[str, object] = {
        "feed_title": "City News",
        "title": "A new public library opens downtown",
        "author": "Sam Reed",
        "summary": "The city opened a library with thousands of books.",
        "content_html": "<p>It opens every day from nine in the morning.</p>",
        "language": "en",
        "direction": Direction.LTR,
    }
    values.update(changes)
    return make_article(**values)


def nothing_cached(url: str) -> str | None:
    return None


def render(article: Article, **kwargs: object) -> str:
    options: dict[str, object] = {
        "image_src": nothing_cached,
        "ui_direction": Direction.LTR,
        "labels": {},
    }
    options.update(kwargs)
    return render_article(article, **options)  # type: ignore[arg-type]


def article_block(page: str) -> str:
    match = re.search(r'<div class="article"[^>]*>', page)
    assert match, page
    return match.group(0)


# -- direction ------------------------------------------------------------------------


def test_arabic_article_block_is_right_to_left_whatever_the_ui() -> None:
    for ui in (Direction.LTR, Direction.RTL):
        page = render(make_article(), ui_direction=ui)
        assert 'dir="rtl"' in article_block(page)
    assert RTL_FONTS[0] in render(make_article())


def test_english_article_block_is_left_to_right_under_an_arabic_ui() -> None:
    page = render(english(), ui_direction=Direction.RTL)
    assert 'dir="ltr"' in article_block(page)
    assert "Noto Naskh Arabic', 'Amiri', 'KacstBook'" not in page.split("body {", 1)[1][:80]


def test_paragraph_in_the_other_direction_gets_its_own_dir() -> None:
    body = (
        "<p>فقرة عربية أولى عن المكتبة.</p>"
        "<p>The mayor said: a library is a public living room.</p>"
        '<p dir="rtl">A paragraph the feed marked itself.</p>'
        "<p>2026</p>"
    )
    page = render(make_article(content_html=body))
    assert '<p dir="ltr" class="ltr">The mayor said' in page
    assert "<p>فقرة عربية أولى" in page  # same direction as the article: nothing added
    assert '<p dir="rtl" class="rtl">A paragraph the feed marked itself.' in page
    assert "<p>2026</p>" in page  # no strong letters: inherits


def test_english_headline_in_an_arabic_article_is_marked_ltr() -> None:
    page = render(make_article(title="Breaking: city opens library"))
    assert '<h1 dir="ltr">Breaking: city opens library</h1>' in page


def test_byline_parts_are_isolated() -> None:
    page = render(make_article(), format_time=lambda when: "2026-03-04 12:30")
    byline = re.search(r'<p class="byline">(.*?)</p>', page)
    assert byline is not None
    assert byline.group(1) == "\u2068سلمى الراشد\u2069 · \u20682026-03-04 12:30\u2069"


def test_an_undated_article_says_when_it_was_first_seen() -> None:
    page = render(
        make_article(published=None, updated=None),
        format_time=lambda when: "2026-03-04 12:30",
        labels={"first_seen": "رُصد أول مرة %1"},
    )
    assert "رُصد أول مرة 2026-03-04 12:30" in page


# -- images: local or nothing ---------------------------------------------------------


def test_uncached_images_never_appear_remote_and_show_alt_text() -> None:
    article = make_article(
        image_url=REMOTE,
        image_caption="تصوير: فريق التحرير",
        content_html=f'<p>نص</p><p><img src="{BODY_IMAGE}" alt="قاعة القراءة"></p>',
    )
    page = render(article)
    assert "cdn.example.org" not in page
    assert "<img" not in page
    assert "[قاعة القراءة]" in page
    assert DEFAULT_LABELS["image_unavailable"] in page
    assert "تصوير: فريق التحرير" in page


def test_cached_images_become_file_urls() -> None:
    cache = {REMOTE: CACHED, BODY_IMAGE: "file:///cache/images/def.png"}
    article = make_article(
        image_url=REMOTE, content_html=f'<p>نص</p><img src="{BODY_IMAGE}" alt="x">'
    )
    page = render(article, image_src=cache.get)
    assert f'<img src="{CACHED}"' in page
    assert '<img src="file:///cache/images/def.png" alt="x">' in page
    assert "cdn.example.org" not in page


def test_an_image_source_that_answers_a_remote_url_is_ignored() -> None:
    article = make_article(image_url=REMOTE, content_html=f'<img src="{BODY_IMAGE}">')
    page = render(article, image_src=lambda url: url)
    assert "cdn.example.org" not in page
    assert "<img" not in page


def test_lead_image_shown_in_the_body_is_not_repeated() -> None:
    article = make_article(image_url=REMOTE, content_html=f'<p>نص</p><img src="{REMOTE}">')
    page = render(article, image_src={REMOTE: CACHED}.get)
    assert page.count(CACHED) == 1


# -- hostile or odd content -----------------------------------------------------------


def test_hostile_leftovers_are_dropped() -> None:
    body = (
        "<p>نص<script>alert(1)</script></p><style>p{color:red}</style>"
        '<iframe src="https://evil.example/"></iframe>'
        '<a href="javascript:alert(2)">اضغط</a><a href="data:text/html,x">بيانات</a>'
        '<img src="https://evil.example/x.png" onerror="alert(3)">'
        '<p onclick="alert(4)" style="position:fixed">فقرة</p>'
        '<object data="x.swf"></object><svg><script>alert(5)</script></svg>'
    )
    page = render(make_article(content_html=body))
    lowered = page.lower()
    for marker in ("<script", "<iframe", "javascript:", "data:", "onerror", "onclick", "<object"):
        assert marker not in lowered, marker
    assert "<svg" not in lowered
    assert "position:fixed" not in lowered
    assert lowered.count("<style>") == 1  # only the page's own style sheet
    assert "اضغط" in page and "فقرة" in page


@pytest.mark.parametrize("element", ['<embed src="x.swf">', '<frame src="x.html">', "<input>"])
def test_a_dropped_element_without_content_leaves_what_follows(element: str) -> None:
    page = render(make_article(content_html=f"<p>قبل{element}</p><p>بعد</p>"))
    assert "قبل" in page and "بعد" in page
    assert element.split()[0].rstrip(">") not in page.lower()
    article = english(
        title="Why 3 < 5 & <b>bold</b> claims fail",
        author="<script>x</script>",
        summary="a <i>lead</i>",
    )
    page = render(article)
    assert "Why 3 &lt; 5 &amp; &lt;b&gt;bold&lt;/b&gt; claims fail" in page
    assert "&lt;script&gt;" in page
    assert "<script" not in page


def test_unknown_tags_are_mapped_or_unwrapped() -> None:
    body = (
        "<figure><img src='https://x.example/a.png' alt='a'>"
        "<figcaption>Credit: agency</figcaption></figure>"
        "<h1>Section</h1><custom-tag>kept text</custom-tag>"
    )
    page = render(english(content_html=body))
    assert "<figure" not in page and "<figcaption" not in page and "<custom-tag" not in page
    assert '<p class="caption">Credit: agency</p>' in page
    assert "<h2>Section</h2>" in page and page.count("<h1") == 1
    assert "kept text" in page


# -- lead, related, attachments, labels -----------------------------------------------


def test_summary_equal_to_the_first_paragraph_is_shown_once_as_the_lead() -> None:
    article = make_article(
        summary="افتتحت البلدية مكتبة عامة.",
        content_html="<p>افتتحت البلدية   مكتبة عامة.</p><p>وتفتح يوميًا.</p>",
    )
    page = render(article)
    assert page.count("افتتحت البلدية") == 1
    assert '<p class="lead">افتتحت البلدية مكتبة عامة.</p>' in page


def related_row(article_id: int, title: str, **changes: object) -> ArticleSummary:
    """A related article's list row; Arabic unless told otherwise."""
    values: dict[str, object] = {
        "id": article_id,
        "feed_id": 1,
        "feed_title": "الأفق",
        "guid": f"r{article_id}",
        "title": title,
        "link": None,
        "published": None,
        "direction": Direction.RTL,
        "read": False,
        "starred": False,
    }
    values.update(changes)
    return ArticleSummary(**values)  # type: ignore[arg-type]


def test_related_headlines_link_inside_the_app_in_their_own_direction() -> None:
    related = [
        related_row(11, "Library hours extended", feed_title="Horizon", direction=Direction.LTR),
        related_row(12, "تمديد ساعات المكتبة", published=datetime(2026, 3, 5, tzinfo=UTC)),
    ]
    page = render(make_article(), related=related, labels={"related": "أخبار ذات صلة"})
    assert "أخبار ذات صلة" in page
    assert '<li dir="ltr" class="ltr"><a href="newsreader-article:11">Library hours' in page
    assert '<li dir="rtl" class="rtl"><a href="newsreader-article:12">تمديد' in page
    assert "newsreader-article:" not in render(make_article())


def test_an_untitled_post_is_read_as_its_text_alone() -> None:
    post = english(title="", summary="Trying the new tram line today.")
    page = render(post)
    assert "<h1" not in page
    assert "(untitled)" not in page
    assert "It opens every day" in page
    # with nothing at all to show, the page still says what it is
    empty = render(english(title="", summary=None, content_html=None))
    assert "<h1>(untitled)</h1>" in empty


def test_an_untitled_related_article_is_named_by_its_first_words() -> None:
    lead = "وصلت القافلة إلى المدينة بعد رحلة طويلة. وكان الاستقبال حارًا."
    related = [related_row(13, "", feed_title="@amal", lead=lead)]
    page = render(make_article(), related=related)
    assert ">وصلت القافلة إلى المدينة بعد رحلة طويلة.</a>" in page


def test_attachments_list_type_and_size_and_skip_the_lead_picture() -> None:
    article = english(
        image_url=REMOTE,
        enclosures=(
            Enclosure(url=REMOTE, type="image/jpeg", medium="image"),
            Enclosure(url="https://x.example/clip.mp4", type="video/mp4", length=5 * 1024**2),
            Enclosure(url="https://x.example/talk.mp3", type="audio/mpeg"),
            Enclosure(url="javascript:alert(1)", type="video/mp4"),
        ),
    )
    page = render(article, labels={"video": "Vidéo", "open": "Ouvrir"})
    assert DEFAULT_LABELS["attachments"] in page
    assert "Vidéo" in page and "video/mp4, 5.0 MB" in page
    assert '<a href="https://x.example/clip.mp4">Ouvrir</a>' in page
    assert "audio/mpeg" in page
    assert REMOTE not in page
    assert "javascript:" not in page


def test_base_font_size_scales_the_page() -> None:
    assert "font-size: 20px" in render(english(), base_font_px=20).split("body {", 1)[1][:200]
    assert "font-size: 35px" in render(english(), base_font_px=20)  # the headline


@pytest.mark.parametrize(
    ("link", "expected"),
    [
        (article_link(42), 42),
        ("newsreader-article:abc", None),
        ("newsreader-article:", None),
        ("https://x.example/42", None),
        ("newsreader-article:٤٢", None),
    ],
)
def test_article_links_round_trip(link: str, expected: int | None) -> None:
    assert article_id_from_link(link) == expected


def test_the_page_ends_like_a_news_sites_source_line_then_the_comment_count() -> None:
    page = render(
        make_article(),
        related=[related_row(12, "تمديد ساعات المكتبة")],
        labels={"source": "المصدر", "comments": "3 تعليقات"},
    )
    source = page.index("المصدر: \u2068أخبار المدينة\u2069")
    comments = page.index('<a href="newsreader-comments:')
    related = page.index("newsreader-article:12")
    assert page.index("</h1>") < source < comments < related
    assert "3 تعليقات" in page
    assert "newsreader-comments:" not in render(make_article())  # no count, no link
