"""The demo's web pages: written when the demo is loaded, local, script-free and complete."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from newsreader.core.demo import DEMO_BASE, demo_path
from newsreader.core.types import ArticleQuery
from newsreader.reader import Reader

HTML_REF = re.compile(r"""(?:src|href)="([^"]*)\"""")
ARABIC = re.compile("[\u0600-\u06ff]")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Reader]:
    with Reader.open(tmp_path_factory.mktemp("demo")) as reader:
        reader.load_demo()
        yield reader


def pages(reader: Reader) -> list[Path]:
    assert reader.paths is not None
    return sorted(reader.paths.demo_pages.rglob("*.html"))


def test_every_article_comments_page_and_section_has_a_page(demo: Reader) -> None:
    links = set()
    for summary in demo.list_articles():
        article = demo.get_article(summary.id)
        links |= {article.link, article.comments_url}
    links |= {feed.site_url for feed in demo.list_feeds()}
    links.discard(None)
    assert len(links) > 40 and all(link.startswith(DEMO_BASE) for link in links)
    missing = [link for link in sorted(links) if demo.demo_copy(link) is None]
    assert missing == []
    assert len(pages(demo)) == 40 + 4  # articles and sections, nothing else
    # shipped files are found too, and nothing outside the demo
    assert demo.demo_copy(DEMO_BASE + "images/logo.png") is not None
    assert demo.demo_copy(DEMO_BASE + "articles/none.html") is None
    assert demo.demo_copy(DEMO_BASE + "../../etc/passwd") is None


def _target(page: Path, ref: str) -> Path:
    parts = urlsplit(ref)
    if parts.scheme == "file":
        return Path(unquote(parts.path))
    assert parts.scheme == "", ref  # nothing remote
    return (page.parent / unquote(parts.path)).resolve()


def test_pages_are_local_script_free_and_in_the_direction_of_their_text(demo: Reader) -> None:
    for page in pages(demo):
        text = page.read_text(encoding="utf-8")
        assert "<script" not in text.lower(), page
        assert re.search(r"<[^>]+\son[a-z]+\s*=", text) is None, page  # no event handlers
        assert DEMO_BASE not in text, page  # every demo address made local
        for ref in HTML_REF.findall(text):
            if not ref.startswith("#"):
                assert _target(page, ref).is_file(), (page.name, ref)
        found = re.search(r'<html lang="([^"]+)" dir="(rtl|ltr)">', text)
        assert found is not None
        body = re.sub(r"<[^>]+>", "", text.split("<main>", 1)[1])
        assert (found.group(2) == "rtl") == (len(ARABIC.findall(body)) > 100), page.name


def test_an_article_page_shows_the_article_and_its_threaded_comments(demo: Reader) -> None:
    article = next(
        demo.get_article(a.id)
        for a in demo.list_articles()
        if (a.link or "").endswith("/ar-sport-2.html")
    )
    page = demo.demo_copy(article.link or "")
    assert page is not None
    text = page.read_text(encoding="utf-8")
    assert f"<h1>{article.title}</h1>" in text
    assert article.published is not None
    assert article.published.strftime("%Y-%m-%d %H:%M UTC") in text  # the app's own dates
    comments = demo.list_comments(article.id)
    assert len(comments) == 6 and max(c.depth for c in comments) >= 2
    classes = re.findall(r'<div class="(comment[^"]*)"', text)
    expected = ["comment" + (f" depth-{c.depth}" if c.depth else "") for c in comments]
    assert classes == expected
    assert 'id="comments"' in text


def test_a_section_page_lists_its_headlines_and_names_its_feed(demo: Reader) -> None:
    feed = next(f for f in demo.list_feeds() if f.url.endswith("ar-sport-culture.atom"))
    page = demo.demo_copy(feed.site_url or "")
    assert page is not None and page.name == "index.html"
    text = page.read_text(encoding="utf-8")
    titles = [a.title for a in demo.list_articles(ArticleQuery(feed_id=feed.id))]
    assert titles and all(title in text for title in titles)
    assert 'rel="alternate" type="application/atom+xml"' in text


def test_demo_paths() -> None:
    assert str(demo_path(DEMO_BASE + "articles/a.html#comments")) == "articles/a.html"
    assert str(demo_path(DEMO_BASE + "ar/")) == "ar/index.html"
    assert demo_path("https://example.org/a.html") is None


def test_without_a_profile_folder_nothing_is_written(tmp_path: Path) -> None:
    from newsreader.storage.database import Database, sqlite_url

    reader = Reader(Database(sqlite_url(tmp_path / "bare.sqlite3")))
    try:
        reader.load_demo()
        link = reader.list_articles()[0].link
        assert link is not None and reader.demo_copy(link) is None
    finally:
        reader.close()
    assert not list(tmp_path.rglob("*.html"))


def test_the_pages_can_follow_the_demo(tmp_path: Path) -> None:
    """The window loads the demo first and writes its pages afterwards."""
    with Reader.open(tmp_path / "profile") as reader:
        reader.load_demo(pages=False)
        link = reader.list_articles()[0].link or ""
        assert reader.demo_copy(link) is None
        assert reader.write_demo_pages() == 40 + 4
        assert reader.demo_copy(link) is not None
