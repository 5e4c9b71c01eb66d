"""The command line's names, JSON shapes and exit codes (scripts rely on them)."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsreader.cli.main import main
from newsreader.core.types import Direction
from tests.fetch.http_support import closed_port
from tests.helpers.feeds import UNTITLED_POSTS, Item, numbered, rss
from tests.helpers.feedserver import FeedServer, Response
from tests.helpers.postgres import Cluster, db_option


class Run:
    def __init__(self, data_dir: Path, db_url: str | None = None) -> None:
        self.data_dir = data_dir
        self.db_url = db_url

    def __call__(self, *args: str) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        where = ["--data-dir", str(self.data_dir), *db_option(self.db_url)]
        code = main([*where, *args], out=out, err=err)
        return code, out.getvalue(), err.getvalue()

    def json(self, *args: str) -> object:
        code, out, err = self(*args, "--json")
        assert code == 0, err
        return json.loads(out)


@pytest.fixture
def run(tmp_path: Path, profile_db_url: str | None) -> Run:
    """The command line on a new profile: its own SQLite file, or a PostgreSQL database."""
    return Run(tmp_path / "data", profile_db_url)


def test_version_and_usage_errors(run: Run) -> None:
    code, _, err = run("feeds", "frobnicate")
    assert code == 2 and "invalid choice" in err
    code, _, err = run("mark", "1")
    assert code == 2
    assert "Traceback" not in err


def test_the_version_is_told_without_loading_the_core() -> None:
    probe = (
        "import sys; from newsreader.__main__ import main; code = main(['--version']); "
        "print(code, 'sqlalchemy' in sys.modules, 'newsreader.cli.main' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True
    )
    from newsreader import __version__

    assert done.stdout.splitlines() == [f"newsreader {__version__}", "0 False False"]


def test_a_fresh_data_dir_starts_empty(run: Run) -> None:
    assert run.json("feeds", "list") == []
    assert run.json("articles") == []


def test_add_list_refresh_articles_read_mark(run: Run, feed_server: FeedServer) -> None:
    items = [
        Item(
            guid="g1",
            title="عاصفة رملية تضرب المنطقة",
            categories=["طقس"],
            link="http://127.0.0.1/a1",
        ),
        *numbered(2),
    ]
    feed_server.route("/f.rss", Response(body=rss(items, title="نشرة")))
    code, _, err = run("feeds", "add", feed_server.url("/f.rss"), "--folder", "عربي")
    assert code == 0, err
    feeds = run.json("feeds", "list")
    assert isinstance(feeds, list) and len(feeds) == 1
    feed = feeds[0]
    assert {"id", "url", "title", "folder", "status", "error", "article_count"} <= feed.keys()
    assert (feed["folder"], feed["status"], feed["article_count"]) == ("عربي", "ok", 3)

    refreshed = run.json("refresh", "--all")
    assert isinstance(refreshed, dict)
    assert refreshed.pop("follow_up_report")["ended"] == "done"
    assert refreshed == {
        "feeds": [
            {
                "id": feed["id"],
                "url": feed["url"],
                "status": "not_modified",
                "new": 0,
                "updated": 0,
                "error": None,
            }
        ],
        "new": 0,
        "updated": 0,
        "failed": 0,
        "follow_ups": {"icons": 0, "comments": 0},
    }

    articles = run.json("articles", "--feed", str(feed["id"]))
    assert isinstance(articles, list) and len(articles) == 3
    first = next(a for a in articles if a["guid"] == "g1")
    for key in (
        "id",
        "feed_id",
        "guid",
        "title",
        "link",
        "published",
        "read",
        "starred",
        "direction",
        "categories",
    ):
        assert key in first
    assert first["direction"] == "rtl" and first["categories"] == ["طقس"]
    assert first["published"].startswith("2026-11-20T08:00:00")

    assert run("mark", str(first["id"]), "--read")[0] == 0
    assert run("mark", str(first["id"]), "--star")[0] == 0
    starred = run.json("articles", "--starred")
    assert [a["id"] for a in starred] == [first["id"]]
    unread = run.json("articles", "--unread")
    assert first["id"] not in [a["id"] for a in unread] and len(unread) == 2
    limited = run.json("articles", "--limit", "1")
    assert isinstance(limited, list) and len(limited) == 1

    detail = run.json("read", str(first["id"]))
    assert isinstance(detail, dict)
    for key in ("content_html", "enclosures", "comments_url", "comment_count"):
        assert key in detail
    code, text, _ = run("read", str(first["id"]), "--logical")
    assert code == 0
    assert text.splitlines() == [
        "عاصفة رملية تضرب المنطقة",
        "نشرة · 2026-11-20 08:00 UTC",
        "http://127.0.0.1/a1",
        "",
        "نص الخبر.",
    ]
    code, visual, _ = run("read", str(first["id"]), "--visual")
    assert code == 0
    # Reordered for display, each line on its own: the Arabic words right to left,
    # the date and the link as they are.
    assert visual.splitlines() == [
        "ةقطنملا برضت ةيلمر ةفصاع",
        "2026-11-20 08:00 UTC · ةرشن",
        "http://127.0.0.1/a1",
        "",
        ".ربخلا صن",
    ]


def test_failures_are_one_line_and_exit_one(run: Run, feed_server: FeedServer) -> None:
    code, _, err = run("feeds", "add", feed_server.url("/nothing"))
    assert code == 1
    assert err.count("\n") == 1 and err.startswith("newsreader: error:")
    feed_server.route(
        "/page", Response(body="<html><body>x</body></html>", content_type="text/html")
    )
    code, _, err = run("feeds", "add", feed_server.url("/page"))
    assert code == 1 and "no feed" in err
    code, _, err = run("read", "999")
    assert code == 1 and "999" in err
    code, _, err = run("feeds", "remove", "42")
    assert code == 1 and "42" in err


def test_refresh_exit_code_is_one_when_a_feed_fails(run: Run, feed_server: FeedServer) -> None:
    feed_server.route("/ok", Response(body=rss(numbered(1))))
    assert run("feeds", "add", feed_server.url("/ok"))[1].endswith("(1 article)\n")
    feed_server.route("/ok", Response(status=500))
    assert run("refresh", "--all")[1].splitlines()[-1] == "1 feed: 0 new, 0 updated, 1 failed"
    code, out, _ = run("refresh", "--all", "--json")
    assert code == 1
    report = json.loads(out)
    assert report["failed"] == 1 and report["feeds"][0]["status"] == "error"
    assert "500" in report["feeds"][0]["error"]


def test_import_export_and_remove(run: Run, tmp_path: Path) -> None:
    opml = tmp_path / "subs.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="1.0"><body>'
        '<outline text="Tech"><outline type="rss" text="A" xmlUrl="http://127.0.0.1:9/a"/>'
        "</outline></body></opml>",
        encoding="utf-8",
    )
    assert run("feeds", "import", str(opml))[1].startswith("imported 1 new subscription from")
    feeds = run.json("feeds", "list")
    assert isinstance(feeds, list)
    assert [(f["url"], f["folder"], f["status"]) for f in feeds] == [
        ("http://127.0.0.1:9/a", "Tech", "new")
    ]
    out_file = tmp_path / "out.opml"
    assert run("feeds", "export", str(out_file))[0] == 0
    assert "http://127.0.0.1:9/a" in out_file.read_text(encoding="utf-8")
    assert run("feeds", "remove", str(feeds[0]["id"]))[0] == 0
    assert run.json("feeds", "list") == []
    code, _, err = run("feeds", "import", str(tmp_path / "missing.opml"))
    assert code == 1 and "missing.opml" in err


def test_terminal_order_follows_the_environment(
    run: Run, feed_server: FeedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    feed_server.route("/f", Response(body=rss([Item(guid="x", title="مرحبا بالعالم")])))
    run("feeds", "add", feed_server.url("/f"))
    article = run.json("articles")[0]  # type: ignore[index]
    monkeypatch.setenv("NEWSREADER_BIDI", "visual")
    _, visual, _ = run("read", str(article["id"]))
    monkeypatch.setenv("NEWSREADER_BIDI", "logical")
    _, logical, _ = run("read", str(article["id"]))
    assert logical.splitlines()[0] == "مرحبا بالعالم"
    assert visual.splitlines()[0] == "ملاعلاب ابحرم"


def test_lists_keep_their_columns_in_visual_order(
    run: Run, feed_server: FeedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    items = [
        Item(
            guid="a",
            title="منتخب الشباب يبدأ معسكره",
            published=datetime(2026, 11, 22, 11, tzinfo=UTC),
        ),
        Item(
            guid="b", title="Markets close higher", published=datetime(2026, 11, 21, 11, tzinfo=UTC)
        ),
    ]
    feed_server.route("/f", Response(body=rss(items, title="الأفق")))
    run("feeds", "add", feed_server.url("/f"))
    monkeypatch.setenv("NEWSREADER_BIDI", "visual")
    _, out, _ = run("articles")
    rows = out.splitlines()
    # the id, marks and date open every row, whatever the headline's language
    assert rows[0].startswith("     1  N 2026-11-22 11:00  ")
    assert rows[1].startswith("     2  N 2026-11-21 11:00  Markets close higher")
    assert "هركسعم أدبي بابشلا بختنم" in rows[0]  # the headline itself reordered
    _, out, _ = run("read", "1")
    byline = out.splitlines()[1]
    assert byline.startswith("2026-11-22 11:00 UTC · ")  # the date intact, at the line's end
    assert byline.endswith("قفألا")


def test_paragraphs_are_broken_to_the_terminals_width_before_reordering() -> None:
    import io

    from newsreader.cli.common import Terminal
    from newsreader.core.text import cells

    out = io.StringIO()
    term = Terminal(out, visual=True, width=30)
    term.line("بدأ المنتخب معسكرًا تدريبيًا مدته عشرة أيام يخوض خلاله مباراتين")
    term.row("الأفق", "2026-11-22", separator=" · ", direction=Direction.RTL)
    lines = out.getvalue().splitlines()
    assert len(lines) == 4 and all(cells(line) == 30 for line in lines)
    assert lines[0].endswith("بختنملا أدب")  # the first words, at the right margin
    assert lines[-1].endswith("2026-11-22 · قفألا")
    logical = io.StringIO()
    Terminal(logical, visual=False, width=30).line("بدأ المنتخب معسكرًا تدريبيًا مدته عشرة أيام")
    assert logical.getvalue() == "بدأ المنتخب معسكرًا تدريبيًا مدته عشرة أيام\n"


def test_python_dash_m_and_console_entry_point(tmp_path: Path) -> None:
    env = {**os.environ, "NEWSREADER_DATA_DIR": str(tmp_path / "d")}
    result = subprocess.run(
        [sys.executable, "-m", "newsreader", "--version"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 0
    from newsreader import __version__

    assert result.stdout.strip() == f"newsreader {__version__}"
    listed = subprocess.run(
        [sys.executable, "-m", "newsreader", "feeds", "list", "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert listed.returncode == 0 and json.loads(listed.stdout) == []
    assert (tmp_path / "d" / "newsreader.sqlite3").exists()


def test_a_closed_output_pipe_ends_quietly(tmp_path: Path) -> None:
    env = {**os.environ, "NEWSREADER_DATA_DIR": str(tmp_path / "d")}
    for command in (["demo"], ["articles"]):  # one line at the end; a long listing
        process = subprocess.Popen(
            [sys.executable, "-m", "newsreader", *command],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert process.stdout is not None
        process.stdout.close()  # like `| head` that has seen enough, before any output
        _, err = process.communicate(timeout=120)
        assert process.returncode == 141, err
        assert err == ""


def test_untitled_posts_are_listed_by_their_first_words(run: Run, feed_server: FeedServer) -> None:
    feed_server.route("/posts.rss", Response(body=UNTITLED_POSTS))
    code, _, err = run("feeds", "add", feed_server.url("/posts.rss"))
    assert code == 0, err

    listed = run.json("articles")
    assert isinstance(listed, list)
    assert [a["title"] for a in listed] == ["", ""]  # the JSON says what the feed said

    code, out, _ = run("articles")
    lines = out.splitlines()
    assert "وصلت القافلة إلى المدينة بعد رحلة طويلة." in lines[0]
    assert "#سفر" not in lines[0]  # the first sentence, not the whole post
    assert "Trying the new tram line today" in lines[1]
    assert "(untitled)" not in out

    code, out, _ = run("read", str(listed[1]["id"]))
    assert out.splitlines()[0].startswith("@amal@social.example")  # the byline comes first
    assert "Trying the new tram line today" in out


def test_a_feed_link_from_a_subscribe_button_is_followed(run: Run, feed_server: FeedServer) -> None:
    feed_server.route("/f.rss", Response(body=rss(numbered(2), title="Buttons")))
    address = feed_server.url("/f.rss").replace("http://", "feed://", 1)
    code, _, err = run("feeds", "add", address)
    assert code == 0, err
    [feed] = run.json("feeds", "list")  # type: ignore[misc]
    assert feed["url"] == feed_server.url("/f.rss")


def test_adding_a_site_with_several_feeds_names_the_others(
    run: Run, feed_server: FeedServer
) -> None:
    feed_server.route("/all.rss", Response(body=rss(numbered(3), title="All news")))
    feed_server.route("/sport.rss", Response(body=rss(numbered(2), title="Sport")))
    feed_server.route("/opinion.rss", Response(body=rss(numbered(1), title="Opinion")))
    links = "".join(
        f'<link rel="alternate" type="application/rss+xml" title="{title}" href="/{name}.rss">'
        for name, title in (("all", "All news"), ("sport", "Sport"), ("opinion", "Opinion"))
    )
    feed_server.route(
        "/", Response(body=f"<html><head>{links}</head></html>", content_type="text/html")
    )
    code, out, err = run("feeds", "add", feed_server.url("/"))
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].startswith("subscribed [1] All news (3 articles)")
    assert lines[1] == "the page offers 2 more (newsreader feeds add URL):"
    assert lines[2:] == [
        f"  {feed_server.url('/sport.rss')}  Sport",
        f"  {feed_server.url('/opinion.rss')}  Opinion",
    ]
    assert [f["url"] for f in run.json("feeds", "list")] == [feed_server.url("/all.rss")]  # type: ignore[index,union-attr]


def test_refresh_reports_the_news_first_then_the_pictures_it_saved(
    run: Run, feed_server: FeedServer, tmp_path: Path
) -> None:
    from tests.fetch.test_images import png_bytes

    picture = feed_server.url("/pic.png")
    feed_server.route("/pic.png", Response(body=png_bytes(seed=7), content_type="image/png"))
    body = f'<p>صورة من المكان.</p><img src="{picture}" alt="المكان">'
    feed_server.route("/p.rss", Response(body=rss([Item(guid="p1", title="خبر مصور", body=body)])))
    opml = tmp_path / "subs.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><body>'
        f'<outline type="rss" text="p" xmlUrl="{feed_server.url("/p.rss")}"/></body></opml>',
        encoding="utf-8",
    )
    assert run("feeds", "import", str(opml))[0] == 0

    code, out, err = run("refresh")

    assert code == 0, err
    lines = out.splitlines()
    news = lines.index("1 feed: 1 new, 0 updated, 0 failed")
    assert lines.index("1 picture saved for reading offline") > news
    assert feed_server.requests_for("/pic.png")

    feed_server.route(
        "/p.rss",
        Response(body=rss([Item(guid="p2", title="خبر آخر", body=body), Item("p1", "خبر مصور")])),
    )
    refreshed = run.json("refresh", "--all")
    assert refreshed["new"] == 1  # type: ignore[index]
    # the same picture is in the cache already: nothing new to save
    assert refreshed["follow_ups"] == {"images": 0, "icons": 0, "comments": 0}  # type: ignore[index]


def test_refresh_no_images_stores_the_news_and_fetches_no_picture(
    run: Run, feed_server: FeedServer, tmp_path: Path
) -> None:
    from tests.fetch.test_images import png_bytes

    picture = feed_server.url("/pic.png")
    feed_server.route("/pic.png", Response(body=png_bytes(seed=3), content_type="image/png"))
    body = f'<p>صورة.</p><img src="{picture}" alt="">'
    feed_server.route("/p.rss", Response(body=rss([Item(guid="p1", title="خبر", body=body)])))
    opml = tmp_path / "subs.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><body>'
        f'<outline type="rss" text="p" xmlUrl="{feed_server.url("/p.rss")}"/></body></opml>',
        encoding="utf-8",
    )
    assert run("feeds", "import", str(opml))[0] == 0  # subscribes without fetching

    refreshed = run.json("refresh", "--no-images")

    assert refreshed["new"] == 1  # type: ignore[index]
    assert "images" not in refreshed["follow_ups"]  # type: ignore[index,operator]
    assert not feed_server.requests_for("/pic.png")


def test_refresh_prints_the_pictures_after_the_feeds_and_the_hosts_it_could_not_reach(
    run: Run, feed_server: FeedServer
) -> None:
    feed_server.route("/pics.xml", Response(body=rss(numbered(1))))
    code, _, err = run("feeds", "add", feed_server.url("/pics.xml"))
    assert code == 0, err
    nowhere = closed_port()
    items = [
        Item(guid=f"p{n}", title=f"خبر {n}", body=f'<img src="http://127.0.0.1:{nowhere}/{n}.png">')
        for n in range(3)
    ]
    feed_server.route("/pics.xml", Response(body=rss([*numbered(1), *items])))

    code, out, _ = run("refresh", "--all")

    lines = out.splitlines()
    news = lines.index("1 feed: 3 new, 0 updated, 0 failed")
    assert lines[news + 1] == "after the news: pictures 0 of 3"
    assert f"  127.0.0.1:{nowhere}: connection refused (2 skipped)" in lines[news + 2 :]


# -- rough edges -------------------------------------------------------------------------


def test_a_bad_window_size_is_a_usage_error_in_words(run: Run) -> None:
    code, _, err = run("--size", "10x", "feeds", "list")
    assert code == 2
    assert "--size" in err and "WIDTHxHEIGHT" in err and "int()" not in err


def test_a_screenshot_into_a_missing_folder_is_an_error_and_makes_no_folder(
    run: Run, tmp_path: Path
) -> None:
    target = tmp_path / "no" / "such" / "x.png"
    launched: list[object] = []
    out, err = io.StringIO(), io.StringIO()
    code = main(["--screenshot", str(target)], out=out, err=err, launch_window=launched.append)
    assert code == 2 and not launched
    assert str(target.parent) in err.getvalue() and "does not exist" in err.getvalue()
    assert not (tmp_path / "no").exists()


def test_a_failed_fetch_names_its_url(run: Run) -> None:
    url = f"http://127.0.0.1:{closed_port()}/feed"
    code, _, err = run("feeds", "add", url)
    assert code == 1
    assert err == f"newsreader: error: {url}: connection refused\n"


def test_a_refresh_with_nothing_due_says_so(run: Run, feed_server: FeedServer) -> None:
    feed_server.route("/ok", Response(body=rss(numbered(1))))
    run("feeds", "add", feed_server.url("/ok"))
    code, out, _ = run("refresh")
    assert code == 0
    assert out.splitlines() == [
        "0 feeds: 0 new, 0 updated, 0 failed",
        "no feed was due; 'newsreader refresh --all' fetches every feed now",
    ]
    assert "--all" not in run("refresh", "--all")[1]


def test_statuses_are_printed_in_words(run: Run, feed_server: FeedServer) -> None:
    feed_server.route("/ok", Response(body=rss(numbered(2))))
    run("feeds", "add", feed_server.url("/ok"))
    _, out, _ = run("refresh", "--all")  # the same document again
    assert "not modified" in out and "not_modified" not in out
    _, out, _ = run("feeds", "list")
    assert "not modified" in out and "not_modified" not in out


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_a_dash_is_standard_output_and_input_for_every_file(
    run: Run,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    new_profile_db: Callable[[], str | None],
) -> None:
    opml = (
        '<?xml version="1.0"?><opml version="1.0"><body>'
        '<outline type="rss" text="أ" xmlUrl="http://127.0.0.1:9/a"/></body></opml>'
    )
    _stdin(monkeypatch, opml.encode())
    code, out, _ = run("feeds", "import", "-")
    assert code == 0 and out == "imported 1 new subscription from standard input\n"

    code, out, _ = run("feeds", "export", "-")
    assert code == 0 and out.startswith("<?xml") and "http://127.0.0.1:9/a" in out
    assert not (Path.cwd() / "-").exists()

    code, backup, _ = run("export-data", "-")
    assert code == 0 and json.loads(backup)["format"] == "newsreader-userdata"

    other = Run(tmp_path / "other", new_profile_db())
    _stdin(monkeypatch, backup.encode())
    code, out, _ = other("import-data", "-")
    assert code == 0 and out.startswith("restored from standard input: 1 new subscription")
    assert [f["url"] for f in other.json("feeds", "list")] == ["http://127.0.0.1:9/a"]

    _stdin(monkeypatch, b"not json")
    code, _, err = other("import-data", "-")
    assert code == 1 and err.startswith("newsreader: error: standard input: ")
    _stdin(monkeypatch, b"<not opml")
    code, _, err = other("feeds", "import", "-")
    assert code == 1 and err.startswith("newsreader: error: standard input: ")


def test_exports_are_the_users_alone(run: Run, tmp_path: Path) -> None:
    import stat

    run.data_dir.mkdir(mode=0o755)
    run("feeds", "list")
    assert stat.S_IMODE(run.data_dir.stat().st_mode) == 0o700  # tightened at start
    if run.db_url is None:  # the profile's own SQLite file
        assert stat.S_IMODE((run.data_dir / "newsreader.sqlite3").stat().st_mode) == 0o600
    for command, name in (("feeds export", "subs.opml"), ("export-data", "data.json")):
        target = tmp_path / name
        assert run(*command.split(), str(target))[0] == 0
        assert stat.S_IMODE(target.stat().st_mode) == 0o600, command


def _newsreader(tmp_path: Path, db_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsreader", "--data-dir", str(tmp_path), "--db", db_url, *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_database_server_that_is_not_there_is_one_line_naming_it(tmp_path: Path) -> None:
    port = closed_port()
    done = _newsreader(
        tmp_path, f"postgresql+psycopg://reader:s3cret@127.0.0.1:{port}/news", "articles"
    )
    assert done.returncode == 1
    assert done.stderr == (
        f"newsreader: error: cannot reach the database server 127.0.0.1:{port}/news: "
        "the server refused the connection (is it running?)\n"
    )
    assert done.stdout == ""


def test_a_refused_password_is_one_line_without_the_password(
    tmp_path: Path, postgres_cluster: Cluster
) -> None:
    postgres_cluster.add_password_role("cli_reader", "right-word")
    url = postgres_cluster.url().replace("newsreader@", "cli_reader:wrong-word@")
    done = _newsreader(tmp_path, url, "feeds", "list")
    assert done.returncode == 1
    assert done.stderr == (
        f"newsreader: error: cannot reach the database server "
        f"127.0.0.1:{postgres_cluster.port}/postgres: the password was refused\n"
    )
    assert "wrong-word" not in done.stderr + done.stdout


def test_user_keys_marks_notes_and_exports_for_every_command(
    run: Run, feed_server: FeedServer, tmp_path: Path
) -> None:
    feed_server.route("/f.rss", Response(body=rss(numbered(3, "u"), title="أخبار")))
    assert run("feeds", "add", feed_server.url("/f.rss"))[0] == 0
    first, second, _third = run.json("articles")
    assert run("--user", "salma", "mark", str(first["id"]), "--star")[0] == 0
    assert run("--user", "salma", "mark", str(second["id"]), "--read")[0] == 0
    assert run("--user", "salma", "notes", str(first["id"]), "--add", "ملاحظة سلمى")[0] == 0
    assert run("mark", str(second["id"]), "--star")[0] == 0

    def starred(*user: str) -> list[str]:
        return [a["guid"] for a in run.json(*user, "articles", "--starred")]

    assert starred("--user", "salma") == [first["guid"]]
    assert starred() == [second["guid"]]
    unread = [a["guid"] for a in run.json("--user", "salma", "articles", "--unread")]
    assert second["guid"] not in unread and len(unread) == 2
    assert len(run.json("articles", "--unread")) == 3
    assert [n["text"] for n in run.json("--user", "salma", "notes", str(first["id"]))] == [
        "ملاحظة سلمى"
    ]
    assert run.json("notes", str(first["id"])) == []
    hits = run.json("--user", "salma", "search", "سلمى")
    assert [h["id"] for h in hits] == [first["id"]]
    assert run.json("search", "سلمى") == []
    backup = tmp_path / "salma.json"
    assert run("--user", "salma", "export-data", str(backup))[0] == 0
    keys = {a["key"] for a in json.loads(backup.read_text(encoding="utf-8"))["articles"]}
    assert keys == {first["guid"], second["guid"]}
    code, _, err = run("--user", " ", "articles")
    assert code == 2 and "user name" in err
    from newsreader.cli.main import build_parser

    usage = " ".join(build_parser().format_help().split())
    assert "--user NAME" in usage and "(default: the OS user)" in usage
