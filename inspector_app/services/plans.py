"""Plans and campaigns: import from a plan file, list, show, and move through the statuses of §4.2.

Each action is one transaction with its journal event (chain: the plan's id) and its outbox rows: the plan and each
of its items are synced records (syncproto entities `plan`, `plan_item`) of the team of the lead who made them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector_app.catalog.plans_loader import load_plan
from inspector_app.domain.canonical import to_jsonable
from inspector_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from inspector_app.domain.ids import new_id
from inspector_app.domain.inspection import InspectionType
from inspector_app.domain.plans import (
    DRAWABLE,
    Phase,
    PlanItemData,
    PlanData,
    PlanKind,
    PlanStatus,
    Scope,
    Target,
    TargetKind,
    Window,
    check_plan_transition,
    next_plan_status,
)
from inspector_app.domain.rules import PlanAction, plan_refusal, require_plan
from inspector_app.services.changes import Changes
from inspector_app.services.context import Actor, ServiceContext
from inspector_app.storage.orm import InstitutionRow, OfficerRow
from inspector_app.storage.plans_orm import PlanItemRow, PlanRow
from inspector_app.syncproto import payloads


@dataclass(frozen=True, slots=True)
class PlanItemDTO:
    id: str
    plan_id: str
    key: str
    position: int
    name: str
    content: str
    requirements: str
    scope: Scope
    target: Target
    frequency: int
    window: Window
    division: str
    templates: tuple[str, ...]
    inspection_type: InspectionType


@dataclass(frozen=True, slots=True)
class PlanDTO:
    id: str
    key: str
    kind: PlanKind
    title: str
    year: int
    status: PlanStatus
    issuer: str
    document_no: str
    window: Window
    filing_due: dt.date | None
    summary_due: dt.date | None
    phases: tuple[Phase, ...]
    items: tuple[PlanItemDTO, ...]
    next_status: PlanStatus | None = None   # the step forward the plan may take next (None: archived)
    drawable: bool = False                  # institutions may be drawn under it now (its status allows it)


def item_dto(r: PlanItemRow) -> PlanItemDTO:
    scope = Scope(**{k: tuple(r.scope.get(k, ())) for k in ("categories", "levels", "regions", "ownership")})
    kind = TargetKind(r.target_kind)
    target = Target(kind, share_pct=Decimal(r.target_value) if kind is TargetKind.SHARE else Decimal(0),
                    count=int(r.target_value) if kind is TargetKind.COUNT else 0)
    return PlanItemDTO(r.id, r.plan_id, r.key, r.position, r.name, r.content, r.requirements, scope, target,
                       r.frequency, Window(r.window_start, r.window_end), r.division, tuple(r.templates),
                       InspectionType(r.inspection_type))


def plan_dto(r: PlanRow, items: list[PlanItemRow]) -> PlanDTO:
    phases = tuple(Phase(p["name"], Window(dt.date.fromisoformat(p["start"]), dt.date.fromisoformat(p["end"])))
                   for p in r.phases)
    status = PlanStatus(r.status)
    return PlanDTO(r.id, r.key, PlanKind(r.kind), r.title, r.year, status, r.issuer, r.document_no,
                   Window(r.window_start, r.window_end), r.filing_due, r.summary_due, phases,
                   tuple(item_dto(i) for i in sorted(items, key=lambda i: i.position)),
                   next_status=next_plan_status(status), drawable=status in DRAWABLE)


def find_plan(s: Session, plan_id: str) -> PlanRow:
    """A plan by id or by a unique id prefix (as the CLI shows them) or by its key."""
    row = s.get(PlanRow, plan_id)
    if row is None:
        rows = s.scalars(select(PlanRow).where(PlanRow.deleted_at.is_(None), (PlanRow.key == plan_id)
                                               | PlanRow.id.startswith(plan_id))).all()
        row = rows[0] if len(rows) == 1 else None
    if row is None or row.deleted_at is not None:
        raise ValidationError("plan.not_found", QT_TRANSLATE_NOOP("Errors", "No plan {id}."), id=plan_id)
    return row


def find_item(s: Session, item_id: str) -> PlanItemRow:
    """A plan item by id, unique id prefix, or "PLAN_KEY/ITEM_KEY"."""
    row = s.get(PlanItemRow, item_id)
    if row is None and "/" in item_id:
        plan_key, item_key = item_id.split("/", 1)
        row = s.scalar(select(PlanItemRow).join(PlanRow, PlanRow.id == PlanItemRow.plan_id)
                       .where(PlanRow.key == plan_key, PlanItemRow.key == item_key))
    if row is None:
        rows = s.scalars(select(PlanItemRow).where(PlanItemRow.id.startswith(item_id))).all()
        row = rows[0] if len(rows) == 1 else None
    if row is None or row.deleted_at is not None:
        raise ValidationError("plan.item_not_found", QT_TRANSLATE_NOOP("Errors", "No plan item {id}."), id=item_id)
    return row


def _items_of(s: Session, plan_id: str) -> list[PlanItemRow]:
    return list(s.scalars(select(PlanItemRow).where(PlanItemRow.plan_id == plan_id,
                                                    PlanItemRow.deleted_at.is_(None))))


def _item_columns(plan: PlanData, position: int, item: PlanItemData) -> dict[str, object]:
    """The plan_items columns of an item (its own window, or the plan's when it has none)."""
    window = item.window or plan.window
    t = item.target
    value = format(t.share_pct, "f") if t.kind is TargetKind.SHARE else str(t.count)
    return {"key": item.key, "position": position, "name": item.name, "content": item.content,
            "requirements": item.requirements, "scope": to_jsonable(item.scope), "target_kind": t.kind.value,
            "target_value": value, "frequency": item.frequency, "window_start": window.start,
            "window_end": window.end, "division": item.division, "templates": list(item.templates),
            "inspection_type": item.inspection_type.value}


def _plan_columns(plan: PlanData) -> dict[str, object]:
    """The plans columns an edit may change (status and source stay; the status moves by set_status)."""
    return {"key": plan.key, "kind": plan.kind.value, "title": plan.title, "year": plan.year, "issuer": plan.issuer,
            "document_no": plan.document_no, "window_start": plan.window.start, "window_end": plan.window.end,
            "filing_due": plan.filing_due, "summary_due": plan.summary_due,
            "phases": [{"name": p.name, "start": p.window.start.isoformat(), "end": p.window.end.isoformat()}
                       for p in plan.phases]}


class PlanService:
    def __init__(self, ctx: ServiceContext, known_templates: set[str] | None = None):
        self._ctx = ctx
        self._templates = known_templates

    def import_file(self, actor: Actor, path: Path) -> tuple[PlanDTO, Changes]:
        """Import a plan file as a draft. The whole file is refused on any problem (PlanFileError, file:line)."""
        plan, file_hash = load_plan(path, self._templates)
        return self.create(actor, plan, file_hash)

    def create(self, actor: Actor, plan: PlanData, source_hash: str = "") -> tuple[PlanDTO, Changes]:
        """A plan made in the app's editor (or read from a file): validated with coded errors, saved as a draft."""
        self._validate(plan)
        with self._ctx.unit(actor) as uow:
            s = uow.session
            if s.scalar(select(PlanRow.id).where(PlanRow.key == plan.key)) is not None:
                raise ValidationError("plan.already_imported", QT_TRANSLATE_NOOP(
                    "Errors", "A plan with the id {key} is already in the workspace."), key=plan.key)
            row = PlanRow(id=new_id(), key=plan.key, kind=plan.kind.value, title=plan.title, year=plan.year,
                          status=PlanStatus.DRAFT.value, issuer=plan.issuer, document_no=plan.document_no,
                          window_start=plan.window.start, window_end=plan.window.end, filing_due=plan.filing_due,
                          summary_due=plan.summary_due, source_hash=source_hash,
                          phases=[{"name": p.name, "start": p.window.start.isoformat(),
                                   "end": p.window.end.isoformat()} for p in plan.phases],
                          created_at=uow.now, updated_at=uow.now)
            s.add(row)
            s.flush()  # the items' foreign key needs the plan row first (no ORM relationship orders them)
            items = [PlanItemRow(id=new_id(), plan_id=row.id, created_at=uow.now, updated_at=uow.now,
                                 **_item_columns(plan, n, item)) for n, item in enumerate(plan.items)]
            s.add_all(items)
            s.flush()
            uow.journal(row.id, "plan.imported", {"entity": "plan", "id": row.id, "data": {
                **to_jsonable(plan), "status": row.status, "source_hash": source_hash,
                "item_ids": {i.key: i.id for i in items}}})
            # The plan first, then its items: the server files each item under the plan's team.
            uow.outbox("plan", row.id, "create", payloads.create_payload("plan", row, payloads.column_fields("plan")))
            for i in items:
                uow.outbox("plan_item", i.id, "create", payloads.create_payload("plan_item", i))
            return plan_dto(row, items), Changes(extra={"plan": row.id})

    def _validate(self, plan: PlanData) -> None:
        plan.validate()
        for item in plan.items:
            for t in item.templates:
                if self._templates is not None and t not in self._templates:
                    raise ValidationError("plan.unknown_template", QT_TRANSLATE_NOOP(
                        "Errors", "No checklist template has the id {value}."), value=t)

    @staticmethod
    def _role(s: Session, actor: Actor) -> str | None:
        """The signed-in officer's role for the rule book; None for the local administrator (no officer)."""
        if not actor.officer_id:
            return None
        officer = s.get(OfficerRow, actor.officer_id)
        return officer.role if officer is not None else ""

    def update(self, actor: Actor, plan_id: str, plan: PlanData) -> tuple[PlanDTO, Changes]:
        """Save the editor's plan over a draft: one transaction, one journal event, and outbox patches of the
        fields that changed. Items are matched by their key: a new key is a new item, a missing one is deleted
        (softly, so the server and other laptops see it go), a key used again restores its row."""
        self._validate(plan)
        with self._ctx.unit(actor) as uow:
            s = uow.session
            row = find_plan(s, plan_id)
            require_plan(PlanAction.EDIT_PLAN, row.status, self._role(s, actor))
            if plan.key != row.key and s.scalar(select(PlanRow.id).where(PlanRow.key == plan.key)) is not None:
                raise ValidationError("plan.already_imported", QT_TRANSLATE_NOOP(
                    "Errors", "A plan with the id {key} is already in the workspace."), key=plan.key)
            changes = _plan_columns(plan)
            patch = payloads.row_changes("plan", row, changes)
            for f, v in changes.items():
                setattr(row, f, v)
            row.updated_at = uow.now
            outbox: list[tuple[str, str, str, dict[str, object]]] = []
            if patch:
                outbox.append(("plan", row.id, "patch", patch))
            rows = {r.key: r for r in s.scalars(select(PlanItemRow).where(PlanItemRow.plan_id == row.id))}
            wanted = {i.key for i in plan.items}
            # Deletions first: they free positions and keys before the kept items move.
            for r in rows.values():
                if r.key not in wanted and r.deleted_at is None:
                    r.deleted_at, r.updated_at = uow.now, uow.now
                    outbox.append(("plan_item", r.id, "patch", payloads.delete_payload()))
            s.flush()
            for n, item in enumerate(plan.items):
                cols = _item_columns(plan, n, item)
                existing = rows.get(item.key)
                if existing is None:
                    new_row = PlanItemRow(id=new_id(), plan_id=row.id, created_at=uow.now, updated_at=uow.now, **cols)
                    s.add(new_row)
                    s.flush()
                    outbox.append(("plan_item", new_row.id, "create", payloads.create_payload("plan_item", new_row)))
                    continue
                r = existing
                if r.deleted_at is not None:
                    r.deleted_at = None
                    outbox.append(("plan_item", r.id, "patch", payloads.delete_payload(False)))
                item_patch = payloads.row_changes("plan_item", r, cols)
                for f, v in cols.items():
                    setattr(r, f, v)
                if item_patch:
                    r.updated_at = uow.now
                    outbox.append(("plan_item", r.id, "patch", item_patch))
            s.flush()
            items = _items_of(s, row.id)
            uow.journal(row.id, "plan.edited", {"entity": "plan", "id": row.id, "data": {
                **to_jsonable(plan), "item_ids": {i.key: i.id for i in items}},
                "changes": [[e, i, op] for e, i, op, _p in outbox]})
            for entity, entity_id, op, payload in outbox:
                uow.outbox(entity, entity_id, op, payload)
            return plan_dto(row, items), Changes(extra={"plan": row.id})

    def edit_refusal(self, actor: Actor, plan_id: str) -> BaseException | None:
        """Why the actor may not edit the plan now (None: they may), for a caller without the rule book's facts."""
        with self._ctx.read() as s:
            row = find_plan(s, plan_id)
            return plan_refusal(PlanAction.EDIT_PLAN, row.status, self._role(s, actor))

    def regions(self) -> list[str]:
        """The regions of the roster's institutions: the editor offers these for a scope, never free text."""
        with self._ctx.read() as s:
            live = select(InstitutionRow.region).where(InstitutionRow.deleted_at.is_(None)).distinct()
            return sorted(r for r in s.scalars(live) if r)

    def set_status(self, actor: Actor, plan_id: str, target: PlanStatus, note: str = "") -> tuple[PlanDTO, Changes]:
        """Approve, file, start, summarise or archive (domain reference §4.2); only the next step is allowed."""
        with self._ctx.unit(actor) as uow:
            row = find_plan(uow.session, plan_id)
            current = PlanStatus(row.status)
            check_plan_transition(current, target)
            row.status, row.updated_at = target.value, uow.now
            uow.record(row.id, "plan.status_changed", "plan", row.id, "patch",
                       payloads.changes_payload("plan", {"status": (current.value, target.value)}, note=note))
            return plan_dto(row, _items_of(uow.session, row.id)), Changes(extra={"plan": row.id})

    def list(self) -> list[PlanDTO]:
        with self._ctx.read() as s:
            rows = s.scalars(select(PlanRow).where(PlanRow.deleted_at.is_(None))
                             .order_by(PlanRow.year.desc(), PlanRow.key)).all()
            return [plan_dto(r, _items_of(s, r.id)) for r in rows]

    def get(self, plan_id: str) -> PlanDTO:
        with self._ctx.read() as s:
            row = find_plan(s, plan_id)
            return plan_dto(row, _items_of(s, row.id))

    def item(self, item_id: str) -> PlanItemDTO:
        with self._ctx.read() as s:
            return item_dto(find_item(s, item_id))
