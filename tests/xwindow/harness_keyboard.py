"""Drive a whole inspection through the real main window on an X display (xcb), with key and mouse events only.

Run as a process of its own (tests/xwindow/test_whole_inspection.py and tests/bench/bench_whole_inspection.py start
it under Xvfb):  python -m tests.xwindow.harness_keyboard WORKDIR [--violations 10] [--findings 10] [--photos 20]

What is prepared without the UI: a workspace with the agency's roster (one hospital, two officers with signing
certificates) and 20 photos on disk — the state an office hands to an inspector. Everything of the inspection itself
happens through QTest key/mouse events and input-method commits (how Chinese text arrives from an IME) sent to the
widgets of the live window; the script only *reads* widgets to know where it is and what to wait for (never a
service call). Every event or typed string counts as one user action.

Measured: user actions, wall time of the run, the longest event-loop stall (a 10 ms heartbeat timer; a stall is
the lateness of a tick) and the number of stalls over 100 ms. The result is written to WORKDIR/result.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import os
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QLineEdit, QMessageBox, QWidget

Cond = Callable[[], bool]
HEARTBEAT_MS = 10
STALL_MS = 100
REPORT_MS = 60  # stalls listed in result.json ("late"), with the GUI thread's CPU time in them


# ---------------------------------------------------------------- preparation (the office's part)


def prepare(workdir: Path, photos: int, lang: str = "zh_CN") -> dict[str, Any]:
    from inspector_app.app import build_context
    from inspector_app.domain.credit_code import make_credit_code
    from inspector_app.domain.roster import Category, InstitutionData, Level, OfficerData, Ownership
    from inspector_app.services.context import Actor
    from inspector_app.demo.signed import setup_workspace
    from tests import imaging

    from inspector_app.paths import resolve_paths
    from inspector_app.services.signin import WorkspaceKeys
    from inspector_app.storage.keyslots import generate_recovery_key_pair

    # The office sets up the laptop: a workspace key wrapped for the agency's recovery key and, below, for each
    # officer's sign-in password; the workspace is encrypted with it from the start.
    keys = WorkspaceKeys(resolve_paths(str(workdir / "ws")).ensure().keys_dir)
    key = keys.create(generate_recovery_key_pair()[1])
    ctx = build_context(str(workdir / "ws"), device="xwindow-laptop", workspace_key=key)
    admin = Actor("管理员")
    ctx.roster.add_institution(admin, InstitutionData(
        "青川市第一人民医院", Category.HOSPITAL, Level.TERTIARY, Ownership.PUBLIC,
        make_credit_code("12379902MB0000011"), "H37990200001", "青川市和平路1号", "林书远", "青川市"))
    today = dt.date.today()
    officers = [ctx.roster.add_officer(admin, OfficerData(name, "基金监督科", f"鲁医保执{n:07d}",
                                                          today + dt.timedelta(days=700)))[0]
                for n, name in ((2024117, "陈明哲"), (2024234, "许若溪"))]
    passwords = setup_workspace(ctx, officers, dt.datetime.now(dt.timezone.utc))
    for o in officers:
        keys.set_password(key, o.id, o.name, o.role, o.certificate_no, SIGN_IN_PASSWORD)
    ctx.close()
    # The app's compiled translation, as an installed app ships it (setup.py, packaging/inspector.spec): run from a
    # checkout, the app compiles the .ts into a workspace's cache once, before its first window (ui/i18n.py) — a
    # first start from source, not part of an inspection; on a fresh workspace per run it was a 160-230 ms wait at
    # action 0.
    from inspector_app.ui.i18n import compiled_catalogue

    compiled_catalogue(lang, resolve_paths(str(workdir / "ws")).cache_dir)
    photo_dir = workdir / "photos"
    photo_dir.mkdir(exist_ok=True)
    names = []
    for n in range(1, photos + 1):
        path = photo_dir / f"p{n:02d}.jpg"
        imaging.write_jpeg(path, size=(320, 240), seed=n) if hasattr(imaging, "write_jpeg") else _jpeg(path, n)
        names.append(path.name)
    return {"officers": [(o.id, o.name, passwords[o.id]) for o in officers], "photo_dir": str(photo_dir),
            "photos": names}


def _jpeg(path: Path, n: int) -> None:
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (320, 240), (40 + 9 * n % 200, 90, 160))
    ImageDraw.Draw(img).text((20, 100), f"photo {n:02d}", fill=(255, 255, 255))
    img.save(path, "JPEG", quality=80)


# ---------------------------------------------------------------- the driver


class Driver(QObject):
    """Runs a generator script: it yields conditions to wait for; actions are posted with a zero timer so a modal
    dialog's exec() never blocks the script (the script goes on from the nested event loop)."""

    def __init__(self, script: Iterator[Any], timeout_s: float = 120.0):
        super().__init__()
        self.script = script
        self.timeout_s = timeout_s
        self.actions = 0
        self.log: list[str] = []
        self.error: str | None = None
        self.done = False
        self._pending: tuple[Cond, str, float] | None = None
        self._busy = False
        self._timer = QTimer(self)
        self._timer.setInterval(15)
        self._timer.timeout.connect(self._tick)
        # event-loop stall meter
        self.max_stall_ms = 0.0
        self.stalls = 0
        self._beat = QTimer(self)
        self._beat.setInterval(HEARTBEAT_MS)
        self._beat.setTimerType(Qt.TimerType.PreciseTimer)
        self._beat.timeout.connect(self._heartbeat)
        self._last_beat = time.perf_counter()
        # The GUI thread's own CPU time between two heartbeats: a stall with little of it was the thread waiting
        # (for the GIL, or for a core on a loaded machine); one with much of it is work to split or move.
        self._last_cpu = time.thread_time()
        self.max_busy_ms = 0.0
        self.busy: list[str] = []
        self.late: list[str] = []
        self.cpu0 = self.cpu_s = 0.0
        self.label = ""  # the last action
        # INSPECTOR_STALL_PROFILE=1: sample the GUI thread's stack during stalls (WORKDIR/stalls.txt)
        self.sampler = None
        if os.environ.get("INSPECTOR_STALL_PROFILE"):
            from tests.stall_sampler import StallSampler

            self.sampler = StallSampler(threshold_ms=STALL_MS / 2, parent=self)
            self.sampler.detailed = 12

    def start(self) -> None:
        self._last_beat = time.perf_counter()
        self._last_cpu = self.cpu0 = time.thread_time()
        self._beat.start()
        self._timer.start()
        if self.sampler is not None:
            self.sampler.start()

    def _heartbeat(self) -> None:
        now = time.perf_counter()
        late = (now - self._last_beat) * 1000 - HEARTBEAT_MS
        self._last_beat = now
        cpu = time.thread_time()
        busy, self._last_cpu = (cpu - self._last_cpu) * 1000, cpu
        self.max_busy_ms = max(self.max_busy_ms, busy)
        if busy > STALL_MS / 2:
            self.busy.append(f"{busy:.0f} ms CPU in {late:.0f} ms at action {self.actions}")
        if late > self.max_stall_ms:
            self.max_stall_ms = late
        if late > STALL_MS:
            self.stalls += 1
            self.log.append(f"stall {late:.0f} ms at action {self.actions}")
        if late > REPORT_MS:
            self.late.append(f"{late:.0f} ms ({busy:.0f} ms CPU) at action {self.actions} {self.label}")

    def _tick(self) -> None:
        if self._busy or self.done:
            return
        self._busy = True
        try:
            while True:
                if self._pending is not None:
                    cond, what, deadline = self._pending
                    try:
                        ok = cond()
                    except Exception:  # noqa: BLE001 - a widget being rebuilt: try again on the next tick
                        ok = False
                    if not ok:
                        if time.perf_counter() > deadline:
                            fw = QApplication.focusWidget()
                            what = what() if callable(what) else what
                            self._fail(f"timed out waiting for {what} (after {self.actions} actions; focus: "
                                       f"{type(fw).__name__ if fw else None} {fw.objectName() if fw else ''}, "
                                       f"modal: {type(modal()).__name__})")
                        return
                    self._pending = None
                try:
                    step = next(self.script)
                except StopIteration:
                    self._finish()
                    return
                if step is not None:
                    cond, what, timeout = step
                    self._pending = (cond, what, time.perf_counter() + timeout)
        except Exception as exc:  # noqa: BLE001 - reported in result.json
            import traceback

            self._fail(f"{type(exc).__name__}: {exc}\n{traceback.format_exc()}")
        finally:
            self._busy = False

    def _fail(self, message: str) -> None:
        self.error = message
        self._finish()

    def _finish(self) -> None:
        self.done = True
        self.cpu_s = time.thread_time() - self.cpu0  # the GUI thread's whole CPU time (load-independent)
        self._timer.stop()
        self._beat.stop()
        if self.sampler is not None:
            self.sampler.stop()
            home = Path(os.environ.get("INSPECTOR_HOME", "."))
            (home.parent / "stalls.txt").write_text(self.sampler.report(12), encoding="utf-8")
        for w in QApplication.topLevelWidgets():  # close whatever modal dialog is open, then the window
            if isinstance(w, QDialog) and w.isVisible():
                w.reject()
        QTimer.singleShot(0, QApplication.closeAllWindows)
        QTimer.singleShot(200, QApplication.quit)

    # -- actions (each counts as one user action)
    def act(self, what: str, fn: Callable[[], None]) -> tuple[Cond, str, float]:
        self.actions += 1
        self.log.append(f"{self.actions:3d} {what}")
        self.label = what
        if self.sampler is not None:
            self.sampler.label = f"{self.actions} {what}"
        fired = [False]

        def run() -> None:
            fired[0] = True
            fn()

        QTimer.singleShot(0, run)
        return (lambda: fired[0], what, 30.0)

    burst_typing = False  # --burst-typing: every typed string in one turn (QTest.keyClicks), as before

    def type(self, what: str, widget_of: Callable[[], QWidget], text: str,
             before: Callable[[], Any] | None = None) -> tuple[Cond, str, float]:
        """A typed string, one user action, its keys one per turn of the event loop as they come from a keyboard
        (at once, as fast as the loop takes them). QTest.keyClicks delivers them all in one turn — a turn no typist
        makes: 200 keys of file names in the open dialog were one turn of ~50-120 ms of CPU, the dialog's work per
        key times 200."""
        left = list(text)

        def next_key() -> None:
            if left:
                QTest.keyClick(widget_of(), left.pop(0))
                QTimer.singleShot(0, next_key)

        def start() -> None:
            if before is not None:
                before()
            if self.burst_typing:
                QTest.keyClicks(widget_of(), "".join(left))
                left.clear()
            next_key()

        fired = self.act(what, start)[0]
        return (lambda: fired() and not left, what, 30.0)


