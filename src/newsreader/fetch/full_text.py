"""An article page's own text: headline, lead, picture, body, byline; nothing else.

A feed that gives only a lead links to the page that has the article.  That page
is untrusted and full of things that are not the article: the site's header and
sections, a live ticker, share bars, comments, related headlines, cookie banners,
ads and scripts.  :func:`extract_article` keeps what a reader came for and drops
the rest, then sanitizes the result like a feed's content
(:func:`~newsreader.fetch.sanitize.sanitize_html`).  It runs in a parse worker
(:mod:`newsreader.fetch.parse_worker`), never in the app's own process.

The body is found by readability-lxml (its scoring of paragraphs by text and
link density); before it runs, the page loses what is certainly not the article
(by tag, and by class and id words such as ``share``, ``comments``, ``related``,
``ticker``, ``cookie``), and afterwards the article's headline, its main picture
with the caption and credit, the byline and date and the source line are put back
when the scoring left them out.  docs/full_articles.md says why this library and
how it measured on Arabic pages (benchmarks/full_articles.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import lxml.html
from lxml import etree
from readability import Document

from newsreader.core.errors import NewsreaderError, ParseError
from newsreader.core.full_articles import ExtractedPage, word_count
from newsreader.fetch.sanitize import sanitize_html

__all__ = ["extract_article", "extract_or_error", "is_html_type"]

#: Media types that are web pages.
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
#: Kept body text shorter than this many words is no article (a paywall, a video page).
MIN_WORDS = 25

#: Removed with everything in them: never article text.
_DROPPED_TAGS = (
    "script",
    "style",
    "noscript",
    "iframe",
    "form",
    "button",
    "input",
    "select",
    "textarea",
    "svg",
    "canvas",
    "template",
    "object",
    "embed",
    "nav",
    "aside",
    "dialog",
)
#: Words in a class or id that mark an element as the page's, not the article's.
_BOILERPLATE_WORDS = frozenset(
    {
        "ad",
        "ads",
        "advert",
        "advertisement",
        "adslot",
        "banner",
        "breadcrumb",
        "breadcrumbs",
        "breaking",
        "comment",
        "comments",
        "consent",
        "cookie",
        "cookies",
        "gdpr",
        "live",
        "marquee",
        "menu",
        "more",
        "most",
        "navbar",
        "navigation",
        "newsletter",
        "outbrain",
        "poll",
        "popular",
        "promo",
        "related",
        "share",
        "sharing",
        "sidebar",
        "social",
        "sponsored",
        "subscribe",
        "taboola",
        "tags",
        "ticker",
        "toolbar",
        "trending",
        "widget",
    }
)
#: Words in a class or id that mark the article's own parts, never dropped.
_KEPT_WORDS = frozenset(
    {"author", "byline", "caption", "credit", "date", "figure", "headline", "source", "time"}
)
_WORD_SPLIT = re.compile(r"[\s_\-]+")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_\-]+)""", re.I)


def is_html_type(content_type: str | None) -> bool:
    """Whether a response's content type is a web page (an unknown one may be)."""
    if not content_type:
        return True
    return content_type.split(";", 1)[0].strip().lower() in HTML_TYPES


def _charset(data: bytes, content_type: str | None) -> str:
    if content_type and "charset=" in content_type.lower():
        name = content_type.lower().split("charset=", 1)[1].split(";")[0].strip(" \"'")
        if name:
            return name
    found = _CHARSET.search(data[:4096])
    return found.group(1).decode("ascii").lower() if found else "utf-8"


def _decode(data: bytes, content_type: str | None) -> str:
    try:
        return data.decode(_charset(data, content_type), errors="replace")
    except LookupError:  # a charset Python does not know
        return data.decode("utf-8", errors="replace")


def _words_of(element: lxml.html.HtmlElement) -> set[str]:
    names = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
    return {w for w in _WORD_SPLIT.split(names) if w}


def _is_boilerplate(element: lxml.html.HtmlElement) -> bool:
    words = _words_of(element)
    if not words & _BOILERPLATE_WORDS or words & _KEPT_WORDS:
        return False
    if element.tag in ("html", "body", "article", "main"):
        return False
    return not element.xpath(".//h1")


def _remove(element: lxml.html.HtmlElement) -> None:
    parent = element.getparent()
    if parent is not None:
        element.drop_tree()


