"""A record signed with PAdES on one laptop is immutable on the server, and reaches the team lead's laptop."""

from __future__ import annotations

from sqlalchemy import select

from inspector_app.records import pki
from inspector_app.server.models import Conflict, Mutation, Record
from inspector_app.storage.orm import InspectionRow
from tests.sync.harness import OFFICERS
from tests.sync.test_engine_e2e import create_inspection
from tests.sync.test_review_sync import EPOCH, _keys, _sign



def test_pades_signed_record_is_immutable_on_the_server(sqlite_world) -> None:  # type: ignore[no-untyped-def]
    a = sqlite_world.make_client("a", "alice")
    b = sqlite_world.make_client("b", "bob")
    assert a.engine.sync_round().ok
    iid = create_inspection(a)
    ca = pki.create_ca("测试市医疗保障局", not_before=EPOCH)
    _keys(a, ca, OFFICERS[:2])
    _sign(a, iid)
    result = a.engine.sync_round()
    assert result.ok, result.error
    with sqlite_world.db.read() as s:
        record = s.get(Record, ("inspection", iid))
        assert record is not None and record.state == "signed"
        kinds = [c.kind for c in s.scalars(select(Conflict))]
        assert "sign_mismatch" not in kinds, kinds
        rejected = [(m.entity, m.op, m.reason, m.payload) for m in s.scalars(select(Mutation))
                    if m.outcome == "rejected"]
        assert not rejected, rejected
    # the team lead's laptop receives the signed record
    assert b.engine.sync_round().ok
    with b.ctx.read() as s:
        row = s.get(InspectionRow, iid)
        assert row is not None and row.status == "signed"
