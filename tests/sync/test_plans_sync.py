"""Plans, plan items, every draw attempt, declared conflicts and plan-item links travel through the sync server to
the lead's other laptop; draws are the planners' (an inspector's draw is refused, an inspector never receives one);
a drawn draw is frozen on the server like a signed record; a signed draw record is append-only."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from inspector_app.storage.orm import OutboxRow
from inspector_app.storage.plans_orm import DrawRow, OfficerConflictRow, PlanItemInspectionRow
from tests.sync.draw_world import BOSS, drawn_round, filed_plan
from tests.sync.harness import OFFICERS


def _outbox(app: Any, entity: str) -> list[OutboxRow]:
    with app.ctx.read() as s:
        return list(s.scalars(select(OutboxRow).where(OutboxRow.entity == entity).order_by(OutboxRow.client_seq)))


def test_plans_and_every_draw_reach_the_leads_other_laptop(sqlite_world) -> None:  # type: ignore[no-untyped-def]
    lead = sqlite_world.make_client("l", "lead")
    other = sqlite_world.make_client("l2", "lead")
    assert lead.engine.sync_round().ok
    plan, abandoned, accepted = drawn_round(lead.app)
    assert {o for p in accepted.result["picks"] for o in p["officer_ids"]} == {OFFICERS[1][0], OFFICERS[2][0]}
    assert lead.engine.sync_round().ok
    assert {r.status for e in ("plan", "plan_item", "draw", "officer_conflict", "plan_item_inspection")
            for r in _outbox(lead.app, e)} == {"applied"}
    assert other.engine.sync_round().ok

    got = other.app.plans.get(plan.id)
    assert got == plan   # plan, status and items as on the lead's laptop
    rounds = other.app.draws.rounds(plan.items[0].id)
    assert [(d.attempt, d.status, d.reason, d.seed, d.pool_hash) for d in rounds] == [
        (1, "abandoned", "抽取时间录入错误", abandoned.seed, abandoned.pool_hash),
        (2, "accepted", "", accepted.seed, accepted.pool_hash)]
    assert rounds[1].result == accepted.result and rounds[1].pool == accepted.pool
    assert other.app.draws.get(accepted.id).inspection_ids == accepted.inspection_ids
    with other.app.ctx.read() as s:
        assert [(c.officer_id, c.reason) for c in s.scalars(select(OfficerConflictRow))] == [
            (OFFICERS[0][0], "配偶在该院任职")]
        [link] = s.scalars(select(PlanItemInspectionRow)).all()
        assert (link.inspection_id, link.draw_id) == (accepted.inspection_ids[0], accepted.id)
    # the drafts the draw made came too: this laptop is the lead's, who drew them
    assert other.app.queries.summary(accepted.inspection_ids[0]).status == "draft"


def test_draws_are_the_planners_and_frozen_once_drawn(sqlite_world) -> None:  # type: ignore[no-untyped-def]
    lead = sqlite_world.make_client("l", "lead")
    alice = sqlite_world.make_client("a", "alice")
    assert lead.engine.sync_round().ok
    plan, _abandoned, accepted = drawn_round(lead.app)
    assert lead.engine.sync_round().ok
    assert alice.engine.sync_round().ok
    # the plan is the team's; its draws are not the inspectors' business
    assert alice.app.plans.get(plan.id).title == plan.title
    assert alice.app.draws.rounds(plan.items[0].id) == []
    with alice.app.ctx.read() as s:
        assert s.scalars(select(DrawRow)).all() == []
    # an inspector's own draw is refused by the server (recorded, not hidden)
    alice.app.draws.open(BOSS, plan.items[0].id)
    assert alice.engine.sync_round().ok
    [mine] = _outbox(alice.app, "draw")
    assert mine.status == "rejected" and mine.outcome["reason"] == "forbidden_role"

    # a drawn draw cannot be redrawn in place: a forged change of its seed or result is kept as a conflict
    with lead.app.ctx.unit(BOSS) as uow:
        row = uow.session.get(DrawRow, accepted.id)
        uow.outbox("draw", row.id, "patch", {"fields": {"seed": [row.seed, "00" * 32]}})
        uow.outbox("draw", row.id, "patch", {"fields": {"status": ["accepted", "drawn"]}})
        uow.outbox("draw", row.id, "delete", {"fields": {"deleted": [False, True]}})
    assert lead.engine.sync_round().ok
    forged = _outbox(lead.app, "draw")[-3:]
    assert [(r.status, r.outcome["reason"]) for r in forged] == [("conflict", "record_signed")] * 3
    with sqlite_world.db.read() as s:
        from inspector_app.server.models import Record

        rec = s.get(Record, ("draw", accepted.id))
        assert rec.data["seed"] == accepted.seed and rec.data["status"] == "accepted" and not rec.deleted

    # a signed draw record is append-only: the same record id with other content is refused
    sha = "a" * 64
    with lead.app.ctx.unit(BOSS) as uow:
        uow.outbox("draw_record", "rec-1", "append", {"data": {"draw_id": accepted.id, "sha256": sha, "number": "1"}})
    assert lead.engine.sync_round().ok
    with lead.app.ctx.unit(BOSS) as uow:
        uow.outbox("draw_record", "rec-1", "append", {"data": {"draw_id": accepted.id, "sha256": sha, "number": "2"}})
    assert lead.engine.sync_round().ok
    first, second = _outbox(lead.app, "draw_record")
    assert first.status == "applied"
    assert second.status == "rejected" and second.outcome["reason"] == "id_clash"


def test_a_second_filed_plan_syncs_its_status_changes(sqlite_world) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.domain.plans import PlanStatus

    lead = sqlite_world.make_client("l", "lead")
    bob = sqlite_world.make_client("b", "bob")
    assert lead.engine.sync_round().ok
    plan = filed_plan(lead.app, "second")
    lead.app.plans.set_status(BOSS, plan.id, PlanStatus.RUNNING)
    assert lead.engine.sync_round().ok and bob.engine.sync_round().ok
    assert bob.app.plans.get(plan.id).status is PlanStatus.RUNNING
    # an inspector cannot change the plan
    bob.app.plans.set_status(BOSS, plan.id, PlanStatus.SUMMARY)
    assert bob.engine.sync_round().ok
    assert _outbox(bob.app, "plan")[-1].status == "rejected"


def test_server_migrations_match_the_server_models(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from inspector_app.server.db import head_revision, make_engine, migrate
    from inspector_app.server.models import Base

    # s0003_plans (what the plans rules need) is in the chain up to the head, and the head matches the models
    from pathlib import Path

    import inspector_app.server as server_pkg

    versions = Path(server_pkg.__file__).parent / "alembic" / "versions"
    assert (versions / "s0003_plans.py").is_file() and head_revision().startswith("s0")
    engine = make_engine(str(tmp_path / "s.sqlite3"))
    migrate(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert [d for d in diff if not (d[0] == "remove_table" and d[1].name == "server_alembic_version")] == []
    engine.dispose()


def test_accounts_are_linked_to_their_roster_officer(tmp_path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.server import cli as server_cli

    db = str(tmp_path / "s.sqlite3")
    monkeypatch.setenv("INSPECTOR_NEW_PASSWORD", "long enough password")
    assert server_cli.main(["server", "--db", db, "users", "add", "xu", "--role", "inspector", "--team", "t1",
                            "--officer", OFFICERS[1][0]]) == 0
    assert server_cli.main(["server", "--db", db, "users", "list"]) == 0
    assert f"执法人员 {OFFICERS[1][0]}" in capsys.readouterr().out
