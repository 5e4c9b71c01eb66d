"""``newsreader --screenshot``: the whole window rendered offscreen to a PNG."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

pytestmark = [pytest.mark.gui, pytest.mark.slow]


def run_cli(
    *args: str, timeout: float = 180, extra_env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env.update(extra_env or {})
    code = "import sys; from newsreader.__main__ import main; sys.exit(main(sys.argv[1:]))"
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


def selection_colour(image: QImage) -> int:
    """The commonest vivid colour: the highlight of the selected rows."""
    counts: dict[int, int] = {}
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            pixel = image.pixel(x, y)
            colour = QColor(pixel)
            if colour.hsvSaturationF() > 0.4 and colour.valueF() > 0.3:
                counts[pixel] = counts.get(pixel, 0) + 1
    assert counts, "nothing is highlighted"
    return max(counts, key=counts.__getitem__)


def first_selected_row(image: QImage) -> tuple[int, int]:
    """Leftmost and rightmost highlighted pixel of the topmost selected row.

    That row is the sidebar's "All articles", selected at start and above the
    article list's first row.
    """
    colour = selection_colour(image)
    for y in range(image.height()):
        xs = [x for x in range(image.width()) if image.pixel(x, y) == colour]
        if len(xs) >= 100:
            return xs[0], xs[-1]
    raise AssertionError("no selected row")


@pytest.fixture(scope="module")
def screenshots(qapp, tmp_path_factory: pytest.TempPathFactory) -> dict[str, QImage]:
    """The window of a fresh profile, taken once in each language."""
    shots = {}
    for lang in ("ar", "en"):
        folder = tmp_path_factory.mktemp(f"shot-{lang}")
        target = folder / "shot.png"
        result = run_cli(
            "--data-dir", str(folder / "profile"),
            "--screenshot", str(target),
            "--lang", lang,
            "--size", "900x640",
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        shots[lang] = QImage(str(target))
    return shots


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_screenshot_of_a_fresh_profile(screenshots: dict[str, QImage], lang: str) -> None:
    image = screenshots[lang]
    assert not image.isNull()
    assert (image.width(), image.height()) == (900, 640)
    assert distinct_colours(image) > 20  # a real window, not a blank canvas


def test_the_arabic_window_is_mirrored(screenshots: dict[str, QImage]) -> None:
    # The sidebar starts the window: at its left edge in English, its right in Arabic.
    width = 900
    left, right = first_selected_row(screenshots["en"])
    assert left < 30 and right < width / 3
    left, right = first_selected_row(screenshots["ar"])
    assert left > width * 2 / 3 and right > width - 30


#: The sizes people use, each language and scheme: 16 pictures, each checked.
SIZES = ((900, 600), (1280, 800), (1920, 1080), (2560, 1440))
SCREENSHOTS_ENV = "NEWSREADER_SCREENSHOTS_DIR"


@pytest.fixture(scope="module")
def gallery(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the pictures go: ``$NEWSREADER_SCREENSHOTS_DIR``, else the run's temp folder."""
    chosen = os.environ.get(SCREENSHOTS_ENV)
    if chosen:
        folder = Path(chosen)
        folder.mkdir(parents=True, exist_ok=True)
        return folder
    return tmp_path_factory.mktemp("screenshots")


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("lang", ["ar", "en"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_size_language_and_scheme_lays_out_soundly(
    gallery: Path, tmp_path: Path, size: tuple[int, int], lang: str, theme: str
) -> None:
    """The window at each size: rendered, and the layout checks find nothing wrong
    (headline column at least a third of the list, no sideways scrolling, feed names
    told apart, an empty comments panel folded)."""
    width, height = size
    target = gallery / f"{lang}-{theme}-{width}x{height}.png"
    result = run_cli(
        "--data-dir", str(tmp_path / "profile"),
        "--screenshot", str(target),
        "--lang", lang, "--theme", theme,
        "--size", f"{width}x{height}",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "layout:" not in result.stderr, result.stderr
    image = QImage(str(target))
    assert (image.width(), image.height()) == size
    assert distinct_colours(image) > 20
    middle = QColor(image.pixel(width // 2, height // 2)).lightness()
    corner = QColor(image.pixel(width - 3, height - 3)).lightness()  # the status bar
    if theme == "dark":
        assert corner < 100
    else:
        assert corner > 150
    assert middle >= 0


def test_at_200_percent_the_picture_doubles_and_still_lays_out(tmp_path: Path) -> None:
    target = tmp_path / "hidpi.png"
    env_scale = {"QT_SCALE_FACTOR": "2"}
    result = run_cli(
        "--data-dir", str(tmp_path / "profile"),
        "--screenshot", str(target),
        "--lang", "ar", "--size", "900x600",
        extra_env=env_scale,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "layout:" not in result.stderr, result.stderr
    image = QImage(str(target))
    assert (image.width(), image.height()) == (1800, 1200)


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


def test_the_window_shows_the_state_of_the_user_it_is_started_for(tmp_path: Path) -> None:
    profile = str(tmp_path / "p")

    def shown(*user: str) -> str:
        texts = tmp_path / f"texts{len(user)}.txt"
        result = run_cli("--data-dir", profile, *user, "--lang", "en",
                         "--screenshot", str(tmp_path / "x.png"),
                         "--screenshot-texts", str(texts))  # fmt: skip
        assert result.returncode == 0, result.stderr
        return texts.read_text(encoding="utf-8")

    first = shown()  # a fresh profile: the demo, all unread for everyone
    total = len(json.loads(run_cli("--data-dir", profile, "articles", "--json").stdout))
    assert f"{total} articles · {total} unread" in first
    listed = json.loads(
        run_cli("--data-dir", profile, "--user", "salma", "articles", "--json").stdout
    )
    for article in listed[:2]:
        marked = run_cli(
            "--data-dir", profile, "--user", "salma", "mark", str(article["id"]), "--read"
        )
        assert marked.returncode == 0, marked.stderr
    assert f"{total} articles · {total - 2} unread" in shown("--user", "salma")
    assert f"{total} articles · {total} unread" in shown()
