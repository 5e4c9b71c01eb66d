"""The test PostgreSQL server itself: other tests trust that each gets a database of its
own, and that the server leaves nothing behind."""

from __future__ import annotations

import subprocess

import psycopg

from newsreader.storage.database import HEAD_REVISION
from tests.helpers.postgres import HEAD_TEMPLATE, Cluster


def _connect(url: str) -> psycopg.Connection:
    return psycopg.connect(url.replace("postgresql+psycopg", "postgresql"), autocommit=True)


def test_each_database_is_new_and_removed_after(postgres_cluster: Cluster) -> None:
    empty = postgres_cluster.create_database()
    head = postgres_cluster.create_database(template=HEAD_TEMPLATE)
    assert empty != head
    with _connect(empty) as conn:
        assert conn.execute(
            "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
        ).fetchone() == (0,)
    with _connect(head) as conn:
        conn.execute("INSERT INTO feeds (url, added, pinned, status, error_count, interval)"
                     " VALUES ('http://127.0.0.1:9/a', now(), false, 'new', 0, 1800)")  # fmt: skip
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (
            HEAD_REVISION,
        )
    again = postgres_cluster.create_database(template=HEAD_TEMPLATE)
    with _connect(again) as conn:
        assert conn.execute("SELECT count(*) FROM feeds").fetchone() == (0,)
    for url in (empty, head, again):
        postgres_cluster.drop_database(url)
    with _connect(postgres_cluster.url()) as conn:
        names = {r[0] for r in conn.execute("SELECT datname FROM pg_database")}
    assert not {u.rsplit("/", 1)[1] for u in (empty, head, again)} & names


def test_a_cluster_listens_on_loopback_only_and_stops_leaving_no_process() -> None:
    cluster = Cluster()
    try:
        with _connect(cluster.url()) as conn:
            assert conn.execute("SHOW listen_addresses").fetchone() == ("127.0.0.1",)
            assert conn.execute("SHOW fsync").fetchone() == ("off",)
    finally:
        cluster.stop()
    running = subprocess.run(
        ["pgrep", "-f", str(cluster.data)], capture_output=True, text=True
    ).stdout.split()
    assert running == []
    assert not cluster.folder.exists()
