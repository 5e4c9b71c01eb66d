"""Records about downloaded pictures that pass between fetching, the refresh and storage.

The offline image cache is filled in three steps that live in three layers: the
refresh (:mod:`newsreader.update.image_cache`) asks storage which pictures are
wanted, :mod:`newsreader.fetch.images` downloads one and says how it went, and
storage records that outcome.  These plain records are what they hand each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

#: The outcome of an image that was downloaded and kept.
IMAGE_OK = "ok"
#: The outcome of an image that could not be had (the reason is kept beside it).
IMAGE_ERROR = "error"


@dataclass(frozen=True, slots=True)
class ImageDownload:
    """How fetching one picture ended: its file in the cache, or why there is none."""

    url: str
    file_name: str | None = None
    content_type: str | None = None
    size: int | None = None
    error: str | None = None
    new_file: bool = False  # the bytes were not in the cache before


@dataclass(frozen=True, slots=True)
class ImageState:
    """What the cache remembers of a picture's last download."""

    status: str  # IMAGE_OK or IMAGE_ERROR
    file_name: str | None
    fetched: datetime | None
    error: str | None = None  # why there is no file (IMAGE_ERROR)


def is_bare_file_name(file_name: str | None) -> bool:
    """A stored name is a bare file name: never a path that leaves the cache folder."""
    if not file_name:
        return False
    return "/" not in file_name and "\\" not in file_name and file_name not in (".", "..")
