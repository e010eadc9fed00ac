"""A real `inspector server` process on 127.0.0.1 (subprocess), for the loopback and PostgreSQL tiers."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from tests.conftest import FIXTURES, REPO
from tests.sync.harness import PASSWORD, USERS, copy_sqlite, reference_payloads

CLI = [sys.executable, "-m", "inspector_app.server.cli", "server"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _env(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(REPO), INSPECTOR_FORMS=str(FIXTURES / "forms"),
               INSPECTOR_NEW_PASSWORD=PASSWORD)
    env.update(extra or {})
    return env


def admin(db: str, *args: str) -> None:
    subprocess.run([*CLI, "--db", db, *args], check=True, env=_env(), capture_output=True, timeout=120)


_seed_template: Path | None = None  # the first seeded database of this test process


def seed(db: str, tmp: Path) -> None:
    """Accounts, roster and templates through the real command line.

    The first call in a test process seeds through the command line (six server processes, ~10 s); later calls get
    a copy of that database (sqlite3's backup API, so the copy is consistent whatever the WAL holds). The seed is
    the same every time: fixed users, roster and forms."""
    global _seed_template
    if _seed_template is None or not _seed_template.exists():
        _seed_template = tmp / "seed-template.sqlite3"
        _seed_cli(str(_seed_template), tmp)
    else:
        _write_roster(tmp)
    copy_sqlite(_seed_template, Path(db))


def _write_roster(tmp: Path) -> Path:
    ref = reference_payloads()
    roster = {"institutions": [{"id": i["id"], **i["data"]} for i in ref["institution"]],
              "officers": [{"id": i["id"], **i["data"]} for i in ref["officer"]]}
    (tmp / "roster.json").write_text(json.dumps(roster, ensure_ascii=False), encoding="utf-8")
    return tmp / "roster.json"


def _seed_cli(db: str, tmp: Path) -> None:
    for name, (role, teams) in USERS.items():
        admin(db, "users", "add", name, "--role", role, *[x for t in teams for x in ("--team", t)])
    admin(db, "import-roster", str(_write_roster(tmp)))
    admin(db, "import-templates", str(FIXTURES / "forms"))


class ServerProcess:
    def __init__(self, db: str, storage: Path, env: dict[str, str] | None = None):
        self.db, self.storage, self.extra = db, storage, env or {}
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self, **env: str) -> "ServerProcess":
        self.proc = subprocess.Popen([*CLI, "--db", self.db, "--storage", str(self.storage), "--host", "127.0.0.1",
                                      "--port", str(self.port)], env=_env({**self.extra, **env}),
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 30
        import httpx

        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited: {self.proc.stderr.read().decode() if self.proc.stderr else ''}")
            try:
                if httpx.get(f"{self.url}/healthz", timeout=1).status_code == 200:
                    return self
            except httpx.HTTPError:
                time.sleep(0.1)
        raise RuntimeError("server did not start in 30 s")

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(timeout=10)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()


def client_workspace(tmp: Path, name: str, server_url: str, user: str) -> Any:
    """A client workspace signed in to a real server (in this process)."""
    from inspector_app.app import build_context
    from inspector_app.sync.engine import SyncEngine
    from inspector_app.sync.transport import HttpTransport

    app = build_context(str(tmp / f"client-{name}"), device=f"laptop-{name}")
    engine = SyncEngine(app.ctx, HttpTransport(server_url), server_url=server_url, sleeper=lambda _s: None)
    assert engine.sign_in(user, PASSWORD).ok
    return app, engine
