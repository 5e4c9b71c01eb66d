"""``newsreader --screenshot``: the whole window rendered offscreen to a PNG."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

pytestmark = [pytest.mark.gui, pytest.mark.slow]


def run_cli(*args: str, timeout: float = 180) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    code = "import sys; from newsreader.cli.main import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
    )


def distinct_colours(image: QImage, step: int = 16) -> int:
    colours = set()
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            colours.add(image.pixel(x, y))
    return len(colours)


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_screenshot_of_a_fresh_profile(qapp, tmp_path: Path, lang: str) -> None:
    target = tmp_path / f"shot-{lang}.png"
    result = run_cli(
        "--data-dir", str(tmp_path / "profile"),
        "--screenshot", str(target),
        "--lang", lang,
        "--size", "900x640",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    image = QImage(str(target))
    assert not image.isNull()
    assert (image.width(), image.height()) == (900, 640)
    assert distinct_colours(image) > 20  # a real window, not a blank canvas


def test_a_bad_size_is_a_usage_error(tmp_path: Path) -> None:
    result = run_cli("--data-dir", str(tmp_path), "--screenshot", str(tmp_path / "x.png"),
                     "--size", "huge")  # fmt: skip
    assert result.returncode == 2
    assert "size" in result.stderr
    assert not (tmp_path / "x.png").exists()


def test_a_database_that_cannot_be_opened_is_reported(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = run_cli(
        "--data-dir", str(tmp_path / "p"),
        "--db", f"sqlite:///{blocker}/inside/db.sqlite3",
        "--screenshot", str(tmp_path / "x.png"),
    )  # fmt: skip
    assert result.returncode == 1
    assert "error" in result.stderr
    assert not (tmp_path / "x.png").exists()
