"""What a parse worker runs, importable without the parser.

The refresh pipeline hands feed bodies to worker processes
(:mod:`newsreader.update.parse_pool`).  This module is light on purpose: the process
that hands out the work (the app, the command line, a fetcher) never parses a big
refresh itself, so it need not import feedparser and the sanitizer for it; a worker
imports :data:`PARSING_MODULE` when it starts, and the database layer never.

A worker and its pool talk over the worker's standard input and output in frames:
an 8-byte big-endian length, then that many bytes.  The worker's first frame is
:data:`READY`; after that each request (a pickled ``(body, url, content type)``) gets
one answer (the pickled result of :func:`parse_or_error`).  A request that starts
with :data:`PAGE_REQUEST` (``(PAGE_REQUEST, body, url, content type)``) is an article's
web page instead: its answer is what
:func:`newsreader.fetch.full_text.extract_or_error` gives, and that module is
imported with the first page.  The worker ends when its input ends.
"""

from __future__ import annotations

import logging
import struct
import sys
from collections.abc import Callable
from typing import IO, TYPE_CHECKING

from newsreader.core.errors import NewsreaderError

if TYPE_CHECKING:
    from newsreader.core.parsed import ParsedFeed

__all__ = [
    "MEMORY_LIMIT_VARIABLE",
    "OUT_OF_MEMORY",
    "PAGE_REQUEST",
    "PARSING_MODULE",
    "READY",
    "WORKER_FLAG",
    "Parser",
    "limit_memory",
    "parse_or_error",
    "read_frame",
    "serve",
    "write_frame",
]

log = logging.getLogger(__name__)

#: The module that does the parsing, with everything it imports.
PARSING_MODULE = "newsreader.fetch.parse"
#: The first item of a request for an article page's text rather than a feed.
PAGE_REQUEST = "page"
#: A worker's first frame: it has imported the parser and waits for work.
READY = b"newsreader parse worker ready"
#: The argument that makes a packaged build's executable a parse worker.
WORKER_FLAG = "--parse-worker"
#: The environment variable that gives a worker its memory limit, in bytes.
MEMORY_LIMIT_VARIABLE = "NEWSREADER_PARSE_MEMORY_LIMIT"
#: A feed's error when parsing it needed more memory than a worker may have.
OUT_OF_MEMORY = "the feed needs more memory to parse than a feed may use"

_HEADER = struct.Struct(">Q")

#: How a document is parsed: ``(body, url, content type)`` → the feed or its error.
#: :func:`parse_or_error` does it here; a parse pool does it in a worker.
Parser = Callable[[bytes, str, "str | None"], "ParsedFeed | str"]


def parse_or_error(data: bytes, url: str, content_type: str | None) -> ParsedFeed | str:
    """A parsed feed, or the error message for the feed: what a parse worker returns.

    An unexpected exception is a bug or a hostile input nobody foresaw: it becomes
    that feed's error, never the end of the refresh.
    """
    from newsreader.fetch.parse import parse_feed

    try:
        return parse_feed(data, url=url, content_type=content_type)
    except NewsreaderError as exc:
        return str(exc)
    except MemoryError:
        return OUT_OF_MEMORY
    except Exception as exc:
        log.exception("parsing %s failed", url)
        return f"could not parse the feed ({type(exc).__name__}: {exc})"
    except BaseException as exc:
        if type(exc).__name__ != "PanicException":
            raise
        # The sanitizer is Rust (nh3): when an allocation fails under the worker's
        # memory cap it panics instead of raising MemoryError.  The worker's heap is
        # as doubtful as after a MemoryError, so the answer (and the restart) is the same.
        log.error("parsing %s failed in a native extension: %s", url, exc)
        return OUT_OF_MEMORY


def write_frame(stream: IO[bytes], payload: bytes) -> None:
    """Send one frame on *stream*."""
    stream.write(_HEADER.pack(len(payload)))
    stream.write(payload)
    stream.flush()


def read_frame(stream: IO[bytes]) -> bytes | None:
    """The next frame from *stream*, or ``None`` if the stream ended first."""
    header = stream.read(_HEADER.size)
    if not header or len(header) < _HEADER.size:
        return None
    (size,) = _HEADER.unpack(header)
    payload = stream.read(size)
    return payload if len(payload) == size else None


def limit_memory(limit: int) -> bool:
    """Cap this process's address space at *limit* bytes, where the system allows it.

    A hostile document can make the parser build far more than it weighs (a few
    megabytes of tiny items become a gigabyte of objects); with the cap, the
    allocation fails in this worker and the feed gets :data:`OUT_OF_MEMORY`, instead
    of the machine swapping until the kernel kills some process.  Not on Windows;
    macOS may refuse it.  Returns whether the cap is in place.
    """
    try:
        import resource
    except ImportError:
        return False
    try:
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ValueError, OSError):
        return False
    return True


def serve() -> None:
    """Be a parse worker: answer requests on standard input until it ends."""
    import importlib
    import os
    import pickle
    import signal

    # Ctrl-C in a terminal reaches the whole process group; the parent decides.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # Answers go on a private copy of standard output; anything else printed by
    # accident goes to standard error and cannot garble them.
    answers = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    try:
        elsewhere = sys.stderr.fileno()
    except (AttributeError, OSError, ValueError):  # a windowed program has no stderr
        elsewhere = os.open(os.devnull, os.O_WRONLY)
    os.dup2(elsewhere, sys.stdout.fileno())
    requests = sys.stdin.buffer
    importlib.import_module(PARSING_MODULE)
    limit = os.environ.get(MEMORY_LIMIT_VARIABLE, "")
    if limit.isdigit():
        limit_memory(int(limit))
    write_frame(answers, READY)
    while (request := read_frame(requests)) is not None:
        asked = pickle.loads(request)
        result: object
        if len(asked) == 4 and asked[0] == PAGE_REQUEST:
            from newsreader.fetch.full_text import extract_or_error

            _, data, url, content_type = asked
            result = extract_or_error(data, url, content_type)
        else:
            data, url, content_type = asked
            result = parse_or_error(data, url, content_type)
        try:
            answer = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
        except MemoryError:
            result = OUT_OF_MEMORY
            answer = pickle.dumps(result)
        except Exception as exc:  # a parsed feed is plain dataclasses; be safe anyway
            log.exception("the result for %s could not be sent", url)
            answer = pickle.dumps(f"could not parse the feed ({type(exc).__name__})")
        write_frame(answers, answer)
        if result == OUT_OF_MEMORY:
            break  # its heap may be in pieces: the next feed gets a fresh worker
