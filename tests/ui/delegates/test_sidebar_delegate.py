"""The sidebar's rows as painted: counts, sizes and failures at the trailing edge, names cut.

A real profile in a real tree view with the delegate, painted offscreen and read back
pixel by pixel (one profile for the module, with every kind of row: the tests only
look).  The count's pill is tinted with the accent colour, the error sign is
red, and names are written in the text colour; a topic, like a feed, shows one number.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem, QTreeView

from newsreader.reader import Reader
from newsreader.ui.delegates import sidebar_delegate
from newsreader.ui.delegates.sidebar_delegate import (
    SidebarDelegate,
    fit_sources,
    label_direction_flag,
)
from newsreader.ui.models.sidebar import BadgeRole, LookRole, SidebarModel
from tests.helpers.feedserver import FeedServer, Response
from tests.helpers.story_news import serve_stories
from tests.helpers.window_parts import sidebar_for
from tests.ui.conftest import make_rss, serve
from tests.ui.delegates.conftest import box_of, grab, is_ink, pixels

pytestmark = pytest.mark.gui

LTR, RTL = Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft


@dataclass(frozen=True)
class Sources:
    """A profile with every kind of row, and the ids of its feeds."""

    reader: Reader
    arabic: int  # in two topics, unread articles
    english: int  # in the folder World
    flaky: int  # unread articles, and its last update failed
    broken: int  # never reached, with a long name
    long: int  # a long name and unread articles


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sources]:
    """One profile for the module: its tests only look at it."""
    arabic_feed = make_rss(
        6, title="أخبار تجريبية", language="ar", categories=("اقتصاد", "رياضة"), prefix="ar"
    )
    long_title = "The Evening Paper: every story of the day told at length, and then some"
    with FeedServer() as server, Reader.open(tmp_path_factory.mktemp("sources")) as reader:
        arabic = reader.add_feed(serve(server, "/ar.xml", arabic_feed))
        english = reader.add_feed(
            serve(server, "/en.xml", make_rss(2, title="World Desk", prefix="en")), folder="World"
        )
        flaky = reader.add_feed(serve(server, "/flaky.xml", make_rss(2, prefix="flaky")))
        long = reader.add_feed(serve(server, "/long.xml", make_rss(3, title=long_title)))
        broken = reader.subscribe(
            server.url("/down.xml"),
            title="The Broken Archive: every old story ever printed, and then some",
        )
        server.route("/down.xml", Response(status=500, body="down"))
        server.route("/flaky.xml", Response(status=500, body="down"))
        reader.refresh(feed_ids=[broken, flaky.id])
        yield Sources(reader, arabic.id, english.id, flaky.id, broken, long.id)


def painted_sidebar(
    qtbot: Any, reader: Reader, ui_direction: Qt.LayoutDirection = LTR
) -> tuple[SidebarModel, QTreeView, SidebarDelegate]:
    model, view = sidebar_for(qtbot, reader)
    delegate = SidebarDelegate(view)
    view.setItemDelegate(delegate)
    view.setLayoutDirection(ui_direction)
    view.resize(260, 700)
    view.expandAll()
    view.show()
    qtbot.waitExposed(view)
    return model, view, delegate


def is_pill(color: QColor) -> bool:
    """The count's pill: white tinted a little with the (blue) accent colour."""
    return color.blue() > color.red() + 12 and color.lightness() > 200


def is_written(color: QColor) -> bool:
    """Anything painted on the white base: ink, grey text, their anti-aliased edges."""
    return color.lightness() < 235


def is_red(color: QColor) -> bool:
    return color.red() > 150 and color.green() < 110 and color.blue() < 110


def text_rect(view: QTreeView, delegate: SidebarDelegate, index: QModelIndex) -> QRect:
    """Where the row's text goes: the row less its icon, as the style lays it out."""
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    delegate.initStyleOption(option, index)
    option.rect = view.visualRect(index)
    return view.style().subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, view)


