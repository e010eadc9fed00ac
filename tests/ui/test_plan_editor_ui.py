"""The plan editor (issue 14 item 1): a team lead makes a campaign with two items, each with its own window and a
scope chosen from the roster's values, and two phases; an item window outside the plan's shows the coded error in
the dialog and saves nothing; the lead reopens the draft, edits an item, approves, and the plan is read-only after.
And a screenshot of the editor in Chinese."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox, QListWidget

from inspector_app.domain.roster import OfficerData
from inspector_app.services.context import Actor
from tests.draw_helpers import ADMIN, register


def check(w: QListWidget, *values: str) -> None:
    for i in range(w.count()):
        if w.item(i).data(Qt.ItemDataRole.UserRole) in values:
            w.item(i).setCheckState(Qt.CheckState.Checked)


def day(d: dt.date) -> QDate:
    return QDate(d.year, d.month, d.day)


def lead_window(app: Any, qtbot: Any, code: str, lang: str = "en") -> Any:
    from inspector_app.ui.launch import build_window

    boss, _ = app.roster.add_officer(ADMIN, OfficerData("组长丁", "基金监督科", code, dt.date(2030, 1, 1),
                                                        role="team_lead"))
    w = build_window(app, Actor(boss.name, boss.id), lang)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.ops.is_team_lead, timeout=10000)
    w.show_plans()
    qtbot.waitUntil(lambda: w.plans_page.new_button.isEnabled(), timeout=10000)
    return w


def fill_campaign(d: Any, qtbot: Any) -> None:
    """A campaign (Mar–Nov 2026) with two phases and two items with their own windows and scopes."""
    d.key.setText("2026-campaign")
    d.kind.setCurrentIndex(d.kind.findData("campaign"))
    d.title.setText("2026年定点医疗机构专项治理")
    d.issuer.setText("测试市医疗保障局")
    d.year.setValue(2026)
    d.start.setDate(QDate(2026, 3, 1))
    d.end.setDate(QDate(2026, 11, 30))
    for name, start, end in (("动员部署", dt.date(2026, 3, 1), dt.date(2026, 3, 31)),
                             ("专项检查", dt.date(2026, 4, 1), dt.date(2026, 10, 31))):
        d.phases.add_button.click()
        row = d.phases.table.rowCount() - 1
        d.phases.table.item(row, 0).setText(name)
        d.phases.table.cellWidget(row, 1).setDate(day(start))
        d.phases.table.cellWidget(row, 2).setDate(day(end))
    qtbot.waitUntil(lambda: d.regions_ready, timeout=10000)
    assert [d.regions.item(i).text() for i in range(d.regions.count())] == ["东区", "西区"]  # the roster's regions
    d.add_item()
    d.item_key.setText("east-hospitals")
    d.item_name.setText("东区医院专项检查")
    d.own_window.setChecked(True)
    d.item_start.setDate(QDate(2026, 4, 1))
    d.item_end.setDate(QDate(2026, 6, 30))
    check(d.categories, "医院")
    check(d.levels, "二级", "三级")
    check(d.regions, "东区")
    d.target_kind.setCurrentIndex(d.target_kind.findData("share"))
    d.target_value.setText("50")
    d.division.setText("基金监管科")
    check(d.templates, "mini")
    d.add_item()
    d.item_key.setText("west-clinics")
    d.item_name.setText("西区诊所检查")
    d.own_window.setChecked(True)
    d.item_start.setDate(QDate(2026, 7, 1))
    d.item_end.setDate(QDate(2026, 12, 31))   # past the plan's end: refused
    check(d.categories, "诊所")
    check(d.regions, "西区")
    check(d.ownership, "民营")
    d.target_kind.setCurrentIndex(d.target_kind.findData("count"))
    d.target_value.setText("2")
    d.frequency.setValue(1)
    check(d.templates, "mini")


def test_lead_makes_edits_and_approves_a_campaign(app, qtbot) -> None:  # type: ignore[no-untyped-def]
    register(app, hospitals=6)
    w = lead_window(app, qtbot, "LEADE001")
    page = w.plans_page
    page.new_button.click()
    d = page.dialog
    fill_campaign(d, qtbot)
    d.save()
    qtbot.waitUntil(lambda: d.last_error is not None, timeout=10000)
    assert d.last_error.code == "plan.item_window_outside"
    assert "west-clinics" in d.error.text() and d.isVisible() and app.plans.list() == []
    d.item_end.setDate(QDate(2026, 9, 30))
    with qtbot.waitSignal(d.accepted, timeout=10000):
        d.save()
    plan = app.plans.get(d.saved.id)
    assert (plan.kind.value, plan.status.value) == ("campaign", "draft")
    assert [(p.name, p.window.start, p.window.end) for p in plan.phases] == [
        ("动员部署", dt.date(2026, 3, 1), dt.date(2026, 3, 31)),
        ("专项检查", dt.date(2026, 4, 1), dt.date(2026, 10, 31))]
    east, west = plan.items
    assert (east.window.start, east.window.end, west.window.start, west.window.end) == (
        dt.date(2026, 4, 1), dt.date(2026, 6, 30), dt.date(2026, 7, 1), dt.date(2026, 9, 30))
    assert (east.scope.categories, east.scope.levels, east.scope.regions, east.target.share_pct, east.division) == (
        ("医院",), ("三级", "二级"), ("东区",), 50, "基金监管科")  # in the roster vocabulary's order
    assert (west.scope.categories, west.scope.regions, west.scope.ownership, west.target.count) == (
        ("诊所",), ("西区",), ("民营",), 2)
    qtbot.waitUntil(lambda: page.current_plan() is not None and page.current_plan().id == plan.id, timeout=10000)

    # reopened: the draft as saved, editable; the first item's window and target changed
    page.open_button.click()
    d = page.dialog
    assert d.key.text() == "2026-campaign" and d.key.isReadOnly() and d.phases.table.rowCount() == 2
    assert d.item_list.count() == 2 and d.item_name.text() == "东区医院专项检查" and d.own_window.isChecked()
    qtbot.waitUntil(lambda: d.regions_ready, timeout=10000)
    assert d.item_end.date() == QDate(2026, 6, 30) and d.item_end.isEnabled()
    d.item_end.setDate(QDate(2026, 7, 31))
    d.target_value.setText("60")
    d.item_list.setCurrentRow(1)
    assert d.item_name.text() == "西区诊所检查" and d.item_start.date() == QDate(2026, 7, 1)
    with qtbot.waitSignal(d.accepted, timeout=10000):
        d.save()
    again = app.plans.get(plan.id)
    assert [i.id for i in again.items] == [east.id, west.id]
    assert again.items[0].window.end == dt.date(2026, 7, 31) and again.items[0].target.share_pct == 60
    assert again.items[1] == west

    # approved: the editor only shows the plan, and says why
    qtbot.waitUntil(lambda: page.advance_button.text() == "Mark as approved", timeout=10000)
    page.advance_button.click()
    qtbot.waitUntil(lambda: page.advance_button.text() == "Mark as filed", timeout=10000)
    page.open_button.click()
    d = page.dialog
    assert not d.editable and not d.buttons.button(QDialogButtonBox.StandardButton.Save).isEnabled()
    assert d.title.isReadOnly() and d.item_key.isReadOnly() and not d.add_button.isEnabled()
    assert not d.item_end.isEnabled() and not d.categories.isEnabled() and not d.phases.add_button.isEnabled()
    assert "no longer a draft" in d.error.text()
    d.item_list.setCurrentRow(1)   # the items can still be read
    assert d.item_name.text() == "西区诊所检查" and not d.item_start.isEnabled()
    d.save()
    assert app.plans.get(plan.id).items[0].target.share_pct == 60
    d.reject()
    w.ops.runner.wait()


def test_plan_editor_in_chinese_screenshot(app, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QCoreApplication

    from inspector_app.ui.i18n import install_translators
    from inspector_app.ui.launch import qt_app

    translators = install_translators(qt_app(), "zh_CN", app.paths.cache_dir)
    assert translators, "the zh_CN translation loads"
    try:
        register(app, hospitals=4)
        w = lead_window(app, qtbot, "LEADE002", "zh_CN")
        w.plans_page.new_button.click()
        d = w.plans_page.dialog
        fill_campaign(d, qtbot)
        d.item_end.setDate(QDate(2026, 9, 30))
        d.item_list.setCurrentRow(0)
        d.save()
        qtbot.waitUntil(lambda: d.saved is not None and w.plans_page.current_plan() is not None, timeout=10000)
        w.plans_page.open_button.click()
        d = w.plans_page.dialog
        qtbot.waitUntil(lambda: d.regions_ready, timeout=10000)
        assert d.windowTitle() == "检查计划" and d.own_window.text() == "单独时限"
        out = Path(os.environ.get("PLAN_EDITOR_SCREENSHOT", tmp_path / "plan-editor.png"))
        assert d.grab().save(str(out))
        d.reject()
        w.ops.runner.wait()
    finally:
        for t in translators:
            QCoreApplication.removeTranslator(t)
