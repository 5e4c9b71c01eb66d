"""The reading pane with real widgets (offscreen) over a real profile."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QTextDocument, QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from newsreader.core.types import Article, ArticleQuery, Direction
from newsreader.reader import Reader
from newsreader.ui.reading_pane import MAX_ZOOM, MIN_ZOOM, ReadingPane
from tests.helpers.feeds import Item, rss
from tests.helpers.feedserver import FeedServer, Response

pytestmark = pytest.mark.gui

IMAGE = QTextDocument.ResourceType.ImageResource.value


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Reader]:
    """The demo profile, loaded once for the module (its images cached by the refresh)."""
    reader = Reader.open(tmp_path_factory.mktemp("demo"))
    reader.load_demo()
    try:
        yield reader
    finally:
        reader.close()


def find(reader: Reader, direction: Direction, *, with_image: bool = True) -> Article:
    for summary in reader.list_articles():
        if summary.direction is not direction:
            continue
        article = reader.get_article(summary.id)
        if not with_image or (article.image_url and reader.local_image(article.image_url)):
            return article
    raise AssertionError(f"no demo article in {direction}")


def make_pane(qtbot: QtBot, reader: Reader, width: int = 800, height: int = 700) -> ReadingPane:
    pane = ReadingPane(reader)
    qtbot.addWidget(pane)
    pane.resize(width, height)
    pane.show()
    qtbot.waitExposed(pane)
    return pane


def image_names(pane: ReadingPane) -> list[str]:
    names = []
    block = pane.browser.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isImageFormat():
                names.append(fmt.toImageFormat().name())
            it += 1
        block = block.next()
    return names


def link_targets(pane: ReadingPane) -> list[str]:
    found = []
    block = pane.browser.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isAnchor():
                found.append(fmt.anchorHref())
            it += 1
        block = block.next()
    return found


# -- empty state and direction --------------------------------------------------------


def test_empty_state_until_an_article_is_shown(qtbot: QtBot, demo: Reader) -> None:
    pane = make_pane(qtbot, demo)
    assert pane.current_article_id() is None
    assert not pane.browser.isVisible()
    assert pane.findChild(type(pane._empty), "readingPaneEmpty").text() == "Select an article"

    article = find(demo, Direction.RTL)
    pane.show_article(article.id)
    assert pane.browser.isVisible()
    pane.clear()
    assert not pane.browser.isVisible()
    assert pane.current_article_id() is None


def test_arabic_article_renders_right_to_left(qtbot: QtBot, demo: Reader) -> None:
    pane = make_pane(qtbot, demo)
    article = find(demo, Direction.RTL)
    with qtbot.waitSignal(pane.articleShown) as shown:
        pane.show_article(article.id)
    assert shown.args == [article.id]

    document = pane.browser.document()
    assert document.defaultTextOption().textDirection() == Qt.LayoutDirection.RightToLeft
    first = document.begin()
    assert first.text() == article.title
    assert first.blockFormat().layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert first.layout().textOption().alignment() & Qt.AlignmentFlag.AlignRight
    families = first.begin().fragment().charFormat().fontFamilies()
    assert families[0] == "Noto Naskh Arabic"  # type: ignore[index]


def test_english_article_renders_left_to_right_under_an_arabic_ui(
    qtbot: QtBot, demo: Reader
) -> None:
    pane = make_pane(qtbot, demo)
    pane.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    article = find(demo, Direction.LTR)
    pane.show_article(article.id)

    document = pane.browser.document()
    assert document.defaultTextOption().textDirection() == Qt.LayoutDirection.LeftToRight
    first = document.begin()
    assert first.text() == article.title
    assert first.blockFormat().layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert first.layout().textOption().alignment() & Qt.AlignmentFlag.AlignLeft


def test_unknown_article_shows_a_message(qtbot: QtBot, demo: Reader) -> None:
    pane = make_pane(qtbot, demo)
    pane.show_article(10**9)
    assert pane.current_article_id() is None
    assert not pane.browser.isVisible()
    assert "no longer available" in pane._empty.text()


# -- pictures: the cache or nothing ---------------------------------------------------


def test_cached_images_are_loaded_and_fit_the_column(qtbot: QtBot, demo: Reader) -> None:
    pane = make_pane(qtbot, demo, width=500)
    article = find(demo, Direction.RTL)
    pane.show_article(article.id)

    names = image_names(pane)
    assert names and all(name.startswith("file://") for name in names)
    image = pane.browser.document().resource(IMAGE, QUrl(names[0]))
    assert isinstance(image, QImage) and not image.isNull()
    limit = pane.browser.max_image_width()
    assert 0 < limit < 500
    assert image.width() / image.devicePixelRatio() <= limit


def test_images_are_scaled_again_when_the_pane_narrows(qtbot: QtBot, demo: Reader) -> None:
    pane = make_pane(qtbot, demo, width=900)
    pane.show_article(find(demo, Direction.LTR).id)
    wide = pane.browser.max_image_width()
    pane.resize(420, 700)
    qtbot.waitUntil(lambda: pane.browser.max_image_width() < wide)

    def scaled() -> bool:
        names = image_names(pane)
        image = pane.browser.document().resource(IMAGE, QUrl(names[0])) if names else None
        limit = pane.browser.max_image_width()
        return isinstance(image, QImage) and image.width() / image.devicePixelRatio() <= limit

    qtbot.waitUntil(scaled)


def test_the_pane_never_fetches_from_the_network(
    qtbot: QtBot, reader: Reader, feed_server: FeedServer, tmp_path: Path
) -> None:
    picture = QImage(8, 8, QImage.Format.Format_RGB32)
    picture.fill(Qt.GlobalColor.red)
    picture.save(str(tmp_path / "pic.png"))
    feed_server.serve_file("/pic.png", tmp_path / "pic.png")
    remote = feed_server.url("/pic.png")
    body = f'<p>Before the picture.</p><p><img src="{remote}" alt="A red square"></p>'
    feed_server.route("/feed.xml", Response(body=rss([Item("a", "A story", body=body)])))
    reader.subscribe(feed_server.url("/feed.xml"))
    reader.refresh(images=False)  # stored, not cached
    (article_id,) = reader.article_ids()

    pane = make_pane(qtbot, reader)
    with qtbot.waitSignal(pane.articleShown):
        pane.show_article(article_id)
    pane.browser.viewport().grab()  # laid out and painted: every resource was asked for

    assert feed_server.requests_for("/pic.png") == []
    assert image_names(pane) == []
    assert "[A red square]" in pane.browser.toPlainText()
    # Asked directly, the pane still refuses the web, local files outside the cache,
    # and data: URLs.
    for url in (remote, QUrl.fromLocalFile(str(tmp_path / "pic.png")).toString()):
        answer = pane.browser.loadResource(IMAGE, QUrl(url))
        assert isinstance(answer, QImage) and answer.isNull()
    assert pane.browser.loadResource(IMAGE, QUrl("data:image/png;base64,iVBORw0KGgo=")).isNull()
    assert feed_server.requests_for("/pic.png") == []

    # Once cached by the refresh, the same picture shows from the cache folder.
    reader.cache_images_since(reader.get_article(article_id).first_seen)
    pane.show_article(article_id)
    names = image_names(pane)
    assert len(names) == 1 and names[0].startswith("file://")
    assert remote not in names[0]


# -- zoom, scrolling ------------------------------------------------------------------


def text_pixel_size(pane: ReadingPane) -> int:
    """The pixel size of the text of the page's third block (the lead)."""
    block = pane.browser.document().begin().next().next()
    return block.begin().fragment().charFormat().font().pixelSize()


