"""How long the sidebar's topic list takes to read, and what it costs in memory.

Builds a database of ARTICLES articles in FEEDS feeds straight through the schema (no
feeds fetched): news feeds tag each article with one or two of a few dozen sections
in Arabic and English spellings, and one podcast-shaped feed tags every item with the
same eleven names (the build's time includes keeping the topic counts as the
categories and read marks are written).  Then, in a fresh process opening that
profile as the window does, it times ``Reader.topics()`` (the counts, the folding and
the blanket rule) RUNS times and prints every run, not only the median, with the
process's peak resident memory (``VmHWM``) before the first call and after the last.

    python benchmarks/topics.py [--articles 100000] [--feeds 200] [--runs 5]
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

from newsreader.core.topics import topic_key
from newsreader.reader import Reader
from newsreader.storage.database import default_user
from newsreader.storage.models import (
    ArticleCategoryRow,
    ArticleRow,
    ArticleStateRow,
    CategoryRow,
    FeedRow,
)

#: Whose marks the benchmark's profile holds (the reader opened without --user).
USER = default_user()
SECTIONS = [
    "اقتصاد",
    "الاقتصاد",
    "Economy",
    "Business",
    "سياسة",
    "Politics",
    "رياضة",
    "الرياضة",
    "Sport",
    "Sports",
    "تقنية",
    "Tech",
    "تكنولوجيا",
    "صحة",
    "Health",
    "علوم",
    "Science",
    "ثقافة",
    "Culture",
    "العالم",
    "World",
    "دولي",
    "طقس",
    "Weather",
    "محليات",
    "Local",
    "رأي",
    "Opinion",
    "مقالات",
    "فنون",
    "Arts",
    "منوعات",
    "Entertainment",
    "غزة",
    "السودان",
    "لبنان",
    "أخبار",
    "اخبار",
    "الانتخابات",
    "النفط",
    "الذهب",
]
PODCAST_TAGS = [
    "Giant",
    "Bomb",
    "GiantBomb",
    "Jeff-Gerstmann",
    "Ryan-Davis",
    "PC",
    "PS3",
    "Xbox-360",
    "Wii",
    "Vinny",
    "Brad",
    "games",
]


def build(reader_dir: Path, articles: int, feeds: int, seed: int) -> None:
    rng = random.Random(seed)
    now = datetime.now(UTC)
    with Reader.open(reader_dir) as reader:
        db = reader._db
        with db.session() as session:
            session.execute(
                insert(FeedRow),
                [
                    {
                        "id": f + 1,
                        "url": f"http://127.0.0.1/{f}.xml",
                        "title": f"Feed {f}",
                        "added": now,
                        "status": "ok",
                    }
                    for f in range(feeds)
                ],
            )
            names = [*SECTIONS, *PODCAST_TAGS]
            session.execute(
                insert(CategoryRow),
                [{"id": i + 1, "name": n, "key": topic_key(n)} for i, n in enumerate(names)],
            )
            ids = {n: i + 1 for i, n in enumerate(names)}
            rows, links, marks = [], [], []
            for a in range(1, articles + 1):
                feed = rng.randrange(feeds) + 1
                when = now - timedelta(minutes=rng.randrange(60 * 24 * 60))
                rows.append(
                    {
                        "id": a,
                        "feed_id": feed,
                        "key": f"k{a}",
                        "title": f"t{a}",
                        "first_seen": when,
                        "sort_time": when,
                    }
                )
                tags = PODCAST_TAGS if feed == 1 else rng.sample(SECTIONS, rng.randint(1, 2))
                links.extend({"article_id": a, "category_id": ids[t]} for t in tags)
                if rng.random() < 0.6:
                    marks.append(
                        {"user_name": USER, "article_id": a, "read": True, "starred": False}
                    )
            for chunk in range(0, len(rows), 5000):
                session.execute(insert(ArticleRow), rows[chunk : chunk + 5000])
            for chunk in range(0, len(links), 20000):
                session.execute(insert(ArticleCategoryRow), links[chunk : chunk + 20000])
            for chunk in range(0, len(marks), 20000):
                session.execute(insert(ArticleStateRow), marks[chunk : chunk + 20000])


def _peak_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def read_topics(profile: Path, runs: int) -> None:
    """Time ``Reader.topics()`` in this process, which has done nothing else."""
    with Reader.open(profile) as reader:
        before = _peak_mb()
        times = []
        for run in range(1, runs + 1):
            started = time.perf_counter()
            topics = reader.topics(everything=True)
            elapsed = (time.perf_counter() - started) * 1000
            times.append(elapsed)
            listed = sum(1 for t in topics if t.listed)
            print(f"run {run}: {elapsed:.0f} ms, {len(topics)} topics, {listed} listed")
        after = _peak_mb()
        print(f"median {statistics.median(times):.0f} ms, worst {max(times):.0f} ms")
        print(f"peak RSS {before:.1f} MB opened, {after:.1f} MB after (+{after - before:.1f} MB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--read", type=Path, help=argparse.SUPPRESS)  # the child's part
    args = parser.parse_args()
    if args.read is not None:
        read_topics(args.read, args.runs)
        return
    with tempfile.TemporaryDirectory() as folder:
        profile = Path(folder) / "profile"
        started = time.perf_counter()
        build(profile, args.articles, args.feeds, args.seed)
        print(
            f"built {args.articles} articles in {args.feeds} feeds "
            f"in {time.perf_counter() - started:.1f} s",
            flush=True,
        )
        command = [sys.executable, __file__, "--read", str(profile), "--runs", str(args.runs)]
        subprocess.run(command, check=True)


if __name__ == "__main__":
    main()
