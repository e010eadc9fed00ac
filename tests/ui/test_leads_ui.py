"""On site, through the real widgets: the inspection's Leads tab lists its institution's leads and what it
self-reported; the inspector confirms two leads and rejects one; only the confirmed ones become findings, with
their amounts; evidence goes to the finding a confirmed lead became."""

from __future__ import annotations

import datetime as dt
import os
from decimal import Decimal
from pathlib import Path
from typing import Any

from inspector_app.domain.leads.rules import RuleSet
from tests import imaging
from tests import leads_data as D
from tests.helpers import lead, new_inspection, start_on_site
from tests.services.test_selfcheck import campaign_data, fill
from tests.ui.conftest import settle


def _setup(app: Any, roster: Any, tmp_path: Path) -> str:
    actor = lead(roster)
    app.leads.import_file(actor, D.write_csv(tmp_path / "x.csv", D.rows_of(D.LINES)), "市平台结算",
                          rules=RuleSet.from_json(D.RULES))
    cid = app.campaigns.create(actor, campaign_data((roster["hospital"].id,)))
    form = app.campaigns.write_return_form(cid, roster["hospital"].id, tmp_path / "r.xlsx")
    fill(form, {"A1": ["是", "分解住院 1 例", "362.00", "362.00", dt.date(2026, 4, 15), "TK-1", "整改"]})
    app.campaigns.import_return(actor, form, received_on=dt.date(2026, 4, 19))
    iid = new_inspection(app, roster)
    start_on_site(app, roster, iid)
    return iid


