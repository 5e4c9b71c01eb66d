"""The faces Arabic is written in: the best installed one, chosen once at start.

Left to itself, Qt draws Arabic in whatever face the system default falls back to;
with only DejaVu Sans that is a heavy, dense face, and one without the Urdu and
Persian letters some feeds use ("صفحۂ اول" shows a box for ۂ).  At start the
installed faces are tried in order of preference, and the first one that has
every letter of :data:`SCRIPT_SAMPLE` is used: for the interface (the list, the
sidebar) a sans face, for the reading pane's body a Naskh face.  The interface
font then names the Arabic face first and the system's own face after it, so
Arabic letters come from the chosen face and Latin ones (which these Arabic faces
do not carry) from the system's.

The faces are those of Debian's ``fonts-noto-core`` (Noto Sans Arabic, Noto Naskh
Arabic), ``fonts-hosny-amiri`` (Amiri) and ``fonts-sil-scheherazade``; without
any of them the system default stays.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QRawFont

#: Arabic letters with the Persian and Urdu ones feeds use (پ چ ژ گ ک ی ۂ ے ڑ ٹ ں).
SCRIPT_SAMPLE = "ابتجحدرسصطعفقكلمنهوي" + "پچژگکیۂےڑٹں"
#: Faces for the interface, best first: clear at small sizes.
UI_FACES: tuple[str, ...] = (
    "Noto Sans Arabic",
    "Noto Sans Arabic UI",
    "Vazirmatn",
    "Noto Naskh Arabic",
    "Amiri",
    "Noto Kufi Arabic",
)
#: Faces for reading long text, best first: Naskh, the face of printed Arabic.
TEXT_FACES: tuple[str, ...] = (
    "Noto Naskh Arabic",
    "Amiri",
    "Scheherazade New",
    "Noto Sans Arabic",
    "Vazirmatn",
)


@dataclass(frozen=True, slots=True)
class ArabicFaces:
    """The chosen faces (``None``: none installed covers the script)."""

    ui: str | None
    text: str | None

    def text_families(self) -> tuple[str, ...]:
        """The reading pane's Naskh face first, then the interface's."""
        return tuple(dict.fromkeys(f for f in (self.text, self.ui) if f))


def covers(family: str, sample: str = SCRIPT_SAMPLE) -> bool:
    """Whether the installed face ``family`` has every letter of ``sample``."""
    if not QFontDatabase.hasFamily(family):
        return False
    raw = QRawFont.fromFont(QFont(family), QFontDatabase.WritingSystem.Arabic)
    if not raw.isValid() or raw.familyName().casefold() != family.casefold():
        return False  # another face stood in for a missing one
    return all(raw.supportsCharacter(ord(letter)) for letter in sample)


def best_face(candidates: Iterable[str]) -> str | None:
    """The first of ``candidates`` that is installed and covers the script."""
    return next((family for family in candidates if covers(family)), None)


def choose_faces(
    ui_faces: Sequence[str] = UI_FACES, text_faces: Sequence[str] = TEXT_FACES
) -> ArabicFaces:
    """The best installed faces for the interface and for reading."""
    return ArabicFaces(ui=best_face(ui_faces), text=best_face(text_faces))


_chosen: ArabicFaces | None = None


def chosen_faces() -> ArabicFaces:
    """The faces chosen at start (chosen now if not yet)."""
    global _chosen
    if _chosen is None:
        _chosen = choose_faces()
    return _chosen


def with_arabic_face(font: QFont, faces: ArabicFaces | None = None) -> QFont:
    """``font`` with the chosen Arabic face first and its own families after it."""
    face = (faces or chosen_faces()).ui
    result = QFont(font)
    if face is None:
        return result
    own = [f for f in font.families() or [font.family()] if f and f != face]
    result.setFamilies([face, *own])
    return result


def apply_arabic_face() -> ArabicFaces:
    """Choose the faces and give the application's font the Arabic one."""
    faces = chosen_faces()
    if faces.ui is not None:
        QGuiApplication.setFont(with_arabic_face(QGuiApplication.font(), faces))
    return faces
