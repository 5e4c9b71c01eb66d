"""Topics through the Reader: merged categories, blanket tags left to their feed, the
user's merges, names and hidden topics kept across refreshes and in a backup."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from newsreader.core.errors import NewsreaderError
from newsreader.core.types import ArticleQuery, Topic
from newsreader.reader import Reader
from tests.helpers.feeds import PODCAST_TAGS, Item, flood_story, podcast, rss
from tests.helpers.feedserver import FeedServer, Response

NOW = datetime.now(UTC).replace(microsecond=0)


#: Words the generated articles are made of, so that no two of them read alike.
VOCABULARY = [
    "الحكومة",
    "الميزانية",
    "المنتخب",
    "المباراة",
    "الأسواق",
    "البورصة",
    "الجامعة",
    "المستشفى",
    "المطار",
    "الميناء",
    "الانتخابات",
    "البرلمان",
    "الوزير",
    "المحافظ",
    "الشركة",
    "المصنع",
    "المزارعون",
    "القمح",
    "الكهرباء",
    "المياه",
    "الطريق",
    "القطار",
    "المدرسة",
    "الطلاب",
    "الأطباء",
    "الدواء",
    "المهرجان",
    "المسرح",
    "الكتاب",
    "المعرض",
    "الشتاء",
    "الأمطار",
    "الذهب",
    "العملة",
    "الضرائب",
    "الرواتب",
    "السكن",
    "الإيجار",
    "الصادرات",
]


def items(prefix: str, tags: Sequence[Sequence[str]], *, days_ago: float = 0.0) -> list[Item]:
    """One item per entry of *tags*, carrying those categories, an hour apart."""
    start = NOW - timedelta(days=days_ago)
    made = []
    for n, names in enumerate(tags):
        words = random.Random(f"{prefix}-{n}").sample(VOCABULARY, 12)
        made.append(
            Item(
                guid=f"{prefix}-{n}",
                title=" ".join(words[:5]),
                body=f"<p>{' '.join(words[5:])}</p>",
                categories=tuple(names),
                published=start - timedelta(hours=n),
            )
        )
    return made


def publish(server: FeedServer, reader: Reader, path: str, document: str) -> int:
    server.route(path, Response(body=document))
    return reader.subscribe(server.url(path))


@pytest.fixture
def news(reader: Reader, feed_server: FeedServer) -> Reader:
    """An Arabic and an English news site and a captured game podcast (730 episodes)."""
    arabic = items(
        "ar",
        [["اقتصاد"], ["الاقتصاد"], ["رياضة"], ["أخبار"], ["اخبار", "سياسة"], ["مال وأعمال"]] * 5,
    )
    english = items(
        "en",
        [["Economy"], ["Business", "Economy"], ["Sports"], ["Politics"], ["Tech"]] * 4,
        days_ago=10,  # older than a week: not recent
    )
    publish(feed_server, reader, "/ar.xml", rss(arabic, title="أخبار اليوم"))
    publish(feed_server, reader, "/en.xml", rss(english, title="World Desk", language="en"))
    publish(feed_server, reader, "/podcast.xml", podcast())
    summary = reader.refresh()
    assert summary.failed == 0 and summary.new == 30 + 20 + 730
    return reader


def by_id(topics: Sequence[Topic]) -> dict[str, Topic]:
    return {t.id: t for t in topics}


def test_categories_merge_by_spelling_and_across_languages(news: Reader) -> None:
    topics = by_id(news.topics(language="ar"))
    economy = topics["c:economy"]
    # اقتصاد, الاقتصاد, مال وأعمال (15 Arabic items) + Economy, Business (8 English,
    # 4 of them with both names: each article counts once)
    assert (economy.count, economy.unread) == (23, 23)
    assert economy.name == "اقتصاد"  # the most used Arabic spelling
    assert by_id(news.topics(language="en"))["c:economy"].name == "Economy"
    assert topics["c:sport"].count == 5 + 4
    assert topics["c:اخبار"].count == 10  # أخبار = اخبار
    assert topics["c:اخبار"].name in ("أخبار", "اخبار")
    assert topics["c:politics"].count == 5 + 4
    assert topics["c:technology"].count == 4


def test_a_podcasts_blanket_tags_are_left_to_its_feed(news: Reader) -> None:
    listed = news.topics()
    assert all(t.listed for t in listed)
    assert not {t.id for t in listed} & {"c:giantbomb", "c:pc", "c:ps3", "c:xbox360"}
    everything = by_id(news.topics(everything=True))
    bomb = everything["c:giantbomb"]  # "Giant Bomb" and "GiantBomb" are one topic
    assert (bomb.count, bomb.listed, bomb.hidden) == (730, False, False)
    assert len([t for t in everything.values() if not t.listed]) == len(PODCAST_TAGS) - 1
    # still reachable as a topic view (and by topic: search)
    assert news.count_articles(ArticleQuery(topic="giantbomb")) == (730, 730)


def test_a_tag_shared_with_another_feed_is_listed(news: Reader, feed_server: FeedServer) -> None:
    publish(
        feed_server,
        news,
        "/games.xml",
        rss(items("g", [["PC"], ["Reviews"]]), title="Games", language="en"),
    )
    news.refresh()
    topics = by_id(news.topics())
    assert topics["c:pc"].count == 731 and topics["c:pc"].listed
    assert "c:reviews" in topics  # one feed's, but only half of it: it splits the feed


def test_topics_are_ranked_by_recent_activity(news: Reader) -> None:
    ids = [t.id for t in news.topics()]
    # the Arabic feed's topics are from today, the English ones ten days old:
    # economy (15 recent) before politics (5 recent) before technology (none)
    assert ids.index("c:economy") < ids.index("c:politics") < ids.index("c:technology")
    recent = by_id(news.topics())
    assert recent["c:economy"].recent == 15 and recent["c:technology"].recent == 0


def test_a_topic_view_shows_every_spelling(news: Reader) -> None:
    titles = {a.title for a in news.list_articles(ArticleQuery(topic="economy"))}
    assert len(titles) == 23
    assert news.count_articles(ArticleQuery(topic="economy", unread=True)) == (23, 23)
    news.mark_read(news.article_ids(ArticleQuery(topic="sport")))
    assert by_id(news.topics())["c:sport"].unread == 0


def test_merge_rename_and_hide_survive_a_refresh(news: Reader, feed_server: FeedServer) -> None:
    assert news.merge_topics("c:technology", "c:politics") == "c:politics"
    news.rename_topic("c:politics", "Politics & Tech")
    news.hide_topic("c:sport")
    publish(
        feed_server,
        news,
        "/more.xml",
        rss(items("m", [["تقنية"], ["رياضة"], ["سياسة"]]), title="المزيد"),
    )
    news.refresh()
    topics = by_id(news.topics(language="ar"))
    assert "c:technology" not in topics and "c:sport" not in topics
    politics = topics["c:politics"]
    assert (politics.name, politics.count) == ("Politics & Tech", 5 + 4 + 4 + 2)
    assert news.count_articles(ArticleQuery(topic="politics"))[0] == 15
    hidden = by_id(news.topics(everything=True))["c:sport"]
    assert (hidden.hidden, hidden.listed, hidden.count) == (True, False, 10)
    news.hide_topic("c:sport", False)
    news.rename_topic("c:politics", "")
    topics = by_id(news.topics(language="ar"))
    assert topics["c:sport"].listed and topics["c:politics"].name == "سياسة"


def test_merges_follow_the_topic_they_went_into(news: Reader) -> None:
    news.merge_topics("c:technology", "c:politics")
    news.merge_topics("c:politics", "c:economy")  # technology follows politics
    topics = by_id(news.topics())
    assert "c:politics" not in topics and "c:technology" not in topics
    assert topics["c:economy"].count == 23 + 9 + 4
    # a topic merged before moves on by itself
    assert news.merge_topics("c:technology", "c:sport") == "c:sport"
    topics = by_id(news.topics())
    assert (topics["c:economy"].count, topics["c:sport"].count) == (23 + 9, 9 + 4)
    # an id merged away stands for the topic it is in
    assert news.merge_topics("c:sport", "c:politics") == "c:economy"
    assert set(by_id(news.topics())) & {"c:sport", "c:politics", "c:technology"} == set()


def test_bad_topic_changes_are_refused_with_a_message(news: Reader) -> None:
    with pytest.raises(NewsreaderError, match="no topic c:nothing"):
        news.merge_topics("c:nothing", "c:economy")
    with pytest.raises(NewsreaderError, match="not a category topic"):
        news.rename_topic("story:3", "x")
    with pytest.raises(NewsreaderError, match="one topic already"):
        news.merge_topics("c:economy", "c:economy")
    with pytest.raises(NewsreaderError, match="hide it instead"):
        news.remove_topic("c:economy")
    assert by_id(news.topics())["c:economy"].count == 23  # nothing changed


def test_topic_state_is_kept_in_a_backup(news: Reader, tmp_path: Path) -> None:
    news.merge_topics("c:technology", "c:politics")
    news.rename_topic("c:economy", "المال")
    news.hide_topic("c:sport")
    backup = tmp_path / "backup.json"
    news.export_data(backup)
    with Reader.open(tmp_path / "other") as other:
        report = other.import_data(backup)  # the subscriptions come back too
        assert (report.feeds_added, report.topics) == (3, 3)
        other.refresh()
        topics = by_id(other.topics(everything=True))
        assert topics["c:economy"].name == "المال"
        assert topics["c:sport"].hidden
        assert "c:technology" not in topics and topics["c:politics"].count == 13
        # importing again changes nothing
        assert other.import_data(backup).topics == 0


def test_this_profiles_topic_choices_win_over_a_backups(news: Reader, tmp_path: Path) -> None:
    news.rename_topic("c:economy", "المال")
    news.merge_topics("c:technology", "c:politics")
    backup = tmp_path / "backup.json"
    news.export_data(backup)
    with Reader.open(tmp_path / "other") as other:
        other.import_data(backup)
        other.refresh()
        other.rename_topic("c:economy", "Money")
        other.export_data(tmp_path / "other.json")
    news.rename_topic("c:economy", "")
    news.import_data(tmp_path / "other.json")  # names only where this profile has none
    assert by_id(news.topics())["c:economy"].name == "Money"
    news.rename_topic("c:economy", "اقتصاد وأعمال")
    news.import_data(tmp_path / "other.json")
    assert by_id(news.topics())["c:economy"].name == "اقتصاد وأعمال"


def test_an_export_without_topics_still_imports(reader: Reader, tmp_path: Path) -> None:
    old = tmp_path / "old.json"
    old.write_text(
        '{"format": "newsreader-userdata", "version": 1, "exported": "2026-11-01T08:00:00+00:00",'
        ' "subscriptions": [{"url": "http://127.0.0.1:9/feed.xml", "title": "قديم"}],'
        ' "articles": []}',
        encoding="utf-8",
    )
    report = reader.import_data(old)
    assert (report.feeds_added, report.topics) == (1, 0)
    assert reader.topics() == []


def test_saved_searches_are_user_topics_counted_as_articles_arrive(
    news: Reader, feed_server: FeedServer
) -> None:
    topic = news.add_saved_topic("النفط", "نفط OR oil")
    assert (topic.id, topic.kind, topic.count, topic.query) == ("s:1", "saved", 0, "نفط OR oil")
    publish(
        feed_server,
        news,
        "/oil.xml",
        rss(
            [
                Item("o-1", "أسعار النفط ترتفع", published=NOW),
                Item("o-2", "Oil prices fall", published=NOW),
                Item("o-3", "الطقس غدًا", published=NOW),
            ],
            title="الطاقة",
        ),
    )
    news.refresh()
    saved = news.topics()[0]
    assert (saved.id, saved.name, saved.count, saved.unread) == ("s:1", "النفط", 2, 2)
    news.rename_topic("s:1", "الطاقة")
    assert news.topics()[0].name == "الطاقة"
    news.remove_topic("s:1")
    assert all(t.kind == "category" for t in news.topics())


def test_topic_search_finds_every_spelling_of_a_merged_topic(news: Reader) -> None:
    assert news.search("topic:Business", limit=100).total == 23  # all of economy
    assert news.search("topic:الاقتصاد", limit=100).total == 23
    news.rename_topic("c:economy", "المال")
    assert news.search("topic:المال", limit=100).total == 23
    news.merge_topics("c:technology", "c:politics")
    assert news.search("topic:Tech", limit=100).total == 13
    # a blanket tag left to its feed is still found
    assert news.search("topic:GiantBomb", limit=1000).total == 730


def test_current_stories_are_topics_with_their_articles_and_sources(
    news: Reader, feed_server: FeedServer
) -> None:
    first, second = flood_story(NOW - timedelta(hours=3))
    publish(feed_server, news, "/flood-a.xml", rss([first], title="صحيفة الصباح"))
    publish(feed_server, news, "/flood-b.xml", rss([second], title="أخبار الوادي"))
    news.refresh()
    [story] = [t for t in news.topics() if t.kind == "story"]
    [record] = news.stories()
    assert story.id == f"story:{record.id}"
    assert (story.count, story.unread) == (2, 2)
    assert set(story.sources) == {"صحيفة الصباح", "أخبار الوادي"}
    assert story.article_ids == record.article_ids and story.name == record.title
    kinds = [t.kind for t in news.topics()]
    assert kinds.index("story") < kinds.index("category")  # stories before categories
