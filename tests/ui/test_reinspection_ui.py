"""Re-inspection from the tracking page: an overdue rectification is re-inspected by two officers with photos of its
own, the record is signed and countersigned in the dialog, and the rectification then shows its result."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QPushButton

from inspector_app.domain.outcomes import Outcome
from inspector_app.ui.dialogs.reinspection_dialog import ReinspectionDialog
from tests.helpers import lead
from tests.imaging import exif_jpeg
from tests.services.test_review_service import as_actor, signed
from tests.services.test_signing_service import PASSWORD, org_ca  # noqa: F401
from tests.ui.conftest import settle


def test_reinspection_dialog_collects_photos_and_signs(app, roster, org_ca, qtbot, tmp_path, clock, window) -> None:  # type: ignore[no-untyped-def]
    iid = signed(app, roster, org_ca)
    boss = as_actor(roster["lead"])
    app.documents.create_notice(lead(roster), iid, deadline=dt.date(2026, 12, 1),
                                officer_id=roster["officers"][0].id, password=PASSWORD)
    app.review.submit(lead(roster), iid)
    app.review.start_review(boss, iid)
    app.review.approve(boss, iid, PASSWORD)
    app.review.set_outcome(boss, iid, Outcome.RECTIFY, refund="1000.00", articles="第三十八条")
    clock.advance(days=14)  # past the deadline

    w = window
    w.show_tracking()
    tracking = w.tracking_page
    qtbot.waitUntil(lambda: tracking.model.rowCount() == 1, timeout=10000)
    assert tracking.model.item(0).overdue
    tracking.view.setCurrentIndex(tracking.model.index(0, 0))
    tracking.findChild(QPushButton, "reinspect").click()
    qtbot.waitUntil(lambda: isinstance(tracking.dialog, ReinspectionDialog) and tracking.dialog.isVisible(),
                    timeout=10000)
    d = tracking.dialog
    assert "days overdue" in d.head.text()
    assert not d.body.isEnabled() and not d.sign_button.isEnabled()

    # two officers with valid certificates go back; the expired one is not offered
    names = [d.officer1.itemText(i) for i in range(d.officer1.count())]
    assert not any(roster["officers"][3].name in n for n in names)
    d.officer1.setCurrentIndex(d.officer1.findData(roster["officers"][0].id))
    d.officer2.setCurrentIndex(d.officer2.findData(roster["officers"][1].id))
    d.place.setText("收费处")
    d.start_button.click()
    qtbot.waitUntil(lambda: d.reinspection is not None and d.body.isEnabled(), timeout=10000)
    qtbot.waitUntil(lambda: "Before signing" in d.status.text(), timeout=10000)
    # the record's own checks are coded: the English UI words them in English
    assert "Choose the result of the re-inspection" in d.status.text()
    assert "Record what the re-inspection found" in d.status.text()

    photos = []
    for n in range(2):
        p = tmp_path / f"复查_{n}.jpg"
        p.write_bytes(exif_jpeg(seed=300 + n))
        photos.append(p)
    job = d.evidence.import_paths(photos)
    assert job is not None
    qtbot.waitUntil(lambda: d.evidence.model.rowCount() == 2, timeout=20000)
    assert all(e.reinspection_id == d.reinspection.id for e in app.evidence.list(iid, d.reinspection.id))
    assert app.evidence.list(iid) == []  # the signed record's own list is unchanged

    d.result.setCurrentIndex(d.result.findData("逾期未改"))
    d.note.setPlainText("收费系统尚未改正，仍存在串换项目收费。")
    d.save()
    settle(qtbot, w)
    qtbot.waitUntil(lambda: "Ready to sign" in d.status.text(), timeout=10000)

    # officer 1 signs: the result counts from here; the dialog then offers the countersignature
    d.signer.setCurrentIndex(d.signer.findData(roster["officers"][0].id))
    d.password.setText("wrong-password")
    d.sign_button.click()
    qtbot.waitUntil(lambda: bool(d.error.text()), timeout=20000)
    assert app.reinspections.get(d.reinspection.id).signed is False
    d.password.setText(PASSWORD)
    d.sign_button.click()
    qtbot.waitUntil(lambda: d.document is not None and "Waiting for" in d.status.text(), timeout=30000)
    assert roster["officers"][1].name in d.status.text()
    assert not d.evidence.add_button.isEnabled() and d.note.isReadOnly()
    d.signer.setCurrentIndex(d.signer.findData(roster["officers"][1].id))
    d.password.setText(PASSWORD)
    d.sign_button.click()
    qtbot.waitUntil(lambda: "every officer" in d.status.text(), timeout=30000)

    pdf = tmp_path / "复查.pdf"
    app.verification.export_record(iid, pdf, kind="reinspection")
    report = app.verification.verify(pdf)
    assert report.ok and len(report.signatures) == 2 and not report.pending_fields, report.reasons
    d.open_button.click()
    qtbot.waitUntil(lambda: d.viewer is not None and d.viewer.isVisible(), timeout=10000)
    d.viewer.close()
    d.reject()

    qtbot.waitUntil(lambda: tracking.model.item(0).result == "逾期未改", timeout=10000)
    assert "Not rectified" in tracking.model.index(0, 3).data()
    assert tracking.model.item(0).overdue  # 逾期未改 stays overdue on the dashboard
