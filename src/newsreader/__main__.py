"""``python -m newsreader`` and the ``newsreader`` console script."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse


def _serve_frozen_child() -> None:
    """In a packaged (frozen) build, let a process the app started do its work.

    A frozen build has no Python interpreter to start, so the processes it needs
    start its own executable again: the window's refresh process (multiprocessing's
    "spawn", which ``multiprocessing.freeze_support()`` turns into the child) and the
    parse workers (:data:`~newsreader.fetch.parse_worker.WORKER_FLAG`).  This must
    come before anything else: parsing the command line, importing Qt, opening the
    profile.  Outside a frozen build it has nothing to do, so neither multiprocessing
    nor the worker is even imported here.
    """
    if not getattr(sys, "frozen", False):
        return
    from newsreader.fetch.parse_worker import WORKER_FLAG, serve

    if sys.argv[1:] == [WORKER_FLAG]:
        serve()
        sys.exit(0)
    import multiprocessing

    multiprocessing.freeze_support()


def _launch_window(args: argparse.Namespace) -> int:
    """The desktop app, for a command line without a command (imported only then)."""
    from newsreader.app import run_app

    return run_app(args)


def main(argv: Sequence[str] | None = None) -> int:
    _serve_frozen_child()
    if list(sys.argv[1:] if argv is None else argv) == ["--version"]:
        # answered before the command line loads the core (the database layer, the
        # parser): what an installer's check or a package manager runs
        from newsreader import __version__

        print(f"newsreader {__version__}")
        return 0
    import gc

    # Importing makes only objects that live as long as the process (modules,
    # classes, tables): a collection would walk them all again for nothing, and
    # several full ones would fall within the imports.
    gc.disable()
    try:
        from newsreader.cli.main import main as cli_main
    finally:
        gc.enable()
    return cli_main(argv, launch_window=_launch_window)


if __name__ == "__main__":
    sys.exit(main())