def _strip_page(root: lxml.html.HtmlElement) -> None:
    """Remove what is certainly the page's and not the article's."""
    etree.strip_elements(root, etree.Comment, with_tail=False)
    for tag in _DROPPED_TAGS:
        for element in root.iter(tag):
            if element.xpath(".//h1"):
                continue  # a page that wraps its article in one of these
            _remove(element)
    for tag in ("header", "footer"):
        for element in list(root.iter(tag)):
            if not element.xpath("ancestor::article") and not element.xpath(".//h1"):
                _remove(element)
    for element in list(root.iter()):
        if (
            isinstance(element.tag, str)
            and element.getparent() is not None
            and (_is_boilerplate(element))
        ):
            _remove(element)
    _drop_labelled_sections(root)


#: Headings of a page's own sections after (or beside) the article, in Arabic and
#: English: what follows such a heading is comments or other headlines.
_SECTION_LABELS = frozenset(
    {
        "التعليقات",
        "تعليقات",
        "تعليقات القراء",
        "آراء القراء",
        "أضف تعليقك",
        "اقرأ أيضا",
        "اقرأ أيضًا",
        "اقرأ ايضا",
        "أخبار ذات صلة",
        "اخبار ذات صلة",
        "ذات صلة",
        "المزيد من الأخبار",
        "الأكثر قراءة",
        "الأكثر مشاهدة",
        "comments",
        "related",
        "related articles",
        "read more",
        "more news",
        "most read",
    }
)
_HEADINGS = ("h2", "h3", "h4", "h5", "h6")


def _label(text: str) -> str:
    return " ".join(text.split()).strip(" :：،,.").lower()


def _drop_labelled_sections(root: lxml.html.HtmlElement) -> None:
    """Drop each heading named like a page's section, with the block that follows it.

    Sites name the parts around an article in words as often as in class names:
    "التعليقات" over the readers' comments, "اقرأ أيضا" over other headlines.
    """
    for heading in list(root.iter(*_HEADINGS)):
        if heading.getparent() is None or _label(_text(heading)) not in _SECTION_LABELS:
            continue
        following = heading.getnext()
        if following is not None and following.tag not in _HEADINGS and following.tag != "p":
            _remove(following)
        _remove(heading)


#: A share of the body's paragraphs an element must hold to be the article's region.
_COVERING = 0.8
#: Paragraphs at least this long are the article's (most page furniture is shorter).
_LONG_PARAGRAPH_WORDS = 15
#: Blocks this short whose text is mostly links are menus, share bars and lists of
#: other headlines, not the article.
_LINK_BLOCK_WORDS = 60
_LINK_SHARE = 0.5
#: How a short block that is an advertisement starts, in Arabic and English.
_AD_LABELS = ("إعلان", "اعلان", "advertisement", "sponsored")
_AD_WORDS = 40
_BLOCKS = ("p", "div", "ul", "ol", "li", "section", "table", "dl", "span")


def _paragraphs(fragment: lxml.html.HtmlElement) -> list[str]:
    """The texts of the long paragraphs readability kept: what the article is made of.

    Comments, tickers and banners are mostly short, an article's paragraphs long;
    when no paragraph is long, every one of five words or more counts.
    """
    texts = [_text(e) for e in fragment.iter("p", "blockquote", "li")]
    long = [t for t in texts if word_count(t) >= _LONG_PARAGRAPH_WORDS]
    return long or [t for t in texts if word_count(t) >= 5]


def _covers(element: lxml.html.HtmlElement, paragraphs: list[str]) -> bool:
    if not paragraphs:
        return False
    content = _text(element)
    return sum(p in content for p in paragraphs) >= _COVERING * len(paragraphs)


def _article_region(
    root: lxml.html.HtmlElement, paragraphs: list[str]
) -> lxml.html.HtmlElement | None:
    """The smallest element that holds (nearly) all the body: the article, not the page.

    An ``<article>``, an ``articleBody`` or ``<main>`` if one does; else the nearest
    ancestor of the headline that does.  ``None`` when only the whole page does.
    """
    for path in ("//article", "//*[@itemprop='articleBody']", "//main"):
        found = [e for e in root.xpath(path) if _covers(e, paragraphs)]
        if found:
            return min(found, key=lambda e: len(e.text_content()))
    for headline in root.xpath("//h1")[:1]:
        element = headline
        while element is not None and element.tag not in ("body", "html"):
            if _covers(element, paragraphs):
                return element
            element = element.getparent()
    return None


def _with_headline(
    root: lxml.html.HtmlElement, region: lxml.html.HtmlElement | None
) -> lxml.html.HtmlElement:
    """Where the article's headline, picture and byline are: the region, widened to its h1."""
    if region is None:
        return root
    headlines = root.xpath("//h1")
    element: lxml.html.HtmlElement | None = region
    while headlines and element is not None and headlines[0] not in element.iter("h1"):
        element = element.getparent()
    return element if element is not None else region


