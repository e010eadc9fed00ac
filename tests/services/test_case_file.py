"""The case file (案卷) of a signed inspection: export, offline verification, one code per tamper class, the CLI
round trip, and the publication export with personal data masked.

One signed, demo-like inspection is built per module (signing is the slow part) and every test works on copies of
its exported ZIP."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import pytest

from inspector_app.domain.errors import ValidationError
from inspector_app.domain.findings import FindingData, Severity
from inspector_app.services.case_file import MANIFEST, safe_name
from inspector_app.services.context import Actor
from inspector_app.services.signature_art import demo_strokes, strokes_to_png
from inspector_app.services.signing import PartySignoff
from tests.conftest import FIXTURES, Clock
from tests.helpers import lead, new_inspection
from tests.imaging import exif_jpeg
from tests.services.test_signing_service import PASSWORD, org_ca, ready_to_sign, with_keys  # noqa: F401 (org_ca: fixture)

#: personal data the sample carries; none of it may reach a publication
SECRETS = ("周一鸣", "王建国", "李四光", "510802197901011234", "510802198805061234", "37010219880715123X",
           "ZY2026-0412", "JS20260412007", "CF-2026-0088", "13905371234", "0537-4012000", "测执00000", "测执00001")


def _roster(app):  # type: ignore[no-untyped-def]
    """The conftest roster (hospital + four officers), built once for the module."""
    from inspector_app.domain.credit_code import make_credit_code
    from inspector_app.domain.roster import Category, InstitutionData, Level, OfficerData, Ownership

    admin = Actor("管理员")
    hosp, _ = app.roster.add_institution(admin, InstitutionData(
        "测试市人民医院", Category.HOSPITAL, Level.SECONDARY, Ownership.PUBLIC,
        make_credit_code("12379902MB0000011"), "H37990200001", "测试市和平路1号", "林书远", "测试市"))
    officers = []
    for n, (name, days) in enumerate([("陈明哲", 400), ("许若溪", 500), ("韩景行", 600), ("冯立诚", -10)]):
        o, _ = app.roster.add_officer(admin, OfficerData(name, "基金监督科", f"测执{n:05d}",
                                                         dt.date(2026, 11, 20) + dt.timedelta(days=days)))
        officers.append(o)
    return {"hospital": hosp, "officers": officers}


def _signed_sample(app, roster) -> str:  # type: ignore[no-untyped-def]
    """Like the demo's signed sample: photos, findings that name a patient, an ID, a phone and record numbers, the
    representative refusing to sign with a witness, both officers' signatures and a notice."""
    iid = ready_to_sign(app, roster)
    actor = lead(roster)
    app.evidence.add_bytes(actor, iid, exif_jpeg(seed=1), "IMG_0412 住院费用/明细.jpg",
                           caption="住院费用明细（病历 ZY2026-0412）")
    app.evidence.add_bytes(actor, iid, exif_jpeg(size=(320, 240), seed=2), "台账.jpg", caption="药品进销存台账")
    app.findings.add(actor, iid, FindingData(
        "挂床住院：抽查住院病历 ZY2026-0412，患者李四光（身份证号 37010219880715123X，电话 13905371234）住院期间"
        "不在床，经周一鸣确认，涉及医保基金 12,860.00 元。", severity=Severity.SERIOUS,
        amount_involved=Decimal("12860.00"), amount_to_recover=Decimal("12860.00"),
        legal_basis="《医疗保障基金使用监督管理条例》第十五条第一款", penalty_article="条例 第三十八条(一)"))
    app.findings.add(actor, iid, FindingData(
        "超标准收费：结算单号 JS20260412007、处方号 CF-2026-0088 重复收取床位费，见证人王建国在场。",
        amount_involved=Decimal("2320.00"), amount_to_recover=Decimal("2320.00"),
        legal_basis="《医疗保障基金使用监督管理条例》第三十八条"))
    strokes = demo_strokes(7)
    app.signing.capture_signature(actor, iid, "witness", "王建国", strokes, strokes_to_png(strokes))
    app.signing.record_party_signoff(actor, iid, PartySignoff(
        refused=True, signer_name="周一鸣", title="医务科科长", id_number="510802197901011234", phone="0537-4012000",
        refusal_reason="对检查结论有异议", witness_name="王建国", witness_id_number="510802198805061234",
        witness_relation="社区工作人员", officer_note="已宣读笔录，当事人拒签，邀请见证人见证。"))
    for o in roster["officers"][:2]:
        app.signing.sign_record(Actor(o.name, o.id), iid, o.id, PASSWORD)
    app.documents.create_notice(actor, iid, deadline=dt.date(2026, 12, 20), officer_id=roster["officers"][0].id,
                                password=PASSWORD, contact_person="许若溪", contact_phone="0537-2601234")
    return iid


