"""``feeds set --full-articles``, ``read --full`` and ``read --json``, over served pages."""

from __future__ import annotations

import io
import json
from pathlib import Path

from newsreader.cli.main import main
from tests.helpers.feeds import ARTICLE_PARAGRAPHS, Item, article_page, rss
from tests.helpers.feedserver import FeedServer, Response

HTML = "text/html; charset=utf-8"


def _run(data_dir: Path, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["--data-dir", str(data_dir), *args], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def _subscribe(data: Path, server: FeedServer, link: str) -> None:
    item = Item(guid="g", title="حديقة جديدة", body="<p>سطر واحد.</p>", link=link)
    server.route("/feed.xml", Response(body=rss([item])))
    assert _run(data, "feeds", "add", server.url("/feed.xml"))[0] == 0


def test_setting_a_feed_to_auto_fetches_its_articles_on_refresh(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    data = tmp_path / "data"
    feed_server.route("/news/park", Response(body=article_page(), content_type=HTML))
    _subscribe(data, feed_server, feed_server.url("/news/park"))  # adding refreshes it

    code, out, _ = _run(data, "feeds", "set", "1")
    assert (code, "whole articles off" in out) == (0, True)
    code, out, _ = _run(data, "feeds", "set", "1", "--full-articles", "auto")
    assert code == 0 and "whole articles auto" in out
    code, out, err = _run(data, "refresh", "--all")
    assert code == 0, err
    assert "1 whole article fetched from their pages" in out

    code, out, _ = _run(data, "read", "1", "--json")
    shown = json.loads(out)
    assert code == 0
    assert ARTICLE_PARAGRAPHS[0] in shown["full_html"]
    assert shown["full_fetched"] is not None and shown["full_error"] is None
    assert shown["content_html"] == "<p>سطر واحد.</p>"  # the feed's own, untouched

    code, out, _ = _run(data, "read", "1")
    assert code == 0
    assert ARTICLE_PARAGRAPHS[-1] in out


def test_read_full_fetches_the_page_on_demand_and_says_why_it_could_not(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    data = tmp_path / "data"
    feed_server.route("/news/park", Response(body=article_page(), content_type=HTML))
    _subscribe(data, feed_server, feed_server.url("/news/park"))

    code, out, _ = _run(data, "read", "1", "--json")
    assert json.loads(out)["full_html"] is None  # the feed is off: nothing fetched

    code, out, err = _run(data, "read", "1", "--full")
    assert code == 0, err
    assert ARTICLE_PARAGRAPHS[1] in out

    feed_server.route("/news/park", Response(body=b"\x89PNG", content_type="image/png"))
    code, out, _ = _run(data, "read", "1", "--full", "--json")
    shown = json.loads(out)
    assert code == 1
    assert "not HTML (image/png)" in shown["full_error"]
    assert ARTICLE_PARAGRAPHS[0] in shown["full_html"]  # the text fetched before stays

    code, out, _ = _run(data, "read", "1", "--full")
    assert code == 1
    assert "whole article not fetched: the page is not HTML (image/png)" in out


def test_a_bad_mode_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = _run(tmp_path / "data", "feeds", "set", "1", "--full-articles", "always")
    assert code == 2
    assert "invalid choice" in err
