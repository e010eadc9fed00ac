"""Translations: English source strings, zh_CN from resources/i18n/*.ts compiled to .qm.

An installed package ships compiled .qm files (setup.py compiles them); a source checkout compiles the .ts into
the cache directory on first use, kept under the .ts's content stamp (see `_compiled`), so no generated file is
committed and no later start runs lrelease."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from PySide6 import __file__ as _pyside_file
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator

from inspector_app.resources import resources_dir

LANGUAGES = {"zh_CN": "简体中文", "en": "English"}


def default_language() -> str:
    """Chinese unless the system names another language: the users are officers of Chinese agencies, and the "C"
    (POSIX) locale of a machine whose locale was never set (fresh installs, containers, LANG=C.UTF-8) is no
    preference for English. English for any other named language, the only other translation."""
    language = QLocale.system().language()
    return "zh_CN" if language in (QLocale.Language.Chinese, QLocale.Language.C) else "en"


def _compiled(lang: str, cache_dir: Path) -> Path | None:
    """The .qm to load, without running lrelease whenever one is already there: the shipped one (an installed
    package or the PyInstaller build compile it at build time, setup.py / packaging/inspector.spec) unless the .ts
    beside it is newer (a source checkout being edited), else one compiled before into the cache under the .ts's
    content stamp — so a checkout, a branch switch or a `touch` that leaves the words alone compiles nothing. Only
    a .ts never compiled before runs lrelease (once, before the first window)."""
    src_dir = resources_dir() / "i18n"
    shipped = src_dir / f"inspector_{lang}.qm"
    ts = src_dir / f"inspector_{lang}.ts"
    if shipped.exists() and (not ts.exists() or shipped.stat().st_mtime >= ts.stat().st_mtime):
        return shipped
    if not ts.exists():
        return None
    stamp = hashlib.sha256(ts.read_bytes()).hexdigest()[:16]
    out = cache_dir / "i18n" / f"inspector_{lang}-{stamp}.qm"
    if out.exists():
        return out
    import subprocess  # only for a .ts never compiled before: not on every start's way to the first window

    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_suffix(f".{os.getpid()}.tmp")
    lrelease = Path(_pyside_file).parent / "lrelease"
    subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(partial)], check=True, timeout=60)
    partial.replace(out)  # whole or absent: a start that is killed mid-compile never leaves half a .qm
    for old in out.parent.glob(f"inspector_{lang}*.qm"):
        if old != out:
            old.unlink(missing_ok=True)  # words that changed since
    return out


def compiled_catalogue(lang: str, cache_dir: Path) -> Path | None:
    """The .qm of `lang` (shipped, or compiled from the .ts into `cache_dir`), None when there is none."""
    return _compiled(lang, cache_dir)


def install_translators(app: QCoreApplication, lang: str, cache_dir: Path) -> list[QTranslator]:
    """Install Qt's own and the app's translators; returns them so the caller keeps them alive."""
    if lang == "en":
        use_qt_dialogs_unless_system_speaks(app, lang)
        return []
    translators = []
    qt = QTranslator(app)
    if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        translators.append(qt)
    qm = _compiled(lang, cache_dir)
    ours = QTranslator(app)
    if qm is not None and ours.load(str(qm)):
        app.installTranslator(ours)
        translators.append(ours)
    QLocale.setDefault(QLocale(lang))
    use_qt_dialogs_unless_system_speaks(app, lang)
    return translators


def use_qt_dialogs_unless_system_speaks(app: QCoreApplication, lang: str) -> None:
    """The platform's file dialogs (GTK, Windows) speak the *system's* language, not the one chosen here; when
    the two differ, use Qt's own dialogs, which the qtbase translation above covers."""
    differs = QLocale.system().name().split("_")[0] != lang.split("_")[0]
    app.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, differs)
