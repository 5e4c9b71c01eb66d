"""The desktop app: ``newsreader`` without a command.

Builds the ``QApplication``, picks the interface language (``--lang``, then the
preference, then the system locale), opens the profile and shows the main window.
A fresh profile is never shown empty: the bundled demo is loaded in the background
and the suggested subscriptions are offered in a bar above the list.  Whether the
profile is fresh is learnt from the sidebar's first count, which runs off the GUI
thread, so a big cache does not slow the window's start.

``--screenshot FILE.png`` renders the window offscreen (first article of "All"
selected) to a PNG and exits, which is how the README's pictures are made and how
tests check that the whole window comes up; ``--screenshot-texts FILE.txt`` also
writes the texts it shows (:mod:`newsreader.window_texts`).  Before Qt is imported,
:mod:`newsreader.qt_check` makes sure its platform plugin can load, and names the
missing system libraries when it cannot.  What the layout checks
(``ui/layout_check.py``) find wrong is said on standard error.  ``--theme light|dark``
overrides the colour scheme setting, in the window and in screenshots.

On Linux without a display (no ``DISPLAY`` or ``WAYLAND_DISPLAY``, e.g. over ssh)
Qt would abort; the app says so in one line and runs on the offscreen platform
instead, so it still loads, refreshes and keeps its cache up to date until it is
stopped.  SIGINT and SIGTERM close the window properly (layout saved, refresh
cancelled) in every case.

One window per data folder: a second launch hands the links it was given to the
running window and exits (:mod:`newsreader.ui.single_instance`); the window holds
the data folder's lock (:mod:`newsreader.core.profile_lock`) while it runs, so no
command-line writer changes the profile under it.  It backs the user's data up
daily and when it closes (:meth:`Reader.write_backup`), and offers a lost database
back from the newest backup.
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

from newsreader.cli.arguments import size_of
from newsreader.cli.common import EXIT_BUSY, EXIT_FAILED, EXIT_OK, EXIT_USAGE
from newsreader.core.errors import DatabaseDamagedError, NewsreaderError, StorageUnavailableError
from newsreader.core.profile_lock import ProfileBusyError, ProfileLock
from newsreader.qt_check import startup_problem

if TYPE_CHECKING:
    from PySide6.QtCore import QTimer

    from newsreader.core.paths import AppPaths
    from newsreader.reader import Reader
    from newsreader.ui.main_window import MainWindow

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
#: The day's backup is written this long after start-up, once the window has settled.
_FIRST_BACKUP_DELAY_MS = 2 * 60 * 1000
#: How often a running window checks whether the day's backup is written.
_BACKUP_CHECK_MS = 60 * 60 * 1000
#: A window that is starting holds the lock before it listens: how long to keep
#: trying to hand links over to it.
_HAND_OVER_TRIES, _HAND_OVER_PAUSE_S = 10, 0.3
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


def run_app(args: argparse.Namespace) -> int:
    """Run the desktop app (or take a screenshot); returns the exit code.

    The cyclic garbage collector waits until the window has settled
    (:func:`_settle_memory`): start-up makes long-lived objects (modules, widgets,
    the first pages), and full collections among them only delay the first paint.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _run_app(args)
    finally:
        if collecting:
            gc.enable()


