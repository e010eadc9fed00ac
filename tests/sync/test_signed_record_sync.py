"""A record signed with PAdES on one laptop is immutable on the server, and reaches the team lead's laptop."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from inspector_app.records import pki
from inspector_app.server.models import Conflict, Mutation, Record
from inspector_app.services.context import Actor
from inspector_app.services.signature_art import demo_strokes, strokes_to_png
from inspector_app.services.signing import PartySignoff
from inspector_app.storage.orm import AnswerRow, InspectionRow
from tests.sync.harness import OFFICERS
from tests.sync.test_engine_e2e import LEAD, create_inspection

PW = "sync-test-pw"
EPOCH = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)


def test_pades_signed_record_is_immutable_on_the_server(sqlite_world) -> None:  # type: ignore[no-untyped-def]
    a = sqlite_world.make_client("a", "alice")
    b = sqlite_world.make_client("b", "bob")
    assert a.engine.sync_round().ok
    iid = create_inspection(a)
    ca = pki.create_ca("测试市医疗保障局", not_before=EPOCH)
    a.app.keys.add_trust_root(ca.cert)
    for oid, name, cert_no in OFFICERS[:2]:
        a.app.keys.save(oid, pki.issue_officer(ca, name, cert_no, not_before=EPOCH), PW)
    with a.ctx.read() as s:
        ids = {r.item_id: r.id for r in s.scalars(select(AnswerRow).where(AnswerRow.inspection_id == iid))}
    values = {"T-01": "yes", "T-02": "no", "T-03": 1, "T-04": "9", "T-05": "0", "T-06": "2026-01-01", "T-07": "x",
              "T-08": "专职人员", "T-09": ["处方"], "T-10": {"rows": []}}
    for item, value in values.items():
        a.app.inspections.answer(LEAD, ids[item], value)
    a.app.inspections.finish_on_site(LEAD, iid)
    for n, (oid, name, _c) in enumerate(OFFICERS[:2]):
        s_ = demo_strokes(n)
        a.app.signing.capture_signature(LEAD, iid, "officer", name, s_, strokes_to_png(s_), oid)
    s_ = demo_strokes(9)
    a.app.signing.capture_signature(LEAD, iid, "party", "周一鸣", s_, strokes_to_png(s_))
    a.app.signing.record_party_signoff(LEAD, iid, PartySignoff(refused=False, signer_name="周一鸣"))
    for oid, name, _c in OFFICERS[:2]:
        a.app.signing.sign_record(Actor(name, oid), iid, oid, PW)
    result = a.engine.sync_round()
    assert result.ok, result.error
    with sqlite_world.db.read() as s:
        record = s.get(Record, ("inspection", iid))
        assert record is not None and record.state == "signed"
        kinds = [c.kind for c in s.scalars(select(Conflict))]
        assert "sign_mismatch" not in kinds, kinds
        rejected = [(m.entity, m.op, m.reason, m.payload) for m in s.scalars(select(Mutation)) if m.outcome == "rejected"]
        assert not rejected, rejected
    # the team lead's laptop receives the signed record
    assert b.engine.sync_round().ok
    with b.ctx.read() as s:
        row = s.get(InspectionRow, iid)
        assert row is not None and row.status == "signed"
