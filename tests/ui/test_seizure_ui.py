"""封存 through the real widgets: from the inspection's Signatures & record tab, a seal list of two items with photos,
the party's signature, both officers sign; the dialog's clock tab then shows the 30-day clock with the days left,
and an extension with a reason moves it by 30. The PDF verifies (pages re-rendered) and pdfsig validates it."""

from __future__ import annotations

import os
from pathlib import Path

from inspector_app.ui.dialogs.seizure_dialog import SeizureDialog
from tests.services.test_review_service import signed
from tests.services.test_seizures import photo
from tests.services.test_signing_service import PASSWORD, org_ca  # noqa: F401
from tests.ui.conftest import settle, when_modal
from tests.ui.test_onsite_documents_ui import draw, verified
from tests.ui.test_signing_ui import open_signing


def test_seal_list_with_photos_shows_its_30_day_clock(app, roster, org_ca, qtbot, window, tmp_path,  # type: ignore[no-untyped-def]
                                                       clock) -> None:
    iid = signed(app, roster, org_ca)
    page = open_signing(qtbot, window, iid)
    qtbot.waitUntil(lambda: page.seizure_button.isEnabled(), timeout=10000)
    o1, o2 = roster["officers"][0], roster["officers"][1]

    def fill(dialog: SeizureDialog) -> None:
        assert dialog.measure.currentData() == "seal" and "30" in dialog.clock_label.text()
        dialog.reason.setText("该院涉嫌串换收费项目，相关病历可能被修改")
        dialog.place.setText("医院病案室")
        dialog.items.removeRows(0, dialog.items.rowCount())
        dialog.add_item("住院病历", "12", "册", "病案室3号柜", "2026-1001至1012", "完好，已贴封条")
        dialog.add_photo(photo(1))
        dialog.add_photo(photo(2))
        dialog.add_item("医保结算单", "45", "份", "医保办公室档案柜")
        dialog.add_photo(photo(3))
        assert dialog.items.item(0, 6).text() == "2" and dialog.photos.count() == 1
        dialog.items_view.setCurrentIndex(dialog.items.index(0, 0))
        assert dialog.photos.count() == 2
        dialog.accept()  # nothing drawn yet: refused in place
        assert "party signs" in dialog.error.text()
        dialog.signer_name.setText("孙主任")
        draw(dialog.pad)
        dialog.officer.setCurrentIndex(dialog.officer.findData(o1.id))
        dialog.second.setCurrentIndex(dialog.second.findData(o2.id))
        dialog.password.setText(PASSWORD)
        dialog.second_password.setText(PASSWORD)
        dialog.accept()
        qtbot.waitUntil(lambda: dialog.document is not None or bool(dialog.error.text()), timeout=90000)
        assert dialog.document is not None, dialog.error.text()

    when_modal(SeizureDialog, fill)
    page.seizure_button.click()
    settle(qtbot, window)
    [doc] = [d for d in app.signing.documents(iid) if d.kind == "seal"]
    assert doc.signed_fields == ("Sig_Officer1", "Sig_Officer2") and not doc.pending_fields
    verified(app, app.verification.export_record(iid, tmp_path / "seal.pdf", "seal"))

    clock.advance(days=4)
    dialog = SeizureDialog(window.ops, iid, [(o.id, o.name) for o in roster["officers"][:2]], "医院", window)
    qtbot.addWidget(dialog)
    dialog.tabs.setCurrentIndex(2)
    qtbot.waitUntil(lambda: dialog.running.rowCount() == 1, timeout=10000)
    assert dialog.running.item(0, 4).text() == "26 day(s) left"
    dialog.running.selectRow(0)
    dialog.officer.setCurrentIndex(dialog.officer.findData(o1.id))
    dialog.second.setCurrentIndex(dialog.second.findData(o2.id))
    dialog.password.setText(PASSWORD)
    dialog.second_password.setText(PASSWORD)
    dialog.extend_selected("病历数量多，需比对信息系统日志", "局长 周明远")  # what the Extend button's prompts collect
    qtbot.waitUntil(lambda: dialog.document is not None or bool(dialog.error.text()), timeout=90000)
    assert dialog.document is not None and dialog.document.kind == "seal_extension", dialog.error.text()
    assert not dialog.document.pending_fields
    verified(app, app.verification.export_record(iid, tmp_path / "extension.pdf", "seal_extension"))
    dialog = SeizureDialog(window.ops, iid, [(o.id, o.name) for o in roster["officers"][:2]], "医院", window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: "extended" in (dialog.running.item(0, 4).text() if dialog.running.item(0, 4) else ""),
                    timeout=10000)
    assert dialog.running.item(0, 4).text() == "56 day(s) left (extended)"
    dialog.close()
    shots = os.environ.get("SEAL15_SHOTS")
    if shots:  # README screenshots: `SEAL15_SHOTS=docs/screenshots pytest tests/ui/test_seizure_ui.py`
        from PySide6.QtWidgets import QApplication

        from inspector_app.ui.i18n import install_translators

        keep = install_translators(QApplication.instance(), "zh_CN", app.paths.cache_dir)
        QApplication.processEvents()  # deliver the LanguageChange events before the dialog exists
        zh = SeizureDialog(window.ops, iid, [(o.id, o.name) for o in roster["officers"][:2]], "医院病案室", window)
        qtbot.addWidget(zh)
        zh.reason.setText("该院涉嫌串换收费项目，相关病历可能被修改")
        zh.items.removeRows(0, zh.items.rowCount())
        zh.add_item("住院病历", "12", "册", "病案室3号柜", "2026-1001至1012", "完好，已贴封条")
        zh.add_photo(photo(5))
        zh.add_photo(photo(6))
        zh.show()
        zh.grab().save(str(Path(shots) / "seal15-items-dialog.png"))
        zh.tabs.setCurrentIndex(2)
        qtbot.waitUntil(lambda: zh.running.rowCount() == 1, timeout=10000)
        assert zh.running.item(0, 4).text() == "还剩 56 天（已延长）"
        zh.running.selectRow(0)
        zh.grab().save(str(Path(shots) / "seal15-clock-dialog.png"))
        zh.close()
        for t in keep:
            QApplication.instance().removeTranslator(t)
