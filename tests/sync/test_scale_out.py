"""Scale-out, shown (issue 17): two `inspector server` processes on different ports of 127.0.0.1 share one
PostgreSQL database and one S3 bucket (moto_server). Clients send every request to the next server in turn —
a load balancer without sticky sessions — while pushing concurrently; every invariant of sync.md holds: no
mutation lost or applied twice, the change feed gap-free and duplicate-free, every client converges, and a
photo uploaded in chunks spread over both servers is published once, byte-exact, and readable from either.

Uploads are staged on a directory both servers share (as on a shared volume in production; the published
blob lives in the bucket): the staged length under an exclusive lock is the offset, whichever server answers."""

from __future__ import annotations

import hashlib
import os
import threading
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from inspector_app.server.db import Database
from inspector_app.server.models import Blob, Change
from inspector_app.server.s3_storage import S3BlobStorage
from inspector_app.storage.orm import InspectionRow
from inspector_app.sync.transport import HttpTransport, Request, Response
from tests.sync import invariants
from tests.sync.harness import PASSWORD, Client
from tests.sync.loopback import ServerProcess
from tests.sync.test_engine_e2e import LEAD, create_inspection

pytestmark = [pytest.mark.timeout(600), pytest.mark.slow]
ROUNDS = 3


class RoundRobin:
    """Each request to the next server in turn; counts where requests went."""

    def __init__(self, urls: list[str]):
        self.transports = [HttpTransport(u) for u in urls]
        self.sent = [0] * len(urls)
        self._n = 0

    def send(self, request: Request) -> Response:
        i = self._n % len(self.transports)
        self._n += 1
        self.sent[i] += 1
        return self.transports[i].send(request)

    def close(self) -> None:
        for t in self.transports:
            t.close()


def _client(tmp: Path, name: str, user: str, urls: list[str]) -> Client:
    from inspector_app.app import build_context
    from inspector_app.sync.engine import SyncEngine

    app = build_context(str(tmp / f"client-{name}"), device=f"laptop-{name}")
    transport = RoundRobin(urls)
    engine = SyncEngine(app.ctx, transport, server_url=urls[0], sleeper=lambda _s: None, chunk_size=1 << 20)
    assert engine.sign_in(user, PASSWORD).ok
    return Client(name, user, tmp / f"client-{name}", app, engine, transport)  # type: ignore[arg-type]


def test_two_servers_one_postgres_one_bucket_clients_switching_mid_sync(
        pg_cluster: Any, pg_seed: str, s3_server: Any, tmp_path: Path, mini_forms: Path) -> None:
    name = pg_cluster.create_db(template=pg_seed)
    db_url = pg_cluster.url(name)
    store_url = s3_server.url(s3_server.new_bucket(), "evidence")
    shared = tmp_path / "shared-staging"
    servers = [ServerProcess(db_url, shared, env={"INSPECTOR_SERVER_BLOB_STORE": store_url}).start()
               for _ in range(2)]
    clients: list[Client] = []
    db = Database(db_url, run_migrations=False)
    try:
        urls = [s.url for s in servers]
        alice = _client(tmp_path, "alice", "alice", urls)
        bob = _client(tmp_path, "bob", "bob", urls[::-1])
        lead = _client(tmp_path, "lead", "lead", urls)
        clients = [alice, bob, lead]
        for c in clients:
            assert c.engine.sync_round().ok

        # A 3.5 MB photo in 1 MiB chunks: create, PATCHes and HEADs alternate between the two servers.
        iid = create_inspection(alice)
        photo = os.urandom((7 << 20) // 2)
        sha = hashlib.sha256(photo).hexdigest()
        from inspector_app.sync import actions

        actions.attach_photo(alice.ctx, LEAD, iid, photo)
        r = alice.engine.sync_round()
        assert r.ok, r.error
        assert alice.engine.status().photos_uploaded == 1

        # Concurrent pushes through both servers: each client creates inspections and syncs, in its own thread.
        created: dict[str, list[str]] = {c.name: [] for c in clients}
        errors: list[BaseException] = []
        barrier = threading.Barrier(len(clients))

        def work(c: Client) -> None:
            try:
                barrier.wait()
                for _ in range(ROUNDS):
                    created[c.name].append(create_inspection(c))
                    res = c.engine.sync_round()
                    assert res.ok, res.error
            except BaseException as exc:  # noqa: BLE001 - reported by the main thread
                errors.append(exc)

        threads = [threading.Thread(target=work, args=(c,)) for c in clients]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert not errors, errors
        for _ in range(2):   # heal: everyone pulls what the others pushed
            for c in clients:
                res = c.engine.sync_round()
                assert res.ok, res.error

        for c in clients:
            assert min(c.transport.sent) > 0, f"{c.name} used only one server: {c.transport.sent}"
        invariants.check_quiescent(clients)
        invariants.check_healed(db, clients)
        store = S3BlobStorage(store_url)
        invariants.check_server_step(db, storage=store)
        every = {iid, *(i for ids in created.values() for i in ids)}
        assert len(every) == 1 + ROUNDS * len(clients)
        for c in clients:
            with c.ctx.read() as s:
                seen = set(s.scalars(select(InspectionRow.id)))
            assert every <= seen, f"{c.name} misses {every - seen}"
        with db.read() as s:
            assert s.scalar(select(func.count()).select_from(Blob)) == 1
            seqs = list(s.scalars(select(Change.seq)))
            assert len(seqs) == len(set(seqs))
        assert not list(shared.glob("staging/*.part")), "staging left behind"

        # The photo is one object in the bucket, readable from either server by a team member.
        token = httpx.post(f"{urls[1]}/sync/v1/login", json={"user": "bob", "password": PASSWORD}).json()["token"]
        for url in urls:
            got = httpx.get(f"{url}/sync/v1/blobs/{sha}", headers={"Authorization": f"Bearer {token}"}, timeout=60)
            assert got.status_code == 200 and got.content == photo
        assert store.size(sha) == len(photo)
    finally:
        for c in clients:
            c.app.close()
            c.transport.close()
        db.dispose()
        for s in servers:
            s.stop()
        pg_cluster.drop_db(name)
