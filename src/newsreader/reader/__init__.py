"""The core's one public door: :class:`Reader`, used by the command line, the window and tests.

Everything that crosses it is a frozen record from :mod:`newsreader.core`; the
database, the transport and the parse workers stay behind it.
"""

from newsreader.reader.facade import Reader, normalize_feed_url

__all__ = ["Reader", "normalize_feed_url"]