def wait(cond: Cond, what: str, timeout: float = 60.0) -> tuple[Cond, str, float]:
    return (cond, what, timeout)


def focus() -> QWidget:
    """Where a key goes. Xvfb runs no window manager, so nothing re-activates a window when a dialog closes; the
    harness does what a desktop's window manager does then (activate the top window) — no app code is called."""
    top = QApplication.activeModalWidget() or _main_window()
    assert top is not None, "no window to type into"
    if QApplication.activeWindow() is not top.window():
        # Shortcuts fire only in the active window; X activation is asynchronous: wait for it.
        top.window().activateWindow()
        QTest.qWaitForWindowActive(top.window(), 3000)
    w = QApplication.focusWidget()
    if w is not None and (w is top or top.isAncestorOf(w)):
        return w
    top.activateWindow()
    QApplication.processEvents()
    w = QApplication.focusWidget()
    return w if w is not None and (w is top or top.isAncestorOf(w)) else (top.focusWidget() or top)


def modal(kind: type = QDialog) -> Any:
    w = QApplication.activeModalWidget()
    return w if isinstance(w, kind) and w.isVisible() else None


def child(parent: QWidget, name: str, kind: type = QWidget) -> Any:
    found = parent.findChild(kind, name)
    assert found is not None, f"no {kind.__name__} {name!r} in {type(parent).__name__}"
    return found


