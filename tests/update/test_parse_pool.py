"""Parse workers: real child processes, fed real feeds, killed for real."""

from __future__ import annotations

import os
import signal
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import newsreader
from newsreader.core.errors import ParseError
from newsreader.core.parsed import ParsedFeed
from newsreader.fetch.parse_worker import OUT_OF_MEMORY, WORKER_FLAG
from newsreader.update import parse_pool
from newsreader.update.parse_pool import (
    STOPPED,
    ParsePool,
    start_failed_message,
    stopped_message,
    too_slow_message,
    worker_command,
)
from tests.helpers.feeds import numbered, rss, slow_to_parse

URL = "http://127.0.0.1/feed"
SMALL = rss(numbered(3, prefix="small")).encode()
#: Over a second to parse: far past the short limits used here (3-item feeds take ~2 ms).
HUGE = slow_to_parse()
SRC = str(Path(newsreader.__file__).resolve().parents[1])


@pytest.fixture
def pools() -> Iterator[list[ParsePool]]:
    made: list[ParsePool] = []
    yield made
    for pool in made:
        pool.shutdown()


def make(pools: list[ParsePool], **options: object) -> ParsePool:
    pool = ParsePool(**options)  # type: ignore[arg-type]
    pools.append(pool)
    return pool


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def logging_worker(log: Path) -> list[str]:
    """A worker command that adds a line to *log* as it starts to parse each feed."""
    program = (
        f"import sys; sys.path.insert(0, {SRC!r})\n"
        "from newsreader.fetch import parse_worker\n"
        "parse = parse_worker.parse_or_error\n"
        "def logged(*args):\n"
        f"    with open({str(log)!r}, 'a') as log:\n"
        "        print(args[1], file=log)\n"
        "    return parse(*args)\n"
        "parse_worker.parse_or_error = logged\n"
        "parse_worker.serve()\n"
    )
    return [sys.executable, "-c", program]


def wait_until_parsing(log: Path, feeds: int) -> None:
    """Until a worker of :func:`logging_worker` has started to parse its feeds-th feed."""
    deadline = time.monotonic() + 60  # bounds a hang only
    while not (log.exists() and len(log.read_text().splitlines()) >= feeds):
        assert time.monotonic() < deadline, f"no worker started feed {feeds}"
        time.sleep(0.01)


def test_feeds_are_parsed_in_other_processes_that_end_with_the_pool(
    pools: list[ParsePool],
) -> None:
    pool = make(pools, processes=2)
    assert not pool.started
    results = [pool.submit(SMALL, URL, "application/rss+xml") for _ in range(4)]
    parsed = [f.result(timeout=60) for f in results]
    assert all(isinstance(p, ParsedFeed) and len(p.entries) == 3 for p in parsed)
    pids = pool.pids()
    assert pool.started and len(pids) == 2 and os.getpid() not in pids
    pool.shutdown()
    assert not pool.started and pool.pids() == []
    assert not any(alive(pid) for pid in pids)


def test_what_cannot_be_parsed_comes_back_as_the_feeds_error(pools: list[ParsePool]) -> None:
    pool = make(pools, processes=1)
    answer = pool.submit(b"<html><body>no feed here</body></html>", URL, "text/html")
    error = answer.result(timeout=60)
    assert isinstance(error, str) and "not an RSS or Atom feed" in error


def test_a_feed_that_parses_too_long_is_given_up_and_the_next_one_parses(
    pools: list[ParsePool],
) -> None:
    pool = make(pools, processes=1, time_limit=0.2)
    assert isinstance(pool.submit(SMALL, URL, None).result(timeout=60), ParsedFeed)
    first = pool.pids()

    slow = pool.submit(HUGE, URL, None).result(timeout=60)
    after = pool.submit(SMALL, URL, None).result(timeout=60)

    assert slow == too_slow_message(0.2) == "parsing took longer than 0.2 s; the feed was skipped"
    assert isinstance(after, ParsedFeed) and len(after.entries) == 3
    assert pool.pids() != first and not alive(first[0])


