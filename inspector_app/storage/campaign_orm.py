"""Campaigns with a self-inspection phase, and the returns (自查情况统计表) institutions send back. Standalone tables,
joinable to plans later by campaign id. Money in integer fen, as the leads tables."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from inspector_app.storage.orm import Base
from inspector_app.storage.types import JSONText, UTCDateTime, utcnow


class CampaignRow(Base):
    __tablename__ = "campaigns"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    scope: Mapped[str] = mapped_column(Text, default="")
    phases: Mapped[Any] = mapped_column(JSONText, default=list)  # [{kind, starts_on, ends_on}]
    items: Mapped[Any] = mapped_column(JSONText, default=list)   # [{id, label}]
    self_check_deadline: Mapped[dt.date] = mapped_column(Date)
    created_by: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class CampaignInstitutionRow(Base):
    """An institution in the campaign's scope: a return is expected from it."""

    __tablename__ = "campaign_institutions"
    campaign_id: Mapped[str] = mapped_column(ForeignKey("campaigns.id"), primary_key=True)
    institution_id: Mapped[str] = mapped_column(ForeignKey("institutions.id"), primary_key=True)


class SelfCheckReturnRow(Base):
    """A filled return as received: the file itself is kept in the blob store (电子数据, by its SHA-256)."""

    __tablename__ = "selfcheck_returns"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    campaign_id: Mapped[str] = mapped_column(ForeignKey("campaigns.id"), index=True)
    institution_id: Mapped[str] = mapped_column(ForeignKey("institutions.id"), index=True)
    file_name: Mapped[str] = mapped_column(String(260))
    sha256: Mapped[str] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(String(200), default="")  # how it came: 邮件, U盘, 平台上报 …
    received_on: Mapped[dt.date] = mapped_column(Date)
    late: Mapped[bool] = mapped_column(Boolean, default=False)
    committed_by: Mapped[str] = mapped_column(String(100), default="")  # 承诺人; empty: no commitment signed
    committed_on: Mapped[dt.date | None] = mapped_column(Date)
    imported_by: Mapped[str] = mapped_column(String(100))
    imported_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    __table_args__ = (UniqueConstraint("campaign_id", "institution_id"),)


class SelfCheckProblemRow(Base):
    __tablename__ = "selfcheck_problems"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    return_id: Mapped[str] = mapped_column(ForeignKey("selfcheck_returns.id"), index=True)
    row_no: Mapped[int] = mapped_column(Integer)
    item_id: Mapped[str] = mapped_column(String(80))
    description: Mapped[str] = mapped_column(Text, default="")
    amount_fen: Mapped[int] = mapped_column(Integer, default=0)
    refunded_fen: Mapped[int] = mapped_column(Integer, default=0)
    refunded_on: Mapped[dt.date | None] = mapped_column(Date)
    receipt_no: Mapped[str] = mapped_column(String(100), default="")
    measures: Mapped[str] = mapped_column(Text, default="")
