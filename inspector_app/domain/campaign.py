"""Campaigns (专项治理) with a self-inspection phase (自查自纠), standalone: the plans stream may later make a campaign
a kind of plan item (the integrator joins them by campaign id).

Seed 002 (奈曼旗 2020 专项治理实施方案) runs a campaign in four phases — 动员部署, 自查自纠, 专项检查, 迎检及总结 —
and institutions "对发现的问题要明确整改措施、整改时限 … 形成自查整改报告 … 做出不再违反的书面承诺，
并主动及时清退违法违规资金", reporting the 自查情况统计表 by a deadline ("于4月20日前上报自查情况统计表"). Seed 004
(吉医保联〔2020〕12号) makes the deadline decisive: "对于自查整改期限结束前，主动足额退回违法违规所得医保资金和
全部整改到位的定点医疗机构，可依法依规从轻、减轻或免于处罚" — "未按时足额退回 … 将依法依规从重处罚并公开曝光".
Pure: no files, no database.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from inspector_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError


class PhaseKind(StrEnum):
    MOBILISE = "mobilise"        # 动员部署
    SELF_CHECK = "self_check"    # 自查自纠
    INSPECTION = "inspection"    # 专项检查
    SUMMARY = "summary"          # 迎检及总结


PHASE_LABELS_ZH = {PhaseKind.MOBILISE: "动员部署", PhaseKind.SELF_CHECK: "自查自纠", PhaseKind.INSPECTION: "专项检查",
                   PhaseKind.SUMMARY: "总结"}


@dataclass(frozen=True, slots=True)
class Phase:
    kind: PhaseKind
    starts_on: dt.date
    ends_on: dt.date


@dataclass(frozen=True, slots=True)
class CheckItem:
    """One line of the self-inspection table: what the institution checks itself against."""

    id: str
    label: str


@dataclass(frozen=True)
class CampaignData:
    name: str
    phases: tuple[Phase, ...]
    items: tuple[CheckItem, ...]
    scope: str = ""                       # who is covered, in words (全旗定点医药机构; 村卫生室 50 %)
    institution_ids: tuple[str, ...] = field(default=())  # expected returns

    def validate(self) -> None:
        if not self.name.strip():
            raise ValidationError("campaign.name_required", QT_TRANSLATE_NOOP("Errors", "The campaign needs a name."))
        kinds = [p.kind for p in self.phases]
        if PhaseKind.SELF_CHECK not in kinds:
            raise ValidationError("campaign.no_self_check", QT_TRANSLATE_NOOP(
                "Errors", "The campaign has no self-inspection phase (自查自纠) and so no deadline for returns."))
        if len(set(kinds)) != len(kinds):
            raise ValidationError("campaign.phase_twice", QT_TRANSLATE_NOOP(
                "Errors", "A phase of the campaign appears twice."))
        ordered = sorted(self.phases, key=lambda p: list(PhaseKind).index(p.kind))
        for p in ordered:
            if p.ends_on < p.starts_on:
                raise ValidationError("campaign.phase_backwards", QT_TRANSLATE_NOOP(
                    "Errors", "The phase {phase} ends on {end}, before it starts on {start}."),
                    phase=PHASE_LABELS_ZH[p.kind], start=p.starts_on.isoformat(), end=p.ends_on.isoformat())
        for a, b in zip(ordered, ordered[1:]):
            if b.starts_on < a.starts_on:
                raise ValidationError("campaign.phases_out_of_order", QT_TRANSLATE_NOOP(
                    "Errors", "The phase {phase} starts before the phase {previous}."),
                    phase=PHASE_LABELS_ZH[b.kind], previous=PHASE_LABELS_ZH[a.kind])
        if not self.items:
            raise ValidationError("campaign.no_items", QT_TRANSLATE_NOOP(
                "Errors", "The campaign has no checklist items for the self-inspection."))
        if len({i.id for i in self.items}) != len(self.items):
            raise ValidationError("campaign.item_twice", QT_TRANSLATE_NOOP(
                "Errors", "An item of the campaign's checklist appears twice."))

    @property
    def self_check_deadline(self) -> dt.date:
        return next(p.ends_on for p in self.phases if p.kind == PhaseKind.SELF_CHECK)


@dataclass(frozen=True, slots=True)
class SelfReportedProblem:
    """One problem an institution reported in its return, with what it refunded (amounts in fen)."""

    item_id: str
    description: str
    amount_fen: int
    refunded_fen: int
    refunded_on: dt.date | None
    receipt_no: str
    measures: str

    def fully_refunded_by(self, deadline: dt.date) -> bool:
        """Refunded in full (足额) on or before the deadline (按时): the condition of seed 004 for leniency."""
        return self.refunded_fen >= self.amount_fen and (
            self.amount_fen == 0 or (self.refunded_on is not None and self.refunded_on <= deadline))
