"""Benchmark: the encrypted workspace (SQLCipher + sealed files) against the plain one, same work, same run.

* encrypted_import   = bench_import's photo import (prepare on N threads: verify, EXIF, sha256, sealed copy with
                       fsync, sealed thumbnail; commit on one writer) into an encrypted vs a plain workspace;
* encrypted_services = a burst of service calls (answers, findings, evidence from bytes, list/detail reads, journal
                       verification) on an encrypted vs a plain workspace.

Runs are interleaved (plain, encrypted, plain, …) so a shared machine's noise hits both sides; each benchmark ends
with `BENCH <name> subject_s=<median> baseline_s=<median> ratio=<median of per-run ratios> size=<what>`.
Target: ratio ≤ 1.15. Not part of the default test run.

    .venv/bin/python tests/bench/bench_encryption.py
    INSPECTOR_BENCH_PHOTOS=20 INSPECTOR_BENCH_REPEAT=3 .venv/bin/python tests/bench/bench_encryption.py
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from tests import imaging  # noqa: E402
from tests.bench import bench_import  # noqa: E402


def _report(name: str, plain: list[float], encrypted: list[float], size: str) -> dict[str, float]:
    ratios = [e / p for p, e in zip(plain, encrypted)]
    out = {"subject_s": statistics.median(encrypted), "baseline_s": statistics.median(plain),
           "ratio": statistics.median(ratios)}
    print(f"BENCH {name} subject_s={out['subject_s']:.3f} baseline_s={out['baseline_s']:.3f} "
          f"ratio={out['ratio']:.3f} size={size}", flush=True)
    return out


def bench_import_photos(repeat: int) -> dict[str, float]:
    count = int(os.environ.get("INSPECTOR_BENCH_PHOTOS", "40"))
    workers = int(os.environ.get("INSPECTOR_BENCH_WORKERS", "0")) or os.cpu_count() or 1
    files = bench_import.ensure_photos(count)
    for f in files:
        f.read_bytes()
    plain, encrypted = [], []
    for r in range(repeat):
        for key, sink in ((None, plain), (os.urandom(32), encrypted)):
            with tempfile.TemporaryDirectory(prefix="inspector-bench-") as tmp:
                wall, _cpu, _commit, rows = bench_import.import_parallel(files, workers, Path(tmp) / "ws", key)
                assert rows == count
                sink.append(wall)
        print(f"  run {r + 1}: plain {plain[-1]:.2f} s, encrypted {encrypted[-1]:.2f} s", flush=True)
    mb = sum(f.stat().st_size for f in files) / 1e6
    return _report("encrypted_import", plain, encrypted, f"{count}x12MP-photos-{mb:.0f}MB-{workers}threads")


def _service_burst(root: Path, key: bytes | None, calls: int) -> float:
    from inspector_app.domain.findings import FindingData

    app, actor, iid = bench_import._workspace(root, key)
    try:
        for officer in app.roster.officers():
            app.inspections.record_credentials_shown(actor, iid, officer.id)
            app.inspections.declare_recusal(actor, iid, officer.id, has_conflict=False)
        app.inspections.start_on_site(actor, iid)
        detail = app.queries.detail(iid)
        ids = {a.item_id: a.id for a in detail.answers}
        photos = [imaging.exif_jpeg((1200, 900), seed=n) for n in range(8)]
        t0 = time.perf_counter()
        for n in range(calls):
            if n % 10 == 0:
                app.findings.add(actor, iid, FindingData(description=f"问题 {n}"))
            elif n % 25 == 3:
                app.evidence.commit(actor, iid, app.evidence.prepare_bytes(photos[n % 8] + bytes([n % 251]),
                                                                           f"照片{n}.jpg"))
            else:
                app.inspections.answer(actor, ids["T-07"], f"记录 {n}")
            if n % 5 == 0:
                app.queries.detail(iid)
                app.evidence.list(iid)
        assert app.journal.verify(iid).ok
        return time.perf_counter() - t0
    finally:
        app.close()


def bench_services(repeat: int) -> dict[str, float]:
    calls = int(os.environ.get("INSPECTOR_BENCH_CALLS", "200"))
    plain, encrypted = [], []
    for r in range(repeat):
        for key, sink in ((None, plain), (os.urandom(32), encrypted)):
            with tempfile.TemporaryDirectory(prefix="inspector-bench-") as tmp:
                sink.append(_service_burst(Path(tmp) / "ws", key, calls))
        print(f"  run {r + 1}: plain {plain[-1]:.2f} s, encrypted {encrypted[-1]:.2f} s", flush=True)
    return _report("encrypted_services", plain, encrypted, f"{calls}-service-calls")


def run() -> dict[str, dict[str, float]]:
    os.environ.setdefault("INSPECTOR_FORMS", str(REPO / "tests" / "fixtures" / "forms"))
    repeat = max(1, int(os.environ.get("INSPECTOR_BENCH_REPEAT", "5")))
    return {"services": bench_services(repeat), "import": bench_import_photos(repeat)}


def test_bench_encryption() -> None:
    run()


if __name__ == "__main__":
    run()
