"""Qt's own words (file dialogs, standard buttons) in the chosen language, and Qt's dialogs instead of the
platform's when the system speaks another language."""

from __future__ import annotations

from pathlib import Path

import pytest


def test_qt_file_dialog_speaks_chinese(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QLibraryInfo, QLocale, Qt
    from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QLabel, QPushButton, QWidget

    from inspector_app.ui import i18n

    qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    assert (qt_dir / "qtbase_zh_CN.qm").is_file(), f"PySide6 ships no qtbase_zh_CN.qm in {qt_dir}"
    app = QApplication.instance()
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("en_US")))  # an English desktop
    translators = i18n.install_translators(app, "zh_CN", tmp_path)
    try:
        assert app.testAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs)
        dialog = QFileDialog(None, "选择文件", str(tmp_path))
        qtbot.addWidget(dialog)
        texts = {w.objectName(): w.text() for w in dialog.findChildren(QLabel) + dialog.findChildren(QPushButton)}
        assert texts["lookInLabel"] == "查找范围(&L)："  # a gap in Qt's catalogue, filled by ours (ui/qt_gaps.py)
        assert texts["fileTypeLabel"] == "文件类型(&T)："
        assert texts["fileNameLabel"] == "文件名称(&N)："  # Qt's own catalogue
        buttons = dialog.findChild(QDialogButtonBox, "buttonBox")
        assert "取消" in {b.text() for b in buttons.findChildren(QPushButton)}
        english = sorted(f"{w.objectName()}: {text}" for w in dialog.findChildren(QWidget)
                         for text in (getattr(w, "text", lambda: "")(), w.toolTip())
                         if isinstance(text, str) and text.isascii() and any(c.isalpha() for c in text))
        assert not english, english
    finally:
        for t in translators:
            app.removeTranslator(t)
        app.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, False)


def test_native_dialogs_when_the_system_speaks_the_chosen_language(tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                   monkeypatch: pytest.MonkeyPatch, qapp) -> None:
    from PySide6.QtCore import QLocale, Qt

    from inspector_app.ui import i18n

    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("zh_CN")))
    translators = i18n.install_translators(qapp, "zh_CN", tmp_path)
    try:
        assert not qapp.testAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs)
    finally:
        for t in translators:
            qapp.removeTranslator(t)
