"""Where an inspection stands with its signatures, read through the services in one worker call.

Handwritten captures and the party's sign-off are folded from the whole-process record (the journal is the only
service read that exposes them); documents, readiness and keys come from their services."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from inspector_app.domain.journal import JournalEvent
from inspector_app.services.dto import InspectionDetail
from inspector_app.services.signing import DocumentDTO


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
    missing: tuple[str, ...]
    officers: tuple[OfficerState, ...]
    party: PartyState | None
    documents: tuple[DocumentDTO, ...]

    @property
    def record(self) -> DocumentDTO | None:
        return next((d for d in self.documents if d.kind == "record"), None)

    @property
    def frozen(self) -> bool:
        return bool(self.detail.content_hash)


def fold_captures(events: list[JournalEvent]) -> tuple[set[str], set[str], dict[str, Any] | None]:
    """(officer ids with a record capture, roles captured for the record, the record's party sign-off fields)."""
    officers: set[str] = set()
    roles: set[str] = set()
    signoff: dict[str, Any] | None = None
    signoff_id = None
    for e in events:
        p = e.payload
        if e.event_type == "signature.captured":
            data = p.get("data", {})
            if data.get("document_kind", "record") == "record":
                roles.add(data.get("role", ""))
                if data.get("role") == "officer" and data.get("officer_id"):
                    officers.add(data["officer_id"])
        elif e.event_type == "party.signoff":
            # the record's sign-off is the first one created (an addendum's comes after the record is signed)
            if signoff is None and "data" in p:
                signoff, signoff_id = dict(p["data"]), p.get("id")
            elif signoff is not None and p.get("id") == signoff_id:
                signoff.update({k: v[1] for k, v in p.get("fields", {}).items()})
    return officers, roles, signoff


def load(app: Any, inspection_id: str) -> SigningState:
    """Runs on a worker thread."""
    detail = app.queries.detail(inspection_id)
    missing = tuple(app.signing.readiness(inspection_id))
    documents = tuple(app.signing.documents(inspection_id))
    drawn, roles, signoff = fold_captures(app.journal.events(inspection_id))
    record = next((d for d in documents if d.kind == "record"), None)
    active = [m for m in detail.team if m.has_conflict is not True]
    signed = set(record.signed_fields) if record is not None else set()
    officers = tuple(OfficerState(m.officer_id, m.name, f"Sig_Officer{n}", app.keys.has_key(m.officer_id),
                                  m.officer_id in drawn, f"Sig_Officer{n}" in signed)
                     for n, m in enumerate(active, start=1))
    party = None
    if signoff is not None:
        refused = bool(signoff.get("refused"))
        party = PartyState(refused, signoff.get("signer_name", ""), signoff.get("title", ""),
                           signoff.get("witness_name", ""), signoff.get("witness_relation", ""),
                           signoff.get("refusal_reason", ""), ("witness" if refused else "party") in roles)
    return SigningState(detail, missing, officers, party, documents)
