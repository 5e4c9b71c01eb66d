"""Whether the command line reorders right-to-left text for the terminal."""

from __future__ import annotations

import pytest

from newsreader.core.settings import Settings, terminal_visual

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
