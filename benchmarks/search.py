"""Search at 100,000 articles: query latency, spelling variants, index size, ingest cost,
and keystroke-to-results in the window.

Each run builds two real SQLite files from the same generated articles (half Arabic,
half English, written for this benchmark from word lists below): one through the
refresh's writer as it is (the search index kept in step), one with indexing turned
off; the difference in ingest time is the index's cost, the difference in file size
its size.  As in a refresh, the indexed articles carry the search documents their
parse step prepared; that preparation is timed apart and counted with parsing, and
the parse cost with and without it comes from a sample parsed both ways.  On the
indexed file it then times ``Reader.search`` (the first page of 50 hits with
snippets) over common Arabic and English queries, counts how many spelling variants
of أحمد a search for احمد finds, and drives the window's search box
(``ui/search_field.py``, offscreen) to time a keystroke and the wait for results.

Every run's figures are printed; targets are judged on the worst run::

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/search.py [--articles N] [--runs 3]
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from benchmarks.verdicts import emit, judge  # noqa: E402

from newsreader.core.parsed import ParsedEntry  # noqa: E402
from newsreader.core.search_text import entry_document  # noqa: E402
from newsreader.core.types import Direction  # noqa: E402
from newsreader.storage import search as search_index  # noqa: E402
from newsreader.storage.database import Database, sqlite_url  # noqa: E402
from newsreader.storage.feeds import add_feed  # noqa: E402
from newsreader.storage.writer import FeedWriter  # noqa: E402

# --- the articles ------------------------------------------------------------------------

AR_COMMON = "في من على إلى أن عن مع هذا التي الذي بعد كما قد بين".split()
EN_COMMON = "the of and to in a for on is that with by at from as".split()
AR_GENERAL = (
    "أعلن أكد قال أشار أوضح كشف بحث ناقش وقع افتتح جديد جديدة كبير كبيرة أول الأولى "
    "الماضي المقبل اليوم أمس الأسبوع الشهر العام مليون مليار ألف نسبة رسمي رسمية مصدر "
    "مصادر تقرير تقارير بيان خطة مشروع الرئيس الحكومة الوزير المدينة العاصمة"
).split()
EN_GENERAL = (
    "announced said confirmed warned revealed discussed signed opened new big first last "
    "next today yesterday week month year million billion thousand percent official source "
    "sources report reports statement plan project president government minister city capital"
).split()
#: Each article is about one section; its words come mostly from the section's list.
AR_SECTIONS = [
    "الاقتصاد أسعار النفط الذهب السوق الأسواق البنك المركزي التضخم الفائدة الدولار المصارف "
    "الشركات الاستثمار التجارة الصادرات الميزانية العجز الأسهم البورصة ارتفع انخفض تراجع صعد",
    "البرلمان الانتخابات المعارضة الحزب الاتفاق المفاوضات الحدود الجيش الأمن اللاجئين "
    "السورية سوريا لبنان مصر العراق الأردن السعودية الإمارات قطر المغرب وزراء القمة",
    "المباراة المنتخب الدوري الفريق اللاعب الهدف البطولة الملعب المدرب الجمهور الكأس "
    "النهائي الفوز الخسارة التعادل الموسم النادي الأهداف الحارس",
    "التكنولوجيا الإنترنت الهاتف التطبيق الذكاء الاصطناعي الشبكة المنصة البيانات الشركة "
    "الناشئة البرمجيات الحاسوب الأمن السيبراني الرقمية المستخدمين",
    "المستشفى الصحة الأطباء المرضى اللقاح الدواء العلاج الوباء الإصابات الفحوص المختبر "
    "التمريض الوزارة الطوارئ الأمراض",
    "الطقس الأمطار الحرارة الرياح العاصفة الثلوج الجفاف المناخ الكهرباء المياه الزراعة "
    "القمح المحاصيل الفيضانات الأرصاد",
    "الفيلم المهرجان الكتاب المعرض الثقافة المسرح الموسيقى الفنان الرواية الشاعر "
    "الجائزة المتحف التراث السينما",
    "المدارس الطلاب الجامعة التعليم المعلمين الامتحانات المناهج الشباب النساء الأطفال "
    "المنح الدراسة الخريجين",
]
EN_SECTIONS = [
    "economy prices oil gold market markets bank central inflation interest rates dollar "
    "banks companies investment trade exports budget deficit shares stocks rose fell",
    "parliament election elections opposition party deal talks border army security "
    "refugees ministers summit vote coalition court judge",
    "match team league player goal championship stadium coach fans cup final win defeat "
    "draw season club goals keeper",
    "technology internet phone app artificial intelligence network platform data startup "
    "software computer cyber digital users",
    "hospital health doctors patients vaccine drug treatment outbreak cases tests lab "
    "nurses ministry emergency disease",
    "weather rain heat wind storm snow drought climate power water farming wheat crops "
    "floods forecast",
    "film festival book exhibition culture theatre music artist novel poet prize museum "
    "heritage cinema",
    "schools students university education teachers exams curriculum young women children "
    "grants study graduates",
]
AHMAD_VARIANTS = ("أحمد", "احمد", "أَحْمَد", "أحمدُ", "وأحمد")
_ATTACHED = ("", "", "", "", "و", "ب", "ل", "ف")
_AR_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
_EN_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _rare_words(r: random.Random, letters: str, count: int) -> list[str]:
    """Made-up words for the long tail of a vocabulary (names, places, rare words)."""
    return ["".join(r.choices(letters, k=r.randint(4, 8))) for _ in range(count)]


class Corpus:
    """Articles from word lists: Arabic and English, realistic lengths, a fixed seed.

    Each article is about one section (most words from its list), with general news
    words, function words and a long tail of rare made-up words, so a section's word
    is found in about an eighth of the articles of its language and "في"/"the" in
    nearly all.
    """

    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)
        self.rare_ar = _rare_words(self.random, _AR_LETTERS, 20_000)
        self.rare_en = _rare_words(self.random, _EN_LETTERS, 20_000)
        self.ahmad_articles = 0

    def _sentence(self, arabic: bool, section: int, length: int) -> str:
        r = self.random
        common = AR_COMMON if arabic else EN_COMMON
        general = AR_GENERAL if arabic else EN_GENERAL
        topical = (AR_SECTIONS if arabic else EN_SECTIONS)[section].split()
        rare = self.rare_ar if arabic else self.rare_en
        out = []
        for _ in range(length):
            roll = r.random()
            if roll < 0.3:
                word = r.choice(common)
            elif roll < 0.55:
                word = r.choice(topical)
            elif roll < 0.75:
                word = r.choice(general)
            else:
                word = rare[int(r.paretovariate(1.1)) % len(rare)]
            if arabic and r.random() < 0.15 and not word.startswith("ال"):
                word = r.choice(_ATTACHED) + word
            out.append(word)
        text = " ".join(out)
        return text if arabic else text[0].upper() + text[1:]

    def entry(self, n: int, when: datetime) -> ParsedEntry:
        r = self.random
        arabic = n % 2 == 0
        section = r.randrange(len(AR_SECTIONS))
        title = self._sentence(arabic, section, r.randint(7, 12))
        summary = self._sentence(arabic, section, r.randint(25, 40)) + "."
        if arabic and r.random() < 0.03:
            summary = f"قال {r.choice(AHMAD_VARIANTS)} " + summary
            self.ahmad_articles += 1
        paragraphs = [
            "<p>"
            + ". ".join(self._sentence(arabic, section, r.randint(12, 25)) for _ in range(3))
            + ".</p>"
            for _ in range(r.randint(3, 6))
        ]
        if r.random() < 0.1:
            paragraphs.append("<p>" + ("٢٠٢٦" if arabic and r.random() < 0.5 else "2026") + "</p>")
        return ParsedEntry(
            key=f"a-{n}",
            title=title,
            link=f"http://127.0.0.1:9/a/{n}",
            author=None,
            summary=summary,
            content_html="".join(paragraphs),
            published=when,
            updated=None,
            language="ar" if arabic else "en",
            direction=Direction.RTL if arabic else Direction.LTR,
            content_hash=f"h{n}",
            categories=(
                (("اقتصاد", "سياسة", "رياضة") if arabic else ("Economy", "World", "Sport"))[
                    section % 3
                ],
            ),
        )


# --- ingest ------------------------------------------------------------------------------

FEEDS = 100
BATCH = 250


def ingest(path: Path | str, entries: list[ParsedEntry], *, indexed: bool) -> float:
    """Store *entries* in a new database at *path* (a file, or a database URL) as a
    refresh's writer does: seconds."""
    db = Database(path if isinstance(path, str) else sqlite_url(path))
    original = search_index.index_entries
    if not indexed:
        search_index.index_entries = lambda *args, **kwargs: None  # type: ignore[assignment]
    try:
        with db.session() as session:
            feeds = [add_feed(session, f"http://127.0.0.1:9/feed/{i}") for i in range(FEEDS)]
        now = datetime(2026, 12, 1, tzinfo=UTC)
        start = time.perf_counter()
        writer = FeedWriter()
        per_feed = len(entries) // FEEDS
        for f, feed_id in enumerate(feeds):
            mine = entries[f * per_feed : (f + 1) * per_feed]
            for b in range(0, len(mine), BATCH):
                with db.session() as session:
                    writer.insert_articles(session, feed_id, mine[b : b + BATCH], now)
        elapsed = time.perf_counter() - start
        if db.url.startswith("sqlite"):
            with db.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        search_index.index_entries = original  # type: ignore[assignment]
        db.close()
    return elapsed


