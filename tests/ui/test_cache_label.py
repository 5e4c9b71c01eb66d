"""The status bar's word on the cache: the local profile, or the shared cache's server."""

from __future__ import annotations

import pytest

from newsreader.core.shared_cache import CacheServer
from newsreader.ui.cache_label import CacheLabel
from newsreader.ui.i18n import Translations

pytestmark = pytest.mark.gui

SERVER = CacheServer("db.example", 5433, "news")


def test_a_local_profile_says_so_and_leaves_the_title_alone(qtbot) -> None:
    label = CacheLabel(None)
    qtbot.addWidget(label)
    assert label.text() == "Local profile"
    assert label.window_title("Newsreader") == "Newsreader"


def test_a_shared_cache_is_named_by_its_server(qtbot) -> None:
    label = CacheLabel(SERVER)
    qtbot.addWidget(label)
    assert label.text() == "Shared cache: db.example:5433/news"
    assert "does not fetch on its own" in label.toolTip()
    assert label.window_title("Newsreader") == "Newsreader — db.example:5433/news"


def test_the_label_speaks_arabic(qtbot, arabic: Translations) -> None:
    local, shared = CacheLabel(None), CacheLabel(SERVER)
    qtbot.addWidget(local)
    qtbot.addWidget(shared)
    assert local.text() == "الملف الشخصي المحلي"
    assert shared.text() == "المخزن المشترك: db.example:5433/news"
    assert "db.example:5433/news" in shared.toolTip() and "التحديث" in shared.toolTip()
