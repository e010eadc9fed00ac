"""Frozen snapshots of what a signed record prints: 现场检查笔录 + 证据清单 (D4/D7), the addendum to a signed
record, and the 责令改正(限期整改)通知书 (D12).

A snapshot is taken once, when the record goes to signature; it is never edited afterwards (corrections become an
`AddendumSnapshot`). `content_hash()` is SHA-256 over the canonical JSON of `canonical()`: no floats, decimals as
text, times as ISO 8601, image bytes as their SHA-256, local file paths left out (they are not content). The hash is
printed in the PDF, written to its /Info dictionary and embedded with the record JSON, so the signatures bind to it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from inspector_app.domain.agency_time import AGENCY_ZONE
from inspector_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from inspector_app.records.model_base import (
    PARTY as PARTY,
    WITNESS as WITNESS,
    LEAD as LEAD,
    _NOT_HASHED as _NOT_HASHED,
    Party as Party,
    Contact as Contact,
    Officer as Officer,
    Recusal as Recusal,
    ChecklistRow as ChecklistRow,
    FindingRow as FindingRow,
    EvidenceRow as EvidenceRow,
    EvidenceConfirmation as EvidenceConfirmation,
    _SINCE_V2 as _SINCE_V2,
    Witness as Witness,
    PartySignOff as PartySignOff,
    SignatureImage as SignatureImage,
    _canon as _canon,
    _Hashable as _Hashable,
    _check_signoff as _check_signoff,
    _check_officers as _check_officers,
    _check_journal as _check_journal,
)

#: The agency's time zone as configured (domain/agency_time.py: config/agency.toml or INSPECTOR_TIMEZONE, default
#: Asia/Shanghai); records print local time on that clock — the screens and the CLI use the same setting.
CN_TZ = AGENCY_ZONE


@dataclass(frozen=True, slots=True)
class RecordSnapshot(_Hashable):
    """Everything printed on a 现场检查笔录 with its 证据清单, frozen at signing time."""

    KIND = "inspection_record"

    number: str                      # 编号/文号, e.g. 青医保检〔2026〕15号
    agency: str                      # 制作机关, e.g. 青川市医疗保障局
    party: Party
    contact: Contact
    started_at: dt.datetime
    ended_at: dt.datetime
    place: str
    inspection_type: str             # domain.inspection.InspectionType value
    inspection_mode: str             # domain.inspection.InspectionMode value
    officers: tuple[Officer, ...]
    recorder: str
    period_from: dt.date | None = None  # 检查期间 (the period the check covers)
    period_to: dt.date | None = None
    team_lead: Officer | None = None    # countersigns after the officers
    recusals: tuple[Recusal, ...] = ()
    party_recusal_answer: str = ""      # answer to "是否申请回避"
    rights_notice: tuple[str, ...] = ()
    checklist: tuple[ChecklistRow, ...] = ()
    findings: tuple[FindingRow, ...] = ()
    evidence: tuple[EvidenceRow, ...] = ()
    party_signoff: PartySignOff = PartySignOff()
    signature_images: tuple[SignatureImage, ...] = ()
    journal: tuple[dict[str, Any], ...] = ()  # inspector_app.domain.journal.events_to_json(...)
    chain_head: str = ""
    inspection_id: str = ""
    title: str = "现场检查笔录"
    #: the party's confirmation of the 证据清单 (None: not given; printed as such)
    evidence_confirmation: EvidenceConfirmation | None = field(default=None, metadata=_SINCE_V2)

    def problems(self) -> list[ValidationError]:
        problems: list[ValidationError] = []
        if not self.number.strip():
            problems.append(ValidationError("record.number_missing", QT_TRANSLATE_NOOP(
                "Errors", "The record number is missing.")))
        c = self.evidence_confirmation
        if c is not None and c.refused and not c.refusal_reason.strip():
            problems.append(ValidationError("record.evidence_refusal_reason_missing", QT_TRANSLATE_NOOP(
                "Errors", "Record the party's reason for refusing to confirm the evidence list.")))
        if c is not None and not c.refused and not c.signer_name.strip():
            problems.append(ValidationError("record.evidence_confirmation_signer_missing", QT_TRANSLATE_NOOP(
                "Errors", "The name of the party's signer confirming the evidence list is missing.")))
        if self.ended_at < self.started_at:
            problems.append(ValidationError("record.ended_before_started", QT_TRANSLATE_NOOP(
                "Errors", "The inspection ends before it starts.")))
        _check_officers(self.officers, problems)
        for o in self.officers:
            if o.credentials_shown_at is None:
                problems.append(ValidationError("record.credentials_time_missing", QT_TRANSLATE_NOOP(
                    "Errors", "The time {name} showed the credentials is not recorded."), name=o.name))
        _check_signoff(self.party_signoff, self.signature_images, problems)
        if not self.journal:
            problems.append(ValidationError("record.journal_missing", QT_TRANSLATE_NOOP(
                "Errors", "The whole-process record is missing (Administrative Penalty Law, art. 47).")))
        _check_journal(self.journal, self.chain_head, problems)
        return problems

    @property
    def total_involved(self) -> Decimal:
        return sum((f.amount_involved for f in self.findings), Decimal("0.00"))

    @property
    def total_to_recover(self) -> Decimal:
        return sum((f.amount_to_recover for f in self.findings), Decimal("0.00"))


@dataclass(frozen=True, slots=True)
class AddendumChange:
    field: str    # what is corrected, e.g. "发现问题 2 涉及金额"
    before: str
    after: str


@dataclass(frozen=True, slots=True)
class AddendumSnapshot(_Hashable):
    """A correction after signing (补正说明): the signed record is never edited; it gains an addendum."""

    KIND = "record_addendum"

    number: str
    agency: str
    original_number: str        # the corrected record's number
    original_content_hash: str  # and its content hash
    party: Party
    made_at: dt.datetime
    reason: str
    changes: tuple[AddendumChange, ...]
    officers: tuple[Officer, ...]
    team_lead: Officer | None = None
    party_signoff: PartySignOff = PartySignOff(opinion="以上补正内容已阅，属实。")
    signature_images: tuple[SignatureImage, ...] = ()
    journal: tuple[dict[str, Any], ...] = ()
    chain_head: str = ""
    title: str = "现场检查笔录补正说明"

    def problems(self) -> list[ValidationError]:
        problems: list[ValidationError] = []
        if not self.reason.strip():
            problems.append(ValidationError("addendum.reason_missing", QT_TRANSLATE_NOOP(
                "Errors", "State the reason for the correction.")))
        if not self.changes:
            problems.append(ValidationError("addendum.changes_missing", QT_TRANSLATE_NOOP(
                "Errors", "List what the correction changes.")))
        if len(self.original_content_hash) != 64:
            problems.append(ValidationError("addendum.original_hash_missing", QT_TRANSLATE_NOOP(
                "Errors", "The correction must refer to the content hash of the original record.")))
        _check_officers(self.officers, problems)
        _check_signoff(self.party_signoff, self.signature_images, problems)
        _check_journal(self.journal, self.chain_head, problems)
        return problems


@dataclass(frozen=True, slots=True)
class RectificationItem:
    problem: str       # the violation found
    legal_basis: str   # e.g. 《医疗保障基金使用监督管理条例》第三十八条
    requirement: str   # what to correct


@dataclass(frozen=True, slots=True)
class RectificationNotice(_Hashable):
    """责令改正(限期整改)通知书 (D12)."""

    KIND = "rectification_notice"

    number: str
    agency: str
    party: Party
    record_number: str            # the 现场检查笔录 it is based on
    inspected_on: dt.date
    issued_on: dt.date
    items: tuple[RectificationItem, ...]
    deadline: dt.date
    report_method: str            # how to report (整改报告报送方式)
    consequence: str              # consequence of not correcting
    contact_person: str = ""
    contact_phone: str = ""
    signer: Officer | None = None  # the officer who signs for the agency
    title: str = "责令改正（限期整改）通知书"
    #: remedies (行政复议法 第二十条: 60 days; 行政诉讼法 第四十六条: 6 months), bodies from the workspace settings
    reconsideration_body: str = "本级人民政府"
    court: str = "有管辖权的人民法院"

    def problems(self) -> list[ValidationError]:
        problems: list[ValidationError] = []
        if not self.items:
            problems.append(ValidationError("notice.items_missing", QT_TRANSLATE_NOOP(
                "Errors", "The notice must list the problems to be corrected.")))
        if self.deadline <= self.issued_on:
            problems.append(ValidationError("notice.deadline_not_after_issue", QT_TRANSLATE_NOOP(
                "Errors", "The deadline for correcting must be after the date of issue.")))
        if not self.report_method.strip() or not self.consequence.strip():
            problems.append(ValidationError("notice.report_or_consequence_missing", QT_TRANSLATE_NOOP(
                "Errors", "The notice must state how to report the correction and the consequence of not correcting.")))
        return problems


#: Results a re-inspection can record (domain.outcomes.RectificationResult values; records/ stays domain-free).
REINSPECTION_RESULTS = ("整改到位", "部分整改", "逾期未改")


@dataclass(frozen=True, slots=True)
class ReinspectionRecord(_Hashable):
    """整改复查记录 (D14): the agency's re-inspection of what a 责令整改通知书 ordered, with its own evidence.

    Bound to the original record (number and content hash) and the notice (number and deadline); a result of
    逾期未改 is what opens the 第三十九条 fine, so the evidence list and the officers are part of the signed content."""

    KIND = "reinspection_record"

    number: str
    agency: str
    party: Party
    record_number: str
    record_content_hash: str
    notice_number: str
    deadline: dt.date
    items: tuple[RectificationItem, ...]
    visited_at: dt.datetime
    place: str
    officers: tuple[Officer, ...]
    result: str
    note: str                              # 复查情况: what was seen
    evidence: tuple[EvidenceRow, ...] = ()
    voluntary_refund: Decimal = Decimal("0.00")
    voluntary_refund_on: dt.date | None = None
    title: str = "整改复查记录"

    def problems(self) -> list[ValidationError]:
        problems: list[ValidationError] = []
        if not self.number.strip():
            problems.append(ValidationError("reinspection.number_missing", QT_TRANSLATE_NOOP(
                "Errors", "The re-inspection record number is missing.")))
        if self.result not in REINSPECTION_RESULTS:
            problems.append(ValidationError("reinspection.result_missing", QT_TRANSLATE_NOOP(
                "Errors", "Choose the result of the re-inspection (corrected / partly corrected / not corrected by the "
                          "deadline).")))
        if not self.note.strip():
            problems.append(ValidationError("reinspection.note_missing", QT_TRANSLATE_NOOP(
                "Errors", "Record what the re-inspection found.")))
        if len(self.record_content_hash) != 64:
            problems.append(ValidationError("reinspection.record_hash_missing", QT_TRANSLATE_NOOP(
                "Errors", "The re-inspection record must refer to the content hash of the original record.")))
        _check_officers(self.officers, problems)
        return problems

    @property
    def overdue_at_visit(self) -> bool:
        return self.visited_at.astimezone(CN_TZ).date() > self.deadline