@pytest.fixture(scope="module")
def case(tmp_path_factory, org_ca, shared_fonts) -> Iterator[SimpleNamespace]:  # type: ignore[no-untyped-def] # noqa
    from inspector_app.app import build_context

    tmp = tmp_path_factory.mktemp("case")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("INSPECTOR_FORMS", str(FIXTURES / "forms"))
        app = build_context(str(tmp / "ws"), clock=Clock(dt.datetime(2026, 11, 20, 1, 30, tzinfo=dt.timezone.utc)),
                            device="test-laptop")
        try:
            roster = _roster(app)
            with_keys(app, roster, org_ca)
            iid = _signed_sample(app, roster)
            steps: list[int] = []
            out = app.case_files.export(iid, tmp / "out" / "案卷.zip", officer_id=roster["officers"][0].id,
                                        password=PASSWORD, progress=lambda p, _m: steps.append(p))
            yield SimpleNamespace(app=app, roster=roster, iid=iid, zip=out, tmp=tmp, steps=steps)
        finally:
            app.close()


def _seal(case: SimpleNamespace, n: int = 0) -> dict[str, str]:
    return {"officer_id": case.roster["officers"][n].id, "password": PASSWORD}


def _rewrite(src: Path, dst: Path, *, replace: dict[str, bytes] | None = None, drop: tuple[str, ...] = (),
             add: dict[str, bytes] | None = None, fix_manifest: bool = False) -> Path:
    """Copy a case file with entries replaced, dropped or added; optionally rewrite the manifest to match (what a
    forger would do, since the manifest itself is not signed)."""
    replace, add = dict(replace or {}), dict(add or {})
    with zipfile.ZipFile(src) as zin:
        entries = {i.filename: zin.read(i) for i in zin.infolist() if i.filename not in drop}
    entries.update(replace)
    entries.update(add)
    if fix_manifest:
        manifest = json.loads(entries[MANIFEST])
        for row in manifest["files"]:
            if row["path"] in entries:
                row["sha256"] = hashlib.sha256(entries[row["path"]]).hexdigest()
                row["size"] = len(entries[row["path"]])
        entries[MANIFEST] = json.dumps(manifest, ensure_ascii=False).encode()
    with zipfile.ZipFile(dst, "w") as zout:
        for name, data in entries.items():
            zout.writestr(name, data)
    return dst


