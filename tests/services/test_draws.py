"""双随机 draws: reproducible from seed and pool (also in another process), the 90-day rule, the minimum ratio,
weighting (statistically), officers' validity, 回避 and the cross-check region rule, every attempt kept, and the
draft inspections of an accepted draw."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from decimal import Decimal

import pytest
from sqlalchemy import select

from inspector_app.domain.draw import (
    DrawRules,
    OfficerFacts,
    Pool,
    WeightRule,
    build_pool,
    run_draw,
    verify_draw,
)
from inspector_app.domain.errors import ValidationError
from inspector_app.domain.plans import InstitutionFacts, Scope
from inspector_app.storage.orm import JournalEventRow
from tests.draw_helpers import ADMIN, PLANNED, filed_plan, register

SEED = "5eed" * 16


def synthetic_pool(n: int = 100, low_rated: int = 10) -> Pool:
    insts = [InstitutionFacts(f"i{k:03d}", f"机构{k}", "医院", "二级", "公立", "东区" if k % 2 else "西区",
                              "D" if k < low_rated else None) for k in range(n)]
    officers = [OfficerFacts(f"o{k}", f"人员{k}", f"证{k}", dt.date(2030, 1, 1), "东区" if k % 2 else "西区")
                for k in range(8)]
    return build_pool(insts, Scope(("医院",)), {}, {}, officers)


def test_same_seed_and_pool_give_the_same_draw_in_another_process() -> None:
    pool = synthetic_pool()
    rules = DrawRules()
    first = run_draw(pool, rules, SEED, 10, PLANNED)
    shuffled = Pool(pool.scope_size, tuple(reversed(pool.candidates)), pool.exclusions, tuple(reversed(pool.officers)))
    assert run_draw(shuffled, rules, SEED, 10, PLANNED) == first and shuffled.hash() == pool.hash()
    assert run_draw(pool, rules, "ab" * 32, 10, PLANNED) != first
    code = ("import json,sys,datetime as dt; from inspector_app.domain.draw import *; r=json.load(sys.stdin); "
            "print(json.dumps(run_draw(Pool.from_json(r['pool']), DrawRules.from_json(r['rules']), r['seed'], 10, "
            "dt.date(2026,12,1)).to_json(), sort_keys=True))")
    out = subprocess.run([sys.executable, "-c", code], input=json.dumps(
        {"pool": pool.to_json(), "rules": rules.to_json(), "seed": SEED}), capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == first.to_json()
    assert len({p.institution_id for p in first.picks}) == 10
    assert all(len(p.officer_ids) == 2 and len(set(p.officer_ids)) == 2 for p in first.picks)


def test_the_minimum_ratio_is_enforced() -> None:
    pool = synthetic_pool(n=100)
    with pytest.raises(ValidationError) as info:
        run_draw(pool, DrawRules(), SEED, 2, PLANNED)
    assert info.value.code == "draw.below_minimum" and info.value.params["minimum"] == 3
    assert len(run_draw(pool, DrawRules(), SEED, 3, PLANNED).picks) == 3
    with pytest.raises(ValidationError):
        run_draw(pool, DrawRules(min_ratio_pct=Decimal(5)), SEED, 4, PLANNED)


def test_weighting_raises_the_chance_of_low_rated_institutions_as_configured() -> None:
    pool = synthetic_pool(n=100, low_rated=10)
    flat = DrawRules(weights=())
    tripled = DrawRules(weights=(WeightRule("C/D", credit_ratings=("C", "D"), factor=3),))
    runs = 300

    def low_picks(rules: DrawRules) -> float:
        total = 0
        for k in range(runs):
            result = run_draw(pool, rules, f"{k:064x}", 10, PLANNED)
            total += sum(1 for p in result.picks if p.institution_id < "i010")
        return total / runs

    # Uniform: 10 of 100 → 1.0 per draw of 10. Weight 3: ~30/120 per early pick → about 2.3 per draw.
    assert 0.8 <= low_picks(flat) <= 1.2
    assert 2.0 <= low_picks(tripled) <= 2.7
    quota = DrawRules(weights=(WeightRule("C/D", credit_ratings=("C", "D"), quota=3),))
    for k in range(50):
        picks = run_draw(pool, quota, f"{k:064x}", 10, PLANNED).picks
        assert sum(1 for p in picks if p.institution_id < "i010") >= 3
        assert [p.via for p in picks[:3]] == ["quota:C/D"] * 3


def test_officers_validity_conflicts_and_cross_check_region_are_redrawn_and_logged() -> None:
    insts = [InstitutionFacts(f"i{k}", f"机构{k}", "医院", "二级", "公立", "东区") for k in range(20)]
    officers = [OfficerFacts("east1", "东一", "1", dt.date(2030, 1, 1), "东区"),
                OfficerFacts("west1", "西一", "2", dt.date(2030, 1, 1), "西区"),
                OfficerFacts("west2", "西二", "3", dt.date(2030, 1, 1), "西区", conflicts=("i0", "i1", "i2")),
                OfficerFacts("west3", "西三", "4", dt.date(2030, 1, 1), "西区"),
                OfficerFacts("expired", "过期", "5", PLANNED - dt.timedelta(days=1), "西区")]
    pool = build_pool(insts, Scope(), {}, {}, officers)
    result = run_draw(pool, DrawRules(), SEED, 20, PLANNED, cross_check=True)
    reasons = {r.reason for r in result.redraws}
    assert reasons == {"certificate_expired", "conflict", "own_region"}
    for p in result.picks:
        assert "expired" not in p.officer_ids and "east1" not in p.officer_ids
        if p.institution_id in ("i0", "i1", "i2"):
            assert "west2" not in p.officer_ids
    assert any(r.reason == "conflict" and r.officer_id == "west2" for r in result.redraws)
    # Without the cross-check rule the east officer may go.
    plain = run_draw(pool, DrawRules(), SEED, 20, PLANNED)
    assert any("east1" in p.officer_ids for p in plain.picks)
    assert all(r.reason != "own_region" for r in plain.redraws)
    too_few = build_pool(insts, Scope(), {}, {}, officers[:1] + officers[4:])
    with pytest.raises(ValidationError) as info:
        run_draw(too_few, DrawRules(), SEED, 1, PLANNED)
    assert info.value.code == "draw.not_enough_officers"


def test_verify_rejects_altered_result_pool_or_seed() -> None:
    pool = synthetic_pool()
    rules = DrawRules()
    result = run_draw(pool, rules, SEED, 5, PLANNED)
    record = {"algorithm": "dsr-1", "pool": pool.to_json(), "pool_hash": pool.hash(), "rules": rules.to_json(),
              "seed": SEED, "count": 5, "planned_on": PLANNED.isoformat(), "cross_check": False,
              "result": result.to_json()}
    assert verify_draw(record) == []
    swapped = json.loads(json.dumps(record))
    drawn = {p["institution_id"] for p in swapped["result"]["picks"]}
    other = next(c for c in swapped["pool"]["candidates"] if c["id"] not in drawn)
    swapped["result"]["picks"][0]["institution_id"] = other["id"]
    assert verify_draw(swapped) == ["result"]
    shrunk = json.loads(json.dumps(record))
    shrunk["pool"]["candidates"] = [c for c in shrunk["pool"]["candidates"] if c["id"] != other["id"]]
    assert "pool_hash" in verify_draw(shrunk)
    reseeded = dict(record, seed="ab" * 32)
    assert verify_draw(reseeded) == ["result"]


def test_service_round_seed_first_then_pool_accept_and_the_90_day_rule(app) -> None:  # type: ignore[no-untyped-def]
    reg = register(app)
    plan = filed_plan(app)
    item = next(i for i in plan.items if i.key == "random")
    draw = app.draws.open(ADMIN, item.id, seed=SEED, planned_on=PLANNED)
    assert draw.status == "seeded" and draw.pool is None and draw.result is None
    draw = app.draws.run(ADMIN, draw.id, excluded={reg["institutions"][0].id: "正在立案调查"})
    assert draw.count == 8  # 20 % of the 40 hospitals in scope
    assert draw.pool["scope_size"] == 40 and len(draw.pool["candidates"]) == 39
    assert draw.pool["exclusions"] == [{"institution_id": reg["institutions"][0].id, "name": "测试第1医院",
                                        "reason": "excluded", "note": "正在立案调查"}]
    accepted, changes = app.draws.accept(ADMIN, draw.id)
    assert len(accepted.inspection_ids) == 8 and changes.inspections == frozenset(accepted.inspection_ids)
    listed = {r.id: r for r in app.queries.inspections()}
    for iid, _ in zip(accepted.inspection_ids, draw.result["picks"]):
        row = listed[iid]
        assert row.status == "draft" and row.inspection_type == "双随机抽查"
        assert len(row.team) == 2
    names = {o.id: o.name for o in reg["officers"]}
    assert all(names[o] != "己六" for p in draw.result["picks"] for o in p["officer_ids"])  # expired certificate
    with app.ctx.read() as s:
        events = s.scalars(select(JournalEventRow.event_type).where(JournalEventRow.chain_id == plan.id)
                           .order_by(JournalEventRow.seq)).all()
    assert events[-3:] == ["draw.seeded", "draw.drawn", "draw.accepted"]
    # 30 days later the drawn hospitals are out of the pool; 91 days later they are back.
    drawn = {p["institution_id"] for p in draw.result["picks"]}
    soon = app.draws.run(ADMIN, app.draws.open(ADMIN, item.id, planned_on=PLANNED + dt.timedelta(days=30)).id)
    recent = {e["institution_id"] for e in soon.pool["exclusions"] if e["reason"] == "recent"}
    assert recent == drawn and not drawn & {p["institution_id"] for p in soon.result["picks"]}
    app.draws.abandon(ADMIN, soon.id, "测试")
    later = app.draws.run(ADMIN, app.draws.open(ADMIN, item.id, planned_on=PLANNED + dt.timedelta(days=91)).id)
    assert not [e for e in later.pool["exclusions"] if e["reason"] == "recent"]
    app.draws.abandon(ADMIN, later.id, "测试")
    # A round planned 30 days before the accepted one must not take its institutions either.
    before = app.draws.run(ADMIN, app.draws.open(ADMIN, item.id, planned_on=PLANNED - dt.timedelta(days=30)).id)
    assert {e["institution_id"] for e in before.pool["exclusions"] if e["reason"] == "recent"} == drawn


def test_a_second_draw_of_a_round_is_recorded_not_hidden(app) -> None:  # type: ignore[no-untyped-def]
    register(app)
    item = next(i for i in filed_plan(app).items if i.key == "random")
    first = app.draws.run(ADMIN, app.draws.open(ADMIN, item.id, planned_on=PLANNED).id)
    with pytest.raises(ValidationError) as info:
        app.draws.open(ADMIN, item.id, round_no=first.round_no)
    assert info.value.code == "draw.round_not_abandoned"
    with pytest.raises(ValidationError) as info:
        app.draws.abandon(ADMIN, first.id, "  ")
    assert info.value.code == "draw.abandon_without_reason"
    app.draws.abandon(ADMIN, first.id, "抽中机构当日停业整顿")
    second = app.draws.run(ADMIN, app.draws.open(ADMIN, item.id, round_no=first.round_no, planned_on=PLANNED).id)
    assert (second.round_no, second.attempt) == (first.round_no, 2) and second.seed != first.seed
    rounds = app.draws.rounds(item.id)
    assert [(d.attempt, d.status) for d in rounds] == [(1, "abandoned"), (2, "drawn")]
    record = app.draws.record(second.id)
    assert [a["status"] for a in record["attempts"]] == ["abandoned", "drawn"]
    assert record["attempts"][0]["reason"] == "抽中机构当日停业整顿"
    assert verify_draw(record) == []


def test_cross_check_item_and_declared_conflicts_through_the_service(app) -> None:  # type: ignore[no-untyped-def]
    reg = register(app)
    item = next(i for i in filed_plan(app).items if i.key == "cross")
    officers = {o.id: o for o in reg["officers"]}
    east = reg["institutions"][1]  # odd numbers are in 东区
    conflicted = next(o for o in reg["officers"] if o.name == "丙三")
    app.draws.declare_conflict(ADMIN, conflicted.id, east.id, "配偶在该院任职")
    draw = app.draws.run(ADMIN, app.draws.open(ADMIN, item.id, seed=SEED, planned_on=PLANNED).id,
                         count=40)
    assert draw.result and len(draw.result["picks"]) == 40
    regions = {i.id: ("东区" if n % 2 else "西区") for n, i in enumerate(reg["institutions"])}
    regions[reg["clinic"].id] = "东区"
    off_region = {"甲一": "东区", "乙二": "东区", "丙三": "西区", "丁四": "西区", "戊五": ""}
    for p in draw.result["picks"]:
        for oid in p["officer_ids"]:
            assert off_region[officers[oid].name] != regions[p["institution_id"]]
        if p["institution_id"] == east.id:
            assert conflicted.id not in p["officer_ids"]
    assert any(r["reason"] == "own_region" for r in draw.result["redraws"])
    with pytest.raises(ValidationError) as info:
        app.draws.open(ADMIN, item.id, seed="12")
    assert info.value.code == "draw.bad_seed"



def test_no_draw_for_a_plan_not_filed_and_exclusions_need_reasons(app) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.domain.plans import PlanData, PlanItemData, PlanStatus

    reg = register(app, hospitals=5)
    plan = filed_plan(app)
    item = plan.items[0]
    app.plans.set_status(ADMIN, plan.id, PlanStatus.RUNNING)
    app.plans.set_status(ADMIN, plan.id, PlanStatus.SUMMARY)
    with pytest.raises(ValidationError) as info:
        app.draws.open(ADMIN, item.id)
    assert info.value.code == "draw.plan_not_running"
    assert app.draws.rounds(item.id) == []
    other, _ = app.plans.create(ADMIN, PlanData(key="draw-test-2", kind=plan.kind, title="第二个计划", year=2026,
                                                window=plan.window, items=(PlanItemData("one", "抽查"),)))
    app.plans.set_status(ADMIN, other.id, PlanStatus.APPROVED)
    app.plans.set_status(ADMIN, other.id, PlanStatus.FILED)
    draw = app.draws.open(ADMIN, other.items[0].id, planned_on=PLANNED)
    with pytest.raises(ValidationError) as info:
        app.draws.run(ADMIN, draw.id, excluded={reg["institutions"][0].id: " "})
    assert info.value.code == "draw.exclusion_without_reason"
    assert app.draws.get(draw.id).status == "seeded"
