"""The server's own tables (sync.md §5). SQLite and PostgreSQL run the same code and the same migrations."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, BigInteger, Boolean, DateTime, ForeignKey, Index, Integer, MetaData, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {dict[str, Any]: JSON, Any: JSON}


TS = DateTime(timezone=True)


class ServerMeta(Base):
    __tablename__ = "server_meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class SyncCounter(Base):
    """A single row. Each writer numbers its changes from it as the last step before its commit (feed.flush_feed):
    the row lock, held only from there to the commit, makes seq order equal commit order."""

    __tablename__ = "sync_counter"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(BigInteger)


class User(Base):
    __tablename__ = "users"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    role: Mapped[str] = mapped_column(String(20))          # inspector | team_lead | admin
    password_hash: Mapped[str] = mapped_column(String(200))
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(TS, default=utcnow)
    # The account's officer in the roster (officer register id): a draft made by a 双随机 draw is served to the
    # accounts of its drawn officers (server/confidential.py). NULL: an account that is no roster officer.
    officer_id: Mapped[str | None] = mapped_column(String(36), index=True)


class UserTeam(Base):
    __tablename__ = "user_teams"
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), primary_key=True)
    team_id: Mapped[str] = mapped_column(String(64), primary_key=True)


class Token(Base):
    """Bearer tokens, stored as SHA-256 so a database leak does not leak sessions; any process can check them."""

    __tablename__ = "tokens"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(TS, default=utcnow)
    expires_at: Mapped[dt.datetime] = mapped_column(TS)


class Client(Base):
    __tablename__ = "clients"
    client_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    last_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    app_version: Mapped[str] = mapped_column(String(40), default="")
    schema_version: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(TS, default=utcnow)
    last_seen_at: Mapped[dt.datetime] = mapped_column(TS, default=utcnow)


class Mutation(Base):
    __tablename__ = "mutations"
    client_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    client_seq: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    mutation_id: Mapped[str] = mapped_column(String(64), unique=True)
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(200))
    op: Mapped[str] = mapped_column(String(20))
    payload: Mapped[Any] = mapped_column(JSON)
    hlc: Mapped[str] = mapped_column(String(120), default="")
    outcome: Mapped[str] = mapped_column(String(12))
    reason: Mapped[str | None] = mapped_column(Text)
    result: Mapped[Any] = mapped_column(JSON)
    user_id: Mapped[str] = mapped_column(String(36))
    received_at: Mapped[dt.datetime] = mapped_column(TS, default=utcnow)


class Record(Base):
    __tablename__ = "records"
    entity: Mapped[str] = mapped_column(String(40), primary_key=True)
    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    version: Mapped[int] = mapped_column(BigInteger)
    data: Mapped[Any] = mapped_column(JSON)
    state: Mapped[str] = mapped_column(String(12), default="draft")       # draft | signed
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    team_id: Mapped[str | None] = mapped_column(String(64), index=True)    # NULL: reference data, everyone
    parent_id: Mapped[str | None] = mapped_column(String(200), index=True)
    content_hash: Mapped[str | None] = mapped_column(String(64))          # hash the signature covered
    has_open_conflict: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_hlc: Mapped[str] = mapped_column(String(120), default="")
    updated_by: Mapped[str] = mapped_column(String(100), default="")


class RecordVersion(Base):
    """Full history: every accepted change with the per-field [old, new] pairs that justified it (I4)."""

    __tablename__ = "record_versions"
    entity: Mapped[str] = mapped_column(String(40), primary_key=True)
    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    version: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    data: Mapped[Any] = mapped_column(JSON)
    mutation_id: Mapped[str | None] = mapped_column(String(64))
    client_id: Mapped[str | None] = mapped_column(String(64))
    op: Mapped[str] = mapped_column(String(20))
    changed_fields: Mapped[Any] = mapped_column(JSON)
    at: Mapped[dt.datetime] = mapped_column(TS, default=utcnow)


class Conflict(Base):
    __tablename__ = "conflicts"
    __table_args__ = (Index("ix_conflicts_record", "entity", "id"),)
    conflict_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    entity: Mapped[str] = mapped_column(String(40))
    id: Mapped[str] = mapped_column(String(200))
    field: Mapped[str | None] = mapped_column(String(80))
    kind: Mapped[str] = mapped_column(String(40))
    base_value: Mapped[Any] = mapped_column(JSON)
    server_value: Mapped[Any] = mapped_column(JSON)
    client_value: Mapped[Any] = mapped_column(JSON)
    op: Mapped[str | None] = mapped_column(String(20))
    payload: Mapped[Any] = mapped_column(JSON)              # the whole mutation payload, kept verbatim
    reason: Mapped[str | None] = mapped_column(Text)
    mutation_id: Mapped[str | None] = mapped_column(String(64), index=True)
    client_id: Mapped[str | None] = mapped_column(String(64))
    team_id: Mapped[str | None] = mapped_column(String(64))
    parent_id: Mapped[str | None] = mapped_column(String(200), index=True)   # missing_parent backlog key
    status: Mapped[str] = mapped_column(String(12), default="open")         # open | resolved
    resolved_by_mutation: Mapped[str | None] = mapped_column(String(64))
    created_seq: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[dt.datetime] = mapped_column(TS, default=utcnow)


class RestrictedInspection(Base):
    """A draft inspection made by a 双随机 draw. Until the visit starts (`released_at`), it and every record under it
    are served only to the account that drew it and the accounts of its team's officers (seed 003 §七.3)."""

    __tablename__ = "restricted_inspections"
    inspection_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    draw_id: Mapped[str] = mapped_column(String(200))
    drawn_by: Mapped[str] = mapped_column(String(36))          # users.id of the lead who drew and accepted
    created_at: Mapped[dt.datetime] = mapped_column(TS, default=utcnow)
    released_at: Mapped[dt.datetime | None] = mapped_column(TS)


