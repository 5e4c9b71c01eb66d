"""What the HTTP client's tests share: a small feed and a port nothing listens on.

Their client fixture, with short timeouts, is in this folder's ``conftest.py``.
"""

from __future__ import annotations

import socket

RSS = "<rss version='2.0'><channel><title>أخبار</title></channel></rss>"


def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
