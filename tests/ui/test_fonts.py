"""The Arabic faces chosen at start: installed ones that cover Urdu and Persian letters too."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QFontDatabase

from newsreader.ui.fonts import (
    ArabicFaces,
    best_face,
    choose_faces,
    covers,
    with_arabic_face,
)

pytestmark = pytest.mark.gui


def test_a_face_that_is_not_installed_is_never_chosen(qapp: object) -> None:
    assert not covers("No Such Face Anywhere")
    assert best_face(["No Such Face Anywhere"]) is None


def test_a_face_without_the_urdu_letters_is_passed_over(qapp: object) -> None:
    if not QFontDatabase.hasFamily("DejaVu Sans"):
        pytest.fail("the test machine needs DejaVu Sans (fonts-dejavu-core)")
    assert covers("DejaVu Sans", "ابت")  # Arabic letters it has
    assert not covers("DejaVu Sans")  # but not ۂ (U+06C2)
    assert best_face(["DejaVu Sans", "No Such Face"]) is None


def test_the_chosen_faces_cover_the_script(qapp: object) -> None:
    faces = choose_faces()
    for face in (faces.ui, faces.text):
        assert face is None or covers(face)
    assert choose_faces(ui_faces=(), text_faces=()) == ArabicFaces(None, None)


def test_the_arabic_face_goes_first_and_the_system_face_stays(qapp: object) -> None:
    font = QFont("DejaVu Sans")
    mixed = with_arabic_face(font, ArabicFaces(ui="Noto Sans Arabic", text=None))
    assert mixed.families()[:2] == ["Noto Sans Arabic", "DejaVu Sans"]
    assert with_arabic_face(font, ArabicFaces(None, None)).families() == font.families()
    assert ArabicFaces(ui="A", text="B").text_families() == ("B", "A")
    assert ArabicFaces(ui="A", text="A").text_families() == ("A",)