def _link_text(element: lxml.html.HtmlElement) -> int:
    return sum(len(_text(a)) for a in element.iter("a"))


def _drop_page_blocks(fragment: lxml.html.HtmlElement) -> None:
    """Take out of the kept body the short blocks of links and the labelled ads."""
    for element in list(fragment.iter(*_BLOCKS)):
        if element.getparent() is None:
            continue
        text = _text(element)
        words = word_count(text)
        if not text:
            continue
        mostly_links = words < _LINK_BLOCK_WORDS and _link_text(element) > _LINK_SHARE * len(text)
        an_ad = words < _AD_WORDS and text.lower().startswith(_AD_LABELS)
        if mostly_links or an_ad:
            element.drop_tree()


def _readable(markup: str, url: str) -> lxml.html.HtmlElement:
    body = Document(markup, url=url).summary(html_partial=True)
    return lxml.html.fragment_fromstring(body, create_parent="div")


def _text(element: lxml.html.HtmlElement) -> str:
    return " ".join(element.text_content().split())


def _first(region: lxml.html.HtmlElement, paths: tuple[str, ...]) -> Iterator[str]:
    for path in paths:
        for element in region.xpath(path):
            yield lxml.html.tostring(element, encoding="unicode", with_tail=False)


def _parts_left_out(region: lxml.html.HtmlElement, body_text: str) -> tuple[str, str, str]:
    """Headline, picture and byline markup that the body does not already hold."""
    head = picture = byline = ""
    for markup in _first(region, (".//h1",)):
        if _text(lxml.html.fragment_fromstring(markup)) not in body_text:
            head = markup
        break
    for figure in region.xpath(".//figure[.//img]") or region.xpath(".//img"):
        caption = _text(figure)
        sources = {img.get("src") for img in figure.iter("img")} | {figure.get("src")}
        if not (caption and caption in body_text) and not any(
            s and s in body_text for s in sources
        ):
            picture = lxml.html.tostring(figure, encoding="unicode", with_tail=False)
        break
    lines: list[str] = []
    for element in region.xpath(
        ".//*[self::time or contains(@class,'author') or contains(@class,'byline')"
        " or contains(@class,'date') or contains(@class,'source')]"
    ):
        text = _text(element)
        if text and text not in body_text and all(text not in line for line in lines):
            lines.append(text)
    if lines:
        byline = "".join(f"<p>{_escape(line)}</p>" for line in lines)
    return head, picture, byline


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def extract_article(data: bytes, url: str, content_type: str | None) -> ExtractedPage:
    """The article on the page *data* fetched from *url*; raises :class:`ParseError`."""
    if not is_html_type(content_type):
        kind = (content_type or "").split(";", 1)[0].strip()
        raise ParseError(f"the page is not HTML ({kind})")
    text = _decode(data, content_type)
    if not text.lstrip().startswith("<") and "<html" not in text[:2048].lower():
        raise ParseError("the page is not HTML")
    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise ParseError(f"the page could not be read ({exc})") from exc
    titles = root.xpath("//meta[@property='og:title']/@content") or root.xpath("//title/text()")
    title = " ".join(str(titles[0]).split()) if titles else None
    _strip_page(root)
    fragment = _readable(lxml.html.tostring(root, encoding="unicode"), url)
    region = _article_region(root, _paragraphs(fragment))
    if region is not None:  # readability again, on the article alone
        fragment = _readable(lxml.html.tostring(region, encoding="unicode"), url)
    _drop_page_blocks(fragment)
    body_text = _text(fragment)
    body = "".join(
        lxml.html.tostring(child, encoding="unicode", with_tail=True) for child in fragment
    )
    body = (fragment.text or "") + body
    head, picture, byline = _parts_left_out(_with_headline(root, region), body_text)
    markup = head + picture + byline + body
    page_body = root.find("body")
    direction = root.get("dir") or (page_body.get("dir") if page_body is not None else None)
    clean = sanitize_html(markup, url)
    if direction in ("rtl", "ltr"):
        clean = f'<div dir="{direction}">{clean}</div>'
    words = word_count(body_text)
    if words < MIN_WORDS:
        raise ParseError(f"no article text found on the page ({words} words)")
    return ExtractedPage(clean, title, words)


def extract_or_error(data: bytes, url: str, content_type: str | None) -> ExtractedPage | str:
    """The extracted article, or the article's error message: what a parse worker returns."""
    try:
        return extract_article(data, url, content_type)
    except NewsreaderError as exc:
        return str(exc)
    except MemoryError:
        return "the page needs more memory to read than a page may use"
    except Exception as exc:  # a hostile page nobody foresaw: that article's error
        return f"could not read the page ({type(exc).__name__}: {exc})"
