"""An edited draft plan reaches the lead's other laptop through the real sync server: the changed fields, an item's
own window and scope, the new phases, an added item, and a removed item gone."""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy import select

from inspector_app.domain.inspection import InspectionType
from inspector_app.domain.plans import Phase, PlanData, PlanItemData, PlanKind, Scope, Target, TargetKind, Window
from inspector_app.storage.orm import OutboxRow
from tests.sync.draw_world import BOSS

YEAR = Window(dt.date(2026, 1, 1), dt.date(2026, 12, 31))


def test_an_edited_draft_reaches_the_other_laptop(sqlite_world) -> None:  # type: ignore[no-untyped-def]
    lead = sqlite_world.make_client("l", "lead")
    other = sqlite_world.make_client("l2", "lead")
    assert lead.engine.sync_round().ok
    data = PlanData(key="edit-sync", kind=PlanKind.CAMPAIGN, title="同步编辑计划", year=2026, window=YEAR,
                    items=(PlanItemData("a", "医院", scope=Scope(("医院",)), target=Target(TargetKind.COUNT, count=2),
                                        templates=("mini",)),
                           PlanItemData("b", "诊所", templates=("mini",), inspection_type=InspectionType.RANDOM)))
    plan, _ = lead.app.plans.create(BOSS, data)
    assert lead.engine.sync_round().ok
    edited = dataclasses.replace(
        data, title="同步编辑计划（修订）",
        phases=(Phase("动员部署", Window(dt.date(2026, 1, 1), dt.date(2026, 1, 31))),
                Phase("专项检查", Window(dt.date(2026, 2, 1), dt.date(2026, 10, 31)))),
        items=(dataclasses.replace(data.items[0], window=Window(dt.date(2026, 2, 1), dt.date(2026, 5, 31)),
                                   scope=Scope(("医院",), ("二级",), ("东区",))),
               PlanItemData("c", "药店", target=Target(TargetKind.COUNT, count=1), templates=("mini",))))
    mine, _ = lead.app.plans.update(BOSS, plan.id, edited)
    assert lead.engine.sync_round().ok
    with lead.app.ctx.read() as s:   # every patch, the soft delete and the new item accepted by the server
        rows = s.scalars(select(OutboxRow).where(OutboxRow.entity.in_(("plan", "plan_item")))).all()
        assert len(rows) == 3 + 4 and {r.status for r in rows} == {"applied"}
    assert other.engine.sync_round().ok
    got = other.app.plans.get(plan.id)
    assert got == mine
    assert [i.key for i in got.items] == ["a", "c"] and got.items[0].scope.regions == ("东区",)
    assert got.items[0].window.start == dt.date(2026, 2, 1) and [p.name for p in got.phases] == ["动员部署", "专项检查"]
