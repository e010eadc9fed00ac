"""The 询问笔录 and the 送达回证 through the real widgets of the Signatures & record tab: an inquiry with five
questions, a correction and the person's refusal before a witness, signed by both officers; the rectification notice
served by 留置送达 (witness and photo), shown as served in the documents list. Both PDFs verify."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess

from PySide6.QtCore import QPointF

from inspector_app.ui.dialogs.inquiry_dialog import InquiryDialog
from inspector_app.ui.dialogs.service_dialog import ServiceDialog
from tests.helpers import lead
from tests.records_sample import signature_png
from tests.services.test_review_service import signed
from tests.services.test_signing_service import PASSWORD, org_ca  # noqa: F401
from tests.ui.conftest import settle, when_modal
from tests.ui.test_signing_ui import open_signing

QUESTIONS = ("请介绍你的工作职责。", "住院病历由谁负责管理？", "床头卡与住院登记不符的情况你是否知情？",
             "医保结算数据由谁上传？", "你还有什么需要补充的吗？")


def draw(pad) -> None:  # type: ignore[no-untyped-def]
    canvas = pad.canvas
    canvas.begin(QPointF(10, 10))
    for i in range(1, 30):
        canvas.extend(QPointF(10 + i * 6, 10 + (i % 5) * 8))
    canvas.end()


def verified(app, path) -> None:  # type: ignore[no-untyped-def]
    report = app.verification.verify(path)
    assert report.ok and len(report.signatures) == 2, report.reasons
    if shutil.which("pdfsig"):
        out = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True, timeout=60).stdout
        assert out.count("Signature is Valid.") == 2


def test_inquiry_with_refusal_signed_by_both_officers(app, roster, org_ca, qtbot, window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    iid = signed(app, roster, org_ca)
    page = open_signing(qtbot, window, iid)
    qtbot.waitUntil(lambda: page.inquiry_button.isEnabled(), timeout=10000)
    o1, o2 = roster["officers"][0], roster["officers"][1]

    def fill(dialog: InquiryDialog) -> None:
        # the pick-list offers the usual questions and one per finding of this inspection
        qtbot.waitUntil(lambda: any("串换项目收费" in dialog.template.itemText(i)
                                    for i in range(dialog.template.count())), timeout=10000)
        dialog.role.setCurrentIndex(dialog.role.findData("witness"))
        dialog.name.setText("钱小雨")
        dialog.sex.setCurrentIndex(dialog.sex.findData("女"))
        dialog.id_number.setText("510802199203150027")
        dialog.position.setText("病案室科员")
        dialog.place.setText("医院医保办公室")
        dialog.ended.setDateTime(dialog.started.dateTime().addSecs(40 * 60))
        dialog.qa.removeRows(0, dialog.qa.rowCount())
        for i, q in enumerate(QUESTIONS, 1):
            dialog.add_question(q, f"回答{i}：属实。", "H-04" if i == 3 else "")
        dialog.add_correction("问答2", "医务科", "病案室", "钱")
        dialog.refused.setChecked(True)
        dialog.accept()  # nothing drawn yet: refused in place
        assert "witness signs" in dialog.error.text()
        dialog.refusal_reason.setText("认为记录与其陈述有出入")
        dialog.witness_name.setText("赵见明")
        dialog.witness_id.setText("510802198805061234")
        dialog.witness_relation.setText("医院保卫科科员")
        dialog.officer_note.setText("已宣读笔录，其拒绝签名，邀请见证人见证。")
        draw(dialog.pad)
        dialog.officer.setCurrentIndex(dialog.officer.findData(o1.id))
        dialog.second.setCurrentIndex(dialog.second.findData(o2.id))
        dialog.password.setText(PASSWORD)
        dialog.second_password.setText(PASSWORD)
        dialog.accept()
        qtbot.waitUntil(lambda: dialog.document is not None or bool(dialog.error.text()), timeout=60000)
        assert dialog.document is not None, dialog.error.text()

    when_modal(InquiryDialog, fill)
    page.inquiry_button.click()
    settle(qtbot, window)
    [doc] = [d for d in app.signing.documents(iid) if d.kind == "inquiry"]
    assert doc.signed_fields == ("Sig_Officer1", "Sig_Officer2") and not doc.pending_fields
    [row] = app.inquiries.of_inspection(iid)
    assert row.refused and row.role == "witness"
    verified(app, app.verification.export_record(iid, tmp_path / "inquiry.pdf", "inquiry"))


def test_notice_served_by_leaving_it_at_the_premises(app, roster, org_ca, qtbot, window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    iid = signed(app, roster, org_ca)
    o1, o2 = roster["officers"][0], roster["officers"][1]
    notice, _ = app.documents.create_notice(lead(roster), iid, deadline=app.ctx.clock().date() + dt.timedelta(days=30),
                                            officer_id=o1.id, password=PASSWORD)
    photo = tmp_path / "left.png"
    photo.write_bytes(signature_png(3))
    page = open_signing(qtbot, window, iid)
    qtbot.waitUntil(lambda: page.state is not None and any(d.id == notice.id for d in page.state.documents),
                    timeout=10000)
    page.documents.selectRow([d.id for d in page.state.documents].index(notice.id))
    assert page.service_button.isEnabled()

    def fill(dialog: ServiceDialog) -> None:
        dialog.method.setCurrentIndex(dialog.method.findData("留置送达"))
        assert dialog.witness_name.isEnabled() and not dialog.postal.isEnabled()
        dialog.receiver.setText("孙主任")
        dialog.relation.setText("办公室主任")
        dialog.place.setText("医院行政楼")
        dialog.officer.setCurrentIndex(dialog.officer.findData(o1.id))
        dialog.second.setCurrentIndex(dialog.second.findData(o2.id))
        dialog.password.setText(PASSWORD)
        dialog.second_password.setText(PASSWORD)
        dialog.accept()  # no witness, no photo: the service refuses, the dialog says why
        qtbot.waitUntil(lambda: bool(dialog.error.text()), timeout=60000)
        assert "见证人" in dialog.error.text() or "witness" in dialog.error.text().lower()
        dialog.refusal.setText("拒绝签收，已留置于行政楼办公室并拍照。")
        dialog.witness_name.setText("李社工")
        dialog.witness_id.setText("510802198001010011")
        dialog.witness_relation.setText("社区工作人员")
        dialog.set_photo(photo)
        draw(dialog.pad)
        dialog.accept()
        qtbot.waitUntil(lambda: dialog.document is not None, timeout=60000)

    when_modal(ServiceDialog, fill)
    page.service_button.click()
    settle(qtbot, window)
    served = app.service_receipts.served(notice.id)
    assert served is not None and served.method == "留置送达"
    page.reload()
    row = [d.id for d in app.signing.documents(iid)].index(notice.id)
    qtbot.waitUntil(lambda: page.state is not None and notice.id in page.state.served, timeout=10000)
    qtbot.waitUntil(lambda: "served" in (page.documents.item(row, 1).text() if page.documents.item(row, 1) else ""),
                    timeout=10000)
    verified(app, app.verification.export_record(iid, tmp_path / "service.pdf", "service"))
