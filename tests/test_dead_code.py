"""No dead code: vulture finds nothing unused in the source beyond its whitelist."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "src" / "newsreader"
WHITELIST = Path(__file__).with_name("vulture_whitelist.py")
#: Vulture's confidence in a finding: 60 takes unused functions, methods, classes,
#: attributes and variables; 100 alone would take only unused arguments and
#: unreachable code.
MIN_CONFIDENCE = 60


def vulture(*paths: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "vulture", *map(str, paths), f"--min-confidence={MIN_CONFIDENCE}"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )


def test_no_code_is_unused() -> None:
    result = vulture(SOURCE, WHITELIST)
    assert result.returncode == 0, (
        "Unused code: remove it, or if a framework or only the tests call it, add it to "
        f"{WHITELIST.name} saying who does.\n{result.stdout}{result.stderr}"
    )


def test_the_check_finds_dead_code(tmp_path: Path) -> None:
    """The check above can fail: a function nothing calls is reported."""
    module = tmp_path / "module.py"
    module.write_text(
        "def used() -> int:\n    return 1\n\n\ndef forgotten() -> None:\n    pass\n\n\nused()\n"
    )
    result = vulture(module, WHITELIST)
    assert result.returncode != 0
    assert "unused function 'forgotten'" in result.stdout
    assert "'used'" not in result.stdout


def test_every_whitelisted_name_is_still_in_the_source() -> None:
    """A name whose code is gone leaves the whitelist too."""
    names = re.findall(r"^_\.(\w+)", WHITELIST.read_text(encoding="utf-8"), re.MULTILINE)
    words = set()
    for path in SOURCE.rglob("*.py"):
        words.update(re.findall(r"\w+", path.read_text(encoding="utf-8")))
    assert names and sorted(set(names) - words) == []
