"""Translations: Arabic plural forms, the catalogue compiled, the layout direction."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication

from newsreader.ui.i18n import Translations, choose_language, compiled_translation


def articles(n: int) -> str:
    return QCoreApplication.translate("SidebarModel", "%n articles", None, n)


def test_arabic_has_six_plural_forms(arabic: Translations) -> None:
    assert [articles(n) for n in (0, 1, 2, 3, 10, 11, 56, 99, 100, 101, 103, 111)] == [
        "لا أخبار",
        "خبر واحد",
        "خبران",
        "3 أخبار",
        "10 أخبار",
        "11 خبرًا",
        "56 خبرًا",
        "99 خبرًا",
        "100 خبر",
        "101 خبر",
        "103 أخبار",
        "111 خبرًا",
    ]
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft


def test_english_has_its_own_plural_forms_left_to_right(qapp, tmp_path: Path) -> None:
    translations = Translations(tmp_path)
    translations.apply("en")
    assert articles(1) == "1 article"
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_the_catalogue_is_compiled_once_and_again_when_changed(tmp_path: Path) -> None:
    first = compiled_translation("ar", tmp_path)
    assert first is not None and first.stat().st_size > 1000
    stamp = first.stat().st_mtime_ns
    assert compiled_translation("ar", tmp_path) == first
    assert first.stat().st_mtime_ns == stamp  # not rebuilt while up to date


def test_language_choice_order() -> None:
    assert choose_language("ar", "en") == "ar"
    assert choose_language(None, "en") == "en"
    assert choose_language(None, "") in ("ar", "en")


def test_a_catalogue_shipped_with_the_package_is_used_as_it_is(tmp_path: Path) -> None:
    folder = tmp_path / "translations"
    folder.mkdir()
    source = folder / "newsreader_ar.ts"
    source.write_text("<TS/>", encoding="utf-8")
    shipped = folder / "newsreader_ar.qm"
    shipped.write_bytes(b"compiled when the package was built")
    assert compiled_translation("ar", tmp_path / "cache", folder) == shipped
    assert not (tmp_path / "cache").exists()
    shipped.unlink()  # a source checkout: compiled into the cache
    compiled = compiled_translation("ar", tmp_path / "cache", folder)
    assert compiled == tmp_path / "cache" / "translations" / "newsreader_ar.qm"
