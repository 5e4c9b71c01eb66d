"""Web pages for the demo's articles and sections, written when the demo is loaded.

Demo articles link to ``https://demo.newsreader.invalid/articles/<name>.html`` and
each demo feed to its section's front page.  That host exists only inside
Newsreader, so when such a link leaves the app ("Open in Browser", a headline's
link, a comments page) the browser is handed a local page instead: one per article
(headline, source line, picture and credit, body, topics, attachments, readers'
comments) and one per section (its headlines).  They are made from what the
profile holds, so they show the same dates and comments as the app, and they live
in the profile's cache, since they can always be made again.

Pictures, media and the style sheet are the shipped files themselves, linked with
``file:`` URLs; links between pages are relative.  No scripts, nothing remote.
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Iterator, Sequence
from datetime import UTC
from pathlib import Path, PurePosixPath
from typing import Protocol

from newsreader.core.demo import DEMO_BASE, demo_file, demo_path
from newsreader.core.paths import resources_dir
from newsreader.core.types import (
    Article,
    ArticleQuery,
    ArticleSummary,
    Comment,
    CommentsStatus,
    Direction,
    Feed,
)

__all__ = ["write_demo_pages"]

log = logging.getLogger(__name__)

#: The shipped style sheet every page uses.
STYLESHEET = "page.css"
#: Replies are indented by their depth in the thread, up to this many levels.
MAX_DEPTH = 4

#: The pages' fixed wording, by the article's direction.
TEXTS = {
    Direction.RTL: {
        "comments": "تعليقات القراء",
        "no_comments": "لا تعليقات على هذا الخبر.",
        "topics": "المواضيع",
        "media": "مرفقات",
        "demo": "صفحة تجريبية من Newsreader: الصحيفة والأشخاص والأحداث من نسج الخيال.",
        "anonymous": "قارئ",
        "separator": "، ",
    },
    Direction.LTR: {
        "comments": "Readers' comments",
        "no_comments": "No comments on this story.",
        "topics": "Topics",
        "media": "Attachments",
        "demo": "A Newsreader demo page: the publication, people and events are invented.",
        "anonymous": "A reader",
        "separator": ", ",
    },
}

_DEMO_URL_RE = re.compile(re.escape(DEMO_BASE) + r"[^\"'\s<>]*")


def _localized(markup: str, page: PurePosixPath) -> str:
    """Demo-host URLs in *markup* as a browser on this machine can follow them.

    A shipped file (picture, media, feed) becomes its ``file:`` URL; anything else
    is another page, linked relative to *page*.
    """
    up = "../" * (len(page.parts) - 1)

    def local(match: re.Match[str]) -> str:
        url = html.unescape(match.group(0))
        fragment = "#" + url.split("#", 1)[1] if "#" in url else ""
        shipped = demo_file(url)
        if shipped is not None:
            return html.escape(shipped.as_uri() + fragment, quote=True)
        return html.escape(f"{up}{demo_path(url)}{fragment}", quote=True)

    return _DEMO_URL_RE.sub(local, markup)


def _attr(value: str) -> str:
    return html.escape(value, quote=True)


def _document(
    page: PurePosixPath, title: str, language: str, direction: Direction, body: str, head: str = ""
) -> str:
    stylesheet = (resources_dir() / "demo" / STYLESHEET).as_uri()
    return _localized(
        "<!DOCTYPE html>\n"
        f'<html lang="{_attr(language)}" dir="{direction.value}">\n'
        f'<head>\n<meta charset="utf-8">\n<title>{html.escape(title)}</title>\n'
        f'<link rel="stylesheet" href="{_attr(stylesheet)}">\n{head}</head>\n'
        f"<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n",
        page,
    )


def _comments(comments: Sequence[Comment], texts: dict[str, str]) -> Iterator[str]:
    yield f'<section id="comments">\n<h2>{texts["comments"]}</h2>'
    if not comments:
        yield f"<p>{texts['no_comments']}</p>"
    for comment in comments:
        depth = min(comment.depth, MAX_DEPTH)
        classes = f"comment depth-{depth}" if depth else "comment"
        anchor = comment.link.split("#", 1)[1] if comment.link and "#" in comment.link else ""
        ident = f' id="{_attr(anchor)}"' if anchor else ""
        who = html.escape(comment.author or texts["anonymous"])
        yield (
            f'<div class="{classes}" dir="{comment.direction.value}"{ident}>'
            f'<div class="who">{who}</div>{comment.content_html}</div>'
        )
    yield "</section>"


def _language(language: str | None, direction: Direction) -> str:
    return language or ("ar" if direction is Direction.RTL else "en")


def article_page(
    article: Article, feed: Feed, comments: Sequence[Comment], page: PurePosixPath
) -> str:
    """The web page of one demo article."""
    texts = TEXTS[article.direction]
    name = html.escape(feed.title)
    if feed.site_url and demo_path(feed.site_url) is not None:
        name = f'<a href="{_attr(feed.site_url)}">{name}</a>'  # the section's front page
    parts = [f"<header>{name}</header>", f"<article>\n<h1>{html.escape(article.title)}</h1>"]
    byline = [article.author or ""]
    if article.published is not None:
        byline.append(article.published.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC"))
    parts.append(f'<p class="byline">{html.escape(" · ".join(b for b in byline if b))}</p>')
    if article.image_url and article.image_url not in (article.content_html or ""):
        caption = article.image_caption or ""
        figcaption = f"<figcaption>{html.escape(caption)}</figcaption>" if caption else ""
        parts.append(
            f'<figure><img src="{_attr(article.image_url)}" alt="{_attr(caption)}">'
            f"{figcaption}</figure>"
        )
    if article.content_html:
        parts.append(f'<div class="body">{article.content_html}</div>')
    elif article.summary:
        parts.append(f'<p class="lead">{html.escape(article.summary)}</p>')
    media = [e for e in article.enclosures if not (e.type or "").startswith("image/")]
    if media:
        links = "".join(
            f'<li><a href="{_attr(e.url)}">{html.escape(PurePosixPath(e.url).name)}</a></li>'
            for e in media
        )
        parts.append(f"<h2>{texts['media']}</h2><ul>{links}</ul>")
    if article.categories:
        topics = texts["separator"].join(article.categories)
        parts.append(f'<p class="topics">{texts["topics"]}: {html.escape(topics)}</p>')
    parts.append("</article>")
    if article.comments_feed_url or article.comments_url:
        parts.extend(_comments(comments, texts))
    parts.append(f"<footer><p>{texts['demo']}</p></footer>")
    language = _language(article.language, article.direction)
    return _document(page, article.title, language, article.direction, "\n".join(parts))


def section_page(feed: Feed, articles: Sequence[Article], page: PurePosixPath) -> str:
    """A section's front page: its headlines, newest first, and a link to its feed."""
    rtl = sum(a.direction is Direction.RTL for a in articles)
    direction = Direction.RTL if 2 * rtl >= max(len(articles), 1) else Direction.LTR
    items = "\n".join(
        f'<li dir="{a.direction.value}"><a href="{_attr(a.link or "")}">'
        f"{html.escape(a.title)}</a></li>"
        for a in articles
    )
    body = (
        f'<h1>{html.escape(feed.title)}</h1>\n<ul class="index">\n{items}\n</ul>\n'
        f"<footer><p>{TEXTS[direction]['demo']}</p></footer>"
    )
    kind = "application/atom+xml" if feed.url.endswith(".atom") else "application/rss+xml"
    head = f'<link rel="alternate" type="{kind}" href="{_attr(feed.url)}">\n'
    language = _language(feed.language, direction)
    return _document(page, feed.title, language, direction, body, head)


