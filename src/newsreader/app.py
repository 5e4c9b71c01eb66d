"""The desktop app: ``newsreader`` without a command.

Builds the ``QApplication``, picks the interface language (``--lang``, then the
preference, then the system locale), opens the profile and shows the main window.
A fresh profile is never shown empty: the bundled demo is loaded in the background
and the suggested subscriptions are offered in a bar above the list.  Whether the
profile is fresh is learnt from the sidebar's first count, which runs off the GUI
thread, so a big cache does not slow the window's start.

``--screenshot FILE.png`` renders the window offscreen (first article of "All"
selected) to a PNG and exits, which is how the README's pictures are made and how
tests check that the whole window comes up; what the layout checks
(``ui/layout_check.py``) find wrong is said on standard error.  ``--theme light|dark``
overrides the colour scheme setting, in the window and in screenshots.

On Linux without a display (no ``DISPLAY`` or ``WAYLAND_DISPLAY``, e.g. over ssh)
Qt would abort; the app says so in one line and runs on the offscreen platform
instead, so it still loads, refreshes and keeps its cache up to date until it is
stopped.  SIGINT and SIGTERM close the window properly (layout saved, refresh
cancelled) in every case.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import logging
import os
import signal
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from newsreader.cli.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from newsreader.core.errors import DatabaseDamagedError, NewsreaderError

if TYPE_CHECKING:
    from PySide6.QtCore import QTimer

    from newsreader.reader import Reader

log = logging.getLogger(__name__)

#: The window size of screenshots unless ``--size`` says otherwise.
SCREENSHOT_SIZE = (1280, 800)
#: How long a screenshot waits for the demo and for the article to render.
_DEMO_TIMEOUT_MS = 120_000
_ARTICLE_TIMEOUT_MS = 8_000
_SETTLE_MS = 300
#: Due feeds are fetched this long after start-up, once the window is on screen.
_FIRST_REFRESH_DELAY_MS = 3_000
#: Start-up's objects are frozen this long after start: after the first paint (a full
#: collection takes a while), before the first refresh makes many more.
_SETTLE_MEMORY_MS = 2_000
#: How often Python gets a chance to run signal handlers while Qt's loop runs.
_SIGNAL_POLL_MS = 250
NO_DISPLAY_MESSAGE = (
    "newsreader: no display found: starting offscreen; "
    "use --screenshot FILE.png to see the window\n"
)


def needs_offscreen(environ: dict[str, str] | os._Environ[str], platform: str) -> bool:
    """Whether Qt would find no display to connect to (Linux without X11 or Wayland).

    A platform chosen explicitly with ``QT_QPA_PLATFORM`` is left alone.
    """
    if not platform.startswith("linux") or environ.get("QT_QPA_PLATFORM"):
        return False
    return not environ.get("DISPLAY") and not environ.get("WAYLAND_DISPLAY")


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
    offscreen = bool(screenshot)
    if not screenshot and needs_offscreen(os.environ, sys.platform):
        sys.stderr.write(NO_DISPLAY_MESSAGE)
        offscreen = True
    if offscreen:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"

    from PySide6.QtWidgets import QApplication

    if offscreen:
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
        if not screenshot and not getattr(args, "db", None) and _damage_seen(args):
            raise DatabaseDamagedError("damage was met in the database when it was last used")
        reader = Reader.open(getattr(args, "data_dir", None), getattr(args, "db", None))
    except DatabaseDamagedError as exc:
        if screenshot or getattr(args, "db", None):
            return _report_open_error(exc, gui=not screenshot)
        repaired = _repair_and_open(args, str(exc))
        if repaired is None:
            return EXIT_FAILED
        reader = repaired
    except (NewsreaderError, OSError) as exc:
        return _report_open_error(exc, gui=not screenshot)

    try:
        settings = reader.settings()
        cache = reader.paths.cache if reader.paths is not None else Path(tempfile.gettempdir())
        translations = Translations(cache)
        translations.apply(choose_language(getattr(args, "lang", None), settings.language))
        _apply_look(app, settings.font_size, getattr(args, "theme", None) or settings.theme)
        if screenshot:
            return _screenshot(reader, translations, Path(screenshot), size)
        return _run_window(app, reader, translations, size)
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


def _apply_look(app: object, font_size: int, theme: str) -> None:
    from newsreader.core.paths import ui_files_dir
    from newsreader.ui.fonts import apply_arabic_face
    from newsreader.ui.main_window import apply_font_size
    from newsreader.ui.theme import apply_theme

    apply_arabic_face()
    apply_font_size(font_size)
    apply_theme(theme)
    style = ui_files_dir() / "newsreader.qss"
    if style.is_file():
        try:
            app.setStyleSheet(style.read_text(encoding="utf-8"))  # type: ignore[attr-defined]
        except OSError as exc:
            log.warning("cannot read %s: %s", style, exc)


def _damage_seen(args: argparse.Namespace) -> bool:
    """Whether the last session met damage the whole file still shows."""
    from newsreader.core.paths import app_paths
    from newsreader.reader import damage_suspected

    return damage_suspected(app_paths(getattr(args, "data_dir", None)))


def _repair_and_open(args: argparse.Namespace, reason: str) -> Reader | None:
    """Offer to repair the profile's damaged database; the profile opened, if it was."""
    from newsreader.core.paths import app_paths
    from newsreader.core.settings import load_settings
    from newsreader.reader import Reader
    from newsreader.ui.i18n import Translations, choose_language
    from newsreader.ui.repair_dialog import offer_repair

    data_dir = getattr(args, "data_dir", None)
    paths = app_paths(data_dir).ensure()
    translations = Translations(paths.cache)  # the window does not exist yet
    translations.apply(
        choose_language(getattr(args, "lang", None), load_settings(paths.settings_file).language)
    )
    try:
        if offer_repair(paths, reason) is None:
            return None
        return Reader.open(data_dir)
    except (NewsreaderError, OSError) as exc:
        _report_open_error(exc, gui=True)
        return None


