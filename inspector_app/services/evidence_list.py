"""The 证据清单 as a list (行政处罚法 第四十六条; domain reference R5): each item's statutory type, its provider,
the page count of a copy and how it was obtained, edited by the inspector; what each item proves (its links to
findings and checklist items, services/evidence_links.py); and the party's confirmation "与原件核对一致", given
once for the whole list — or its refusal with the reason.

The confirmation pins the list it was given for (`list_digest`, over each item's content and list columns): an
item added, removed or re-described afterwards makes it stale, and the record cannot be signed until the party has
checked the list again (a signature must never cover a confirmation of a different list).

Every change is one transaction with its journal event and outbox row, like the rest of the evidence services.
"""

from __future__ import annotations

from sqlalchemy import select

from inspector_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from inspector_app.domain.evidence import EvidenceType, Measure
from inspector_app.domain.ids import new_id
from inspector_app.domain.inspection import EDITABLE_STATUSES
from inspector_app.domain.rules import Action
from inspector_app.services import evidence_links as links
from inspector_app.services.changes import Changes
from inspector_app.services.context import Actor, ServiceContext
from inspector_app.services.dto import EvidenceDTO
from inspector_app.services.evidence import require_scope_editable
from inspector_app.services.inspections import load_inspection, require_editable
from inspector_app.services.mappers import evidence_dto
from inspector_app.services.evidence_facts import ListConfirmation, confirmation_of, list_digest, record_scope
from inspector_app.storage.orm import EvidenceConfirmationRow, EvidenceRow
from inspector_app.syncproto import payloads

MAX_PAGES = 100_000
_DETAIL_FIELDS = ("evidence_type", "provider", "page_count", "measure")


def _type(value: str) -> EvidenceType:
    try:
        return EvidenceType(value)
    except ValueError:
        raise ValidationError("evidence.unknown_type", QT_TRANSLATE_NOOP(
            "Errors", "Unknown statutory evidence type: {value}"), value=value) from None


def _measure(value: str) -> Measure:
    try:
        return Measure(value)
    except ValueError:
        raise ValidationError("evidence.unknown_measure", QT_TRANSLATE_NOOP(
            "Errors", "Unknown way of taking evidence: {measure}"), measure=value) from None


def _pages(value: int | None) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_PAGES:
        raise ValidationError("evidence.bad_page_count", QT_TRANSLATE_NOOP(
            "Errors", "The page count {value} is not a whole number between 1 and {max}."),
            value=value, max=MAX_PAGES)
    return value


class EvidenceListService:
    def __init__(self, ctx: ServiceContext):
        self._ctx = ctx

    def set_details(self, actor: Actor, evidence_id: str, *, evidence_type: str, provider: str,
                    page_count: int | None, measure: str) -> tuple[EvidenceDTO, Changes]:
        """Set an item's 证据清单 columns in one step (the inspector's dialog saves them together)."""
        provider = provider.strip()
        new = {"evidence_type": _type(evidence_type).value, "provider": provider,
               "page_count": _pages(page_count), "measure": _measure(measure).value}
        if len(provider) > 100:
            raise ValidationError("evidence.provider_too_long", QT_TRANSLATE_NOOP(
                "Errors", "The provider's name is longer than {max} characters."), max=100)
        with self._ctx.unit(actor) as uow:
            s = uow.session
            row = s.get(EvidenceRow, evidence_id)
            if row is None or row.deleted_at is not None:
                raise ValidationError("evidence.not_found_or_deleted", QT_TRANSLATE_NOOP(
                    "Errors", "The evidence does not exist or was removed."))
            require_scope_editable(s, row.inspection_id, row.reinspection_id)
            patch = payloads.row_changes("evidence", row, new)
            if patch is not None:
                uow.record(row.inspection_id, "evidence.described", "evidence", row.id, "patch", patch)
                for k, v in new.items():
                    setattr(row, k, v)
                row.updated_at = uow.now
            dto = evidence_dto(row, links.active(s, [row.id]).get(row.id, ()))
            return dto, Changes(inspections=frozenset({row.inspection_id}), evidence=frozenset({row.id}))

    def confirm(self, actor: Actor, inspection_id: str, *, refused: bool, signer_name: str = "",
                refusal_reason: str = "") -> Changes:
        """Record the party's "与原件核对一致" for the list as it is now, or its refusal (with the reason)."""
        signer_name, refusal_reason = signer_name.strip(), refusal_reason.strip()
        if refused and not refusal_reason:
            raise ValidationError("evidence.confirmation_reason_missing", QT_TRANSLATE_NOOP(
                "Errors", "Record why the party refuses to confirm the evidence list."))
        if not refused and not signer_name:
            raise ValidationError("evidence.confirmation_signer_missing", QT_TRANSLATE_NOOP(
                "Errors", "Fill in the name of the person confirming the evidence list."))
        with self._ctx.unit(actor) as uow:
            s = uow.session
            insp = load_inspection(s, inspection_id)
            # on site, or when the party reads the finished record before signing it; never once signed
            require_editable(insp, Action.EDIT_FINDINGS if insp.status in EDITABLE_STATUSES
                             else Action.PARTY_SIGNOFF)
            rows = record_scope(s, inspection_id)
            if not rows:
                raise ValidationError("evidence.confirmation_empty_list", QT_TRANSLATE_NOOP(
                    "Errors", "The evidence list is empty; there is nothing to confirm."))
            new = {"refused": refused, "signer_name": "" if refused else signer_name,
                   "refusal_reason": refusal_reason if refused else "", "list_digest": list_digest(rows),
                   "confirmed_at": uow.now}
            row = s.scalar(select(EvidenceConfirmationRow).where(
                EvidenceConfirmationRow.inspection_id == inspection_id))
            event = "evidence.list_refused" if refused else "evidence.list_confirmed"
            if row is None:
                row = EvidenceConfirmationRow(id=new_id(), inspection_id=inspection_id, created_at=uow.now,
                                              updated_at=uow.now, **new)
                s.add(row)
                uow.record(inspection_id, event, "evidence_confirmation", row.id, "create",
                           payloads.create_payload("evidence_confirmation", row))
            else:
                patch = payloads.row_changes("evidence_confirmation", row, new)
                for k, v in new.items():
                    setattr(row, k, v)
                row.updated_at = uow.now
                if patch is not None:
                    uow.record(inspection_id, event, "evidence_confirmation", row.id, "patch", patch)
            return Changes(inspections=frozenset({inspection_id}))

    def confirmation(self, inspection_id: str) -> ListConfirmation | None:
        with self._ctx.read() as s:
            return confirmation_of(s, inspection_id)
