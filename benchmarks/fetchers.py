"""One fetcher and two: a cold ingest by ``newsreader fetcher --once`` processes.

The corpus of ``ingest.py`` (N feeds × M items, Arabic and English, RSS and Atom)
is served on 127.0.0.1; each run subscribes a new database to it and starts one,
then two ``newsreader fetcher --once`` processes on it at the same moment, and times
them until the last has exited.  On SQLite (the profile's own file) and on
PostgreSQL (the tests' throwaway cluster, tests/helpers/postgres.py: fsync off, so
its figures are not a production server's), side by side in one run.
Pictures are not kept (the ``offline_pictures`` setting is off), so the figure is the
news itself: fetching, parsing in the workers, storing, stories.

Every run's figures are printed as it ends (seconds, articles stored, feeds served,
feeds served more than once), then one JSON object with all of them::

    python benchmarks/fetchers.py                          # 200 × 50, 3 runs
    python benchmarks/fetchers.py --feeds 40 --items 20 --runs 1 --backends sqlite
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.corpus import generate_corpus  # noqa: E402
from benchmarks.serve import FeedServer  # noqa: E402
from newsreader.reader import Reader  # noqa: E402


def _subscribe(data_dir: Path, db_url: str | None, urls: list[str]) -> None:
    with Reader.open(data_dir, db_url) as reader:
        reader.save_settings(dataclasses.replace(reader.settings(), offline_pictures=False))
        for url in urls:
            reader.subscribe(url)


def _articles(data_dir: Path, db_url: str | None) -> int:
    with Reader.open(data_dir, db_url) as reader:
        return sum(f.article_count for f in reader.list_feeds())


def _run(data_dir: Path, db_url: str | None, fetchers: int, batch: int) -> float:
    where = ["--data-dir", str(data_dir), *(["--db", db_url] if db_url else [])]
    command = [sys.executable, "-m", "newsreader", *where, "fetcher", "--once"]
    env = {**os.environ, "NO_PROXY": "127.0.0.1"}
    began = time.perf_counter()
    processes = [
        subprocess.Popen(
            [*command, "--batch", str(batch), "--log-level", "warning"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(fetchers)
    ]
    errors = [p.communicate()[1] for p in processes]
    seconds = time.perf_counter() - began
    for process, err in zip(processes, errors, strict=True):
        if process.returncode != 0:
            raise SystemExit(f"a fetcher failed ({process.returncode}):\n{err}")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--batch", type=int, default=50)
    parser.add_argument("--backends", default="sqlite,postgresql")
    args = parser.parse_args()
    backends = [b.strip() for b in args.backends.split(",") if b.strip()]

    cluster = None
    if "postgresql" in backends:
        from tests.helpers.postgres import Cluster

        cluster = Cluster()
    figures: list[dict[str, object]] = []
    try:
        with FeedServer() as server, tempfile.TemporaryDirectory() as work:
            corpus = generate_corpus(args.feeds, args.items, base_url=server.base_url)
            server.publish((f.path, f.body, f.content_type) for f in corpus.feeds)
            urls = [server.url(f.path) for f in corpus.feeds]
            print(f"corpus: {corpus.describe()}", file=sys.stderr)
            for run in range(1, args.runs + 1):
                for backend in backends:
                    for fetchers in (1, 2):
                        data_dir = Path(work) / f"{backend}-{fetchers}-{run}"
                        db_url = None
                        if backend == "postgresql" and cluster is not None:
                            db_url = cluster.create_database()
                        before = server.counts().get("feed 200", 0)
                        _subscribe(data_dir, db_url, urls)
                        seconds = _run(data_dir, db_url, fetchers, args.batch)
                        served = server.counts().get("feed 200", 0) - before
                        stored = _articles(data_dir, db_url)
                        if cluster and db_url:
                            cluster.drop_database(db_url)
                        figure = {
                            "run": run,
                            "backend": backend,
                            "fetchers": fetchers,
                            "seconds": round(seconds, 2),
                            "articles": stored,
                            "feeds_served": served,
                            "served_more_than_once": served - len(urls),
                        }
                        figures.append(figure)
                        print(json.dumps(figure), file=sys.stderr, flush=True)
    finally:
        if cluster is not None:
            cluster.stop()
    print(json.dumps({"feeds": args.feeds, "items": args.items, "runs": figures}, indent=2))


if __name__ == "__main__":
    main()
