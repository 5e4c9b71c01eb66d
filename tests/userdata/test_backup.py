"""Backing up and restoring the user's data between real profiles (real SQLite files)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from newsreader.core.backup_records import (
    ArticleRecord,
    NoteRecord,
    SavedSearchRecord,
    SubscriptionRecord,
    TopicStateRecord,
    UserData,
)
from newsreader.core.errors import NewsreaderError, OPMLError
from newsreader.reader import Reader
from newsreader.reader.comments import CommentsMixin
from newsreader.userdata import backup as backup_module
from newsreader.userdata.backup import PENDING_FILE_NAME
from tests.helpers.feeds import Item, numbered, rss
from tests.helpers.feedserver import FeedServer, Response
from tests.helpers.story_news import serve_stories


def reader_class() -> type[Any]:
    """``Reader`` once it includes the comments mixin; until then, the two combined."""
    if issubclass(Reader, CommentsMixin):
        return Reader
    return type("CommentsReader", (CommentsMixin, Reader), {})


@pytest.fixture
def open_profile(
    tmp_path: Path, new_profile_db: Callable[[], str | None]
) -> Iterator[Callable[[str], Any]]:
    """Opens named profiles under ``tmp_path`` (on each back end: a database of its own
    per name); all are closed at the end."""
    opened: list[Any] = []
    databases: dict[str, str | None] = {}

    def open_(name: str) -> Any:
        if name not in databases:
            databases[name] = new_profile_db()
        r = reader_class().open(tmp_path / name, databases[name])
        opened.append(r)
        return r

    yield open_
    for r in opened:
        r.close()


@pytest.fixture
def news(feed_server: FeedServer) -> tuple[str, str]:
    """Two feeds on the local server: Arabic news and an English blog."""
    feed_server.route("/news", Response(body=rss(numbered(4, "news"), title="الأخبار")))
    blog = [Item(guid="post-1", title="Notes from the harbour", body="<p>Boats.</p>")]
    feed_server.route("/blog", Response(body=rss(blog, title="Harbour blog", language="en")))
    return feed_server.url("/news"), feed_server.url("/blog")


def by_guid(reader: Any) -> dict[str, Any]:
    return {a.guid: a for a in reader.list_articles()}


def fill(reader: Any, news: tuple[str, str]) -> dict[str, Any]:
    """A profile with a folder, a pinned feed, marks and notes."""
    news_url, blog_url = news
    reader.add_feed(news_url, folder="عربي")
    blog = reader.add_feed(blog_url)
    reader.set_feed_pinned(blog.id, True)
    articles = by_guid(reader)
    reader.mark_read([articles["news-0"].id, articles["news-1"].id])
    reader.mark_starred([articles["news-1"].id, articles["post-1"].id])
    reader.add_note(articles["news-2"].id, "مصدر جيد للمقارنة")
    reader.add_note(articles["post-1"].id, "Visit the harbour museum")
    return articles


def state(reader: Any) -> dict[str, tuple[bool, bool, list[str]]]:
    return {
        guid: (a.read, a.starred, [n.text for n in reader.list_notes(a.id)])
        for guid, a in by_guid(reader).items()
    }


def test_export_writes_the_documented_shape(
    open_profile: Callable[[str], Any], news: tuple[str, str], tmp_path: Path
) -> None:
    source = open_profile("a")
    fill(source, news)
    backup = tmp_path / "backup.json"
    source.export_data(backup)
    document = json.loads(backup.read_text(encoding="utf-8"))
    assert (document["format"], document["version"]) == ("newsreader-userdata", 1)
    assert datetime.fromisoformat(document["exported"]).tzinfo is not None
    subscriptions = {s["url"]: s for s in document["subscriptions"]}
    assert subscriptions[news[0]]["folder"] == "عربي"
    assert subscriptions[news[1]] == {
        "url": news[1],
        "title": "Harbour blog",
        "folder": None,
        "site_url": "http://127.0.0.1/",
        "pinned": True,
        "full_articles": "off",
    }
    articles = {a["key"]: a for a in document["articles"]}
    assert set(articles) == {"news-0", "news-1", "news-2", "post-1"}  # news-3: no user state
    assert articles["news-1"]["read"] and articles["news-1"]["starred"]
    assert articles["news-1"]["feed_url"] == news[0]
    assert articles["news-0"]["starred_at"] is None and articles["news-0"]["read_at"]
    assert [n["text"] for n in articles["post-1"]["notes"]] == ["Visit the harbour museum"]
    assert not articles["news-2"]["read"]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".backup")] == []


def sample_userdata(articles: int) -> UserData:
    """User data with *articles* marked articles (notes in Arabic and English on some)."""
    at = datetime(2026, 12, 7, 6, 30, tzinfo=UTC)
    records = tuple(
        ArticleRecord(
            feed_url=f"http://127.0.0.1/feed{i % 3}",
            key=f"مقال-{i}",
            read=i % 2 == 0,
            starred=i % 5 == 0,
            read_at=at if i % 2 == 0 else None,
            starred_at=at if i % 5 == 0 else None,
            notes=(NoteRecord(f'ملاحظة {i}\nline "two"', at, at),) if i % 4 == 0 else (),
            since=at if i == 3 else None,
        )
        for i in range(articles)
    )
    return UserData(
        at,
        (SubscriptionRecord("http://127.0.0.1/feed0", "الأخبار", "عربي", None, True),),
        records,
        saved_searches=(SavedSearchRecord("ذهب", "الذهب OR gold", at),),
        topics=(TopicStateRecord("c:economy", None, "اقتصاد", False),),
    )


@pytest.mark.parametrize("articles", [0, 1, 2, 5, 7])
def test_the_file_is_written_piece_by_piece_as_one_json_document(
    monkeypatch: pytest.MonkeyPatch, articles: int
) -> None:
    monkeypatch.setattr(backup_module, "_ARTICLES_PER_CHUNK", 2)  # several pieces
    data = sample_userdata(articles)
    whole = json.dumps(backup_module.userdata_json(data), ensure_ascii=False, indent=2) + "\n"
    pieces = list(backup_module.userdata_chunks(data))
    assert b"".join(pieces).decode("utf-8") == whole
    assert len(pieces) >= 2 + (articles + 1) // 2
    assert backup_module.parse_userdata(b"".join(pieces)).articles == data.articles


def test_restore_into_a_fresh_profile_waits_for_the_articles(
    open_profile: Callable[[str], Any], news: tuple[str, str], tmp_path: Path
) -> None:
    source = open_profile("a")
    fill(source, news)
    expected = state(source)
    backup = tmp_path / "backup.json"
    source.export_data(backup)

    fresh = open_profile("b")
    report = fresh.import_data(backup)
    assert (report.feeds_added, report.articles_restored, report.notes_added) == (2, 0, 0)
    assert report.pending == 4
    feeds = {f.url: f for f in fresh.list_feeds()}
    assert feeds[news[0]].folder == "عربي" and feeds[news[1]].pinned
    assert feeds[news[0]].title == "الأخبار"  # known before any fetch
    assert fresh.list_articles() == []  # nothing was fetched
    pending_file = fresh.paths.data / PENDING_FILE_NAME
    assert pending_file.exists()

    fresh.refresh()
    fresh.apply_pending_state()
    assert state(fresh) == expected
    assert not pending_file.exists()
    assert fresh.apply_pending_state() == 0

    # a backup taken now holds the same user data
    again = tmp_path / "again.json"
    fresh.export_data(again)
    keys = {a["key"] for a in json.loads(again.read_text(encoding="utf-8"))["articles"]}
    assert keys == {"news-0", "news-1", "news-2", "post-1"}


def test_restore_merges_and_never_drops(
    open_profile: Callable[[str], Any], news: tuple[str, str], tmp_path: Path
) -> None:
    source = open_profile("a")
    fill(source, news)
    backup = tmp_path / "backup.json"
    source.export_data(backup)

    target = open_profile("b")
    target.add_feed(news[0])  # already subscribed, articles cached
    articles = by_guid(target)
    target.mark_starred([articles["news-3"].id])
    target.add_note(articles["news-2"].id, "ملاحظتي المحلية")

    report = target.import_data(backup)
    assert report.feeds_added == 1  # only the blog
    assert report.articles_restored == 3 and report.notes_added == 1
    assert report.pending == 1  # the blog post: its feed was never fetched here
    after = state(target)
    assert after["news-3"] == (False, True, [])  # local mark kept
    assert after["news-0"][:2] == (True, False)
    assert after["news-1"][:2] == (True, True)
    assert sorted(after["news-2"][2]) == sorted(["ملاحظتي المحلية", "مصدر جيد للمقارنة"])

    second = target.import_data(backup)  # the same file again adds nothing
    assert (second.feeds_added, second.notes_added) == (0, 0)
    assert state(target) == after


def test_export_keeps_marks_still_waiting_for_their_articles(
    open_profile: Callable[[str], Any], news: tuple[str, str], tmp_path: Path
) -> None:
    source = open_profile("a")
    fill(source, news)
    backup = tmp_path / "backup.json"
    source.export_data(backup)
    middle = open_profile("b")
    middle.import_data(backup)  # nothing fetched: everything is pending
    relay = tmp_path / "relay.json"
    middle.export_data(relay)

    last = open_profile("c")
    last.import_data(relay)
    last.refresh()
    last.apply_pending_state()
    assert state(last) == state(source)


def test_old_pending_marks_expire(
    open_profile: Callable[[str], Any], news: tuple[str, str], tmp_path: Path
) -> None:
    target = open_profile("b")
    target.subscribe(news[0])
    long_ago = (datetime.now(UTC) - timedelta(days=400)).isoformat()
    pending = {
        "format": "newsreader-pending-state",
        "version": 1,
        "articles": [
            {"feed_url": news[0], "key": "news-0", "read": True, "since": long_ago},
            {"feed_url": news[0], "key": "gone-for-good", "read": True, "since": long_ago},
            {"feed_url": news[0], "key": "still-coming", "starred": True},
        ],
    }
    pending_file = target.paths.data / PENDING_FILE_NAME
    pending_file.write_text(json.dumps(pending), encoding="utf-8")
    target.refresh()  # applies the pending marks of the articles that arrived
    assert target.apply_pending_state() == 0  # nothing left to apply until more arrive
    assert by_guid(target)["news-0"].read
    left = json.loads(pending_file.read_text(encoding="utf-8"))["articles"]
    assert [a["key"] for a in left] == ["still-coming"]


MALFORMED: dict[str, str] = {
    "not json": "{not json",
    "not an object": "[]",
    "another format": json.dumps({"format": "opml", "version": 1}),
    "newer version": json.dumps({"format": "newsreader-userdata", "version": 7}),
    "subscriptions not a list": json.dumps(
        {"format": "newsreader-userdata", "version": 1, "subscriptions": {"url": "x"}}
    ),
    "subscription without url": json.dumps(
        {"format": "newsreader-userdata", "version": 1, "subscriptions": [{"title": "x"}]}
    ),
    "article without key": json.dumps(
        {
            "format": "newsreader-userdata",
            "version": 1,
            "subscriptions": [{"url": "http://127.0.0.1:9/new"}],
            "articles": [{"feed_url": "http://127.0.0.1:9/new", "read": True}],
        }
    ),
    "story correction of another kind": json.dumps(
        {
            "format": "newsreader-userdata",
            "version": 1,
            "subscriptions": [{"url": "http://127.0.0.1:9/new"}],
            "story_corrections": [
                {
                    "kind": "maybe",
                    "feed_url": "http://127.0.0.1:9/new",
                    "key": "a",
                    "other_feed_url": "http://127.0.0.1:9/new",
                    "other_key": "b",
                }
            ],
        }
    ),
    "read is not a flag": json.dumps(
        {
            "format": "newsreader-userdata",
            "version": 1,
            "articles": [{"feed_url": "u", "key": "k", "read": "yes"}],
        }
    ),
    "bad note date": json.dumps(
        {
            "format": "newsreader-userdata",
            "version": 1,
            "subscriptions": [{"url": "http://127.0.0.1:9/new"}],
            "articles": [
                {"feed_url": "u", "key": "k", "notes": [{"text": "نص", "created": "أمس"}]}
            ],
        }
    ),
}


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_a_malformed_file_changes_nothing(
    open_profile: Callable[[str], Any], news: tuple[str, str], tmp_path: Path, case: str
) -> None:
    target = open_profile("b")
    fill(target, news)
    before = (target.list_feeds(), state(target))
    bad = tmp_path / "bad.json"
    bad.write_text(MALFORMED[case], encoding="utf-8")
    with pytest.raises(OPMLError) as caught:
        target.import_data(bad)
    assert str(caught.value).startswith(str(bad))
    assert (target.list_feeds(), state(target)) == before
    assert not (target.paths.data / PENDING_FILE_NAME).exists()


def test_file_faults_are_clear_errors(open_profile: Callable[[str], Any], tmp_path: Path) -> None:
    target = open_profile("b")
    with pytest.raises(NewsreaderError, match="cannot read"):
        target.import_data(tmp_path / "missing.json")
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(NewsreaderError, match="cannot write"):
        target.export_data(blocker / "backup.json")


def _stories(reader: Any) -> set[frozenset[str]]:
    guids = {a.id: a.guid for a in reader.list_articles()}
    return {frozenset(guids[i] for i in s.article_ids) for s in reader.stories()}


def test_story_corrections_travel_in_the_backup_and_hold_in_the_restored_profile(
    open_profile: Callable[[str], Any], feed_server: FeedServer, tmp_path: Path
) -> None:
    source = open_profile("a")
    serve_stories(feed_server, source)
    source.refresh()
    ids = {a.guid: a.id for a in source.list_articles()}
    ferry = source.story_of(ids["ferry-a"])
    fair = source.story_of(ids["fair-a"])
    source.remove_from_story(ferry.id, ids["ferry-c"])
    source.merge_stories(fair.id, ferry.id)
    corrected = _stories(source)
    assert corrected == {frozenset({"ferry-a", "ferry-b", "fair-a", "fair-b", "fair-c"})}
    backup = tmp_path / "backup.json"
    source.export_data(backup)
    document = json.loads(backup.read_text(encoding="utf-8"))
    kinds = sorted({c["kind"] for c in document["story_corrections"]})
    assert kinds == ["apart", "together"]
    assert {c["key"] for c in document["story_corrections"] if c["kind"] == "apart"} == {"ferry-c"}

    # a fresh profile: the feeds bring the articles back, grouping alone would make
    # two stories of three, and the corrections make them what the user made them
    target = open_profile("b")
    report = target.import_data(backup)
    assert report.story_corrections == len(document["story_corrections"])
    target.refresh()
    assert _stories(target) == corrected

    # importing the same file again adds nothing and changes nothing
    again = target.import_data(backup)
    assert again.story_corrections == 0
    assert _stories(target) == corrected


def test_story_corrections_restored_over_cached_articles_apply_at_once(
    open_profile: Callable[[str], Any], feed_server: FeedServer, tmp_path: Path
) -> None:
    source = open_profile("a")
    serve_stories(feed_server, source)
    source.refresh()
    ids = {a.guid: a.id for a in source.list_articles()}
    fair = source.story_of(ids["fair-b"])
    source.remove_from_story(fair.id, ids["fair-b"])
    backup = tmp_path / "backup.json"
    source.export_data(backup)

    target = open_profile("b")
    serve_stories(feed_server, target)
    target.refresh()
    assert frozenset({"fair-a", "fair-b", "fair-c"}) in _stories(target)
    target.import_data(backup)
    assert _stories(target) == _stories(source)


def test_a_feeds_whole_article_setting_travels_with_its_subscription(
    open_profile: Callable[[str], Any], news: tuple[str, str], tmp_path: Path
) -> None:
    source = open_profile("source")
    fill(source, news)
    feeds = {f.url: f for f in source.list_feeds()}
    source.set_full_articles(feeds[news[0]].id, "auto")
    path = tmp_path / "backup.json"
    source.export_data(path)
    written = json.loads(path.read_text(encoding="utf-8"))
    modes = {s["url"]: s["full_articles"] for s in written["subscriptions"]}
    assert modes == {news[0]: "auto", news[1]: "off"}

    target = open_profile("target")
    target.import_data(path)
    restored = {f.url: target.full_articles_mode(f.id).value for f in target.list_feeds()}
    assert restored == {news[0]: "auto", news[1]: "off"}

    for subscription in written["subscriptions"]:
        subscription["full_articles"] = "always"
    path.write_text(json.dumps(written), encoding="utf-8")
    with pytest.raises(OPMLError, match="full_articles must be off, on or auto"):
        open_profile("third").import_data(path)


def test_each_user_of_one_database_backs_up_and_restores_their_own_state(
    tmp_path: Path, new_profile_db: Callable[[], str | None], news: tuple[str, str]
) -> None:
    url = new_profile_db()
    folder = tmp_path / "shared"
    first = reader_class().open(folder, url)
    second = reader_class().open(folder, url, user="salma")
    third = reader_class().open(folder, url, user="omar")
    fresh = reader_class().open(tmp_path / "fresh", new_profile_db(), user="salma")
    try:
        fill(first, news)  # the OS user's marks and notes
        articles = by_guid(second)
        second.mark_starred([articles["news-3"].id])
        second.add_note(articles["news-0"].id, "salma's own note")
        assert state(second)["news-1"] == (False, False, [])
        assert state(first)["news-0"] == (True, False, [])
        first_file, second_file = tmp_path / "first.json", tmp_path / "second.json"
        first.export_data(first_file)
        second.export_data(second_file)

        def keys(path: Path) -> set[str]:
            return {a["key"] for a in json.loads(path.read_text(encoding="utf-8"))["articles"]}

        assert keys(first_file) == {"news-0", "news-1", "news-2", "post-1"}
        assert keys(second_file) == {"news-0", "news-3"}

        # a third user takes the first one's backup: theirs alone changes
        before = state(second)
        report = third.import_data(first_file)
        assert (report.feeds_added, report.articles_restored) == (0, 4)
        assert state(third) == state(first)
        assert state(second) == before

        # marks waiting for their articles wait in the user's own file
        report = fresh.import_data(second_file)
        assert report.pending == 2
        assert fresh.pending_state_file is not None
        assert fresh.pending_state_file.name == "pending-state-salma.json"
        assert fresh.pending_state_file.exists()
        assert not (fresh.paths.data / PENDING_FILE_NAME).exists()
        fresh.refresh()
        assert state(fresh)["news-3"] == (False, True, [])
        assert state(fresh)["news-0"] == (False, False, ["salma's own note"])

        # and the daily backups are each user's own
        assert second.backups_folder is not None and first.backups_folder is not None
        assert second.backups_folder.name == "backups-salma"
        assert first.backups_folder.name == "backups"
        written = second.write_backup()
        assert written is not None
        assert keys(written.userdata) == {"news-0", "news-3"}
    finally:
        for reader in (first, second, third, fresh):
            reader.close()
