"""The core is a plain Python library: importing it never pulls in Qt."""

from __future__ import annotations

import subprocess
import sys

CORE_MODULES = [
    "newsreader.reader",
    "newsreader.cli",
    "newsreader.update.pipeline",
    "newsreader.fetch.parse",
    "newsreader.fetch.http",
    "newsreader.fetch.opml",
    "newsreader.fetch.discover",
    "newsreader.core.text",
    "newsreader.storage.writer",
]


def test_core_imports_no_qt() -> None:
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in CORE_MODULES)
        + "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
