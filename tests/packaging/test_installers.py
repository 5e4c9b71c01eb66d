"""The installers ``packaging/build.sh all`` made, installed and started as a user would.

Run by ``.ci/packaging`` after the build, with ``NEWSREADER_DIST`` naming the folder
that holds them.  The wheel goes into a fresh virtual environment; the app bundle
and the AppDir run as they are; the ``.deb`` is installed with dpkg (as root, the
dependencies it names then brought by apt), started from ``/usr/bin``, checked with
``desktop-file-validate`` and ``appstreamcli``, and purged, leaving nothing behind.
Every start is run from a folder outside the source tree, on the offscreen platform.
"""

from __future__ import annotations

import os
import re
import struct
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from tests.helpers.feedserver import FeedServer
from tests.test_window_texts import catalogue_translations

ROOT = Path(__file__).resolve().parents[2]
DIST = Path(os.environ.get("NEWSREADER_DIST", ROOT / "dist")).resolve()
VERSION = re.search(
    r'^__version__ = "(.+)"$',
    (ROOT / "src" / "newsreader" / "__init__.py").read_text(encoding="utf-8"),
    re.MULTILINE,
).group(1)  # type: ignore[union-attr]
APP_ID = "io.github.newsreader.Newsreader"
FEED = ROOT / "tests" / "fixtures" / "feeds"
TIMEOUT = 600

pytestmark = [pytest.mark.slow, pytest.mark.gui]


