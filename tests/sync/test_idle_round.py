"""A sync round with nothing to push, pull or upload opens no write transaction (issue 17), yet the next change
is still pushed, pulled and shown, and the status still says when the last round succeeded."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import event

from inspector_app.domain.findings import FindingData
from tests.sync.harness import World
from tests.sync.test_engine_e2e import LEAD, create_inspection


def _writes(engine: Any) -> list[str]:
    seen: list[str] = []

    def before(_c: Any, _cur: Any, statement: str, *_a: Any) -> None:
        if statement.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE", "REPLACE", "BEGIN IMMEDIATE")):
            seen.append(statement.strip()[:60])

    event.listen(engine, "before_cursor_execute", before)
    return seen


@pytest.mark.parametrize("world", ["sqlite"], indirect=True)
def test_idle_round_writes_nothing_and_work_still_flows(world: World) -> None:
    a = world.make_client("a", "alice")
    b = world.make_client("b", "bob")
    assert a.engine.sync_round().ok and b.engine.sync_round().ok
    iid = create_inspection(a)
    assert a.engine.sync_round().ok and b.engine.sync_round().ok
    writes_a, writes_b = _writes(a.ctx.engine), _writes(b.ctx.engine)
    for _ in range(3):
        assert a.engine.sync_round().ok and b.engine.sync_round().ok
    assert writes_a == [] and writes_b == []
    # the status says when the last (idle) round succeeded, without it being written each time
    world.clock.now += dt.timedelta(minutes=1)
    assert a.engine.sync_round().ok
    assert a.engine.status().last_sync_at == world.clock.now
    assert writes_a == []
    # ... but after a quarter of an hour it is persisted again, for the status after a restart
    world.clock.now += dt.timedelta(minutes=16)
    assert a.engine.sync_round().ok
    assert len(writes_a) == 2 and "sync_meta" in writes_a[1], writes_a   # BEGIN IMMEDIATE + one UPDATE
    writes_a.clear()
    # the next change is pushed and pulled as before
    a.app.findings.add(LEAD, iid, FindingData(description="idle test"))
    r = a.engine.sync_round()
    assert r.ok and r.pushed == 1 and writes_a
    r = b.engine.sync_round()
    assert r.ok and r.pulled >= 1 and writes_b
    assert [f.description for f in b.app.findings.list(iid)] == ["idle test"]


@pytest.mark.parametrize("world", ["sqlite"], indirect=True)
def test_idle_round_is_one_pull_that_reads_no_feed(world: World) -> None:
    """Nothing to push, pull or upload: the round sends one request (the pull), and the server answers a client at
    the head from the epoch and the head alone — the change feed is not read (issue 17)."""
    a = world.make_client("a", "alice")
    b = world.make_client("b", "bob")
    assert a.engine.sync_round().ok
    iid = create_inspection(a)
    assert a.engine.sync_round().ok and b.engine.sync_round().ok and a.engine.sync_round().ok
    server_sql: list[str] = []
    event.listen(world.db.engine, "before_cursor_execute",
                 lambda _c, _cur, statement, *_a: server_sql.append(statement))
    a.transport.log.clear()
    for _ in range(3):
        assert a.engine.sync_round().ok
    assert [(m, p) for _k, m, p in a.transport.log] == [("GET", "/sync/v1/pull")] * 3
    assert not [q for q in server_sql if "FROM changes" in q and "max(" not in q], server_sql
    # a change by someone else is still served to the next round
    b.app.findings.add(LEAD, iid, FindingData(description="from b"))
    assert b.engine.sync_round().ok
    assert a.engine.sync_round().pulled >= 1


@pytest.mark.parametrize("world", ["sqlite"], indirect=True)
def test_a_hint_of_the_probe_is_not_used_after_the_engine_wrote(world: World) -> None:
    """The probe's values serve only while the engine has written nothing: a push in the same round makes the pull
    read the state again (here: the round's own push, then the pull, both land)."""
    a = world.make_client("a", "alice")
    b = world.make_client("b", "bob")
    assert a.engine.sync_round().ok and b.engine.sync_round().ok
    iid = create_inspection(a)
    assert a.engine.sync_round().ok and b.engine.sync_round().ok
    b.app.findings.add(LEAD, iid, FindingData(description="b1"))
    assert b.engine.sync_round().ok
    a.app.findings.add(LEAD, iid, FindingData(description="a1"))
    r = a.engine.sync_round()
    assert r.ok and r.pushed == 1 and r.pulled >= 1
    assert a.engine._hint == {}
    assert sorted(f.description for f in a.app.findings.list(iid)) == ["a1", "b1"]
