"""Worker processes that parse feed bodies, each watched and replaced when it fails.

feedparser is CPU-bound Python, so a big refresh parses in other processes to use
every core.  Each worker is a plain child interpreter (``python -c``, or the packaged
executable with :data:`WORKER_FLAG`) that reads requests on its standard input and
answers on its standard output, one at a time, as length-prefixed pickles; a thread
of this process feeds it and waits for its answer.  That is all the machinery there
is: no fork server or resource tracker beside the workers, and the same code on
Linux, macOS and Windows.

Owning each worker directly is what lets the pool stand up to hostile input:

* a feed whose parsing runs past :data:`PARSE_TIME_LIMIT` has its worker killed and
  gets an error, and the next feed gets a fresh worker;
* a worker may use :data:`MEMORY_LIMIT` of address space (not on Windows): a feed
  that needs more gets an error, and the next feed a fresh worker;
* a worker that dies (the kernel's out-of-memory killer, a crash in a C extension)
  is started again and given the feed once more; a feed that kills two workers
  gets an error, never the rest of the refresh;
* a worker that cannot start at all gives every feed that error, at once, instead of
  trying again for each of them.

Every :meth:`ParsePool.submit` returns a :class:`concurrent.futures.Future` whose
result is what :func:`~newsreader.fetch.parse_worker.parse_or_error` gives: the
parsed feed, or the feed's error message.  It never raises.  :meth:`ParsePool.parse`
and :meth:`ParsePool.parse_or_error` wait for it, for the one-off documents (a feed
being added, a comments feed).  A worker left idle for :data:`IDLE_SECONDS` ends, so
a long-running window does not keep one for a feed it added an hour ago.
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import logging
import os
import pickle
import queue
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsreader.core.errors import ParseError
from newsreader.fetch.parse_worker import (
    MEMORY_LIMIT_VARIABLE,
    OUT_OF_MEMORY,
    PAGE_REQUEST,
    READY,
    WORKER_FLAG,
    read_frame,
    write_frame,
)

if TYPE_CHECKING:
    from newsreader.core.full_articles import ExtractedPage
    from newsreader.core.parsed import ParsedFeed

__all__ = [
    "PARSE_TIME_LIMIT",
    "STOPPED",
    "ParsePool",
    "start_failed_message",
    "stopped_message",
    "too_slow_message",
    "worker_command",
]

log = logging.getLogger(__name__)

#: A feed that takes longer than this to parse is given up (its worker is killed).
#: The biggest body a refresh accepts (20 MB of articles) parses in about 3 s.
PARSE_TIME_LIMIT = 30.0
#: A worker's address space is capped at this (where the system allows it).  A 20 MB
#: feed peaks at 170 MB, 380 MB if it is all one article's text.
MEMORY_LIMIT = 1024 * 1024 * 1024
#: How long a new worker may take to import the parser and say it is ready.
START_TIME_LIMIT = 60.0
#: After a worker failed to start, feeds get that failure for this long before the
#: next attempt.
START_RETRY_SECONDS = 30.0
#: A feed's error when the pool was shut down before its parse ended.
STOPPED = "the refresh was stopped before this feed was parsed"
#: A worker with nothing to do for this long ends; the next feed starts one again.
IDLE_SECONDS = 60.0
#: How long :meth:`ParsePool.shutdown` lets a busy worker finish before killing it.
SHUTDOWN_GRACE_SECONDS = 2.0


def too_slow_message(limit: float) -> str:
    """A feed's error when parsing it ran past *limit* seconds."""
    return f"parsing took longer than {limit:g} s; the feed was skipped"


def stopped_message(how: str) -> str:
    """A feed's error when its worker died while parsing it (*how*: "signal SIGKILL")."""
    return f"the feed parser stopped unexpectedly ({how})"


def start_failed_message(detail: str) -> str:
    """Each feed's error while no worker can be started."""
    return f"the feed parser could not start ({detail})"


def worker_command() -> list[str]:
    """The command line that starts a parse worker.

    A packaged (frozen) build has no interpreter beside it: it starts its own
    executable with :data:`WORKER_FLAG`, which ``newsreader.__main__`` answers before
    anything else.  Otherwise the worker is this interpreter, told where this copy of
    Newsreader is, so a source checkout or a test run finds the same package.
    """
    if getattr(sys, "frozen", False):
        return [sys.executable, WORKER_FLAG]
    package_parent = str(Path(__file__).resolve().parents[2])
    program = (
        f"import sys; sys.path.insert(0, {package_parent!r}); "
        "from newsreader.fetch.parse_worker import serve; serve()"
    )
    return [sys.executable, "-c", program]


