"""Tables of the signed records: documents (笔录, 通知书, 补正) and the signatures captured for them."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from inspector_app.storage.orm import Base, Timestamps
from inspector_app.storage.types import JSONText, UTCDateTime, utcnow


class DocumentRow(Timestamps, Base):
    """A numbered document of an inspection; `pdf_sha256` is its latest signed revision in the blob store."""

    __tablename__ = "documents"
    __table_args__ = (UniqueConstraint("kind", "number"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspections.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # record | notice | addendum
    number: Mapped[str] = mapped_column(String(60))
    content_hash: Mapped[str] = mapped_column(String(64))
    pdf_sha256: Mapped[str] = mapped_column(String(64))
    signed_fields: Mapped[Any] = mapped_column(JSONText, default=list)  # field names signed so far, in order
    pending_fields: Mapped[Any] = mapped_column(JSONText, default=list)
    payload: Mapped[Any] = mapped_column(JSONText, nullable=True, default=None)  # notice / addendum specifics
    server_version: Mapped[int | None] = mapped_column(Integer)


class SignatureCaptureRow(Base):
    """A handwritten signature drawn on the pad: vector strokes and the PNG (in the blob store). Append-only."""

    __tablename__ = "signature_captures"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspections.id"), index=True)
    document_kind: Mapped[str] = mapped_column(String(20), default="record")
    role: Mapped[str] = mapped_column(String(12))  # officer | party | witness | lead
    officer_id: Mapped[str | None] = mapped_column(String(36))
    signer_name: Mapped[str] = mapped_column(String(100))
    strokes: Mapped[Any] = mapped_column(JSONText)
    png_sha256: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    server_version: Mapped[int | None] = mapped_column(Integer)


class PartySignoffRow(Base):
    """The inspected party's response to the record: signed by its representative, or refused before a witness."""

    __tablename__ = "party_signoffs"
    __table_args__ = (UniqueConstraint("inspection_id", "document_kind"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspections.id"), index=True)
    document_kind: Mapped[str] = mapped_column(String(20), default="record")
    refused: Mapped[bool] = mapped_column(Boolean, default=False)
    signer_name: Mapped[str] = mapped_column(String(100), default="")
    title: Mapped[str] = mapped_column(String(100), default="")
    id_number: Mapped[str] = mapped_column(String(40), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    opinion: Mapped[str] = mapped_column(Text, default="")
    recusal_answer: Mapped[str] = mapped_column(Text, default="")  # the party's answer to 是否申请回避
    refusal_reason: Mapped[str] = mapped_column(Text, default="")
    witness_name: Mapped[str] = mapped_column(String(100), default="")
    witness_id_number: Mapped[str] = mapped_column(String(40), default="")
    witness_relation: Mapped[str] = mapped_column(String(100), default="")
    officer_note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    server_version: Mapped[int | None] = mapped_column(Integer)


class WorkspaceSettingRow(Base):
    """Workspace configuration that belongs with the data (agency name, document-number patterns)."""

    __tablename__ = "workspace_settings"
    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
