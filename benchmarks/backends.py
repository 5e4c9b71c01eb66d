"""SQLite and PostgreSQL side by side, in one run: cold ingest and search.

One throwaway PostgreSQL cluster is started on 127.0.0.1 for the run (with the test
suite's machinery, :mod:`tests.helpers.postgres`: no fsync, as SQLite's WAL with
``synchronous=NORMAL`` does not sync a commit either) and stopped at the end; every
measurement gets a fresh SQLite profile or a fresh PostgreSQL database.  Parts:

``ingest``
    The corpus of :mod:`benchmarks.ingest` (200 feeds × 50 items, served on 127.0.0.1
    by :mod:`benchmarks.serve`) into each back end by
    ``Reader.refresh(all_feeds=True, images=False, follow_ups=())`` (feeds only, as
    ingest.py's ``newsreader`` tool), in a child process of its own: the cold refresh
    (entries/s), then a second refresh with nothing changed (all 304).  The back ends
    take turns going first; the PostgreSQL/SQLite ratio is taken within each run.
``search``
    The same generated articles (:mod:`benchmarks.search`'s generator and writer path,
    100,000 by default) built into each back end (the build is timed; PostgreSQL's
    is followed by a timed ``VACUUM ANALYZE``, what autovacuum does soon after a
    load), then ``Reader.search``'s first page with snippets over search.py's queries:
    p50/p95, the index's size on disk, and each query's hit count on both (any
    difference is printed).

One ``newsreader fetcher`` against two on each back end: :mod:`benchmarks.fetchers`.

Every run's figures are printed on stderr as they come; the report is one JSON object
on stdout (and in ``--output``).  No target is judged: this reports.  Nothing is
installed: PostgreSQL's server programs must be there (Debian package
``postgresql``); when the cluster cannot start, the run says so and exits with 1.

Usage (from the repository root, with the project's interpreter)::

    python benchmarks/backends.py                         # 3 runs, ingest and search
    python benchmarks/backends.py --runs 1 --articles 2000 --feeds 20   # a quick look
    python benchmarks/backends.py --output benchmarks/results/backends-DATE.json
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import signal
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.corpus import generate_corpus  # noqa: E402
from benchmarks.ingest import (  # noqa: E402
    Finished,
    child_env,
    machine,
    run_child,
    settle,
    source_state,
)
from benchmarks.serve import FeedServer  # noqa: E402
from benchmarks.verdicts import emit  # noqa: E402

if TYPE_CHECKING:
    from tests.helpers.postgres import Cluster

PARTS = ("ingest", "search")
BACKENDS = ("sqlite", "postgresql")
RESULT_PREFIX = "RESULT "
#: How a child interpreter runs this script: from ``-c``, so that the parse workers
#: (started by fork server) do not run this whole file again (see ingest.py).
CHILD_LAUNCHER = (
    f"import sys; sys.path.insert(0, {str(ROOT)!r}); "
    "from benchmarks import backends; sys.exit(backends.main())"
)


def log(message: str) -> None:
    """Progress on stderr, so stdout carries only the JSON report."""
    print(message, file=sys.stderr, flush=True)


def _timed(call: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    value = call()
    return time.perf_counter() - start, value


def _psycopg_url(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


def _pg_rows(url: str, query: str) -> list[tuple[Any, ...]]:
    import psycopg

    with psycopg.connect(_psycopg_url(url), autocommit=True) as conn:
        return list(conn.execute(query).fetchall())


def _load() -> float:
    return round(os.getloadavg()[0], 2)


# --- the ingest child ----------------------------------------------------------------


def child_ingest(data_dir: Path, db_url: str | None, urls: list[str]) -> dict[str, Any]:
    """In this process: subscribe, a timed cold refresh, a timed unchanged refresh."""
    from newsreader.reader import Reader

    options: dict[str, Any] = {"all_feeds": True, "images": False, "follow_ups": ()}
    with Reader.open(data_dir, db_url) as reader:
        for url in urls:
            reader.subscribe(url)
        cold_seconds, cold = _timed(lambda: reader.refresh(**options))
        entries = reader.count_articles()[0]
        unchanged_seconds, again = _timed(lambda: reader.refresh(**options))
    return {
        "cold_seconds": cold_seconds,
        "entries": entries,
        "cold_new": cold.new,
        "cold_failed": cold.failed,
        "errors": sorted({r.error for r in cold.feeds if r.error})[:3],
        "unchanged_seconds": unchanged_seconds,
        "unchanged_new": again.new,
        "unchanged_statuses": sorted({str(r.status) for r in again.feeds}),
    }


# --- part 1: cold ingest -------------------------------------------------------------


def _database_bytes(backend: str, data_dir: Path, db_url: str | None) -> int:
    if backend == "sqlite":
        return sum(p.stat().st_size for p in data_dir.glob("newsreader.sqlite3*"))
    assert db_url is not None
    return int(_pg_rows(db_url, "SELECT pg_database_size(current_database())")[0][0])


def ingest_once(
    backend: str, cluster: Cluster, urls_file: Path, workdir: Path, python: str
) -> dict[str, Any]:
    """One cold and one unchanged refresh into a fresh profile on *backend*."""
    workdir.mkdir(parents=True)
    data_dir = workdir / "data"
    db_url = cluster.create_database() if backend == "postgresql" else None
    command = [
        python,
        "-c",
        CHILD_LAUNCHER,
        "--child",
        "ingest",
        "--urls-file",
        str(urls_file),
        "--data-dir",
        str(data_dir),
    ] + (["--db", db_url] if db_url else [])
    load = _load()
    try:
        finished = run_child(command, child_env(workdir / "home"), cwd=workdir)
        result = _child_result(finished, f"ingest on {backend}")
        result["database_mb"] = _database_bytes(backend, data_dir, db_url) / 2**20
    finally:
        if db_url:
            cluster.drop_database(db_url)
    result["cold_entries_per_s"] = result["entries"] / result["cold_seconds"]
    result["process_wall_seconds"] = finished.wall_seconds
    result["loadavg_1m_before"] = load
    return result


def _child_result(finished: Finished, what: str) -> dict[str, Any]:
    lines = [ln for ln in finished.stdout.splitlines() if ln.startswith(RESULT_PREFIX)]
    if finished.code != 0 or not lines:
        tail = "\n".join(finished.stderr.strip().splitlines()[-15:])
        raise RuntimeError(f"{what} exited with {finished.code}:\n{tail}")
    result: dict[str, Any] = json.loads(lines[-1].removeprefix(RESULT_PREFIX))
    return result


def ingest_part(args: argparse.Namespace, cluster: Cluster, work: Path) -> dict[str, Any]:
    runs: list[dict[str, Any]] = []
    with FeedServer() as server:
        corpus = generate_corpus(args.feeds, args.items, args.seed, server.base_url)
        server.publish((f.path, f.body, f.content_type) for f in corpus.feeds)
        urls_file = work / "urls.txt"
        urls_file.write_text("".join(server.url(f.path) + "\n" for f in corpus.feeds))
        entries = sum(f.entries for f in corpus.feeds)
        log(f"ingest: {corpus.describe()} on {server.base_url}")
        for run in range(args.runs):
            order = BACKENDS if run % 2 == 0 else BACKENDS[::-1]
            figures: dict[str, Any] = {"order": list(order)}
            for backend in order:
                workdir = work / f"ingest-{run}-{backend}"
                try:
                    figures[backend] = ingest_once(
                        backend, cluster, urls_file, workdir, args.python
                    )
                finally:
                    settle(workdir, args.settle)
                r = figures[backend]
                log(
                    f"  run {run + 1} {backend:<10} cold {r['cold_seconds']:6.2f} s "
                    f"({r['cold_entries_per_s']:5.0f} entries/s, {r['entries']} entries, "
                    f"{r['cold_failed']} failed)  unchanged {r['unchanged_seconds']:.3f} s "
                    f"({r['unchanged_new']} new)  database {r['database_mb']:.1f} MB  "
                    f"load {r['loadavg_1m_before']}"
                )
            pg, lite = figures["postgresql"], figures["sqlite"]
            cold = figures["pg_sqlite_cold_ratio"] = (
                pg["cold_entries_per_s"] / lite["cold_entries_per_s"]
            )
            unchanged = figures["pg_sqlite_unchanged_ratio"] = (
                pg["unchanged_seconds"] / lite["unchanged_seconds"]
            )
            log(
                f"  run {run + 1} PostgreSQL/SQLite: cold entries/s {cold:.2f}, "
                f"unchanged refresh time {unchanged:.2f}"
            )
            runs.append(figures)
    return {
        "corpus": {
            "feeds": args.feeds,
            "items_per_feed": args.items,
            "entries": entries,
            "seed": args.seed,
        },
        "refresh": "Reader.refresh(all_feeds=True, images=False, follow_ups=())",
        "runs": runs,
        "medians": _medians(runs, ("cold_entries_per_s", "cold_seconds", "unchanged_seconds")),
    }


def _medians(runs: list[dict[str, Any]], keys: Sequence[str]) -> dict[str, Any]:
    return {
        backend: {key: statistics.median(r[backend][key] for r in runs) for key in keys}
        for backend in BACKENDS
        if runs
    }


# --- part 2: search ------------------------------------------------------------------


def _sqlite_sizes(path: Path) -> dict[str, float]:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        (index_bytes,) = conn.execute(
            "SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'search_index%'"
        ).fetchone()
    return {"index_mb": index_bytes / 2**20, "database_mb": path.stat().st_size / 2**20}


def _pg_sizes(url: str) -> dict[str, Any]:
    tables = _pg_rows(
        url,
        "SELECT c.relname, pg_total_relation_size(c.oid) FROM pg_class c"
        " JOIN pg_namespace n ON n.oid = c.relnamespace"
        " WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname LIKE 'search_index%'",
    )
    (database,) = _pg_rows(url, "SELECT pg_database_size(current_database())")[0]
    return {
        "index_mb": sum(size for _, size in tables) / 2**20,
        "index_tables": sorted(name for name, _ in tables),
        "database_mb": database / 2**20,
    }


def search_once(
    backend: str, cluster: Cluster, prepared: list[Any], folder: Path
) -> dict[str, Any]:
    """Build *prepared* into a fresh database on *backend*, then time the queries."""
    from benchmarks import search as search_bench

    folder.mkdir(parents=True)
    load = _load()
    if backend == "sqlite":
        path = folder / "indexed.sqlite3"
        build = search_bench.ingest(path, prepared, indexed=True)
        sizes: dict[str, Any] = _sqlite_sizes(path)
        latency = search_bench.query_latency(folder / "profile", path)
        return {"build_seconds": build, **sizes, **latency, "loadavg_1m_before": load}
    url = cluster.create_database()
    try:
        build = search_bench.ingest(url, prepared, indexed=True)
        vacuum, _ = _timed(lambda: _vacuum(url))
        sizes = _pg_sizes(url)
        latency = search_bench.query_latency(folder / "profile", url)
    finally:
        cluster.drop_database(url)
    return {
        "build_seconds": build,
        "vacuum_analyze_seconds": vacuum,
        **sizes,
        **latency,
        "loadavg_1m_before": load,
    }


def _vacuum(url: str) -> None:
    import psycopg

    with psycopg.connect(_psycopg_url(url), autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")


def search_part(args: argparse.Namespace, cluster: Cluster, work: Path) -> dict[str, Any]:
    from benchmarks import search as search_bench

    runs: list[dict[str, Any]] = []
    for run in range(args.runs):
        start = time.perf_counter()
        entries, ahmad = search_bench._entries(args.articles, 1000 + run)  # search.py's seeds
        made = time.perf_counter() - start
        prepared, preparing = search_bench.with_documents(entries)
        del entries
        log(
            f"search run {run + 1}: {args.articles} articles generated in {made:.1f} s, "
            f"documents prepared in {preparing:.1f} s"
        )
        order = BACKENDS if run % 2 == 0 else BACKENDS[::-1]
        figures: dict[str, Any] = {"articles": args.articles, "order": list(order)}
        for backend in order:
            folder = work / f"search-{run}-{backend}"
            try:
                figures[backend] = r = search_once(backend, cluster, prepared, folder)
            finally:
                shutil.rmtree(folder, ignore_errors=True)
            vacuum = (
                f" + VACUUM ANALYZE {r['vacuum_analyze_seconds']:.1f} s"
                if "vacuum_analyze_seconds" in r
                else ""
            )
            log(
                f"  run {run + 1} {backend:<10} build {r['build_seconds']:6.1f} s{vacuum}  "
                f"query p50 {r['p50_ms']:7.2f} ms  p95 {r['p95_ms']:7.2f} ms  "
                f"index {r['index_mb']:6.1f} MB  database {r['database_mb']:6.1f} MB  "
                f"load {r['loadavg_1m_before']}"
            )
        del prepared
        sqlite_hits, pg_hits = figures["sqlite"]["matches"], figures["postgresql"]["matches"]
        figures["hit_differences"] = {
            q: {"sqlite": sqlite_hits[q], "postgresql": pg_hits[q]}
            for q in sqlite_hits
            if sqlite_hits[q] != pg_hits.get(q)
        }
        figures["ahmad_variant_articles"] = ahmad
        for q, hits in figures["hit_differences"].items():
            log(
                f"  run {run + 1} hits differ for {q!r}: SQLite {hits['sqlite']}, "
                f"PostgreSQL {hits['postgresql']}"
            )
        if not figures["hit_differences"]:
            log(f"  run {run + 1} hit counts equal on both for all {len(sqlite_hits)} queries")
        runs.append(figures)
    return {
        "queries": search_bench.QUERIES,
        "repeats_per_query": search_bench.REPEATS,
        "runs": runs,
        "medians": _medians(runs, ("build_seconds", "p50_ms", "p95_ms", "index_mb", "database_mb")),
    }


# --- main ----------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="SQLite and PostgreSQL side by side: cold ingest and search.",
    )
    parser.add_argument("--runs", type=int, default=3, help="runs of every part (3)")
    parser.add_argument(
        "--articles", type=int, default=100_000, help="articles for the search part (100000)"
    )
    parser.add_argument(
        "--only",
        default=",".join(PARTS),
        help="comma-separated parts to run: ingest, search (both)",
    )
    parser.add_argument("--output", type=Path, help="also write the JSON report here")
    parser.add_argument("--feeds", type=int, default=200, help="feeds in the corpus (200)")
    parser.add_argument("--items", type=int, default=50, help="items per feed (50)")
    parser.add_argument("--seed", type=int, default=2026, help="corpus seed (2026)")
    parser.add_argument(
        "--settle", type=float, default=2.0, help="seconds to wait between ingest runs (2)"
    )
    parser.add_argument("--python", default=sys.executable, help=argparse.SUPPRESS)
    child = parser.add_argument_group("internal (one measured child process)")
    child.add_argument("--child", choices=["ingest"], help=argparse.SUPPRESS)
    child.add_argument("--urls-file", type=Path, help=argparse.SUPPRESS)
    child.add_argument("--data-dir", type=Path, help=argparse.SUPPRESS)
    child.add_argument("--db", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    args.parts = [p.strip() for p in args.only.split(",") if p.strip()]
    unknown = set(args.parts) - set(PARTS)
    if unknown:
        parser.error(f"unknown parts: {', '.join(sorted(unknown))} (choose from {PARTS})")
    return args


@contextlib.contextmanager
def postgres_cluster() -> Iterator[Cluster]:
    """The run's PostgreSQL server, stopped (its files removed) however the run ends."""
    from tests.helpers.postgres import Cluster

    cluster = Cluster()
    try:
        yield cluster
    finally:
        cluster.stop()


