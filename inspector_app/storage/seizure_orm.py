"""Tables of the evidence-securing measures (封存 / 先行登记保存) and of the 音像记录 register.

A seizure row is the working state of one signed 封存决定书 / 先行登记保存通知书 (a DocumentRow of kind "seal" /
"preservation", written in the same transaction): its clock (started, due, extended once with a reason) and how it
ended (released / handled). It syncs as the entity "seizure" (syncproto/entities.py), so a lead's laptop sees the
clock; the item list itself is in the signed notice (the document's PDF and its embedded record.json). A recording
row registers one audio or video evidence file (who recorded, at which stage of the visit, its duration and
capture time).
Personal data stays in the encrypted workspace and the signed PDF, never in journal payloads."""

from __future__ import annotations

import datetime as dt
from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from inspector_app.storage.orm import Base
from inspector_app.storage.types import UTCDateTime, utcnow


class SeizureRow(Base):
    __tablename__ = "seizures"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspections.id"), index=True)
    document_id: Mapped[str] = mapped_column(String(36))
    number: Mapped[str] = mapped_column(String(60))
    measure: Mapped[str] = mapped_column(String(20))              # seal | preservation (domain/seizure.py)
    items: Mapped[int] = mapped_column(Integer)
    started_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    due_on: Mapped[dt.date] = mapped_column(Date)
    extended: Mapped[bool] = mapped_column(Boolean, default=False)
    extension_reason: Mapped[str] = mapped_column(Text, default="")
    extended_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)
    closed: Mapped[str] = mapped_column(String(20), default="")   # "" | released | handled
    closed_note: Mapped[str] = mapped_column(Text, default="")
    closed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class RecordingRow(Base):
    __tablename__ = "recordings"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspections.id"), index=True)
    evidence_id: Mapped[str] = mapped_column(String(36), index=True)
    media: Mapped[str] = mapped_column(String(10))                # audio | video
    recorded_by: Mapped[str] = mapped_column(String(36))          # officer id
    stage: Mapped[str] = mapped_column(String(20))                # domain/recording.py STAGES
    duration_ms: Mapped[int | None] = mapped_column(Integer, nullable=True)
    captured_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
