"""Set-based push (issue 17): a batch is applied in one savepoint with its records loaded in one query per entity
type, so the statements per mutation do not include per-row lookups; a failing mutation sends the batch down the
per-mutation path with exactly the outcomes that path always gave."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import event, select

from inspector_app.domain.ids import new_id
from inspector_app.server.models import Mutation, Record
from inspector_app.storage import outbox_repo
from tests.sync.harness import World
from tests.sync.test_engine_e2e import LEAD, create_inspection


def _statements(engine: Any) -> list[str]:
    seen: list[str] = []
    event.listen(engine, "before_cursor_execute",
                 lambda _c, _cur, statement, *_a: seen.append(" ".join(statement.split()[:3]).upper()))
    return seen


def _finding(iid: str, k: int) -> dict[str, Any]:
    return {"data": {"inspection_id": iid, "answer_id": None, "item_id": None, "description": f"问题 {k}",
                     "severity": "一般", "amount_involved": "0.00", "amount_to_recover": "0.00",
                     "legal_basis": "", "penalty_article": ""}}


def _enqueue(client: Any, rows: list[tuple[str, str, str, dict[str, Any]]]) -> None:
    with client.ctx.unit(LEAD) as uow:
        wall = int(uow.now.timestamp() * 1000)
        for entity, rid, op, payload in rows:
            outbox_repo.enqueue(uow.session, entity, rid, op, payload, uow.now, wall)


@pytest.fixture
def ready(world: World) -> tuple[World, Any, str]:
    a = world.make_client("a", "alice")
    assert a.engine.sync_round().ok
    iid = create_inspection(a)
    assert a.engine.sync_round().ok
    return world, a, iid


@pytest.mark.parametrize("world", ["sqlite"], indirect=True)
def test_a_batch_costs_no_per_row_lookups(ready: tuple[World, Any, str]) -> None:
    world, a, iid = ready
    n = 60
    ids = [new_id() for _ in range(n)]
    _enqueue(a, [("finding", fid, "create", _finding(iid, k)) for k, fid in enumerate(ids)]
             + [("finding", ids[0], "patch", {"fields": {"description": ["问题 0", "问题 0（改）"]}})])
    seen = _statements(world.db.engine)
    assert a.engine.push_once() == n + 1
    selects = [s for s in seen if s.startswith("SELECT")]
    assert len(selects) <= 12, selects            # was ~4 per mutation
    assert sum(s.startswith("SAVEPOINT") for s in seen) == 1
    with world.db.read() as s:
        assert s.scalar(select(Record.data).where(Record.id == ids[0]))["description"] == "问题 0（改）"
        outcomes = list(s.scalars(select(Mutation.outcome).where(Mutation.entity_id.in_(ids))))
    assert outcomes == ["applied"] * (n + 1)


@pytest.mark.parametrize("world", ["sqlite"], indirect=True)
def test_a_rejected_mutation_falls_back_to_per_mutation_savepoints(ready: tuple[World, Any, str]) -> None:
    world, a, iid = ready
    ids = [new_id() for _ in range(5)]
    bad = _finding(iid, 2)
    bad["data"]["no_such_field"] = "x"
    _enqueue(a, [("finding", fid, "create", bad if k == 2 else _finding(iid, k)) for k, fid in enumerate(ids)])
    seen = _statements(world.db.engine)
    assert a.engine.push_once() == 5
    # the batch's savepoint is rolled back, then each mutation runs in its own (the rejected one fails before
    # writing, so its savepoint never reaches the database)
    assert seen.count("ROLLBACK TO SAVEPOINT") == 1
    assert sum(s.startswith("SAVEPOINT") for s in seen) == 1 + 4, "\n".join(seen)
    with world.db.read() as s:
        by_id = {m.entity_id: m.outcome for m in s.scalars(select(Mutation).where(Mutation.entity_id.in_(ids)))}
        stored = set(s.scalars(select(Record.id).where(Record.id.in_(ids))))
    assert [by_id[i] for i in ids] == ["applied", "applied", "rejected", "applied", "applied"]
    assert stored == {ids[0], ids[1], ids[3], ids[4]}
