"""Sign-in dialog, idle lock, Ctrl+L, unlock with the password, switch officer — as the officer and as someone
who finds an unattended laptop would meet them."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit

from inspector_app.services.signin import WorkspaceKeys
from tests.signin_helpers import INSPECTOR_PASSWORD, LEAD_PASSWORD, keyed, sign_in_as_inspector  # noqa: F401
from tests.ui.conftest import settle


def _dialog(keys: WorkspaceKeys) -> Any:
    from inspector_app.ui.dialogs.officer_dialog import OfficerSignInDialog

    return OfficerSignInDialog(keys.officers(), lambda o, pw: keys.unlock(o.officer_id, pw))


def test_sign_in_dialog_names_roles_certificates_wrong_password_and_quit(keyed, qtbot) -> None:  # type: ignore[no-untyped-def]
    keys = keyed["keys"]
    dialog = _dialog(keys)
    qtbot.addWidget(dialog)
    dialog.show()
    texts = [dialog.list.item(n).text() for n in range(dialog.list.count())]
    assert texts == ["沈听澜　Team lead　Certificate 测执00009", "陈明哲　Inspector　Certificate 测执00000"]
    for n in range(dialog.list.count()):  # one choice: no checkboxes
        assert not dialog.list.item(n).flags() & Qt.ItemFlag.ItemIsUserCheckable
    assert dialog.list.selectionMode() == dialog.list.SelectionMode.SingleSelection
    dialog.list.setCurrentRow(1)
    dialog.password.setText("not-the-password")
    dialog.sign_in_button.click()
    qtbot.waitUntil(lambda: "Wrong password" in dialog.message.text(), timeout=15000)
    assert dialog.isVisible() and dialog.key is None
    dialog.password.setText(INSPECTOR_PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=15000):
        dialog.sign_in_button.click()
    assert dialog.key == keyed["key"] and dialog.officer.name == "陈明哲"
    assert dialog.password.text() == ""  # the password does not linger in the widget

    quitting = _dialog(keys)
    qtbot.addWidget(quitting)
    quitting.show()
    assert quitting.quit_button.text() == "&Quit"
    with qtbot.waitSignal(quitting.rejected, timeout=5000):
        quitting.quit_button.click()
    assert quitting.result() == QDialog.DialogCode.Rejected and quitting.key is None


def _window(app: Any, keyed: dict[str, Any], qtbot: Any, idle_seconds: int = 600, who: str = "inspector") -> Any:
    from inspector_app.services.signin import SignInOfficer
    from inspector_app.ui.launch import SignedIn, build_window
    from inspector_app.ui.settings import UiSettings

    settings = UiSettings(app.paths.settings_file)
    settings.set_idle_lock_seconds(idle_seconds)
    o = keyed[who]
    officer = SignInOfficer(o.id, o.name, o.role, o.certificate_no)
    w = build_window(app, officer.actor(), "en", settings, role=o.role,
                     signed_in=SignedIn(keyed["keys"], officer, keyed["key"]))
    qtbot.addWidget(w)
    w.show()
    return w


def _data_hidden(w: Any) -> bool:
    lc = w.lock_controller
    cover = lc._covers[0]
    return (lc.locked and not w.stack.isVisible() and not w.list_page.isVisible() and not w.menuBar().isVisible()
            and cover.isVisible() and cover.geometry() == w.rect())


def _session(app: Any) -> list[tuple[str, str, Any]]:
    return [(e.actor, e.event_type, e.payload.get("reason")) for e in app.journal.events("session")]


def test_idle_lock_hides_the_data_and_needs_the_password(app, keyed, roster, qtbot) -> None:  # type: ignore[no-untyped-def]
    from tests.helpers import new_inspection

    new_inspection(app, roster)
    w = _window(app, keyed, qtbot, idle_seconds=1)
    qtbot.waitUntil(lambda: w.list_page.proxy.rowCount() == 1, timeout=10000)
    lc = w.lock_controller
    qtbot.waitUntil(lambda: lc.locked, timeout=10000)
    assert _data_hidden(w)
    assert "测试" not in w.windowTitle()
    dialog = lc.dialog
    assert dialog is not None and dialog.isVisible() and dialog.list.count() == 1 and not dialog.list.isVisible()
    assert "陈明哲" in dialog.findChild(QLabel).text() and dialog.sign_in_button.text() == "&Unlock"
    dialog.password.setText("wrong-password-1")
    dialog.sign_in_button.click()
    qtbot.waitUntil(lambda: "Wrong password" in dialog.message.text(), timeout=15000)
    assert _data_hidden(w)
    dialog.password.setText(LEAD_PASSWORD)  # another officer's password does not unlock this officer's session
    dialog.sign_in_button.click()
    qtbot.waitUntil(lambda: "Wrong password" in dialog.message.text() and dialog.sign_in_button.isEnabled(),
                    timeout=15000)
    assert lc.locked
    dialog.password.setText(INSPECTOR_PASSWORD)
    dialog.sign_in_button.click()
    qtbot.waitUntil(lambda: not lc.locked, timeout=15000)
    assert w.stack.isVisible() and w.list_page.isVisible() and w.menuBar().isVisible()
    settle(qtbot, w)
    assert [e[1:] for e in _session(app)][:2] == [("session.lock", "idle"), ("session.unlock", None)]
    assert _session(app)[0][0].startswith("陈明哲")
    lc.set_idle_seconds(600)
    w.close()


def test_input_in_any_window_keeps_the_idle_lock_away_once_the_frame_has_painted(app, keyed, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The app-wide input watch comes after the window's first paint (not in the step that shows the frame,
    issue 17); from then on typing in another window (a dialog) restarts the idle timer as before."""
    w = _window(app, keyed, qtbot, idle_seconds=2)
    lc = w.lock_controller
    qtbot.waitUntil(lambda: lc._watching_app, timeout=5000)
    other = QDialog(w)
    edit = QLineEdit(other)
    other.show()
    for _ in range(8):  # 3.2 s of typing in the dialog: longer than the 2 s idle period
        qtbot.keyClick(edit, Qt.Key.Key_A)
        qtbot.wait(400)
        assert not lc.locked
    qtbot.waitUntil(lambda: lc.locked, timeout=10000)  # and the lock still comes once the typing stops
    lc.set_idle_seconds(600)
    lc.dialog.reject()
    qtbot.waitUntil(lambda: not w.isVisible(), timeout=10000)


