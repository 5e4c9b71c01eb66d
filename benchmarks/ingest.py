"""Cold and unchanged-refresh ingest: Newsreader against other feed readers.

A deterministic corpus (see :mod:`corpus`) is served on 127.0.0.1 by a threaded
HTTP/1.1 server that honours conditional GET (see :mod:`serve`).  Each tool then
runs in a child process of its own, on a fresh data directory:

1. subscribe to every feed (not timed);
2. a **cold** refresh that fetches, parses and stores everything (timed);
3. a refresh with **nothing changed**, where every feed should answer 304 (timed).

Tools: ``newsreader`` (``Reader.refresh(all_feeds=True, follow_ups=())``: feeds only,
as the peers do), ``newsreader-images`` (the default refresh, which then downloads
every new article's pictures), ``reader`` (lemon24/reader) and ``newsboat``.

Peak memory is read from the kernel for the tool's main process (``VmHWM``), from
``getrusage`` for its worker processes, and by sampling the whole process tree.
Everything is repeated ``--runs`` times, tools in rotating order, every run is
printed, and medians are reported; ratios are taken within a run.  A target is met
only when every run meets it: the verdicts are on the worst run (for the all-304
case, the slowest single refresh).

Newsreader has a second case of its own: the refresh of 220 unchanged feeds (all
answered 304), whose target is under 0.3 s, next to what a bare HTTP client needs
for the same 220 conditional requests against the same server.

Peers: lemon24/reader (installed with pip into a separate virtual environment,
``--peers-venv``) and Newsboat (the Debian package).  ``--install-peers`` installs
whichever is missing (and py-spy, for ``--profile``); a peer that is not there is
skipped with a message.

Usage (from the repository root, with the project's interpreter)::

    python benchmarks/ingest.py                       # 200 feeds × 50 items, 3 runs
    python benchmarks/ingest.py --feeds 40 --runs 1   # a quick look
    python benchmarks/ingest.py --install-peers --output results.json
    python benchmarks/ingest.py --tools newsreader --profile /tmp/refresh.stacks

Progress goes to stderr; the result is one JSON object on stdout (and in
``--output``, e.g. ``benchmarks/results/ingest-DATE.json`` for figures the README
quotes).
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import gc
import json
import os
import platform
import re
import resource
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

try:
    from benchmarks.corpus import generate_corpus
    from benchmarks.serve import STATS_PATH, FeedServer
    from benchmarks.verdicts import emit, judge
except ImportError:  # run as a script: the benchmarks directory is on sys.path
    from corpus import generate_corpus  # type: ignore[no-redef,unused-ignore]
    from serve import STATS_PATH, FeedServer  # type: ignore[no-redef,unused-ignore]
    from verdicts import emit, judge  # type: ignore[no-redef,unused-ignore]

SCRIPT = Path(__file__).resolve()
#: How a tool's child interpreter runs this script: from ``-c``, so that its main module
#: has no file.  A process pool that starts workers by spawn or fork server runs the
#: parent's main *file* again in every worker; a user's ``newsreader`` command is a
#: three-line script, and this whole harness in its place would cost each worker
#: about 0.1 s of CPU and a few MB that a user's refresh does not pay.
CHILD_LAUNCHER = (
    f"import sys; sys.path.insert(0, {str(SCRIPT.parent)!r}); "
    "import ingest; sys.exit(ingest.main())"
)
TOOLS = (
    "newsreader",
    "newsreader-images",
    "newsreader-search",
    "newsreader-plain",
    "newsreader-cli",
    "reader",
    "newsboat",
)
#: Newsreader tools (one interpreter serves them all).
NEWSREADER_TOOLS = (
    "newsreader", "newsreader-images", "newsreader-search", "newsreader-plain", "newsreader-cli",
)
DEFAULT_PEERS_VENV = Path(tempfile.gettempdir()) / "bench-peers-venv"
#: The unchanged-refresh target is stated for this many feeds.
FEEDS_304 = 220
#: A child that takes longer than this is killed (with its whole process group).
CHILD_TIMEOUT = 3600.0
RESULT_PREFIX = "RESULT "
TARGETS = {
    "cold_entries_per_s_min": 3000,
    "unchanged_220_seconds_max": 0.3,
    "peak_rss_mb_max": 150,
    "cold_ratio_vs_reader_min": 3.0,
    "cold_ratio_vs_newsboat_min": 1.0,
    # search index and story grouping slow a cold refresh by less than 30 %
    "cold_ratio_vs_plain_min": 0.7,
    # the picture stage of the default refresh (newsreader-images), once the news is stored
    "pictures_per_s_min": 2000,
}
#: The figures reported for every tool (medians over the runs).
HEADLINE = ("cold_entries_per_s", "cold_seconds", "entries", "unchanged_seconds", "peak_rss_mb")


def log(message: str) -> None:
    """Progress on stderr, so stdout carries only the JSON result."""
    print(message, file=sys.stderr, flush=True)


# --- measurements inside a child process ---------------------------------------------


def _status_kb(field: str, pid: int | str = "self") -> int:
    """A ``kB`` field of ``/proc/PID/status`` (0 when the process is gone)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError):
        pass
    return 0


def _pss_kb(pid: int) -> int:
    """Proportional set size: resident memory with each shared page split among its users."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _cpu_seconds(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def _proc_children(pid: int) -> list[int]:
    """Live processes whose parent is *pid*."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii") as stat:
                    fields = stat.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry))
    return found


def _descendants_cpu_seconds() -> float:
    """CPU time of every process this one started, however they were started.

    ``RUSAGE_CHILDREN`` counts only children that have ended and been waited for;
    the parse workers are still running when this is read, so their own times (and
    their reaped children's) are added from ``/proc``.
    """
    tick = os.sysconf("SC_CLK_TCK")
    total = _cpu_seconds(resource.RUSAGE_CHILDREN)
    for child in _proc_children(os.getpid()):
        try:
            with open(f"/proc/{child}/stat", encoding="ascii") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += sum(int(f) for f in fields[11:15]) / tick  # utime stime cutime cstime
    return total


def _descendants_peak_rss_mb() -> float:
    """The largest peak resident set among the live descendants of this process."""
    peak = 0
    pending = _proc_children(os.getpid())
    while pending:
        pid = pending.pop()
        peak = max(peak, _status_kb("VmHWM", pid))
        pending.extend(_proc_children(pid))
    return peak / 1024


def _server_counts(base_url: str) -> collections.Counter[str]:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(base_url + STATS_PATH, timeout=30) as response:
        return collections.Counter(json.loads(response.read()))


def _requests_between(base_url: str, before: collections.Counter[str]) -> dict[str, int]:
    after = _server_counts(base_url)
    after.subtract(before)
    return {status: n for status, n in sorted(after.items()) if n}


@dataclass
class ChildArgs:
    """What a child process is told to do."""

    tool: str
    urls: list[str]
    workdir: Path
    base_url: str
    repeats: int
    reader_workers: int
    profile_out: Path | None


