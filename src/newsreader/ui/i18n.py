"""Interface language: which one, and loading its translations.

The Arabic strings live in ``resources/translations/newsreader_ar.ts`` (the source
translators edit).  Installed copies (the wheel, the app bundles) ship the ``.qm``
beside it, compiled when they were built (``packaging/hatch_build.py``), and use it.
A source checkout has none: at start-up the ``.ts`` is compiled to a ``.qm`` in the
profile's cache with the ``lrelease`` that PySide6 ships, and only again when the
``.ts`` changes, so no generated file has to be kept in the repository.  Qt's own strings (standard
buttons, context menus) come from its ``qtbase_*.qm`` catalogues.

After interface strings change, the catalogues are refreshed from the source tree's
root with PySide6's ``lupdate`` (the English one holds only the plural forms)::

    pyside6-lupdate -extensions py,ui -no-obsolete -locations none src/newsreader/ui ui \\
        -ts resources/translations/newsreader_ar.ts
    pyside6-lupdate -pluralonly -extensions py,ui -no-obsolete -locations none \\
        src/newsreader/ui ui -ts resources/translations/newsreader_en.ts

``lupdate`` does not see the count argument of ``QCoreApplication.translate`` in
Python, so it turns those plural messages (``RelativeTime``, and the ``MainWindow``
ones the window's parts send) into plain
unfinished ones, and drops them from the English file: put their ``numerus`` forms
back before committing.  ``tests/ui/test_translation_catalogue.py`` checks both
files against the code.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from newsreader.core.paths import resources_dir

log = logging.getLogger(__name__)

#: Languages the interface is translated into ("en" is the source language).
LANGUAGES = ("ar", "en")
#: Languages written right to left.
RTL_LANGUAGES = frozenset({"ar"})
_LRELEASE_TIMEOUT = 60


def system_language() -> str:
    """``ar`` when the system locale is Arabic, else ``en``."""
    return "ar" if QLocale.system().language() == QLocale.Language.Arabic else "en"


def choose_language(override: str | None, setting: str | None) -> str:
    """The command line wins, then the user's preference, then the system locale."""
    for choice in (override, setting):
        if choice in LANGUAGES:
            return choice
    return system_language()


def is_rtl(language: str) -> bool:
    return language in RTL_LANGUAGES


def translations_dir() -> Path:
    return resources_dir() / "translations"


def find_lrelease() -> list[str] | None:
    """The command that compiles ``.ts`` files: PySide6's bundled ``lrelease`` first."""
    try:
        import PySide6

        bundled = Path(PySide6.__file__).resolve().parent / "lrelease"
        if bundled.is_file():
            return [str(bundled)]
    except ImportError:  # pragma: no cover - PySide6 is imported above
        pass
    beside_python = Path(sys.executable).parent / "pyside6-lrelease"
    if beside_python.is_file():
        return [str(beside_python)]
    for name in ("pyside6-lrelease", "lrelease-qt6", "lrelease"):
        found = shutil.which(name)
        if found:
            return [found]
    return None


def compiled_translation(language: str, cache_dir: Path, folder: Path | None = None) -> Path | None:
    """The ``.qm`` for ``language``: the one shipped beside the ``.ts`` in ``folder``
    (the resources' translations), else one (re)compiled into ``cache_dir`` when out
    of date.
    """
    source = (folder or translations_dir()) / f"newsreader_{language}.ts"
    shipped = source.with_suffix(".qm")
    if shipped.is_file():  # compiled when the package was built
        return shipped
    if not source.is_file():
        return None
    target = cache_dir / "translations" / f"newsreader_{language}.qm"
    if target.is_file() and target.stat().st_mtime >= source.stat().st_mtime:
        return target
    command = find_lrelease()
    if command is None:
        log.warning("lrelease not found; cannot compile %s", source)
        return None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [*command, "-silent", str(source), "-qm", str(target)],
            check=True,
            capture_output=True,
            timeout=_LRELEASE_TIMEOUT,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("compiling %s failed: %s", source, exc)
        return None
    return target if target.is_file() else None


class Translations:
    """The translators installed in the application for the current language."""

    def __init__(self, cache_dir: Path) -> None:
        self._cache_dir = cache_dir
        self._installed: list[QTranslator] = []
        self.language = "en"

    def _install(self, load: Callable[[QTranslator], bool], name: str) -> None:
        translator = QTranslator(QCoreApplication.instance())
        if load(translator):
            QCoreApplication.installTranslator(translator)
            self._installed.append(translator)
        else:
            log.info("translation %s not loaded", name)

    def apply(self, language: str) -> None:
        """Switch the application to ``language``: translators, locale and direction."""
        app = QCoreApplication.instance()
        for translator in self._installed:
            QCoreApplication.removeTranslator(translator)
        self._installed.clear()
        self.language = language
        locale = QLocale(QLocale.Language.Arabic if language == "ar" else QLocale.Language.English)
        QLocale.setDefault(locale)
        # English is the source language; its catalogue holds only plural forms
        own = compiled_translation(language, self._cache_dir)
        if own is not None:
            self._install(lambda t: t.load(str(own)), str(own))
        if language != "en":
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            self._install(lambda t: t.load(f"qtbase_{language}", qt_dir), f"qtbase_{language}")
        if isinstance(app, QApplication):  # Arabic mirrors the whole window
            direction = (
                Qt.LayoutDirection.RightToLeft
                if is_rtl(language)
                else Qt.LayoutDirection.LeftToRight
            )
            app.setLayoutDirection(direction)
