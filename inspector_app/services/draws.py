"""双随机 draws for a plan item: seed first, then the pool and the result, then accept (draft inspections) or abandon.

A draw cannot be silently repeated until the result suits: the seed is fixed and journaled before the pool is built
or shown (`open`), every draw is kept with its status, and a new attempt in the same round is numbered and listed
beside the abandoned one (with the reason) in the round's record. Each step is one transaction with its journal
event (chain: the plan's id) and outbox row.
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from inspector_app.catalog.loader import Library
from inspector_app.catalog.draw_rules_loader import load_draw_rules
from inspector_app.domain.agency_time import from_local, today
from inspector_app.domain.canonical import content_hash
from inspector_app.domain.draw import (
    ALGORITHM,
    DrawRules,
    OfficerFacts,
    build_pool,
    minimum_count,
    run_draw,
    seed_bytes,
)
from inspector_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from inspector_app.domain.findings import Severity
from inspector_app.domain.ids import new_id
from inspector_app.domain.inspection import InspectionMode, InspectionType, Status
from inspector_app.domain.plans import DRAWABLE, InstitutionFacts, PlanStatus
from inspector_app.services.changes import Changes
from inspector_app.services.context import ROSTER_CHAIN, Actor, ServiceContext
from inspector_app.services.inspections import InspectionService
from inspector_app.services.plans import find_item, item_dto
from inspector_app.storage.orm import FindingRow, InspectionRow, InstitutionRow, OfficerRow
from inspector_app.storage.plans_orm import DrawRow, OfficerConflictRow, PlanItemInspectionRow, PlanRow
from inspector_app.syncproto import payloads

PLANNED_HOUR = 9  # drafts are planned for 09:00 agency time on the planned day


@dataclass(frozen=True, slots=True)
class DrawDTO:
    id: str
    plan_item_id: str
    round_no: int
    attempt: int
    status: str             # seeded | drawn | accepted | abandoned
    seed: str
    algorithm: str
    planned_on: dt.date
    cross_check: bool
    rules: dict[str, Any]
    pool: dict[str, Any] | None
    pool_hash: str | None
    count: int | None
    result: dict[str, Any] | None
    reason: str
    inspection_ids: tuple[str, ...]
    created_by: str
    rules_hash: str         # SHA-256 of the canonical rules the draw ran under (in its signed record too)


def _dto(r: DrawRow, inspection_ids: tuple[str, ...] = ()) -> DrawDTO:
    result = r.result or None
    return DrawDTO(r.id, r.plan_item_id, r.round_no, r.attempt, r.status, r.seed, r.algorithm, r.planned_on,
                   r.cross_check, r.rules, r.pool, r.pool_hash, (result or {}).get("count"),
                   (result or {}).get("draw"), r.reason, inspection_ids, r.created_by, content_hash(r.rules))


def _find_draw(s: Session, draw_id: str) -> DrawRow:
    row = s.get(DrawRow, draw_id)
    if row is None:
        rows = s.scalars(select(DrawRow).where(DrawRow.id.startswith(draw_id))).all()
        row = rows[0] if len(rows) == 1 else None
    if row is None:
        raise ValidationError("draw.not_found", QT_TRANSLATE_NOOP("Errors", "No draw {id}."), id=draw_id)
    return row


def _require(row: DrawRow, *statuses: str) -> None:
    if row.status not in statuses:
        raise ValidationError("draw.wrong_status", QT_TRANSLATE_NOOP(
            "Errors", "The draw is {status}; this step needs it {expected}."), status=row.status,
            expected=" / ".join(statuses))


def roster_facts(s: Session) -> list[InstitutionFacts]:
    """The institution register as the draw sees it, with each institution's count of grave past findings."""
    grave = dict(s.execute(select(InspectionRow.institution_id, func.count(FindingRow.id))
                           .join(FindingRow, FindingRow.inspection_id == InspectionRow.id)
                           .where(FindingRow.severity == Severity.GRAVE.value, FindingRow.deleted_at.is_(None))
                           .group_by(InspectionRow.institution_id)).all())
    rows = s.scalars(select(InstitutionRow).where(InstitutionRow.deleted_at.is_(None))).all()
    return [InstitutionFacts(r.id, r.name, r.category, r.level, r.ownership, r.region, r.credit_rating,
                             r.complaint_count, grave.get(r.id, 0)) for r in rows]