def test_inspector_confirms_two_leads_and_rejects_one(window, app, roster, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    iid = _setup(app, roster, tmp_path)
    window.open_inspection(iid)
    page = window.inspection_page.leads
    qtbot.waitUntil(lambda: page.table.rowCount() == 5, timeout=10000)
    window.inspection_page.tabs.setCurrentWidget(page)
    assert page.reported.rowCount() == 1 and page.reported.item(0, 2).text() == "分解住院 1 例"
    assert "2026-04-19" in page.return_state.text() and "late" not in page.return_state.text()
    # nothing chosen: nothing to mark
    assert not page.confirm_button.isEnabled()

    def mark(settlement: str, rule: str, button: Any, note: str) -> None:
        page.select_settlement(settlement, rule)
        assert button.isEnabled()
        page.note.setText(note)
        before = app.journal.events(iid)[-1].seq
        button.click()
        qtbot.waitUntil(lambda: app.journal.events(iid)[-1].seq > before, timeout=10000)
        settle(qtbot, window)

    mark("S002", "readmission", page.confirm_button, "病历显示同一病程")
    mark("S001", "above_price", page.confirm_button, "")
    mark("S007", "overlapping_stays", page.reject_button, "转院有记录")
    qtbot.waitUntil(lambda: window.inspection_page.findings.model.rowCount() == 2, timeout=10000)
    # confirmed leads are filed under the campaign item their rule names (分解住院 → A1, 超标准收费 → A2)
    filed = {(x.settlement_no, x.rule): x.campaign_item for x in app.lead_review.for_inspection(iid)}
    assert filed[("S002", "readmission")] == "A1" and filed[("S001", "above_price")] == "A2"
    assert filed[("S007", "overlapping_stays")] is None
    # A1 self-reported and refunded in time, A2 not reported: the advice is 从重 with the reason
    name, advice = app.lead_review.leniency_for(iid)
    assert advice.level.value == "从重处罚" and any("S001" in r and "未在自查中报告" in r for r in advice.reasons)
    findings = app.findings.list(iid)
    assert sorted(f.amount_involved for f in findings) == [Decimal("90.00"), Decimal("362.00")]
    assert all(f.amount_to_recover == f.amount_involved for f in findings)
    statuses = {(page.table.item(r, 1).text(), page.table.item(r, 5).text()) for r in range(page.table.rowCount())}
    assert {("S002", "Confirmed"), ("S001", "Confirmed"), ("S007", "Not confirmed")} <= statuses
    rejected = next(x for x in app.lead_review.for_inspection(iid) if x.settlement_no == "S007")
    assert (rejected.status, rejected.note, rejected.finding_id) == ("not_confirmed", "转院有记录", None)
    assert "2 confirmed (452.00 yuan)" in page.summary.text()

    # evidence for a confirmed lead goes to its finding
    page.select_settlement("S002", "readmission")
    assert page.evidence_button.isEnabled()
    finding_id = page.selected()[0].finding_id
    photo = tmp_path / "病历.jpg"
    photo.write_bytes(imaging.exif_jpeg())
    job = window.inspection_page.evidence.import_paths([photo], link=("finding", finding_id))
    with qtbot.waitSignal(job.finished, timeout=20000):
        pass
    settle(qtbot, window)
    assert [e.links for e in app.evidence.list(iid)] == [(("finding", finding_id),)]
    # a rejected lead has no finding to attach to
    page.select_settlement("S007", "overlapping_stays")
    assert not page.evidence_button.isEnabled()


def test_leads_tab_in_chinese_screenshot(app, roster, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QCoreApplication

    from inspector_app.ui.i18n import install_translators
    from inspector_app.ui.launch import qt_app

    translators = install_translators(qt_app(), "zh_CN", app.paths.cache_dir)
    assert translators, "the zh_CN translation loads"
    try:
        _chinese_screenshot(app, roster, qtbot, tmp_path)
    finally:
        for t in translators:
            QCoreApplication.removeTranslator(t)


def _chinese_screenshot(app: Any, roster: Any, qtbot: Any, tmp_path: Path) -> None:
    from inspector_app.services.context import Actor
    from inspector_app.ui.launch import build_window

    iid = _setup(app, roster, tmp_path)
    actor = lead(roster)
    first = next(x for x in app.lead_review.for_inspection(iid) if x.rule == "readmission")
    app.lead_review.mark(actor, iid, first.id, "confirmed", "病历显示同一病程")
    o = roster["officers"][0]
    w = build_window(app, Actor(o.name, o.id), "zh_CN")
    qtbot.addWidget(w)
    w.resize(1280, 760)
    w.show()
    w.open_inspection(iid)
    page = w.inspection_page.leads
    qtbot.waitUntil(lambda: page.table.rowCount() == 5 and page.reported.rowCount() == 1, timeout=10000)
    w.inspection_page.tabs.setCurrentWidget(page)
    page.select_settlement("S002", "readmission")
    qtbot.wait(50)
    assert page.confirm_button.text() == "属实(&M)"
    assert w.inspection_page.tabs.tabText(w.inspection_page.tabs.indexOf(page)) == "线索核查"
    texts = [page.table.item(r, c).text() for r in range(5) for c in (0, 5)]
    assert "短期再入院（分解住院嫌疑）" in texts and "属实" in texts and "待核查" in texts
    assert "收到自查报告" in page.return_state.text()
    out = Path(os.environ.get("LEADS_SCREENSHOT", tmp_path / "leads.png"))
    assert w.grab().save(str(out))
    w.ops.runner.wait()


def test_chosen_leads_fill_a_sample_table_from_the_leads_tab(window, app, roster, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QInputDialog

    from tests.ui.conftest import when_modal

    iid = _setup(app, roster, tmp_path)
    window.open_inspection(iid)
    page = window.inspection_page.leads
    qtbot.waitUntil(lambda: page.table.rowCount() == 5, timeout=10000)
    page.select_settlement("S002", "readmission")
    assert page.prefill_button.isEnabled()
    seen: list[list[str]] = []

    def choose(dialog: QInputDialog) -> None:
        seen.append(dialog.comboBoxItems())
        dialog.setTextValue(dialog.comboBoxItems()[0])
        dialog.accept()

    when_modal(QInputDialog, choose)
    with qtbot.waitSignal(page.prefilled, timeout=10000) as got:
        page.prefill_button.click()
    assert seen == [["T-10 抽查病历 (0 rows)"]]
    assert got.args[0].added == 1
    answer_id = got.args[0].answer.id
    # the checklist shows the new row in place, as stored
    qtbot.waitUntil(lambda: window.inspection_page.checklist.model.answer(answer_id).value is not None, timeout=5000)
    assert window.inspection_page.checklist.model.answer(answer_id).value == {"rows": [
        {"record_no": "S002", "amount": "362.00", "admitted": "2026-03-15", "days": 5}]}
    assert "1 row(s) added" in page.message.text() or "1 row added" in page.message.text()
