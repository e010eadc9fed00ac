"""GUI benchmarks, each against its physical baseline measured in the same run (not part of the default run).

1. start-up to the first shown window — the sign-in dialog of the real entry (BENCH startup) —, through the sign-in
   (password typed at once) to the SHOWN MAIN WINDOW, whose frame appears before the workspace is open (BENCH
   startup_main_window), and on to its FILLED LIST (BENCH startup_list_filled), each vs a bare QApplication +
   QMainWindow, all as fresh processes (CPU time of the whole process);
2. importing photos through the window's import job (prepare on the pool, commit on the writer) vs reading +
   hashing + draft-decoding the same files with the same number of workers — and the longest event-loop stall
   seen by a 5 ms heartbeat timer during the import (target < 50 ms);
3. opening the inspection list on 10,000 inspections vs a bare QTableView over 10,000 rows of plain strings.

    .venv/bin/python tests/bench/bench_gui.py                  # all (200 photos of 12 MP)
    .venv/bin/python tests/bench/bench_gui.py startup          # start-up only; ends with its BENCH lines
    .venv/bin/python tests/bench/bench_gui.py list             # the 10,000-inspection list: open, sort, filter
    INSPECTOR_BENCH_PHOTOS=20 .venv/bin/python tests/bench/bench_gui.py
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# INSPECTOR_BENCH_REPO: measure another checkout's app with this bench (run by that checkout's Python), e.g. the
# base branch interleaved with this one on a shared machine.
REPO = Path(os.environ.get("INSPECTOR_BENCH_REPO") or Path(__file__).resolve().parents[2])
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))
# Times the list bench opens the window on the 10,000 inspections (median reported).
REPEAT_LIST = int(os.environ.get("INSPECTOR_BENCH_REPEAT", "5"))

# Each child reports wall time from just before its interpreter started, and its own CPU time (user + system,
# interpreter start-up included) at the moment the window is shown: on a shared 2-core machine CPU time is the
# figure that does not depend on what the neighbours do.
BARE = """
import time, sys, resource
t0 = float(sys.argv[1])
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.resize(1280, 820); w.show(); app.processEvents()
r = resource.getrusage(resource.RUSAGE_SELF)
print(time.time() - t0, r.ru_utime + r.ru_stime)
"""

# The bare window plus the one piece of work a password-protected start cannot skip: deriving the key from the
# password with the key slots' parameters (storage/keyslot_kdf.py: Argon2id; m, t, p filled in by the parent).
# Printed beside the baseline, never instead of it: it shows what the app adds to a start that must check a
# password.
BARE_KDF = """
import time, sys, resource
t0 = float(sys.argv[1])
from PySide6.QtWidgets import QApplication, QMainWindow
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
app = QApplication([])
Argon2id(salt=bytes(16), length=32, memory_cost=%d, iterations=%d, lanes=%d).derive(b"password typed")
w = QMainWindow(); w.resize(1280, 820); w.show(); app.processEvents()
r = resource.getrusage(resource.RUSAGE_SELF)
print(time.time() - t0, r.ru_utime + r.ru_stime)
"""

# The real entry (`inspector`: cli.main → desktop.launch_gui → ui/launch.run) on a workspace with sign-in (the
# demo): the password is typed into the sign-in dialog as soon as it is shown; reports the process's CPU (all
# threads: the workspace opens on a worker) and wall time when the MAIN WINDOW IS SHOWN (its frame: menus, status
# bar, "opening the workspace"), then again when its LIST IS FILLED (services attached, first query answered), and
# which heavy libraries were loaded by then.
FULL = """
import time, sys, resource, os
t0 = float(sys.argv[1])
from inspector_app import startup_gc
startup_gc.pause()  # what the entry (desktop.launch_gui) does before its first Qt import; this script imports Qt early
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from inspector_app.ui.launch import qt_app
app = qt_app()
name, password = sys.argv[3], sys.argv[4]
seen = {}
def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime
def check():
    w = QApplication.activeModalWidget()
    if "typed" not in seen and w is not None and w.isVisible() and type(w).__name__ == "OfficerSignInDialog":
        seen["typed"] = True
        w.list.setCurrentRow(next(n for n in range(w.list.count()) if name in w.list.item(n).text()))
        w.password.setText(password)
        w.sign_in_button.click()
    main = [x for x in QApplication.topLevelWidgets() if type(x).__name__ == "MainWindow" and x.isVisible()]
    if main and "shown" not in seen:
        app.processEvents()
        seen["shown"] = (time.time() - t0, cpu())
        seen["heavy"] = ",".join(m for m in ("sqlalchemy", "pyhanko", "reportlab", "alembic", "mako", "aiohttp",
                                             "fontTools") if m in sys.modules) or "-"
    if main and main[0].list_page.model.rowCount():
        (a, b) = seen["shown"]
        print(a, b, time.time() - t0, cpu(), seen["heavy"], flush=True)
        os._exit(0)
    QTimer.singleShot(2, check)
