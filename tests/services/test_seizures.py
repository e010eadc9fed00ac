"""封存 and 先行登记保存 through the services: item lists with photos, the notice signed by two officers through the
one document pipeline, verified by `inspector verify`'s code path (pages re-rendered) and pdfsig, the legal clocks
(7 days; 30 days extendable once by 30 with a reason), release / handling journaled, photo stamps on derivatives
only."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import io
import os
import shutil
import subprocess

import pytest
from PIL import Image

from inspector_app.domain import seizure as dz
from inspector_app.domain.errors import ValidationError
from inspector_app.records import model as rm
from inspector_app.services import photo_stamp
from inspector_app.services.context import Actor
from inspector_app.services.seizures import ItemInput, SeizureInput
from inspector_app.storage.orm import EvidenceRow
from tests.helpers import lead, new_inspection, start_on_site
from tests.records_sample import signature_png
from tests.services.test_onsite_documents import check_pdf
from tests.services.test_signing_service import PASSWORD, org_ca, with_keys  # noqa: F401 - fixture


def photo(seed: int, size: tuple[int, int] = (320, 240)) -> bytes:
    img = Image.new("RGB", size, (40 + seed * 30 % 200, 90, 140))
    for x in range(0, size[0], 16):
        img.putpixel((x, size[1] // 2), (255, 255, 255))
    out = io.BytesIO()
    img.save(out, "JPEG", quality=90)
    return out.getvalue()


def seal_input(app, roster, *, measure: str = dz.SEAL, refused: bool = False,  # type: ignore[no-untyped-def]
               photos: tuple[bytes, ...] = ()) -> SeizureInput:
    o1, o2 = roster["officers"][0], roster["officers"][1]
    items = (ItemInput("住院病历（2026年10月出院）", "12", "册", "病案室3号柜", "病案号2026-1001至1012",
                       "完好，已贴封条", photos),
             ItemInput("医保结算单", "45", "份", "医保办公室档案柜", "", "装入证据袋"))
    return SeizureInput(
        measure=measure, reason="该院涉嫌串换收费项目，相关病历和结算单可能被修改", started_at=app.ctx.clock(),
        place="青川市第二人民医院病案室", officer_ids=(o1.id, o2.id), items=items,
        approved_by="局长 周明远" if measure == dz.PRESERVATION else "", signer_name="" if refused else "孙主任",
        refused=refused, refusal_reason="不认可封存" if refused else "",
        witness=rm.Witness("赵见明", "510802198805061234", "医院保卫科科员") if refused else None,
        party_png=None if refused else signature_png(5), witness_png=signature_png(7) if refused else None)


def keep_for_screenshots(pdf) -> None:  # type: ignore[no-untyped-def]
    """`SEAL15_SHOTS=DIR pytest tests/services/test_seizures.py` keeps the PDFs for the README's page images."""
    if os.environ.get("SEAL15_SHOTS"):
        shutil.copy(pdf, os.environ["SEAL15_SHOTS"])


def extend(app, roster, seizure_id, reason, approved_by="局长 周明远"):  # type: ignore[no-untyped-def]
    """Extend through the signed 延长封存决定书: the first officer signs, the second countersigns."""
    o1, o2 = roster["officers"][0], roster["officers"][1]
    doc, s = app.seizures.extend(Actor(o1.name, o1.id), seizure_id, reason, approved_by=approved_by,
                                 officer_ids=(o1.id, o2.id), officer_id=o1.id, password=PASSWORD)
    assert doc.pending_fields == ("Sig_Officer2",)
    doc, _ = app.signing.countersign(Actor(o2.name, o2.id), doc.id, o2.id, PASSWORD)
    return doc, s


def signed(app, roster, iid, data):  # type: ignore[no-untyped-def]
    o1, o2 = roster["officers"][0], roster["officers"][1]
    doc, _ = app.seizures.create(lead(roster), iid, data, officer_id=o1.id, password=PASSWORD)
    assert doc.pending_fields == ("Sig_Officer2",)
    doc, _ = app.signing.countersign(Actor(o2.name, o2.id), doc.id, o2.id, PASSWORD)
    assert doc.pending_fields == () and doc.signed_fields == ("Sig_Officer1", "Sig_Officer2")
    return doc


