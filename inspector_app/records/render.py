"""Render the 现场检查笔录 (with 证据清单 and the 全过程记录 appendix), the addendum and the 责令改正通知书 as PDF.

Each render returns a `RenderedPdf`: the bytes, the recorded signature-field boxes, the attachments the first signer
embeds (journal.json, record.json), the content hash and a list of warnings (characters missing from the font).
The record number, content hash and journal chain head are also written to the /Info dictionary (custom keys
/InspDocKind, /InspRecordNo, /InspContentHash, /InspJournalHead) so the verifier reads them without text extraction.
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, PageBreak, Spacer

from inspector_app import fonts
from inspector_app.domain.canonical import canonical_json, sha256_hex
from inspector_app.records import _layout as L
from inspector_app.records import _sections as S
from inspector_app.records import journal_words as JW
from inspector_app.records.model import (
    LEAD,
    PARTY,
    AddendumSnapshot,
    RecordSnapshot,
    RectificationNotice,
    ReinspectionRecord,
)
from inspector_app.records.plan import AGENCY_FIELD, LEAD_FIELD, officer_field

#: Names of the embedded files (also read back by verify.py).
JOURNAL_FILE = "journal.json"
RECORD_FILE = "record.json"
#: The images the pages draw, bound by the first signature beside record.json: the handwritten signature PNGs by
#: SHA-256 (record.json carries only their digests; ReportLab decodes a PNG into raw pixels, so the originals cannot
#: be read back from the pages) and each evidence photo's print JPEG digest by evidence number (the print JPEG is a
#: scaled copy of the original whose SHA-256 record.json carries; it is embedded in the page byte for byte). The
#: verifier re-renders the pages from these and record.json (records/rerender.py). Kept out of record.json so the
#: content hash stays the hash of the record's data, not of files derived for printing.
IMAGES_FILE = "images.json"
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
    return tuple(L.missing_glyph_warnings(_strings(snapshot), fonts.font_codepoints(fontset.regular)))


def _journal_attachment(number: str, content_hash: str, head: str, events: tuple[dict, ...]) -> Attachment:
    doc = {"format": "inspector-journal/1", "record_number": number, "content_hash": content_hash,
           "chain_head": head, "events": list(events)}
    data = json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")
    return Attachment(JOURNAL_FILE, data, "全过程记录（哈希链）")


def _record_attachment(snapshot: Any, canonical: str | None = None) -> Attachment:
    text = canonical if canonical is not None else canonical_json(snapshot.canonical())
    return Attachment(RECORD_FILE, text.encode("utf-8"), "文书内容（规范化 JSON）")


def _file_sha256(path: Any) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _images_attachment(snapshot: Any) -> tuple[Attachment, ...]:
    images = {hashlib.sha256(i.png).hexdigest(): base64.b64encode(i.png).decode("ascii")
              for i in getattr(snapshot, "signature_images", ())}
    prints = {e.number: _file_sha256(e.print_image) for e in getattr(snapshot, "evidence", ())
              if e.print_image is not None}
    if not images and not prints:
        return ()
    data = json.dumps({"format": "inspector-images/1", "images": images, "print_images": prints},
                      sort_keys=True).encode("utf-8")
    return (Attachment(IMAGES_FILE, data, "页面所用图像：手写签名（按 SHA-256）与证据照片打印图像的 SHA-256"),)


def _info(kind: str, number: str, content_hash: str, head: str) -> dict[str, str]:
    info = {INFO_KIND: kind, INFO_NUMBER: number, INFO_HASH: content_hash}
    if head:
        info[INFO_HEAD] = head
    return info


def _head(agency: str, title: str, number: str) -> list:
    return [L.Para(L.esc(agency), L.STYLES["agency"]), Spacer(1, 2 * mm),
            L.Para(L.esc(title), L.STYLES["title"]), L.Para(f"编号：{L.esc(number)}", L.STYLES["docno"]),
            L.Rule(), Spacer(1, 2 * mm)]


def _officer_pngs(snapshot: Any) -> tuple[bytes, ...]:
    return tuple(p for p in (snapshot.image_for(o.officer_id) for o in snapshot.officers) if p)


def _party_decor(snapshot: Any) -> tuple[bytes | None, str]:
    if snapshot.party_signoff.refused:
        return None, "拒绝签字（见签名页）"
    return snapshot.image_for("party"), ""


#: Roles as the records print them. The team's first officer is the 主办执法人员 (the UI's team leader); 组长 is
#: reserved for the reviewing team lead who approves and countersigns after review (never a member of the team).
ROLE_FIRST, ROLE_OTHER, ROLE_LEAD = "主办执法人员", "协办执法人员", "组长（审核）"


def _sig_slots(snapshot: Any, sink: list[SigField], heading: str, *, draft: bool = False) -> list:
    # Field names come from plan.py, which the verifier uses to bind each field to its person and role.
    slots = [(o.officer_id, officer_field(i), o, ROLE_FIRST if i == 1 else ROLE_OTHER)
             for i, o in enumerate(snapshot.officers, 1)]
    lead = getattr(snapshot, "team_lead", None)
    if lead is not None:
        slots.append((LEAD, LEAD_FIELD, lead, ROLE_LEAD))
    return S.signature_slots(slots, sink, heading, draft=draft)


def _journal_masker(snapshot: Any) -> Any:
    """Who the printed journal must not expose: the party's people (names, ID and phone numbers)."""
    c = getattr(snapshot, "contact", None)
    so = snapshot.party_signoff
    w = so.witness
    names = (c.name if c else "", so.signer_name, w.name if w else "")
    literals = (c.id_number if c else "", c.phone if c else "", w.id_number if w else "")
    p, lead = snapshot.party, getattr(snapshot, "team_lead", None)
    keep = (p.name, p.credit_code, p.designation_code, p.address, snapshot.agency,
            *(o.name for o in snapshot.officers), *((lead.name,) if lead else ()))
    return JW.masker_for(names, literals, keep)