QTimer.singleShot(0, check)
from inspector_app.cli import main
main(["--data-dir", sys.argv[2], "--lang", "zh_CN"])
"""

# What the user sees first on a daily start (`inspector`, a workspace with sign-in set up): the real entry
# (cli.main → desktop.launch_gui → ui/launch.run) up to the shown sign-in dialog; also reports whether SQLAlchemy
# and the ORM were imported before it (they should come behind it, on the warm-up thread).
FIRST = """
import time, sys, resource, os
t0 = float(sys.argv[1])
from inspector_app import startup_gc
startup_gc.pause()  # what the entry (desktop.launch_gui) does before its first Qt import; this script imports Qt early
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from inspector_app.ui.launch import qt_app
app = qt_app()
def check():
    w = QApplication.activeModalWidget()
    if w is not None and w.isVisible() and type(w).__name__ == "OfficerSignInDialog":
        app.processEvents()
        r = resource.getrusage(resource.RUSAGE_SELF)
        heavy = ",".join(m for m in ("sqlalchemy", "inspector_app.storage.orm", "inspector_app.ui.main_window")
                         if m in sys.modules)
        print(time.time() - t0, r.ru_utime + r.ru_stime, heavy or "-", flush=True)
        os._exit(0)
    QTimer.singleShot(2, check)
QTimer.singleShot(0, check)
from inspector_app.cli import main
main(["--data-dir", sys.argv[2], "--lang", "zh_CN"])
"""


# The children use compiled bytecode as every real start does (the packaged app ships it, a checkout writes it on
# its first start): an environment with PYTHONDONTWRITEBYTECODE set (this machine's, some CI) would otherwise
# compile every module of the app from source on every start (≈ 80-100 ms of CPU before the main window), a cost
# no user pays. The caches go to a directory of their own (PYTHONPYCACHEPREFIX), never into the measured checkout;
# the first, unmeasured run of `bench_startup` writes them.
PYCACHE = Path(tempfile.gettempdir()) / "inspector-bench-pycache"


# A daily start is a returning user's: the window's size was saved at the last close (1280×820 here, the bare
# window's size). Without it a first start opens maximised when the screen is smaller than that (ui/launch.py
# `fit_to_screen`) — on the offscreen platform's 800×600 screen, a smaller window to paint than the bare one's.
RETURNING = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
from inspector_app.paths import resolve_paths
from inspector_app.ui.settings import UiSettings
app = QApplication([])
w = QMainWindow(); w.resize(1280, 820)
settings = UiSettings(resolve_paths(sys.argv[2]).settings_file)
settings.set_bytes("window/geometry", w.saveGeometry())
settings.sync()
"""


def _proc(code: str, *args: str) -> list[str]:
    env = dict(os.environ, PYTHONPATH=str(REPO), PYTHONPYCACHEPREFIX=str(PYCACHE))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return subprocess.run([sys.executable, "-c", code, repr(time.time()), *args], capture_output=True, text=True,
                          env=env, timeout=120, check=True, cwd=REPO).stdout.split()


