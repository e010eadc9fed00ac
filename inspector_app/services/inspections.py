"""Inspection use cases: create with a lawful team, 亮证 and 回避, go on site, answer items, move through statuses."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector_app.catalog.loader import Library
from inspector_app.domain.agency_time import local
from inspector_app.domain.checklist import (
    NUMERIC_TYPES,
    AnswerType,
    ItemDef,
    ItemState,
    item_state,
    normalise_answer,
)
from inspector_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from inspector_app.domain.ids import new_id
from inspector_app.domain.rules import Action, Facts, require
from inspector_app.domain.inspection import (
    InspectionMode,
    InspectionType,
    Status,
    check_transition,
)
from inspector_app.domain.team import TeamMember, check_ready_for_site, check_team_formation
from inspector_app.services import templates
from inspector_app.services.changes import Changes
from inspector_app.services.context import Actor, ServiceContext, UnitOfWork
from inspector_app.services.dto import AnswerDTO
from inspector_app.services.mappers import answer_dto
from inspector_app.syncproto import payloads
from inspector_app.storage.orm import (
    AnswerRow,
    InspectionRow,
    InspectionTemplateRow,
    InstitutionRow,
    OfficerRow,
    TeamMemberRow,
)


#: What an inspection's and a new answer's create carries (the other declared fields start empty on the server).
_INSPECTION_CREATE = ("institution_id", "inspection_type", "mode", "place", "planned_at", "period_from",
                      "period_to", "status")
_ANSWER_CREATE = ("inspection_id", "template_hash", "item_id", "value", "verdict")


def team_members(session: Session, inspection_id: str) -> list[TeamMember]:
    rows = session.execute(
        select(TeamMemberRow, OfficerRow).join(OfficerRow, OfficerRow.id == TeamMemberRow.officer_id)
        .where(TeamMemberRow.inspection_id == inspection_id, TeamMemberRow.deleted_at.is_(None))
        .order_by(TeamMemberRow.created_at)
    ).all()
    return [TeamMember(o.id, o.name, o.certificate_no, o.certificate_expiry, m.credentials_shown_at,
                       m.recusal_declared_at, m.has_conflict, m.conflict_note) for m, o in rows]


def load_inspection(session: Session, inspection_id: str) -> InspectionRow:
    row = session.get(InspectionRow, inspection_id)
    if row is None or row.deleted_at is not None:
        raise ValidationError("inspection.not_found", QT_TRANSLATE_NOOP(
            "Errors", "The inspection does not exist."))
    return row


def unanswered_required(session: Session, inspection_id: str) -> list[ItemDef]:
    """The required items of the inspection still unanswered, in checklist order."""
    rows = session.scalars(select(AnswerRow).where(AnswerRow.inspection_id == inspection_id,
                                                   AnswerRow.state == ItemState.UNANSWERED.value)
                           .order_by(AnswerRow.template_hash, AnswerRow.position)).all()
    items = (templates.pinned(session, a.template_hash).item(a.item_id) for a in rows)
    return [item for item in items if item.required]


def require_editable(row: InspectionRow, action: Action = Action.EDIT_FINDINGS) -> None:
    """Refuse (FrozenRecord) a change of the record's content once signed or past the on-site statuses."""
    require(action, Status(row.status), None, Facts(frozen=bool(row.content_hash)))


