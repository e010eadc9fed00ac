"""Coverage against a plan's targets, computed by hand for a small case: only signed inspections count, the
denominator is the scope in the register, behind schedule pro rata of the elapsed window, and per region."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from sqlalchemy import select, update

from inspector_app.domain.coverage import RegionCoverage
from inspector_app import syncproto as P
from inspector_app.storage.orm import InspectionRow, OutboxRow
from tests.draw_helpers import ADMIN, PLANNED, filed_plan, register


def signed(app, inspection_ids) -> None:  # type: ignore[no-untyped-def]
    # The signing flow itself is tested elsewhere; here only the status matters to the count.
    with app.ctx.unit(ADMIN) as uow:
        uow.session.execute(update(InspectionRow).where(InspectionRow.id.in_(list(inspection_ids)))
                            .values(status="signed"))


def test_hand_computed_coverage(app, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    reg = register(app)  # 40 hospitals, all 二级 or 三级: 20 in 东区, 20 in 西区
    plan = filed_plan(app)
    item = next(i for i in plan.items if i.key == "random")  # target 20 % → 8 of 40
    draw = app.draws.run(ADMIN, app.draws.open(ADMIN, item.id, seed="11" * 32, planned_on=PLANNED).id, count=6)
    accepted, _ = app.draws.accept(ADMIN, draw.id)
    east = {i.id for n, i in enumerate(reg["institutions"]) if n % 2}
    signed(app, accepted.inspection_ids[:5])  # the sixth stays a draft: it does not count
    drawn_east = sum(1 for p in draw.result["picks"][:5] if p["institution_id"] in east)

    rows = {r.item.key: r for r in app.coverage.coverage(plan.id, today=dt.date(2026, 11, 20))}
    c = rows["random"].coverage
    # 5 of 40 = 12.5 %; target 8; window 2026-01-01..12-31, 324 of 365 days elapsed → expect floor(8 × 324/365) = 7
    assert (c.scope_size, c.required, c.done, c.share_pct) == (40, 8, 5, Decimal("12.5"))
    assert (c.expected_done, c.days_left, c.times_done, c.behind) == (7, 41, 1, True)
    assert c.by_region == (RegionCoverage("东区", drawn_east, 20), RegionCoverage("西区", 5 - drawn_east, 20))
    assert c.label_zh(item.scope.label_zh(), item.target) == "二级及以上 医院 5/40 = 12.5%（目标 覆盖率不低于20%）"
    # Early in the year the same figures are on schedule: floor(8 × 90/365) = 1.
    early = {r.item.key: r for r in app.coverage.coverage(plan.id, today=dt.date(2026, 3, 31))}["random"].coverage
    assert (early.expected_done, early.behind) == (1, False)
    # Count target 6 of the cross item: nothing done yet → behind at the end of the year, not on 1 January.
    cross = rows["cross"].coverage
    assert (cross.scope_size, cross.required, cross.done, cross.behind) == (40, 6, 0, True)
    assert not {r.item.key: r for r in app.coverage.coverage(plan.id, today=dt.date(2026, 1, 1))}[
        "cross"].coverage.behind

    # An inspection created by hand counts once assigned to the item, and as a batch of its own.
    from tests.helpers import new_inspection
    hand = new_inspection(app, {"hospital": reg["institutions"][0], "officers": reg["officers"]})
    app.coverage.assign(ADMIN, item.id, hand)
    # It syncs as the declared append-only link (as a draw's acceptance sends it), a body the server accepts.
    with app.ctx.read() as s:
        sent = s.execute(select(OutboxRow.entity, OutboxRow.op, OutboxRow.payload)
                         .where(OutboxRow.entity_id == hand, OutboxRow.entity == "plan_item_inspection")).all()
    assert [(e, op) for e, op, _ in sent] == [("plan_item_inspection", "append")]
    assert sent[0][2] == {"data": {"inspection_id": hand, "plan_item_id": item.id, "draw_id": None}}
    P.validate_data(P.ENTITIES["plan_item_inspection"], P.create_data(sent[0][2], "plan_item_inspection"),
                    partial=False)
    signed(app, [hand])
    with app.ctx.unit(ADMIN) as uow:
        uow.session.execute(update(InspectionRow).where(InspectionRow.id == hand)
                            .values(planned_at=dt.datetime(2026, 6, 1, 2, tzinfo=dt.timezone.utc)))
    again = {r.item.key: r for r in app.coverage.coverage(plan.id, today=dt.date(2026, 11, 20))}["random"].coverage
    done_before = c.done + (reg["institutions"][0].id not in {p["institution_id"] for p in draw.result["picks"][:5]})
    assert (again.done, again.times_done) == (done_before, 2)
    with pytest.raises(Exception) as info:
        app.coverage.assign(ADMIN, item.id, hand)
    assert getattr(info.value, "code", "") == "plan.inspection_already_assigned"

    from inspector_app.cli import main

    assert main(["coverage", "--plan", plan.key, "--date", "2026-11-20", "--json",
                 "--data-dir", str(app.paths.data_dir)]) == 0
    out = {r["item_key"]: r for r in json.loads(capsys.readouterr().out)}
    assert out["random"]["share_pct"] == str(again.share_pct) and out["random"]["behind"] is True
    assert main(["coverage", "--plan", plan.key, "--date", "2026-11-20", "--data-dir", str(app.paths.data_dir)]) == 0
    assert "【滞后】" in capsys.readouterr().out
