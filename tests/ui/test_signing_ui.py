"""Signing through the real widgets: the signature pad (mouse drags, empty refused), the party's refusal with a
witness, two officers signing with their certificates (wrong password first), verification and the PDF viewer."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QImage, QInputDevice, QPointingDevice, QTabletEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from inspector_app.records import pki
from inspector_app.services.signature_art import demo_strokes, strokes_to_png
from inspector_app.services.signing import PartySignoff
from inspector_app.ui.dialogs.party_signoff_dialog import PartySignoffDialog
from inspector_app.ui.dialogs.sign_dialog import SignDialog
from inspector_app.ui.dialogs.signature_dialog import SignatureDialog
from inspector_app.ui.dialogs.verify_dialog import VerifyDialog
from inspector_app.ui.widgets.signature_pad import LOGICAL_H, LOGICAL_W, SignatureCanvas
from tests.helpers import answer_ids, lead, new_inspection, start_on_site
from tests.ui.conftest import settle, when_modal

PASSWORD = "test-only-Pw1"
EPOCH = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)  # before the tests' clock (2026-11-20)


@pytest.fixture(scope="module")
def org_ca() -> pki.CertKey:
    return pki.create_ca("测试市医疗保障局", not_before=EPOCH)


def give_keys(app: Any, roster: dict[str, Any], ca: pki.CertKey) -> None:
    app.keys.add_trust_root(ca.cert)
    app.keys.add_crl(pki.make_crl(ca))
    for o in roster["officers"][:2]:
        app.keys.save(o.id, pki.issue_officer(ca, o.name, o.certificate_no, not_before=EPOCH), PASSWORD)


def awaiting_signature(app: Any, roster: dict[str, Any]) -> str:
    iid = new_inspection(app, roster)
    start_on_site(app, roster, iid)
    ids = answer_ids(app, iid)
    values = {"T-01": "yes", "T-02": "no", "T-03": 1, "T-04": "9", "T-05": "0", "T-06": "2026-01-01",
              "T-07": "x", "T-08": "专职人员", "T-09": ["处方"], "T-10": {"rows": []}}
    for item, value in values.items():
        app.inspections.answer(lead(roster), ids[item], value)
    app.inspections.finish_on_site(lead(roster), iid)
    return iid


def drag(qtbot: Any, canvas: SignatureCanvas, start: tuple[int, int], steps: int = 12, dx: int = 14,
         wave: int = 10) -> None:
    """One stroke with the mouse: press, move in a zig-zag, release."""
    x, y = start
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=QPoint(x, y))
    for i in range(1, steps + 1):
        qtbot.mouseMove(canvas, QPoint(x + i * dx, y + (wave if i % 2 else -wave)))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=QPoint(x + steps * dx, y))


def sign_on(qtbot: Any, canvas: SignatureCanvas) -> None:
    h = canvas.height()
    drag(qtbot, canvas, (40, h // 2))
    drag(qtbot, canvas, (60, h // 2 + 15), steps=8, dx=20, wave=6)


def open_signing(qtbot: Any, window: Any, iid: str) -> Any:
    window.open_inspection(iid)
    settle(qtbot, window)
    page = window.inspection_page.signing
    window.inspection_page.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.state is not None and page.state.detail.summary.id == iid, timeout=10000)
    return page


def test_pad_records_strokes_undo_clear_and_refuses_empty(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = SignatureDialog("officer", name="陈明哲")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    pad = dialog.panel.pad
    assert pad.is_empty() and not pad.undo_button.isEnabled()
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.isVisible() and dialog.captured is None
    assert "empty" in dialog.error.text()

    canvas = pad.canvas
    sign_on(qtbot, canvas)
    strokes = pad.strokes()
    assert len(strokes) == 2 and len(strokes[0]) >= 10 and pad.point_count() >= 18
    assert all(0 <= x <= LOGICAL_W and 0 <= y <= LOGICAL_H for s in strokes for x, y in s)
    # widget pixels map onto the 360×120 logical canvas
    r = canvas.canvas_rect()
    assert strokes[0][0] == pytest.approx([round((40 - r.x()) * LOGICAL_W / r.width(), 1),
                                           round((canvas.height() // 2 - r.y()) * LOGICAL_H / r.height(), 1)],
                                          abs=0.11)
    png = pad.to_png()
    image = QImage.fromData(png, "PNG")
    assert png.startswith(b"\x89PNG") and (image.width(), image.height()) == (720, 240)
    assert image.pixelColor(0, 0).alpha() == 0 and image.hasAlphaChannel()
    pad.undo_button.click()
    assert len(pad.strokes()) == 1
    pad.clear_button.click()
    assert pad.is_empty()
    canvas.setFocus()
    sign_on(qtbot, canvas)
    qtbot.keyClick(canvas, Qt.Key.Key_Backspace)  # keyboard undo
    assert len(pad.strokes()) == 1
    drag(qtbot, canvas, (80, canvas.height() // 2 + 20))
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.captured is not None and len(dialog.captured.strokes) == 2
    assert dialog.result() == dialog.DialogCode.Accepted


def test_pad_takes_touch_and_pen(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = SignatureDialog("witness")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    canvas = dialog.panel.pad.canvas
    finger = QTest.createTouchDevice()
    QTest.touchEvent(canvas, finger).press(0, QPoint(50, 60), canvas).commit()
    for i in range(1, 10):
        QTest.touchEvent(canvas, finger).move(0, QPoint(50 + 10 * i, 60 + (i % 2) * 8), canvas).commit()
    QTest.touchEvent(canvas, finger).release(0, QPoint(150, 60), canvas).commit()
    pen = QPointingDevice("test pen", 7, QInputDevice.DeviceType.Stylus, QPointingDevice.PointerType.Pen,
                          QInputDevice.Capability.Position | QInputDevice.Capability.Pressure, 1, 3)

    def tablet(kind: QEvent.Type, x: int, y: int) -> None:
        pos = QPointF(x, y)
        QApplication.sendEvent(canvas, QTabletEvent(kind, pen, pos, canvas.mapToGlobal(pos), 0.5, 0.0, 0.0, 0.0, 0.0,
                                                    0.0, Qt.KeyboardModifier.NoModifier, Qt.MouseButton.LeftButton,
                                                    Qt.MouseButton.LeftButton))

    tablet(QEvent.Type.TabletPress, 60, 100)
    for i in range(1, 10):
        tablet(QEvent.Type.TabletMove, 60 + 12 * i, 100 - (i % 2) * 9)
    tablet(QEvent.Type.TabletRelease, 170, 100)
    assert [len(s) >= 10 for s in dialog.panel.pad.strokes()] == [True, True]  # one stroke each, no mouse copies


def test_party_refusal_with_witness(app, roster, window, qtbot) -> None:  # type: ignore[no-untyped-def]
    iid = awaiting_signature(app, roster)
    page = open_signing(qtbot, window, iid)
    assert any(m.code == "signing.party_not_signed" for m in page.state.missing)
    assert page.party_button.isEnabled()
    seen: dict[str, Any] = {}

    def refuse(dialog: PartySignoffDialog) -> None:
        assert dialog.opinion.toPlainText() == "以上记录已阅，属实。" and dialog.recusal.text() == "不申请回避。"
        dialog.refuses.click()
        assert dialog.pages.currentIndex() == 1
        dialog.reason.setText("对检查结论有异议")
        dialog.witness.name.setText("王建国")
        dialog.witness.id_number.setText("510802198805061234")
        dialog.accept()  # relation and note missing: refused by the rule, nothing lost
        seen["missing"] = dialog.error.text()
        dialog.witness.relation.setText("社区工作人员")
        dialog.note.setPlainText("已宣读笔录，当事人拒签，邀请见证人见证。")
        dialog.accept()  # the witness has not signed yet
        seen["empty"] = dialog.error.text()
        seen["kept"] = dialog.witness.name.text()
        sign_on(qtbot, dialog.witness.pad.canvas)
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
        qtbot.waitUntil(lambda: dialog.saved or bool(dialog.error.text()), timeout=10000)
        seen["saved"] = dialog.saved
        seen["error"] = dialog.error.text()

    when_modal(PartySignoffDialog, refuse)
    page.party_button.click()
    assert "witness's relation to the party" in seen["missing"] and "officer's note" in seen["missing"]  # English UI
    assert "empty" in seen["empty"] and seen["kept"] == "王建国"
    assert seen["saved"], seen["error"]
    settle(qtbot, window)
    qtbot.waitUntil(lambda: page.state.party is not None, timeout=10000)
    party = page.state.party
    assert party.refused and party.witness_name == "王建国" and party.signature_drawn
    assert not any(m.code == "signing.party_not_signed" for m in page.state.missing)
    assert "王建国" in page.party.text()


def sign_as(qtbot: Any, page: Any, officer: Any, password: str) -> dict[str, Any]:
    seen: dict[str, Any] = {}

    def sign(dialog: SignDialog) -> None:
        dialog.select_officer(officer.id)
        assert dialog.selected_officer() == officer.id
        dialog.password.setText(password)
        dialog.sign_button.click()
        qtbot.waitUntil(lambda: dialog.document is not None or (not dialog._busy and bool(dialog.error.text())),
                        timeout=60000)
        seen.update(document=dialog.document, error=dialog.error.text(), progress=list(dialog.progress.log),
                    result=dialog.result())

    when_modal(SignDialog, sign, timeout_ms=20000)
    page.sign_button.click()
    return seen


def test_two_officers_sign_verify_and_view(  # type: ignore[no-untyped-def]
        app, roster, window, qtbot, org_ca, tmp_path) -> None:
    give_keys(app, roster, org_ca)
    iid = awaiting_signature(app, roster)
    o1, o2 = roster["officers"][0], roster["officers"][1]
    s = demo_strokes(5)
    app.signing.capture_signature(lead(roster), iid, "party", "周一鸣", s, strokes_to_png(s))
    app.signing.record_party_signoff(lead(roster), iid, PartySignoff(refused=False, signer_name="周一鸣",
                                                                      title="医务科科长"))
    s = demo_strokes(2)
    app.signing.capture_signature(lead(roster), iid, "officer", o2.name, s, strokes_to_png(s), o2.id)
    page = open_signing(qtbot, window, iid)
    state = page.state
    assert [(o.name, o.has_key, o.drawn) for o in state.officers] == [(o1.name, True, False), (o2.name, True, True)]
    assert any(o1.name in m.params.get("names", "") for m in state.missing)

    # officer 1 draws the handwritten signature through the page
    page.officers.selectRow(0)

    def draw(dialog: SignatureDialog) -> None:
        assert dialog.panel.name.text() == o1.name and dialog.panel.name.isReadOnly()
        sign_on(qtbot, dialog.panel.pad.canvas)
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
        qtbot.waitUntil(lambda: dialog.captured is not None or bool(dialog.error.text()), timeout=10000)

    when_modal(SignatureDialog, draw)
    page.draw_button.click()
    settle(qtbot, window)
    qtbot.waitUntil(lambda: page.state.officers[0].drawn and not page.state.missing, timeout=10000)
    assert "Ready" in page.readiness.text()

    wrong = sign_as(qtbot, page, o1, "not-the-password")
    assert wrong["document"] is None and "password" in wrong["error"] and wrong["result"] == 0
    first = sign_as(qtbot, page, o1, PASSWORD)
    assert first["document"] is not None, first["error"]
    assert first["progress"] and first["progress"][-1][0] == 90  # delivered on the GUI thread
    settle(qtbot, window)
    qtbot.waitUntil(lambda: page.state.record is not None and page.state.officers[0].signed, timeout=10000)
    assert app.queries.summary(iid).status == "awaiting_signature"
    assert "Sig_Officer2" in page.state.record.pending_fields
    assert not page.party_button.isEnabled() and not page.draw_button.isEnabled()  # frozen

    second = sign_as(qtbot, page, o2, PASSWORD)
    assert second["document"] is not None, second["error"]
    settle(qtbot, window)
    qtbot.waitUntil(lambda: page.state.detail.summary.status == "signed", timeout=10000)
    assert all(o.signed for o in page.state.officers)
    assert "every officer" in page.readiness.text()
    assert page.documents.rowCount() == 1 and page.state.record.signed_fields == ("Sig_Officer1", "Sig_Officer2")
    qtbot.waitUntil(lambda: window.inspection_page.detail.summary.status == "signed", timeout=10000)

    # verification, off the GUI thread
    page.verify_button.click()
    qtbot.waitUntil(lambda: page.verify_dialog is not None and page.verify_dialog.report is not None, timeout=30000)
    report = page.verify_dialog.report
    assert report.ok, report.reasons
    assert len(report.signatures) == 2
    assert all(c.intact and c.valid and c.trusted and not c.revoked for c in report.signatures)
    assert report.journal is not None and report.journal.ok
    assert "Valid" in page.verify_dialog.verdict.text()
    html = page.verify_dialog.details.toPlainText()
    assert o1.name in html and o2.name in html and "device clock" in html

    # the in-app viewer
    page.open_button.click()
    qtbot.waitUntil(lambda: page.viewer is not None, timeout=10000)
    assert page.viewer.document.pageCount() > 0
    before = page.viewer.effective_zoom()
    page.viewer.zoom_in_button.click()
    assert page.viewer.view.zoomFactor() == pytest.approx(before * 1.25)
    page.viewer.next_button.click()
    qtbot.waitUntil(lambda: page.viewer.page.value() == 2, timeout=5000)
    assert page.viewer.count.text().endswith(str(page.viewer.document.pageCount()))
    page.viewer.close()

    # export, then a damaged copy fails verification with reasons
    out = tmp_path / "record.pdf"
    page.export_to(page.selected_document(), out)
    settle(qtbot, window)
    qtbot.waitUntil(out.exists, timeout=10000)
    data = bytearray(out.read_bytes())
    assert data.startswith(b"%PDF")
    at = data.find(b"stream", len(data) // 3) + 40
    data[at] ^= 0x55
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(bytes(data))
    dialog = VerifyDialog(window.ops, parent=window)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.verified, timeout=30000) as blocker:
        dialog.verify(Path(damaged))
    bad = blocker.args[0]
    assert not bad.ok and bad.reasons
    assert "Not valid" in dialog.verdict.text()