def test_a_worker_killed_under_a_feed_is_replaced_and_the_feed_parsed(
    pools: list[ParsePool], tmp_path: Path
) -> None:
    log = tmp_path / "parsing.log"
    pool = make(pools, processes=1, command=logging_worker(log))
    assert isinstance(pool.submit(SMALL, URL, None).result(timeout=60), ParsedFeed)
    [pid] = pool.pids()
    hit = pool.submit(HUGE, URL, None)
    queued = pool.submit(SMALL, URL, None)
    wait_until_parsing(log, 2)  # the worker has the huge feed: it parses for seconds

    os.kill(pid, signal.SIGKILL)  # as the out-of-memory killer would

    parsed = hit.result(timeout=60)
    assert isinstance(parsed, ParsedFeed) and len(parsed.entries) == 3000
    assert len(queued.result(timeout=60).entries) == 3  # type: ignore[union-attr]
    assert pool.pids() and pool.pids() != [pid]


def test_a_feed_that_kills_every_worker_fails_alone(pools: list[ParsePool]) -> None:
    deadly = "import signal\nif args[1].endswith('/deadly'): os.kill(os.getpid(), signal.SIGKILL)"
    pool = make(pools, processes=1, command=chatty_worker(before_parse=deadly))
    first = pool.submit(SMALL, URL + "/deadly", None)
    after = pool.submit(SMALL, URL, None)
    assert first.result(timeout=60) == stopped_message("signal SIGKILL")
    assert len(after.result(timeout=60).entries) == 3  # type: ignore[union-attr]


def test_a_worker_that_cannot_start_fails_each_feed_at_once_with_the_reason(
    pools: list[ParsePool],
) -> None:
    pool = make(pools, processes=1, command=[sys.executable, "-c", "import sys; sys.exit(3)"])
    first = pool.submit(SMALL, URL, None).result(timeout=60)
    started = time.monotonic()
    again = [pool.submit(SMALL, URL, None) for _ in range(20)]
    assert first == start_failed_message("exit code 3")
    assert {f.result(timeout=60) for f in again} == {first}
    assert time.monotonic() - started < parse_pool.START_RETRY_SECONDS


