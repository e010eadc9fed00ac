"""Render the 现场检查笔录 (with 证据清单 and the 全过程记录 appendix), the addendum and the 责令改正通知书 as PDF.

Each render returns a `RenderedPdf`: the bytes, the recorded signature-field boxes, the attachments the first signer
embeds (journal.json, record.json), the content hash and a list of warnings (characters missing from the font).
The record number, content hash and journal chain head are also written to the /Info dictionary (custom keys
/InspDocKind, /InspRecordNo, /InspContentHash, /InspJournalHead) so the verifier reads them without text extraction.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, PageBreak, Paragraph, Spacer

from inspector_app import fonts
from inspector_app.domain.canonical import canonical_json
from inspector_app.records import _layout as L
from inspector_app.records import _sections as S
from inspector_app.records.model import (
    LEAD,
    AddendumSnapshot,
    RecordSnapshot,
    RectificationNotice,
    ReinspectionRecord,
)
from inspector_app.records.plan import AGENCY_FIELD, LEAD_FIELD, officer_field

#: Names of the embedded files (also read back by verify.py).
JOURNAL_FILE = "journal.json"
RECORD_FILE = "record.json"
INFO_KIND, INFO_NUMBER, INFO_HASH, INFO_HEAD = "InspDocKind", "InspRecordNo", "InspContentHash", "InspJournalHead"

SigField = L.SigField


@dataclass(frozen=True, slots=True)
class Attachment:
    name: str
    data: bytes
    description: str
    mime: str = "application/json"


@dataclass(frozen=True, slots=True)
class RenderedPdf:
    pdf: bytes
    fields: tuple[SigField, ...]
    attachments: tuple[Attachment, ...]
    content_hash: str
    page_count: int
    warnings: tuple[str, ...]

    def field_for(self, signer: str) -> SigField:
        for f in self.fields:
            if f.signer == signer:
                return f
        raise KeyError(signer)


# ------------------------------------------------------------------------------------------------ helpers


def _strings(value: Any, path: str = "") -> list[tuple[str, str]]:
    """(field path, text) for every string in a snapshot, for the missing-glyph check."""
    out: list[tuple[str, str]] = []
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            out += _strings(getattr(value, f.name), f"{path}.{f.name}" if path else f.name)
    elif isinstance(value, str):
        if value:
            out.append((path, value))
    elif isinstance(value, dict):
        for k, v in value.items():
            out += _strings(v, f"{path}.{k}")
    elif isinstance(value, (list, tuple)):
        for i, v in enumerate(value):
            out += _strings(v, f"{path}[{i}]")
    return out


def _warnings(snapshot: Any, fontset: fonts.FontSet) -> tuple[str, ...]:
    return tuple(L.missing_glyph_warnings(_strings(snapshot), fontset.regular, fonts.missing_glyphs))


def _journal_attachment(number: str, content_hash: str, head: str, events: tuple[dict, ...]) -> Attachment:
    doc = {"format": "inspector-journal/1", "record_number": number, "content_hash": content_hash,
           "chain_head": head, "events": list(events)}
    data = json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")
    return Attachment(JOURNAL_FILE, data, "全过程记录（哈希链）")


def _record_attachment(snapshot: Any) -> Attachment:
    return Attachment(RECORD_FILE, canonical_json(snapshot.canonical()).encode("utf-8"), "文书内容（规范化 JSON）")


def _info(kind: str, number: str, content_hash: str, head: str) -> dict[str, str]:
    info = {INFO_KIND: kind, INFO_NUMBER: number, INFO_HASH: content_hash}
    if head:
        info[INFO_HEAD] = head
    return info


def _head(agency: str, title: str, number: str) -> list:
    return [Paragraph(L.esc(agency), L.STYLES["agency"]), Spacer(1, 2 * mm),
            Paragraph(L.esc(title), L.STYLES["title"]), Paragraph(f"编号：{L.esc(number)}", L.STYLES["docno"]),
            L.Rule(), Spacer(1, 2 * mm)]


def _officer_pngs(snapshot: Any) -> tuple[bytes, ...]:
    return tuple(p for p in (snapshot.image_for(o.officer_id) for o in snapshot.officers) if p)


def _party_decor(snapshot: Any) -> tuple[bytes | None, str]:
    if snapshot.party_signoff.refused:
        return None, "拒绝签字（见签名页）"
    return snapshot.image_for("party"), ""


def _sig_slots(snapshot: Any, sink: list[SigField], heading: str) -> list:
    # Field names come from plan.py, which the verifier uses to bind each field to its person and role.
    slots = [(o.officer_id, officer_field(i), o, "执法人员") for i, o in enumerate(snapshot.officers, 1)]
    lead = getattr(snapshot, "team_lead", None)
    if lead is not None:
        slots.append((LEAD, LEAD_FIELD, lead, "检查组组长（审核）"))
    return S.signature_slots(slots, sink, heading)


# ------------------------------------------------------------------------------------------------ documents


def render_record(snapshot: RecordSnapshot, fontset: fonts.FontSet, *, include_photos: bool = True) -> RenderedPdf:
    """现场检查笔录 + 证据清单 + 全过程记录 appendix. Raises domain ValidationError on an incomplete snapshot."""
    snapshot.validate()
    L.prepare(fontset)
    chash = snapshot.content_hash()
    sink: list[SigField] = []
    story: list = _head(snapshot.agency, snapshot.title, snapshot.number)
    story += S.record_info_block(snapshot)
    story += S.notice_and_recusal(snapshot)
    story += S.checklist_section(snapshot.checklist)
    story += S.findings_section(snapshot)
    story += S.evidence_section(snapshot.evidence, include_photos=include_photos)
    story.append(CondPageBreak(95 * mm))
    story += S.party_block(snapshot, "五、当事人意见及签名")
    story += _sig_slots(snapshot, sink, "六、执法人员签名")
    story.append(Spacer(1, 3 * mm))
    story.append(Paragraph(f"制作机关：{L.esc(snapshot.agency)}　　记录人：{L.esc(snapshot.recorder)}",
                           L.STYLES["plain"]))
    story.append(PageBreak())
    story += S.journal_appendix(snapshot.journal, snapshot.chain_head, chash)
    party_png, party_note = _party_decor(snapshot)
    decor = L.PageDecor(header=f"{snapshot.agency}　{snapshot.title}　编号：{snapshot.number}",
                        party_png=party_png, party_note=party_note, officer_pngs=_officer_pngs(snapshot),
                        info=_info(RecordSnapshot.KIND, snapshot.number, chash, snapshot.chain_head))
    pdf, pages = L.build_pdf(story, decor, title=f"{snapshot.title} {snapshot.number}",
                             subject=f"{snapshot.party.name} 现场检查", author=snapshot.agency)
    attachments = (_journal_attachment(snapshot.number, chash, snapshot.chain_head, snapshot.journal),
                   _record_attachment(snapshot))
    return RenderedPdf(pdf, tuple(sink), attachments, chash, pages, _warnings(snapshot, fontset))


def render_addendum(addendum: AddendumSnapshot, fontset: fonts.FontSet) -> RenderedPdf:
    """补正说明: links to the original record (number + content hash), reason, changes, signatures."""
    addendum.validate()
    L.prepare(fontset)
    chash = addendum.content_hash()
    sink: list[SigField] = []
    story: list = _head(addendum.agency, addendum.title, addendum.number)
    story += S.addendum_body(addendum)
    story += S.party_block(addendum, "三、当事人意见及签名")
    story += _sig_slots(addendum, sink, "四、执法人员签名")
    if addendum.journal:
        story.append(PageBreak())
        story += S.journal_appendix(addendum.journal, addendum.chain_head, chash)
    party_png, party_note = _party_decor(addendum)
    decor = L.PageDecor(header=f"{addendum.agency}　{addendum.title}　编号：{addendum.number}",
                        party_png=party_png, party_note=party_note, officer_pngs=_officer_pngs(addendum),
                        info=_info(AddendumSnapshot.KIND, addendum.number, chash, addendum.chain_head))
    pdf, pages = L.build_pdf(story, decor, title=f"{addendum.title} {addendum.number}",
                             subject=f"补正 {addendum.original_number}", author=addendum.agency)
    attachments = [_record_attachment(addendum)]
    if addendum.journal:
        attachments.insert(0, _journal_attachment(addendum.number, chash, addendum.chain_head, addendum.journal))
    return RenderedPdf(pdf, tuple(sink), tuple(attachments), chash, pages, _warnings(addendum, fontset))


def render_notice(notice: RectificationNotice, fontset: fonts.FontSet) -> RenderedPdf:
    """责令改正（限期整改）通知书, with a signature field for the issuing officer and a seal placeholder."""
    notice.validate()
    L.prepare(fontset)
    chash = notice.content_hash()
    sink: list[SigField] = []
    story: list = _head(notice.agency, notice.title, notice.number)
    story += S.notice_body(notice)
    closing: list = []
    if notice.signer is not None:
        closing += S.signature_slots([(notice.signer.officer_id, AGENCY_FIELD, notice.signer, "承办执法人员")], sink)
    closing += S.notice_closing(notice)
    story += closing
    decor = L.PageDecor(header=f"{notice.agency}　{notice.title}　{notice.number}", initials=False,
                        info=_info(RectificationNotice.KIND, notice.number, chash, ""))
    pdf, pages = L.build_pdf(story, decor, title=f"{notice.title} {notice.number}",
                             subject=f"{notice.party.name} 限期整改", author=notice.agency)
    return RenderedPdf(pdf, tuple(sink), (_record_attachment(notice),), chash, pages, _warnings(notice, fontset))


def render_reinspection(record: ReinspectionRecord, fontset: fonts.FontSet, *,
                        include_photos: bool = True) -> RenderedPdf:
    """整改复查记录: the notice it follows, what was seen, the result, its own 证据清单, the officers' signatures."""
    record.validate()
    L.prepare(fontset)
    chash = record.content_hash()
    sink: list[SigField] = []
    story: list = _head(record.agency, record.title, record.number)
    story += S.reinspection_body(record)
    story += S.evidence_section(record.evidence, include_photos=include_photos)
    story.append(CondPageBreak(60 * mm))
    story += _sig_slots(record, sink, "五、执法人员签名")
    story.append(Spacer(1, 3 * mm))
    story.append(Paragraph(f"制作机关：{L.esc(record.agency)}　　本记录内容哈希：{chash}", L.STYLES["small"]))
    decor = L.PageDecor(header=f"{record.agency}　{record.title}　编号：{record.number}", initials=False,
                        info=_info(ReinspectionRecord.KIND, record.number, chash, ""))
    pdf, pages = L.build_pdf(story, decor, title=f"{record.title} {record.number}",
                             subject=f"{record.party.name} 整改复查", author=record.agency)
    return RenderedPdf(pdf, tuple(sink), (_record_attachment(record),), chash, pages, _warnings(record, fontset))
