"""Typed SQLAlchemy mappings. Class names end in Row; rows never leave the storage and services layers."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, MetaData, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from inspector_app.storage.types import JSONText, Money, UTCDateTime, utcnow

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Timestamps:
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, default=None)


class SyncStateRow(Base):
    """Exactly one row: this installation's identity and sync counters (sync.md §4)."""

    __tablename__ = "sync_state"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[str] = mapped_column(String(36))
    device_name: Mapped[str] = mapped_column(String(200))
    server_epoch: Mapped[str | None] = mapped_column(String(64))
    pull_cursor: Mapped[int] = mapped_column(Integer, default=0)
    next_client_seq: Mapped[int] = mapped_column(Integer, default=1)
    scope_hash: Mapped[str | None] = mapped_column(String(64))
    hlc: Mapped[str | None] = mapped_column(String(80))


class InstitutionRow(Timestamps, Base):
    __tablename__ = "institutions"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(20))
    level: Mapped[str] = mapped_column(String(10))
    ownership: Mapped[str] = mapped_column(String(10))
    credit_code: Mapped[str] = mapped_column(String(18), unique=True)
    designation_code: Mapped[str] = mapped_column(String(32), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    legal_representative: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    region: Mapped[str] = mapped_column(String(100), default="")
    credit_rating: Mapped[str | None] = mapped_column(String(4))
    complaint_count: Mapped[int] = mapped_column(Integer, default=0)
    server_version: Mapped[int | None] = mapped_column(Integer)


class OfficerRow(Timestamps, Base):
    __tablename__ = "officers"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    department: Mapped[str] = mapped_column(String(200), default="")
    certificate_no: Mapped[str] = mapped_column(String(40), unique=True)
    certificate_expiry: Mapped[dt.date] = mapped_column(Date)
    role: Mapped[str] = mapped_column(String(20), default="inspector")
    region: Mapped[str] = mapped_column(String(100), default="")  # 交叉检查: officers of the visited region excluded
    server_version: Mapped[int | None] = mapped_column(Integer)


class TemplateVersionRow(Base):
    """Snapshot of a checklist template as pinned by inspections (immutable, keyed by content hash)."""

    __tablename__ = "template_versions"
    content_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    template_id: Mapped[str] = mapped_column(String(80), index=True)
    version: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(200))
    source: Mapped[Any] = mapped_column(JSONText)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class InspectionRow(Timestamps, Base):
    __tablename__ = "inspections"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    institution_id: Mapped[str] = mapped_column(ForeignKey("institutions.id"), index=True)
    inspection_type: Mapped[str] = mapped_column(String(20))
    mode: Mapped[str] = mapped_column(String(20))
    place: Mapped[str] = mapped_column(String(300), default="")
    planned_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    started_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    ended_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    period_from: Mapped[dt.date | None] = mapped_column(Date)
    period_to: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(24), index=True)
    content_hash: Mapped[str | None] = mapped_column(String(64))  # set when the record is first signed: frozen
    record_number: Mapped[str | None] = mapped_column(String(60))  # 现场检查笔录 编号, assigned once, never reused
    created_by: Mapped[str] = mapped_column(String(100), default="")
    server_version: Mapped[int | None] = mapped_column(Integer)


