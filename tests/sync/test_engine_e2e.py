"""End to end in one process: real client workspaces and services, the FastAPI server, the sync engine."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select

from inspector_app.domain.inspection import InspectionMode, InspectionType
from inspector_app.services.context import Actor
from inspector_app.storage.orm import AnswerRow, InspectionRow, OutboxRow
from inspector_app.sync import actions, conflicts
from tests.sync.harness import INSTITUTION_ID, OFFICERS, Client, World

LEAD = Actor(OFFICERS[0][1], OFFICERS[0][0])


def create_inspection(c: Client) -> str:
    iid, _ = c.app.inspections.create(
        LEAD, institution_id=INSTITUTION_ID, inspection_type=InspectionType.SPECIAL,
        mode=InspectionMode.ADMINISTRATIVE, planned_at=c.ctx.clock(),
        officer_ids=[OFFICERS[0][0], OFFICERS[1][0]], template_ids=["mini"],
        period_from=dt.date(2025, 1, 1), period_to=dt.date(2025, 12, 31))
    for oid, _name, _cert in OFFICERS[:2]:
        c.app.inspections.record_credentials_shown(LEAD, iid, oid)
        c.app.inspections.declare_recusal(LEAD, iid, oid, has_conflict=False)
    c.app.inspections.start_on_site(LEAD, iid)
    return iid


def answers(c: Client, iid: str) -> dict[str, Any]:
    with c.ctx.read() as s:
        return {a.item_id: a for a in s.scalars(select(AnswerRow).where(AnswerRow.inspection_id == iid))}


def test_two_clients_share_an_inspection_and_a_same_field_race_keeps_both(world: World) -> None:
    a = world.make_client("a", "alice")
    b = world.make_client("b", "bob")
    assert a.engine.sync_round().ok
    iid = create_inspection(a)
    ra = a.engine.sync_round()
    assert ra.ok, ra.error
    rb = b.engine.sync_round()
    assert rb.ok, rb.error
    with b.ctx.read() as s:
        row = s.get(InspectionRow, iid)
        assert row is not None and row.status == "on_site"
    ida = answers(a, iid)["T-03"].id
    a.app.inspections.answer(LEAD, ida, "5")
    b.app.inspections.answer(LEAD, ida, "7")
    assert a.engine.sync_round().ok
    assert b.engine.sync_round().ok
    assert a.engine.sync_round().ok
    # The server kept the first value; the second is a conflict that both clients see with both values.
    assert answers(a, iid)["T-03"].value == 5 and answers(b, iid)["T-03"].value == 5
    for c in (a, b):
        views = conflicts.list_conflicts(c.ctx)
        assert [(v.field, v.server_value, v.client_value) for v in views] == [("value", 5, 7)]
    st = b.engine.status()
    assert st.open_conflicts == 1 and st.pending_changes == 0
    # Bob takes his own value: a resolve mutation, compare-and-set on the server's value.
    conflicts.resolve(b.ctx, LEAD, views[0].conflict_id, "client")
    assert answers(b, iid)["T-03"].value == 7
    assert b.engine.sync_round().ok and a.engine.sync_round().ok
    assert answers(a, iid)["T-03"].value == 7
    assert conflicts.list_conflicts(a.ctx) == [] and conflicts.list_conflicts(b.ctx) == []


def test_sign_photo_comment_approve(world: World) -> None:
    a = world.make_client("a", "alice")
    lead = world.make_client("l", "lead")
    assert a.engine.sync_round().ok
    iid = create_inspection(a)
    actions.attach_photo(a.ctx, LEAD, iid, b"\xff\xd8photo-bytes" * 100)
    digest = actions.sign(a.ctx, LEAD, iid)
    r = a.engine.sync_round()
    assert r.ok, r.error
    with a.ctx.read() as s:
        bad = s.scalars(select(OutboxRow).where(OutboxRow.status != "applied")).all()
        assert [(o.entity, o.op, o.outcome) for o in bad] == []
    assert a.engine.status().photos_uploaded == 1
    assert lead.engine.sync_round().ok
    actions.comment(lead.ctx, Actor("组长"), iid, "请补充现场照片说明")
    actions.approve(lead.ctx, Actor("组长"), iid)
    assert lead.engine.sync_round().ok
    with lead.ctx.read() as s:
        outs = {o.entity: o.status for o in s.scalars(select(OutboxRow))}
    assert outs == {"comment": "applied", "approval": "applied"}
    # A late edit of the signed record becomes a record_signed conflict; the record stays unchanged.
    b = world.make_client("b", "bob")
    assert b.engine.sync_round().ok
    with b.ctx.read() as s:
        assert s.get(InspectionRow, iid).status == "signed"
    status = a.engine.status()
    assert status.pending_changes == 0 and status.rejected_changes == 0 and digest


def test_blobs_named_by_other_records_are_uploaded_too(world: World) -> None:
    """Signature images and signed PDFs (signing service) upload like photos: found through the outbox."""
    a = world.make_client("a", "alice")
    assert a.engine.sync_round().ok
    iid = create_inspection(a)
    png = a.ctx.blobs.put_bytes(b"\x89PNG signature strokes" * 50)
    with a.ctx.unit(LEAD) as uow:
        uow.record(iid, "signature.captured", "signature_capture", "sig-1", "append", {"data": {
            "inspection_id": iid, "document_kind": "record", "role": "officer", "png_sha256": png.sha256}})
    assert a.engine.sync_round().ok
    st = a.engine.status()
    assert (st.photos_uploaded, st.photos_total, st.pending_changes, st.rejected_changes) == (1, 1, 0, 0)
    assert world.uploads.storage.exists(png.sha256)


def test_the_evidence_service_syncs_photos_links_and_unlinks(world: World) -> None:
    """The real evidence service (photo, caption, link, unlink) goes through the server without rejection and
    another device sees the same links."""
    import io

    from PIL import Image

    from inspector_app.storage.orm import EvidenceLinkRow

    a = world.make_client("a", "alice")
    b = world.make_client("b", "bob")
    assert a.engine.sync_round().ok
    iid = create_inspection(a)
    buf = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 10, 10)).save(buf, "JPEG")
    ev = a.app.evidence.add_bytes(LEAD, iid, buf.getvalue(), "现场.jpg")
    ev_id = ev.evidence.id
    answer_id = answers(a, iid)["T-01"].id
    a.app.evidence.set_caption(LEAD, ev_id, "病房床头卡")
    a.app.evidence.link(LEAD, ev_id, "answer", answer_id)
    a.app.evidence.unlink(LEAD, ev_id, "answer", answer_id)
    a.app.evidence.link(LEAD, ev_id, "answer", answer_id)
    assert a.engine.sync_round().ok and b.engine.sync_round().ok
    st = a.engine.status()
    assert (st.rejected_changes, st.pending_changes, st.photos_uploaded, st.photos_total) == (0, 0, 1, 1)
    with b.ctx.read() as s:
        links = s.scalars(select(EvidenceLinkRow).where(EvidenceLinkRow.evidence_id == ev_id)).all()
        assert [(x.target_id, x.deleted_at) for x in links] == [(answer_id, None)]
