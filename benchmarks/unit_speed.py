"""How fast the small, hot pieces are: the speed checks the unit tests do not make.

The tests check what these pieces do; how long they take is measured here, each
against a target, every run judged on its own (a target is met only when the
slowest run meets it):

=================================  =======================================  ======
check                              what is timed                            target
=================================  =======================================  ======
``parse_50_items_s``               ``parse_feed`` of a 50-item Arabic RSS   < 0.5
                                   feed with 2 KB bodies (after one warm-up)
``entity_bomb_s``                  ``parse_feed`` of the "billion laughs"   < 0.5
                                   fixture (its entities are never expanded)
``sanitize_500_articles_s``        ``sanitize_html`` of 500 articles        < 1.0
``unchanged_220_requests_s``       220 conditional GETs answered 304, one   < 1.5
                                   ``HttpClient``, one kept-alive connection
``thread_5000_comments_s``         ``Reader.list_comments`` of a thread of  < 2.0
                                   5,000 comments, threaded depth-first
``panel_scroll_5000_comments_s``   the comments panel showing that thread   < 10
                                   and scrolled to its last comment
                                   (offscreen Qt; ``--skip gui`` leaves it out)
=================================  =======================================  ======

Run from the repository root with the interpreter that has Newsreader installed::

    python benchmarks/unit_speed.py --runs 5 --output benchmarks/results/unit-speed.json

Every run is printed to stderr as it ends; the result is one JSON object on stdout
(and in ``--output``).  Nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

try:
    from benchmarks.serve import FeedServer
    from benchmarks.verdicts import emit
except ImportError:  # run as a script from the benchmarks directory
    from serve import FeedServer  # type: ignore[no-redef,unused-ignore]
    from verdicts import emit  # type: ignore[no-redef,unused-ignore]

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the documents are the tests' own (tests/helpers/feeds.py)
from tests.helpers.feeds import deep_replies_feed, long_arabic_items  # noqa: E402

ENTITY_BOMB = ROOT / "tests" / "fixtures" / "feeds" / "entity_bomb.xml"
BASE = "https://news.example.org/2025/03/article.html"

#: Each check's limit in seconds: met when every run stays under it.
TARGETS = {
    "parse_50_items_s": 0.5,
    "entity_bomb_s": 0.5,
    "sanitize_500_articles_s": 1.0,
    "unchanged_220_requests_s": 1.5,
    "thread_5000_comments_s": 2.0,
    "panel_scroll_5000_comments_s": 10.0,
}
GUI_CHECKS = frozenset({"panel_scroll_5000_comments_s"})


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def timed(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


# -- documents ------------------------------------------------------------------------


def article_html() -> str:
    return (
        '<p>افتتحت البلدية <a href="/x">مكتبة</a> <img src="a.jpg" alt="صورة"> '
        + "جديدة تضم آلاف الكتب " * 40
        + "</p>"
    ) * 4


def post_feed(replies_url: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>مدونة</title><id>tag:big</id>'
        "<entry><title>موضوع ساخن</title><id>tag:big,2026:post</id>"
        f'<link rel="replies" type="application/atom+xml" href="{replies_url}"/>'
        "<updated>2026-11-01T00:00:00Z</updated><summary>نقاش طويل</summary></entry></feed>"
    ).encode()


# -- the checks -----------------------------------------------------------------------


class Checks:
    """Everything one process needs for the checks, made once; each method is one run."""

    def __init__(self, workdir: Path, gui: bool) -> None:
        from newsreader.fetch.http import HttpClient
        from newsreader.fetch.parse import parse_feed
        from newsreader.reader import Reader

        self.parse_feed = parse_feed
        self.feed = long_arabic_items(50)
        parse_feed(self.feed, url="https://news.example.org/feed.xml")  # warm-up
        self.bomb = ENTITY_BOMB.read_bytes()
        self.article = article_html()

        self.server = FeedServer().start()
        self.server.publish(
            [
                ("/unchanged.xml", b"<rss version='2.0'><channel/></rss>", "application/xml"),
                (
                    "/big/feed.atom",
                    post_feed(self.server.url("/big/replies.atom")),
                    "application/atom+xml",
                ),
                ("/big/replies.atom", deep_replies_feed(5000).encode(), "application/atom+xml"),
            ]
        )
        self.http = HttpClient()
        self.etag = self.http.get(self.server.url("/unchanged.xml")).etag

        self.reader = Reader.open(workdir / "profile")
        self.reader.add_feed(self.server.url("/big/feed.atom"))
        [post] = self.reader.list_articles()
        self.post_id = int(post.id)
        fetched = self.reader.refresh_comments(self.post_id)
        if fetched.new != 5000:
            raise SystemExit(f"the 5,000-comment thread was not stored: {fetched}")
        self.app: Any = None
        if gui:
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
            from PySide6.QtCore import qInstallMessageHandler
            from PySide6.QtWidgets import QApplication

            def quiet(kind: object, context: object, message: str) -> None:
                if message != "This plugin does not support propagateSizeHints()":
                    log(message)  # the offscreen plugin says that of every window

            qInstallMessageHandler(quiet)
            self.app = QApplication.instance() or QApplication([])

    def close(self) -> None:
        self.reader.close()
        self.http.close()
        self.server.stop()

    def parse_50_items_s(self) -> float:
        feed: Any = None

        def parse() -> None:
            nonlocal feed
            feed = self.parse_feed(self.feed, url="https://news.example.org/feed.xml")

        seconds = timed(parse)
        assert len(feed.entries) == 50
        return seconds

    def entity_bomb_s(self) -> float:
        feed: Any = None

        def parse() -> None:
            nonlocal feed
            feed = self.parse_feed(self.bomb, url="https://bomb.example.org/feed.xml")

        seconds = timed(parse)
        assert "lollol" not in feed.entries[0].title
        return seconds

    def sanitize_500_articles_s(self) -> float:
        from newsreader.fetch.sanitize import sanitize_html

        return timed(lambda: [sanitize_html(self.article, BASE) for _ in range(500)])

    def unchanged_220_requests_s(self) -> float:
        url = self.server.url("/unchanged.xml")
        results: list[Any] = []
        seconds = timed(
            lambda: results.extend(self.http.get(url, etag=self.etag) for _ in range(220))
        )
        assert all(r.not_modified for r in results)
        return seconds

    def thread_5000_comments_s(self) -> float:
        thread: list[Any] = []
        seconds = timed(lambda: thread.extend(self.reader.list_comments(self.post_id)))
        assert len(thread) == 5000
        return seconds

    def panel_scroll_5000_comments_s(self) -> float:
        from PySide6.QtCore import QEventLoop, QModelIndex, QPoint, QTimer

        from newsreader.ui.comments_panel import CommentsPanel
        from newsreader.ui.tasks import TaskRunner

        def spin(until: Callable[[], bool], what: str, limit: float = 60.0) -> None:
            ends = time.monotonic() + limit
            while not until():
                if time.monotonic() > ends:
                    raise SystemExit(f"the comments panel never {what}")
                loop = QEventLoop()
                QTimer.singleShot(1, loop.quit)
                loop.exec()

        started = time.perf_counter()
        panel = CommentsPanel(self.reader, runner=TaskRunner(synchronous=True), fetch_delay_ms=0)
        try:
            panel.resize(420, 600)
            panel.show()
            loaded: list[int] = []
            panel.commentsLoaded.connect(loaded.append)
            panel.set_article(self.post_id)
            spin(lambda: bool(loaded), "loaded the thread")
            while panel.model.canFetchMore(QModelIndex()):
                panel.view.scrollToBottom()
                spin(lambda: True, "scrolled")
            panel.view.scrollToBottom()
            bottom = QPoint(10, panel.view.viewport().height() - 4)
            spin(lambda: panel.view.indexAt(bottom).row() > 4900, "showed the last comments")
            return time.perf_counter() - started
        finally:
            panel.close()
            panel.deleteLater()


# -- the report -----------------------------------------------------------------------


def machine() -> dict[str, Any]:
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    changed = subprocess.run(
        ["git", "status", "--porcelain", "--", "src"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": commit or None,
        "source_changed_since_commit": bool(changed),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "load_before": os.getloadavg()[0] if hasattr(os, "getloadavg") else None,
    }


def verdicts(runs: Sequence[dict[str, float]]) -> dict[str, Any]:
    """Each check with every run's figure and its slowest, judged against its target."""
    checks: dict[str, Any] = {}
    for name, limit in TARGETS.items():
        seconds = [run[name] for run in runs if name in run]
        if not seconds:
            continue
        worst = max(seconds)
        checks[name] = {
            "runs": seconds,
            "worst": worst,
            "median": statistics.median(seconds),
            "target": f"< {limit}",
            "met": worst < limit,
        }
    return checks


