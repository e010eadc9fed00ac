"""The 证据清单 edited by keyboard on the evidence page: Ctrl+E opens the selected item's list entry (statutory
type, how obtained, provider, pages; Enter saves), Ctrl+K records the party's confirmation of the whole list."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from inspector_app.ui.dialogs.evidence_dialogs import EvidenceDetailsDialog, ListConfirmationDialog
from tests import imaging
from tests.helpers import lead, new_inspection, start_on_site
from tests.ui.conftest import settle, when_modal


def _open(qtbot: Any, window: Any, app: Any, roster: Any) -> tuple[str, Any]:
    iid = new_inspection(app, roster)
    start_on_site(app, roster, iid)
    actor = lead(roster)
    app.evidence.add_bytes(actor, iid, imaging.exif_jpeg(seed=1), "ledger.jpg", caption="药品进销存台账")
    app.evidence.add_bytes(actor, iid, imaging.exif_jpeg(seed=2), "bill.jpg", caption="收费票据")
    window.open_inspection(iid)
    page = window.inspection_page.evidence
    qtbot.waitUntil(lambda: page.inspection_id == iid and page.model.rowCount() == 2, timeout=10000)
    settle(qtbot, window)
    window.inspection_page.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.details_button.isVisible(), timeout=5000)
    return iid, page


def _ctrl(qtbot: Any, window: Any, page: Any, key: Qt.Key) -> None:
    """Ctrl+key on the evidence grid. Shortcuts reach only the active window, and the offscreen platform does not
    give it back when a dialog closes; the button shortcut then clicks after a short animation."""
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow(), timeout=5000)
    page.view.setFocus()
    QTest.keyClick(page.view, key, Qt.KeyboardModifier.ControlModifier)


def _next_focusable(widget: Any) -> Any:
    w = widget.nextInFocusChain()
    while not (w.focusPolicy() & Qt.FocusPolicy.TabFocus) or w.focusProxy() is not None:
        w = w.nextInFocusChain()
    return w


def test_list_entry_and_confirmation_by_keyboard(app, roster, window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    iid, page = _open(qtbot, window, app, roster)
    qtbot.waitUntil(lambda: "not confirmed" in page.confirmation_label.text(), timeout=10000)
    page.view.setFocus()
    page.view.setCurrentIndex(page.model.index(1, 0))
    seen: dict[str, str] = {}

    def fill(dialog: EvidenceDetailsDialog) -> None:
        seen["type"] = dialog.type_box.currentData()
        # the fields in the order of the printed columns
        chain = [dialog.type_box, dialog.measure_box, dialog.provider, dialog.pages]
        assert all(chain[i + 1] is _next_focusable(chain[i]) for i in range(3))
        QTest.keyClick(dialog.type_box, Qt.Key.Key_Down)           # 书证 -> 物证
        QTest.keyClick(dialog.measure_box, Qt.Key.Key_Down)        # 拍照 -> 复印
        dialog.provider.insert("王丽（收费处）")  # QTest cannot type non-ASCII keys; insert() is what an IME delivers
        dialog.pages.lineEdit().selectAll()
        QTest.keyClicks(dialog.pages, "3")
        QTest.keyClick(dialog.pages, Qt.Key.Key_Return)            # Enter saves

    when_modal(EvidenceDetailsDialog, fill)
    _ctrl(qtbot, window, page, Qt.Key.Key_E)
    qtbot.waitUntil(lambda: "type" in seen, timeout=10000)
    settle(qtbot, window)
    bill = next(e for e in app.evidence.list(iid) if e.caption == "收费票据")
    assert seen["type"] == "书证"
    qtbot.waitUntil(lambda: app.evidence.get(bill.id).provider == "王丽（收费处）", timeout=10000)
    saved = app.evidence.get(bill.id)
    assert (saved.evidence_type, saved.measure, saved.page_count) == ("物证", "复印", 3)
    qtbot.waitUntil(lambda: "Physical evidence" in page.model.index(1, 0).data(), timeout=10000)

    def confirm(dialog: ListConfirmationDialog) -> None:
        dialog.signer.insert("周一鸣")
        QTest.keyClick(dialog.signer, Qt.Key.Key_Return)

    when_modal(ListConfirmationDialog, confirm)
    _ctrl(qtbot, window, page, Qt.Key.Key_K)
    qtbot.waitUntil(lambda: "周一鸣 confirmed" in page.confirmation_label.text(), timeout=10000)
    c = app.evidence_list.confirmation(iid)
    assert (c.refused, c.signer_name, c.current) == (False, "周一鸣", True)
    window.resize(1280, 720)
    settle(qtbot, window)
    page.grab().save(str(tmp_path / "evidence_page.png"))

    def refuse(dialog: ListConfirmationDialog) -> None:
        QTest.keyClick(dialog.refused, Qt.Key.Key_Space)  # Tab to the answer, Space picks it
        assert dialog.refused.isChecked() and not dialog.signer.isEnabled() and dialog.reason.isEnabled()
        dialog.reason.insertPlainText("认为复印件不全")
        QTest.keyClick(dialog.signer, Qt.Key.Key_Return)

    when_modal(ListConfirmationDialog, refuse)
    _ctrl(qtbot, window, page, Qt.Key.Key_K)
    qtbot.waitUntil(lambda: "refused" in page.confirmation_label.text(), timeout=10000)
    assert app.evidence_list.confirmation(iid).refusal_reason == "认为复印件不全"
