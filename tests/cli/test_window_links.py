"""Links for the window are told apart from commands before the command line is parsed."""

from __future__ import annotations

import pytest

from newsreader.cli.window_links import looks_like_link, split_links


@pytest.mark.parametrize(
    ("argv", "rest", "links"),
    [
        (["feed://example.org/rss"], [], ["feed://example.org/rss"]),
        (
            ["--data-dir", "/d", "https://a.example/feed", "feed:https://b.example/"],
            ["--data-dir", "/d"],
            ["https://a.example/feed", "feed:https://b.example/"],
        ),
        (["--lang=ar", "http://x.example/"], ["--lang=ar"], ["http://x.example/"]),
        (["feeds", "add", "https://x.example/"], ["feeds", "add", "https://x.example/"], []),
        (["--db", "sqlite:///x.db", "articles"], ["--db", "sqlite:///x.db", "articles"], []),
        ([], [], []),
    ],
)
def test_links_stand_where_a_command_would(
    argv: list[str], rest: list[str], links: list[str]
) -> None:
    assert split_links(argv) == (rest, links)


def test_what_counts_as_a_link() -> None:
    assert looks_like_link("feed://example.org/")
    assert looks_like_link("FEEDS:example.org")
    assert looks_like_link("https://example.org/")
    assert not looks_like_link("refresh")
    assert not looks_like_link("/home/user/feed.xml")
