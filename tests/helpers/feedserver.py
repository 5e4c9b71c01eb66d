"""A real HTTP/1.1 server on 127.0.0.1 that tests point Newsreader at.

Tests talk to real sockets instead of mocks so that keep-alive, redirects, timeouts,
streaming and size caps behave as they do against real feed hosts.  Each test
registers canned :class:`Response` objects (or callables making them) per path and
afterwards inspects :attr:`FeedServer.requests` to see what the client sent.
"""

from __future__ import annotations

import contextlib
import email.utils
import hashlib
import http
import socket
import sys
import threading
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

#: Content type of canned responses unless a test says otherwise.
RSS_CONTENT_TYPE = "application/rss+xml; charset=utf-8"
#: Passed as ``content_type`` to :meth:`FeedServer.serve_file` to guess from the suffix.
GUESS_CONTENT_TYPE = "guess"

_SUFFIX_TYPES = {
    ".rss": RSS_CONTENT_TYPE,
    ".xml": "application/xml; charset=utf-8",
    ".atom": "application/atom+xml; charset=utf-8",
    ".rdf": "application/rdf+xml; charset=utf-8",
    ".opml": "text/x-opml; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".json": "application/json",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".ico": "image/x-icon",
}
_NO_BODY_STATUSES = frozenset({204, 304})
#: How long :meth:`FeedServer.stop` waits for each connection thread to end.
_JOIN_TIMEOUT = 2.0
#: Idle keep-alive connections are dropped after this many seconds.
_IDLE_TIMEOUT = 30.0


@dataclass
class Response:
    """What the server answers on one route.

    ``body`` may be bytes, text (sent as UTF-8) or an iterable of byte chunks, which
    is streamed chunk by chunk so tests can model endless or slowly dripping bodies.
    """

    status: int = 200
    body: bytes | str | Iterable[bytes] = b""
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str | None = RSS_CONTENT_TYPE
    delay: float = 0.0
    chunk_delay: float = 0.0
    #: The status line's reason phrase; by default the standard one for ``status``.
    reason: str | None = None


@dataclass
class Request:
    """One request as the server saw it; header names are lower-cased."""

    method: str
    path: str
    headers: dict[str, str]


Handler = Response | Callable[[Request], Response]


