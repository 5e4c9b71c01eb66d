"""Fixtures shared by the fetch tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from newsreader.fetch.http import HttpClient


@pytest.fixture
def client() -> Iterator[HttpClient]:
    """An HTTP client with timeouts short enough for tests."""
    with HttpClient(connect_timeout=0.5, read_timeout=0.5, total_timeout=2.0) as http:
        yield http
