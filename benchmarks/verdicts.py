"""What every benchmark script does with its figures: judge targets, hand out the report.

A target is judged on every run and met only if the worst run meets it; the
median is kept for reading, never for judging.  The report is one JSON object on
standard output, and in ``--output`` when asked.
"""

from __future__ import annotations

import json
import statistics
from collections.abc import Sequence
from pathlib import Path
from typing import Any


def judge(
    runs: Sequence[float | None], limit: float, *, at_least: bool = False, inclusive: bool = False
) -> dict[str, Any]:
    """A target judged on its worst run: the lowest with *at_least*, else the highest.

    ``value`` is that worst run (``None``, and ``met: None``, when nothing was
    measured).  Without *at_least* the target is ``< limit`` (``<= limit`` with
    *inclusive*).
    """
    measured = [r for r in runs if isinstance(r, int | float)]
    worst = (min(measured) if at_least else max(measured)) if measured else None
    if at_least:
        sign, met = ">=", None if worst is None else worst >= limit
    elif inclusive:
        sign, met = "<=", None if worst is None else worst <= limit
    else:
        sign, met = "<", None if worst is None else worst < limit
    return {
        "value": worst,
        "target": f"{sign} {limit}",
        "met": met,
        "runs": measured,
        "median": statistics.median(measured) if measured else None,
    }


def emit(report: dict[str, Any], output: Path | None) -> None:
    """Print the report as JSON, and write it to *output* too (its folder made)."""
    text = json.dumps(report, ensure_ascii=False, indent=2)
    print(text)
    if output:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text + "\n", encoding="utf-8")