def benchmark(args: argparse.Namespace) -> dict[str, Any]:
    names = [n for n in TARGETS if not (n in GUI_CHECKS and "gui" in args.skip)]
    report: dict[str, Any] = {"machine": machine(), "runs": []}
    with tempfile.TemporaryDirectory(prefix="unit-speed-") as workdir:
        checks = Checks(Path(workdir), gui=not GUI_CHECKS.isdisjoint(names))
        try:
            for number in range(1, args.runs + 1):
                run = {name: getattr(checks, name)() for name in names}
                report["runs"].append(run)
                log(f"run {number}: " + ", ".join(f"{k} {v:.3f}" for k, v in run.items()))
        finally:
            checks.close()
    report["checks"] = verdicts(report["runs"])
    report["all_met"] = all(check["met"] for check in report["checks"].values())
    for name, check in report["checks"].items():
        met = "met" if check["met"] else "NOT met"
        log(f"{name}: slowest {check['worst']:.3f} s {check['target']} s: {met}")
    return report


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=5, help="runs of every check (5)")
    parser.add_argument(
        "--skip", default="", help="comma-separated: gui (the comments panel's check)"
    )
    parser.add_argument("--output", type=Path, help="also write the JSON result here")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    args.skip = {s.strip() for s in args.skip.split(",") if s.strip()}
    report = benchmark(args)
    emit(report, args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
