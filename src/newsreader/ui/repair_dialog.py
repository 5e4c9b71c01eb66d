"""Offering to repair a damaged database when the window cannot open it.

Before the window exists, so these are plain message boxes: what is wrong and
what a repair does (the damaged file is kept; subscriptions, marks and notes are
read back from it and from the newest automatic backup), then what the repair did.
A database that is gone while a backup is kept is offered back from the backup
(:func:`offer_restore`).  The work is
:func:`newsreader.userdata.repair.repair_profile`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox

from newsreader.core.paths import AppPaths
from newsreader.reader import RepairReport, repair_profile

__all__ = ["ask_to_repair", "ask_to_restore", "offer_repair", "offer_restore", "repaired_text"]


def _path(path: object) -> str:
    """A file path kept left to right inside a right-to-left sentence (LRE … PDF)."""
    return f"\u202a{path}\u202c"


def ask_to_repair(reason: str) -> bool:
    """Whether the user wants the damaged database repaired."""
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        "Newsreader",
        QCoreApplication.translate("RepairDialog", "The database is damaged."),
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setInformativeText(
        QCoreApplication.translate(
            "RepairDialog",
            "Newsreader can set the damaged file aside, keeping it, and start a new "
            "database with your subscriptions, read and starred marks and notes read "
            "back from it. Articles come back with the next refresh.",
        )
    )
    box.setDetailedText(reason)
    repair = box.addButton(
        QCoreApplication.translate("RepairDialog", "&Repair"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(
        QCoreApplication.translate("RepairDialog", "&Quit"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(repair)
    box.exec()
    return box.clickedButton() is repair


def repaired_text(report: RepairReport) -> str:
    """What a repair did, in the interface's language."""
    lines = [
        QCoreApplication.translate(
            "RepairDialog", "%n subscription(s) restored.", None, report.subscriptions
        ),
        QCoreApplication.translate(
            "RepairDialog",
            "Marks and notes of %n article(s) come back as the feeds are refreshed.",
            None,
            report.articles,
        ),
    ]
    if report.kept_as is not None:
        lines.append(
            QCoreApplication.translate("RepairDialog", "The damaged file is kept as %1.").replace(
                "%1", _path(report.kept_as)
            )
        )
    if report.backup is not None:
        lines.append(
            QCoreApplication.translate("RepairDialog", "Restored from the backup %1.").replace(
                "%1", _path(report.backup)
            )
        )
    if report.stray_notes_file is not None:
        lines.append(
            QCoreApplication.translate(
                "RepairDialog", "Notes whose article could not be read are in %1."
            ).replace("%1", _path(report.stray_notes_file))
        )
    return "\n".join(lines)


def offer_repair(paths: AppPaths, reason: str) -> RepairReport | None:
    """Ask, repair and say what was done; None when the user chose to quit."""
    if not ask_to_repair(reason):
        return None
    report = repair_profile(paths, force=True)
    _say_repaired(report)
    return report


def ask_to_restore() -> bool:
    """Whether the user wants a lost database started again from the newest backup."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        "Newsreader",
        QCoreApplication.translate("RepairDialog", "The database is missing."),
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setInformativeText(
        QCoreApplication.translate(
            "RepairDialog",
            "A backup of your subscriptions, read and starred marks and notes is kept. "
            "Newsreader can start a new database from the newest one. Articles come back "
            "with the next refresh.",
        )
    )
    restore = box.addButton(
        QCoreApplication.translate("RepairDialog", "&Restore"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(
        QCoreApplication.translate("RepairDialog", "Start &Empty"),
        QMessageBox.ButtonRole.RejectRole,
    )
    box.setDefaultButton(restore)
    box.exec()
    return box.clickedButton() is restore


def offer_restore(paths: AppPaths) -> RepairReport | None:
    """Ask, restore the lost database from its backup and say so; None if declined."""
    if not ask_to_restore():
        return None
    report = repair_profile(paths)
    _say_repaired(report)
    return report


def _say_repaired(report: RepairReport) -> None:
    box = QMessageBox(QMessageBox.Icon.Information, "Newsreader", repaired_text(report))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()
