"""Coverage of plans (per item, per region) from the inspections carried out under them, and assigning an inspection
made by hand to a plan item."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from inspector_app.domain.agency_time import today as agency_today
from inspector_app.domain.coverage import ItemCoverage, Visit, item_coverage
from inspector_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from inspector_app.services.changes import Changes
from inspector_app.services.context import Actor, ServiceContext
from inspector_app.services.draws import roster_facts
from inspector_app.services.inspections import load_inspection
from inspector_app.services.plans import PlanItemDTO, find_item, find_plan, item_dto
from inspector_app.storage.orm import InspectionRow
from inspector_app.storage.plans_orm import PlanItemInspectionRow, PlanItemRow, PlanRow
from inspector_app.syncproto import payloads


@dataclass(frozen=True, slots=True)
class CoverageDTO:
    plan_id: str
    plan_title: str
    item: PlanItemDTO
    coverage: ItemCoverage


class CoverageService:
    def __init__(self, ctx: ServiceContext):
        self._ctx = ctx

    def coverage(self, plan_id: str | None = None, today: dt.date | None = None) -> list[CoverageDTO]:
        day = today or agency_today(self._ctx.clock())
        with self._ctx.read() as s:
            plans = [find_plan(s, plan_id)] if plan_id else list(s.scalars(
                select(PlanRow).where(PlanRow.deleted_at.is_(None)).order_by(PlanRow.year.desc(), PlanRow.key)))
            roster = roster_facts(s)
            out = []
            for plan in plans:
                items = s.scalars(select(PlanItemRow).where(PlanItemRow.plan_id == plan.id,
                                                            PlanItemRow.deleted_at.is_(None))
                                  .order_by(PlanItemRow.position)).all()
                for row in items:
                    item = item_dto(row)
                    visits = [Visit(inst, status, draw_id or iid, agency_today(planned_at))
                              for iid, inst, status, draw_id, planned_at in s.execute(
                                  select(InspectionRow.id, InspectionRow.institution_id, InspectionRow.status,
                                         PlanItemInspectionRow.draw_id, InspectionRow.planned_at)
                                  .join(PlanItemInspectionRow, PlanItemInspectionRow.inspection_id == InspectionRow.id)
                                  .where(PlanItemInspectionRow.plan_item_id == row.id,
                                         InspectionRow.deleted_at.is_(None)))]
                    out.append(CoverageDTO(plan.id, plan.title, item, item_coverage(
                        roster, item.scope, item.target, item.frequency, item.window, visits, day)))
            return out

    def assign(self, actor: Actor, item_id: str, inspection_id: str) -> Changes:
        """Count an inspection made by hand (not drawn) under a plan item."""
        with self._ctx.unit(actor) as uow:
            s = uow.session
            item = find_item(s, item_id)
            load_inspection(s, inspection_id)
            if s.get(PlanItemInspectionRow, inspection_id) is not None:
                raise ValidationError("plan.inspection_already_assigned", QT_TRANSLATE_NOOP(
                    "Errors", "The inspection already counts for a plan item."))
            link = PlanItemInspectionRow(inspection_id=inspection_id, plan_item_id=item.id, draw_id=None,
                                         created_at=uow.now)
            s.add(link)
            # The link is the declared, append-only plan_item_inspection record (as a draw's acceptance sends
            # it); a patch of an undeclared plan field "inspections" was refused by the server (unknown_field).
            uow.record(item.plan_id, "plan.inspection_assigned", "plan_item_inspection", inspection_id, "append",
                       payloads.create_payload("plan_item_inspection", link))
            return Changes(inspections=frozenset({inspection_id}), extra={"plan": item.plan_id})
