"""The article list's model over real profiles: pages, merges, directions and the Live view."""

from __future__ import annotations

import html
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QPersistentModelIndex, Qt

from newsreader.core.types import ArticleQuery, ArticleSummary, Direction
from newsreader.reader import Reader
from newsreader.ui.models.article_list import (
    LIVE_HORIZON,
    LIVE_MINIMUM,
    MERGE_LIMIT,
    PAGE_SIZE,
    ArticleIdRole,
    ArticleListModel,
    Column,
    DirectionRole,
    FoldedLineRole,
    ReadRole,
    StarredRole,
    SummaryRole,
)
from newsreader.ui.relative_time import absolute_time
from tests.helpers.feeds import UNTITLED_POSTS
from tests.helpers.feedserver import FeedServer, Response
from tests.ui.conftest import make_rss, serve


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


def test_untitled_posts_are_listed_by_their_first_words(
    qapp, tmp_path: Path, feed_server: FeedServer
) -> None:
    reader = Reader.open(tmp_path / "posts")
    try:
        reader.add_feed(serve(feed_server, "/posts.rss", UNTITLED_POSTS))
        model = ArticleListModel(reader)
        model.set_query(ArticleQuery())
        shown = [model.index(row, Column.TITLE).data() for row in range(model.rowCount())]
        assert shown == [
            "وصلت القافلة إلى المدينة بعد رحلة طويلة.",
            "Trying the new tram line today",
        ]
        assert model.index(1, Column.TITLE).data(Qt.ItemDataRole.ToolTipRole) == shown[1]
    finally:
        reader.close()


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


# -- merging, the fetch gate and the Live horizon ------------------------------------------


def summary(article_id: int, published: datetime | None = None) -> ArticleSummary:
    return ArticleSummary(
        id=article_id,
        feed_id=1,
        feed_title="Feed",
        guid=f"g{article_id}",
        title=f"Article {article_id}",
        link=None,
        published=published,
        direction=Direction.LTR,
        read=False,
        starred=False,
    )


def test_merge_reaches_any_new_head_with_row_signals(qapp, reader: Reader, qtbot) -> None:
    """Random insertions, removals and moves: the rows end up exactly as re-read."""
    rng = random.Random(2026)
    model = ArticleListModel(reader)
    ids = list(range(1, 61))
    model.merge([summary(i) for i in ids], limit=1000)
    next_id = 1000
    for _ in range(150):
        fresh = [i for i in ids if rng.random() > 0.15]
        for _ in range(rng.randrange(0, 8)):
            next_id += 1
            fresh.insert(rng.randrange(0, len(fresh) + 1), next_id)
        if len(fresh) > 2 and rng.random() < 0.3:  # an article whose date changed
            fresh.insert(rng.randrange(0, len(fresh)), fresh.pop(rng.randrange(0, len(fresh))))
        survivors = [i for i in ids if i in fresh]
        kept = {i: QPersistentModelIndex(model.index(ids.index(i), 0)) for i in survivors}
        assert model.merge([summary(i) for i in fresh], limit=1000)
        assert model.loaded_ids() == fresh
        assert all(model.row_of(i) == fresh.index(i) for i in fresh)
        stable = [i for i in survivors if kept[i].isValid()]
        assert all(kept[i].row() == fresh.index(i) for i in stable)
        assert len(stable) >= len(survivors) - 1  # only a moved row loses its index
        ids = fresh


def test_a_merge_keeps_the_rows_loaded_below_the_reread_head(
    qapp, big_profile: Reader, feed_server: FeedServer
) -> None:
    model = ArticleListModel(big_profile)
    model.set_query(ArticleQuery())
    while model.has_more():
        model.load_more()
    assert model.rowCount() == 1000
    feed_server.route(
        "/big.xml", Response(body=make_rss(1005, title="Big", prefix="big", start=-5))
    )
    big_profile.refresh(all_feeds=True)
    query, limit, generation = model.head_request()
    assert limit == MERGE_LIMIT < model.rowCount()  # a bounded re-read
    assert model.merge(big_profile.list_articles(query, limit=limit), generation, limit)
    assert model.rowCount() == 1005  # 5 new on top, the 200 rows below the head kept
    assert model.loaded_ids() == [a.id for a in big_profile.list_articles(ArticleQuery())]


def test_views_read_more_only_through_the_fetch_gate(qapp, big_profile: Reader) -> None:
    model = ArticleListModel(big_profile)
    wants: list[bool] = [False]
    model.set_fetch_gate(lambda: wants[0])
    model.set_query(ArticleQuery())
    assert model.has_more() and not model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == PAGE_SIZE  # a view's request was turned down
    assert model.load_more()  # code that needs the rows reads them anyway
    assert model.rowCount() == 2 * PAGE_SIZE
    wants[0] = True
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 3 * PAGE_SIZE


