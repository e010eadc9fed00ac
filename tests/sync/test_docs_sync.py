"""The on-site documents' rows and the complete 证据清单 reach the team's second laptop through the real server
process: a signed 询问笔录 (its row without the person's data; the name read there from the signed PDF), a 送达回证
by 留置送达 with its photo, the evidence items' statutory type, provider and pages and the party's confirmation —
and the signed PDFs verify on the second laptop."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from decimal import Decimal

from sqlalchemy import select

from inspector_app.domain.evidence import Measure
from inspector_app.domain.findings import FindingData
from inspector_app.records import model_docs as md
from inspector_app.records import pki
from inspector_app.server.models import Conflict, Mutation, Record
from inspector_app.services.context import Actor
from inspector_app.services.inquiries import InquiryInput
from inspector_app.services.service_receipts import ServiceInput
from inspector_app.storage.docs_orm import InquiryRow, ServiceReceiptRow
from tests import imaging
from tests.records_sample import signature_png
from tests.sync.harness import OFFICERS
from tests.sync.test_engine_e2e import LEAD, create_inspection
from tests.sync.test_review_sync import EPOCH, PW, _keys, _sign

ID_NUMBER = "510802199203150027"
O1, O2 = (Actor(name, oid) for oid, name, _c in OFFICERS[:2])


def _inquiry(a, iid: str) -> None:  # type: ignore[no-untyped-def]
    t0 = a.ctx.clock()
    data = InquiryInput(
        role="witness", person=md.InquiryPerson("钱小雨", "女", ID_NUMBER, "青川市第二人民医院", "病案室科员",
                                                "病案管理人员", "13800000000"),
        started_at=t0, ended_at=t0 + dt.timedelta(minutes=30), place="医院医保办公室",
        officer_ids=(O1.officer_id, O2.officer_id), recorder_id=O2.officer_id, recusal_answer="不申请回避。",
        qa=(md.QA("请介绍你的工作职责。", "负责病案管理。"), md.QA("住院病历由谁保管？", "病案室。")),
        person_png=signature_png(5))
    doc, _ = a.app.inquiries.create(LEAD, iid, data, officer_id=O1.officer_id, password=PW)
    a.app.signing.countersign(O2, doc.id, O2.officer_id, PW)


def _receipt(a, iid: str) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    notice, _ = a.app.documents.create_notice(LEAD, iid, deadline=a.ctx.clock().date() + dt.timedelta(days=30),
                                              officer_id=O1.officer_id, password=PW)
    photo = imaging.exif_jpeg(seed=11)
    data = ServiceInput(
        served_document_id=notice.id, method="留置送达", recipient="测试市人民医院", served_at=a.ctx.clock(),
        place="医院行政楼", officer_ids=(O1.officer_id, O2.officer_id), receiver_name="孙主任",
        receiver_relation="办公室主任", refusal_note="拒绝签收，已留置并拍照。", witness_name="李社工",
        witness_id_number="510802198001010011", witness_relation="社区工作人员", photo=photo,
        witness_png=signature_png(8))
    doc, _ = a.app.service_receipts.create(LEAD, data, officer_id=O1.officer_id, password=PW)
    a.app.signing.countersign(O2, doc.id, O2.officer_id, PW)
    return notice.id, hashlib.sha256(photo).hexdigest()


def test_inquiry_receipt_photo_and_evidence_list_reach_the_second_laptop(sqlite_world, tmp_path) -> None:  # type: ignore[no-untyped-def]
    a = sqlite_world.make_client("a", "alice")
    b = sqlite_world.make_client("b", "bob")
    ca = pki.create_ca("测试市医疗保障局", not_before=EPOCH)
    _keys(a, ca, OFFICERS[:2])
    b.app.keys.add_trust_root(ca.cert)
    b.app.keys.add_crl(pki.make_crl(ca))
    assert a.engine.sync_round().ok
    iid = create_inspection(a)
    a.app.findings.add(LEAD, iid, FindingData("超标准收费", amount_involved=Decimal("100.00"),
                                              amount_to_recover=Decimal("100.00"),
                                              legal_basis="《医疗保障基金使用监督管理条例》第三十八条"))
    src = tmp_path / "清单.pdf"
    src.write_bytes(imaging.pdf_bytes(2))
    ev = a.app.evidence.import_files(LEAD, iid, [src], measure=Measure.COPY, caption="住院清单复印件").imported[0]
    a.app.evidence_list.set_details(LEAD, ev.id, evidence_type="书证", provider="王丽（医务科科长）", page_count=2,
                                    measure="复印")
    a.app.evidence_list.confirm(LEAD, iid, refused=False, signer_name="周一鸣")
    _inquiry(a, iid)
    _sign(a, iid)
    notice_id, photo_sha = _receipt(a, iid)
    result = a.engine.sync_round()
    assert result.ok, result.error
    with sqlite_world.db.read() as s:
        rejected = [(m.entity, m.reason) for m in s.scalars(select(Mutation)) if m.outcome == "rejected"]
        assert not rejected, rejected
        # the confirmation and the new evidence fields are part of what the record's signature covers
        assert not [c.kind for c in s.scalars(select(Conflict))], "the server's signing hash matches the client's"
        assert s.get(Record, ("inspection", iid)).state == "signed"
        wire = {r.entity: r.data for r in s.scalars(select(Record).where(
            Record.entity.in_(["inquiry", "service_receipt", "evidence_confirmation"])))}
    assert set(wire) == {"inquiry", "service_receipt", "evidence_confirmation"}
    text = json.dumps(wire, ensure_ascii=False)
    assert ID_NUMBER not in text and "钱小雨" not in text and "510802198001010011" not in text, "no personal data"
    assert wire["service_receipt"]["photo_sha256"] == photo_sha

    result = b.engine.sync_round()
    assert result.ok, result.error
    with b.ctx.read() as s:
        [inq] = s.scalars(select(InquiryRow).where(InquiryRow.inspection_id == iid)).all()
        [rec] = s.scalars(select(ServiceReceiptRow).where(ServiceReceiptRow.inspection_id == iid)).all()
        assert inq.person_name == "" and rec.photo_sha256 == photo_sha
    [dto] = b.app.inquiries.of_inspection(iid)
    assert (dto.person_name, dto.role, dto.refused) == ("钱小雨", "witness", False), "read from the signed PDF"
    served = b.app.service_receipts.served(notice_id)
    assert served is not None and served.method == "留置送达" and not served.receiver_signed
    assert b.ctx.blobs.has(photo_sha), "the 留置送达 photo was fetched"
    [copy] = b.app.evidence.list(iid)
    assert (copy.evidence_type, copy.provider, copy.page_count) == ("书证", "王丽（医务科科长）", 2)
    c = b.app.evidence_list.confirmation(iid)
    assert c is not None and c.signer_name == "周一鸣" and c.current
    for kind in ("inquiry", "service", "record"):
        out = b.app.verification.export_record(iid, tmp_path / f"b-{kind}.pdf", kind)
        report = b.app.verification.verify(out)
        assert report.ok, (kind, report.reasons)
        assert "visible_content_matches" in {x.code for x in report.checks}, kind