class InspectionTemplateRow(Base):
    __tablename__ = "inspection_templates"
    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspections.id"), primary_key=True)
    template_hash: Mapped[str] = mapped_column(ForeignKey("template_versions.content_hash"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class TeamMemberRow(Timestamps, Base):
    __tablename__ = "team_members"
    __table_args__ = (UniqueConstraint("inspection_id", "officer_id"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspections.id"), index=True)
    officer_id: Mapped[str] = mapped_column(ForeignKey("officers.id"))
    role: Mapped[str] = mapped_column(String(20), default="member")  # leader | member | recorder
    credentials_shown_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    recusal_declared_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    has_conflict: Mapped[bool | None] = mapped_column(Boolean)
    conflict_note: Mapped[str] = mapped_column(Text, default="")
    server_version: Mapped[int | None] = mapped_column(Integer)


class AnswerRow(Base):
    """One row per checklist item of an inspection (sync granularity: sync.md §2)."""

    __tablename__ = "answers"
    __table_args__ = (UniqueConstraint("inspection_id", "template_hash", "item_id"),
                      Index("ix_answers_inspection_state", "inspection_id", "state"))
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspections.id"), index=True)
    template_hash: Mapped[str] = mapped_column(ForeignKey("template_versions.content_hash"))
    item_id: Mapped[str] = mapped_column(String(40))
    position: Mapped[int] = mapped_column(Integer, default=0)
    value: Mapped[Any] = mapped_column(JSONText, nullable=True, default=None)
    verdict: Mapped[str | None] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="")
    state: Mapped[str] = mapped_column(String(20), default="unanswered")
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    server_version: Mapped[int | None] = mapped_column(Integer)


class FindingRow(Timestamps, Base):
    __tablename__ = "findings"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspections.id"), index=True)
    answer_id: Mapped[str | None] = mapped_column(ForeignKey("answers.id"))
    item_id: Mapped[str | None] = mapped_column(String(40))
    description: Mapped[str] = mapped_column(Text)
    severity: Mapped[str] = mapped_column(String(10))
    amount_involved: Mapped[Decimal] = mapped_column(Money, default=Decimal("0.00"))
    amount_to_recover: Mapped[Decimal] = mapped_column(Money, default=Decimal("0.00"))
    legal_basis: Mapped[str] = mapped_column(Text, default="")
    penalty_article: Mapped[str] = mapped_column(Text, default="")
    server_version: Mapped[int | None] = mapped_column(Integer)


class EvidenceRow(Timestamps, Base):
    __tablename__ = "evidence"
    __table_args__ = (UniqueConstraint("inspection_id", "sha256"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspections.id"), index=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    measure: Mapped[str] = mapped_column(String(10))
    caption: Mapped[str] = mapped_column(Text, default="")
    captured_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    source_name: Mapped[str] = mapped_column(String(300), default="")
    mime: Mapped[str] = mapped_column(String(80), default="")
    size: Mapped[int] = mapped_column(Integer)
    meta: Mapped[Any] = mapped_column(JSONText, nullable=True, default=None)  # EXIF orientation, GPS, pixel size
    # Set for evidence taken at a re-inspection (复查): it belongs to that re-inspection record, not to the
    # signed inspection record, which stays as signed.
    reinspection_id: Mapped[str | None] = mapped_column(String(36), index=True, default=None)
    # Set for the original photo of a seized item (封存 / 先行登记保存): evidence of that measure, whose signed
    # notice prints its SHA-256; not part of the inspection record's signed content either.
    seizure_id: Mapped[str | None] = mapped_column(String(36), index=True, default=None)
    server_version: Mapped[int | None] = mapped_column(Integer)
    # The 证据清单 columns (行政处罚法 第四十六条; migration 0010_evidence): the statutory type (domain.evidence.
    # EvidenceType value, defaulted from kind and measure), who really handed the item over (not the file name),
    # and the page count of a copy.
    evidence_type: Mapped[str] = mapped_column(String(20), default="")
    provider: Mapped[str] = mapped_column(String(100), default="")
    page_count: Mapped[int | None] = mapped_column(Integer, default=None)


class EvidenceConfirmationRow(Timestamps, Base):
    """The party's confirmation "与原件核对一致", given once for the record's whole 证据清单, or its refusal.
    `list_digest` pins the list it was given for: a list changed afterwards needs confirming again."""

    __tablename__ = "evidence_confirmations"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspections.id"), unique=True)
    refused: Mapped[bool] = mapped_column(Boolean, default=False)
    signer_name: Mapped[str] = mapped_column(String(100), default="")
    refusal_reason: Mapped[str] = mapped_column(Text, default="")
    list_digest: Mapped[str] = mapped_column(String(64), default="")
    confirmed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    server_version: Mapped[int | None] = mapped_column(Integer)


class EvidenceLinkRow(Timestamps, Base):
    __tablename__ = "evidence_links"
    __table_args__ = (UniqueConstraint("evidence_id", "target_type", "target_id"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    evidence_id: Mapped[str] = mapped_column(ForeignKey("evidence.id"), index=True)
    target_type: Mapped[str] = mapped_column(String(10))  # answer | finding
    target_id: Mapped[str] = mapped_column(String(36), index=True)


class JournalEventRow(Base):
    """Append-only, hash-chained whole-process record (全过程记录). Never updated or deleted."""

    __tablename__ = "journal_events"
    __table_args__ = (UniqueConstraint("chain_id", "seq"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    chain_id: Mapped[str] = mapped_column(String(36), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    at: Mapped[str] = mapped_column(String(40))
    actor: Mapped[str] = mapped_column(String(100))
    device: Mapped[str] = mapped_column(String(200))
    event_type: Mapped[str] = mapped_column(String(60))
    payload: Mapped[Any] = mapped_column(JSONText)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class OutboxRow(Base):
    """Transactional outbox (sync.md §4). Acknowledged rows are kept (invariant I9)."""

    __tablename__ = "outbox"
    __table_args__ = (Index("outbox_pending", "status", "client_seq"),
                      Index("ix_outbox_entity", "entity", "entity_id"))
    client_seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    mutation_id: Mapped[str] = mapped_column(String(36), unique=True)
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(36))
    op: Mapped[str] = mapped_column(String(20))
    base_version: Mapped[int | None] = mapped_column(Integer)
    payload: Mapped[Any] = mapped_column(JSONText)
    hlc: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    status: Mapped[str] = mapped_column(String(12), default="pending")
    outcome: Mapped[Any] = mapped_column(JSONText, nullable=True, default=None)
    server_version: Mapped[int | None] = mapped_column(Integer)
    acked_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


class DocumentCounterRow(Base):
    """Gap-free 文号 counters per document type and year."""

    __tablename__ = "document_counters"
    doc_type: Mapped[str] = mapped_column(String(40), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_number: Mapped[int] = mapped_column(Integer, default=0)


# The sync client's tables live in their own module but on this metadata (migrations compare against it).
from inspector_app.storage import sync_orm as _sync_orm  # noqa: E402,F401
from inspector_app.storage import records_orm as _records_orm  # noqa: E402,F401
from inspector_app.storage import review_orm as _review_orm  # noqa: E402,F401
from inspector_app.storage import docs_orm as _docs_orm  # noqa: E402,F401
from inspector_app.storage import plans_orm as _plans_orm  # noqa: E402,F401
from inspector_app.storage import leads_orm as _leads_orm  # noqa: E402,F401
from inspector_app.storage import campaign_orm as _campaign_orm  # noqa: E402,F401
from inspector_app.storage import seizure_orm as _seizure_orm  # noqa: E402,F401
