"""The reading pane: one article as a page, offline and without scripts.

The page is a ``QTextBrowser``: it has no JavaScript engine and no network access of
its own, and :class:`ArticleBrowser` narrows it further so that the only thing it
ever loads is a picture from Newsreader's own image cache.  Links never navigate the
pane: web links go to the system browser, related headlines come back as a signal.

The HTML comes from :mod:`newsreader.ui.article_page` (Qt-free and tested on its own); this
module supplies what only Qt knows: the translated labels, the locale's dates, the
palette's colours, the width available for pictures and the zoom.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QDateTime,
    QEvent,
    QLocale,
    QObject,
    Qt,
    QTimer,
    QTimeZone,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QImage,
    QImageReader,
    QPalette,
    QResizeEvent,
    QTextDocument,
    QTextOption,
    QWheelEvent,
)
from PySide6.QtWidgets import QLabel, QStackedLayout, QTextBrowser, QVBoxLayout, QWidget

from newsreader.core.errors import NewsreaderError
from newsreader.core.types import Article, ArticleSummary, Direction
from newsreader.reader import Reader
from newsreader.ui.article_page import (
    COMMENTS_LINK_SCHEME,
    article_id_from_link,
    render_article,
)
from newsreader.ui.fonts import chosen_faces
from newsreader.ui.links import openable_url
from newsreader.ui.relative_time import western_digits
from newsreader.ui.tasks import TaskRunner, run_task, weak_callback
from newsreader.ui.whole_article import Shown, WholeArticleBar, with_whole_text

log = logging.getLogger(__name__)

# Body text size at zoom 0, in pixels.
DEFAULT_FONT_PX = 17
# Zoom steps; each step scales every size on the page by :data:`ZOOM_FACTOR`.
MIN_ZOOM = -5
MAX_ZOOM = 10
ZOOM_FACTOR = 1.1
# Lines longer than this many average characters are hard to follow: the pane
# widens its side margins instead of the text.
MEASURE_EM = 38
# Smallest side margin, and the margins above and below the page.
MIN_SIDE_MARGIN = 16
TOP_MARGIN = 20
BOTTOM_MARGIN = 32
# Overlap kept on screen when paging down, so the reader does not lose the line.
PAGE_OVERLAP = 40
_RERENDER_DELAY_MS = 120
#: Related headlines listed under an article.
RELATED_SHOWN = 5


class ArticleBrowser(QTextBrowser):
    """A ``QTextBrowser`` that loads pictures from the image cache and nothing else.

    ``QTextDocument`` would otherwise fall back to reading any local file or
    ``data:`` URL a page names; every refused resource is answered with an empty
    value (which is not "no answer") so that fallback never happens.

    Signals:
        zoomRequested(int): Ctrl + wheel asked for one step in (+1) or out (-1).
    """

    zoomRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._images_dir: Path | None = None
        self._max_image_width = 0
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )

    def set_images_dir(self, folder: Path | None) -> None:
        """The one folder pictures may come from (the profile's image cache)."""
        self._images_dir = folder.resolve() if folder is not None else None

    def set_max_image_width(self, width: int) -> None:
        """Pictures wider than *width* (device-independent pixels) are scaled down."""
        self._max_image_width = max(0, width)

    def max_image_width(self) -> int:
        return self._max_image_width

    def cached_file(self, url: QUrl) -> Path | None:
        """The file *url* names if it is a ``file:`` URL inside the image cache."""
        if self._images_dir is None or not url.isLocalFile():
            return None
        try:
            path = Path(url.toLocalFile()).resolve()
        except (OSError, ValueError):
            return None
        if not path.is_relative_to(self._images_dir) or not path.is_file():
            return None
        return path

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        """Answer the document's resource requests: cached pictures only."""
        name = QUrl(name)
        if kind != QTextDocument.ResourceType.ImageResource.value:
            return QByteArray()
        path = self.cached_file(name)
        if path is None:
            log.debug("refused resource %s", name.toString())
            return QImage()
        image = QImage(str(path))
        if image.isNull():
            return QImage()
        return self._fit(image)

    def _fit(self, image: QImage) -> QImage:
        limit = self._max_image_width
        ratio = self.devicePixelRatioF() or 1.0
        if limit <= 0 or image.width() <= limit * ratio:
            image.setDevicePixelRatio(ratio if image.width() > limit else 1.0)
            return image
        scaled = image.scaledToWidth(
            round(limit * ratio), Qt.TransformationMode.SmoothTransformation
        )
        scaled.setDevicePixelRatio(ratio)
        return scaled

    def wheelEvent(self, event: QWheelEvent) -> None:
        """Ctrl + wheel zooms the page through the pane (so the zoom is remembered)."""
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y()
            if delta:
                self.zoomRequested.emit(1 if delta > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)


class ReadingPane(QWidget):
    """Shows one article, or an invitation to pick one.

    Signals:
        articleShown(int): the article with this id was rendered.
        relatedActivated(int): the reader clicked a related headline (its article id).
        commentsWanted(int): the reader clicked the comment count under this article.
        zoomChanged(int): the zoom level changed (save it in ``Settings.zoom``).
        linkHovered(str): the link under the mouse ("" when it leaves one), for a
            status bar.
    """

    articleShown = Signal(int)
    relatedActivated = Signal(int)
    commentsWanted = Signal(int)
    zoomChanged = Signal(int)
    linkHovered = Signal(str)

    def __init__(
        self, reader: Reader, parent: QWidget | None = None, *, tasks: TaskRunner | None = None
    ) -> None:
        super().__init__(parent)
        self._reader = reader
        self._tasks = tasks
        #: Articles the reader switched back to the feed's version (this session).
        self._feed_version: set[int] = set()
        self._article_id: int | None = None
        self._zoom = 0
        self._base_px = DEFAULT_FONT_PX
        self._last_width = -1
        self._rendered_image_width = 0
        self._has_images = False
        #: The related headlines last read on the task runner, and for which article.
        self._related: tuple[int | None, tuple[ArticleSummary, ...]] = (None, ())

        self.browser = ArticleBrowser(self)
        self.browser.setObjectName("readingPaneBrowser")
        self._images_dir: Path | None = reader.paths.images if reader.paths is not None else None
        self.browser.set_images_dir(self._images_dir)
        self.browser.anchorClicked.connect(self._on_anchor_clicked)
        self.browser.highlighted.connect(self._on_highlighted)
        self.browser.zoomRequested.connect(self._on_zoom_requested)
        self.browser.viewport().installEventFilter(self)

        self._empty = QLabel(self)
        self._empty.setObjectName("readingPaneEmpty")
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._empty.setWordWrap(True)
        self._empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self._empty.setBackgroundRole(QPalette.ColorRole.Base)
        self._empty.setAutoFillBackground(True)
        empty_font = self._empty.font()
        if empty_font.pointSizeF() > 0:
            empty_font.setPointSizeF(empty_font.pointSizeF() * 1.25)
            self._empty.setFont(empty_font)

        self._stack = QStackedLayout(self)
        self._stack.setContentsMargins(0, 0, 0, 0)
        self.whole_bar = WholeArticleBar(self)
        self.whole_bar.wholeWanted.connect(self._on_whole_wanted)
        self.whole_bar.fetchWanted.connect(self._fetch_whole)
        self._page = QWidget(self)
        page_layout = QVBoxLayout(self._page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.setSpacing(0)
        page_layout.addWidget(self.whole_bar)
        page_layout.addWidget(self.browser)
        self._stack.addWidget(self._empty)
        self._stack.addWidget(self._page)

        self._rerender_timer = QTimer(self)
        self._rerender_timer.setSingleShot(True)
        self._rerender_timer.setInterval(_RERENDER_DELAY_MS)
        self._rerender_timer.timeout.connect(self._on_width_settled)

        self._empty_text = ""
        self._retranslate()
        self.clear()

    # -- public API ---------------------------------------------------------------

    def current_article_id(self) -> int | None:
        """The article on display, if any."""
        return self._article_id

    def show_article(self, article_id: int) -> None:
        """Load and render an article (a few bounded queries on this thread).

        With a task runner, the related headlines (a query that grows with the
        cache) are read on it: the article shows at once, and again with them.
        """
        try:
            article = self._reader.get_article(article_id)
            related = self._related_now(article_id)
        except NewsreaderError as exc:
            log.warning("cannot show article %s: %s", article_id, exc)
            self._show_empty(self.tr("This article is no longer available."))
            self._article_id = None
            return
        same = article_id == self._article_id  # shown again after a refresh: stay put
        self._article_id = article_id
        self._render(article, related, keep_scroll=same)
        self.articleShown.emit(article_id)
        self._read_related(article_id)

    def clear(self) -> None:
        """Show the empty state ("Select an article")."""
        self._article_id = None
        self.browser.clear()
        self._show_empty(self._empty_text)

    def zoom_level(self) -> int:
        return self._zoom

    def set_zoom(self, level: int) -> None:
        """Set the zoom (clamped to the allowed steps) and re-render the article."""
        level = max(MIN_ZOOM, min(MAX_ZOOM, int(level)))
        if level == self._zoom:
            return
        self._zoom = level
        self._rerender()
        self.zoomChanged.emit(level)

    def zoom_in(self) -> None:
        self.set_zoom(self._zoom + 1)

    def zoom_out(self) -> None:
        self.set_zoom(self._zoom - 1)

    def zoom_reset(self) -> None:
        self.set_zoom(0)

    def font_px(self) -> int:
        """The body text size in effect (base size and zoom)."""
        return max(6, round(self._base_px * ZOOM_FACTOR**self._zoom))

    def scroll_page_down(self) -> bool:
        """Scroll one screen down; ``False`` when already at the bottom.

        Lets "Space" page through an article and then move to the next one.
        """
        if self._article_id is None:
            return False
        bar = self.browser.verticalScrollBar()
        if bar.value() >= bar.maximum():
            return False
        bar.setValue(bar.value() + max(1, bar.pageStep() - PAGE_OVERLAP))
        return True

    # -- rendering ----------------------------------------------------------------

    def _show_empty(self, text: str) -> None:
        self._empty.setText(text)
        self._stack.setCurrentWidget(self._empty)

    def _labels(self, article: Article | None = None) -> dict[str, str]:
        count = article.comment_count if article is not None else None
        if count:
            comments = self.tr("%n comment(s)", "", count)
        elif article is not None and article.comments_feed_url:
            comments = self.tr("Comments")
        else:
            comments = ""
        return {
            "source": self.tr("Source"),
            "first_seen": self.tr("First seen %1"),
            "comments": comments,
            "image_unavailable": self.tr("Image not available offline"),
            "related": self.tr("Related news"),
            "attachments": self.tr("Attachments"),
            "video": self.tr("Video"),
            "audio": self.tr("Audio"),
            "image": self.tr("Image"),
            "file": self.tr("File"),
            "open": self.tr("Open in browser"),
            "read_original": self.tr("Read the full article on the website"),
            "topics": self.tr("Topics"),
            "untitled": self.tr("(untitled)"),
        }

    def _colors(self) -> dict[str, str]:
        """Page colours from the palette, so a dark theme gets a dark-friendly page.

        Rich text cannot draw translucent text reliably, so "muted" is the text
        colour mixed with the background rather than the palette's translucent
        placeholder colour.
        """
        palette = self.browser.palette()
        text = palette.color(QPalette.ColorRole.Text)
        base = palette.color(QPalette.ColorRole.Base)
        return {
            "muted": _mix(text, base, 0.62).name(),
            "box": _mix(text, base, 0.08).name(),
            "rule": _mix(text, base, 0.25).name(),
        }

    def _image_src(self, article: Article) -> dict[str, str]:
        """Cached pictures of *article* as ``file:`` URLs, in formats Qt can draw."""
        if self._images_dir is None:
            return {}
        readable = {bytes(f.data()).decode().lower() for f in QImageReader.supportedImageFormats()}
        found = {}
        for url, path in self._reader.article_images(article).items():
            if path.suffix.lstrip(".").lower() in readable:
                found[url] = QUrl.fromLocalFile(str(path)).toString()
        return found

    def _ui_direction(self) -> Direction:
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        return Direction.RTL if rtl else Direction.LTR

    def _render(
        self, article: Article, related: Sequence[ArticleSummary], *, keep_scroll: bool
    ) -> None:
        bar = self.browser.verticalScrollBar()
        fraction = bar.value() / bar.maximum() if keep_scroll and bar.maximum() > 0 else 0.0
        article = self._whole_or_feed(article)
        images = self._image_src(article)
        page = render_article(
            article,
            related=related,
            image_src=images.get,
            ui_direction=self._ui_direction(),
            labels=self._labels(article),
            base_font_px=self.font_px(),
            format_time=_format_time,
            colors=self._colors(),
            arabic_faces=chosen_faces().text_families(),
        )
        document = self.browser.document()
        option = QTextOption(document.defaultTextOption())
        rtl = article.direction is Direction.RTL
        option.setTextDirection(
            Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        )
        document.setDefaultTextOption(option)
        self._stack.setCurrentWidget(self._page)
        self._update_geometry()
        self._rendered_image_width = self.browser.max_image_width()
        self._has_images = bool(images)
        document.clear()  # drops the resources of the previous page with it
        self.browser.setHtml(page)
        self._apply_margins()
        bar.setValue(round(fraction * bar.maximum()))

    # -- the whole article ----------------------------------------------------------

    def _whole_or_feed(self, article: Article) -> Article:
        """The whole article when its page was fetched (unless switched back); the bar set."""
        if self.whole_bar.shown() is Shown.FETCHING and article.id == self._article_id:
            return article  # the fetch under way says so until it ends
        text = self._reader.full_text(article.id)
        if text is not None and text.html:
            if article.id in self._feed_version:
                self.whole_bar.show_state(Shown.FEED)
                return article
            self.whole_bar.show_state(Shown.WHOLE)
            return with_whole_text(article, text)
        if not article.link:
            self.whole_bar.show_state(Shown.HIDDEN)
        else:
            self.whole_bar.show_state(Shown.NONE, text.error if text is not None else None)
        return article

    @Slot(bool)
    def _on_whole_wanted(self, whole: bool) -> None:
        if self._article_id is None:
            return
        if whole:
            self._feed_version.discard(self._article_id)
        else:
            self._feed_version.add(self._article_id)
        self._rerender()

    @Slot()
    def _fetch_whole(self) -> None:
        """Fetch the article's page off the GUI thread, then show what came."""
        article_id = self._article_id
        if article_id is None:
            return
        self.whole_bar.show_state(Shown.FETCHING)
        reader = self._reader
        done = weak_callback(self._whole_fetched, article_id)
        failed = weak_callback(self._whole_failed, article_id)
        if self._tasks is not None:
            self._tasks.run_task(lambda: reader.fetch_full_text(article_id), done, failed)
        else:
            run_task(lambda: reader.fetch_full_text(article_id), done, failed)

    def _whole_fetched(self, article_id: int, _text: object) -> None:
        if article_id != self._article_id:
            return
        self._feed_version.discard(article_id)
        self.whole_bar.show_state(Shown.NONE)  # what is stored now decides
        self._rerender()

    def _whole_failed(self, article_id: int, error: BaseException) -> None:
        log.warning("fetching the whole article %d failed: %s", article_id, error)
        if article_id == self._article_id:
            self.whole_bar.show_state(Shown.NONE, str(error))

    def show_new_pictures(self) -> None:
        """Pictures were saved after the news: draw the article on show with them."""
        self._rerender()

    def _rerender(self) -> None:
        """Render the current article again (zoom, width, palette or language changed)."""
        if self._article_id is None:
            return
        article_id = self._article_id
        try:
            article = self._reader.get_article(article_id)
            related = self._related_now(article_id)
        except NewsreaderError:
            self.clear()
            return
        self._render(article, related, keep_scroll=True)
        self._read_related(article_id)

    # -- related headlines ------------------------------------------------------------

    def _related_now(self, article_id: int) -> tuple[ArticleSummary, ...]:
        """The related headlines to render with now: read here without a task runner;
        with one, those last read for this article (none yet for another)."""
        if self._tasks is None:
            return tuple(self._reader.related_articles(article_id, RELATED_SHOWN))
        return self._related[1] if self._related[0] == article_id else ()

    def _read_related(self, article_id: int) -> None:
        """Read the related headlines on the task runner; render again if they differ."""
        if self._tasks is None:
            return
        reader = self._reader
        self._tasks.run_task(
            lambda: tuple(reader.related_articles(article_id, RELATED_SHOWN)),
            weak_callback(self._related_read, article_id),
            lambda error: log.warning("cannot read related articles: %s", error),
        )

    def _related_read(self, article_id: int, related: tuple[ArticleSummary, ...]) -> None:
        if article_id != self._article_id:
            return  # another article is on show now
        shown = self._related_now(article_id)
        self._related = (article_id, related)
        if related == shown:
            return
        try:
            article = self._reader.get_article(article_id)
        except NewsreaderError:
            return
        self._render(article, related, keep_scroll=True)

    def _side_margin(self) -> int:
        width = self.browser.viewport().width()
        measure = self.font_px() * MEASURE_EM
        return max(MIN_SIDE_MARGIN, (width - measure) // 2)

    def _update_geometry(self) -> None:
        width = self.browser.viewport().width()
        self._last_width = width
        content = width - 2 * self._side_margin() - 4
        self.browser.set_max_image_width(max(64, content))

    def _apply_margins(self) -> None:
        """Side margins keep lines at a comfortable length on wide windows."""
        root = self.browser.document().rootFrame()
        frame = root.frameFormat()
        side = self._side_margin()
        frame.setLeftMargin(side)
        frame.setRightMargin(side)
        frame.setTopMargin(TOP_MARGIN)
        frame.setBottomMargin(BOTTOM_MARGIN)
        root.setFrameFormat(frame)

    def _on_width_settled(self) -> None:
        if self.browser.viewport().width() == self._last_width:
            return
        self._update_geometry()
        self._apply_margins()
        resized = self.browser.max_image_width() != self._rendered_image_width
        if self._article_id is not None and self._has_images and resized:
            self._rerender()  # pictures are scaled as they load: load them again

    # -- events -------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.browser.viewport() and event.type() == QEvent.Type.Resize:
            assert isinstance(event, QResizeEvent)
            if event.size().width() != event.oldSize().width():
                self._apply_margins()
                self._rerender_timer.start()
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        kind = event.type()
        if kind == QEvent.Type.LanguageChange:
            self._retranslate()
            self._rerender()
        elif kind in (QEvent.Type.PaletteChange, QEvent.Type.LayoutDirectionChange):
            self._rerender()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self._empty_text = self.tr("Select an article")
        if self._article_id is None:
            self._empty.setText(self._empty_text)

    @Slot(QUrl)
    def _on_anchor_clicked(self, url: QUrl) -> None:
        """Related headlines open here; other links as :func:`openable_url` allows."""
        article_id = article_id_from_link(url.toString())
        if article_id is not None:
            self.relatedActivated.emit(article_id)
            return
        comments_of = _comments_target(url.toString())
        if comments_of is not None:
            self.commentsWanted.emit(comments_of)
            return
        target = openable_url(url.toString(), self._reader.demo_copy)
        if target is not None:
            QDesktopServices.openUrl(target)
        else:
            log.info("ignored a link the system cannot open: %s", url.toString()[:200])

    @Slot(QUrl)
    def _on_highlighted(self, url: QUrl) -> None:
        if (
            article_id_from_link(url.toString()) is not None
            or _comments_target(url.toString()) is not None
        ):
            self.linkHovered.emit("")
            return
        self.linkHovered.emit(url.toDisplayString() if url.isValid() else "")

    @Slot(int)
    def _on_zoom_requested(self, step: int) -> None:
        self.set_zoom(self._zoom + step)


def _comments_target(link: str) -> int | None:
    """The article id of a comment-count link, else ``None``."""
    prefix = COMMENTS_LINK_SCHEME + ":"
    rest = link[len(prefix) :] if link.startswith(prefix) else ""
    return int(rest) if rest.isascii() and rest.isdigit() else None


def _mix(front: QColor, back: QColor, amount: float) -> QColor:
    """*amount* of *front* over *back*, opaque."""
    keep = 1.0 - amount
    return QColor(
        round(front.red() * amount + back.red() * keep),
        round(front.green() * amount + back.green() * keep),
        round(front.blue() * amount + back.blue() * keep),
    )


def _format_time(when: datetime) -> str:
    """A date and time in the interface locale, with Western digits like news sites."""
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    local = QDateTime.fromSecsSinceEpoch(int(when.timestamp()), QTimeZone.utc()).toLocalTime()
    # The pattern is translatable: Arabic writes its own comma ("،") between the parts.
    pattern = QCoreApplication.translate("ReadingPane", "d MMMM yyyy, HH:mm")
    return western_digits(QLocale().toString(local, pattern))
