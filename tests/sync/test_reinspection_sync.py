"""A re-inspection done on the inspector's laptop reaches the lead's laptop through the real server: its signed
record, its own photos and the rectification's result. Evidence pushed for a re-inspection that is already signed
is kept as a conflict, never applied, and the signed inspection record does not lock out re-inspection photos."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import select

from inspector_app.domain.findings import FindingData
from inspector_app.domain.ids import new_id
from inspector_app.domain.outcomes import Outcome, RectificationResult
from inspector_app.records import pki
from inspector_app.server.models import Mutation
from inspector_app.services.context import Actor
from inspector_app.storage.orm import EvidenceRow
from tests.imaging import exif_jpeg
from tests.sync.harness import OFFICERS
from tests.sync.test_engine_e2e import LEAD, create_inspection
from tests.sync.test_review_sync import BOSS, EPOCH, PW, _keys, _sign


def test_reinspection_with_its_own_photos_reaches_the_lead(sqlite_world, tmp_path) -> None:  # type: ignore[no-untyped-def]
    a = sqlite_world.make_client("a", "alice")
    boss = sqlite_world.make_client("l", "lead")
    ca = pki.create_ca("测试市医疗保障局", not_before=EPOCH)
    _keys(a, ca, OFFICERS[:2])
    _keys(boss, ca, OFFICERS[2:])
    assert a.engine.sync_round().ok and boss.engine.sync_round().ok
    iid = create_inspection(a)
    a.app.findings.add(LEAD, iid, FindingData("串换项目收费", amount_involved=Decimal("100.00"),
                                              amount_to_recover=Decimal("100.00"), legal_basis="条例 第十五条",
                                              penalty_article="条例 第三十八条"))
    _sign(a, iid)
    a.app.documents.create_notice(LEAD, iid, deadline=a.ctx.clock().date() + dt.timedelta(days=15),
                                  officer_id=OFFICERS[0][0], password=PW)
    a.app.review.submit(LEAD, iid)
    assert a.engine.sync_round().ok and boss.engine.sync_round().ok
    boss.app.review.start_review(BOSS, iid)
    boss.app.review.approve(BOSS, iid, PW)
    boss.app.review.set_outcome(BOSS, iid, Outcome.RECTIFY, refund="100.00", articles="第三十八条")
    assert boss.engine.sync_round().ok and a.engine.sync_round().ok
    [rect] = a.app.review.rectifications()
    assert rect.result is None

    # the inspectors go back: two officers, new photos, a result, signed
    rein, _ = a.app.reinspections.open(LEAD, rect.id, [OFFICERS[0][0], OFFICERS[1][0]], place="收费处")
    photo = tmp_path / "复查_收费处.jpg"
    photo.write_bytes(exif_jpeg(seed=77))
    [ev] = a.app.evidence.import_files(LEAD, iid, [photo], reinspection_id=rein.id).imported
    a.app.reinspections.update(LEAD, rein.id, result=RectificationResult.DONE, note="收费系统已改正，费用已退回。")
    doc, _ = a.app.reinspections.sign(Actor(OFFICERS[0][1], OFFICERS[0][0]), rein.id, OFFICERS[0][0], PW)
    a.app.signing.countersign(Actor(OFFICERS[1][1], OFFICERS[1][0]), doc.id, OFFICERS[1][0], PW)
    first = a.engine.sync_round()
    assert first.ok, first.error
    with sqlite_world.db.read() as s:
        outcomes = {(m.entity, m.outcome) for m in s.scalars(select(Mutation))
                    if m.entity in ("evidence", "reinspection")}
    assert outcomes <= {("evidence", "applied"), ("reinspection", "applied")}, outcomes

    assert boss.engine.sync_round().ok
    [rect] = boss.app.review.rectifications()
    assert rect.result == "整改到位"
    [their_ev] = boss.app.evidence.list(iid, rein.id)
    assert their_ev.sha256 == ev.sha256 and boss.app.ctx.blobs.has(ev.sha256)
    assert boss.app.evidence.list(iid) == []  # the record's own evidence list is untouched
    [their_doc] = [d for d in boss.app.signing.documents(iid) if d.kind == "reinspection"]
    assert boss.app.ctx.blobs.has(their_doc.pdf_sha256)
    pdf = boss.app.verification.export_record(iid, tmp_path / "复查记录.pdf", kind="reinspection")
    report = boss.app.verification.verify(pdf)
    assert report.ok and len(report.signatures) == 2 and not report.pending_fields, report.reasons
    assert boss.app.reinspections.for_rectification(rect.id).signed

    # a laptop that had not seen the signature pushes one more photo for the re-inspection: kept as a conflict
    with a.ctx.read() as s:
        data = {k: v for k, v in s.get(EvidenceRow, ev.id).__dict__.items() if not k.startswith("_")}
    late = {"inspection_id": iid, "reinspection_id": rein.id, "sha256": data["sha256"], "kind": "photo",
            "measure": "拍照", "caption": "补拍", "size": data["size"], "meta": {}, "source_name": "late.jpg"}
    with a.ctx.unit(LEAD) as uow:
        uow.outbox("evidence", new_id(), "create", {"data": late})
    assert a.engine.sync_round().ok
    with sqlite_world.db.read() as s:
        late_outcomes = [(m.outcome, m.reason) for m in s.scalars(select(Mutation)) if m.entity == "evidence"
                         and m.payload.get("data", {}).get("source_name") == "late.jpg"]
    assert late_outcomes == [("conflict", "record_signed")]
    assert boss.engine.sync_round().ok
    assert len(boss.app.evidence.list(iid, rein.id)) == 1