class DemoSource(Protocol):
    """What the pages are made from: the profile's feeds, articles and comments."""

    def list_feeds(self) -> list[Feed]: ...

    def list_articles(self, query: ArticleQuery | None = None) -> list[ArticleSummary]: ...

    def get_article(self, article_id: int) -> Article: ...

    def refresh_comments(self, article_id: int) -> CommentsStatus: ...

    def list_comments(self, article_id: int) -> list[Comment]: ...


def write_demo_pages(reader: DemoSource, out: Path) -> list[Path]:
    """Write the page of every demo article and section in *reader* under *out*.

    Comments are fetched first where an article has a comments feed (from the
    demo host, so without the network).  Returns the files written.
    """
    written: list[Path] = []

    def write(page: PurePosixPath, text: str) -> None:
        path = out / page
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
        written.append(path)

    for feed in reader.list_feeds():
        if not feed.url.startswith(DEMO_BASE):
            continue
        articles = [
            reader.get_article(summary.id)
            for summary in reader.list_articles(ArticleQuery(feed_id=feed.id))
        ]
        for article in articles:
            page = demo_path(article.link or "")
            if page is None:
                continue
            comments: list[Comment] = []
            if article.comments_feed_url:
                reader.refresh_comments(article.id)
                comments = reader.list_comments(article.id)
            write(page, article_page(article, feed, comments, page))
        section = demo_path(feed.site_url or "")
        if section is not None:
            write(section, section_page(feed, articles, section))
    return written
