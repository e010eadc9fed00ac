"""The demo's on-site document set: a 询问笔录 of a witness (five questions, one correction, signed by both
questioners), the 送达回证 of the rectification notice (直接送达, signed for), a 封存决定书 with its list and a
stamped photo (30-day clock running) and a 先行登记保存通知书 refused before a witness (7-day clock). Fictional
people only."""

from __future__ import annotations

import datetime as dt
from typing import Any

from inspector_app.records import model_docs as md
from inspector_app.services.context import Actor
from inspector_app.services.inquiries import InquiryInput
from inspector_app.services.service_receipts import ServiceInput
from inspector_app.services.signature_art import demo_strokes, strokes_to_png

ANSWERS = ("我叫冯雅琴，在医院收费处工作，负责住院费用录入和结算。",
           "医保工作由医保办负责，主任是郑嘉禾，收费处按医保办的要求操作。",
           "抽查的住院病历中有项目对照错误的情况，我录入时按系统默认项目收费，不清楚对照有误。",
           "费用由收费处在出院时结算，系统自动上传医保平台，由信息科维护接口。",
           "没有需要补充的。")


def add_onsite_documents(app: Any, iid: str, officers: list[Any], passwords: dict[str, str], notice_id: str,
                         say: Any) -> None:
    o1, o2 = officers[0], officers[1]
    now = app.ctx.clock()
    unit = app.queries.summary(iid).institution_name
    qa = tuple(md.QA(q, a, ("H-09.1",) if n == 2 else ())
               for n, (q, a) in enumerate(zip(app.inquiries.question_templates(), ANSWERS, strict=False)))
    data = InquiryInput(
        role="witness", person=md.InquiryPerson("冯雅琴", "女", "37990219900305002X", unit, "收费员",
                                                "住院收费经办人员", "0537-4012001"),
        started_at=now, ended_at=now + dt.timedelta(minutes=35), place="医院医保办公室",
        officer_ids=(o1.id, o2.id), recorder_id=o2.id, recusal_answer="不申请回避。", qa=qa,
        corrections=(md.Correction("问答3", "系统默认项目", "系统默认对照的项目", "冯"),),
        person_png=strokes_to_png(demo_strokes(300)))
    inquiry, _ = app.inquiries.create(Actor(o1.name, o1.id), iid, data, officer_id=o1.id, password=passwords[o1.id])
    app.signing.countersign(Actor(o2.name, o2.id), inquiry.id, o2.id, passwords[o2.id])
    say("已签名的询问笔录")
    service = ServiceInput(served_document_id=notice_id, method="直接送达", recipient=unit,
                           served_at=app.ctx.clock(), place="医院行政楼医保办", officer_ids=(o1.id, o2.id),
                           receiver_name="郑嘉禾", receiver_relation="医保办主任", receiver_signed=True,
                           receiver_png=strokes_to_png(demo_strokes(301)))
    doc, _ = app.service_receipts.create(Actor(o1.name, o1.id), service, officer_id=o1.id, password=passwords[o1.id])
    app.signing.countersign(Actor(o2.name, o2.id), doc.id, o2.id, passwords[o2.id])
    say("已签名的送达回证")
    add_seizures(app, iid, officers, passwords, unit, say)


def add_seizures(app: Any, iid: str, officers: list[Any], passwords: dict[str, str], unit: str, say: Any) -> None:
    from inspector_app.domain import seizure as dz
    from inspector_app.records import model as rm
    from inspector_app.demo.media import site_photo
    from inspector_app.services.seizures import ItemInput, SeizureInput

    o1, o2 = officers[0], officers[1]
    now = app.ctx.clock()
    cabinet = site_photo("病案室3号柜（封存）", now, seed=31)
    seal = SeizureInput(
        measure=dz.SEAL, reason="该院涉嫌将甲类检查项目串换为乙类项目收费，相关住院病历和收费底单可能被修改",
        started_at=now, place=f"{unit}病案室", officer_ids=(o1.id, o2.id),
        items=(ItemInput("住院病历（2026年9月出院）", "18", "册", "病案室3号柜", "病案号2609-0101至0118",
                         "完好，柜门已贴封条", (cabinet,)),
               ItemInput("住院收费底单", "1", "盒", "收费处档案柜", "2026年9月", "装盒，已贴封条")),
        signer_name="郑嘉禾", party_png=strokes_to_png(demo_strokes(302)))
    doc, _ = app.seizures.create(Actor(o1.name, o1.id), iid, seal, officer_id=o1.id, password=passwords[o1.id])
    app.signing.countersign(Actor(o2.name, o2.id), doc.id, o2.id, passwords[o2.id])
    say("已签名的封存决定书")
    [sealed] = [s for s in app.seizures.of_inspection(iid) if s.document_id == doc.id]
    ext, _ = app.seizures.extend(Actor(o1.name, o1.id), sealed.id, "涉及住院病历数量多，需调取医院信息系统日志逐份比对",
                                 approved_by="局长 卢振华", officer_ids=(o1.id, o2.id), officer_id=o1.id,
                                 password=passwords[o1.id])
    app.signing.countersign(Actor(o2.name, o2.id), ext.id, o2.id, passwords[o2.id])
    say("已签名的延长封存决定书")
    keep = SeizureInput(
        measure=dz.PRESERVATION, reason="信息科服务器中的医保接口日志可能被覆盖，以后难以取得",
        started_at=now, place=f"{unit}信息科机房", officer_ids=(o1.id, o2.id),
        items=(ItemInput("医保接口日志备份光盘", "2", "张", "信息科机房保险柜", "2026年9月至10月",
                         "已刻录，装袋封口"),),
        approved_by="局长 卢振华", refused=True, refusal_reason="认为日志属于内部资料",
        witness=rm.Witness("孔德明", "37990219850606003X", "医院信息科工作人员"),
        officer_note="已向当事人宣读通知书，其拒绝签名，邀请见证人到场见证。",
        witness_png=strokes_to_png(demo_strokes(303)))
    doc, _ = app.seizures.create(Actor(o1.name, o1.id), iid, keep, officer_id=o1.id, password=passwords[o1.id])
    app.signing.countersign(Actor(o2.name, o2.id), doc.id, o2.id, passwords[o2.id])
    say("已签名的先行登记保存通知书")
