"""Building blocks of the record snapshots in records/model.py: the row types a record is made of (party, officers,
checklist and finding rows, evidence, sign-off, signature images), the canonical form and content-hash mixin
`_Hashable`, and the checks the snapshots share. Split out of model.py to keep it small; model.py re-exports
every name here, so `model.X` keeps working.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any

from inspector_app.domain.canonical import canonical_json, content_hash as _content_hash
from inspector_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError

#: Keys of `SignatureImage.signer` that are not officer ids.
PARTY = "party"
WITNESS = "witness"
LEAD = "lead"

_NOT_HASHED = {"hash": False}
#: A field added after records were signed without it: left out of the canonical form while it holds its default,
#: so the content hash (and the re-rendered pages) of a record signed before the field existed stay as signed.
_SINCE_V2 = {"omit_default": True}


@dataclass(frozen=True, slots=True)
class Party:
    """被检查单位 (the inspected unit)."""

    name: str
    credit_code: str                 # 统一社会信用代码
    designation_code: str = ""       # 医保定点编码
    address: str = ""
    legal_representative: str = ""  # 法定代表人/主要负责人
    phone: str = ""
    category: str = ""               # e.g. 医院, 零售药店
    level: str = ""                  # e.g. 二级


@dataclass(frozen=True, slots=True)
class Contact:
    """On-site contact (现场负责人)."""

    name: str
    position: str = ""
    id_number: str = ""
    phone: str = ""


@dataclass(frozen=True, slots=True)
class Officer:
    officer_id: str
    name: str
    certificate_no: str                          # 执法证号
    credentials_shown_at: dt.datetime | None = None  # 亮证 time
    department: str = ""


@dataclass(frozen=True, slots=True)
class Recusal:
    """An officer's 回避 declaration."""

    officer_name: str
    has_conflict: bool
    declared_at: dt.datetime
    note: str = ""


@dataclass(frozen=True, slots=True)
class ChecklistRow:
    template_title: str
    section_title: str
    item_id: str
    label: str
    answer_text: str          # the answer rendered as text (是/否, 12.5%, 3 条 ...)
    state: str                # domain.checklist.ItemState value; "" when nobody judged (a text answer, no verdict)
    threshold_text: str = ""  # e.g. "≤ 8%"
    legal_basis: str = ""
    note: str = ""
    #: a sample (抽查) item prints its rows as a sub-table: the declared column labels, then one tuple per row
    #: (cells as text, the last column 是否违规); both empty for other answer types
    sample_columns: tuple[str, ...] = ()
    sample_rows: tuple[tuple[str, ...], ...] = ()

    @property
    def is_violation(self) -> bool:
        return self.state == "violation"


@dataclass(frozen=True, slots=True)
class FindingRow:
    number: int
    description: str
    severity: str                      # domain.findings.Severity value
    amount_involved: Decimal = Decimal("0.00")
    amount_to_recover: Decimal = Decimal("0.00")
    legal_basis: str = ""
    penalty_article: str = ""
    item_id: str | None = None


@dataclass(frozen=True, slots=True)
class EvidenceRow:
    number: str                   # e.g. "E-01"
    caption: str
    kind: str                     # domain.evidence.EvidenceKind value or its label
    measure: str                  # 取证方式, domain.evidence.Measure value
    captured_at: dt.datetime | None
    source_name: str              # 提供人/来源
    sha256: str                   # of the original file
    print_image: Path | None = field(default=None, metadata=_NOT_HASHED)  # pre-scaled JPEG for print
    proves: str = ""              # 证明对象: the linked findings and checklist items, as printed
    evidence_type: str = field(default="", metadata=_SINCE_V2)   # 证据种类 (行政处罚法 第四十六条)
    provider: str = field(default="", metadata=_SINCE_V2)        # 提供人: who handed it over
    page_count: int | None = field(default=None, metadata=_SINCE_V2)  # 页数 of a copy


@dataclass(frozen=True, slots=True)
class EvidenceConfirmation:
    """The party's "与原件核对一致", given once for the whole 证据清单, or its refusal to confirm."""

    statement: str = "以上证据与原件核对一致。"
    signer_name: str = ""
    confirmed_at: dt.datetime | None = None
    refused: bool = False
    refusal_reason: str = ""


@dataclass(frozen=True, slots=True)
class Witness:
    name: str
    id_number: str
    relation: str  # 与当事人关系


@dataclass(frozen=True, slots=True)
class PartySignOff:
    """The party's confirmation, or its refusal noted with a witness (行政强制法 第十八条)."""

    signer_name: str = ""
    opinion: str = "以上记录已阅，属实。"
    signed_at: dt.datetime | None = None
    refused: bool = False
    refusal_reason: str = ""
    witness: Witness | None = None
    officer_note: str = ""


