"""Start the desktop app: QApplication, language, fonts, settings, task runner, then the main window.

`build_window` is the UI composition root (used by `run`, the screenshot command and the GUI tests)."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from inspector_app import fonts as font_build
from inspector_app.services.actor import Actor
from inspector_app.services.signin import SignInOfficer, WorkspaceKeys
from inspector_app.ui.dialogs.officer_dialog import OfficerSignInDialog
from inspector_app.ui import fonts as ui_fonts
from inspector_app.ui.i18n import default_language, install_translators
from inspector_app.ui.settings import UiSettings
from inspector_app.ui.tasks import GuiGarbageCollector, TaskRunner
from inspector_app.ui import warming
from inspector_app.ui.warming import UI_MODULES, warm_ui_imports  # noqa: F401 - where callers found them
from inspector_app.ui.errors import plain_message

if TYPE_CHECKING:
    from inspector_app.ui.main_window import MainWindow

# Start-up: the sign-in dialog is the first window and needs none of the main window's pages, dialogs, services or
# SQLAlchemy. Behind it a worker imports the main window's frame, then the services (ui/warming.py); after the
# password the frame is shown at once and the workspace opens behind it (ui/opening.py).

log = logging.getLogger(__name__)


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
    """The whole window at once, on an open workspace (screenshots, tests, benchmarks); `run` shows the frame
    first (`build_frame`) and attaches the services when the workspace is open (`attach_services`)."""
    window = build_frame(actor, language, settings or UiSettings(context.paths.settings_file), runner, role,
                         signed_in)
    attach_services(window, context)
    return window


def build_frame(actor: Actor, language: str, settings: UiSettings, runner: TaskRunner | None = None,
                role: str | None = None, signed_in: SignedIn | None = None) -> MainWindow:
    """The main window without its services: menus, status bar and a note that the workspace is opening; the
    actions that need the services stay disabled until `attach_services`."""
    from inspector_app.ui.lock import LockController
    from inspector_app.ui.main_window import MainWindow
    from inspector_app.ui.operations import Operations

    # Writes, PDF rendering and signing run on worker threads of this process: while one computes, the GUI thread
    # needs the GIL for every Python slot, event filter and model call. At the default 5 ms switch interval a
    # repaint needing dozens of them waited a tick each (stalls of hundreds of ms while signing); 1 ms hands the
    # GIL back sooner at a small cost in worker throughput.
    sys.setswitchinterval(0.001)
    app = qt_app()
    runner = runner or TaskRunner(app)
    shown: list[MainWindow] = []  # the font callbacks arrive on the GUI thread after the window exists
    building = ui_fonts.ensure(app, font_build.default_cache_dir(), runner.background,
                               on_built=lambda _fs: shown and shown[0].fonts_ready(),
                               on_failed=lambda exc: shown and shown[0].fonts_failed(exc))
    ops = Operations(None, runner, actor, app)
    ops.role = role
    window = MainWindow(ops, settings, language)
    shown.append(window)
    if building:
        window.fonts_building()
    window.signed_in_ = signed_in  # type: ignore[attr-defined]
    if signed_in is not None:
        window.lock_controller = LockController(window, ops, signed_in.keys, signed_in.officer,  # type: ignore[attr-defined]
                                                signed_in.key, settings)
    collector = GuiGarbageCollector()  # unparented: it must outlive the window to switch collection back on
    collector.start()
    window.closed.connect(collector.stop)
    window.destroyed.connect(collector.stop)
    window.collector = collector  # type: ignore[attr-defined]  # run() ends it however the window ended
    return window


def fit_to_screen(window: MainWindow, settings: UiSettings) -> None:
    """A start without a saved window size: the frame's 1280×820 is taller than a 1366×768 laptop's screen, whose
    status bar (sync state, officer) would hang below it; there it is made to fit and opens maximised (the size
    is what remains where no window manager maximises, and after un-maximising). A saved size is Qt's to fit
    (restoreGeometry moves a window back onto the screens there are)."""
    if settings.bytes("window/geometry") is not None:
        return
    screen = window.screen()
    if screen is None:
        return
    available = screen.availableGeometry()
    # the size is the inside of the window: its title bar and borders come on top (≈ 40 px on common desktops)
    room = available.adjusted(0, 0, -16, -40)
    if room.width() < window.width() or room.height() < window.height():
        window.resize(min(window.width(), room.width()), min(window.height(), room.height()))
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)


def attach_services(window: MainWindow, context: Any) -> None:
    """Hand the opened workspace to a window from `build_frame`: sync, the roster's role, then the list fills."""
    from inspector_app.ui.sync_controller import SyncController

    # PDF rendering and signing go to a child process, started with the first signature (or when the signing
    # dialog opens), so they do not hold this process's GIL at all.
    from inspector_app.services.document_pipeline import use_signing_process

    use_signing_process()
    ops, app = window.ops, qt_app()
    sync = SyncController(context, window.settings.server_url(), app, runner=ops.runner)
    window.attach_sync(sync)
    ops.attach(context)
    actor, role = ops.actor, ops.role
    if role is None and actor.officer_id:  # the roster says what this officer may do (team lead or not)
        oid = actor.officer_id
        ops.read(lambda: context.roster.officer(oid).role,
                 lambda r: ops.set_actor(ops.actor, r) if ops.actor.officer_id == oid else None, lambda _e: None)
    a = window.actions_
    for action in (a.lock, a.switch_officer, a.change_password, a.idle_lock):
        action.setEnabled(window.signed_in_ is not None)  # type: ignore[attr-defined] # no key slots: no password
    sync.start()


