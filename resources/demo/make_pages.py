"""Regenerate the demo's web pages: one per article, one per publication section.

Demo articles link to ``https://demo.newsreader.invalid/articles/<name>.html`` and
feeds to their section's front page.  That host exists only inside Newsreader, which
opens the file shipped here instead ("Open in Browser", a headline's link, the
comments page).  The pages are made from the demo feeds by Newsreader itself: the
demo is loaded into a throw-away profile, and each article is written out with its
picture, body, topics and readers' comments, all links made relative so that a
browser finds the pictures and the other pages beside them.  No scripts, no remote
anything; no dates either, since the demo's dates follow the calendar.

Output is deterministic: running the script again reproduces the committed files
byte for byte (a test checks it).

Usage: ``python resources/demo/make_pages.py [OUT_DIR]`` (by default next to this
file: ``articles/``, ``ar/``, ``en/``, ``markets/``), with Newsreader installed.
"""

from __future__ import annotations

import html
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path, PurePosixPath

from newsreader.core.types import Article, Comment, Direction, Feed
from newsreader.fetch.transport import DEMO_BASE
from newsreader.reader import Reader

HERE = Path(__file__).resolve().parent

#: The page's fixed texts, by direction (Arabic pages for right-to-left articles).
TEXTS = {
    Direction.RTL: {
        "comments": "تعليقات القراء",
        "no_comments": "لا تعليقات على هذا الخبر.",
        "topics": "المواضيع",
        "media": "مرفقات",
        "front": "الصفحة الرئيسية للقسم",
        "demo": "صفحة تجريبية مرفقة مع Newsreader: الصحيفة والأشخاص والأحداث من نسج الخيال.",
        "anonymous": "قارئ",
    },
    Direction.LTR: {
        "comments": "Readers' comments",
        "no_comments": "No comments on this story.",
        "topics": "Topics",
        "media": "Attachments",
        "front": "Section front page",
        "demo": "A demo page shipped with Newsreader: the publication, people and events "
        "are invented.",
        "anonymous": "A reader",
    },
}

STYLE = """
body { margin: 0; background: #f6f5f2; color: #1d1d1f;
  font: 18px/1.7 "Noto Naskh Arabic", "Amiri", "Noto Sans", "DejaVu Sans", sans-serif; }
main { max-width: 46rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; background: #fff; }
header a { color: #8a1c1c; font-weight: bold; text-decoration: none; }
h1 { font-size: 1.9rem; line-height: 1.35; margin: 0.6rem 0; }
.byline, .topics, footer { color: #5f6368; font-size: 0.9rem; }
.lead { font-size: 1.15rem; font-weight: bold; }
figure { margin: 1rem 0; } figure img, .body img { max-width: 100%; height: auto; }
figcaption { color: #5f6368; font-size: 0.85rem; }
blockquote { margin: 1rem 0; padding-inline-start: 1rem; border-inline-start: 4px solid #ccc; }
.comment { margin: 0.8rem 0; padding: 0.6rem 0.9rem; background: #f1f3f4; border-radius: 6px; }
.comment .who { font-weight: bold; font-size: 0.9rem; }
ul.index li { margin: 0.4rem 0; }
""".strip()


def _slug_path(url: str) -> PurePosixPath | None:
    """The file a demo-host URL names, relative to the demo folder (a folder → index)."""
    if not url.startswith(DEMO_BASE):
        return None
    relative = url.removeprefix(DEMO_BASE).split("#", 1)[0].split("?", 1)[0]
    if not relative or relative.endswith("/"):
        relative += "index.html"
    return PurePosixPath(relative)


def _relative_prefix(page: PurePosixPath) -> str:
    """From *page* back to the demo folder: ``../`` once per folder it is in."""
    return "../" * (len(page.parts) - 1)


def _localize(markup: str, page: PurePosixPath) -> str:
    """Demo-host URLs in *markup* made relative to *page*, so a browser finds them."""
    return markup.replace(DEMO_BASE, _relative_prefix(page))


def _attr(value: str) -> str:
    return html.escape(value, quote=True)


def _document(
    page: PurePosixPath, title: str, language: str, direction: Direction, body: str, head: str = ""
) -> str:
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{_attr(language)}" dir="{direction.value}">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'self\'; '
        "style-src 'unsafe-inline'; img-src 'self'; media-src 'self'\">\n"
        f"<title>{html.escape(title)}</title>\n"
        f"<style>\n{STYLE}\n</style>\n"
        f"{_localize(head, page)}"
        "</head>\n"
        f"<body>\n<main>\n{_localize(body, page)}\n</main>\n</body>\n</html>\n"
    )


def _comments(comments: Sequence[Comment], texts: dict[str, str]) -> Iterator[str]:
    yield f'<section id="comments">\n<h2>{texts["comments"]}</h2>'
    if not comments:
        yield f"<p>{texts['no_comments']}</p>"
    for comment in comments:
        indent = f' style="margin-inline-start: {2 * comment.depth}rem"' if comment.depth else ""
        anchor = comment.link.split("#", 1)[1] if comment.link and "#" in comment.link else ""
        ident = f' id="{_attr(anchor)}"' if anchor else ""
        who = html.escape(comment.author or texts["anonymous"])
        yield (
            f'<div class="comment" dir="{comment.direction.value}"{ident}{indent}>'
            f'<div class="who">{who}</div>{comment.content_html}</div>'
        )
    yield "</section>"


