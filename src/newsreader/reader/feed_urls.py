"""What a user typed or dropped as a feed's address, made into an http(s) URL."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from newsreader.core.errors import FetchError

__all__ = ["normalize_feed_url"]


#: Schemes that subscribe links on web pages use for a feed behind an http(s) URL:
#: ``feed://host/path`` (http), ``feed:https://host/path``, and the podcast apps' own.
_FEED_LINK_SCHEMES = ("feed:", "itpc:", "pcast:", "podcast:")


#: A scheme without "//" (``mailto:``, ``javascript:``), not a host and port.
_OTHER_SCHEME_RE = re.compile(r"[a-zA-Z][a-zA-Z0-9+.\-]*:(?!\d)")


def _without_feed_scheme(url: str) -> str:
    """``feed://host/x`` → ``http://host/x``; ``feed:https://host/x`` → ``https://host/x``."""
    lowered = url.lower()
    for scheme in _FEED_LINK_SCHEMES:
        if lowered.startswith(scheme):
            rest = url[len(scheme) :]
            inner = rest.lstrip("/")
            if inner.lower().startswith(("http://", "https://")):
                return inner  # feed:https://… and the odd feed://https://…
            return "http://" + inner if rest.startswith("//") else rest
    return url


def normalize_feed_url(url: str) -> str:
    """What the user typed → an absolute URL (``example.org/feed`` → ``https://…``).

    A ``feed:`` (or podcast) link copied from a web page's subscribe button becomes
    the http(s) URL it stands for.
    """
    url = _without_feed_scheme(url.strip())
    if not url:
        raise FetchError("empty URL")
    if "://" not in url:
        if _OTHER_SCHEME_RE.match(url):  # mailto:, javascript:… (not host:port)
            raise FetchError(f"not a web address: {url}", url=url)
        url = "https://" + url
    parts = urlsplit(url)
    try:
        parts.port  # noqa: B018 (a port that is no number raises here)
    except ValueError:
        raise FetchError(f"not a web address: {url}", url=url) from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(f"not a web address: {url}", url=url)
    return url