def _timed(call: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    value = call()
    return time.perf_counter() - start, value


#: Run by the parse workers of ``newsreader-plain`` (as their ``sitecustomize``): the
#: entries they parse carry no prepared search document.
_PLAIN_WORKER_SITE = """
import newsreader.fetch.parse as parse
parse.entry_document = lambda *args: None
"""


def _without_stories() -> None:
    """No story grouping after the refresh (``newsreader-search`` and ``newsreader-plain``).

    ``newsreader-search`` keeps the search index and its documents, so in one run
    ``newsreader-search/newsreader-plain`` is what the index costs and
    ``newsreader/newsreader-search`` what the grouping adds on top.
    """
    from newsreader.update import pipeline

    def group_nothing(*_args: Any, **_kwargs: Any) -> int:
        return 0

    pipeline.group_new_articles = group_nothing  # type: ignore[assignment]


def _without_search_and_stories(workdir: Path) -> None:
    """The refresh as it was before search and stories: no indexing, no grouping.

    ``newsreader-plain`` measures, in the same run, what the search index and the
    story grouping add to a cold refresh: the main process indexes and groups
    nothing, and its parse workers (through a ``sitecustomize`` on their
    ``PYTHONPATH``) prepare no search documents.
    """
    from newsreader.storage import search

    def index_nothing(*_args: Any, **_kwargs: Any) -> None:
        return None

    search.index_entries = index_nothing  # type: ignore[assignment]
    _without_stories()
    site = workdir / "plain-worker-site"
    site.mkdir(exist_ok=True)
    (site / "sitecustomize.py").write_text(_PLAIN_WORKER_SITE)
    os.environ["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(site), os.environ.get("PYTHONPATH")) if p
    )


def child_newsreader(args: ChildArgs) -> dict[str, Any]:
    """Newsreader in this process: subscribe, cold refresh, unchanged refresh(es).

    As the peers do, only feeds are fetched: the download of article images that
    follows a refresh is switched off, unless the tool is ``newsreader-images``.
    """
    import_seconds, _ = _timed(lambda: __import__("newsreader.reader"))
    import inspect

    import newsreader
    from newsreader.reader import Reader

    options: dict[str, Any] = {"all_feeds": True}
    parameters = inspect.signature(Reader.refresh).parameters
    if "images" in parameters:
        options["images"] = args.tool == "newsreader-images"
    if "follow_ups" in parameters:  # feed icons and comments are not the peers' work
        from newsreader.core.types import FollowUp

        options["follow_ups"] = (FollowUp.IMAGES,) if args.tool == "newsreader-images" else ()
    stage: dict[str, float] = {}  # the cold refresh's picture stage (newsreader-images)
    if args.tool == "newsreader-images" and "on_follow_up" in parameters:
        from newsreader.core.types import FollowUp

        def news_stored(_summary: Any) -> None:
            stage.setdefault("news_at", time.perf_counter())

        def step_ended(step: Any, done: int) -> None:
            if step is FollowUp.IMAGES and "pictures" not in stage:
                stage["pictures_at"] = time.perf_counter()
                stage["pictures"] = done

        options["on_feeds_stored"] = news_stored
        options["on_follow_up"] = step_ended
    if args.tool == "newsreader-plain":
        _without_search_and_stories(args.workdir)
    elif args.tool == "newsreader-search":
        _without_stories()
    reader = Reader.open(args.workdir / "data")
    for url in args.urls:
        reader.subscribe(url)
    # as the window (app._settle_memory) and `newsreader fetcher` do once they are up:
    # what lives as long as the process is moved out of the collector's way
    gc.collect()
    gc.freeze()
    rss_before = _status_kb("VmRSS") / 1024
    before = _server_counts(args.base_url)
    cpu_before = _cpu_seconds(resource.RUSAGE_SELF)
    cold_started = time.perf_counter()
    cold_seconds, summary = _timed(lambda: reader.refresh(**options))
    cold_cpu = _cpu_seconds(resource.RUSAGE_SELF) - cpu_before
    pictures: dict[str, Any] = {}
    if "pictures_at" in stage and "news_at" in stage:
        stage_seconds = stage["pictures_at"] - stage["news_at"]
        pictures = {
            "news_stored_seconds": stage["news_at"] - cold_started,
            "pictures": int(stage["pictures"]),
            "pictures_seconds": stage_seconds,
            "pictures_per_s": stage["pictures"] / stage_seconds if stage_seconds > 0 else None,
        }
    cold_requests = _requests_between(args.base_url, before)
    entries = reader.count_articles()[0]
    cold_statuses = collections.Counter(str(r.status) for r in summary.feeds)
    errors = sorted({r.error for r in summary.feeds if r.error})[:3]
    hwm_after_cold = _status_kb("VmHWM") / 1024

    unchanged: list[float] = []
    unchanged_statuses: collections.Counter[str] = collections.Counter()
    new_again = 0
    before = _server_counts(args.base_url)
    for _ in range(args.repeats):
        seconds, again = _timed(lambda: reader.refresh(**options))
        unchanged.append(seconds)
        unchanged_statuses.update(str(r.status) for r in again.feeds)
        new_again += again.new
    unchanged_requests = _requests_between(args.base_url, before)
    main_hwm = _status_kb("VmHWM") / 1024
    workers_hwm = _descendants_peak_rss_mb()  # before close() ends the workers
    reader.close()  # joins the parse pool, so its workers are counted below
    return {
        "version": newsreader.__version__,
        "images": options.get("images"),
        "import_seconds": import_seconds,
        "cold_seconds": cold_seconds,
        "entries": entries,
        "cold_new": summary.new,
        "cold_failed": summary.failed,
        "cold_statuses": dict(cold_statuses),
        "errors": errors,
        "cold_requests": cold_requests,
        "cold_cpu_main_seconds": cold_cpu,
        "cpu_workers_seconds": _descendants_cpu_seconds(),
        "unchanged_seconds": statistics.median(unchanged) if unchanged else None,
        "unchanged_all_seconds": unchanged,
        "unchanged_statuses": dict(unchanged_statuses),
        "unchanged_new": new_again,
        "unchanged_requests": unchanged_requests,
        "peak_rss_mb": main_hwm,
        "rss_before_cold_mb": rss_before,
        "peak_rss_after_cold_mb": hwm_after_cold,
        "workers_peak_rss_mb": workers_hwm,
        **pictures,
    }


def child_reader(args: ChildArgs) -> dict[str, Any]:
    """lemon24/reader in this process, with the same steps as Newsreader."""
    import_seconds, _ = _timed(lambda: __import__("reader"))
    import reader as reader_pkg
    from reader import make_reader

    reader = make_reader(str(args.workdir / "reader.sqlite"))
    for url in args.urls:
        reader.add_feed(url)

    def update() -> list[Any]:
        # scheduled=False: every feed, as a "refresh all" does, not only the due ones
        return list(reader.update_feeds_iter(scheduled=False, workers=args.reader_workers))

    before = _server_counts(args.base_url)
    cpu_before = _cpu_seconds(resource.RUSAGE_SELF)
    cold_seconds, results = _timed(update)
    cold_cpu = _cpu_seconds(resource.RUSAGE_SELF) - cpu_before
    cold_requests = _requests_between(args.base_url, before)
    entries = reader.get_entry_counts().total
    errors = sorted({repr(r.error) for r in results if r.error is not None})[:3]

    unchanged: list[float] = []
    not_modified = 0
    before = _server_counts(args.base_url)
    for _ in range(args.repeats):
        seconds, again = _timed(update)
        unchanged.append(seconds)
        not_modified += sum(1 for r in again if r.value is None)
    unchanged_requests = _requests_between(args.base_url, before)
    reader.close()
    return {
        "version": reader_pkg.__version__,
        "workers": args.reader_workers,
        "import_seconds": import_seconds,
        "cold_seconds": cold_seconds,
        "entries": entries,
        "cold_new": sum(r.updated_feed.new for r in results if r.updated_feed is not None),
        "cold_failed": sum(1 for r in results if r.error is not None),
        "errors": errors,
        "cold_requests": cold_requests,
        "cold_cpu_main_seconds": cold_cpu,
        "unchanged_seconds": statistics.median(unchanged),
        "unchanged_all_seconds": unchanged,
        "unchanged_statuses": {"not_modified": not_modified},
        "unchanged_requests": unchanged_requests,
        "peak_rss_mb": _status_kb("VmHWM") / 1024,
    }


def _thread_profiles() -> tuple[list[Any], Callable[[], None]]:
    """Profile every thread started from now on with per-thread CPU time."""
    import cProfile

    profiles: list[cProfile.Profile] = []
    lock = threading.Lock()
    original = threading.Thread.run

    def run(self: threading.Thread) -> None:
        profile = cProfile.Profile(time.thread_time)
        profile.enable()
        try:
            original(self)
        finally:
            profile.disable()
            with lock:
                profiles.append(profile)

    threading.Thread.run = run  # type: ignore[method-assign]

    def restore() -> None:
        threading.Thread.run = original  # type: ignore[method-assign]

    return profiles, restore


def _area(filename: str, function: str) -> str:
    """A coarse owner for a profiled function: a package, a Newsreader module, or C."""
    if filename == "~":
        return "C: " + function.strip("<>{}").removeprefix("built-in method ")
    parts = Path(filename).parts
    if "newsreader" in parts:
        at = len(parts) - 1 - parts[::-1].index("newsreader")
        return ".".join(parts[at:]).removesuffix(".py")
    if "site-packages" in parts:
        at = parts.index("site-packages")
        return parts[at + 1].removesuffix(".py") if at + 1 < len(parts) else filename
    return "stdlib: " + Path(filename).stem


def child_newsreader_profile(args: ChildArgs) -> dict[str, Any]:
    """A cold refresh under cProfile, parsing in the fetch threads so all of it is seen.

    Used when py-spy is not at hand.  Every thread is profiled with its own CPU
    clock and the profiles are merged, so the figures are CPU seconds by function
    across the whole refresh, inflated by cProfile's per-call overhead (functions
    called very often look costlier than they are), not wall time.
    """
    import inspect
    import pstats

    from newsreader.reader import Reader
    from newsreader.update import pipeline

    # A Refresher without a parse pool parses in its fetch threads.
    refresher_init = pipeline.Refresher.__init__

    def without_pool(self: Any, *args: Any, **options: Any) -> None:
        options["parse_pool"] = None
        refresher_init(self, *args, **options)

    pipeline.Refresher.__init__ = without_pool  # type: ignore[method-assign]
    threaded = True
    reader = Reader.open(args.workdir / "data")
    for url in args.urls:
        reader.subscribe(url)
    profiles, restore = _thread_profiles()
    import cProfile

    options: dict[str, Any] = {"all_feeds": True}
    if "images" in inspect.signature(Reader.refresh).parameters:
        options["images"] = False
    if "follow_ups" in inspect.signature(Reader.refresh).parameters:
        options["follow_ups"] = ()
    main = cProfile.Profile(time.thread_time)
    main.enable()
    wall, summary = _timed(lambda: reader.refresh(**options))
    main.disable()
    restore()
    reader.close()
    stats = pstats.Stats(main)
    for profile in profiles:
        stats.add(profile)
    if args.profile_out is not None:
        stats.dump_stats(str(args.profile_out))
    raw: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]
    total = sum(tottime for (_, _, tottime, _, _) in raw.values())
    areas: collections.Counter[str] = collections.Counter()
    rows = []
    for (filename, line, function), (_, calls, tottime, cumtime, _) in raw.items():
        areas[_area(filename, function)] += tottime
        where = function if filename == "~" else f"{_area(filename, function)}:{line}:{function}"
        rows.append((tottime, cumtime, calls, where))
    rows.sort(reverse=True)
    cumulative = sorted(rows, key=lambda row: row[1], reverse=True)
    return {
        "method": "cProfile, per-thread CPU time, parsing moved into the fetch threads",
        "parse_in_threads": threaded,
        "wall_seconds_profiled": wall,
        "entries": summary.new,
        "cpu_seconds_profiled": total,
        "areas": [
            {"area": area, "cpu_seconds": round(sec, 3), "share": round(sec / total, 3)}
            for area, sec in areas.most_common(20)
        ],
        "top_self": [
            {"function": w, "self_s": round(t, 3), "cum_s": round(c, 3), "calls": n}
            for t, c, n, w in rows[:25]
        ],
        "top_cumulative": [
            {"function": w, "self_s": round(t, 3), "cum_s": round(c, 3), "calls": n}
            for t, c, n, w in cumulative[:25]
        ],
    }


