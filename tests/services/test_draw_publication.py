"""The 结果公示 of a draw round: only inspections carried out are listed (the others are not named), with problems,
amounts and result; the legal representative's name is masked; PDF and JSON written side by side."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import update

from inspector_app.domain.errors import ValidationError
from inspector_app.domain.findings import FindingData, Severity
from inspector_app.storage.orm import InspectionRow
from inspector_app.storage.review_orm import OutcomeRow
from tests.draw_helpers import ADMIN, PLANNED, filed_plan, register


def test_round_publication(app, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.cli import main
    from inspector_app.domain.credit_code import make_credit_code
    from inspector_app.domain.roster import Category, InstitutionData, Level, Ownership

    register(app, hospitals=10)
    app.roster.add_institution(ADMIN, InstitutionData(  # a hospital with a named legal representative
        "测试仁和医院", Category.HOSPITAL, Level.SECONDARY, Ownership.PRIVATE, make_credit_code("52379902MB0000777"),
        legal_representative="欧阳明", phone="0531-88886666"))
    item = next(i for i in filed_plan(app).items if i.key == "random")
    draw = app.draws.run(ADMIN, app.draws.open(ADMIN, item.id, seed="22" * 32, planned_on=PLANNED).id, count=11)
    assert main(["draw", "publish", draw.id, "--out", str(tmp_path / "x.pdf"),
                 "--data-dir", str(app.paths.data_dir)]) == 2  # not accepted yet
    assert "只有已采用的抽取" in capsys.readouterr().err and not (tmp_path / "x.pdf").exists()
    with pytest.raises(ValidationError) as refused:
        app.draws.last_accepted(item.id)  # what the plans page publishes: nothing before the round is accepted
    assert refused.value.code == "draw.not_accepted"
    accepted, _ = app.draws.accept(ADMIN, draw.id)
    assert app.draws.last_accepted(item.id).id == draw.id
    rows = {r.id: r for r in app.queries.inspections()}
    renhe = next(i for i in accepted.inspection_ids if rows[i].institution_name == "测试仁和医院")
    app.findings.add(ADMIN, renhe, FindingData("超标准收费", Severity.SERIOUS, Decimal("1200.00"), Decimal("1200.00")))
    done = [renhe, next(i for i in accepted.inspection_ids if i != renhe)]
    with app.ctx.unit(ADMIN) as uow:
        uow.session.execute(update(InspectionRow).where(InspectionRow.id.in_(done)).values(status="signed"))
        uow.session.add(OutcomeRow(inspection_id=renhe, outcome="发现问题·责令整改", refund_amount=Decimal("1200.00"),
                                   articles="第三十八条", note="已约谈法定代表人欧阳明（电话0531-88886666）",
                                   decided_by="组长", decided_at=dt.datetime(2026, 12, 2, tzinfo=dt.timezone.utc)))
    out = tmp_path / "公示.pdf"
    assert main(["draw", "publish", draw.id, "--out", str(out), "--data-dir", str(app.paths.data_dir)]) == 0
    data = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))
    assert data["drawn"] == 11 and data["pending"] == 9 and len(data["rows"]) == 2
    row = next(r for r in data["rows"] if r["institution"] == "测试仁和医院")
    assert (row["violations"], row["amount_involved"], row["amount_to_recover"]) == (1, "1200.00", "1200.00")
    assert "第三十八条" in row["result"] and "欧阳明" not in row["result"] and "88886666" not in row["result"]
    assert data["masked"]
    assert out.read_bytes().startswith(b"%PDF")
    names = {r["institution"] for r in data["rows"]}
    pending_names = {rows[i].institution_name for i in accepted.inspection_ids if i not in done}
    assert not names & pending_names and not any(n in json.dumps(data, ensure_ascii=False) for n in pending_names)


def test_plan_summary_pdf_and_xlsx(app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    from inspector_app.cli import main

    register(app, hospitals=10)
    plan = filed_plan(app)
    item = next(i for i in plan.items if i.key == "random")
    draw = app.draws.run(ADMIN, app.draws.open(ADMIN, item.id, seed="33" * 32, planned_on=PLANNED).id, count=3)
    accepted, _ = app.draws.accept(ADMIN, draw.id)
    iid = accepted.inspection_ids[0]
    app.findings.add(ADMIN, iid, FindingData("串换项目", Severity.SERIOUS, Decimal("500.00"), Decimal("500.00"),
                                             penalty_article="《医疗保障基金使用监督管理条例》第三十八条"))
    with app.ctx.unit(ADMIN) as uow:
        uow.session.execute(update(InspectionRow).where(InspectionRow.id == iid).values(status="signed"))
        uow.session.add(OutcomeRow(inspection_id=iid, outcome="转立案", refund_amount=Decimal("500.00"),
                                   fine_amount=Decimal("1000.00"), decided_by="组长",
                                   decided_at=dt.datetime(2026, 12, 2, tzinfo=dt.timezone.utc)))
    out = tmp_path / "总结.pdf"
    assert main(["plans", "summary", plan.key, "--out", str(out), "--data-dir", str(app.paths.data_dir)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    wb = load_workbook(out.with_suffix(".xlsx"))
    assert wb.sheetnames == ["覆盖率", "问题条款", "汇总"]
    cov = {row[0]: row for row in wb["覆盖率"].iter_rows(min_row=2, values_only=True)}
    assert cov["双随机抽查"][3:7] == (10, 2, 1, 10.0)  # 20 % of 10 → 2; one signed of 10
    totals = dict(wb["汇总"].iter_rows(values_only=True))
    assert (totals["纳入计划的检查（次）"], totals["已完成检查（次）"], totals["转立案（件）"]) == (3, 1, 1)
    assert totals["责令退回医保基金（元）"] == 500.0 and totals["罚款（元）"] == 1000.0
    assert dict(wb["问题条款"].iter_rows(min_row=2, values_only=True)) == {"第三十八条": 1}
