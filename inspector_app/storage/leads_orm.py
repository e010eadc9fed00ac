"""Data leads (数据比对): extract sources with their column mapping, imports, the imported settlement lines, and the
leads the screening rules raised. Money in integer fen and quantities in thousandths (see domain/leads/values.py);
dates as ISO text. Patient identifiers exist only as a keyed hash and a masked hint."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from inspector_app.storage.orm import Base
from inspector_app.storage.types import JSONText, UTCDateTime, utcnow


class LeadSettingsRow(Base):
    """One row: the workspace's key for hashing patient identifiers (the database itself is encrypted at rest on
    an encrypted workspace, so the key is as safe as the rows it protects)."""

    __tablename__ = "lead_settings"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    patient_key: Mapped[str] = mapped_column(String(64))


class LeadSourceRow(Base):
    __tablename__ = "lead_sources"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    mapping: Mapped[Any] = mapped_column(JSONText, default=dict)  # field -> header
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class LeadImportRow(Base):
    __tablename__ = "lead_imports"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    source_id: Mapped[str] = mapped_column(ForeignKey("lead_sources.id"), index=True)
    file_name: Mapped[str] = mapped_column(String(260))
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    sheet: Mapped[str] = mapped_column(String(100), default="")
    rows: Mapped[int] = mapped_column(Integer, default=0)
    ignored_columns: Mapped[Any] = mapped_column(JSONText, default=list)
    imported_by: Mapped[str] = mapped_column(String(100))
    imported_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    # The lines kept for the import's leads are one contiguous id range (written in one transaction under the write
    # lock); None when no item rule raised a line. Imports before the batch import kept every line of the file.
    first_line_id: Mapped[int | None] = mapped_column(Integer)
    last_line_id: Mapped[int | None] = mapped_column(Integer)


class LeadLineRow(Base):
    """One settlement line of an extract that makes a lead (an item rule raised it: the lead's detail on site); the
    other lines of the file are not stored (services/leads_batch.py). A lead's lines are those of its import with its
    settlement, institution, patient and item (and fee date for quantity_per_day)."""

    __tablename__ = "lead_lines"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    import_id: Mapped[str] = mapped_column(ForeignKey("lead_imports.id"))
    row_no: Mapped[int] = mapped_column(Integer)
    row_key: Mapped[int] = mapped_column(Integer)  # 64-bit hash of the parsed values: duplicates are refused
    settlement_no: Mapped[str] = mapped_column(String(200))
    institution_code: Mapped[str] = mapped_column(String(200))
    patient_hash: Mapped[str] = mapped_column(String(32))
    patient_masked: Mapped[str] = mapped_column(String(200))
    admitted_on: Mapped[str] = mapped_column(String(10))
    discharged_on: Mapped[str] = mapped_column(String(10))
    institution_name: Mapped[str | None] = mapped_column(String(200))
    diagnosis: Mapped[str | None] = mapped_column(String(200))
    total_fen: Mapped[int | None] = mapped_column(Integer)
    item_code: Mapped[str | None] = mapped_column(String(200))
    item_name: Mapped[str | None] = mapped_column(String(200))
    quantity_milli: Mapped[int | None] = mapped_column(Integer)
    unit_price_fen: Mapped[int | None] = mapped_column(Integer)
    amount_fen: Mapped[int | None] = mapped_column(Integer)
    fee_date: Mapped[str | None] = mapped_column(String(10))
    rule_hit: Mapped[str | None] = mapped_column(String(200))


class LeadRow(Base):
    """A lead raised by a screening rule, assigned to the institution that settled (定点编码 → roster)."""

    __tablename__ = "leads"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    # None on a laptop that pulled the lead: the import (file, lines) stays on the importing laptop
    import_id: Mapped[str | None] = mapped_column(ForeignKey("lead_imports.id"), index=True, nullable=True)
    rule: Mapped[str] = mapped_column(String(40))
    institution_code: Mapped[str] = mapped_column(String(200), index=True)
    institution_id: Mapped[str | None] = mapped_column(String(36), index=True)
    settlement_no: Mapped[str] = mapped_column(String(200))
    patient_hash: Mapped[str] = mapped_column(String(32))
    patient_masked: Mapped[str] = mapped_column(String(200))
    amount_fen: Mapped[int] = mapped_column(Integer, default=0)  # the amount in question
    detail: Mapped[Any] = mapped_column(JSONText, default=dict)
    status: Mapped[str] = mapped_column(String(16), default="open")  # open|confirmed|not_confirmed|not_checked
    note: Mapped[str] = mapped_column(Text, default="")
    inspection_id: Mapped[str | None] = mapped_column(String(36))  # the inspection that checked it
    finding_id: Mapped[str | None] = mapped_column(String(36))     # the finding a confirmed lead became
    campaign_item: Mapped[str | None] = mapped_column(String(80))  # the campaign checklist item it falls under
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
