"""feed leases

Two columns on ``feeds`` for the lease a refresh or a fetcher takes on the feeds it
is fetching (``lease_owner``, ``lease_until``), so that no feed is fetched by two
processes at once.  Every existing feed starts without a lease; nothing else
changes.

Revision ID: 0011_feed_leases
Revises: 0010_user_state
Create Date: 2026-12-07 11:45:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011_feed_leases"
down_revision = "0010_user_state"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("feeds") as batch:
        batch.add_column(sa.Column("lease_owner", sa.String(length=100), nullable=True))
        batch.add_column(sa.Column("lease_until", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("feeds") as batch:
        batch.drop_column("lease_until")
        batch.drop_column("lease_owner")