def _median(values: list[float]) -> float:
    return statistics.median(values)


def bench_startup(workspace: str, repeat: int = int(os.environ.get("INSPECTOR_BENCH_REPEAT", "7"))
                  ) -> dict[str, float]:
    """Bare, first window and main window alternate, so a burst of load from elsewhere hits all alike; medians.

    `startup_main_window` is the real entry with the password typed as soon as the sign-in dialog shows, measured
    to the SHOWN MAIN WINDOW (its frame; the workspace is still opening on a worker); `startup_list_filled` is
    the same process measured on until the inspection list has its rows (services attached, first query done).
    Both count the whole process's CPU (every thread), the sign-in dialog and the key derivation included."""
    from inspector_app.storage.keyslot_kdf import ARGON2ID

    bare_kdf_script = BARE_KDF % (ARGON2ID["m"], ARGON2ID["t"], ARGON2ID["p"])
    bare_wall, bare_cpu, wall, cpu, listed, listed_cpu, heavy = [], [], [], [], [], [], set()
    first_wall, first_cpu, first_heavy, kdf_cpu = [], [], set(), []
    listing = Path(workspace) / "keys" / "demo-passwords.txt"
    name, _role, _cert, password, *_ = next(line.split("\t") for line in listing.read_text("utf-8").splitlines()
                                            if line and not line.startswith("#"))
    _proc(RETURNING, workspace)
    _proc(FULL, workspace, name, password)  # warm the OS file cache, the compiled translations and bytecode once
    _proc(BARE)
    for _ in range(repeat):
        b = _proc(BARE)
        bare_wall.append(float(b[0]))
        bare_cpu.append(float(b[1]))
        kdf_cpu.append(float(_proc(bare_kdf_script)[1]))
        s = _proc(FIRST, workspace)
        first_wall.append(float(s[0]))
        first_cpu.append(float(s[1]))
        first_heavy.update(x for x in s[2].split(",") if x != "-")
        f = _proc(FULL, workspace, name, password)
        wall.append(float(f[0]))
        cpu.append(float(f[1]))
        listed.append(float(f[2]))
        listed_cpu.append(float(f[3]))
        heavy.update(x for x in f[4].split(",") if x != "-")
    load = os.getloadavg()[0]
    ratios = [c / b for c, b in zip(cpu, bare_cpu)]
    listed_ratios = [c / b for c, b in zip(listed_cpu, bare_cpu)]
    first_ratios = [c / b for c, b in zip(first_cpu, bare_cpu)]
    print(f"start-up, medians of {repeat}: bare QApplication+QMainWindow CPU {_median(bare_cpu) * 1000:.0f} ms "
          f"(wall {_median(bare_wall) * 1000:.0f} ms); real entry with sign-in to the shown main window CPU "
          f"{_median(cpu) * 1000:.0f} ms (wall {_median(wall) * 1000:.0f} ms), list filled CPU "
          f"{_median(listed_cpu) * 1000:.0f} ms (wall {_median(listed) * 1000:.0f} ms); heavy libraries loaded "
          f"when the main window showed: {', '.join(sorted(heavy)) or 'none'}; load average {load:.1f}")
    print(f"first window (sign-in dialog, real entry): CPU {_median(first_cpu) * 1000:.0f} ms "
          f"(wall {_median(first_wall) * 1000:.0f} ms), CPU ratio {_median(first_ratios):.2f}×, wall ratio "
          f"{_median(first_wall) / _median(bare_wall):.2f}×; imported before it: "
          f"{', '.join(sorted(first_heavy)) or 'no SQLAlchemy, no ORM, no main window'}")
    print(f"BENCH startup subject_s={_median(first_cpu):.3f} baseline_s={_median(bare_cpu):.3f} "
          f"ratio={_median(first_ratios):.2f} size=first-window-sign-in-cpu-time")
    print(f"BENCH startup_main_window subject_s={_median(cpu):.3f} baseline_s={_median(bare_cpu):.3f} "
          f"ratio={_median(ratios):.2f} size=demo-sign-in-to-shown-main-window-cpu-time")
    kdf_ratios = [c / k for c, k in zip(cpu, kdf_cpu)]
    print(f"BENCH startup_main_window_vs_bare_with_kdf subject_s={_median(cpu):.3f} baseline_s={_median(kdf_cpu):.3f} "
          f"ratio={_median(kdf_ratios):.2f} size=demo-sign-in-to-shown-main-window-cpu-time-vs-bare-window-plus-"
          f"the-same-key-derivation")
    print(f"BENCH startup_list_filled subject_s={_median(listed_cpu):.3f} baseline_s={_median(bare_cpu):.3f} "
          f"ratio={_median(listed_ratios):.2f} size=demo-sign-in-to-list-filled-cpu-time")
    return {"bare_cpu_s": _median(bare_cpu), "cpu_s": _median(cpu), "ratio": _median(ratios),
            "first_cpu_s": _median(first_cpu), "first_ratio": _median(first_ratios),
            "wall_s": _median(wall), "listed_s": _median(listed), "listed_ratio": _median(listed_ratios)}