def article_page(
    article: Article, feed: Feed, comments: Sequence[Comment], page: PurePosixPath
) -> str:
    """The web page of one demo article."""
    texts = TEXTS[article.direction]
    parts = []
    front = _slug_path(feed.site_url or "")
    if front is not None:
        parts.append(
            f'<header><a href="{_attr(DEMO_BASE + str(front))}">'
            f"{html.escape(feed.title)}</a></header>"
        )
    else:
        parts.append(f"<header>{html.escape(feed.title)}</header>")
    parts.append("<article>")
    parts.append(f"<h1>{html.escape(article.title)}</h1>")
    if article.author:
        parts.append(f'<p class="byline">{html.escape(article.author)}</p>')
    if article.image_url and (article.image_url not in (article.content_html or "")):
        caption = (
            f"<figcaption>{html.escape(article.image_caption)}</figcaption>"
            if article.image_caption
            else ""
        )
        alt = _attr(article.image_caption or "")
        parts.append(
            f'<figure><img src="{_attr(article.image_url)}" alt="{alt}">{caption}</figure>'
        )
    if article.summary and not article.content_html:
        parts.append(f'<p class="lead">{html.escape(article.summary)}</p>')
    if article.content_html:
        parts.append(f'<div class="body">{article.content_html}</div>')
    media = [e for e in article.enclosures if not (e.type or "").startswith("image/")]
    if media:
        links = "".join(
            f'<li><a href="{_attr(e.url)}">{html.escape(PurePosixPath(e.url).name)}</a></li>'
            for e in media
        )
        parts.append(f"<h2>{texts['media']}</h2><ul>{links}</ul>")
    if article.categories:
        topics = (
            "، ".join(article.categories)
            if article.direction is Direction.RTL
            else ", ".join(article.categories)
        )
        parts.append(f'<p class="topics">{texts["topics"]}: {html.escape(topics)}</p>')
    parts.append("</article>")
    if article.comments_feed_url or article.comments_url:
        parts.extend(_comments(comments, texts))
    parts.append(f"<footer><p>{texts['demo']}</p></footer>")
    return _document(
        page,
        article.title,
        article.language or ("ar" if article.direction is Direction.RTL else "en"),
        article.direction,
        "\n".join(parts),
    )


def front_page(feed: Feed, articles: Sequence[Article], page: PurePosixPath) -> str:
    """A section's front page: its headlines, each linking to the article's page."""
    direction = Direction.RTL if (feed.language or "").startswith("ar") else Direction.LTR
    if not feed.language and articles:
        rtl = sum(a.direction is Direction.RTL for a in articles)
        direction = Direction.RTL if 2 * rtl >= len(articles) else Direction.LTR
    texts = TEXTS[direction]
    items = "\n".join(
        f'<li dir="{a.direction.value}"><a href="{_attr(a.link or "")}">'
        f"{html.escape(a.title)}</a></li>"
        for a in articles
    )
    body = (
        f"<header>{html.escape(feed.title)}</header>\n<h1>{html.escape(feed.title)}</h1>\n"
        f'<ul class="index">\n{items}\n</ul>\n<footer><p>{texts["demo"]}</p></footer>'
    )
    language = feed.language or ("ar" if direction is Direction.RTL else "en")
    kind = "application/atom+xml" if feed.url.endswith(".atom") else "application/rss+xml"
    alternate = (
        f'<link rel="alternate" type="{kind}" title="{_attr(feed.title)}" '
        f'href="{_attr(feed.url)}">\n'
    )
    return _document(page, feed.title, language, direction, body, alternate)


def build(out: Path) -> list[Path]:
    """Write every demo page under *out*; the files written, in order."""
    written: list[Path] = []

    def write(page: PurePosixPath, text: str) -> None:
        path = out / page
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
        written.append(path)

    with tempfile.TemporaryDirectory() as profile, Reader.open(Path(profile)) as reader:
        reader.load_demo()
        feeds = {feed.id: feed for feed in reader.list_feeds()}
        by_feed: dict[int, list[Article]] = {}
        for summary in reader.list_articles():
            article = reader.get_article(summary.id)
            by_feed.setdefault(article.feed_id, []).append(article)
        for feed_id, articles in sorted(by_feed.items()):
            for article in articles:
                page = _slug_path(article.link or "")
                if page is None:
                    continue
                comments: list[Comment] = []
                if article.comments_feed_url:
                    reader.refresh_comments(article.id)
                    comments = reader.list_comments(article.id)
                write(page, article_page(article, feeds[feed_id], comments, page))
            front = _slug_path(feeds[feed_id].site_url or "")
            if front is not None:
                write(front, front_page(feeds[feed_id], articles, front))
    return written


def main(argv: Sequence[str]) -> None:
    out = Path(argv[0]) if argv else HERE
    for path in build(out):
        print(path.relative_to(out))


if __name__ == "__main__":
    main(sys.argv[1:])
