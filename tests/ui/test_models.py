"""The sidebar and article list models over real profiles."""

from __future__ import annotations

from PySide6.QtCore import QPersistentModelIndex, Qt

from newsreader.core.types import ArticleQuery
from newsreader.reader import Reader
from newsreader.ui.models.article_list import (
    PAGE_SIZE,
    ArticleListModel,
    Column,
    DirectionRole,
    ReadRole,
)
from newsreader.ui.models.sidebar import (
    SECTION_PINNED,
    BadgeRole,
    ErrorRole,
    NodeKind,
    QueryRole,
    SidebarModel,
    SubtitleRole,
    UnreadRole,
)
from tests.helpers.feedserver import FeedServer, Response
from tests.ui.conftest import make_rss


def test_sidebar_model_passes_the_model_tester(qapp, profile: Reader, qtmodeltester) -> None:
    model = SidebarModel(profile)
    model.reload()
    qtmodeltester.check(model)
    profile.set_feed_pinned(1, True)
    model.reload()  # a section appears: inserted rows, still a valid model
    qtmodeltester.check(model)


def test_sidebar_lists_views_topics_folders_and_feeds(qapp, profile: Reader) -> None:
    model = SidebarModel(profile)
    model.reload()
    keys = model.all_keys()
    assert keys[:5] == ["smart:all", "smart:unread", "smart:starred", "smart:live", "smart:videos"]
    assert {
        "topic:اقتصاد",
        "topic:رياضة",
        "topic:Economy",
        "folder:World",
        "feed:1",
        "feed:2",
    } <= set(keys)
    assert SECTION_PINNED not in keys  # nothing pinned yet
    topic = model.index_for_key("topic:اقتصاد")
    assert topic.data(SubtitleRole) == "15 articles"
    assert topic.data(QueryRole) == ArticleQuery(category="اقتصاد")
    assert model.index_for_key("smart:all").data(BadgeRole) == 50
    folder = model.index_for_key("folder:World")
    assert model.rowCount(folder) == 1
    assert model.index(0, 0, folder).data(Qt.ItemDataRole.DisplayRole) == "World Desk"
    section = model.index_for_key("section:topics")
    assert not (model.flags(section) & Qt.ItemFlag.ItemIsSelectable)
    assert model.entry_at(section).kind == NodeKind.SECTION


def test_sidebar_merge_keeps_indexes_and_updates_counts(qapp, profile: Reader, qtbot) -> None:
    model = SidebarModel(profile)
    model.reload()
    feed = QPersistentModelIndex(model.index_for_key("feed:1"))
    assert feed.data(UnreadRole) == 30
    profile.mark_read(profile.article_ids(ArticleQuery(feed_id=1))[:4])
    profile.set_feed_pinned(1, True)
    with qtbot.waitSignal(model.dataChanged):
        model.reload()
    assert feed.isValid() and model.key_at(feed) == "feed:1"  # survived the merge
    assert feed.data(UnreadRole) == 26
    assert model.index_for_key("pinned:1").data(UnreadRole) == 26
    assert model.index_for_key("smart:unread").data(BadgeRole) == 46


def test_feed_errors_become_badges_with_a_tooltip(qapp, tmp_path, feed_server: FeedServer) -> None:
    feed_server.route("/broken.xml", Response(status=500, body="down"))
    with Reader.open(tmp_path / "p") as reader:
        feed_id = reader.subscribe(feed_server.url("/broken.xml"), title="Broken")
        reader.refresh(feed_ids=[feed_id])
        model = SidebarModel(reader)
        model.reload()
        index = model.index_for_key(f"feed:{feed_id}")
        assert "500" in index.data(ErrorRole)
        assert "500" in index.data(Qt.ItemDataRole.ToolTipRole)


def test_article_model_passes_the_model_tester(qapp, big_profile: Reader, qtmodeltester) -> None:
    model = ArticleListModel(big_profile)
    model.set_query(ArticleQuery())
    qtmodeltester.check(model)


def test_a_long_view_opens_one_page_and_fetches_more(qapp, big_profile: Reader) -> None:
    model = ArticleListModel(big_profile)
    model.set_query(ArticleQuery())
    assert model.rowCount() == PAGE_SIZE
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 2 * PAGE_SIZE
    while model.canFetchMore():
        model.fetchMore()
    ids = model.loaded_ids()
    assert len(ids) == len(set(ids)) == 1000
    assert sorted(ids) == sorted(big_profile.article_ids(ArticleQuery()))


def test_source_order_pages_by_offset_without_duplicates(qapp, profile: Reader) -> None:
    model = ArticleListModel(profile, page_size=7)
    model.set_query(ArticleQuery())
    model.sort(Column.SOURCE)
    assert model.query().order == "source"
    while model.canFetchMore():
        model.fetchMore()
    sources = [model.article_at(row).feed_title for row in range(model.rowCount())]
    assert model.rowCount() == 50 == len(set(model.loaded_ids()))
    assert sources == sorted(sources, key=str.lower)


def test_headlines_carry_their_own_direction(qapp, profile: Reader) -> None:
    model = ArticleListModel(profile)
    model.set_query(ArticleQuery(feed_id=1))
    assert model.index(0, Column.TITLE).data(DirectionRole) == Qt.LayoutDirection.RightToLeft
    model.set_query(ArticleQuery(feed_id=2))
    assert model.index(0, Column.TITLE).data(DirectionRole) == Qt.LayoutDirection.LeftToRight
    assert model.index(0, Column.TITLE).data(Qt.ItemDataRole.FontRole).bold()  # unread


def test_merge_inserts_new_articles_and_keeps_the_selection(
    qapp, tmp_path, feed_server: FeedServer
) -> None:
    feed_server.route("/f.xml", Response(body=make_rss(30, prefix="m")))
    with Reader.open(tmp_path / "p") as reader:
        reader.add_feed(feed_server.url("/f.xml"))
        model = ArticleListModel(reader, page_size=20)
        model.set_query(ArticleQuery())
        kept = QPersistentModelIndex(model.index(5, Column.TITLE))
        kept_id = model.article_at(5).id
        reader.mark_read([model.article_at(0).id])
        feed_server.route("/f.xml", Response(body=make_rss(33, prefix="m", start=-3)))
        reader.refresh(all_feeds=True)
        assert model.merge(model.read_head())
        assert model.rowCount() == 20  # the loaded head was re-read at its size
        assert kept.isValid() and kept.row() == 8
        assert model.article_at(kept.row()).id == kept_id
        assert model.index(3, 0).data(ReadRole) is True  # state changes merged too


def test_results_for_an_old_view_are_dropped(qapp, profile: Reader) -> None:
    model = ArticleListModel(profile)
    model.set_query(ArticleQuery(feed_id=1))
    _, _, generation = model.head_request()
    rows = model.read_head()
    model.set_query(ArticleQuery(feed_id=2))
    assert not model.merge(rows, generation)
    assert {model.article_at(r).feed_id for r in range(model.rowCount())} == {2}