def bench_import_gui(count: int) -> dict[str, float]:
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer

    from inspector_app.ui.import_job import ImportJob
    from inspector_app.ui.launch import build_window, qt_app
    from tests.bench.bench_import import _workspace, baseline, ensure_photos

    files = ensure_photos(count)
    for f in files:
        f.read_bytes()
    app = qt_app()
    workers = os.cpu_count() or 1
    base = baseline(files, workers)
    os.environ["INSPECTOR_FORMS"] = str(REPO / "tests" / "fixtures" / "forms")
    with tempfile.TemporaryDirectory(prefix="inspector-gui-bench-") as tmp:
        ctx, actor, iid = _workspace(Path(tmp) / "ws")
        window = build_window(ctx, actor, "zh_CN")
        window.ops.runner._pool.setMaxThreadCount(workers)
        window.show()
        window.open_inspection(iid)
        app.processEvents()
        beat = QElapsedTimer()
        beat.start()
        worst = [0]

        def tick() -> None:
            gap = beat.restart()
            worst[0] = max(worst[0], gap)

        heart = QTimer()
        heart.setInterval(5)
        heart.timeout.connect(tick)
        job = ImportJob(window.ops, iid, files, window.inspection_page.evidence, show_progress=True)
        loop = QEventLoop()
        result: dict = {}
        job.finished.connect(lambda r: (result.update(r), loop.quit()))
        t0 = time.perf_counter()
        beat.restart()
        heart.start()
        job.start()
        loop.exec()
        heart.stop()
        elapsed = time.perf_counter() - t0
        window.close()
        ctx.close()
    assert len(result["imported"]) == count, result["refused"]
    print(f"import via the window: {count} photos 4000×3000 in {elapsed:.2f} s vs baseline (read + sha256 + draft "
          f"decode, {workers} workers) {base:.2f} s: ratio {elapsed / base:.2f}×; longest event-loop stall "
          f"{worst[0]} ms (target < 50 ms)")
    return {"import_s": elapsed, "baseline_s": base, "ratio": elapsed / base, "stall_ms": worst[0]}