def child_floor(args: ChildArgs) -> dict[str, Any]:
    """The least an all-304 refresh can cost against this server, for comparison.

    A bare client (the standard library's ``http.client``, 16 threads, one kept-alive
    connection each) fetches every feed once to learn its ETag, then asks for all
    of them again conditionally; only the second pass is timed.  Nothing is parsed
    or stored.
    """
    import http.client
    import queue
    from urllib.parse import urlsplit

    local = threading.local()

    def get(url: str, etag: str | None) -> tuple[int, str | None]:
        parts = urlsplit(url)
        connection = getattr(local, "connection", None)
        if connection is None:
            connection = local.connection = http.client.HTTPConnection(
                parts.hostname or "127.0.0.1", parts.port, timeout=30
            )
        headers = {"If-None-Match": etag} if etag else {}
        connection.request("GET", parts.path, headers=headers)
        response = connection.getresponse()
        response.read()
        return response.status, response.getheader("ETag")

    def run_all(etags: dict[str, str | None]) -> dict[str, int]:
        work: queue.Queue[str] = queue.Queue()
        for url in args.urls:
            work.put(url)
        statuses: collections.Counter[str] = collections.Counter()
        lock = threading.Lock()

        def worker() -> None:
            while True:
                try:
                    url = work.get_nowait()
                except queue.Empty:
                    return
                status, etag = get(url, etags.get(url))
                with lock:
                    statuses[str(status)] += 1
                    etags.setdefault(url, etag)

        threads = [threading.Thread(target=worker) for _ in range(16)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return dict(statuses)

    etags: dict[str, str | None] = {}
    run_all(etags)
    seconds, statuses = _timed(lambda: run_all(etags))
    return {"seconds": seconds, "statuses": statuses}


def child_feedparser(args: ChildArgs) -> dict[str, Any]:
    """feedparser alone on the corpus, in one process: what this machine can parse.

    The bodies are downloaded first (not timed) and parsed from memory, once with
    feedparser's own sanitizer and URI resolution off (how Newsreader calls it) and
    once with its defaults.  Newsreader is not imported, so this is feedparser as it
    comes, without the tuning in ``newsreader.fetch.feedparser_setup``.  The figures
    put the others on a common scale across machines: the issue's reference
    machine did 2,224 and 1,204 entries/s.
    """
    import io
    import urllib.request

    import feedparser

    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    bodies = []
    for url in args.urls:
        with opener.open(url, timeout=30) as response:
            bodies.append(response.read())

    def parse_all(**options: Any) -> int:
        return sum(len(feedparser.parse(io.BytesIO(b), **options).entries) for b in bodies)

    plain_seconds, entries = _timed(
        lambda: parse_all(sanitize_html=False, resolve_relative_uris=False)
    )
    default_seconds, default_entries = _timed(parse_all)
    return {
        "version": feedparser.__version__,
        "entries": entries,
        "plain_seconds": plain_seconds,
        "plain_entries_per_s": entries / plain_seconds,
        "default_seconds": default_seconds,
        "default_entries_per_s": default_entries / default_seconds,
    }


CHILDREN: dict[str, Callable[[ChildArgs], dict[str, Any]]] = {
    "newsreader": child_newsreader,
    "newsreader-images": child_newsreader,
    "newsreader-search": child_newsreader,
    "newsreader-plain": child_newsreader,
    "reader": child_reader,
    "newsreader-profile": child_newsreader_profile,
    "floor": child_floor,
    "feedparser": child_feedparser,
}


# --- running children from the benchmark process -------------------------------------


def _descendants(pid: int) -> list[int]:
    """``pid`` and every process below it (through ``/proc/*/task/*/children``)."""
    found = [pid]
    at = 0
    while at < len(found):
        current = found[at]
        at += 1
        with contextlib.suppress(OSError):
            for task in os.listdir(f"/proc/{current}/task"):
                children = f"/proc/{current}/task/{task}/children"
                with contextlib.suppress(OSError), open(children, encoding="ascii") as f:
                    found.extend(int(child) for child in f.read().split())
    return found


class TreeSampler:
    """Samples the summed RSS and PSS of a process tree until stopped; keeps the peaks.

    Summed RSS counts a page shared by several processes (libraries, and what forked
    workers still share with their parent) once per process; summed PSS counts it
    once in all, which is what the tree costs the machine.
    """

    def __init__(self, pid: int, interval: float = 0.05) -> None:
        self.pid = pid
        self.interval = interval
        self.peak_kb = 0
        self.peak_pss_kb = 0
        self.peak_processes = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="rss-sampler", daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            pids = _descendants(self.pid)
            total = sum(_status_kb("VmRSS", pid) for pid in pids)
            self.peak_kb = max(self.peak_kb, total)
            self.peak_pss_kb = max(self.peak_pss_kb, sum(_pss_kb(pid) for pid in pids))
            self.peak_processes = max(self.peak_processes, len(pids))
            self._stop.wait(self.interval)

    def __enter__(self) -> TreeSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


@dataclass
class Finished:
    """A child process that ended: its exit code, output, wall time and usage."""

    code: int
    stdout: str
    stderr: str
    wall_seconds: float
    maxrss_mb: float
    cpu_seconds: float
    system_seconds: float
    tree_peak_rss_mb: float
    tree_peak_pss_mb: float
    tree_peak_processes: int


def child_env(home: Path | None = None) -> dict[str, str]:
    """The environment of every tool: no proxies, so 127.0.0.1 is reached directly."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k.lower() not in ("http_proxy", "https_proxy", "all_proxy", "no_proxy")
    }
    env["NO_PROXY"] = env["no_proxy"] = "127.0.0.1,localhost"
    env.setdefault("LANG", "C.UTF-8")
    env["PYTHONUNBUFFERED"] = "1"
    if home is not None:
        env["HOME"] = str(home)
        env["XDG_CONFIG_HOME"] = str(home / ".config")
        env["XDG_DATA_HOME"] = str(home / ".local" / "share")
        env["XDG_CACHE_HOME"] = str(home / ".cache")
    return env


def run_child(
    command: Sequence[str], env: dict[str, str], cwd: Path, timeout: float = CHILD_TIMEOUT
) -> Finished:
    """Run ``command`` in its own session; rusage from ``wait4``; no process survives it."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(
            command, stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=env, cwd=cwd,
            start_new_session=True,
        )

        def kill_group() -> None:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(process.pid, signal.SIGKILL)

        killer = threading.Timer(timeout, kill_group)
        killer.start()
        try:
            with TreeSampler(process.pid) as sampler:
                _, status, usage = os.wait4(process.pid, 0)
            wall = time.perf_counter() - start
        finally:
            killer.cancel()
            kill_group()  # workers a crashed child left behind
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Finished(
            code=process.returncode,
            stdout=out.read().decode(errors="replace"),
            stderr=err.read().decode(errors="replace"),
            wall_seconds=wall,
            maxrss_mb=usage.ru_maxrss / 1024,
            cpu_seconds=usage.ru_utime + usage.ru_stime,
            system_seconds=usage.ru_stime,
            tree_peak_rss_mb=sampler.peak_kb / 1024,
            tree_peak_pss_mb=sampler.peak_pss_kb / 1024,
            tree_peak_processes=sampler.peak_processes,
        )


