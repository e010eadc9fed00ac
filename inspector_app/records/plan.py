"""Who must sign which signature field of a record, and which stage a set of signed fields reaches.

The plan is derived from the record's own canonical JSON (record.json, embedded with the first signature and bound
by the content hash printed in the PDF), so the embedded record states every field's role and bound person:

    Sig_Officer1..n   the snapshot's `officers` in order (执法人员)      -> stage "signed" when all have signed
    Sig_Lead          the snapshot's `team_lead` (检查组组长, approves)  -> stage "approved"
    Sig_Agency        a notice's `signer` (承办执法人员)                 -> stage "signed"

render.py names the fields with the same functions, so the layout and the verifier cannot drift apart.
The two-officer rule (《医疗保障基金使用监督管理条例》第二十九条: on-site inspection by no fewer than two officers)
applies to documents that list officers: a record, its addendum and a re-inspection record need at least two
distinct officers' signatures before they count as signed. A notice is signed for the agency by one officer.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

LEAD_FIELD = "Sig_Lead"
AGENCY_FIELD = "Sig_Agency"

ROLE_OFFICER, ROLE_LEAD, ROLE_AGENCY = "officer", "team_lead", "agency"
#: Stages in order. "complete" in a requirement means the last stage the document's plan has.
STAGE_NONE, STAGE_PARTIAL, STAGE_SIGNED, STAGE_APPROVED = "none", "partial", "signed", "approved"
STAGE_ORDER = (STAGE_NONE, STAGE_PARTIAL, STAGE_SIGNED, STAGE_APPROVED)
REQUIRE_COMPLETE = "complete"
MIN_OFFICERS = 2


def officer_field(index: int) -> str:
    """The field of the `index`-th officer (1-based)."""
    return f"Sig_Officer{index}"


@dataclass(frozen=True, slots=True)
class PlannedSignature:
    field_name: str
    role: str                # ROLE_OFFICER / ROLE_LEAD / ROLE_AGENCY
    name: str                # the person bound to the field, as the record prints it
    certificate_no: str      # and their 执法证号


@dataclass(frozen=True, slots=True)
class SignaturePlan:
    kind: str
    signatures: tuple[PlannedSignature, ...]

    def get(self, field_name: str) -> PlannedSignature | None:
        return next((p for p in self.signatures if p.field_name == field_name), None)

    @property
    def officer_fields(self) -> tuple[str, ...]:
        return tuple(p.field_name for p in self.signatures if p.role in (ROLE_OFFICER, ROLE_AGENCY))

    @property
    def two_officer_rule(self) -> bool:
        return any(p.role == ROLE_OFFICER for p in self.signatures)

    @property
    def final_stage(self) -> str:
        return STAGE_APPROVED if self.get(LEAD_FIELD) is not None else STAGE_SIGNED


def _person(value: Any) -> tuple[str, str] | None:
    if not isinstance(value, Mapping):
        return None
    return str(value.get("name", "")), str(value.get("certificate_no", ""))


def plan_from_record(record: Mapping[str, Any]) -> SignaturePlan:
    """The plan of a record's canonical JSON (model._Hashable.canonical())."""
    out: list[PlannedSignature] = []
    for i, officer in enumerate(record.get("officers") or (), start=1):
        person = _person(officer)
        if person is not None:
            out.append(PlannedSignature(officer_field(i), ROLE_OFFICER, *person))
    lead = _person(record.get("team_lead"))
    if lead is not None:
        out.append(PlannedSignature(LEAD_FIELD, ROLE_LEAD, *lead))
    agency = _person(record.get("signer"))
    if agency is not None:
        out.append(PlannedSignature(AGENCY_FIELD, ROLE_AGENCY, *agency))
    return SignaturePlan(str(record.get("kind", "")), tuple(out))


@dataclass(frozen=True, slots=True)
class StageResult:
    stage: str                       # the stage the good signatures reach
    distinct_officers: int           # distinct officers (by 执法证号) among the good officer signatures
    missing: tuple[str, ...]         # planned fields not (validly) signed


def stage_reached(plan: SignaturePlan, good: Mapping[str, str]) -> StageResult:
    """`good`: field name -> 执法证号 of every signature that is intact, trusted and bound to its field."""
    officer_fields = plan.officer_fields
    signed_officers = [f for f in officer_fields if f in good]
    distinct = len({good[f] for f in signed_officers})
    missing = tuple(p.field_name for p in plan.signatures if p.field_name not in good)
    enough = distinct >= (MIN_OFFICERS if plan.two_officer_rule else 1)
    if officer_fields and len(signed_officers) == len(officer_fields) and enough:
        stage = STAGE_APPROVED if LEAD_FIELD in good and plan.get(LEAD_FIELD) is not None else STAGE_SIGNED
    elif good:
        stage = STAGE_PARTIAL
    else:
        stage = STAGE_NONE
    return StageResult(stage, distinct, missing)


def required_stage(plan: SignaturePlan, require: str, claimed_fields: Collection[str] = ()) -> str:
    """The stage a verification demands: the caller's `require` ('complete' = the plan's last stage), raised to
    what `claimed_fields` (fields a database or case file says are signed) imply."""
    need = plan.final_stage if require == REQUIRE_COMPLETE else require
    if LEAD_FIELD in claimed_fields:
        need = STAGE_APPROVED
    elif claimed_fields and STAGE_ORDER.index(need) < STAGE_ORDER.index(STAGE_PARTIAL):
        need = STAGE_PARTIAL
    return need


def reaches(stage: str, need: str) -> bool:
    return STAGE_ORDER.index(stage) >= STAGE_ORDER.index(need)
