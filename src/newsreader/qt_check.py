"""Why Qt cannot start: the platform plugin's missing system libraries, found without Qt.

When a shared library that Qt's platform plugin needs is missing (a minimal Debian
lacks ``libxcb-icccm4`` and ``libxcb-keysyms1``), Qt aborts with a message that
names another library, or none.  Before the app imports Qt, :func:`startup_problem`
finds the plugin Qt would load (``QT_QPA_PLATFORM``, else ``xcb`` or, on a Wayland
session, ``wayland`` then ``xcb``) and loads it as Qt would (``dlopen``, through
ctypes: what it loads, Qt would load next anyway).  Only when that fails does it ask
``ldd`` which of the plugin's libraries (its own and those of the Qt libraries it
loads) the system cannot find, and then says which libraries are missing, the
Debian and Fedora packages that bring them, and how to run without a display.  Only
Linux is checked; elsewhere, and when ``ldd`` or the plugin cannot be found, Qt is
left to try.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

__all__ = [
    "PACKAGES",
    "loads",
    "missing_libraries",
    "platform_candidates",
    "report",
    "startup_problem",
]

#: The packages that bring each library Qt's platform plugins load: (Debian, Fedora).
PACKAGES: Mapping[str, tuple[str, str]] = {
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor"),
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image"),
    "libxcb-render-util.so.0": ("libxcb-render-util0", "xcb-util-renderutil"),
    "libxcb-util.so.1": ("libxcb-util1", "xcb-util"),
    "libxcb-randr.so.0": ("libxcb-randr0", "libxcb"),
    "libxcb-shm.so.0": ("libxcb-shm0", "libxcb"),
    "libxcb-sync.so.1": ("libxcb-sync1", "libxcb"),
    "libxcb-xfixes.so.0": ("libxcb-xfixes0", "libxcb"),
    "libxcb-render.so.0": ("libxcb-render0", "libxcb"),
    "libxcb-shape.so.0": ("libxcb-shape0", "libxcb"),
    "libxcb-xkb.so.1": ("libxcb-xkb1", "libxcb"),
    "libxcb-xinput.so.0": ("libxcb-xinput0", "libxcb"),
    "libxcb.so.1": ("libxcb1", "libxcb"),
    "libX11-xcb.so.1": ("libx11-xcb1", "libX11-xcb"),
    "libX11.so.6": ("libx11-6", "libX11"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11"),
    "libxkbcommon.so.0": ("libxkbcommon0", "libxkbcommon"),
    "libGL.so.1": ("libgl1", "libglvnd-glx"),
    "libEGL.so.1": ("libegl1", "libglvnd-egl"),
    "libOpenGL.so.0": ("libopengl0", "libglvnd-opengl"),
    "libfontconfig.so.1": ("libfontconfig1", "fontconfig"),
    "libfreetype.so.6": ("libfreetype6", "freetype"),
    "libglib-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libgthread-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libdbus-1.so.3": ("libdbus-1-3", "dbus-libs"),
    "libz.so.1": ("zlib1g", "zlib"),
    "libwayland-client.so.0": ("libwayland-client0", "libwayland-client"),
    "libwayland-cursor.so.0": ("libwayland-cursor0", "libwayland-cursor"),
    "libwayland-egl.so.1": ("libwayland-egl1", "libwayland-egl"),
}

_LDD_TIMEOUT = 20


def platform_candidates(environ: Mapping[str, str]) -> list[str]:
    """The platform plugins Qt would try, in order (``QT_QPA_PLATFORM`` lists them)."""
    chosen = environ.get("QT_QPA_PLATFORM", "")
    if chosen:
        names = [entry.split(":", 1)[0].strip() for entry in chosen.split(";")]
        return [name for name in names if name]
    if environ.get("WAYLAND_DISPLAY") or environ.get("XDG_SESSION_TYPE") == "wayland":
        return ["wayland", "xcb"]
    return ["xcb"]


def _plugin_folders(environ: Mapping[str, str]) -> list[Path]:
    """Where Qt looks for platform plugins: the variable's folders, then PySide6's own."""
    folders = [Path(p) for p in environ.get("QT_QPA_PLATFORM_PLUGIN_PATH", "").split(os.pathsep)]
    folders = [folder for folder in folders if str(folder) not in ("", ".")]
    spec = importlib.util.find_spec("PySide6")  # finds the package without importing it
    roots = list(spec.submodule_search_locations or []) if spec is not None else []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        roots.append(str(Path(bundle) / "PySide6"))
    folders += [Path(root) / "Qt" / "plugins" / "platforms" for root in roots]
    return folders


def _find_plugin(name: str, environ: Mapping[str, str]) -> Path | None:
    for folder in _plugin_folders(environ):
        candidate = folder / f"libq{name}.so"
        if candidate.is_file():
            return candidate
    return None


def loads(library: Path) -> bool:
    """Whether ``library`` and everything it needs load (the dynamic loader's own answer).

    What it loads is what Qt loads a moment later, so the usual case costs nothing;
    only a failure is looked into (:func:`missing_libraries`).
    """
    try:
        ctypes.CDLL(str(library), mode=os.RTLD_LAZY | os.RTLD_LOCAL)
    except OSError:
        return False
    return True


def missing_libraries(library: Path) -> list[str] | None:
    """The shared libraries ``library`` needs that the system cannot find (``ldd``).

    ``None`` when that cannot be told (no ``ldd``, or it failed).
    """
    ldd = shutil.which("ldd")
    if ldd is None:
        return None
    try:
        done = subprocess.run(
            [ldd, str(library)],
            capture_output=True,
            text=True,
            timeout=_LDD_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    missing: list[str] = []
    for line in done.stdout.splitlines():
        name, arrow, where = line.strip().partition("=>")
        if arrow and where.strip() == "not found" and name.strip() not in missing:
            missing.append(name.strip())
    if done.returncode != 0 and not missing:
        return None
    return missing


def report(platform_name: str, missing: list[str]) -> str:
    """What to tell the user when ``platform_name``'s plugin lacks ``missing`` libraries."""
    debian = sorted({PACKAGES[name][0] for name in missing if name in PACKAGES})
    fedora = sorted({PACKAGES[name][1] for name in missing if name in PACKAGES})
    unknown = [name for name in missing if name not in PACKAGES]
    lines = [
        f'newsreader: Qt cannot start: its "{platform_name}" platform plugin needs system '
        "libraries that are missing:",
        "  " + ", ".join(missing),
    ]
    if debian:
        lines += [
            "Install them:",
            "  Debian, Ubuntu:  sudo apt-get install " + " ".join(debian),
            "  Fedora:          sudo dnf install " + " ".join(fedora),
        ]
    if unknown:
        lines.append(
            "Find the package that holds "
            + ", ".join(unknown)
            + " (Debian: apt-file search NAME; Fedora: dnf provides '*/NAME')."
        )
    lines += [
        "Without a display the app runs offscreen, e.g. to take a picture of the window:",
        "  QT_QPA_PLATFORM=offscreen newsreader --screenshot window.png",
        "and the command line needs no display at all (newsreader --help).",
    ]
    return "\n".join(lines) + "\n"


def startup_problem(environ: Mapping[str, str], platform: str) -> str | None:
    """What keeps Qt from starting here, as a message for the user; ``None`` if nothing.

    Qt tries the candidate plugins in order; only when none of them can load is
    there a problem, reported for the first one.
    """
    if not platform.startswith("linux"):
        return None
    problems: list[tuple[str, list[str]]] = []
    for name in platform_candidates(environ):
        plugin = _find_plugin(name, environ)
        if plugin is None:
            return None  # a plugin Qt finds elsewhere, or none: Qt's own message says it
        if loads(plugin):
            return None
        missing = missing_libraries(plugin)
        if not missing:
            return None  # it loads (or that cannot be told): let Qt go
        problems.append((name, missing))
    if not problems:
        return None
    return report(*problems[0])
