"""Client-side sync tables (sync.md §4), on the same metadata as every other client table.

The last server state of each record lives in `sync_records` rather than in `server_data` columns on every
domain table: one place to rebase from (visible = server_data + pending outbox ops), and domain tables keep
the shape their services and older schema fixtures expect.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Boolean, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from inspector_app.storage.orm import Base
from inspector_app.storage.types import JSONText, UTCDateTime, utcnow


class SyncRecordRow(Base):
    """The server's last known state of one record, as pulled (never edited locally)."""

    __tablename__ = "sync_records"
    __table_args__ = (Index("ix_sync_records_parent", "parent_id"),
                      Index("ix_sync_records_unmaterialized", "materialized"))
    entity: Mapped[str] = mapped_column(String(40), primary_key=True)
    entity_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    server_version: Mapped[int | None] = mapped_column(Integer)     # cleared when the server epoch changes
    server_data: Mapped[Any] = mapped_column(JSONText, nullable=True, default=None)
    server_state: Mapped[str | None] = mapped_column(String(12))
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    has_open_conflict: Mapped[bool] = mapped_column(Boolean, default=False)
    team_id: Mapped[str | None] = mapped_column(String(64))
    parent_id: Mapped[str | None] = mapped_column(String(200))
    content_hash: Mapped[str | None] = mapped_column(String(64))
    seq: Mapped[int | None] = mapped_column(Integer)
    materialized: Mapped[bool] = mapped_column(Boolean, default=False)
    materialize_error: Mapped[str | None] = mapped_column(Text)


class ConflictLocalRow(Base):
    """Mirror of the server's conflict rows that this user may see (for the conflicts view)."""

    __tablename__ = "conflicts_local"
    __table_args__ = (Index("ix_conflicts_local_record", "entity", "entity_id"),
                      Index("ix_conflicts_local_status", "status"))
    conflict_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(200))
    field: Mapped[str | None] = mapped_column(String(80))
    kind: Mapped[str] = mapped_column(String(40))
    base_value: Mapped[Any] = mapped_column(JSONText, nullable=True, default=None)
    server_value: Mapped[Any] = mapped_column(JSONText, nullable=True, default=None)
    client_value: Mapped[Any] = mapped_column(JSONText, nullable=True, default=None)
    payload: Mapped[Any] = mapped_column(JSONText, nullable=True, default=None)
    reason: Mapped[str | None] = mapped_column(Text)
    mutation_id: Mapped[str | None] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(12), default="open")   # open | resolving | resolved
    resolution_mutation: Mapped[str | None] = mapped_column(String(64))
    seq: Mapped[int | None] = mapped_column(Integer)


class BlobLocalRow(Base):
    """Upload progress of each local evidence file; rows are kept after completion (I9)."""

    __tablename__ = "blob_local"
    __table_args__ = (Index("ix_blob_local_status", "upload_status"),)
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    rel_path: Mapped[str] = mapped_column(String(200))
    upload_status: Mapped[str] = mapped_column(String(12), default="pending")  # pending | uploading | complete
    upload_offset: Mapped[int] = mapped_column(Integer, default=0)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class SyncMetaRow(Base):
    """Small key/value settings of the sync client: account (token, password verifier), last sync, epochs seen."""

    __tablename__ = "sync_meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[Any] = mapped_column(JSONText, nullable=True, default=None)
