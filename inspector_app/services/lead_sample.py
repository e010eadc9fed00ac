"""On site: chosen leads fill the rows of a checklist item's sample table (domain/leads/sample.py maps a lead onto
the template's columns).

One user action, one transaction: the answer changes through the checklist's own step (InspectionService._apply:
normalised value, journal event "answer.changed", outbox patch, so the table syncs like any typed answer), and the
event "lead.sample_prefilled" records which leads filled which item. A lead already in the table (its settlement
number in one of the row's cells) is not added twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select

from inspector_app.domain.checklist import AnswerType
from inspector_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from inspector_app.domain.leads.sample import LeadFacts, mentions, sample_row
from inspector_app.services import templates
from inspector_app.services.changes import Changes
from inspector_app.services.context import Actor, ServiceContext
from inspector_app.services.dto import AnswerDTO
from inspector_app.services.inspections import InspectionService, load_inspection
from inspector_app.services.mappers import answer_dto
from inspector_app.storage.leads_orm import LeadRow
from inspector_app.storage.orm import AnswerRow


@dataclass(frozen=True, slots=True)
class SampleItem:
    """A checklist item of the inspection answered with a sample table."""

    answer_id: str
    item_id: str
    label: str
    columns: tuple[str, ...]  # the column labels, in order
    rows: int                 # rows already in the table


@dataclass(frozen=True, slots=True)
class PrefillResult:
    answer: AnswerDTO
    added: int
    skipped: tuple[str, ...]  # settlement numbers already in the table


class LeadSampleService:
    def __init__(self, ctx: ServiceContext):
        self._ctx = ctx

    def sample_items(self, inspection_id: str) -> list[SampleItem]:
        with self._ctx.read() as s:
            load_inspection(s, inspection_id)
            out = []
            for a in s.scalars(select(AnswerRow).where(AnswerRow.inspection_id == inspection_id)
                               .order_by(AnswerRow.position)):
                item = templates.pinned(s, a.template_hash).item(a.item_id)
                if item.answer is AnswerType.SAMPLE:
                    rows = len((a.value or {}).get("rows", [])) if isinstance(a.value, dict) else 0
                    out.append(SampleItem(a.id, item.id, item.label, tuple(c.label for c in item.columns), rows))
            return out

    def prefill(self, actor: Actor, inspection_id: str, answer_id: str,
                lead_ids: Sequence[str]) -> tuple[PrefillResult, Changes]:
        if not lead_ids:
            raise ValidationError("lead.none_chosen", QT_TRANSLATE_NOOP("Errors", "Choose the leads first."))
        with self._ctx.unit(actor) as uow:
            s = uow.session
            a = s.get(AnswerRow, answer_id)
            if a is None or a.inspection_id != inspection_id:
                raise ValidationError("answer.not_found", QT_TRANSLATE_NOOP(
                    "Errors", "The checklist item does not exist."))
            row = InspectionService._answerable(s, inspection_id)
            item = templates.pinned(s, a.template_hash).item(a.item_id)
            if item.answer is not AnswerType.SAMPLE:
                raise ValidationError("lead.not_sample_item", QT_TRANSLATE_NOOP(
                    "Errors", "{item}: the item has no sample table to fill."), item=f"{item.id} {item.label}")
            rows = list((a.value or {}).get("rows", [])) if isinstance(a.value, dict) else []
            added, skipped, used = 0, [], []
            for lead_id in dict.fromkeys(lead_ids):
                lead = s.get(LeadRow, lead_id)
                if lead is None:
                    raise ValidationError("lead.not_found", QT_TRANSLATE_NOOP("Errors", "The lead does not exist."))
                if lead.institution_id != row.institution_id:
                    raise ValidationError("lead.other_institution", QT_TRANSLATE_NOOP(
                        "Errors", "The lead concerns another institution than the inspected one."))
                if any(mentions(r, lead.settlement_no) for r in rows):
                    skipped.append(lead.settlement_no)
                    continue
                rows.append(sample_row(item.columns, LeadFacts(
                    lead.rule, lead.settlement_no, lead.patient_masked, lead.amount_fen, dict(lead.detail or {}),
                    lead.note, lead.status == "confirmed")))
                used.append(lead.id)
                added += 1
            changed = InspectionService._apply(uow, row, a, item, {"rows": rows}, a.verdict, None) if added else False
            if changed:
                uow.journal(inspection_id, "lead.sample_prefilled", {
                    "entity": "answer", "id": a.id, "item": a.item_id, "leads": used, "rows_added": added,
                    "skipped": skipped})
            changes = Changes(inspections=frozenset({inspection_id}), answers=frozenset({a.id})) if changed \
                else Changes()
            return PrefillResult(answer_dto(a), added, tuple(skipped)), changes
