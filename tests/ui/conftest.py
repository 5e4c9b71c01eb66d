"""Fixtures for the GUI tests: offscreen Qt, real profiles filled from a local feed server.

Also the documents and records tests build them from: feeds (:func:`make_rss`) and
comment threads (:func:`make_comments`).
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from newsreader.core.types import Comment, Direction
from newsreader.reader import Reader
from newsreader.ui.i18n import Translations
from tests.helpers.feedserver import FeedServer, Response, feed_server

__all__ = ["feed_server"]

#: Newest item of generated feeds; older items are a minute apart.
NEWEST = datetime.now(UTC).replace(microsecond=0) - timedelta(minutes=3)

AR_WORDS = ("اجتماع", "وزراء", "الطاقة", "يبحث", "أسعار", "النفط", "في", "العاصمة", "غدًا")


def make_rss(
    count: int,
    *,
    title: str = "Generated",
    language: str = "en",
    start: int = 0,
    categories: Sequence[str] = (),
    prefix: str = "g",
    newest: datetime | None = None,
) -> str:
    """An RSS 2.0 document of ``count`` items, newest first, a minute apart."""
    newest = newest or NEWEST
    items = []
    for i in range(start, start + count):
        if language == "ar":
            headline = " ".join(AR_WORDS[(i + k) % len(AR_WORDS)] for k in range(6)) + f" {i}"
        else:
            headline = f"Item {i}: ministers meet to discuss energy prices"
        category = (
            f"<category>{escape(categories[i % len(categories)])}</category>" if categories else ""
        )
        items.append(
            "<item>"
            f"<title>{escape(headline)}</title>"
            f"<link>http://127.0.0.1/{prefix}/{i}</link>"
            f"<guid isPermaLink='false'>{prefix}-{i}</guid>"
            f"<pubDate>{format_datetime(newest - timedelta(minutes=i))}</pubDate>"
            f"{category}"
            f"<description>{escape(headline)} — body {i}</description>"
            "</item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>http://127.0.0.1/{prefix}</link>"
        f"<language>{language}</language>{''.join(items)}</channel></rss>"
    )


def serve(server: FeedServer, path: str, body: str) -> str:
    server.route(path, Response(body=body))
    return server.url(path)


def make_comments(count: int, article_id: int = 1) -> list[Comment]:
    """A thread alternating Arabic and English comments, replies nested up to depth 3."""
    now = datetime.now(UTC)
    comments = []
    for i in range(count):
        arabic = i % 2 == 0
        text = (
            f"<p>تعليق رقم {i} على الخبر، شكرًا للكاتب.</p>"
            if arabic
            else f"<p>Comment {i}: thanks for the clear report.</p>"
        )
        comments.append(
            Comment(
                id=i + 1,
                article_id=article_id,
                guid=f"c-{i}",
                parent_id=None,
                author="سلمى" if arabic else "John",
                published=now - timedelta(minutes=i),
                content_html=text * (1 + i % 3),
                direction=Direction.RTL if arabic else Direction.LTR,
                depth=i % 4,
            )
        )
    return comments


@pytest.fixture
def profile(tmp_path: Path, feed_server: FeedServer) -> Iterator[Reader]:
    """A profile with an Arabic feed (two topics) and an English feed in a folder."""
    reader = Reader.open(tmp_path / "profile")
    ar = serve(
        feed_server,
        "/ar.xml",
        make_rss(
            30, title="أخبار تجريبية", language="ar", categories=("اقتصاد", "رياضة"), prefix="ar"
        ),
    )
    en = serve(
        feed_server,
        "/en.xml",
        make_rss(20, title="World Desk", categories=("Economy",), prefix="en"),
    )
    reader.add_feed(ar)
    reader.add_feed(en, folder="World")
    try:
        yield reader
    finally:
        reader.close()


@pytest.fixture(scope="module")
def shared_profile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Reader]:
    """A smaller ``profile``, made once per module for tests that only read it.

    An Arabic feed of six articles in two topics (three each) and an English feed of
    four, all in Economy, in the folder World.
    """
    with FeedServer() as server, Reader.open(tmp_path_factory.mktemp("shared")) as reader:
        ar = make_rss(
            6, title="أخبار تجريبية", language="ar", categories=("اقتصاد", "رياضة"), prefix="ar"
        )
        reader.add_feed(serve(server, "/ar.xml", ar))
        en = make_rss(4, title="World Desk", categories=("Economy",), prefix="en")
        reader.add_feed(serve(server, "/en.xml", en), folder="World")
        yield reader


@pytest.fixture
def big_profile(tmp_path: Path, feed_server: FeedServer) -> Iterator[Reader]:
    """A profile with one feed of 1,000 articles."""
    reader = Reader.open(tmp_path / "big")
    url = serve(feed_server, "/big.xml", make_rss(1000, title="Big", prefix="big"))
    reader.add_feed(url)
    try:
        yield reader
    finally:
        reader.close()


@pytest.fixture(scope="session", autouse=True)
def app_translations(qapp, tmp_path_factory: pytest.TempPathFactory) -> Translations:
    """The English catalogue (its plural forms), installed as the app installs it.

    Every GUI test then sees the wording a user sees, whichever tests ran before.
    """
    translations = Translations(tmp_path_factory.mktemp("translations"))
    translations.apply("en")
    return translations


@pytest.fixture
def arabic(app_translations: Translations) -> Iterator[Translations]:
    """The Arabic catalogue in force for one test (English again afterwards)."""
    app_translations.apply("ar")
    yield app_translations
    app_translations.apply("en")
