"""What a refresh does once its news is stored: pictures, then icons, then comments.

A real profile's folders, database file and transport, against a real HTTP server
on 127.0.0.1 that serves one article's picture, its feed's icon and its comments.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from newsreader.core.paths import AppPaths, app_paths
from newsreader.core.types import (
    FeedResult,
    FeedStatus,
    FollowUp,
    FollowUpEnd,
    FollowUpProgress,
    RefreshSummary,
)
from newsreader.core.update_records import FeedUpdate
from newsreader.fetch.favicons import feed_icon_path, icons_dir
from newsreader.fetch.transport import RoutingTransport
from newsreader.storage import articles as article_store
from newsreader.storage import feeds as feed_store
from newsreader.storage.comments import list_comment_rows
from newsreader.storage.database import Database, sqlite_url
from newsreader.update.comments import CommentFetcher
from newsreader.update.follow_ups import FollowUps
from newsreader.update.store import FeedStore
from tests.fetch.test_images import png_bytes
from tests.helpers.feeds import Item, rss
from tests.helpers.feedserver import FeedServer, Response
from tests.helpers.parsed import entry, parsed_feed

ALL_DONE = ((FollowUp.IMAGES, 1), (FollowUp.ICONS, 1), (FollowUp.COMMENTS, 1))


@dataclass
class Profile:
    """One profile with one feed of one starred article, stored by a refresh just now."""

    paths: AppPaths
    db: Database
    transport: RoutingTransport
    server: FeedServer
    feed_id: int
    article_id: int
    since: datetime

    def follow_ups(self, *, folders: bool = True) -> FollowUps:
        """The profile's follow-ups; without its folders, as a profile in memory has none."""
        paths = self.paths if folders else None
        return FollowUps(self.db, self.transport, paths, CommentFetcher(self.db, self.transport))

    def summary(self, status: FeedStatus = FeedStatus.OK, new: int = 1) -> RefreshSummary:
        return RefreshSummary((FeedResult(self.feed_id, "feed", status, new=new),))

    def asked_for(self, path: str) -> int:
        return len(self.server.requests_for(path))


@pytest.fixture
def profile(tmp_path: Path, feed_server: FeedServer) -> Iterator[Profile]:
    paths = app_paths(tmp_path / "profile").ensure()
    db = Database(sqlite_url(paths.database))
    transport = RoutingTransport()
    feed_server.route("/pic.png", Response(body=png_bytes(seed=1), content_type="image/png"))
    feed_server.route("/icon.png", Response(body=png_bytes(16, 16), content_type="image/png"))
    comments = [Item(guid="c1", title="تعليق", body="<p>أوافق على ما جاء في الخبر.</p>")]
    feed_server.route("/comments.xml", Response(body=rss(comments)))
    since = datetime.now(UTC) - timedelta(minutes=1)
    with db.session() as session:
        feed_id = feed_store.add_feed(session, feed_server.url("/feed.xml"))
        article = entry(
            "post",
            image_url=feed_server.url("/pic.png"),
            comments_feed_url=feed_server.url("/comments.xml"),
        )
        document = parsed_feed(article, icon_url=feed_server.url("/icon.png"))
        update = FeedUpdate(feed_id, feed_server.url("/feed.xml"), FeedStatus.OK, parsed=document)
        FeedStore().store(session, update, datetime.now(UTC))
        [article_id] = article_store.ids_first_seen_since(session, since)
        article_store.mark_starred(session, [article_id])
    try:
        yield Profile(paths, db, transport, feed_server, feed_id, article_id, since)
    finally:
        transport.close()
        db.close()


def comments_of(profile: Profile) -> list[str]:
    with profile.db.session() as session:
        return [c.guid for c, _ in list_comment_rows(session, profile.article_id)]


def test_the_steps_run_in_order_and_each_is_reported(profile: Profile) -> None:
    reported: list[tuple[FollowUp, int]] = []

    done = profile.follow_ups().run(
        profile.summary(), profile.since, report=lambda step, n: reported.append((step, n))
    )

    assert done == ALL_DONE
    assert reported == list(ALL_DONE)
    assert len(list(profile.paths.images.iterdir())) == 1
    assert feed_icon_path(icons_dir(profile.paths.cache), profile.feed_id) is not None
    assert comments_of(profile) == ["c1"]


def test_the_order_is_fixed_whatever_order_the_steps_are_asked_in(profile: Profile) -> None:
    done = profile.follow_ups().run(
        profile.summary(), profile.since, steps=[FollowUp.COMMENTS, FollowUp.IMAGES]
    )

    assert done == ((FollowUp.IMAGES, 1), (FollowUp.COMMENTS, 1))
    assert profile.asked_for("/icon.png") == 0


def test_a_step_that_fails_is_logged_and_the_next_one_runs(
    profile: Profile, caplog: pytest.LogCaptureFixture
) -> None:
    profile.paths.images.write_bytes(b"")  # a file where the picture folder should be

    with caplog.at_level(logging.ERROR, logger="newsreader.update.follow_ups"):
        done = profile.follow_ups().run(profile.summary(), profile.since)

    assert done == ((FollowUp.IMAGES, 0), (FollowUp.ICONS, 1), (FollowUp.COMMENTS, 1))
    assert "the refresh's images step failed" in caplog.text
    assert comments_of(profile) == ["c1"]


