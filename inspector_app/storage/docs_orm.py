"""Tables of the on-site document set: 询问笔录 (inquiries) and 送达回证 (service receipts).

Each row is the structured content of one signed document (a DocumentRow of kind "inquiry" / "service"), written
in the same transaction as the document row. Personal data (the person questioned, ID numbers) lives here and in
the signed PDF only, never in journal payloads; the database is encrypted at rest with the rest of the workspace.
The rows sync too (syncproto entities "inquiry" and "service_receipt"), but only their columns free of personal
data: `person_name` and `content` stay on the laptop that made them (another laptop reads the person's name from
the signed PDF, which it fetches with the document); a receipt's 留置送达 photo travels as a blob."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Boolean, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from inspector_app.storage.orm import Base
from inspector_app.storage.types import JSONText, UTCDateTime, utcnow


class InquiryRow(Base):
    __tablename__ = "inquiries"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspections.id"), index=True)
    document_id: Mapped[str] = mapped_column(String(36))
    number: Mapped[str] = mapped_column(String(60))
    role: Mapped[str] = mapped_column(String(10))                 # party | witness
    person_name: Mapped[str] = mapped_column(String(100))
    content: Mapped[Any] = mapped_column(JSONText)                # the canonical snapshot (record.json)
    refused: Mapped[bool] = mapped_column(Boolean, default=False)
    started_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class ServiceReceiptRow(Base):
    __tablename__ = "service_receipts"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspections.id"), index=True)
    document_id: Mapped[str] = mapped_column(String(36))          # the 送达回证 itself
    served_document_id: Mapped[str] = mapped_column(String(36), index=True)  # the document it proves served
    number: Mapped[str] = mapped_column(String(60))
    method: Mapped[str] = mapped_column(String(10))
    served_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    receiver_signed: Mapped[bool] = mapped_column(Boolean, default=False)
    content: Mapped[Any] = mapped_column(JSONText)
    note: Mapped[str] = mapped_column(Text, default="")
    photo_sha256: Mapped[str | None] = mapped_column(String(64), default=None)  # 留置送达: the photo (0010)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
