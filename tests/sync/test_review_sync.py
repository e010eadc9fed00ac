"""The review loop across laptops: submitted on the inspector's laptop, returned from the lead's, answered with a
signed addendum, approved (countersigned) on the lead's laptop, and the inspector's laptop gets every signature.
An inspector's approval is refused by the server."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import select

from inspector_app.domain.ids import new_id
from inspector_app.records import pki
from inspector_app.server.models import Mutation
from inspector_app.services.context import Actor
from inspector_app.services.signature_art import demo_strokes, strokes_to_png
from inspector_app.services.signing import PartySignoff
from inspector_app.storage.orm import AnswerRow
from tests.sync.harness import OFFICERS
from tests.sync.test_engine_e2e import LEAD, create_inspection

PW = "sync-test-pw"
EPOCH = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
BOSS = Actor(OFFICERS[2][1], OFFICERS[2][0])


def _keys(client, ca, officers) -> None:  # type: ignore[no-untyped-def]
    client.app.keys.add_trust_root(ca.cert)
    client.app.keys.add_crl(pki.make_crl(ca))
    for oid, name, cert_no in officers:
        client.app.keys.save(oid, pki.issue_officer(ca, name, cert_no, not_before=EPOCH,
                                                    team_lead=oid == BOSS.officer_id), PW)


def _sign(a, iid) -> None:  # type: ignore[no-untyped-def]
    with a.ctx.read() as s:
        ids = {r.item_id: r.id for r in s.scalars(select(AnswerRow).where(AnswerRow.inspection_id == iid))}
    values = {"T-01": "yes", "T-02": "no", "T-03": 1, "T-04": "9", "T-05": "0", "T-06": "2026-01-01", "T-07": "x",
              "T-08": "专职人员", "T-09": ["处方"], "T-10": {"rows": []}}
    for item, value in values.items():
        a.app.inspections.answer(LEAD, ids[item], value)
    a.app.inspections.finish_on_site(LEAD, iid)
    for n, (oid, name, _c) in enumerate(OFFICERS[:2]):
        st = demo_strokes(n)
        a.app.signing.capture_signature(LEAD, iid, "officer", name, st, strokes_to_png(st), oid)
    st = demo_strokes(9)
    a.app.signing.capture_signature(LEAD, iid, "party", "周一鸣", st, strokes_to_png(st))
    a.app.signing.record_party_signoff(LEAD, iid, PartySignoff(refused=False, signer_name="周一鸣"))
    for oid, name, _c in OFFICERS[:2]:
        a.app.signing.sign_record(Actor(name, oid), iid, oid, PW)


def _status(c, iid) -> str:  # type: ignore[no-untyped-def]
    return c.app.queries.summary(iid).status


def test_return_addendum_and_approval_across_laptops(sqlite_world, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    a = sqlite_world.make_client("a", "alice")
    boss = sqlite_world.make_client("l", "lead")
    ca = pki.create_ca("测试市医疗保障局", not_before=EPOCH)
    _keys(a, ca, OFFICERS[:2])
    _keys(boss, ca, OFFICERS[2:])
    assert a.engine.sync_round().ok and boss.engine.sync_round().ok
    iid = create_inspection(a)
    _sign(a, iid)
    a.app.review.submit(LEAD, iid)
    assert a.engine.sync_round().ok
    assert boss.engine.sync_round().ok
    assert _status(boss, iid) == "submitted"
    [doc] = boss.app.signing.documents(iid)
    assert boss.app.ctx.blobs.has(doc.pdf_sha256)  # the signed PDF came with the pull

    boss.app.review.start_review(BOSS, iid)
    boss.app.review.return_for_correction(BOSS, iid, "涉及金额请核对")
    assert boss.engine.sync_round().ok and a.engine.sync_round().ok
    assert _status(a, iid) == "returned"
    assert [e.text for e in a.app.review.events(iid) if e.kind == "return"] == ["涉及金额请核对"]
    # what the inspector sees after the sync: the record listed as returned, the reasons in its review history
    from tests.sync.test_sync_ui import window_for

    w = window_for(a, qtbot)
    qtbot.waitUntil(lambda: w.list_page.model.rowCount() == 1, timeout=10000)
    assert w.list_page.model.summary(0).status == "returned"
    w.show_review()
    qtbot.waitUntil(lambda: w.review_page.proxy.rowCount() == 1, timeout=10000)
    w.review_page.view.setCurrentIndex(w.review_page.proxy.index(0, 0))
    qtbot.waitUntil(lambda: w.review_page.events.rowCount() == 1, timeout=10000)
    assert "涉及金额请核对" in w.review_page.events.index(0).data()
    w.sync.stop()
    w.close()

    # the inspectors answer with a signed addendum and submit again
    st = demo_strokes(30)
    a.app.signing.capture_signature(LEAD, iid, "party", "周一鸣", st, strokes_to_png(st), document_kind="addendum")
    a.app.signing.record_party_signoff(LEAD, iid, PartySignoff(refused=False, signer_name="周一鸣"),
                                       document_kind="addendum")
    st = demo_strokes(31)
    a.app.signing.capture_signature(LEAD, iid, "officer", OFFICERS[0][1], st, strokes_to_png(st), OFFICERS[0][0],
                                    document_kind="addendum")
    a.app.documents.create_addendum(LEAD, iid, reason="按审核意见更正", officer_id=OFFICERS[0][0], password=PW,
                                    changes=[("问题 1 涉及金额", "100.00 元", "120.00 元")])
    a.app.review.submit(LEAD, iid)
    assert a.engine.sync_round().ok and boss.engine.sync_round().ok
    assert _status(boss, iid) == "submitted"

    boss.app.review.start_review(BOSS, iid)
    boss.app.review.approve(BOSS, iid, PW)
    assert boss.engine.sync_round().ok and a.engine.sync_round().ok
    assert _status(a, iid) == "approved"
    pdf = a.app.verification.export_record(iid, tmp_path / "approved.pdf")
    report = a.app.verification.verify(pdf)
    assert report.ok and len(report.signatures) == 3 and not report.pending_fields, report.reasons

    # the outcome decided on the lead's laptop reaches the inspectors, refunds and fines apart
    from inspector_app.domain.outcomes import Outcome

    boss.app.review.set_outcome(BOSS, iid, Outcome.CASE, refund="100.00", fine="150.00", articles="第三十八条")
    assert boss.engine.sync_round().ok and a.engine.sync_round().ok
    dash = a.app.review.dashboard()
    assert (dash.to_refund, dash.fines) == (Decimal("100.00"), Decimal("150.00"))

    # an inspector's approval is refused by the server, recorded, and does not block the queue
    with a.ctx.unit(LEAD) as uow:
        uow.outbox("review_event", new_id(), "append", {"data": {"inspection_id": iid, "kind": "approve",
                                                                 "text": "批准", "author": LEAD.name}})
    assert a.engine.sync_round().ok
    with sqlite_world.db.read() as s:
        refused = [m for m in s.scalars(select(Mutation)) if m.outcome == "rejected"]
    assert len(refused) == 1 and refused[0].reason == "forbidden_role"
    assert a.engine.status().pending_changes == 0