def test_zoom_in_out_reset_and_limits(qtbot: QtBot, demo: Reader) -> None:
    pane = make_pane(qtbot, demo)
    pane.show_article(find(demo, Direction.RTL).id)
    normal = text_pixel_size(pane)

    with qtbot.waitSignal(pane.zoomChanged) as changed:
        pane.zoom_in()
    assert changed.args == [1] and pane.zoom_level() == 1
    assert text_pixel_size(pane) > normal
    pane.zoom_out()
    pane.zoom_out()
    assert pane.zoom_level() == -1 and text_pixel_size(pane) < normal
    pane.zoom_reset()
    assert pane.zoom_level() == 0 and text_pixel_size(pane) == normal

    pane.set_zoom(1000)
    assert pane.zoom_level() == MAX_ZOOM
    pane.set_zoom(-1000)
    assert pane.zoom_level() == MIN_ZOOM
    with qtbot.assertNotEmitted(pane.zoomChanged):
        pane.set_zoom(MIN_ZOOM)


def test_ctrl_wheel_zooms_through_the_pane(qtbot: QtBot, demo: Reader) -> None:
    pane = make_pane(qtbot, demo)
    pane.show_article(find(demo, Direction.LTR).id)
    event = QWheelEvent(
        QPointF(50, 50),
        QPointF(50, 50),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    with qtbot.waitSignal(pane.zoomChanged) as changed:
        QApplication.sendEvent(pane.browser.viewport(), event)
    assert changed.args == [1]


def test_scroll_page_down_until_the_bottom(qtbot: QtBot, demo: Reader) -> None:
    pane = make_pane(qtbot, demo, width=420, height=300)
    assert pane.scroll_page_down() is False  # nothing shown
    pane.show_article(find(demo, Direction.RTL).id)
    bar = pane.browser.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0

    pages = 0
    while pane.scroll_page_down():
        pages += 1
        assert pages < 200
    assert pages >= 2
    assert bar.value() == bar.maximum()
    assert pane.scroll_page_down() is False
    pane.show_article(find(demo, Direction.LTR).id)
    assert bar.value() == 0  # a new article starts at the top


# -- links ----------------------------------------------------------------------------


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", staticmethod(lambda url: calls.append(url.toString()))
    )
    return calls


