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


def test_the_gui_does_import_qt() -> None:
    """The check above can fail: the same probe sees Qt when the GUI is imported."""
    code = "import sys, newsreader.ui.main_window; print('PySide6' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.stdout.strip() == "True", result.stderr


def test_a_parse_worker_does_not_load_the_database_layer() -> None:
    """Parse workers start faster when parsing pulls in neither SQLAlchemy nor urllib3."""
    code = (
        "import sys\n"
        "from newsreader.fetch.parse import parse_or_error\n"
        "print(sorted(m for m in ('sqlalchemy', 'urllib3', 'alembic') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
