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


def test_a_failed_step_is_tried_again_later(
    qtbot, profile: Reader, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsreader.core.errors import StorageError

    monkeypatch.setattr(search_index_label, "RETRY_MS", 10)
    _start_rebuild(profile)
    step = profile.continue_search_index
    calls: list[int] = []

    def busy_once(batch: int) -> bool:
        calls.append(batch)
        if len(calls) == 1:
            raise StorageError("database is locked")
        return step(batch)

    monkeypatch.setattr(profile, "continue_search_index", busy_once)
    label = SearchIndexLabel(profile, TaskRunner(synchronous=True))
    qtbot.addWidget(label)
    label.start()
    assert label.isHidden() and profile.search_index_remaining() == 50
    qtbot.waitUntil(lambda: profile.search_index_remaining() == 0, timeout=5000)
    assert len(calls) > 1 and label.isHidden()


def test_a_stopped_label_tries_no_more(
    qtbot, profile: Reader, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsreader.core.errors import StorageError

    monkeypatch.setattr(search_index_label, "RETRY_MS", 10)
    _start_rebuild(profile)
    calls: list[int] = []

    def always_busy(batch: int) -> bool:
        calls.append(batch)
        raise StorageError("database is locked")

    monkeypatch.setattr(profile, "continue_search_index", always_busy)
    label = SearchIndexLabel(profile, TaskRunner(synchronous=True))
    qtbot.addWidget(label)
    label.start()
    label.stop()
    qtbot.wait(100)
    assert calls == [search_index_label.STEP_ARTICLES]
