"""Qt's platform plugin checked before Qt starts: missing libraries named, with packages."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsreader.qt_check import (
    PACKAGES,
    missing_libraries,
    platform_candidates,
    report,
    startup_problem,
)

ROOT = Path(__file__).resolve().parent.parent
ABSENT = "libnewsreader-absent-test.so.1"


def build_library(folder: Path, name: str, needs: str | None = None) -> Path:
    """A real shared library named ``name``, linked against ``needs`` (which is then gone)."""
    folder.mkdir(parents=True, exist_ok=True)
    source = folder / "empty.c"
    source.write_text("int newsreader_test_symbol(void) { return 0; }\n", encoding="utf-8")
    target = folder / name
    command = ["cc", "-shared", "-fPIC", "-o", str(target), str(source)]
    if needs:
        stub_dir = folder / "stub"
        stub_dir.mkdir(exist_ok=True)
        stub = stub_dir / needs
        subprocess.run(
            ["cc", "-shared", "-fPIC", f"-Wl,-soname,{needs}", "-o", str(stub), str(source)],
            check=True,
        )
        command += ["-Wl,--no-as-needed", f"-L{stub_dir}", f"-l:{needs}"]
    subprocess.run(command, check=True)
    if needs:
        (stub_dir / needs).unlink()  # linked against it; now the system cannot find it
    return target


@pytest.fixture
def broken_plugins(tmp_path: Path) -> Path:
    """A platform plugin folder: ``broken`` lacks a library, ``sound`` has all it needs."""
    folder = tmp_path / "platforms"
    build_library(folder, "libqbroken.so", needs=ABSENT)
    build_library(folder, "libqsound.so")
    return folder


def test_a_missing_library_is_found(broken_plugins: Path) -> None:
    assert missing_libraries(broken_plugins / "libqbroken.so") == [ABSENT]
    assert missing_libraries(broken_plugins / "libqsound.so") == []


def test_the_plugins_qt_would_try() -> None:
    assert platform_candidates({}) == ["xcb"]
    assert platform_candidates({"WAYLAND_DISPLAY": "wayland-0"}) == ["wayland", "xcb"]
    assert platform_candidates({"QT_QPA_PLATFORM": "offscreen"}) == ["offscreen"]
    assert platform_candidates({"QT_QPA_PLATFORM": "wayland;xcb:fontengine=freetype"}) == [
        "wayland",
        "xcb",
    ]


def test_a_plugin_that_cannot_load_is_reported(broken_plugins: Path) -> None:
    environ = {"QT_QPA_PLATFORM": "broken", "QT_QPA_PLATFORM_PLUGIN_PATH": str(broken_plugins)}
    problem = startup_problem(environ, "linux")
    assert problem is not None
    assert '"broken" platform plugin' in problem and ABSENT in problem
    assert "QT_QPA_PLATFORM=offscreen newsreader --screenshot" in problem
    # one plugin that loads is enough: Qt falls back to it
    environ["QT_QPA_PLATFORM"] = "broken;sound"
    assert startup_problem(environ, "linux") is None
    # other systems are not checked
    assert startup_problem(environ | {"QT_QPA_PLATFORM": "broken"}, "win32") is None


def test_the_platform_plugins_qt_ships_load_here() -> None:
    """The offscreen plugin, which the tests and screenshots use, has what it needs."""
    assert startup_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None


def test_the_report_names_debian_and_fedora_packages() -> None:
    text = report("xcb", ["libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libxcb-cursor.so.0"])
    assert "sudo apt-get install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1" in text
    assert "sudo dnf install xcb-util-cursor xcb-util-keysyms xcb-util-wm" in text
    unknown = report("xcb", ["libsomething.so.3"])
    assert "apt-get install" not in unknown
    assert "apt-file search NAME" in unknown and "libsomething.so.3" in unknown


def test_every_library_the_xcb_plugin_needs_has_its_packages() -> None:
    """The table covers what the X11 plugin and the Qt libraries under it need from the
    system (all but Qt's own libraries and the C and C++ run-times)."""
    import PySide6

    qt = Path(PySide6.__file__).parent / "Qt"
    names = []
    for library in (
        qt / "plugins" / "platforms" / "libqxcb.so",
        qt / "lib" / "libQt6XcbQpa.so.6",
        qt / "lib" / "libQt6Gui.so.6",
    ):
        headers = subprocess.run(
            ["objdump", "-p", str(library)], capture_output=True, text=True, check=True
        ).stdout
        names += [line.split()[1] for line in headers.splitlines() if "NEEDED" in line]
    system = [
        n for n in names if not n.startswith(("libQt6", "libc.", "libm.", "libstdc++", "libgcc_s"))
    ]
    assert system, "objdump found no libraries"
    assert [n for n in system if n not in PACKAGES] == []


def test_the_app_stops_with_the_report_instead_of_aborting(
    broken_plugins: Path, tmp_path: Path
) -> None:
    environ = os.environ | {
        "QT_QPA_PLATFORM": "broken",
        "QT_QPA_PLATFORM_PLUGIN_PATH": str(broken_plugins),
        "PYTHONPATH": str(ROOT / "src"),
    }
    done = subprocess.run(
        [sys.executable, "-m", "newsreader", "--data-dir", str(tmp_path / "data")],
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1
    assert ABSENT in done.stderr and "offscreen" in done.stderr
    assert not (tmp_path / "data").exists()  # stopped before opening the profile


def test_a_plugin_is_loaded_as_qt_would_load_it(broken_plugins: Path) -> None:
    from newsreader.qt_check import loads

    assert loads(broken_plugins / "libqsound.so")
    assert not loads(broken_plugins / "libqbroken.so")