def run(command: list[str], cwd: Path, **kwargs: object) -> subprocess.CompletedProcess[str]:
    """Run a command as a user would: no source tree on the path, no display."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "QT_QPA_PLATFORM")}
    env["NO_PROXY"] = "127.0.0.1,localhost"
    env.update(kwargs.pop("env", {}))  # type: ignore[arg-type]
    done = subprocess.run(
        command,
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
        **kwargs,  # type: ignore[arg-type]
    )
    assert done.returncode == 0, f"{command} failed:\n{done.stdout}\n{done.stderr}"
    return done


def check_window(picture: Path, texts: Path) -> None:
    """The PNG is the whole window (not blank) and it speaks Arabic from the catalogue."""
    image = QImage(str(picture))
    assert (image.width(), image.height()) == (1280, 800)
    colours = {image.pixel(x, y) for y in range(0, 800, 16) for x in range(0, 1280, 16)}
    assert len(colours) > 50, "the picture is (nearly) blank"
    shown = set(texts.read_text(encoding="utf-8").splitlines())
    translated = catalogue_translations() & shown
    assert len(translated) >= 20, f"the window is not in Arabic: {sorted(shown)[:40]}"


def screenshot(command: list[str], where: Path) -> None:
    where.mkdir(parents=True, exist_ok=True)
    data, picture, texts = where / "data", where / "window.png", where / "window.txt"
    run(
        [
            *(*command, "--data-dir", str(data), "--screenshot", str(picture)),
            *("--screenshot-texts", str(texts), "--lang", "ar"),
        ],
        cwd=where,
    )
    check_window(picture, texts)
    # the catalogue shipped was used: nothing was compiled into the profile's cache
    assert not (data / "cache" / "translations").exists()


def test_the_wheel_and_the_sdist_carry_what_an_install_needs() -> None:
    wheel = DIST / f"newsreader-{VERSION}-py3-none-any.whl"
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        metadata = archive.read(f"newsreader-{VERSION}.dist-info/METADATA").decode()
    for language in ("ar", "en"):
        assert f"newsreader/_data/resources/translations/newsreader_{language}.qm" in names
    assert "requires-dist: pyside6-essentials" in metadata.lower()
    with tarfile.open(DIST / f"newsreader-{VERSION}.tar.gz") as sdist:
        members = set(sdist.getnames())
    for path in ("packaging/hatch_build.py", "resources/translations/newsreader_ar.ts"):
        assert f"newsreader-{VERSION}/{path}" in members


def test_the_wheel_in_a_fresh_environment_starts_the_window_in_arabic(tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", str(venv)], cwd=tmp_path)
    wheel = DIST / f"newsreader-{VERSION}-py3-none-any.whl"
    run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", str(wheel)], cwd=tmp_path)
    command = str(venv / "bin" / "newsreader")
    assert run([command, "--version"], cwd=tmp_path).stdout.strip() == f"newsreader {VERSION}"
    screenshot([command], tmp_path)


def test_the_sdist_installs_with_its_catalogues_compiled(tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", str(venv)], cwd=tmp_path)
    sdist = DIST / f"newsreader-{VERSION}.tar.gz"
    run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", str(sdist)], cwd=tmp_path)
    command = str(venv / "bin" / "newsreader")
    assert run([command, "--version"], cwd=tmp_path).stdout.strip() == f"newsreader {VERSION}"
    (site,) = (venv / "lib").glob("python3*/site-packages")
    shipped = site / "newsreader" / "_data" / "resources" / "translations" / "newsreader_ar.qm"
    assert shipped.stat().st_size > 10_000
    assert (site / "PySide6").is_dir()


def test_the_bundle_starts_and_parses_feeds_in_its_own_workers(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    bundle = DIST / "newsreader" / "newsreader"
    assert run([str(bundle), "--version"], cwd=tmp_path).stdout.strip() == f"newsreader {VERSION}"
    # a parse worker is the bundle itself: its first frame says it is ready
    worker = subprocess.run(
        [str(bundle), "--parse-worker"], input=b"", capture_output=True, timeout=120, check=False
    )
    assert worker.returncode == 0, worker.stderr
    (length,) = struct.unpack(">Q", worker.stdout[:8])
    assert worker.stdout[8 : 8 + length] == b"newsreader parse worker ready"
    # a feed added is parsed by such a worker (a frozen build has no interpreter to start)
    feed_server.serve_file("/feed.xml", FEED / "rss20_ar.xml")
    added = run(
        [
            *(str(bundle), "--data-dir", str(tmp_path / "data")),
            *("feeds", "add", feed_server.url("/feed.xml")),
        ],
        cwd=tmp_path,
    )
    assert "subscribed [1]" in added.stdout
    screenshot([str(bundle)], tmp_path / "window")


def test_the_appdir_runs_the_same_bundle(tmp_path: Path) -> None:
    appdir = DIST / "Newsreader.AppDir"
    for name in ("AppRun", f"{APP_ID}.desktop", f"{APP_ID}.png", ".DirIcon"):
        assert (appdir / name).exists(), name
    app_run = str(appdir / "AppRun")
    assert run([app_run, "--version"], cwd=tmp_path).stdout.strip() == f"newsreader {VERSION}"
    images = list(DIST.glob(f"Newsreader-{VERSION}-*.AppImage"))
    command = [str(images[0]), "--appimage-extract-and-run"] if images else [app_run]
    screenshot(command, tmp_path)


def installed_files() -> list[Path]:
    listing = run(["dpkg", "-L", "newsreader"], cwd=Path("/")).stdout.splitlines()
    return [Path(line) for line in listing if line.startswith("/")]


def test_the_deb_installs_starts_validates_and_leaves_nothing_behind(tmp_path: Path) -> None:
    assert os.geteuid() == 0, "installing the .deb needs root (CI runs as root)"
    (package,) = DIST.glob(f"newsreader_{VERSION}-1_*.deb")
    depends = run(["dpkg-deb", "--field", str(package), "Depends"], cwd=tmp_path).stdout
    for needed in ("libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "fonts-noto-ui-core"):
        assert needed in depends
    subprocess.run(["dpkg", "--purge", "newsreader"], capture_output=True, check=False)
    installing = subprocess.run(["dpkg", "-i", str(package)], capture_output=True, text=True)
    if installing.returncode != 0:  # dependencies missing: apt brings them and finishes
        env = {"DEBIAN_FRONTEND": "noninteractive"}
        run(["apt-get", "update", "-qq"], cwd=tmp_path, env=env)
        run(["apt-get", "install", "-f", "-y", "-qq"], cwd=tmp_path, env=env)
    files: list[Path] = []
    try:
        status = run(["dpkg-query", "-W", "-f=${Status}", "newsreader"], cwd=tmp_path).stdout
        assert status == "install ok installed"
        files = installed_files()
        assert Path("/usr/bin/newsreader").resolve() == Path("/usr/lib/newsreader/newsreader")
        out = run(["newsreader", "--version"], cwd=tmp_path).stdout
        assert out.strip() == f"newsreader {VERSION}"
        # Qt's X11 plugin finds every library it needs once the package's Depends are in
        plugin = next(Path("/usr/lib/newsreader").rglob("platforms/libqxcb.so"))
        assert "not found" not in run(["ldd", str(plugin)], cwd=tmp_path).stdout
        screenshot(["newsreader"], tmp_path)
        desktop = Path(f"/usr/share/applications/{APP_ID}.desktop")
        run(["desktop-file-validate", str(desktop)], cwd=tmp_path)
        entry = desktop.read_text(encoding="utf-8")
        assert "Name[ar]=" in entry and "Keywords[ar]=" in entry
        metainfo = Path(f"/usr/share/metainfo/{APP_ID}.metainfo.xml")
        run(["appstreamcli", "validate", "--no-net", str(metainfo)], cwd=tmp_path)
        icons = Path("/usr/share/icons/hicolor")
        assert (icons / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
        for size in (16, 32, 48, 64, 128, 256, 512):
            assert (icons / f"{size}x{size}" / "apps" / f"{APP_ID}.png").is_file()
    finally:
        run(["dpkg", "--purge", "newsreader"], cwd=tmp_path)
    left = [path for path in files if path.is_file() or path.is_symlink()]
    assert left == []
    assert not Path("/usr/lib/newsreader").exists()
    assert subprocess.run(["dpkg-query", "-W", "newsreader"], capture_output=True).returncode != 0