# --- queries -----------------------------------------------------------------------------

QUERIES = [
    "في",
    "the",
    "الذهب",
    "ذهب",
    "اسعار النفط",
    "سوري",
    "الحكومة OR البرلمان",
    '"البنك المركزي"',
    "gold",
    "oil prices",
    "election -president",
    '"central bank"',
    "احمد",
    "2026",
    "topic:اقتصاد الدولار",
]
REPEATS = 8


def query_latency(data_dir: Path, path: Path | str) -> dict[str, Any]:
    from newsreader.reader import Reader

    with Reader.open(data_dir, path if isinstance(path, str) else sqlite_url(path)) as reader:
        for q in QUERIES:  # warm the page cache as a running app has it
            reader.search(q)
        times: dict[str, list[float]] = {q: [] for q in QUERIES}
        cpu: list[float] = []  # this process's CPU time: the cost without the machine's load
        for _ in range(REPEATS):
            for q in QUERIES:
                start, start_cpu = time.perf_counter(), time.process_time()
                results = reader.search(q, limit=50)
                times[q].append((time.perf_counter() - start) * 1000)
                cpu.append((time.process_time() - start_cpu) * 1000)
                assert all(h.snippet is not None for h in results.hits)
        totals = {q: reader.search(q, limit=1).total for q in QUERIES}
    every = [t for ts in times.values() for t in ts]
    return {
        "p50_ms": round(statistics.median(every), 2),
        "p95_ms": round(statistics.quantiles(every, n=20)[-1], 2),
        "cpu_p50_ms": round(statistics.median(cpu), 2),
        "cpu_p95_ms": round(statistics.quantiles(cpu, n=20)[-1], 2),
        "per_query_median_ms": {q: round(statistics.median(ts), 2) for q, ts in times.items()},
        "matches": totals,
    }