class ToolFailed(RuntimeError):
    """A tool's run did not produce a result."""


def _tail(text: str, lines: int = 15) -> str:
    return "\n".join(text.strip().splitlines()[-lines:])


def run_python_tool(
    python: str, tool: str, urls_file: Path, workdir: Path, base_url: str, args: argparse.Namespace,
    repeats: int, profile_out: Path | None = None, wrapper: Sequence[str] = (),
) -> dict[str, Any]:
    """One measured run of a Python tool in a child interpreter (under ``wrapper``)."""
    command = [
        *wrapper,
        python, "-c", CHILD_LAUNCHER, "--child", tool, "--urls-file", str(urls_file),
        "--workdir", str(workdir), "--base-url", base_url, "--repeats", str(repeats),
        "--reader-workers", str(args.reader_workers),
    ]
    if profile_out is not None:
        command += ["--profile-out", str(profile_out)]
    finished = run_child(command, child_env(workdir / "home"), cwd=workdir)
    lines = [ln for ln in finished.stdout.splitlines() if ln.startswith(RESULT_PREFIX)]
    if finished.code != 0 or not lines:
        raise ToolFailed(f"{tool} exited with {finished.code}:\n{_tail(finished.stderr)}")
    result: dict[str, Any] = json.loads(lines[-1].removeprefix(RESULT_PREFIX))
    result["process_wall_seconds"] = finished.wall_seconds
    result["tree_peak_rss_mb"] = finished.tree_peak_rss_mb
    result["tree_peak_pss_mb"] = finished.tree_peak_pss_mb
    result["tree_peak_processes"] = finished.tree_peak_processes
    if result.get("cold_seconds"):
        result["cold_entries_per_s"] = result["entries"] / result["cold_seconds"]
    return result


# --- profiling with py-spy -----------------------------------------------------------

#: Samples per second taken by py-spy.
PY_SPY_RATE = 100
#: How py-spy names the process of a stack, before its frames.
_PY_SPY_PROCESS = re.compile(r'process \d+:"[^"]*";?')
_PY_SPY_LINE = re.compile(r":\d+\)$")
#: A stack is put in the first stage one of whose frames it contains.
STAGES = (
    ("worker start-up (imports)", ("serve (",), ("_find_and_load (",)),
    ("parse", ("parse_feed (",), ()),
    ("store", ("storage/",), ()),
    ("fetch", ("fetch/http.py", "urllib3/"), ()),
    ("images", ("fetch/images.py",), ()),
)


def _frame_area(frame: str) -> str:
    """``func (path/to/file.py:12)`` → its package or Newsreader module."""
    if " (" not in frame:
        return frame
    location = frame.rsplit(" (", 1)[1].rstrip(")")
    if location.startswith("<frozen importlib"):
        return "imports"
    parts = Path(location).parts
    if "newsreader" in parts:
        at = len(parts) - 1 - parts[::-1].index("newsreader")
        return ".".join(parts[at:]).removesuffix(".py")
    if len(parts) > 1:
        return parts[0]
    return "stdlib: " + Path(location).stem if location.endswith(".py") else location


def _stage(frames: Sequence[str]) -> str:
    for name, needles, also in STAGES:
        if any(n in f for f in frames for n in needles) and all(
            any(a in f for f in frames) for a in also
        ):
            return name
    return "other"


def summarize_py_spy(raw: str, rate: int = PY_SPY_RATE) -> dict[str, Any]:
    """What a ``py-spy record --format raw --subprocesses`` file says about a cold refresh.

    Only samples of the refresh are kept: in the main process, stacks inside
    ``Reader.refresh`` and those of worker threads (the process's own start-up and
    the subscriptions are left out); in the parse workers, everything, since they are
    started by the refresh.  Idle threads are not sampled, so seconds are time on CPU
    (or in a system call), summed over threads and processes.
    """
    self_by_frame: collections.Counter[str] = collections.Counter()
    cumulative: collections.Counter[str] = collections.Counter()
    areas: collections.Counter[str] = collections.Counter()
    stages: collections.Counter[str] = collections.Counter()
    roles: collections.Counter[str] = collections.Counter()
    for line in raw.splitlines():
        stack, _, count_text = line.rpartition(" ")
        if not stack or not count_text.isdigit():
            continue
        count = int(count_text)
        processes = []
        while match := _PY_SPY_PROCESS.match(stack):  # commands may hold ";"
            processes.append(match.group(0))
            stack = stack[match.end():]
        # one entry per function, not per line being run
        frames = [_PY_SPY_LINE.sub(")", f) for f in stack.split(";")] if stack else []
        if not frames:
            continue
        # parse workers are started as "python -c ... parse_worker import serve; serve()"
        command = processes[-1] if processes else ""
        worker = "parse_worker" in command
        if "resource_tracker" in (processes[-1] if processes else ""):
            continue
        if not worker:
            in_refresh = any(f.startswith(("refresh (", "Reader.refresh (")) for f in frames)
            in_thread = frames[0].startswith("_bootstrap (")
            if not (in_refresh or in_thread):
                continue
        roles["parse workers" if worker else "main process"] += count
        leaf = frames[-1]
        self_by_frame[leaf] += count
        areas[_frame_area(leaf)] += count
        stages[_stage(frames)] += count
        for frame in set(frames):
            cumulative[frame] += count
    total = sum(roles.values()) or 1

    def table(counter: collections.Counter[str], key: str, n: int) -> list[dict[str, Any]]:
        return [
            {key: name, "seconds": round(c / rate, 2), "share": round(c / total, 3)}
            for name, c in counter.most_common(n)
        ]

    return {
        "method": f"py-spy record --nonblocking --subprocesses at {rate} Hz (idle not sampled)",
        "sampled_seconds": round(total / rate, 2),
        "by_process": table(roles, "process", 2),
        "by_stage": table(stages, "stage", len(STAGES) + 1),
        "by_area": table(areas, "area", 15),
        "top_self": table(self_by_frame, "function", 20),
        "top_cumulative": table(cumulative, "function", 25),
    }


