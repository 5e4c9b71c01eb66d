"""Where Newsreader keeps its files (platformdirs), and where its bundled resources are.

``--data-dir DIR`` (or ``NEWSREADER_DATA_DIR``) puts *everything* (database, image
cache, settings) under one folder: tests and portable installs use it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from newsreader.core.files import private_folder

APP_NAME = "newsreader"
DATA_DIR_ENV = "NEWSREADER_DATA_DIR"


@dataclass(frozen=True, slots=True)
class AppPaths:
    """The folders one Newsreader profile uses."""

    data: Path  # the database and user data
    cache: Path  # images and other re-fetchable files
    config: Path  # settings

    @property
    def database(self) -> Path:
        return self.data / "newsreader.sqlite3"

    @property
    def images(self) -> Path:
        return self.cache / "images"

    @property
    def demo_pages(self) -> Path:
        """The demo articles' web pages (see :mod:`newsreader.reader.demo_pages`)."""
        return self.cache / "demo-pages"

    @property
    def settings_file(self) -> Path:
        return self.config / "settings.json"

    def ensure(self) -> AppPaths:
        """Create the folders, each its owner's alone; a wider existing one is tightened."""
        for folder in (self.data, self.cache, self.config):
            private_folder(folder)
        return self


@dataclass(frozen=True, slots=True)
class ProfileAddress:
    """Where another process finds a profile that is open here (picklable)."""

    db_url: str
    paths: AppPaths
    #: Whose state it reads and writes (None: the OS user).
    user: str | None = None


def app_paths(data_dir: str | os.PathLike[str] | None = None) -> AppPaths:
    """The profile's folders: an explicit ``data_dir``, else the environment, else platformdirs."""
    chosen = data_dir or os.environ.get(DATA_DIR_ENV) or None
    if chosen:
        root = Path(chosen).expanduser().resolve()
        return AppPaths(data=root, cache=root / "cache", config=root)
    return AppPaths(
        data=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
        cache=Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
        config=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
    )


def _first_existing(*candidates: Path) -> Path:
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return candidates[0]


_PACKAGE = Path(__file__).resolve().parent.parent  # src/newsreader or site-packages/newsreader


def resources_dir() -> Path:
    """``resources/``: inside the installed wheel (``_data``), else the source tree."""
    return _first_existing(_PACKAGE / "_data" / "resources", _PACKAGE.parent.parent / "resources")


def ui_files_dir() -> Path:
    """The top-level ``ui/`` folder (Designer forms, style sheets)."""
    return _first_existing(_PACKAGE / "_data" / "ui", _PACKAGE.parent.parent / "ui")