def test_only_web_and_mail_links_leave_the_app(
    qtbot: QtBot, demo: Reader, opened: list[str]
) -> None:
    pane = make_pane(qtbot, demo)
    pane.show_article(find(demo, Direction.RTL).id)
    for refused in (
        "javascript:alert(1)",
        "file:///etc/passwd",
        "data:text/html,<b>x</b>",
        "ftp://example.org/x",
        "newsreader-article:abc",
    ):
        pane.browser.anchorClicked.emit(QUrl(refused))
    assert opened == []
    for allowed in ("https://example.org/a", "http://example.org/b", "mailto:desk@example.org"):
        pane.browser.anchorClicked.emit(QUrl(allowed))
    assert opened == ["https://example.org/a", "http://example.org/b", "mailto:desk@example.org"]


def test_related_headlines_are_in_app_links(qtbot: QtBot, demo: Reader, opened: list[str]) -> None:
    pane = make_pane(qtbot, demo)
    article = find(demo, Direction.RTL)
    related = demo.related_articles(article.id, 5)
    assert related
    pane.show_article(article.id)
    targets = [t for t in link_targets(pane) if t.startswith("newsreader-article:")]
    assert sorted(set(targets)) == sorted(f"newsreader-article:{r.id}" for r in related)

    with qtbot.waitSignal(pane.relatedActivated) as activated:
        pane.browser.anchorClicked.emit(QUrl(targets[0]))
    assert activated.args == [int(targets[0].split(":")[1])]
    assert opened == []


def test_with_a_task_runner_the_article_shows_first_and_its_related_headlines_follow(
    qtbot: QtBot, demo: Reader
) -> None:
    from newsreader.ui.tasks import TaskRunner

    tasks = TaskRunner()
    pane = ReadingPane(demo, tasks=tasks)
    qtbot.addWidget(pane)
    pane.resize(800, 700)
    pane.show()
    article = find(demo, Direction.RTL)
    related = demo.related_articles(article.id, 5)
    assert related

    def related_links() -> list[str]:
        return sorted({t for t in link_targets(pane) if t.startswith("newsreader-article:")})

    with qtbot.waitSignal(pane.articleShown):
        pane.show_article(article.id)
    assert article.title in _page_text(pane)  # on show before the related are read
    wanted = sorted(f"newsreader-article:{r.id}" for r in related)
    qtbot.waitUntil(lambda: related_links() == wanted, timeout=10_000)
    # drawn again (a new width, pictures): the headlines read stay, read again behind it
    pane.show_new_pictures()
    assert related_links() == wanted
    tasks.wait_for_done()
    # another article at once: the headlines of the first are not shown with it
    other = find(demo, Direction.LTR)
    pane.show_article(other.id)
    assert not set(related_links()) - {
        f"newsreader-article:{r.id}" for r in demo.related_articles(other.id, 5)
    }
    tasks.wait_for_done()


