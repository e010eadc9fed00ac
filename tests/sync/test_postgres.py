"""PostgreSQL tier (sync.md §14.5), against a throwaway cluster started from the system's binaries: cursor order
equals commit order under concurrent writers (F2), row locks without deadlocks, and the state machine.
(Every `world` test in this directory also runs on PostgreSQL.)"""

from __future__ import annotations

import random
import threading
import time
from pathlib import Path

import pytest
from hypothesis import settings
from sqlalchemy import select

from inspector_app.server.models import Change, Conflict, Record
from inspector_app.sync.transport import ASGITransport
from tests.sync import invariants
from tests.sync.harness import World
from tests.sync.test_server_api import INSP, Api
from tests.sync.test_stateful import BASE_DIR, SyncMachine

pytestmark = [pytest.mark.timeout(600)]


@pytest.fixture
def pg_world(request: pytest.FixtureRequest, tmp_path: Path, mini_forms: Path, monkeypatch: pytest.MonkeyPatch,
             tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from tests.sync.conftest import _make_world
    from tests.sync.harness import fast_kdf

    fast_kdf(monkeypatch)
    w = _make_world(request, "postgres", tmp_path, tmp_path_factory)
    assert w.postgres
    yield w
    w.close()


def _threaded_api(world: World, user: str, cid: str) -> Api:
    api = Api(world, user, cid)
    api.w = _Own(world)  # type: ignore[assignment]
    return api


class _Own:
    """Each thread its own in-process HTTP client (TestClient instances are not shared across threads)."""

    def __init__(self, world: World):
        self.direct = ASGITransport(world.app)


def test_late_commit_not_skipped_pg(pg_world: World) -> None:
    rng = random.Random(7)
    pg_world.settings.push_fault = lambda _m: time.sleep(rng.uniform(0, 0.03))
    writers = [_threaded_api(pg_world, u, f"w-{u}") for u in ("alice", "bob", "lead", "admin")]
    reader = _threaded_api(pg_world, "admin", "reader")
    done = threading.Event()
    seen: set[tuple[str, str]] = set()
    cursors: list[int] = []

    def read() -> None:
        cursor = 0
        while True:
            finished = done.is_set()
            page = reader.pull(cursor, limit=7)
            seen.update((i["entity"], i["id"]) for i in page["items"])
            cursor = page["next_cursor"]
            cursors.append(cursor)
            if finished and not page["has_more"]:
                return

    def write(api: Api, n: int) -> None:
        for k in range(6):
            muts = [api.mut("inspection", f"{api.client_id}-{k}-{j}", "create", {"data": INSP}) for j in range(3)]
            assert api.push(*muts).status == 200

    t_read = threading.Thread(target=read)
    t_read.start()
    threads = [threading.Thread(target=write, args=(api, n)) for n, api in enumerate(writers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    done.set()
    t_read.join(timeout=60)
    with pg_world.db.read() as s:
        committed = {(r.entity, r.id) for r in s.scalars(select(Record))}
        head = max(s.scalars(select(Change.seq)))
    assert committed <= seen, f"reader skipped {len(committed - seen)} committed rows"
    assert cursors == sorted(cursors) and cursors[-1] == head
    invariants.check_server_step(pg_world.db)


def test_concurrent_pushes_to_one_record_and_to_different_records_pg(pg_world: World) -> None:
    owner = Api(pg_world, "alice", "owner")
    assert owner.push(owner.mut("inspection", "shared", "create", {"data": INSP})).status == 200
    apis = [_threaded_api(pg_world, u, f"c-{u}") for u in ("alice", "bob", "lead", "admin")]
    statuses: list[int] = []
    barrier = threading.Barrier(len(apis))

    def race(n: int, api: Api) -> None:
        barrier.wait()
        r1 = api.push(api.mut("inspection", "shared", "patch", {"fields": {"place": [None, f"地点{n}"]}}),
                      api.mut("inspection", f"own-{n}", "create", {"data": {**INSP, "team_id": "t1"}}),
                      api.mut("inspection", f"own-{n}", "patch", {"fields": {"note": [None, "x"]}}))
        statuses.append(r1.status)

    threads = [threading.Thread(target=race, args=(n, a)) for n, a in enumerate(apis)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert statuses == [200] * len(apis)
    with pg_world.db.read() as s:
        conflicts = list(s.scalars(select(Conflict).where(Conflict.id == "shared")))
        assert len(conflicts) == len(apis) - 1    # one winner, every losing value kept
        for n in range(len(apis)):
            assert s.get(Record, ("inspection", f"own-{n}")).data["note"] == "x"
    invariants.check_server_step(pg_world.db)


_PG: dict[str, object] = {}


class PgSyncMachine(SyncMachine):
    reuse_setup = False  # its server database is in PostgreSQL, not in the folder a snapshot copies

    def make_world(self) -> World:
        cluster, seed = _PG["cluster"], _PG["seed"]
        name = cluster.create_db(template=seed)  # type: ignore[attr-defined]
        w = World(self.tmp, db_url=cluster.url(name), cache=BASE_DIR / "cache", seeded=True)  # type: ignore[attr-defined]
        w.pg = (cluster, name)
        return w


@pytest.mark.slow
def test_state_machine_on_postgres(pg_cluster, pg_seed, mini_forms: Path) -> None:  # type: ignore[no-untyped-def]
    from hypothesis.stateful import run_state_machine_as_test

    _PG.update(cluster=pg_cluster, seed=pg_seed)
    profile = settings.default
    n = 60 if profile.max_examples > 100 else 6   # each step is several times slower than on SQLite
    run_state_machine_as_test(PgSyncMachine, settings=settings(profile, max_examples=n))
