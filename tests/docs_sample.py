"""Sample 询问笔录 and 送达回证 snapshots for the records tests (fictional people)."""

from __future__ import annotations

import datetime as dt

from inspector_app.records.model import CN_TZ, PARTY, WITNESS, PartySignOff, SignatureImage, Witness
from inspector_app.records.model_docs import (
    CONFIRMATION, RIGHTS_NOTICE, Correction, InquiryPerson, InquiryRecord, QA, ServiceReceipt,
)
from tests import records_sample as rs

T0 = dt.datetime(2026, 11, 20, 10, 5, tzinfo=CN_TZ)
QUESTIONS = ("请介绍你的工作职责。", "2026年度住院病历由谁负责管理？", "床头卡与住院登记不符的情况你是否知情？",
             "医保结算数据由谁上传？", "你还有什么需要补充的吗？")


def inquiry(*, refused: bool = False) -> InquiryRecord:
    qa = tuple(QA(q, f"回答{i}：情况属实，由医务科负责。", ("H-04",) if i == 3 else ())
               for i, q in enumerate(QUESTIONS, 1))
    if refused:
        signoff = PartySignOff(opinion=CONFIRMATION, signed_at=T0 + dt.timedelta(minutes=50), refused=True,
                               refusal_reason="认为记录与其陈述有出入",
                               witness=Witness("赵见明", "510802198805061234", "医院保卫科科员"),
                               officer_note="已向被询问人宣读笔录，其拒绝签名，邀请见证人到场见证。")
        images = (SignatureImage(WITNESS, rs.signature_png(7)),)
    else:
        signoff = PartySignOff(signer_name="钱小雨", opinion=CONFIRMATION, signed_at=T0 + dt.timedelta(minutes=50))
        images = (SignatureImage(PARTY, rs.signature_png(5)),)
    images += tuple(SignatureImage(o.officer_id, rs.signature_png(i)) for i, o in enumerate(rs.OFFICERS[:2], 1))
    return InquiryRecord(
        number="医保询〔2026〕1号", agency="青川市医疗保障局", party=rs.PARTY_UNIT, record_number="医保检〔2026〕7号",
        role="witness", person=InquiryPerson("钱小雨", "女", "510802199203150027", "青川市第二人民医院", "病案室科员",
                                             "病案管理人员", "13800000000"),
        started_at=T0, ended_at=T0 + dt.timedelta(minutes=45), place="青川市第二人民医院医保办公室",
        officers=rs.OFFICERS[:2], recorder=rs.OFFICERS[1].name, rights_notice=RIGHTS_NOTICE,
        recusal_answer="不申请回避。", qa=qa,
        corrections=(Correction("问答2", "医务科", "病案室", "钱"),), person_signoff=signoff, signature_images=images)


def service(method: str = "留置送达") -> ServiceReceipt:
    return ServiceReceipt(
        number="医保送〔2026〕1号", agency="青川市医疗保障局", party=rs.PARTY_UNIT,
        document_title="责令改正（限期整改）通知书", document_number="医保改〔2026〕3号", document_hash="ab" * 32,
        method=method, recipient=rs.PARTY_UNIT.name, receiver_name="孙主任", receiver_relation="办公室主任",
        served_at=T0, place="青川市第二人民医院行政楼", officers=rs.OFFICERS[:2], receiver_signed=False,
        refusal_note="受送达人拒绝签收，已将文书留置于医院行政楼办公室并拍照。", witness_name="李社工",
        witness_id_number="510802198001010011", witness_relation="所在社区工作人员", photo_sha256="cd" * 32,
        signature_images=(SignatureImage(WITNESS, rs.signature_png(8)),))
