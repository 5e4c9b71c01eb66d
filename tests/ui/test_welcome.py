"""The first-run banner: what it offers, the language in it, and when it has served."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QToolButton, QWidget

from newsreader.ui.action_registry import ActionId, ActionRegistry
from newsreader.ui.info_bar import InfoBar
from newsreader.ui.welcome import Welcome

pytestmark = pytest.mark.gui


_hosts: list[QWidget] = []


def banner(qtbot: Any) -> tuple[Welcome, InfoBar, ActionRegistry]:
    host = QWidget()
    _hosts.append(host)  # kept alive for the test; qtbot closes it after
    qtbot.addWidget(host)
    bar = InfoBar(host)
    registry = ActionRegistry(host)
    welcome = Welcome(bar, registry, host)
    host.show()
    return welcome, bar, registry


def test_the_banner_offers_sources_and_both_languages(qtbot: Any) -> None:
    welcome, bar, registry = banner(qtbot)
    welcome.offer()
    assert bar.isVisible() and bar.text().startswith("Welcome!")
    buttons = [b.defaultAction() for b in bar.findChildren(QToolButton) if b.defaultAction()]
    assert registry[ActionId.ADD_SUGGESTED] in buttons
    assert registry[ActionId.ADD_FEED] in buttons
    assert {a.text() for a in buttons} >= {"العربية", "English"}


def test_choosing_a_language_keeps_the_banner(qtbot: Any) -> None:
    welcome, bar, _ = banner(qtbot)
    welcome.offer()
    arabic = next(
        b for b in bar.findChildren(QToolButton) if b.defaultAction() and b.text() == "العربية"
    )
    with qtbot.waitSignal(welcome.languageChosen) as chosen:
        arabic.click()
    assert chosen.args == ["ar"]
    qtbot.waitUntil(bar.isVisible)


def test_dismissing_or_subscribing_ends_it_but_the_demo_does_not(qtbot: Any) -> None:
    welcome, bar, _ = banner(qtbot)
    ended: list[bool] = []
    welcome.done.connect(lambda: ended.append(True))
    welcome.offer()
    welcome.subscribed(demo=True)
    assert not ended and bar.isVisible()
    bar.dismiss()
    assert ended == [True] and not bar.isVisible()

    welcome.offer()
    welcome.subscribed(demo=False)
    assert ended == [True, True]
    welcome.subscribed(demo=False)  # not showing: nothing more to end
    assert ended == [True, True]


def test_the_banner_returns_only_while_the_profile_holds_just_the_demo(
    tmp_path: Any, feed_server: Any
) -> None:
    from newsreader.app import _only_demo
    from newsreader.reader import Reader
    from tests.ui.conftest import make_rss, serve

    with Reader.open(tmp_path / "p") as reader:
        reader.load_demo(pages=False)
        assert _only_demo(reader)  # a second start still offers the sources
        reader.add_feed(serve(feed_server, "/own.xml", make_rss(2, prefix="own")))
        assert not _only_demo(reader)  # the reader has subscriptions of their own
