"""The Plans page: a team lead sees the items' coverage with denominators (behind schedule in red), draws an item —
the seed is shown before the pool, then the result — abandons with a reason (the attempt stays on record), draws
again and accepts, which creates the draft inspections; an inspector cannot draw."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt

from inspector_app.domain.roster import OfficerData
from inspector_app.services.context import Actor
from tests.draw_helpers import ADMIN, filed_plan, register


def lead_window(app: Any, qtbot: Any, officer: Any) -> Any:
    from inspector_app.ui.launch import build_window

    w = build_window(app, Actor(officer.name, officer.id), "en")
    qtbot.addWidget(w)
    w.show()
    return w


def test_lead_draws_from_the_plans_page(app, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    register(app, hospitals=20)
    plan = filed_plan(app)
    boss, _ = app.roster.add_officer(ADMIN, OfficerData("组长甲", "基金监督科", "LEADP001", dt.date(2030, 1, 1),
                                                        role="team_lead"))
    w = lead_window(app, qtbot, boss)
    qtbot.waitUntil(lambda: w.ops.is_team_lead, timeout=10000)
    w.show_plans()
    page = w.plans_page
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=10000)
    assert page.current_plan().id == plan.id
    first = page.model.index(0, 1).data()
    assert first == "二级及以上 医院 0/20 = 0.0%"
    # Nothing inspected on 20 November: behind schedule, in red.
    assert page.model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert page.draw_button.isEnabled()
    page.view.selectRow(0)
    page.open_draw()
    d = page.dialog
    qtbot.waitUntil(lambda: d.draw is not None and d.draw_button.isEnabled(), timeout=10000)
    assert "seed fixed" in d.seed_label.text() and d.draw.seed in d.seed_label.text()
    # the rules in force are shown with the seed (no draw-rules.toml in this workspace: the defaults)
    assert "at least 3 % of the scope" in d.rules_label.text() and "90 days" in d.rules_label.text()
    assert d.draw.rules_hash[:16] in d.rules_label.text()
    assert d.result.count() == 0 and d.pool_label.text() == ""  # nothing of the pool before the draw
    d.draw_button.click()
    qtbot.waitUntil(lambda: d.accept_button.isEnabled(), timeout=10000)
    assert d.result.count() == 4 and "In scope: 20" in d.pool_label.text()
    first_seed = d.draw.seed
    d.abandon("演示：检查日期冲突")
    qtbot.waitUntil(lambda: d.draw.attempt == 2 and d.draw_button.isEnabled(), timeout=10000)
    assert d.draw.seed != first_seed and d.result.count() == 0
    d.draw_button.click()
    qtbot.waitUntil(lambda: d.accept_button.isEnabled(), timeout=10000)
    d.accept_button.click()
    qtbot.waitUntil(lambda: "Accepted: 4" in d.seed_label.text(), timeout=10000)
    assert [r.status for r in app.draws.rounds(plan.items[0].id)] == ["abandoned", "accepted"]
    assert sum(1 for r in app.queries.inspections() if r.inspection_type == "双随机抽查") == 4
    page.grab().save(str(tmp_path / "plans.png"))
    d.grab().save(str(tmp_path / "draw.png"))
    d.close()
    w.ops.runner.wait()


def test_an_inspector_cannot_draw(app, roster, qtbot) -> None:  # type: ignore[no-untyped-def]
    register(app, hospitals=5)
    filed_plan(app)
    w = lead_window(app, qtbot, roster["officers"][0])
    qtbot.waitUntil(lambda: w.ops.role == "inspector", timeout=10000)
    w.show_plans()
    page = w.plans_page
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=10000)
    assert not page.draw_button.isEnabled()
    w.ops.runner.wait()


def test_lead_imports_advances_and_publishes(app, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json
    from pathlib import Path

    from sqlalchemy import update

    from inspector_app.storage.orm import InspectionRow

    reg = register(app, hospitals=10)
    boss, _ = app.roster.add_officer(ADMIN, OfficerData("组长乙", "基金监督科", "LEADP002", dt.date(2030, 1, 1),
                                                        role="team_lead"))
    w = lead_window(app, qtbot, boss)
    qtbot.waitUntil(lambda: w.ops.is_team_lead, timeout=10000)
    w.show_plans()
    page = w.plans_page
    shipped = Path(__file__).resolve().parents[2] / "plans" / "2020-campaign-special-rectification.toml"
    source = tmp_path / "campaign.toml"  # the test workspace's checklist library is the mini one
    text = shipped.read_text(encoding="utf-8")
    for template in ("medical-institution", "clinic", "pharmacy", "agency"):
        text = text.replace(f'templates = ["{template}"]', 'templates = ["mini"]')
    source.write_text(text, encoding="utf-8")
    page.import_plan(str(source))
    qtbot.waitUntil(lambda: page.plan_box.count() == 1 and page.model.rowCount() == 4, timeout=10000)
    assert page.advance_button.text() == "Mark as approved" and not page.draw_button.isEnabled()
    for expected in ("Mark as filed", "Mark as running", "Mark as summary reported"):
        page.advance_button.click()
        qtbot.waitUntil(lambda e=expected: page.advance_button.text() == e, timeout=10000)
    assert page.draw_button.isEnabled() and "running" in page.plan_box.currentText()
    page.view.selectRow(0)  # hospitals: no draw accepted yet
    item = page.selected_item()
    draw = app.draws.run(ADMIN, app.draws.open(ADMIN, item.id, planned_on=dt.date(2020, 5, 6)).id, count=3,
                         excluded={reg["clinic"].id: "无适用检查表（测试检查表库）"})
    accepted, _ = app.draws.accept(ADMIN, draw.id)
    with app.ctx.unit(ADMIN) as uow:
        uow.session.execute(update(InspectionRow).where(InspectionRow.id == accepted.inspection_ids[0])
                            .values(status="signed"))
    with qtbot.waitSignal(page.published, timeout=20000) as blocker:
        page.publish(str(tmp_path / "公示.pdf"))
    data = json.loads(Path(blocker.args[0]).with_suffix(".json").read_text(encoding="utf-8"))
    assert (data["drawn"], len(data["rows"]), data["pending"]) == (3, 1, 2)
    w.ops.runner.wait()


def test_lead_creates_a_plan_in_the_editor(app, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from inspector_app.storage.orm import OutboxRow

    register(app, hospitals=10)
    boss, _ = app.roster.add_officer(ADMIN, OfficerData("组长丙", "基金监督科", "LEADP003", dt.date(2030, 1, 1),
                                                        role="team_lead"))
    w = lead_window(app, qtbot, boss)
    qtbot.waitUntil(lambda: w.ops.is_team_lead, timeout=10000)
    w.show_plans()
    page = w.plans_page
    qtbot.waitUntil(lambda: page.new_button.isEnabled(), timeout=10000)
    page.new_button.click()
    d = page.dialog
    d.key.setText("2026-hospitals")
    d.title.setText("2026年二级医院专项检查计划")
    d.issuer.setText("测试市医疗保障局")
    d.add_item()
    d.item_key.setText("secondary")
    d.item_name.setText("二级医院专项检查")
    for i in range(d.categories.count()):
        if d.categories.item(i).text() == "医院":
            d.categories.item(i).setCheckState(Qt.CheckState.Checked)
    d.target_kind.setCurrentIndex(d.target_kind.findData("share"))
    d.target_value.setText("120")
    d.frequency.setValue(2)
    for i in range(d.templates.count()):
        d.templates.item(i).setCheckState(Qt.CheckState.Checked)
    # a target above 100 % is refused with its coded reason; nothing is saved and the dialog stays open
    d.save()
    assert d.last_error is not None and d.last_error.code == "plan.target_out_of_range"
    assert "120" in d.error.text() and d.isVisible() and app.plans.list() == []
    # a second item with a bad id: refused by the service (off the UI thread), then fixed
    d.target_value.setText("50")
    d.add_item()
    d.item_key.setText("Bad Key")
    d.item_name.setText("乡镇卫生院")
    d.target_kind.setCurrentIndex(d.target_kind.findData("count"))
    d.target_value.setText("3")
    d.save()
    qtbot.waitUntil(lambda: d.last_error is not None and d.last_error.code == "plan.bad_item_id", timeout=10000)
    assert app.plans.list() == []
    d.item_key.setText("township")
    d.item_list.setCurrentRow(0)   # switching items keeps what was typed in each
    assert d.item_name.text() == "二级医院专项检查" and d.target_value.text() == "50"
    d.grab().save(str(tmp_path / "plan-editor.png"))
    with qtbot.waitSignal(d.accepted, timeout=10000):
        d.save()
    qtbot.waitUntil(lambda: page.current_plan() is not None and page.current_plan().id == d.saved.id,
                    timeout=10000)
    plan = app.plans.get(d.saved.id)
    assert (plan.key, plan.title, plan.status.value) == ("2026-hospitals", "2026年二级医院专项检查计划", "draft")
    first, second = plan.items
    assert (first.key, first.scope.categories, first.target.share_pct, first.frequency) == (
        "secondary", ("医院",), 50, 2)
    assert (second.key, second.name, second.target.count) == ("township", "乡镇卫生院", 3)
    assert first.templates == ("mini",) and first.window == plan.window
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=10000)
    assert page.advance_button.text() == "Mark as approved"
    with app.ctx.read() as s:   # and it goes to the team through sync like an imported plan
        entities = [r.entity for r in s.scalars(select(OutboxRow).where(OutboxRow.entity_id.in_(
            [plan.id, first.id, second.id])).order_by(OutboxRow.client_seq))]
    assert entities == ["plan", "plan_item", "plan_item"]
    w.ops.runner.wait()