# --- the window --------------------------------------------------------------------------

WINDOW_QUERIES = ("gold", "oil prices", "الحكومة", "the")


def keystroke_latency(data_dir: Path, path: Path) -> dict[str, Any]:
    """Type each query into the real search box; time keystrokes and results."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QThreadPool
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from newsreader.reader import Reader
    from newsreader.ui.search_field import SEARCH_DELAY_MS, SearchEdit, SearchField
    from newsreader.ui.tasks import TaskRunner

    app = QApplication.instance() or QApplication([])
    keystrokes: list[float] = []
    to_results: list[float] = []
    after_pause: list[float] = []
    with Reader.open(data_dir, sqlite_url(path)) as reader:
        edit = SearchEdit()
        field = SearchField(reader, TaskRunner(), edit, page_size=200)
        fired: list[float] = []
        done: list[float] = []
        field.timer.timeout.connect(lambda: fired.append(time.perf_counter()))
        field.resultsReady.connect(lambda *_: done.append(time.perf_counter()))
        edit.show()
        for query in WINDOW_QUERIES * 2:
            edit.clear()
            field.search_now()
            fired.clear()
            done.clear()
            last = 0.0
            for char in query:
                start = time.perf_counter()
                if char.isascii():
                    QTest.keyClick(edit, char)
                else:
                    edit.insert(char)  # as an input method delivers it
                last = time.perf_counter()
                keystrokes.append((last - start) * 1000)
                app.processEvents()
            deadline = time.perf_counter() + 30
            while not done and time.perf_counter() < deadline:
                app.processEvents()
                time.sleep(0.001)
            if done:
                to_results.append((done[-1] - last) * 1000)
                after_pause.append((done[-1] - fired[-1]) * 1000 if fired else float("nan"))
        field.stop()
        QThreadPool.globalInstance().waitForDone()  # the last snippets, before the box goes
        app.processEvents()
        edit.close()
    return {
        "debounce_ms": SEARCH_DELAY_MS,
        "keystroke_max_ms": round(max(keystrokes), 2),
        "keystroke_p50_ms": round(statistics.median(keystrokes), 3),
        "last_key_to_results_p50_ms": round(statistics.median(to_results), 1),
        "last_key_to_results_max_ms": round(max(to_results), 1),
        "pause_end_to_results_p50_ms": round(statistics.median(after_pause), 1),
        "pause_end_to_results_max_ms": round(max(after_pause), 1),
    }


# --- a rebuild ---------------------------------------------------------------------------

#: Articles a step of the window's rebuild takes (ui/search_index_label.py).
REBUILD_STEP = 200


def rebuild_figures(path: Path) -> dict[str, Any]:
    """The index rebuilt as after an upgrade: what opening the database pays (emptying
    the index), and each of the window's steps (each holds the write lock)."""
    from newsreader.ui.search_index_label import STEP_ARTICLES

    assert STEP_ARTICLES == REBUILD_STEP
    db = Database(sqlite_url(path))
    try:
        start = time.perf_counter()
        with db.session() as session:
            search_index.start_rebuild(session)
        emptied = time.perf_counter() - start
        steps: list[float] = []
        pending = True
        while pending:
            step = time.perf_counter()
            with db.session() as session:
                search_index.continue_rebuild(session, batch=REBUILD_STEP)
                pending = search_index.rebuild_pending(session)
            steps.append(time.perf_counter() - step)
    finally:
        db.close()
    ordered = sorted(steps)
    return {
        "rebuild_open_s": round(emptied, 3),
        "rebuild_total_s": round(sum(steps), 1),
        "rebuild_steps": len(steps),
        "rebuild_step_p50_ms": round(1000 * statistics.median(steps), 1),
        "rebuild_step_p95_ms": round(1000 * ordered[int(0.95 * (len(ordered) - 1))], 1),
        "rebuild_step_max_ms": round(1000 * ordered[-1], 1),
    }