def officer_facts(s: Session) -> list[OfficerFacts]:
    conflicts: dict[str, list[str]] = {}
    for officer_id, inst_id in s.execute(select(OfficerConflictRow.officer_id, OfficerConflictRow.institution_id)
                                         .where(OfficerConflictRow.deleted_at.is_(None))):
        conflicts.setdefault(officer_id, []).append(inst_id)
    rows = s.scalars(select(OfficerRow).where(OfficerRow.deleted_at.is_(None))).all()
    return [OfficerFacts(r.id, r.name, r.certificate_no, r.certificate_expiry, r.region,
                         tuple(sorted(conflicts.get(r.id, ())))) for r in rows]


def recently_drawn(s: Session, planned_on: dt.date, days: int) -> dict[str, dt.date]:
    """Institutions with a random-draw inspection planned within `days` of `planned_on`, before or after it (a round
    already drawn for next week counts too): accepted draws, and inspections of the type 双随机抽查 not cancelled
    (a draw made elsewhere, entered by hand)."""
    since, until = planned_on - dt.timedelta(days=days), planned_on + dt.timedelta(days=days)
    out: dict[str, dt.date] = {}
    for row in s.scalars(select(DrawRow).where(DrawRow.status == "accepted", DrawRow.planned_on > since,
                                               DrawRow.planned_on < until)):
        for p in row.result["draw"]["picks"]:
            out[p["institution_id"]] = max(out.get(p["institution_id"], row.planned_on), row.planned_on)
    for inst_id, planned_at in s.execute(select(InspectionRow.institution_id, InspectionRow.planned_at).where(
            InspectionRow.inspection_type == InspectionType.RANDOM.value,
            InspectionRow.status != Status.CANCELLED.value, InspectionRow.deleted_at.is_(None))):
        day = today(planned_at)
        if since < day < until:
            out[inst_id] = max(out.get(inst_id, day), day)
    return out


