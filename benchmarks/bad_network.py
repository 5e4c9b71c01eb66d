"""A refresh on a network whose DNS does not answer: how soon the news, how soon the end.

The case of a captive portal, a hotel network or a DNS outage: 77 feeds are served
on 127.0.0.1 (as ``news.test``, which resolves), and every article picture in them
is on a host whose name never resolves.  The HTTP client is given a resolver (its
seam for tests; in production it is the system's ``getaddrinfo``) that answers
``news.test`` with 127.0.0.1 and, for the picture hosts, blocks for
``--dns-silence`` seconds (5 by default, a name server that does not answer) and
then fails.  Nothing outside 127.0.0.1 is contacted.

Each run is a fresh profile in this process: subscribe to the 77 feeds, then one
``Reader.refresh(all_feeds=True)`` with the default settings (pictures, icons and
comments after the news, within the default time budget).  Every run prints:

- ``feeds_seconds``: from the start of the refresh until every feed's result is
  stored and reported (``on_feeds_stored``); target < 15 s;
- ``total_seconds``: until ``refresh`` returns, the work after the news included;
  target < 60 s;
- how the work after the news ended, how many hosts it skipped and pictures left.

Run it from the repository root::

    python benchmarks/bad_network.py                    # 3 runs
    python benchmarks/bad_network.py --runs 5 --hosts 300 --output /tmp/bad.json

Progress goes to stderr, every run as it ends; the report (every run's figures and
the targets judged on the worst run) is one JSON object on stdout.
"""

from __future__ import annotations

import argparse
import platform
import random
import socket
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar
from xml.sax.saxutils import escape

try:
    from benchmarks.verdicts import emit, judge
except ImportError:  # run as a script: the benchmarks directory is on sys.path
    from verdicts import emit, judge  # type: ignore[no-redef,unused-ignore]

#: The issue's case: 77 feeds, more than 2,000 pictures on unreachable hosts.
FEEDS = 77
ITEMS = 27
FEEDS_TARGET_S = 15.0
TOTAL_TARGET_S = 60.0
FEED_HOST = "news.test"
PICTURE_DOMAIN = "unreachable.test"

_SENTENCE_AR = "أعلن الوزير اليوم عن خطة جديدة لدعم التعليم في المدن والقرى خلال العام المقبل"
_SENTENCE_EN = "the council approved a new plan for schools and roads across the region"


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def feed_document(n: int, items: int, port: int, hosts: int, rng: random.Random) -> bytes:
    """An RSS feed of *items* articles, each with one picture on an unreachable host."""
    arabic = n % 2 == 0
    words = (_SENTENCE_AR if arabic else _SENTENCE_EN).split(" ")
    parts = [
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>',
        f"<title>{'مصدر' if arabic else 'Source'} {n}</title>",
        f"<link>http://{FEED_HOST}:{port}/site{n}/</link>",
        f"<language>{'ar' if arabic else 'en'}</language>",
    ]
    for i in range(items):
        host = f"cdn{(n * items + i) % hosts}.{PICTURE_DOMAIN}"
        text = " ".join(rng.choice(words) for _ in range(40))
        body = (
            f'<p>{text}</p><figure><img src="http://{host}/p/{n}/{i}.jpg" '
            f'width="640" height="360" alt="{n}-{i}"></figure><p>{text}</p>'
        )
        parts.append(
            f"<item><guid>f{n}-i{i}</guid><title>{escape(text[:60])}</title>"
            f"<link>http://{FEED_HOST}:{port}/site{n}/{i}</link>"
            f"<description>{escape(body)}</description></item>"
        )
    parts.append("</channel></rss>")
    return "".join(parts).encode()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    documents: ClassVar[dict[str, bytes]] = {}

    def do_GET(self) -> None:
        body = self.documents.get(self.path)
        status = 200 if body is not None else 404
        body = body or b"not here"
        self.send_response(status)
        self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