def test_demo_media_open_from_the_shipped_files(
    qtbot: QtBot, demo: Reader, opened: list[str]
) -> None:
    pane = make_pane(qtbot, demo)
    video = demo.list_articles(ArticleQuery(video=True))[0]
    pane.show_article(video.id)
    targets = [t for t in link_targets(pane) if t.endswith(".mp4")]
    assert targets and targets[0].startswith("https://demo.newsreader.invalid/media/")
    pane.browser.anchorClicked.emit(QUrl(targets[0]))
    assert len(opened) == 1 and opened[0].startswith("file://")
    local = Path(QUrl(opened[0]).toLocalFile())
    assert local.is_file() and local.name == targets[0].rsplit("/", 1)[1]
    # nothing outside the demo folder, and nothing for a page the demo does not ship
    pane.browser.anchorClicked.emit(QUrl("https://demo.newsreader.invalid/../../etc/passwd"))
    pane.browser.anchorClicked.emit(QUrl("https://demo.newsreader.invalid/articles/none.html"))
    assert len(opened) == 1


def test_pictures_saved_after_the_news_show_in_the_article_on_show(
    qtbot: QtBot, reader: Reader, feed_server: FeedServer, tmp_path: Path
) -> None:
    picture = QImage(8, 8, QImage.Format.Format_RGB32)
    picture.fill(Qt.GlobalColor.blue)
    picture.save(str(tmp_path / "later.png"))
    feed_server.serve_file("/later.png", tmp_path / "later.png")
    body = f'<p>Pictures follow.</p><p><img src="{feed_server.url("/later.png")}" alt="Blue"></p>'
    feed_server.route("/feed.xml", Response(body=rss([Item("b", "A story", body=body)])))
    reader.subscribe(feed_server.url("/feed.xml"))
    reader.refresh(images=False)  # the news is stored; its picture is not saved yet
    (article_id,) = reader.article_ids()
    pane = make_pane(qtbot, reader)
    with qtbot.waitSignal(pane.articleShown):
        pane.show_article(article_id)
    assert image_names(pane) == []

    assert reader.cache_images_since(reader.get_article(article_id).first_seen) == 1
    pane.show_new_pictures()

    names = image_names(pane)
    assert len(names) == 1 and names[0].startswith("file://")
    assert pane.current_article_id() == article_id


def test_the_comment_count_opens_the_comments_panel(
    qtbot: QtBot, demo: Reader, opened: list[str]
) -> None:
    pane = make_pane(qtbot, demo)
    article = next(demo.get_article(s.id) for s in demo.list_articles() if s.comment_count)
    pane.show_article(article.id)
    targets = [t for t in link_targets(pane) if t.startswith("newsreader-comments:")]
    assert targets == [f"newsreader-comments:{article.id}"]
    assert f"{article.comment_count} comment" in pane.browser.toPlainText()
    with qtbot.waitSignal(pane.commentsWanted) as wanted:
        pane.browser.anchorClicked.emit(QUrl(targets[0]))
    assert wanted.args == [article.id]
    assert opened == []


# -- whole articles ---------------------------------------------------------------------


def _short_feed_with_page(reader: Reader, server: FeedServer, *, on: bool) -> int:
    """A feed whose one item is a sentence linking to an article page; the article's id."""
    from tests.helpers.feeds import article_page

    server.route("/news/park", Response(body=article_page(), content_type="text/html"))
    item = Item(
        guid="p",
        title="حديقة جديدة وسط المدينة",
        body="<p>سطر من الخلاصة.</p>",
        link=server.url("/news/park"),
    )
    server.route("/feed.xml", Response(body=rss([item])))
    feed_id = reader.subscribe(server.url("/feed.xml"))
    if on:
        reader.set_full_articles(feed_id, "on")
    reader.refresh()
    (summary,) = reader.list_articles()
    return summary.id


