"""Re-inspection (复查) of a rectification: its own evidence, result and signed record; the signed inspection
record stays exactly as signed."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import subprocess

import pytest
from sqlalchemy import select

from inspector_app.domain.errors import FrozenRecord, TeamRuleViolation, ValidationError
from inspector_app.domain.outcomes import Outcome, RectificationResult
from inspector_app.services.context import Actor
from inspector_app.storage.orm import InspectionRow, OutboxRow
from tests.helpers import lead
from tests.imaging import exif_jpeg
from tests.services.test_review_service import as_actor, signed
from tests.services.test_signing_service import PASSWORD, org_ca  # noqa: F401


def in_rectification(app, roster, ca, tmp_path) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """A signed, approved inspection (one photo in its record) ordered to rectify by 2026-12-05;
    returns (inspection id, rectification id)."""
    iid = signed(app, roster, ca, evidence=photos(tmp_path, 1, seed=10))
    boss, inspector = as_actor(roster["lead"]), lead(roster)
    app.documents.create_notice(inspector, iid, deadline=dt.date(2026, 12, 5), officer_id=roster["officers"][0].id,
                                password=PASSWORD)
    app.review.submit(inspector, iid)
    app.review.start_review(boss, iid)
    app.review.approve(boss, iid, PASSWORD)
    app.review.set_outcome(boss, iid, Outcome.RECTIFY, refund="1000.00", articles="第三十八条")
    [rect] = app.review.rectifications()
    return iid, rect.id


def frozen_hash(app, iid: str) -> str | None:  # type: ignore[no-untyped-def]
    with app.ctx.read() as s:
        return s.get(InspectionRow, iid).content_hash


def photos(tmp_path, n: int, seed: int = 50) -> list:  # type: ignore[no-untyped-def]
    out = []
    for i in range(n):
        p = tmp_path / f"复查现场_{i + 1}.jpg"
        p.write_bytes(exif_jpeg(seed=seed + i))
        out.append(p)
    return out


def test_reinspection_has_its_own_evidence_result_and_signed_record(app, roster, org_ca, tmp_path, clock) -> None:  # type: ignore[no-untyped-def]
    iid, rect_id = in_rectification(app, roster, org_ca, tmp_path)
    record_doc = next(d for d in app.signing.documents(iid) if d.kind == "record")
    record_before = app.signing.pdf_path(record_doc.id).read_bytes()
    content_hash = frozen_hash(app, iid)
    inspector = lead(roster)
    o1, o2, expired = roster["officers"][0], roster["officers"][1], roster["officers"][3]

    # the signed record refuses new evidence; the re-inspection is where new photos go
    with pytest.raises(FrozenRecord):
        app.evidence.import_files(inspector, iid, photos(tmp_path, 1))
    with pytest.raises(TeamRuleViolation) as caught:
        app.reinspections.open(inspector, rect_id, [o1.id, expired.id])
    assert "team.certificate_expired" in caught.value.codes
    clock.advance(days=10)
    rein, _ = app.reinspections.open(inspector, rect_id, [o1.id, o2.id], place="药房及收费处")
    again, _ = app.reinspections.open(inspector, rect_id, [o1.id, o2.id])
    assert again.id == rein.id  # one open re-inspection per rectification

    report = app.evidence.import_files(inspector, iid, photos(tmp_path, 2), reinspection_id=rein.id)
    assert len(report.imported) == 2 and not report.refused
    assert [e.reinspection_id for e in app.evidence.list(iid, rein.id)] == [rein.id, rein.id]
    assert all(e.reinspection_id is None for e in app.evidence.list(iid))  # the record's list is unchanged
    # a record photo is not new evidence of the re-inspection
    [record_photo] = app.evidence.list(iid)
    again_report = app.evidence.import_files(inspector, iid, [app.evidence.original_path(record_photo.id)],
                                             reinspection_id=rein.id)
    assert again_report.refused and again_report.refused[0].code == "evidence.reused_for_reinspection"

    problems = app.reinspections.readiness(rein.id)
    assert {"reinspection.result_missing", "reinspection.note_missing"} <= {p.code for p in problems}
    with pytest.raises(ValidationError) as not_ready:
        app.reinspections.sign(inspector, rein.id, o1.id, PASSWORD)
    assert "reinspection.result_missing" in not_ready.value.codes
    app.reinspections.update(inspector, rein.id, result=RectificationResult.DONE,
                             note="已停止串换项目收费，收费系统已修改，违规费用已退回。")
    with pytest.raises(ValidationError) as caught:
        app.reinspections.sign(inspector, rein.id, roster["lead"].id, PASSWORD)
    assert caught.value.code == "reinspection.not_an_officer"

    doc, _ = app.reinspections.sign(Actor(o1.name, o1.id), rein.id, o1.id, PASSWORD)
    assert doc.kind == "reinspection" and doc.number.startswith("医保复〔2026〕")
    assert doc.pending_fields == ("Sig_Officer2",)
    [rect] = app.review.rectifications()
    assert rect.result == "整改到位" and not rect.overdue
    assert app.review.dashboard().open_rectifications == 0

    # frozen from the first signature: no more evidence, no edits
    with pytest.raises(FrozenRecord):
        app.evidence.import_files(inspector, iid, photos(tmp_path, 1, seed=90), reinspection_id=rein.id)
    with pytest.raises(FrozenRecord):
        app.reinspections.update(inspector, rein.id, result=RectificationResult.OVERDUE)
    with pytest.raises(FrozenRecord):
        app.evidence.remove(inspector, app.evidence.list(iid, rein.id)[0].id, "误传")
    with pytest.raises(ValidationError) as caught:
        app.reinspections.open(inspector, rect_id, [o1.id, o2.id])
    assert caught.value.code == "rectification.already_reinspected"

    doc, _ = app.signing.countersign(Actor(o2.name, o2.id), doc.id, o2.id, PASSWORD)
    assert doc.pending_fields == () and doc.signed_fields == ("Sig_Officer1", "Sig_Officer2")
    pdf = tmp_path / "复查记录.pdf"
    app.verification.export_record(iid, pdf, kind="reinspection")
    check = app.verification.verify(pdf)
    assert check.ok and len(check.signatures) == 2 and check.doc_kind == "reinspection_record", check.reasons
    if shutil.which("pdfsig"):
        out = subprocess.run(["pdfsig", str(pdf)], capture_output=True, text=True).stdout
        assert out.count("Signature is Valid.") == 2
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
        assert "整改复查记录" in text and "整改到位" in text and "R-01" in text
        for e in app.evidence.list(iid, rein.id):
            assert e.sha256 in text.replace(" ", "").replace("\n", "") or e.sha256[:32] in text

    # the signed inspection record is untouched, and the whole-process record is one intact chain
    assert app.signing.pdf_path(record_doc.id).read_bytes() == record_before
    assert content_hash and frozen_hash(app, iid) == content_hash
    assert app.journal.verify(iid).ok
    app.review.close(as_actor(roster["lead"]), iid)
    assert app.queries.summary(iid).status == "closed"


def test_reinspection_evidence_travels_in_the_outbox_with_its_scope(app, roster, org_ca, tmp_path) -> None:  # type: ignore[no-untyped-def]
    iid, rect_id = in_rectification(app, roster, org_ca, tmp_path)
    o1, o2 = roster["officers"][0], roster["officers"][1]
    rein, _ = app.reinspections.open(lead(roster), rect_id, [o1.id, o2.id])
    [ev] = app.evidence.import_files(lead(roster), iid, photos(tmp_path, 1), reinspection_id=rein.id).imported
    with app.ctx.read() as s:
        rows = s.scalars(select(OutboxRow).where(OutboxRow.entity.in_(("reinspection", "evidence")),
                                                 OutboxRow.op == "create")).all()
        by_entity = {r.entity: r for r in rows if r.entity_id in (rein.id, ev.id)}
    assert by_entity["evidence"].payload["data"]["reinspection_id"] == rein.id
    assert by_entity["reinspection"].payload["data"]["rectification_id"] == rect_id
    assert hashlib.sha256(app.evidence.original_path(ev.id).read_bytes()).hexdigest() == ev.sha256


def test_reinspection_is_refused_outside_rectification(app, roster, org_ca, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as caught:
        app.reinspections.open(lead(roster), "no-such-rectification", [])
    assert caught.value.code == "rectification.not_found"
    iid, rect_id = in_rectification(app, roster, org_ca, tmp_path)
    o1 = roster["officers"][0]
    with pytest.raises(TeamRuleViolation) as caught:
        app.reinspections.open(lead(roster), rect_id, [o1.id])
    assert "team.too_few_officers" in caught.value.codes


def test_case_file_carries_the_reinspection_and_its_photos(app, roster, org_ca, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import zipfile

    from tests.services.test_case_file import _rewrite

    iid, rect_id = in_rectification(app, roster, org_ca, tmp_path)
    o1, o2 = roster["officers"][0], roster["officers"][1]
    rein, _ = app.reinspections.open(lead(roster), rect_id, [o1.id, o2.id])
    app.evidence.import_files(lead(roster), iid, photos(tmp_path, 2, seed=120), reinspection_id=rein.id)
    app.reinspections.update(lead(roster), rein.id, result=RectificationResult.PARTIAL, note="部分问题已整改。")
    doc, _ = app.reinspections.sign(lead(roster), rein.id, o1.id, PASSWORD)
    out = app.case_files.export(iid, tmp_path / "案卷.zip", officer_id=o1.id, password=PASSWORD)
    report = app.case_files.verify(out)
    assert report.ok, report.problems
    with zipfile.ZipFile(out) as zf:
        names = zf.namelist()
        catalogue = zf.read("卷内目录.txt").decode("utf-8")
    folder = f"evidence/复查_{doc.number}/"
    rein_files = sorted(n for n in names if n.startswith(folder))
    assert [n.split("/")[-1][:5] for n in rein_files] == ["R-01_", "R-02_"]
    assert any("整改复查记录" in n for n in names if n.startswith("documents/"))
    assert "整改复查记录" in catalogue and "复查证据" in catalogue
    # a re-inspection photo swapped, with the manifest rewritten to match, is caught by the signed 复查记录
    with zipfile.ZipFile(out) as zf:
        photo = bytearray(zf.read(rein_files[0]))
    photo[-10] ^= 0xFF
    forged = app.case_files.verify(_rewrite(out, tmp_path / "forged.zip", replace={rein_files[0]: bytes(photo)},
                                            fix_manifest=True))
    assert forged.codes == {"manifest_invalid", "file_changed", "evidence_mismatch"}
    assert {p.path for p in forged.problems if p.code != "manifest_invalid"} == {rein_files[0]}
    assert report.stages and set(report.stages.values()) <= {"officers_signed", "approved", "signed"}
    removed = app.case_files.verify(_rewrite(out, tmp_path / "removed.zip", drop=(rein_files[1],)))
    assert "file_missing" in removed.codes and "evidence_mismatch" in removed.codes
