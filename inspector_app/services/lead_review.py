"""On site: the inspection's leads (those of its institution), each marked confirmed / not confirmed / not checked;
only a confirmed lead becomes a finding, with its amount carried over. And the leniency advice of the outcome
(domain/leniency.py) from the confirmed problems and the institution's self-inspection return.

Marking a lead is one transaction: the lead's status, the finding (journal + outbox, as FindingService.add writes
it, so the finding syncs like any other) and the journal event of the mark on the inspection's chain.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import select

from inspector_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from inspector_app.domain.findings import Severity
from inspector_app.domain.ids import new_id
from inspector_app.domain.leads.rules import RULE_LABELS_ZH
from inspector_app.domain.leniency import ConfirmedProblem, LeniencyAdvice, assess
from inspector_app.services.changes import Changes
from inspector_app.services.context import Actor, ServiceContext
from inspector_app.services.inspections import load_inspection, require_editable
from inspector_app.services.leads import LeadDTO, lead_dto
from inspector_app.services.selfcheck import CampaignService
from inspector_app.storage.campaign_orm import (
    CampaignInstitutionRow, CampaignRow, SelfCheckProblemRow, SelfCheckReturnRow)
from inspector_app.storage.leads_orm import LeadRow
from inspector_app.storage.orm import FindingRow
from inspector_app.syncproto import payloads


class LeadStatus(StrEnum):
    CONFIRMED = "confirmed"          # 属实
    NOT_CONFIRMED = "not_confirmed"  # 不属实
    NOT_CHECKED = "not_checked"      # 未核查


@dataclass(frozen=True, slots=True)
class SelfReportedDTO:
    """One problem the institution reported in its self-inspection return (自查情况统计表), with its campaign."""

    campaign: str
    deadline: dt.date
    received_on: dt.date
    late: bool
    item_id: str
    item_label: str
    description: str
    amount: Decimal
    refunded: Decimal
    refunded_on: dt.date | None
    receipt_no: str


@dataclass(frozen=True, slots=True)
class OnSiteLeads:
    """What the inspection's Leads tab shows: its institution's leads, its self-reported problems, and the
    campaigns whose scope holds the institution with no return from it (a missing return is itself a fact)."""

    leads: tuple[LeadDTO, ...]
    self_reported: tuple[SelfReportedDTO, ...]
    campaigns_without_return: tuple[str, ...]
    # (id, label) of the newest campaign's checklist items: a confirmed lead is filed under one of them, which is
    # what the leniency advice compares with the self-reported problems
    campaign_items: tuple[tuple[str, str], ...] = ()
    suggested_items: dict[str, str] | None = None  # lead id -> the item its rule most likely falls under
    # the tab's summary, counted here so the widget compares no statuses: leads checked (no longer open), leads
    # confirmed and their amount
    checked: int = 0
    confirmed: int = 0
    confirmed_amount: Decimal = Decimal(0)


#: Words of a campaign item's label that name the pattern a screening rule looks for (the campaign tables of
#: seeds 002/004 name them this way): the item a confirmed lead is filed under by default.
RULE_ITEM_WORDS = {"readmission": ("分解住院",), "overlapping_stays": ("挂床", "虚假住院", "冒名"),
                   "above_price": ("超标准收费", "超标准", "重复收费"), "quantity_per_day": ("虚记", "多记", "虚计"),
                   "out_of_list": ("目录外", "超目录", "串换")}


def suggest_item(rule: str, items: tuple[tuple[str, str], ...]) -> str | None:
    for word in RULE_ITEM_WORDS.get(rule, ()):
        for item_id, label in items:
            if word in label:
                return item_id
    return None


def _yuan(fen: int) -> Decimal:
    return (Decimal(fen) / 100).quantize(Decimal("0.01"))


def _description(row: LeadRow) -> str:
    d = row.detail or {}
    what = RULE_LABELS_ZH.get(row.rule, row.rule)
    extra = d.get("item_name") or d.get("previous_settlement") or d.get("other_institution") or ""
    return f"{what}：结算流水号 {row.settlement_no}" + (f"（{extra}）" if extra else "") + \
        (f"。{row.note}" if row.note else "")


class LeadReviewService:
    def __init__(self, ctx: ServiceContext, campaigns: CampaignService):
        self._ctx = ctx
        self._campaigns = campaigns

    def for_inspection(self, inspection_id: str) -> list[LeadDTO]:
        with self._ctx.read() as s:
            insp = load_inspection(s, inspection_id)
            rows = s.scalars(select(LeadRow).where(LeadRow.institution_id == insp.institution_id)
                             .order_by(LeadRow.rule, LeadRow.settlement_no)).all()
            return [lead_dto(r) for r in rows]

    def on_site(self, inspection_id: str) -> OnSiteLeads:
        with self._ctx.read() as s:
            institution_id = load_inspection(s, inspection_id).institution_id
            leads = s.scalars(select(LeadRow).where(LeadRow.institution_id == institution_id)
                              .order_by(LeadRow.rule, LeadRow.settlement_no)).all()
            campaigns = s.scalars(select(CampaignRow).join(
                CampaignInstitutionRow, CampaignInstitutionRow.campaign_id == CampaignRow.id).where(
                CampaignInstitutionRow.institution_id == institution_id)
                .order_by(CampaignRow.created_at, CampaignRow.id)).all()
            reported: list[SelfReportedDTO] = []
            missing: list[str] = []
            for c in campaigns:
                ret = s.scalar(select(SelfCheckReturnRow).where(SelfCheckReturnRow.campaign_id == c.id,
                                                                SelfCheckReturnRow.institution_id == institution_id))
                if ret is None:
                    missing.append(c.name)
                    continue
                labels = {i["id"]: i["label"] for i in c.items}
                for p in s.scalars(select(SelfCheckProblemRow).where(SelfCheckProblemRow.return_id == ret.id)
                                   .order_by(SelfCheckProblemRow.row_no)):
                    reported.append(SelfReportedDTO(
                        c.name, c.self_check_deadline, ret.received_on, ret.late, p.item_id,
                        labels.get(p.item_id, p.item_id), p.description, _yuan(p.amount_fen), _yuan(p.refunded_fen),
                        p.refunded_on, p.receipt_no))
            items = tuple((i["id"], i["label"]) for i in campaigns[-1].items) if campaigns else ()
            suggested = {r.id: r.campaign_item or suggest_item(r.rule, items) or "" for r in leads}
            dtos = tuple(lead_dto(r) for r in leads)
            confirmed = [x for x in dtos if x.status == LeadStatus.CONFIRMED]
            return OnSiteLeads(dtos, tuple(reported), tuple(missing), items,
                               {k: v for k, v in suggested.items() if v},
                               checked=sum(x.status != "open" for x in dtos), confirmed=len(confirmed),
                               confirmed_amount=sum((x.amount for x in confirmed), Decimal(0)))

    def campaign_of(self, inspection_id: str) -> tuple[str, str] | None:
        """(id, name) of the newest campaign whose scope holds the inspection's institution; None when none does."""
        with self._ctx.read() as s:
            institution_id = load_inspection(s, inspection_id).institution_id
            row = s.execute(select(CampaignRow.id, CampaignRow.name).join(
                CampaignInstitutionRow, CampaignInstitutionRow.campaign_id == CampaignRow.id).where(
                CampaignInstitutionRow.institution_id == institution_id)
                .order_by(CampaignRow.created_at.desc(), CampaignRow.id.desc()).limit(1)).first()
            return (row[0], row[1]) if row is not None else None

    def leniency_for(self, inspection_id: str) -> tuple[str, LeniencyAdvice] | None:
        """The outcome's suggestion against the institution's campaign (its name, the advice), or None when the
        institution is in no campaign (no self-inspection to weigh)."""
        campaign = self.campaign_of(inspection_id)
        if campaign is None:
            return None
        return campaign[1], self.leniency(inspection_id, campaign[0])

    def mark(self, actor: Actor, inspection_id: str, lead_id: str, status: LeadStatus | str, note: str = "",
             campaign_item: str | None = None) -> Changes:
        status = LeadStatus(status)
        with self._ctx.unit(actor) as uow:
            s = uow.session
            insp = load_inspection(s, inspection_id)
            require_editable(insp)
            row = s.get(LeadRow, lead_id)
            if row is None:
                raise ValidationError("lead.not_found", QT_TRANSLATE_NOOP("Errors", "The lead does not exist."))
            if row.institution_id != insp.institution_id:
                raise ValidationError("lead.other_institution", QT_TRANSLATE_NOOP(
                    "Errors", "The lead concerns another institution than the inspected one."))
            findings: set[str] = set()
            if row.finding_id and status is not LeadStatus.CONFIRMED:  # confirmed before, not any more
                old = s.get(FindingRow, row.finding_id)
                if old is not None and old.deleted_at is None:
                    old.deleted_at = uow.now
                    uow.record(inspection_id, "finding.removed", "finding", old.id, "patch",
                               payloads.delete_payload(reason="线索核查结论改为不属实或未核查"))
                    findings.add(old.id)
                row.finding_id = None
            before = {"status": row.status, "note": row.note, "inspection_id": row.inspection_id,
                      "campaign_item": row.campaign_item, "finding_id": row.finding_id}
            row.status, row.note, row.inspection_id, row.updated_at = status.value, note.strip(), inspection_id, uow.now
            if campaign_item is not None:
                row.campaign_item = campaign_item
            if status is LeadStatus.CONFIRMED and row.finding_id is None:
                amount = (Decimal(row.amount_fen) / 100).quantize(Decimal("0.01"))
                f = FindingRow(id=new_id(), inspection_id=inspection_id, answer_id=None, item_id=None,
                               description=_description(row), severity=Severity.MINOR.value, amount_involved=amount,
                               amount_to_recover=amount, legal_basis="", penalty_article="",
                               created_at=uow.now, updated_at=uow.now)
                s.add(f)
                row.finding_id = f.id
                uow.record(inspection_id, "finding.added", "finding", f.id, "create",
                           payloads.create_payload("finding", f, extra={"lead_id": row.id}))
                findings.add(f.id)
            patch = payloads.patch_payload("lead", before, {
                "status": row.status, "note": row.note, "inspection_id": row.inspection_id,
                "campaign_item": row.campaign_item, "finding_id": row.finding_id})
            if patch is not None:  # the lead's team sees the result of the check
                uow.outbox("lead", row.id, "patch", patch)
            uow.journal(inspection_id, "lead.checked", {"entity": "lead", "id": row.id, "status": status.value,
                                                        "note": row.note, "finding_id": row.finding_id})
            return Changes(inspections=frozenset({inspection_id}), findings=frozenset(findings))

    def leniency(self, inspection_id: str, campaign_id: str) -> LeniencyAdvice:
        """The suggestion for the outcome: confirmed leads against what the institution self-reported."""
        with self._ctx.read() as s:
            insp = load_inspection(s, inspection_id)
            institution_id = insp.institution_id
            rows = s.scalars(select(LeadRow).where(LeadRow.inspection_id == inspection_id,
                                                   LeadRow.status == LeadStatus.CONFIRMED.value)).all()
            confirmed = [ConfirmedProblem(r.campaign_item or r.rule, _description(r), r.amount_fen) for r in rows]
        got = self._campaigns.problems(campaign_id, institution_id)
        deadline = got[0] if got else self._campaigns.deadline(campaign_id)
        return assess(confirmed, got[1] if got else None, deadline)
