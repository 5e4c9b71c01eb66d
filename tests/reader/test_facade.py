"""The Reader itself: its profile handed to another process, settings, icons and pictures,
and a refresh's reports, on a real profile against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from newsreader.core.settings import Settings
from newsreader.core.types import ArticleQuery, FeedStatus, FollowUp, RefreshSummary
from newsreader.fetch.http import HttpClient
from newsreader.reader import Reader
from newsreader.storage.database import Database, sqlite_url
from tests.fetch.test_images import png_bytes
from tests.helpers.feeds import Item, numbered, rss
from tests.helpers.feedserver import FeedServer, Response

# -- the profile, seen from another process ------------------------------------------------


def test_another_process_opens_the_same_profile_from_its_address(
    reader: Reader, tmp_path: Path
) -> None:
    reader.subscribe("https://news.example/feed")
    address = reader.profile_address()
    assert address is not None and address.paths == reader.paths

    with Reader.open_address(pickle.loads(pickle.dumps(address))) as other:
        assert [f.url for f in other.list_feeds()] == ["https://news.example/feed"]
        other.subscribe("https://other.example/feed")
        assert other.paths == reader.paths
    assert len(reader.list_feeds()) == 2


@pytest.mark.parametrize("url", ["sqlite://", "sqlite:///:memory:"])
def test_a_database_in_memory_cannot_be_handed_over(url: str, tmp_path: Path) -> None:
    from newsreader.core.paths import app_paths

    with Reader(Database(url), paths=app_paths(tmp_path)) as in_memory:
        assert in_memory.profile_address() is None


def test_a_profile_without_folders_or_with_its_own_transport_cannot_be_handed_over(
    tmp_path: Path,
) -> None:
    with Reader(Database(sqlite_url(tmp_path / "bare.sqlite3"))) as bare:
        assert bare.profile_address() is None
    with Reader.open(tmp_path / "p", transport=HttpClient()) as own_transport:
        assert own_transport.profile_address() is None


# -- settings -------------------------------------------------------------------------------------


def test_settings_are_kept_in_the_profile(reader: Reader, tmp_path: Path) -> None:
    assert reader.settings() == Settings()
    reader.save_settings(Settings(language="ar", zoom=2))
    assert reader.paths is not None and reader.paths.settings_file.is_file()
    with Reader.open(tmp_path / "profile") as again:
        assert again.settings() == Settings(language="ar", zoom=2)


def test_without_folders_the_settings_are_the_defaults(tmp_path: Path) -> None:
    with Reader(Database(sqlite_url(tmp_path / "bare.sqlite3"))) as bare:
        bare.save_settings(Settings(zoom=5))
        assert bare.settings() == Settings()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bare.sqlite3"]


# -- icons and pictures ---------------------------------------------------------------------------


def serve_feed(server: FeedServer, path: str, items: list[Item], icon: bool = True) -> None:
    body = rss(items)
    if icon:  # an RSS <image> names the feed's icon
        logo = (
            f"<image><url>{server.url(path + '.png')}</url><title>t</title><link>x</link></image>"
        )
        body = body.replace("<language>", logo + "<language>", 1)
        server.route(path + ".png", Response(body=png_bytes(16, 16), content_type="image/png"))
    server.route(path, Response(body=body))


def test_a_feeds_icon_is_found_once_cached(reader: Reader, feed_server: FeedServer) -> None:
    serve_feed(feed_server, "/a", numbered(1, "a"))
    serve_feed(feed_server, "/b", numbered(1, "b"))
    a, b = reader.subscribe(feed_server.url("/a")), reader.subscribe(feed_server.url("/b"))
    reader.refresh(follow_ups=())
    assert reader.feed_icon(a) is None  # never fetched here

    assert reader.cache_feed_icons() == 2  # every feed when none is named
    icon = reader.feed_icon(a)
    assert icon is not None and icon.read_bytes() == png_bytes(16, 16)
    assert reader.feed_icon(b) is not None
    assert reader.cache_feed_icons([a]) == 0  # cached already: not asked again this week


def test_without_folders_there_are_no_icons(tmp_path: Path, feed_server: FeedServer) -> None:
    serve_feed(feed_server, "/a", numbered(1, "a"))
    with Reader(Database(sqlite_url(tmp_path / "bare.sqlite3"))) as bare:
        feed_id = bare.subscribe(feed_server.url("/a"))
        bare.refresh()
        assert bare.cache_feed_icons() == 0
        assert bare.feed_icon(feed_id) is None
    assert feed_server.requests_for("/a.png") == []


def test_an_articles_cached_pictures_are_its_lead_and_those_in_its_body(
    reader: Reader, feed_server: FeedServer
) -> None:
    urls = {name: feed_server.url(f"/{name}.png") for name in ("one", "two", "broken")}
    feed_server.route("/one.png", Response(body=png_bytes(seed=1), content_type="image/png"))
    feed_server.route("/two.png", Response(body=png_bytes(seed=2), content_type="image/png"))
    body = "".join(f'<p><img src="{url}" alt="x"></p>' for url in urls.values())
    serve_feed(feed_server, "/feed", [Item(guid="g", title="صور", body=body)], icon=False)
    reader.subscribe(feed_server.url("/feed"))

    assert reader.refresh().followed_up(FollowUp.IMAGES) == 2

    [summary] = reader.list_articles()
    found = reader.article_images(reader.get_article(summary.id))
    assert set(found) == {urls["one"], urls["two"]}
    assert all(path.parent == reader.paths.images for path in found.values())  # type: ignore[union-attr]
    assert found[urls["one"]].read_bytes() == png_bytes(seed=1)
    assert reader.local_image(urls["broken"]) is None


# -- a refresh's reports --------------------------------------------------------------------------


def test_the_news_is_reported_stored_before_any_follow_up(
    reader: Reader, feed_server: FeedServer
) -> None:
    serve_feed(feed_server, "/feed", numbered(2))
    reader.subscribe(feed_server.url("/feed"))
    heard: list[object] = []

    summary = reader.refresh(
        on_feeds_stored=lambda stored: heard.append(stored),
        on_follow_up=lambda step, count: heard.append((step, count)),
    )

    stored = heard[0]
    assert isinstance(stored, RefreshSummary) and stored.feeds == summary.feeds
    assert stored.follow_ups == ()  # heard before any follow-up ran
    assert heard[1:] == list(summary.follow_ups)
    # whole articles run only when a feed is set to them (tests/reader/test_full_articles.py)
    assert [step for step, _ in summary.follow_ups] == list(FollowUp)[:-1]
    assert summary.followed_up(FollowUp.ICONS) == 1


def test_a_refresh_without_pictures_or_follow_ups(reader: Reader, feed_server: FeedServer) -> None:
    serve_feed(feed_server, "/feed", numbered(1))
    reader.subscribe(feed_server.url("/feed"))

    without_pictures = reader.refresh(images=False)
    assert [step for step, _ in without_pictures.follow_ups] == [
        FollowUp.ICONS,
        FollowUp.COMMENTS,
    ]
    nothing_after = reader.refresh(all_feeds=True, follow_ups=())
    assert nothing_after.follow_ups == ()
    assert [r.status for r in nothing_after.feeds] == [FeedStatus.NOT_MODIFIED]


def test_the_offline_pictures_setting_decides_when_a_refresh_is_not_told(
    reader: Reader, feed_server: FeedServer
) -> None:
    reader.subscribe(feed_server.url("/feed"))
    reader.save_settings(reader.settings().with_changes(offline_pictures=False))

    def steps(count: int, **told: bool) -> list[FollowUp]:
        serve_feed(feed_server, "/feed", numbered(count))  # one more article each time
        return [step for step, _ in reader.refresh(all_feeds=True, **told).follow_ups]

    assert FollowUp.IMAGES not in steps(1)
    assert FollowUp.IMAGES in steps(2, images=True)  # told: the setting does not matter
    reader.save_settings(reader.settings().with_changes(offline_pictures=True))
    assert FollowUp.IMAGES in steps(3)
    assert FollowUp.IMAGES not in steps(4, images=False)


# -- marks -----------------------------------------------------------------------------------------


def test_marking_a_view_read_gives_back_what_it_changed(
    reader: Reader, feed_server: FeedServer
) -> None:
    serve_feed(feed_server, "/feed", numbered(4), icon=False)
    feed_id = reader.subscribe(feed_server.url("/feed"))
    reader.refresh(follow_ups=())
    ids = reader.article_ids()
    reader.mark_read(ids[:1])

    changed = reader.mark_all_read(ArticleQuery(feed_id=feed_id))

    assert sorted(changed) == sorted(ids[1:])  # for undo: only those that were unread
    assert reader.count_articles() == (4, 0)
    assert reader.mark_all_read() == []
