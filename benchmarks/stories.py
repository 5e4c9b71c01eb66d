"""Stories: the detector's precision and recall, and grouping at 100,000 articles.

Two parts, both printed on every run:

1. **Evaluation.** The labelled pairs of ``benchmarks/stories_eval.jsonl`` (written
   for Newsreader by ``benchmarks/stories_events.py``): each pair's two articles are
   signed, the window's document frequencies are taken over every article of the
   set, and :func:`newsreader.core.stories.same_event` says same event or not.
   Precision and recall overall and per language, at the detector's threshold and
   at its neighbours (the threshold was chosen on this set); and the same pairs
   scored after grouping every article of the set (``grouped``: are the two in one
   story?), which is what the join rule decides.
2. **Scale.** A generated corpus (default 100,000 articles, 200 feeds, 30 days; a
   third of the events told by several feeds, some articles syndicated word for
   word) is stored in refreshes of ``--batch`` articles, oldest first, into two
   fresh databases in the same run: one only stores (what a refresh's store step
   does), the other stores and then groups (``update.stories.group_new_articles``).
   Reported: store time, grouping time, the slowdown of ingest from grouping, the
   slowest refresh's grouping, the peak Python memory of grouping one more refresh
   at full size (``tracemalloc``), the process's peak resident memory, the stories
   and copies found, how pure the stories are against the generated events (and the
   share of a story's article pairs from one event), grouping's cost per article,
   and the time to list the stories and the first page of articles at the end.

Usage (from the repository root, with the project's interpreter)::

    python benchmarks/stories.py                        # 100,000 articles
    python benchmarks/stories.py --articles 20000       # a quick look
    python benchmarks/stories.py --eval-only

The result is one JSON object on stdout (and in ``--output``); progress on stderr.
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import resource
import shutil
import sys
import tempfile
import time
import tracemalloc
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from newsreader.core import stories as detector
from newsreader.core.parsed import ParsedEntry
from newsreader.core.types import ArticleQuery, Direction
from newsreader.storage import articles as article_store
from newsreader.storage import feeds as feed_store
from newsreader.storage import stories as story_store
from newsreader.storage.database import Database, sqlite_url
from newsreader.storage.models import ArticleCopyRow, ArticleRow
from newsreader.storage.writer import FeedWriter
from newsreader.update.stories import group_new_articles

HERE = Path(__file__).resolve().parent
EVAL_FILE = HERE / "stories_eval.jsonl"
T0 = datetime(2026, 11, 1, tzinfo=UTC)


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# -- 1. evaluation ------------------------------------------------------------------


def evaluate(thresholds: list[float]) -> dict[str, Any]:
    rows = [json.loads(line) for line in EVAL_FILE.read_text(encoding="utf-8").splitlines()]
    ids: dict[tuple[str, str], int] = {}

    def sign(side: dict[str, Any], feed: int) -> detector.Signature:
        key = (side["title"], side["lead"])
        number = ids.setdefault(key, len(ids) + 1)
        when = T0 + timedelta(hours=side["hours"])
        return detector.signature(number * 10 + feed, feed, when, side["title"], side["lead"])

    pairs = [(sign(r["a"], 1), sign(r["b"], 2), r) for r in rows]
    index = detector.EventIndex(s for a, b, _ in pairs for s in (a, b))
    scored = [(index.similarity(a, b), detector.same_event(index, a, b), r) for a, b, r in pairs]
    report: dict[str, Any] = {
        "pairs": len(rows),
        "by_kind": dict(collections.Counter(f"{r['lang']}:{r['kind']}" for r in rows)),
        "threshold": detector.STORY_THRESHOLD,
    }

    def score(decided: list[tuple[bool, dict[str, Any]]]) -> dict[str, Any]:
        tp = sum(1 for d, r in decided if d and r["same"])
        fp = sum(1 for d, r in decided if d and not r["same"])
        fn = sum(1 for d, r in decided if not d and r["same"])
        return {
            "precision": round(tp / (tp + fp), 3) if tp + fp else None,
            "recall": round(tp / (tp + fn), 3) if tp + fn else None,
            "tp": tp,
            "fp": fp,
            "fn": fn,
        }

    for lang in ("all", "ar", "en"):
        chosen = [(d, r) for _s, d, r in scored if lang in ("all", r["lang"])]
        report[lang] = score(chosen)
    report["thresholds"] = {str(t): score([(s >= t, r) for s, _d, r in scored]) for t in thresholds}
    grouped = list(zip(grouped_decisions(rows), rows, strict=True))
    report["grouped"] = score(grouped)
    report["grouped_by_language"] = {
        lang: score([(d, r) for d, r in grouped if r["lang"] == lang]) for lang in ("ar", "en")
    }
    report["missed"] = [
        [r["a"]["title"], r["b"]["title"]] for _s, d, r in scored if r["same"] and not d
    ]
    report["false"] = [
        [r["a"]["title"], r["b"]["title"]] for _s, d, r in scored if d and not r["same"]
    ]
    return report


def grouped_decisions(rows: list[dict[str, Any]]) -> list[bool]:
    """For each labelled pair: are its two articles in one story once grouped?

    Every article of the set (each telling from a feed of its own) goes through
    :func:`newsreader.core.stories.plan_grouping` oldest first, in one window, as a
    refresh would group them; a pair is "same event" when its two articles end up
    in one story (or one is a copy of the other).  This scores the join rule, not
    only the pairwise similarity: what a reader sees.
    """
    ids: dict[tuple[str, str], int] = {}
    signatures = []
    for row in rows:
        for side in (row["a"], row["b"]):
            key = (side["title"], side["lead"])
            if key not in ids:
                number = ids[key] = len(ids) + 1
                when = T0 + timedelta(hours=side["hours"])
                signatures.append(
                    detector.signature(number, number, when, side["title"], side["lead"])
                )
    plan = detector.plan_grouping(detector.EventIndex(), signatures, {}, {})

    def story(key: tuple[str, str]) -> tuple[str, int]:
        article = ids[key]
        article = plan.copies.get(article, article)
        found = plan.joins.get(article)
        return ("story", found) if found is not None else ("alone", article)

    return [
        story((r["a"]["title"], r["a"]["lead"])) == story((r["b"]["title"], r["b"]["lead"]))
        for r in rows
    ]


# -- 2. scale -----------------------------------------------------------------------

AR_TOPICS = (
    "زلزال حريق انتخابات فيضان مباراة إضراب قمة اتفاق معرض مهرجان محكمة قرار ميزانية"
    " تطعيم إطلاق افتتاح احتجاج صفقة عاصفة جفاف"
).split()
EN_TOPICS = (
    "earthquake fire election flood match strike summit deal exhibition festival court"
    " ruling budget vaccine launch opening protest merger storm drought"
).split()
AR_FILLER = (
    "أعلنت السلطات مساء صباح اليوم الجديد الكبير المحلية الرسمية مصادر مسؤول وزارة"
    " المدينة المنطقة الشمال الجنوب السكان الأهالي الحكومة الرئيس البلاد العاصمة"
    " فرق عشرات مئات آلاف أيام أسبوع شهر عام نتائج أرقام تقرير بيان مؤتمر"
).split()
EN_FILLER = (
    "officials announced morning evening today new major local official sources minister"
    " city region north south residents government president country capital teams"
    " dozens hundreds thousands days week month year results figures report statement"
).split()
AR_SYLLABLES = "بر كا مو سا لي دا نو را تي حا زي فو قا شا جو".split()
EN_SYLLABLES = "bar ka mo sa li da no ra ti ha zi fo qua sha jo".split()


def _pick(rng: random.Random, common: list[str], words: list[str], count: int) -> list[str]:
    """Words of a text: half common ones, half from the long tail (skewed to its head)."""
    head = rng.sample(common, count // 2)
    tail = [
        words[min(len(words) - 1, int(rng.paretovariate(1.0) * 20))]
        for _ in range(count - count // 2)
    ]
    return head + tail


@dataclass(frozen=True, slots=True)
class Generated:
    feed: int
    key: str
    title: str
    lead: str
    published: datetime
    event: int


def _word(number: int, syllables: list[str]) -> str:
    """A made-up word of its own for every number (names, and the rarer vocabulary)."""
    letters = []
    while True:
        number, digit = divmod(number, len(syllables))
        letters.append(syllables[digit])
        if not number:
            return "".join(letters) + syllables[len(letters) % len(syllables)]


def _vocabulary(syllables: list[str], common: list[str], size: int) -> list[str]:
    """The common words, then made-up ones: a long tail, as real news has."""
    return common + [_word(n + 500, syllables) for n in range(size)]


def generate(articles: int, feeds: int, days: int, seed: int) -> list[Generated]:
    """Articles of events told by one to six feeds; some copied word for word."""
    rng = random.Random(seed)
    ar_words = _vocabulary(AR_SYLLABLES, AR_FILLER, 5000)
    en_words = _vocabulary(EN_SYLLABLES, EN_FILLER, 5000)
    out: list[Generated] = []
    event = 0
    while len(out) < articles:
        event += 1
        arabic = event % 2 == 0
        topics, filler, syl = (
            (AR_TOPICS, AR_FILLER, AR_SYLLABLES) if arabic else (EN_TOPICS, EN_FILLER, EN_SYLLABLES)
        )
        words_of = ar_words if arabic else en_words
        topic = rng.choice(topics)
        names = [_word(event * 3 + k + 10**6, syl) for k in range(3)]  # nobody else's
        figure = f"{rng.randint(2, 999)}"
        start = T0 + timedelta(seconds=rng.uniform(0, days * 86400))
        tellings = 1 if rng.random() < 0.6 else rng.randint(2, 6)
        # Arabic events in even-numbered feeds, English ones in odd-numbered feeds
        feed_pool = [f for f in range(1, feeds + 1) if f % 2 == (0 if arabic else 1)]
        chosen = rng.sample(feed_pool, min(tellings, len(feed_pool)))
        first: Generated | None = None
        for n, feed in enumerate(chosen):
            when = start + timedelta(hours=rng.uniform(0, 30))
            if first is not None and rng.random() < 0.15:  # syndicated word for word
                out.append(Generated(feed, f"e{event}-{n}", first.title, first.lead, when, event))
                continue
            words = [topic, *rng.sample(names, 2), figure, *_pick(rng, filler, words_of, 3)]
            rng.shuffle(words)
            lead = [topic, *names, figure, *_pick(rng, filler, words_of, 12)]
            rng.shuffle(lead)
            item = Generated(feed, f"e{event}-{n}", " ".join(words), " ".join(lead), when, event)
            first = first or item
            out.append(item)
    return sorted(out[:articles], key=lambda g: g.published)


def _entry(g: Generated) -> ParsedEntry:
    return ParsedEntry(
        key=g.key,
        title=g.title,
        link=None,
        author=None,
        summary=g.lead,
        content_html=None,
        published=g.published,
        updated=None,
        language=None,
        direction=Direction.LTR,
        content_hash=g.key,
    )


def _new_database(folder: Path, name: str, feeds: int) -> Database:
    db = Database(sqlite_url(folder / f"{name}.sqlite3"))
    with db.session() as session:
        for f in range(1, feeds + 1):
            feed_store.add_feed(session, f"http://127.0.0.1:9/feed/{f}")
    return db


def _store(db: Database, batch: list[Generated], now: datetime) -> None:
    by_feed: dict[int, list[ParsedEntry]] = collections.defaultdict(list)
    for g in batch:
        by_feed[g.feed].append(_entry(g))
    writer = FeedWriter()
    with db.session() as session:
        for feed, entries in by_feed.items():
            writer.insert_articles(session, feed, entries, now)


def scale(
    articles: int, feeds: int, days: int, batch: int, seed: int, keep: bool
) -> dict[str, Any]:
    log(f"generating {articles} articles ...")
    corpus = generate(articles, feeds, days, seed)
    extra = generate(batch, feeds, 1, seed + 1)
    last_time = corpus[-1].published
    extra = [
        Generated(g.feed, f"x{g.key}", g.title, g.lead, last_time + (g.published - T0), g.event)
        for g in extra
    ]
    batches = [corpus[i : i + batch] for i in range(0, len(corpus), batch)]
    folder = Path(tempfile.mkdtemp(prefix="stories-bench-"))
    plain = _new_database(folder, "store-only", feeds)
    grouped = _new_database(folder, "store-and-group", feeds)
    store_only = store_grouped = grouping = 0.0
    slowest = 0.0
    for n, chunk in enumerate(batches):
        now = T0 + timedelta(days=days + 1, seconds=n)  # first_seen: one refresh each
        # alternate which database goes first, so neither always has the warmer cache
        order = (plain, grouped) if n % 2 == 0 else (grouped, plain)
        for db in order:
            started = time.perf_counter()
            _store(db, chunk, now)
            spent = time.perf_counter() - started
            if db is plain:
                store_only += spent
            else:
                store_grouped += spent
                started = time.perf_counter()
                group_new_articles(db, now)
                took = time.perf_counter() - started
                grouping += took
                slowest = max(slowest, took)
        if n % 10 == 0:
            log(
                f"  refresh {n + 1}/{len(batches)}: store {store_only:.1f}s,"
                f" store {store_grouped:.1f}s + group {grouping:.1f}s"
            )

    now = T0 + timedelta(days=days + 2)
    _store(grouped, extra, now)
    tracemalloc.start()
    started = time.perf_counter()
    group_new_articles(grouped, now)
    one_more = time.perf_counter() - started
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    with grouped.session() as session:
        started = time.perf_counter()
        stories = story_store.list_stories(session, 50)
        list_seconds = time.perf_counter() - started
        started = time.perf_counter()
        page = article_store.list_articles(session, ArticleQuery(), limit=100)
        page_seconds = time.perf_counter() - started
        all_stories = story_store.list_stories(session, None)
        copies = session.execute(select(func.count()).select_from(ArticleCopyRow)).scalar_one()
        keys = dict(session.execute(select(ArticleRow.id, ArticleRow.key)).all())
    event_of = {g.key: g.event for g in corpus} | {g.key: g.event for g in extra}
    members = sum(s.count for s in all_stories)
    majority = sum(
        collections.Counter(event_of[keys[a]] for a in s.article_ids).most_common(1)[0][1]
        for s in all_stories
    )
    multi = collections.Counter(g.event for g in corpus)
    pairs_in_stories = sum(s.count * (s.count - 1) // 2 for s in all_stories)
    same_event_pairs = sum(
        n * (n - 1) // 2
        for s in all_stories
        for n in collections.Counter(event_of[keys[a]] for a in s.article_ids).values()
    )
    for db in (plain, grouped):
        db.close()
    if not keep:
        shutil.rmtree(folder, ignore_errors=True)
    return {
        "articles": articles,
        "feeds": feeds,
        "days": days,
        "batch": batch,
        "refreshes": len(batches),
        "store_only_seconds": round(store_only, 2),
        "store_seconds_with_grouping": round(store_grouped, 2),
        "grouping_seconds": round(grouping, 2),
        "ingest_slowdown": round((store_grouped + grouping) / store_only - 1, 3),
        "slowest_refresh_grouping_seconds": round(slowest, 3),
        "one_more_refresh_grouping_seconds": round(one_more, 3),
        "one_more_refresh_grouping_peak_python_mb": round(peak / 2**20, 1),
        "process_peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "stories_listed": len(all_stories),
        "story_members": members,
        "story_purity": round(majority / members, 3) if members else None,
        "story_pair_precision": (
            round(same_event_pairs / pairs_in_stories, 3) if pairs_in_stories else None
        ),
        "grouping_us_per_article": round(grouping / articles * 1e6, 1),
        "generated_events_told_twice_or_more": sum(1 for c in multi.values() if c > 1),
        "copies": copies,
        "list_stories_50_seconds": round(list_seconds, 4),
        "first_page_100_seconds": round(page_seconds, 4),
        "first_story": stories[0].title if stories else None,
        "database_folder": str(folder) if keep else None,
    }


# -- 3. the refresh pipeline ------------------------------------------------------------


def pipeline(feeds: int, items: int, runs: int) -> dict[str, Any]:
    """Cold refreshes of a served corpus, with and without grouping, alternating.

    The ingest benchmark's corpus (``corpus.py``, served by ``serve.py`` on
    127.0.0.1) is refreshed from nothing by the real pipeline (fetch threads, parse
    workers, batched store) into a fresh profile; the only difference between the
    two is ``Refresher(group_stories=...)``.  Each run does both, in turns.
    """
    sys.path.insert(0, str(HERE))
    from corpus import generate_corpus  # type: ignore[import-not-found]
    from serve import FeedServer  # type: ignore[import-not-found]

    from newsreader.reader import Reader
    from newsreader.update.pipeline import Refresher

    rows = []
    with FeedServer() as server:
        corpus = generate_corpus(feeds, items, base_url=server.base_url)
        server.publish((f.path, f.body, f.content_type) for f in corpus.feeds)
        log(f"pipeline: {corpus.describe()}")
        for run in range(runs):
            figures: dict[str, Any] = {"run": run + 1}
            for grouping in (True, False) if run % 2 == 0 else (False, True):
                profile = Path(tempfile.mkdtemp(prefix="stories-pipe-"))
                with Reader.open(profile) as reader:
                    for f in corpus.feeds:
                        reader.subscribe(server.url(f.path))
                    refresher = Refresher(
                        reader._db,
                        reader._transport,
                        parse_pool=reader._parse_pool,
                        group_stories=grouping,
                    )
                    started = time.perf_counter()
                    summary = refresher.run(include_not_due=True)
                    seconds = time.perf_counter() - started
                    name = "with_grouping" if grouping else "without_grouping"
                    figures[f"{name}_seconds"] = round(seconds, 2)
                    figures[f"{name}_new"] = summary.new
                    if grouping:
                        figures["stories"] = len(reader.stories(limit=None))
                shutil.rmtree(profile, ignore_errors=True)
            figures["slowdown"] = round(
                figures["with_grouping_seconds"] / figures["without_grouping_seconds"] - 1, 3
            )
            log(f"  run {run + 1}: {figures}")
            rows.append(figures)
    return {"feeds": feeds, "items": items, "runs": rows}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--days", type=int, default=30)
    parser.add_argument("--batch", type=int, default=1000, help="articles per refresh")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--eval-only", action="store_true")
    parser.add_argument("--pipeline-runs", type=int, default=3, help="0 skips that part")
    parser.add_argument("--pipeline-feeds", type=int, default=200)
    parser.add_argument("--pipeline-items", type=int, default=50)
    parser.add_argument("--output", type=Path)
    parser.add_argument("--keep", action="store_true", help="keep the scale part's databases")
    args = parser.parse_args()
    result: dict[str, Any] = {
        "evaluation": evaluate([0.16, 0.18, 0.2, 0.22, 0.24, 0.26, 0.3]),
    }
    ev = result["evaluation"]
    log(
        "evaluation (grouped): P={} R={}".format(
            ev["grouped"]["precision"], ev["grouped"]["recall"]
        )
    )
    log(
        "evaluation: {} pairs; all P={} R={}; ar P={} R={}; en P={} R={}".format(
            ev["pairs"],
            ev["all"]["precision"],
            ev["all"]["recall"],
            ev["ar"]["precision"],
            ev["ar"]["recall"],
            ev["en"]["precision"],
            ev["en"]["recall"],
        )
    )
    if not args.eval_only:
        result["scale"] = scale(
            args.articles, args.feeds, args.days, args.batch, args.seed, args.keep
        )
        s = result["scale"]
        log(
            f"scale: {s['articles']} articles in {s['refreshes']} refreshes: store only"
            f" {s['store_only_seconds']}s; with grouping {s['store_seconds_with_grouping']}s"
            f" + {s['grouping_seconds']}s grouping = slowdown {s['ingest_slowdown']:.1%};"
            f" peak grouping memory {s['one_more_refresh_grouping_peak_python_mb']} MB"
        )
        if args.pipeline_runs:
            result["pipeline"] = pipeline(
                args.pipeline_feeds, args.pipeline_items, args.pipeline_runs
            )
    text = json.dumps(result, ensure_ascii=False, indent=2)
    print(text)
    if args.output:
        args.output.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
