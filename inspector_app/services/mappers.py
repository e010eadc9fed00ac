"""Row → DTO conversion, in one place."""

from __future__ import annotations

from inspector_app.services.dto import (
    AnswerDTO,
    EvidenceDTO,
    FindingDTO,
    InstitutionDTO,
    OfficerDTO,
)
from inspector_app.storage.orm import AnswerRow, EvidenceRow, FindingRow, InstitutionRow, OfficerRow


def institution_dto(r: InstitutionRow) -> InstitutionDTO:
    return InstitutionDTO(r.id, r.name, r.category, r.level, r.ownership, r.credit_code, r.designation_code,
                          r.address, r.legal_representative, r.region, r.credit_rating, r.complaint_count, r.phone)


def officer_dto(r: OfficerRow) -> OfficerDTO:
    return OfficerDTO(r.id, r.name, r.department, r.certificate_no, r.certificate_expiry, r.role)


def answer_dto(r: AnswerRow) -> AnswerDTO:
    return AnswerDTO(r.id, r.template_hash, r.item_id, r.value, r.verdict, r.note, r.state, r.updated_at)


def finding_dto(r: FindingRow, evidence_ids: tuple[str, ...] = ()) -> FindingDTO:
    return FindingDTO(r.id, r.inspection_id, r.item_id, r.answer_id, r.description, r.severity, r.amount_involved,
                      r.amount_to_recover, r.legal_basis, r.penalty_article, r.created_at, evidence_ids)


def evidence_dto(r: EvidenceRow, links: tuple[tuple[str, str], ...] = ()) -> EvidenceDTO:
    return EvidenceDTO(r.id, r.inspection_id, r.sha256, r.kind, r.measure, r.caption, r.captured_at,
                       r.source_name, r.mime, r.size, r.meta or {}, r.created_at, links, r.reinspection_id,
                       r.evidence_type, r.provider, r.page_count)
