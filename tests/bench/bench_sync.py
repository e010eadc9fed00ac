"""Benchmark: sync push and pull of N mutations against plain SQLite inserts of the same rows, and the idle round.

Subject (in-process server through the ASGI transport, file-backed SQLite on both sides, so the CPU time of
client and server together is measured): `push_all()` of N pending finding creates; then a second client's
`pull_all()` of those N records (applied to its sync state and projected into its domain tables).
Baseline: the same N rows (id + JSON data) inserted with the stdlib sqlite3 module into a file-backed table
(WAL, synchronous=FULL) in one transaction. Both are timed in CPU seconds, interleaved, `--repeat` times.
The idle round (nothing to push, pull or upload) is timed against a bare request through the same transport and
counts its write statements (target: none).

Last lines: `BENCH sync_push ...`, `BENCH sync_pull ...`, `BENCH sync_idle_round ...` with
subject_s=<median> baseline_s=<median> ratio=<ratio of medians> size=<what>.

Not part of the default test run (pytest ignores tests/bench). Run:

    .venv/bin/python tests/bench/bench_sync.py [--n 10000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
os.environ.setdefault("INSPECTOR_FORMS", str(REPO / "tests" / "fixtures" / "forms"))


def _cpu(fn: Any) -> tuple[float, Any]:
    t = time.process_time()
    result = fn()
    return time.process_time() - t, result


SPLIT: dict[str, list[float]] = {}


def _cpu_split(name: str, fn: Any) -> tuple[float, Any]:
    """Process CPU time, and its split: the client runs on this (main) thread, the in-process server on the
    transport's event-loop and worker threads, so server CPU = process CPU - this thread's CPU."""
    t, c = time.process_time(), time.thread_time()
    result = fn()
    total, client = time.process_time() - t, time.thread_time() - c
    SPLIT.setdefault(name + "_client", []).append(client)
    SPLIT.setdefault(name + "_server", []).append(total - client)
    return total, result


def _payloads(iid: str, n: int, tag: str) -> list[tuple[str, dict[str, Any]]]:
    from inspector_app.domain.ids import new_id

    return [(new_id(), {"data": {
        "inspection_id": iid, "answer_id": None, "item_id": None, "description": f"问题 {tag}-{k}",
        "severity": "一般", "amount_involved": "0.00", "amount_to_recover": "0.00", "legal_basis": "",
        "penalty_article": ""}}) for k in range(n)]


def _baseline(root: Path, rows: list[tuple[str, dict[str, Any]]], k: int) -> float:
    path = root / f"plain-{k}.sqlite3"
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=FULL")
    con.execute("CREATE TABLE findings(id TEXT PRIMARY KEY, data TEXT NOT NULL)")
    con.commit()
    t = time.process_time()
    with con:
        con.executemany("INSERT INTO findings VALUES (?, ?)",
                        [(rid, json.dumps(p, ensure_ascii=False)) for rid, p in rows])
    spent = time.process_time() - t
    con.close()
    return spent


def _count_writes(engine: Any) -> list[str]:
    from sqlalchemy import event

    seen: list[str] = []

    def before(_c: Any, _cur: Any, statement: str, *_a: Any) -> None:
        if statement.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE", "REPLACE")):
            seen.append(statement.split(None, 3)[:3][-1])

    event.listen(engine, "before_cursor_execute", before)
    return seen


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--idle-rounds", type=int, default=50)
    args = ap.parse_args()

    from inspector_app.storage import outbox_repo
    from inspector_app.sync import account
    from inspector_app.sync.transport import Request
    from tests.sync.harness import World
    from tests.sync.test_engine_e2e import LEAD, create_inspection

    account.SCRYPT_N = 2**8   # the offline sign-in hash of the test accounts: not what is measured
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        world = World(root, cache=root / "cache")
        a = world.make_client("a", "alice")
        b = world.make_client("b", "bob")
        assert a.engine.sync_round().ok and b.engine.sync_round().ok
        iid = create_inspection(a)
        assert a.engine.sync_round().ok and b.engine.sync_round().ok
        push_s, pull_s, base_s = [], [], []
        for k in range(args.repeat):
            rows = _payloads(iid, args.n, str(k))
            with a.ctx.unit(LEAD) as uow:
                wall = int(uow.now.timestamp() * 1000)
                for rid, payload in rows:
                    outbox_repo.enqueue(uow.session, "finding", rid, "create", payload, uow.now, wall)
            base_s.append(_baseline(root, rows, k))
            spent, pushed = _cpu_split("push", a.engine.push_all)
            assert pushed == args.n, pushed
            push_s.append(spent)
            spent, pulled = _cpu_split("pull", b.engine.pull_all)
            assert pulled >= args.n, pulled
            pull_s.append(spent)
            print(f"run {k}: push {push_s[-1]:.3f} s, pull {pull_s[-1]:.3f} s, plain inserts {base_s[-1]:.3f} s",
                  flush=True)
        writes = _count_writes(a.ctx.engine)
        assert a.engine.sync_round().ok
        writes.clear()
        idle, bare = [], []
        token = {"Authorization": "Bearer x"}
        for _ in range(args.idle_rounds):
            spent, res = _cpu(a.engine.sync_round)
            assert res.ok
            idle.append(spent)
            bare.append(_cpu(lambda: a.transport.send(Request("GET", "/healthz", headers=token)))[0])
        idle_writes = len(writes)
        world.close()
    b_med = statistics.median(base_s)
    for name, times in (("sync_push", push_s), ("sync_pull", pull_s)):
        med = statistics.median(times)
        print(f"{name}: {args.n / med:,.0f} items/s (CPU)")
        for side in ("client", "server"):
            part = statistics.median(SPLIT[f"{name[5:]}_{side}"])
            print(f"{name} {side}: {part:.3f} s CPU = {args.n / part:,.0f} items/s")
        print(f"BENCH {name} subject_s={med:.3f} baseline_s={b_med:.3f} ratio={med / b_med:.2f} "
              f"size={args.n}_findings_x{args.repeat}")
    i_med, h_med = statistics.median(idle), statistics.median(bare)
    print(f"BENCH sync_idle_round subject_s={i_med:.4f} baseline_s={h_med:.4f} ratio={i_med / h_med:.2f} "
          f"size={args.idle_rounds}_rounds_writes={idle_writes}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
