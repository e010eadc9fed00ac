"""Benchmark: importing 12 MP phone photos vs the physical floor of the same work, in the same run.

* import   = EvidenceService.prepare on N worker threads (verify by content, EXIF, sha256, copy with fsync into the
             blob store, 320 px thumbnail) + commit on one writer thread (row + journal + outbox per photo);
* baseline = the same N threads only reading each file, hashing it (sha256) and draft-decoding it for a thumbnail.

The ratio is the price of the bookkeeping (copy + fsync, EXIF, thumbnail encoding, transactions) over the bare
minimum any importer has to pay. Not part of the default test run (pytest --ignore=tests/bench).

    .venv/bin/python -m pytest tests/bench/bench_import.py -s
    .venv/bin/python tests/bench/bench_import.py
    INSPECTOR_BENCH_PHOTOS=20 .venv/bin/python tests/bench/bench_import.py       # quick run

Photos (4000×3000 JPEG q90 with EXIF) are generated once, in parallel, into INSPECTOR_BENCH_CACHE
(default: <user cache dir>/inspector-app-bench) and reused by later runs.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from multiprocessing import Pool
from pathlib import Path

import platformdirs
from PIL import Image

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from tests import imaging  # noqa: E402

SIZE = (4000, 3000)


def _make_photo(args: tuple[Path, int]) -> Path:
    path, seed = args
    if not path.exists():
        data = imaging.exif_jpeg(SIZE, orientation=(1, 6, 8, 3)[seed % 4], seed=seed, quality=90, texture=True,
                                 when=f"2026:11:20 09:{seed // 60 % 60:02d}:{seed % 60:02d}", gps=imaging.GPS_N_E)
        tmp = path.with_suffix(".part")
        tmp.write_bytes(data)
        tmp.replace(path)
    return path


def ensure_photos(count: int) -> list[Path]:
    cache = Path(os.environ.get("INSPECTOR_BENCH_CACHE")
                 or platformdirs.user_cache_dir("inspector-app-bench", appauthor=False)) / "photos-4000x3000-q90"
    cache.mkdir(parents=True, exist_ok=True)
    wanted = [(cache / f"IMG_{i:04d}.jpg", i) for i in range(count)]
    missing = [w for w in wanted if not w[0].exists()]
    if missing:
        t0 = time.perf_counter()
        print(f"generating {len(missing)} photos of {SIZE[0]}×{SIZE[1]} into {cache} …", flush=True)
        with Pool(os.cpu_count()) as pool:
            pool.map(_make_photo, missing, chunksize=1)
        print(f"  done in {time.perf_counter() - t0:.1f} s", flush=True)
    return [w[0] for w in wanted]


def _baseline_one(path: Path) -> str:
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    with Image.open(io.BytesIO(data)) as im:
        im.draft("RGB", (320, 320))
        im.load()
    return digest


def baseline(files: list[Path], workers: int) -> float:
    t0 = time.perf_counter()
    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(_baseline_one, files))
    return time.perf_counter() - t0


def _workspace(root: Path, workspace_key: bytes | None = None):  # type: ignore[no-untyped-def]
    from inspector_app.app import build_context
    from inspector_app.domain.credit_code import make_credit_code
    from inspector_app.domain.inspection import InspectionMode, InspectionType
    from inspector_app.domain.roster import Category, InstitutionData, Level, OfficerData, Ownership
    from inspector_app.services.context import Actor

    os.environ.setdefault("INSPECTOR_FORMS", str(REPO / "tests" / "fixtures" / "forms"))
    app = build_context(str(root), device="bench", workspace_key=workspace_key)
    admin = Actor("管理员")
    hosp, _ = app.roster.add_institution(admin, InstitutionData(
        "测试市人民医院", Category.HOSPITAL, Level.SECONDARY, Ownership.PUBLIC,
        make_credit_code("12379902MB0000011"), "H37990200001"))
    officers = [app.roster.add_officer(admin, OfficerData(n, "基金监督科", f"测执{i:05d}",
                                                          dt.date.today() + dt.timedelta(days=365)))[0]
                for i, n in enumerate(["陈明哲", "许若溪"])]
    actor = Actor(officers[0].name, officers[0].id)
    iid, _ = app.inspections.create(actor, institution_id=hosp.id, inspection_type=InspectionType.SPECIAL,
                                    mode=InspectionMode.ADMINISTRATIVE, planned_at=app.ctx.clock(),
                                    officer_ids=[o.id for o in officers], template_ids=["mini"])
    return app, actor, iid


def import_parallel(files: list[Path], workers: int, root: Path,
                    workspace_key: bytes | None = None) -> tuple[float, float, float, int]:
    """(wall time, CPU time, time spent committing, evidence rows): prepare on `workers` threads + one writer."""
    app, actor, iid = _workspace(root, workspace_key)
    try:
        t0, c0 = time.perf_counter(), time.process_time()
        committing = 0.0
        with ThreadPoolExecutor(workers) as pool:
            futures = {pool.submit(app.evidence.prepare, f): f for f in files}
            for fut in as_completed(futures):
                w0 = time.perf_counter()
                result = app.evidence.commit(actor, iid, fut.result())
                committing += time.perf_counter() - w0
                assert not result.duplicate
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        rows = len(app.evidence.list(iid))
        assert app.journal.verify(iid).ok
        return wall, cpu, committing, rows
    finally:
        app.close()


def run() -> dict[str, float]:
    count = int(os.environ.get("INSPECTOR_BENCH_PHOTOS", "200"))
    workers = int(os.environ.get("INSPECTOR_BENCH_WORKERS", "0")) or os.cpu_count() or 1
    repeat = max(1, int(os.environ.get("INSPECTOR_BENCH_REPEAT", "2")))
    files = ensure_photos(count)
    total_mb = sum(f.stat().st_size for f in files) / 1e6
    for f in files:  # warm the page cache so both measurements read from memory
        f.read_bytes()
    base, imp, commits = [], [], []
    for r in range(repeat):  # interleaved, best of `repeat`: a shared machine's noise hits both sides alike
        c0 = time.process_time()
        base.append((baseline(files, workers), time.process_time() - c0))
        with tempfile.TemporaryDirectory(prefix="inspector-bench-") as tmp:
            wall, cpu, committing, rows = import_parallel(files, workers, Path(tmp) / "ws")
            imp.append((wall, cpu))
            commits.append(committing)
        assert rows == count
        print(f"  run {r + 1}: baseline {base[-1][0]:.2f} s, import {imp[-1][0]:.2f} s", flush=True)
    (b_wall, b_cpu), (i_wall, i_cpu) = min(base), min(imp)
    per = 1000 / count
    print(f"\n{count} photos {SIZE[0]}×{SIZE[1]} JPEG q90, {total_mb:.0f} MB, {workers} worker thread(s), "
          f"best of {repeat}")
    print(f"  baseline (read + sha256 + draft decode):   {b_wall:7.2f} s  {b_wall * per:6.1f} ms/photo"
          f"  (CPU {b_cpu * per:.1f} ms/photo)")
    print(f"  import   (prepare ∥ + commit on 1 writer): {i_wall:7.2f} s  {i_wall * per:6.1f} ms/photo"
          f"  (CPU {i_cpu * per:.1f} ms/photo; writer busy {min(commits) * per:.1f} ms/photo)")
    print(f"  ratio import / baseline: {i_wall / b_wall:.2f}× wall, {i_cpu / b_cpu:.2f}× CPU")
    return {"photos": count, "baseline_s": b_wall, "import_s": i_wall, "ratio": i_wall / b_wall,
            "cpu_ratio": i_cpu / b_cpu}


def test_bench_import() -> None:
    run()


if __name__ == "__main__":
    run()
