"""Break the code on purpose, one way at a time, and see whether the tests notice.

    python tests/mutations.py                 # every breakage
    python tests/mutations.py --only no-etag  # one (or several, comma-separated)
    python tests/mutations.py --list          # what each breaks, and where

The working tree (tracked files and new ones, not ignored ones) is copied to a
scratch folder once.  Each breakage there replaces pieces of one source file, the
test files named for it run against that copy, and the file is put back.  A
breakage is *caught* when those tests fail and *survives* when they pass; a
survivor is a hole in the suite, to be closed by a test.

Each piece of text a breakage replaces must occur exactly once in its file: when
the code has moved, the breakage stops with an error saying so, rather than
reporting a survivor that was never tried.  Before any breakage, the chosen tests
run once on the unbroken copy and must pass.

Exit status: 0 when every breakage was caught, 1 when one survived, 2 when a
breakage could not be applied or the tests could not run.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: A run of one breakage's tests that takes longer than this counts as caught (a hang).
TIME_LIMIT = 900


@dataclass(frozen=True)
class Breakage:
    name: str
    what: str
    file: str
    #: (text there now, text instead); each "text there now" occurs exactly once.
    edits: tuple[tuple[str, str], ...]
    #: Test files that should catch it.
    tests: tuple[str, ...]


BREAKAGES = (
    Breakage(
        name="no-replies",
        what="a refresh attaches no reply in a feed as a comment",
        file="src/newsreader/update/store.py",
        edits=(
            (
                "        entries, _attached, held = attach_replies(\n"
                "            session, parsed.entries, source_url=feed.url, now=now,"
                " feed_id=feed.feed_id\n"
                "        )\n",
                "        entries, held = list(parsed.entries), 0\n",
            ),
            (
                "            attach_stored_replies(session, feed.feed_id,"
                " [e.link for e in intents.new], now)\n",
                "            pass\n",
            ),
        ),
        tests=(
            "tests/update/test_comments.py",
            "tests/storage/test_query_plans.py",
            "tests/cli/test_comments.py",
        ),
    ),
    Breakage(
        name="scripts-kept",
        what="the sanitizer no longer removes <script> with its content",
        file="src/newsreader/core/html.py",
        edits=(('        "script",\n        "style",\n', '        "style",\n'),),
        tests=(
            "tests/fetch/test_sanitize.py",
            "tests/fetch/test_parse.py",
            "tests/update/test_comments.py",
        ),
    ),
    Breakage(
        name="no-etag",
        what="a fetch never sends If-None-Match",
        file="src/newsreader/fetch/http.py",
        edits=(('        headers["If-None-Match"] = etag\n', "        pass\n"),),
        tests=("tests/fetch/test_http.py", "tests/reader/test_refresh.py"),
    ),
    Breakage(
        name="arabic-not-rtl",
        what="Arabic letters (bidi class AL) no longer count as right to left",
        file="src/newsreader/core/text.py",
        edits=(('_RTL_CLASSES = frozenset({"R", "AL"})', '_RTL_CLASSES = frozenset({"R"})'),),
        tests=("tests/core/test_text.py", "tests/fetch/test_parse.py"),
    ),
    Breakage(
        name="read-state-lost",
        what="the writer deletes an article's read and starred marks when it updates it",
        file="src/newsreader/storage/writer.py",
        edits=(
            (
                "            session.execute(update(ArticleRow).where(ArticleRow.id =="
                " article_id).values(values))\n",
                "            session.execute(update(ArticleRow).where(ArticleRow.id =="
                " article_id).values(values))\n"
                "            from newsreader.storage.models import ArticleStateRow\n\n"
                "            session.execute(\n"
                "                delete(ArticleStateRow).where(ArticleStateRow.article_id =="
                " article_id)\n"
                "            )\n",
            ),
        ),
        tests=("tests/reader/test_refresh.py",),
    ),
)


class BreakageError(Exception):
    """A breakage that cannot be applied: its text is not (or not once) in its file."""


def broken(text: str, breakage: Breakage) -> str:
    for old, new in breakage.edits:
        found = text.count(old)
        if found != 1:
            where = "is not" if found == 0 else f"is {found} times"
            raise BreakageError(
                f"{breakage.name}: this text {where} in {breakage.file} (has the code "
                f"moved? point the breakage at its new home):\n{old}"
            )
        text = text.replace(old, new)
    return text


def copy_tree(target: Path) -> None:
    """The working tree as it is now: tracked files and new ones, not ignored ones."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.split(b"\0")
    for name in filter(None, listed):
        source = ROOT / os.fsdecode(name)
        if source.is_file():  # a deleted file is still in the index
            destination = target / os.fsdecode(name)
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, destination)


