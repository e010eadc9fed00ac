"""A signature is made in the signing child process, so it can be cancelled from its progress dialog: the child is
stopped, nothing is signed or stored, the dialog says so and the officer can sign again."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QPushButton

from inspector_app.services.signature_art import demo_strokes, strokes_to_png
from inspector_app.services.signing import PartySignoff
from inspector_app.ui import signing_state
from inspector_app.ui.dialogs.sign_dialog import SignDialog
from tests.helpers import lead
from tests.ui.conftest import settle, when_modal
from tests.ui.test_signing_ui import PASSWORD, awaiting_signature, give_keys, open_signing, org_ca  # noqa: F401


def test_cancel_from_the_progress_dialog_signs_nothing(app, roster, window, qtbot, org_ca) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    give_keys(app, roster, org_ca)
    iid = awaiting_signature(app, roster)
    o1 = roster["officers"][0]
    s = demo_strokes(5)
    app.signing.capture_signature(lead(roster), iid, "party", "周一鸣", s, strokes_to_png(s))
    app.signing.record_party_signoff(lead(roster), iid, PartySignoff(refused=False, signer_name="周一鸣"))
    for n, o in enumerate(roster["officers"][:2]):
        s = demo_strokes(n)
        app.signing.capture_signature(lead(roster), iid, "officer", o.name, s, strokes_to_png(s), o.id)
    page = open_signing(qtbot, window, iid)
    qtbot.waitUntil(lambda: not page.state.missing, timeout=10000)
    seen: dict[str, Any] = {}

    def sign_then_cancel(dialog: SignDialog) -> None:
        assert dialog.progress.cancellable  # the desktop app signs in the child process
        dialog.select_officer(o1.id)
        dialog.password.setText(PASSWORD)
        dialog.sign_button.click()
        progress = dialog.progress.dialog
        assert progress is not None
        cancel = progress.findChild(QPushButton)
        assert cancel is not None and cancel.text() == "Cancel"
        cancel.click()
        qtbot.waitUntil(lambda: not dialog._busy, timeout=60000)
        seen.update(error=dialog.error.text(), document=dialog.document, visible=dialog.isVisible(),
                    enabled=dialog.sign_button.isEnabled())

    when_modal(SignDialog, sign_then_cancel, timeout_ms=20000)
    page.sign_button.click()
    settle(qtbot, window)
    assert seen["document"] is None and seen["visible"] and seen["enabled"]
    assert "cancelled" in seen["error"]
    state = signing_state.load(app, iid)
    assert not state.documents and not state.frozen  # nothing signed, nothing stored, the record not frozen
    assert app.queries.summary(iid).status == "awaiting_signature"
