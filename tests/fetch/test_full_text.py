"""Extracting an article from its page: the article kept, the site around it dropped."""

from __future__ import annotations

import pytest

from newsreader.core.errors import ParseError
from newsreader.core.full_articles import ExtractedPage
from newsreader.fetch.full_text import extract_article, extract_or_error, is_html_type
from tests.helpers.feeds import ARTICLE_PARAGRAPHS, article_page

URL = "http://127.0.0.1:9/news/park"


def extract(markup: str, content_type: str | None = "text/html; charset=utf-8") -> ExtractedPage:
    return extract_article(markup.encode("utf-8"), URL, content_type)


def test_the_article_is_kept_and_the_site_around_it_dropped() -> None:
    page = extract(article_page())
    for paragraph in ARTICLE_PARAGRAPHS:
        assert paragraph in page.html
    for kept in ("حديقة جديدة وسط المدينة", "تصوير: منى السالم", "المصدر: مراسلنا", "منى السالم"):
        assert kept in page.html
    for dropped in (
        "عاجل: إغلاق طريق",
        "شارك الخبر",
        "افتتاح سوق شعبية",
        "فكرة رائعة",
        "ملفات تعريف الارتباط",
        "سياسة",
        "tracker",
    ):
        assert dropped not in page.html
    assert page.title == "حديقة جديدة وسط المدينة"
    assert page.words > 40


def test_pictures_get_absolute_addresses_and_the_page_direction_is_kept() -> None:
    page = extract(article_page())
    assert 'src="http://127.0.0.1:9/pictures/park.jpg"' in page.html
    assert page.html.startswith('<div dir="rtl">')


def test_hostile_markup_is_sanitized_like_feed_content() -> None:
    hostile = (
        '<p onclick="steal()">نص</p><img src="x" onerror="steal()">'
        '<a href="javascript:steal()">رابط</a><iframe src="http://evil.example/"></iframe>'
        "<script>steal()</script>"
    )
    first = ARTICLE_PARAGRAPHS[0]
    markup = article_page(extra=hostile).replace(first, first + ' <b onmouseover="steal()">مهم</b>')
    page = extract(markup)
    for bad in ("steal", "onerror", "onclick", "onmouseover", "javascript:", "<iframe", "<script"):
        assert bad not in page.html
    assert "<b>مهم</b>" in page.html


def test_a_page_that_is_not_html_is_an_error() -> None:
    with pytest.raises(ParseError, match=r"not HTML \(image/png\)"):
        extract_article(b"\x89PNG\r\n", URL, "image/png")
    with pytest.raises(ParseError, match="not HTML"):
        extract_article(b"%PDF-1.7 binary", URL, None)


def test_a_page_without_an_article_is_an_error() -> None:
    message = extract_or_error(b"<html><body><nav>menu</nav></body></html>", URL, "text/html")
    assert isinstance(message, str)
    assert "no article text" in message


def test_the_charset_comes_from_the_header_or_the_page() -> None:
    markup = article_page().replace('<meta charset="utf-8">', '<meta charset="windows-1256">')
    data = markup.encode("cp1256")
    assert ARTICLE_PARAGRAPHS[0] in extract_article(data, URL, "text/html").html
    assert ARTICLE_PARAGRAPHS[0] in extract_article(data, URL, "text/html; charset=cp1256").html


def test_html_types() -> None:
    assert is_html_type("text/html; charset=utf-8")
    assert is_html_type("application/xhtml+xml")
    assert is_html_type(None)
    assert not is_html_type("application/pdf")


def test_sections_named_by_their_heading_are_dropped() -> None:
    comments = (
        "<h3>التعليقات</h3><ul><li>أسكن في هذا الحي منذ سنوات طويلة وأرجو أن يكتمل المشروع"
        " في موعده هذه المرة وأن يشارك الأهالي في متابعته</li></ul>"
        "<h2>اقرأ أيضًا:</h2><div><a href='/n/1'>افتتاح سوق شعبية في الحي القديم</a></div>"
    )
    page = extract(article_page().replace("</article>", comments + "</article>"))
    assert "أسكن في هذا الحي" not in page.html
    assert "التعليقات" not in page.html and "افتتاح سوق شعبية" not in page.html
    assert ARTICLE_PARAGRAPHS[-1] in page.html
