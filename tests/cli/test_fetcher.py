"""``newsreader fetcher``: in this process, and as real processes, several at once on one
database (SQLite and PostgreSQL), stopped by SIGTERM.

The feeds come from a real HTTP server on 127.0.0.1 that notes when it serves each
feed, so two fetchers serving one feed at overlapping times would show.
"""

from __future__ import annotations

import itertools
import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path

import pytest
from sqlalchemy import select

from newsreader.cli.common import EXIT_OK, EXIT_USAGE
from newsreader.cli.main import build_parser, main
from newsreader.cli.profile_guard import changes_profile
from newsreader.core.profile_lock import lock_profile
from newsreader.core.types import FeedStatus
from newsreader.reader import Reader
from newsreader.storage.models import FeedRow
from tests.helpers.feeds import numbered, rss
from tests.helpers.feedserver import FeedServer, Request, Response
from tests.helpers.postgres import db_option
from tests.helpers.profile import database_of

#: Every line the fetcher writes: time (UTC, ISO 8601), level, logger, message.
LOG_LINE = re.compile(
    r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ (DEBUG|INFO|WARNING|ERROR|CRITICAL) [\w.]+: \S.*$"
)
#: A bound on how long a process may take, so a broken one fails the test (not a pace).
PROCESS_BOUND = 120


def subscribe(data_dir: Path, db_url: str | None, urls: list[str]) -> None:
    with Reader.open(data_dir, db_url) as reader:
        for url in urls:
            reader.subscribe(url)


def leases_held(data_dir: Path, db_url: str | None) -> list[int]:
    with Reader.open(data_dir, db_url) as reader, database_of(reader).session() as session:
        return list(session.scalars(select(FeedRow.id).where(FeedRow.lease_owner.is_not(None))))


def fetcher_process(data_dir: Path, db_url: str | None, *options: str) -> subprocess.Popen[str]:
    where = ["--data-dir", str(data_dir), *db_option(db_url)]
    return subprocess.Popen(
        [sys.executable, "-m", "newsreader", *where, "fetcher", *options],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "NO_PROXY": "127.0.0.1", "QT_QPA_PLATFORM": "offscreen"},
    )


def assert_log_lines(text: str) -> None:
    lines = text.splitlines()
    assert lines
    for line in lines:
        assert LOG_LINE.match(line), line


# -- in this process -----------------------------------------------------------------------


def test_once_stores_the_feeds_articles_and_logs_each_pass(
    tmp_path: Path,
    feed_server: FeedServer,
    profile_db_url: str | None,
    capsys: pytest.CaptureFixture[str],
) -> None:
    for n in range(3):
        feed_server.route(f"/f{n}", Response(body=rss(numbered(4, f"f{n}"))))
    feed_server.route("/gone", Response(status=410))
    data_dir = tmp_path / "data"
    urls = [feed_server.url(p) for p in ("/f0", "/f1", "/f2", "/gone")]
    subscribe(data_dir, profile_db_url, urls)
    where = ["--data-dir", str(data_dir), *db_option(profile_db_url)]

    code = main([*where, "fetcher", "--once", "--batch", "2"])

    captured = capsys.readouterr()
    assert code == EXIT_OK, captured.err
    assert captured.out == ""
    assert_log_lines(captured.err)
    assert re.search(
        r" INFO newsreader\.update\.fetcher: pass: 4 feeds fetched, 12 new", captured.err
    )
    assert re.search(
        rf" WARNING newsreader\.update\.fetcher: feed \d+ {re.escape(urls[3])}: gone: ",
        captured.err,
    )
    with Reader.open(data_dir, profile_db_url) as reader:
        assert len(reader.list_articles()) == 12
        statuses = {f.url: f.status for f in reader.list_feeds()}
    assert statuses[urls[0]] is FeedStatus.OK and statuses[urls[3]] is FeedStatus.GONE
    assert leases_held(data_dir, profile_db_url) == []

    assert main([*where, "fetcher", "--once", "--log-level", "warning"]) == EXIT_OK
    assert capsys.readouterr().err == ""  # nothing due, nothing failed: nothing said
    assert len(feed_server.requests_for("/f0")) == 1


def test_a_pass_brings_a_search_index_being_rebuilt_up_to_date(
    tmp_path: Path, feed_server: FeedServer, profile_db_url: str | None
) -> None:
    from newsreader.storage import search as search_store

    feed_server.route("/f", Response(body=rss(numbered(5, "f"))))
    data_dir = tmp_path / "data"
    subscribe(data_dir, profile_db_url, [feed_server.url("/f")])
    where = ["--data-dir", str(data_dir), *db_option(profile_db_url)]
    assert main([*where, "fetcher", "--once", "--log-level", "warning"]) == EXIT_OK
    with Reader.open(data_dir, profile_db_url) as reader:
        with database_of(reader).session() as session:  # as after an upgrade
            search_store.start_rebuild(session)
        assert reader.search_index_remaining() == 5
    # nothing is due: the pass fetches nothing, and the index catches up after it
    assert main([*where, "fetcher", "--once", "--log-level", "warning"]) == EXIT_OK
    with Reader.open(data_dir, profile_db_url) as reader:
        assert reader.search_index_remaining() == 0
        assert reader.search("f", limit=0).complete is True
    assert len(feed_server.requests_for("/f")) == 1


