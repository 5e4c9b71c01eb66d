"""Where feed bytes come from: a small protocol, routed by URL prefix.

HTTP(S) goes to :class:`newsreader.fetch.http.HttpClient`; the bundled demo host
(``https://demo.newsreader.invalid/``, a name that never resolves) is answered from
``resources/demo`` so the demo works with no network.  Tests and the shared-cache
fetcher plug in their own transports the same way.
"""

from __future__ import annotations

import hashlib
import mimetypes
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Protocol

from newsreader.core.demo import DEMO_BASE, demo_file
from newsreader.core.errors import FetchError
from newsreader.core.paths import resources_dir
from newsreader.fetch.demo_dates import demo_shift, shift_dates
from newsreader.fetch.http import FetchResponse, HttpClient


class Transport(Protocol):
    def get(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        max_bytes: int | None = None,
        accept: str | None = None,
    ) -> FetchResponse: ...

    def close(self) -> None: ...


#: Demo documents whose dates follow the calendar (see :mod:`newsreader.fetch.demo_dates`).
_DATED_SUFFIXES = frozenset({".xml", ".atom", ".rss"})


class DemoTransport:
    """Answers ``https://demo.newsreader.invalid/<path>`` from ``resources/demo/<path>``.

    Feed and comment documents are served with their dates moved so that the
    newest demo story is from yesterday (*today* tells the day; tests set it).
    """

    def __init__(self, root: Path | None = None, *, today: Callable[[], date] = date.today) -> None:
        self.root = (root or resources_dir() / "demo").resolve()
        self.today = today

    def get(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        max_bytes: int | None = None,
        accept: str | None = None,
    ) -> FetchResponse:
        path = demo_file(url, self.root)
        if path is None:
            raise FetchError("HTTP 404 Not Found", url=url, status=404)
        body = path.read_bytes()
        if path.suffix in _DATED_SUFFIXES:
            body = shift_dates(body, demo_shift(self.today()))
        if max_bytes is not None and len(body) > max_bytes:
            raise FetchError("response larger than the size limit", url=url)
        tag = '"' + hashlib.sha1(body).hexdigest() + '"'
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if content_type in ("application/xml", "text/xml"):
            content_type = "application/xml; charset=utf-8"
        if etag == tag:
            return FetchResponse(url, url, None, True, b"", content_type, tag, None, 304)
        return FetchResponse(url, url, None, False, body, content_type, tag, None, 200)

    def close(self) -> None:
        pass


class RoutingTransport:
    """Sends each URL to the transport registered for its prefix; HTTP for the rest.

    The HTTP client is created on first use, so commands that never fetch never
    import it.
    """

    def __init__(
        self, routes: dict[str, Transport] | None = None, *, http: HttpClient | None = None
    ) -> None:
        self._routes: dict[str, Transport] = {DEMO_BASE: DemoTransport()}
        self._routes.update(routes or {})
        self._http = http
        self._lock = threading.Lock()

    def _default(self) -> HttpClient:
        with self._lock:
            if self._http is None:
                self._http = HttpClient()
            return self._http

    def route_for(self, url: str) -> Transport:
        for prefix, transport in self._routes.items():
            if url.startswith(prefix):
                return transport
        return self._default()

    def get(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        max_bytes: int | None = None,
        accept: str | None = None,
    ) -> FetchResponse:
        return self.route_for(url).get(
            url, etag=etag, last_modified=last_modified, max_bytes=max_bytes, accept=accept
        )

    def close(self) -> None:
        for transport in self._routes.values():
            transport.close()
        if self._http is not None:
            self._http.close()
