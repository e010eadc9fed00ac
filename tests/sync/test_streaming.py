"""Large evidence (a video) streams through a real server process in bounded memory (issue 17): one 200 MB
PATCH goes to the staging file piece by piece and is hashed while written, the published blob is read back in
1 MiB pieces — on the disk store and on an S3 bucket (multipart publish, ranged GET). The server's resident
memory is sampled from /proc while the bytes flow; this process's allocations are traced (tracemalloc)."""

from __future__ import annotations

import hashlib
import shutil
import threading
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.sync.harness import PASSWORD, seeded_server_db
from tests.sync.loopback import ServerProcess

pytestmark = [pytest.mark.timeout(300), pytest.mark.slow]
MiB = 1 << 20
SIZE = 200 * MiB
SERVER_BOUND = 64 * MiB     # the server may grow by this much at most while 200 MB pass through it
CLIENT_BOUND = 8 * MiB


def blocks(size: int = SIZE) -> Iterator[bytes]:
    """Distinct 1 MiB blocks, generated (never the whole file in memory, nothing random to keep)."""
    for i in range(size // MiB):
        yield hashlib.sha256(i.to_bytes(8, "big")).digest() * (MiB // 32)


def rss(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise AssertionError("no VmRSS")


class PeakRss:
    """Samples a process's resident set every few milliseconds while a block runs."""

    def __init__(self, pid: int):
        self.pid, self.base, self.peak = pid, rss(pid), 0
        self._stop = threading.Event()
        self._t = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, rss(self.pid))
            self._stop.wait(0.005)

    def __enter__(self) -> "PeakRss":
        self._t.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._t.join()
        self.peak = max(self.peak, rss(self.pid))

    @property
    def growth(self) -> int:
        return self.peak - self.base


@pytest.mark.parametrize("store", ["file", "s3"])
def test_200_mb_upload_and_download_stream_in_bounded_memory(store: str, tmp_path: Path, mini_forms: Path,
                                                             request: pytest.FixtureRequest,
                                                             tmp_path_factory: pytest.TempPathFactory) -> None:
    db = tmp_path / "server.sqlite3"
    shutil.copy(seeded_server_db(tmp_path_factory.getbasetemp() / "client-template"), db)
    env = {"INSPECTOR_SERVER_MAX_CHUNK_MIB": "256"}
    if store == "s3":
        s3 = request.getfixturevalue("s3_server")
        env.update(INSPECTOR_SERVER_BLOB_STORE=s3.url(s3.new_bucket(), "evidence"), INSPECTOR_SERVER_S3_PART_MIB="8",
                   INSPECTOR_SERVER_S3_CONCURRENCY="2")
    server = ServerProcess(str(db), tmp_path / "storage", env=env).start()
    try:
        assert server.proc is not None
        http = httpx.Client(base_url=server.url, timeout=120)
        token = http.post("/sync/v1/login", json={"user": "alice", "password": PASSWORD}).json()["token"]
        auth = {"Authorization": f"Bearer {token}", "Tus-Resumable": "1.0.0"}
        h = hashlib.sha256()
        for b in blocks():
            h.update(b)
        sha = h.hexdigest()
        assert http.post("/sync/v1/uploads", json={"sha256": sha, "size": SIZE}, headers=auth).json()["offset"] == 0
        tracemalloc.start()
        t0 = time.perf_counter()
        with PeakRss(server.proc.pid) as up:
            r = http.patch(f"/sync/v1/uploads/{sha}", content=blocks(), headers={
                **auth, "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream"})
        upload_s = time.perf_counter() - t0
        assert r.status_code == 201, r.text
        assert r.json() == {"status": "complete", "offset": SIZE, "sha256": sha}
        got = hashlib.sha256()
        n = 0
        with PeakRss(server.proc.pid) as down:
            with http.stream("GET", f"/sync/v1/blobs/{sha}", headers=auth) as resp:
                assert resp.status_code == 200 and int(resp.headers["content-length"]) == SIZE
                for piece in resp.iter_bytes():
                    got.update(piece)
                    n += len(piece)
        _, client_peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        assert n == SIZE and got.hexdigest() == sha
        print(f"\n{store}: upload {upload_s:.1f}s, server growth upload {up.growth / MiB:.1f} MiB, "
              f"download {down.growth / MiB:.1f} MiB, client peak {client_peak / MiB:.1f} MiB")
        assert up.growth < SERVER_BOUND, f"server grew {up.growth / MiB:.0f} MiB during a 200 MB upload"
        assert down.growth < SERVER_BOUND, f"server grew {down.growth / MiB:.0f} MiB during a 200 MB download"
        assert client_peak < CLIENT_BOUND, f"client traced {client_peak / MiB:.0f} MiB"
        assert not (tmp_path / "storage" / "staging" / f"{sha}.part").exists()
        if store == "file":
            assert (tmp_path / "storage" / "cas" / sha[:2] / sha[2:4] / sha).stat().st_size == SIZE
    finally:
        server.stop()
