"""The sidebar's model over real profiles: its nodes, counts, merges and skeleton."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QPersistentModelIndex, Qt

from newsreader.core.types import ArticleQuery
from newsreader.reader import Reader
from newsreader.ui.models.sidebar import (
    MORE_STORIES,
    MORE_TOPICS,
    SECTION_PINNED,
    SECTION_STORIES,
    SECTION_TOPICS,
    BadgeRole,
    ErrorRole,
    FeedIdRole,
    KeyRole,
    KindRole,
    NodeKind,
    PinnedRole,
    QueryRole,
    SidebarEntry,
    SidebarModel,
    SubtitleRole,
    TotalRole,
    UnreadRole,
    build_snapshot,
    query_for_key,
    skeleton_snapshot,
    story_id_of_key,
)
from tests.helpers.feeds import flood_story, podcast, rss
from tests.helpers.feedserver import FeedServer, Response
from tests.helpers.story_news import by_guid as story_ids
from tests.helpers.story_news import serve_stories
from tests.ui.conftest import make_rss, serve


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
    # اقتصاد (Arabic feed) and Economy (English feed) are one topic
    assert {"topic:c:economy", "topic:c:sport", "folder:World", "feed:1", "feed:2"} <= set(keys)
    assert SECTION_PINNED not in keys  # nothing pinned yet
    topic = model.index_for_key("topic:c:economy")
    assert topic.data(SubtitleRole) == ()  # one number: the badge
    assert (topic.data(BadgeRole), topic.data(TotalRole)) == (35, 35)
    assert topic.data(QueryRole) == ArticleQuery(topic="economy")
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


# -- the sidebar's skeleton and its quiet merges ---------------------------------------------


def test_the_skeleton_has_the_smart_views_uncounted(qapp) -> None:
    model = SidebarModel()
    model.apply_snapshot(skeleton_snapshot())
    assert model.all_keys() == [
        "smart:all",
        "smart:unread",
        "smart:starred",
        "smart:live",
        "smart:videos",
    ]
    assert not model.is_counted() and not model.has_subscriptions()
    index = model.index_for_key("smart:all")
    assert "unread" not in (index.data(Qt.ItemDataRole.ToolTipRole) or "")


def test_keys_say_which_articles_they_show() -> None:
    assert query_for_key("feed:7") == ArticleQuery(feed_id=7)
    assert query_for_key("pinned:7") == ArticleQuery(feed_id=7)
    assert query_for_key("folder:World") == ArticleQuery(folder="World")
    assert query_for_key("topic:c:economy") == ArticleQuery(topic="economy")
    # a view saved by an older version, by its category's name
    assert query_for_key("topic:اقتصاد") == ArticleQuery(topic="economy")
    assert query_for_key("topic:s:3") is None  # saved searches: no view of their own yet
    assert query_for_key("smart:unread") == ArticleQuery(unread=True)
    assert query_for_key("section:feeds") is None
    assert query_for_key("feed:x") is None


def test_a_refresh_that_changes_nothing_visible_emits_no_signal(
    qapp, profile: Reader, qtbot
) -> None:
    model = SidebarModel(profile)
    model.reload()
    assert model.is_counted() and model.has_subscriptions()
    profile.refresh(all_feeds=True)  # same feeds again: only fetch times change
    with qtbot.assertNotEmitted(model.dataChanged):
        model.reload()
    profile.set_feed_pinned(2, True)
    with qtbot.waitSignal(model.dataChanged):
        model.reload()
    assert model.pinned_feed_ids() == {2}


def _topics(order: str, *, new: str = "") -> tuple[SidebarEntry, ...]:
    """A Topics section listing one topic per letter of *order*, in that order."""
    children = tuple(
        SidebarEntry(f"topic:c:{name}", NodeKind.TOPIC, label=name, unread=ord(name))
        for name in order + new
    )
    return (SidebarEntry(SECTION_TOPICS, NodeKind.SECTION, children=children),)


def test_a_new_order_is_one_layout_change_and_indexes_follow_their_rows(
    qapp, qtmodeltester, qtbot
) -> None:
    model = SidebarModel()
    model.apply_snapshot(_topics("abcdef"))
    qtmodeltester.check(model)
    followed = {k: QPersistentModelIndex(model.index_for_key(f"topic:c:{k}")) for k in "abcdef"}
    moves: list[object] = []
    model.rowsAboutToBeMoved.connect(lambda *args: moves.append(args))
    with qtbot.waitSignal(model.layoutChanged), qtbot.assertNotEmitted(model.rowsRemoved):
        model.apply_snapshot(_topics("fdbeac", new="g"))  # re-ranked, one more
    assert moves == []
    section = model.index_for_key(SECTION_TOPICS)
    shown = [model.index(row, 0, section).data() for row in range(model.rowCount(section))]
    assert shown == list("fdbeacg")
    assert {k: index.row() for k, index in followed.items()} == {
        k: "fdbeac".index(k) for k in "abcdef"
    }
    assert all(model.key_at(index) == f"topic:c:{k}" for k, index in followed.items())
    qtmodeltester.check(model)


# -- what the snapshot holds ------------------------------------------------------------


def test_topics_are_the_most_active_few(qapp, shared_profile: Reader) -> None:
    model = SidebarModel(shared_profile)
    model.apply_snapshot(build_snapshot(shared_profile, language="en", max_topics=1))
    topics = model.index_for_key(SECTION_TOPICS)
    shown = [model.index(row, 0, topics).data() for row in range(model.rowCount(topics))]
    assert shown == ["Economy"]  # اقتصاد and Economy: 7 articles
    assert "topic:c:sport" not in model.all_keys()
    model.apply_snapshot(build_snapshot(shared_profile, language="ar"))
    assert model.index_for_key("topic:c:economy").data() == "اقتصاد"  # named for the language


def test_a_folder_gathers_its_feeds_counts_and_failures(
    qapp, tmp_path: Path, feed_server: FeedServer
) -> None:
    feed_server.route("/down.xml", Response(status=503, body="busy"))
    good = serve(feed_server, "/desk.xml", make_rss(4, title="Desk", prefix="desk"))
    with Reader.open(tmp_path / "p") as reader:
        reader.add_feed(good, folder="World")
        broken = reader.subscribe(feed_server.url("/down.xml"), title="al-Ahram", folder="World")
        reader.refresh(feed_ids=[broken])
        model = SidebarModel(reader)
        model.reload()
        folder = model.index_for_key("folder:World")
        members = [model.index(row, 0, folder).data() for row in range(model.rowCount(folder))]
        assert members == ["al-Ahram", "Desk"]  # by name, whatever the case
        counts = [folder.data(role) for role in (UnreadRole, TotalRole, BadgeRole)]
        assert counts == [4, 4, 4]
        assert folder.data(ErrorRole).startswith("al-Ahram: ") and "503" in folder.data(ErrorRole)
        tooltip = folder.data(Qt.ItemDataRole.ToolTipRole)
        assert tooltip.startswith("World\n4 articles · 4 unread\nLast update failed:")
        feed = model.index_for_key(f"feed:{broken}")
        assert feed.data(Qt.ItemDataRole.ToolTipRole).startswith(
            f"al-Ahram\n{feed_server.url('/down.xml')}\n0 articles · 0 unread\n"
        )


def test_rows_say_what_they_are(qapp, profile: Reader) -> None:
    profile.set_feed_pinned(2, True)
    model = SidebarModel(profile)
    model.reload()
    assert [model.index_for_key(k).data() for k in model.all_keys()[:5]] == [
        "All articles",
        "Unread",
        "Starred",
        "Live",
        "Videos",
    ]
    pinned = model.index_for_key("pinned:2")
    assert (pinned.data(KindRole), pinned.data(FeedIdRole), pinned.data(PinnedRole)) == (
        NodeKind.PINNED,
        2,
        True,
    )
    assert model.index_for_key(SECTION_PINNED).data() == "Important sections"
    assert model.index_for_key(SECTION_PINNED).data(Qt.ItemDataRole.ToolTipRole) is None
    assert model.index_for_key(SECTION_PINNED).data(Qt.ItemDataRole.FontRole).bold()
    assert model.index_for_key("feed:1").data(PinnedRole) is False
    starred = model.index_for_key("smart:starred").data(Qt.ItemDataRole.ToolTipRole)
    assert starred == "Starred\n0 articles"  # no unread count for stars
    topic = model.index_for_key("topic:اقتصاد")  # a view saved by name finds its topic
    assert model.key_at(topic) == "topic:c:economy"
    assert topic.data(Qt.ItemDataRole.AccessibleTextRole) == ("Economy · 35 articles · 35 unread")
    assert topic.data(Qt.ItemDataRole.ToolTipRole) == "Economy\n35 articles · 35 unread"
    assert not topic.data(Qt.ItemDataRole.DecorationRole).isNull()


# -- topics: a screenful, the rest under "More topics", one number each ------------------


def test_topics_after_a_screenful_wait_under_more(qapp, profile: Reader) -> None:
    model = SidebarModel(profile)
    model.apply_snapshot(build_snapshot(profile, language="en", screenful=1))
    topics = model.index_for_key(SECTION_TOPICS)
    keys = [model.key_at(model.index(row, 0, topics)) for row in range(model.rowCount(topics))]
    assert keys == ["topic:c:economy", MORE_TOPICS]
    more = model.index_for_key(MORE_TOPICS)
    assert more.data() == "1 more topic"
    assert not (model.flags(more) & Qt.ItemFlag.ItemIsSelectable)
    assert more.data(QueryRole) is None and more.data(Qt.ItemDataRole.ToolTipRole) is None
    assert model.key_at(model.index(0, 0, more)) == "topic:c:sport"
    assert model.index_for_key("topic:c:sport").data(QueryRole) == ArticleQuery(topic="sport")
    model.apply_snapshot(build_snapshot(profile, language="en"))  # room for both again
    assert MORE_TOPICS not in model.all_keys()
    assert model.rowCount(model.index_for_key(SECTION_TOPICS)) == 2


def test_a_podcasts_blanket_tags_stay_out_of_the_sidebar(
    qapp, profile: Reader, feed_server: FeedServer
) -> None:
    feed_server.route("/podcast.xml", Response(body=podcast(730)))
    profile.add_feed(feed_server.url("/podcast.xml"))
    model = SidebarModel(profile)
    model.reload()
    topic_keys = [k for k in model.all_keys() if k.startswith("topic:c:")]
    assert topic_keys == ["topic:c:economy", "topic:c:sport"]
    assert model.index_for_key("smart:all").data(TotalRole) == 50 + 730


def test_each_topic_shows_one_number(qapp, profile: Reader) -> None:
    profile.mark_read(profile.article_ids(ArticleQuery(topic="sport"))[:5])
    model = SidebarModel(profile)
    model.reload()
    sport = model.index_for_key("topic:c:sport")
    assert (sport.data(BadgeRole), sport.data(SubtitleRole)) == (10, ())
    # only Arabic feeds tag it: the English interface names it from the alias table
    assert sport.data(Qt.ItemDataRole.ToolTipRole) == "Sport\n15 articles · 10 unread"


def test_hidden_topics_travel_with_the_topics_section(qapp, profile: Reader) -> None:
    profile.hide_topic("c:sport")
    model = SidebarModel(profile)
    model.reload()
    assert "topic:c:sport" not in model.all_keys()
    assert [t.id for t in model.hidden_topics()] == ["c:sport"]
    assert [t.id for t in model.topics()] == ["c:economy"]
    profile.hide_topic("c:economy")
    model.reload()  # no topic listed: the section stays, for showing them again
    assert model.rowCount(model.index_for_key(SECTION_TOPICS)) == 0
    assert {t.id for t in model.hidden_topics()} == {"c:sport", "c:economy"}


def test_stories_have_a_section_with_their_sources(
    qapp, tmp_path: Path, feed_server: FeedServer
) -> None:
    first, second = flood_story(datetime.now(UTC) - timedelta(hours=3))
    feed_server.route("/a.xml", Response(body=rss([first], title="صحيفة الصباح")))
    feed_server.route("/b.xml", Response(body=rss([second], title="أخبار الوادي")))
    with Reader.open(tmp_path / "p") as reader:
        reader.subscribe(feed_server.url("/a.xml"))
        reader.subscribe(feed_server.url("/b.xml"))
        reader.refresh()
        [record] = reader.stories()
        model = SidebarModel(reader)
        model.reload()
        story = model.index_for_key(f"topic:story:{record.id}")
        assert model.parent(story) == model.index_for_key(SECTION_STORIES)
        assert model.index_for_key(SECTION_STORIES).data() == "Stories"
        assert (story.data(), story.data(BadgeRole), story.data(KindRole)) == (
            record.title,
            2,
            NodeKind.STORY,
        )
        sources = " · ".join(record.sources)
        assert set(record.sources) == {"صحيفة الصباح", "أخبار الوادي"}
        assert story.data(SubtitleRole) == tuple(record.sources)
        assert story.data(Qt.ItemDataRole.ToolTipRole) == (
            f"{record.title}\n{sources}\n2 articles · 2 unread"
        )
        assert story.data(QueryRole) == ArticleQuery(story_id=record.id)
        assert query_for_key(f"topic:story:{record.id}") == ArticleQuery(story_id=record.id)
        assert SECTION_TOPICS not in model.all_keys()  # the feeds have no categories


def test_saved_searches_lead_the_topics(qapp, profile: Reader) -> None:
    saved = profile.save_search("الوزراء", "ministers")  # every English headline
    model = SidebarModel(profile)
    model.reload()
    topics = model.index_for_key(SECTION_TOPICS)
    first = model.index(0, 0, topics)
    assert model.key_at(first) == f"topic:s:{saved.id}"
    assert (first.data(), first.data(BadgeRole), first.data(TotalRole)) == ("الوزراء", 20, 20)
    assert first.data(QueryRole) == ArticleQuery(search="ministers")
    profile.mark_read(profile.article_ids(ArticleQuery(feed_id=2))[:3])
    model.reload()  # live: the counts follow the marks
    assert model.index_for_key(f"topic:s:{saved.id}").data(BadgeRole) == 17


def test_current_stories_are_a_screenful_then_more_stories(
    qapp, tmp_path: Path, feed_server: FeedServer
) -> None:
    with Reader.open(tmp_path / "p") as reader:
        serve_stories(feed_server, reader)
        reader.refresh()
        ids = story_ids(reader)
        fair, ferry = reader.story_of(ids["fair-a"]), reader.story_of(ids["ferry-a"])
        assert fair is not None and ferry is not None
        model = SidebarModel(reader)
        model.apply_snapshot(build_snapshot(reader, screenful=1))
        section = model.index_for_key(SECTION_STORIES)
        rows = [model.index(r, 0, section) for r in range(model.rowCount(section))]
        assert [i.data(KeyRole) for i in rows] == [f"topic:story:{fair.id}", MORE_STORIES]
        more = model.index_for_key(MORE_STORIES)
        assert (more.data(), more.data(KindRole)) == ("1 more story", NodeKind.MORE)
        assert model.parent(model.index_for_key(f"topic:story:{ferry.id}")) == more
        assert [t.id for t in model.stories()] == [f"story:{fair.id}", f"story:{ferry.id}"]
        assert model.index_for_key(f"topic:story:{ferry.id}").data(SubtitleRole) == (
            "Gamma",  # newest first
            "Beta",
            "Alpha",
        )


def test_a_story_read_to_the_end_drops_out_unless_it_is_on_show(
    qapp, tmp_path: Path, feed_server: FeedServer
) -> None:
    with Reader.open(tmp_path / "p") as reader:
        serve_stories(feed_server, reader)
        reader.refresh()
        ids = story_ids(reader)
        fair = reader.story_of(ids["fair-a"])
        assert fair is not None
        key = f"topic:story:{fair.id}"
        reader.mark_read([ids["fair-a"], ids["fair-b"], ids["fair-c"]])
        model = SidebarModel(reader)
        model.apply_snapshot(build_snapshot(reader))
        assert key not in model.all_keys()
        model.apply_snapshot(build_snapshot(reader, keep_story=fair.id))
        assert model.index_for_key(key).data(BadgeRole) == 0
        assert model.parent(model.index_for_key(key)) == model.index_for_key(SECTION_STORIES)
        # every story read: the section goes
        reader.mark_read([ids["ferry-a"], ids["ferry-b"], ids["ferry-c"]])
        model.apply_snapshot(build_snapshot(reader))
        assert SECTION_STORIES not in model.all_keys()


def test_a_story_node_key_names_its_story() -> None:
    assert story_id_of_key("topic:story:12") == 12
    assert story_id_of_key("topic:c:story") is None
    assert story_id_of_key("topic:story:x") is None
    assert story_id_of_key("feed:12") is None
    assert story_id_of_key(None) is None
