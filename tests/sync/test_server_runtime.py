"""The serving process's runtime (issue 17): freed heap kept for the next request's body pieces (server/heap.py),
and uvicorn on uvloop where it is installed (a server dependency outside Windows)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from inspector_app.server import cli as server_cli

# A request's body as uvicorn hands it over: 4 MiB in 256 KiB events, held until the request ends.
_REQUESTS = r'''
import resource, sys
if sys.argv[1] == "tuned":
    from inspector_app.server.heap import keep_freed_memory
    assert keep_freed_memory()

def request():
    parts, body = [], bytearray()
    for _ in range(16):
        body += b"x" * (256 << 10)
        parts.append(bytes(body))
        body = bytearray()
    return len(parts)

request()
before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
for _ in range(20):
    request()
print(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)
'''


def _faults(mode: str) -> int:
    out = subprocess.run([sys.executable, "-c", _REQUESTS, mode], capture_output=True, text=True, check=True)
    return int(out.stdout)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc only")
def test_freed_body_pieces_are_reused_not_faulted_in_again() -> None:
    # Untuned, each 80 MiB of requests faults in ~20,000 fresh pages; tuned, the same pages serve every request.
    untuned, tuned = _faults("plain"), _faults("tuned")
    assert untuned > 5000
    assert tuned < untuned // 20


def test_each_serving_process_tunes_its_heap(monkeypatch: pytest.MonkeyPatch) -> None:
    from inspector_app.server import app as server_app
    from inspector_app.server import heap

    calls: list[str] = []
    monkeypatch.setattr(heap, "keep_freed_memory", lambda: calls.append("heap") or True)
    monkeypatch.setattr(server_app, "create_app", lambda settings: calls.append("app") or "the app")
    monkeypatch.setattr(server_cli, "settings_from_env", lambda: None)
    assert server_cli.app_factory() == "the app"
    assert calls == ["heap", "app"]   # before the app allocates anything for requests


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc; uvloop has no Windows build")
def test_the_server_process_runs_on_uvloop(tmp_path: Path) -> None:
    pytest.importorskip("uvloop")
    from tests.sync.loopback import ServerProcess

    server = ServerProcess(str(tmp_path / "s.sqlite3"), tmp_path / "storage").start()
    try:
        assert server.proc is not None
        maps = Path(f"/proc/{server.proc.pid}/maps").read_text()
    finally:
        server.stop()
    assert "uvloop/loop." in maps   # uvicorn's loop="auto" picked it: nothing in the start path forces asyncio
