"""docs/architecture.md is the living map: every module under src/newsreader is named in it."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "src" / "newsreader"
DOC = ROOT / "docs" / "architecture.md"


def modules() -> list[Path]:
    """Every module of the package but ``__init__`` files and migration versions."""
    return sorted(
        path.relative_to(SOURCE)
        for path in SOURCE.rglob("*.py")
        if path.name != "__init__.py" and "versions" not in path.parts
    )


def unnamed(doc: str, paths: list[Path]) -> list[str]:
    """Modules the doc does not name: a file name shared by several modules (``comments.py``)
    must be named at least as often as there are modules of that name."""
    mentions = Counter(re.findall(r"\b(\w+\.py)\b", doc))
    needed = Counter(path.name for path in paths)
    return sorted(str(p) for p in paths if mentions[p.name] < needed[p.name])


def test_every_module_is_named_in_the_architecture_notes() -> None:
    missing = unnamed(DOC.read_text(encoding="utf-8"), modules())
    assert missing == [], f"docs/architecture.md does not name: {', '.join(missing)}"


def test_a_module_left_out_is_found() -> None:
    doc = "core/ types.py text.py   storage/ comments.py"
    paths = [Path("core/types.py"), Path("storage/comments.py"), Path("update/comments.py")]
    assert unnamed(doc, paths) == ["storage/comments.py", "update/comments.py"]
    assert unnamed(doc + " update/ comments.py", paths) == []
