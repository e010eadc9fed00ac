"""The keyboard-first checklist: one keymap without conflicts (checked on the live window in both languages), the
shortcuts dialog, answering without the mouse, the rest of a section in one action, find, plausibility warnings
before a value is saved, required items marked and named before the end of the on-site work."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from inspector_app.ui import keymap
from inspector_app.ui.dialogs.shortcuts_dialog import ShortcutsDialog
from tests.helpers import new_inspection, start_on_site
from tests.ui.conftest import settle, when_modal
from tests.ui.keymap_audit import problems


def _open(qtbot: Any, window: Any, iid: str) -> Any:
    window.open_inspection(iid)
    settle(qtbot, window)
    page = window.inspection_page
    qtbot.waitUntil(lambda: page.checklist.model.item_indexes() != [], timeout=5000)
    return page


def _audit_every_screen(qtbot: Any, window: Any, iid: str) -> list[str]:
    found = problems(window)
    page = _open(qtbot, window, iid)
    for n in range(page.tabs.count()):
        page.tabs.setCurrentIndex(n)
        settle(qtbot, window)
        found += [f"tab {page.tabs.tabText(n)}: {p}" for p in problems(window)]
    for show in (window.show_review, window.show_tracking):
        show()
        settle(qtbot, window)
        found += problems(window)
    return found


def test_no_key_is_bound_twice_and_no_alt_letter_hides_a_menu(qtbot: Any, window: Any, app: Any,
                                                               roster: Any) -> None:
    iid = new_inspection(app, roster)
    start_on_site(app, roster, iid)
    found = _audit_every_screen(qtbot, window, iid)
    assert found == [], "\n".join(found)


@pytest.fixture
def chinese(app: Any) -> Any:
    from inspector_app.ui.i18n import install_translators
    from inspector_app.ui.launch import qt_app

    translators = install_translators(qt_app(), "zh_CN", app.paths.cache_dir)
    assert translators, "the zh_CN translation loads"
    yield
    for t in translators:
        QCoreApplication.removeTranslator(t)


def test_no_conflicts_in_chinese_either(qtbot: Any, chinese: Any, app: Any, roster: Any) -> None:
    from inspector_app.services.context import Actor
    from inspector_app.ui.launch import build_window

    o = roster["officers"][0]
    w = build_window(app, Actor(o.name, o.id), "zh_CN")
    qtbot.addWidget(w)
    w.show()
    assert [a.text() for a in w.menuBar().actions()][:4] == ["文件(&F)", "编辑(&E)", "视图(&V)", "检查表(&C)"]
    iid = new_inspection(app, roster)
    start_on_site(app, roster, iid)
    try:
        assert _audit_every_screen(qtbot, w, iid) == []
    finally:
        w.ops.runner.wait()


def test_the_keymap_is_one_table_shown_in_help(qtbot: Any, window: Any) -> None:
    ids = [b.id for b in keymap.bindings()]
    assert len(ids) == len(set(ids))
    keys = [k for b in keymap.bindings() for k in b.keys]
    assert len(keys) == len(set(keys)), "one key, one command"
    actions = {a.objectName(): a for a in window.findChildren(type(window.actions_.quit))}
    for b in keymap.bindings():  # every window action carries exactly the keymap's keys
        if b.id in actions:
            assert [s.toString() for s in actions[b.id].shortcuts()] == list(b.keys), b.id
    help_menu = window.menuBar().actions()[-1].menu()
    assert window.actions_.shortcuts in help_menu.actions()
    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    shown = {dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())}
    assert {"Ctrl+Down", "Ctrl+J", "Alt+1", "Y / N / A", "Ctrl+Shift+M", "F1"} <= shown
    dialog.show()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def _current(page: Any) -> str:
    return page.model.item_at(page.tree.currentIndex())[0].id


def _state(page: Any, item_id: str) -> str:
    for ix in page.model.item_indexes():
        item, answer = page.model.item_at(ix)
        if item.id == item_id:
            return answer.state
    raise AssertionError(item_id)


def test_a_checklist_answered_from_the_keyboard(qtbot: Any, window: Any, app: Any, roster: Any) -> None:
    iid = new_inspection(app, roster)
    start_on_site(app, roster, iid)
    page = _open(qtbot, window, iid)
    checklist = page.checklist
    page.tabs.setCurrentWidget(checklist)
    checklist.tree.setFocus()
    assert _current(checklist) == "T-01"
    # Y in the item list answers the yes/no item and moves on; no Enter needed.
    qtbot.keyClick(checklist.tree, Qt.Key.Key_Y)
    settle(qtbot, window)
    assert _state(checklist, "T-01") == "compliant" and _current(checklist) == "T-02"
    qtbot.keyClick(checklist.tree, Qt.Key.Key_N)  # T-02: "no" is compliant there
    settle(qtbot, window)
    assert _state(checklist, "T-02") == "compliant" and _current(checklist) == "T-03"
    # Enter goes into the number field; Enter there saves and moves on.
    qtbot.keyClick(checklist.tree, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: checklist.panel.editor.edit.hasFocus(), timeout=3000)
    qtbot.keyClicks(checklist.panel.editor.edit, "120")
    qtbot.keyClick(checklist.panel.editor.edit, Qt.Key.Key_Return)
    settle(qtbot, window)
    assert _state(checklist, "T-03") == "compliant" and _current(checklist) == "T-04"
    # Ctrl+Up (the menu action, the only binding) goes back; a slip is shown as typed and confirmed before saving.
    window.actions_.previous_item.trigger()
    qtbot.waitUntil(lambda: checklist.panel.editor.edit.hasFocus(), timeout=3000)
    editor = checklist.panel.editor
    qtbot.keyClick(editor.edit, Qt.Key.Key_End)  # the field has "120" selected: the stray keystrokes go after it
    qtbot.keyClicks(editor.edit, "80")
    assert editor.warning.isVisible() and "120" in editor.warning.text()
    seen = []
    when_modal(QMessageBox, lambda box: (seen.append(box.text()),
                                         next(b for b in box.buttons() if b.text() == "Correct it").click()))
    qtbot.keyClick(editor.edit, Qt.Key.Key_Return)
    settle(qtbot, window)
    assert seen and "12080" in seen[0]
    assert checklist.model.item_at(checklist.tree.currentIndex())[1].value == 120, "kept, not saved"
    assert _current(checklist) == "T-03", "stays on the item to correct it"
    assert checklist.panel.editor.edit.text() == "120", "the field shows the stored value again"
    window.activateWindow()  # the offscreen platform does not give the focus back after a modal box
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    # Find by words, then Ctrl+Shift+M marks the rest of that section compliant in one action.
    window._find()
    assert checklist.find.hasFocus()
    checklist.find.insert("负责人")
    qtbot.keyClick(checklist.find, Qt.Key.Key_Return)
    assert _current(checklist) == "T-07" and checklist.tree.hasFocus()
    before = len(app.queries.detail(iid).answers)
    window.actions_.section_compliant.trigger()
    settle(qtbot, window)
    states = {i: _state(checklist, i) for i in ("T-06", "T-07", "T-08", "T-09")}
    assert set(states.values()) == {"compliant"}, states
    assert len(app.queries.detail(iid).answers) == before
    events = [e for e in app.journal.events(iid) if e.event_type == "answer.changed"]
    assert {"T-06", "T-07", "T-08", "T-09"} <= {e.payload["item"] for e in events}, "each item journaled"
    assert app.journal.verify(iid).ok


def test_required_items_are_marked_and_named_before_the_end(qtbot: Any, window: Any, app: Any,
                                                            roster: Any) -> None:
    iid = new_inspection(app, roster)
    start_on_site(app, roster, iid)
    page = _open(qtbot, window, iid)
    model = page.checklist.model
    first = model.item_indexes()[0]
    assert model.data(first).startswith("* T-01")
    assert model.data(first, Qt.ItemDataRole.FontRole).bold()
    assert "required" in page.checklist.counts.text()
    assert "signing.on_site_not_finished" in [p.code for p in app.signing.readiness(iid)]
    assert any(p.code == "inspection.required_unanswered" and "T-01" in p.params["items"]
               for p in app.signing.readiness(iid))
    seen = []

    def go_first(box: QMessageBox) -> None:
        seen.append(box.text())
        next(b for b in box.buttons() if b.text() == "Go to the first").click()

    when_modal(QMessageBox, go_first)
    qtbot.keyClick(page, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert "T-01" in seen[0] and "required" in seen[0]
    settle(qtbot, window)
    assert page.tabs.currentWidget() is page.checklist and _current(page.checklist) == "T-01"
    assert app.queries.detail(iid).summary.status == "on_site", "nothing was attempted"
    assert QApplication.activeModalWidget() is None


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_the_first_start_and_sign_in_dialogs_have_working_unique_mnemonics(qtbot: Any, app: Any, roster: Any,
                                                                          tmp_path: Any, lang: str) -> None:
    """The first dialogs a new user meets: the set-up dialog printed "恢复公钥(&R)" (its label had no buddy) and
    gave Alt+R twice (with 再次输入密码(&R)). Checked with and without a roster, in both languages."""
    from inspector_app.ui.dialogs.officer_dialog import OfficerSignInDialog
    from inspector_app.ui.dialogs.setup_dialog import SetupDialog
    from inspector_app.ui.i18n import install_translators
    from inspector_app.ui.launch import qt_app
    from tests.ui.keymap_audit import dialog_problems

    translators = install_translators(qt_app(), lang, app.paths.cache_dir)
    try:
        officers = app.roster.officers()
        dialogs = [SetupDialog(officers, tmp_path / "none.pem"), SetupDialog([], tmp_path / "none.pem"),
                   OfficerSignInDialog([], lambda _o, _p: b"")]
        for dialog in dialogs:
            qtbot.addWidget(dialog)
            dialog.show()
            assert dialog_problems(dialog) == [], type(dialog).__name__
    finally:
        for t in translators:
            QCoreApplication.removeTranslator(t)
