"""Feed names shortened where the feeds of one site differ least."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QFontMetrics

from newsreader.ui.feed_names import fit_feed_name, split_site_section

pytestmark = pytest.mark.gui

SECTIONS = (
    "الأفق | Horizon — أسواق ومال",
    "الأفق | Horizon — المنطقة والعالم",
    "الأفق | Horizon — رياضة وثقافة",
)


@pytest.fixture
def metrics(qapp: object) -> QFontMetrics:
    font = QFont()
    font.setPixelSize(14)
    return QFontMetrics(font)


def test_the_last_strong_separator_splits_site_from_section() -> None:
    assert split_site_section("الأفق | Horizon — أسواق ومال") == ("الأفق | Horizon", "أسواق ومال")
    assert split_site_section("BBCUrdu.com | صفحۂ اول") == ("BBCUrdu.com", "صفحۂ اول")
    assert split_site_section("Lonely name") is None
    assert split_site_section(" — section only") is None


def test_a_name_that_fits_is_left_whole(metrics: QFontMetrics) -> None:
    name = "Horizon — Science"
    assert fit_feed_name(name, metrics, metrics.horizontalAdvance(name) + 2) == name


@pytest.mark.parametrize("width", [90, 130, 170, 220])
def test_sections_of_one_site_stay_apart_at_every_width(metrics: QFontMetrics, width: int) -> None:
    shown = [fit_feed_name(name, metrics, width) for name in SECTIONS]
    assert len(set(shown)) == len(SECTIONS)  # cut at the end they would all read alike
    for text in shown:
        assert metrics.horizontalAdvance(text) <= width


def test_the_site_gives_way_before_the_section(metrics: QFontMetrics) -> None:
    name = SECTIONS[0]
    width = metrics.horizontalAdvance(name) - 20
    shown = fit_feed_name(name, metrics, width)
    assert shown.endswith("— أسواق ومال") and "…" in shown


def test_a_name_without_a_section_keeps_both_ends(metrics: QFontMetrics) -> None:
    name = "A very long feed name that runs on and ends with Weekly"
    shown = fit_feed_name(name, metrics, 160)
    assert shown.startswith("A ") and shown.endswith("ly") and "…" in shown
    assert fit_feed_name(name, metrics, 0) == ""