def live_profile(tmp_path: Path, server: FeedServer, recent: int, old: int) -> Reader:
    """``recent`` articles of the last hours and ``old`` ones of two days ago."""
    now = datetime.now(UTC).replace(microsecond=0)
    reader = Reader.open(tmp_path / f"live-{recent}-{old}")
    for name, count, newest in (("recent", recent, now), ("old", old, now - timedelta(hours=48))):
        if count:
            url = serve(server, f"/{name}.xml", make_rss(count, prefix=name, newest=newest))
            reader.add_feed(url)
    return reader


def test_the_live_view_shows_the_last_day(qapp, tmp_path: Path, feed_server: FeedServer) -> None:
    with live_profile(tmp_path, feed_server, recent=250, old=300) as reader:
        model = ArticleListModel(reader)
        model.set_query(ArticleQuery(), horizon=LIVE_HORIZON)
        assert model.rowCount() == PAGE_SIZE and model.has_more()
        while model.has_more():
            model.load_more()
        assert model.rowCount() == 250  # all of the last day, none of the day before
        cutoff = datetime.now(UTC) - LIVE_HORIZON
        assert all(model.article_at(r).published >= cutoff for r in range(250))


def test_the_live_view_shows_the_newest_page_when_the_day_was_quiet(
    qapp, tmp_path: Path, feed_server: FeedServer
) -> None:
    with live_profile(tmp_path, feed_server, recent=20, old=300) as reader:
        model = ArticleListModel(reader)
        model.set_query(ArticleQuery(), horizon=LIVE_HORIZON)
        assert model.rowCount() == LIVE_MINIMUM
        assert not model.has_more()  # the rest is older than a day
        model.set_query(ArticleQuery())
        assert model.has_more()  # without the horizon it is all there


def test_live_rows_age_out(qapp, tmp_path: Path, feed_server: FeedServer) -> None:
    with live_profile(tmp_path, feed_server, recent=260, old=0) as reader:
        model = ArticleListModel(reader)
        model.set_query(ArticleQuery(), horizon=LIVE_HORIZON)
        model.load_more()
        assert model.rowCount() == 260
        assert model.expire() == 0
        # nearly a day later only the last 100 minutes are "live": the newest page stays
        later = datetime.now(UTC) + LIVE_HORIZON - timedelta(minutes=100)
        assert model.expire(later) == 260 - LIVE_MINIMUM
        assert model.rowCount() == LIVE_MINIMUM and not model.has_more()


# -- marks shown at once, and what each cell says -----------------------------------------


def test_marks_are_shown_without_reading_the_rows_again(
    qapp, shared_profile: Reader, qtbot
) -> None:
    profile = shared_profile
    model = ArticleListModel(profile)
    model.set_query(ArticleQuery(feed_id=2))
    first, third = model.article_at(0).id, model.article_at(2).id
    with qtbot.waitSignal(model.dataChanged) as changed:
        model.set_state([third], read=True, starred=True)
    top_left, bottom_right = changed.args[:2]
    assert (top_left.row(), top_left.column()) == (2, 0)
    assert (bottom_right.row(), bottom_right.column()) == (2, len(Column) - 1)
    assert model.index(2, Column.TITLE).data(ReadRole) is True
    assert model.index(2, Column.TITLE).data(StarredRole) is True
    assert model.index(2, Column.TITLE).data(Qt.ItemDataRole.FontRole) is None  # read: not bold
    assert model.index(0, Column.TITLE).data(ReadRole) is False
    assert not profile.get_article(third).read  # shown only: writing is the caller's
    with qtbot.assertNotEmitted(model.dataChanged):
        model.set_state([third], read=True)  # already so
        model.set_state([10**9], read=True)  # not listed here
    model.set_state([first], starred=True)
    assert model.article_at(0).starred and not model.article_at(0).read


def test_each_cell_says_its_part(qapp, tmp_path: Path, feed_server: FeedServer) -> None:
    published = datetime.now(UTC).replace(microsecond=0) - timedelta(minutes=5)
    feed = make_rss(1, title="Desk", prefix="cells", newest=published)
    with Reader.open(tmp_path / "p") as reader:
        reader.add_feed(serve(feed_server, "/cells.xml", feed))
        model = ArticleListModel(reader)
        model.set_query(ArticleQuery())
        article = model.article_at(0)
        cell = {column: model.index(0, column) for column in Column}
        title = "Item 0: ministers meet to discuss energy prices"
        assert cell[Column.TITLE].data() == title
        assert cell[Column.TITLE].data(Qt.ItemDataRole.AccessibleTextRole) == f"{title} unread"
        assert cell[Column.SOURCE].data() == "Desk"
        assert cell[Column.TIME].data() == "5 minutes ago"
        assert cell[Column.TIME].data(Qt.ItemDataRole.ToolTipRole) == absolute_time(published)
        assert cell[Column.STAR].data(Qt.ItemDataRole.DecorationRole) is None
        assert cell[Column.STAR].data(Qt.ItemDataRole.ToolTipRole) == "Click to star"
        assert cell[Column.COMMENTS].data() == ""
        assert cell[Column.TITLE].data(ArticleIdRole) == article.id
        assert cell[Column.TITLE].data(SummaryRole) == article

        model.set_state([article.id], starred=True)
        assert not cell[Column.STAR].data(Qt.ItemDataRole.DecorationRole).isNull()
        assert cell[Column.STAR].data(Qt.ItemDataRole.ToolTipRole) == "Starred"
        assert cell[Column.STAR].data(Qt.ItemDataRole.AccessibleTextRole) == "Starred"


