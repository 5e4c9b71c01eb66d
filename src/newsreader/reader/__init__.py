"""The core's one public door: :class:`Reader`, used by the command line, the window and tests.

Everything that crosses it is a frozen record from :mod:`newsreader.core`; the
database, the transport and the parse workers stay behind it.  Repairing a
profile whose database is damaged happens before any Reader can open it, so it is
offered here beside the Reader (:func:`repair_profile`).
"""

from newsreader.reader.facade import Reader, normalize_feed_url
from newsreader.userdata.repair import (
    RepairReport,
    damage_suspected,
    database_lost,
    repair_profile,
)

__all__ = [
    "Reader",
    "RepairReport",
    "damage_suspected",
    "database_lost",
    "normalize_feed_url",
    "repair_profile",
]
