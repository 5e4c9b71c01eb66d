"""One window per data folder: a second launch hands its links to the first and ends.

The running window listens on a local socket (:class:`InstanceServer`) whose name
comes from its data folder (:func:`server_name`), so windows of two different
folders run side by side.  A second ``newsreader`` for the same folder connects
(:func:`hand_over`), sends the links it was given (feed URLs, ``feed://`` links) as
one line of JSON, waits for the answer and exits 0; the first raises itself and
opens each link (:attr:`InstanceServer.activated`).

The server listens only once the window holds the data folder's lock
(:mod:`newsreader.core.profile_lock`), so a socket a crashed window left behind
can be cleared safely before listening.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

#: What the running window answers once it has taken the links.
ACK = b"ok\n"
#: A message longer than this is no launch's: the connection is dropped.
_MAX_MESSAGE = 64 * 1024


def server_name(data_folder: Path) -> str:
    """The local socket's name for one user's data folder: short, and the same every run."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no name for this user id
        user = "user"
    key = f"{user}\0{Path(data_folder).expanduser().resolve()}".encode()
    return "newsreader-" + hashlib.sha256(key).hexdigest()[:20]


def encode_links(links: list[str]) -> bytes:
    return json.dumps({"links": links}, ensure_ascii=False).encode("utf-8") + b"\n"


def decode_links(data: bytes) -> list[str] | None:
    """The links of a message; None if it is not one of ours."""
    try:
        value = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    links = value.get("links") if isinstance(value, dict) else None
    if not isinstance(links, list) or not all(isinstance(link, str) for link in links):
        return None
    return links


class InstanceServer(QObject):
    """Listens for later launches of the same data folder.

    Signals:
        activated(list): a later launch asked for the window, with the links it was
            given (possibly none).
    """

    activated = Signal(list)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._on_connection)
        self._buffers: dict[QLocalSocket, bytearray] = {}

    def listen(self) -> bool:
        """Start listening; the caller must hold the data folder's lock."""
        QLocalServer.removeServer(self.name)  # a crashed window's socket file
        if not self._server.listen(self.name):
            log.warning("cannot listen on %s: %s", self.name, self._server.errorString())
            return False
        return True

    def close(self) -> None:
        self._server.close()

    def _on_connection(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            self._buffers[socket] = bytearray()
            socket.readyRead.connect(lambda s=socket: self._on_ready(s))
            socket.disconnected.connect(lambda s=socket: self._forget(s))

    def _on_ready(self, socket: QLocalSocket) -> None:
        buffer = self._buffers.get(socket)
        if buffer is None:
            return
        buffer += bytes(socket.readAll().data())
        if len(buffer) > _MAX_MESSAGE:
            log.warning("dropped an over-long message from a later launch")
            socket.abort()
            return
        if b"\n" not in buffer:
            return
        line = bytes(buffer).split(b"\n", 1)[0]
        del self._buffers[socket]
        links = decode_links(line)
        if links is None:
            log.warning("ignored a message that is no launch's: %r", line[:80])
            socket.abort()
            return
        socket.write(ACK)
        socket.waitForBytesWritten(1000)  # three bytes: at once, unless the launch is gone
        socket.disconnectFromServer()
        self.activated.emit(links)

    def _forget(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)
        socket.deleteLater()


def hand_over(name: str, links: list[str], *, timeout_ms: int = 3000) -> bool:
    """Give *links* to the window listening as *name*; whether it took them.

    False at once when no window listens.  Blocks for at most about ``3 × timeout_ms``;
    works without an event loop running.
    """
    socket = QLocalSocket()
    try:
        socket.connectToServer(name)
        if not socket.waitForConnected(timeout_ms):
            return False
        socket.write(encode_links(links))
        # False also when everything went out at once: what counts is the answer.
        socket.waitForBytesWritten(timeout_ms)
        answer = b""
        while ACK not in answer and socket.waitForReadyRead(timeout_ms):
            answer += bytes(socket.readAll().data())
        answer += bytes(socket.readAll().data())  # what came with the disconnection
        return ACK in answer
    finally:
        socket.abort()


__all__ = ["InstanceServer", "hand_over", "server_name"]
