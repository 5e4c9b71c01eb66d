"""Files written whole or not at all."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import pytest

from newsreader.core.files import (
    PRIVATE_FILE,
    PRIVATE_FOLDER,
    private_file,
    private_folder,
    tighten,
    write_atomically,
)


def test_a_file_is_replaced_and_no_temporary_file_is_left(tmp_path: Path) -> None:
    target = tmp_path / "data.json"
    target.write_bytes(b"old")
    write_atomically(target, b"new")
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["data.json"]


@pytest.mark.parametrize("durable", [False, True])
def test_only_a_durable_write_waits_for_the_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, durable: bool
) -> None:
    synced: list[int] = []
    monkeypatch.setattr(os, "fsync", synced.append)
    write_atomically(tmp_path / "f", b"x", durable=durable)
    assert bool(synced) is durable


def test_a_failed_write_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "notes.txt"
    target.write_bytes(b"old")

    def fail(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError, match="No space"):
        write_atomically(target, b"new", durable=True)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_file_written_whole_is_the_owners_alone(tmp_path: Path) -> None:
    target = tmp_path / "export.json"
    target.write_bytes(b"old")
    target.chmod(0o644)
    write_atomically(target, b"new")
    assert mode(target) == PRIVATE_FILE


def test_a_private_folder_is_made_for_its_owner_alone(tmp_path: Path) -> None:
    folder = private_folder(tmp_path / "a" / "profile")
    assert folder.is_dir() and mode(folder) == PRIVATE_FOLDER


def test_a_wider_folder_is_tightened_and_its_files_left_as_they_are(tmp_path: Path) -> None:
    folder = tmp_path / "profile"
    folder.mkdir()
    folder.chmod(0o755)
    (folder / "notes.txt").write_text("ملاحظة", encoding="utf-8")
    private_folder(folder)
    assert mode(folder) == PRIVATE_FOLDER
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "ملاحظة"


def test_only_the_others_permissions_are_taken_away(tmp_path: Path) -> None:
    folder = tmp_path / "profile"
    folder.mkdir()
    folder.chmod(0o577)  # an owner who chose not to write here keeps that choice
    tighten(folder)
    assert mode(folder) == 0o500
    folder.chmod(0o700)


def test_a_private_file_is_created_empty_or_tightened_with_its_bytes(tmp_path: Path) -> None:
    new = private_file(tmp_path / "new.sqlite3")
    assert new.read_bytes() == b"" and mode(new) == PRIVATE_FILE
    old = tmp_path / "old.sqlite3"
    old.write_bytes(b"kept")
    old.chmod(0o664)
    private_file(old)
    assert old.read_bytes() == b"kept" and mode(old) == PRIVATE_FILE


def test_tightening_what_is_missing_or_not_ours_is_no_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    tighten(tmp_path / "missing")
    folder = tmp_path / "shared"
    folder.mkdir()
    folder.chmod(0o755)

    def refuse(path: Any, mode: int) -> None:
        raise PermissionError(1, "Operation not permitted", str(path))

    monkeypatch.setattr(os, "chmod", refuse)
    tighten(folder)
    assert "cannot make" in caplog.text and str(folder) in caplog.text


def test_a_file_written_in_pieces_is_their_concatenation(tmp_path: Path) -> None:
    target = tmp_path / "big.json"
    target.write_bytes(b"old")
    write_atomically(target, (piece for piece in [b"{", "ملاحظة".encode(), b"}"]), durable=True)
    assert target.read_bytes() == b"{" + "ملاحظة".encode() + b"}"
    assert [p.name for p in tmp_path.iterdir()] == ["big.json"]


def test_a_failing_piece_leaves_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "big.json"
    target.write_bytes(b"old")

    def pieces() -> Any:
        yield b"half of it"
        raise OSError(5, "Input/output error")

    with pytest.raises(OSError, match="Input/output"):
        write_atomically(target, pieces())
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["big.json"]
