"""The search index rebuilt after an upgrade: fed a batch at a time off the GUI thread,
counted in the status bar, and nothing shown once it is whole."""

from __future__ import annotations

import pytest

from newsreader.reader import Reader
from newsreader.storage import search as search_store
from newsreader.ui import search_index_label
from newsreader.ui.i18n import Translations
from newsreader.ui.search_index_label import SearchIndexLabel
from newsreader.ui.tasks import TaskRunner

pytestmark = pytest.mark.gui


def _start_rebuild(reader: Reader) -> None:
    """As the database does when the search documents of an upgrade differ."""
    with reader._db.session() as session:
        search_store.start_rebuild(session)


def _watched(reader: Reader, label: SearchIndexLabel, monkeypatch: pytest.MonkeyPatch) -> list:
    """What the label showed each time a batch was asked for."""
    seen: list[tuple[bool, str]] = []
    step = reader.continue_search_index

    def watched(batch: int) -> bool:
        seen.append((not label.isHidden(), label.text()))
        return step(batch)

    monkeypatch.setattr(reader, "continue_search_index", watched)
    return seen


def test_a_rebuilt_index_is_fed_until_whole_and_counted_meanwhile(
    qtbot, profile: Reader, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search_index_label, "STEP_ARTICLES", 7)
    monkeypatch.setattr(search_index_label, "STEPS_PER_COUNT", 3)
    articles = len(profile.article_ids())
    assert articles == 50
    _start_rebuild(profile)
    assert profile.search("أخبار", limit=0).complete is False
    label = SearchIndexLabel(profile, TaskRunner(synchronous=True))
    qtbot.addWidget(label)
    seen = _watched(profile, label, monkeypatch)
    label.start()
    assert len(seen) == 8  # 50 articles, 7 a step
    assert all(shown for shown, _ in seen)
    assert seen[0][1] == "Rebuilding the search index: 50 articles left"
    assert seen[1][1] == "Rebuilding the search index: 43 articles left"
    assert seen[3][1] == "Rebuilding the search index: 29 articles left"  # counted again
    assert label.isHidden() and label.remaining == 0
    assert profile.search_index_remaining() == 0
    assert profile.search("أخبار", limit=0).complete is True


def test_a_whole_index_shows_nothing_and_asks_for_no_batch(
    qtbot, profile: Reader, monkeypatch: pytest.MonkeyPatch
) -> None:
    label = SearchIndexLabel(profile, TaskRunner(synchronous=True))
    qtbot.addWidget(label)
    seen = _watched(profile, label, monkeypatch)
    label.start()
    assert seen == []
    assert label.isHidden()


def test_a_stopped_label_asks_for_no_further_batch(
    qtbot, profile: Reader, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search_index_label, "STEP_ARTICLES", 7)
    _start_rebuild(profile)
    label = SearchIndexLabel(profile, TaskRunner(synchronous=True))
    qtbot.addWidget(label)
    seen = _watched(profile, label, monkeypatch)
    label.stop()  # the window closed before the count came back
    label.start()
    assert seen == []
    assert profile.search_index_remaining() == 50  # the next start goes on


def test_the_label_speaks_arabic(
    qtbot, profile: Reader, arabic: Translations, monkeypatch: pytest.MonkeyPatch
) -> None:
    _start_rebuild(profile)
    label = SearchIndexLabel(profile, TaskRunner(synchronous=True))
    qtbot.addWidget(label)
    seen = _watched(profile, label, monkeypatch)
    label.start()
    assert seen[0][1] == "يُعاد بناء فهرس البحث: بقي 50 خبرًا"
    assert "أحدث الأخبار" in label.toolTip()
