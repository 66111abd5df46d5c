"""Alembic environment: always given a live connection by ``passerelle.store.schema``."""

from __future__ import annotations

from alembic import context

from passerelle.store.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reached through the alembic command line
    raise RuntimeError("run migrations through passerelle.store.schema (passerelle db upgrade)")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
