"""How much GUI-thread CPU one full paint of the sidebar and of the article list costs.

A recount during a refresh repaints every row of the sidebar, and new articles
repaint the list: these paints are the GUI thread's own share of the stalls that
``gui.py --only stall`` measures, without the machine's noise (CPU time of this
thread, not wall time).  Each figure is the mean of ``--paints`` grabs of the
view's viewport; every figure of every run is printed.

The views are the window's own models and delegates over a copy of ``gui.py``'s
benchmark cache (made in ``--cache-dir`` if missing; 1,000 articles by default),
drawn on Qt's offscreen platform in both directions:

- the sidebar, 300 x 1000 pixels, every node open;
- the article list, 1400 x 700, showing "All articles".

``--busy-thread`` runs another Python thread that never sleeps, as a task thread
reading counts does during a refresh, and times each paint on the wall clock: every
call from Qt into Python then waits for the interpreter's lock, which is how a
5 ms paint becomes a stall of several frames.

Run from the repository root with the interpreter that has Newsreader installed::

    python benchmarks/paint.py --cache-dir /tmp/gui-caches --runs 5
    python benchmarks/paint.py --cache-dir /tmp/gui-caches --runs 5 --busy-thread

The result is one JSON object on stdout (and in ``--output``).  Nothing is fetched.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import gui  # the cache builder, beside this file


def _paint_ms(grab: Callable[[], object], paints: int, clock: Callable[[], float]) -> float:
    """Milliseconds of *clock* per call of *grab*, over *paints* calls."""
    start = clock()
    for _ in range(paints):
        grab()
    return (clock() - start) / paints * 1000


def _spin(stop: threading.Event) -> None:
    """Python work that never waits: it holds the interpreter's lock as long as it may."""
    total = 0
    while not stop.is_set():
        for step in range(1000):
            total += step


def measure(profile: Path, runs: int, paints: int, *, busy: bool = False) -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QTreeView

    app = QApplication.instance() or QApplication([sys.argv[0]])
    from newsreader.core.types import ArticleQuery
    from newsreader.reader import Reader
    from newsreader.ui.delegates.article_delegate import ArticleDelegate
    from newsreader.ui.delegates.sidebar_delegate import SidebarDelegate
    from newsreader.ui.fonts import apply_arabic_face
    from newsreader.ui.models.article_list import ArticleListModel
    from newsreader.ui.models.sidebar import SidebarModel, build_snapshot

    apply_arabic_face()
    result: dict[str, Any] = {"clock": "wall, another thread busy" if busy else "GUI thread CPU"}
    clock = time.perf_counter if busy else time.thread_time
    stop = threading.Event()
    if busy:
        threading.Thread(target=_spin, args=(stop,), name="busy", daemon=True).start()
    with Reader.open(profile) as reader:
        sidebar = SidebarModel(reader)
        sidebar.apply_snapshot(build_snapshot(reader))
        articles = ArticleListModel(reader)
        articles.set_query(ArticleQuery())
        for direction, name in (
            (Qt.LayoutDirection.LeftToRight, "ltr"),
            (Qt.LayoutDirection.RightToLeft, "rtl"),
        ):
            side = QTreeView()
            side.setModel(sidebar)
            side.setHeaderHidden(True)
            side.setItemDelegate(SidebarDelegate(side))
            side.setLayoutDirection(direction)
            side.resize(300, 1000)
            side.expandAll()
            side.show()
            listing = QTreeView()
            listing.setModel(articles)
            listing.setRootIsDecorated(False)
            listing.setUniformRowHeights(True)
            listing.setItemDelegate(ArticleDelegate(listing))
            listing.setLayoutDirection(direction)
            listing.resize(1400, 700)
            listing.setColumnWidth(1, 800)
            listing.show()
            app.processEvents()
            for view, key in ((side, "sidebar"), (listing, "article_list")):
                for _ in range(3):  # warm: fonts, shaping caches, pixmaps
                    view.viewport().grab()
                figures = [
                    round(_paint_ms(view.viewport().grab, paints, clock), 3) for _ in range(runs)
                ]
                print(f"{key} {name}: {' '.join(f'{f:.2f}' for f in figures)} ms", file=sys.stderr)
                result[f"{key}_{name}_ms_per_run"] = figures
            side.deleteLater()
            listing.deleteLater()
            app.processEvents()
        result["sidebar_rows"] = len(sidebar.all_keys())
        result["article_rows_loaded"] = articles.rowCount()
    stop.set()
    return result


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache-dir", type=Path, help="gui.py's caches (made if missing)")
    parser.add_argument("--articles", type=int, default=1000, help="cache size (1000)")
    parser.add_argument("--runs", type=int, default=5, help="figures per view (5)")
    parser.add_argument("--paints", type=int, default=40, help="paints a figure (40)")
    parser.add_argument(
        "--busy-thread", action="store_true", help="time on the wall clock beside a busy thread"
    )
    parser.add_argument("--output", type=Path, help="also write the JSON here")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="newsreader-paint-") as work:
        caches = args.cache_dir or Path(work) / "caches"
        source = caches / f"cache-{args.articles}"
        info = gui.ensure_cache(source, args.articles)
        profile = gui.copy_profile(source, Path(work) / "profile")
        report = {
            "machine": gui.machine(),
            "articles": args.articles,
            "cache_reused": bool(info.get("reused")),
            "runs": args.runs,
            "paints_per_figure": args.paints,
            **measure(profile, args.runs, args.paints, busy=args.busy_thread),
        }
    text = json.dumps(report, indent=2)
    print(text)
    if args.output:
        args.output.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