def test_shutdown_cancels_the_queue_and_stops_a_long_parse(
    pools: list[ParsePool], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(parse_pool, "SHUTDOWN_GRACE_SECONDS", 0.2)
    log = tmp_path / "parsing.log"
    pool = make(pools, processes=1, command=logging_worker(log))
    long = pool.submit(HUGE, URL, None)
    queued = [pool.submit(SMALL, URL, None) for _ in range(3)]
    wait_until_parsing(log, 1)
    [pid] = pool.pids()

    pool.shutdown()

    assert long.result(timeout=1) == STOPPED
    assert all(f.cancelled() for f in queued)
    assert not alive(pid)


def chatty_worker(prelude: str = "", before_parse: str = "") -> list[str]:
    """A worker command whose parser prints on standard output before each answer.

    *prelude* runs first; *before_parse* runs before each parse, with ``args``.
    """
    step = "".join(f"    {line}\n" for line in before_parse.splitlines())
    program = (
        f"import os, sys; sys.path.insert(0, {SRC!r})\n"
        f"{prelude}\n"
        "from newsreader.fetch import parse_worker\n"
        "parse = parse_worker.parse_or_error\n"
        "def chatty(*args):\n"
        f"{step}"
        "    print('a library talking on standard output')\n"
        "    return parse(*args)\n"
        "parse_worker.parse_or_error = chatty\n"
        "parse_worker.serve()\n"
    )
    return [sys.executable, "-c", program]


def test_what_a_worker_prints_does_not_garble_its_answers(pools: list[ParsePool]) -> None:
    pool = make(pools, processes=1, command=chatty_worker())
    answers = [pool.submit(SMALL, URL, None).result(timeout=60) for _ in range(3)]
    assert all(isinstance(a, ParsedFeed) and len(a.entries) == 3 for a in answers)


def test_a_packaged_build_starts_itself_as_the_worker(
    pools: list[ParsePool], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert worker_command() == [sys.executable, WORKER_FLAG]
    monkeypatch.delattr(sys, "frozen")
    # A frozen executable runs newsreader.__main__ with the flag: so does this worker.
    as_packaged = (
        f"import sys; sys.path.insert(0, {SRC!r}); sys.frozen = True; "
        f"sys.argv = ['newsreader', {WORKER_FLAG!r}]; "
        "from newsreader.__main__ import main; main()"
    )
    pool = make(pools, processes=1, command=[sys.executable, "-c", as_packaged])
    parsed = pool.submit(SMALL, URL, None).result(timeout=60)
    assert isinstance(parsed, ParsedFeed) and len(parsed.entries) == 3


def test_an_idle_worker_ends_and_the_next_feed_starts_one(
    pools: list[ParsePool], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parse_pool, "IDLE_SECONDS", 0.2)
    pool = make(pools, processes=1)
    assert isinstance(pool.parse(SMALL, URL, None), ParsedFeed)
    [pid] = pool.pids()
    deadline = time.monotonic() + 30
    while pool.pids():
        assert time.monotonic() < deadline
        time.sleep(0.05)
    assert not alive(pid) and pool.started
    assert len(pool.parse(SMALL, URL, None).entries) == 3
    assert pool.pids() and pool.pids() != [pid]


def test_parse_raises_the_feeds_error(pools: list[ParsePool]) -> None:
    pool = make(pools, processes=1)
    with pytest.raises(ParseError, match="not an RSS or Atom feed"):
        pool.parse(b"<html><body>no feed here</body></html>", URL, "text/html")


def test_a_worker_without_standard_error_still_answers(pools: list[ParsePool]) -> None:
    # as a windowed program's worker: no stderr at all
    pool = make(pools, processes=1, command=chatty_worker("os.close(2); sys.stderr = None"))
    answers = [pool.parse(SMALL, URL, None) for _ in range(2)]
    assert all(len(a.entries) == 3 for a in answers)


@pytest.mark.skipif(sys.platform == "win32", reason="no address-space limit on Windows")
def test_a_feed_that_needs_too_much_memory_fails_and_the_next_one_parses(
    pools: list[ParsePool],
) -> None:
    # 18 MB of one article's text: about 380 MB to parse, over this pool's 200 MB
    text = "كلمة " * 2_000_000
    greedy = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item>'
        f"<guid>a</guid><title>x</title><description>{text}</description></item>"
        "</channel></rss>"
    ).encode()
    pool = make(pools, processes=1, memory_limit=200 * 1024 * 1024)
    assert pool.parse_or_error(greedy, URL, None) == OUT_OF_MEMORY
    assert len(pool.parse(SMALL, URL, None).entries) == 3
    assert len(pool.parse(SMALL, URL, None).entries) == 3  # the same fresh worker


def test_a_fault_in_the_pool_itself_still_answers_the_feed(
    pools: list[ParsePool], monkeypatch: pytest.MonkeyPatch
) -> None:
    pool = make(pools, processes=1)
    assert len(pool.parse(SMALL, URL, None).entries) == 3

    def broken(stream: object) -> bytes | None:
        raise ValueError("garbled frame")

    monkeypatch.setattr(parse_pool, "read_frame", broken)
    answer = pool.submit(SMALL, URL, None).result(timeout=30)  # not a wait for ever
    assert answer == stopped_message("ValueError: garbled frame")
    monkeypatch.undo()
    assert len(pool.parse(SMALL, URL, None).entries) == 3


def test_an_article_page_is_read_in_a_worker_beside_feeds(pools: list[ParsePool]) -> None:
    from newsreader.core.full_articles import ExtractedPage
    from tests.helpers.feeds import ARTICLE_PARAGRAPHS, article_page

    pool = make(pools, processes=1)
    page = pool.submit_page(article_page().encode(), "http://127.0.0.1/news", "text/html")
    feed = pool.submit(SMALL, URL, None)
    not_a_page = pool.submit_page(b"\x89PNG", "http://127.0.0.1/x", "image/png")
    extracted = page.result()
    assert isinstance(extracted, ExtractedPage)
    assert ARTICLE_PARAGRAPHS[0] in extracted.html
    assert isinstance(feed.result(), ParsedFeed)
    assert not_a_page.result() == "the page is not HTML (image/png)"
