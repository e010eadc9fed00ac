"""Editing a draft plan (issue 14 item 1, plan editor): item windows inside the plan's window, phases, one
transaction with one journal event and outbox patches built from the syncproto declaration, and no edit after
approval (the rule book's plan.not_draft)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from inspector_app.domain.errors import DomainError
from inspector_app.domain.inspection import InspectionType
from inspector_app.domain.plans import (
    Phase,
    PlanData,
    PlanItemData,
    PlanKind,
    PlanStatus,
    Scope,
    Target,
    TargetKind,
    Window,
)
from inspector_app.domain.roster import OfficerData
from inspector_app.domain.rules import PlanAction, plan_refusal
from inspector_app.services.context import Actor
from inspector_app.storage.orm import JournalEventRow, OutboxRow
from inspector_app.storage.plans_orm import PlanItemRow

ADMIN = Actor("管理员")
YEAR = Window(dt.date(2026, 3, 1), dt.date(2026, 11, 30))


def campaign() -> PlanData:
    return PlanData(
        key="camp", kind=PlanKind.CAMPAIGN, title="专项治理", year=2026, window=YEAR,
        phases=(Phase("动员部署", Window(dt.date(2026, 3, 1), dt.date(2026, 3, 31))),
                Phase("专项检查", Window(dt.date(2026, 4, 1), dt.date(2026, 10, 31)))),
        items=(PlanItemData("hosp", "医院", scope=Scope(("医院",), regions=("东区",)),
                            target=Target(TargetKind.SHARE, share_pct=Decimal(100)),
                            window=Window(dt.date(2026, 4, 1), dt.date(2026, 6, 30)), templates=("mini",)),
               PlanItemData("vill", "村卫生室", scope=Scope(("村卫生室",)), target=Target(TargetKind.COUNT, count=5),
                            templates=("mini",), inspection_type=InspectionType.SPECIAL)))


def outbox(app, ids):  # type: ignore[no-untyped-def]
    with app.ctx.read() as s:
        return [(r.entity, r.op, r.payload) for r in s.scalars(
            select(OutboxRow).where(OutboxRow.entity_id.in_(ids)).order_by(OutboxRow.client_seq))]


def journal_count(app) -> int:  # type: ignore[no-untyped-def]
    with app.ctx.read() as s:
        return s.scalar(select(func.count()).select_from(JournalEventRow))


def test_a_draft_is_edited_in_one_transaction_with_patches(app) -> None:  # type: ignore[no-untyped-def]
    plan, _ = app.plans.create(ADMIN, campaign())
    hosp, vill = plan.items
    assert hosp.window == Window(dt.date(2026, 4, 1), dt.date(2026, 6, 30)) and vill.window == YEAR
    assert [p.name for p in plan.phases] == ["动员部署", "专项检查"]
    before = outbox(app, [plan.id, hosp.id, vill.id])
    events = journal_count(app)
    data = campaign()
    edited = dataclasses.replace(data, title="专项治理（修订）", items=(
        dataclasses.replace(data.items[0], window=Window(dt.date(2026, 5, 1), dt.date(2026, 7, 31)),
                            scope=Scope(("医院",), ("二级",), ("东区", "西区"))),
        PlanItemData("pharm", "定点药店", target=Target(TargetKind.COUNT, count=3), templates=("mini",))),
        phases=data.phases + (Phase("总结", Window(dt.date(2026, 11, 1), dt.date(2026, 11, 30))),))
    dto, changes = app.plans.update(ADMIN, plan.id, edited)
    assert changes.extra == {"plan": plan.id}
    assert journal_count(app) == events + 1   # one save, one journal event
    assert dto.title == "专项治理（修订）" and [p.name for p in dto.phases][-1] == "总结"
    assert [i.key for i in dto.items] == ["hosp", "pharm"]
    assert dto.items[0].id == hosp.id and dto.items[0].window.start == dt.date(2026, 5, 1)
    assert dto.items[0].scope.regions == ("东区", "西区") and dto.items[1].window == YEAR
    rows = outbox(app, [plan.id, hosp.id, vill.id, dto.items[1].id])[len(before):]
    assert [(e, op) for e, op, _p in rows] == [("plan", "patch"), ("plan_item", "patch"), ("plan_item", "patch"),
                                               ("plan_item", "create")]
    assert set(rows[0][2]["fields"]) == {"title", "phases"}
    assert rows[0][2]["fields"]["title"] == ["专项治理", "专项治理（修订）"]
    assert rows[1][2] == {"fields": {"deleted": [False, True]}}   # 村卫生室 removed: a soft delete
    assert set(rows[2][2]["fields"]) == {"scope", "window_start", "window_end"}
    assert rows[2][2]["fields"]["window_start"] == ["2026-04-01", "2026-05-01"]
    with app.ctx.read() as s:
        assert s.get(PlanItemRow, vill.id).deleted_at is not None
    # saving the same plan again changes nothing: no outbox rows
    n = len(outbox(app, [plan.id, hosp.id, vill.id, dto.items[1].id]))
    app.plans.update(ADMIN, plan.id, edited)
    assert len(outbox(app, [plan.id, hosp.id, vill.id, dto.items[1].id])) == n
    # the removed item's key used again restores its row (the unique key per plan is kept)
    again, _ = app.plans.update(ADMIN, plan.id, dataclasses.replace(edited, items=edited.items + (data.items[1],)))
    assert [i.id for i in again.items] == [hosp.id, dto.items[1].id, vill.id]


@pytest.mark.parametrize(("change", "code"), [
    (lambda d: dataclasses.replace(d, items=(dataclasses.replace(
        d.items[0], window=Window(dt.date(2026, 2, 1), dt.date(2026, 4, 30))),) + d.items[1:]),
     "plan.item_window_outside"),
    (lambda d: dataclasses.replace(d, phases=(Phase("总结", Window(dt.date(2026, 11, 1), dt.date(2026, 12, 31))),)),
     "plan.phase_outside"),
    (lambda d: dataclasses.replace(d, phases=(Phase(" ", Window(dt.date(2026, 4, 1), dt.date(2026, 4, 2))),)),
     "plan.phase_name_missing"),
])
def test_a_bad_edit_is_refused_and_saves_nothing(app, change, code) -> None:  # type: ignore[no-untyped-def]
    plan, _ = app.plans.create(ADMIN, campaign())
    seen = outbox(app, [plan.id, *(i.id for i in plan.items)])
    events = journal_count(app)
    with pytest.raises(DomainError) as exc:
        app.plans.update(ADMIN, plan.id, change(campaign()))
    assert exc.value.code == code
    assert app.plans.get(plan.id) == plan and journal_count(app) == events
    assert outbox(app, [plan.id, *(i.id for i in plan.items)]) == seen


def test_an_approved_plan_cannot_be_edited(app) -> None:  # type: ignore[no-untyped-def]
    plan, _ = app.plans.create(ADMIN, campaign())
    app.plans.set_status(ADMIN, plan.id, PlanStatus.APPROVED)
    with pytest.raises(DomainError) as exc:
        app.plans.update(ADMIN, plan.id, dataclasses.replace(campaign(), title="改"))
    assert exc.value.code == "plan.not_draft"
    assert app.plans.get(plan.id).title == "专项治理"
    assert app.plans.edit_refusal(ADMIN, plan.id).code == "plan.not_draft"
    # sent back by review: a draft again, editable again
    app.plans.set_status(ADMIN, plan.id, PlanStatus.DRAFT)
    assert app.plans.edit_refusal(ADMIN, plan.id) is None
    assert app.plans.update(ADMIN, plan.id, dataclasses.replace(campaign(), title="改"))[0].title == "改"


def test_only_planners_edit(app) -> None:  # type: ignore[no-untyped-def]
    plan, _ = app.plans.create(ADMIN, campaign())
    officer, _ = app.roster.add_officer(ADMIN, OfficerData("检查员甲", "基金监督科", "EDIT0001", dt.date(2030, 1, 1)))
    with pytest.raises(DomainError) as exc:
        app.plans.update(Actor(officer.name, officer.id), plan.id, campaign())
    assert exc.value.code == "rules.planner_only"
    assert plan_refusal(PlanAction.EDIT_PLAN, "draft", "team_lead") is None
    assert plan_refusal(PlanAction.EDIT_PLAN, "filed", "admin").code == "plan.not_draft"
