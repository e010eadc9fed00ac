"""Benchmark: a pull of a team's N changes with and without 1,000,000 other teams' changes in the server's feed.

Issue 17's target: the other teams' rows change the pull's cost by < 10 % — the feed is read through its
(team_id, seq) index, so a pull skips other teams' changes instead of paging through them.

Two worlds (in-process server through the ASGI transport, file-backed SQLite on both sides), the same N findings
pushed by alice (team t1) in each; in the second the server's feed first gets `--noise` changes of team t9 written
straight into its tables (the counter moved past them, as if other teams had pushed). Each repeat, a fresh laptop
of bob (team t1) pulls from cursor 0; the CPU time of client and server together is measured, interleaved.
Subject: the pull with the noise; baseline: the same pull without it.

Not part of the default test run (pytest ignores tests/bench). Run:

    .venv/bin/python tests/bench/bench_pull_scope.py [--n 10000] [--noise 1000000] [--repeat 3]

Last line: `BENCH pull_other_teams subject_s=<median> baseline_s=<median> ratio=<median> size=<what>`.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.bench.bench_sync import SPLIT, _cpu_split, _payloads  # noqa: E402  (sets INSPECTOR_FORMS)


def _world(root: Path, n: int, noise: int) -> Any:
    from inspector_app.storage import outbox_repo
    from tests.sync.harness import World
    from tests.sync.test_engine_e2e import LEAD, create_inspection

    root.mkdir(parents=True)
    world = World(root, cache=root.parent / "cache")
    if noise:
        _add_noise(Path(world.db_url), noise)
    a = world.make_client("a", "alice")
    assert a.engine.sync_round().ok
    iid = create_inspection(a)
    with a.ctx.unit(LEAD) as uow:
        wall = int(uow.now.timestamp() * 1000)
        for rid, payload in _payloads(iid, n, "x"):
            outbox_repo.enqueue(uow.session, "finding", rid, "create", payload, uow.now, wall)
    assert a.engine.sync_round().ok
    return world


def _add_noise(db: Path, noise: int) -> None:
    """`noise` changes of other teams' records at the head of the feed, the counter moved past them."""
    con = sqlite3.connect(db)
    with con:
        (top,) = con.execute("SELECT seq FROM sync_counter WHERE id = 1").fetchone()
        con.executemany("INSERT INTO changes (seq, entity, id, version, team_id) VALUES (?, 'finding', ?, 1, ?)",
                        ((top + k, f"other-{k:08d}", f"t9-{k % 50}") for k in range(1, noise + 1)))
        con.execute("UPDATE sync_counter SET seq = ? WHERE id = 1", (top + noise,))
    con.close()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--noise", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    from inspector_app.sync import account

    account.SCRYPT_N = 2**8   # the offline sign-in hash of the test accounts: not what is measured
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        clean = _world(root / "clean", args.n, 0)
        noisy = _world(root / "noisy", args.n, args.noise)
        times: dict[str, list[float]] = {"clean": [], "noisy": []}
        for k in range(args.repeat):
            for name, world in (("clean", clean), ("noisy", noisy)):
                b = world.make_client(f"b{k}", "bob")
                spent, pulled = _cpu_split(f"pull_{name}", b.engine.pull_all)
                assert pulled >= args.n, (name, pulled)
                times[name].append(spent)
            print(f"run {k}: pull {times['clean'][-1]:.3f} s clean, {times['noisy'][-1]:.3f} s with "
                  f"{args.noise:,} other teams' changes", flush=True)
        clean.close()
        noisy.close()
    for name in ("clean", "noisy"):
        print(f"pull {name}: server {statistics.median(SPLIT[f'pull_{name}_server']):.3f} s CPU, client "
              f"{statistics.median(SPLIT[f'pull_{name}_client']):.3f} s CPU")
    subject, baseline = statistics.median(times["noisy"]), statistics.median(times["clean"])
    print(f"BENCH pull_other_teams subject_s={subject:.3f} baseline_s={baseline:.3f} ratio={subject / baseline:.2f} "
          f"size={args.n}_own_changes_+{args.noise}_other_teams_x{args.repeat}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
