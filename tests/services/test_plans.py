"""Plans: the plan file format (every class of error with file:line and a code), the shipped examples, the service
(one transaction with journal and outbox, statuses of §4.2) and the `inspector plans` command."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from inspector_app.catalog.plans_loader import PlanFileError, load_plan, parse_plan
from inspector_app.domain.errors import IllegalTransition
from inspector_app.domain.plans import PlanKind, PlanStatus, Scope, Target, TargetKind
from inspector_app.services.context import Actor
from inspector_app.storage.orm import JournalEventRow, OutboxRow
from inspector_app.storage.plans_orm import PlanItemRow, PlanRow

PLANS = Path(__file__).resolve().parents[2] / "plans"
FORMS = {"medical-institution", "pharmacy", "clinic", "agency", "employer", "drug-list", "service-prices",
         "procurement", "medical-assistance", "mini"}

GOOD = """schema = 1
id = "t-plan"
kind = "annual"
title = "测试年度计划"
year = 2026
window = { start = 2026-01-01, end = 2026-12-31 }

[[items]]
id = "one"
name = "药品目录落实情况检查"
scope = { categories = ["医院"], levels = ["二级", "三级"] }
target = { share = 50 }
frequency = 2
templates = ["mini"]
inspection_type = "专项检查"
"""


def problems(text: str) -> list[tuple[str, int | None]]:
    with pytest.raises(PlanFileError) as info:
        parse_plan(text, Path("bad.toml"), FORMS)
    assert info.value.code == "plan.file_invalid"
    assert all(str(p).startswith("bad.toml") for p in info.value.problems)
    return [(p.code, p.line) for p in info.value.problems]


def test_the_good_file_parses() -> None:
    plan = parse_plan(GOOD, Path("good.toml"), FORMS)
    item = plan.items[0]
    assert plan.kind is PlanKind.ANNUAL and item.target == Target(TargetKind.SHARE, share_pct=Decimal(50))
    assert item.scope.label_zh() == "二级及以上 医院" and item.frequency == 2


@pytest.mark.parametrize(("old", "new", "expected"), [
    ('title = "测试年度计划"', 'title = "测试', [("plan.toml_syntax", 4)]),
    ("schema = 1", "schema = 2", [("plan.unknown_schema", 1)]),
    ('title = "测试年度计划"\n', "", [("plan.missing_field", None)]),
    ('year = 2026', 'year = 2026\nowner = "x"', [("plan.unknown_field", 6)]),
    ('kind = "annual"', 'kind = "yearly"', [("plan.bad_kind", 3)]),
    ('year = 2026', 'year = "2026"', [("plan.bad_year", 5)]),
    ("end = 2026-12-31 }", "end = 2025-12-31 }", [("plan.window_reversed", 6)]),
    ('name = "药品目录落实情况检查"', 'name = ""', [("plan.bad_text", 10)]),
    ('id = "one"', 'id = "One Item"', [("plan.bad_item_id", 9)]),
    ('categories = ["医院"]', 'categories = ["大医院"]', [("plan.scope_unknown_value", 11)]),
    ('levels = ["二级", "三级"]', 'levels = ["二级", "特级"]', [("plan.scope_unknown_value", 11)]),
    ("target = { share = 50 }", "target = { share = 150 }", [("plan.target_out_of_range", 12)]),
    ("target = { share = 50 }", "target = { share = 50, count = 3 }", [("plan.bad_target", 12)]),
    ("target = { share = 50 }", "target = { count = 0 }", [("plan.count_out_of_range", 12)]),
    ("frequency = 2", "frequency = -1", [("plan.bad_frequency", 13)]),
    ('templates = ["mini"]', 'templates = ["nope"]', [("plan.unknown_template", 14)]),
    ('inspection_type = "专项检查"', 'inspection_type = "抽查"', [("plan.bad_inspection_type", 15)]),
    ("frequency = 2", "frequency = 2\nwindow = { start = 2025-06-01, end = 2026-06-30 }",
     [("plan.item_window_outside", 14)]),
    ("frequency = 2", 'frequency = 2\nwindow = { start = "June", end = 2026-06-30 }', [("plan.bad_date", 14)]),
])
def test_each_class_of_error_names_its_line_and_code(old: str, new: str, expected: list[tuple[str, int]]) -> None:
    assert old in GOOD
    assert problems(GOOD.replace(old, new, 1)) == expected


def test_duplicate_items_no_items_and_bad_phases() -> None:
    second = GOOD[GOOD.index("[[items]]"):]
    assert problems(GOOD + "\n" + second) == [("plan.duplicate_item", 18)]
    assert problems(GOOD[:GOOD.index("[[items]]")]) == [("plan.no_items", None)]
    phase = '\n[[phases]]\nname = "自查"\nstart = 2027-01-01\nend = 2027-02-01\n'
    assert problems(GOOD + phase) == [("plan.phase_outside", 17)]


def test_every_problem_of_a_file_is_reported_at_once() -> None:
    text = GOOD.replace("target = { share = 50 }", "target = { share = 0 }").replace('kind = "annual"', 'kind = "x"')
    assert sorted(problems(text)) == [("plan.bad_kind", 3), ("plan.target_out_of_range", 12)]


def test_shipped_examples_load() -> None:
    annual, _ = load_plan(PLANS / "2021-annual-inspection-plan.toml", FORMS)
    campaign, _ = load_plan(PLANS / "2020-campaign-special-rectification.toml", FORMS)
    assert annual.kind is PlanKind.ANNUAL and len(annual.items) == 8 and annual.summary_due.isoformat() == "2021-11-30"
    drug = next(i for i in annual.items if i.key == "drug-list")
    assert drug.frequency == 2 and drug.target.required(40) == 20 and drug.scope == Scope(("医院",), ("二级", "三级"))
    assert campaign.kind is PlanKind.CAMPAIGN and [p.name for p in campaign.phases] == [
        "动员部署", "自查自纠", "专项检查", "迎检及总结"]
    village = next(i for i in campaign.items if i.key == "village-clinics")
    assert village.target.required(7) == 4  # 50 % of 7 rounds up


def with_real_forms(app):  # type: ignore[no-untyped-def]
    """The test workspace loads the mini checklist library; the shipped plans name the real templates."""
    from inspector_app.services.plans import PlanService

    app.plans = PlanService(app.ctx, FORMS)
    return app


def test_import_is_one_transaction_with_journal_and_outbox(app) -> None:  # type: ignore[no-untyped-def]
    actor = Actor("管理员")
    with_real_forms(app)
    plan, _ = app.plans.import_file(actor, PLANS / "2020-campaign-special-rectification.toml")
    assert plan.status is PlanStatus.DRAFT and len(plan.items) == 4 and len(plan.phases) == 4
    with app.ctx.read() as s:
        assert s.scalar(select(func.count()).select_from(PlanItemRow)) == 4
        event = s.scalars(select(JournalEventRow).where(JournalEventRow.chain_id == plan.id)).one()
        assert event.event_type == "plan.imported"
        assert s.scalars(select(OutboxRow).where(OutboxRow.entity == "plan")).one().entity_id == plan.id
    assert app.plans.get(plan.key).id == plan.id == app.plans.get(plan.id[:13]).id


def test_a_refused_file_or_a_second_import_leaves_nothing_behind(app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.toml"
    bad.write_text(GOOD.replace("share = 50", "share = 500"), encoding="utf-8")
    with pytest.raises(PlanFileError):
        app.plans.import_file(Actor("管理员"), bad)
    good = tmp_path / "good.toml"
    good.write_text(GOOD.replace('templates = ["mini"]', "templates = []"), encoding="utf-8")
    app.plans.import_file(Actor("管理员"), good)
    with pytest.raises(Exception) as info:
        app.plans.import_file(Actor("管理员"), good)
    assert getattr(info.value, "code", None) == "plan.already_imported"
    with app.ctx.read() as s:
        assert s.scalar(select(func.count()).select_from(PlanRow)) == 1
        assert s.scalar(select(func.count()).select_from(PlanItemRow)) == 1


def test_statuses_follow_the_reference(app) -> None:  # type: ignore[no-untyped-def]
    actor = Actor("管理员")
    plan, _ = with_real_forms(app).plans.import_file(actor, PLANS / "2021-annual-inspection-plan.toml")
    with pytest.raises(IllegalTransition) as info:
        app.plans.set_status(actor, plan.id, PlanStatus.RUNNING)
    assert info.value.code == "plan.illegal_transition"
    # the DTO says what the plan may do next (the plans page shows its buttons from it, holding no rule itself)
    assert (plan.next_status, plan.drawable) == (PlanStatus.APPROVED, False)
    steps = []
    for status in (PlanStatus.APPROVED, PlanStatus.FILED, PlanStatus.RUNNING, PlanStatus.SUMMARY,
                   PlanStatus.ARCHIVED):
        plan, _ = app.plans.set_status(actor, plan.id, status)
        steps.append((plan.status, plan.next_status, plan.drawable))
    assert steps == [(PlanStatus.APPROVED, PlanStatus.FILED, False), (PlanStatus.FILED, PlanStatus.RUNNING, True),
                     (PlanStatus.RUNNING, PlanStatus.SUMMARY, True), (PlanStatus.SUMMARY, PlanStatus.ARCHIVED, False),
                     (PlanStatus.ARCHIVED, None, False)]
    assert plan.status is PlanStatus.ARCHIVED
    with app.ctx.read() as s:
        events = s.scalars(select(JournalEventRow.event_type).where(JournalEventRow.chain_id == plan.id)).all()
    assert events == ["plan.imported"] + ["plan.status_changed"] * 5


def test_cli_import_list_show(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
                              mini_forms: Path) -> None:
    from inspector_app.cli import main

    monkeypatch.setenv("INSPECTOR_HOME", str(tmp_path / "ws"))
    bad = tmp_path / "bad.toml"
    bad.write_text(GOOD.replace('kind = "annual"', 'kind = "x"'), encoding="utf-8")
    assert main(["plans", "import", str(bad)]) == 1
    err = capsys.readouterr().err
    assert f"{bad}:3: kind must be annual or campaign, not x. [plan.bad_kind]" in err
    good = tmp_path / "good.toml"
    good.write_text(GOOD, encoding="utf-8")
    assert main(["plans", "import", str(good)]) == 0
    capsys.readouterr()
    assert main(["plans", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [p["key"] for p in listed] == ["t-plan"] and listed[0]["status"] == "draft"
    assert main(["plans", "show", "t-plan", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["items"][0]["target"] == {"kind": "share", "share_pct": "50", "count": 0}
    assert shown["items"][0]["scope_label"] == "二级及以上 医院"
    assert main(["plans", "show", "t-plan"]) == 0
    assert "目标 覆盖率不低于50%；全年不少于2次" in capsys.readouterr().out
    assert main(["plans", "status", "t-plan", "filed"]) == 2  # not before approval
    err = capsys.readouterr().err
    assert "草拟" in err and "已备案" in err, err   # the statuses in words, in the CLI's language
    assert main(["plans", "status", "t-plan", "approved", "--note", "分管领导审核同意"]) == 0
    assert capsys.readouterr().out.strip() == "测试年度计划：已审核"


def test_a_refused_file_tells_the_user_each_problem_with_its_line() -> None:
    from inspector_app.ui.errors import user_message

    with pytest.raises(PlanFileError) as info:
        parse_plan(GOOD.replace("frequency = 2", "frequency = -1"), Path("bad.toml"), FORMS)
    text = user_message(info.value)
    assert text.startswith("The plan file was not imported.") and "bad.toml:13: " in text, text
    assert "bad.toml:13" in str(info.value)  # logs and the CLI list them too
