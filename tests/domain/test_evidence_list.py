"""The complete 证据清单 (issue 15 item 3): statutory type defaulted and editable, provider, page count, how
obtained, what each item proves, and the party's "与原件核对一致" once for the list — services, record snapshot."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from inspector_app.domain.errors import ValidationError
from inspector_app.domain.evidence import EvidenceType, Measure, default_type
from inspector_app.domain.findings import FindingData, Severity
from inspector_app.services.record_builder import build_snapshot
from inspector_app.storage.orm import EvidenceConfirmationRow, EvidenceRow, JournalEventRow, OutboxRow
from tests import imaging
from tests.helpers import answer_ids, lead, new_inspection, start_on_site


@pytest.fixture
def site(app, roster):  # type: ignore[no-untyped-def]
    iid = new_inspection(app, roster)
    start_on_site(app, roster, iid)
    return iid


def _file(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _events(app, entity_id: str) -> list[str]:  # type: ignore[no-untyped-def]
    with app.ctx.read() as s:
        rows = s.scalars(select(JournalEventRow).order_by(JournalEventRow.id)).all()
        return [r.event_type for r in rows if (r.payload or {}).get("id") == entity_id]


def _outbox(app, entity: str, entity_id: str) -> list[dict]:  # type: ignore[no-untyped-def]
    with app.ctx.read() as s:
        return [r.payload for r in s.scalars(select(OutboxRow).where(OutboxRow.entity == entity,
                                                                      OutboxRow.entity_id == entity_id)
                                             .order_by(OutboxRow.client_seq))]


def test_default_types_follow_kind_and_measure() -> None:
    assert default_type("photo", Measure.PHOTO) is EvidenceType.DOCUMENTARY
    assert default_type("document", Measure.COPY) is EvidenceType.DOCUMENTARY
    assert default_type("audio_video", Measure.RECORDING) is EvidenceType.AUDIO_VISUAL
    assert default_type("data", Measure.PHOTO) is EvidenceType.ELECTRONIC
    assert default_type("document", Measure.DATA_EXTRACT) is EvidenceType.ELECTRONIC
    assert default_type("photo", Measure.SEAL) is EvidenceType.PHYSICAL


def test_import_defaults_then_the_inspector_sets_the_columns(app, roster, site, tmp_path):  # type: ignore[no-untyped-def]
    actor = lead(roster)
    report = app.evidence.import_files(actor, site, [_file(tmp_path, "处方.pdf", imaging.pdf_bytes(3))],
                                       measure=Measure.COPY, caption="住院处方复印件")
    copy = report.imported[0]
    assert (copy.evidence_type, copy.page_count, copy.provider) == ("书证", 3, "")
    photo = app.evidence.add_bytes(actor, site, imaging.exif_jpeg(seed=3), "bed.jpg").evidence
    assert (photo.evidence_type, photo.page_count) == ("书证", None), "a photo states no page count"

    dto, changes = app.evidence_list.set_details(actor, photo.id, evidence_type="勘验笔录、现场笔录",
                                                 provider="", page_count=None, measure="拍照")
    assert dto.evidence_type == "勘验笔录、现场笔录" and changes.evidence == {photo.id}
    dto, _ = app.evidence_list.set_details(actor, copy.id, evidence_type="书证", provider=" 王丽（医务科科长） ",
                                           page_count=4, measure="复印")
    assert (dto.provider, dto.page_count) == ("王丽（医务科科长）", 4)
    assert _events(app, copy.id) == ["evidence.added", "evidence.described"]
    patch = _outbox(app, "evidence", copy.id)[-1]
    assert patch == {"fields": {"provider": ["", "王丽（医务科科长）"], "page_count": [3, 4]}}
    # the same values again: nothing to record
    app.evidence_list.set_details(actor, copy.id, evidence_type="书证", provider="王丽（医务科科长）", page_count=4,
                                  measure="复印")
    assert _events(app, copy.id) == ["evidence.added", "evidence.described"]
    listed = {e.id: e for e in app.evidence.list(site)}
    assert listed[copy.id].provider == "王丽（医务科科长）" and listed[photo.id].evidence_type == "勘验笔录、现场笔录"


@pytest.mark.parametrize(("kwargs", "code"), [
    ({"evidence_type": "照片"}, "evidence.unknown_type"),
    ({"measure": "偷拍"}, "evidence.unknown_measure"),
    ({"page_count": 0}, "evidence.bad_page_count"),
    ({"page_count": True}, "evidence.bad_page_count"),
    ({"provider": "王" * 101}, "evidence.provider_too_long"),
])
def test_bad_details_are_refused_with_a_code_and_nothing_changes(app, roster, site, kwargs, code):  # type: ignore[no-untyped-def]
    actor = lead(roster)
    ev = app.evidence.add_bytes(actor, site, imaging.exif_jpeg(seed=4), "x.jpg").evidence
    values = {"evidence_type": "书证", "provider": "王丽", "page_count": None, "measure": "拍照", **kwargs}
    with pytest.raises(ValidationError) as caught:
        app.evidence_list.set_details(actor, ev.id, **values)
    assert caught.value.code == code
    assert app.evidence.get(ev.id).provider == "" and _events(app, ev.id) == ["evidence.added"]


def test_confirmation_once_for_the_list_goes_stale_when_the_list_changes(app, roster, site):  # type: ignore[no-untyped-def]
    actor = lead(roster)
    with pytest.raises(ValidationError) as caught:
        app.evidence_list.confirm(actor, site, refused=False, signer_name="周一鸣")
    assert caught.value.code == "evidence.confirmation_empty_list"
    ev = app.evidence.add_bytes(actor, site, imaging.exif_jpeg(seed=5), "x.jpg").evidence
    for kwargs, code in (({"refused": False}, "evidence.confirmation_signer_missing"),
                         ({"refused": True}, "evidence.confirmation_reason_missing")):
        with pytest.raises(ValidationError) as caught:
            app.evidence_list.confirm(actor, site, **kwargs)
        assert caught.value.code == code
    app.evidence_list.confirm(actor, site, refused=False, signer_name="周一鸣")
    c = app.evidence_list.confirmation(site)
    assert (c.refused, c.signer_name, c.current, c.statement) == (False, "周一鸣", True, "以上证据与原件核对一致。")
    with app.ctx.read() as s:
        row = s.scalar(select(EvidenceConfirmationRow).where(EvidenceConfirmationRow.inspection_id == site))
        snap = build_snapshot(s, app.ctx.blobs, site, draft_at=app.ctx.clock())
    assert snap.evidence_confirmation.signer_name == "周一鸣"
    assert _events(app, row.id) == ["evidence.list_confirmed"]
    assert _outbox(app, "evidence_confirmation", row.id)[0]["data"]["list_digest"] == row.list_digest

    app.evidence_list.set_details(actor, ev.id, evidence_type="书证", provider="王丽", page_count=None,
                                  measure="拍照")
    assert not app.evidence_list.confirmation(site).current, "the party confirmed another list"
    with app.ctx.read() as s:
        assert build_snapshot(s, app.ctx.blobs, site, draft_at=app.ctx.clock()).evidence_confirmation is None
        with pytest.raises(ValidationError) as caught:
            build_snapshot(s, app.ctx.blobs, site)
    assert caught.value.code == "evidence.confirmation_stale"

    app.evidence_list.confirm(actor, site, refused=True, refusal_reason="认为复印件不全")
    c = app.evidence_list.confirmation(site)
    assert (c.refused, c.signer_name, c.refusal_reason, c.current) == (True, "", "认为复印件不全", True)
    assert _events(app, row.id) == ["evidence.list_confirmed", "evidence.list_refused"]
    patch = _outbox(app, "evidence_confirmation", row.id)[-1]["fields"]
    assert patch["refused"] == [False, True] and patch["signer_name"] == ["周一鸣", ""]


def test_snapshot_rows_carry_type_provider_pages_and_what_they_prove(app, roster, site, tmp_path):  # type: ignore[no-untyped-def]
    actor = lead(roster)
    finding, _ = app.findings.add(actor, site, FindingData("挂床住院", Severity.SERIOUS))
    answer = answer_ids(app, site)["T-01"]
    ev = app.evidence.import_files(actor, site, [_file(tmp_path, "a.pdf", imaging.pdf_bytes(2))],
                                   measure=Measure.COPY, caption="住院登记表", link=("finding", finding.id)
                                   ).imported[0]
    app.evidence.link(actor, ev.id, "answer", answer)
    app.evidence_list.set_details(actor, ev.id, evidence_type="书证", provider="王丽", page_count=2, measure="复印")
    with app.ctx.read() as s:
        row = build_snapshot(s, app.ctx.blobs, site, draft_at=app.ctx.clock()).evidence[0]
        stored = s.get(EvidenceRow, ev.id)
    assert (row.evidence_type, row.provider, row.page_count, row.measure) == ("书证", "王丽", 2, "复印")
    assert stored is not None and row.proves == "发现问题 1；检查项 T-01"


def test_upgrade_gives_existing_evidence_the_default_type(tmp_path: Path, mini_forms: Path) -> None:
    """Migration 0010_evidence: items recorded before the list had a statutory type get the one a new item of their
    kind and measure gets; a 留置送达 photo's digest moves from the receipt's content into its column."""
    import shutil
    import sqlite3

    from inspector_app.app import build_context
    from tests.conftest import FIXTURES

    db = tmp_path / "inspector.sqlite3"
    shutil.copy(FIXTURES / "db" / "schema-0009_leads.sqlite3", db)
    con = sqlite3.connect(db)
    [iid] = con.execute("SELECT id FROM inspections").fetchone()
    cases = [("photo", "拍照", "书证"), ("document", "复印", "书证"), ("audio_video", "录音录像", "视听资料"),
             ("data", "调取数据", "电子数据"), ("photo", "封存", "物证")]
    for n, (kind, measure, _t) in enumerate(cases):
        con.execute("INSERT INTO evidence (id, inspection_id, sha256, kind, measure, caption, source_name, mime, size,"
                    " created_at, updated_at) VALUES (?, ?, ?, ?, ?, '', '', '', 1, '2026-11-20T01:30:00+00:00',"
                    " '2026-11-20T01:30:00+00:00')", (f"ev-{n}", iid, f"{n:064d}", kind, measure))
    con.execute("INSERT INTO service_receipts (id, inspection_id, document_id, served_document_id, number, method,"
                " served_at, receiver_signed, content, note, created_at) VALUES ('sr-1', ?, 'd', 'n', 'x', '留置送达',"
                " '2026-11-20T01:30:00+00:00', 0, ?, '', '2026-11-20T01:30:00+00:00')",
                (iid, '{"photo_sha256": "' + "a" * 64 + '"}'))
    con.commit()
    con.close()
    app = build_context(str(tmp_path))
    try:
        with app.ctx.read() as s:
            got = {r.id: (r.evidence_type, r.provider, r.page_count) for r in s.scalars(select(EvidenceRow))}
            from inspector_app.storage.docs_orm import ServiceReceiptRow

            photo = s.get(ServiceReceiptRow, "sr-1").photo_sha256
    finally:
        app.close()
    assert got == {f"ev-{n}": (t, "", None) for n, (_k, _m, t) in enumerate(cases)}
    assert photo == "a" * 64
