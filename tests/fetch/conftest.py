"""Fixtures shared by the fetch tests."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from newsreader.fetch.http import HttpClient


@pytest.fixture
def make_client() -> Callable[..., Any]:
    """What the fetch tests make their HTTP client with.

    A module that runs the HttpClient's tests again with another client (libcurl's,
    one URL at a time or in a batch) gives its own, through
    :func:`tests.fetch.http_support.fetch_tests_use`.
    """
    return HttpClient


@pytest.fixture
def client(make_client: Callable[..., Any]) -> Iterator[Any]:
    """An HTTP client with timeouts short enough for tests."""
    with make_client(connect_timeout=0.5, read_timeout=0.5, total_timeout=2.0) as http:
        yield http
