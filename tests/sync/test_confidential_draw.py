"""Drafts made by a 双随机 draw reach only the drawn officers' laptops and the lead's until the visit starts
(seed 003 §七.3), through a real `inspector server` process on 127.0.0.1; afterwards the team sees the inspection
as usual."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from inspector_app.domain.agency_time import today
from inspector_app.services.context import Actor
from tests.sync.draw_world import drawn_round
from tests.sync.harness import OFFICERS, PASSWORD, USERS, reference_payloads
from tests.sync.loopback import ServerProcess, client_workspace

pytestmark = [pytest.mark.timeout(300), pytest.mark.slow]


def _seed(db: str) -> None:
    """Accounts (two linked to their roster officer, as `users add NAME --officer ID` does), roster and template,
    written in this process (the command line costs seconds per call; test_plans_sync covers --officer)."""
    from inspector_app.server import auth
    from inspector_app.server.db import Database
    from inspector_app.server.sync_service import import_reference

    d = Database(db)
    hasher = auth.make_hasher(memory_kib=64, time_cost=1, parallelism=1)
    now = dt.datetime.now(dt.timezone.utc)
    with d.write() as s:
        for name, (role, teams) in USERS.items():
            auth.add_user(s, hasher, name, PASSWORD, role, teams)
        for n, (oid, _name, _cert) in enumerate(OFFICERS[:2], start=1):
            auth.add_user(s, hasher, f"o{n}", PASSWORD, "inspector", ["t1"], officer_id=oid)
        root = auth.Principal("seed", "seed", "admin", ())
        for entity, items in reference_payloads().items():
            import_reference(s, root, entity, items, now)
    d.dispose()


@pytest.fixture
def served(tmp_path: Path, mini_forms: Path):  # type: ignore[no-untyped-def]
    db = str(tmp_path / "server.sqlite3")
    _seed(db)
    server = ServerProcess(db, tmp_path / "storage").start()
    yield server
    server.stop()


def test_a_drawn_draft_reaches_only_the_drawn_officers_until_the_visit(served: ServerProcess,
                                                                      tmp_path: Path) -> None:
    lead_app, lead = client_workspace(tmp_path, "lead", served.url, "lead")
    assert lead.sync_round().ok
    planned = today(dt.datetime.now(dt.timezone.utc)) + dt.timedelta(days=1)
    # 陈明哲 (o1) declared a conflict with the hospital, so 许若溪 (o2) and 韩景行 are drawn
    _plan, _abandoned, accepted = drawn_round(lead_app, conflicted=OFFICERS[0][0], planned_on=planned)
    [iid] = accepted.inspection_ids
    assert lead.sync_round().ok

    drawn_app, drawn = client_workspace(tmp_path, "o2", served.url, "o2")
    other_app, other = client_workspace(tmp_path, "o1", served.url, "o1")
    bob_app, bob = client_workspace(tmp_path, "bob", served.url, "bob")
    for engine in (drawn, other, bob):
        assert engine.sync_round().ok
    assert [s.id for s in drawn_app.queries.inspections()] == [iid]
    assert drawn_app.queries.summary(iid).status == "draft"
    assert {m.officer_id for m in drawn_app.queries.detail(iid).team} == {OFFICERS[1][0], OFFICERS[2][0]}
    # same team, not drawn: neither the inspection nor any of its rows
    for app in (other_app, bob_app):
        assert app.queries.inspections() == []
        with app.ctx.read() as s:
            from sqlalchemy import select

            from inspector_app.storage.orm import AnswerRow, TeamMemberRow
            from inspector_app.storage.sync_orm import SyncRecordRow

            assert s.scalars(select(SyncRecordRow.entity_id).where(
                (SyncRecordRow.entity_id == iid) | (SyncRecordRow.parent_id == iid))).all() == []
            assert s.scalars(select(TeamMemberRow)).all() == [] and s.scalars(select(AnswerRow)).all() == []

    # the drawn officer starts the visit on their laptop: from then on the team sees it as usual
    actor = Actor(OFFICERS[1][1], OFFICERS[1][0])
    for oid in (OFFICERS[1][0], OFFICERS[2][0]):
        drawn_app.inspections.record_credentials_shown(actor, iid, oid)
        drawn_app.inspections.declare_recusal(actor, iid, oid, has_conflict=False)
    drawn_app.inspections.start_on_site(actor, iid)
    assert drawn.sync_round().ok
    for app, engine in ((other_app, other), (bob_app, bob)):
        assert engine.sync_round().ok
        assert [s.id for s in app.queries.inspections()] == [iid]
        assert app.queries.summary(iid).status == "on_site"
        detail = app.queries.detail(iid)
        assert len(detail.team) == 2 and detail.answers
    for app in (lead_app, drawn_app, other_app, bob_app):
        app.close()
