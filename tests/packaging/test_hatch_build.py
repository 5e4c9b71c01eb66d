"""packaging/hatch_build.py: the wheel's translations compiled by PySide6's lrelease."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QTranslator

ROOT = Path(__file__).resolve().parents[2]


def load_hook() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "hatch_build", ROOT / "packaging" / "hatch_build.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("hatch_build", module)
    spec.loader.exec_module(module)
    return module


def test_every_catalogue_is_compiled_and_loads(qapp, tmp_path: Path) -> None:
    hook = load_hook()
    made = hook.compile_catalogues(ROOT / "resources" / "translations", tmp_path)
    assert [qm.name for qm in made] == ["newsreader_ar.qm", "newsreader_en.qm"]
    translator = QTranslator()
    assert translator.load(str(tmp_path / "newsreader_ar.qm"))
    assert translator.translate("MainWindow", "&File") == "&ملف"


def test_a_broken_catalogue_fails_the_build(tmp_path: Path) -> None:
    hook = load_hook()
    (tmp_path / "newsreader_xx.ts").write_text("<TS><context>", encoding="utf-8")
    with pytest.raises(Exception):  # noqa: B017  (lrelease's failure, or an empty file)
        hook.compile_catalogues(tmp_path, tmp_path / "out")
