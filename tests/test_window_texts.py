"""The texts a window shows, and ``--screenshot-texts`` writing them beside the picture."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QStringListModel
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from newsreader.window_texts import window_texts

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ROOT / "resources" / "translations" / "newsreader_ar.ts"


def catalogue_translations(catalogue: Path = CATALOGUE) -> set[str]:
    """The Arabic catalogue's finished translations (those without a plural form)."""
    found = set()
    for context in ET.parse(catalogue).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") or message.get("numerus"):
                continue
            text = (translation.text or "").replace("&", "").strip()
            if text:
                found.add(text)
    return found


def test_a_window_s_texts_are_collected(qtbot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    window.setWindowTitle("Title")
    menu = window.menuBar().addMenu("&File")
    menu.addAction("&Quit")
    menu.addSeparator()
    body = QWidget()
    layout = QVBoxLayout(body)
    layout.addWidget(QLabel("A label"))
    layout.addWidget(QPushButton("Save && close"))
    field = QLineEdit()
    field.setPlaceholderText("Search")
    layout.addWidget(field)
    rows = QListView()
    rows.setModel(QStringListModel(["first row", "second row", "first row"]))
    rows.setAccessibleName("The rows")
    layout.addWidget(rows)
    hidden = QLabel("not shown")
    layout.addWidget(hidden)
    hidden.hide()
    window.setCentralWidget(body)
    window.show()
    texts = window_texts(window)
    assert texts[0] == "Title"
    for expected in ("File", "Quit", "A label", "Save & close", "Search", "The rows"):
        assert expected in texts
    assert texts.count("first row") == 1 and "second row" in texts
    assert "not shown" not in texts


@pytest.mark.gui
@pytest.mark.slow
@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_screenshot_s_texts_are_in_the_language_asked_for(
    tmp_path: Path, language: str
) -> None:
    picture, texts = tmp_path / "window.png", tmp_path / "window.txt"
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    done = subprocess.run(
        [
            *(sys.executable, "-m", "newsreader", "--data-dir", str(tmp_path / "data")),
            *("--screenshot", str(picture), "--screenshot-texts", str(texts), "--lang", language),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert picture.stat().st_size > 10_000
    shown = set(texts.read_text(encoding="utf-8").splitlines())
    translated = catalogue_translations() & shown
    if language == "ar":
        assert len(translated) >= 20, sorted(shown)
    else:
        assert translated == set()
        assert {"File", "Refresh"} <= shown