class FeedServer:
    """Threaded HTTP/1.1 server bound to an ephemeral port on 127.0.0.1."""

    def __init__(self) -> None:
        self.requests: list[Request] = []
        self._routes: dict[str, Handler] = {}
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._connections: dict[socket.socket, threading.Thread] = {}
        self._connection_count = 0
        self._httpd: _Server | None = None
        self._thread: threading.Thread | None = None

    # -- life cycle -------------------------------------------------------------

    def start(self) -> None:
        """Bind a free port and serve from a background thread."""
        if self._httpd is not None:
            return
        self._stopping.clear()
        self._httpd = _Server(self)
        self._thread = threading.Thread(
            target=self._httpd.serve_forever,
            kwargs={"poll_interval": 0.01},
            name="feed-server",
            daemon=True,
        )
        self._thread.start()

    def stop(self) -> None:
        """Stop listening, cut open connections and wait for their threads to end."""
        httpd, self._httpd = self._httpd, None
        if httpd is None:
            return
        self._stopping.set()
        httpd.shutdown()
        httpd.server_close()
        if self._thread is not None:
            self._thread.join(_JOIN_TIMEOUT)
        for thread in self._cut_connections():
            thread.join(_JOIN_TIMEOUT)

    def __enter__(self) -> FeedServer:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    # -- configuration ----------------------------------------------------------

    @property
    def port(self) -> int:
        """The port the server listens on (only while started)."""
        if self._httpd is None:
            raise RuntimeError("the feed server is not running")
        return int(self._httpd.server_address[1])

    def url(self, path: str) -> str:
        """The absolute URL of ``path`` on this server."""
        if not path.startswith("/"):
            path = "/" + path
        return f"http://127.0.0.1:{self.port}{path}"

    def route(self, path: str, response: Handler) -> None:
        """Answer requests for ``path`` with ``response`` (replacing any earlier route)."""
        with self._lock:
            self._routes[path] = response

    def serve_file(
        self,
        path: str,
        file: Path,
        content_type: str | None = GUESS_CONTENT_TYPE,
        conditional: bool = True,
    ) -> None:
        """Serve ``file`` at ``path``, re-reading it per request so tests may change it.

        With ``conditional`` the answer carries an ETag (a hash of the content) and
        Last-Modified (the file's mtime) and matching validators get 304.
        """
        if content_type == GUESS_CONTENT_TYPE:
            content_type = _SUFFIX_TYPES.get(file.suffix.lower(), "application/octet-stream")
        self.route(path, _FileRoute(file, content_type, conditional))

    # -- inspection -------------------------------------------------------------

    def threads(self) -> list[threading.Thread]:
        """The server's own threads now: its serving loop and one per open connection."""
        with self._lock:
            connections = list(self._connections.values())
        return ([self._thread] if self._thread is not None else []) + connections

    @property
    def connection_count(self) -> int:
        """How many TCP connections were accepted (keep-alive reuse keeps it low)."""
        with self._lock:
            return self._connection_count

    def requests_for(self, path: str) -> list[Request]:
        """Requests for ``path``; without a query in ``path``, any query matches."""
        with self._lock:
            seen = list(self.requests)
        if "?" in path:
            return [r for r in seen if r.path == path]
        return [r for r in seen if r.path.split("?", 1)[0] == path]

    # -- used by the request handler --------------------------------------------

    @property
    def stopping(self) -> threading.Event:
        return self._stopping

    def _record(self, request: Request) -> None:
        with self._lock:
            self.requests.append(request)

    def _find(self, path: str) -> Handler | None:
        with self._lock:
            found = self._routes.get(path)
            if found is None and "?" in path:
                found = self._routes.get(path.split("?", 1)[0])
            return found

    def _open_connection(self, conn: socket.socket) -> None:
        with self._lock:
            self._connections[conn] = threading.current_thread()
            self._connection_count += 1

    def _close_connection(self, conn: socket.socket) -> None:
        with self._lock:
            self._connections.pop(conn, None)

    def _cut_connections(self) -> list[threading.Thread]:
        """Shut every open connection down so blocked handler threads wake and end."""
        with self._lock:
            open_now = list(self._connections.items())
        for conn, _thread in open_now:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)
        return [thread for _conn, thread in open_now]


class _FileRoute:
    """Callable route serving a file with optional conditional-GET support."""

    def __init__(self, file: Path, content_type: str | None, conditional: bool) -> None:
        self._file = file
        self._content_type = content_type
        self._conditional = conditional

    def __call__(self, request: Request) -> Response:
        content = self._file.read_bytes()
        if not self._conditional:
            return Response(200, content, content_type=self._content_type)
        etag = '"' + hashlib.sha256(content).hexdigest()[:20] + '"'
        mtime = int(self._file.stat().st_mtime)
        validators = {"ETag": etag, "Last-Modified": email.utils.formatdate(mtime, usegmt=True)}
        if _not_modified(request, etag, mtime):
            return Response(304, b"", headers=validators, content_type=None)
        return Response(200, content, headers=validators, content_type=self._content_type)


def _not_modified(request: Request, etag: str, mtime: int) -> bool:
    """Evaluate If-None-Match (which wins when present) or else If-Modified-Since."""
    if_none_match = request.headers.get("if-none-match")
    if if_none_match is not None:
        tags = [t.strip().removeprefix("W/") for t in if_none_match.split(",")]
        return "*" in tags or etag in tags
    since = request.headers.get("if-modified-since")
    if since is None:
        return False
    try:
        when = email.utils.parsedate_to_datetime(since)
    except (TypeError, ValueError):
        return False
    return mtime <= int(when.timestamp())