@pytest.mark.parametrize("ui_direction", [LTR, RTL])
def test_counts_sit_at_the_trailing_edge_and_names_at_the_start(
    qtbot: Any, sources: Sources, ui_direction: Qt.LayoutDirection
) -> None:
    model, view, delegate = painted_sidebar(qtbot, sources.reader, ui_direction)
    image = grab(view)
    for key in ("smart:all", f"feed:{sources.arabic}", f"feed:{sources.english}"):
        index = model.index_for_key(key)
        text = text_rect(view, delegate, index)
        pill = box_of(image, view.visualRect(index), is_pill)
        name = box_of(image, text, is_ink, pill)
        if ui_direction == LTR:
            assert text.right() - pill.right() < 8, key  # the count at the right edge
            assert name.right() < pill.left() and name.left() - text.left() < 8, key
        else:
            assert pill.left() - text.left() < 8, key  # in Arabic, at the left edge
            assert name.left() > pill.right() and text.right() - name.right() < 8, key


@pytest.mark.parametrize("ui_direction", [LTR, RTL])
def test_a_topic_shows_one_number_its_unread_badge(
    qtbot: Any, sources: Sources, ui_direction: Qt.LayoutDirection
) -> None:
    model, view, delegate = painted_sidebar(qtbot, sources.reader, ui_direction)
    image = grab(view)
    for key in ("topic:c:economy", f"feed:{sources.arabic}"):
        index = model.index_for_key(key)
        row = view.visualRect(index)
        pill = box_of(image, row, is_pill)
        name = box_of(image, text_rect(view, delegate, index), is_ink, pill)
        left, right = sorted((name, pill), key=QRect.left)
        gap = QRect(left.right() + 2, row.top(), right.left() - left.right() - 4, 20)
        assert not pixels(image, gap, is_written), key  # no size beside the name


def test_each_count_pill_is_drawn_once_then_copied(
    qtbot: Any, sources: Sources, monkeypatch: pytest.MonkeyPatch
) -> None:
    drawn: list[str] = []
    draw = sidebar_delegate._draw_pill

    def counted(text: str, *args: Any) -> Any:
        drawn.append(text)
        return draw(text, *args)

    monkeypatch.setattr(sidebar_delegate, "_draw_pill", counted)
    model, view, _delegate = painted_sidebar(qtbot, sources.reader)
    first = grab(view)
    assert drawn, "no count was painted"
    assert len(drawn) == len(set(drawn))  # one pill for each number shown

    drawn.clear()
    assert grab(view) == first  # painted again: the same pixels, nothing drawn afresh
    assert drawn == []

    # a selected row's pill has its own look, drawn once for that number
    index = model.index_for_key(f"feed:{sources.arabic}")
    view.setCurrentIndex(index)
    selected = grab(view)
    assert drawn == [str(index.data(BadgeRole))]
    assert selected != first


