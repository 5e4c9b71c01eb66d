"""Shared fixtures: a real feed server on 127.0.0.1 and a Reader over a real SQLite file."""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsreader.reader import Reader
from tests.helpers.feedserver import feed_server  # noqa: F401  (re-exported fixture)
from tests.helpers.postgres import (  # noqa: F401  (re-exported fixtures)
    backend,
    database_url,
    head_database_url,
    new_profile_db,
    postgres_cluster,
    profile_db_url,
)

FIXTURES = Path(__file__).parent / "fixtures"


# -- a run stopped from outside ----------------------------------------------------------


def _stopped(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt("stopped by SIGTERM")


def pytest_configure(config: pytest.Config) -> None:
    # A run stopped with SIGTERM (a timeout, a cancelled job) unwinds as Ctrl-C does,
    # so the fixtures' teardown stops the PostgreSQL servers the run started: they
    # run detached (pg_ctl) and would outlive it.
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _stopped)


@pytest.fixture
def reader(tmp_path: Path) -> Iterator[Reader]:
    """A fresh profile in a temporary folder (database, settings, image cache)."""
    with Reader.open(tmp_path / "profile") as r:
        yield r


# -- skips in CI ------------------------------------------------------------------------

#: The only skips a run with ``CI`` set accepts: test (without parameters) → the reason
#: it gives.  Any other skip there fails the run: a test CI cannot run is a finding.
ALLOWED_SKIPS = {
    # Windows has no address-space limit to give a parse worker.
    "tests/update/test_parse_pool.py::test_a_feed_that_needs_too_much_memory_fails_and_"
    "the_next_one_parses": "no address-space limit on Windows",
    # PySocks is no dependency of ours; where it is installed anyway, the message
    # for its absence cannot be seen.
    "tests/fetch/test_http_connections.py::test_a_socks_proxy_without_pysocks_is_explained": (
        "PySocks is installed here"
    ),
}

_unexpected_skips: list[str] = []


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def _skip_reason(report: pytest.TestReport) -> str:
    longrepr = report.longrepr
    text = longrepr[2] if isinstance(longrepr, tuple) else str(longrepr)
    return text.removeprefix("Skipped: ")


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if not report.skipped or hasattr(report, "wasxfail"):
        return
    test = report.nodeid.split("[", 1)[0]
    reason = _skip_reason(report)
    if ALLOWED_SKIPS.get(test) != reason:
        _unexpected_skips.append(f"{report.nodeid}: {reason}")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if _in_ci() and _unexpected_skips and exitstatus == pytest.ExitCode.OK:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if _in_ci() and _unexpected_skips:
        terminalreporter.section("skipped in CI, and not allowed to be (tests/conftest.py)")
        for line in _unexpected_skips:
            terminalreporter.line(line, red=True)
