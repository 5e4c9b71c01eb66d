"""Why a feed (or the profile's database) failed, in the interface's language.

The core reports a feed's failure as one line of English ("connection refused",
"HTTP 404 Not Found", "The feed is not well-formed (...)"): precise, stable, and
what the command line prints.  The window says the same in the user's language:
:func:`readable_error` recognises the core's messages and gives their translated
wording, and anything it does not know is shown as it is.  The original line
stays available (tooltips show it) for whoever needs the detail.  Given the
address a failure is about, the wording names it (:func:`with_address`), kept left
to right inside an Arabic sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

__all__ = ["failure_text", "readable_error", "with_address"]

#: LEFT-TO-RIGHT ISOLATE ... POP DIRECTIONAL ISOLATE: an address inside Arabic text.
_LRI, _PDI = "\u2066", "\u2069"

_HTTP_RE = re.compile(r"^HTTP (\d{3})\b")
_DAMAGED_RE = re.compile(r"^The feed is not well-formed .*; (\d+) articles? could still be read\.$")
_CUT_RE = re.compile(r"^The feed lists [\d,]+ items; only the first ([\d,]+) were kept\.$")


def _http(status: int) -> str:
    if status == 404:
        text = QCoreApplication.translate(
            "Errors", "The feed was not found on the server (HTTP %1)"
        )
    elif status == 410:
        text = QCoreApplication.translate("Errors", "The feed has been removed for good (HTTP %1)")
    elif status in (429, 503):
        text = QCoreApplication.translate(
            "Errors", "The server asks to wait before trying again (HTTP %1)"
        )
    elif status in (401, 403):
        text = QCoreApplication.translate("Errors", "The server refused access (HTTP %1)")
    elif 500 <= status < 600:
        text = QCoreApplication.translate("Errors", "The server had an error (HTTP %1)")
    else:
        text = QCoreApplication.translate("Errors", "The server answered with an error (HTTP %1)")
    return text.replace("%1", str(status))


#: (how the core's message starts, its wording), most specific first.
_PREFIXES: tuple[tuple[str, Callable[[], str]], ...] = (
    (
        "connection refused",
        lambda: QCoreApplication.translate("Errors", "The server refused the connection"),
    ),
    (
        "host not found",
        lambda: QCoreApplication.translate("Errors", "The server could not be found"),
    ),
    (
        "timed out",
        lambda: QCoreApplication.translate("Errors", "The server did not answer in time"),
    ),
    (
        "redirect loop",
        lambda: QCoreApplication.translate("Errors", "The address redirects in a loop"),
    ),
    (
        "response too large",
        lambda: QCoreApplication.translate("Errors", "The feed is larger than the size limit"),
    ),
    (
        "secure connection failed: certificate not trusted",
        lambda: QCoreApplication.translate(
            "Errors", "Secure connection failed: the certificate is not trusted"
        ),
    ),
    (
        "secure connection failed",
        lambda: QCoreApplication.translate("Errors", "Secure connection failed"),
    ),
    (
        "response larger than the size limit",
        lambda: QCoreApplication.translate("Errors", "The feed is larger than the size limit"),
    ),
    ("could not connect", lambda: QCoreApplication.translate("Errors", "The connection failed")),
    ("connection lost", lambda: QCoreApplication.translate("Errors", "The connection was lost")),
    (
        "the server broke the http protocol",
        lambda: QCoreApplication.translate("Errors", "The server sent a broken answer"),
    ),
    (
        "this address is a web page",
        lambda: QCoreApplication.translate("Errors", "This address is a web page, not a feed"),
    ),
    (
        "the server sent an empty document",
        lambda: QCoreApplication.translate("Errors", "The server sent an empty document"),
    ),
    (
        "this document is not an rss or atom feed",
        lambda: QCoreApplication.translate("Errors", "This document is not a feed"),
    ),
    ("invalid url", lambda: QCoreApplication.translate("Errors", "The address is not valid")),
    (
        "unsupported url scheme",
        lambda: QCoreApplication.translate(
            "Errors", "Only web addresses (http and https) can be fetched"
        ),
    ),
    (
        "not an absolute http(s) url",
        lambda: QCoreApplication.translate("Errors", "The address is not valid"),
    ),
    (
        "invalid redirect target",
        lambda: QCoreApplication.translate("Errors", "The server redirects to an invalid address"),
    ),
    (
        "corrupt compressed response",
        lambda: QCoreApplication.translate("Errors", "The server sent a damaged answer"),
    ),
    (
        "unsupported content encoding",
        lambda: QCoreApplication.translate(
            "Errors", "The server sent an answer in a form Newsreader cannot read"
        ),
    ),
    ("the proxy failed", lambda: QCoreApplication.translate("Errors", "The proxy failed")),
    (
        "invalid proxy address",
        lambda: QCoreApplication.translate("Errors", "The proxy settings are not valid"),
    ),
    (
        "unsupported proxy scheme",
        lambda: QCoreApplication.translate("Errors", "The proxy settings are not valid"),
    ),
    (
        "a socks proxy needs",
        lambda: QCoreApplication.translate("Errors", "The proxy settings are not valid"),
    ),
    (
        "no feed found at",
        lambda: QCoreApplication.translate("Errors", "No feed was found at this address"),
    ),
    # the store step (newsreader.update.store)
    (
        "removed",
        lambda: QCoreApplication.translate(
            "Errors", "The feed was removed while it was being updated"
        ),
    ),
    # the parse workers (newsreader.update.parse_pool)
    (
        "parsing took longer than",
        lambda: QCoreApplication.translate(
            "Errors", "Reading the feed took too long; it was skipped"
        ),
    ),
    (
        "the feed parser stopped unexpectedly",
        lambda: QCoreApplication.translate(
            "Errors", "The feed parser stopped while reading this feed"
        ),
    ),
    (
        "the feed needs more memory to parse",
        lambda: QCoreApplication.translate(
            "Errors", "The feed needs more memory than a feed may use; it was skipped"
        ),
    ),
    (
        "the feed parser could not start",
        lambda: QCoreApplication.translate("Errors", "The feed parser could not start"),
    ),
    (
        "the refresh was stopped before this feed was parsed",
        lambda: QCoreApplication.translate(
            "Errors", "The update was stopped before this feed was read"
        ),
    ),
    # the profile's database (StorageError)
    (
        "database error: the disk is full",
        lambda: QCoreApplication.translate("Errors", "The disk is full: the change was not saved"),
    ),
    (
        "database error: the file is damaged",
        lambda: QCoreApplication.translate(
            "Errors", "The database is damaged: restart Newsreader to repair it"
        ),
    ),
    (
        "database error: the database is busy",
        lambda: QCoreApplication.translate("Errors", "The database is busy: try again in a moment"),
    ),
)


def with_address(text: str, address: str | None) -> str:
    """*text* followed by the *address* it is about (a feed's URL, a file), if there is one."""
    if not address or address in text:
        return text
    return (
        QCoreApplication.translate("Errors", "%1 (%2)", "a failure, then the address it is about")
        .replace("%2", _LRI + address + _PDI)
        .replace("%1", text)
    )


def readable_error(message: str, address: str | None = None) -> str:
    """The core's failure *message* worded for the user, or *message* itself if unknown.

    With *address*, the wording names the URL or file the failure is about.
    """
    return with_address(_worded(message), address)


def _worded(message: str) -> str:
    text = message.strip()
    http = _HTTP_RE.match(text)
    if http:
        return _http(int(http.group(1)))
    damaged = _DAMAGED_RE.match(text)
    if damaged:
        return QCoreApplication.translate(
            "Errors",
            "The feed is damaged; %n article(s) could still be read",
            "",
            int(damaged.group(1)),
        )
    cut = _CUT_RE.match(text)
    if cut:
        return QCoreApplication.translate(
            "Errors", "The feed lists too many items; only the first %1 were kept"
        ).replace("%1", cut.group(1))
    lowered = text.lower()
    for prefix, wording in _PREFIXES:
        if lowered.startswith(prefix):
            return wording()
    return text


def failure_text(error: str, *, folder: bool = False, address: str | None = None) -> str:
    """What a view says about its failed update.

    A feed's is its own reason (naming the feed's *address* when given); a folder's
    (one line per failed feed) says how many of its feeds failed, since each feed's
    node tells its own reason.
    """
    if folder:
        failed = len([line for line in error.splitlines() if line.strip()])
        return QCoreApplication.translate(
            "Errors", "%n feed(s) in this folder could not be updated", "", failed
        )
    return readable_error(error, address)
