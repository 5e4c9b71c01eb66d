"""The core is a plain Python library: importing it never pulls in Qt."""

from __future__ import annotations

import subprocess
import sys

CORE_MODULES = [
    "newsreader.reader",
    "newsreader.cli.main",
    "newsreader.update.pipeline",
    "newsreader.fetch.parse",
    "newsreader.fetch.parse_worker",
    "newsreader.fetch.http",
    "newsreader.fetch.opml",
    "newsreader.fetch.discover",
    "newsreader.core.text",
    "newsreader.storage.writer",
]


def _probe(code: str) -> str:
    """What a fresh interpreter running *code* prints (it must succeed)."""
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_core_imports_no_qt() -> None:
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in CORE_MODULES)
        + "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))"
    )
    assert _probe(code).strip() == "[]"


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
        "from newsreader.fetch.parse_worker import PARSING_MODULE, parse_or_error\n"
        "__import__(PARSING_MODULE)\n"
        "print(sorted(m for m in ('sqlalchemy', 'urllib3', 'alembic') if m in sys.modules))"
    )
    assert _probe(code).strip() == "[]"


def test_extracting_an_article_page_does_not_load_the_database_layer_either() -> None:
    """A worker that reads an article's page (whole articles) stays as light as for feeds."""
    code = (
        "import sys\n"
        "from newsreader.fetch.full_text import extract_or_error\n"
        "extract_or_error(b'<html><body><article><p>x</p></article></body></html>',"
        " 'http://127.0.0.1/', 'text/html')\n"
        "print(sorted(m for m in ('sqlalchemy', 'urllib3', 'alembic', 'trafilatura')"
        " if m in sys.modules), 'readability' in sys.modules)"
    )
    assert _probe(code).split() == ["[]", "True"]


def test_handing_out_a_refresh_does_not_load_the_parser() -> None:
    """The process that runs a refresh imports feedparser only if it parses itself."""
    code = (
        "import sys\n"
        "import newsreader.reader, newsreader.update.pipeline, newsreader.update.comments\n"
        "from newsreader.fetch.parse_worker import parse_or_error\n"
        "print(sorted(m for m in ('feedparser', 'nh3', 'newsreader.fetch.parse')"
        " if m in sys.modules))\n"
        "parse_or_error(b'<rss version=\"2.0\"><channel/></rss>', 'http://127.0.0.1/', None)\n"
        "print('feedparser' in sys.modules)"
    )
    assert _probe(code).split() == ["[]", "True"]
