"""The kept file dialogs (ui/file_dialogs.py): one per purpose and window, built ahead, reused as if new."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.ui.conftest import when_modal


@pytest.fixture
def qt_dialogs(qapp):  # type: ignore[no-untyped-def]
    """Qt's own dialogs (what the app uses when the system speaks another language, and on a bare X server)."""
    from PySide6.QtCore import Qt

    before = qapp.testAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs)
    qapp.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)
    yield
    qapp.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, before)


def _name_edit(dialog: Any) -> Any:
    from PySide6.QtWidgets import QLineEdit

    return dialog.findChild(QLineEdit, "fileNameEdit")


def _choose(text: str) -> Any:
    """What the officer does in the dialog: type `text` in the name field, then accept."""

    def act(dialog: Any) -> None:
        _name_edit(dialog).setText(text)
        dialog.accept()

    return act


def test_open_dialog_is_kept_and_comes_back_empty(qtbot, qt_dialogs, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFileDialog, QWidget

    from inspector_app.ui.file_dialogs import EVIDENCE, FileDialogs

    for name in ("a.jpg", "b.jpg", "c.png"):
        (tmp_path / name).write_bytes(b"x")
    window = QWidget()
    qtbot.addWidget(window)
    child = QWidget(window)
    dialogs = FileDialogs.of(child)
    assert FileDialogs.of(window) is dialogs  # one set per top-level window
    seen: list[Any] = []

    def choose(text: str) -> Any:
        def act(dialog: Any) -> None:
            seen.append((dialog, dialog.windowTitle(), _name_edit(dialog).text(), dialog.directory().absolutePath()))
            _choose(text)(dialog)
        return act

    when_modal(QFileDialog, choose('"a.jpg" "b.jpg"'))
    first = dialogs.open_file_names(EVIDENCE, "Add evidence", str(tmp_path), "Images (*.jpg *.png)")
    assert sorted(Path(p).name for p in first) == ["a.jpg", "b.jpg"]
    when_modal(QFileDialog, choose('"c.png"'))
    second = dialogs.open_file_names(EVIDENCE, "Add evidence again", str(tmp_path), "Images (*.jpg *.png)")
    assert [Path(p).name for p in second] == ["c.png"]  # only this time's choice
    (d1, _t1, typed1, dir1), (d2, title2, typed2, dir2) = seen
    assert d1 is d2  # the same dialog, not a new one
    assert typed1 == "" and typed2 == ""  # the last choice is not proposed again
    assert Path(dir1) == Path(dir2) == tmp_path
    assert title2 == "Add evidence again"
    when_modal(QFileDialog, lambda dialog: dialog.reject())
    assert dialogs.open_file_names(EVIDENCE, "Add evidence", str(tmp_path), "Images (*.jpg *.png)") == []
    assert not d1.isVisible()


def test_save_dialog_proposes_the_name_and_returns_the_path(qtbot, qt_dialogs, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFileDialog, QWidget

    from inspector_app.ui.file_dialogs import EXPORT_PDF, FileDialogs

    window = QWidget()
    qtbot.addWidget(window)
    dialogs = FileDialogs.of(window)
    proposed: list[str] = []

    def keep_proposal(dialog: Any) -> None:
        proposed.append(_name_edit(dialog).text())
        assert dialog.acceptMode() == QFileDialog.AcceptMode.AcceptSave
        dialog.accept()

    when_modal(QFileDialog, keep_proposal)
    chosen = dialogs.save_file_name(EXPORT_PDF, "Export signed PDF", str(tmp_path / "记录-1.pdf"), "PDF (*.pdf)")
    assert proposed == ["记录-1.pdf"]
    assert Path(chosen) == tmp_path / "记录-1.pdf"
    when_modal(QFileDialog, _choose(str(tmp_path / "other.pdf")))
    assert Path(dialogs.save_file_name(EXPORT_PDF, "Export signed PDF", str(tmp_path / "记录-2.pdf"),
                                       "PDF (*.pdf)")) == tmp_path / "other.pdf"
    when_modal(QFileDialog, lambda dialog: dialog.reject())
    assert dialogs.save_file_name(EXPORT_PDF, "Export signed PDF", str(tmp_path / "x.pdf"), "PDF (*.pdf)") == ""
    assert len(dialogs.dialogs) == 1


def test_dialogs_are_built_ahead_one_per_turn(qtbot, qt_dialogs) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QWidget

    from inspector_app.ui.file_dialogs import AHEAD, FileDialogs

    window = QWidget()
    qtbot.addWidget(window)
    dialogs = FileDialogs.of(window)
    dialogs.prepare()
    assert dialogs.dialogs == {}  # nothing in the calling turn
    qtbot.waitUntil(lambda: len(dialogs.dialogs) == 1, timeout=2000)
    qtbot.waitUntil(lambda: set(dialogs.dialogs) == set(AHEAD), timeout=2000)
    assert all(d.parent() is window and not d.isVisible() for d in dialogs.dialogs.values())


def test_the_window_builds_its_inspection_file_dialogs_ahead(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.ui.file_dialogs import AHEAD, FileDialogs

    window.inspection_page  # noqa: B018 - made on demand (as when an inspection is opened)
    qtbot.waitUntil(lambda: set(FileDialogs.of(window).dialogs) == set(AHEAD), timeout=5000)


def _typed(qtbot: Any, edit: Any, text: str) -> None:
    from PySide6.QtTest import QTest

    for ch in text:
        QTest.keyClick(edit, ch)


def test_the_name_field_completes_a_typed_folder_listed_off_the_gui_thread(qtbot, qt_dialogs, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                           monkeypatch) -> None:
    import threading

    from PySide6.QtWidgets import QWidget

    import inspector_app.ui.file_dialogs as file_dialogs
    from inspector_app.ui.file_dialogs import EVIDENCE, FileDialogs, FolderCompleter

    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "p01.jpg").write_bytes(b"x")
    (tmp_path / "photos" / "p02.jpg").write_bytes(b"x")
    (tmp_path / "photos" / "sub").mkdir()
    (tmp_path / "photos" / ".hidden").write_bytes(b"x")
    listed_on: list[bool] = []
    real = file_dialogs._listing

    def listing(*args: Any) -> list[str]:
        listed_on.append(threading.current_thread() is threading.main_thread())
        return real(*args)

    monkeypatch.setattr(file_dialogs, "_listing", listing)
    window = QWidget()
    qtbot.addWidget(window)
    dialog = FileDialogs.of(window).dialog(EVIDENCE)
    dialog.setDirectory(str(tmp_path))
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    edit = _name_edit(dialog)
    completer = edit.completer()
    assert isinstance(completer, FolderCompleter)  # Qt's own completer (listing on the GUI thread) replaced
    edit.setFocus()
    _typed(qtbot, edit, f"{tmp_path}/photos/p")
    qtbot.waitUntil(lambda: completer.names.rowCount() == 3, timeout=3000)
    assert completer.names.stringList() == [f"{tmp_path}/photos/{n}" for n in ("p01.jpg", "p02.jpg", "sub/")]
    assert listed_on and not any(listed_on)  # the folders were read on a worker thread
    # what the popup offers once the folder is read: p01.jpg and p02.jpg (the name typed filters)
    qtbot.waitUntil(lambda: completer.completionPrefix() == edit.text(), timeout=3000)
    assert completer.completionCount() == 2
    # a name without a folder completes in the dialog's folder, as Qt's completer did
    edit.clear()
    _typed(qtbot, edit, "ph")
    qtbot.waitUntil(lambda: completer.names.stringList() == ["photos/"], timeout=3000)
    dialog.hide()


def test_a_reused_dialog_completes_from_scratch(qtbot, qt_dialogs, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFileDialog, QWidget

    from inspector_app.ui.file_dialogs import EVIDENCE, FileDialogs

    (tmp_path / "a.jpg").write_bytes(b"x")
    window = QWidget()
    qtbot.addWidget(window)
    dialogs = FileDialogs.of(window)

    def type_then_cancel(dialog: Any) -> None:
        edit = _name_edit(dialog)
        edit.setFocus()
        _typed(qtbot, edit, f"{tmp_path}/")
        qtbot.waitUntil(lambda: edit.completer().names.rowCount() == 1, timeout=3000)
        dialog.reject()

    when_modal(QFileDialog, type_then_cancel)
    assert dialogs.open_file_names(EVIDENCE, "Add evidence", str(tmp_path), "Images (*.jpg)") == []
    completer = _name_edit(dialogs.dialog(EVIDENCE)).completer()
    when_modal(QFileDialog, lambda d: (seen.append(completer.names.rowCount()), d.reject()))
    seen: list[int] = []
    dialogs.open_file_names(EVIDENCE, "Add evidence", str(tmp_path), "Images (*.jpg)")
    assert seen == [0] and completer.shown_as is None  # nothing of the last use's folder comes back
