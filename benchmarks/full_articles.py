"""How well whole-article extraction keeps an Arabic article and drops the rest of its page.

Scores each extractor on the evaluation pages (benchmarks/full_articles_eval/, made
by benchmarks/full_articles_pages.py): the share of the article's body paragraphs
(lead, paragraphs, the quotation) found in what it kept, the share of the page's
boilerplate (sections, ticker, topic counts, share bars, related headlines,
comments, cookie banner, ads, newsletter, footer, script text) not found in it, and
the article's other parts (headline, caption, credit, source line, author, date).
Targets: at least 95 % of body paragraphs kept and 95 % of boilerplate dropped.

    python benchmarks/full_articles.py [--extractors newsreader,readability,trafilatura]

Prints one line per extractor and run, with every figure; nothing is timed against
a target here (the time per page is printed for information).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

import lxml.html

EVAL = Path(__file__).with_name("full_articles_eval")
URL = "https://news.example/article"


def _text(markup: str) -> str:
    if not markup.strip():
        return ""
    # words of neighbouring elements kept apart: "<li>a</li><li>b</li>" is "a b"
    root = lxml.html.fragment_fromstring(markup, create_parent="div")
    return " ".join(" ".join(root.itertext()).split())


def newsreader(data: bytes) -> str:
    from newsreader.fetch.full_text import extract_or_error

    result = extract_or_error(data, URL, "text/html; charset=utf-8")
    return "" if isinstance(result, str) else _text(result.html)


def readability(data: bytes) -> str:
    from readability import Document

    return _text(Document(data.decode("utf-8"), url=URL).summary(html_partial=True))


def trafilatura(data: bytes) -> str:
    import trafilatura as t

    found = t.extract(data.decode("utf-8"), url=URL, include_comments=False, include_images=True)
    return " ".join((found or "").split())


EXTRACTORS: dict[str, Callable[[bytes], str]] = {
    "newsreader": newsreader,
    "readability": readability,
    "trafilatura": trafilatura,
}


def score(
    name: str, extract: Callable[[bytes], str], expected: dict[str, dict], shapes: set[int]
) -> dict[str, float]:
    body = body_kept = boiler = boiler_dropped = parts = parts_kept = 0
    misses: list[str] = []
    started = time.perf_counter()
    chosen = {p: w for p, w in expected.items() if w["shape"] in shapes}
    for page, wanted in sorted(chosen.items()):
        text = extract((EVAL / page).read_bytes())
        for paragraph in wanted["body"]:
            body += 1
            if " ".join(paragraph.split()) in text:
                body_kept += 1
            else:
                misses.append(f"{page}: body «{paragraph[:40]}»")
        for junk in wanted["boilerplate"]:
            boiler += 1
            if " ".join(junk.split()) not in text:
                boiler_dropped += 1
            else:
                misses.append(f"{page}: boilerplate «{junk[:40]}»")
        for part, value in wanted["parts"].items():
            parts += 1
            if value in text:
                parts_kept += 1
            else:
                misses.append(f"{page}: {part} «{value[:40]}»")
    elapsed = time.perf_counter() - started
    return {
        "pages": len(chosen),
        "body_kept": body_kept / body,
        "boilerplate_dropped": boiler_dropped / boiler,
        "parts_kept": parts_kept / parts,
        "ms_per_page": 1000 * elapsed / len(chosen),
        "misses": misses,  # type: ignore[dict-item]
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--extractors", default=",".join(EXTRACTORS))
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()
    expected = json.loads((EVAL / "expected.json").read_text(encoding="utf-8"))
    for name in args.extractors.split(","):
        try:
            EXTRACTORS[name](b"<html><body><p>x</p></body></html>")
        except ImportError as exc:
            print(f"{name:12} not installed ({exc.name}): pip install {name}")
            continue
        for run in range(1, args.runs + 1):
            for label, shapes in (
                ("all", set(range(11))),
                ("named", set(range(5))),
                ("opaque", {5, 6}),
                ("held-out", {7, 8}),
                ("held-out-2", {9, 10}),
            ):
                result = score(name, EXTRACTORS[name], expected, shapes)
                print(
                    f"{name:12} run {run} {label:10}: {result['pages']} pages, body paragraphs kept "
                    f"{result['body_kept']:.1%}, boilerplate dropped {result['boilerplate_dropped']:.1%}, "
                    f"headline/picture/byline/source parts kept {result['parts_kept']:.1%}, "
                    f"{result['ms_per_page']:.1f} ms a page"
                )
                if args.show_misses:
                    for miss in result["misses"][:40]:  # type: ignore[union-attr]
                        print("   ", miss)
    return 0


if __name__ == "__main__":
    sys.exit(main())