def _report_open_error(exc: Exception, *, gui: bool) -> int:
    message = f"The Newsreader database could not be opened:\n{exc}"
    sys.stderr.write(f"newsreader: error: {exc}\n")
    if gui:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Critical, "Newsreader", message)
        box.setTextFormat(Qt.TextFormat.PlainText)  # the reason may quote anything
        box.exec()
    return EXIT_FAILED


def _run_window(
    app: object,
    reader: object,
    translations: object,
    size: tuple[int, int] | None,
) -> int:
    from PySide6.QtCore import QTimer

    from newsreader.ui.main_window import MainWindow

    window = MainWindow(reader, translations=translations)  # type: ignore[arg-type]
    window.restore_layout()
    if size is not None:
        window.resize(*size)

    def on_sidebar(has_subscriptions: bool) -> None:
        if has_subscriptions:
            QTimer.singleShot(_FIRST_REFRESH_DELAY_MS, window.refresh_service.refresh)
        else:  # a fresh profile: the demo, and the suggested sources on offer
            window.load_demo()
        if not has_subscriptions or (not window.settings.welcome_done and _only_demo(reader)):
            window.offer_suggested_subscriptions()  # until dismissed or subscribed

    window.sidebarLoaded.connect(on_sidebar)
    if window.sidebar_model.is_counted():  # counted already (a synchronous runner)
        on_sidebar(window.sidebar_model.has_subscriptions())
    window.show()
    QTimer.singleShot(_SETTLE_MEMORY_MS, _settle_memory)
    poll = _close_on_signals(window)
    code = int(app.exec())  # type: ignore[attr-defined]
    poll.stop()
    window.shutdown()
    window.tasks.wait_for_done(5000)
    return code


def _only_demo(reader: object) -> bool:
    """Whether every subscription is one of the demo's (the reader has added none)."""
    from newsreader.core.demo import DEMO_BASE

    feeds = reader.list_feeds()  # type: ignore[attr-defined]
    return all(feed.url.startswith(DEMO_BASE) for feed in feeds)


def _settle_memory() -> None:
    """Once the window is up, move what start-up made out of the garbage collector's way.

    Everything alive now (modules, Qt wrappers, the ORM's tables) lives as long as
    the app; frozen, it is never traversed again, which keeps the collections a
    refresh triggers short and the window responsive while they run.
    """
    gc.collect()
    gc.freeze()


def _close_on_signals(window: object) -> QTimer:
    """SIGINT and SIGTERM close the window (saving its layout) instead of killing the app.

    Python runs signal handlers only between bytecodes, so a timer wakes it now and
    then while Qt's event loop runs.  Returns the timer (stop it after the loop).
    """
    from PySide6.QtCore import QTimer

    def close(_signum: int, _frame: object) -> None:
        window.close()  # type: ignore[attr-defined]

    for signum in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(ValueError, OSError):  # not the main thread
            signal.signal(signum, close)
    timer = QTimer()
    timer.timeout.connect(lambda: None)
    timer.start(_SIGNAL_POLL_MS)
    return timer


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
    target: Path,
    size: tuple[int, int] | None,
) -> int:
    from newsreader.ui.main_window import MainWindow

    window = MainWindow(reader, translations=translations, auto_refresh=False)  # type: ignore[arg-type]
    try:
        window.resize(*(size or SCREENSHOT_SIZE))
        window.show()
        if not window.sidebar_model.is_counted():
            _wait_for(window.sidebarLoaded, _DEMO_TIMEOUT_MS)
        if not window.sidebar_model.has_subscriptions():
            window.load_demo()
            if not _wait_for(window.demoLoaded, _DEMO_TIMEOUT_MS):
                sys.stderr.write("newsreader: warning: the demo did not load in time\n")
        window.select_view("smart:all")
        pane = window.reading_pane
        if window.article_model.rowCount():
            # the pane may render synchronously: listen before selecting
            fired: list[int] = []
            pane.articleShown.connect(fired.append)
            window.select_first_article()
            if not fired:
                _wait_for(pane.articleShown, _ARTICLE_TIMEOUT_MS)
        # Work the start-up left running (the demo's pages, which enable "Open in
        # Browser"), then its results on this thread: the picture is of a window at rest.
        window.tasks.wait_for_done(_DEMO_TIMEOUT_MS)
        _settle(_SETTLE_MS)
        image = window.grab()
        for problem in window.layout_problems():
            sys.stderr.write(f"newsreader: layout: {problem}\n")
        target.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(target), "PNG"):
            sys.stderr.write(f"newsreader: error: cannot write {target}\n")
            return EXIT_FAILED
        return EXIT_OK
    finally:
        window.shutdown()
        window.tasks.wait_for_done(10_000)