def showing_whole(pane: ReadingPane) -> bool:
    from newsreader.ui.whole_article import Shown

    return pane.whole_bar.shown() is Shown.WHOLE


def _page_text(pane: ReadingPane) -> str:
    return pane.browser.document().toPlainText()


def test_the_whole_article_is_shown_by_default_with_a_switch_to_the_feeds_version(
    qtbot: QtBot, tmp_path: Path, feed_server: FeedServer
) -> None:
    from tests.helpers.feeds import ARTICLE_PARAGRAPHS

    with Reader.open(tmp_path / "profile") as reader:
        article_id = _short_feed_with_page(reader, feed_server, on=True)
        pane = make_pane(qtbot, reader)
        pane.show_article(article_id)

        assert showing_whole(pane)
        assert pane.whole_bar.isVisible()
        assert ARTICLE_PARAGRAPHS[2] in _page_text(pane)
        assert "سطر من الخلاصة." not in _page_text(pane)
        assert _page_text(pane).count("حديقة جديدة وسط المدينة") == 1  # the headline once
        block = pane.browser.document().begin()  # each paragraph has its direction
        while block.isValid() and ARTICLE_PARAGRAPHS[2] not in block.text():
            block = block.next()
        assert block.isValid()
        assert block.blockFormat().layoutDirection() == Qt.LayoutDirection.RightToLeft

        qtbot.mouseClick(pane.whole_bar.button, Qt.MouseButton.LeftButton)
        assert not showing_whole(pane)
        assert "سطر من الخلاصة." in _page_text(pane)
        assert ARTICLE_PARAGRAPHS[2] not in _page_text(pane)
        assert pane.whole_bar.button.text() == "Show the whole article"

        pane.show_article(article_id)  # shown again: the reader's choice holds
        assert not showing_whole(pane)
        qtbot.mouseClick(pane.whole_bar.button, Qt.MouseButton.LeftButton)
        assert showing_whole(pane)
        assert ARTICLE_PARAGRAPHS[2] in _page_text(pane)


def test_the_whole_article_is_fetched_from_the_pane_off_the_gui_thread(
    qtbot: QtBot, tmp_path: Path, feed_server: FeedServer
) -> None:
    from newsreader.ui.tasks import TaskRunner
    from tests.helpers.feeds import ARTICLE_PARAGRAPHS

    with Reader.open(tmp_path / "profile") as reader:
        article_id = _short_feed_with_page(reader, feed_server, on=False)
        tasks = TaskRunner()
        pane = ReadingPane(reader, tasks=tasks)
        qtbot.addWidget(pane)
        pane.resize(800, 700)
        pane.show()
        pane.show_article(article_id)
        assert not showing_whole(pane)
        assert pane.whole_bar.button.text() == "Fetch the whole article"

        qtbot.mouseClick(pane.whole_bar.button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: showing_whole(pane), timeout=30_000)
        assert ARTICLE_PARAGRAPHS[0] in _page_text(pane)

        feed_server.route("/news/park", Response(status=404, content_type="text/html"))
        qtbot.mouseClick(pane.whole_bar.button, Qt.MouseButton.LeftButton)  # the feed's
        assert reader.full_text(article_id) is not None
        tasks.wait_for_done()


def test_a_failed_fetch_says_why_and_offers_to_try_again(
    qtbot: QtBot, tmp_path: Path, feed_server: FeedServer
) -> None:
    from newsreader.ui.tasks import TaskRunner

    with Reader.open(tmp_path / "profile") as reader:
        article_id = _short_feed_with_page(reader, feed_server, on=False)
        feed_server.route("/news/park", Response(body=b"\x89PNG", content_type="image/png"))
        pane = ReadingPane(reader, tasks=TaskRunner(synchronous=True))
        qtbot.addWidget(pane)
        pane.show()
        pane.show_article(article_id)
        qtbot.mouseClick(pane.whole_bar.button, Qt.MouseButton.LeftButton)
        label = pane.whole_bar.label.text()
        assert label.startswith("The whole article could not be fetched: the page is not HTML")
        assert pane.whole_bar.button.text() == "Try again"
        assert "سطر من الخلاصة." in _page_text(pane)
