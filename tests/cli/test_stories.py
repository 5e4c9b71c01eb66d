"""``newsreader stories`` and the ``sources`` of ``articles --json``, over a served feed."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from newsreader.cli.main import main
from tests.helpers.feeds import Item, rss
from tests.helpers.feedserver import FeedServer, Response
from tests.helpers.story_news import serve_stories

T0 = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)


def _run(data_dir: Path, *args: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["--data-dir", str(data_dir), *args], out=out, err=err)
    assert err.getvalue() == ""
    return code, out.getvalue()


def test_stories_and_copies_on_the_command_line(tmp_path: Path, feed_server: FeedServer) -> None:
    flood = Item(
        guid="n1",
        title="Danube floods cut off three towns in southern Slovakia",
        body="<p>Rising water on the Danube cut road links to three Slovak towns on Monday.</p>",
        published=T0,
    )
    retold = Item(
        guid="d1",
        title="Slovak towns cut off as the Danube bursts its banks",
        body="<p>Three towns in southern Slovakia were cut off by Danube flood water.</p>",
        published=T0 + timedelta(hours=4),
    )
    copy = Item(guid="d2", title=flood.title, body=flood.body, published=T0 + timedelta(hours=1))
    feed_server.route("/north", Response(body=rss([flood], title="North", language="en")))
    feed_server.route("/daily", Response(body=rss([retold, copy], title="Daily", language="en")))
    data = tmp_path / "data"
    for path in ("/north", "/daily"):
        assert _run(data, "feeds", "add", feed_server.url(path))[0] == 0

    code, out = _run(data, "stories", "--json")
    assert code == 0
    [story] = json.loads(out)
    assert set(story) >= {"id", "title", "count", "unread", "sources", "article_ids"}
    assert (story["count"], story["unread"]) == (2, 2)
    assert set(story["sources"]) == {"North", "Daily"}
    assert story["title"] in (flood.title, retold.title)

    code, out = _run(data, "articles", "--json")
    articles = {a["guid"]: a for a in json.loads(out)}
    assert set(articles) == {"n1", "d1"}  # the copy is listed once, as the first one
    assert articles["n1"]["sources"] == ["North", "Daily"]
    assert articles["d1"]["sources"] == ["Daily"]

    code, out = _run(data, "articles", "--story", str(story["id"]), "--json")
    assert [a["id"] for a in json.loads(out)] == story["article_ids"]

    code, out = _run(data, "stories")
    assert code == 0
    assert "2 articles, 2 unread" in out and str(story["id"]) in out


def _run_any(data_dir: Path, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["--data-dir", str(data_dir), *args], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_stories_are_merged_split_and_corrected_on_the_command_line(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    data = tmp_path / "data"
    for url in serve_stories(feed_server):
        assert _run(data, "feeds", "add", url)[0] == 0
    code, out = _run(data, "stories", "--current", "--json")
    assert code == 0
    stories = json.loads(out)
    assert len(stories) == 2 and all(s["count"] == 3 for s in stories)
    fair, ferry = stories  # the newest first: both were as active today
    ids = {a["guid"]: a["id"] for a in json.loads(_run(data, "articles", "--json")[1])}
    assert set(ferry["article_ids"]) == {ids["ferry-a"], ids["ferry-b"], ids["ferry-c"]}

    code, out = _run(data, "stories", "remove-article", str(ferry["id"]), str(ids["ferry-c"]))
    assert (code, out) == (0, f"took article {ids['ferry-c']} out of story {ferry['id']}\n")
    code, out = _run(data, "stories", "--json")
    assert {len(s["article_ids"]) for s in json.loads(out)} == {2, 3}

    code, out = _run(data, "stories", "merge", str(fair["id"]), str(ferry["id"]))
    assert (code, out) == (0, f"merged story {fair['id']} into story {ferry['id']}\n")
    [merged] = json.loads(_run(data, "stories", "--json")[1])
    assert merged["id"] == ferry["id"] and merged["count"] == 5

    code, out = _run(data, "stories", "split", str(merged["id"]))
    assert code == 0 and out.startswith(f"split story {merged['id']} into stories ")
    after = json.loads(_run(data, "stories", "--json")[1])
    assert sorted(s["count"] for s in after) == [2, 3]

    # mistakes are told plainly, and change nothing
    code, out, err = _run_any(data, "stories", "remove-article", "999", str(ids["fair-a"]))
    assert code != 0 and "no story 999" in err
    code, out, err = _run_any(data, "stories", "merge", str(after[0]["id"]), str(after[0]["id"]))
    assert code != 0 and "into itself" in err
    assert json.loads(_run(data, "stories", "--json")[1]) == after

    # the corrections travel in export-data, and import-data says so
    backup = tmp_path / "backup.json"
    assert _run(data, "export-data", str(backup))[0] == 0
    corrections = json.loads(backup.read_text(encoding="utf-8"))["story_corrections"]
    assert corrections
    code, out = _run(tmp_path / "other", "import-data", str(backup))
    assert code == 0 and f"{len(corrections)} corrections to stories restored" in out