def test_seal_with_photos_signs_verifies_and_runs_its_30_day_clock(app, roster, org_ca, tmp_path, clock) -> None:  # type: ignore[no-untyped-def]
    with_keys(app, roster, org_ca)
    iid = new_inspection(app, roster)
    start_on_site(app, roster, iid)
    from inspector_app.demo.media import site_photo

    raw = (site_photo("病案室3号柜（封存）", app.ctx.clock(), seed=31), photo(2))
    doc = signed(app, roster, iid, seal_input(app, roster, photos=raw))
    assert doc.kind == "seal" and doc.number == "医保封〔2026〕1号"
    # the originals are stored byte for byte; the PDF carries stamped derivatives bound to them by SHA-256
    for p in raw:
        assert app.ctx.blobs.read_bytes(hashlib.sha256(p).hexdigest()) == p
    out = app.verification.export_record(iid, tmp_path / "seal.pdf", "seal")
    keep_for_screenshots(out)
    check_pdf(app, out, 2)
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, timeout=60).stdout
        assert "封存决定书" in text and "封存清单" in text and "病案室3号柜" in text
        assert hashlib.sha256(raw[0]).hexdigest()[:16] in "".join(text.split())
    [s] = app.seizures.of_inspection(iid)
    assert (s.measure, s.items, s.clock.days_left, s.clock.can_extend) == ("seal", 2, 30, True)
    # the originals are evidence rows of the seizure (synced with their files), not of the record's 证据清单
    assert app.evidence.list(iid) == []
    shots = app.evidence.list(iid, seizures=True)
    assert [(e.sha256, e.source_name, e.measure) for e in shots] == [
        (hashlib.sha256(r).hexdigest(), f"P-{n:02d}", "拍照") for n, r in enumerate(raw, start=1)]
    with app.ctx.read() as ses:
        assert {ses.get(EvidenceRow, e.id).seizure_id for e in shots} == {s.id}
    added = [e for e in app.journal.events(iid) if e.event_type == "evidence.added"]
    assert len(added) == 2 and all(e.payload["data"]["seizure_id"] == s.id for e in added)
    with pytest.raises(ValidationError) as exc:  # the seized photo cannot be re-filed as the record's evidence
        app.evidence.add_bytes(lead(roster), iid, raw[0], "again.jpg")
    assert exc.value.code == "evidence.saved_for_seizure"
    clock.advance(days=10)
    [s] = app.seizures.of_inspection(iid)
    assert s.clock.days_left == 20
    with pytest.raises(ValidationError) as exc:
        extend(app, roster, s.id, "  ")
    assert exc.value.code == "seizure.extension_reason"
    with pytest.raises(ValidationError) as exc:
        extend(app, roster, s.id, "涉及病历数量多", approved_by=" ")
    assert exc.value.code == "seizure.extension_approval"
    ext, s = extend(app, roster, s.id, "涉及病历数量多，需调取信息系统日志比对")
    assert s.clock.extended and s.clock.days_left == 50 and s.extension_reason.startswith("涉及病历")
    # the 延长封存决定书: numbered, signed by both officers, verified with its pages re-rendered
    assert (ext.kind, ext.number, ext.pending_fields) == ("seal_extension", "医保延封〔2026〕1号", ())
    out = app.verification.export_record(iid, tmp_path / "extension.pdf", "seal_extension")
    keep_for_screenshots(out)
    check_pdf(app, out, 2)
    if shutil.which("pdftotext"):
        text = "".join(subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                                      timeout=60).stdout.split())
        assert "延长封存决定书" in text and doc.number in text and "局长周明远" in text
        assert f"至{(s.clock.due_on).year}年" in text and "延长30日" in text
    with pytest.raises(ValidationError) as exc:
        extend(app, roster, s.id, "再次延长")
    assert exc.value.code == "seizure.extended_once"
    s = app.seizures.close(lead(roster), s.id, "released", "经核查完毕，解除封存，物品已当场返还")
    assert s.clock.closed == "released" and not s.clock.running
    with pytest.raises(ValidationError) as exc:
        app.seizures.close(lead(roster), s.id, "handled", "x")
    assert exc.value.code == "seizure.closed"
    # the clock's state rides on the document's payload (what syncs); the journal holds no personal data
    payload = app.signing.documents(iid)[-1]
    assert app.journal.verify(iid).ok
    from inspector_app.storage.journal_repo import load_chain

    with app.ctx.read() as sess:
        events = load_chain(sess, iid)
        text = repr([e.payload for e in events])
    assert {"seizure.signed", "seizure.extended", "seizure.closed"} <= {e.event_type for e in events}
    assert "孙主任" not in text and "病案室3号柜" not in text and payload is not None