def ime(widget: QWidget, text: str) -> None:
    """Text as an input method commits it (Chinese cannot be typed as key events)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def press(key: Qt.Key, mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> Callable[[], None]:
    return lambda: QTest.keyClick(focus(), key, mods)


def click(widget_of: Callable[[], QWidget]) -> Callable[[], None]:
    return lambda: QTest.mouseClick(widget_of(), Qt.MouseButton.LeftButton)


def scribble(pad_of: Callable[[], QWidget]) -> Callable[[], None]:
    """One pen stroke across the signature canvas (press, moves, release)."""

    def run() -> None:
        pad = pad_of()
        canvas = getattr(pad, "canvas", pad)
        r = canvas.rect()
        pts = [QPoint(int(r.width() * (0.15 + 0.07 * k)), int(r.height() * (0.5 + (0.2 if k % 2 else -0.2))))
               for k in range(10)]
        QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pts[0])
        for p in pts[1:]:
            QTest.mouseMove(canvas, p, 5)
        QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pts[-1])

    return run


# ---------------------------------------------------------------- the inspection, step by step

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
K = Qt.Key


SIGN_IN_PASSWORD = "xwindow-sign-in-1"
FIRST_OFFICER = "陈明哲"


def sign_in(d: Driver) -> Iterator[Any]:
    """The start-up sign-in, kept in one place: click the first officer of the team in the list, type the
    password, Enter."""
    from PySide6.QtWidgets import QListWidget

    yield wait(lambda: modal() is not None and modal().findChild(QListWidget, "officers") is not None,
               "the sign-in dialog")
    dlg = modal()
    officers = dlg.findChild(QListWidget, "officers")
    row = next(i for i in range(officers.count()) if officers.item(i).text().startswith(FIRST_OFFICER))
    yield d.act("click the officer", lambda: QTest.mouseClick(
        officers.viewport(), Qt.MouseButton.LeftButton, pos=officers.visualItemRect(officers.item(row)).center()))
    yield d.act("click the password field", click(lambda: dlg.findChild(QLineEdit, "password")))
    yield d.type("type the password", lambda: dlg.findChild(QLineEdit, "password"), SIGN_IN_PASSWORD)
    yield d.act("Enter: sign in", press(K.Key_Return))


def _main_window() -> Any:
    from inspector_app.ui.main_window import MainWindow

    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()), None)


def _focused_in_editor(checklist: Any, item: Any) -> bool:
    """The key will reach this item's editor: the window is active (activated as a window manager would) and the
    application's focus is inside the editor showing `item`."""
    if QApplication.activeWindow() is not checklist.window():
        checklist.window().activateWindow()
        return False
    editor = checklist.panel.editor
    fw = QApplication.focusWidget()
    return checklist.panel.item is item and editor is not None and fw is not None and editor.isAncestorOf(fw) \
        and fw.isVisible()