def _names(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as zf:
        return zf.namelist()


def _evidence_name(case: SimpleNamespace) -> str:
    return next(n for n in _names(case.zip) if n.startswith("evidence/E-01_"))


# ------------------------------------------------------------------------------------------------ export


def test_case_file_holds_every_document_original_and_the_journal(case: SimpleNamespace) -> None:
    app, iid = case.app, case.iid
    names = _names(case.zip)
    docs = [n for n in names if n.startswith("documents/")]
    assert docs[0].startswith("documents/01_现场检查笔录_") and "〔2026〕1号" in docs[0]
    assert docs[1].startswith("documents/02_责令改正（限期整改）通知书_")
    assert {"record.json", "journal.json", "卷内目录.pdf", "卷内目录.txt", MANIFEST} <= set(names)
    assert "evidence/E-01_IMG_0412_住院费用_明细.jpg" in names and "evidence/E-02_台账.jpg" in names
    assert names[-1] == MANIFEST and not list(case.zip.parent.glob(".*.part"))
    assert case.steps[-1] == 100 and case.steps == sorted(case.steps)
    with zipfile.ZipFile(case.zip) as zf:
        manifest = json.loads(zf.read(MANIFEST))
        # originals byte for byte, stored; JSON and text deflated
        for ev, name in zip(app.evidence.list(iid),
                            ("evidence/E-01_IMG_0412_住院费用_明细.jpg", "evidence/E-02_台账.jpg")):
            assert zf.read(name) == app.evidence.original_path(ev.id).read_bytes()
        kinds = {i.filename: i.compress_type for i in zf.infolist()}
        assert kinds[docs[0]] == kinds[_evidence_name(case)] == zipfile.ZIP_STORED
        assert kinds["journal.json"] == kinds["record.json"] == kinds["卷内目录.txt"] == zipfile.ZIP_DEFLATED
        listed = {row["path"]: row for row in manifest["files"]}
        assert set(listed) == set(names) - {MANIFEST, "卷内目录.pdf"}  # the catalogue carries the sealed manifest
        sealed = {d["path"]: d for d in manifest["documents"]}
        assert sealed[docs[0]]["stage"] == "officers_signed" and sealed[docs[1]]["stage"] == "signed"
        assert sealed[docs[1]]["kind"] == "notice" and sealed[docs[0]]["pdf_sha256"] == listed[docs[0]]["sha256"]
        officer = case.roster["officers"][0]
        assert manifest["sealed_by"] == {"officer_id": officer.id, "name": officer.name,
                                         "certificate_no": officer.certificate_no, "role": "承办执法人员"}
        from inspector_app.records.embedded import embedded_file

        assert embedded_file(zf.read("卷内目录.pdf"), "manifest.json") == zf.read(MANIFEST)
        for name, row in listed.items():
            data = zf.read(name)
            assert (row["sha256"], row["size"]) == (hashlib.sha256(data).hexdigest(), len(data))
        record = app.signing.documents(iid)[0]
        assert hashlib.sha256(zf.read("record.json")).hexdigest() == record.content_hash == manifest["content_hash"]
        journal = json.loads(zf.read("journal.json"))
        # the journal as sealed; after it the workspace journals the seal itself (the seal ledger's event)
        events = app.journal.events(iid)
        at_export = events[:manifest["journal_length"]]
        assert journal["chain_head"] == manifest["journal_head"] == at_export[-1].hash
        assert len(journal["events"]) == manifest["journal_length"] and app.journal.verify(iid).ok
        sealed_events = [e for e in events[manifest["journal_length"]:] if e.event_type == "case_file.sealed"]
        catalogue_sha = hashlib.sha256(zf.read("卷内目录.pdf")).hexdigest()
        assert any(e.payload["data"]["catalogue_sha256"] == catalogue_sha for e in sealed_events)
        assert manifest["inspection_id"] == iid and manifest["record_number"] == record.number
        assert manifest["app_version"] and manifest["exported_at"].startswith("2026-11-20")
        txt = zf.read("卷内目录.txt").decode("utf-8")
        assert "卷内目录" in txt and listed[docs[0]]["sha256"] in txt
        (case.tmp / "cat.pdf").write_bytes(zf.read("卷内目录.pdf"))
    if shutil.which("pdftotext") and shutil.which("pdffonts"):
        text = subprocess.run(["pdftotext", "-layout", str(case.tmp / "cat.pdf"), "-"], capture_output=True,
                              text=True).stdout
        for word in ("卷内目录", "序号", "文件名称", "类别", "页数/大小", "SHA-256", "备注", "现场检查笔录",
                     "测试市人民医院"):
            assert word in text
        fonts = subprocess.run(["pdffonts", str(case.tmp / "cat.pdf")], capture_output=True, text=True).stdout
        rows = fonts.splitlines()[2:]
        assert rows and all(" yes yes " in r for r in rows), fonts  # every font embedded and subset


def test_case_file_verifies(case: SimpleNamespace) -> None:
    report = case.app.case_files.verify(case.zip)
    assert report.ok, report.problems
    assert report.files == len(_names(case.zip)) and len(report.documents) == 2
    # the journal as sealed: the workspace's, less the seal-ledger events journaled after the export
    later = [e for e in case.app.journal.events(case.iid)[report.journal_length:]]
    assert later and all(e.event_type == "case_file.sealed" for e in later)


def test_unsigned_inspection_is_refused(case: SimpleNamespace) -> None:
    iid = new_inspection(case.app, case.roster)
    with pytest.raises(ValidationError) as refused:
        case.app.case_files.export(iid, case.tmp / "unsigned.zip", **_seal(case))
    assert refused.value.code == "case_file.record_not_signed"
    with pytest.raises(ValidationError) as refused:
        case.app.case_files.publication(iid, case.tmp / "unsigned.pdf")
    assert refused.value.code == "case_file.record_not_signed"
    assert not (case.tmp / "unsigned.zip").exists()
    half = ready_to_sign(case.app, case.roster)
    o1 = case.roster["officers"][0]
    case.app.signing.sign_record(Actor(o1.name, o1.id), half, o1.id, PASSWORD)
    with pytest.raises(ValidationError) as refused:
        case.app.case_files.export(half, case.tmp / "half.zip", **_seal(case))
    assert (refused.value.code, refused.value.params) == ("case_file.officers_unsigned", {"count": 1})
    assert not list(case.tmp.glob("*.part")) and not list(case.tmp.glob(".*.part"))


def test_corrupt_original_aborts_the_export_and_leaves_nothing(case: SimpleNamespace) -> None:
    blob = case.app.evidence.original_path(case.app.evidence.list(case.iid)[1].id)
    good = blob.read_bytes()
    dest = case.tmp / "corrupt" / "案卷.zip"
    try:
        blob.write_bytes(good[:-1] + b"\x00")
        with pytest.raises(ValidationError) as refused:
            case.app.case_files.export(case.iid, dest, **_seal(case))
        assert refused.value.code == "case_file.file_damaged" and refused.value.params["file"]
    finally:
        blob.write_bytes(good)
    assert list(dest.parent.iterdir()) == []


# ------------------------------------------------------------------------------------------------ tampering


def test_changed_file_fails(case: SimpleNamespace) -> None:
    name = _evidence_name(case)
    with zipfile.ZipFile(case.zip) as zf:
        photo = bytearray(zf.read(name))
    photo[-10] ^= 0xFF
    bad = _rewrite(case.zip, case.tmp / "changed.zip", replace={name: bytes(photo)})
    report = case.app.case_files.verify(bad)
    assert not report.ok and ("file_changed", name) in {(p.code, p.path) for p in report.problems}
    # a forger who also rewrites the manifest is caught by the signed record's evidence list
    forged = _rewrite(case.zip, case.tmp / "forged.zip", replace={name: bytes(photo)}, fix_manifest=True)
    report = case.app.case_files.verify(forged)
    assert report.codes == {"manifest_invalid", "file_changed", "evidence_mismatch"}
    assert {p.path for p in report.problems if p.code != "manifest_invalid"} == {name}


def test_removed_file_fails(case: SimpleNamespace) -> None:
    name = "evidence/E-02_台账.jpg"
    report = case.app.case_files.verify(_rewrite(case.zip, case.tmp / "removed.zip", drop=(name,)))
    assert ("file_missing", name) in {(p.code, p.path) for p in report.problems}
    assert "file_changed" not in report.codes


def test_added_file_fails(case: SimpleNamespace) -> None:
    report = case.app.case_files.verify(_rewrite(case.zip, case.tmp / "added.zip",
                                                 add={"evidence/E-03_补拍.jpg": exif_jpeg(seed=9)}))
    assert [(p.code, p.path) for p in report.problems] == [("file_added", "evidence/E-03_补拍.jpg")]


def test_tampered_journal_fails(case: SimpleNamespace) -> None:
    with zipfile.ZipFile(case.zip) as zf:
        journal = json.loads(zf.read("journal.json"))
    journal["events"][3]["actor"] = "其他人"
    data = json.dumps(journal, ensure_ascii=False).encode()
    report = case.app.case_files.verify(_rewrite(case.zip, case.tmp / "journal.zip", replace={"journal.json": data},
                                                 fix_manifest=True))
    assert report.codes == {"journal_tampered", "file_changed", "manifest_invalid"}
    assert {p.path for p in report.problems if p.code == "journal_tampered"} == {"journal.json"}
    # dropping the events up to the signature and re-hashing the rest: the signed PDFs' heads are no longer in it
    from inspector_app.domain.journal import GENESIS, make_event

    events, prev = [], GENESIS
    for n, e in enumerate(journal["events"][5:], start=1):
        ev = make_event(e["chain"], n, e["at"], e["actor"], e["device"], e["type"], e["payload"], prev)
        prev = ev.hash
        events.append({**e, "seq": n, "prev": ev.prev_hash, "hash": ev.hash})
    journal.update(events=events, chain_head=prev, length=len(events))
    entries = {"journal.json": json.dumps(journal, ensure_ascii=False).encode()}
    with zipfile.ZipFile(case.zip) as zf:
        manifest = json.loads(zf.read(MANIFEST))
    manifest["journal_head"] = prev
    rewritten = _rewrite(case.zip, case.tmp / "rechained.zip", replace={**entries, MANIFEST: json.dumps(manifest)
                                                                        .encode()}, fix_manifest=True)
    report = case.app.case_files.verify(rewritten)
    assert {"journal_truncated", "file_changed", "manifest_invalid"} <= report.codes  # against the sealed head
    assert "seal_invalid" not in report.codes and "seal_missing" not in report.codes


def test_changed_pdf_and_broken_manifest_fail(case: SimpleNamespace) -> None:
    doc = next(n for n in _names(case.zip) if n.startswith("documents/01_"))
    with zipfile.ZipFile(case.zip) as zf:
        pdf = zf.read(doc)
    at = pdf.index(b"/InspRecordNo")
    forged = pdf[:at + 20] + bytes([pdf[at + 20] ^ 0x01]) + pdf[at + 21:]
    report = case.app.case_files.verify(_rewrite(case.zip, case.tmp / "pdf.zip", replace={doc: forged},
                                                 fix_manifest=True))
    assert "pdf_invalid" in report.codes and doc in {p.path for p in report.problems if p.code == "pdf_invalid"}
    assert doc in {p.path for p in report.problems if p.code == "document_substituted"}
    report = case.app.case_files.verify(_rewrite(case.zip, case.tmp / "nomanifest.zip", drop=(MANIFEST,)))
    assert "manifest_invalid" in report.codes and not report.ok
    report = case.app.case_files.verify(_rewrite(case.zip, case.tmp / "badmanifest.zip",
                                                 replace={MANIFEST: b"{not json"}))
    assert "manifest_invalid" in report.codes
    (case.tmp / "garbage.zip").write_bytes(b"PK\x03\x04 not really")
    assert case.app.case_files.verify(case.tmp / "garbage.zip").codes == {"unreadable"}


# ------------------------------------------------------------------------------------------------ command line


def test_cli_export_and_verify_round_trip(case: SimpleNamespace, capsys: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from inspector_app.cli import main

    data_dir = str(case.app.paths.data_dir)
    out = case.tmp / "cli" / "case.zip"
    officer = case.roster["officers"][1]
    monkeypatch.setattr("sys.stdin", io.StringIO("wrong\n"))
    assert main(["export", case.iid[:13], "--data-dir", data_dir, "--case-file", str(out), "--officer",
                 officer.name, "--sign-password-stdin"]) == 2
    assert "密码" in capsys.readouterr().err and not out.exists()
    monkeypatch.setattr("sys.stdin", io.StringIO("x\n"))
    assert main(["export", case.iid, "--data-dir", data_dir, "--case-file", str(out), "--officer", "冯立诚",
                 "--sign-password-stdin"]) == 2
    assert "没有匹配的封卷人" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert main(["export", case.iid[:13], "--data-dir", data_dir, "--case-file", str(out), "--officer",
                 officer.certificate_no, "--sign-password-stdin"]) == 0
    assert main(["verify", str(out), "--data-dir", data_dir]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed[1] == "结论：通过" and any(f"{officer.name}（执法证号 {officer.certificate_no}）封卷" in line
                                            for line in printed)
    assert [line.split("：")[0] for line in printed[3:]] == ["案卷结构", "封卷签名", "签名文书", "文件与清单",
                                                              "笔录内容与证据", "全过程记录"]
    name = _evidence_name(case)
    bad = _rewrite(out, case.tmp / "cli" / "bad.zip", replace={name: b"not the original"})
    assert main(["verify", str(bad), "--data-dir", data_dir]) == 1
    printed = capsys.readouterr().out
    assert printed.splitlines()[0].startswith("结论：不通过（2 项问题）")
    assert f"文件与清单：不通过\n  · {name}：SHA-256 " in printed and "与签名笔录证据清单所载" in printed
    assert "file_changed" not in printed and "True" not in printed and "False" not in printed
    assert main(["verify", str(bad), "--data-dir", data_dir, "--json"]) == 1
    assert {p["code"] for p in json.loads(capsys.readouterr().out)["problems"]} >= {"file_changed"}
    # --pdf keeps working, and the three outputs are alternatives
    assert main(["export", case.iid, "--data-dir", data_dir, "--pdf", str(case.tmp / "cli" / "r.pdf")]) == 0
    assert main(["verify", str(case.tmp / "cli" / "r.pdf"), "--data-dir", data_dir]) == 0
    with pytest.raises(SystemExit):
        main(["export", case.iid, "--pdf", "a.pdf", "--case-file", "b.zip"])
    capsys.readouterr()
    pub = case.tmp / "cli" / "公开.pdf"
    assert main(["export", case.iid, "--data-dir", data_dir, "--publication", str(pub)]) == 0
    assert pub.exists() and pub.with_suffix(".json").exists()


# ------------------------------------------------------------------------------------------------ publication


def test_publication_masks_personal_data(case: SimpleNamespace) -> None:
    result = case.app.case_files.publication(case.iid, case.tmp / "pub" / "公开.pdf")
    raw = result.json.read_text(encoding="utf-8")
    data = json.loads(raw)
    texts = {"json": raw}
    if shutil.which("pdftotext"):
        texts["pdf"] = subprocess.run(["pdftotext", str(result.pdf), "-"], capture_output=True, text=True).stdout
    for where, text in texts.items():
        flat = "".join(text.split())
        for secret in SECRETS:
            assert secret not in flat, (where, secret)
        assert "测试市人民医院" in flat and "12379902MB0000011" in flat
        assert "第十五条第一款" in flat and "第三十八条" in flat and "ZY****-****" in flat
    assert "12,860.00" in texts.get("pdf", "12,860.00") and "15,180.00" in texts.get("pdf", "15,180.00")
    assert "12,860.00元" in data["findings"][0]["description"].replace(" ", "")
    assert data["findings"][0]["amount_involved"] == "12860.00" and data["totals"]["amount_to_recover"] == "15180.00"
    assert data["institution"]["name"] == "测试市人民医院" and data["inspection"]["type"] == "专项检查"
    assert "责令改正" in data["result"]
    assert result.masked["id_number"] == 1 and result.masked["name"] >= 3 and result.masked["phone"] == 1
    assert data["masking"]["counts"] == result.masked


def test_safe_names() -> None:
    assert safe_name("IMG_0412 住院费用/明细.jpg") == "IMG_0412_住院费用_明细.jpg"
    assert safe_name("../../etc/passwd") == "etc_passwd"
    assert safe_name("青医保检〔2026〕1号") == "青医保检〔2026〕1号"
    assert safe_name("<>:\"|?*") == "file" and safe_name("a" * 200 + ".jpeg").endswith("a.jpeg")
    assert len(safe_name("名" * 200 + ".jpg")) <= 80