def _how_it_ended(returncode: int) -> str:
    if returncode < 0:
        try:
            return f"signal {signal.Signals(-returncode).name}"
        except ValueError:
            return f"signal {-returncode}"
    return f"exit code {returncode}"


@dataclass(slots=True)
class _Task:
    future: cf.Future[Any]  # ParsedFeed | str, or ExtractedPage | str for a page
    request: bytes


class _WorkerGone(Exception):
    """The worker process ended (or was ended) before it answered."""


class _Worker:
    """One worker process and the thread of this process that feeds it."""

    def __init__(self, pool: ParsePool, number: int) -> None:
        self.pool = pool
        self.process: subprocess.Popen[bytes] | None = None
        self.timed_out = False
        self._start_failure: tuple[float, str] | None = None
        self.thread = threading.Thread(
            target=self._serve_tasks, name=f"parse-worker-{number}", daemon=True
        )

    # -- the process --------------------------------------------------------------

    def _start(self) -> subprocess.Popen[bytes]:
        flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)  # no console window (Windows)
        process = subprocess.Popen(
            self.pool.command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            # its warnings go where ours do; a windowed program has nowhere for them
            stderr=None if sys.stderr is not None else subprocess.DEVNULL,
            env={**os.environ, MEMORY_LIMIT_VARIABLE: str(self.pool.memory_limit)},
            creationflags=flags,
        )
        self.process = process
        try:
            answer = self._wait_for_answer(process, self.pool.start_limit)
        except _WorkerGone:
            self._end(process)  # its pipes, too
            raise
        if answer != READY:
            self._end(process)
            raise _WorkerGone(f"it answered {answer[:40]!r} instead of being ready")
        return process

    def _ready_process(self) -> subprocess.Popen[bytes]:
        """The running worker, started (again) if needed; raises ``RuntimeError``."""
        process = self.process
        if process is not None and process.poll() is None:
            return process
        self.process = None
        if self._start_failure is not None:
            when, message = self._start_failure
            if time.monotonic() - when < START_RETRY_SECONDS:
                raise RuntimeError(message)
        try:
            process = self._start()
        except (OSError, _WorkerGone) as exc:
            message = start_failed_message(str(exc))
            log.error("%s", message)
            self._start_failure = (time.monotonic(), message)
            self.process = None
            raise RuntimeError(message) from exc
        self._start_failure = None
        return process

    def _wait_for_answer(self, process: subprocess.Popen[bytes], limit: float) -> bytes:
        """The worker's next answer; it is killed if none comes within *limit* seconds."""
        self.timed_out = False

        def expire() -> None:
            self.timed_out = True
            process.kill()

        watchdog = threading.Timer(limit, expire)
        watchdog.daemon = True
        watchdog.start()
        try:
            assert process.stdout is not None
            answer = read_frame(process.stdout)
        finally:
            watchdog.cancel()
        if answer is None:
            process.wait()
            raise _WorkerGone(_how_it_ended(process.returncode))
        return answer

    def _end(self, process: subprocess.Popen[bytes]) -> None:
        """Let *process* finish (its input closed), or kill it after a grace period."""
        for stream in (process.stdin, process.stdout):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()
        try:
            process.wait(SHUTDOWN_GRACE_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if self.process is process:
            self.process = None

    # -- the feeding thread -------------------------------------------------------

    def _serve_tasks(self) -> None:
        while True:
            try:
                task = self.pool.tasks.get(timeout=IDLE_SECONDS if self.process else None)
            except queue.Empty:  # idle: give the memory back until there is work again
                if self.process is not None:
                    self._end(self.process)
                continue
            if task is None:
                break
            if not task.future.set_running_or_notify_cancel():
                continue
            try:
                result = self._parse(task.request)
            except Exception as exc:  # a bug here must not leave a refresh waiting forever
                log.exception("a parse worker's thread failed")
                if self.process is not None:
                    self._end(self.process)
                result = stopped_message(f"{type(exc).__name__}: {exc}")
            task.future.set_result(result)
        if self.process is not None:
            self._end(self.process)

    def _parse(self, request: bytes) -> Any:
        """The answer to *request*, from a worker started again if one dies on it.

        A worker can die for reasons that have nothing to do with this feed (the
        out-of-memory killer chose it, someone ended it), so a feed gets a second
        worker before its failure is put down to the feed.
        """
        how = ""
        for attempt in (1, 2):
            try:
                process = self._ready_process()
            except RuntimeError as exc:
                return str(exc)
            try:
                assert process.stdin is not None
                write_frame(process.stdin, request)
                answer = self._wait_for_answer(process, self.pool.time_limit)
                break
            except (OSError, _WorkerGone) as exc:
                self._end(process)
                if self.pool.closing:
                    return STOPPED
                if self.timed_out:
                    limit = self.pool.time_limit
                    log.warning("a feed took over %g s to parse: its worker was ended", limit)
                    return too_slow_message(limit)
                # _end() waited for it, so its return code is known
                how = str(exc) if isinstance(exc, _WorkerGone) else _how_it_ended(process.wait())
                log.error("a parse worker stopped (%s), attempt %d", how, attempt)
        else:
            return stopped_message(how)
        try:
            result = pickle.loads(answer)
        except Exception as exc:  # a worker only sends what it pickled; be safe anyway
            log.exception("a parse worker's answer could not be read")
            return f"the feed parser's answer could not be read ({type(exc).__name__})"
        if result == OUT_OF_MEMORY:
            self._end(process)  # it is ending: the next feed gets a fresh one
        return result


class ParsePool:
    """Parse workers, started with the first :meth:`submit`; shared by a Reader's refreshes."""

    def __init__(
        self,
        processes: int | None = None,
        *,
        time_limit: float = PARSE_TIME_LIMIT,
        memory_limit: int = MEMORY_LIMIT,
        start_limit: float = START_TIME_LIMIT,
        command: list[str] | None = None,
    ) -> None:
        self.processes = processes or max(1, min(2, os.cpu_count() or 1))
        self.time_limit = time_limit
        self.memory_limit = memory_limit
        self.start_limit = start_limit
        self.command = command or worker_command()
        self.tasks: queue.SimpleQueue[_Task | None] = queue.SimpleQueue()
        self.closing = False
        self._workers: list[_Worker] = []
        self._lock = threading.Lock()

    @property
    def started(self) -> bool:
        """Whether the pool is running (it starts with the first document to parse)."""
        return bool(self._workers)

    def pids(self) -> list[int]:
        """Process ids of the workers running now."""
        return [
            w.process.pid
            for w in self._workers
            if w.process is not None and w.process.poll() is None
        ]

    def submit(
        self, data: bytes, url: str, content_type: str | None
    ) -> cf.Future[ParsedFeed | str]:
        """Parse *data* (the body fetched from *url*) in a worker."""
        request = pickle.dumps((data, url, content_type), protocol=pickle.HIGHEST_PROTOCOL)
        future: cf.Future[ParsedFeed | str] = cf.Future()
        self._put(_Task(future, request))
        return future

    def submit_page(
        self, data: bytes, url: str, content_type: str | None
    ) -> cf.Future[ExtractedPage | str]:
        """Extract the article from the web page *data* (fetched from *url*) in a worker.

        The result is the page's article, or its error message; it never raises.
        The same limits hold as for a feed (time, memory, a worker that dies).
        """
        request = pickle.dumps(
            (PAGE_REQUEST, data, url, content_type), protocol=pickle.HIGHEST_PROTOCOL
        )
        future: cf.Future[ExtractedPage | str] = cf.Future()
        self._put(_Task(future, request))
        return future

    def _put(self, task: _Task) -> None:
        with self._lock:
            if not self._workers:
                self.closing = False
                self._workers = [_Worker(self, n) for n in range(self.processes)]
                for worker in self._workers:
                    worker.thread.start()
            self.tasks.put(task)

    def parse_or_error(self, data: bytes, url: str, content_type: str | None) -> ParsedFeed | str:
        """Parse *data* in a worker and wait: the parsed feed, or the feed's error."""
        future = self.submit(data, url, content_type)
        try:
            return future.result()
        except cf.CancelledError:
            return STOPPED

    def parse(self, data: bytes, url: str, content_type: str | None) -> ParsedFeed:
        """Parse *data* in a worker and wait; raises :class:`ParseError` with its error."""
        result = self.parse_or_error(data, url, content_type)
        if isinstance(result, str):
            raise ParseError(result)
        return result

    def shutdown(self) -> None:
        """Stop the workers: queued feeds are cancelled, one being parsed may finish."""
        with self._lock:
            workers, self._workers = self._workers, []
            if not workers:
                return
            self.closing = True
            while True:
                try:
                    task = self.tasks.get_nowait()
                except queue.Empty:
                    break
                if task is not None:
                    task.future.cancel()
            for _ in workers:
                self.tasks.put(None)
        for worker in workers:
            worker.thread.join(SHUTDOWN_GRACE_SECONDS)
            process = worker.process
            if worker.thread.is_alive() and process is not None:
                process.kill()  # still parsing: its thread ends with the process
            worker.thread.join()
