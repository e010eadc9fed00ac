"""The finding dialog is made once per findings page and refilled for each finding (opening it built every widget
again, ~365 ms on a real display): the second opening is the same dialog, showing only the new finding's data."""

from __future__ import annotations

from typing import Any

from inspector_app.domain.findings import FindingData, Severity
from inspector_app.ui.dialogs.finding_dialog import FindingDialog
from tests.helpers import answer_ids, new_inspection, start_on_site
from tests.ui.conftest import settle, when_modal


def test_one_dialog_refilled_for_each_finding(app, roster, window, qtbot) -> None:  # type: ignore[no-untyped-def]
    iid = new_inspection(app, roster)
    start_on_site(app, roster, iid)
    window.open_inspection(iid)
    page = window.inspection_page
    qtbot.waitUntil(lambda: page.detail is not None, timeout=20000)
    findings = page.findings
    seen: list[dict[str, Any]] = []

    def cancel_after_typing(dialog: FindingDialog) -> None:
        seen.append({"dialog": dialog, "title": dialog.windowTitle(), "item": dialog.item_label.isVisible()})
        dialog.description.setPlainText("抽查病历5份，串换项目")
        dialog.recover.setText("abc")
        dialog.accept()  # refused: the error shows, the dialog stays
        assert dialog.error.text()
        dialog.reject()

    when_modal(FindingDialog, cancel_after_typing)
    findings.add_for_item(FindingData(description="预填", severity=Severity.GRAVE, legal_basis="条例第三十八条",
                                      item_id="T-04"), answer_ids(app, iid)["T-04"])

    def save(dialog: FindingDialog) -> None:
        seen.append({"dialog": dialog, "title": dialog.windowTitle(), "item": dialog.item_label.isVisible(),
                     "description": dialog.description.toPlainText(), "recover": dialog.recover.text(),
                     "error": dialog.error.text(), "basis": dialog.basis.text(),
                     "severity": dialog.severity.currentData()})
        dialog.description.setPlainText("另一条问题")
        dialog.accept()

    when_modal(FindingDialog, save)
    findings.add_free()
    qtbot.waitUntil(lambda: findings.model.rowCount() == 1, timeout=10000)
    settle(qtbot, window)
    first, second = seen
    assert second["dialog"] is first["dialog"], "the same dialog, refilled"
    assert first["item"] and not second["item"]  # the item row only for a finding from a checklist item
    assert second["title"] == first["title"] == "Record a finding"
    assert (second["description"], second["recover"], second["error"], second["basis"]) == ("", "", "", "")
    assert second["severity"] == Severity(FindingData(description="").severity).value
    assert findings.model.finding(0).description == "另一条问题"

    def edit(dialog: FindingDialog) -> None:
        seen.append({"title": dialog.windowTitle(), "description": dialog.description.toPlainText()})
        dialog.reject()

    when_modal(FindingDialog, edit)
    findings.view.selectRow(0)
    findings.edit_selected()
    assert seen[-1] == {"title": "Edit finding", "description": "另一条问题"}

