"""Render the 封存决定书 (D10) and the 先行登记保存通知书 (D9), each with its item list (封存清单 / 物品清单): the
same page furniture, signature fields, /Info keys and embedded record.json as the other documents
(records/render.py), so signing, verification and the case file treat them alike."""

from __future__ import annotations

import base64
import hashlib
import json

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Spacer

from inspector_app import fonts
from inspector_app.domain import seizure as dz
from inspector_app.records import _layout as L
from inspector_app.records import _sections as S
from inspector_app.records._layout import P, fmt_date, fmt_dt
from inspector_app.records.model_seizure import (
    REMEDY, PreservationNotice, SealDecision, SealExtension, SeizureNotice,
)
from inspector_app.records.render import (
    IMAGES_FILE, Attachment, RenderedPdf, SigField, _head, _info, _officer_pngs, _party_decor, _record_attachment,
    _sig_slots, _warnings,
)

W = L.FRAME_W
PHOTO_W, PHOTO_H = 52 * mm, 39 * mm


def _images(n: SeizureNotice) -> tuple[Attachment, ...]:
    """Handwriting and item-photo derivatives, keyed by their own SHA-256 (records/rerender.py reads them back)."""
    pngs = [i.png for i in n.signature_images] + [p.image for p in n.photos]
    if not pngs:
        return ()
    images = {hashlib.sha256(p).hexdigest(): base64.b64encode(p).decode("ascii") for p in pngs}
    data = json.dumps({"format": "inspector-images/1", "images": images, "print_images": {}},
                      sort_keys=True).encode("utf-8")
    return (Attachment(IMAGES_FILE, data, "页面所用图像：手写签名与物品照片打印图像（按 SHA-256）"),)


def _opening(n: SeizureNotice) -> list:
    who = f"{L.esc(n.party.name)}（统一社会信用代码：{L.esc(n.party.credit_code)}）："
    if n.measure == dz.SEAL:
        text = (f"经查，{L.esc(n.reason)}。依据{L.esc(n.basis)}的规定，本机关决定自{fmt_dt(n.started_at)}起对你单位"
                f"下列物品（资料）予以封存，封存期限为{dz.SEAL_DAYS}日（至{fmt_date(n.due_on)}止）。情况复杂的，经本机关"
                f"负责人批准可以延长一次，延长期限不超过{dz.SEAL_EXTENSION_DAYS}日，延长决定将书面告知你单位。封存期间，"
                "任何单位和个人不得擅自启封、转移、隐匿、损毁、变卖封存物品。")
    else:
        text = (f"经查，{L.esc(n.reason)}。因上述证据可能灭失或者以后难以取得，经本机关负责人批准，依据"
                f"{L.esc(n.basis)}的规定，自{fmt_dt(n.started_at)}起对下列物品予以先行登记保存。保存期间，"
                f"你单位不得销毁、转移或者使用。本机关将在七日内（{fmt_date(n.due_on)}前）作出处理决定。")
    return [P(who, "plain", markup=True), P(text, "body", markup=True), Spacer(1, 2 * mm)]


def _facts(n: SeizureNotice) -> list:
    b = "cell_b"
    officers = "<br/>".join(f"{L.esc(o.name)}　执法证号：{L.esc(o.certificate_no)}" for o in n.officers)
    period = (f"{dz.SEAL_DAYS} 日，至 {fmt_date(n.due_on)} 止（可延长一次，不超过 {dz.SEAL_EXTENSION_DAYS} 日）"
              if n.measure == dz.SEAL else f"{dz.PRESERVATION_DAYS} 日内作出处理决定，至 {fmt_date(n.due_on)} 止")
    rows = [[P("执行时间", b), P(fmt_dt(n.started_at))], [P("执行地点", b), P(n.place)],
            [P("期限", b), P(period)], [P("执法人员", b), P(officers, markup=True)]]
    if n.approved_by:
        rows.append([P("批准负责人", b), P(n.approved_by)])
    if n.record_number:
        rows.append([P("现场检查笔录", b), P(n.record_number)])
    return [L.grid_table(rows, [30 * mm, W - 30 * mm], header_rows=0,
                         extra=[("BACKGROUND", (0, 0), (0, -1), L.SECTION_BG)]), Spacer(1, 3 * mm)]


def _item_list(n: SeizureNotice) -> list:
    heading = "封存清单" if n.measure == dz.SEAL else "先行登记保存物品清单"
    data: list[list] = [[P(t, "cell_b") for t in ("序号", "名称", "规格/批号", "数量", "存放地点", "状况", "照片")]]
    numbers: dict[str, int] = {}
    for it in n.items:
        for sha in it.photos:
            numbers.setdefault(sha, len(numbers) + 1)
    for i, it in enumerate(n.items, 1):
        photos = "、".join(f"照{numbers[s]}" for s in it.photos) or "—"
        data.append([P(str(i), "cell_c"), P(it.name), P(it.spec or "—"), P(f"{it.quantity} {it.unit}"),
                     P(it.location), P(it.condition or "—"), P(photos, "cell_c")])
    table = L.grid_table(data, [9 * mm, 32 * mm, 26 * mm, 18 * mm, 32 * mm, W - 131 * mm, 14 * mm])
    out: list = [L.Para(L.esc(heading), L.STYLES["h2"]), table,
                 P(f"共 {len(n.items)} 项。本清单一式两份，一份交当事人，一份附卷。", "small"), Spacer(1, 2 * mm)]
    if numbers:
        cells = []
        for sha, k in numbers.items():
            photo = n.photo(sha)
            assert photo is not None  # validate() refuses an item photo without its print derivative
            stamp = "（含时间地点标注）" if photo.stamped else ""
            cells.append([L.png_image(photo.image, PHOTO_W, PHOTO_H),
                          P(f"照{k}{stamp}　原始照片 SHA-256：{sha}", "tiny")])
        rows = [list(cells[i:i + 3]) for i in range(0, len(cells), 3)]
        rows[-1] += [""] * (3 - len(rows[-1]))
        out += [L.Para("物品照片", L.STYLES["h2"]), L.plain_table(rows, [W / 3] * 3), Spacer(1, 2 * mm)]
    return out


