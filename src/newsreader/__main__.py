"""``python -m newsreader`` and the ``newsreader`` console script."""

from __future__ import annotations

import sys


def _serve_frozen_child() -> None:
    """In a packaged (frozen) build, let a process the app spawned do its work.

    The refresh runs in a process started with multiprocessing's "spawn" method.
    A frozen build has no Python interpreter to start, so it starts its own
    executable again, and ``multiprocessing.freeze_support()`` is what turns that
    start into the child (it runs the child's work and exits).  It must come before
    anything else: parsing the command line, importing Qt, opening the profile.
    Outside a frozen build it has nothing to do, so multiprocessing is not even
    imported here.
    """
    if getattr(sys, "frozen", False):
        import multiprocessing

        multiprocessing.freeze_support()


def main() -> int:
    _serve_frozen_child()
    from newsreader.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())
