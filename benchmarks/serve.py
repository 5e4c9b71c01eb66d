"""A threaded HTTP/1.1 server on 127.0.0.1 for benchmark corpora.

Documents are held in memory and answered with an ``ETag`` and a ``Last-Modified``
header; a request carrying a matching ``If-None-Match`` (or, without one, an
``If-Modified-Since`` that is not older than the document) gets ``304 Not
Modified`` and no body, as a well-behaved feed host does.  Any other path ending
in ``.png`` is an article picture, made up from the path (see
:func:`corpus.image_bytes`).  Connections are kept alive.  ``GET /_stats`` answers
the number of responses so far by kind and status (``"feed 200"``, ``"feed 304"``,
``"image 200"``, ...), which lets a benchmark check that a tool really made
conditional requests.

Run it on its own to look at a corpus with any feed reader::

    python benchmarks/serve.py --feeds 40 --items 50 --port 8080
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import hashlib
import json
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

try:
    from benchmarks.corpus import CORPUS_DATE, generate_corpus, image_bytes
except ImportError:  # run as a script from the benchmarks directory
    from corpus import (  # type: ignore[no-redef,unused-ignore]
        CORPUS_DATE,
        generate_corpus,
        image_bytes,
    )

STATS_PATH = "/_stats"


@dataclass(frozen=True, slots=True)
class Document:
    """A served document with its validators."""

    body: bytes
    content_type: str
    etag: str
    last_modified: datetime

    @classmethod
    def of(cls, body: bytes, content_type: str, last_modified: datetime) -> Document:
        etag = '"' + hashlib.sha1(body).hexdigest()[:20] + '"'
        return cls(body, content_type, etag, last_modified)


def _not_modified(document: Document, if_none_match: str | None, since: str | None) -> bool:
    """RFC 9110 §13.2.2: ``If-None-Match`` wins; ``If-Modified-Since`` only without it."""
    if if_none_match is not None:
        tags = {t.strip().removeprefix("W/") for t in if_none_match.split(",")}
        return "*" in tags or document.etag in tags
    if since is not None:
        try:
            when = parsedate_to_datetime(since)
        except (TypeError, ValueError, IndexError):
            return False
        return when is not None and when.tzinfo is not None and document.last_modified <= when
    return False


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256  # many clients open their pool's connections at once

    def __init__(self, address: tuple[str, int], documents: dict[str, Document]) -> None:
        super().__init__(address, _Handler)
        self.documents = documents
        self.counts: collections.Counter[str] = collections.Counter()
        self.counts_lock = threading.Lock()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server
    timeout = 60  # idle keep-alive connections are dropped after this
    # Headers and body go out in separate writes; with Nagle's algorithm on, the body
    # waits for the client's delayed ACK (tens of milliseconds on every response).
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: object) -> None:
        pass  # quiet: thousands of requests per run

    def _count(self, kind: str, status: int) -> None:
        with self.server.counts_lock:
            self.server.counts[f"{kind} {status}"] += 1

    def _send(self, status: int, body: bytes, headers: dict[str, str]) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        if status != 304:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD" and status != 304:
            self.wfile.write(body)

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        if path == STATS_PATH:
            with self.server.counts_lock:
                counts = dict(sorted(self.server.counts.items()))
            self._send(200, json.dumps(counts).encode(), {"Content-Type": "application/json"})
            return
        kind = "feed"
        document = self.server.documents.get(path)
        if document is None and path.endswith(".png"):
            kind = "image"
            document = Document.of(image_bytes(path), "image/png", CORPUS_DATE)
        if document is None:
            self._count("other", 404)
            self._send(404, b"not found\n", {"Content-Type": "text/plain"})
            return
        validators = {
            "ETag": document.etag,
            "Last-Modified": format_datetime(document.last_modified, usegmt=True),
            "Cache-Control": "max-age=0",
        }
        if _not_modified(
            document, self.headers.get("If-None-Match"), self.headers.get("If-Modified-Since")
        ):
            self._count(kind, 304)
            self._send(304, b"", validators)
            return
        self._count(kind, 200)
        self._send(200, document.body, {"Content-Type": document.content_type, **validators})


class FeedServer:
    """Serves documents from a background thread; use as a context manager.

    The socket is bound on construction, so :attr:`base_url` is known before the
    documents that link to it are made and :meth:`publish`-ed.
    """

    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        self._server = _Server((host, port), {})
        self._thread = threading.Thread(
            target=self._server.serve_forever, name="feed-server", daemon=True
        )

    def publish(self, feeds: Iterable[tuple[str, bytes, str]]) -> None:
        """Serve ``(path, body, content type)`` triples, all last modified at one date."""
        self._server.documents.update(
            (path, Document.of(body, content_type, CORPUS_DATE))
            for path, body, content_type in feeds
        )

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        name = host.decode() if isinstance(host, bytes) else host
        return f"http://{name}:{port}"

    def url(self, path: str) -> str:
        return self.base_url + path

    def counts(self) -> dict[str, int]:
        """Responses sent so far, by kind and status (``"feed 304"``)."""
        with self._server.counts_lock:
            return dict(self._server.counts)

    def start(self) -> FeedServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> FeedServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Serve a benchmark corpus on 127.0.0.1.")
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--port", type=int, default=8080)
    args = parser.parse_args(argv)
    server = FeedServer(port=args.port)
    corpus = generate_corpus(args.feeds, args.items, args.seed, server.base_url)
    server.publish((f.path, f.body, f.content_type) for f in corpus.feeds)
    with server:
        print(f"serving {corpus.describe()} at {server.base_url}/feeds/ (Ctrl-C stops)")
        for feed in corpus.feeds[:3]:
            print("  " + server.url(feed.path))
        with contextlib.suppress(KeyboardInterrupt):
            threading.Event().wait()


if __name__ == "__main__":
    main()