class Change(Base):
    """The pull feed: one row per change, state-based (the item served is the record's latest state)."""

    __tablename__ = "changes"
    # A pull reads `team_id IN (its teams) OR team_id IS NULL` in seq order (sync_service.pull).
    __table_args__ = (Index("ix_changes_team_seq", "team_id", "seq"),)
    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    entity: Mapped[str] = mapped_column(String(40))
    id: Mapped[str] = mapped_column(String(200))
    version: Mapped[int] = mapped_column(BigInteger)
    team_id: Mapped[str | None] = mapped_column(String(64))


class Blob(Base):
    __tablename__ = "blobs"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    storage_key: Mapped[str] = mapped_column(String(300))
    created_at: Mapped[dt.datetime] = mapped_column(TS, default=utcnow)


class Upload(Base):
    """An incomplete upload. Its offset is never stored: it is the staged file's length, read under the lock."""

    __tablename__ = "uploads"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    staging_key: Mapped[str] = mapped_column(String(300))
    created_by: Mapped[str] = mapped_column(String(36))
    created_at: Mapped[dt.datetime] = mapped_column(TS, default=utcnow)
    expires_at: Mapped[dt.datetime] = mapped_column(TS)


class BlobRef(Base):
    """A record's reference to a blob. `created_by` is the account whose push made the reference; NULL for
    references made by the server itself or before s0002 (trusted). See server/blob_access.py."""

    __tablename__ = "blob_refs"
    entity: Mapped[str] = mapped_column(String(40), primary_key=True)
    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True, index=True)
    created_by: Mapped[str | None] = mapped_column(String(36))


class BlobGrant(Base):
    """Proof of possession: this account uploaded the whole blob (or could already read it when it referenced
    it). Only such references open a blob to the referencing record's team."""

    __tablename__ = "blob_grants"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(36), primary_key=True, index=True)
    created_at: Mapped[dt.datetime] = mapped_column(TS, default=utcnow)


class LoginThrottle(Base):
    """Failed sign-ins per key ("user:NAME" or "addr:IP"), shared by every server process through the database."""

    __tablename__ = "login_throttle"
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    blocked_until: Mapped[dt.datetime | None] = mapped_column(TS)
    last_failure_at: Mapped[dt.datetime | None] = mapped_column(TS)
    locked_at: Mapped[dt.datetime | None] = mapped_column(TS)    # account keys only; an admin lifts it


class InstitutionTeam(Base):
    """Which inspection team an institution is assigned to (issue 16): intake data about the institution (its
    data leads, its self-inspection returns) belongs to that team and reaches only its members' laptops. Set by
    an administrator: `inspector server assign-institution ID --team TEAM`."""

    __tablename__ = "institution_teams"
    institution_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    team_id: Mapped[str] = mapped_column(String(64))
    assigned_at: Mapped[dt.datetime] = mapped_column(TS, default=utcnow)