@pytest.mark.parametrize("backend", ["sqlite"])
def test_the_fetcher_takes_no_data_folder_lock(
    tmp_path: Path, feed_server: FeedServer, backend: str, capsys: pytest.CaptureFixture[str]
) -> None:
    feed_server.route("/f", Response(body=rss(numbered(2, "f"))))
    data_dir = tmp_path / "data"
    subscribe(data_dir, None, [feed_server.url("/f")])
    assert not changes_profile(build_parser().parse_args(["fetcher"]))

    with lock_profile(data_dir, "the Newsreader window"):
        code = main(["--data-dir", str(data_dir), "fetcher", "--once"])

    assert code == EXIT_OK, capsys.readouterr().err
    assert len(feed_server.requests_for("/f")) == 1


@pytest.mark.parametrize(
    ("options", "complaint"),
    [
        (["--interval", "0"], "above zero"),
        (["--interval", "soon"], "not a number of seconds"),
        (["--batch", "0"], "above zero"),
        (["--batch", "2.5"], "not a whole number"),
        (["--log-level", "loud"], "invalid choice"),
    ],
)
def test_bad_options_are_usage_errors(
    tmp_path: Path, options: list[str], complaint: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(tmp_path), "fetcher", *options]) == EXIT_USAGE
    assert complaint in capsys.readouterr().err


# -- as processes --------------------------------------------------------------------------


class ServingLog:
    """Serves feeds, noting when each one is being served.

    Responses wait at a gate until two requests are being served at once (both
    fetchers are at work), then each takes a moment, so fetches of one feed by two
    fetchers would overlap.
    """

    def __init__(self, delay: float = 0.1) -> None:
        self.delay = delay
        self.lock = threading.Lock()
        self.in_flight = 0
        self.both_at_work = threading.Event()
        self.served: dict[str, list[tuple[float, float]]] = defaultdict(list)

    def route(self, server: FeedServer, path: str, body: str) -> None:
        def serve(_request: Request) -> Response:
            with self.lock:
                self.in_flight += 1
                if self.in_flight >= 2:
                    self.both_at_work.set()
            began = time.monotonic()
            self.both_at_work.wait(PROCESS_BOUND)
            time.sleep(self.delay)
            with self.lock:
                self.in_flight -= 1
                self.served[path].append((began, time.monotonic()))
            return Response(body=body)

        server.route(path, serve)


def test_two_fetchers_at_once_never_fetch_one_feed_together(
    tmp_path: Path, feed_server: FeedServer, profile_db_url: str | None
) -> None:
    log = ServingLog()
    paths = [f"/f{n}" for n in range(12)]
    for n, path in enumerate(paths):  # new categories shared by feeds of both fetchers
        categories = ("اقتصاد", f"topic {n % 3}")
        log.route(feed_server, path, rss(numbered(3, path.strip("/"), categories=categories)))
    data_dir = tmp_path / "data"
    subscribe(data_dir, profile_db_url, [feed_server.url(p) for p in paths])

    fetchers = [fetcher_process(data_dir, profile_db_url, "--once", "--batch", "1") for _ in "ab"]
    ended = [f.communicate(timeout=PROCESS_BOUND) for f in fetchers]

    for fetcher, (_, err) in zip(fetchers, ended, strict=True):
        assert fetcher.returncode == 0, err
        assert_log_lines(err)
        assert " ERROR " not in err and "Traceback" not in err, err
    assert log.both_at_work.is_set()
    for path in paths:
        times = sorted(log.served[path])
        assert len(times) == 1, f"{path} was served {len(times)} times"
        for (_, first_end), (second_began, _) in itertools.pairwise(times):
            assert second_began >= first_end, f"{path} was served to both at once"
    assert sorted(log.served) == sorted(paths)
    passes = [re.search(r"pass: (\d+) feeds fetched", err) for _, err in ended]
    assert sum(int(p.group(1)) for p in passes if p) == len(paths)
    with Reader.open(data_dir, profile_db_url) as reader:
        articles = reader.list_articles()
        feeds = reader.list_feeds()
    assert len(articles) == 3 * len(paths)
    assert len({(a.feed_id, a.headline) for a in articles}) == len(articles)
    assert {f.article_count for f in feeds} == {3}
    assert leases_held(data_dir, profile_db_url) == []


