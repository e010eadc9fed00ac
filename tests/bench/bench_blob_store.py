"""Benchmark: evidence upload through the sync server against plain storage of the same bytes, same run.

* blob_upload_file = one resumable-upload PATCH of N MB to a real `inspector server` process on 127.0.0.1 with the
                     disk store (stream to staging, SHA-256 while writing, fsync, rename) vs a plain copy of the same
                     file with fsync (`shutil.copyfile` + `os.fsync`);
* blob_upload_s3   = the same upload to a server whose store is an S3 bucket (moto_server on 127.0.0.1: staging on
                     disk, then a multipart put from the server) vs a plain boto3 `upload_file` of the same file to
                     the same bucket with the same transfer settings.

Each repetition uploads different bytes (the first block carries the run number), runs are interleaved (baseline,
subject, baseline, …) so a shared machine's noise hits both, wall time (the work spans processes). Each benchmark
ends with `BENCH <name> subject_s=<median> baseline_s=<median> ratio=<median of per-run ratios> size=<what>`.
Not part of the default test run.

    .venv/bin/python tests/bench/bench_blob_store.py
    INSPECTOR_BENCH_BLOB_MB=64 INSPECTOR_BENCH_REPEAT=3 .venv/bin/python tests/bench/bench_blob_store.py
"""

from __future__ import annotations

import hashlib
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

MiB = 1 << 20
SIZE_MB = int(os.environ.get("INSPECTOR_BENCH_BLOB_MB", "256"))
REPEAT = int(os.environ.get("INSPECTOR_BENCH_REPEAT", "5"))


def _report(name: str, baseline: list[float], subject: list[float], size: str) -> None:
    ratios = [s / b for b, s in zip(baseline, subject)]
    print(f"BENCH {name} subject_s={statistics.median(subject):.3f} baseline_s={statistics.median(baseline):.3f} "
          f"ratio={statistics.median(ratios):.3f} size={size}", flush=True)


def _make_source(path: Path, run: int) -> str:
    """N MB of distinct blocks; the first carries the run number so every repetition is a new blob."""
    h = hashlib.sha256()
    with path.open("wb") as f:
        for i in range(SIZE_MB):
            block = hashlib.sha256(f"{run}:{i}".encode()).digest() * (MiB // 32)
            h.update(block)
            f.write(block)
    return h.hexdigest()


def _file_pieces(path: Path) -> Iterator[bytes]:
    with path.open("rb") as f:
        while piece := f.read(MiB):
            yield piece


def _upload(http: object, auth: dict[str, str], src: Path, sha: str) -> None:
    r = http.post("/sync/v1/uploads", json={"sha256": sha, "size": src.stat().st_size}, headers=auth)  # type: ignore[attr-defined]
    assert r.status_code == 200, r.text
    r = http.patch(f"/sync/v1/uploads/{sha}", content=_file_pieces(src), headers={  # type: ignore[attr-defined]
        **auth, "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream"})
    assert r.status_code == 201, r.text


def _plain_copy(src: Path, dst: Path) -> None:
    shutil.copyfile(src, dst)
    fd = os.open(dst, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def main() -> None:
    import httpx

    os.environ.setdefault("INSPECTOR_FORMS", str(REPO / "tests" / "fixtures" / "forms"))
    from tests.sync.harness import PASSWORD, seeded_server_db
    from tests.sync.loopback import ServerProcess
    from tests.sync.s3 import DUMMY_CREDENTIALS, MotoServer

    os.environ.update(DUMMY_CREDENTIALS)
    tmp = Path(tempfile.mkdtemp(prefix="bench-blob-"))
    moto = MotoServer().start()
    servers: list[ServerProcess] = []
    try:
        bucket = moto.new_bucket()
        store_url = moto.url(bucket, "evidence")
        env = {"INSPECTOR_SERVER_MAX_CHUNK_MIB": str(SIZE_MB + 1)}
        template = seeded_server_db(tmp / "cache")
        for store in ("file", "s3"):
            db = tmp / f"{store}.sqlite3"
            shutil.copy(template, db)
            extra = {**env, "INSPECTOR_SERVER_BLOB_STORE": store_url} if store == "s3" else env
            servers.append(ServerProcess(str(db), tmp / f"storage-{store}", env=extra).start())
        clients = []
        for s in servers:
            http = httpx.Client(base_url=s.url, timeout=600)
            token = http.post("/sync/v1/login", json={"user": "alice", "password": PASSWORD}).json()["token"]
            clients.append((http, {"Authorization": f"Bearer {token}", "Tus-Resumable": "1.0.0"}))

        from boto3.s3.transfer import TransferConfig

        s3 = moto.client()
        transfer = TransferConfig(multipart_threshold=64 * MiB, multipart_chunksize=16 * MiB, max_concurrency=4)
        src = tmp / "video.bin"
        results: dict[str, tuple[list[float], list[float]]] = {"file": ([], []), "s3": ([], [])}
        for run in range(REPEAT):
            for k, store in enumerate(("file", "s3")):
                sha = _make_source(src, 2 * run + k)
                t0 = time.perf_counter()
                if store == "file":
                    _plain_copy(src, tmp / f"copy-{run}.bin")
                else:
                    s3.upload_file(str(src), bucket, f"plain/{sha}", Config=transfer)
                results[store][0].append(time.perf_counter() - t0)
                http, auth = clients[k]
                t0 = time.perf_counter()
                _upload(http, auth, src, sha)
                results[store][1].append(time.perf_counter() - t0)
                (tmp / f"copy-{run}.bin").unlink(missing_ok=True)
                print(f"run {run} {store}: baseline {results[store][0][-1]:.2f}s "
                      f"server {results[store][1][-1]:.2f}s", flush=True)
        _report("blob_upload_file", *results["file"], size=f"{SIZE_MB}MB×{REPEAT}")
        _report("blob_upload_s3", *results["s3"], size=f"{SIZE_MB}MB×{REPEAT}")
    finally:
        for s in servers:
            s.stop()
        moto.stop()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
