"""Start-up does only what the first window needs: no PDF, signing or migration libraries, the checklist library
read from its cache when no template changed, and no Alembic when the schema is current."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

HEAVY = ("pyhanko", "reportlab", "alembic", "mako", "aiohttp", "fontTools")
# The main window's dialogs and the PDF viewer are imported when first opened, not to show the window (issue 17).
DEFERRED = ("inspector_app.ui.dialogs.sign_dialog", "inspector_app.ui.dialogs.service_dialog",
            "inspector_app.ui.dialogs.verify_dialog", "inspector_app.ui.dialogs.document_dialogs",
            "inspector_app.ui.dialogs.inquiry_dialog", "inspector_app.ui.dialogs.party_signoff_dialog",
            "inspector_app.ui.dialogs.finding_dialog", "PySide6.QtPdf")

PROBE = """
import sys
from inspector_app.app import build_context
from inspector_app.services.context import Actor
from inspector_app.ui.i18n import install_translators
from inspector_app.ui.launch import build_window, qt_app
from inspector_app.services.signin import WorkspaceKeys
from pathlib import Path
app = qt_app()
_officer, key = WorkspaceKeys(Path(sys.argv[1]) / "keys").sign_in(sys.argv[2], sys.argv[3])  # as the sign-in does
ctx = build_context(sys.argv[1], workspace_key=key)
tr = install_translators(app, "zh_CN", ctx.paths.cache_dir)
o = ctx.roster.officers()[0]
w = build_window(ctx, Actor(o.name, o.id), "zh_CN")
w.show(); app.processEvents()
print(",".join(m for m in sys.argv[4:] if m in sys.modules) or "-")
w.close(); ctx.close()
"""


@pytest.mark.slow
def test_first_window_loads_no_pdf_signing_or_migration_library(tmp_path: Path,
                                                             tmp_path_factory: pytest.TempPathFactory) -> None:
    from tests.demo_copy import demo_workspace

    data_dir = demo_workspace(tmp_path_factory, tmp_path / "ws")
    env = dict(os.environ, PYTHONPATH=str(REPO), QT_QPA_PLATFORM="offscreen")
    name, _role, _cert, password, *_ = next(
        line.split("\t") for line in (data_dir / "keys" / "demo-passwords.txt").read_text("utf-8").splitlines()
        if line and not line.startswith("#"))
    done = subprocess.run([sys.executable, "-c", PROBE, str(data_dir), name, password, *HEAVY, *DEFERRED],
                          capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split()[-1] == "-", f"loaded before the first window: {done.stdout.split()[-1]}"


def test_declared_revisions_agree_with_alembic() -> None:
    from inspector_app.storage import migrate

    head, revisions = migrate.declared_revisions()
    assert head == migrate.head_revision()
    assert revisions == migrate.known_revisions()


def test_current_schema_opens_without_alembic_and_without_a_backup(tmp_path: Path) -> None:
    from inspector_app.storage.migrate import head_revision, open_database

    db, backups = tmp_path / "a.sqlite3", tmp_path / "backups"
    first = open_database(db, backups)
    first.engine.dispose()
    code = ("import sys; from pathlib import Path; from inspector_app.storage.migrate import open_database; "
            "r = open_database(Path(sys.argv[1]), Path(sys.argv[2])); "
            "print(r.from_revision, r.to_revision, r.backup, 'alembic' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code, str(db), str(backups)], capture_output=True, text=True,
                          env=dict(os.environ, PYTHONPATH=str(REPO)), timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [head_revision(), head_revision(), "None", "False"]
    # no copy before a migration (the daily backup of the first open of a day is another matter)
    assert not backups.exists() or not [p for p in backups.iterdir() if "before-migration" in p.name]


def test_library_cache_by_file_stamp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    from inspector_app.catalog import library_cache
    from tests.conftest import FIXTURES

    forms = tmp_path / "forms"
    shutil.copytree(FIXTURES / "forms", forms)
    cache = tmp_path / "cache"
    parsed: list[Path] = []
    real = library_cache.load_library
    monkeypatch.setattr(library_cache, "load_library", lambda d: parsed.append(d) or real(d))

    first = library_cache.load_library_cached(forms, cache)
    assert parsed == [forms] and (cache / library_cache.CACHE_FILE).is_file()
    again = library_cache.load_library_cached(forms, cache)
    assert parsed == [forms] and again.templates == first.templates  # from the cache, equal in every field

    toml = next(forms.glob("*.toml"))
    text = toml.read_text("utf-8")
    toml.write_text(text.replace('title = "', 'title = "改 ', 1), "utf-8")  # edited template: parsed again
    changed = library_cache.load_library_cached(forms, cache)
    assert len(parsed) == 2
    assert [t.title for t in changed.templates.values()] != [t.title for t in first.templates.values()]

    (cache / library_cache.CACHE_FILE).write_bytes(b"\x80\x04garbage")  # torn cache file: ignored, rewritten
    assert library_cache.load_library_cached(forms, cache).templates == changed.templates
    assert len(parsed) == 3
    library_cache.load_library_cached(forms, cache)
    assert len(parsed) == 3


def test_demo_says_why_it_waits_on_the_first_font_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    from inspector_app import fonts
    from inspector_app.cli import main

    real_ensure = fonts.ensure_fonts
    built: list[int] = []

    def first_start_build(cache_dir: Path, progress=None, **kw):  # type: ignore[no-untyped-def]
        built.append(kw.get("jobs", 1))
        if progress is not None:
            progress(100, "Noto Sans SC ready")
        return real_ensure(cache_dir)  # the suite's shared build: already current

    def create_demo(app, progress=None, **kw):  # type: ignore[no-untyped-def]
        # what the command prints around the demo is under test, not the demo (tests/demo/ builds it)
        assert built, "the demo was created before the fonts were built"
        return {"institutions": 0, "officers": 0, "inspections": 0}

    monkeypatch.setattr(fonts, "cached_fonts", lambda cache_dir: None)  # as on a fresh machine
    monkeypatch.setattr(fonts, "ensure_fonts", first_start_build)
    monkeypatch.setattr("inspector_app.demo.workspace.create_demo", create_demo)
    assert main(["demo", "--data-dir", str(tmp_path / "ws")]) == 0
    out = capsys.readouterr().out
    assert out.index("正在生成 PDF 笔录所需的中文字体") < out.index("演示工作区已创建")
    assert "100% Noto Sans SC ready" in out
    assert built[0] == 2  # both weights in parallel on the first start


FIRST_WINDOW_PROBE = """
import os, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from inspector_app.ui.launch import qt_app
app = qt_app()
CORE = ("sqlalchemy", "inspector_app.storage.orm", "inspector_app.app", "inspector_app.ui.main_window")
seen = {}
def check():
    w = QApplication.activeModalWidget()
    if "shown" not in seen and w is not None and w.isVisible() and type(w).__name__ == "OfficerSignInDialog":
        seen["shown"] = ",".join(m for m in CORE if m in sys.modules) or "-"
        seen["t"] = time.monotonic()
    if "shown" in seen and ("inspector_app.app" in sys.modules and "inspector_app.storage.orm" in sys.modules
                            or time.monotonic() - seen["t"] > 120):
        warmed = ",".join(m for m in CORE if m in sys.modules) or "-"
        print(seen["shown"], warmed, flush=True)
        os._exit(0)
    QTimer.singleShot(2, check)
