"""Benchmark: photos uploaded by the client's sync engine to a real server process, against a raw HTTP upload of
the same bytes to a bare receiver that streams each body to a file with fsync and rename.

* subject  = `SyncEngine.upload_all()` of K new photos (N MiB each, distinct bytes) from a signed-in client
             workspace (its encrypted local blob store, its SQLite bookkeeping) to `inspector server` on 127.0.0.1
             with the disk store: the whole client and server path (request, staging, SHA-256, fsync, publish).
* baseline = the same K files PUT one request each with httpx to a stdlib `http.server` process on 127.0.0.1
             that writes the body in 1 MiB pieces to a temp file, fsyncs it and renames it into place.

The client keeps two files in flight over HTTP (sync/blob_sync.py UPLOAD_STREAMS), the baseline one: the issue's
reference is a plain one-at-a-time upload. For context, the same raw upload two at a time is measured too and
printed as `raw x2` (it is not the ratio's baseline).

Wall time (the work spans processes), interleaved (baseline, subject, …) so a shared machine's noise hits both;
each run uploads new photos. Ends with
`BENCH sync_upload subject_s=<median> baseline_s=<median> ratio=<median of per-run ratios> size=<what>`.
Not part of the default test run.

    .venv/bin/python tests/bench/bench_upload.py
    INSPECTOR_BENCH_PHOTOS=256 INSPECTOR_BENCH_PHOTO_MIB=4 INSPECTOR_BENCH_REPEAT=3 \\
        .venv/bin/python tests/bench/bench_upload.py
"""

from __future__ import annotations

import hashlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

MiB = 1 << 20
PHOTOS = int(os.environ.get("INSPECTOR_BENCH_PHOTOS", "32"))
PHOTO_MIB = int(os.environ.get("INSPECTOR_BENCH_PHOTO_MIB", "4"))
REPEAT = int(os.environ.get("INSPECTOR_BENCH_REPEAT", "3"))

RECEIVER = r'''
import os, sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

root = sys.argv[1]

class H(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_PUT(self):
        left = int(self.headers["Content-Length"])
        name = os.path.join(root, os.path.basename(self.path))
        tmp = name + ".part"
        with open(tmp, "wb") as f:
            while left:
                piece = self.rfile.read(min(left, 1 << 20))
                if not piece:
                    break
                f.write(piece)
                left -= len(piece)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, name)
        self.send_response(201)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass

srv = ThreadingHTTPServer(("127.0.0.1", int(sys.argv[2])), H)
print("ready", flush=True)
srv.serve_forever()
'''


def _proc_cpu(pid: int) -> float:
    """User + system CPU seconds of another process (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _photos(run: int) -> list[bytes]:
    block = MiB // 32
    return [b"".join(hashlib.sha256(f"{run}:{k}:{i}".encode()).digest() for i in range(block)) * PHOTO_MIB
            for k in range(PHOTOS)]


def main() -> None:
    import httpx

    os.environ.setdefault("INSPECTOR_FORMS", str(REPO / "tests" / "fixtures" / "forms"))
    from inspector_app.sync import actions
    from tests.sync.harness import Client, seeded_server_db
    from tests.sync.loopback import ServerProcess, client_workspace, free_port
    from tests.sync.test_engine_e2e import LEAD, create_inspection

    tmp = Path(tempfile.mkdtemp(prefix="bench-upload-"))
    db = tmp / "server.sqlite3"
    shutil.copy(seeded_server_db(tmp / "cache"), db)
    server = ServerProcess(str(db), tmp / "storage").start()
    (tmp / "raw").mkdir()
    port = free_port()
    receiver = subprocess.Popen([sys.executable, "-c", RECEIVER, str(tmp / "raw"), str(port)],
                                stdout=subprocess.PIPE)
    assert receiver.stdout is not None and receiver.stdout.readline().strip() == b"ready"
    app = None
    try:
        app, engine = client_workspace(tmp, "a", server.url, "alice")
        engine.chunk_size = 8 * MiB
        assert engine.sync_round().ok
        iid = create_inspection(Client("x", "alice", Path("."), app, None, None))  # type: ignore[arg-type]
        assert engine.sync_round().ok
        raw = httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=600)
        base, subj, ratios, base_cpu, subj_cpu, client_cpu = [], [], [], [], [], []
        base2: list[float] = []
        assert server.proc is not None
        server_pid = server.proc.pid
        for run in range(REPEAT):
            photos = _photos(run)
            for data in photos:
                actions.attach_photo(app.ctx, LEAD, iid, data)
            assert engine.push_all() > 0
            engine.register_blobs()
            t0, c0, r0 = time.perf_counter(), time.process_time(), _proc_cpu(receiver.pid)
            for data in photos:
                r = raw.put(f"/{hashlib.sha256(data).hexdigest()}", content=data)
                assert r.status_code == 201
            base.append(time.perf_counter() - t0)
            base_cpu.append(time.process_time() - c0 + _proc_cpu(receiver.pid) - r0)
            t0 = time.perf_counter()
            with ThreadPoolExecutor(2) as pool:
                assert all(r.status_code == 201 for r in pool.map(
                    lambda d: raw.put(f"/{hashlib.sha256(d).hexdigest()}.x2", content=d), photos))
            base2.append(time.perf_counter() - t0)
            before = engine.stats["bytes_uploaded"]
            t0, c0, s0 = time.perf_counter(), time.process_time(), _proc_cpu(server_pid)
            assert engine.upload_all() == len(photos)
            subj.append(time.perf_counter() - t0)
            client_cpu.append(time.process_time() - c0)
            subj_cpu.append(client_cpu[-1] + _proc_cpu(server_pid) - s0)
            assert engine.stats["bytes_uploaded"] - before == PHOTOS * PHOTO_MIB * MiB
            ratios.append(subj[-1] / base[-1])
            print(f"run {run}: raw http + fsync {base[-1]:.2f}s ({base_cpu[-1]:.2f}s CPU), sync upload "
                  f"{subj[-1]:.2f}s ({subj_cpu[-1]:.2f}s CPU: client {client_cpu[-1]:.2f}s, server "
                  f"{subj_cpu[-1] - client_cpu[-1]:.2f}s), wall {ratios[-1]:.2f}x; raw x2 {base2[-1]:.2f}s "
                  f"({subj[-1] / base2[-1]:.2f}x)", flush=True)
        # CPU time of both sides (this process + the receiving process): the wall time on a shared machine
        # is mostly other processes' disk traffic waiting in fsync.
        cpu_ratios = [s / b for s, b in zip(subj_cpu, base_cpu)]
        print(f"BENCH sync_upload_cpu subject_s={statistics.median(subj_cpu):.3f} "
              f"baseline_s={statistics.median(base_cpu):.3f} ratio={statistics.median(cpu_ratios):.3f} "
              f"size={PHOTOS}x{PHOTO_MIB}MiB_photos_x{REPEAT}", flush=True)
        print(f"BENCH sync_upload subject_s={statistics.median(subj):.3f} baseline_s={statistics.median(base):.3f} "
              f"ratio={statistics.median(ratios):.3f} size={PHOTOS}x{PHOTO_MIB}MiB_photos_x{REPEAT}", flush=True)
    finally:
        if app is not None:
            app.close()
        receiver.kill()
        receiver.wait()
        server.stop()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
