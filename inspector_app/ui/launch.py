"""Start the desktop app: QApplication, language, fonts, settings, task runner, then the main window.

`build_window` is the UI composition root (used by `run`, the screenshot command and the GUI tests)."""

from __future__ import annotations

import importlib
import logging
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QProgressDialog

from inspector_app import fonts as font_build
from inspector_app.services.actor import Actor
from inspector_app.services.signin import SignInOfficer, WorkspaceKeys
from inspector_app.ui.dialogs.officer_dialog import OfficerSignInDialog
from inspector_app.ui import fonts as ui_fonts
from inspector_app.ui.i18n import default_language, install_translators
from inspector_app.ui.settings import UiSettings
from inspector_app.ui.tasks import GuiGarbageCollector, TaskRunner
from inspector_app.ui.errors import plain_message

if TYPE_CHECKING:
    from inspector_app.ui.main_window import MainWindow

# Start-up: the sign-in dialog is the first window and needs none of the main window's pages, dialogs, services or
# SQLAlchemy; those are imported in build_window (after the password), and `run` warms them on a worker thread while
# the officer types (see `_warm_imports`).

log = logging.getLogger(__name__)

# The main window's modules and the inspection page's (which the window builds on the first turn of its event
# loop): ≈150 ms of imports that stalled the event loop right after the password. They are imported on a worker
# instead (`warm_ui_imports`), while the officer types and again behind "Opening the workspace…". QtMultimedia is
# the evidence page's camera check.
UI_MODULES = ("inspector_app.ui.operations", "inspector_app.ui.sync_controller", "inspector_app.ui.lock",
              "inspector_app.ui.main_window", "inspector_app.ui.pages.inspection_page", "PySide6.QtMultimedia")
_warming = threading.Lock()


def warm_ui_imports() -> None:
    """Import UI_MODULES on the calling (worker) thread; no widget is made. One warming thread at a time: two
    threads importing the same circle of modules at once could meet in a partly initialised module."""
    with _warming:
        for name in UI_MODULES:
            try:
                importlib.import_module(name)
            except Exception:  # noqa: BLE001 - only a head start: the GUI thread imports it again and reports
                log.debug("warming %s failed", name, exc_info=True)  # (QtMultimedia may be absent: no camera)


def qt_app() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(sys.argv)
    app.setApplicationName("inspector-app")
    app.setApplicationDisplayName("医保基金现场检查")
    app.setOrganizationName("inspector-app")
    return app


@dataclass(frozen=True)
class SignedIn:
    """Who unlocked the workspace, with which key: the lock screen checks the password against the same slots."""

    keys: WorkspaceKeys
    officer: SignInOfficer
    key: bytes


def build_window(context: Any, actor: Actor, language: str, settings: UiSettings | None = None,
                 runner: TaskRunner | None = None, role: str | None = None,
                 signed_in: SignedIn | None = None) -> MainWindow:
    from inspector_app.ui.lock import LockController
    from inspector_app.ui.main_window import MainWindow
    from inspector_app.ui.operations import Operations
    from inspector_app.ui.sync_controller import SyncController

    # Writes, PDF rendering and signing run on worker threads of this process: while one computes, the GUI thread
    # needs the GIL for every Python slot, event filter and model call. At the default 5 ms switch interval a
    # repaint needing dozens of them waited a tick each (stalls of hundreds of ms while signing); 1 ms hands the
    # GIL back sooner at a small cost in worker throughput.
    sys.setswitchinterval(0.001)
    # PDF rendering and signing go further: to a child process, started with the first signature (or when the
    # signing dialog opens), so they do not hold this process's GIL at all.
    from inspector_app.services.document_pipeline import use_signing_process

    use_signing_process()
    app = qt_app()
    settings = settings or UiSettings(context.paths.settings_file)
    runner = runner or TaskRunner(app)
    shown: list[MainWindow] = []  # the font callbacks arrive on the GUI thread after the window exists
    building = ui_fonts.ensure(app, font_build.default_cache_dir(), runner.background,
                               on_built=lambda _fs: shown and shown[0].fonts_ready(),
                               on_failed=lambda exc: shown and shown[0].fonts_failed(exc))
    ops = Operations(context, runner, actor, app)
    ops.role = role
    if role is None and actor.officer_id:  # the roster says what this officer may do (team lead or not)
        oid = actor.officer_id
        ops.read(lambda: context.roster.officer(oid).role,
                 lambda r: ops.set_actor(ops.actor, r) if ops.actor.officer_id == oid else None, lambda _e: None)
    sync = SyncController(context, settings.server_url(), app, runner=runner)
    window = MainWindow(ops, settings, language, sync=sync)
    shown.append(window)
    if building:
        window.fonts_building()
    a = window.actions_
    for action in (a.lock, a.switch_officer, a.change_password, a.idle_lock):
        action.setEnabled(signed_in is not None)  # a workspace without key slots has no password to lock with
    if signed_in is not None:
        window.lock_controller = LockController(window, ops, signed_in.keys, signed_in.officer,  # type: ignore[attr-defined]
                                                signed_in.key, settings)
    collector = GuiGarbageCollector()  # unparented: it must outlive the window to switch collection back on
    collector.start()
    window.closed.connect(collector.stop)
    window.destroyed.connect(collector.stop)
    sync.start()
    return window


