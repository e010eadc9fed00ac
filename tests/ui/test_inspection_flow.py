"""A whole inspection driven through the real widgets: create (and fail with one valid officer), 亮证 and 回避,
answer every answer type, trip a threshold as you type, record findings, import photos (rotated EXIF, corrupt,
duplicate, non-image), quit, reopen and find everything."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QDialogButtonBox

from inspector_app.ui.dialogs.finding_dialog import FindingDialog
from inspector_app.ui.dialogs.new_inspection_dialog import NewInspectionDialog
from tests import imaging
from tests.conftest import test_workspace_key
from tests.ui.conftest import settle, when_modal


def create_via_dialog(qtbot: Any, window: Any, roster: dict[str, Any]) -> str:
    dialog = NewInspectionDialog(window.ops, (window.ops.app.roster.institutions(), window.ops.app.roster.officers()),
                                 window)
    qtbot.addWidget(dialog)
    dialog.search.insert("人民医院")  # QTest cannot type non-ASCII keys; insert() is what an IME delivers
    assert dialog.proxy.rowCount() == 1
    dialog.inst_view.setCurrentIndex(dialog.proxy.index(0, 0))
    assert dialog.templates.checked_ids() == ["mini"], "ticked for the institution's category"
    # The expired officer is shown but cannot be ticked.
    expired_row = [n for n in range(dialog.officers.rowCount())
                   if dialog.officers.index(n).data(Qt.ItemDataRole.UserRole + 1) == roster["officers"][3].id][0]
    idx = dialog.officers.index(expired_row)
    assert not (dialog.officers.flags(idx) & Qt.ItemFlag.ItemIsEnabled)
    assert "expired" in idx.data()
    assert not dialog.officers.setData(idx, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    # Only the signed-in officer is ticked: creation must fail with the legal reason.
    assert dialog.officers.checked_ids() == [roster["officers"][0].id]
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: "29" in dialog.error.text() or "二十九" in dialog.error.text(), timeout=5000)
    assert dialog.created_id is None and dialog.result() == 0  # still open, nothing created
    dialog.officers.set_checked(roster["officers"][1].id)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.created_id
    return dialog.created_id


def select_item(window: Any, item_id: str) -> Any:
    page = window.inspection_page.checklist
    for idx in page.model.item_indexes():
        if page.model.item_at(idx)[0].id == item_id:
            page.tree.setCurrentIndex(idx)
            return page.panel
    raise AssertionError(item_id)


def state_of(window: Any, item_id: str) -> str:
    page = window.inspection_page.checklist
    for idx in page.model.item_indexes():
        item, answer = page.model.item_at(idx)
        if item.id == item_id:
            return answer.state
    raise AssertionError(item_id)


def answer_everything(qtbot: Any, window: Any) -> None:
    page = window.inspection_page.checklist
    # bool by keyboard: Y
    panel = select_item(window, "T-01")
    panel.focus_editor()
    qtbot.keyClick(panel.editor, Qt.Key.Key_Y)
    settle(qtbot, window)
    assert state_of(window, "T-01") == "compliant"
    # bool_na where "yes" is the violation
    panel = select_item(window, "T-02")
    panel.editor._buttons["yes"].click()
    settle(qtbot, window)
    assert state_of(window, "T-02") == "violation"
    # count
    panel = select_item(window, "T-03")
    qtbot.keyClicks(panel.editor.edit, "42")
    qtbot.keyClick(panel.editor.edit, Qt.Key.Key_Return)
    settle(qtbot, window)
    # pct: the threshold flags the violation while typing, before any commit
    panel = select_item(window, "T-04")
    qtbot.keyClicks(panel.editor.edit, "9.5")
    assert "Violation" in panel.editor.hint.text()
    qtbot.keyClick(panel.editor.edit, Qt.Key.Key_Return)
    settle(qtbot, window)
    assert state_of(window, "T-04") == "violation"
    # money with a thousands separator
    panel = select_item(window, "T-05")
    qtbot.keyClicks(panel.editor.edit, "1,234.5")
    qtbot.keyClick(panel.editor.edit, Qt.Key.Key_Return)
    settle(qtbot, window)
    # date
    panel = select_item(window, "T-06")
    panel.editor.edit.setDate(panel.editor.edit.date().fromString("2026-03-01", "yyyy-MM-dd"))
    panel.editor.edit.editingFinished.emit()
    settle(qtbot, window)
    # text: committed when leaving the item (no save button)
    panel = select_item(window, "T-07")
    panel.editor.edit.setFocus()
    panel.editor.edit.insertPlainText("林书远，医保办主任")
    page.next_item()
    settle(qtbot, window)
    # choice (now on T-08 thanks to next_item)
    panel = page.panel
    assert panel.item.id == "T-08"
    panel.editor.combo.setCurrentIndex(2)
    panel.editor.combo.activated.emit(2)
    settle(qtbot, window)
    # multi
    panel = select_item(window, "T-09")
    panel.editor.boxes[0].setChecked(True)
    panel.editor.boxes[2].setChecked(True)
    settle(qtbot, window)
    # sample table: add a row, fill cells, flag the row as a violation
    panel = select_item(window, "T-10")
    model = panel.editor.table.model
    panel.editor.table._add()
    model.setData(model.index(0, 0), "ZY2026-001")
    model.setData(model.index(0, 1), "860")
    model.setData(model.index(0, 5), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    settle(qtbot, window)
    assert state_of(window, "T-10") == "violation"
    # verdict on an attachment item without files: not applicable
    panel = select_item(window, "T-11")
    panel._verdict_buttons["not_applicable"].click()
    settle(qtbot, window)
    assert state_of(window, "T-11") == "not_applicable"
    assert page.progress.value() == 11


def record_finding(qtbot: Any, window: Any) -> None:
    select_item(window, "T-04")

    seen: dict[str, str] = {}

    def fill(dialog: FindingDialog) -> None:
        seen["basis"] = dialog.basis.text()
        dialog.description.setPlainText("政策范围外费用占比 9.5%，超过 8% 的控制标准")
        dialog.involved.setText("12,000.50")
        dialog.recover.setText("abc")
        dialog.accept()
        seen["error"] = dialog.error.text()
        seen["still_open"] = str(dialog.isVisible())
        dialog.recover.setText("3000.25")
        dialog.accept()

    when_modal(FindingDialog, fill)
    window.inspection_page.checklist.panel.finding_button.click()
    qtbot.waitUntil(lambda: window.inspection_page.findings.model.rowCount() == 1, timeout=10000)
    settle(qtbot, window)
    assert "S:000" in seen["basis"]  # prefilled from the item
    assert "is not a number" in seen["error"] and seen["still_open"] == "True"  # bad input: clear error, nothing lost


def import_photos(qtbot: Any, window: Any, tmp: Path) -> None:
    rotated = tmp / "rotated.jpg"
    rotated.write_bytes(imaging.exif_jpeg((400, 300), orientation=6))
    plain = tmp / "plain.jpg"
    plain.write_bytes(imaging.exif_jpeg((320, 240), orientation=1, seed=3))
    corrupt = tmp / "corrupt.jpg"
    corrupt.write_bytes(plain.read_bytes()[:900])
    duplicate = tmp / "copy-of-rotated.jpg"
    duplicate.write_bytes(rotated.read_bytes())
    not_image = tmp / "notes.docx"
    not_image.write_bytes(imaging.docx_like())
    page = window.inspection_page.evidence
    window.inspection_page.tabs.setCurrentWidget(page)
    with qtbot.waitSignal(page.import_finished, timeout=20000) as blocker:
        page.import_paths([rotated, plain, corrupt, not_image])
    result = blocker.args[0]
    assert len(result["imported"]) == 2
    refused = dict(result["refused"])
    assert set(refused) == {"corrupt.jpg", "notes.docx"} and all(refused.values())
    with qtbot.waitSignal(page.import_finished, timeout=20000) as blocker:
        page.import_paths([duplicate])
    assert [name for name, _ in blocker.args[0]["duplicates"]] == ["copy-of-rotated.jpg"]
    settle(qtbot, window)
    assert page.model.rowCount() == 2


def test_whole_inspection_then_reopen(app, roster, window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    iid = create_via_dialog(qtbot, window, roster)
    settle(qtbot, window)
    window.open_inspection(iid)
    settle(qtbot, window)
    team = window.inspection_page.team
    assert not team.start_button.isHidden() and not team.start_button.isEnabled()  # the team is not ready yet
    assert "credentials" in team.problems.text() or "conflicts of interest" in team.problems.text()
    team.table.selectAll()
    team.shown_button.click()
    team.no_conflict_button.click()
    settle(qtbot, window)
    assert "Ready" in team.problems.text()
    team.start_button.click()
    settle(qtbot, window)
    assert window.inspection_page.detail.summary.status == "on_site"
    answer_everything(qtbot, window)
    record_finding(qtbot, window)
    import_photos(qtbot, window, tmp_path)
    # undo the last checklist edit, then redo it: both are saved through the services
    window.undo_stack.undo()
    settle(qtbot, window)
    assert state_of(window, "T-11") == "unanswered"
    window.undo_stack.redo()
    settle(qtbot, window)
    assert state_of(window, "T-11") == "not_applicable"

    # quit (closing flushes), then a new window on a fresh context reads everything back
    data_dir = str(app.paths.data_dir)
    window.close()
    app.close()
    from inspector_app.app import build_context
    from inspector_app.services.context import Actor
    from inspector_app.ui.launch import build_window

    ctx = build_context(data_dir, workspace_key=test_workspace_key())
    try:
        o = roster["officers"][0]
        w2 = build_window(ctx, Actor(o.name, o.id), "en")
        qtbot.addWidget(w2)
        w2.show()
        settle(qtbot, w2)
        assert w2.list_page.model.rowCount() == 1
        w2.open_inspection(iid)
        settle(qtbot, w2)
        answers = {a.item_id: a for a in ctx.queries.detail(iid).answers}
        assert answers["T-01"].value == "yes" and answers["T-03"].value == 42
        assert answers["T-04"].value == "9.5" and answers["T-04"].state == "violation"
        assert answers["T-05"].value == "1234.50" and answers["T-06"].value == "2026-03-01"
        assert answers["T-07"].value == "林书远，医保办主任"
        assert answers["T-09"].value == [ctx.library.templates["mini"].item("T-09").choices[0],
                                         ctx.library.templates["mini"].item("T-09").choices[2]]
        assert answers["T-10"].value["rows"][0] == {"record_no": "ZY2026-001", "amount": "860.00", "violation": True}
        [finding] = ctx.findings.list(iid)
        assert finding.amount_involved == Decimal("12000.50") and finding.amount_to_recover == Decimal("3000.25")
        assert w2.inspection_page.findings.model.rowCount() == 1
        assert w2.inspection_page.evidence.model.rowCount() == 2
        assert w2.inspection_page.checklist.progress.value() == 11
        assert ctx.journal.verify(iid).ok
        rotated = next(e for e in ctx.evidence.list(iid) if e.source_name == "rotated.jpg")
        from PIL import Image

        with Image.open(ctx.evidence.thumbnail(rotated.id)) as thumb:
            assert thumb.height > thumb.width  # EXIF orientation 6 honoured in display
        w2.close()
    finally:
        ctx.close()


def test_index_helper_is_sane(qapp) -> None:  # type: ignore[no-untyped-def]
    assert not QModelIndex().isValid()
