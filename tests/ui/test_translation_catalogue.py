"""The translation catalogues match the code: complete, current and with intact placeholders.

The interface's strings are read from the source the way ``lupdate`` reads them:
``self.tr("…")`` belongs to the enclosing class, ``QCoreApplication.translate(ctx, "…")``
to ``ctx``, and every ``<string>`` of a Designer form to the form's class.  A call with
a count is a plural (``numerus``) message.  ``lupdate`` itself does not see plurals in
``translate()`` calls, so these tests also keep a refresh of the ``.ts`` files from
quietly turning such messages into plain ones.
"""

from __future__ import annotations

import ast
import re
import unicodedata
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime

from newsreader.ui.i18n import Translations

ROOT = Path(__file__).resolve().parents[2]
UI_SOURCES = ROOT / "src" / "newsreader" / "ui"
UI_FORMS = ROOT / "ui"
TRANSLATIONS = ROOT / "resources" / "translations"
APP_OBJECTS = frozenset({"QCoreApplication", "QGuiApplication", "QApplication"})
#: Arabic has six plural forms: zero, one, two, few (3-10), many (11-99), other.
#: The first three name their number in words, so they may leave out ``%n``.
ARABIC_PLURAL_FORMS = 6
FORMS_NAMING_THEIR_NUMBER = 3
BAD_TYPES = frozenset({"unfinished", "obsolete", "vanished"})
_PLACEHOLDER = re.compile(r"%(?:L?[1-9]|n)")
_ACCELERATOR = re.compile(r"&(?!&)")

Key = tuple[str, str, str]  # context, source, disambiguation


@dataclass(frozen=True)
class Entry:
    key: Key
    numerus: bool
    type: str | None
    forms: tuple[str, ...]  # the translation, or its plural forms


@dataclass(frozen=True)
class Use:
    key: Key
    numerus: bool
    where: str


def read_catalogue(path: Path) -> list[Entry]:
    entries = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None, f"{path.name}: a message without a translation"
            numerus = message.get("numerus") == "yes"
            if numerus:
                forms = tuple(f.text or "" for f in translation.iter("numerusform"))
            else:
                forms = (translation.text or "",)
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            entries.append(Entry(key, numerus, translation.get("type"), forms))
    return entries


