"""What signing works with, apart from the service itself: the party's sign-off, a document as the UI sees it,
the handwriting captured, and the checks on strokes and on the certificate a field is signed with (split from
services/signing.py, which keeps using and re-exporting them)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from inspector_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from inspector_app.storage.records_orm import DocumentRow


@dataclass(frozen=True, slots=True)
class PartySignoff:
    """What the inspected party's representative said and did with the record."""

    refused: bool
    signer_name: str = ""
    title: str = ""
    id_number: str = ""
    phone: str = ""
    opinion: str = "以上记录已阅，属实。"
    recusal_answer: str = "不申请回避。"
    refusal_reason: str = ""
    witness_name: str = ""
    witness_id_number: str = ""
    witness_relation: str = ""
    officer_note: str = ""

    def validate(self) -> None:
        if self.refused:
            missing = [label for label, v in (
                (QT_TRANSLATE_NOOP("Errors", "the reason for refusing"), self.refusal_reason),
                (QT_TRANSLATE_NOOP("Errors", "the witness's name"), self.witness_name),
                (QT_TRANSLATE_NOOP("Errors", "the witness's ID number"), self.witness_id_number),
                (QT_TRANSLATE_NOOP("Errors", "the witness's relation to the party"), self.witness_relation),
                (QT_TRANSLATE_NOOP("Errors", "the officer's note"), self.officer_note)) if not v.strip()]
            if missing:  # each field a problem of its own, so each is translated
                raise ValidationError("party.refusal_incomplete", QT_TRANSLATE_NOOP(
                    "Errors", "The party refused to sign"), problems=[ValidationError(
                        "party.refusal_field_missing", QT_TRANSLATE_NOOP("Errors", "Record {field}."), field=label)
                    for label in missing])
        elif not self.signer_name.strip():
            raise ValidationError("party.signer_name_missing", QT_TRANSLATE_NOOP(
                "Errors", "Fill in the name of the person signing."))


@dataclass(frozen=True, slots=True)
class DocumentDTO:
    id: str
    inspection_id: str
    kind: str
    number: str
    content_hash: str
    pdf_sha256: str
    signed_fields: tuple[str, ...]
    pending_fields: tuple[str, ...]
    created_at: dt.datetime


@dataclass(frozen=True, slots=True)
class CaptureState:
    """What has been captured for one document of an inspection, read from its own tables."""

    drawn_officers: frozenset[str]      # officer ids with a handwritten signature
    roles: frozenset[str]               # roles with a capture: officer, party, witness, lead
    signoff: PartySignoff | None        # the party's response, if recorded


def document_dto(r: DocumentRow) -> DocumentDTO:
    return DocumentDTO(r.id, r.inspection_id, r.kind, r.number, r.content_hash, r.pdf_sha256,
                       tuple(r.signed_fields or ()), tuple(r.pending_fields or ()), r.created_at)


def validate_strokes(strokes: Any) -> list[list[list[int]]]:
    """Strokes are lists of [x, y] points; an empty or dot-only signature is refused (a common field-app bug)."""
    if not isinstance(strokes, list) or not strokes:
        raise ValidationError("signature.empty", QT_TRANSLATE_NOOP(
            "Errors", "The signature is empty; sign on the pad."))
    points = 0
    for stroke in strokes:
        if not isinstance(stroke, list) or not all(isinstance(p, (list, tuple)) and len(p) == 2 for p in stroke):
            raise ValidationError("signature.malformed", QT_TRANSLATE_NOOP(
                "Errors", "The signature strokes are malformed."))
        points += len(stroke)
    if points < 8:
        raise ValidationError("signature.too_short", QT_TRANSLATE_NOOP(
            "Errors", "The signature is too short; sign again."))
    # Tenths of a canvas unit as integers: exact in hashes and JSON (the journal refuses floats).
    return [[[round(float(x) * 10), round(float(y) * 10)] for x, y in stroke] for stroke in strokes]
