"""Alembic environment used from application code (storage.migrate) with a live connection."""

from __future__ import annotations

from alembic import context

from inspector_app.storage.orm import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only used via storage.migrate
    raise RuntimeError("run migrations through inspector_app.storage.migrate")

context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