# --- a run -------------------------------------------------------------------------------


def _entries(count: int, seed: int) -> tuple[list[ParsedEntry], int]:
    corpus = Corpus(seed)
    base = datetime(2026, 12, 1, tzinfo=UTC)
    entries = [corpus.entry(n, base - timedelta(minutes=n)) for n in range(count)]
    return entries, corpus.ahmad_articles


PARSE_SAMPLE = 2000


def _rss(entries: list[ParsedEntry]) -> bytes:
    from email.utils import format_datetime
    from xml.sax.saxutils import escape

    items = "".join(
        f"<item><guid>{e.key}</guid><title>{escape(e.title)}</title><link>{e.link}</link>"
        f"<pubDate>{format_datetime(e.published or datetime.now(UTC))}</pubDate>"
        f"<description>{escape(e.summary or '')}</description>"
        f"<content:encoded>{escape(e.content_html or '')}</content:encoded>"
        + "".join(f"<category>{escape(c)}</category>" for c in e.categories)
        + "</item>"
        for e in entries
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>t</title>'
        f"<link>http://127.0.0.1:9/</link>{items}</channel></rss>"
    ).encode()


def parse_seconds_per_entry(entries: list[ParsedEntry], *, documents: bool) -> float:
    """What parsing costs an entry (feedparser, sanitising, directions), from a sample;
    with *documents*, the search documents the parse step prepares included."""
    import newsreader.fetch.parse as parse

    sample = entries[:PARSE_SAMPLE]
    data = _rss(sample)
    prepare = parse.entry_document
    if not documents:
        parse.entry_document = lambda *args: None  # type: ignore[assignment,return-value]
    try:
        parse.parse_feed(data, url="http://127.0.0.1:9/feed")  # warm: imports, caches
        start = time.perf_counter()
        parsed = parse.parse_feed(data, url="http://127.0.0.1:9/feed")
        elapsed = time.perf_counter() - start
    finally:
        parse.entry_document = prepare
    assert len(parsed.entries) == len(sample)
    return elapsed / len(sample)


