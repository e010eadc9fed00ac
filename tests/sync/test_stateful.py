"""The core model test (sync.md §14.3): three clients make random edits, signatures, comments, approvals,
conflict resolutions and photos while the network drops requests and responses, duplicates and replays them,
clients crash and the server is restored from a backup once. I2/I3/I5/I8 are checked after every step;
after healing, quiescence (I10), no lost write (I1), no silent overwrite (I4) and convergence (I6).

CI runs the "ci" Hypothesis profile; the long run is

    HYPOTHESIS_PROFILE=nightly .venv/bin/python -m pytest tests/sync/test_stateful.py --timeout=0
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule
from sqlalchemy.exc import IntegrityError

from inspector_app.domain.errors import DomainError
from inspector_app.services.context import Actor
from inspector_app.sync import actions, conflicts
from inspector_app.sync.transport import Fault
from tests.conftest import test_workspace_key
from tests.sync import invariants
from tests.sync.harness import OFFICERS, World, copy_sqlite
from tests.sync.test_engine_e2e import answers, create_inspection

pytestmark = [pytest.mark.timeout(900), pytest.mark.slow]

ACTOR = Actor(OFFICERS[0][1], OFFICERS[0][0])
USERS = ["alice", "bob", "lead"]
ITEMS = ["T-01", "T-03", "T-05"]
VALUES = {"T-01": ["yes", "no"], "T-03": ["1", "2", "3"], "T-05": ["10.00", "20.00"]}
NOTES = ["", "现场核实", "复核"]
PHOTOS = [bytes([n]) * (1000 + 3000 * n) for n in range(3)]
FAULTS = ["ok", "ok", "drop_request", "drop_response", "duplicate", "delay_and_replay", "http_500"]
fault_lists = st.lists(st.sampled_from(FAULTS), max_size=4)
client_ix = st.integers(0, len(USERS) - 1)


class SyncMachine(RuleBasedStateMachine):
    #: later runs start from a copy of the world the first run's setup left (the server's SQLite database and the
    #: laptops' folders); a subclass whose server database lives elsewhere turns it off
    reuse_setup = True

    def __init__(self) -> None:
        super().__init__()
        self.tmp = Path(tempfile.mkdtemp(prefix="syncsm-", dir=BASE_DIR))
        self.world: World | None = None
        self.backup: Path | None = None
        self.restored = False
        self.sent: list = []

    @initialize()
    def setup(self) -> None:
        from inspector_app.sync import account

        account.SCRYPT_N = 2**8
        self.findings: list[str] = []
        if self.reuse_setup and _SNAPSHOT:  # the first run's start, copied: setup is a quarter of a run otherwise
            self._start_from_snapshot()
            return
        self.world = w = self.make_world()
        self.clients = [w.make_client(f"c{n}", user) for n, user in enumerate(USERS)]
        for c in self.clients:
            assert c.engine.sync_round().ok
            c.transport.on_send = self._remember
        self.iid = create_inspection(self.clients[0])
        for c in self.clients:
            assert c.engine.sync_round().ok
        self.answer_ids = {k: v.id for k, v in answers(self.clients[0], self.iid).items()}
        if self.reuse_setup and test_workspace_key() is None:  # the copy reads databases with plain sqlite3
            self._take_snapshot()

    def _take_snapshot(self) -> None:
        """Copy the world as setup left it (every database through the backup API, as it is open; the other files
        as they are) and what the machine remembers of it, for the next runs in this process."""
        target = BASE_DIR / "after-setup"
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(self.tmp, target, ignore=shutil.ignore_patterns("*.sqlite3", "*.sqlite3-wal", "*.sqlite3-shm"))
        for db in self.tmp.rglob("*.sqlite3"):
            copy_sqlite(db, target / db.relative_to(self.tmp))
        _SNAPSHOT.update(dir=target, iid=self.iid, answer_ids=dict(self.answer_ids), sent=list(self.sent))

    def _start_from_snapshot(self) -> None:
        """The server restarted on the copied database and each laptop reopened (signed in, as it was left)."""
        shutil.copytree(_SNAPSHOT["dir"], self.tmp, dirs_exist_ok=True)
        self.world = w = World(self.tmp, db_url=str(self.tmp / "server.sqlite3"), cache=BASE_DIR / "cache",
                               seeded=True)
        self.clients = [w.make_client(f"c{n}", user, sign_in=False) for n, user in enumerate(USERS)]
        for c in self.clients:
            c.transport.on_send = self._remember
        self.iid = _SNAPSHOT["iid"]
        self.answer_ids = dict(_SNAPSHOT["answer_ids"])
        self.sent = list(_SNAPSHOT["sent"])

    def make_world(self) -> World:
        return World(self.tmp, cache=BASE_DIR / "cache")

    def _remember(self, req) -> None:  # type: ignore[no-untyped-def]
        if req.method == "POST" and req.path.endswith("/push") and len(self.sent) < 50:
            self.sent.append(req)

    def teardown(self) -> None:
        if self.world is not None:
            try:
                self._heal_and_check()
            finally:
                self.world.close()
                shutil.rmtree(self.tmp, ignore_errors=True)

    # ------------------------------------------------------------------------------------------ user actions

    def _do(self, fn, *args, **kw) -> None:  # type: ignore[no-untyped-def]
        try:
            fn(*args, **kw)
        except (DomainError, KeyError):
            pass  # refused locally (e.g. the record is signed on this device): nothing was written
        except IntegrityError:
            pass  # e.g. the same photo attached twice on one device

    @rule(c=client_ix, item=st.sampled_from(ITEMS), pick=st.integers(0, 2))
    def edit_answer(self, c: int, item: str, pick: int) -> None:
        values = VALUES[item]
        self._do(self.clients[c].app.inspections.answer, ACTOR, self.answer_ids[item], values[pick % len(values)])

    @rule(c=client_ix, item=st.sampled_from(ITEMS), note=st.sampled_from(NOTES))
    def edit_note(self, c: int, item: str, note: str) -> None:
        cl = self.clients[c]
        with cl.ctx.read() as s:
            from inspector_app.storage.orm import AnswerRow

            row = s.get(AnswerRow, self.answer_ids[item])
            value = row.value if row is not None else None
        self._do(cl.app.inspections.answer, ACTOR, self.answer_ids[item],
                 str(value) if value is not None else None, None, note)

    @rule(c=client_ix, text=st.sampled_from(["账目不符", "超标准收费"]))
    def add_finding(self, c: int, text: str) -> None:
        from inspector_app.domain.findings import FindingData

        def go() -> None:
            dto, _ = self.clients[c].app.findings.add(ACTOR, self.iid, FindingData(description=text,
                                                                                   severity="一般"))
            self.findings.append(dto.id)
        self._do(go)

    @precondition(lambda self: bool(getattr(self, "findings", None)))
    @rule(c=client_ix, n=st.integers(0, 10), text=st.sampled_from(["重复收费", "串换项目", "虚记费用"]))
    def edit_finding(self, c: int, n: int, text: str) -> None:
        self._do(self.clients[c].app.findings.update, ACTOR, self.findings[n % len(self.findings)],
                 description=text)

    @precondition(lambda self: bool(getattr(self, "findings", None)))
    @rule(c=client_ix, n=st.integers(0, 10))
    def remove_finding(self, c: int, n: int) -> None:
        self._do(self.clients[c].app.findings.remove, ACTOR, self.findings[n % len(self.findings)], "误录")

    @rule(c=client_ix)
    def sign(self, c: int) -> None:
        self._do(actions.sign, self.clients[c].ctx, ACTOR, self.iid)

    @rule(c=client_ix, text=st.sampled_from(["请补充说明", "同意"]))
    def comment(self, c: int, text: str) -> None:
        self._do(actions.comment, self.clients[c].ctx, ACTOR, self.iid, text)

    @rule()
    def approve(self) -> None:
        self._do(actions.approve, self.clients[2].ctx, Actor("组长"), self.iid)

    @rule(c=client_ix, photo=st.integers(0, len(PHOTOS) - 1))
    def attach_photo(self, c: int, photo: int) -> None:
        self._do(actions.attach_photo, self.clients[c].ctx, ACTOR, self.iid, PHOTOS[photo])

    @rule(c=client_ix, n=st.integers(0, 5), choice=st.sampled_from(["server", "client"]))
    def resolve_conflict(self, c: int, n: int, choice: str) -> None:
        cl = self.clients[c]
        views = conflicts.list_conflicts(cl.ctx)
        if views:
            v = views[n % len(views)]
            self._do(conflicts.resolve, cl.ctx, ACTOR, v.conflict_id, choice if v.can_apply else "server")

    # ------------------------------------------------------------------------------------------ network

    @rule(c=client_ix)
    def toggle_network(self, c: int) -> None:
        t = self.clients[c].transport
        t.offline = not t.offline

    @rule(c=client_ix, faults=fault_lists)
    def push(self, c: int, faults: list[str]) -> None:
        cl = self.clients[c]
        cl.transport.add(*faults)
        try:
            cl.engine.push_once()
        except Exception as exc:  # noqa: BLE001 - transient errors are expected here
            self._expect_transient(exc)
        cl.transport.plan.clear()

    @rule(c=client_ix, faults=fault_lists)
    def pull(self, c: int, faults: list[str]) -> None:
        cl = self.clients[c]
        cl.transport.add(*faults)
        try:
            cl.engine.pull_once()
        except Exception as exc:  # noqa: BLE001
            self._expect_transient(exc)
        cl.transport.plan.clear()

    @rule(c=client_ix, faults=fault_lists, cut=st.integers(0, 3000))
    def upload_step(self, c: int, faults: list[str], cut: int) -> None:
        cl = self.clients[c]
        cl.transport.add(*[Fault("truncate_body", cut) if f == "http_500" else f for f in faults])
        try:
            cl.engine.upload_all()
        except Exception as exc:  # noqa: BLE001
            self._expect_transient(exc)
        cl.transport.plan.clear()

    @rule(c=client_ix, faults=fault_lists)
    def sync_round(self, c: int, faults: list[str]) -> None:
        cl = self.clients[c]
        cl.transport.add(*faults)
        cl.engine.sync_round()
        cl.transport.plan.clear()

    @staticmethod
    def _expect_transient(exc: Exception) -> None:
        from inspector_app.sync.engine import Busy, Offline

        if not isinstance(exc, (Offline, Busy)):
            raise exc

    # ------------------------------------------------------------------------------------------ adversarial

    @precondition(lambda self: bool(getattr(self, "sent", None)))
    @rule(n=st.integers(0, 49))
    def replay_old_request(self, n: int) -> None:
        """A stale push arrives again (a proxy's retry): it must change nothing."""
        assert self.world is not None
        self.world.direct.send(self.sent[n % len(self.sent)])

    @rule(c=client_ix)
    def crash_client(self, c: int) -> None:
        assert self.world is not None
        old = self.clients[c]
        offline = old.transport.offline
        new = self.world.reopen(old)
        new.transport.offline = offline
        new.transport.on_send = self._remember
        self.clients[c] = new

    @precondition(lambda self: getattr(self, "backup", None) is None)
    @rule()
    def take_backup(self) -> None:
        assert self.world is not None
        self.backup = self.world.backup()

    @precondition(lambda self: getattr(self, "backup", None) is not None and not getattr(self, "restored", True))
    @rule()
    def restore_backup(self) -> None:
        """Restore the server database from the backup and regenerate the epoch (the operator procedure)."""
        assert self.world is not None and self.backup is not None
        self.world.restore(self.backup)
        self.restored = True
        self.sent.clear()  # requests of the old epoch are answered with epoch_mismatch; not interesting

    # ------------------------------------------------------------------------------------------ invariants

    @invariant()
    def server_invariants(self) -> None:
        if self.world is not None:
            invariants.check_server_step(self.world.db, self.world.uploads.storage, self.world.uploads.stats)

    @invariant()
    def client_invariants(self) -> None:
        for c in getattr(self, "clients", []):
            invariants.check_client_step(c)

    def _heal_and_check(self) -> None:
        assert self.world is not None
        for c in self.clients:
            c.transport.offline = False
            c.transport.plan.clear()
            c.transport.replay_delayed()
        for _round in range(6):
            for c in self.clients:
                r = c.engine.sync_round()
                assert r.ok, f"{c.name}: {r.error}"
            if all(c.engine.status().pending_changes == 0 for c in self.clients):
                break
        for c in self.clients:  # one more pull each so everyone has everybody's last changes
            assert c.engine.sync_round().ok
        invariants.check_quiescent(self.clients)
        invariants.check_healed(self.world.db, self.clients)


# One folder per pytest-xdist worker: the cached template databases in it are rebuilt by whoever finds them missing.
BASE_DIR = Path(tempfile.gettempdir()) / f"inspector-sync-sm{os.environ.get('PYTEST_XDIST_WORKER', '')}"
BASE_DIR.mkdir(exist_ok=True)
# The world right after the first run's setup in this process (tests/sync/test_stateful.py SyncMachine.setup).
_SNAPSHOT: dict[str, Any] = {}
TestSyncMachine = SyncMachine.TestCase


@pytest.fixture(autouse=True)
def _forms(mini_forms: Path) -> None:
    return None