def test_a_row_is_painted_from_one_answer_of_the_model(
    qtbot: Any, sources: Sources, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[int] = []
    data = SidebarModel.data

    def counted(self: SidebarModel, index: Any, role: int = 0) -> Any:
        asked.append(int(role))
        return data(self, index, role)

    # before the model exists: Qt's calls into Python find the method once
    monkeypatch.setattr(SidebarModel, "data", counted)
    model, view, _delegate = painted_sidebar(qtbot, sources.reader)
    grab(view)  # every row measured and painted once already
    asked.clear()
    grab(view)
    # Qt's own roles come in one multiData call a row; the delegate asks for its look
    assert asked
    assert set(asked) == {int(LookRole)}
    assert len(asked) <= len(model.all_keys())


def test_a_feed_that_failed_shows_the_error_sign_at_the_trailing_edge(
    qtbot: Any, sources: Sources
) -> None:
    model, view, delegate = painted_sidebar(qtbot, sources.reader)
    image = grab(view)

    index = model.index_for_key(f"feed:{sources.broken}")
    text = text_rect(view, delegate, index)
    sign = box_of(image, view.visualRect(index), is_red)
    assert text.right() - sign.right() < 6 and sign.width() >= 8  # no count: at the edge
    name = box_of(image, text, is_ink, sign)
    assert sign.left() - name.right() >= 4  # a long name is cut before it

    index = model.index_for_key(f"feed:{sources.flaky}")
    row = view.visualRect(index)
    pill, sign = box_of(image, row, is_pill), box_of(image, row, is_red)
    name = box_of(image, text_rect(view, delegate, index), is_ink, pill, sign)
    assert name.right() < sign.left() and sign.right() < pill.left()  # inside the count

    assert not pixels(image, view.visualRect(model.index_for_key(f"feed:{sources.arabic}")), is_red)


def test_a_long_name_is_cut_before_the_count(qtbot: Any, sources: Sources) -> None:
    model, view, delegate = painted_sidebar(qtbot, sources.reader)
    image = grab(view)
    index = model.index_for_key(f"feed:{sources.long}")
    pill = box_of(image, view.visualRect(index), is_pill)
    name = box_of(image, text_rect(view, delegate, index), is_ink, pill)
    assert pill.left() - name.right() >= 4  # a gap, never an overlap
    full = view.fontMetrics().horizontalAdvance(str(index.data()))
    assert name.width() < full  # shortened (in the middle: the name's end stays)


@pytest.mark.parametrize("ui_direction", [LTR, RTL])
def test_section_headers_are_quiet_captions_on_the_start_side(
    qtbot: Any, sources: Sources, ui_direction: Qt.LayoutDirection
) -> None:
    model, view, _ = painted_sidebar(qtbot, sources.reader, ui_direction)
    image = grab(view)
    section = view.visualRect(model.index_for_key("section:topics"))
    written = pixels(image, section, is_written)
    assert written and not [p for p in written if is_ink(image.pixelColor(*p))]  # grey
    assert not pixels(image, section, is_pill)  # no count
    caption = box_of(image, section, is_written)
    if ui_direction == LTR:
        assert caption.left() - section.left() < 12 and caption.right() < section.center().x()
    else:
        assert section.right() - caption.right() < 12 and caption.left() > section.center().x()
    # a caption sits lower, with room above it for the gap between sections
    assert caption.top() - section.top() >= section.bottom() - caption.bottom() + 4


def test_rows_are_sized_for_the_font(qtbot: Any, sources: Sources) -> None:
    model, view, delegate = painted_sidebar(qtbot, sources.reader)
    feed_key = f"feed:{sources.arabic}"
    line = view.fontMetrics().height()
    assert view.visualRect(model.index_for_key("section:topics")).height() == line + 14
    assert view.visualRect(model.index_for_key(feed_key)).height() >= line + 8
    heights = []
    for size in (9, 18, 30):
        option = QStyleOptionViewItem()
        view.initViewItemOption(option)
        font = QFont(option.font)
        font.setPointSize(size)
        option.font, option.fontMetrics = font, QFontMetrics(font)
        feed = delegate.sizeHint(option, model.index_for_key(feed_key)).height()
        section = delegate.sizeHint(option, model.index_for_key("section:feeds")).height()
        assert section == QFontMetrics(font).height() + 14
        assert feed >= QFontMetrics(font).height() + 8
        heights.append(feed)
    assert heights == sorted(heights) and len(set(heights)) == 3


def test_each_name_is_laid_out_in_its_own_direction() -> None:
    assert label_direction_flag("أخبار تجريبية") == Qt.TextFlag.TextForceRightToLeft
    assert label_direction_flag("Horizon — Science…") == Qt.TextFlag.TextForceLeftToRight
    assert label_direction_flag("[Video] الأفق — علوم") == Qt.TextFlag.TextForceRightToLeft
    assert label_direction_flag("2026") == Qt.TextFlag(0)  # no letters: the row's direction


@pytest.mark.parametrize("ui_direction", [LTR, RTL])
def test_a_story_has_two_lines_its_headline_over_its_sources(
    qtbot: Any, tmp_path_factory: pytest.TempPathFactory, ui_direction: Qt.LayoutDirection
) -> None:
    with FeedServer() as server, Reader.open(tmp_path_factory.mktemp("stories")) as reader:
        serve_stories(server, reader)
        reader.refresh()
        model, view, delegate = painted_sidebar(qtbot, reader, ui_direction)
        image = grab(view)
        [story, _other] = reader.current_stories()
        index = model.index_for_key(f"topic:story:{story.id}")
        row = view.visualRect(index)
        line = view.fontMetrics().height()
        assert row.height() >= 2 * line  # a headline, and its sources below it
        feed_row = view.visualRect(model.index_for_key(f"feed:{reader.list_feeds()[0].id}"))
        assert row.height() > feed_row.height()
        pill = box_of(image, row, is_pill)
        text = text_rect(view, delegate, index)
        top = QRect(text.left(), row.top(), text.width(), row.height() // 2)
        bottom = QRect(text.left(), row.center().y() + 1, text.width(), row.height() // 2)
        headline = box_of(image, top, is_ink, pill)
        sources = box_of(image, bottom, is_written, pill)
        assert headline.bottom() <= sources.top() + 2  # two lines, not one beside the other
        # both cut to fit: neither runs over the badge
        if ui_direction == LTR:
            assert headline.right() < pill.left() and sources.right() < pill.left()
        else:
            assert headline.left() > pill.right() and sources.left() > pill.right()


def test_a_storys_sources_that_do_not_fit_end_in_a_count(qapp: Any) -> None:
    metrics = QFontMetrics(QFont())

    def plain(text: str) -> str:  # without the direction isolates
        return "".join(c for c in text if c not in "\u2066\u2068\u2069")

    def fit(names: list[str], room_for: str) -> str:
        room = metrics.horizontalAdvance(room_for)
        fitted = fit_sources(names, metrics, room)
        assert metrics.horizontalAdvance(fitted) <= room
        return plain(fitted)

    sources = ["Wire Service", "The Daily Courier", "صحيفة الصباح"]
    whole = " · ".join(sources)
    assert fit(sources, whole + "  ") == whole
    two = "Wire Service · The Daily Courier +1"
    assert fit(sources, two + " ") == two
    assert fit(sources, "Wire Service +2 ") == "Wire Service +2"
    tight = fit(sources, "Wire +2")
    assert tight.endswith("… +2") and tight.startswith("W")
    assert plain(fit_sources(["Wire Service"], metrics, 30)).endswith("…")  # one name: cut
    # each name in its own direction, the count left to right
    fitted = fit_sources(["صحيفة الصباح", "The Daily Courier"], metrics, 1)
    assert fitted.startswith("\u2068") and fitted.endswith("\u2066+1\u2069")
    # a name holding the separator is still one name
    markets = ["Horizon — Science", "Horizon — أسواق ومال · Markets"]
    assert fit(markets, "Horizon — Science +1 ") == "Horizon — Science +1"


class CountingDelegate(SidebarDelegate):
    """The sidebar's delegate, counting the rows it really measures."""

    measured = 0

    def _measure(self, *args: Any) -> Any:
        CountingDelegate.measured += 1
        return super()._measure(*args)


def test_a_row_is_measured_once_not_at_every_recount(qtbot: Any, sources: Sources) -> None:
    model, view = sidebar_for(qtbot, sources.reader)
    delegate = CountingDelegate(view)
    view.setItemDelegate(delegate)
    view.resize(260, 700)
    view.expandAll()
    view.show()
    qtbot.waitExposed(view)
    fresh = SidebarDelegate()
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    keys = model.all_keys()
    assert len(keys) > 8
    # the same sizes as measuring afresh, row by row
    for key in keys:
        index = model.index_for_key(key)
        assert delegate.sizeHint(option, index) == fresh.sizeHint(option, index), key
    # every row told it changed (as a recount that changes every number does):
    # nothing is measured again
    CountingDelegate.measured = 0
    model.retranslate()
    qtbot.wait(10)
    for key in keys:
        delegate.sizeHint(option, model.index_for_key(key))
    assert CountingDelegate.measured == 0
    # another font is measured again, and rows grow with it
    big = QFont(option.font)
    big.setPointSize(option.font.pointSize() * 2 + 4)
    option.font, option.fontMetrics = big, QFontMetrics(big)
    feed = model.index_for_key(f"feed:{sources.arabic}")
    assert delegate.sizeHint(option, feed) == fresh.sizeHint(option, feed)
    assert CountingDelegate.measured == 1