class DrawService:
    def __init__(self, ctx: ServiceContext, inspections: InspectionService, library: Library,
                 rules: DrawRules | None = None, rules_file: Path | None = None):
        self._ctx = ctx
        self._inspections = inspections
        self._library = library
        self.rules = rules or DrawRules()
        self.rules_file = rules_file

    def current_rules(self) -> DrawRules:
        """The rules a new draw runs under: the agency's rules file when there is one (read at each draw, so an
        edited file applies at once; a broken one is refused with file:line problems), else the defaults."""
        if self.rules_file is not None and self.rules_file.exists():
            return load_draw_rules(self.rules_file)[0]
        return self.rules

    def open(self, actor: Actor, item_id: str, *, seed: str | None = None, planned_on: dt.date | None = None,
             round_no: int | None = None, rules: DrawRules | None = None) -> DrawDTO:
        """Fix the seed of a new draw before anything of the pool is computed or shown. `round_no`: another attempt
        in a round whose earlier attempts were abandoned; default: a new round."""
        rules = rules or self.current_rules()
        rules.validate()
        seed = (seed or secrets.token_hex(32)).lower()
        seed_bytes(seed)
        with self._ctx.unit(actor) as uow:
            s = uow.session
            item = find_item(s, item_id)
            plan = s.get(PlanRow, item.plan_id)
            assert plan is not None
            if PlanStatus(plan.status) not in DRAWABLE:
                raise ValidationError("draw.plan_not_running", QT_TRANSLATE_NOOP(
                    "Errors", "Institutions are drawn only for a filed or running plan."))
            rounds = s.scalars(select(DrawRow).where(DrawRow.plan_item_id == item.id)).all()
            if round_no is None:
                round_no, attempt = max((r.round_no for r in rounds), default=0) + 1, 1
            else:
                same = [r for r in rounds if r.round_no == round_no]
                if not same:
                    raise ValidationError("draw.no_such_round", QT_TRANSLATE_NOOP(
                        "Errors", "Round {round} has no draw yet."), round=round_no)
                if any(r.status != "abandoned" for r in same):
                    raise ValidationError("draw.round_not_abandoned", QT_TRANSLATE_NOOP(
                        "Errors", "Abandon the round's current draw, with a reason, before drawing again."))
                attempt = max(r.attempt for r in same) + 1
            day = planned_on or today(uow.now)
            row = DrawRow(id=new_id(), plan_item_id=item.id, round_no=round_no, attempt=attempt, status="seeded",
                          seed=seed, algorithm=ALGORITHM, planned_on=day,
                          cross_check=item.inspection_type == InspectionType.CROSS.value, rules=rules.to_json(),
                          created_by=actor.label, created_at=uow.now)
            s.add(row)
            s.flush()  # column defaults (reason, pool …) are what the synced record starts with
            uow.record(plan.id, "draw.seeded", "draw", row.id, "create", payloads.create_payload("draw", row))
            return _dto(row)

    def run(self, actor: Actor, draw_id: str, *, count: int | None = None,
            excluded: dict[str, str] | None = None) -> DrawDTO:
        """Build the pool, draw institutions and teams with the fixed seed, and store all of it."""
        excluded = excluded or {}
        if any(not note.strip() for note in excluded.values()):
            raise ValidationError("draw.exclusion_without_reason", QT_TRANSLATE_NOOP(
                "Errors", "Every exclusion needs a reason."))
        with self._ctx.unit(actor) as uow:
            s = uow.session
            row = _find_draw(s, draw_id)
            _require(row, "seeded")
            item = item_dto(find_item(s, row.plan_item_id))
            rules = DrawRules.from_json(row.rules)
            pool = build_pool(roster_facts(s), item.scope, recently_drawn(s, row.planned_on, rules.lookback_days),
                              excluded, officer_facts(s))
            n = count or max(minimum_count(pool.scope_size, rules), item.target.required(pool.scope_size))
            result = run_draw(pool, rules, row.seed, n, row.planned_on, row.cross_check)
            changes = {"pool": pool.to_json(), "pool_hash": pool.hash(),
                       "result": {"count": n, "draw": result.to_json()}, "status": "drawn", "drawn_at": uow.now}
            patch = payloads.row_changes("draw", row, changes)
            for k, v in changes.items():
                setattr(row, k, v)
            uow.record(item.plan_id, "draw.drawn", "draw", row.id, "patch", patch or {})
            return _dto(row)

    def abandon(self, actor: Actor, draw_id: str, reason: str) -> DrawDTO:
        if not reason.strip():
            raise ValidationError("draw.abandon_without_reason", QT_TRANSLATE_NOOP(
                "Errors", "Say why the draw is abandoned: the reason stays in the record."))
        with self._ctx.unit(actor) as uow:
            row = _find_draw(uow.session, draw_id)
            _require(row, "seeded", "drawn")
            changes = {"status": "abandoned", "reason": reason.strip(), "decided_at": uow.now}
            patch = payloads.row_changes("draw", row, changes) or {}
            for k, v in changes.items():
                setattr(row, k, v)
            plan_id = find_item(uow.session, row.plan_item_id).plan_id
            uow.record(plan_id, "draw.abandoned", "draw", row.id, "patch", {**patch, "reason": row.reason})
            return _dto(row)

    def accept(self, actor: Actor, draw_id: str) -> tuple[DrawDTO, Changes]:
        """Draft inspections for the drawn institutions with the drawn teams, the item's templates and type, in
        one transaction with the draw's acceptance."""
        with self._ctx.unit(actor) as uow:
            s = uow.session
            row = _find_draw(s, draw_id)
            _require(row, "drawn")
            item = item_dto(find_item(s, row.plan_item_id))
            planned_at = from_local(dt.datetime.combine(row.planned_on, dt.time(PLANNED_HOUR)))
            ids, changes = [], Changes()
            for p in row.result["draw"]["picks"]:
                inst = s.get(InstitutionRow, p["institution_id"])
                assert inst is not None
                templates = [t for t in item.templates if t in self._library.templates
                             and inst.category in self._library.templates[t].applies_to]
                if not templates:
                    templates = [t.id for t in self._library.for_category(inst.category)[:1]]
                if not templates:
                    raise ValidationError("draw.no_template", QT_TRANSLATE_NOOP(
                        "Errors", "No checklist template applies to {name} ({category})."),
                        name=inst.name, category=inst.category)
                iid, ch = self._inspections.create_in(
                    uow, institution_id=inst.id, inspection_type=item.inspection_type,
                    mode=InspectionMode.ADMINISTRATIVE, planned_at=planned_at, officer_ids=p["officer_ids"],
                    template_ids=templates, draw_id=row.id)
                link = PlanItemInspectionRow(inspection_id=iid, plan_item_id=item.id, draw_id=row.id,
                                             created_at=uow.now)
                s.add(link)
                uow.outbox("plan_item_inspection", iid, "append", payloads.create_payload("plan_item_inspection", link))
                ids.append(iid)
                changes = changes | ch
            patch = payloads.row_changes("draw", row, {"status": "accepted", "decided_at": uow.now}) or {}
            row.status, row.decided_at = "accepted", uow.now
            uow.record(item.plan_id, "draw.accepted", "draw", row.id, "patch", {**patch, "inspection_ids": ids})
            return _dto(row, tuple(ids)), changes

    def get(self, draw_id: str) -> DrawDTO:
        with self._ctx.read() as s:
            row = _find_draw(s, draw_id)
            ids = s.scalars(select(PlanItemInspectionRow.inspection_id)
                            .where(PlanItemInspectionRow.draw_id == row.id)).all()
            return _dto(row, tuple(ids))

    def rounds(self, item_id: str) -> list[DrawDTO]:
        """Every draw of the item, abandoned ones included, by round and attempt."""
        with self._ctx.read() as s:
            item = find_item(s, item_id)
            rows = s.scalars(select(DrawRow).where(DrawRow.plan_item_id == item.id)
                             .order_by(DrawRow.round_no, DrawRow.attempt)).all()
            return [_dto(r) for r in rows]

    def last_accepted(self, item_id: str) -> DrawDTO:
        """The item's latest accepted round: the one whose results are published (结果公示)."""
        accepted = [d for d in self.rounds(item_id) if d.status == "accepted"]
        if not accepted:
            raise ValidationError("draw.not_accepted", QT_TRANSLATE_NOOP(
                "Errors", "Only an accepted draw has results to publish."))
        return accepted[-1]

    def record(self, draw_id: str) -> dict[str, Any]:
        """What the 随机抽查记录 embeds: enough to re-run the draw and to see every attempt of its round."""
        with self._ctx.read() as s:
            row = _find_draw(s, draw_id)
            item_row = find_item(s, row.plan_item_id)
            plan = s.get(PlanRow, item_row.plan_id)
            assert plan is not None
            attempts = s.scalars(select(DrawRow).where(DrawRow.plan_item_id == row.plan_item_id,
                                                       DrawRow.round_no == row.round_no)
                                 .order_by(DrawRow.attempt)).all()
            officers = {o.id: o.name for o in s.scalars(select(OfficerRow))}
            return {
                "kind": "draw_record", "draw_id": row.id, "algorithm": row.algorithm, "seed": row.seed,
                "rules": row.rules, "rules_hash": content_hash(row.rules), "planned_on": row.planned_on.isoformat(),
                "cross_check": row.cross_check,
                "count": (row.result or {}).get("count"), "pool": row.pool, "pool_hash": row.pool_hash,
                "result": (row.result or {}).get("draw"), "status": row.status,
                "plan": {"id": plan.id, "key": plan.key, "title": plan.title, "document_no": plan.document_no},
                "item": {"id": item_row.id, "key": item_row.key, "name": item_row.name,
                         "inspection_type": item_row.inspection_type},
                "round_no": row.round_no, "attempt": row.attempt, "officer_names": officers,
                "attempts": [{"attempt": a.attempt, "status": a.status, "seed": a.seed, "pool_hash": a.pool_hash,
                              "reason": a.reason, "created_by": a.created_by} for a in attempts],
            }

    def declare_conflict(self, actor: Actor, officer_id: str, institution_id: str, reason: str) -> Changes:
        """An officer's declared 回避 conflict with an institution: the draw never sends them there."""
        if not reason.strip():
            raise ValidationError("draw.conflict_without_reason", QT_TRANSLATE_NOOP(
                "Errors", "A declared conflict needs a reason."))
        with self._ctx.unit(actor) as uow:
            row = OfficerConflictRow(id=new_id(), officer_id=officer_id, institution_id=institution_id,
                                     reason=reason.strip(), created_at=uow.now, updated_at=uow.now)
            uow.session.add(row)
            uow.record(ROSTER_CHAIN, "officer.conflict_declared", "officer_conflict", row.id, "create",
                       payloads.create_payload("officer_conflict", row))
            return Changes(roster=True)