QTimer.singleShot(0, check)
from inspector_app.desktop import launch_gui
launch_gui(sys.argv[1], "zh_CN")
"""


def test_sign_in_window_comes_before_the_database_layer_which_is_warmed_behind_it(tmp_path: Path) -> None:
    """The daily start (`inspector` on a workspace with sign-in): the sign-in dialog is shown with neither
    SQLAlchemy, the ORM, the services nor the main window imported; while it waits for the password, a worker
    imports the core so the main window follows the password sooner."""
    from inspector_app.services.signin import WorkspaceKeys
    from tests.signin_helpers import recovery_pair

    keys = WorkspaceKeys(tmp_path / "ws" / "keys")
    key = keys.create(recovery_pair()[1])
    keys.set_password(key, "officer-1", "林知远", "inspector", "测执00001", "first-window-pass-1")
    env = dict(os.environ, PYTHONPATH=str(REPO), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", FIRST_WINDOW_PROBE, str(tmp_path / "ws")],
                          capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    at_first_window, after_warm_up = done.stdout.split()[-2:]
    assert at_first_window == "-", f"imported before the sign-in window: {at_first_window}"
    assert {"sqlalchemy", "inspector_app.storage.orm", "inspector_app.app"} <= set(after_warm_up.split(","))


FRAME_PROBE = """
import sys
from inspector_app.ui.launch import qt_app
at_sign_in = set(sys.modules)
from inspector_app.ui.warming import warm_frame_imports
warm_frame_imports()
def loaded(modules):
    return ",".join(m for m in sys.argv[1:] if m in modules) or "-"
