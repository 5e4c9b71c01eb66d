"""``newsreader search``: the same article objects as ``articles --json``, with snippets."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from newsreader.cli import main as cli
from newsreader.reader import Reader
from tests.helpers.feeds import Item, rss
from tests.helpers.feedserver import FeedServer, Response
from tests.helpers.postgres import db_option


class Profile(NamedTuple):
    """A profile's folder and its database (None: its own SQLite file)."""

    data_dir: Path
    db_url: str | None


def run(profile: Profile, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    where = ["--data-dir", str(profile.data_dir), *db_option(profile.db_url)]
    code = cli.main([*where, *args], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def profile(tmp_path: Path, feed_server: FeedServer, profile_db_url: str | None) -> Profile:
    items = [
        Item(
            guid="gold",
            title="ارتفاع أسعار الذهب",
            body="<p>قال أحمد إن الذهب صعد.</p>",
            categories=("اقتصاد",),
        ),
        Item(guid="bridge", title="Council approves the bridge", body="<p>Bids open.</p>"),
        Item(guid="bridge-2", title="Second bridge planned", body="<p>Later.</p>"),
    ]
    feed_server.route("/feed", Response(body=rss(items)))
    data_dir = tmp_path / "data"
    with Reader.open(data_dir, profile_db_url) as reader:
        reader.add_feed(feed_server.url("/feed"))
    return Profile(data_dir, profile_db_url)


def test_json_has_the_article_objects_of_articles_plus_the_snippet(profile: Profile) -> None:
    code, out, err = run(profile, "search", "ذهب", "--json")
    assert code == 0, err
    (hit,) = json.loads(out)
    code, listed, _ = run(profile, "articles", "--json")
    article: dict[str, Any] = next(a for a in json.loads(listed) if a["id"] == hit["id"])
    assert {k: v for k, v in hit.items() if k not in ("snippet", "rank")} == article
    assert hit["snippet"] == "قال أحمد إن **الذهب** صعد."
    assert hit["categories"] == ["اقتصاد"]
    assert hit["rank"] > 0


def test_limit_and_words_joined_from_several_arguments(profile: Profile) -> None:
    code, out, _ = run(profile, "search", "bridge", "--limit", "1", "--json")
    assert code == 0 and len(json.loads(out)) == 1
    code, out, _ = run(profile, "search", "second", "bridge", "--json")
    assert [h["title"] for h in json.loads(out)] == ["Second bridge planned"]
    code, out, _ = run(profile, "search", '"', "--json")  # never an error for what is typed
    assert code == 0 and json.loads(out) == []


def test_terminal_lines_show_the_count_each_hit_and_its_snippet(profile: Profile) -> None:
    code, out, _ = run(profile, "search", "bridge", "--limit", "1", "--logical")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "2 matches (the best 1 shown)"
    assert "bridge" in lines[1] and lines[2].startswith("    ")
    assert "**bridge**" in lines[2] or "**Bridge**" in lines[2]


def test_arabic_is_reordered_for_terminals_that_do_not(profile: Profile) -> None:
    _, logical, _ = run(profile, "search", "ذهب", "--logical")
    _, visual, _ = run(profile, "search", "ذهب", "--visual")
    assert "قال أحمد إن **الذهب** صعد." in logical
    assert "قال أحمد" not in visual  # reversed for display
    assert "1 match" in visual.splitlines()[0]


def test_a_search_while_the_index_is_rebuilt_finishes_the_rebuild_first(
    profile: Profile, capsys: pytest.CaptureFixture[str]
) -> None:
    from newsreader.storage import search as search_store

    with Reader.open(profile.data_dir, profile.db_url) as reader:
        with reader._db.session() as session:  # as after an upgrade of the documents
            search_store.start_rebuild(session)
        assert reader.search_index_remaining() == 3
    code, out, _ = run(profile, "search", "bridge", "--json")
    assert code == 0
    assert "building the search index (3 articles)" in capsys.readouterr().err
    assert sorted(h["title"] for h in json.loads(out)) == [
        "Council approves the bridge",
        "Second bridge planned",
    ]
    code, out, _ = run(profile, "search", "ذهب", "--json")
    assert len(json.loads(out)) == 1
    assert capsys.readouterr().err == ""  # built once
