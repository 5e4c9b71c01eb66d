"""The layering contracts in ``pyproject.toml``, checked by import-linter on every run."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _lint_imports(*args: str) -> subprocess.CompletedProcess[str]:
    script = Path(sys.executable).with_name("lint-imports")
    command = [str(script)] if script.exists() else [shutil.which("lint-imports") or "lint-imports"]
    return subprocess.run(
        [*command, "--no-cache", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_every_layer_looks_only_down() -> None:
    result = _lint_imports()
    assert result.returncode == 0, result.stdout + result.stderr
    for contract in (
        "Every layer looks only down",
        "The core never imports Qt",
        "A window part never imports the window",
        "All SQL lives in storage",
    ):
        assert f"{contract} KEPT" in result.stdout


def test_a_broken_contract_is_reported(tmp_path: Path) -> None:
    """The check can fail: a contract the code does not keep is reported as broken."""
    config = tmp_path / "contracts.toml"
    config.write_text(
        "[tool.importlinter]\n"
        'root_package = "newsreader"\n'
        "[[tool.importlinter.contracts]]\n"
        'name = "Reader without storage"\n'
        'type = "forbidden"\n'
        'source_modules = ["newsreader.reader"]\n'
        'forbidden_modules = ["newsreader.storage"]\n',
        encoding="utf-8",
    )
    result = _lint_imports("--config", str(config))
    assert result.returncode != 0
    assert "Reader without storage BROKEN" in result.stdout