def _literal(node: ast.expr | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


class _TrCalls(ast.NodeVisitor):
    """Collects the translatable strings of one module, and calls lupdate cannot read."""

    def __init__(self, where: str) -> None:
        self.where = where
        self.classes: list[str] = []
        self.uses: list[Use] = []
        self.unreadable: list[str] = []

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr == "tr" and self.classes:
            self._add(node, self.classes[-1], node.args)
        elif (
            isinstance(func, ast.Attribute)
            and func.attr == "translate"
            and isinstance(func.value, ast.Name)
            and func.value.id in APP_OBJECTS
        ):
            context = _literal(node.args[0]) if node.args else None
            if context is None:
                self.unreadable.append(f"{self.where}:{node.lineno}")
            else:
                self._add(node, context, node.args[1:])
        self.generic_visit(node)

    def _add(self, node: ast.Call, context: str, args: list[ast.expr]) -> None:
        """``args``: source, then optionally disambiguation and count."""
        source = _literal(args[0]) if args else None
        disambiguation: str | None = ""
        if len(args) > 1 and not (isinstance(args[1], ast.Constant) and args[1].value is None):
            disambiguation = _literal(args[1])
        if source is None or disambiguation is None:
            self.unreadable.append(f"{self.where}:{node.lineno}")
            return
        numerus = len(args) > 2 or any(k.arg == "n" for k in node.keywords)
        self.uses.append(
            Use((context, source, disambiguation), numerus, f"{self.where}:{node.lineno}")
        )


def source_strings() -> tuple[list[Use], list[str]]:
    """Every translatable string of the interface, and the calls whose text is not literal."""
    uses: list[Use] = []
    unreadable: list[str] = []
    for path in sorted(UI_SOURCES.rglob("*.py")):
        where = str(path.relative_to(ROOT))
        visitor = _TrCalls(where)
        visitor.visit(ast.parse(path.read_text(encoding="utf-8"), filename=where))
        uses += visitor.uses
        unreadable += visitor.unreadable
    for form in sorted(UI_FORMS.glob("*.ui")):
        root = ET.parse(form).getroot()
        context = root.findtext("class") or ""
        for string in root.iter("string"):
            if string.get("notr") == "true" or not string.text:
                continue
            key = (context, string.text, string.get("comment") or "")
            uses.append(Use(key, False, str(form.relative_to(ROOT))))
    return uses, unreadable


@pytest.fixture(scope="module")
def arabic_catalogue() -> list[Entry]:
    return read_catalogue(TRANSLATIONS / "newsreader_ar.ts")


@pytest.fixture(scope="module")
def uses() -> list[Use]:
    found, unreadable = source_strings()
    assert not unreadable, f"translatable calls without literal text: {unreadable}"
    return found


def _placeholders(text: str, *, count: bool = True) -> Counter[str]:
    found = Counter(_PLACEHOLDER.findall(text))
    if not count:
        del found["%n"]
    return found


def placeholder_problems(entry: Entry) -> Iterator[str]:
    context, source, _ = entry.key
    label = f"{context}: {source!r}"
    wanted = _placeholders(source)
    accelerators = len(_ACCELERATOR.findall(source))
    for index, form in enumerate(entry.forms):
        may_name_number = entry.numerus and index < FORMS_NAMING_THEIR_NUMBER
        got = _placeholders(form)
        if may_name_number:  # "خبر واحد" for one: the number is in the words
            if _placeholders(form, count=False) != _placeholders(source, count=False) or (
                got["%n"] > wanted["%n"]
            ):
                yield f"{label}: form {index} {form!r} changes the placeholders"
        elif got != wanted:
            yield f"{label}: {form!r} has {sorted(got.elements())}, not {sorted(wanted.elements())}"
        if len(_ACCELERATOR.findall(form)) != accelerators:
            yield f"{label}: {form!r} does not keep the keyboard accelerator (&)"


def test_every_arabic_message_is_translated(arabic_catalogue: list[Entry]) -> None:
    problems = []
    for entry in arabic_catalogue:
        label = f"{entry.key[0]}: {entry.key[1]!r}"
        if entry.type in BAD_TYPES:
            problems.append(f"{label} is {entry.type}")
        if not all(form.strip() for form in entry.forms):
            problems.append(f"{label} has an empty translation")
        if entry.numerus and len(entry.forms) != ARABIC_PLURAL_FORMS:
            problems.append(f"{label} has {len(entry.forms)} plural forms, not six")
    assert not problems, "\n".join(problems)


def test_arabic_translations_keep_placeholders_and_accelerators(
    arabic_catalogue: list[Entry],
) -> None:
    problems = [p for entry in arabic_catalogue for p in placeholder_problems(entry)]
    assert not problems, "\n".join(problems)


def _first_strong(text: str) -> str | None:
    """Direction of the first strong character (what starts a paragraph's direction)."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind == "L":
            return "ltr"
        if kind in ("R", "AL"):
            return "rtl"
    return None


def starts_left_to_right(translation: str) -> bool:
    """Whether an Arabic *translation* would open with Latin text once filled in.

    Counts become digits (neutral) and other placeholders Latin words, as a title
    or an address may be; accelerator marks go.  Such a text is laid out left to
    right, and its Arabic words read in the wrong order around the Latin ones.
    """
    filled = _ACCELERATOR.sub("", translation.replace("%n", "12"))
    filled = re.sub(r"%L?[1-9]", "x", filled)
    has_arabic = any(unicodedata.bidirectional(c) in ("R", "AL") for c in filled)
    return has_arabic and _first_strong(filled) == "ltr"


def test_arabic_translations_start_right_to_left(arabic_catalogue: list[Entry]) -> None:
    wrong = [
        f"{entry.key[0]}: {form!r}"
        for entry in arabic_catalogue
        for form in entry.forms
        if starts_left_to_right(form)
    ]
    assert not wrong, "\n".join(wrong)


def test_the_direction_check_sees_a_leading_address_or_name() -> None:
    assert starts_left_to_right("https://example.org/feed.xml أو عنوان موقع")
    assert starts_left_to_right("%1 — آخر تحديث")
    assert not starts_left_to_right("%n خبرًا جديدًا")  # a count is only digits
    assert not starts_left_to_right("عنوان موقع أو https://example.org/feed.xml")
    assert not starts_left_to_right("Newsreader")  # no Arabic at all: nothing to order


def test_the_placeholder_check_catches_a_dropped_or_added_placeholder() -> None:
    dropped = Entry(("Ctx", "Refresh failed: %1", ""), False, None, ("فشل التحديث",))
    added = Entry(("Ctx", "Updating", ""), False, None, ("تحديث %1",))
    swapped = Entry(("Ctx", "%1 of %2", ""), False, None, ("%1 من %1",))
    accelerator = Entry(("Ctx", "&Quit", ""), False, None, ("خروج",))
    plural = Entry(
        ("Ctx", "%n new", ""), True, None, ("لا جديد", "واحد", "اثنان", "3 جديدة", "%n", "%n")
    )
    for entry in (dropped, added, swapped, accelerator, plural):
        assert list(placeholder_problems(entry)), entry
    fine = Entry(("Ctx", "%n new", ""), True, None, ("لا جديد", "واحد", "اثنان", "%n", "%n", "%n"))
    assert not list(placeholder_problems(fine))


def test_every_interface_string_is_in_the_arabic_catalogue(
    uses: list[Use], arabic_catalogue: list[Entry]
) -> None:
    catalogue = {entry.key: entry for entry in arabic_catalogue}
    missing = [f"{u.where}: {u.key[0]}: {u.key[1]!r}" for u in uses if u.key not in catalogue]
    assert not missing, "not in newsreader_ar.ts (run lupdate and translate):\n" + "\n".join(
        missing
    )
    not_plural = [
        f"{u.where}: {u.key[1]!r}" for u in uses if u.numerus and not catalogue[u.key].numerus
    ]
    assert not not_plural, "plural in the code, plain in newsreader_ar.ts:\n" + "\n".join(
        not_plural
    )


def test_the_arabic_catalogue_has_no_stale_messages(
    uses: list[Use], arabic_catalogue: list[Entry]
) -> None:
    used = {u.key for u in uses}
    stale = [f"{e.key[0]}: {e.key[1]!r}" for e in arabic_catalogue if e.key not in used]
    assert not stale, "no longer in the code (lupdate -no-obsolete):\n" + "\n".join(stale)


def test_the_english_catalogue_has_every_plural(uses: list[Use]) -> None:
    """English is the source language, but "1 articles" needs its singular from here."""
    english = {e.key: e for e in read_catalogue(TRANSLATIONS / "newsreader_en.ts")}
    problems = []
    for use in uses:
        if not use.numerus:
            continue
        entry = english.get(use.key)
        if entry is None or not entry.numerus:
            problems.append(f"{use.where}: {use.key[1]!r} is missing")
        elif entry.type in BAD_TYPES or len(entry.forms) != 2 or not all(entry.forms):
            problems.append(f"{use.where}: {use.key[1]!r} lacks its two forms")
    assert not problems, "\n".join(problems)


def test_the_source_scan_finds_calls_of_every_kind() -> None:
    """The scan itself: strings of ``tr``, ``translate``, plurals and Designer forms."""
    found, _ = source_strings()
    keys = {(u.key, u.numerus) for u in found}
    assert (("ActionRegistry", "&Quit", ""), False) in keys
    assert (("RefreshRelay", "The refresh stopped unexpectedly (exit code %1)", ""), False) in keys
    assert (("RelativeTime", "%n days ago", ""), True) in keys
    assert (("SidebarModel", "%n articles", ""), True) in keys
    assert (("PreferencesForm", "&Language:", ""), False) in keys


def test_arabic_dates_read_day_month_year(arabic: Translations) -> None:
    from newsreader.ui.reading_pane import _format_time

    pattern = QCoreApplication.translate("ReadingPane", "d MMMM yyyy, HH:mm")
    assert pattern != "d MMMM yyyy, HH:mm"
    when = QDateTime(QDate(2025, 3, 4), QTime(9, 5))
    assert QLocale().toString(when, pattern) == "٤ مارس ٢٠٢٥، ٠٩:٠٥"
    shown = _format_time(datetime(2025, 3, 4, 12, 0, tzinfo=UTC))
    assert re.fullmatch(r"[345] مارس 2025، \d\d:\d\d", shown), shown