def test_preservation_refused_before_a_witness_has_a_7_day_clock(app, roster, org_ca, tmp_path, clock) -> None:  # type: ignore[no-untyped-def]
    with_keys(app, roster, org_ca)
    iid = new_inspection(app, roster)
    start_on_site(app, roster, iid)
    no_approval = dataclasses.replace(seal_input(app, roster, measure=dz.PRESERVATION), approved_by="")
    with pytest.raises(ValidationError) as no_head:
        app.seizures.create(lead(roster), iid, no_approval, officer_id=roster["officers"][0].id, password=PASSWORD)
    assert no_head.value.codes == ["seizure.preservation_not_approved"]
    doc = signed(app, roster, iid, seal_input(app, roster, measure=dz.PRESERVATION, refused=True))
    assert doc.kind == "preservation" and doc.number == "医保存〔2026〕1号"
    out = app.verification.export_record(iid, tmp_path / "preservation.pdf", "preservation")
    check_pdf(app, out, 2)
    keep_for_screenshots(out)
    [s] = app.seizures.of_inspection(iid)
    assert s.clock.days_left == 7 and not s.clock.can_extend
    with pytest.raises(ValidationError) as exc:
        extend(app, roster, s.id, "需要更多时间")
    assert exc.value.code == "seizure.not_extendable"
    clock.advance(days=8)
    [s] = app.seizures.of_inspection(iid)
    assert s.clock.overdue and s.clock.days_left == -1
    s = app.seizures.close(lead(roster), s.id, "handled", "已作出处理决定：病历移交稽核科")
    assert not s.clock.overdue


def test_bad_input_is_refused_with_codes_and_nothing_is_stored(app, roster, org_ca) -> None:  # type: ignore[no-untyped-def]
    with_keys(app, roster, org_ca)
    iid = new_inspection(app, roster)
    start_on_site(app, roster, iid)
    o1 = roster["officers"][0]
    garbage = b"not an image at all"
    with pytest.raises(ValidationError) as exc:
        app.seizures.create(lead(roster), iid, seal_input(app, roster, photos=(garbage,)), officer_id=o1.id,
                            password=PASSWORD)
    assert exc.value.code == "photo.unreadable"
    assert not app.ctx.blobs.has(hashlib.sha256(garbage).hexdigest())
    stranger = dataclasses.replace(seal_input(app, roster), officer_ids=(o1.id, roster["officers"][2].id))
    with pytest.raises(ValidationError) as exc:
        app.seizures.create(lead(roster), iid, stranger, officer_id=o1.id, password=PASSWORD)
    assert exc.value.code == "seizure.not_team"
    bad_qty = dataclasses.replace(seal_input(app, roster), items=(ItemInput("药品", "三", "盒", "药房"),))
    with pytest.raises(ValidationError) as qty:
        app.seizures.create(lead(roster), iid, bad_qty, officer_id=o1.id, password=PASSWORD)
    assert qty.value.codes == ["seizure.bad_quantity"] and qty.value.params == {"item": 1, "quantity": "三"}
    assert app.seizures.of_inspection(iid) == [] and not app.signing.documents(iid)


