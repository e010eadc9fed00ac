"""The on-site document set through the services: 询问笔录 (inquiry) and 送达回证 (proof of service), each made by
the one document pipeline, signed by two officers, verified by `inspector verify`'s code path and by pdfsig."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from decimal import Decimal

import pytest

from inspector_app.domain.errors import ValidationError
from inspector_app.domain.findings import FindingData
from inspector_app.records import model as rm
from inspector_app.records import model_docs as md
from inspector_app.services.context import Actor
from inspector_app.services.inquiries import InquiryInput
from inspector_app.services.service_receipts import ServiceInput
from tests.helpers import lead, new_inspection, start_on_site
from tests.records_sample import signature_png
from tests.services.test_signing_service import PASSWORD, org_ca, ready_to_sign, with_keys  # noqa: F401 - fixture

QUESTIONS = ("请介绍你的工作职责。", "住院病历由谁负责管理？", "床头卡与住院登记不符的情况你是否知情？",
             "医保结算数据由谁上传？", "你还有什么需要补充的吗？")


def inquiry_input(app, roster, *, refused: bool, qa: int = 5) -> InquiryInput:  # type: ignore[no-untyped-def]
    o1, o2 = roster["officers"][0], roster["officers"][1]
    t0 = app.ctx.clock()
    witness = rm.Witness("赵见明", "510802198805061234", "医院保卫科科员") if refused else None
    return InquiryInput(
        role="witness", person=md.InquiryPerson("钱小雨", "女", "510802199203150027", "青川市第二人民医院",
                                                "病案室科员", "病案管理人员", "13800000000"),
        started_at=t0, ended_at=t0 + dt.timedelta(minutes=40), place="医院医保办公室", officer_ids=(o1.id, o2.id),
        recorder_id=o2.id, recusal_answer="不申请回避。",
        qa=tuple(md.QA(q, f"回答{i}：属实。", ("H-04",) if i == 3 else ()) for i, q in enumerate(QUESTIONS[:qa], 1)),
        corrections=(md.Correction("问答2", "医务科", "病案室", "钱"),), refused=refused,
        refusal_reason="认为记录与其陈述有出入" if refused else "", witness=witness,
        officer_note="已宣读笔录，其拒绝签名，邀请见证人见证。" if refused else "",
        person_png=None if refused else signature_png(5), witness_png=signature_png(7) if refused else None)


def check_pdf(app, path, signatures: int) -> None:  # type: ignore[no-untyped-def]
    report = app.verification.verify(path)
    assert report.ok, report.reasons
    assert len(report.signatures) == signatures
    # every page re-rendered from the signed data, not only the key facts checked
    assert "visible_content_matches" in {c.code for c in report.checks}, [c.code for c in report.checks]
    if shutil.which("pdfsig"):
        text = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True, timeout=60).stdout
        assert text.count("Signature is Valid.") == signatures


def test_inquiry_with_refusal_is_signed_by_both_officers_and_verifies(app, roster, org_ca, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with_keys(app, roster, org_ca)
    iid = new_inspection(app, roster)
    start_on_site(app, roster, iid)
    o1, o2 = roster["officers"][0], roster["officers"][1]
    data = inquiry_input(app, roster, refused=True)
    doc, _ = app.inquiries.create(lead(roster), iid, data, officer_id=o1.id, password=PASSWORD)
    assert doc.kind == "inquiry" and doc.number == "医保询〔2026〕1号" and doc.pending_fields == ("Sig_Officer2",)
    with pytest.raises(ValidationError) as exc:  # an officer the inquiry does not name cannot sign it
        app.signing.countersign(Actor("x", roster["officers"][2].id), doc.id, roster["officers"][2].id, PASSWORD)
    assert exc.value.code == "document.not_named_officer"
    doc, _ = app.signing.countersign(Actor(o2.name, o2.id), doc.id, o2.id, PASSWORD)
    assert doc.pending_fields == () and doc.signed_fields == ("Sig_Officer1", "Sig_Officer2")
    [row] = app.inquiries.of_inspection(iid)
    assert row.refused and row.role == "witness" and row.document_id == doc.id
    out = app.verification.export_record(iid, tmp_path / "inquiry.pdf", "inquiry")
    check_pdf(app, out, 2)
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, timeout=60).stdout
        assert "询问笔录" in text and "拒绝签字" in text and "赵见明" in text and "问5" in text and "病案室" in text
    # personal data stays out of the journal (and so out of sync payloads and printed journals)
    events = app.journal.verify(iid)
    assert events.ok
    from inspector_app.storage.journal_repo import load_chain

    with app.ctx.read() as s:
        text = repr([e.payload for e in load_chain(s, iid)])
    assert "510802199203150027" not in text and "钱小雨" not in text


def test_inquiry_refuses_incomplete_content_and_strangers(app, roster, org_ca) -> None:  # type: ignore[no-untyped-def]
    with_keys(app, roster, org_ca)
    iid = new_inspection(app, roster)
    start_on_site(app, roster, iid)
    o1 = roster["officers"][0]
    bad = inquiry_input(app, roster, refused=True)
    bad = InquiryInput(**{**{f: getattr(bad, f) for f in bad.__dataclass_fields__}, "witness": None})
    with pytest.raises(ValidationError) as no_witness:
        app.inquiries.create(lead(roster), iid, bad, officer_id=o1.id, password=PASSWORD)
    assert "record.refusal_witness_missing" in no_witness.value.codes
    stranger = inquiry_input(app, roster, refused=False)
    stranger = InquiryInput(**{**{f: getattr(stranger, f) for f in stranger.__dataclass_fields__},
                               "officer_ids": (o1.id, roster["officers"][2].id)})
    with pytest.raises(ValidationError) as exc:
        app.inquiries.create(lead(roster), iid, stranger, officer_id=o1.id, password=PASSWORD)
    assert exc.value.code == "inquiry.not_team"
    assert app.inquiries.of_inspection(iid) == [] and not app.signing.documents(iid)


def test_notice_served_by_leaving_it_starts_the_period_on_the_served_date(app, roster, org_ca, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with_keys(app, roster, org_ca)
    iid = ready_to_sign(app, roster)
    o1, o2 = roster["officers"][0], roster["officers"][1]
    app.findings.add(lead(roster), iid, FindingData("超标准收费", amount_involved=Decimal("100.00"),
                                                     amount_to_recover=Decimal("100.00"),
                                                     legal_basis="《医疗保障基金使用监督管理条例》第三十八条"))
    for o in (o1, o2):
        app.signing.sign_record(Actor(o.name, o.id), iid, o.id, PASSWORD)
    issued_on = app.ctx.clock().date()
    notice, _ = app.documents.create_notice(lead(roster), iid, deadline=issued_on + dt.timedelta(days=30),
                                            officer_id=o1.id, password=PASSWORD)
    assert app.service_receipts.served(notice.id) is None
    served_at = app.ctx.clock() + dt.timedelta(days=3)
    base = dict(served_document_id=notice.id, method="留置送达", recipient="青川市第二人民医院",
                served_at=served_at, place="医院行政楼", officer_ids=(o1.id, o2.id), receiver_name="孙主任",
                receiver_relation="办公室主任", receiver_signed=False)
    with pytest.raises(ValidationError) as left:  # 留置 needs a witness and a photo
        app.service_receipts.create(lead(roster), ServiceInput(**base), officer_id=o1.id, password=PASSWORD)
    assert {"service.left_without_witness", "service.left_without_photo"} <= set(left.value.codes)
    data = ServiceInput(**base, refusal_note="拒绝签收，已留置于行政楼办公室并拍照。", witness_name="李社工",
                        witness_id_number="510802198001010011", witness_relation="社区工作人员",
                        photo=signature_png(3), witness_png=signature_png(8))
    doc, _ = app.service_receipts.create(lead(roster), data, officer_id=o1.id, password=PASSWORD)
    app.signing.countersign(Actor(o2.name, o2.id), doc.id, o2.id, PASSWORD)
    served = app.service_receipts.served(notice.id)
    assert served is not None and served.method == "留置送达" and served.document_id == doc.id
    [row] = [d for d in app.signing.documents(iid) if d.kind == "notice"]
    with app.ctx.read() as s:
        from inspector_app.storage.records_orm import DocumentRow

        payload = s.get(DocumentRow, row.id).payload
    assert payload["effective_deadline"] == (served_at.date() + dt.timedelta(days=30)).isoformat()
    out = app.verification.export_record(iid, tmp_path / "service.pdf", "service")
    check_pdf(app, out, 2)
    assert app.journal.verify(iid).ok


def test_case_file_and_cli_hold_the_inquiry_and_the_proof_of_service(app, roster, org_ca, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    import zipfile

    from inspector_app.cli import main

    with_keys(app, roster, org_ca)
    iid = ready_to_sign(app, roster)
    o1, o2 = roster["officers"][0], roster["officers"][1]
    app.findings.add(lead(roster), iid, FindingData("超标准收费，收费员钱小雨（510802199203150027）经办",
                                                     amount_involved=Decimal("100.00"),
                                                     amount_to_recover=Decimal("100.00"),
                                                     legal_basis="《医疗保障基金使用监督管理条例》第三十八条"))
    for o in (o1, o2):
        app.signing.sign_record(Actor(o.name, o.id), iid, o.id, PASSWORD)
    inquiry, _ = app.inquiries.create(lead(roster), iid, inquiry_input(app, roster, refused=False),
                                      officer_id=o1.id, password=PASSWORD)
    app.signing.countersign(Actor(o2.name, o2.id), inquiry.id, o2.id, PASSWORD)
    data = ServiceInput(served_document_id=inquiry.id, method="直接送达", recipient="钱小雨",
                        served_at=app.ctx.clock(), place="医院医保办公室", officer_ids=(o1.id, o2.id),
                        receiver_name="钱小雨", receiver_relation="本人", receiver_signed=True,
                        receiver_png=signature_png(9))
    service, _ = app.service_receipts.create(lead(roster), data, officer_id=o1.id, password=PASSWORD)
    app.signing.countersign(Actor(o2.name, o2.id), service.id, o2.id, PASSWORD)
    out = app.case_files.export(iid, tmp_path / "案卷.zip", officer_id=o1.id, password=PASSWORD)
    with zipfile.ZipFile(out) as zf:
        names = zf.namelist()
        catalogue = zf.read("卷内目录.txt").decode("utf-8")
    assert any("询问笔录" in n for n in names) and any("送达回证" in n for n in names)
    # the catalogue lists the inquiry with its statutory evidence type (a witness here: 证人证言)
    assert "证据类型：证人证言" in catalogue and "证据类型：勘验笔录、现场笔录" in catalogue
    report = app.case_files.verify(out)
    assert report.ok, report
    # the publication masks the people of the inquiry too (their name and ID number typed into a finding)
    pub = app.case_files.publication(iid, tmp_path / "公开.pdf")
    published = (tmp_path / "公开.json").read_text(encoding="utf-8")
    assert pub is not None and "钱小雨" not in published and "510802199203150027" not in published
    data_dir = str(app.paths.data_dir)
    app.close()
    for kind in ("inquiry", "service"):
        pdf = tmp_path / f"{kind}.pdf"
        assert main(["export", iid, "--pdf", str(pdf), "--kind", kind, "--data-dir", data_dir]) == 0
        assert main(["verify", str(pdf), "--data-dir", data_dir]) == 0
    assert "通过" in capsys.readouterr().out
