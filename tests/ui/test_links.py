"""Which links leave the app: web and mail do, scripts and files never, demo links open locally."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from newsreader.reader import Reader
from newsreader.ui.links import openable_url


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Reader]:
    """A profile with the demo loaded: its articles' pages are written in the profile."""
    with Reader.open(tmp_path_factory.mktemp("demo")) as reader:
        reader.load_demo()
        yield reader


def test_only_web_and_mail_links_are_opened() -> None:
    assert openable_url("https://example.org/a") is not None
    assert openable_url("mailto:desk@example.org") is not None
    assert openable_url("javascript:alert(1)") is None
    assert openable_url("file:///etc/passwd") is None
    assert openable_url(None) is None
    # the demo host never resolves: its shipped files open locally, the rest not at all
    assert openable_url("https://demo.newsreader.invalid/articles/none.html") is None
    # with a profile, the pages written when the demo was loaded are found as well
    page = Path("/profile/cache/demo-pages/articles/a.html")
    found = openable_url(
        "https://demo.newsreader.invalid/articles/a.html#comments", lambda url: page
    )
    assert found is not None and found.toLocalFile() == str(page)
    assert found.fragment() == "comments"
    video = openable_url("https://demo.newsreader.invalid/media/stellar-nursery.mp4")
    assert video is not None and video.isLocalFile()
    assert video.toLocalFile().endswith("/demo/media/stellar-nursery.mp4")


@pytest.mark.parametrize(
    ("link", "handed_on"),
    [
        ("http://example.org/news/1", "http://example.org/news/1"),
        (
            "https://example.org/search?q=%D9%86%D9%81%D8%B7&page=2#results",
            "https://example.org/search?q=%D9%86%D9%81%D8%B7&page=2#results",
        ),
        ("HTTPS://EXAMPLE.ORG/Upper", "https://example.org/Upper"),  # case of scheme, host
        ("mailto:desk@example.org?subject=News", "mailto:desk@example.org?subject=News"),
    ],
)
def test_web_and_mail_links_are_handed_on_as_they_are(link: str, handed_on: str) -> None:
    url = openable_url(link)
    assert url is not None and not url.isLocalFile()
    assert bytes(url.toEncoded().data()).decode() == handed_on


def test_surrounding_spaces_are_dropped() -> None:
    url = openable_url("  https://example.org/a \n")
    assert url is not None and url.toString() == "https://example.org/a"


@pytest.mark.parametrize(
    "link",
    [
        "javascript:alert(document.cookie)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "file:///home/user/.ssh/id_rsa",
        "FILE:///etc/passwd",
        "data:text/html,<script>alert(1)</script>",
        "data:image/png;base64,iVBORw0KGgo=",
        "ftp://example.org/pub/file.txt",
        "about:blank",
        "vbscript:msgbox(1)",
        "/articles/relative.html",
        "news.example.org/no-scheme",
        "",
        "   ",
    ],
)
def test_other_schemes_and_relative_links_never_leave_the_app(link: str) -> None:
    assert openable_url(link) is None


def test_a_demo_article_opens_the_page_written_in_the_profile(demo: Reader) -> None:
    link = next(a.link for a in demo.list_articles() if a.link and "/articles/" in a.link)
    url = openable_url(link + "#comments", demo.demo_copy)
    assert url is not None and url.isLocalFile()
    page = Path(url.toLocalFile())
    assert page == demo.demo_copy(link)
    assert page.is_file() and page.name == link.rsplit("/", 1)[1]
    assert url.fragment() == "comments"
    plain = openable_url(link, demo.demo_copy)
    assert plain is not None and plain.toLocalFile() == str(page) and plain.fragment() == ""


def test_a_demo_link_with_no_file_behind_it_opens_nothing(demo: Reader) -> None:
    gone = "https://demo.newsreader.invalid/articles/gone.html"
    assert openable_url(gone, demo.demo_copy) is None
    # never a file outside the demo folders, whatever the address climbs to
    climbing = "https://demo.newsreader.invalid/../../../../etc/passwd"
    assert openable_url(climbing, demo.demo_copy) is None
    assert openable_url(climbing) is None