def test_ctrl_l_locks(app, keyed, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = _window(app, keyed, qtbot)
    assert w.actions_.lock.shortcut() == QKeySequence("Ctrl+L")
    assert w.actions_.show_list.shortcut() != QKeySequence("Ctrl+L")
    w.activateWindow()
    qtbot.waitUntil(lambda: w.isActiveWindow(), timeout=5000)
    qtbot.keyClick(w.list_page, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: w.lock_controller.locked, timeout=5000)
    assert _data_hidden(w)
    w.lock_controller.dialog.reject()
    qtbot.waitUntil(lambda: not w.isVisible(), timeout=10000)


def test_lock_covers_an_open_dialog_too(app, keyed, qtbot) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.ui.lock import LockCover

    w = _window(app, keyed, qtbot)
    other = QDialog(w)
    other.resize(400, 300)
    QLabel("测试市人民医院 — personal data", other)
    other.open()  # e.g. a dialog the officer left open
    qtbot.waitUntil(other.isVisible, timeout=5000)
    w.actions_.lock.trigger()
    qtbot.waitUntil(lambda: w.lock_controller.dialog is not None, timeout=5000)
    covers = [c for c in other.findChildren(LockCover) if c.isVisible()]
    assert covers and covers[0].geometry() == other.rect() and other.isVisible()  # kept open, work not lost
    dialog = w.lock_controller.dialog
    dialog.password.setText(INSPECTOR_PASSWORD)
    dialog.sign_in_button.click()
    qtbot.waitUntil(lambda: not w.lock_controller.locked, timeout=15000)
    assert not [c for c in other.findChildren(LockCover) if c.isVisible()] and other.isVisible()
    other.reject()
    w.close()


def test_quit_on_the_lock_screen_closes_the_window(app, keyed, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = _window(app, keyed, qtbot)
    w.actions_.lock.trigger()
    qtbot.waitUntil(lambda: w.lock_controller.locked, timeout=5000)
    settle(qtbot, w)
    assert _session(app)[-1][1:] == ("session.lock", "manual")
    w.lock_controller.dialog.reject()  # Quit from the lock screen closes the window
    qtbot.waitUntil(lambda: not w.isVisible(), timeout=10000)


def test_switch_officer_is_sign_out_then_sign_in_and_a_lead_gets_the_lead_buttons(app, keyed, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = _window(app, keyed, qtbot)
    assert not w.ops.is_team_lead and not w.review_page.approve_button.isEnabled()
    lc = w.lock_controller
    w.actions_.switch_officer.trigger()
    qtbot.waitUntil(lambda: lc.dialog is not None and lc.dialog.isVisible(), timeout=10000)
    assert _data_hidden(w)
    dialog = lc.dialog
    names = [dialog.list.item(n).text() for n in range(dialog.list.count())]
    assert names[0].startswith("沈听澜") and any("许若溪" in n and "no password yet" in n for n in names)
    dialog.list.setCurrentRow(0)
    dialog.password.setText(LEAD_PASSWORD)
    dialog.sign_in_button.click()
    qtbot.waitUntil(lambda: not lc.locked, timeout=15000)
    assert w.ops.actor.name == "沈听澜" and w.ops.is_team_lead
    assert "沈听澜" in w.status_user.text()
    settle(qtbot, w)
    events = _session(app)
    assert [e[1] for e in events] == ["session.sign_out", "session.sign_in"]
    assert events[0][0].startswith("陈明哲") and events[1][0].startswith("沈听澜")
    w.close()


def test_first_use_password_for_an_officer_without_a_slot(app, keyed, roster, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = _window(app, keyed, qtbot, who="lead")
    lc = w.lock_controller
    w.actions_.switch_officer.trigger()
    qtbot.waitUntil(lambda: lc.dialog is not None and lc.dialog.isVisible(), timeout=10000)
    dialog = lc.dialog
    row = next(n for n in range(dialog.list.count()) if "许若溪" in dialog.list.item(n).text())
    dialog.list.setCurrentRow(row)
    assert dialog.confirm.isVisible()
    dialog.password.setText("xu-first-pass")
    dialog.confirm.setText("xu-first-typo")
    dialog.sign_in_button.click()
    assert "differ" in dialog.message.text()
    dialog.confirm.setText("xu-first-pass")
    dialog.sign_in_button.click()
    qtbot.waitUntil(lambda: not lc.locked, timeout=15000)
    assert w.ops.actor.name == "许若溪" and not w.ops.is_team_lead
    assert keyed["keys"].unlock(roster["officers"][1].id, "xu-first-pass") == keyed["key"]
    settle(qtbot, w)
    assert [e[1] for e in _session(app)] == ["session.sign_out", "session.password_set", "session.sign_in"]
    w.close()


@pytest.mark.parametrize("button", ["quit"])
def test_cancelling_the_switch_quits_explicitly(app, keyed, qtbot, button) -> None:  # type: ignore[no-untyped-def]
    w = _window(app, keyed, qtbot)
    lc = w.lock_controller
    w.actions_.switch_officer.trigger()
    qtbot.waitUntil(lambda: lc.dialog is not None and lc.dialog.isVisible(), timeout=10000)
    assert lc.dialog.quit_button.text() == "&Quit"
    lc.dialog.quit_button.click()
    qtbot.waitUntil(lambda: not w.isVisible(), timeout=10000)


def test_launch_signs_in_then_builds_the_context_on_a_worker(app, keyed, qtbot) -> None:  # type: ignore[no-untyped-def]
    """`inspector` itself: sign-in dialog → unlock off the UI thread → build_context(workspace_key=key) on a
    worker thread → main window as that officer, the sign-in journaled."""
    import threading

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from inspector_app.ui import launch
    from inspector_app.ui.dialogs.officer_dialog import OfficerSignInDialog
    from inspector_app.ui.main_window import MainWindow

    built: dict[str, Any] = {}

    def build(key: bytes | None) -> Any:
        built["key"], built["thread"] = key, threading.current_thread() is threading.main_thread()
        return app

    seen: dict[str, Any] = {}

    def poll() -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, OfficerSignInDialog) and "dialog" not in seen:
            seen["dialog"] = modal
            sign_in_as_inspector(modal)
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if windows:
            w = windows[0]
            seen["actor"], seen["role"] = w.ops.actor.name, w.ops.role
            seen["lock"] = getattr(w, "lock_controller", None) is not None
            w.ops.runner.wait()
            w.close()
            return
        QTimer.singleShot(50, poll)

    QTimer.singleShot(0, poll)
    assert launch.run(build, lang="en", paths=app.paths) == 0
    assert built == {"key": keyed["key"], "thread": False}
    assert seen["actor"] == "陈明哲" and seen["role"] == "inspector" and seen["lock"]
    assert [(e.actor.split("(")[0], e.event_type, e.payload.get("reason"))
            for e in app.journal.events("session")] == [("陈明哲", "session.sign_in", None),
                                                        ("陈明哲", "session.sign_out", "quit")]


def test_quitting_the_launch_sign_in_says_so_and_opens_nothing(app, keyed, qtbot, capsys) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from inspector_app.ui import launch
    from inspector_app.ui.dialogs.officer_dialog import OfficerSignInDialog

    def poll() -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, OfficerSignInDialog):
            modal.quit_button.click()
            return
        QTimer.singleShot(50, poll)

    QTimer.singleShot(0, poll)
    assert launch.run(lambda key: pytest.fail("nothing is opened"), lang="en", paths=app.paths) == 0
    assert "Sign-in cancelled" in capsys.readouterr().err
    assert app.journal.events("session") == []


def test_first_start_sets_up_the_first_officer_then_opens_the_window(app, roster, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from inspector_app.ui import launch
    from inspector_app.ui.dialogs.setup_dialog import SetupDialog
    from inspector_app.ui.main_window import MainWindow
    from tests.signin_helpers import recovery_pair

    pub = tmp_path / "agency-recovery-public.pem"
    pub.write_bytes(recovery_pair()[1])
    keys = WorkspaceKeys(app.paths.keys_dir)
    seen: dict[str, Any] = {}

    def poll() -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, SetupDialog) and "setup" not in seen:
            seen["setup"] = True
            modal.key_path.setText(str(tmp_path / "missing.pem"))
            modal.password.setText("first-pass-1")
            modal.confirm.setText("first-pass-1")
            modal._ok()
            seen["missing"] = modal.message.text()
            modal.key_path.setText(str(pub))
            modal.officer.setCurrentIndex(1)
            modal._ok()
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if windows:
            seen["actor"] = windows[0].ops.actor.name
            windows[0].ops.runner.wait()
            windows[0].close()
            return
        QTimer.singleShot(50, poll)

    QTimer.singleShot(0, poll)
    assert launch.run(lambda key: app, lang="en", paths=app.paths) == 0
    assert "Recovery public key" in seen["missing"]
    assert seen["actor"] == roster["officers"][1].name
    [o] = keys.officers()
    assert o.officer_id == roster["officers"][1].id
    assert [e.event_type for e in app.journal.events("session")] == ["session.password_set", "session.sign_in",
                                                                      "session.sign_out"]


def test_change_password_rewraps_the_officers_slot(app, keyed, qtbot) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.services.signin import WrongPasswordError
    from inspector_app.ui.dialogs.password_dialog import ChangePasswordDialog
    from tests.ui.conftest import when_modal

    w = _window(app, keyed, qtbot)

    def fill(old: str) -> Any:
        def action(dialog: ChangePasswordDialog) -> None:
            dialog.old.setText(old)
            dialog.new.setText("short")
            dialog.confirm.setText("short")
            dialog._ok()
            assert "at least 8 characters" in dialog.message.text() and dialog.isVisible()  # source language
            dialog.new.setText("changed-pass-1")
            dialog.confirm.setText("changed-pass-1")
            dialog._ok()
        return action

    from PySide6.QtWidgets import QMessageBox

    warnings: list[str] = []
    when_modal(ChangePasswordDialog, fill("not-my-password"))
    when_modal(QMessageBox, lambda box: warnings.append(box.text()), timeout_ms=20000)
    w.actions_.change_password.trigger()
    qtbot.waitUntil(lambda: bool(warnings), timeout=20000)
    assert warnings == ["The current password is wrong."]
    settle(qtbot, w)
    with pytest.raises(WrongPasswordError):
        keyed["keys"].unlock(keyed["inspector"].id, "changed-pass-1")
    when_modal(ChangePasswordDialog, fill(INSPECTOR_PASSWORD))
    w.actions_.change_password.trigger()
    qtbot.waitUntil(lambda: "Password changed" in w.statusBar().currentMessage(), timeout=15000)
    assert keyed["keys"].unlock(keyed["inspector"].id, "changed-pass-1") == keyed["key"]
    settle(qtbot, w)
    assert [e.event_type for e in app.journal.events("session")] == ["session.password_set"]
    w.close()
