"""One regression test per failure of the catalogue (sync.md §13, §14.7); F2 is in test_postgres.py."""

from __future__ import annotations

import base64
import hashlib
import threading
from pathlib import Path

import pytest
from sqlalchemy import delete, select, text

from inspector_app.server.db import new_epoch
from inspector_app.storage.orm import AnswerRow, FindingRow, OutboxRow, SyncStateRow
from inspector_app.storage.sync_orm import SyncRecordRow
from inspector_app.sync import local
from inspector_app.sync.engine import SyncEngine
from inspector_app.sync.transport import Request
from tests.sync import invariants
from tests.sync.harness import World
from tests.sync.test_engine_e2e import LEAD, answers, create_inspection


def _answer(c, iid, item, value):  # type: ignore[no-untyped-def]
    c.app.inspections.answer(LEAD, answers(c, iid)[item].id, value)


def test_cursor_not_advanced_when_page_apply_fails(sqlite_world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    a = sqlite_world.make_client("a", "alice")

    def boom(*_a, **_k):  # type: ignore[no-untyped-def]
        raise RuntimeError("disk full while applying the page")

    monkeypatch.setattr(local, "materialize_pending", boom)
    with pytest.raises(RuntimeError):
        a.engine.pull_once()
    with a.ctx.read() as s:
        assert s.get(SyncStateRow, 1).pull_cursor == 0
        assert s.scalars(select(SyncRecordRow)).all() == []
    monkeypatch.undo()
    assert a.engine.sync_round().ok


def test_server_restore_resends_retained_mutations(world: World, tmp_path: Path) -> None:
    a = world.make_client("a", "alice")
    b = world.make_client("b", "bob")
    assert a.engine.sync_round().ok and b.engine.sync_round().ok
    backup = world.backup()
    iid = create_inspection(a)                  # acknowledged by the server, then lost in the restore
    assert a.engine.sync_round().ok and b.engine.sync_round().ok
    _answer(b, iid, "T-03", "4")                # bob edits a record the restored server will not have
    assert b.engine.sync_round().ok
    world.restore(backup)
    for _ in range(3):
        for c in (b, a):
            assert c.engine.sync_round().ok
    invariants.check_quiescent([a, b])
    invariants.check_healed(world.db, [a, b])
    assert answers(a, iid)["T-03"].value == 4   # bob's parked edit applied once alice's create came back


def test_permanent_rejection_does_not_block_queue_and_is_visible(world: World) -> None:
    from inspector_app.domain.credit_code import make_credit_code
    from inspector_app.domain.roster import Category, InstitutionData, Level, Ownership
    from inspector_app.services.context import Actor

    a = world.make_client("a", "alice")
    assert a.engine.sync_round().ok
    a.app.roster.add_institution(Actor("本地"), InstitutionData(   # class D: clients may not edit rosters
        "本地医院", Category.HOSPITAL, Level.SECONDARY, Ownership.PUBLIC, make_credit_code("12379902MB0000033")))
    iid = create_inspection(a)
    assert a.engine.sync_round().ok
    st = a.engine.status()
    assert st.pending_changes == 0 and st.rejected_changes == 1
    with a.ctx.read() as s:
        rej = s.scalar(select(OutboxRow).where(OutboxRow.status == "rejected"))
        assert rej.entity == "institution" and rej.outcome["reason"] == "reference_data"
    assert answers(a, iid)


def test_failed_push_retried_without_new_writes(world: World) -> None:
    a = world.make_client("a", "alice")
    assert a.engine.sync_round().ok
    create_inspection(a)
    a.transport.add("drop_response", "http_500", "drop_request", "http_500")
    sleeps: list[float] = []
    a.engine.sleeper = sleeps.append
    a.engine.run(lambda: a.engine.status().pending_changes == 0 and bool(sleeps), max_rounds=10)
    assert a.engine.status().pending_changes == 0
    assert sleeps and sleeps[0] >= 0.5 and max(sleeps) <= 300


def test_epoch_refetch_happens_once(world: World) -> None:
    a = world.make_client("a", "alice")
    assert a.engine.sync_round().ok
    new_epoch(world.db.engine)
    for _ in range(4):
        assert a.engine.sync_round().ok
    assert a.engine.stats["epoch_resets"] == 1
    with a.ctx.read() as s:
        assert len(local.meta_get(s, "epochs_seen")) == 1


def test_pull_does_not_clobber_pending_edits(world: World) -> None:
    a = world.make_client("a", "alice")
    b = world.make_client("b", "bob")
    assert a.engine.sync_round().ok
    iid = create_inspection(a)
    assert a.engine.sync_round().ok and b.engine.sync_round().ok
    _answer(b, iid, "T-03", "2")                       # pending on bob's laptop
    _answer(a, iid, "T-05", "10.00")                   # another field, synced by alice
    assert a.engine.sync_round().ok
    b.engine.pull_all()                                # pull only: bob's edit is still pending
    got = answers(b, iid)
    assert got["T-03"].value == 2 and got["T-05"].value == "10.00"
    assert b.engine.status().pending_changes == 1


def test_same_field_race_creates_conflict_and_keeps_both(world: World) -> None:
    from inspector_app.server.models import Conflict

    a = world.make_client("a", "alice")
    b = world.make_client("b", "bob")
    assert a.engine.sync_round().ok
    iid = create_inspection(a)
    assert a.engine.sync_round().ok and b.engine.sync_round().ok
    _answer(a, iid, "T-01", "yes")
    _answer(b, iid, "T-01", "no")
    assert a.engine.sync_round().ok and b.engine.sync_round().ok
    with world.db.read() as s:
        c = s.scalar(select(Conflict).where(Conflict.kind == "concurrent_edit"))
        assert (c.server_value, c.client_value) == ("yes", "no")


def test_delete_propagates_and_edit_after_delete_conflicts(world: World) -> None:
    from inspector_app.domain.findings import FindingData
    from inspector_app.server.models import Conflict

    a = world.make_client("a", "alice")
    b = world.make_client("b", "bob")
    assert a.engine.sync_round().ok
    iid = create_inspection(a)
    dto, _ = a.app.findings.add(LEAD, iid, FindingData(description="重复收费"))
    assert a.engine.sync_round().ok and b.engine.sync_round().ok
    a.app.findings.remove(LEAD, dto.id, "误录")
    b.app.findings.update(LEAD, dto.id, description="重复收费（已核实）")
    assert a.engine.sync_round().ok and b.engine.sync_round().ok and a.engine.sync_round().ok
    for c in (a, b):
        with c.ctx.read() as s:
            assert s.get(FindingRow, dto.id).deleted_at is not None   # the tombstone reached everyone
    with world.db.read() as s:
        assert s.scalar(select(Conflict.kind).where(Conflict.id == dto.id)) == "edit_after_delete"


def _upload_headers(token: str, offset: int, chunk: bytes) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}", "Upload-Offset": str(offset), "Tus-Resumable": "1.0.0",
            "Content-Type": "application/offset+octet-stream",
            "Upload-Checksum": "sha256 " + base64.b64encode(hashlib.sha256(chunk).digest()).decode()}


