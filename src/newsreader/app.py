"""The desktop app: ``newsreader`` without a command.

Builds the ``QApplication``, picks the interface language (``--lang``, then the
preference, then the system locale), opens the profile and shows the main window.
A fresh profile is never shown empty: the bundled demo is loaded in the background
and the suggested subscriptions are offered in a bar above the list.

``--screenshot FILE.png`` renders the window offscreen (first article of "All"
selected) to a PNG and exits, which is how the README's pictures are made and how
tests check that the whole window comes up.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
import tempfile
from pathlib import Path

from newsreader.core.errors import NewsreaderError

log = logging.getLogger(__name__)

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
#: The window size of screenshots unless ``--size`` says otherwise.
SCREENSHOT_SIZE = (1280, 800)
#: How long a screenshot waits for the demo and for the article to render.
_DEMO_TIMEOUT_MS = 120_000
_ARTICLE_TIMEOUT_MS = 8_000
_SETTLE_MS = 300
#: Due feeds are fetched this long after start-up, once the window is on screen.
_FIRST_REFRESH_DELAY_MS = 3_000


def parse_size(text: str | None) -> tuple[int, int] | None:
    """``"1280x800"`` → ``(1280, 800)``; raises ValueError on anything else."""
    if not text:
        return None
    width, sep, height = text.lower().partition("x")
    if not sep:
        raise ValueError(f"invalid size {text!r}: use WIDTHxHEIGHT, e.g. 1280x800")
    w, h = int(width), int(height)
    if not (200 <= w <= 10000 and 200 <= h <= 10000):
        raise ValueError(f"invalid size {text!r}: each side must be 200 to 10000 pixels")
    return w, h


def run_app(args: argparse.Namespace) -> int:
    """Run the desktop app (or take a screenshot); returns the exit code."""
    screenshot: str | None = getattr(args, "screenshot", None)
    try:
        size = parse_size(getattr(args, "size", None))
    except ValueError as exc:
        sys.stderr.write(f"newsreader: error: {exc}\n")
        return EXIT_USAGE
    if screenshot:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"

    from PySide6.QtWidgets import QApplication

    if screenshot:
        _quiet_offscreen_warnings()

    from newsreader.reader import Reader
    from newsreader.ui.i18n import Translations, choose_language
    from newsreader.ui.icons import app_icon

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication([sys.argv[0] if sys.argv else "newsreader"])
    app.setApplicationName("Newsreader")
    app.setOrganizationName("Newsreader")
    app.setApplicationVersion(_version())
    app.setDesktopFileName("newsreader")
    app.setWindowIcon(app_icon())

    try:
        reader = Reader.open(getattr(args, "data_dir", None), getattr(args, "db", None))
    except (NewsreaderError, OSError) as exc:
        return _report_open_error(exc, gui=not screenshot)

    try:
        settings = reader.settings()
        cache = reader.paths.cache if reader.paths is not None else Path(tempfile.gettempdir())
        translations = Translations(cache)
        translations.apply(choose_language(getattr(args, "lang", None), settings.language))
        _apply_look(app, settings.font_size)
        fresh = not reader.list_feeds()
        if screenshot:
            return _screenshot(reader, translations, fresh, Path(screenshot), size)
        return _run_window(app, reader, translations, fresh, size)
    except NewsreaderError as exc:
        return _report_open_error(exc, gui=not screenshot)
    finally:
        reader.close()


def _quiet_offscreen_warnings() -> None:
    """The offscreen platform warns about window features it lacks; that is expected."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    def handler(kind: QtMsgType, _context: object, message: str) -> None:
        if "propagateSizeHints" in message:
            return
        if kind in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
            sys.stderr.write(message + "\n")

    qInstallMessageHandler(handler)


def _version() -> str:
    from newsreader import __version__

    return __version__


def _apply_look(app: object, font_size: int) -> None:
    from newsreader.core.paths import ui_files_dir
    from newsreader.ui.main_window import apply_font_size

    apply_font_size(font_size)
    style = ui_files_dir() / "newsreader.qss"
    if style.is_file():
        try:
            app.setStyleSheet(style.read_text(encoding="utf-8"))  # type: ignore[attr-defined]
        except OSError as exc:
            log.warning("cannot read %s: %s", style, exc)


def _report_open_error(exc: Exception, *, gui: bool) -> int:
    message = f"The Newsreader database could not be opened:\n{exc}"
    sys.stderr.write(f"newsreader: error: {exc}\n")
    if gui:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(None, "Newsreader", message)
    return EXIT_FAILED


def _run_window(
    app: object,
    reader: object,
    translations: object,
    fresh: bool,
    size: tuple[int, int] | None,
) -> int:
    from PySide6.QtCore import QTimer

    from newsreader.ui.main_window import MainWindow

    window = MainWindow(reader, translations=translations)  # type: ignore[arg-type]
    window.restore_layout()
    if size is not None:
        window.resize(*size)
    if fresh:
        window.load_demo()
        window.offer_suggested_subscriptions()
    else:
        QTimer.singleShot(_FIRST_REFRESH_DELAY_MS, window.refresh_service.refresh)
    window.show()
    code = int(app.exec())  # type: ignore[attr-defined]
    window.shutdown()
    window.tasks.wait_for_done(5000)
    return code


def _wait_for(signal: object, timeout_ms: int) -> bool:
    """Run the event loop until ``signal`` fires or the time is up."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    fired: list[bool] = []

    def on_signal(*_args: object) -> None:
        fired.append(True)
        loop.quit()

    signal.connect(on_signal)  # type: ignore[attr-defined]
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    with contextlib.suppress(RuntimeError, TypeError):
        signal.disconnect(on_signal)  # type: ignore[attr-defined]
    return bool(fired)


def _settle(ms: int) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def _screenshot(
    reader: object,
    translations: object,
    fresh: bool,
    target: Path,
    size: tuple[int, int] | None,
) -> int:
    from newsreader.ui.main_window import MainWindow

    window = MainWindow(reader, translations=translations, auto_refresh=False)  # type: ignore[arg-type]
    try:
        window.resize(*(size or SCREENSHOT_SIZE))
        window.show()
        if fresh:
            window.load_demo()
            if not _wait_for(window.demoLoaded, _DEMO_TIMEOUT_MS):
                sys.stderr.write("newsreader: warning: the demo did not load in time\n")
        window.select_view("smart:all")
        pane = window.reading_pane
        shown = getattr(pane, "articleShown", None)
        if window.article_model.rowCount():
            if shown is not None:
                # the pane may render synchronously: listen before selecting
                fired: list[int] = []
                shown.connect(fired.append)
                window.select_first_article()
                if not fired:
                    _wait_for(shown, _ARTICLE_TIMEOUT_MS)
            else:
                window.select_first_article()
        _settle(_SETTLE_MS)
        image = window.grab()
        target.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(target), "PNG"):
            sys.stderr.write(f"newsreader: error: cannot write {target}\n")
            return EXIT_FAILED
        return EXIT_OK
    finally:
        window.shutdown()
        window.tasks.wait_for_done(10_000)