def render_seizure(n: SeizureNotice, fontset: fonts.FontSet) -> RenderedPdf:
    """The notice, its item list with photos, the party's signature (or refusal before a witness) and both
    officers' signature fields. The party's signature is drawn on every page's initials line."""
    n.validate()
    L.prepare(fontset)
    chash = n.content_hash()
    sink: list[SigField] = []
    story: list = _head(n.agency, n.title, n.number)
    story += _opening(n) + _facts(n) + _item_list(n)
    if n.measure == dz.SEAL:
        story.append(P(REMEDY, "body"))
    story.append(CondPageBreak(80 * mm))
    story += S.party_block(n, "当事人意见及签名")
    story += _sig_slots(n, sink, "执法人员签名")
    story.append(Spacer(1, 3 * mm))
    story.append(L.Para(f"{L.esc(n.agency)}（印章）　　本文书内容哈希：{chash}", L.STYLES["small"]))
    party_png, party_note = _party_decor(n)
    decor = L.PageDecor(header=f"{n.agency}　{n.title}　编号：{n.number}", party_png=party_png,
                        party_note=party_note, officer_pngs=_officer_pngs(n),
                        info=_info(n.KIND, n.number, chash, ""))
    pdf, pages = L.build_pdf(story, decor, title=f"{n.title} {n.number}", subject=f"{n.party.name} {n.title}",
                             author=n.agency)
    return RenderedPdf(pdf, tuple(sink), (_record_attachment(n), *_images(n)), chash, pages, _warnings(n, fontset))


def render_seal(n: SealDecision, fontset: fonts.FontSet) -> RenderedPdf:
    return render_seizure(n, fontset)


def render_preservation(n: PreservationNotice, fontset: fonts.FontSet) -> RenderedPdf:
    return render_seizure(n, fontset)


def render_extension(n: SealExtension, fontset: fonts.FontSet) -> RenderedPdf:
    """延长封存决定书: which seal, the reason, the approval, the old and the new last day; both officers sign."""
    n.validate()
    L.prepare(fontset)
    chash = n.content_hash()
    sink: list[SigField] = []
    b = "cell_b"
    story: list = _head(n.agency, n.title, n.number)
    story += [P(f"{L.esc(n.party.name)}（统一社会信用代码：{L.esc(n.party.credit_code)}）：", "plain", markup=True),
              P(f"本机关于{fmt_dt(n.started_at)}对你单位有关物品（资料）予以封存（{L.esc(n.seal_number)}），封存期限至"
                f"{fmt_date(n.due_before)}止。因{L.esc(n.reason)}，情况复杂，经本机关负责人批准，依据《中华人民共和国"
                f"行政强制法》第二十五条的规定，决定将封存期限延长{dz.SEAL_EXTENSION_DAYS}日，至{fmt_date(n.due_on)}止。"
                "封存期间，任何单位和个人不得擅自启封、转移、隐匿、损毁、变卖封存物品。", "body", markup=True),
              Spacer(1, 2 * mm)]
    officers = "<br/>".join(f"{L.esc(o.name)}　执法证号：{L.esc(o.certificate_no)}" for o in n.officers)
    rows = [[P("原封存决定书", b), P(n.seal_number)], [P("原封存期限", b), P(f"至 {fmt_date(n.due_before)} 止")],
            [P("延长后期限", b), P(f"至 {fmt_date(n.due_on)} 止（延长 {dz.SEAL_EXTENSION_DAYS} 日，仅可延长一次）")],
            [P("批准负责人", b), P(n.approved_by)], [P("决定时间", b), P(fmt_dt(n.decided_at))],
            [P("执法人员", b), P(officers, markup=True)]]
    if n.record_number:
        rows.append([P("现场检查笔录", b), P(n.record_number)])
    story += [L.grid_table(rows, [30 * mm, W - 30 * mm], header_rows=0,
                           extra=[("BACKGROUND", (0, 0), (0, -1), L.SECTION_BG)]), Spacer(1, 3 * mm),
              P(REMEDY, "body"), CondPageBreak(60 * mm)]
    story += _sig_slots(n, sink, "执法人员签名")
    story.append(Spacer(1, 3 * mm))
    story.append(L.Para(f"{L.esc(n.agency)}（印章）　　本文书内容哈希：{chash}", L.STYLES["small"]))
    decor = L.PageDecor(header=f"{n.agency}　{n.title}　编号：{n.number}", party_png=None, party_note="",
                        officer_pngs=_officer_pngs(n), info=_info(n.KIND, n.number, chash, ""))
    pdf, pages = L.build_pdf(story, decor, title=f"{n.title} {n.number}", subject=f"{n.party.name} {n.title}",
                             author=n.agency)
    images = _images_of(n)
    return RenderedPdf(pdf, tuple(sink), (_record_attachment(n), *images), chash, pages, _warnings(n, fontset))


def _images_of(n: SealExtension) -> tuple[Attachment, ...]:
    pngs = [i.png for i in n.signature_images]
    if not pngs:
        return ()
    images = {hashlib.sha256(p).hexdigest(): base64.b64encode(p).decode("ascii") for p in pngs}
    data = json.dumps({"format": "inspector-images/1", "images": images, "print_images": {}},
                      sort_keys=True).encode("utf-8")
    return (Attachment(IMAGES_FILE, data, "页面所用图像：手写签名（按 SHA-256）"),)
