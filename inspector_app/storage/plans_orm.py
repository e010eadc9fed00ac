"""Tables of inspection plans, their items, the 双随机 draws made for them and the officers' declared conflicts."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from inspector_app.storage.orm import Base, Timestamps
from inspector_app.storage.types import JSONText, UTCDateTime, utcnow


class PlanRow(Timestamps, Base):
    """An annual plan or a campaign. `source` is the parsed plan as imported (canonical JSON), `source_hash` the
    SHA-256 of the file it came from."""

    __tablename__ = "plans"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    key: Mapped[str] = mapped_column(String(40), unique=True)
    kind: Mapped[str] = mapped_column(String(12))
    title: Mapped[str] = mapped_column(String(200))
    year: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(12), index=True)
    issuer: Mapped[str] = mapped_column(String(200), default="")
    document_no: Mapped[str] = mapped_column(String(100), default="")
    window_start: Mapped[dt.date] = mapped_column(Date)
    window_end: Mapped[dt.date] = mapped_column(Date)
    filing_due: Mapped[dt.date | None] = mapped_column(Date)
    summary_due: Mapped[dt.date | None] = mapped_column(Date)
    phases: Mapped[Any] = mapped_column(JSONText, default=list)  # [{name, start, end}]
    source_hash: Mapped[str] = mapped_column(String(64), default="")
    server_version: Mapped[int | None] = mapped_column(Integer)


class PlanItemRow(Timestamps, Base):
    __tablename__ = "plan_items"
    __table_args__ = (UniqueConstraint("plan_id", "key"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    plan_id: Mapped[str] = mapped_column(ForeignKey("plans.id"), index=True)
    key: Mapped[str] = mapped_column(String(40))
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(200))
    content: Mapped[str] = mapped_column(Text, default="")
    requirements: Mapped[str] = mapped_column(Text, default="")
    scope: Mapped[Any] = mapped_column(JSONText, default=dict)  # {categories, levels, regions, ownership}
    target_kind: Mapped[str] = mapped_column(String(8), default="none")
    target_value: Mapped[str] = mapped_column(String(12), default="0")  # per cent (decimal text) or a count
    frequency: Mapped[int] = mapped_column(Integer, default=0)
    window_start: Mapped[dt.date] = mapped_column(Date)
    window_end: Mapped[dt.date] = mapped_column(Date)
    division: Mapped[str] = mapped_column(String(200), default="")
    templates: Mapped[Any] = mapped_column(JSONText, default=list)
    inspection_type: Mapped[str] = mapped_column(String(20))
    server_version: Mapped[int | None] = mapped_column(Integer)


class PlanItemInspectionRow(Base):
    """Which inspections are carried out under which plan item (drawn, or assigned by hand)."""

    __tablename__ = "plan_item_inspections"
    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspections.id"), primary_key=True)
    plan_item_id: Mapped[str] = mapped_column(ForeignKey("plan_items.id"), index=True)
    draw_id: Mapped[str | None] = mapped_column(String(36), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class DrawRow(Base):
    """One 双随机 draw. Never deleted: an abandoned draw stays, with its reason, beside the one accepted.

    status: seeded (seed fixed, pool not yet shown) → drawn → accepted | abandoned."""

    __tablename__ = "draws"
    __table_args__ = (UniqueConstraint("plan_item_id", "round_no", "attempt"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    plan_item_id: Mapped[str] = mapped_column(ForeignKey("plan_items.id"), index=True)
    round_no: Mapped[int] = mapped_column(Integer)
    attempt: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(10))
    seed: Mapped[str] = mapped_column(String(64))
    algorithm: Mapped[str] = mapped_column(String(20))
    planned_on: Mapped[dt.date] = mapped_column(Date)
    cross_check: Mapped[bool] = mapped_column(Boolean, default=False)
    rules: Mapped[Any] = mapped_column(JSONText, default=dict)
    pool: Mapped[Any] = mapped_column(JSONText, nullable=True, default=None)       # snapshot, once drawn
    pool_hash: Mapped[str | None] = mapped_column(String(64))
    result: Mapped[Any] = mapped_column(JSONText, nullable=True, default=None)
    reason: Mapped[str] = mapped_column(Text, default="")       # why it was abandoned
    record_sha256: Mapped[str | None] = mapped_column(String(64))  # the signed 随机抽查记录 in the blob store
    created_by: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    drawn_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    decided_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    server_version: Mapped[int | None] = mapped_column(Integer)


class OfficerConflictRow(Timestamps, Base):
    """A 回避 conflict an officer declared with an institution (relative employed there, former employer …)."""

    __tablename__ = "officer_conflicts"
    __table_args__ = (UniqueConstraint("officer_id", "institution_id"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    officer_id: Mapped[str] = mapped_column(ForeignKey("officers.id"), index=True)
    institution_id: Mapped[str] = mapped_column(ForeignKey("institutions.id"), index=True)
    reason: Mapped[str] = mapped_column(Text, default="")
    server_version: Mapped[int | None] = mapped_column(Integer)
