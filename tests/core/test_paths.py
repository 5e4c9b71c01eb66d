"""Where a profile keeps its files, and where the bundled resources are."""

from __future__ import annotations

import pickle
import stat
from pathlib import Path

import pytest

from newsreader.core.paths import (
    DATA_DIR_ENV,
    AppPaths,
    ProfileAddress,
    app_paths,
    resources_dir,
    ui_files_dir,
)


@pytest.fixture
def xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The platform's folders under *tmp_path*, and no data folder asked for."""
    monkeypatch.delenv(DATA_DIR_ENV, raising=False)
    for kind in ("DATA", "CACHE", "CONFIG"):
        monkeypatch.setenv(f"XDG_{kind}_HOME", str(tmp_path / kind.lower()))
    return tmp_path


def test_a_data_folder_holds_everything(xdg: Path) -> None:
    root = xdg / "portable"
    paths = app_paths(root)
    assert paths == AppPaths(data=root, cache=root / "cache", config=root)
    assert paths.database == root / "newsreader.sqlite3"
    assert paths.images == root / "cache" / "images"
    assert paths.demo_pages == root / "cache" / "demo-pages"
    assert paths.settings_file == root / "settings.json"


def test_a_data_folder_is_made_absolute(xdg: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(xdg)
    monkeypatch.setenv("HOME", str(xdg / "home"))
    assert app_paths("relative").data == xdg / "relative"
    assert app_paths("~/news").data == xdg / "home" / "news"


def test_the_environment_names_the_folder_unless_one_is_given(
    xdg: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DATA_DIR_ENV, str(xdg / "from-env"))
    assert app_paths().data == xdg / "from-env"
    assert app_paths(xdg / "given").data == xdg / "given"


def test_otherwise_the_platforms_folders_are_used(xdg: Path) -> None:
    assert app_paths() == AppPaths(
        data=xdg / "data" / "newsreader",
        cache=xdg / "cache" / "newsreader",
        config=xdg / "config" / "newsreader",
    )


def test_ensure_makes_the_folders(xdg: Path) -> None:
    paths = app_paths()
    assert not paths.data.exists()
    assert paths.ensure() is paths
    assert all(folder.is_dir() for folder in (paths.data, paths.cache, paths.config))
    assert paths.ensure() is paths  # again: nothing to do, nothing raised


def test_the_folders_are_the_users_alone_and_wider_ones_are_tightened(tmp_path: Path) -> None:
    paths = app_paths(tmp_path / "profile").ensure()
    folders = (paths.data, paths.cache, paths.config)
    assert {stat.S_IMODE(f.stat().st_mode) for f in folders} == {0o700}

    paths.cache.chmod(0o755)
    paths.data.chmod(0o775)
    (paths.data / "kept.txt").write_text("x", encoding="utf-8")
    paths.ensure()
    assert {stat.S_IMODE(f.stat().st_mode) for f in folders} == {0o700}
    assert (paths.data / "kept.txt").read_text(encoding="utf-8") == "x"


def test_a_profile_address_crosses_to_another_process(tmp_path: Path) -> None:
    address = ProfileAddress("sqlite:///x.sqlite3", app_paths(tmp_path))
    assert pickle.loads(pickle.dumps(address)) == address


def test_the_bundled_resources_are_found() -> None:
    assert (resources_dir() / "demo" / "demo.opml").is_file()
    assert (resources_dir() / "default-subscriptions.opml").is_file()
    assert ui_files_dir().is_dir() and ui_files_dir().name == "ui"
