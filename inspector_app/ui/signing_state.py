"""Where an inspection stands with its signatures, read through the services in one worker call.

Everything comes from the services: captures and the party's sign-off, documents, readiness and keys."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from inspector_app.domain.errors import DomainError
from inspector_app.domain.rules import Facts
from inspector_app.services.dto import InspectionDetail
from inspector_app.services.signing import DocumentDTO
from inspector_app.ui.seams import Services

#: The documents a proof of service (送达回证) can be made for (the service dialog and the signing page).
SERVABLE = ("notice", "addendum", "inquiry", "seal", "preservation", "seal_extension")


@dataclass(frozen=True, slots=True)
class OfficerState:
    officer_id: str
    name: str
    field: str          # Sig_OfficerN on the record
    has_key: bool
    drawn: bool         # a handwritten signature was captured for the record
    signed: bool        # the PAdES signature is on the record


@dataclass(frozen=True, slots=True)
class PartyState:
    refused: bool
    signer_name: str
    title: str
    witness_name: str
    witness_relation: str
    refusal_reason: str
    signature_drawn: bool  # the representative's (or, on refusal, the witness's) handwritten signature


@dataclass(frozen=True, slots=True)
class SigningState:
    detail: InspectionDetail
    missing: tuple[DomainError, ...]  # what still prevents the first signature (coded; the UI words it)
    officers: tuple[OfficerState, ...]
    party: PartyState | None
    documents: tuple[DocumentDTO, ...]
    served: dict[str, Any] = field(default_factory=dict)  # document id -> ServedDTO (送达回证 made for it)

    @property
    def record(self) -> DocumentDTO | None:
        return next((d for d in self.documents if d.kind == "record"), None)

    @property
    def frozen(self) -> bool:
        return bool(self.detail.content_hash)

    def facts(self, countersign_pending: bool) -> Facts:
        """What the rule book needs to know about this inspection's signatures (domain/rules.py decides)."""
        return Facts(frozen=self.frozen, has_officers=bool(self.officers),
                     officers_unsigned=any(not o.signed for o in self.officers),
                     record_signed=self.record is not None and all(o.signed for o in self.officers),
                     has_findings=bool(self.detail.summary.findings),
                     has_notice=any(d.kind == "notice" for d in self.documents),
                     countersign_pending=countersign_pending)


def load(app: Services, inspection_id: str) -> SigningState:
    """Runs on a worker thread."""
    detail = app.queries.detail(inspection_id)
    missing = tuple(app.signing.readiness(inspection_id))
    documents = tuple(app.signing.documents(inspection_id))
    captures = app.signing.capture_state(inspection_id)
    record = next((d for d in documents if d.kind == "record"), None)
    active = [m for m in detail.team if m.has_conflict is not True]
    signed = set(record.signed_fields) if record is not None else set()
    officers = tuple(OfficerState(m.officer_id, m.name, f"Sig_Officer{n}", app.keys.has_key(m.officer_id),
                                  m.officer_id in captures.drawn_officers, f"Sig_Officer{n}" in signed)
                     for n, m in enumerate(active, start=1))
    party = None
    so = captures.signoff
    if so is not None:
        party = PartyState(so.refused, so.signer_name, so.title, so.witness_name, so.witness_relation,
                           so.refusal_reason, ("witness" if so.refused else "party") in captures.roles)
    served = {d.id: x for d in documents if (x := app.service_receipts.served(d.id)) is not None}
    return SigningState(detail, missing, officers, party, documents, served)