DRAFT_KIND = "inspection_record_draft"
DRAFT_NOTE = ("本文件为现场检查笔录草稿，供当事人在签字前阅读核对，不是笔录，不能签名，不具有法律效力。"
              "正式笔录以执法人员签名后的文件为准；草稿印制后内容仍可能修改。")


# ------------------------------------------------------------------------------------------------ documents


def render_record(snapshot: RecordSnapshot, fontset: fonts.FontSet, *, include_photos: bool = True,
                  draft: bool = False) -> RenderedPdf:
    """现场检查笔录 + 证据清单 + 全过程记录 appendix. Raises domain ValidationError on an incomplete snapshot.

    `draft=True` renders the party's reading copy from unfrozen data (issue 13 item 4): 草稿 on every page, a note
    that it is not a record, no signature fields, no embedded record/journal and no per-page initials line, and its
    /Info kind is `inspection_record_draft`, so nothing can sign it or verify it as a record. Signature problems of the
    snapshot (no party sign-off yet, no number) are expected then and not checked."""
    if not draft:
        snapshot.validate()
    L.prepare(fontset)
    canonical = snapshot.canonical_json()  # once: the hash and the embedded record.json are the same text
    chash = sha256_hex(canonical)
    sink: list[SigField] = []
    title = snapshot.title + ("（草稿）" if draft else "")
    number = snapshot.number or "（未编号）"
    story: list = _head(snapshot.agency, title, number)
    if draft:
        story += S.draft_note(DRAFT_NOTE, L.fmt_dt(snapshot.ended_at))
    story += S.record_info_block(snapshot)
    story += S.notice_and_recusal(snapshot)
    story += S.checklist_section(snapshot.checklist)
    story += S.findings_section(snapshot)
    story += S.evidence_section(snapshot.evidence, include_photos=include_photos, with_confirmation=True,
                                confirmation=snapshot.evidence_confirmation, party_png=snapshot.image_for(PARTY))
    story.append(CondPageBreak(95 * mm))
    story += S.party_block(snapshot, "五、当事人意见及签名", draft=draft)
    story += _sig_slots(snapshot, sink, "六、执法人员签名", draft=draft)
    story.append(Spacer(1, 3 * mm))
    story.append(L.Para(f"制作机关：{L.esc(snapshot.agency)}　　记录人：{L.esc(snapshot.recorder)}",
                        L.STYLES["plain"]))
    story.append(PageBreak())
    story += S.journal_appendix(snapshot.journal, snapshot.chain_head, chash, _journal_masker(snapshot))
    party_png, party_note = _party_decor(snapshot)
    kind = DRAFT_KIND if draft else RecordSnapshot.KIND
    decor = L.PageDecor(header=f"{snapshot.agency}　{title}　编号：{number}", initials=not draft,
                        party_png=party_png, party_note=party_note, officer_pngs=_officer_pngs(snapshot),
                        info=_info(kind, number, chash, snapshot.chain_head), watermark="草稿" if draft else "")
    pdf, pages = L.build_pdf(story, decor, title=f"{title} {number}",
                             subject=f"{snapshot.party.name} 现场检查", author=snapshot.agency)
    attachments = () if draft else (
        _journal_attachment(snapshot.number, chash, snapshot.chain_head, snapshot.journal),
        _record_attachment(snapshot, canonical), *_images_attachment(snapshot))
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
        story += S.journal_appendix(addendum.journal, addendum.chain_head, chash, _journal_masker(addendum))
    party_png, party_note = _party_decor(addendum)
    decor = L.PageDecor(header=f"{addendum.agency}　{addendum.title}　编号：{addendum.number}",
                        party_png=party_png, party_note=party_note, officer_pngs=_officer_pngs(addendum),
                        info=_info(AddendumSnapshot.KIND, addendum.number, chash, addendum.chain_head))
    pdf, pages = L.build_pdf(story, decor, title=f"{addendum.title} {addendum.number}",
                             subject=f"补正 {addendum.original_number}", author=addendum.agency)
    attachments = [_record_attachment(addendum), *_images_attachment(addendum)]
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
    story.append(L.Para(f"制作机关：{L.esc(record.agency)}　　本记录内容哈希：{chash}", L.STYLES["small"]))
    decor = L.PageDecor(header=f"{record.agency}　{record.title}　编号：{record.number}", initials=False,
                        info=_info(ReinspectionRecord.KIND, record.number, chash, ""))
    pdf, pages = L.build_pdf(story, decor, title=f"{record.title} {record.number}",
                             subject=f"{record.party.name} 整改复查", author=record.agency)
    return RenderedPdf(pdf, tuple(sink), (_record_attachment(record), *_images_attachment(record)), chash, pages,
                       _warnings(record, fontset))
