"""A seizure made on one laptop reaches the lead's laptop through the real server: the signed 封存决定书, the seizure
with its clock (then its signed extension and its release), its items' original photos (evidence rows scoped to the
seizure, with their files). Taken after the inspection record was signed, the photos are not refused as changes to
the signed record."""

from __future__ import annotations

from sqlalchemy import select

from inspector_app.domain import seizure as dz
from inspector_app.records import pki
from inspector_app.server.models import Mutation
from inspector_app.services.context import Actor
from inspector_app.services.seizures import ItemInput, SeizureInput
from tests.imaging import exif_jpeg
from tests.records_sample import signature_png
from tests.sync.harness import OFFICERS
from tests.sync.test_engine_e2e import create_inspection
from tests.sync.test_review_sync import EPOCH, PW, _keys, _sign


def test_seized_items_photos_reach_the_lead(sqlite_world, tmp_path) -> None:  # type: ignore[no-untyped-def]
    a = sqlite_world.make_client("a", "alice")
    boss = sqlite_world.make_client("l", "lead")
    ca = pki.create_ca("测试市医疗保障局", not_before=EPOCH)
    _keys(a, ca, OFFICERS[:2])
    _keys(boss, ca, OFFICERS[2:])
    assert a.engine.sync_round().ok and boss.engine.sync_round().ok
    iid = create_inspection(a)
    _sign(a, iid)  # the record is signed first: the seizure's photos are not its content
    raw = exif_jpeg(seed=41)
    data = SeizureInput(
        measure=dz.SEAL, reason="相关病历可能被修改", started_at=a.ctx.clock(), place="病案室",
        officer_ids=(OFFICERS[0][0], OFFICERS[1][0]),
        items=(ItemInput("住院病历", "12", "册", "病案室3号柜", photos=(raw,)),),
        signer_name="孙主任", party_png=signature_png(5))
    first = Actor(OFFICERS[0][1], OFFICERS[0][0])
    doc, _ = a.app.seizures.create(first, iid, data, officer_id=OFFICERS[0][0], password=PW)
    a.app.signing.countersign(Actor(OFFICERS[1][1], OFFICERS[1][0]), doc.id, OFFICERS[1][0], PW)
    [mine] = a.app.evidence.list(iid, seizures=True)
    pushed = a.engine.sync_round()
    assert pushed.ok, pushed.error
    with sqlite_world.db.read() as s:
        outcomes = {(m.entity, m.outcome) for m in s.scalars(select(Mutation)) if m.entity == "evidence"}
    assert outcomes == {("evidence", "applied")}, outcomes

    assert boss.engine.sync_round().ok
    [theirs] = boss.app.evidence.list(iid, seizures=True)
    assert (theirs.id, theirs.sha256, theirs.source_name) == (mine.id, mine.sha256, "P-01")
    assert boss.app.ctx.blobs.read_bytes(mine.sha256) == raw
    assert [e for e in boss.app.evidence.list(iid) if e.sha256 == mine.sha256] == []
    [their_doc] = [d for d in boss.app.signing.documents(iid) if d.kind == "seal"]
    assert their_doc.number == doc.number and boss.app.ctx.blobs.has(their_doc.pdf_sha256)

    # the seizure itself syncs as an entity: the lead sees its clock, then its extension and its release
    [s] = boss.app.seizures.of_inspection(iid)
    assert (s.number, s.measure, s.items, s.clock.days_left, s.clock.running) == (doc.number, "seal", 1, 30, True)
    [mine_s] = a.app.seizures.of_inspection(iid)
    ext, _ = a.app.seizures.extend(first, mine_s.id, "病历数量多，需比对信息系统日志", approved_by="局长 周明远",
                                   officer_ids=(OFFICERS[0][0], OFFICERS[1][0]), officer_id=OFFICERS[0][0],
                                   password=PW)
    a.app.signing.countersign(Actor(OFFICERS[1][1], OFFICERS[1][0]), ext.id, OFFICERS[1][0], PW)
    assert a.engine.sync_round().ok and boss.engine.sync_round().ok
    [s] = boss.app.seizures.of_inspection(iid)
    assert (s.id, s.clock.extended, s.clock.days_left, s.extension_reason) == (
        mine_s.id, True, 60, "病历数量多，需比对信息系统日志")
    assert [d.number for d in boss.app.signing.documents(iid) if d.kind == "seal_extension"] == [ext.number]
    a.app.seizures.close(first, mine_s.id, "released", "核查完毕，解除封存，物品已返还")
    assert a.engine.sync_round().ok and boss.engine.sync_round().ok
    [s] = boss.app.seizures.of_inspection(iid)
    assert (s.clock.closed, s.clock.running, s.closed_note) == ("released", False, "核查完毕，解除封存，物品已返还")
    with sqlite_world.db.read() as ses:
        seizure_outcomes = [m.outcome for m in ses.scalars(select(Mutation)) if m.entity == "seizure"]
    assert seizure_outcomes == ["applied", "applied", "applied"]