class SilentDns:
    """The resolver: ``news.test`` is 127.0.0.1; picture hosts block, then fail."""

    def __init__(self, silence: float) -> None:
        self.silence = silence
        self.asked = 0
        self._lock = threading.Lock()

    def __call__(self, host: str, port: int, family: int = 0, kind: int = 0) -> Any:
        with self._lock:
            self.asked += 1
        if host == FEED_HOST:
            return socket.getaddrinfo("127.0.0.1", port, family, kind)
        time.sleep(self.silence)
        raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")


def one_run(port: int, args: argparse.Namespace, workdir: Path) -> dict[str, Any]:
    from newsreader.fetch.transport import RoutingTransport
    from newsreader.reader import Reader

    dns = SilentDns(args.dns_silence)
    reader = Reader.open(workdir, transport=RoutingTransport(resolver=dns))
    try:
        for n in range(args.feeds):
            reader.subscribe(f"http://{FEED_HOST}:{port}/feed{n}.xml")
        marks: dict[str, float] = {}
        started = time.monotonic()
        summary = reader.refresh(
            all_feeds=True,
            on_feeds_stored=lambda _summary: marks.setdefault("feeds", time.monotonic()),
        )
        ended = time.monotonic()
    finally:
        reader.close()
    report = summary.follow_up_report
    return {
        "feeds_seconds": round(marks["feeds"] - started, 3),
        "total_seconds": round(ended - started, 3),
        "feeds_ok": sum(1 for r in summary.feeds if r.status.value == "ok"),
        "articles": summary.new,
        "follow_up_ended": report.ended.value if report else None,
        "follow_up_seconds": round(report.seconds, 3) if report else None,
        "hosts_skipped": len(report.skipped_hosts) if report else 0,
        "pictures_skipped": report.skipped if report else 0,
        "pictures_left": report.left if report else 0,
        "lookups": dns.asked,
    }


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--feeds", type=int, default=FEEDS)
    parser.add_argument("--items", type=int, default=ITEMS, help="articles per feed")
    parser.add_argument("--hosts", type=int, default=120, help="unreachable picture hosts")
    parser.add_argument("--dns-silence", type=float, default=5.0, help="seconds a lookup blocks")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--output", type=Path)
    args = parser.parse_args(argv)

    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    port = int(server.server_address[1])
    rng = random.Random(args.seed)
    _Handler.documents = {
        f"/feed{n}.xml": feed_document(n, args.items, port, args.hosts, rng)
        for n in range(args.feeds)
    }
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    pictures = args.feeds * args.items
    log(
        f"{args.feeds} feeds, {pictures} pictures on {args.hosts} hosts whose lookup "
        f"blocks {args.dns_silence:g} s, then fails; {args.runs} runs"
    )
    runs: list[dict[str, Any]] = []
    try:
        for n in range(args.runs):
            with tempfile.TemporaryDirectory(prefix="bad-network-") as tmp:
                run = one_run(port, args, Path(tmp))
            runs.append(run)
            log(
                f"run {n + 1}: feeds {run['feeds_seconds']:.2f} s, whole refresh "
                f"{run['total_seconds']:.2f} s; after the news: {run['follow_up_ended']}, "
                f"{run['hosts_skipped']} hosts skipped ({run['pictures_skipped']} pictures), "
                f"{run['pictures_left']} left, {run['lookups']} lookups"
            )
    finally:
        server.shutdown()
        server.server_close()
    targets = {
        "feeds_seconds": judge([r["feeds_seconds"] for r in runs], FEEDS_TARGET_S),
        "total_seconds": judge([r["total_seconds"] for r in runs], TOTAL_TARGET_S),
    }
    for name, verdict in targets.items():
        log(
            f"{name}: worst {verdict['value']} (target {verdict['target']}, "
            f"met: {verdict['met']}); runs {verdict['runs']}"
        )
    report = {
        "benchmark": "bad_network",
        "feeds": args.feeds,
        "pictures": pictures,
        "picture_hosts": args.hosts,
        "dns_silence_seconds": args.dns_silence,
        "machine": {"python": platform.python_version(), "cpus": _cpus()},
        "runs": runs,
        "targets": targets,
    }
    emit(report, args.output)


def _cpus() -> int | None:
    import os

    return os.cpu_count()


if __name__ == "__main__":
    main()
