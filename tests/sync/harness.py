"""A server and several clients in one process: the FastAPI app behind a fault-injecting transport, and one
real client workspace (its own SQLite file, blob store, services and sync engine) per client."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from inspector_app.server import auth
from inspector_app.server.models import User
from inspector_app.server.app import ServerSettings, create_app
from inspector_app.sync import account
from inspector_app.sync.engine import SyncEngine
from inspector_app.sync.transport import ASGITransport, FaultyTransport
from tests.conftest import FIXTURES, test_workspace_key

PASSWORD = "correct horse battery"
USERS = {  # name: (role, teams)
    "admin": ("admin", []),
    "alice": ("inspector", ["t1"]),
    "bob": ("inspector", ["t1"]),
    "lead": ("team_lead", ["t1"]),
    "eve": ("inspector", ["t2"]),
}
INSTITUTION_ID = "0190a000-0000-7000-8000-000000000001"
OFFICERS = [("0190a000-0000-7000-8000-0000000000a1", "陈明哲", "测执00001"),
            ("0190a000-0000-7000-8000-0000000000a2", "许若溪", "测执00002"),
            ("0190a000-0000-7000-8000-0000000000a3", "韩景行", "测执00003")]

_TEMPLATE_DB: dict[str, Path] = {}


class ServerClock:
    def __init__(self) -> None:
        self.now = dt.datetime(2026, 11, 20, 1, 30, tzinfo=dt.timezone.utc)

    def __call__(self) -> dt.datetime:
        return self.now


def reference_payloads() -> dict[str, list[dict[str, Any]]]:
    from inspector_app.catalog.loader import load_library

    lib = load_library(FIXTURES / "forms")
    t = lib.templates["mini"]
    return {
        "institution": [{"id": INSTITUTION_ID, "data": {
            "name": "测试市人民医院", "category": "医院", "level": "二级", "ownership": "公立",
            "credit_code": "12379902MB000001XX"[:18], "designation_code": "H37990200001", "address": "测试市和平路1号",
            "legal_representative": "林书远", "phone": "", "region": "测试市", "credit_rating": None,
            "complaint_count": 0}}],
        "officer": [{"id": oid, "data": {"name": name, "department": "基金监督科", "certificate_no": cert,
                                         "certificate_expiry": "2028-12-31",
                                         "role": "team_lead" if n == 2 else "inspector"}}
                    for n, (oid, name, cert) in enumerate(OFFICERS)],
        "template": [{"id": t.content_hash, "data": {"template_id": t.id, "version": t.version, "title": t.title,
                                                     "source": t.source}}],
    }


def migrated_template_db(root: Path) -> Path:
    """A client database migrated once per session and copied for every client (migrations take ~0.3 s)."""
    key = "client"
    if key not in _TEMPLATE_DB or not _TEMPLATE_DB[key].exists():
        from inspector_app.storage.migrate import open_database

        root.mkdir(parents=True, exist_ok=True)
        path = root / "template.sqlite3"
        open_database(path, root / "backups").engine.dispose()
        con = sqlite3.connect(path)
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.close()
        _TEMPLATE_DB[key] = path
    return _TEMPLATE_DB[key]


def copy_sqlite(src: Path, dst: Path) -> None:
    a, b = sqlite3.connect(src), sqlite3.connect(dst)
    try:
        a.backup(b)
    finally:
        b.close()
        a.close()


def seeded_server_db(root: Path) -> Path:
    """A server database with users and reference data, built once and copied for every world."""
    key = "server"
    if key not in _TEMPLATE_DB or not _TEMPLATE_DB[key].exists():
        root.mkdir(parents=True, exist_ok=True)
        work = root / "seed"
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir()
        w = World(work, db_url=str(work / "server.sqlite3"), cache=root)
        w.close()
        path = root / "server-seeded.sqlite3"
        copy_sqlite(work / "server.sqlite3", path)
        _TEMPLATE_DB[key] = path
    return _TEMPLATE_DB[key]


@dataclass
class Client:
    name: str
    user: str
    workspace: Path
    app: Any
    engine: SyncEngine
    transport: FaultyTransport

    @property
    def ctx(self) -> Any:
        return self.app.ctx

    def close(self) -> None:
        self.app.close()


class World:
    def __init__(self, tmp: Path, db_url: str | None = None, clock: Any = None, cache: Path | None = None,
                 reference: bool = True, seeded: bool = False, blob_store: str | None = None, **settings: Any):
        self.tmp = tmp
        self.cache = cache or tmp / "cache"
        self.clock = clock or ServerClock()
        self.pg: Any = None
        if db_url is None:
            self.db_url = str(tmp / "server.sqlite3")
            if reference:  # copy a migrated, seeded server database instead of building one per world
                copy_sqlite(seeded_server_db(self.cache), Path(self.db_url))
                seeded = True
        else:
            self.db_url = db_url
        self.settings = ServerSettings(db_url=self.db_url, storage_dir=tmp / "server-blobs", clock=self.clock,
                                       argon2_memory_kib=64, argon2_time_cost=1, run_migrations=not seeded,
                                       blob_store=blob_store, **settings)
        self.app = create_app(self.settings)
        self.db = self.app.state.db
        self.uploads = self.app.state.uploads
        self.clients: dict[str, Client] = {}
        self.postgres = self.db.postgres
        with self.db.write() as s:
            for name, (role, teams) in USERS.items():
                if s.scalar(select(User).where(User.name == name)) is None:
                    auth.add_user(s, self.app.state.hasher, name, PASSWORD, role, teams)
        self.direct = ASGITransport(self.app)
        if reference and not seeded:
            self.import_reference()

    def token(self, user: str) -> str:
        from inspector_app.sync.transport import Request

        r = self.direct.send(Request("POST", "/sync/v1/login", json={"user": user, "password": PASSWORD}))
        assert r.status == 200, r.content
        return r.json()["token"]

    def import_reference(self) -> None:
        from inspector_app.sync.transport import Request

        h = {"Authorization": f"Bearer {self.token('admin')}"}
        for entity, items in reference_payloads().items():
            r = self.direct.send(Request("POST", "/sync/v1/admin/reference", json={"entity": entity, "items": items},
                                         headers=h))
            assert r.status == 200, r.content

    def make_client(self, name: str, user: str, sign_in: bool = True, **engine_kw: Any) -> Client:
        from inspector_app.app import build_context

        ws = self.tmp / f"client-{name}"
        if not ws.exists():
            ws.mkdir(parents=True)
            shutil.copy(migrated_template_db(self.cache), ws / "inspector.sqlite3")
        # INSPECTOR_TEST_ENCRYPTED=1: the copied plain template is converted on this first start with the key
        app = build_context(str(ws), clock=self.clock, device=f"laptop-{name}", workspace_key=test_workspace_key())
        transport = FaultyTransport(ASGITransport(self.app))
        engine = SyncEngine(app.ctx, transport, server_url="inproc", clock=self.clock, sleeper=lambda _s: None,
                            **engine_kw)
        client = Client(name, user, ws, app, engine, transport)
        if sign_in:
            res = engine.sign_in(user, PASSWORD)
            assert res.ok, res.message
        self.clients[name] = client
        return client

    def reopen(self, client: Client) -> Client:
        """A crash: drop the engine and the open database without finishing anything, then start again."""
        client.app.close()
        self.clients.pop(client.name, None)
        return self.make_client(client.name, client.user, sign_in=False)

    # The operator's backup and restore procedures; a restore always ends with a new epoch (sync.md §16.2).

    def backup(self) -> Any:
        if not self.postgres:
            target = self.tmp / f"backup-{len(list(self.tmp.glob('backup-*')))}.sqlite3"
            copy_sqlite(Path(self.db.engine.url.database or ""), target)
            return target
        cluster, name = self.pg
        self.db.engine.dispose()
        return cluster.create_db(template=name)

    def restore(self, backup: Any) -> None:
        from inspector_app.server.db import new_epoch

        self.db.engine.dispose()
        if not self.postgres:
            copy_sqlite(backup, Path(self.db.engine.url.database or ""))
        else:
            cluster, name = self.pg
            cluster.drop_db(name)
            cluster.admin_sql(f'CREATE DATABASE "{name}" TEMPLATE "{backup}"')
        new_epoch(self.db.engine)

    def close(self) -> None:
        for c in list(self.clients.values()):
            c.close()
        self.db.dispose()
        if self.pg is not None:
            cluster, name = self.pg
            cluster.drop_db(name)


def fast_kdf(monkeypatch: Any) -> None:
    monkeypatch.setattr(account, "SCRYPT_N", 2**8)