def _run_app(args: argparse.Namespace) -> int:
    screenshot: str | None = getattr(args, "screenshot", None)
    try:
        text = getattr(args, "size", None)
        size = size_of(text) if text else None
    except ValueError as exc:
        sys.stderr.write(f"newsreader: error: {exc}\n")
        return EXIT_USAGE
    offscreen = bool(screenshot)
    if not screenshot and needs_offscreen(os.environ, sys.platform):
        sys.stderr.write(NO_DISPLAY_MESSAGE)
        offscreen = True
    if offscreen:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    problem = startup_problem(os.environ, sys.platform)  # before Qt aborts on it
    if problem:
        sys.stderr.write(problem)
        return EXIT_FAILED

    from PySide6.QtWidgets import QApplication

    if offscreen:
        _quiet_offscreen_warnings()

    from newsreader.ui.icons import app_icon

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication([sys.argv[0] if sys.argv else "newsreader"])
    app.setApplicationName("Newsreader")
    app.setOrganizationName("Newsreader")
    app.setApplicationVersion(_version())
    app.setDesktopFileName("io.github.newsreader.Newsreader")  # packaging/linux/*.desktop
    app.setWindowIcon(app_icon())

    links = list(getattr(args, "links", None) or [])
    try:
        lock = _lock_or_hand_over(args, links, screenshot=bool(screenshot))
    except ProfileBusyError as exc:
        _report_error("Newsreader cannot start now:", exc, gui=not screenshot)
        return EXIT_BUSY
    except NewsreaderError as exc:
        return _report_open_error(exc, gui=not screenshot)
    if lock is None:
        return EXIT_OK  # the running window took over
    try:
        return _run_locked(app, args, links, size)
    finally:
        lock.release()


def _lock_or_hand_over(
    args: argparse.Namespace, links: list[str], *, screenshot: bool
) -> ProfileLock | None:
    """The data folder's lock, or None when a running window took the links over.

    Raises :class:`ProfileBusyError` when another process (a command-line writer)
    holds the lock and no window answers.
    """
    import time

    from newsreader.core.paths import app_paths
    from newsreader.core.profile_lock import lock_profile
    from newsreader.ui.single_instance import hand_over, server_name

    folder = app_paths(getattr(args, "data_dir", None)).data
    what = "newsreader --screenshot" if screenshot else "the Newsreader window"
    if screenshot:
        return lock_profile(folder, what)
    name = server_name(folder)
    for attempt in range(_HAND_OVER_TRIES):
        if hand_over(name, links):
            return None
        try:
            return lock_profile(folder, what)
        except ProfileBusyError:
            if attempt == _HAND_OVER_TRIES - 1:
                raise
            time.sleep(_HAND_OVER_PAUSE_S)  # a window may be starting: it listens soon
    raise AssertionError("unreachable")


def _run_locked(
    app: object, args: argparse.Namespace, links: list[str], size: tuple[int, int] | None
) -> int:
    """The rest of :func:`run_app`, under the data folder's lock."""
    from newsreader.reader import Reader
    from newsreader.ui.i18n import Translations, choose_language

    screenshot: str | None = getattr(args, "screenshot", None)
    try:
        if not screenshot and not getattr(args, "db", None) and _database_lost(args):
            _offer_backup(args)  # declined: the profile starts empty
        if not screenshot and not getattr(args, "db", None) and _damage_seen(args):
            raise DatabaseDamagedError("damage was met in the database when it was last used")
        reader = Reader.open(
            getattr(args, "data_dir", None),
            getattr(args, "db", None),
            user=getattr(args, "user", None),
        )
    except DatabaseDamagedError as exc:
        if screenshot or getattr(args, "db", None):
            return _report_open_error(exc, gui=not screenshot)
        repaired = _repair_and_open(args, str(exc))
        if repaired is None:
            return EXIT_FAILED
        reader = repaired
    except StorageUnavailableError as exc:  # a shared cache whose server is away
        if screenshot or not _on_screen():
            return _report_open_error(exc, gui=not screenshot)
        sys.stderr.write(f"newsreader: {exc}; waiting for it\n")
        waited = _wait_for_server(args, str(exc))
        if waited is None:
            return EXIT_FAILED
        reader = waited
    except (NewsreaderError, OSError) as exc:
        return _report_open_error(exc, gui=not screenshot)

    try:
        settings = reader.settings()
        cache = reader.paths.cache if reader.paths is not None else Path(tempfile.gettempdir())
        translations = Translations(cache)
        translations.apply(choose_language(getattr(args, "lang", None), settings.language))
        _apply_look(app, settings.font_size, getattr(args, "theme", None) or settings.theme)
        if screenshot:
            texts = getattr(args, "screenshot_texts", None)
            return _screenshot(
                reader, translations, Path(screenshot), size, Path(texts) if texts else None
            )
        return _run_window(app, reader, translations, size, links)
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
    from newsreader.reader import Reader
    from newsreader.ui.repair_dialog import offer_repair

    data_dir = getattr(args, "data_dir", None)
    paths, _translations = _translated_early(args)
    try:
        if offer_repair(paths, reason) is None:
            return None
        return Reader.open(data_dir, user=getattr(args, "user", None))
    except (NewsreaderError, OSError) as exc:
        _report_open_error(exc, gui=True)
        return None


