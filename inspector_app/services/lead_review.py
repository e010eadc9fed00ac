"""On site: the inspection's leads (those of its institution), each marked confirmed / not confirmed / not checked;
only a confirmed lead becomes a finding, with its amount carried over. And the leniency advice of the outcome
(domain/leniency.py) from the confirmed problems and the institution's self-inspection return.

Marking a lead is one transaction: the lead's status, the finding (journal + outbox, as FindingService.add writes
it, so the finding syncs like any other) and the journal event of the mark on the inspection's chain.
"""

from __future__ import annotations

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
from inspector_app.storage.leads_orm import LeadRow
from inspector_app.storage.orm import FindingRow
from inspector_app.syncproto import payloads


class LeadStatus(StrEnum):
    CONFIRMED = "confirmed"          # 属实
    NOT_CONFIRMED = "not_confirmed"  # 不属实
    NOT_CHECKED = "not_checked"      # 未核查


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
