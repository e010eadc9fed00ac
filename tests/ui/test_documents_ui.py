"""After signing, from the Signatures & record tab: the rectification notice, submission for review, and — after the
lead returns the record — the signed addendum and resubmission, all through the real widgets."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QInputDialog

from inspector_app.services.signature_art import demo_strokes, strokes_to_png
from inspector_app.services.signing import PartySignoff
from inspector_app.ui.dialogs.document_dialogs import AddendumDialog, NoticeDialog
from tests.helpers import lead
from tests.services.test_review_service import as_actor, signed
from tests.services.test_signing_service import PASSWORD, org_ca  # noqa: F401
from tests.ui.conftest import settle, when_modal
from tests.ui.test_signing_ui import open_signing


def test_notice_submit_return_addendum_from_the_signing_tab(app, roster, org_ca, qtbot, window) -> None:  # type: ignore[no-untyped-def]
    iid = signed(app, roster, org_ca)
    page = open_signing(qtbot, window, iid)
    assert page.notice_button.isEnabled() and page.submit_button.isEnabled()

    def notice(dialog: NoticeDialog) -> None:
        assert "1 finding" in dialog.intro.text()
        dialog.password.setText("wrong")
        dialog.accept()
        qtbot.waitUntil(lambda: bool(dialog.error.text()), timeout=20000)  # stays open, says why
        dialog.password.setText(PASSWORD)
        dialog.accept()
        qtbot.waitUntil(lambda: dialog.document is not None, timeout=30000)

    when_modal(NoticeDialog, notice)
    page.notice_button.click()
    settle(qtbot, window)
    [doc] = [d for d in app.signing.documents(iid) if d.kind == "notice"]
    assert doc.signed_fields == ("Sig_Agency",)
    qtbot.waitUntil(lambda: not page.notice_button.isEnabled(), timeout=10000)  # one notice per record

    page.submit_button.click()
    settle(qtbot, window)
    assert app.queries.summary(iid).status == "submitted"
    boss = as_actor(roster["lead"])
    app.review.start_review(boss, iid)
    app.review.return_for_correction(boss, iid, "问题 1 的涉及金额有误，请补正。")
    page.reload()
    qtbot.waitUntil(lambda: page.addendum_button.isEnabled(), timeout=10000)

    # the party hears the corrections and signs them (its own dialog, tested with the record)
    strokes = demo_strokes(40)
    app.signing.capture_signature(lead(roster), iid, "party", "周一鸣", strokes, strokes_to_png(strokes),
                                  document_kind="addendum")
    app.signing.record_party_signoff(lead(roster), iid, PartySignoff(refused=False, signer_name="周一鸣"),
                                     document_kind="addendum")

    def addendum(dialog: AddendumDialog) -> None:
        qtbot.waitUntil(lambda: dialog.reason.toPlainText() == "问题 1 的涉及金额有误，请补正。",
                        timeout=10000)  # the lead's reasons, prefilled
        dialog.accept()
        assert "correct value" in dialog.error.text()  # an empty correction is refused in place
        for col, text in enumerate(("问题 1 涉及金额", "1,000.00 元", "1,200.00 元")):
            dialog.changes.item(0, col).setText(text)
        dialog.officer.setCurrentIndex(dialog.officer.findData(roster["officers"][0].id))
        dialog.password.setText(PASSWORD)
        dialog.accept()
        qtbot.waitUntil(lambda: dialog.document is not None, timeout=30000)

    record_before = app.signing.pdf_path(next(d.id for d in app.signing.documents(iid) if d.kind == "record"))
    before = record_before.read_bytes()
    when_modal(AddendumDialog, addendum)
    page.addendum_button.click()
    settle(qtbot, window)
    [add] = [d for d in app.signing.documents(iid) if d.kind == "addendum"]
    assert add.signed_fields == ("Sig_Officer1",)

    # the second officer countersigns the addendum from the documents list
    page.reload()
    qtbot.waitUntil(lambda: any(d.kind == "addendum" for d in (page.state.documents if page.state else ())),
                    timeout=10000)
    row = [d.id for d in page.state.documents].index(add.id)
    page.documents.selectRow(row)
    assert page.countersign_button.isEnabled()
    answers = iter([roster["officers"][1].name, PASSWORD])

    def answer(dialog: Any) -> None:
        dialog.setTextValue(next(answers))
        dialog.accept()

    when_modal(QInputDialog, answer)  # which officer
    when_modal(QInputDialog, answer, timeout_ms=20000)  # then their password
    page.countersign_button.click()
    settle(qtbot, window)
    qtbot.waitUntil(lambda: [d for d in app.signing.documents(iid) if d.id == add.id][0].signed_fields
                    == ("Sig_Officer1", "Sig_Officer2"), timeout=20000)

    page.reload()
    qtbot.waitUntil(lambda: page.submit_button.isEnabled(), timeout=10000)
    page.submit_button.click()
    settle(qtbot, window)
    assert app.queries.summary(iid).status == "submitted"
    assert record_before.read_bytes() == before  # the signed record stays as it was signed
    report = app.verification.verify(app.signing.pdf_path(add.id))
    assert report.ok and len(report.signatures) == 2, report.reasons