def benchmark(args: argparse.Namespace) -> dict[str, Any]:
    from tests.helpers.postgres import SETTINGS

    report: dict[str, Any] = {
        "benchmark": "backends",
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "newsreader_source": source_state(),
        "runs": args.runs,
        "postgresql_settings": SETTINGS,
        "sqlite_settings": "WAL, synchronous=NORMAL, cache_size 4 MB (storage/database.py)",
    }
    work = Path(tempfile.mkdtemp(prefix="newsreader-backends-"))
    try:
        with postgres_cluster() as cluster:
            report["postgresql_version"] = _pg_rows(cluster.url(), "SHOW server_version")[0][0]
            log(
                f"PostgreSQL {report['postgresql_version']} on 127.0.0.1:{cluster.port}; "
                f"SQLite {sqlite3.sqlite_version}; load {os.getloadavg()}"
            )
            parts = {"ingest": ingest_part, "search": search_part}
            for part in args.parts:
                report[part] = parts[part](args, cluster, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    report["machine"]["loadavg_at_end"] = [round(x, 2) for x in os.getloadavg()]
    report["sqlite_version"] = sqlite3.sqlite_version
    return _rounded(report)


def _rounded(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_rounded(v) for v in value]
    return value


def _terminate(signum: int, frame: object) -> None:
    """SIGTERM ends the run as Ctrl-C does: the cluster is stopped, children killed."""
    raise KeyboardInterrupt


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.child:
        urls = args.urls_file.read_text(encoding="utf-8").split()
        result = child_ingest(args.data_dir, args.db, urls)
        print(RESULT_PREFIX + json.dumps(result, ensure_ascii=False), flush=True)
        return 0
    from tests.helpers.postgres import PostgresUnavailable

    signal.signal(signal.SIGTERM, _terminate)
    try:
        report = benchmark(args)
    except PostgresUnavailable as exc:
        log(f"PostgreSQL cannot be started, so nothing was measured: {exc}")
        return 1
    except KeyboardInterrupt:
        log("interrupted")
        return 130
    emit(report, args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