def _in_background(fn: Callable[[], Any], label: str) -> Any:
    """Run `fn` on a worker thread while the GUI stays responsive (busy indicator); return or raise its result."""
    result: dict[str, Any] = {}

    def work() -> None:
        try:
            result["value"] = fn()
        except BaseException as exc:  # noqa: BLE001 - re-raised on the GUI thread
            result["error"] = exc

    box = QProgressDialog(label, "", 0, 0)
    box.setCancelButton(None)  # type: ignore[arg-type]
    box.setMinimumDuration(400)
    box.setWindowModality(Qt.WindowModality.ApplicationModal)
    thread = threading.Thread(target=work, name="open-workspace", daemon=True)
    thread.start()
    loop = QEventLoop()
    timer = QTimer(interval=30)
    timer.timeout.connect(lambda: loop.quit() if not thread.is_alive() else None)
    timer.start()
    loop.exec()
    timer.stop()
    box.close()
    if "error" in result:
        raise result["error"]
    return result.get("value")


def sign_in(keys: WorkspaceKeys, preselect: str | None = None,
            on_shown: Callable[[], None] | None = None) -> tuple[SignInOfficer, bytes] | None:
    dialog = OfficerSignInDialog(keys.officers(), lambda o, password: keys.unlock(o.officer_id, password),
                                 preselect=preselect)
    if on_shown is not None:
        QTimer.singleShot(0, on_shown)  # runs inside exec(), once the dialog is shown
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.officer is None or dialog.key is None:
        return None
    return dialog.officer, dialog.key


def first_start(build: Callable[[bytes | None], Any], keys: WorkspaceKeys,
                paths: Any) -> tuple[SignInOfficer, bytes] | None:
    """A workspace without key slots (new, or from before sign-in existed, still plain): set up the first
    officer's sign-in. The agency's recovery public key is asked for (prefilled from INSPECTOR_RECOVERY_PUBLIC_KEY
    or <config>/recovery-public.pem, where IT can place it)."""
    from inspector_app.services.signin import set_up_first_officer
    from inspector_app.ui.dialogs.setup_dialog import SetupDialog

    opening = QCoreApplication.translate("Launch", "Opening the workspace…")
    context = _in_background(lambda: build(None), opening)
    try:
        officers = _in_background(context.roster.officers, opening)
        dialog = SetupDialog(officers, paths.config_dir / "recovery-public.pem")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        chosen, new, pem, password = dialog.chosen(), dialog.new_officer(), dialog.recovery_pem, dialog.password.text()
        return _in_background(lambda: set_up_first_officer(context, keys, pem, password,
                                                           chosen.id if chosen else None, new),
                              QCoreApplication.translate("Launch", "Creating the workspace key…"))
    finally:
        context.close()


def _warm_imports(warm: Callable[[], Any] | None) -> None:
    """Import the database layer and services (`warm`), then the main window's modules, on a worker while the
    sign-in dialog waits for the password, so the main window follows the password sooner; the dialog itself
    never waits for it (a daemon thread: a quit before it ends is harmless). Started once the dialog is up, so the
    first window is not delayed by it."""

    def work() -> None:
        try:
            if warm is not None:
                warm()
            warm_ui_imports()
        except Exception:  # noqa: BLE001 - only a head start: build() imports the same again and reports
            log.debug("warming imports failed", exc_info=True)

    QTimer.singleShot(250, lambda: threading.Thread(target=work, name="warm-imports", daemon=True).start())


def _warm_while_signing_in(app: QApplication, warm: Callable[[], Any] | None) -> None:
    _warm_imports(warm)
    # the interface font loaded in a step of its own, not in the main window's first paint after the password
    QTimer.singleShot(100, lambda: ui_fonts.prewarm(app, font_build.default_cache_dir()))


def _opened(context: Any) -> Any:
    """On the worker that opened the workspace: the window's modules imported there too (a no-op when the warming
    behind the sign-in dialog got to them), so building the window on the GUI thread imports nothing."""
    warm_ui_imports()
    return context


def run(build: Callable[[bytes | None], Any], lang: str | None = None, paths: Any = None,
        warm: Callable[[], Any] | None = None) -> int:
    """Sign-in dialog → unlock (off the UI thread) → build_context(workspace_key=key) on a worker → main window."""
    app = qt_app()
    sys.setswitchinterval(0.001)  # the workspace opens on a worker behind the sign-in: hand the GIL back sooner
    paths = paths.ensure()
    settings = UiSettings(paths.settings_file)
    language = lang or settings.language() or default_language()
    translators = install_translators(app, language, paths.cache_dir)
    keys = WorkspaceKeys(paths.keys_dir)
    title = QCoreApplication.translate("Launch", "Medical-insurance fund inspection")
    try:
        chosen = first_start(build, keys, paths) if not keys.initialised() else \
            sign_in(keys, settings.officer_id(), on_shown=lambda: _warm_while_signing_in(app, warm))
    except Exception as exc:  # noqa: BLE001 - shown to the user, then exit
        QMessageBox.critical(None, title, plain_message(exc))
        return 2
    if chosen is None:
        print("Sign-in cancelled: the app quits.", file=sys.stderr)  # the way out is explicit, never silent
        return 0
    officer, key = chosen
    settings.set_officer_id(officer.officer_id)
    try:
        context = _in_background(lambda: _opened(build(key)),
                                 QCoreApplication.translate("Launch", "Opening the workspace…"))
    except Exception as exc:  # noqa: BLE001 - shown to the user, then exit
        QMessageBox.critical(None, title, plain_message(exc))
        return 2
    actor = officer.actor()
    window = build_window(context, actor, language, settings, role=officer.role,
                          signed_in=SignedIn(keys, officer, key))
    window.ops.write(lambda: context.session.signed_in(actor))
    window.show()
    try:
        return app.exec()
    finally:
        del translators
        context.close()
