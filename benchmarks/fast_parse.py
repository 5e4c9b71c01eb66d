"""The quick reader against feedparser: agreement first, then speed.

Agreement: both readers run on every XML document of feedparser's own test suite
(its source distribution, fetched from PyPI with pip into a cache the first time),
on the captured feeds in ``tests/fixtures/feeds`` and on a slice of the benchmark
corpus; for every document the quick reader takes, every field of the two
``ParsedFeed`` records is compared.  Any disagreement is printed, and the script
exits non-zero.

Speed: ``parse_feed`` over the ingest benchmark's corpus (200 feeds × 50 items
unless told otherwise), every run printed:

* in this process, with the quick reader (``quick``) and with feedparser for every
  document (``feedparser``);
* through the parse workers (``update/parse_pool.py``), 1 and 2 workers, both ways,
  as entries/s in all and per worker.

Run from the repository root::

    python benchmarks/fast_parse.py --runs 3 --output benchmarks/results/fast-parse.json

Nothing leaves 127.0.0.1 except pip's download of the feedparser sources.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from concurrent.futures import wait
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the comparison is the tests' own (tests/helpers/)
sys.path.insert(0, str(ROOT / "benchmarks"))

from corpus import generate_corpus  # noqa: E402
from tests.helpers.parse_agreement import (  # noqa: E402
    compare,
    corpus_documents,
    feedparser_suite,
    fixture_documents,
    suite_documents,
)

from newsreader.fetch.parse import parse_feed  # noqa: E402
from newsreader.update.parse_pool import ParsePool, worker_command  # noqa: E402

URL = "http://127.0.0.1:8080/feeds/feed.xml"


def agreement() -> dict[str, Any]:
    sets = {
        "feedparser test suite": suite_documents(feedparser_suite()),
        "captured fixtures": fixture_documents(),
        "benchmark corpus (24 feeds x 20 items)": corpus_documents(),
    }
    report: dict[str, Any] = {}
    for name, documents in sets.items():
        found = compare(documents)
        print(f"agreement, {name}: {found.line()}", file=sys.stderr)
        for line in found.disagreements[:50]:
            print("  DISAGREES " + line, file=sys.stderr)
        report[name] = {
            "documents": found.documents,
            "taken": found.taken,
            "fields": found.fields,
            "disagreements": len(found.disagreements),
        }
    return report


Documents = list[tuple[bytes, str]]


def in_process(documents: Documents, entries: int, quick: bool) -> float:
    started = time.perf_counter()
    for body, content_type in documents:
        parse_feed(body, url=URL, content_type=content_type, quick=quick)
    return entries / (time.perf_counter() - started)


def _feedparser_only_command() -> list[str]:
    """A worker whose ``parse_feed`` leaves every document to feedparser."""
    command = worker_command()
    command[-1] = (
        "import newsreader.fetch.parse as parse; "
        "parse.parse_feed.__kwdefaults__['quick'] = False; " + command[-1]
    )
    return command


def through_workers(documents: Documents, entries: int, workers: int, quick: bool) -> float:
    command = worker_command() if quick else _feedparser_only_command()
    pool = ParsePool(workers, command=command)
    try:
        # Start the workers first: their start-up is not parsing.
        wait([pool.submit(body, URL, kind) for body, kind in documents[:workers]])
        started = time.perf_counter()
        futures = [pool.submit(body, URL, kind) for body, kind in documents]
        wait(futures)
        elapsed = time.perf_counter() - started
        failed = [f.result() for f in futures if isinstance(f.result(), str)]
        if failed:
            raise SystemExit(f"a worker failed: {failed[0]}")
    finally:
        pool.shutdown()
    return entries / elapsed


def _runs(label: str, runs: int, measure: Callable[[], float], per: int = 1) -> list[float]:
    figures = []
    for n in range(runs):
        rate = measure()
        figures.append(round(rate))
        extra = f" ({rate / per:,.0f} per worker)" if per > 1 else ""
        print(f"  {label} run {n + 1}/{runs}: {rate:,.0f} entries/s{extra}", file=sys.stderr)
    return figures


def _git_commit() -> str:
    try:
        return subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-agreement", action="store_true")
    parser.add_argument("--skip-workers", action="store_true")
    parser.add_argument("--output", type=Path)
    args = parser.parse_args(argv)

    result: dict[str, Any] = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "commit": _git_commit(),
        "machine": f"{platform.machine()}, {platform.python_version()}",
    }
    if not args.skip_agreement:
        result["agreement"] = agreement()
    made = generate_corpus(feeds=args.feeds, items=args.items)
    documents = [(feed.body, feed.content_type) for feed in made.feeds]
    entries = made.entries
    print(f"corpus: {made.describe()}", file=sys.stderr)
    in_process(documents[:4], 4 * args.items, True)  # warm-up: imports and caches
    speed: dict[str, Any] = {}
    for quick in (True, False):
        name = "quick" if quick else "feedparser"
        speed[f"one process, {name}"] = _runs(
            f"one process, {name}", args.runs, lambda q=quick: in_process(documents, entries, q)
        )
    if not args.skip_workers:
        for workers in (1, 2):
            for quick in (True, False):
                name = f"{workers} worker{'s' if workers > 1 else ''}, " + (
                    "quick" if quick else "feedparser"
                )
                speed[name] = _runs(
                    name,
                    args.runs,
                    lambda w=workers, q=quick: through_workers(documents, entries, w, q),
                    per=workers,
                )
    result["entries_per_second"] = speed
    result["medians"] = {name: statistics.median(runs) for name, runs in speed.items()}
    text = json.dumps(result, indent=2, ensure_ascii=False)
    print(text)
    if args.output:
        args.output.write_text(text + "\n", encoding="utf-8")
    disagreements = sum(s["disagreements"] for s in result.get("agreement", {}).values())
    return 1 if disagreements else 0


if __name__ == "__main__":
    raise SystemExit(main())
