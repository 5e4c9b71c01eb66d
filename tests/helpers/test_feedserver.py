"""The test feed server itself: other tests trust what it serves and records."""

from __future__ import annotations

import contextlib
import http.client
import itertools
import socket
from pathlib import Path

import pytest

from tests.helpers import feedserver
from tests.helpers.feedserver import FeedServer, Request, Response

#: Makes the shared fixture visible to the tests below.
feed_server = feedserver.feed_server


Answer = tuple[int, dict[str, str], bytes]

#: How long a test waits for a server thread to end after stop() on a loaded machine.
_PATIENCE_S = 10.0


def _get(server: FeedServer, path: str, headers: dict[str, str] | None = None) -> Answer:
    """One GET with the standard library, independent of the client under test."""
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=2)
    try:
        conn.request("GET", path, headers=headers or {})
        answer = conn.getresponse()
        return answer.status, {k.lower(): v for k, v in answer.getheaders()}, answer.read()
    finally:
        conn.close()


def test_routes_and_404(feed_server: FeedServer) -> None:
    feed_server.route("/feed", Response(body="نص", headers={"X-Test": "1"}))

    status, headers, body = _get(feed_server, "/feed")
    assert (status, body.decode("utf-8"), headers["x-test"]) == (200, "نص", "1")
    assert headers["content-type"] == "application/rss+xml; charset=utf-8"
    assert _get(feed_server, "/other")[0] == 404


def test_query_routes_win_over_bare_paths(feed_server: FeedServer) -> None:
    feed_server.route("/feed", Response(body="bare"))
    feed_server.route("/feed?page=2", Response(body="two"))

    assert _get(feed_server, "/feed?page=2")[2] == b"two"
    assert _get(feed_server, "/feed?page=3")[2] == b"bare"
    assert [r.path for r in feed_server.requests_for("/feed")] == [
        "/feed?page=2",
        "/feed?page=3",
    ]
    assert [r.path for r in feed_server.requests_for("/feed?page=3")] == ["/feed?page=3"]


def test_callable_route_sees_the_request(feed_server: FeedServer) -> None:
    def echo(request: Request) -> Response:
        return Response(body=request.headers.get("x-name", "?"), content_type=None)

    feed_server.route("/echo", echo)
    status, headers, body = _get(feed_server, "/echo", {"X-Name": "Salma"})

    assert (status, body) == (200, b"Salma")
    assert "content-type" not in headers


def test_failing_route_answers_500(
    feed_server: FeedServer,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def broken(request: Request) -> Response:
        raise ValueError("route bug")

    feed_server.route("/broken", broken)
    status, _headers, body = _get(feed_server, "/broken")

    assert status == 500
    assert b"route bug" in body
    assert "ValueError: route bug" in capsys.readouterr().err


def test_streamed_body_is_chunked(feed_server: FeedServer) -> None:
    feed_server.route("/feed", Response(body=[b"<rss>", b"", b"</rss>"], chunk_delay=0.01))

    _status, headers, body = _get(feed_server, "/feed")
    assert headers["transfer-encoding"] == "chunked"
    assert body == b"<rss></rss>"


def test_serve_file_answers_conditional_requests(feed_server: FeedServer, tmp_path: Path) -> None:
    feed = tmp_path / "feed.atom"
    feed.write_bytes(b"<feed/>")
    feed_server.serve_file("/feed", feed)

    status, headers, body = _get(feed_server, "/feed")
    assert (status, body, headers["content-type"]) == (
        200,
        b"<feed/>",
        "application/atom+xml; charset=utf-8",
    )
    etag, modified = headers["etag"], headers["last-modified"]
    assert _get(feed_server, "/feed", {"If-None-Match": etag})[0] == 304
    assert _get(feed_server, "/feed", {"If-Modified-Since": modified})[0] == 304
    assert _get(feed_server, "/feed", {"If-None-Match": '"other"'})[0] == 200

    feed.write_bytes(b"<feed>changed</feed>")
    status, headers, _body = _get(feed_server, "/feed", {"If-None-Match": etag})
    assert status == 200
    assert headers["etag"] != etag


def test_serve_file_unconditional(feed_server: FeedServer, tmp_path: Path) -> None:
    feed = tmp_path / "feed.rss"
    feed.write_bytes(b"<rss/>")
    feed_server.serve_file("/feed", feed, conditional=False)

    status, headers, _body = _get(feed_server, "/feed", {"If-None-Match": "*"})
    assert status == 200
    assert "etag" not in headers


def test_stop_ends_endless_streams_and_frees_the_port() -> None:
    server = FeedServer()
    server.start()
    server.route("/endless", Response(body=itertools.repeat(b"x" * 1024), chunk_delay=0.01))
    port = server.port
    with contextlib.closing(socket.create_connection(("127.0.0.1", port))) as conn:
        conn.sendall(b"GET /endless HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        assert conn.recv(100).startswith(b"HTTP/1.1 200")
        threads = server.threads()
        assert len(threads) == 2  # the serving loop and the streaming connection's thread
        assert all(thread.is_alive() for thread in threads)

        server.stop()

        # The stream is endless: only stop() can end its thread. A loaded machine may
        # need longer than stop's own 2 s join, so the test waits up to 10 s more.
        for thread in threads:
            thread.join(_PATIENCE_S)
        assert [thread for thread in threads if thread.is_alive()] == []
        conn.settimeout(2)
        while conn.recv(65536):
            pass  # the server closed its end: recv reaches EOF
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", port), timeout=1).close()


def test_client_disconnect_during_endless_stream_is_quiet(
    feed_server: FeedServer,
    capsys: pytest.CaptureFixture[str],
) -> None:
    feed_server.route("/endless", Response(body=itertools.repeat(b"x" * 1024)))
    conn = socket.create_connection(("127.0.0.1", feed_server.port))
    conn.sendall(b"GET /endless HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    conn.recv(100)
    [_loop, streaming] = feed_server.threads()
    conn.close()
    streaming.join(10)  # it ends once a write fails (a bound on a hang, not a speed check)
    assert not streaming.is_alive()

    assert _get(feed_server, "/missing")[0] == 404  # still serving
    assert "Traceback" not in capsys.readouterr().err