def test_pictures_are_not_looked_for_when_nothing_is_new(profile: Profile) -> None:
    done = profile.follow_ups().run(profile.summary(FeedStatus.NOT_MODIFIED, new=0), profile.since)

    assert done == ((FollowUp.ICONS, 1), (FollowUp.COMMENTS, 1))
    assert profile.asked_for("/pic.png") == 0


def test_only_feeds_that_answered_have_their_icons_fetched(profile: Profile) -> None:
    for status in (FeedStatus.ERROR, FeedStatus.GONE):
        done = profile.follow_ups().run(
            profile.summary(status, new=0), profile.since, steps=[FollowUp.ICONS]
        )
        assert done == ((FollowUp.ICONS, 0),)
    assert profile.asked_for("/icon.png") == 0


def test_a_cancelled_refresh_runs_no_step(profile: Profile) -> None:
    cancel = threading.Event()
    cancel.set()
    reported: list[tuple[FollowUp, int]] = []

    done = profile.follow_ups().run(
        profile.summary(), profile.since, cancel=cancel, report=lambda *r: reported.append(r)
    )

    assert done == () and reported == []
    assert profile.server.requests == []


def test_cancelling_during_a_step_stops_the_steps_after_it(profile: Profile) -> None:
    cancel = threading.Event()

    def report(step: FollowUp, count: int) -> None:
        cancel.set()  # as the user does while the pictures come in

    done = profile.follow_ups().run(profile.summary(), profile.since, cancel=cancel, report=report)

    assert done == ((FollowUp.IMAGES, 1),)
    assert profile.asked_for("/icon.png") == profile.asked_for("/comments.xml") == 0


def test_without_profile_folders_there_are_no_pictures_or_icons(
    profile: Profile, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        done = profile.follow_ups(folders=False).run(profile.summary(), profile.since)

    assert done == ((FollowUp.IMAGES, 0), (FollowUp.ICONS, 0), (FollowUp.COMMENTS, 1))
    assert caplog.records == []  # nothing failed: there was nothing to do
    assert profile.asked_for("/pic.png") == profile.asked_for("/icon.png") == 0
    assert comments_of(profile) == ["c1"]


def test_caching_the_icons_of_no_feeds_does_nothing(profile: Profile) -> None:
    assert profile.follow_ups().cache_icons([], cancel=None) == 0
    assert not icons_dir(profile.paths.cache).exists()


def test_only_the_pictures_of_articles_first_seen_since_the_refresh_began_are_fetched(
    profile: Profile,
) -> None:
    follow_ups = profile.follow_ups()
    later = datetime.now(UTC) + timedelta(seconds=1)

    assert follow_ups.cache_images_since(later, cancel=None) == 0
    assert profile.asked_for("/pic.png") == 0
    assert follow_ups.cache_images_since(profile.since, cancel=None) == 1


def test_the_stage_says_how_it_went_and_how_far_it_is(profile: Profile) -> None:
    told: list[FollowUpProgress] = []

    done, report = profile.follow_ups().stage(
        profile.summary(), profile.since, progress=told.append, budget=60
    )

    assert done == ALL_DONE
    assert report.ended is FollowUpEnd.DONE and report.left == 0
    assert report.skipped_hosts == ()
    pictures = [(p.done, p.total) for p in told if p.step is FollowUp.IMAGES]
    assert pictures[0] == (0, 0) and pictures[-1] == (1, 1)
    # each step's start; whole articles only when a feed is set to them
    assert [p.step for p in told if p.total == 0] == list(FollowUp)[:-1]


def test_pictures_the_budget_did_not_cover_are_fetched_by_the_next_refresh(
    profile: Profile,
) -> None:
    slow = Response(body=png_bytes(seed=1), content_type="image/png", delay=3.0)
    profile.server.route("/pic.png", slow)

    done, report = profile.follow_ups().stage(
        profile.summary(), profile.since, steps=[FollowUp.IMAGES], budget=0.5
    )

    assert done == ((FollowUp.IMAGES, 0),)
    assert report.ended is FollowUpEnd.OUT_OF_TIME
    assert list(profile.paths.images.iterdir()) == []
    profile.server.route("/pic.png", Response(body=png_bytes(seed=1), content_type="image/png"))
    nothing_new = profile.summary(FeedStatus.NOT_MODIFIED, new=0)
    later = datetime.now(UTC)

    done, report = profile.follow_ups().stage(nothing_new, later, steps=[FollowUp.IMAGES])

    assert done == ((FollowUp.IMAGES, 1),) and report.ended is FollowUpEnd.DONE
    done, _ = profile.follow_ups().stage(nothing_new, later, steps=[FollowUp.IMAGES])
    assert done == ()  # nothing left: the step does not even run


def test_a_stage_stopped_from_outside_says_so(profile: Profile) -> None:
    newer_refresh = threading.Event()
    newer_refresh.set()

    done, report = profile.follow_ups().stage(
        profile.summary(), profile.since, cancels=(None, newer_refresh)
    )

    assert done == () and report.ended is FollowUpEnd.CANCELLED
