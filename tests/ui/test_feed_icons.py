"""The sidebar's feed icons: a feed's own from its stored file, else the generic one."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsreader.core.types import Feed
from newsreader.ui.feed_icons import FeedIconCache
from newsreader.ui.icons import Icon, icon
from tests.fetch.test_images import png_bytes

pytestmark = pytest.mark.gui


def feed(feed_id: int) -> Feed:
    return Feed(id=feed_id, url=f"http://127.0.0.1/{feed_id}.xml", title=f"Feed {feed_id}")


def test_a_feed_with_a_stored_icon_shows_it_and_others_the_generic_one(
    qapp, tmp_path: Path
) -> None:
    (tmp_path / "1.png").write_bytes(png_bytes(16, 16))
    asked: list[int] = []

    def find(feed_id: int) -> Path | None:
        asked.append(feed_id)
        path = tmp_path / f"{feed_id}.png"
        return path if path.is_file() else None

    cache = FeedIconCache(find)
    own = cache.icon_for(feed(1))
    assert not own.isNull() and own.cacheKey() != icon(Icon.FEED).cacheKey()
    assert cache.icon_for(feed(2)).cacheKey() == icon(Icon.FEED).cacheKey()
    cache.icon_for(feed(1))
    assert asked == [1, 2]  # each file looked for once

    (tmp_path / "2.png").write_bytes(png_bytes(16, 16, seed=1))
    cache.clear()  # a refresh stored new icons
    assert cache.icon_for(feed(2)).cacheKey() != icon(Icon.FEED).cacheKey()
    assert asked == [1, 2, 2]


def test_a_file_qt_cannot_read_gives_the_generic_icon(qapp, tmp_path: Path) -> None:
    broken = tmp_path / "3.png"
    broken.write_bytes(b"not a picture")
    cache = FeedIconCache(lambda _feed_id: broken)
    assert cache.icon_for(feed(3)).cacheKey() == icon(Icon.FEED).cacheKey()


def test_without_a_profile_every_feed_has_the_generic_icon(qapp) -> None:
    assert FeedIconCache(None).icon_for(feed(1)).cacheKey() == icon(Icon.FEED).cacheKey()