def _in_background(fn: Callable[[], Any], label: str) -> Any:
    """Run `fn` on a worker thread while the GUI stays responsive (busy indicator); return or raise its result."""
    from PySide6.QtWidgets import QProgressDialog  # a first start only: not on the daily way to the main window

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
    def unlock(officer: SignInOfficer, password: str) -> bytes:
        # On the dialog's worker: the warming's heavy imports wait from here until the main window's frame has
        # painted (ui/warming.py), so the key derivation and the frame do not share the GIL with them.
        warming.hold()
        try:
            return keys.unlock(officer.officer_id, password)
        except BaseException:
            warming.release()  # a wrong password: the officer types again, warming goes on meanwhile
            raise

    dialog = OfficerSignInDialog(keys.officers(), unlock, preselect=preselect)
    if on_shown is not None:
        QTimer.singleShot(0, on_shown)  # runs inside exec(), once the dialog is shown
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.officer is None or dialog.key is None:
        warming.release()
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
    """Import the main window's frame, then the database layer and services (`warm`), then the inspection page,
    on a worker while the sign-in dialog waits for the password (ui/warming.py); the dialog itself never waits
    for it (a daemon thread: a quit before it ends is harmless). Started once the dialog is up, so the first
    window is not delayed by it."""
    QTimer.singleShot(250, lambda: threading.Thread(target=warming.warm_behind_sign_in, args=(warm,),
                                                    name="warm-imports", daemon=True).start())


def _prewarm_font(app: QApplication) -> None:
    """The interface font loaded in a step of its own while the officer types, not in the main window's first
    paint after the password. Not while the password is being checked (warming held): the key derivation and the
    frame come first, and the frame registers the font itself — drawing samples then (≈ 8-14 ms of CPU when the
    100 ms timer fired during the key derivation) only delayed the frame. After a wrong password it is tried
    again; once the frame has applied the font it does nothing (ui/fonts.py)."""
    if warming.held():
        QTimer.singleShot(200, lambda: _prewarm_font(app))
        return
    ui_fonts.prewarm(app, font_build.default_cache_dir())


def _warm_while_signing_in(app: QApplication, warm: Callable[[], Any] | None) -> None:
    _warm_imports(warm)
    QTimer.singleShot(100, lambda: _prewarm_font(app))


def run(build: Callable[[bytes | None], Any], lang: str | None = None, paths: Any = None,
        warm: Callable[[], Any] | None = None) -> int:
    """Sign-in dialog → unlock (off the UI thread) → the main window's frame → build_context(workspace_key=key) on
    a worker → the services attached to the window."""
    from inspector_app.ui.opening import WorkspaceOpening

    app = qt_app()
    sys.setswitchinterval(0.001)  # the workspace opens on a worker behind the sign-in: hand the GIL back sooner
    # No walk through the workspace here, before the first window: `build` (build_context) walks it on a worker
    # once the password is in, off the GUI thread (a year of photos is tens of thousands of entries).
    paths = paths.ensure(walk=False)
    settings = UiSettings(paths.settings_file)
    language = lang or settings.language() or default_language()
    translators = install_translators(app, language, paths.cache_dir)
    # The sign-in dialog lists Chinese names: set the interface font first, or a machine without a CJK system
    # font draws them as boxes.
    ui_fonts.for_first_window(app, font_build.default_cache_dir())
    keys = WorkspaceKeys(paths.keys_dir)
    title = QCoreApplication.translate("Launch", "Medical-insurance fund inspection")
    try:
        chosen = first_start(build, keys, paths) if not keys.initialised() else \
            sign_in(keys, settings.officer_id(), on_shown=lambda: _warm_while_signing_in(app, warm))
    except Exception as exc:  # noqa: BLE001 - shown to the user, then exit
        warming.release()
        from PySide6.QtWidgets import QMessageBox  # an error path: not made for every start

        QMessageBox.critical(None, title, plain_message(exc))
        return 2
    if chosen is None:
        print("Sign-in cancelled: the app quits.", file=sys.stderr)  # the way out is explicit, never silent
        return 0
    officer, key = chosen
    settings.set_officer_id(officer.officer_id)
    # The window's frame first, right after the password: the database layer, the services and the workspace
    # (imports, ORM mapping, opening) come on a worker once it has painted; the services are attached when they
    # are there (actions needing them stay disabled until then, calls made meanwhile wait).
    actor = officer.actor()
    window = build_frame(actor, language, settings, role=officer.role, signed_in=SignedIn(keys, officer, key))

    def open_workspace() -> Any:
        if warm is not None:
            warm()  # the ORM's mapping step, here rather than in the first query on the pool
        return build(key)

    fit_to_screen(window, settings)
    opening = WorkspaceOpening(window, open_workspace, attach_services, title, after_paint=window.make_list_page)
    ops = window.ops
    ops.write(lambda: ops.app.session.signed_in(actor))  # queued until the services are attached
    window.show()
    opening.start_after_paint()
    try:
        code = app.exec()
        opening.finish()  # what the close queued (sign-out) is written before the workspace closes
        return opening.exit_code or code
    finally:
        # A frame hidden because its workspace failed to open never emits `closed`, and with automatic collection
        # off (the collector's doing) the cycles holding it are never freed, so `destroyed` never comes either:
        # the collector would keep collection off for the rest of the process.
        window.collector.stop()  # type: ignore[attr-defined]
        del translators
        opening.close()