def with_documents(entries: list[ParsedEntry]) -> tuple[list[ParsedEntry], float]:
    """*entries* carrying their search documents, as the parse step makes them; seconds."""
    start = time.perf_counter()
    prepared = [
        dataclasses.replace(
            e, search_document=entry_document(e.title, e.summary, e.content_html, e.categories)
        )
        for e in entries
    ]
    return prepared, time.perf_counter() - start


def one_run(count: int, seed: int, folder: Path) -> dict[str, Any]:
    entries, ahmad = _entries(count, seed)
    plain, indexed = folder / "plain.sqlite3", folder / "indexed.sqlite3"
    without = ingest(plain, entries, indexed=False)
    prepared, preparing = with_documents(entries)
    with_index = ingest(indexed, prepared, indexed=True)
    del prepared
    parse = parse_seconds_per_entry(entries, documents=False) * count
    parse_with_documents = parse_seconds_per_entry(entries, documents=True) * count
    size_plain, size_indexed = plain.stat().st_size, indexed.stat().st_size
    latency = query_latency(folder / "profile", indexed)
    window = keystroke_latency(folder / "profile", indexed)
    rebuild = rebuild_figures(indexed)
    return {
        "articles": count,
        "load_average_at_end": round(os.getloadavg()[0], 1),
        "ingest_without_index_s": round(without, 2),
        "ingest_with_index_s": round(with_index, 2),
        "ingest_slowdown_pct": round(100 * (with_index - without) / without, 1),
        "documents_prepared_s": round(preparing, 2),
        "parse_s_from_sample": round(parse, 1),
        "parse_with_documents_s_from_sample": round(parse_with_documents, 1),
        "cold_ingest_slowdown_pct": round(
            100 * ((parse_with_documents + with_index) - (parse + without)) / (parse + without),
            1,
        ),
        "database_mb_without_index": round(size_plain / 2**20, 1),
        "database_mb_with_index": round(size_indexed / 2**20, 1),
        "index_mb": round((size_indexed - size_plain) / 2**20, 1),
        "ahmad_variant_articles": ahmad,
        "ahmad_found_by_احمد": latency["matches"]["احمد"],
        **latency,
        "window": window,
        **rebuild,
    }


def runs(count: int, how_many: int) -> Iterator[dict[str, Any]]:
    for n in range(how_many):
        with tempfile.TemporaryDirectory(prefix="search-bench-") as tmp:
            report = one_run(count, seed=1000 + n, folder=Path(tmp))
        print(f"run {n + 1}: {report}", file=sys.stderr, flush=True)
        yield report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--output", type=Path)
    args = parser.parse_args()
    all_runs = list(runs(args.articles, args.runs))
    report = {
        "benchmark": "search",
        "runs": all_runs,
        "targets": {
            "query_p50_ms": judge([r["p50_ms"] for r in all_runs], 20),
            "query_p95_ms": judge([r["p95_ms"] for r in all_runs], 60),
            "store_only_slowdown_pct": judge([r["ingest_slowdown_pct"] for r in all_runs], 30),
            "cold_ingest_slowdown_pct": judge(
                [r["cold_ingest_slowdown_pct"] for r in all_runs], 30
            ),
            "ahmad_recall": judge(
                [r["ahmad_found_by_احمد"] / max(1, r["ahmad_variant_articles"]) for r in all_runs],
                1.0,
                at_least=True,
            ),
        },
    }
    emit(report, args.output)


if __name__ == "__main__":
    main()
