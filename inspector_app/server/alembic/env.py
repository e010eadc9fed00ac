"""Alembic environment of the sync server (separate from the client's migrations)."""

from __future__ import annotations

from alembic import context

from inspector_app.server.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - migrations always run through inspector_app.server.db.migrate
    raise RuntimeError("run server migrations through inspector_app.server.db.migrate")

context.configure(connection=connection, target_metadata=Base.metadata,
                  render_as_batch=connection.dialect.name == "sqlite", version_table="server_alembic_version")
with context.begin_transaction():
    context.run_migrations()