print(loaded(at_sign_in), loaded(sys.modules))
"""
# Nothing the sign-in dialog and the main window's frame do not use (issue 17): the CPU of every import before the
# main window is shown counts, on whatever thread it runs. The recovery slot's RSA/PEM code (creating or recovering
# a workspace key), the services' read models with the checklist and outcome rules behind them, and the TOML
# parser (the agency's settings files) come later, with the services.
NOT_FOR_THE_FRAME = ("cryptography.hazmat.primitives.asymmetric.rsa", "cryptography.hazmat.primitives.serialization",
                     "inspector_app.services.dto", "inspector_app.domain.checklist", "inspector_app.domain.outcomes",
                     "inspector_app.domain.rules", "tomllib", "sqlalchemy")


def test_sign_in_and_frame_modules_import_no_recovery_crypto_read_models_or_toml() -> None:
    env = dict(os.environ, PYTHONPATH=str(REPO), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", FRAME_PROBE, *NOT_FOR_THE_FRAME], capture_output=True, text=True,
                          env=env, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    at_sign_in, with_frame = done.stdout.split()[-2:]
    assert at_sign_in == "-", f"imported by the sign-in's modules: {at_sign_in}"
    assert with_frame == "-", f"imported by the main window's frame: {with_frame}"


def test_labels_of_lazily_imported_enums_still_translate() -> None:
    from inspector_app.ui import labels

    # no translator installed: the English source texts
    assert labels.item_state("violation") == "Violation"
    assert labels.rectification_result("整改到位") == "Rectified" and labels.rectification_result(None) == "open"


def test_the_sign_in_dialog_and_the_frame_leave_the_roster_and_file_dialogs_for_later() -> None:
    """What the sign-in dialog and the main window's frame import (ui/warming.py FRAME_MODULES) brings neither the
    roster (a first officer's setup needs it) nor the file dialogs (made with the inspection page); the PySide6
    import check reads files instead of `inspect.getsource` (ui/pyside_import_check.py)."""
    code = ("import sys, inspector_app.ui.launch, inspector_app.ui.warming as w; "
            "[__import__(m) for m in w.FRAME_MODULES]; "
            "f = sys.modules['shibokensupport.feature']._mod_uses_pyside; "
            "print(','.join(m for m in ('inspector_app.domain.roster', 'inspector_app.ui.file_dialogs', "
            "'importlib.resources') if m in sys.modules) or '-', getattr(f, '_inspector_reads_file', False))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          env=dict(os.environ, PYTHONPATH=str(REPO), QT_QPA_PLATFORM="offscreen"))
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["-", "True"]
