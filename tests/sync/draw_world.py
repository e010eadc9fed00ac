"""A filed plan and a 双随机 draw made on a lead's laptop of the sync test world (one institution, three officers)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select

from inspector_app.domain.inspection import InspectionType
from inspector_app.domain.plans import PlanData, PlanItemData, PlanKind, PlanStatus, Scope, Target, TargetKind, Window
from inspector_app.server.models import User
from inspector_app.services.context import Actor
from tests.sync.harness import INSTITUTION_ID, OFFICERS

BOSS = Actor(OFFICERS[2][1], OFFICERS[2][0])
PLANNED = dt.date(2026, 12, 1)
SEED = "5eed" * 16


def filed_plan(app: Any, key: str = "sync-plan", year: int = PLANNED.year) -> Any:
    plan = PlanData(key=key, kind=PlanKind.ANNUAL, title="同步测试计划", year=year,
                    window=Window(dt.date(year, 1, 1), dt.date(year, 12, 31)),
                    items=(PlanItemData("random", "双随机抽查", scope=Scope(("医院",)),
                                        target=Target(TargetKind.COUNT, count=1), templates=("mini",),
                                        inspection_type=InspectionType.RANDOM),))
    dto, _ = app.plans.create(BOSS, plan)
    for status in (PlanStatus.APPROVED, PlanStatus.FILED):
        dto, _ = app.plans.set_status(BOSS, dto.id, status)
    return dto


def drawn_round(app: Any, conflicted: str = OFFICERS[0][0], planned_on: dt.date = PLANNED) -> tuple[Any, Any, Any]:
    """Plan, the abandoned first attempt and the accepted second one. `conflicted` declared a 回避 conflict with
    the institution, so the other two officers are the ones drawn."""
    plan = filed_plan(app, year=planned_on.year)
    item = plan.items[0]
    app.draws.declare_conflict(BOSS, conflicted, INSTITUTION_ID, "配偶在该院任职")
    first = app.draws.run(BOSS, app.draws.open(BOSS, item.id, seed=SEED, planned_on=planned_on).id)
    app.draws.abandon(BOSS, first.id, "抽取时间录入错误")
    again = app.draws.open(BOSS, item.id, seed="ab" * 32, planned_on=planned_on, round_no=first.round_no)
    again = app.draws.run(BOSS, again.id)
    accepted, _ = app.draws.accept(BOSS, again.id)
    return plan, app.draws.get(first.id), accepted


def link_officer(world: Any, user: str, officer_id: str | None) -> None:
    """What `inspector server users add NAME --officer ID` stores: the account's roster officer."""
    with world.db.write() as s:
        s.scalar(select(User).where(User.name == user)).officer_id = officer_id
