"""The ``comments``, ``notes``, ``export-data`` and ``import-data`` commands."""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from newsreader.cli import main as cli
from newsreader.reader import Reader
from newsreader.reader.comments import CommentsMixin
from tests.conftest import FIXTURES
from tests.helpers.feedserver import FeedServer
from tests.helpers.postgres import db_option

COMMENT_FIXTURES = FIXTURES / "comments"


def reader_class() -> type[Any]:
    """``Reader`` once it includes the comments mixin; until then, the two combined."""
    if issubclass(Reader, CommentsMixin):
        return Reader
    return type("CommentsReader", (CommentsMixin, Reader), {})


class Run:
    """Runs a command the way ``newsreader --data-dir DIR ...`` does."""

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

    def reader(self) -> Any:
        return reader_class().open(self.data_dir, self.db_url)


@pytest.fixture
def run(tmp_path: Path, profile_db_url: str | None) -> Run:
    """The command line on a new profile: its own SQLite file, or a PostgreSQL database."""
    return Run(tmp_path / "data", profile_db_url)


@pytest.fixture
def blog(run: Run, feed_server: FeedServer, tmp_path: Path) -> Iterator[dict[str, int]]:
    """The WordPress-style blog subscribed in the profile; article ids by post slug."""
    base = feed_server.url("/").rstrip("/")
    for name, path in (
        ("wordpress_posts.rss", "/feed/"),
        ("bakery_comments.rss", "/2026/11/bakery/feed/"),
        ("garden_post.atom", "/garden/feed.atom"),
        ("garden_replies.atom", "/garden/posts/5/replies.atom"),
    ):
        copy = tmp_path / name
        text = (COMMENT_FIXTURES / name).read_text(encoding="utf-8")
        copy.write_text(text.replace("{{BASE}}", base), encoding="utf-8")
        feed_server.serve_file(path, copy)
    with run.reader() as reader:
        reader.add_feed(feed_server.url("/feed/"))
        reader.add_feed(feed_server.url("/garden/feed.atom"))
        yield {(a.link or "").rstrip("/").rsplit("/", 1)[-1]: a.id for a in reader.list_articles()}


def test_comments_prints_the_thread_indented(run: Run, blog: dict[str, int]) -> None:
    code, out, err = run("comments", str(blog["5"]))
    assert (code, err) == (0, "")
    lines = out.splitlines()
    headers = [line for line in lines if "] " in line and " · " in line]
    assert [h.split("] ", 1)[1].split(" · ")[0] for h in headers] == [
        "عم حسن",
        "نادية",
        "نادية",
        "سامي",
        "Greta",
        "ليلى",
    ]
    indents = [len(h) - len(h.lstrip(" ")) for h in headers]
    assert indents == [0, 4, 8, 4, 0, 0]
    assert "    ابدئي في أواخر الشتاء" not in out  # text is indented under its header only
    assert "  ابدئي في أواخر الشتاء داخل البيت ثم انقليها إلى الشرفة." in lines
    assert "2026-11-19 09:00 UTC" in headers[0]


def test_visual_order_keeps_the_indentation_on_the_left(run: Run, blog: dict[str, int]) -> None:
    from newsreader.core.text import to_terminal

    code, out, _ = run("comments", str(blog["5"]), "--visual")
    assert code == 0
    deepest = "شكرًا، سأجرب الأكواب الورقية إذن."  # two levels down: 2 x 4 spaces + 2
    assert " " * 10 + to_terminal(deepest, visual=True) in out.splitlines()
    assert deepest not in out  # reordered for the terminal
    assert all(not line.endswith(" ") for line in out.splitlines())


def test_comments_json_refresh_and_newest(run: Run, blog: dict[str, int]) -> None:
    bakery = str(blog["bakery"])
    data = run.json("comments", bakery, "--refresh")
    assert [c["author"] for c in data] == ["أبو خليل", "Martin"]
    for key in ("id", "parent_id", "author", "published", "content_html", "direction"):
        assert key in data[0]
    assert data[0]["parent_id"] is None
    assert [c["direction"] for c in data] == ["rtl", "ltr"]
    newest = run.json("comments", bakery, "--newest")
    assert [c["id"] for c in newest] == [data[1]["id"], data[0]["id"]]

    garden = run.json("comments", str(blog["5"]))
    by_author = {c["author"]: c for c in garden}
    assert by_author["سامي"]["parent_id"] == by_author["عم حسن"]["id"]
    assert by_author["سامي"]["depth"] == 1


def test_comments_errors(run: Run, blog: dict[str, int], feed_server: FeedServer) -> None:
    code, out, _ = run("comments", str(blog["holiday-bins"]))
    assert code == 0 and "no comments feed" in out
    code, _, err = run("comments", "9999")
    assert code == 1 and err.startswith("newsreader: error: no article")
    code, out, _ = run("comments", str(blog["market"]), "--refresh")  # its feed is not served
    assert code == 1 and "could not be fetched" in out and "404" in out


def test_notes_add_list_delete(run: Run, blog: dict[str, int]) -> None:
    bakery = str(blog["bakery"])
    assert run.json("notes", bakery) == []
    added = run.json("notes", bakery, "--add", "أشتري من هنا يوم الجمعة")
    assert [n["text"] for n in added] == ["أشتري من هنا يوم الجمعة"]
    assert added[0]["direction"] == "rtl"
    both = run.json("notes", bakery, "--add", "Compare prices with the old bakery")
    assert [n["direction"] for n in both] == ["rtl", "ltr"]

    code, out, _ = run("notes", bakery)
    assert code == 0 and "أشتري من هنا يوم الجمعة" in out and f"[{both[1]['id']}]" in out
    left = run.json("notes", bakery, "--delete", str(both[0]["id"]))
    assert [n["id"] for n in left] == [both[1]["id"]]

    code, _, err = run("notes", bakery, "--add", "   ")
    assert code == 1 and "empty" in err
    code, _, err = run("notes", str(blog["market"]), "--delete", str(both[1]["id"]))
    assert code == 1 and "no note" in err  # a note of another article is not deleted
    assert len(run.json("notes", bakery)) == 1


def test_export_and_import_data(
    run: Run,
    blog: dict[str, int],
    tmp_path: Path,
    feed_server: FeedServer,
    new_profile_db: Callable[[], str | None],
) -> None:
    with run.reader() as reader:
        reader.mark_starred([blog["bakery"]])
        reader.add_note(blog["bakery"], "ملاحظة للنسخة الاحتياطية")
    backup = tmp_path / "backup.json"
    code, out, _ = run("export-data", str(backup))
    assert code == 0 and str(backup) in out
    assert json.loads(backup.read_text(encoding="utf-8"))["format"] == "newsreader-userdata"

    fresh = Run(tmp_path / "fresh", new_profile_db())
    code, out, _ = fresh("import-data", str(backup))
    assert code == 0
    assert "2 new subscriptions" in out
    assert "1 article is not downloaded yet" in out

    bad = tmp_path / "bad.json"
    bad.write_text("{}", encoding="utf-8")
    code, _, err = fresh("import-data", str(bad))
    assert code == 1 and "not a Newsreader user-data file" in err
