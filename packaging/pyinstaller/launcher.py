"""The app bundle's entry point: the same ``main`` as the ``newsreader`` command.

``main`` serves the processes the app starts before anything else: a parse worker
(``newsreader --parse-worker``) and the refresh process (``multiprocessing``'s
spawn, answered by ``multiprocessing.freeze_support()``).
"""

import sys

from newsreader.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