def run_tests(copy: Path, tests: Sequence[str]) -> tuple[str, str]:
    """("passed" | "failed" | "timed out" | "error", the end of pytest's output)."""
    env = {
        **os.environ,
        # The copy's package comes before the installed (editable) one.
        "PYTHONPATH": os.pathsep.join([str(copy / "src"), str(copy)]),
        "QT_QPA_PLATFORM": "offscreen",
        "NO_PROXY": "127.0.0.1,localhost",
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    env.pop("CI", None)  # a skip is not what is asked here
    command = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "-x", *tests]
    try:
        done = subprocess.run(
            command, cwd=copy, env=env, capture_output=True, text=True, timeout=TIME_LIMIT
        )
    except subprocess.TimeoutExpired:
        return "timed out", ""
    tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-3:])
    outcome = {0: "passed", 1: "failed"}.get(done.returncode, "error")
    return outcome, tail


def check_imports_the_copy(copy: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(copy / "src")}
    found = subprocess.run(
        [sys.executable, "-c", "import newsreader; print(newsreader.__file__)"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if not Path(found).resolve().is_relative_to(copy.resolve()):
        raise SystemExit(f"the tests would import {found}, not the scratch copy")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--only", help="comma-separated names of breakages to try")
    parser.add_argument("--list", action="store_true", help="list the breakages and stop")
    parser.add_argument("--keep", action="store_true", help="keep the scratch copy")
    args = parser.parse_args(argv)

    chosen = list(BREAKAGES)
    if args.only:
        names = {n.strip() for n in args.only.split(",")}
        unknown = names - {b.name for b in BREAKAGES}
        if unknown:
            parser.error(f"no breakage named {', '.join(sorted(unknown))}")
        chosen = [b for b in BREAKAGES if b.name in names]
    if args.list:
        for b in chosen:
            print(f"{b.name}: {b.what}\n  in {b.file}; caught by {', '.join(b.tests)}")
        return 0

    # Every breakage must apply before anything runs.
    try:
        for b in chosen:
            broken((ROOT / b.file).read_text(encoding="utf-8"), b)
    except (BreakageError, FileNotFoundError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2

    scratch = Path(tempfile.mkdtemp(prefix="newsreader-mutations-"))
    try:
        copy_tree(scratch)
        check_imports_the_copy(scratch)
        all_tests = sorted({t for b in chosen for t in b.tests})
        print(f"baseline: {len(all_tests)} test files on the unbroken copy ...", flush=True)
        outcome, tail = run_tests(scratch, all_tests)
        if outcome != "passed":
            print(f"error: the tests do not pass unbroken ({outcome}):\n{tail}", file=sys.stderr)
            return 2

        survivors, errors = [], []
        for b in chosen:
            path = scratch / b.file
            original = path.read_text(encoding="utf-8")
            path.write_text(broken(original, b), encoding="utf-8")
            started = time.monotonic()
            try:
                outcome, tail = run_tests(scratch, b.tests)
            finally:
                path.write_text(original, encoding="utf-8")
            seconds = time.monotonic() - started
            verdict = {
                "failed": "caught",
                "timed out": "caught (the tests hung)",
                "passed": "SURVIVED",
            }.get(outcome, "ERROR")
            print(f"{b.name:16} {verdict:10} {seconds:5.0f} s  {b.what}", flush=True)
            if outcome == "passed":
                survivors.append(b.name)
            elif outcome == "error":
                errors.append(b.name)
                print(tail, file=sys.stderr)
    finally:
        if args.keep:
            print(f"scratch copy kept in {scratch}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)

    if errors:
        print(f"could not run the tests for: {', '.join(errors)}")
        return 2
    if survivors:
        print(f"survived: {', '.join(survivors)}")
        return 1
    print("every breakage was caught")
    return 0


if __name__ == "__main__":
    sys.exit(main())
