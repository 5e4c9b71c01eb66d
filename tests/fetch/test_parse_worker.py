"""What a parse worker runs: its frames, its answers, and a worker process speaking them.

The pool that starts and stops workers is tested in tests/update/test_parse_pool.py;
here one worker is started by hand and spoken to directly.
"""

from __future__ import annotations

import io
import logging
import os
import pickle
import select
import signal
import subprocess
import sys

import pytest

from newsreader.core.parsed import ParsedFeed
from newsreader.fetch.parse_worker import READY, parse_or_error, read_frame, write_frame
from tests.helpers.feeds import numbered, rss

FEED = rss(numbered(2)).encode()
PAGE = b"<!DOCTYPE html><html><body>no feed here</body></html>"


# -- frames ------------------------------------------------------------------------------------


def test_frames_come_back_as_they_were_sent() -> None:
    stream = io.BytesIO()
    for payload in (b"first", b"", b"\x00" * 70_000):
        write_frame(stream, payload)
    stream.seek(0)

    assert [read_frame(stream) for _ in range(4)] == [b"first", b"", b"\x00" * 70_000, None]


def test_a_frame_cut_short_is_the_end_of_the_stream() -> None:
    whole = io.BytesIO()
    write_frame(whole, b"payload")
    data = whole.getvalue()

    assert read_frame(io.BytesIO(data[:5])) is None  # half a header
    assert read_frame(io.BytesIO(data[:-1])) is None  # the payload one byte short
    assert read_frame(io.BytesIO(b"")) is None


# -- what a worker answers -------------------------------------------------------------------


def test_a_feed_is_answered_with_what_it_holds() -> None:
    parsed = parse_or_error(FEED, "http://127.0.0.1/feed", "application/rss+xml")
    assert isinstance(parsed, ParsedFeed)
    assert [e.key for e in parsed.entries] == ["item-0", "item-1"]


def test_what_is_no_feed_is_answered_with_the_reason() -> None:
    answer = parse_or_error(PAGE, "http://127.0.0.1/page", "text/html")
    assert answer == "This address is a web page, not an RSS or Atom feed."


def test_a_fault_nobody_foresaw_is_the_feeds_error_and_logged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.ERROR, logger="newsreader.fetch.parse_worker"):
        answer = parse_or_error("text, not bytes", "http://127.0.0.1/odd", None)  # type: ignore[arg-type]
    assert isinstance(answer, str) and answer.startswith("could not parse the feed (TypeError")
    assert "parsing http://127.0.0.1/odd failed" in caplog.text


# -- a worker process ---------------------------------------------------------------------------


def answer_of(worker: subprocess.Popen[bytes]) -> bytes | None:
    """The worker's next frame; a worker silent for 30 s fails the test instead of hanging it."""
    assert worker.stdout is not None
    said, _, _ = select.select([worker.stdout], [], [], 30)
    assert said, "the worker said nothing"
    return read_frame(worker.stdout)


def test_a_worker_answers_each_request_ignores_ctrl_c_and_ends_with_its_input() -> None:
    worker = subprocess.Popen(
        [sys.executable, "-c", "from newsreader.fetch.parse_worker import serve; serve()"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert worker.stdin is not None and worker.stdout is not None
    try:
        assert answer_of(worker) == READY
        os.kill(worker.pid, signal.SIGINT)  # a Ctrl-C in the terminal reaches the group

        answers = []
        for body, url in ((FEED, "http://127.0.0.1/feed"), (PAGE, "http://127.0.0.1/page")):
            write_frame(worker.stdin, pickle.dumps((body, url, None)))
            answer = answer_of(worker)
            assert answer is not None
            answers.append(pickle.loads(answer))
        worker.stdin.close()
        code = worker.wait(timeout=30)  # a bound on a hang, not a speed check
    finally:
        worker.kill()
        worker.wait()
        worker.stdout.close()
        assert worker.stderr is not None
        worker.stderr.close()

    feed, page = answers
    assert isinstance(feed, ParsedFeed) and len(feed.entries) == 2
    assert page == "This address is a web page, not an RSS or Atom feed."
    assert code == 0


@pytest.mark.skipif(sys.platform != "linux", reason="address-space limits as Linux keeps them")
def test_a_memory_cap_makes_a_big_allocation_fail_in_that_process_only() -> None:
    code = (
        "from newsreader.fetch.parse_worker import limit_memory\n"
        "assert limit_memory(1 << 30)\n"
        "try:\n"
        "    bytearray(2 << 30)\n"
        "except MemoryError:\n"
        "    print('refused')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.strip() == "refused"
