"""A register for draw tests: hospitals in two regions (some with a low credit rating or many complaints), officers
in both regions, and a filed plan with a 双随机 item and a 交叉检查 item."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from inspector_app.domain.credit_code import make_credit_code
from inspector_app.domain.inspection import InspectionType
from inspector_app.domain.plans import PlanData, PlanItemData, PlanKind, PlanStatus, Scope, Target, TargetKind, Window
from inspector_app.domain.roster import Category, CreditRating, InstitutionData, Level, OfficerData, Ownership
from inspector_app.services.context import Actor

ADMIN = Actor("管理员")
PLANNED = dt.date(2026, 12, 1)


def register(app: Any, hospitals: int = 40) -> dict[str, Any]:
    insts = []
    for n in range(hospitals):
        region = "东区" if n % 2 else "西区"
        rating = CreditRating.D if n % 10 == 3 else None
        inst, _ = app.roster.add_institution(ADMIN, InstitutionData(
            f"测试第{n + 1}医院", Category.HOSPITAL, Level.SECONDARY if n % 3 else Level.TERTIARY, Ownership.PUBLIC,
            make_credit_code(f"12379902MB{n:07d}"), region=region, credit_rating=rating,
            complaint_count=5 if n % 10 == 7 else 0))
        insts.append(inst)
    clinic, _ = app.roster.add_institution(ADMIN, InstitutionData(
        "测试诊所", Category.CLINIC, Level.UNRATED, Ownership.PRIVATE, make_credit_code("92379902MA0000099"),
        region="东区"))
    officers = []
    for n, (name, region, days) in enumerate([("甲一", "东区", 400), ("乙二", "东区", 400), ("丙三", "西区", 400),
                                              ("丁四", "西区", 400), ("戊五", "", 400), ("己六", "东区", -1)]):
        o, _ = app.roster.add_officer(ADMIN, OfficerData(name, "基金监督科", f"抽执{n:04d}",
                                                         PLANNED + dt.timedelta(days=days), region=region))
        officers.append(o)
    return {"institutions": insts, "clinic": clinic, "officers": officers}


def filed_plan(app: Any) -> Any:
    plan = PlanData(
        key="draw-test", kind=PlanKind.ANNUAL, title="抽查测试计划", year=2026,
        window=Window(dt.date(2026, 1, 1), dt.date(2026, 12, 31)),
        items=(PlanItemData("random", "双随机抽查", scope=Scope(("医院",), ("二级", "三级")),
                            target=Target(TargetKind.SHARE, share_pct=Decimal(20)), templates=("mini",),
                            inspection_type=InspectionType.RANDOM),
               PlanItemData("cross", "交叉检查", scope=Scope(("医院",)), target=Target(TargetKind.COUNT, count=6),
                            templates=("mini",), inspection_type=InspectionType.CROSS)))
    dto, _ = app.plans.create(ADMIN, plan)
    for status in (PlanStatus.APPROVED, PlanStatus.FILED):
        dto, _ = app.plans.set_status(ADMIN, dto.id, status)
    return dto
