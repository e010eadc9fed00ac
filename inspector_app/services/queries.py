"""Read side: inspection list rows and details, computed with a few aggregate queries (not per-row loops)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from inspector_app.domain.agency_time import local
from inspector_app.domain.errors import QT_TRANSLATE_NOOP, DomainError, TeamRuleViolation, ValidationError
from inspector_app.domain.rules import REVIEW_LISTED
from inspector_app.domain.team import TeamMember, check_ready_for_site
from inspector_app.services.context import ServiceContext
from inspector_app.services.dto import AnswerDTO, ChecklistPart, InspectionDetail, InspectionSummary, TeamMemberDTO
from inspector_app.services.mappers import answer_dto, institution_dto
from inspector_app.storage.orm import (
    AnswerRow,
    FindingRow,
    InspectionRow,
    InspectionTemplateRow,
    InstitutionRow,
    OfficerRow,
    OutboxRow,
    TeamMemberRow,
)


def _summaries(s: Session, ids: Sequence[str] | None = None,
               statuses: Collection[str] | None = None) -> list[InspectionSummary]:
    # Columns, not ORM entities: the list reads 10,000 rows, and building (and identity-mapping) an InspectionRow
    # per row was two thirds of the query's time (300 ms of 350); the aggregates below are one index scan each.
    i = InspectionRow
    q = (select(i.id, i.institution_id, InstitutionRow.name, InstitutionRow.category, i.inspection_type, i.mode,
                i.status, i.planned_at, i.started_at, i.ended_at)
         .join(InstitutionRow, InstitutionRow.id == i.institution_id)
         .where(i.deleted_at.is_(None)))
    if ids is not None:
        q = q.where(i.id.in_(ids))
    if statuses is not None:
        q = q.where(i.status.in_([str(v) for v in statuses]))
    # Core execution on the session's connection: the ORM's result machinery (per-row loading chunks) doubled
    # the time of these plain-column statements.
    c = s.connection()
    rows = c.execute(q.order_by(i.planned_at.desc())).all()
    answered = func.sum(case((AnswerRow.state != "unanswered", 1), else_=0))
    violations = func.sum(case((AnswerRow.state == "violation", 1), else_=0))
    counts_q = select(AnswerRow.inspection_id, func.count(), answered, violations).group_by(AnswerRow.inspection_id)
    findings_q = (select(FindingRow.inspection_id, func.count()).where(FindingRow.deleted_at.is_(None))
                  .group_by(FindingRow.inspection_id))
    team_q = (select(TeamMemberRow.inspection_id, OfficerRow.name)
              .join(OfficerRow, OfficerRow.id == TeamMemberRow.officer_id)
              .where(TeamMemberRow.deleted_at.is_(None)).order_by(TeamMemberRow.created_at))
    if ids is not None or statuses is not None:  # a subset: count only its rows
        wanted = [r[0] for r in rows]
        counts_q = counts_q.where(AnswerRow.inspection_id.in_(wanted))
        findings_q = findings_q.where(FindingRow.inspection_id.in_(wanted))
        team_q = team_q.where(TeamMemberRow.inspection_id.in_(wanted))
    counts = {iid: (total, done or 0, viol or 0) for iid, total, done, viol in c.execute(counts_q)}
    findings = dict(c.execute(findings_q).all())
    team: dict[str, list[str]] = defaultdict(list)
    for iid, name in c.execute(team_q):
        team[iid].append(name)
    unsynced = _unsynced_by_inspection(s)
    none = (0, 0, 0)
    out = []
    for iid, inst_id, inst_name, inst_cat, itype, mode, status, planned, started, ended in rows:
        total, done, viol = counts.get(iid, none)
        out.append(InspectionSummary(
            id=iid, institution_id=inst_id, institution_name=inst_name, institution_category=inst_cat,
            inspection_type=itype, mode=mode, status=status, planned_at=planned, started_at=started,
            ended_at=ended, team=tuple(team.get(iid, ())), items_total=total, items_answered=done,
            violations=viol, findings=findings.get(iid, 0), unsynced=unsynced.get(iid, 0)))
    return out


def _unsynced_by_inspection(s: Session) -> dict[str, int]:
    """Pending outbox rows per inspection; answer rows map to their inspection through the answers table."""
    pending = OutboxRow.status == "pending"
    direct = s.execute(select(OutboxRow.entity_id, func.count()).where(pending, OutboxRow.entity == "inspection")
                       .group_by(OutboxRow.entity_id)).all()
    via_answers = s.execute(select(AnswerRow.inspection_id, func.count()).select_from(OutboxRow)
                            .join(AnswerRow, AnswerRow.id == OutboxRow.entity_id)
                            .where(pending, OutboxRow.entity == "answer").group_by(AnswerRow.inspection_id)).all()
    via_findings = s.execute(select(FindingRow.inspection_id, func.count()).select_from(OutboxRow)
                             .join(FindingRow, FindingRow.id == OutboxRow.entity_id)
                             .where(pending, OutboxRow.entity == "finding").group_by(FindingRow.inspection_id)).all()
    out: dict[str, int] = defaultdict(int)
    for rows in (direct, via_answers, via_findings):
        for iid, n in rows:
            out[iid] += n
    return out


class QueryService:
    def __init__(self, ctx: ServiceContext):
        self._ctx = ctx

    def inspections(self, statuses: Collection[str] | None = None) -> list[InspectionSummary]:
        """Every inspection, newest first; only those in `statuses` when given (the caller names the statuses as
        data, e.g. the demo screenshots' scenes: which status allows what is the rule book's business)."""
        with self._ctx.read() as s:
            return _summaries(s, statuses=statuses)

    def review_queue(self) -> list[InspectionSummary]:
        """The inspections the review page lists: submitted, under review, returned or approved (the rule book's
        REVIEW_LISTED), newest first."""
        with self._ctx.read() as s:
            return _summaries(s, statuses=REVIEW_LISTED)

    def summary(self, inspection_id: str) -> InspectionSummary:
        with self._ctx.read() as s:
            found = _summaries(s, [inspection_id])
            if not found:
                raise ValidationError("inspection.not_found", QT_TRANSLATE_NOOP(
                    "Errors", "The inspection does not exist."))
            return found[0]

    def pending_changes(self) -> int:
        """Changes recorded locally and not yet acknowledged by the sync server."""
        from inspector_app.storage.outbox_repo import pending_count

        with self._ctx.read() as s:
            return pending_count(s)

    def checklist(self, inspection_id: str) -> list[ChecklistPart]:
        """The pinned templates of an inspection with their answers, for the checklist runner."""
        with self._ctx.read() as s:
            return _checklist(s, inspection_id)

    def detail(self, inspection_id: str) -> InspectionDetail:
        with self._ctx.read() as s:
            found = _summaries(s, [inspection_id])
            if not found:
                raise ValidationError("inspection.not_found", QT_TRANSLATE_NOOP(
                    "Errors", "The inspection does not exist."))
            insp = s.get(InspectionRow, inspection_id)
            assert insp is not None
            inst = s.get(InstitutionRow, insp.institution_id)
            assert inst is not None
            hashes = s.scalars(select(InspectionTemplateRow.template_hash)
                               .where(InspectionTemplateRow.inspection_id == inspection_id)
                               .order_by(InspectionTemplateRow.position)).all()
            team_rows = s.execute(select(TeamMemberRow, OfficerRow)
                                  .join(OfficerRow, OfficerRow.id == TeamMemberRow.officer_id)
                                  .where(TeamMemberRow.inspection_id == inspection_id,
                                         TeamMemberRow.deleted_at.is_(None))
                                  .order_by(TeamMemberRow.created_at)).all()
            team = tuple(TeamMemberDTO(o.id, o.name, o.certificate_no, o.certificate_expiry, m.role,
                                       m.credentials_shown_at, m.recusal_declared_at, m.has_conflict,
                                       m.conflict_note) for m, o in team_rows)
            answers = s.scalars(select(AnswerRow).where(AnswerRow.inspection_id == inspection_id)
                                .order_by(AnswerRow.template_hash, AnswerRow.position)).all()
            return InspectionDetail(summary=found[0], institution=institution_dto(inst), place=insp.place,
                                    period_from=insp.period_from, period_to=insp.period_to,
                                    template_hashes=tuple(hashes), team=team,
                                    answers=tuple(answer_dto(a) for a in answers), content_hash=insp.content_hash,
                                    team_problem=self._team_problem(team))

    def _team_problem(self, team: Sequence[TeamMemberDTO]) -> DomainError | None:
        members = [TeamMember(m.officer_id, m.name, m.certificate_no, m.certificate_expiry, m.credentials_shown_at,
                              m.recusal_declared_at, m.has_conflict, m.conflict_note) for m in team]
        try:
            check_ready_for_site(members, local(self._ctx.clock()).date())
        except TeamRuleViolation as exc:
            return exc
        return None


def _checklist(s: Session, inspection_id: str) -> list[ChecklistPart]:
    from inspector_app.services.templates import pinned

    hashes = s.scalars(select(InspectionTemplateRow.template_hash)
                       .where(InspectionTemplateRow.inspection_id == inspection_id)
                       .order_by(InspectionTemplateRow.position)).all()
    answers = s.scalars(select(AnswerRow).where(AnswerRow.inspection_id == inspection_id)).all()
    by_hash: dict[str, dict[str, AnswerDTO]] = defaultdict(dict)
    for a in answers:
        by_hash[a.template_hash][a.item_id] = answer_dto(a)
    return [ChecklistPart(pinned(s, h), by_hash[h]) for h in hashes]
