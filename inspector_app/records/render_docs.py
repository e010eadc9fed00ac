"""Render the 询问笔录 (D6) and the 送达回证 (D28): the same page furniture, signature fields, /Info keys and embedded
record.json as the other documents (records/render.py), so signing, verification and the case file treat them alike."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Spacer

from inspector_app import fonts
from inspector_app.records import _layout as L
from inspector_app.records import _sections as S
from inspector_app.records import _sections_docs as SD
from inspector_app.records.model_docs import InquiryRecord, ServiceReceipt
from inspector_app.records.render import (
    RenderedPdf, SigField, _head, _info, _officer_pngs, _images_attachment, _party_decor, _record_attachment,
    _sig_slots, _warnings,
)


def render_inquiry(record: InquiryRecord, fontset: fonts.FontSet) -> RenderedPdf:
    """询问笔录: header block, rights notice and 回避, questions and answers, corrections, the person's confirmation
    (or refusal before a witness), both officers' signature fields. The person's signature (or the refusal note)
    is drawn on every page's initials line."""
    record.validate()
    L.prepare(fontset)
    chash = record.content_hash()
    sink: list[SigField] = []
    story: list = _head(record.agency, record.title, record.number)
    story += SD.inquiry_head(record)
    story += SD.inquiry_body(record)
    story.append(CondPageBreak(80 * mm))
    story += S.party_block(record, "被询问人意见及签名", who="被询问人")
    story += _sig_slots(record, sink, "询问人签名")
    story.append(Spacer(1, 3 * mm))
    story.append(L.Para(f"记录人：{L.esc(record.recorder)}　　本笔录内容哈希：{chash}", L.STYLES["small"]))
    party_png, party_note = _party_decor(record)
    decor = L.PageDecor(header=f"{record.agency}　{record.title}　编号：{record.number}",
                        party_png=party_png, party_note=party_note, party_label="被询问人",
                        officer_pngs=_officer_pngs(record),
                        info=_info(InquiryRecord.KIND, record.number, chash, ""))
    pdf, pages = L.build_pdf(story, decor, title=f"{record.title} {record.number}",
                             subject=f"{record.party.name} 询问调查", author=record.agency)
    return RenderedPdf(pdf, tuple(sink), (_record_attachment(record), *_images_attachment(record)), chash, pages,
                       _warnings(record, fontset))


def render_service(receipt: ServiceReceipt, fontset: fonts.FontSet) -> RenderedPdf:
    """送达回证: the served document, method, recipient, time and place, signature or refusal, the servers' fields."""
    receipt.validate()
    L.prepare(fontset)
    chash = receipt.content_hash()
    sink: list[SigField] = []
    story: list = _head(receipt.agency, receipt.title, receipt.number)
    story += SD.service_body(receipt)
    story += _sig_slots(receipt, sink, "送达人签名")
    story.append(Spacer(1, 3 * mm))
    story.append(L.Para(f"制作机关：{L.esc(receipt.agency)}　　本回证内容哈希：{chash}", L.STYLES["small"]))
    decor = L.PageDecor(header=f"{receipt.agency}　{receipt.title}　编号：{receipt.number}", initials=False,
                        officer_pngs=_officer_pngs(receipt),
                        info=_info(ServiceReceipt.KIND, receipt.number, chash, ""))
    pdf, pages = L.build_pdf(story, decor, title=f"{receipt.title} {receipt.number}",
                             subject=f"{receipt.party.name} 送达", author=receipt.agency)
    return RenderedPdf(pdf, tuple(sink), (_record_attachment(receipt), *_images_attachment(receipt)), chash, pages,
                       _warnings(receipt, fontset))
