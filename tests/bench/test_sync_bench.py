"""Sync benchmarks (not part of the default run):

    .venv/bin/python -m pytest -o addopts="" -p no:randomly tests/bench/test_sync_bench.py -s

* push + pull of 10,000 mutations (in-process server, file-backed SQLite on both sides);
* uploading 1 GB of photos through the resumable protocol vs a raw HTTP upload of the same bytes to the same
  host in the same run (a real `inspector server` process and a minimal sink, both on 127.0.0.1);
  INSPECTOR_BENCH_UPLOAD_MB changes the volume (default 1024);
* a sync round with nothing to do, in-process and over loopback HTTP.

Results are printed and written to tests/bench/results-sync.json.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO

RESULTS: dict[str, Any] = {}
OUT = Path(__file__).parent / "results-sync.json"


def _record(key: str, value: Any) -> None:
    RESULTS[key] = value
    print(f"\n[bench] {key}: {value}")
    OUT.write_text(json.dumps(RESULTS, indent=2, ensure_ascii=False), encoding="utf-8")


@pytest.fixture
def world(tmp_path: Path, mini_forms: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    from tests.sync.harness import World, fast_kdf

    fast_kdf(monkeypatch)
    w = World(tmp_path, cache=tmp_path / "cache")
    yield w
    w.close()


def test_push_and_pull_10000_mutations(world) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.domain.ids import new_id
    from inspector_app.storage import outbox_repo
    from tests.sync.test_engine_e2e import LEAD, create_inspection

    a = world.make_client("a", "alice")
    b = world.make_client("b", "bob")
    assert a.engine.sync_round().ok and b.engine.sync_round().ok
    iid = create_inspection(a)
    assert a.engine.sync_round().ok and b.engine.sync_round().ok
    n = 10_000
    with a.ctx.unit(LEAD) as uow:
        wall = int(uow.now.timestamp() * 1000)
        for k in range(n):
            outbox_repo.enqueue(uow.session, "finding", new_id(), "create", {"data": {
                "inspection_id": iid, "answer_id": None, "item_id": None, "description": f"问题 {k}",
                "severity": "一般", "amount_involved": "0.00", "amount_to_recover": "0.00", "legal_basis": "",
                "penalty_article": ""}}, uow.now, wall)
    t0 = time.perf_counter()
    pushed = a.engine.push_all()
    t_push = time.perf_counter() - t0
    assert pushed == n
    t0 = time.perf_counter()
    pulled = b.engine.pull_all()
    t_pull = time.perf_counter() - t0
    assert pulled >= n
    _record("push_10k_mutations_s", round(t_push, 2))
    _record("push_mutations_per_s", round(n / t_push))
    _record("pull_10k_items_s", round(t_pull, 2))
    _record("pull_items_per_s", round(n / t_pull))


def test_nothing_to_do_round(world, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a = world.make_client("a", "alice")
    assert a.engine.sync_round().ok
    rounds = 50
    t0 = time.perf_counter()
    for _ in range(rounds):
        assert a.engine.sync_round().ok
    _record("idle_round_in_process_ms", round((time.perf_counter() - t0) / rounds * 1000, 2))
    from tests.sync.loopback import ServerProcess, client_workspace, seed

    db = str(tmp_path / "srv.sqlite3")
    seed(db, tmp_path)
    server = ServerProcess(db, tmp_path / "storage").start()
    try:
        app, engine = client_workspace(tmp_path, "h", server.url, "alice")
        assert engine.sync_round().ok
        t0 = time.perf_counter()
        for _ in range(rounds):
            assert engine.sync_round().ok
        _record("idle_round_loopback_http_ms", round((time.perf_counter() - t0) / rounds * 1000, 2))
        app.close()
    finally:
        server.stop()


SINK = r'''
import os, sys, uvicorn
target = sys.argv[2]
async def app(scope, receive, send):
    if scope["type"] != "http":
        return
    if scope["path"] == "/healthz":
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})
        return
    with open(os.path.join(target, scope["path"].strip("/")), "wb") as f:
        more = True
        while more:
            m = await receive()
            f.write(m.get("body", b""))
            more = m.get("more_body", False)
        f.flush()
        os.fsync(f.fileno())
    await send({"type": "http.response.start", "status": 201, "headers": []})
    await send({"type": "http.response.body", "body": b""})
uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning")
'''


@pytest.mark.timeout(1800)
def test_upload_1gb_vs_raw_http(tmp_path: Path, mini_forms: Path) -> None:
    import httpx

    from inspector_app.sync import actions
    from tests.sync.loopback import ServerProcess, client_workspace, free_port, seed
    from tests.sync.test_engine_e2e import LEAD
    from tests.sync.test_loopback import _create_inspection

    total_mb = int(os.environ.get("INSPECTOR_BENCH_UPLOAD_MB", "1024"))
    photo_mb = 8
    db = str(tmp_path / "srv.sqlite3")
    seed(db, tmp_path)
    server = ServerProcess(db, tmp_path / "storage").start()
    sink_dir = tmp_path / "sink"
    sink_dir.mkdir()
    sink_port = free_port()
    sink = subprocess.Popen([sys.executable, "-c", SINK, str(sink_port), str(sink_dir)],
                            env=dict(os.environ, PYTHONPATH=str(REPO)))
    try:
        app, engine = client_workspace(tmp_path, "u", server.url, "alice")
        engine.chunk_size = 8 << 20
        assert engine.sync_round().ok
        iid = _create_inspection(app)
        shas = []
        for _ in range(total_mb // photo_mb):
            shas.append(actions.attach_photo(app.ctx, LEAD, iid, os.urandom(photo_mb << 20)))
        assert engine.push_all() > 0
        files = sorted(p for p in (tmp_path / "client-u" / "blobs").rglob("*") if p.is_file())
        size = sum(p.stat().st_size for p in files)
        t0 = time.perf_counter()
        engine.upload_all()
        t_sync = time.perf_counter() - t0
        assert engine.status().photos_uploaded == len(files)
        for _ in range(100):
            try:
                if httpx.get(f"http://127.0.0.1:{sink_port}/healthz").status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        t0 = time.perf_counter()
        with httpx.Client(base_url=f"http://127.0.0.1:{sink_port}", timeout=120) as c:
            for p in files:
                with p.open("rb") as f:
                    assert c.put(f"/{p.name}", content=f).status_code == 201
        t_raw = time.perf_counter() - t0
        app.close()
        _record("upload_bytes", size)
        _record("upload_protocol_s", round(t_sync, 2))
        _record("upload_raw_http_s", round(t_raw, 2))
        _record("upload_protocol_MB_per_s", round(size / t_sync / 1e6, 1))
        _record("upload_raw_MB_per_s", round(size / t_raw / 1e6, 1))
        _record("upload_ratio_protocol_over_raw", round(t_sync / t_raw, 2))
    finally:
        server.stop()
        sink.terminate()
        sink.wait(timeout=10)