def test_stamp_goes_on_the_derivative_and_the_original_stays_byte_identical() -> None:
    original = photo(3, (800, 600))
    before = hashlib.sha256(original).hexdigest()
    when = dt.datetime(2026, 11, 20, 2, 5, tzinfo=dt.timezone.utc)  # 10:05 in Asia/Shanghai
    stamp = photo_stamp.Stamp(when, "青川市第二人民医院病案室", "王执法", "医保封〔2026〕1号")
    assert stamp.lines()[0].startswith("2026-11-20 10:05:00")
    plain, stamped = photo_stamp.derivative(original), photo_stamp.derivative(original, stamp)
    assert hashlib.sha256(original).hexdigest() == before
    a, b = Image.open(io.BytesIO(plain)), Image.open(io.BytesIO(stamped))
    assert a.size == b.size == (640, 480)
    # the band darkens the bottom of the picture; the top is untouched
    def light(img: Image.Image, box: tuple[int, int, int, int]) -> int:
        return sum(img.convert("L").crop(box).get_flattened_data())

    assert light(b, (0, 420, 640, 480)) < light(a, (0, 420, 640, 480))
    assert abs(light(b, (0, 0, 640, 100)) - light(a, (0, 0, 640, 100))) < 640 * 100


def test_case_file_and_cli_hold_the_seal_and_the_preservation(app, roster, org_ca, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    import zipfile

    from inspector_app.cli import main
    from tests.services.test_case_file import _rewrite
    from tests.services.test_signing_service import ready_to_sign

    with_keys(app, roster, org_ca)
    iid = ready_to_sign(app, roster)
    o1, o2 = roster["officers"][0], roster["officers"][1]
    for o in (o1, o2):
        app.signing.sign_record(Actor(o.name, o.id), iid, o.id, PASSWORD)
    seal = signed(app, roster, iid, seal_input(app, roster, photos=(photo(4), photo(5))))
    signed(app, roster, iid, seal_input(app, roster, measure=dz.PRESERVATION, refused=True))
    [s, _p] = app.seizures.of_inspection(iid)
    extension, _ = extend(app, roster, s.id, "涉及病历数量多")
    out = app.case_files.export(iid, tmp_path / "案卷.zip", officer_id=o1.id, password=PASSWORD)
    with zipfile.ZipFile(out) as zf:
        names = zf.namelist()
        catalogue = zf.read("卷内目录.txt").decode("utf-8")
        folder = f"evidence/封存_{seal.number}/"
        photos = sorted(n for n in names if n.startswith(folder))
        assert photos == [f"{folder}P-01_{hashlib.sha256(photo(4)).hexdigest()[:12]}.jpg",
                          f"{folder}P-02_{hashlib.sha256(photo(5)).hexdigest()[:12]}.jpg"]
        assert [hashlib.sha256(zf.read(n)).hexdigest() for n in photos] == [
            hashlib.sha256(photo(4)).hexdigest(), hashlib.sha256(photo(5)).hexdigest()]
    assert any("封存决定书" in n for n in names) and any("先行登记保存通知书" in n for n in names)
    assert any(n.startswith("documents/") and extension.number in n for n in names)
    assert "封存决定书" in catalogue and "先行登记保存通知书" in catalogue and "物品照片 P-02" in catalogue
    assert f"延长封存决定书（{extension.number}）" in catalogue
    report = app.case_files.verify(out)
    assert report.ok, report
    # a seized item's photo swapped, the manifest rewritten to match: caught by the hashes the signed notice prints
    swapped = app.case_files.verify(_rewrite(out, tmp_path / "swapped.zip", replace={photos[0]: photo(9)},
                                             fix_manifest=True))
    assert swapped.codes == {"manifest_invalid", "file_changed", "evidence_mismatch"}
    assert {p.path for p in swapped.problems if p.code != "manifest_invalid"} == {photos[0]}
    removed = app.case_files.verify(_rewrite(out, tmp_path / "removed.zip", drop=(photos[1],)))
    assert {"file_missing", "evidence_mismatch"} <= removed.codes
    data_dir = str(app.paths.data_dir)
    app.close()
    for kind in ("seal", "preservation", "seal_extension"):
        pdf = tmp_path / f"{kind}.pdf"
        assert main(["export", iid, "--pdf", str(pdf), "--kind", kind, "--data-dir", data_dir]) == 0
        assert main(["verify", str(pdf), "--data-dir", data_dir]) == 0
    assert "通过" in capsys.readouterr().out
