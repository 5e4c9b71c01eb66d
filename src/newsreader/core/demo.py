"""The bundled demo host: which local file stands for one of its addresses.

The demo's feeds, pictures and pages live under ``https://demo.newsreader.invalid/``,
a name that never resolves: the transport answers it from ``resources/demo`` and the
window opens the local file behind a link instead of handing it to a browser.  Only
path arithmetic here, no I/O beyond checking that a file exists.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from newsreader.core.paths import resources_dir

__all__ = ["DEMO_BASE", "demo_file", "demo_path"]

DEMO_BASE = "https://demo.newsreader.invalid/"


def demo_path(url: str) -> PurePosixPath | None:
    """The path a demo-host *url* names, relative to the demo folder, or ``None``.

    Query and fragment are dropped; a folder address ("…/ar/") stands for its
    ``index.html``.
    """
    if not url.startswith(DEMO_BASE):
        return None
    relative = url.removeprefix(DEMO_BASE).split("?", 1)[0].split("#", 1)[0]
    if not relative or relative.endswith("/"):
        relative += "index.html"
    return PurePosixPath(relative)


def demo_file(url: str, root: Path | None = None) -> Path | None:
    """The shipped file behind a demo-host *url* (under *root*), or ``None``.

    A folder stands for its ``index.html``.  Never a path outside the demo folder,
    whatever ``..`` the URL holds.
    """
    relative = demo_path(url)
    if relative is None:
        return None
    base = (root or resources_dir() / "demo").resolve()
    path = (base / relative).resolve()
    if path.is_dir():
        path = path / "index.html"
    return path if path.is_relative_to(base) and path.is_file() else None