def _current(page: Any) -> Any:
    found = page.model.item_at(page.tree.currentIndex())
    return found


def _row_rect_center(view: Any, index: Any) -> QPoint:
    return view.visualRect(index).center()


def script(d: Driver, info: dict[str, Any], args: argparse.Namespace, out: dict[str, Any]) -> Iterator[Any]:
    from inspector_app.domain.checklist import AnswerType, ItemState
    from inspector_app.ui.dialogs.finding_dialog import FindingDialog
    from inspector_app.ui.dialogs.new_inspection_dialog import NewInspectionDialog
    from inspector_app.ui.dialogs.party_signoff_dialog import PartySignoffDialog
    from inspector_app.ui.dialogs.sign_dialog import SignDialog
    from inspector_app.ui.dialogs.signature_dialog import SignatureDialog
    from inspector_app.ui.models.roster_models import IdRole

    t0 = time.perf_counter()
    yield from sign_in(d)
    yield wait(lambda: _main_window() is not None and modal() is None, "the main window")
    w = _main_window()
    # its frame comes first; the officer acts once the workspace is open (the actions are enabled then)
    yield wait(lambda: w.ops.ready and w.actions_.new_inspection.isEnabled(), "the workspace to open")
    w.activateWindow()
    yield wait(lambda: QApplication.activeWindow() is w, "the window to be active")

    # -- create
    yield d.act("Ctrl+N", press(K.Key_N, CTRL))
    yield wait(lambda: modal(NewInspectionDialog) is not None, "the new-inspection dialog")
    dlg = modal(NewInspectionDialog)
    yield d.type("type the institution code", lambda: dlg.search, "H3799")
    yield wait(lambda: dlg.proxy.rowCount() == 1, "the institution to be found")
    yield d.act("click the institution", lambda: QTest.mouseClick(
        dlg.inst_view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
        _row_rect_center(dlg.inst_view, dlg.proxy.index(0, 0))))
    team_ids = [o[0] for o in info["officers"]]
    for officer_id in team_ids:
        if officer_id in dlg.officers.checked_ids():
            continue  # the signed-in officer comes ticked
        row = next(r for r in range(dlg.officers.rowCount()) if dlg.officers.index(r).data(IdRole) == officer_id)
        rect = dlg.officer_view.visualRect(dlg.officers.index(row))
        yield d.act("click an officer of the team", lambda rect=rect: QTest.mouseClick(
            dlg.officer_view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
            QPoint(rect.right() - 20, rect.center().y())))
        yield d.act("Space: tick the officer", press(K.Key_Space))
        yield wait(lambda officer_id=officer_id: officer_id in dlg.officers.checked_ids(),
                   lambda: f"the officer ticked (checked {dlg.officers.checked_ids()})")
    yield d.act("click Create", click(lambda: dlg.buttons.button(dlg.buttons.StandardButton.Ok)))
    yield wait(lambda: modal() is None and w.inspection_page.detail is not None, "the new inspection")
    page = w.inspection_page
    # -- 亮证 / 回避 for the whole team
    yield wait(lambda: page.team.table.rowCount() == 2, "the team")
    yield d.act("click the team table", lambda: QTest.mouseClick(
        page.team.table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
        page.team.table.visualItemRect(page.team.table.item(0, 0)).center()))
    yield d.act("Ctrl+A: the whole team", press(K.Key_A, CTRL))
    yield wait(lambda: len(page.team._selected_officers()) == 2, "both officers selected")
    yield d.act("Alt+W: credentials shown", press(K.Key_W, ALT))
    yield wait(lambda: all(m.credentials_shown_at for m in page.detail.team), "亮证 recorded")
    yield d.act("Alt+N: no conflict", press(K.Key_N, ALT))
    yield wait(lambda: all(m.has_conflict is False for m in page.detail.team), "回避 declared")
    yield d.act("Alt+T: start on site", press(K.Key_T, ALT))
    yield wait(lambda: page.detail.summary.status == "on_site" and page.tabs.currentWidget() is page.checklist,
               "on site, on the checklist")
    checklist = page.checklist
    yield wait(lambda: len(checklist.model.item_indexes()) > 0 and not checklist.panel.isHidden(), "the checklist")

    # -- every item: violations (each with a finding) answered one by one, the rest of each section in one action
    violations: list[str] = []
    per_section: dict[int, int] = {}
    while checklist.model.counts()[ItemState.UNANSWERED.value]:
        yield d.act("Ctrl+J: next unanswered", press(K.Key_J, CTRL))
        yield wait(lambda: _current(checklist) and checklist.panel.item is _current(checklist)[0]
                   and _current(checklist)[1].state == ItemState.UNANSWERED.value, "the next unanswered item")
        while True:
            item, answer = _current(checklist)
            section = checklist.tree.currentIndex().parent().row()
            need = len(violations) < args.violations and per_section.get(section, 0) < 3
            if not need:
                break
            if item.answer not in (AnswerType.BOOL, AnswerType.BOOL_NA) \
                    or answer.state != ItemState.UNANSWERED.value:
                items = checklist.model.item_indexes()
                here = next(n for n, ix in enumerate(items) if ix == checklist.tree.currentIndex())
                if here + 1 >= len(items) or items[here + 1].parent().row() != section:
                    break
                yield d.act("Ctrl+Down: next item", press(K.Key_Down, CTRL))
                yield wait(lambda here=here: checklist.tree.currentIndex() == items[here + 1]
                           and checklist.panel.item is _current(checklist)[0], "the next item")
                continue
            if len(violations) < args.findings:
                yield d.act("Ctrl+Shift+F: finding for the item", press(K.Key_F, CTRL | SHIFT))
                yield wait(lambda: modal(FindingDialog) is not None, "the finding dialog")
                fd = modal(FindingDialog)
                n = len(violations) + 1
                yield d.act("type what was found", lambda: (fd.description.setFocus(), QTest.keyClick(
                    fd.description, K.Key_End, CTRL),
                    ime(fd.description, f"抽查病历{n}份，发现{item.label}不符合规定。")))
                yield d.act("click the amount to recover", click(lambda: fd.recover))
                yield d.type("type the amount", lambda: fd.recover, f"{1000 + 250 * n}.00")
                yield d.act("Enter: save the finding", press(K.Key_Return))
                yield wait(lambda: modal() is None, "the finding saved")
                yield wait(lambda: checklist.panel.item is item and checklist.panel.editor is not None, "back on item")
                yield wait(lambda: checklist.panel.isAncestorOf(QApplication.focusWidget() or w.focusWidget()),
                           "the focus back on the item")
            yield wait(lambda item=item: _focused_in_editor(checklist, item), "the focus on the item's answer buttons")
            bad = "N" if item.compliant == "yes" else "Y"
            yield d.act(f"{bad}: {item.id} violates", press(K.Key_N if bad == "N" else K.Key_Y))
            yield wait(lambda: checklist.model.answer(answer.id).state == ItemState.VIOLATION.value,
                       f"{item.id} saved as a violation")
            violations.append(item.id)
            per_section[section] = per_section.get(section, 0) + 1
            yield wait(lambda: _current(checklist)[0] is not item and checklist.panel.item is _current(checklist)[0],
                       "the next item")
        left_in_section = [i for i in checklist.model.section_answer_ids(checklist.tree.currentIndex())
                           if checklist.model.answer(i).state == ItemState.UNANSWERED.value]
        if left_in_section:
            yield d.act("Ctrl+Shift+M: the rest of the section compliant", press(K.Key_M, CTRL | SHIFT))
            yield wait(lambda: all(checklist.model.answer(i).state != ItemState.UNANSWERED.value
                                   for i in left_in_section), "the section answered")
    out["violations"] = violations

    # -- 20 photos through the file dialog, the path typed
    yield d.act("click the Evidence tab", lambda: QTest.mouseClick(
        page.tabs.tabBar(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
        page.tabs.tabBar().tabRect(page.tabs.indexOf(page.evidence)).center()))
    yield wait(lambda: page.tabs.currentWidget() is page.evidence, "the evidence tab")
    yield d.act("Ctrl+O: add files", press(K.Key_O, CTRL))
    yield wait(lambda: modal(QFileDialog) is not None, "the file dialog")
    fdlg = modal(QFileDialog)
    name_edit = fdlg.findChild(QLineEdit, "fileNameEdit")
    yield d.type("type the folder", lambda: name_edit, info["photo_dir"], before=name_edit.setFocus)
    # Enter goes to the field typed into (the dialog may still be waiting for X to activate it).
    yield d.act("Enter: open the folder", lambda: QTest.keyClick(name_edit, K.Key_Return))
    yield wait(lambda: Path(fdlg.directory().absolutePath()) == Path(info["photo_dir"]), "the photo folder")
    listing = " ".join(f'"{n}"' for n in info["photos"])
    yield d.type("type the file names", lambda: name_edit, listing,
                 before=lambda: (name_edit.setFocus(), name_edit.selectAll()))
    yield d.act("Enter: import", lambda: QTest.keyClick(name_edit, K.Key_Return))
    yield wait(lambda: modal() is None and page.evidence.model.rowCount() == len(info["photos"]),
               f"{len(info['photos'])} photos imported", 300)

    # -- end of the on-site work, captures, the party, both officers sign
    yield d.act("Ctrl+Shift+Enter: finish on-site work", press(K.Key_Return, CTRL | SHIFT))
    yield wait(lambda: modal(QMessageBox) is not None, "the confirmation")
    yield d.act("Enter: yes", press(K.Key_Return))
    yield wait(lambda: page.detail.summary.status == "awaiting_signature", "awaiting signature")
    yield d.act("click the Signatures tab", lambda: QTest.mouseClick(
        page.tabs.tabBar(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
        page.tabs.tabBar().tabRect(page.tabs.indexOf(page.signing)).center()))
    signing = page.signing
    yield wait(lambda: signing.state is not None and signing.draw_button.isEnabled(), "the signing tab")
    for row in range(2):
        yield d.act(f"click officer {row + 1}", lambda row=row: QTest.mouseClick(
            signing.officers.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
            signing.officers.visualItemRect(signing.officers.item(row, 0)).center()))
        yield d.act("Alt+W: draw the handwritten signature", press(K.Key_W, ALT))
        yield wait(lambda: modal(SignatureDialog) is not None, "the signature pad")
        sd = modal(SignatureDialog)
        yield d.act("sign on the pad", scribble(lambda: sd.panel.pad))
        yield d.act("click OK", click(lambda: sd.buttons.button(sd.buttons.StandardButton.Ok)))
        yield wait(lambda: modal() is None and signing.state.officers[row].drawn, "the signature stored")
    yield d.act("Alt+P: the party signs", press(K.Key_P, ALT))
    yield wait(lambda: modal(PartySignoffDialog) is not None, "the party dialog")
    pd = modal(PartySignoffDialog)
    yield d.act("click the party's name", click(lambda: pd.party.name))
    yield d.act("type the name", lambda: ime(pd.party.name, "林书远"))
    yield d.act("sign on the pad", scribble(lambda: pd.party.pad))
    yield d.act("click Save", click(lambda: pd.buttons.button(pd.buttons.StandardButton.Save)))
    yield wait(lambda: modal() is None and signing.state is not None and signing.state.party is not None,
               "the party's sign-off")
    yield wait(lambda: signing.sign_button.isEnabled(), "ready to sign")
    passwords = {o[0]: o[2] for o in info["officers"]}
    for row in range(2):
        yield d.act(f"click officer {row + 1}", lambda row=row: QTest.mouseClick(
            signing.officers.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
            signing.officers.visualItemRect(signing.officers.item(row, 0)).center()))
        yield wait(lambda row=row: signing.officers.currentRow() == row, "the officer selected")
        officer_id = signing.selected_officer()
        password = passwords[officer_id]
        yield d.act("Alt+O: officer signs", press(K.Key_O, ALT))
        yield wait(lambda: modal(SignDialog) is not None, "the sign dialog")
        sg = modal(SignDialog)
        yield wait(lambda: sg.selected_officer() == officer_id,
                   lambda: f"the officer chosen ({sg.selected_officer()} vs {officer_id})")
        yield d.act("click the password", click(lambda: sg.password))
        yield d.type("type the password", lambda: sg.password, password)
        yield d.act("Enter: sign", press(K.Key_Return))
        yield wait(lambda: modal() is None, "the signature", 300)
        yield wait(lambda: signing.state is not None and signing.state.officers[row].signed, "signed")
    # -- export
    yield wait(lambda: signing.export_button.isEnabled(), "a document to export")
    target = Path(args.workdir) / "exported-record.pdf"
    yield d.act("Alt+X: export", press(K.Key_X, ALT))
    yield wait(lambda: modal(QFileDialog) is not None, "the save dialog")
    sdlg = modal(QFileDialog)
    save_edit = sdlg.findChild(QLineEdit, "fileNameEdit")
    yield d.type("type the path", lambda: save_edit, str(target), before=save_edit.selectAll)
    yield d.act("Enter: save", lambda: QTest.keyClick(save_edit, K.Key_Return))
    yield wait(lambda: target.exists() and target.stat().st_size > 1000, "the exported PDF", 120)
    out["pdf"] = str(target)
    out["wall_s"] = time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("workdir")
    parser.add_argument("--violations", type=int, default=10)
    parser.add_argument("--findings", type=int, default=10)
    parser.add_argument("--photos", type=int, default=20)
    parser.add_argument("--lang", default="zh_CN")
    parser.add_argument("--burst-typing", action="store_true", help="each typed string in one turn (QTest.keyClicks)")
    args = parser.parse_args(argv)
    workdir = Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    os.environ["INSPECTOR_HOME"] = str(workdir / "ws")
    info = prepare(workdir, args.photos, args.lang)
    from inspector_app.app import build_context
    from inspector_app.paths import resolve_paths
    from inspector_app.ui import launch

    out: dict[str, Any] = {"actions": 0, "error": None}
    app = launch.qt_app()
    # The Qt (non-native) file dialog: on a bare X server there is no platform one anyway.
    app.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)
    # The script's own imports (its first step, on the GUI thread while the sign-in dialog shows): done here, so
    # the heartbeat measures the app, not the harness loading the dialogs' classes it looks for.
    for name in ("inspector_app.domain.checklist", "inspector_app.ui.dialogs.finding_dialog",
                 "inspector_app.ui.dialogs.new_inspection_dialog", "inspector_app.ui.dialogs.party_signoff_dialog",
                 "inspector_app.ui.dialogs.sign_dialog", "inspector_app.ui.dialogs.signature_dialog",
                 "inspector_app.ui.models.roster_models"):
        importlib.import_module(name)
    driver = Driver(iter(()))
    driver.burst_typing = args.burst_typing
    driver.script = script(driver, info, args, out)
    driver.start()
    code = launch.run(lambda key: build_context(str(workdir / "ws"), device="xwindow-laptop", workspace_key=key),
                      args.lang, paths=resolve_paths(str(workdir / "ws")))
    out.update(actions=driver.actions, error=driver.error, max_stall_ms=round(driver.max_stall_ms, 1),
               max_turn_cpu_ms=round(driver.max_busy_ms, 1), busy_turns=driver.busy, late=driver.late,
               gui_cpu_s=round(driver.cpu_s, 2),
               stalls_over_100ms=driver.stalls, exit_code=code, log=driver.log)
    (workdir / "result.json").write_text(json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")
    print(json.dumps({k: v for k, v in out.items() if k != "log"}, ensure_ascii=False))
    return 0 if driver.error is None and "pdf" in out else 1


if __name__ == "__main__":
    sys.exit(main())