def make_10k(root: Path, n: int = 10_000) -> str:
    """A workspace with n inspections, inserted in bulk (the services would take minutes): same tables, same
    shapes as real ones (team of two, one pinned template with every item, a few answered)."""
    from sqlalchemy import insert

    from inspector_app.app import build_context
    from inspector_app.domain.credit_code import make_credit_code
    from inspector_app.domain.ids import new_id
    from inspector_app.domain.roster import Category, InstitutionData, Level, OfficerData, Ownership
    from inspector_app.services.context import Actor
    from inspector_app.services.templates import pin
    from inspector_app.storage.orm import AnswerRow, InspectionRow, InspectionTemplateRow, TeamMemberRow

    ctx = build_context(str(root))
    admin = Actor("管理员")
    insts = [ctx.roster.add_institution(admin, InstitutionData(
        f"基准测试医院{i:03d}", Category.HOSPITAL, Level.SECONDARY, Ownership.PUBLIC,
        make_credit_code(f"12379902MB{i:07d}")))[0] for i in range(200)]
    officers = [ctx.roster.add_officer(admin, OfficerData(f"官员{i}", "科", f"证{i}", dt.date(2030, 1, 1)))[0]
                for i in range(6)]
    template = ctx.library.templates["pharmacy"]
    now = dt.datetime.now(dt.timezone.utc)
    with ctx.ctx.unit(admin) as uow:
        pin(uow.session, template)
        insp, team, links, answers = [], [], [], []
        for i in range(n):
            iid = new_id()
            insp.append(dict(id=iid, institution_id=insts[i % 200].id, inspection_type="专项检查", mode="行政检查",
                             place="", planned_at=now - dt.timedelta(hours=i), status="on_site", created_by="bench",
                             created_at=now, updated_at=now))
            for k in (0, 1):
                team.append(dict(id=new_id(), inspection_id=iid, officer_id=officers[(i + k) % 6].id, role="member",
                                 conflict_note="", created_at=now, updated_at=now))
            links.append(dict(inspection_id=iid, template_hash=template.content_hash, position=0))
            for pos, item in enumerate(template.items()):
                answers.append(dict(id=new_id(), inspection_id=iid, template_hash=template.content_hash,
                                    item_id=item.id, position=pos, value=None, note="",
                                    state="compliant" if pos < i % 10 else "unanswered", updated_at=now))
        s = uow.session
        s.execute(insert(InspectionRow), insp)
        s.execute(insert(TeamMemberRow), team)
        s.execute(insert(InspectionTemplateRow), links)
        s.execute(insert(AnswerRow), answers)
    ctx.close()
    return str(root)