def test_the_headers_name_the_columns(qapp, reader: Reader) -> None:
    model = ArticleListModel(reader)
    horizontal = Qt.Orientation.Horizontal
    assert [model.headerData(c, horizontal) for c in Column] == [
        "",
        "Headline",
        "Source",
        "Time",
        "",
    ]
    assert model.headerData(Column.TIME, horizontal, Qt.ItemDataRole.ToolTipRole) == (
        "Time (click to sort newest first)"
    )
    assert not model.headerData(Column.STAR, horizontal, Qt.ItemDataRole.DecorationRole).isNull()
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    assert model.headerData(len(Column), horizontal) is None


def test_sorting_by_a_column_of_no_order_keeps_the_view(
    qapp, shared_profile: Reader, qtbot
) -> None:
    model = ArticleListModel(shared_profile)
    model.set_query(ArticleQuery())
    with qtbot.assertNotEmitted(model.modelReset):
        model.sort(Column.TITLE)
        model.sort(Column.TIME)  # date order already
    assert model.query().order == "date"
    with qtbot.waitSignal(model.modelReset):
        model.sort(Column.SOURCE)
    assert model.query().order == "source"


def test_undated_articles_show_when_they_were_first_seen_and_sort_by_it(
    qapp, tmp_path: Path, feed_server: FeedServer
) -> None:
    dated = make_rss(2, prefix="dated", newest=datetime.now(UTC) - timedelta(days=3))
    undated = (
        make_rss(2, prefix="undated").replace("<pubDate>", "<!--").replace("</pubDate>", "-->")
    )
    with Reader.open(tmp_path / "p") as reader:
        reader.add_feed(serve(feed_server, "/dated.xml", dated))
        reader.add_feed(serve(feed_server, "/undated.xml", undated))
        model = ArticleListModel(reader)
        model.set_query(ArticleQuery())
        rows = [model.article_at(r) for r in range(model.rowCount())]
        # first seen just now: newer than articles published three days ago
        assert [r.undated for r in rows] == [True, True, False, False]
        assert all(r.sort_time is not None for r in rows)
        time = model.index(0, Column.TIME)
        assert str(model.data(time)).startswith("seen ")
        assert str(model.data(time, Qt.ItemDataRole.ToolTipRole)).startswith("Undated: first seen")
        dated_time = model.index(3, Column.TIME)
        assert not str(model.data(dated_time)).startswith("seen")
        source, when = model.data(model.index(0, Column.TITLE), FoldedLineRole)
        assert source and when.startswith("seen ")


def test_a_first_page_read_elsewhere_is_shown_as_it_is_and_paging_goes_on(
    qapp, big_profile: Reader
) -> None:
    model = ArticleListModel(big_profile, page_size=50)
    query = ArticleQuery(search="energy")
    first = big_profile.list_articles(query, limit=50)
    model.set_query(query, first_page=first)
    assert [model.article_at(r) for r in range(model.rowCount())] == first
    assert model.page_size == 50
    assert model.load_more()  # the next page by the same query
    assert model.rowCount() == 100


def test_a_searchs_snippets_join_the_headline_tooltip_until_the_view_changes(
    qapp, profile: Reader
) -> None:
    model = ArticleListModel(profile)
    model.set_query(ArticleQuery(search="energy"))
    first = model.article_at(0)
    assert first is not None
    note = '<p dir="ltr">the <b>energy</b> price</p>'
    model.set_tooltip_notes({first.id: note})
    tooltip = model.index(0, Column.TITLE).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip == f'<p dir="{first.direction.value}">{html.escape(first.headline)}</p>{note}'
    model.set_query(ArticleQuery())
    assert model.index(0, Column.TITLE).data(Qt.ItemDataRole.ToolTipRole) == (
        model.article_at(0).headline
    )


def test_an_article_two_feeds_carried_names_both(
    qapp, tmp_path: Path, feed_server: FeedServer
) -> None:
    from tests.helpers.feeds import Item, rss

    shared = "http://127.0.0.1:7/story/42"
    for path, title in (("/x", "Wire"), ("/y", "Local")):
        item = Item(guid=f"{path}1", title=f"خبر من {title}", link=shared)
        feed_server.route(path, Response(body=rss([item], title=title)))
    with Reader.open(tmp_path / "p") as reader:
        reader.add_feed(feed_server.url("/x"))
        reader.add_feed(feed_server.url("/y"))
        model = ArticleListModel(reader)
        model.set_query(ArticleQuery())
        assert model.rowCount() == 1  # listed once
        source = model.index(0, Column.SOURCE)
        first, other = model.article_at(0).sources
        assert source.data() == f"{first} +1"
        assert source.data(Qt.ItemDataRole.ToolTipRole) == f"{first}\n{other}"
        assert model.data(model.index(0, Column.TITLE), FoldedLineRole)[0] == f"{first} +1"
