"""Alembic environment: migrations always run on a connection Newsreader hands in."""

from __future__ import annotations

from alembic import context

from newsreader.storage.models import Base
from newsreader.storage.search_fts5 import outside_models

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only for developers running `alembic` by hand
    raise SystemExit("run migrations through newsreader.storage.database.Database")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
    include_name=outside_models,  # the search index is made by hand, not from a model
)
with context.begin_transaction():
    context.run_migrations()