def find_py_spy(venv: Path) -> str | None:
    """py-spy on the PATH or in the peers' environment."""
    found = shutil.which("py-spy")
    candidate = venv / "bin" / "py-spy"
    return found or (str(candidate) if candidate.exists() else None)


def profile_newsreader(
    python: str, urls_file: Path, workdir: Path, base_url: str, args: argparse.Namespace,
    out: Path,
) -> dict[str, Any]:
    """One cold refresh of Newsreader, profiled (py-spy if found, cProfile otherwise)."""
    py_spy = find_py_spy(args.peers_venv)
    if py_spy is None:
        log("  py-spy not found (pip install py-spy, or --install-peers): using cProfile")
        return run_python_tool(
            python, "newsreader-profile", urls_file, workdir, base_url, args, repeats=0,
            profile_out=out,
        )
    wrapper = [
        py_spy, "record", "--nonblocking", "--format", "raw", "--subprocesses",
        "--rate", str(PY_SPY_RATE),
        "--output", str(out), "--",
    ]
    result = run_python_tool(
        python, "newsreader", urls_file, workdir, base_url, args, repeats=0, wrapper=wrapper
    )
    summary = summarize_py_spy(out.read_text(encoding="utf-8"))
    summary["cold_seconds_while_profiled"] = result["cold_seconds"]
    summary["entries"] = result["entries"]
    return summary


NEWSBOAT_CONFIG = """\
reload-threads {threads}
max-items 0
download-retries 1
download-timeout 60
show-read-feeds yes
"""


def _sqlite_count(path: Path, table: str) -> int:
    with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
        return int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def run_counted(
    command: Sequence[str], env: dict[str, str], workdir: Path, server: FeedServer, name: str
) -> tuple[Finished, dict[str, int]]:
    """One run of a whole-process tool, and the server's answers to it by kind and status."""
    before = collections.Counter(server.counts())
    finished = run_child(command, env, cwd=workdir)
    if finished.code != 0:
        raise ToolFailed(f"{name} exited with {finished.code}:\n{_tail(finished.stderr)}")
    after = collections.Counter(server.counts())
    after.subtract(before)
    return finished, {k: n for k, n in sorted(after.items()) if n}


def run_newsboat(
    newsboat: str, urls: Sequence[str], workdir: Path, server: FeedServer, threads: int
) -> dict[str, Any]:
    """Newsboat's ``-x reload`` on an empty cache, then again until nothing is fetched."""
    home = workdir / "home"
    home.mkdir(parents=True, exist_ok=True)
    urls_file = workdir / "urls"
    urls_file.write_text("".join(url + "\n" for url in urls), encoding="utf-8")
    config = workdir / "config"
    config.write_text(NEWSBOAT_CONFIG.format(threads=threads), encoding="utf-8")
    cache = workdir / "cache.db"
    command = [
        newsboat, "-x", "reload", "-u", str(urls_file), "-c", str(cache), "-C", str(config),
    ]
    env = child_env(home)

    def reload() -> tuple[Finished, dict[str, int]]:
        return run_counted(command, env, workdir, server, "newsboat")

    cold, cold_requests = reload()
    entries = _sqlite_count(cache, "rss_item")
    # Newsboat 2.21 stores a feed's validators before the feed's row exists on the
    # first reload, so they are lost and the second reload downloads everything
    # again; only the third one is conditional.  Both are reported, the third as
    # "unchanged" since that is what an unchanged refresh costs it from then on.
    second, second_requests = reload()
    unchanged, unchanged_requests = reload()
    every = (cold, second, unchanged)
    return {
        "threads": threads,
        "cold_seconds": cold.wall_seconds,
        "entries": entries,
        "cold_entries_per_s": entries / cold.wall_seconds,
        "cold_requests": cold_requests,
        "cold_cpu_main_seconds": cold.cpu_seconds,
        "cold_cpu_system_seconds": cold.system_seconds,
        "second_reload_seconds": second.wall_seconds,
        "second_reload_requests": second_requests,
        "unchanged_seconds": unchanged.wall_seconds,
        "unchanged_requests": unchanged_requests,
        "entries_after_unchanged": _sqlite_count(cache, "rss_item"),
        "peak_rss_mb": max(f.maxrss_mb for f in every),
        "tree_peak_rss_mb": max(f.tree_peak_rss_mb for f in every),
        "tree_peak_pss_mb": max(f.tree_peak_pss_mb for f in every),
        "errors": [_tail(cold.stderr, 3)] if cold.stderr.strip() else [],
    }


def run_newsreader_cli(
    python: str, urls: Sequence[str], workdir: Path, server: FeedServer
) -> dict[str, Any]:
    """``newsreader refresh --all --no-images`` as a user types it, timed as a whole process.

    The subscriptions are imported from OPML first (not timed).  Like Newsboat's
    ``-x reload``, each refresh is a new process: interpreter start, imports, the
    parse workers' start and the feed icons and comment links the command also
    looks at are all in the figure.
    """
    data = workdir / "data"
    opml = workdir / "feeds.opml"
    outlines = "".join(
        f'<outline type="rss" text="f{i}" xmlUrl="{u}"/>' for i, u in enumerate(urls)
    )
    opml.write_text(
        f'<?xml version="1.0"?><opml version="2.0"><body>{outlines}</body></opml>',
        encoding="utf-8",
    )
    env = child_env(workdir / "home")
    base = [python, "-m", "newsreader", "--data-dir", str(data)]
    imported = run_child([*base, "feeds", "import", str(opml)], env, cwd=workdir)
    if imported.code != 0:
        raise ToolFailed(f"feeds import exited with {imported.code}:\n{_tail(imported.stderr)}")
    command = [*base, "refresh", "--all", "--no-images"]

    def refresh() -> tuple[Finished, dict[str, int]]:
        return run_counted(command, env, workdir, server, "refresh")

    cold, cold_requests = refresh()
    entries = _sqlite_count(data / "newsreader.sqlite3", "articles")
    unchanged, unchanged_requests = refresh()
    every = (cold, unchanged)
    return {
        "cold_seconds": cold.wall_seconds,
        "entries": entries,
        "cold_entries_per_s": entries / cold.wall_seconds,
        "cold_requests": cold_requests,
        # wait4's usage: the process and the parse workers it reaped
        "cold_cpu_tree_seconds": cold.cpu_seconds,
        "unchanged_seconds": unchanged.wall_seconds,
        "unchanged_requests": unchanged_requests,
        "peak_rss_mb": max(f.maxrss_mb for f in every),
        "tree_peak_rss_mb": max(f.tree_peak_rss_mb for f in every),
        "tree_peak_pss_mb": max(f.tree_peak_pss_mb for f in every),
        "errors": [_tail(cold.stderr, 3)] if cold.stderr.strip() else [],
    }


