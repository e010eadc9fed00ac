"""Review by the team lead, the outcome, and rectification tracking."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from inspector_app.storage.orm import Base
from inspector_app.storage.types import JSONText, Money, UTCDateTime, utcnow


class ReviewEventRow(Base):
    """Append-only: comments (per finding or general), returns for correction, approvals."""

    __tablename__ = "review_events"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspections.id"), index=True)
    kind: Mapped[str] = mapped_column(String(12))  # comment | return | approve
    finding_id: Mapped[str | None] = mapped_column(String(36))
    text: Mapped[str] = mapped_column(Text, default="")
    content_hash: Mapped[str | None] = mapped_column(String(64))  # what was reviewed/approved
    author: Mapped[str] = mapped_column(String(100))
    author_officer_id: Mapped[str | None] = mapped_column(String(36))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    server_version: Mapped[int | None] = mapped_column(Integer)


class OutcomeRow(Base):
    __tablename__ = "outcomes"
    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspections.id"), primary_key=True)
    outcome: Mapped[str] = mapped_column(String(20))
    refund_amount: Mapped[Decimal] = mapped_column(Money, default=Decimal("0.00"))  # 退回: to the fund
    fine_amount: Mapped[Decimal] = mapped_column(Money, default=Decimal("0.00"))    # 罚款: to the treasury
    articles: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    decided_by: Mapped[str] = mapped_column(String(100))
    decided_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    server_version: Mapped[int | None] = mapped_column(Integer)


class RectificationRow(Base):
    __tablename__ = "rectifications"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspections.id"), index=True)
    notice_document_id: Mapped[str | None] = mapped_column(String(36))
    deadline: Mapped[dt.date] = mapped_column(Date)
    result: Mapped[str | None] = mapped_column(String(10))  # None while open
    reinspected_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    reinspection_note: Mapped[str] = mapped_column(Text, default="")
    reinspection_evidence: Mapped[str] = mapped_column(Text, default="")  # evidence ids, comma separated
    voluntary_refund: Mapped[Decimal] = mapped_column(Money, default=Decimal("0.00"))
    voluntary_refund_on: Mapped[dt.date | None] = mapped_column(Date)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    server_version: Mapped[int | None] = mapped_column(Integer)


class ReinspectionRow(Base):
    """A re-inspection (复查) of a rectification: its own officers, evidence and result, and once signed its own
    record (整改复查记录, a DocumentRow of kind "reinspection"). Frozen from its first signature (content_hash)."""

    __tablename__ = "reinspections"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    rectification_id: Mapped[str] = mapped_column(ForeignKey("rectifications.id"), index=True)
    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspections.id"), index=True)
    officer_ids: Mapped[Any] = mapped_column(JSONText, default=list)  # two or more, in signing order
    place: Mapped[str] = mapped_column(Text, default="")
    visited_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    result: Mapped[str | None] = mapped_column(String(10))
    note: Mapped[str] = mapped_column(Text, default="")  # 复查情况
    number: Mapped[str | None] = mapped_column(String(60))
    content_hash: Mapped[str | None] = mapped_column(String(64))
    document_id: Mapped[str | None] = mapped_column(String(36))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    server_version: Mapped[int | None] = mapped_column(Integer)
