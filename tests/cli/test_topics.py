"""``newsreader topics``: the list (text and JSON) and the commands that change topics."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from newsreader.cli import main as cli
from newsreader.reader import Reader
from tests.helpers.feeds import Item, flood_story, podcast, rss
from tests.helpers.feedserver import FeedServer, Response
from tests.helpers.postgres import db_option

NOW = datetime.now(UTC)


class Run:
    def __init__(self, data_dir: Path, db_url: str | None = None) -> None:
        self.data_dir = data_dir
        self.db_url = db_url

    def __call__(self, *args: str) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        where = ["--data-dir", str(self.data_dir), *db_option(self.db_url)]
        code = cli.main([*where, *args], out=out, err=err)
        return code, out.getvalue(), err.getvalue()

    def json(self, *args: str) -> Any:
        code, out, err = self(*args, "--json")
        assert code == 0, err
        return json.loads(out)


@pytest.fixture
def run(tmp_path: Path, feed_server: FeedServer, profile_db_url: str | None) -> Run:
    """A profile with an Arabic and an English news feed and a podcast, refreshed."""
    feeds = {
        "/ar.xml": rss(
            [
                Item(f"ar-{n}", f"خبر {n}", categories=(tag,), published=NOW - timedelta(hours=n))
                for n, tag in enumerate(["اقتصاد", "رياضة", "الاقتصاد"] * 4)
            ],
            title="أخبار",
        ),
        "/en.xml": rss(
            [
                Item(f"en-{n}", f"News {n}", categories=(tag,), published=NOW - timedelta(hours=n))
                for n, tag in enumerate(["Economy", "Sports", "Tech"])
            ],
            title="Desk",
            language="en",
        ),
        "/pod.xml": podcast(40),
        "/flood-a.xml": rss([flood_story(NOW)[0]], title="صحيفة الصباح"),
        "/flood-b.xml": rss([flood_story(NOW)[1]], title="أخبار الوادي"),
    }
    data_dir = tmp_path / "data"
    with Reader.open(data_dir, profile_db_url) as reader:
        for path, body in feeds.items():
            feed_server.route(path, Response(body=body))
            reader.subscribe(feed_server.url(path))
    runner = Run(data_dir, profile_db_url)
    code, _, err = runner("refresh")
    assert code == 0, err
    return runner


def test_topics_json_gives_id_name_kind_and_counts(run: Run) -> None:
    topics = run.json("topics", "--lang", "en")
    stories = [t for t in topics if t["kind"] == "story"]
    [story] = [t for t in stories if "صحيفة الصباح" in t["sources"]]
    assert story["id"].startswith("story:") and story["id"][6:].isdigit()
    assert (story["count"], story["unread"], story["listed"]) == (2, 2, True)
    assert set(story["sources"]) == {"صحيفة الصباح", "أخبار الوادي"}
    assert len(story["article_ids"]) == 2
    assert set(story) == {
        "id",
        "name",
        "kind",
        "count",
        "unread",
        "recent",
        "listed",
        "hidden",
        "article_ids",
        "sources",
    }
    assert topics[: len(stories)] == stories  # stories first
    topics = [t for t in topics if t["kind"] == "category"]
    assert [t["id"] for t in topics] == ["c:economy", "c:sport", "c:technology"]
    economy = topics[0]
    assert economy == {
        "id": "c:economy",
        "name": "Economy",  # in English, though the Arabic spellings are more used
        "kind": "category",
        "count": 9,
        "unread": 9,
        "recent": 9,
        "listed": True,
        "hidden": False,
    }
    arabic = {t["id"]: t for t in run.json("topics", "--lang", "ar")}
    assert arabic["c:economy"]["name"] == "اقتصاد"


def test_topics_all_shows_the_blanket_tags_and_hidden_topics(run: Run) -> None:
    code, out, err = run("topics", "hide", "c:sport")
    assert (code, err) == (0, "")
    assert "c:sport is hidden" in out
    everything = {t["id"]: t for t in run.json("topics", "--all")}
    assert everything["c:sport"]["hidden"] and not everything["c:sport"]["listed"]
    assert not everything["c:giantbomb"]["listed"] and everything["c:giantbomb"]["count"] == 40
    assert "c:sport" not in {t["id"] for t in run.json("topics")}
    assert all(not t["hidden"] for t in run.json("topics") if t["kind"] == "story")
    run("topics", "hide", "c:sport", "--show")
    assert "c:sport" in {t["id"] for t in run.json("topics")}


def test_topics_merge_and_rename(run: Run) -> None:
    code, out, _ = run("topics", "merge", "c:technology", "c:economy")
    assert code == 0 and "merged c:technology into c:economy" in out
    code, _, _ = run("topics", "rename", "c:economy", "المال والتقنية")
    assert code == 0
    topics = {t["id"]: t for t in run.json("topics")}
    assert "c:technology" not in topics
    assert (topics["c:economy"]["name"], topics["c:economy"]["count"]) == ("المال والتقنية", 10)
    code, out, _ = run("topics", "--logical")
    assert code == 0 and "c:economy  10/10  المال والتقنية" in out


def test_bad_topic_commands_fail_with_one_line(run: Run) -> None:
    code, out, err = run("topics", "merge", "c:nothing", "c:economy")
    assert (code, out) == (1, "")
    assert err == "newsreader: error: no topic c:nothing\n"
    code, _, err = run("topics", "rename", "story:1", "x")
    assert code == 1 and "not a category topic: story:1" in err
    code, _, err = run("topics", "rename", "s:1", "x")
    assert code == 1 and "no saved search with id 1" in err
    code, _, err = run("topics", "merge", "c:economy")
    assert code == 2 and "the following arguments are required" in err


def test_user_topics_are_saved_searches(run: Run) -> None:
    code, out, err = run("topics", "add", "المال", "اقتصاد OR economy")
    assert code == 0, err
    assert "added المال as s:1" in out
    topics = run.json("topics")
    assert topics[0] == {
        "id": "s:1",
        "name": "المال",
        "kind": "saved",
        "count": 9,
        "unread": 9,
        "recent": 0,
        "listed": True,
        "hidden": False,
    }
    code, _, _ = run("topics", "rename", "s:1", "الأسواق")
    assert code == 0 and run.json("topics")[0]["name"] == "الأسواق"
    code, out, _ = run("topics", "remove", "s:1")
    assert code == 0 and "removed s:1" in out
    assert "saved" not in {t["kind"] for t in run.json("topics")}
    code, _, err = run("topics", "remove", "c:economy")
    assert code == 1 and "hide it instead" in err
    code, _, err = run("topics", "remove", "s:x")
    assert code == 1 and "no user topic s:x" in err