class InspectionService:
    def __init__(self, ctx: ServiceContext, library: Library):
        self._ctx = ctx
        self._library = library

    # ------------------------------------------------------------------ creation and team

    def create(self, actor: Actor, *, institution_id: str, inspection_type: InspectionType, mode: InspectionMode,
               planned_at: dt.datetime, officer_ids: Sequence[str], template_ids: Sequence[str], place: str = "",
               period_from: dt.date | None = None, period_to: dt.date | None = None,
               leader_id: str | None = None) -> tuple[str, Changes]:
        with self._ctx.unit(actor) as uow:
            return self.create_in(uow, institution_id=institution_id, inspection_type=inspection_type, mode=mode,
                                  planned_at=planned_at, officer_ids=officer_ids, template_ids=template_ids,
                                  place=place, period_from=period_from, period_to=period_to, leader_id=leader_id)

    def create_in(self, uow: UnitOfWork, *, institution_id: str, inspection_type: InspectionType,
                  mode: InspectionMode, planned_at: dt.datetime, officer_ids: Sequence[str],
                  template_ids: Sequence[str], place: str = "", period_from: dt.date | None = None,
                  period_to: dt.date | None = None, leader_id: str | None = None,
                  draw_id: str | None = None) -> tuple[str, Changes]:
        """`create` inside a caller's unit of work (a 双随机 draw creates all its inspections in one transaction).
        `draw_id`: the draw that made it; the sync server then delivers the draft only to its team's officers and
        the lead who drew until the visit starts (seed 003 §七.3: 不得透露检查信息)."""
        if not template_ids:
            raise ValidationError("inspection.no_template", QT_TRANSLATE_NOOP(
                "Errors", "Choose at least one checklist."))
        missing = [t for t in template_ids if t not in self._library.templates]
        if missing:
            raise ValidationError("inspection.templates_missing", QT_TRANSLATE_NOOP(
                "Errors", "Checklists missing or invalid: {templates}"), templates=", ".join(missing))
        if period_from and period_to and period_from > period_to:
            raise ValidationError("inspection.period_reversed", QT_TRANSLATE_NOOP(
                "Errors", "The period under inspection starts after it ends."))
        if planned_at.tzinfo is None:
            raise ValidationError("inspection.naive_time", QT_TRANSLATE_NOOP(
                "Errors", "The planned time needs a time zone."))
        s = uow.session
        inst = s.get(InstitutionRow, institution_id)
        if inst is None or inst.deleted_at is not None:
            raise ValidationError("institution.not_found", QT_TRANSLATE_NOOP(
                "Errors", "The institution does not exist."))
        officers = [s.get(OfficerRow, oid) for oid in officer_ids]
        if any(o is None for o in officers):
            raise ValidationError("inspection.unknown_officer", QT_TRANSLATE_NOOP(
                "Errors", "The team names an officer who does not exist."))
        members = [TeamMember(o.id, o.name, o.certificate_no, o.certificate_expiry) for o in officers if o]
        check_team_formation(members, local(planned_at).date())
        row = InspectionRow(id=new_id(), institution_id=inst.id, inspection_type=inspection_type.value,
                            mode=mode.value, place=place or inst.address, planned_at=planned_at,
                            period_from=period_from, period_to=period_to, status=Status.DRAFT.value,
                            created_by=uow.actor.label, created_at=uow.now, updated_at=uow.now)
        s.add(row)
        s.flush()
        uow.record(row.id, "inspection.created", "inspection", row.id, "create", payloads.create_payload(
            "inspection", row, _INSPECTION_CREATE, extra={"institution_name": inst.name,
                                                          "credit_code": inst.credit_code,
                                                          **({"draw_id": draw_id} if draw_id else {})}))
        leader = leader_id or (officers[0].id if officers and officers[0] else None)
        for o in officers:
            assert o is not None
            self._add_member(uow, row.id, o, "leader" if o.id == leader else "member")
        answers: list[str] = []
        for position, tid in enumerate(template_ids):
            answers.extend(self._attach_template(uow, row.id, tid, position))
        return row.id, Changes(inspections=frozenset({row.id}), answers=frozenset(answers))

    def _add_member(self, uow: UnitOfWork, inspection_id: str, officer: OfficerRow, role: str) -> None:
        m = TeamMemberRow(id=new_id(), inspection_id=inspection_id, officer_id=officer.id, role=role,
                          created_at=uow.now, updated_at=uow.now)
        uow.session.add(m)
        uow.record(inspection_id, "team.member_added", "team_member", m.id, "create", payloads.create_payload(
            "team_member", m, ("inspection_id", "officer_id", "role"), extra={
                "name": officer.name, "certificate_no": officer.certificate_no,
                "certificate_expiry": officer.certificate_expiry}))

    def _attach_template(self, uow: UnitOfWork, inspection_id: str, template_id: str, position: int) -> list[str]:
        template = self._library.templates[template_id]
        templates.pin(uow.session, template)
        pin = InspectionTemplateRow(inspection_id=inspection_id, template_hash=template.content_hash,
                                    position=position)
        uow.session.add(pin)
        uow.journal(inspection_id, "template.pinned", {"template_id": template.id, "version": template.version,
                                                       "content_hash": template.content_hash})
        # an append's payload is the data itself (no "data" wrapper): what this entity has always sent
        uow.outbox("inspection_template", inspection_id, "append", payloads.row_data("inspection_template", pin))
        ids = []
        for n, item in enumerate(template.items()):
            a = AnswerRow(id=new_id(), inspection_id=inspection_id, template_hash=template.content_hash,
                          item_id=item.id, position=n, value=None, state=ItemState.UNANSWERED.value,
                          updated_at=uow.now)
            uow.session.add(a)
            # a new answer's note is "" on the wire (the column is NULL until written)
            uow.outbox("answer", a.id, "create",
                       payloads.create_payload("answer", a, _ANSWER_CREATE, extra={"note": ""}))
            ids.append(a.id)
        return ids

    def add_template(self, actor: Actor, inspection_id: str, template_id: str) -> Changes:
        if template_id not in self._library.templates:
            raise ValidationError("inspection.template_missing", QT_TRANSLATE_NOOP(
                "Errors", "Checklist missing or invalid: {template}"), template=template_id)
        with self._ctx.unit(actor) as uow:
            row = load_inspection(uow.session, inspection_id)
            require_editable(row)
            existing = uow.session.scalars(select(InspectionTemplateRow).where(
                InspectionTemplateRow.inspection_id == inspection_id)).all()
            if any(e.template_hash == self._library.templates[template_id].content_hash for e in existing):
                raise ValidationError("inspection.template_present", QT_TRANSLATE_NOOP(
                    "Errors", "The checklist is already part of this inspection."))
            ids = self._attach_template(uow, inspection_id, template_id, len(existing))
            return Changes(inspections=frozenset({inspection_id}), answers=frozenset(ids))

    def record_credentials_shown(self, actor: Actor, inspection_id: str, officer_id: str,
                                 at: dt.datetime | None = None) -> Changes:
        """亮证: the officer showed the enforcement certificate to the inspected party."""
        with self._ctx.unit(actor) as uow:
            row = load_inspection(uow.session, inspection_id)
            require_editable(row, Action.EDIT_TEAM)
            m = self._member(uow.session, inspection_id, officer_id)
            when = at or uow.now
            old = m.credentials_shown_at
            m.credentials_shown_at = when
            m.updated_at = uow.now
            uow.record(inspection_id, "team.credentials_shown", "team_member", m.id, "patch",
                       payloads.changes_payload("team_member", {"credentials_shown_at": (old, when)}))
            return Changes(inspections=frozenset({inspection_id}))

    def declare_recusal(self, actor: Actor, inspection_id: str, officer_id: str, has_conflict: bool,
                        note: str = "") -> Changes:
        """回避 declaration: whether the officer has an interest in the inspected institution."""
        if has_conflict and not note.strip():
            raise ValidationError("team.conflict_needs_note", QT_TRANSLATE_NOOP(
                "Errors", "Describe the conflict of interest you declare."))
        with self._ctx.unit(actor) as uow:
            row = load_inspection(uow.session, inspection_id)
            require_editable(row, Action.EDIT_TEAM)
            m = self._member(uow.session, inspection_id, officer_id)
            payload = payloads.changes_payload("team_member", {
                "has_conflict": (m.has_conflict, has_conflict),
                "conflict_note": (m.conflict_note, note),
                "recusal_declared_at": (m.recusal_declared_at, uow.now),
            })
            m.has_conflict, m.conflict_note, m.recusal_declared_at = has_conflict, note, uow.now
            m.updated_at = uow.now
            uow.record(inspection_id, "team.recusal_declared", "team_member", m.id, "patch", payload)
            return Changes(inspections=frozenset({inspection_id}))

    @staticmethod
    def _member(session: Session, inspection_id: str, officer_id: str) -> TeamMemberRow:
        m = session.scalar(select(TeamMemberRow).where(TeamMemberRow.inspection_id == inspection_id,
                                                       TeamMemberRow.officer_id == officer_id,
                                                       TeamMemberRow.deleted_at.is_(None)))
        if m is None:
            raise ValidationError("team.not_a_member", QT_TRANSLATE_NOOP(
                "Errors", "The officer is not in this inspection's team."))
        return m

    # ------------------------------------------------------------------ status

    def start_on_site(self, actor: Actor, inspection_id: str) -> Changes:
        with self._ctx.unit(actor) as uow:
            row = load_inspection(uow.session, inspection_id)
            require(Action.START_ON_SITE, Status(row.status), None)
            # The readiness problems themselves (who has not shown credentials, ...) are the useful refusal.
            check_ready_for_site(team_members(uow.session, inspection_id), local(uow.now).date())
            self._set_status(uow, row, Status.ON_SITE, started_at=row.started_at or uow.now)
            return Changes(inspections=frozenset({inspection_id}))

    def finish_on_site(self, actor: Actor, inspection_id: str) -> Changes:
        """On site → awaiting signature: every required item must be answered first."""
        with self._ctx.unit(actor) as uow:
            row = load_inspection(uow.session, inspection_id)
            require(Action.FINISH_ON_SITE, Status(row.status), None)
            missing = self._unanswered_required(uow.session, inspection_id)
            if missing:
                shown = ", ".join(missing[:10]) + (" …" if len(missing) > 10 else "")
                raise ValidationError("inspection.required_unanswered", QT_TRANSLATE_NOOP(
                    "Errors", "{count} required items are not answered yet: {items}"), count=len(missing), items=shown)
            self._set_status(uow, row, Status.AWAITING_SIGNATURE, ended_at=uow.now)
            return Changes(inspections=frozenset({inspection_id}))

    def transition(self, actor: Actor, inspection_id: str, target: Status, reason: str = "") -> Changes:
        """Moves without extra preconditions (signing, review and closing add theirs in their own services)."""
        with self._ctx.unit(actor) as uow:
            row = load_inspection(uow.session, inspection_id)
            check_transition(Status(row.status), target)
            if target is Status.ON_SITE and Status(row.status) is Status.DRAFT:
                check_ready_for_site(team_members(uow.session, inspection_id), local(uow.now).date())
            if target is Status.CANCELLED and not reason.strip():
                raise ValidationError("inspection.cancel_needs_reason", QT_TRANSLATE_NOOP(
                    "Errors", "Give the reason for cancelling the inspection."))
            self._set_status(uow, row, target, reason=reason)
            return Changes(inspections=frozenset({inspection_id}))

    def _set_status(self, uow: UnitOfWork, row: InspectionRow, target: Status, reason: str = "",
                    **times: dt.datetime) -> None:
        pairs: dict[str, tuple[Any, Any]] = {"status": (row.status, target.value)}
        for name, value in times.items():
            pairs[name] = (getattr(row, name), value)
            setattr(row, name, value)
        row.status = target.value
        row.updated_at = uow.now
        payload = payloads.changes_payload("inspection", pairs, **({"reason": reason} if reason else {}))
        uow.record(row.id, f"inspection.status.{target.value}", "inspection", row.id, "patch", payload)

    def _unanswered_required(self, session: Session, inspection_id: str) -> list[str]:
        return [item.id for item in unanswered_required(session, inspection_id)]

    # ------------------------------------------------------------------ answers

    def answer(self, actor: Actor, answer_id: str, value: Any, verdict: str | None = None,
               note: str | None = None) -> tuple[str, Changes]:
        """Record an answer. Returns the item's resulting state (a threshold may flag a violation by itself)."""
        dto, changes = self.save_answer(actor, answer_id, value, verdict, note)
        return dto.state, changes

    def save_answer(self, actor: Actor, answer_id: str, value: Any, verdict: str | None = None,
                    note: str | None = None) -> tuple[AnswerDTO, Changes]:
        """Record an answer and return it as stored (normalised value, resulting state)."""
        if verdict is not None and verdict not in {s.value for s in ItemState} - {"unanswered"}:
            raise ValidationError("answer.unknown_verdict", QT_TRANSLATE_NOOP(
                "Errors", "Unknown verdict {verdict}."), verdict=repr(verdict))
        with self._ctx.unit(actor) as uow:
            a = uow.session.get(AnswerRow, answer_id)
            if a is None:
                raise ValidationError("answer.not_found", QT_TRANSLATE_NOOP(
                    "Errors", "The checklist item does not exist."))
            row = self._answerable(uow.session, a.inspection_id)
            item = templates.pinned(uow.session, a.template_hash).item(a.item_id)
            changed = self._apply(uow, row, a, item, value, verdict, note)
            if not changed:
                return answer_dto(a), Changes()
            return answer_dto(a), Changes(inspections=frozenset({row.id}), answers=frozenset({a.id}))

    def mark_compliant(self, actor: Actor, inspection_id: str,
                       answer_ids: Sequence[str]) -> tuple[list[AnswerDTO], list[str], Changes]:
        """"The rest of this section complies" as one user action: one transaction, one journal event and one
        outbox row per item. Only unanswered items change: a yes/no item gets its compliant answer, a number
        with a threshold is left alone (it needs the number; its item id is returned as skipped), any other item
        gets the verdict 符合 without a value."""
        with self._ctx.unit(actor) as uow:
            row = self._answerable(uow.session, inspection_id)
            done, skipped = [], []
            for answer_id in answer_ids:
                a = uow.session.get(AnswerRow, answer_id)
                if a is None or a.inspection_id != inspection_id:
                    raise ValidationError("answer.not_found", QT_TRANSLATE_NOOP(
                        "Errors", "The checklist item does not exist."))
                if a.state != ItemState.UNANSWERED.value:
                    continue
                item = templates.pinned(uow.session, a.template_hash).item(a.item_id)
                if item.answer in (AnswerType.BOOL, AnswerType.BOOL_NA):
                    self._apply(uow, row, a, item, item.compliant, None, None)
                elif item.answer in NUMERIC_TYPES and item.threshold is not None:
                    skipped.append(a.item_id)
                    continue
                else:
                    self._apply(uow, row, a, item, a.value, ItemState.COMPLIANT.value, None)
                done.append(answer_dto(a))
            changes = Changes(inspections=frozenset({row.id}), answers=frozenset(d.id for d in done)) \
                if done else Changes()
            return done, skipped, changes

    def unanswered_required(self, inspection_id: str) -> list[tuple[str, str]]:
        """(item id, label) of the required items still unanswered, in checklist order: what blocks the end of
        the on-site work, shown before the inspector asks for it."""
        with self._ctx.read() as s:
            return [(item.id, item.label) for item in unanswered_required(s, inspection_id)]

    @staticmethod
    def _answerable(session: Session, inspection_id: str) -> InspectionRow:
        row = load_inspection(session, inspection_id)
        require_editable(row, Action.EDIT_CHECKLIST)
        return row

    @staticmethod
    def _apply(uow: UnitOfWork, row: InspectionRow, a: AnswerRow, item: ItemDef, value: Any, verdict: str | None,
               note: str | None) -> bool:
        """Change one answer inside the caller's transaction: journal event + outbox row; False if nothing changed."""
        new_value = normalise_answer(item, value)
        fields: dict[str, Any] = {}
        if new_value != a.value:
            fields["value"] = [a.value, new_value]
            a.value = new_value
        if verdict != a.verdict:
            fields["verdict"] = [a.verdict, verdict]
            a.verdict = verdict
        if note is not None and note != a.note:
            fields["note"] = [a.note, note]
            a.note = note
        state = item_state(item, a.value, a.verdict).value
        if not fields:
            return False
        a.state = state
        a.updated_at = uow.now
        uow.journal(row.id, "answer.changed", {"entity": "answer", "id": a.id, "item": a.item_id,
                                               "fields": fields, "state": state})
        uow.outbox("answer", a.id, "patch", payloads.changes_payload("answer", fields))
        return True
