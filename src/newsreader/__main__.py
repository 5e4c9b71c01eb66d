"""``python -m newsreader`` and the ``newsreader`` console script."""

from __future__ import annotations

import sys


def main() -> int:
    from newsreader.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())