def _translated_early(args: argparse.Namespace) -> tuple[AppPaths, object]:
    """The profile's folders, and the interface's language applied to what is shown
    before the window exists (a dialog at start): keep the second while it is shown."""
    from newsreader.core.paths import app_paths
    from newsreader.core.settings import load_settings
    from newsreader.ui.i18n import Translations, choose_language

    paths = app_paths(getattr(args, "data_dir", None)).ensure()
    translations = Translations(paths.cache)
    translations.apply(
        choose_language(getattr(args, "lang", None), load_settings(paths.settings_file).language)
    )
    return paths, translations


def _wait_for_server(args: argparse.Namespace, reason: str) -> Reader | None:
    """The shared cache opened once its server answers, or None if the user gave up."""
    from newsreader.reader import Reader
    from newsreader.ui.server_wait import ServerWait

    _paths, _translations = _translated_early(args)
    wait = ServerWait(
        lambda: Reader.open(
            getattr(args, "data_dir", None),
            getattr(args, "db", None),
            user=getattr(args, "user", None),
        ),
        reason,
    )
    wait.exec()
    return wait.reader


def _on_screen() -> bool:
    """Whether anyone can see a dialog: never on the offscreen platform, where it would wait
    forever for an answer."""
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.platformName() != "offscreen"


def _database_lost(args: argparse.Namespace) -> bool:
    from newsreader.core.paths import app_paths
    from newsreader.reader import database_lost

    return database_lost(app_paths(getattr(args, "data_dir", None)))


def _offer_backup(args: argparse.Namespace) -> None:
    """The database is gone but a backup is kept: offer to start again from it."""
    from newsreader.reader import repair_profile
    from newsreader.ui.repair_dialog import offer_restore

    paths, _translations = _translated_early(args)
    try:
        if _on_screen():
            offer_restore(paths)
        else:  # nobody to ask: restoring only adds to a new, empty database
            repair_profile(paths)
    except (NewsreaderError, OSError) as exc:
        log.warning("cannot restore the backup: %s", exc)


def _report_open_error(exc: Exception, *, gui: bool) -> int:
    return _report_error("The Newsreader database could not be opened:", exc, gui=gui)


def _report_error(headline: str, exc: Exception, *, gui: bool) -> int:
    message = f"{headline}\n{exc}"
    sys.stderr.write(f"newsreader: error: {exc}\n")
    if gui and _on_screen():
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Critical, "Newsreader", message)
        box.setTextFormat(Qt.TextFormat.PlainText)  # the reason may quote anything
        box.exec()
    return EXIT_FAILED


def _run_window(
    app: object,
    reader: Reader,
    translations: object,
    size: tuple[int, int] | None,
    links: list[str] | None = None,
) -> int:
    from PySide6.QtCore import QTimer

    from newsreader.ui.main_window import MainWindow
    from newsreader.ui.single_instance import InstanceServer, server_name

    _freeze_modules()
    window = MainWindow(reader, translations=translations)  # type: ignore[arg-type]
    server = InstanceServer(server_name(reader.paths.data)) if reader.paths else None
    if server is not None:
        server.activated.connect(lambda given: _open_links(window, given, raise_window=True))
        server.listen()
    window.restore_layout()
    if size is not None:
        window.resize(*size)

    def on_sidebar(has_subscriptions: bool) -> None:
        # a shared cache is kept fresh by its fetcher, and not filled with the demo
        if has_subscriptions and window.auto_refresh:
            QTimer.singleShot(_FIRST_REFRESH_DELAY_MS, window.refresh_service.refresh)
        elif not has_subscriptions and not reader.is_shared_cache:
            window.load_demo()  # a fresh profile: the demo, and the suggested sources on offer
        if not has_subscriptions or (not window.settings.welcome_done and _only_demo(reader)):
            window.offer_suggested_subscriptions()  # until dismissed or subscribed

    window.sidebarLoaded.connect(on_sidebar)
    if window.sidebar_model.is_counted():  # counted already (a synchronous runner)
        on_sidebar(window.sidebar_model.has_subscriptions())
    window.show()
    if links:
        QTimer.singleShot(0, window, lambda: _open_links(window, links, raise_window=False))
    QTimer.singleShot(_SETTLE_MEMORY_MS, _settle_memory)
    backups = _back_up_daily(window, reader)
    poll = _close_on_signals(window)
    code = int(app.exec())  # type: ignore[attr-defined]
    poll.stop()
    backups.stop()
    if server is not None:
        server.close()
    window.shutdown()
    window.tasks.wait_for_done(5000)
    _back_up_now(reader)
    return code


