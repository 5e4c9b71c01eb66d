"""The records of a shared cache: a server named without secrets."""

from __future__ import annotations

from newsreader.core.shared_cache import CacheServer


def test_a_server_is_shown_as_host_port_and_database() -> None:
    assert str(CacheServer("db.example", 5432, "news")) == "db.example:5432/news"
