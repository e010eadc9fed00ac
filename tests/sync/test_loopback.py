"""Real processes on 127.0.0.1 (sync.md §14.4): a client SIGKILLed mid-upload resumes from the server's offset
without resending finished chunks; a server SIGKILLed mid-push loses nothing and half-applies nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from inspector_app.server.db import Database
from inspector_app.server.models import Mutation, Record
from tests.conftest import FIXTURES, REPO
from tests.sync import invariants
from tests.sync.loopback import ServerProcess, client_workspace, seed
from tests.sync.test_engine_e2e import LEAD

pytestmark = [pytest.mark.timeout(180), pytest.mark.slow]


@pytest.fixture
def served(tmp_path: Path, mini_forms: Path):  # type: ignore[no-untyped-def]
    db = str(tmp_path / "server.sqlite3")
    seed(db, tmp_path)
    server = ServerProcess(db, tmp_path / "storage").start()
    yield server
    server.stop()


def _create_inspection(app) -> str:  # type: ignore[no-untyped-def]
    from tests.sync.harness import Client
    from tests.sync.test_engine_e2e import create_inspection

    return create_inspection(Client("x", "alice", Path("."), app, None, None))  # type: ignore[arg-type]


def test_client_killed_mid_upload_resumes_without_resending_chunks(served: ServerProcess, tmp_path: Path) -> None:
    from inspector_app.sync import actions

    app, engine = client_workspace(tmp_path, "a", served.url, "alice")
    assert engine.sync_round().ok
    iid = _create_inspection(app)
    photo = os.urandom(48 << 20)
    actions.attach_photo(app.ctx, LEAD, iid, photo)
    assert engine.push_all() > 0
    sha = __import__("hashlib").sha256(photo).hexdigest()
    app.close()
    staged = served.storage / "staging" / f"{sha}.part"
    child = subprocess.Popen([sys.executable, "-m", "inspector_app.sync.cli", "sync", "--server", served.url,
                              "--once", "--chunk-mib", "0.25", "--data-dir", str(tmp_path / "client-a")],
                             env=dict(os.environ, PYTHONPATH=str(REPO), INSPECTOR_FORMS=str(FIXTURES / "forms")),
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if staged.exists() and staged.stat().st_size >= (8 << 20):
            break
        time.sleep(0.005)
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=10)
    import fcntl

    with staged.open("rb") as f:   # the chunk in flight when the client died is finished or cut back first
        fcntl.flock(f.fileno(), fcntl.LOCK_SH)
        offset = os.fstat(f.fileno()).st_size
    assert 0 < offset < len(photo), "the kill must land mid-upload"
    app, engine = client_workspace(tmp_path, "a", served.url, "alice")
    try:
        assert engine.sync_round().ok
        assert engine.stats["bytes_uploaded"] == len(photo) - offset   # finished chunks were not resent
        assert engine.status().photos_uploaded == 1
        published = served.storage / "cas" / sha[:2] / sha[2:4] / sha
        assert published.read_bytes() == photo and not staged.exists()
    finally:
        app.close()


def test_server_killed_mid_push_loses_nothing(tmp_path: Path, mini_forms: Path) -> None:
    db = str(tmp_path / "server.sqlite3")
    seed(db, tmp_path)
    server = ServerProcess(db, tmp_path / "storage").start(INSPECTOR_SERVER_TEST_PUSH_DELAY="0.05")
    app, engine = client_workspace(tmp_path, "a", server.url, "alice")
    try:
        assert engine.sync_round().ok
        iid = _create_inspection(app)
        ids = [a.id for a in app.queries.detail(iid).answers]
        for n, aid in enumerate(ids[:5]):
            app.inspections.answer(LEAD, aid, None, note=f"备注{n}")
        pending = engine.status().pending_changes
        assert pending > 20
        errors: list[BaseException] = []

        def push() -> None:
            try:
                engine.push_once()
            except BaseException as exc:  # noqa: BLE001 - the server dies under it
                errors.append(exc)

        t = threading.Thread(target=push)
        t.start()
        time.sleep(0.6)          # well inside the push: > 20 mutations at 50 ms each
        server.kill()
        t.join(timeout=30)
        assert errors, "the push should have been cut off"
        check = Database(db, run_migrations=False)
        with check.read() as s:
            assert s.scalar(select(func.count()).select_from(Mutation)) == 0     # one transaction: nothing
            assert s.scalar(select(func.count()).select_from(Record).where(Record.entity == "answer")) == 0
        invariants.check_server_step(check)
        check.dispose()
        server.start()
        for _ in range(3):
            if engine.sync_round().ok and engine.status().pending_changes == 0:
                break
        assert engine.status().pending_changes == 0
        check = Database(db, run_migrations=False)
        invariants.check_server_step(check)
        invariants.check_healed(check, [_Wrap(app, engine)])
        check.dispose()
    finally:
        app.close()
        server.stop()


class _Wrap:
    def __init__(self, app, engine) -> None:  # type: ignore[no-untyped-def]
        self.app, self.engine, self.name, self.ctx = app, engine, "a", app.ctx
