"""The files a command reads and writes, with ``-`` for standard input and output.

Every command that takes a file takes ``-`` too (``feeds export -``, ``import-data -``),
as command-line tools do; ``./-`` is a file of that name.  File arguments are kept as
typed (``str``) for that, since ``Path("./-")`` is ``Path("-")``.  What the command
line writes is the user's alone (``0600``, written whole), and a file's error names
the file, or "standard input".
"""

from __future__ import annotations

import contextlib
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, TextIO

from newsreader.core.errors import NewsreaderError
from newsreader.core.files import write_atomically

#: The file name that stands for standard input or output.
STDIO = "-"
STDIN_NAME, STDOUT_NAME = "standard input", "standard output"


def is_stdio(path: str | Path) -> bool:
    """Whether *path* as typed is ``-`` (``./-`` is a file of that name)."""
    return isinstance(path, str) and path == STDIO


def read_input(path: str | Path, stdin: BinaryIO | None = None) -> bytes:
    """The bytes of *path*, or of standard input for ``-``."""
    if is_stdio(path):
        try:
            return (stdin or sys.stdin.buffer).read()
        except OSError as exc:
            raise NewsreaderError(f"cannot read {STDIN_NAME}: {exc.strerror or exc}") from exc
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise NewsreaderError(f"cannot read {path}: {exc.strerror or exc}") from exc


def write_output(path: str | Path, data: bytes, out: TextIO) -> None:
    """Write *data* (UTF-8 text) to *path*, whole and private, or to *out* for ``-``."""
    if is_stdio(path):
        out.write(data.decode("utf-8"))
        return
    try:
        write_atomically(Path(path), data)
    except OSError as exc:
        raise NewsreaderError(f"cannot write {path}: {exc.strerror or exc}") from exc


@contextlib.contextmanager
def _private_folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="newsreader-") as folder:  # made 0700
        yield Path(folder)


@contextlib.contextmanager
def input_file(path: str | Path, stdin: BinaryIO | None = None) -> Iterator[Path]:
    """*path* itself, or for ``-`` a private copy of standard input (removed after).

    An error about the copy names standard input, not the copy.
    """
    if not is_stdio(path):
        yield Path(path)
        return
    with _private_folder() as folder:
        copy = folder / "input"
        copy.write_bytes(read_input(path, stdin))
        try:
            yield copy
        except NewsreaderError as exc:
            message = str(exc).replace(str(copy), STDIN_NAME)
            raise NewsreaderError(message) from exc


@contextlib.contextmanager
def output_file(path: str | Path, out: TextIO) -> Iterator[Path]:
    """*path* itself, or for ``-`` a private file whose text goes to *out* after the block."""
    if not is_stdio(path):
        yield Path(path)
        return
    with _private_folder() as folder:
        copy = folder / "output"
        try:
            yield copy
        except NewsreaderError as exc:
            raise NewsreaderError(str(exc).replace(str(copy), STDOUT_NAME)) from exc
        out.write(copy.read_bytes().decode("utf-8"))
