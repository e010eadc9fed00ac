"""Benchmark: 50 clients pushing at once to a real server on PostgreSQL, 4 uvicorn workers against 1 worker.

PostgreSQL is started from the system's binaries (tests/sync/pg.py, as the test suite does); each configuration
gets a fresh clone of a seeded database and `inspector server --workers N` on 127.0.0.1. One inspection exists;
50 clients (threads in this process, each its own registered client_id, users alice and bob of its team) each
send `--pushes` push requests of `--batch` new findings over keep-alive HTTP, all at once. Measured: the wall
time until every push is answered (throughput = mutations / wall) and each push's latency (p50, p95).
Subject = 4 workers, baseline = 1 worker, alternated `--repeat` times. Ends with
`BENCH pg_50_clients subject_s=<median wall, 4 workers> baseline_s=<median wall, 1 worker> ratio=<median> size=...`
(a ratio below 0.5 is the issue's "≥ 2× throughput"). On a 2-core machine shared with other work the workers
compete for the same cores as PostgreSQL and the clients: read the figure with the machine's load.
Not part of the default test run.

    .venv/bin/python tests/bench/bench_concurrent.py [--clients 50] [--pushes 4] [--batch 50] [--repeat 2]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))


def _finding(iid: str, k: int) -> dict[str, Any]:
    return {"data": {"inspection_id": iid, "answer_id": None, "item_id": None, "description": f"问题 {k}",
                     "severity": "一般", "amount_involved": "0.00", "amount_to_recover": "0.00", "legal_basis": "",
                     "penalty_article": ""}}


def _server(db_url: str, storage: Path, workers: int) -> tuple[subprocess.Popen[bytes], str]:
    import httpx

    from tests.sync.loopback import CLI, _env, free_port

    port = free_port()
    proc = subprocess.Popen([*CLI, "--db", db_url, "--storage", str(storage), "--host", "127.0.0.1", "--port",
                             str(port), "--workers", str(workers)], env=_env(), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                return proc, url
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("server did not start")


def _run(url: str, iid: str, args: argparse.Namespace) -> tuple[float, list[float]]:
    import httpx

    from inspector_app.domain.ids import new_id
    from inspector_app.syncproto import wire
    from tests.sync.harness import PASSWORD

    tokens = {}
    for user in ("alice", "bob"):
        r = httpx.post(f"{url}/sync/v1/login", json={"user": user, "password": PASSWORD}, timeout=60)
        assert r.status_code == 200, r.text
        tokens[user] = r.json()["token"]
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    start = threading.Barrier(args.clients + 1)

    def client(n: int) -> None:
        h = {"Authorization": f"Bearer {tokens['alice' if n % 2 else 'bob']}"}
        cid = new_id()
        with httpx.Client(base_url=url, timeout=120, headers=h) as http:
            r = http.post("/sync/v1/hello", json=wire.hello_request(cid, "bench"))
            epoch = r.json()["epoch"]
            bodies = []
            seq = 0
            for _push in range(args.pushes):
                muts = []
                for k in range(args.batch):
                    seq += 1
                    muts.append(wire.mutation(seq, new_id(), "finding", new_id(), "create", _finding(iid, k),
                                              f"{1_700_000_000_000 + seq}:0:{cid}"))
                bodies.append(wire.push_request(cid, epoch, muts))
            start.wait()
            for body in bodies:
                t0 = time.perf_counter()
                r = http.post("/sync/v1/push", json=body)
                spent = time.perf_counter() - t0
                with lock:
                    if r.status_code != 200 or r.json()["last_seq"] != body["mutations"][-1]["client_seq"]:
                        errors.append(f"{r.status_code} {r.text[:200]}")
                    latencies.append(spent)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(args.clients)]
    for t in threads:
        t.start()
    start.wait()
    t0 = time.perf_counter()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    assert not errors, errors[:3]
    return wall, latencies


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--pushes", type=int, default=4)
    ap.add_argument("--batch", type=int, default=50)
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args()
    os.environ.setdefault("INSPECTOR_FORMS", str(REPO / "tests" / "fixtures" / "forms"))
    from inspector_app.sync import account
    from tests.sync.harness import World
    from tests.sync.pg import Cluster
    from tests.sync.test_engine_e2e import create_inspection

    account.SCRYPT_N = 2**8
    tmp = Path(tempfile.mkdtemp(prefix="bench-pg-"))
    cluster = Cluster().start()
    try:
        seed = cluster.create_db()
        w = World(tmp / "seed", db_url=cluster.url(seed), cache=tmp / "cache")
        a = w.make_client("a", "alice")
        assert a.engine.sync_round().ok
        iid = create_inspection(a)
        assert a.engine.sync_round().ok
        w.close()
        n = args.clients * args.pushes * args.batch
        walls: dict[int, list[float]] = {1: [], 4: []}
        p95: dict[int, list[float]] = {1: [], 4: []}
        for run in range(args.repeat):
            for workers in (1, 4):
                name = cluster.create_db(template=seed)
                proc, url = _server(cluster.url(name), tmp / f"storage-{run}-{workers}", workers)
                try:
                    wall, lat = _run(url, iid, args)
                finally:
                    proc.terminate()
                    proc.wait(timeout=60)
                    cluster.drop_db(name)
                q = statistics.quantiles(lat, n=20)
                walls[workers].append(wall)
                p95[workers].append(q[18])
                print(f"run {run} workers={workers}: {n} mutations in {wall:.2f}s = {n / wall:,.0f}/s, push p50 "
                      f"{statistics.median(lat):.3f}s p95 {q[18]:.3f}s", flush=True)
        ratios = [s / b for s, b in zip(walls[4], walls[1])]
        for workers in (1, 4):
            print(f"workers={workers}: {n / statistics.median(walls[workers]):,.0f} mutations/s, "
                  f"push p95 {statistics.median(p95[workers]):.3f}s")
        print(f"BENCH pg_50_clients subject_s={statistics.median(walls[4]):.3f} "
              f"baseline_s={statistics.median(walls[1]):.3f} ratio={statistics.median(ratios):.3f} "
              f"size={args.clients}_clients_x{args.pushes}_pushes_x{args.batch}_findings_4_vs_1_workers", flush=True)
    finally:
        cluster.stop()
        import shutil

        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
