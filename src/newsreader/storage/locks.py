"""Database-wide locks held for one transaction, for work that two processes on one
database must not do at the same time: storing the news, grouping it into stories.

Several refreshes may run at once on one database (``newsreader fetcher`` more than
once, beside the window's refreshes).  Their feeds never overlap (leases,
:func:`newsreader.storage.feeds.claim_jobs`), but what their feeds share does: two
feeds naming one new category, one new topic count, the same new articles to group.
Stored one transaction at a time, as SQLite does anyway, each sees what the other
wrote.  PostgreSQL: a transaction-level advisory lock per kind of work.  SQLite: its
one write lock, taken by a write that changes nothing before anything is read (so
the transaction's reads come after the other writer's commit).  The lock ends with
the transaction.
"""

from __future__ import annotations

import enum

from sqlalchemy import false, func, select, update
from sqlalchemy.orm import Session

from newsreader.storage.models import FeedRow


class TransactionLock(enum.IntEnum):
    """What the lock is for, and its advisory-lock key on PostgreSQL."""

    STORE_NEWS = 0x6E657773  # "news"
    GROUP_STORIES = 0x73746F72  # "stor"


def hold(session: Session, lock: TransactionLock) -> None:
    """Wait for *lock*, and hold it until *session*'s transaction ends."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(select(func.pg_advisory_xact_lock(lock.value)))
    else:
        session.execute(update(FeedRow).where(false()).values(id=FeedRow.id))
