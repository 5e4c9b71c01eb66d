"""The ``newsreader`` entry point serves spawned children first in a packaged build.

A frozen executable started again by multiprocessing (the refresh process) must
hand over to ``multiprocessing.freeze_support()`` before it parses the command line
or imports Qt.  Each case runs the real entry point in a fresh interpreter, with a
stand-in ``freeze_support`` that records what was imported when it was called and
then ends the process, as the real one does in a child.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

#: Modules that must not be loaded before ``freeze_support`` runs.
LATE_MODULES = ("PySide6", "newsreader.cli.main", "newsreader.app", "newsreader.reader", "argparse")

_PROBE = """
import json, multiprocessing, sys

calls = []
late = {late!r}

def freeze_support():
    calls.append(sorted(m for m in sys.modules if m.split(".")[0] in late or m in late))
    print(json.dumps(calls), flush=True)
    raise SystemExit(0)

multiprocessing.freeze_support = freeze_support
if {frozen!r}:
    sys.frozen = True
sys.argv = ["newsreader", "--multiprocessing-fork", "tracker_fd=5", "pipe_handle=7"]

import importlib
module_name, _, function = {entry!r}.partition(":")
entry = getattr(importlib.import_module(module_name), function)
try:
    sys.exit(entry())
finally:
    print(json.dumps(calls), flush=True)
"""


def console_entry() -> str:
    """The ``newsreader`` command's ``module:function`` from pyproject.toml."""
    with (ROOT / "pyproject.toml").open("rb") as f:
        return str(tomllib.load(f)["project"]["scripts"]["newsreader"])


def run_probe(*, frozen: bool) -> tuple[list[list[str]], subprocess.CompletedProcess[str]]:
    code = _PROBE.format(late=LATE_MODULES, frozen=frozen, entry=console_entry())
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    lines = result.stdout.strip().splitlines()
    return (json.loads(lines[-1]) if lines else []), result


def test_the_console_entry_is_the_module_entry() -> None:
    assert console_entry() == "newsreader.__main__:main"


def test_a_frozen_child_is_served_before_anything_else() -> None:
    calls, result = run_probe(frozen=True)
    assert calls == [[]], (calls, result.stderr)
    assert result.returncode == 0, result.stderr


def test_an_ordinary_run_does_not_call_freeze_support() -> None:
    calls, result = run_probe(frozen=False)
    assert calls == [], (calls, result.stderr)
    # the command line went on to the parser, which rejects the child's arguments
    assert result.returncode == 2, result.stderr
    assert "tracker_fd=5" in result.stderr
