"""How parse workers start."""

from __future__ import annotations

import multiprocessing
import sys

import pytest

from newsreader.update import pipeline


def test_workers_fork_from_a_fork_server_where_there_is_one() -> None:
    context = pipeline._worker_context()
    expected = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    assert context.get_start_method() == expected


def test_a_packaged_build_spawns_its_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert pipeline._worker_context().get_start_method() == "spawn"
