"""Frozen read models handed to the CLI and the UI. ORM rows never leave the services layer."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from inspector_app.domain.checklist import TemplateDef
from inspector_app.domain.errors import DomainError
from inspector_app.domain.rules import Facts


@dataclass(frozen=True, slots=True)
class InstitutionDTO:
    id: str
    name: str
    category: str
    level: str
    ownership: str
    credit_code: str
    designation_code: str
    address: str
    legal_representative: str
    region: str
    credit_rating: str | None
    complaint_count: int
    phone: str


@dataclass(frozen=True, slots=True)
class OfficerDTO:
    id: str
    name: str
    department: str
    certificate_no: str
    certificate_expiry: dt.date
    role: str

    def valid_on(self, day: dt.date) -> bool:
        return self.certificate_expiry >= day


@dataclass(frozen=True, slots=True)
class TeamMemberDTO:
    officer_id: str
    name: str
    certificate_no: str
    certificate_expiry: dt.date
    role: str
    credentials_shown_at: dt.datetime | None
    recusal_declared_at: dt.datetime | None
    has_conflict: bool | None
    conflict_note: str


@dataclass(frozen=True, slots=True)
class AnswerDTO:
    id: str
    template_hash: str
    item_id: str
    value: Any
    verdict: str | None
    note: str
    state: str
    updated_at: dt.datetime


@dataclass(frozen=True, slots=True)
class FindingDTO:
    id: str
    inspection_id: str
    item_id: str | None
    answer_id: str | None
    description: str
    severity: str
    amount_involved: Decimal
    amount_to_recover: Decimal
    legal_basis: str
    penalty_article: str
    created_at: dt.datetime
    evidence_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class EvidenceDTO:
    id: str
    inspection_id: str
    sha256: str
    kind: str
    measure: str
    caption: str
    captured_at: dt.datetime | None
    source_name: str
    mime: str
    size: int
    meta: dict[str, Any]
    created_at: dt.datetime
    links: tuple[tuple[str, str], ...] = ()  # (target_type, target_id)
    reinspection_id: str | None = None       # taken at a re-inspection, not part of the signed record
    evidence_type: str = ""                  # 证据种类 (domain.evidence.EvidenceType value)
    provider: str = ""                       # 提供人: who handed it over
    page_count: int | None = None            # 页数 of a copy


@dataclass(frozen=True, slots=True)
class InspectionSummary:
    """One row of the inspection list."""

    id: str
    institution_id: str
    institution_name: str
    institution_category: str
    inspection_type: str
    mode: str
    status: str
    planned_at: dt.datetime
    started_at: dt.datetime | None
    ended_at: dt.datetime | None
    team: tuple[str, ...]
    items_total: int
    items_answered: int
    violations: int
    findings: int
    unsynced: int

    @property
    def completion(self) -> float:
        return 100.0 * self.items_answered / self.items_total if self.items_total else 0.0


@dataclass(frozen=True, slots=True)
class InspectionDetail:
    summary: InspectionSummary
    institution: InstitutionDTO
    place: str
    period_from: dt.date | None
    period_to: dt.date | None
    template_hashes: tuple[str, ...]
    team: tuple[TeamMemberDTO, ...]
    answers: tuple[AnswerDTO, ...]
    content_hash: str | None
    team_problem: DomainError | None = None  # why the team may not go on site yet (None: ready); domain/team.py

    def facts(self) -> Facts:
        """What the rule book needs to know about this inspection (domain/rules.py decides)."""
        return Facts(team_ready=self.team_problem is None, frozen=bool(self.content_hash),
                     has_officers=bool(self.team), has_findings=bool(self.summary.findings))


@dataclass(frozen=True, slots=True)
class ChecklistPart:
    """One pinned template of an inspection and its answers by item id."""

    template: TemplateDef
    answers: dict[str, AnswerDTO]