class _Server(ThreadingHTTPServer):
    """ThreadingHTTPServer that knows its :class:`FeedServer` and stays quiet."""

    daemon_threads = True
    block_on_close = False  # FeedServer.stop joins the threads with a timeout instead
    request_queue_size = 128

    def __init__(self, owner: FeedServer) -> None:
        self.owner = owner
        super().__init__(("127.0.0.1", 0), _Handler)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Connections dropped by the client or by stop() are normal here."""
        error = sys.exc_info()[1]
        if isinstance(error, ConnectionError) or (
            isinstance(error, OSError) and self.owner.stopping.is_set()
        ):
            return
        super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    """Serves routes of the owning :class:`FeedServer` over keep-alive HTTP/1.1."""

    protocol_version = "HTTP/1.1"
    timeout = _IDLE_TIMEOUT
    #: Headers and body go out as separate writes: without this, Nagle delays each answer.
    disable_nagle_algorithm = True
    server: _Server

    def setup(self) -> None:
        super().setup()
        self.server.owner._open_connection(self.connection)

    def finish(self) -> None:
        self.server.owner._close_connection(self.connection)
        with contextlib.suppress(OSError):
            super().finish()

    def log_message(self, format: str, *args: Any) -> None:
        """Keep test output clean."""

    def do_GET(self) -> None:
        self._serve(send_body=True)

    def do_HEAD(self) -> None:
        self._serve(send_body=False)

    def _serve(self, *, send_body: bool) -> None:
        owner = self.server.owner
        request = Request(
            method=self.command,
            path=self.path,
            headers={name.lower(): value for name, value in self.headers.items()},
        )
        owner._record(request)
        response = self._respond_to(request)
        if response.delay and owner.stopping.wait(response.delay):
            self.close_connection = True
            return
        try:
            self._send(response, send_body=send_body)
        except (ConnectionError, TimeoutError):
            self.close_connection = True

    def _respond_to(self, request: Request) -> Response:
        handler = self.server.owner._find(request.path)
        if handler is None:
            return Response(404, "not found", content_type="text/plain; charset=utf-8")
        if isinstance(handler, Response):
            return handler
        try:
            return handler(request)
        except Exception:
            text = traceback.format_exc()
            print(text, file=sys.stderr)
            return Response(500, text, content_type="text/plain; charset=utf-8")

    def _send(self, response: Response, *, send_body: bool) -> None:
        headers = {name.lower(): (name, value) for name, value in response.headers.items()}
        body = response.body
        fixed = body.encode("utf-8") if isinstance(body, str) else body
        self.send_response(response.status, response.reason or _reason(response.status))
        if response.content_type is not None and "content-type" not in headers:
            self.send_header("Content-Type", response.content_type)
        for name, value in headers.values():
            self.send_header(name, value)
        no_body = response.status in _NO_BODY_STATUSES
        if isinstance(fixed, bytes):
            if "content-length" not in headers and not no_body:
                self.send_header("Content-Length", str(len(fixed)))
            self.end_headers()
            if send_body and not no_body:
                self.wfile.write(fixed)
            return
        self._send_stream(fixed, response.chunk_delay, headers, send_body=send_body)

    def _send_stream(
        self,
        chunks: Iterable[bytes],
        chunk_delay: float,
        headers: dict[str, tuple[str, str]],
        *,
        send_body: bool,
    ) -> None:
        """Stream chunks, chunked-encoded unless the route fixed a Content-Length."""
        chunked = "content-length" not in headers
        if chunked:
            self.send_header("Transfer-Encoding", "chunked")
        else:
            self.close_connection = True  # the body may not match the length given
        self.end_headers()
        if not send_body:
            return
        for chunk in self._paced(chunks, chunk_delay):
            if chunked:
                self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            else:
                self.wfile.write(chunk)
            self.wfile.flush()
        if chunked and not self.server.owner.stopping.is_set():
            self.wfile.write(b"0\r\n\r\n")

    def _paced(self, chunks: Iterable[bytes], chunk_delay: float) -> Iterator[bytes]:
        """Yield non-empty chunks, pausing between them; end early when stopping."""
        stopping = self.server.owner.stopping
        for index, chunk in enumerate(chunks):
            if stopping.is_set() or (index and chunk_delay and stopping.wait(chunk_delay)):
                self.close_connection = True
                return
            if chunk:
                yield chunk


def _reason(status: int) -> str:
    try:
        return http.HTTPStatus(status).phrase
    except ValueError:
        return ""


@pytest.fixture
def feed_server() -> Iterator[FeedServer]:
    """A started :class:`FeedServer`, stopped when the test ends."""
    server = FeedServer()
    server.start()
    try:
        yield server
    finally:
        server.stop()
