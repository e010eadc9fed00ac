"""The 结果公示 of a draw round: only inspections carried out are listed (the others are not named), with problems,
amounts and result; the legal representative's name is masked; PDF and JSON written side by side."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import update

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
    assert "Only an accepted draw" in capsys.readouterr().err and not (tmp_path / "x.pdf").exists()
    accepted, _ = app.draws.accept(ADMIN, draw.id)
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