# --- peers ---------------------------------------------------------------------------


def _python_has(python: Path, module: str) -> bool:
    if not python.exists():
        return False
    probe = subprocess.run(
        [str(python), "-c", f"import {module}"], capture_output=True, env=child_env()
    )
    return probe.returncode == 0


#: reader vendors a feedparser that imports ``sgmllib``, which its own dependencies
#: no longer bring along; sgmllib3k provides it.
READER_PACKAGES = ("reader", "sgmllib3k")


def ensure_reader(venv: Path, install: bool) -> str | None:
    """The interpreter that has lemon24/reader, installing it when asked; else None."""
    python = venv / "bin" / "python"
    if _python_has(python, "reader, sgmllib"):
        return str(python)
    if not install:
        log(f"skipping reader: not installed in {venv} (use --install-peers)")
        return None
    log(f"installing reader into {venv} ...")
    try:
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", *READER_PACKAGES],
            check=True, stdout=sys.stderr,
        )
    except (OSError, subprocess.CalledProcessError) as exc:
        log(f"skipping reader: could not install it ({exc})")
        return None
    return str(python) if _python_has(python, "reader, sgmllib") else None


def ensure_newsboat(install: bool) -> str | None:
    """The ``newsboat`` executable, installing the Debian package when asked; else None."""
    found = shutil.which("newsboat")
    if found:
        return found
    if not install:
        log("skipping newsboat: not installed (use --install-peers, or apt-get install newsboat)")
        return None
    if not shutil.which("apt-get"):
        log("skipping newsboat: not installed and there is no apt-get here")
        return None
    log("installing newsboat with apt-get ...")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    try:
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env, stdout=sys.stderr)
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", "newsboat"], check=True, env=env,
            stdout=sys.stderr,
        )
    except (OSError, subprocess.CalledProcessError) as exc:
        log(f"skipping newsboat: could not install it ({exc})")
        return None
    return shutil.which("newsboat")


def _version_line(command: Sequence[str]) -> str | None:
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        done = subprocess.run(command, capture_output=True, text=True, timeout=30)
        return (done.stdout or done.stderr).strip().splitlines()[0]
    return None


# --- the report ----------------------------------------------------------------------


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    cpu = "unknown"
    with contextlib.suppress(OSError), open("/proc/cpuinfo", encoding="utf-8") as info:
        for line in info:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory_gb = _status_meminfo("MemTotal") / 1024 / 1024
    return {
        "cpu_model": cpu,
        "cores": os.cpu_count(),
        "cores_usable": len(os.sched_getaffinity(0)),
        "memory_gb": round(memory_gb, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "loadavg_at_start": [round(x, 2) for x in os.getloadavg()],
    }


def source_state() -> dict[str, Any] | None:
    """The commit Newsreader was measured at, and whether its sources had changes."""
    root = SCRIPT.parent.parent
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True, text=True,
            check=True,
        ).stdout.strip()
        changes = subprocess.run(
            ["git", "status", "--porcelain", "--", "src"], cwd=root, capture_output=True,
            text=True, check=True,
        ).stdout.split("\n")
        return {"commit": commit, "uncommitted_source_files": sum(1 for c in changes if c)}
    return None


def _status_meminfo(field: str) -> int:
    with contextlib.suppress(OSError), open("/proc/meminfo", encoding="ascii") as info:
        for line in info:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def _median(values: Sequence[float]) -> float | None:
    return statistics.median(values) if values else None


def _rounded(value: Any, digits: int = 3) -> Any:
    if isinstance(value, float):
        return round(value, digits)
    if isinstance(value, dict):
        return {k: _rounded(v, digits) for k, v in value.items()}
    if isinstance(value, list):
        return [_rounded(v, digits) for v in value]
    return value


def summarize_tool(samples: list[dict[str, Any]]) -> dict[str, Any]:
    """Medians of the numeric figures over runs, plus the last run's request counts."""
    if not samples:
        return {}
    numeric = sorted(
        {k for s in samples for k, v in s.items() if isinstance(v, int | float)}
        - {"workers", "threads"}
    )
    summary: dict[str, Any] = {k: None for k in HEADLINE}
    for key in numeric:
        summary[key] = _median([s[key] for s in samples if isinstance(s.get(key), int | float)])
    last = samples[-1]
    for key in ("version", "workers", "threads", "cold_requests", "unchanged_requests",
                "second_reload_requests", "unchanged_statuses", "cold_statuses", "errors"):
        if key in last:
            summary[key] = last[key]
    summary["runs"] = len(samples)
    summary["per_run"] = {
        k: [s.get(k) for s in samples]
        for k in (
            "cold_entries_per_s",
            "unchanged_seconds",
            "peak_rss_mb",
            "tree_peak_rss_mb",
            "tree_peak_pss_mb",
            "loadavg_1m_before",
            "pictures_per_s",
        )
    }
    return summary


def ratios(
    samples: dict[str, list[dict[str, Any]]], base: str, other: str
) -> dict[str, Any] | None:
    """Median over runs of base/other for cold entries/s and unchanged seconds."""
    pairs = list(zip(samples.get(base, []), samples.get(other, []), strict=False))
    if not pairs:
        return None
    cold = [a["cold_entries_per_s"] / b["cold_entries_per_s"] for a, b in pairs]
    unchanged = [a["unchanged_seconds"] / b["unchanged_seconds"] for a, b in pairs]
    return {
        "cold_entries_per_s": statistics.median(cold),
        "unchanged_seconds": statistics.median(unchanged),
        "per_run_cold_entries_per_s": cold,
        "per_run_unchanged_seconds": unchanged,
    }


#: feedparser alone on the issue's reference machine (sanitizer and URI resolution off).
REFERENCE_FEEDPARSER_ENTRIES_PER_S = 2224


def feedparser_scale(
    calibrations: list[dict[str, Any]], newsreader: list[dict[str, Any]] | None
) -> dict[str, Any]:
    """feedparser alone per run, and Newsreader's cold ingest on that scale.

    ``newsreader_per_feedparser`` is Newsreader's end-to-end entries/s over what
    feedparser alone parses in one process, within each run (median).  Two cores
    with nothing but feedparser on them would make the ratio 2.  Times the
    reference machine's feedparser figure, it guesses what the same code would do
    there: ``projected_on_reference_machine``, an aside for comparing busy days with
    quiet ones.  It is not a measurement and no target is judged on it.
    """
    plain = [c["plain_entries_per_s"] for c in calibrations]
    scale: dict[str, Any] = {
        "version": calibrations[-1]["version"],
        "plain_entries_per_s": _median(plain),
        "default_entries_per_s": _median([c["default_entries_per_s"] for c in calibrations]),
        "per_run_plain_entries_per_s": plain,
        "reference_machine_plain_entries_per_s": REFERENCE_FEEDPARSER_ENTRIES_PER_S,
    }
    pairs = list(zip(newsreader or [], calibrations, strict=False))
    if pairs:
        ratio = [n["cold_entries_per_s"] / c["plain_entries_per_s"] for n, c in pairs]
        scale["newsreader_per_feedparser"] = statistics.median(ratio)
        scale["per_run_newsreader_per_feedparser"] = ratio
        scale["projected_on_reference_machine"] = (
            statistics.median(ratio) * REFERENCE_FEEDPARSER_ENTRIES_PER_S
        )
    return scale


