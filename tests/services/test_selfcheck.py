"""Self-inspection intake: a generated return, filled by the test as an institution would, imported, counted."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from inspector_app.domain.campaign import CampaignData, CheckItem, Phase, PhaseKind
from inspector_app.domain.errors import ValidationError
from tests.conftest import raw_connect
from tests.helpers import lead

DEADLINE = dt.date(2026, 4, 20)
ITEMS = (CheckItem("A1", "分解住院"), CheckItem("A2", "超标准收费"), CheckItem("A3", "串换药品、耗材和诊疗项目"))


def campaign_data(institution_ids: tuple[str, ...]) -> CampaignData:
    return CampaignData("2026年医疗保障基金专项治理", (
        Phase(PhaseKind.MOBILISE, dt.date(2026, 4, 1), dt.date(2026, 4, 10)),
        Phase(PhaseKind.SELF_CHECK, dt.date(2026, 4, 11), DEADLINE),
        Phase(PhaseKind.INSPECTION, dt.date(2026, 4, 21), dt.date(2026, 7, 31)),
        Phase(PhaseKind.SUMMARY, dt.date(2026, 8, 1), dt.date(2026, 10, 20))),
        ITEMS, scope="全市定点医药机构（村卫生室50%）", institution_ids=institution_ids)


def fill(path: Path, rows: dict[str, list[object]], signer: str = "林书远",
         signed: object = dt.date(2026, 4, 18)) -> Path:
    wb = load_workbook(path)
    ws = wb["自查情况统计表"]
    for r in range(5, ws.max_row + 1):
        item = ws.cell(row=r, column=2).value
        for col, value in enumerate(rows.get(item, ["否"]), start=4):
            ws.cell(row=r, column=col, value=value)
    wb["承诺书"]["B4"], wb["承诺书"]["B5"] = signer, signed
    wb.save(path)
    return path


@pytest.fixture
def campaign(app, roster):  # type: ignore[no-untyped-def]
    return app.campaigns.create(lead(roster), campaign_data((roster["hospital"].id, roster["pharmacy"].id)))


def test_generated_return_filled_imported_and_counted(app, roster, campaign, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    form = app.campaigns.write_return_form(campaign, roster["hospital"].id, tmp_path / "回执.xlsx")
    wb = load_workbook(form)
    assert wb["_meta"].sheet_state == "hidden" and wb["自查情况统计表"]["B2"].value == "测试市人民医院"
    assert [wb["自查情况统计表"].cell(row=r, column=2).value for r in (5, 6, 7)] == ["A1", "A2", "A3"]
    fill(form, {"A1": ["是", "3 例分解住院", 12000.5, 12000.5, dt.date(2026, 4, 15), "TK2026-001", "加强审核"],
                "A2": ["是", "床位费超标准", "800", "300", "2026-04-25", "TK2026-002", ""]})
    ret = app.campaigns.import_return(lead(roster), form, received_on=dt.date(2026, 4, 19), source="邮件")
    assert (ret.problems, ret.amount_fen, ret.refunded_fen, ret.late, ret.committed_by) == (
        2, 1280050, 1230050, False, "林书远")
    assert app.ctx.blobs.has(ret.sha256)  # the file as received, kept as evidence
    events = app.journal.events(f"campaign:{campaign}")
    assert [e.event_type for e in events] == ["campaign.created", "selfcheck.imported"]
    assert events[-1].payload["sha256"] == ret.sha256
    deadline, problems = app.campaigns.problems(campaign, roster["hospital"].id)
    assert deadline == DEADLINE and [p.fully_refunded_by(deadline) for p in problems] == [True, False]
    stats = app.campaigns.statistics(campaign)
    assert (stats.expected, stats.returned, stats.late, stats.missing) == (2, 1, 0, (roster["pharmacy"].id,))
    assert (stats.problems, stats.amount_fen, stats.refunded_fen, stats.refunded_on_time_fen) == (
        2, 1280050, 1230050, 1200050)
    # the pharmacy's return arrives late and without a commitment
    late = fill(app.campaigns.write_return_form(campaign, roster["pharmacy"].id, tmp_path / "p.xlsx"), {},
                signer="", signed=None)
    assert app.campaigns.import_return(lead(roster), late, received_on=dt.date(2026, 4, 22)).late
    stats = app.campaigns.statistics(campaign)
    assert (stats.returned, stats.late, stats.without_commitment, stats.missing) == (2, 1, 1, ())


@pytest.mark.parametrize(("rows", "code", "column"), [
    ({"A1": ["也许"]}, "selfcheck.bad_value", "是否存在问题"),
    ({"A1": ["是", "", "100"]}, "selfcheck.missing_value", "问题描述"),
    ({"A1": ["是", "x", "abc"]}, "selfcheck.bad_value", "涉及金额（元）"),
    ({"A1": ["是", "x", "100", "200", "2026-04-01", "R1"]}, "selfcheck.refund_exceeds_amount", "已退回金额（元）"),
    ({"A1": ["是", "x", "100", "100", "2026-04-01", ""]}, "selfcheck.missing_value", "退款票据号"),
    ({"A1": ["是", "x", "100", "100", "四月", "R1"]}, "selfcheck.bad_value", "退回日期"),
    ({"A1": ["否", "有描述却标为否"]}, "selfcheck.problem_not_marked", "是否存在问题"),
])
def test_bad_returns_name_sheet_row_and_column(app, roster, campaign, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                rows: dict, code: str, column: str) -> None:  # type: ignore[type-arg]
    form = fill(app.campaigns.write_return_form(campaign, roster["hospital"].id, tmp_path / "r.xlsx"), rows)
    with pytest.raises(ValidationError) as exc:
        app.campaigns.import_return(lead(roster), form)
    assert exc.value.code == code
    assert (exc.value.params["file"], exc.value.params["sheet"], exc.value.params["row"],
            exc.value.params["column"]) == ("r.xlsx", "自查情况统计表", 5, column)
    with raw_connect(app.paths.database) as c:
        assert c.execute("SELECT COUNT(*) FROM selfcheck_returns").fetchone()[0] == 0


def test_foreign_and_repeated_returns(app, roster, campaign, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    plain = tmp_path / "plain.xlsx"
    from openpyxl import Workbook

    Workbook().save(plain)
    with pytest.raises(ValidationError) as exc:
        app.campaigns.import_return(lead(roster), plain)
    assert exc.value.code == "selfcheck.not_a_return"
    form = fill(app.campaigns.write_return_form(campaign, roster["hospital"].id, tmp_path / "r.xlsx"), {})
    wb = load_workbook(form)
    wb["自查情况统计表"]["B5"] = "Z9"  # an item the campaign does not have
    wb.save(tmp_path / "z.xlsx")
    with pytest.raises(ValidationError) as exc:
        app.campaigns.import_return(lead(roster), tmp_path / "z.xlsx")
    assert exc.value.code == "selfcheck.unknown_item" and exc.value.params["row"] == 5
    app.campaigns.import_return(lead(roster), form)
    with pytest.raises(ValidationError) as exc:
        app.campaigns.import_return(lead(roster), form)
    assert exc.value.code == "selfcheck.already_returned"
    with pytest.raises(ValidationError) as exc:
        app.campaigns.write_return_form(campaign, "nope", tmp_path / "x.xlsx")
    assert exc.value.code == "campaign.institution_not_in_scope"


def test_campaign_rules() -> None:
    good = campaign_data(())
    with pytest.raises(ValidationError) as exc:
        CampaignData(good.name, good.phases[:1], ITEMS).validate()
    assert exc.value.code == "campaign.no_self_check"
    with pytest.raises(ValidationError) as exc:
        CampaignData(good.name, (Phase(PhaseKind.SELF_CHECK, DEADLINE, dt.date(2026, 4, 1)),), ITEMS).validate()
    assert exc.value.code == "campaign.phase_backwards"
    with pytest.raises(ValidationError) as exc:
        CampaignData(good.name, tuple(reversed(good.phases[:2])) + (
            Phase(PhaseKind.INSPECTION, dt.date(2026, 3, 1), dt.date(2026, 3, 5)),), ITEMS).validate()
    assert exc.value.code == "campaign.phases_out_of_order"


def test_cli_selfcheck_import(tmp_path: Path, mini_forms: Path) -> None:
    from inspector_app.app import build_context
    from tests.conftest import make_roster

    ws = str(tmp_path / "plain-ws")
    app = build_context(ws)
    roster = make_roster(app)
    cid = app.campaigns.create(lead(roster), campaign_data((roster["hospital"].id,)))
    form = fill(app.campaigns.write_return_form(cid, roster["hospital"].id, tmp_path / "回执.xlsx"),
                {"A2": ["是", "床位费超标准", "800", "800", "2026-04-19", "TK1", "退费"]})
    app.close()
    cmd = [sys.executable, "-m", "inspector_app", "selfcheck", "import", str(form), "--received", "2026-04-21",
           "--json", "--data-dir", ws]
    run = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout)
    assert (out["late"], out["problems"], out["amount"], out["campaign"]["returned"]) == (True, 1, "800.00", 1)
    again = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert again.returncode == 2 and "已导入" in again.stderr