def _open_links(window: MainWindow, links: list[str], *, raise_window: bool) -> None:
    """A later launch's links (or the first's): the window in front, each link offered."""
    from PySide6.QtCore import QTimer

    if raise_window:
        window._bring_to_front()
    for link in links:  # the add dialog is modal: one after another
        QTimer.singleShot(0, window, lambda url=link: window.subscriptions.add_feed(url))


def _back_up_daily(
    window: MainWindow, reader: Reader, first_after_ms: int = _FIRST_BACKUP_DELAY_MS
) -> QTimer:
    """Today's backup soon after start (off the GUI thread), and each day the window stays open.

    Not at once: over a big profile the backup is a second of Python work that shares
    the interpreter with the GUI thread (its garbage collections stopped view
    switches for 10-60 ms while the window started); a window closed sooner writes
    the day's set as it closes.
    """
    from PySide6.QtCore import QTimer

    def check() -> None:
        window.tasks.run_serial(
            reader.backup_if_due, None, lambda exc: log.warning("backup failed: %s", exc)
        )

    timer = QTimer()
    timer.timeout.connect(check)
    timer.start(_BACKUP_CHECK_MS)
    QTimer.singleShot(first_after_ms, window, check)
    return timer


def _back_up_now(reader: Reader) -> None:
    """The backup written as the window closes: the day's set, replaced."""
    try:
        reader.write_backup()
    except (NewsreaderError, OSError) as exc:
        sys.stderr.write(f"newsreader: warning: the backup could not be written: {exc}\n")


def _only_demo(reader: object) -> bool:
    """Whether every subscription is one of the demo's (the reader has added none)."""
    from newsreader.core.demo import DEMO_BASE

    feeds = reader.list_feeds()  # type: ignore[attr-defined]
    return all(feed.url.startswith(DEMO_BASE) for feed in feeds)


def _freeze_modules() -> None:
    """Move what the imports made (modules, classes, the ORM's tables) out of the collector's way.

    Freezing costs nothing; without it every full collection in the first seconds
    walks these hundred thousand objects again, about 50 ms on the GUI thread each
    time, long enough to be felt when it falls on a click.
    """
    gc.freeze()


def _settle_memory() -> None:
    """Once the window is up, move what start-up made out of the garbage collector's way.

    Everything alive now (modules, Qt wrappers, the ORM's tables) lives as long as
    the app; frozen, it is never traversed again, which keeps the collections a
    refresh triggers short and the window responsive while they run.
    """
    gc.collect()
    gc.freeze()
    gc.enable()  # off since start-up began (run_app)


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
    texts_target: Path | None = None,
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
        if not image.save(str(target), "PNG"):
            sys.stderr.write(f"newsreader: error: cannot write {target}\n")
            return EXIT_FAILED
        if texts_target is not None:
            from newsreader.window_texts import window_texts

            try:
                texts_target.write_text("\n".join(window_texts(window)) + "\n", "utf-8")
            except OSError as exc:
                sys.stderr.write(f"newsreader: error: cannot write {texts_target}: {exc}\n")
                return EXIT_FAILED
        return EXIT_OK
    finally:
        window.shutdown()
        window.tasks.wait_for_done(10_000)
