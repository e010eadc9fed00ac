"""Benchmark: a whole inspection through the real window (Xvfb, xcb, key and mouse events only — the harness of
tests/xwindow/harness_keyboard.py) against the same work done by the services without any UI.

Subject: wall time of the scripted run, from the sign-in to the exported PDF (the harness waits on conditions,
never on fixed sleeps, so this is the app's own processing plus event delivery). Baseline: the demo's signed
inspection (demo/signed.signed_sample: create, 亮证/回避, every answer, findings, photos, captures, the
party, both officers' PAdES signatures) on a fresh workspace. Also printed: user actions (target ≤ 200) and the
event-loop stalls seen by a 10 ms heartbeat (target: none over 100 ms).

    .venv/bin/python tests/bench/bench_whole_inspection.py [--runs 3] [--photos 20]
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))


def baseline(workdir: Path) -> float:
    from inspector_app.app import build_context
    from inspector_app.demo.workspace import create_demo  # noqa: F401 - same roster code path as the demo
    from inspector_app.demo.signed import signed_sample
    from inspector_app.paths import resolve_paths
    from inspector_app.services.signin import WorkspaceKeys
    from tests.xwindow.harness_keyboard import SIGN_IN_PASSWORD, prepare

    # The same workspace the harness gets (encrypted, agency settings and certificates set up), opened with the
    # first officer's sign-in as the app would.
    info = prepare(workdir, 0)
    key = WorkspaceKeys(resolve_paths(str(workdir / "ws")).keys_dir).unlock(info["officers"][0][0], SIGN_IN_PASSWORD)
    ctx = build_context(str(workdir / "ws"), device="bench", workspace_key=key)
    try:
        officers = ctx.roster.officers()
        passwords = {officer_id: password for officer_id, _name, password in info["officers"]}
        institution = ctx.roster.institutions()[0]
        start = time.perf_counter()
        signed_sample(ctx, institution, officers, passwords, dt.datetime.now(dt.timezone.utc), lambda _m: None)
        return time.perf_counter() - start
    finally:
        ctx.close()


def main() -> int:
    import os

    from tests.xwindow.xvfb_run import run_harness

    # Fonts are built once per machine: measure the inspection, not a first start's font build (which runs on a
    # background thread and shows up as GIL stalls in the GUI thread).
    os.environ.setdefault("INSPECTOR_FONT_CACHE", str(Path.home() / ".cache" / "inspector-app-bench" / "fonts"))

    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--photos", type=int, default=20)
    parser.add_argument("--burst-typing", action="store_true",
                        help="each typed string in one event-loop turn (the harness's typing until issue 13's end)")
    args = parser.parse_args()
    subject, base, actions, stalls, worst = [], [], [], [], []
    for n in range(args.runs):
        with tempfile.TemporaryDirectory() as tmp:
            result = run_harness(Path(tmp) / "ui", "--photos", str(args.photos),
                                 *(["--burst-typing"] if args.burst_typing else []))
            if result["error"]:
                print(f"run {n + 1} failed: {result['error']}", file=sys.stderr)
                return 1
            subject.append(result["wall_s"])
            actions.append(result["actions"])
            stalls.append(result["stalls_over_100ms"])
            worst.append(result["max_stall_ms"])
            base.append(baseline(Path(tmp) / "base"))
        print(f"run {n + 1}: {actions[-1]} user actions, UI run {subject[-1]:.1f} s, services alone {base[-1]:.1f} s,"
              f" longest stall {worst[-1]:.0f} ms, stalls over 100 ms: {stalls[-1]}, longest GUI-thread turn "
              f"{result['max_turn_cpu_ms']:.0f} ms CPU, GUI thread {result['gui_cpu_s']:.1f} s CPU in all")
        for late in result.get("late", []):  # every stall over 60 ms: the load decides many (little CPU in them)
            print(f"    {late}")
    s, b = statistics.median(subject), statistics.median(base)
    print(f"user actions: {statistics.median(actions):.0f} (target <= 200); longest event-loop stall "
          f"{statistics.median(worst):.0f} ms, {statistics.median(stalls):.0f} over 100 ms (target: none)")
    print(f"BENCH whole_inspection subject_s={s:.2f} baseline_s={b:.2f} ratio={s / b:.2f} "
          f"size=58-items_10-violations_10-findings_{args.photos}-photos_2-signatures")
    return 0


if __name__ == "__main__":
    sys.exit(main())