def test_concurrent_patch_same_upload(world: World) -> None:
    token = world.token("alice")
    data = bytes(range(256)) * 4000
    sha = hashlib.sha256(data).hexdigest()
    auth = {"Authorization": f"Bearer {token}"}
    assert world.direct.send(Request("POST", "/sync/v1/uploads", json={"sha256": sha, "size": len(data)},
                                     headers=auth)).status == 200
    statuses: list[int] = []

    def send(start: int) -> None:
        chunk = data[start:start + 512_000]
        from inspector_app.sync.transport import ASGITransport

        t = ASGITransport(world.app)
        statuses.append(t.send(Request("PATCH", f"/sync/v1/uploads/{sha}", content=chunk,
                                       headers=_upload_headers(token, start, chunk))).status)

    threads = [threading.Thread(target=send, args=(0,)) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert statuses.count(204) == 1 and set(statuses) <= {204, 409, 423}
    off = int(world.direct.send(Request("HEAD", f"/sync/v1/uploads/{sha}", headers=auth)).header("upload-offset"))
    assert off == 512_000
    rest = data[off:]
    r = world.direct.send(Request("PATCH", f"/sync/v1/uploads/{sha}", content=rest,
                                  headers=_upload_headers(token, off, rest)))
    assert r.status == 201
    with world.uploads.storage.open(sha) as f:
        assert f.read() == data


def test_same_size_same_header_photos_distinct(world: World) -> None:
    from inspector_app.sync import actions

    a = world.make_client("a", "alice")
    assert a.engine.sync_round().ok
    iid = create_inspection(a)
    head = b"\xff\xd8\xff\xe0" + b"J" * 65_536
    p1, p2 = head + b"first-photo-tail", head + b"other-photo-tail"
    assert len(p1) == len(p2)
    actions.attach_photo(a.ctx, LEAD, iid, p1)
    actions.attach_photo(a.ctx, LEAD, iid, p2)
    assert a.engine.sync_round().ok
    for p in (p1, p2):
        with world.uploads.storage.open(hashlib.sha256(p).hexdigest()) as f:
            assert f.read() == p
    assert a.engine.status().photos_uploaded == 2


def test_head_after_complete_is_200_forever(world: World) -> None:
    token = world.token("alice")
    auth = {"Authorization": f"Bearer {token}"}
    data = b"signed-pdf" * 100
    sha = hashlib.sha256(data).hexdigest()
    world.direct.send(Request("POST", "/sync/v1/uploads", json={"sha256": sha, "size": len(data)}, headers=auth))
    assert world.direct.send(Request("PATCH", f"/sync/v1/uploads/{sha}", content=data,
                                     headers=_upload_headers(token, 0, data))).status == 201
    import datetime as dt

    world.clock.now += dt.timedelta(days=30)
    world.uploads.expire(world.clock())
    auth = {"Authorization": f"Bearer {world.token('alice')}"}
    assert world.direct.send(Request("HEAD", f"/sync/v1/blobs/{sha}", headers=auth)).status == 200
    h = world.direct.send(Request("HEAD", f"/sync/v1/uploads/{sha}", headers=auth))
    assert h.status == 200 and h.header("upload-offset") == str(len(data))
    again = world.direct.send(Request("PATCH", f"/sync/v1/uploads/{sha}", content=data,
                                      headers=_upload_headers(auth["Authorization"][7:], 0, data)))
    assert again.status == 201 and again.json()["status"] == "complete"
    assert world.direct.send(Request("POST", "/sync/v1/uploads", json={"sha256": sha, "size": len(data)},
                                     headers=auth)).json()["status"] == "complete"


def test_requests_are_self_describing_after_reconnect(world: World) -> None:
    a = world.make_client("a", "alice")
    assert a.engine.sync_round().ok
    iid = create_inspection(a)
    a.engine.push_once()
    # A brand-new engine (a reconnect, or another process) carries no memory of the last one.
    fresh = SyncEngine(a.ctx, a.transport, clock=world.clock, sleeper=lambda _s: None)
    assert fresh.sync_round().ok and fresh.status().pending_changes == 0
    assert answers(a, iid)


def test_client_seq_never_reused_after_prune(world: World) -> None:
    a = world.make_client("a", "alice")
    assert a.engine.sync_round().ok
    iid = create_inspection(a)
    assert a.engine.sync_round().ok
    with a.ctx.unit(LEAD) as uow:   # an over-eager cleanup deletes acknowledged rows
        uow.session.execute(delete(OutboxRow).where(OutboxRow.status != "pending"))
    _answer(a, iid, "T-03", "9")
    assert a.engine.sync_round().ok
    with a.ctx.read() as s:
        row = s.scalar(select(OutboxRow))
        assert row.status == "applied" and row.client_seq > 1


def test_sqlite_pragmas(sqlite_world: World) -> None:
    with sqlite_world.db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_answers_materialize_with_derived_state(world: World) -> None:
    a = world.make_client("a", "alice")
    b = world.make_client("b", "bob")
    assert a.engine.sync_round().ok
    iid = create_inspection(a)
    _answer(a, iid, "T-02", "yes")   # compliant = "no": a "yes" is a violation by itself
    assert a.engine.sync_round().ok and b.engine.sync_round().ok
    with b.ctx.read() as s:
        row = s.scalar(select(AnswerRow).where(AnswerRow.inspection_id == iid, AnswerRow.item_id == "T-02"))
        assert row.state == answers(a, iid)["T-02"].state == "violation"


def test_scope_change_repulls_once(world: World) -> None:
    """A roster change (user moved to another team) changes the scope hash: the client re-pulls from zero once
    and then sees the new team's records."""
    from inspector_app.server import auth
    from inspector_app.server.models import User

    a = world.make_client("a", "alice")
    e = world.make_client("e", "eve")
    assert a.engine.sync_round().ok and e.engine.sync_round().ok
    iid = create_inspection(a)
    assert a.engine.sync_round().ok and e.engine.sync_round().ok
    with e.ctx.read() as s:
        assert s.get(SyncRecordRow, ("inspection", iid)) is None      # team t2 does not see team t1
    with world.db.write() as s:
        auth.set_teams(s, s.scalar(select(User).where(User.name == "eve")), ["t1", "t2"])
    before = e.engine.stats["pull_requests"]
    assert e.engine.sync_round().ok
    with e.ctx.read() as s:
        assert s.get(SyncRecordRow, ("inspection", iid)) is not None
    assert e.engine.stats["pull_requests"] - before <= 3
    before = e.engine.stats["pull_requests"]
    assert e.engine.sync_round().ok
    assert e.engine.stats["pull_requests"] - before == 1            # no refetch loop (F6)
