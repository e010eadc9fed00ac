"""The team lead's screens: review queue → approve (countersignature), outcome, rectification overdue, dashboard."""

from __future__ import annotations

import shutil
import subprocess
from typing import Any

from PySide6.QtWidgets import QInputDialog, QLineEdit

from inspector_app.services.context import Actor
from inspector_app.ui.dialogs.outcome_dialog import OutcomeDialog
from tests.helpers import lead
from tests.services.test_review_service import signed
from tests.services.test_signing_service import PASSWORD, org_ca  # noqa: F401
from tests.ui.conftest import settle, when_modal


def lead_window(app: Any, roster: dict[str, Any], qtbot: Any) -> Any:
    from inspector_app.ui.launch import build_window

    boss = roster["lead"]
    w = build_window(app, Actor(boss.name, boss.id), "en")
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.ops.is_team_lead, timeout=10000)  # the role is read from the roster off-thread
    return w


def select_first(w: Any, qtbot: Any) -> None:
    page = w.review_page
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 1, timeout=10000)
    page.view.setCurrentIndex(page.proxy.index(0, 0))
    qtbot.waitUntil(lambda: page.current is not None, timeout=10000)


def test_lead_approves_then_tracks_rectification(app, roster, org_ca, qtbot, tmp_path, clock) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    iid = signed(app, roster, org_ca)
    app.documents.create_notice(lead(roster), iid, deadline=dt.date(2026, 12, 1),
                                officer_id=roster["officers"][0].id, password=PASSWORD)
    app.review.submit(lead(roster), iid)
    w = lead_window(app, roster, qtbot)
    w.show_review()
    select_first(w, qtbot)
    page = w.review_page
    assert page.start_button.isEnabled() and not page.approve_button.isEnabled()
    page.start_button.click()
    settle(qtbot, w)
    qtbot.waitUntil(lambda: page.approve_button.isEnabled(), timeout=10000)
    page.comment.setText("金额已核对。")
    page.comment.returnPressed.emit()
    settle(qtbot, w)

    def password(dialog: QInputDialog) -> None:
        dialog.setTextValue(PASSWORD)
        dialog.accept()

    when_modal(QInputDialog, password)
    page.approve_button.click()
    qtbot.waitUntil(lambda: app.queries.summary(iid).status == "approved", timeout=20000)
    settle(qtbot, w)
    pdf = app.verification.export_record(iid, tmp_path / "approved.pdf")
    report = app.verification.verify(pdf)
    assert report.ok and len(report.signatures) == 3, report.reasons
    if shutil.which("pdfsig"):
        assert subprocess.run(["pdfsig", str(pdf)], capture_output=True, text=True).stdout.count(
            "Signature is Valid.") == 3

    def outcome(dialog: OutcomeDialog) -> None:
        assert "第三十八条" in dialog.findChild(type(dialog.error), "penalty_suggestions").text()
        dialog.fine.setText("1500")
        dialog.accept()

    qtbot.waitUntil(lambda: page.outcome_button.isEnabled(), timeout=10000)
    when_modal(OutcomeDialog, outcome)
    page.outcome_button.click()
    qtbot.waitUntil(lambda: app.queries.summary(iid).status == "rectification", timeout=20000)
    clock.advance(days=15)  # past the 2026-12-01 deadline
    w.show_tracking()
    tracking = w.tracking_page
    qtbot.waitUntil(lambda: tracking.model.rowCount() == 1, timeout=10000)
    row = tracking.model.item(0)
    assert row.overdue and "overdue" in tracking.model.index(0, 2).data()
    assert "1,500.00" in tracking.figures.text()
    w.close()


def test_an_inspector_cannot_approve(app, roster, org_ca, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A team lead's actions need a team lead's sign-in: the buttons are disabled for an inspector, and the
    service refuses the same call made anyway."""
    import pytest

    from inspector_app.domain.errors import ValidationError
    from inspector_app.ui.launch import build_window

    iid = signed(app, roster, org_ca)
    app.review.submit(lead(roster), iid)
    app.review.start_review(Actor(roster["lead"].name, roster["lead"].id), iid)
    w = build_window(app, lead(roster), "en")  # an inspector, not a team lead
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.ops.role == "inspector", timeout=10000)
    w.show_review()
    select_first(w, qtbot)
    page = w.review_page
    for button in (page.start_button, page.return_button, page.approve_button, page.outcome_button):
        assert not button.isEnabled()
        assert "team lead" in button.toolTip()
    page.approve_button.click()  # disabled: nothing happens
    settle(qtbot, w)
    with pytest.raises(ValidationError) as caught:
        app.review.approve(lead(roster), iid, PASSWORD)
    assert caught.value.code == "rules.reviewer_only"
    with pytest.raises(ValidationError) as caught:
        app.review.return_for_correction(lead(roster), iid, "理由")
    assert caught.value.code == "rules.reviewer_only"
    assert app.queries.summary(iid).status == "under_review"
    w.close()


def test_case_file_export_from_the_review_page(app, roster, org_ca, qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFileDialog

    from inspector_app.services.case_file import verify_case_file

    iid = signed(app, roster, org_ca)
    app.review.submit(lead(roster), iid)
    w = lead_window(app, roster, qtbot)
    w.show_review()
    select_first(w, qtbot)
    target = tmp_path / "案卷.zip"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    seen: list[list[str]] = []

    def choose(dialog: QInputDialog) -> None:  # who seals: the officers and the lead; the lead (you) preselected
        seen.append([dialog.comboBoxItems(), dialog.textValue()])
        dialog.accept()

    def password(dialog: QInputDialog) -> None:
        assert dialog.textEchoMode() == QLineEdit.EchoMode.Password
        dialog.setTextValue(PASSWORD)
        dialog.accept()

    when_modal(QInputDialog, choose)
    when_modal(QInputDialog, password, timeout_ms=20000)
    w.review_page.case_button.click()
    qtbot.waitUntil(target.exists, timeout=30000)
    settle(qtbot, w)
    boss = roster["lead"]
    assert seen == [[[o.name for o in roster["officers"][:2]] + [f"{boss.name} (team lead)"],
                     f"{boss.name} (team lead)"]]
    report = verify_case_file(target, app.keys.trust_roots(), app.keys.crls())
    assert report.ok, report.problems
    assert report.seal.signer == boss.name and report.manifest["sealed_by"]["role"] == "检查组组长"
    w.close()


def test_the_lead_reads_the_signed_pdf_in_the_app(app, roster, org_ca, qtbot) -> None:  # type: ignore[no-untyped-def]
    iid = signed(app, roster, org_ca)
    app.review.submit(lead(roster), iid)
    w = lead_window(app, roster, qtbot)
    w.show_review()
    select_first(w, qtbot)
    w.review_page.pdf_button.click()
    qtbot.waitUntil(lambda: getattr(w.review_page, "viewer", None) is not None, timeout=10000)
    assert w.review_page.viewer.isVisible()
    w.review_page.viewer.close()
    w.close()
