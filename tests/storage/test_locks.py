"""Database-wide transaction locks: a second holder waits until the first transaction
ends, on SQLite and on PostgreSQL."""

from __future__ import annotations

import threading

import pytest

from newsreader.storage import locks
from newsreader.storage.database import Database
from newsreader.storage.locks import TransactionLock
from tests.helpers import storage

#: The shared fixture, visible to the tests below.
db = storage.db


@pytest.mark.parametrize("lock", list(TransactionLock))
def test_a_second_holder_waits_for_the_first_transaction_to_end(
    db: Database, lock: TransactionLock
) -> None:
    holding = threading.Event()
    second_holds = threading.Event()
    order: list[str] = []

    def first() -> None:
        with db.session() as session:
            locks.hold(session, lock)
            holding.set()
            # the second waits while this transaction is open (a bound, not a pace)
            second_holds.wait(0.5)
            order.append("first ends")

    def second() -> None:
        holding.wait(10)
        with db.session() as session:
            locks.hold(session, lock)
            order.append("second holds")
            second_holds.set()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert order == ["first ends", "second holds"]


def test_the_lock_ends_with_a_rolled_back_transaction_too(db: Database) -> None:
    with pytest.raises(RuntimeError), db.session() as session:
        locks.hold(session, TransactionLock.STORE_NEWS)
        raise RuntimeError("the transaction fails")
    done = threading.Event()

    def other() -> None:
        with db.session() as session:
            locks.hold(session, TransactionLock.STORE_NEWS)
        done.set()

    thread = threading.Thread(target=other)
    thread.start()
    thread.join(30)
    assert done.is_set()
