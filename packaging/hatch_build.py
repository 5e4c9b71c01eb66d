"""Hatch build hook: the wheel ships its translations compiled.

The Arabic catalogue is kept as a ``.ts`` (the source translators edit).  A wheel
built from this tree gets each ``resources/translations/*.ts`` compiled to a ``.qm``
beside it, by the ``lrelease`` that PySide6 ships (a build dependency of this hook),
so an installed copy never needs a compiler.  An editable install gets none: a
source checkout compiles at start-up (``newsreader.ui.i18n``).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

#: Where the wheel keeps the resources (``tool.hatch.build.targets.wheel.force-include``).
WHEEL_TRANSLATIONS = "newsreader/_data/resources/translations"


def find_lrelease() -> list[str]:
    """PySide6's ``lrelease``, else one on PATH; the build fails without one."""
    try:
        import PySide6

        folder = Path(PySide6.__file__).resolve().parent
        for name in ("lrelease", "lrelease.exe", "Qt/libexec/lrelease"):
            if (folder / name).is_file():
                return [str(folder / name)]
    except ImportError:
        pass
    for name in ("pyside6-lrelease", "lrelease-qt6", "lrelease"):
        found = shutil.which(name)
        if found:
            return [found]
    beside_python = Path(sys.executable).parent / "pyside6-lrelease"
    if beside_python.is_file():
        return [str(beside_python)]
    raise RuntimeError("cannot compile the translations: PySide6's lrelease was not found")


def compile_catalogues(sources: Path, target: Path) -> list[Path]:
    """Compile every ``.ts`` in ``sources`` into ``target``; the ``.qm`` files made."""
    command = find_lrelease()
    made = []
    for ts in sorted(sources.glob("*.ts")):
        qm = target / ts.with_suffix(".qm").name
        subprocess.run([*command, "-silent", str(ts), "-qm", str(qm)], check=True, timeout=120)
        if not qm.is_file() or qm.stat().st_size == 0:
            raise RuntimeError(f"lrelease made no catalogue from {ts}")
        made.append(qm)
    return made


class TranslationsHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        self._scratch = tempfile.mkdtemp(prefix="newsreader-qm-")
        sources = Path(self.root) / "resources" / "translations"
        for qm in compile_catalogues(sources, Path(self._scratch)):
            build_data["force_include"][str(qm)] = f"{WHEEL_TRANSLATIONS}/{qm.name}"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        scratch = getattr(self, "_scratch", None)
        if scratch:
            shutil.rmtree(scratch, ignore_errors=True)
