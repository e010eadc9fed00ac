"""The rules of confidential delivery in detail (in-process server): nobody but the drawn officers and the lead who
drew, administrators included, receives a drawn draft or may push into it; the inspector's window lists their
assignment and nothing of a colleague's."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from inspector_app.services.context import Actor
from inspector_app.storage.orm import OutboxRow
from inspector_app.storage.sync_orm import SyncRecordRow
from tests.sync.draw_world import drawn_round, link_officer
from tests.sync.harness import OFFICERS


def _drawn(world: Any) -> tuple[Any, str]:
    lead = world.make_client("l", "lead")
    assert lead.engine.sync_round().ok
    _plan, _abandoned, accepted = drawn_round(lead.app, conflicted=OFFICERS[0][0])   # 许若溪 and 韩景行 drawn
    link_officer(world, "alice", OFFICERS[1][0])
    link_officer(world, "bob", OFFICERS[0][0])
    assert lead.engine.sync_round().ok
    return lead, accepted.inspection_ids[0]


def _records(app: Any, iid: str) -> list[str]:
    with app.ctx.read() as s:
        return list(s.scalars(select(SyncRecordRow.entity).where(
            (SyncRecordRow.entity_id == iid) | (SyncRecordRow.parent_id == iid))))


def test_nobody_else_receives_or_writes_a_drawn_draft(sqlite_world) -> None:  # type: ignore[no-untyped-def]
    _lead, iid = _drawn(sqlite_world)
    second = sqlite_world.make_client("l2", "lead")      # the lead who drew, on another laptop
    root = sqlite_world.make_client("r", "admin")
    bob = sqlite_world.make_client("b", "bob")
    for c in (second, root, bob):
        assert c.engine.sync_round().ok
    assert {"inspection", "team_member", "answer", "plan_item_inspection"} <= set(_records(second.app, iid))
    assert _records(root.app, iid) == [] and _records(bob.app, iid) == []
    # a colleague who learnt the id cannot write into the draft either (refused as another team's record)
    with bob.app.ctx.unit(Actor(OFFICERS[0][1], OFFICERS[0][0])) as uow:
        uow.outbox("inspection", iid, "patch", {"fields": {"place": ["测试市和平路1号", "别处"]}})
        uow.outbox("comment", "c-1", "append", {"data": {"inspection_id": iid, "text": "我也去"}})
    assert bob.engine.sync_round().ok
    with bob.app.ctx.read() as s:
        rows = s.scalars(select(OutboxRow).where(OutboxRow.entity.in_(("inspection", "comment")))).all()
    assert [(r.status, r.outcome["reason"]) for r in rows] == [("rejected", "forbidden_team")] * 2
    # their refusals name nothing of the draft to anyone else either
    eve = sqlite_world.make_client("e", "eve")
    assert eve.engine.sync_round().ok and _records(eve.app, iid) == []


def test_the_inspectors_window_lists_only_their_assignment(sqlite_world, qtbot) -> None:  # type: ignore[no-untyped-def]
    from tests.sync.test_sync_ui import window_for

    _lead, iid = _drawn(sqlite_world)
    alice = sqlite_world.make_client("a", "alice")
    bob = sqlite_world.make_client("b", "bob")
    assert alice.engine.sync_round().ok and bob.engine.sync_round().ok
    wa = window_for(alice, qtbot)
    qtbot.waitUntil(lambda: wa.list_page.model.rowCount() == 1, timeout=10000)
    mine = wa.list_page.model.summary(0)
    assert mine.id == iid and mine.status == "draft" and "许若溪" in mine.team
    wa.sync.stop()
    wa.close()
    # a colleague of the same team, not drawn: their list holds their own work, not the assignment
    from tests.sync.test_engine_e2e import create_inspection

    own = create_inspection(bob)
    assert bob.engine.sync_round().ok
    wb = window_for(bob, qtbot)
    qtbot.waitUntil(lambda: wb.list_page.model.rowCount() == 1, timeout=10000)
    assert wb.list_page.model.summary(0).id == own
    wb.sync.stop()
    wb.close()


def test_a_photo_of_the_draft_is_withheld_like_the_draft(sqlite_world) -> None:  # type: ignore[no-untyped-def]
    import hashlib

    from inspector_app.sync import actions
    from inspector_app.sync.transport import Request

    lead, iid = _drawn(sqlite_world)
    photo = b"\xff\xd8\xff" + b"draft-photo" * 100
    actions.attach_photo(lead.ctx, Actor(OFFICERS[2][1], OFFICERS[2][0]), iid, photo)
    assert lead.engine.sync_round().ok
    sha = hashlib.sha256(photo).hexdigest()

    def status(user: str) -> int:
        h = {"Authorization": f"Bearer {sqlite_world.token(user)}"}
        return sqlite_world.direct.send(Request("HEAD", f"/sync/v1/blobs/{sha}", headers=h)).status

    assert status("alice") == 200      # drawn
    assert status("bob") == 404        # same team, not drawn: as if there were no such file
    alice = sqlite_world.make_client("a", "alice")
    assert alice.engine.sync_round().ok
    actor = Actor(OFFICERS[1][1], OFFICERS[1][0])
    for oid in (OFFICERS[1][0], OFFICERS[2][0]):
        alice.app.inspections.record_credentials_shown(actor, iid, oid)
        alice.app.inspections.declare_recusal(actor, iid, oid, has_conflict=False)
    alice.app.inspections.start_on_site(actor, iid)
    assert alice.engine.sync_round().ok
    assert status("bob") == 200        # the visit started: the team's as usual
