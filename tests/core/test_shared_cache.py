"""The records of a shared cache: a server named without secrets, watermarks compared."""

from __future__ import annotations

import dataclasses

import pytest

from newsreader.core.shared_cache import ArticleWatermark, CacheServer


def test_a_server_is_shown_as_host_port_and_database() -> None:
    assert str(CacheServer("db.example", 5432, "news")) == "db.example:5432/news"


def test_watermarks_differ_when_either_part_moves() -> None:
    base = ArticleWatermark(10, 7)
    assert base == ArticleWatermark(10, 7)
    assert base != ArticleWatermark(11, 7)  # a newer article
    assert base != ArticleWatermark(10, 8)  # an earlier id committed late
    with pytest.raises(dataclasses.FrozenInstanceError):
        base.articles = 8  # type: ignore[misc]