def bench_list_10k(workspace: str) -> dict[str, float]:
    from PySide6.QtCore import QAbstractTableModel, QEventLoop, QModelIndex, Qt, QTimer
    from PySide6.QtWidgets import QTableView

    from inspector_app.app import build_context
    from inspector_app.services.context import Actor
    from inspector_app.ui.launch import build_window, qt_app

    app = qt_app()

    class Plain(QAbstractTableModel):
        def __init__(self, rows: list[list[str]]):
            super().__init__()
            self.rows = rows

        def rowCount(self, p=QModelIndex()):  # noqa: N802, B008
            return len(self.rows)

        def columnCount(self, p=QModelIndex()):  # noqa: N802, B008
            return 9

        def data(self, i, role=Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
            return self.rows[i.row()][i.column()] if role == Qt.ItemDataRole.DisplayRole else None

    rows = [[f"基准测试医院{i % 200:03d}", "专项检查", "行政检查", "检查中", "2026-11-23 10:00", "官员1、官员2",
             "50%", "0", ""] for i in range(10_000)]

    def bare_view() -> float:
        t0 = time.perf_counter()
        view = QTableView()
        view.setModel(Plain(rows))
        view.resize(1280, 800)
        view.show()
        app.processEvents()
        elapsed = time.perf_counter() - t0
        view.close()
        return elapsed

    ctx = build_context(workspace)
    o = ctx.roster.officers()[0]

    def open_window() -> tuple[float, float, Any]:
        t0 = time.perf_counter()
        summaries = ctx.queries.inspections()
        query = time.perf_counter() - t0
        window = build_window(ctx, Actor(o.name, o.id), "zh_CN")
        window.show()
        loop = QEventLoop()

        def check() -> None:
            if window.list_page.model.rowCount() == len(summaries):
                loop.quit()
            else:
                QTimer.singleShot(5, check)

        check()
        loop.exec()
        app.processEvents()
        # The window loads the list itself (off the GUI thread): its time is what the user waits for, from the
        # window's creation to the filled list; the query the bench ran first only tells the count to wait for.
        return time.perf_counter() - t0 - query, query, window

    bares, opens, queries = [], [], []
    for n in range(REPEAT_LIST):
        bares.append(bare_view())
        opened, query, window = open_window()
        opens.append(opened)
        queries.append(query)
        if n < REPEAT_LIST - 1:
            window.close()
            window.deleteLater()
            app.processEvents()
    bare, opened, query = statistics.median(bares), statistics.median(opens), statistics.median(queries)
    ops = list_operations(window.list_page, app)
    window.close()
    ctx.close()
    print(f"list of 10,000 inspections, medians of {REPEAT_LIST}: aggregate query {query * 1000:.0f} ms; window "
          f"opened and filled {opened * 1000:.0f} ms ({', '.join(f'{v * 1000:.0f}' for v in opens)}) vs bare "
          f"QTableView over 10,000 plain rows {bare * 1000:.0f} ms (ratio {opened / bare:.2f}×); load average "
          f"{os.getloadavg()[0]:.1f}")
    print("list operations on 10,000 rows (GUI thread, ms): " + ", ".join(f"{k} {v:.0f}" for k, v in ops.items()))
    print(f"BENCH list_10k subject_s={opened:.3f} baseline_s={bare:.3f} ratio={opened / bare:.2f} "
          f"size=10000-inspections-open-filled (target ≤ 350 ms); fill and worst sort/filter "
          f"{max(ops.values()):.0f} ms")
    return {"query_ms": query * 1000, "open_ms": opened * 1000, "bare_ms": bare * 1000, "ratio": opened / bare,
            **ops}


def list_operations(page: Any, app: Any) -> dict[str, float]:
    """Sort by every column (header clicks, both directions) and filter (search text, status, clearing) on the
    filled list; each timed to the repaint (processEvents)."""
    from PySide6.QtCore import Qt

    out: dict[str, float] = {}

    def timed(name: str, fn: Any) -> None:
        t0 = time.perf_counter()
        fn()
        app.processEvents()
        out[name] = max(out.get(name, 0.0), (time.perf_counter() - t0) * 1000)

    rows = [page.model.summary(r) for r in range(page.model.rowCount())]
    timed("fill (set_rows of the loaded summaries)", lambda: page.set_rows(list(reversed(rows))))
    for col in range(page.model.columnCount()):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            timed("sort (worst column)", lambda col=col, order=order: page.view.sortByColumn(col, order))
    timed("filter text", lambda: page.search.setText("医院01"))
    timed("filter text 2", lambda: page.search.setText("医院017"))
    timed("filter status", lambda: page.status.setCurrentIndex(2))
    timed("clear filters", lambda: (page.search.clear(), page.status.setCurrentIndex(0)))
    return out


def main() -> None:
    count = int(os.environ.get("INSPECTOR_BENCH_PHOTOS", "200"))
    with tempfile.TemporaryDirectory(prefix="inspector-bench-") as tmp:
        demo = Path(tmp) / "demo"
        from inspector_app.cli import main as cli

        cli(["demo", "--data-dir", str(demo)])
        bench_startup(str(demo))
        bench_list_10k(make_10k(Path(tmp) / "10k"))
    bench_import_gui(count)


def test_bench_gui() -> None:
    main()


def main_startup() -> None:
    if os.environ.get("INSPECTOR_BENCH_DEMO"):  # a demo workspace made before (`inspector demo`): no 3-minute setup
        bench_startup(os.environ["INSPECTOR_BENCH_DEMO"])
        return
    with tempfile.TemporaryDirectory(prefix="inspector-bench-") as tmp:
        from inspector_app.cli import main as cli

        cli(["demo", "--data-dir", str(Path(tmp) / "demo")])
        bench_startup(str(Path(tmp) / "demo"))


def main_list() -> None:
    with tempfile.TemporaryDirectory(prefix="inspector-bench-") as tmp:
        bench_list_10k(make_10k(Path(tmp) / "10k"))


if __name__ == "__main__":
    {"startup": main_startup, "list": main_list}.get(sys.argv[1] if sys.argv[1:] else "", main)()
    # PySide6 can crash while finalising leftover wrappers at interpreter exit; the figures are printed already.
    sys.stdout.flush()
    os._exit(0)