def children_of(pid: int) -> list[int]:
    """The processes whose parent is *pid* (from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.append(int(entry.name))
    return found


def running(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


def read_lines(stream: object, into: list[str], seen: threading.Event, marker: str) -> None:
    for line in stream:  # type: ignore[attr-defined]
        into.append(line)
        if marker in line:
            seen.set()


@pytest.mark.parametrize("backend", ["sqlite"])
def test_sigterm_stops_a_waiting_fetcher_cleanly(
    tmp_path: Path, feed_server: FeedServer, backend: str
) -> None:
    for n in range(3):
        feed_server.route(f"/f{n}", Response(body=rss(numbered(2, f"f{n}"))))
    data_dir = tmp_path / "data"
    subscribe(data_dir, None, [feed_server.url(f"/f{n}") for n in range(3)])
    fetcher = fetcher_process(data_dir, None, "--interval", "3600")
    lines: list[str] = []
    passed = threading.Event()
    reading = threading.Thread(target=read_lines, args=(fetcher.stderr, lines, passed, "pass:"))
    reading.start()
    try:
        assert passed.wait(PROCESS_BOUND), "".join(lines)
        workers = children_of(fetcher.pid)
        assert workers  # the parse workers
        fetcher.send_signal(signal.SIGTERM)
        fetcher.wait(PROCESS_BOUND)
    finally:
        if fetcher.poll() is None:
            fetcher.kill()
            fetcher.wait()
        reading.join()
        for stream in (fetcher.stdout, fetcher.stderr):
            if stream is not None:
                stream.close()

    err = "".join(lines)
    assert fetcher.returncode == 0, err
    assert_log_lines(err)
    assert " INFO newsreader.cli.fetcher: SIGTERM: stopping" in err
    assert err.splitlines()[-1].endswith(" INFO newsreader.update.fetcher: fetcher stopped")
    assert not [pid for pid in workers if running(pid)]
    assert leases_held(data_dir, None) == []


def slow_feeds(
    feed_server: FeedServer, tmp_path: Path, count: int
) -> tuple[threading.Event, Path, list[str]]:
    """*count* feeds that take half a second each, subscribed in a new SQLite profile:
    (set once one is asked for, the profile's folder, the feeds' paths)."""
    asked = threading.Event()

    def slow(_request: Request) -> Response:
        asked.set()
        time.sleep(0.5)
        return Response(body=rss(numbered(1, "slow")))

    paths = [f"/slow{n}" for n in range(count)]
    for path in paths:
        feed_server.route(path, slow)
    data_dir = tmp_path / "data"
    subscribe(data_dir, None, [feed_server.url(p) for p in paths])
    return asked, data_dir, paths


@pytest.mark.parametrize("backend", ["sqlite"])
def test_sigterm_in_the_middle_of_a_batch_cancels_it_and_gives_the_leases_back(
    tmp_path: Path, feed_server: FeedServer, backend: str
) -> None:
    asked, data_dir, paths = slow_feeds(feed_server, tmp_path, 20)
    fetcher = fetcher_process(data_dir, None, "--batch", "4")
    try:
        assert asked.wait(PROCESS_BOUND)
        fetcher.send_signal(signal.SIGTERM)
        _, err = fetcher.communicate(timeout=PROCESS_BOUND)
    finally:
        if fetcher.poll() is None:
            fetcher.kill()
            fetcher.communicate()

    assert fetcher.returncode == 0, err
    assert_log_lines(err)
    assert "stopped early" in err and "fetcher stopped" in err
    assert len(feed_server.requests) <= 4  # the first batch, no other
    assert leases_held(data_dir, None) == []
    with Reader.open(data_dir, None) as reader:  # what was not stored is due again
        statuses = [f.status for f in reader.list_feeds()]
    assert statuses.count(FeedStatus.NEW) >= len(paths) - 4


@pytest.mark.parametrize("backend", ["sqlite"])
def test_the_fetcher_never_loads_qt(tmp_path: Path, feed_server: FeedServer, backend: str) -> None:
    feed_server.route("/f", Response(body=rss(numbered(2, "f"))))
    data_dir = tmp_path / "data"
    subscribe(data_dir, None, [feed_server.url("/f")])
    probe = (
        "import sys; from newsreader.__main__ import main; "
        f"code = main(['--data-dir', {str(data_dir)!r}, 'fetcher', '--once']); "
        "print(code, sorted(m for m in sys.modules if m.split('.')[0] == 'PySide6'))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        timeout=PROCESS_BOUND,
        env={**os.environ, "NO_PROXY": "127.0.0.1"},
    )
    assert done.stdout.strip() == "0 []", done.stderr
    assert len(feed_server.requests_for("/f")) == 1


@pytest.mark.parametrize("backend", ["sqlite"])
def test_the_feeds_of_a_killed_fetcher_are_fetched_by_the_next_one(
    tmp_path: Path, feed_server: FeedServer, backend: str
) -> None:
    asked, data_dir, _paths = slow_feeds(feed_server, tmp_path, 6)
    killed = fetcher_process(data_dir, None, "--batch", "6")
    try:
        assert asked.wait(PROCESS_BOUND)
    finally:
        killed.kill()  # SIGKILL: no clean-up of any kind
        killed.communicate()
    assert leases_held(data_dir, None)  # it held them when it died

    after = fetcher_process(data_dir, None, "--once")
    _, err = after.communicate(timeout=PROCESS_BOUND)

    assert after.returncode == 0, err
    assert "a process that is gone" in err
    assert re.search(r"pass: 6 feeds fetched, 6 new articles", err)
    assert leases_held(data_dir, None) == []
