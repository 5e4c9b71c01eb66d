"""Preferences kept as JSON, and whether the command line reorders right-to-left text."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from newsreader.core.settings import Settings, load_settings, save_settings, terminal_visual

AUTO = Settings(terminal_bidi="auto")


@pytest.mark.parametrize(
    ("environ", "visual"),
    [
        ({}, True),  # xterm, the Linux console, most others: they print as given
        ({"VTE_VERSION": "5402"}, True),  # VTE before it learnt bidi
        ({"VTE_VERSION": "5703"}, False),  # GNOME Terminal and VTE since 0.57.3 reorder
        ({"VTE_VERSION": "7600"}, False),
        ({"VTE_VERSION": "garbage"}, True),
        ({"KONSOLE_VERSION": "240802"}, False),
        ({"MLTERM": "3.9.3"}, False),
        # inside tmux or screen the outer terminal is unknown
        ({"VTE_VERSION": "7600", "TMUX": "/tmp/tmux-0/default,1,0"}, True),
        ({"KONSOLE_VERSION": "240802", "STY": "1234.pts-0"}, True),
    ],
)
def test_auto_is_visual_unless_the_terminal_reorders_itself(
    environ: dict[str, str], visual: bool
) -> None:
    assert terminal_visual(AUTO, isatty=True, environ=environ) is visual


def test_piped_output_is_logical_and_choices_win() -> None:
    assert terminal_visual(AUTO, isatty=False, environ={}) is False
    vte = {"VTE_VERSION": "7600"}
    assert terminal_visual(AUTO, isatty=True, explicit="visual", environ=vte) is True
    assert terminal_visual(AUTO, isatty=True, environ={**vte, "NEWSREADER_BIDI": "visual"})
    assert not terminal_visual(AUTO, isatty=True, environ={"NEWSREADER_BIDI": "logical"})
    assert terminal_visual(Settings(terminal_bidi="visual"), isatty=False, environ=vte)


# -- the settings file ---------------------------------------------------------------------


def test_no_file_means_the_defaults_and_nothing_to_warn_of(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="newsreader.core.settings"):
        assert load_settings(tmp_path / "settings.json") == Settings()
    assert caplog.records == []


def test_settings_come_back_as_saved(tmp_path: Path) -> None:
    path = tmp_path / "config" / "settings.json"
    chosen = Settings().with_changes(language="ar", refresh_minutes=15, notifications=True)

    save_settings(path, chosen)

    assert load_settings(path) == chosen
    assert [p.name for p in path.parent.iterdir()] == ["settings.json"]  # no temporary file left


def test_a_newer_versions_keys_survive_a_save(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"zoom": 2, "reading_font": "Amiri"}), encoding="utf-8")

    loaded = load_settings(path)
    save_settings(path, loaded.with_changes(zoom=3))

    saved = json.loads(path.read_text(encoding="utf-8"))
    assert (saved["reading_font"], saved["zoom"]) == ("Amiri", 3)


def test_values_of_the_wrong_kind_are_left_at_their_defaults(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(
        json.dumps({"language": 7, "refresh_minutes": "often", "font_size": 14}), encoding="utf-8"
    )
    assert load_settings(path) == Settings(font_size=14)


def test_true_is_no_number_of_minutes(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"refresh_minutes": True, "notifications": 1}), encoding="utf-8")
    assert load_settings(path) == Settings()


@pytest.mark.parametrize("text", ["{not json", "[1, 2]", '"ar"'])
def test_a_damaged_file_gives_the_defaults_and_is_left_until_the_user_saves(
    tmp_path: Path, text: str
) -> None:
    path = tmp_path / "settings.json"
    path.write_text(text, encoding="utf-8")

    assert load_settings(path) == Settings()

    assert path.read_text(encoding="utf-8") == text
    save_settings(path, Settings(zoom=1))
    assert load_settings(path) == Settings(zoom=1)


def test_an_unreadable_file_is_said_so_in_the_log(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "settings.json"
    path.write_text("{not json", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="newsreader.core.settings"):
        load_settings(path)
    assert "ignoring unreadable settings" in caplog.text
