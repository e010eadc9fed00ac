"""The change counter is taken last (issue 17, sync.md §8.1): two pushes of different clients overlap on
PostgreSQL and only their numbering and commits queue on the counter row. What the old counter-first lock gave
for free must still hold: a child parked as `missing_parent` while another request creates its parent is
replayed, whichever of the two commits first (sync_service._late_backlog, and on PostgreSQL the per-team write
locks of feed.lock_scope, which make the second push of the same team wait for the first)."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest
from sqlalchemy import select, text

from inspector_app.domain.ids import new_id
from inspector_app.server import sync_service as svc
from inspector_app.server.auth import principal
from inspector_app.server.models import Change, Conflict, Record, User
from inspector_app.storage import outbox_repo
from inspector_app.sync import local
from tests.sync.harness import World
from tests.sync.test_engine_e2e import LEAD, create_inspection


def _pending(client: Any) -> list[svc.MutationIn]:
    with client.ctx.read() as s:
        return [svc.MutationIn(r.client_seq, r.mutation_id, r.entity, r.entity_id, r.op, r.payload, r.hlc)
                for r in local.pending_rows(s, 500)]


def _who(world: World, name: str) -> Any:
    with world.db.read() as s:
        return principal(s, s.scalar(select(User).where(User.name == name)))


def _push(world: World, s: Any, client: Any, user: str) -> dict[str, Any]:
    with client.ctx.read() as cs:
        st = local.state(cs)
        cid, epoch = st.client_id, st.server_epoch
    return svc.push(s, _who(world, user), cid, epoch, _pending(client), world.clock())


def _wait_for_lock_waiter(world: World) -> None:
    """Until another connection of this database waits on a lock (the second push queued on the counter)."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        with world.db.read() as s:
            if s.scalar(text("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                             "AND wait_event_type = 'Lock'")):
                return
        time.sleep(0.01)
    raise AssertionError("the second push never waited on a lock")


@pytest.mark.parametrize("world", ["postgres"], indirect=True)
@pytest.mark.parametrize("parent_first", [True, False], ids=["parent-commits-first", "child-commits-first"])
def test_a_child_parked_while_its_parent_is_created_concurrently_is_replayed(world: World,
                                                                              parent_first: bool) -> None:
    a = world.make_client("a", "alice")
    b = world.make_client("b", "bob")
    assert a.engine.sync_round().ok and b.engine.sync_round().ok
    iid = create_inspection(a)   # pending on a: the inspection (the parent) and its rows
    fid = new_id()
    with b.ctx.unit(LEAD) as uow:   # b already knows the inspection's id (say, from a phone call)
        outbox_repo.enqueue(uow.session, "finding", fid, "create", {"data": {
            "inspection_id": iid, "answer_id": None, "item_id": None, "description": "并发",
            "severity": "一般", "amount_involved": "0.00", "amount_to_recover": "0.00", "legal_basis": "",
            "penalty_article": ""}}, uow.now, int(uow.now.timestamp() * 1000))
    first, second = ((a, "alice"), (b, "bob")) if parent_first else ((b, "bob"), (a, "alice"))
    errors: list[BaseException] = []

    def other() -> None:
        try:
            with world.db.write() as s2:
                _push(world, s2, *second)
        except BaseException as exc:  # noqa: BLE001 - reported by the main thread
            errors.append(exc)

    with world.db.write() as s1:
        out = _push(world, s1, *first)
        assert all(r["outcome"] != "rejected" for r in out["results"])
        t = threading.Thread(target=other)
        t.start()
        _wait_for_lock_waiter(world)   # the second push did its work and queues on the counter we hold
    t.join(timeout=60)
    assert not t.is_alive() and not errors, errors
    with world.db.read() as s:
        finding = s.get(Record, ("finding", fid))
        assert finding is not None and finding.data["inspection_id"] == iid
        parked = s.scalars(select(Conflict).where(Conflict.kind == "missing_parent", Conflict.id == fid)).all()
        # parked and replayed (child first), or never parked: writers of one team queue on their team's lock
        # (feed.lock_scope), so the child's push sees the committed parent
        assert all(c.status == "resolved" for c in parked)
        seqs = list(s.scalars(select(Change.seq).order_by(Change.seq)))
        assert seqs == list(range(seqs[0], seqs[0] + len(seqs)))   # gap-free