def check_targets(report: dict[str, Any]) -> dict[str, Any]:
    """Each target judged on its worst run (measured figures only)."""
    per_run = report["tools"].get("newsreader", {}).get("per_run", {})
    r304 = report.get("newsreader_unchanged_220") or {}
    vs_reader = report["ratios"].get("newsreader/reader") or {}
    vs_newsboat = report["ratios"].get("newsreader/newsboat") or {}
    vs_plain = report["ratios"].get("newsreader/newsreader-plain") or {}
    with_pictures = report["tools"].get("newsreader-images", {}).get("per_run", {})
    every_304_refresh = [s for run in r304.get("all_seconds") or [] for s in run]
    rss_limit = TARGETS["peak_rss_mb_max"]
    return {
        "cold_entries_per_s": judge(
            per_run.get("cold_entries_per_s", []),
            TARGETS["cold_entries_per_s_min"],
            at_least=True,
        ),
        "unchanged_220_seconds": judge(every_304_refresh, TARGETS["unchanged_220_seconds_max"]),
        "peak_rss_mb": judge(per_run.get("peak_rss_mb", []), rss_limit),
        "peak_rss_tree_mb": judge(per_run.get("tree_peak_rss_mb", []), rss_limit),
        "peak_pss_tree_mb": judge(per_run.get("tree_peak_pss_mb", []), rss_limit),
        "cold_vs_reader": judge(
            vs_reader.get("per_run_cold_entries_per_s", []),
            TARGETS["cold_ratio_vs_reader_min"],
            at_least=True,
        ),
        "cold_vs_newsboat": judge(
            vs_newsboat.get("per_run_cold_entries_per_s", []),
            TARGETS["cold_ratio_vs_newsboat_min"],
            at_least=True,
        ),
        "cold_vs_plain": judge(
            vs_plain.get("per_run_cold_entries_per_s", []),
            TARGETS["cold_ratio_vs_plain_min"],
            at_least=True,
        ),
        "pictures_per_s": judge(
            [v for v in with_pictures.get("pictures_per_s", []) if v is not None],
            TARGETS["pictures_per_s_min"],
            at_least=True,
        ),
    }


def log_verdicts(targets: dict[str, Any]) -> None:
    """Every target with every run's figure, the worst one and the verdict."""
    log("targets (judged on the worst run):")
    for name, t in targets.items():
        if t["met"] is None:
            log(f"  {name}: not measured")
            continue
        runs = ", ".join(f"{r:.4g}" for r in t["runs"])
        verdict = "met" if t["met"] else "NOT met"
        log(f"  {name}: worst {t['value']:.4g} {t['target']}: {verdict}  (runs: {runs})")


