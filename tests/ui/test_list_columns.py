"""The list's columns at every width: the headline's share, folding, no sideways scrolling."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt

from newsreader.reader import Reader
from newsreader.ui.delegates.article_delegate import ArticleDelegate
from newsreader.ui.list_columns import HEADLINE_SHARE, ListColumns, scrolls_sideways
from newsreader.ui.models.article_list import Column
from tests.helpers.feedserver import FeedServer
from tests.helpers.window_parts import article_list_for
from tests.ui.conftest import make_rss, serve

pytestmark = pytest.mark.gui


@pytest.fixture(scope="module")
def listed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Reader]:
    with FeedServer() as server, Reader.open(tmp_path_factory.mktemp("cols")) as reader:
        reader.add_feed(serve(server, "/ar.xml", make_rss(6, language="ar", prefix="ar")))
        reader.add_feed(serve(server, "/en.xml", make_rss(6, prefix="en")))
        yield reader


@pytest.mark.parametrize("width", [300, 420, 560, 700, 1000, 1800])
def test_the_headline_gets_its_share_and_nothing_scrolls_sideways(
    qtbot: Any, listed: Reader, width: int
) -> None:
    _, view = article_list_for(qtbot, listed, shown=True)
    delegate = ArticleDelegate(view)
    view.setItemDelegate(delegate)
    columns = ListColumns(view, delegate)
    view.resize(width, 400)
    qtbot.waitUntil(lambda: view.width() == width)
    qtbot.wait(20)
    list_width = view.viewport().width()
    assert columns.headline_width() >= HEADLINE_SHARE * list_width - 1
    assert not scrolls_sideways(view)
    assert view.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    header = view.header()
    folded = columns.folded()
    assert header.isSectionHidden(Column.SOURCE) == folded
    assert header.isSectionHidden(Column.TIME) == folded
    if width <= 420:
        assert folded  # narrow: source and time under the headline
    if width >= 1000:
        assert not folded
    shown = sum(header.sectionSize(c) for c in Column if not header.isSectionHidden(c))
    assert shown <= list_width + 1
