"""User preferences, kept as JSON in the config folder.

Unknown keys are kept (a newer version's settings survive an older one), a damaged
file falls back to defaults without being overwritten until the user saves.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

BIDI_ENV = "NEWSREADER_BIDI"


@dataclass(frozen=True, slots=True)
class Settings:
    language: str = ""  # "" follows the system locale; "ar" or "en"
    refresh_minutes: int = 30
    mark_read_delay_ms: int = 1500
    font_size: int = 0  # 0: the system's
    zoom: int = 0  # reading pane zoom steps
    notifications: bool = False
    terminal_bidi: str = "auto"  # auto | visual | logical
    #: Seconds a refresh may spend on pictures, icons and comments after its news
    #: (what is not done by then waits for the next refresh); 0: no limit.
    follow_up_seconds: int = 60
    #: Each refresh keeps the new articles' pictures for offline reading (off for
    #: metered or headless use; ``newsreader refresh --no-images`` skips them once).
    offline_pictures: bool = True
    theme: str = "system"  # system | light | dark
    #: Whole articles for feeds added from now on: off | on | auto (core/full_articles.py).
    full_articles: str = "off"
    #: The first-run banner (suggested sources, language) was dismissed or used.
    welcome_done: bool = False

    def with_changes(self, **changes: Any) -> Settings:
        return replace(self, **changes)


def load_settings(path: Path) -> Settings:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError) as exc:
        log.warning("ignoring unreadable settings %s: %s", path, exc)
        return Settings()
    if not isinstance(raw, dict):
        return Settings()
    known = {f.name: f for f in fields(Settings)}
    values: dict[str, Any] = {}
    defaults = Settings()
    for name, value in raw.items():
        # The exact type: JSON's true is a Python bool, and a bool is also an int.
        if name in known and type(value) is type(getattr(defaults, name)):
            values[name] = value
    return Settings(**values)


def save_settings(path: Path, settings: Settings) -> None:
    """Write atomically (temp file + rename), keeping keys this version does not know."""
    try:
        existing = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(existing, dict):
            existing = {}
    except (OSError, ValueError):
        existing = {}
    existing.update(asdict(settings))
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(existing, ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(tmp, path)


#: VTE (GNOME Terminal, Tilix, xfce4-terminal...) reorders right-to-left text itself
#: from version 0.57.3, which sets ``VTE_VERSION`` to 5703.
VTE_BIDI_VERSION = 5703


def terminal_does_bidi(environ: Mapping[str, str]) -> bool:
    """Whether the terminal is one known to reorder right-to-left text by default.

    VTE-based terminals from 0.57.3 on, Konsole and mlterm do.  Inside tmux or
    screen the terminal outside is not known for sure, so the answer is no.
    """
    if environ.get("TMUX") or environ.get("STY"):
        return False
    vte = environ.get("VTE_VERSION", "").strip()
    if vte.isdigit() and int(vte) >= VTE_BIDI_VERSION:
        return True
    return bool(environ.get("KONSOLE_VERSION") or environ.get("MLTERM"))


def terminal_visual(
    settings: Settings,
    *,
    isatty: bool,
    explicit: str | None = None,
    environ: Mapping[str, str] | None = None,
) -> bool:
    """Whether ``read`` reorders right-to-left text for display (visual order).

    An explicit ``--visual``/``--logical`` wins, then ``NEWSREADER_BIDI``, then the
    setting; ``auto`` means visual on a terminal (logical on one that reorders
    right-to-left text itself) and logical when piped.
    """
    env = os.environ if environ is None else environ
    choice = explicit or env.get(BIDI_ENV, "").strip().lower() or settings.terminal_bidi
    if choice == "visual":
        return True
    if choice == "logical":
        return False
    return isatty and not terminal_does_bidi(env)