# --- main ----------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Cold and unchanged-refresh ingest: Newsreader against other feed readers.",
    )
    parser.add_argument("--feeds", type=int, default=200, help="feeds in the corpus (200)")
    parser.add_argument("--items", type=int, default=50, help="items per feed (50)")
    parser.add_argument("--seed", type=int, default=2026, help="corpus seed (2026)")
    parser.add_argument("--runs", type=int, default=3, help="runs of every tool (3)")
    parser.add_argument(
        "--tools", default=",".join(TOOLS), help="comma-separated subset of " + ", ".join(TOOLS)
    )
    parser.add_argument(
        "--feeds-304", type=int, default=FEEDS_304,
        help=f"feeds in Newsreader's all-304 case ({FEEDS_304}; 0 skips it)",
    )
    parser.add_argument(
        "--repeats-304", type=int, default=3,
        help="unchanged refreshes per run in the all-304 case; each must meet the target (3)",
    )
    parser.add_argument("--install-peers", action="store_true", help="install missing peers")
    parser.add_argument("--peers-venv", type=Path, default=DEFAULT_PEERS_VENV)
    parser.add_argument(
        "--newsreader-python", default=sys.executable,
        help="interpreter with Newsreader installed (this one)",
    )
    parser.add_argument(
        "--reader-workers", type=int, default=1,
        help="reader's update_feeds workers (1, its default)",
    )
    parser.add_argument(
        "--newsboat-threads", type=int, default=1,
        help="Newsboat's reload-threads (1, its default)",
    )
    parser.add_argument(
        "--profile", type=Path, metavar="FILE",
        help="also profile one Newsreader cold refresh: py-spy's raw stacks (or, without"
        " py-spy, cProfile's pstats) to FILE, a summary in the JSON",
    )
    parser.add_argument(
        "--settle", type=float, default=2.0,
        help="seconds to wait after each run's files are removed and synced (2)",
    )
    parser.add_argument(
        "--output",
        type=Path,
        help="also write the JSON result here (benchmarks/results/ for figures the README quotes)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the work directory")
    parser.add_argument(
        "--skip-calibration", action="store_true",
        help="do not time feedparser alone on the corpus (each run, after the tools)",
    )
    child = parser.add_argument_group("internal (one measured child process)")
    child.add_argument("--child", choices=sorted(CHILDREN), help=argparse.SUPPRESS)
    child.add_argument("--urls-file", type=Path, help=argparse.SUPPRESS)
    child.add_argument("--workdir", type=Path, help=argparse.SUPPRESS)
    child.add_argument("--base-url", help=argparse.SUPPRESS)
    child.add_argument("--repeats", type=int, default=1, help=argparse.SUPPRESS)
    child.add_argument("--profile-out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    unknown = set(args.tools.split(",")) - set(TOOLS)
    if unknown:
        parser.error(f"unknown tools: {', '.join(sorted(unknown))}")
    return args


def child_main(args: argparse.Namespace) -> None:
    urls = args.urls_file.read_text(encoding="utf-8").split()
    result = CHILDREN[args.child](
        ChildArgs(
            args.child, urls, args.workdir, args.base_url, args.repeats, args.reader_workers,
            args.profile_out,
        )
    )
    print(RESULT_PREFIX + json.dumps(result, ensure_ascii=False), flush=True)


@contextlib.contextmanager
def workspace(keep: bool) -> Iterator[Path]:
    path = Path(tempfile.mkdtemp(prefix="newsreader-ingest-"))
    try:
        yield path
    finally:
        if keep:
            log(f"work directory kept: {path}")
        else:
            shutil.rmtree(path, ignore_errors=True)


def settle(workdir: Path, seconds: float) -> None:
    """Remove a run's files and let the disk catch up before the next tool starts.

    Without this, a tool that follows one which wrote thousands of files (the image
    cache) pays for their write-back and deletion: Newsboat's cold reload was seen
    to take 2.5 times as long, most of it in the kernel.
    """
    shutil.rmtree(workdir, ignore_errors=True)
    os.sync()
    time.sleep(seconds)


def _write_urls(path: Path, urls: Sequence[str]) -> Path:
    path.write_text("".join(u + "\n" for u in urls), encoding="utf-8")
    return path


def _describe(tool: str, result: dict[str, Any]) -> str:
    return (
        f"  {tool:<10} cold {result['cold_seconds']:7.2f} s "
        f"({result['cold_entries_per_s']:7.0f} entries/s, {result['entries']} entries)  "
        f"unchanged {result['unchanged_seconds']:6.3f} s  "
        f"peak {result['peak_rss_mb']:6.1f} MB (tree {result.get('tree_peak_rss_mb', 0):.1f}, "
        f"PSS {result.get('tree_peak_pss_mb', 0):.1f})"
        + (
            f"  news stored {result['news_stored_seconds']:.2f} s, then "
            f"{result['pictures']} pictures in {result['pictures_seconds']:.2f} s "
            f"({result['pictures_per_s']:.0f}/s)"
            if result.get("pictures_per_s")
            else ""
        )
    )


def _find_tools(args: argparse.Namespace) -> tuple[list[str], dict[str, str], str | None]:
    """The tools that can run here, the interpreter of each Python one, and Newsboat."""
    wanted = [t for t in TOOLS if t in args.tools.split(",")]
    pythons: dict[str, str] = {}
    newsboat: str | None = None
    if set(NEWSREADER_TOOLS) & set(wanted):
        if _python_has(Path(args.newsreader_python), "newsreader.reader"):
            pythons.update(dict.fromkeys(NEWSREADER_TOOLS, args.newsreader_python))
        else:
            log(f"skipping newsreader: {args.newsreader_python} cannot import it")
    if "reader" in wanted:
        found = ensure_reader(args.peers_venv, args.install_peers)
        if found:
            pythons["reader"] = found
    if "newsboat" in wanted:
        newsboat = ensure_newsboat(args.install_peers)
    if args.profile and args.install_peers and not find_py_spy(args.peers_venv):
        with contextlib.suppress(OSError, subprocess.CalledProcessError):
            subprocess.run(
                [str(args.peers_venv / "bin" / "python"), "-m", "pip", "install", "--quiet",
                 "py-spy"],
                check=True, stdout=sys.stderr,
            )
    tools = [t for t in wanted if t in pythons or (t == "newsboat" and newsboat)]
    return tools, pythons, newsboat


def benchmark(args: argparse.Namespace) -> dict[str, Any]:
    """Every run of every tool; returns the report."""
    tools, pythons, newsboat = _find_tools(args)
    n_304 = args.feeds_304 if "newsreader" in pythons else 0
    samples: dict[str, list[dict[str, Any]]] = {t: [] for t in tools}
    samples_304: list[dict[str, Any]] = []
    samples_feedparser: list[dict[str, Any]] = []
    failures: dict[str, list[str]] = collections.defaultdict(list)
    profile: dict[str, Any] | None = None

    with workspace(args.keep) as work, FeedServer() as server:
        corpus = generate_corpus(max(args.feeds, n_304), args.items, args.seed, server.base_url)
        server.publish((f.path, f.body, f.content_type) for f in corpus.feeds)
        main_feeds = corpus.feeds[: args.feeds]
        main_mb = sum(len(f.body) for f in main_feeds) / 1e6
        main_entries = sum(f.entries for f in main_feeds)
        log(f"corpus: {len(main_feeds)} feeds, {main_entries} entries, {main_mb:.1f} MB")
        if n_304:
            log(f"all-304 case: the first {n_304} feeds of {corpus.describe()}")
        log(f"serving on {server.base_url}")
        urls = [server.url(f.path) for f in corpus.feeds]
        urls_main = _write_urls(work / "urls-main.txt", urls[: args.feeds])
        urls_304 = _write_urls(work / "urls-304.txt", urls[:n_304])

        def measure(tool: str, run: int) -> dict[str, Any] | None:
            load_before = os.getloadavg()[0]
            result = _measure(tool, run)
            if result is not None:
                result["loadavg_1m_before"] = load_before
            return result

        def _measure(tool: str, run: int) -> dict[str, Any] | None:
            workdir = work / f"run{run}-{tool}"
            workdir.mkdir()
            try:
                if tool == "newsboat":
                    assert newsboat is not None
                    return run_newsboat(
                        newsboat, urls[: args.feeds], workdir, server, args.newsboat_threads
                    )
                if tool == "newsreader-cli":
                    return run_newsreader_cli(pythons[tool], urls[: args.feeds], workdir, server)
                if tool in ("newsreader-304", "floor"):
                    return run_python_tool(
                        pythons["newsreader"], "newsreader" if tool != "floor" else tool,
                        urls_304, workdir, server.base_url, args, repeats=args.repeats_304,
                    )
                if tool == "feedparser":
                    return run_python_tool(
                        pythons["newsreader"], tool, urls_main, workdir, server.base_url, args,
                        repeats=0,
                    )
                return run_python_tool(
                    pythons[tool], tool, urls_main, workdir, server.base_url, args, repeats=1
                )
            except ToolFailed as exc:
                log(f"  {tool} failed: {exc}")
                failures[tool].append(str(exc))
                return None
            finally:
                settle(workdir, args.settle)

        for run in range(args.runs):
            log(f"run {run + 1}/{args.runs}")
            shift = run % len(tools) if tools else 0
            for tool in tools[shift:] + tools[:shift]:
                result = measure(tool, run)
                if result is not None:
                    samples[tool].append(result)
                    log(_describe(tool, result))
            if n_304:
                result = measure("newsreader-304", run)
                floor = measure("floor", run)
                if result is not None:
                    if floor is not None:
                        result["floor_seconds"] = floor["seconds"]
                        result["floor_statuses"] = floor["statuses"]
                    samples_304.append(result)
                    log(
                        f"  all-304    {n_304} feeds unchanged: "
                        + ", ".join(f"{s:.3f}" for s in result["unchanged_all_seconds"])
                        + f" s {result['unchanged_requests']}; bare client "
                        + (f"{floor['seconds']:.3f} s" if floor else "failed")
                    )
            if "newsreader" in pythons and not args.skip_calibration:
                calibration = measure("feedparser", run)
                if calibration is not None:
                    samples_feedparser.append(calibration)
                    log(
                        f"  feedparser alone, one process: "
                        f"{calibration['plain_entries_per_s']:.0f} entries/s "
                        f"(sanitizer and URI resolution off), "
                        f"{calibration['default_entries_per_s']:.0f} entries/s (defaults)"
                    )
        if args.profile and "newsreader" in pythons:
            log("profiling one Newsreader cold refresh ...")
            workdir = work / "profile"
            workdir.mkdir()
            try:
                profile = profile_newsreader(
                    pythons["newsreader"], urls_main, workdir, server.base_url, args,
                    args.profile.resolve(),
                )
            except ToolFailed as exc:
                log(f"  profile failed: {exc}")
                failures["newsreader-profile"].append(str(exc))

    report: dict[str, Any] = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "newsreader_source": source_state(),
        "corpus": {
            "feeds": len(main_feeds),
            "items_per_feed": args.items,
            "entries": main_entries,
            "megabytes": round(main_mb, 2),
            "seed": args.seed,
            "formats": "RSS 2.0 and Atom 1.0 in turn; even feeds Arabic, odd English",
        },
        "runs": args.runs,
        "tools": {t: summarize_tool(samples[t]) for t in tools},
        "ratios": {
            "newsreader/reader": ratios(samples, "newsreader", "reader"),
            "newsreader/newsboat": ratios(samples, "newsreader", "newsboat"),
            "newsreader/newsreader-plain": ratios(samples, "newsreader", "newsreader-plain"),
            "newsreader/newsreader-search": ratios(samples, "newsreader", "newsreader-search"),
            "newsreader-search/newsreader-plain": ratios(
                samples, "newsreader-search", "newsreader-plain"
            ),
            "newsreader-cli/newsboat": ratios(samples, "newsreader-cli", "newsboat"),
        },
    }
    if "newsboat" in report["tools"] and newsboat:
        report["tools"]["newsboat"]["version"] = _version_line([newsboat, "--version"])
    if n_304:
        per_run = [s["unchanged_seconds"] for s in samples_304]
        report["newsreader_unchanged_220"] = {
            "feeds": n_304,
            "unchanged_seconds": _median(per_run),
            "per_run": per_run,
            "all_seconds": [s["unchanged_all_seconds"] for s in samples_304],
            "requests": samples_304[-1]["unchanged_requests"] if samples_304 else None,
            "cold_seconds": _median([s["cold_seconds"] for s in samples_304]),
            "bare_client_seconds": _median(
                [s["floor_seconds"] for s in samples_304 if "floor_seconds" in s]
            ),
            "bare_client_statuses": (samples_304[-1].get("floor_statuses") if samples_304
                                     else None),
        }
    if samples_feedparser:
        report["feedparser_alone"] = feedparser_scale(samples_feedparser, samples.get("newsreader"))
    if profile is not None:
        report["newsreader_profile"] = profile
    if failures:
        report["failures"] = dict(failures)
    report["targets"] = check_targets(report)
    log_verdicts(report["targets"])
    report["machine"]["loadavg_at_end"] = [round(x, 2) for x in os.getloadavg()]
    return _rounded(report)


def _terminate(signum: int, frame: object) -> None:
    """SIGTERM ends the benchmark like Ctrl-C does: children killed, server stopped."""
    raise KeyboardInterrupt


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.child:
        child_main(args)
        return 0
    signal.signal(signal.SIGTERM, _terminate)
    try:
        report = benchmark(args)
    except KeyboardInterrupt:
        log("interrupted")
        return 130
    emit(report, args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