@dataclass(frozen=True, slots=True)
class SignatureImage:
    """A handwritten signature captured on the device (PNG with alpha)."""

    signer: str  # PARTY, WITNESS, LEAD or an officer_id
    png: bytes


def _canon(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _canon(getattr(value, f.name)) for f in dataclasses.fields(value)
                if f.metadata.get("hash", True)
                and not (f.metadata.get("omit_default") and getattr(value, f.name) == f.default)}
    if isinstance(value, Enum):
        return _canon(value.value)
    if isinstance(value, bool) or value is None or isinstance(value, int):
        return value
    if isinstance(value, str):
        return str(value)
    if isinstance(value, (bytes, bytearray)):
        return {"sha256": hashlib.sha256(value).hexdigest(), "size": len(value)}
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            raise ValidationError("record.naive_time", QT_TRANSLATE_NOOP(
                "Errors", "The time {time} has no time zone."), time=value.isoformat())
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _canon(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_canon(v) for v in value]
    if isinstance(value, Path):
        return None
    if isinstance(value, float):
        raise ValidationError("record.float_hashed", QT_TRANSLATE_NOOP(
            "Errors", "Hashed content must not contain floating-point numbers."))
    raise TypeError(f"not canonicalisable: {type(value).__name__}")


class _Hashable:
    """Mixin: canonical form and content hash of a frozen snapshot."""

    KIND = ""

    def canonical(self) -> dict[str, Any]:
        return {"kind": self.KIND, "format": 1, **_canon(self)}

    def canonical_json(self) -> str:
        return canonical_json(self.canonical())

    def content_hash(self) -> str:
        return _content_hash(self.canonical())

    def problems(self) -> list[ValidationError]:
        """What keeps this document from being signed, as coded problems (none by default); the windows and the
        command line word them (ui/errors.py), in Chinese as the printed form does."""
        return []

    def validate(self) -> None:
        """Refuse an incomplete document, naming every problem at once."""
        problems = self.problems()
        if len(problems) == 1:
            raise problems[0]
        if problems:
            raise ValidationError("record.incomplete", "", problems=problems)

    def image_for(self, signer: str) -> bytes | None:
        for img in getattr(self, "signature_images", ()):
            if img.signer == signer:
                return img.png
        return None


def _check_signoff(signoff: PartySignOff, images: tuple[SignatureImage, ...],
                   problems: list[ValidationError]) -> None:
    have = {i.signer for i in images}
    if signoff.refused:
        if not signoff.refusal_reason.strip():
            problems.append(ValidationError("record.refusal_reason_missing", QT_TRANSLATE_NOOP(
                "Errors", "Record the party's reason for refusing to sign.")))
        w = signoff.witness
        if w is None or not (w.name.strip() and w.id_number.strip() and w.relation.strip()):
            problems.append(ValidationError("record.refusal_witness_missing", QT_TRANSLATE_NOOP(
                "Errors", "When the party refuses to sign, record the witness's name, ID number and relation to "
                          "the party.")))
        elif WITNESS not in have:
            problems.append(ValidationError("record.witness_signature_missing", QT_TRANSLATE_NOOP(
                "Errors", "The witness's signature is missing.")))
    else:
        if not signoff.signer_name.strip():
            problems.append(ValidationError("record.party_signer_missing", QT_TRANSLATE_NOOP(
                "Errors", "The name of the party's signer is missing.")))
        if PARTY not in have:
            problems.append(ValidationError("record.party_signature_missing", QT_TRANSLATE_NOOP(
                "Errors", "The party's signature is missing.")))


def _check_officers(officers: tuple[Officer, ...], problems: list[ValidationError]) -> None:
    if len({o.officer_id for o in officers}) < 2 or len({o.certificate_no.strip() for o in officers}) < 2:
        problems.append(ValidationError("record.two_officers_required", QT_TRANSLATE_NOOP(
            "Errors", "The record must name at least two enforcement officers with different enforcement "
                      "certificate numbers (Regulation, art. 29).")))
    for o in officers:
        if not o.certificate_no.strip():
            problems.append(ValidationError("record.officer_certificate_missing", QT_TRANSLATE_NOOP(
                "Errors", "{name} has no enforcement certificate number."), name=o.name))


def _check_journal(journal: tuple[dict[str, Any], ...], head: str, problems: list[ValidationError]) -> None:
    if journal and journal[-1].get("hash") != head:
        problems.append(ValidationError("record.journal_head_mismatch", QT_TRANSLATE_NOOP(
            "Errors", "The head hash of the whole-process record does not match its last event.")))
