"""The demo host's addresses and the local files behind them, never outside the demo folder."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

import pytest

from newsreader.core.demo import DEMO_BASE, demo_file, demo_path
from newsreader.core.paths import resources_dir


@pytest.mark.parametrize(
    ("url", "path"),
    [
        (DEMO_BASE + "feeds/ar.xml", "feeds/ar.xml"),
        (DEMO_BASE + "feeds/ar.xml?utm=1#top", "feeds/ar.xml"),
        (DEMO_BASE + "articles/a.html#comments", "articles/a.html"),
        (DEMO_BASE + "articles/", "articles/index.html"),
        (DEMO_BASE, "index.html"),
        (DEMO_BASE + "?page=2", "index.html"),
    ],
)
def test_a_demo_address_names_a_path_in_the_demo_folder(url: str, path: str) -> None:
    assert demo_path(url) == PurePosixPath(path)


@pytest.mark.parametrize(
    "url",
    ["https://example.org/feeds/ar.xml", "http://demo.newsreader.invalid/x", "demo.opml", ""],
)
def test_other_addresses_are_not_the_demo_hosts(url: str) -> None:
    assert demo_path(url) is None
    assert demo_file(url) is None


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    """A demo folder with a feed, a section page, an empty section, and a secret beside it."""
    root = tmp_path / "demo"
    (root / "feeds").mkdir(parents=True)
    (root / "feeds" / "ar.xml").write_text("<rss/>", encoding="utf-8")
    (root / "ar").mkdir()
    (root / "ar" / "index.html").write_text("<html/>", encoding="utf-8")
    (root / "empty").mkdir()
    (tmp_path / "secret.txt").write_text("not the demo's", encoding="utf-8")
    return root


def test_the_file_behind_an_address_is_in_the_given_folder(demo: Path) -> None:
    assert demo_file(DEMO_BASE + "feeds/ar.xml?x=1", demo) == demo / "feeds" / "ar.xml"
    assert demo_file(DEMO_BASE + "ar/", demo) == demo / "ar" / "index.html"
    assert demo_file(DEMO_BASE + "ar", demo) == demo / "ar" / "index.html"  # a folder: its page


def test_no_file_is_no_answer(demo: Path) -> None:
    assert demo_file(DEMO_BASE + "feeds/missing.xml", demo) is None
    assert demo_file(DEMO_BASE + "empty/", demo) is None  # a folder without a page
    assert demo_file(DEMO_BASE + "feeds", demo) is None


@pytest.mark.parametrize(
    "path", ["../secret.txt", "feeds/../../secret.txt", "ar/../../secret.txt", "/etc/hostname"]
)
def test_an_address_never_leads_out_of_the_demo_folder(demo: Path, path: str) -> None:
    assert demo_file(DEMO_BASE + path, demo) is None


def test_a_link_out_of_the_demo_folder_is_not_followed(demo: Path) -> None:
    (demo / "feeds" / "link.txt").symlink_to(demo.parent / "secret.txt")
    assert demo_file(DEMO_BASE + "feeds/link.txt", demo) is None


def test_without_a_folder_the_shipped_demo_answers() -> None:
    shipped = resources_dir() / "demo" / "demo.opml"
    assert demo_file(DEMO_BASE + "demo.opml") == shipped.resolve()
    # beside the demo folder, but not in it
    assert (resources_dir() / "default-subscriptions.opml").is_file()
    assert demo_file(DEMO_BASE + "../default-subscriptions.opml") is None
