"""Findings: created from a checklist item (legal basis and penalty prefilled) or free-standing."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from inspector_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from inspector_app.domain.findings import FindingData, Severity
from inspector_app.domain.ids import new_id
from inspector_app.domain.money import parse_yuan
from inspector_app.services import templates
from inspector_app.services.changes import Changes
from inspector_app.services.context import Actor, ServiceContext
from inspector_app.services.dto import FindingDTO
from inspector_app.services.inspections import load_inspection, require_editable
from inspector_app.services.mappers import finding_dto
from inspector_app.storage.orm import AnswerRow, EvidenceLinkRow, FindingRow
from inspector_app.syncproto import payloads

_FIELDS = ("description", "severity", "amount_involved", "amount_to_recover", "legal_basis", "penalty_article")


class FindingService:
    def __init__(self, ctx: ServiceContext):
        self._ctx = ctx

    def prefill_from_item(self, answer_id: str) -> FindingData:
        """A draft finding for a checklist item: its legal basis and penalty article filled in."""
        with self._ctx.read() as s:
            a = s.get(AnswerRow, answer_id)
            if a is None:
                raise ValidationError("answer.not_found", QT_TRANSLATE_NOOP(
                    "Errors", "The checklist item does not exist."))
            item = templates.pinned(s, a.template_hash).item(a.item_id)
            return FindingData(description=f"{item.label}：", legal_basis=item.legal_basis,
                               penalty_article=item.penalty, item_id=item.id)

    def add(self, actor: Actor, inspection_id: str, data: FindingData,
            answer_id: str | None = None) -> tuple[FindingDTO, Changes]:
        data.validate()
        with self._ctx.unit(actor) as uow:
            insp = load_inspection(uow.session, inspection_id)
            require_editable(insp)
            item_id = data.item_id
            if answer_id:
                a = uow.session.get(AnswerRow, answer_id)
                if a is None or a.inspection_id != inspection_id:
                    raise ValidationError("finding.item_of_other_inspection", QT_TRANSLATE_NOOP(
                        "Errors", "The linked checklist item belongs to another inspection."))
                item_id = a.item_id
            row = FindingRow(id=new_id(), inspection_id=inspection_id, answer_id=answer_id, item_id=item_id,
                             description=data.description.strip(), severity=Severity(data.severity).value,
                             amount_involved=data.amount_involved, amount_to_recover=data.amount_to_recover,
                             legal_basis=data.legal_basis, penalty_article=data.penalty_article,
                             created_at=uow.now, updated_at=uow.now)
            uow.session.add(row)
            uow.record(inspection_id, "finding.added", "finding", row.id, "create",
                       payloads.create_payload("finding", row))
            return finding_dto(row), Changes(inspections=frozenset({inspection_id}), findings=frozenset({row.id}))

    def update(self, actor: Actor, finding_id: str, **changes: Any) -> tuple[FindingDTO, Changes]:
        unknown = set(changes) - set(_FIELDS)
        if unknown:
            raise ValidationError("finding.unknown_fields", QT_TRANSLATE_NOOP("Errors", "Unknown fields: {fields}"),
                                  fields=", ".join(sorted(unknown)))
        for money_field in ("amount_involved", "amount_to_recover"):
            if money_field in changes:
                changes[money_field] = parse_yuan(changes[money_field])
        if "severity" in changes:
            changes["severity"] = Severity(changes["severity"]).value
        with self._ctx.unit(actor) as uow:
            row = uow.session.get(FindingRow, finding_id)
            if row is None or row.deleted_at is not None:
                raise ValidationError("finding.not_found", QT_TRANSLATE_NOOP("Errors", "The finding does not exist."))
            require_editable(load_inspection(uow.session, row.inspection_id))
            merged = FindingData(**{f: changes.get(f, getattr(row, f)) for f in _FIELDS})
            merged.validate()
            pairs = {f: (getattr(row, f), v) for f, v in changes.items() if getattr(row, f) != v}
            for f, v in changes.items():
                setattr(row, f, v)
            if pairs:
                row.updated_at = uow.now
                uow.record(row.inspection_id, "finding.changed", "finding", row.id, "patch",
                           payloads.changes_payload("finding", pairs))
            return finding_dto(row), Changes(inspections=frozenset({row.inspection_id}),
                                             findings=frozenset({row.id}))

    def remove(self, actor: Actor, finding_id: str, reason: str = "") -> Changes:
        with self._ctx.unit(actor) as uow:
            row = uow.session.get(FindingRow, finding_id)
            if row is None or row.deleted_at is not None:
                raise ValidationError("finding.not_found", QT_TRANSLATE_NOOP("Errors", "The finding does not exist."))
            require_editable(load_inspection(uow.session, row.inspection_id))
            row.deleted_at = uow.now
            uow.record(row.inspection_id, "finding.removed", "finding", row.id, "patch",
                       payloads.delete_payload(reason=reason))
            return Changes(inspections=frozenset({row.inspection_id}), findings=frozenset({row.id}))

    def list(self, inspection_id: str) -> list[FindingDTO]:
        with self._ctx.read() as s:
            rows = s.scalars(select(FindingRow).where(FindingRow.inspection_id == inspection_id,
                                                      FindingRow.deleted_at.is_(None))
                             .order_by(FindingRow.created_at)).all()
            links = s.execute(select(EvidenceLinkRow.target_id, EvidenceLinkRow.evidence_id).where(
                EvidenceLinkRow.target_type == "finding", EvidenceLinkRow.deleted_at.is_(None),
                EvidenceLinkRow.target_id.in_([r.id for r in rows]))).all()
            by_finding: dict[str, list[str]] = {}
            for target, ev in links:
                by_finding.setdefault(target, []).append(ev)
            return [finding_dto(r, tuple(by_finding.get(r.id, ()))) for r in rows]
