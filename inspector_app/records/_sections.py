"""The sections of the 现场检查笔录 (D4) and its 证据清单 (D7), and the journal appendix, as platypus flowables."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PIL import Image as PILImage
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Image, KeepTogether, Paragraph, Spacer

from inspector_app.domain.canonical import canonical_json
from inspector_app.records import _layout as L
from inspector_app.records._layout import P, fmt_date, fmt_dt, fmt_money, fmt_time
from inspector_app.records.model import (
    PARTY, WITNESS, ChecklistRow, EvidenceRow, Officer, RecordSnapshot,
)

W = L.FRAME_W
STATE_ZH = {"compliant": "符合", "violation": "违规", "not_applicable": "不适用", "unanswered": "未检查"}
EVENT_ZH = {
    "inspection.created": "创建检查任务", "inspection.status_changed": "状态变更", "template.pinned": "锁定检查表版本",
    "team.member_added": "加入检查组", "team.credentials_shown": "出示执法证件（亮证）",
    "team.recusal_declared": "回避声明", "answer.changed": "记录检查结果", "finding.added": "记录发现问题",
    "finding.changed": "修改发现问题", "finding.removed": "删除发现问题", "evidence.added": "采集证据",
    "record.signed": "笔录签名", "record.addendum": "笔录补正", "institution.added": "新增机构",
    "officer.added": "新增执法人员",
}


def _h(text: str) -> Paragraph:
    return Paragraph(L.esc(text), L.STYLES["h2"])


def record_info_block(s: RecordSnapshot) -> list:
    p = s.party
    same_day = s.started_at.astimezone(L.CN_TZ).date() == s.ended_at.astimezone(L.CN_TZ).date()
    end = fmt_time(s.ended_at) if same_day else fmt_dt(s.ended_at)
    period = (f"{fmt_date(s.period_from)} 至 {fmt_date(s.period_to)}"
              if s.period_from or s.period_to else "—")
    c = s.contact
    contact = "，".join(x for x in (c.name, c.position and f"职务：{c.position}",
                                    c.id_number and f"身份证号：{c.id_number}", c.phone and f"电话：{c.phone}") if x)
    officers = "<br/>".join(
        f"{L.esc(o.name)}　执法证号：{L.esc(o.certificate_no)}　亮证时间：{fmt_dt(o.credentials_shown_at)}"
        for o in s.officers)
    category = "／".join(x for x in (p.category, p.level) if x) or "—"
    b = "cell_b"
    rows = [
        [P("检查时间", b), P(f"{fmt_dt(s.started_at)} 至 {end}"), "", ""],
        [P("检查地点", b), P(s.place), "", ""],
        [P("被检查单位", b), P(p.name), "", ""],
        [P("统一社会信用代码", b), P(p.credit_code), P("医保定点编码", b), P(p.designation_code or "—")],
        [P("地址", b), P(p.address or "—"), "", ""],
        [P("法定代表人（主要负责人）", b), P(p.legal_representative or "—"), P("联系电话", b), P(p.phone or "—")],
        [P("机构类别／等级", b), P(category), P("检查类型", b), P(f"{s.inspection_type}（{s.inspection_mode}）")],
        [P("检查期间", b), P(period), P("记录人", b), P(s.recorder)],
        [P("现场负责人", b), P(contact or "—"), "", ""],
        [P("执法人员", b), P(officers, markup=True), "", ""],
    ]
    spans = [("SPAN", (1, r), (3, r)) for r in (0, 1, 2, 4, 8, 9)]
    widths = [30 * mm, 62 * mm, 26 * mm, W - 118 * mm]
    shade = [("BACKGROUND", (0, 0), (0, -1), L.SECTION_BG), ("BACKGROUND", (2, 3), (2, 7), L.SECTION_BG)]
    return [L.grid_table(rows, widths, header_rows=0, extra=spans + shade), Spacer(1, 3 * mm)]


def notice_and_recusal(s: RecordSnapshot) -> list:
    names = "、".join(o.name for o in s.officers)
    shown = min((o.credentials_shown_at for o in s.officers if o.credentials_shown_at), default=None)
    out: list = [_h("一、出示证件、告知事项及回避")]
    out.append(P(f"执法人员 {names} 于 {fmt_dt(shown)} 向当事人出示执法证件，表明身份，说明检查依据和内容。"
                 "当事人应当如实提供有关资料，不得拒绝、阻碍检查或者谎报、瞒报（《医疗保障基金使用监督管理条例》"
                 "第二十九条）。", "body"))
    for i, text in enumerate(s.rights_notice, 1):
        out.append(P(f"{i}. {text}", "body"))
    out.append(P(f"问：你单位是否申请执法人员回避？　答：{s.party_recusal_answer or '（未作答）'}", "body"))
    for r in s.recusals:
        verdict = f"存在应当回避的情形：{r.note}" if r.has_conflict else "无应当回避的情形"
        out.append(P(f"执法人员 {r.officer_name} 于 {fmt_dt(r.declared_at)} 声明：{verdict}。", "body"))
    return out


def _person(actor: str) -> str:
    """The journal's actor is "name(officer id)": print the name; the full id stays in the embedded JSON."""
    name, _, rest = actor.partition("(")
    return f"{name}（{rest.rstrip(')')[:8]}…）" if rest else actor


def checklist_section(rows: Sequence[ChecklistRow]) -> list:
    out: list = [_h("二、检查情况")]
    if not rows:
        return out + [P("（本次检查未使用检查表。）", "body")]
    violations = sum(r.is_violation for r in rows)
    out.append(P(f"共检查 {len(rows)} 项，其中违规 {violations} 项（以红色底纹标出）。阈值一栏为判定标准。", "body"))
    header = [P(t, "cell_b") for t in ("序号", "检查项目", "检查结果", "判定", "判定标准", "依据")]
    data: list[list] = [header]
    extra: list[tuple] = []
    group = None
    for n, r in enumerate(rows, 1):
        key = (r.template_title, r.section_title)
        if key != group:
            group = key
            data.append([P(f"{r.template_title}　{r.section_title}", "cell_b"), "", "", "", "", ""])
            i = len(data) - 1
            extra += [("SPAN", (0, i), (-1, i)), ("BACKGROUND", (0, i), (-1, i), L.SECTION_BG)]
        state = STATE_ZH.get(r.state, r.state)
        answer = r.answer_text + (f"\n备注：{r.note}" if r.note else "")
        threshold = r.threshold_text or "—"
        # short single-line cells are plain strings (no Paragraph wrap: the layout cost is per Paragraph)
        data.append([str(n), P(f"{r.item_id} {r.label}"), P(answer), state,
                     threshold if len(threshold) <= 8 else P(threshold, "cell_c"), P(r.legal_basis or "—", "small")])
        if r.is_violation:
            i = len(data) - 1
            extra += [("BACKGROUND", (0, i), (-1, i), L.VIOLATION_BG), ("TEXTCOLOR", (3, i), (3, i), L.VIOLATION_INK),
                      ("FONTNAME", (3, i), (3, i), L.RL_BOLD)]
    widths = [10 * mm, 46 * mm, 32 * mm, 13 * mm, 17 * mm, W - 118 * mm]
    extra.insert(0, ("ALIGN", (0, 1), (0, -1), "CENTER"))
    extra.insert(1, ("ALIGN", (3, 1), (4, -1), "CENTER"))
    return out + [L.grid_table(data, widths, extra=extra), Spacer(1, 2 * mm)]


def findings_section(s: RecordSnapshot) -> list:
    out: list = [_h("三、发现的问题")]
    if not s.findings:
        return out + [P("本次检查未发现问题。", "body")]
    header = [P(t, "cell_b") for t in ("序号", "问题描述", "性质", "涉及金额（元）", "应追回（元）", "依据／处罚条款")]
    data: list[list] = [header]
    for f in s.findings:
        basis = "；".join(x for x in (f.legal_basis, f.penalty_article and f"处罚：{f.penalty_article}") if x)
        data.append([str(f.number), P(f.description), f.severity, fmt_money(f.amount_involved),
                     fmt_money(f.amount_to_recover),
                     P(basis or "—", "small")])
    data.append(["合计", "", "", fmt_money(s.total_involved), fmt_money(s.total_to_recover), ""])
    last = len(data) - 1
    widths = [10 * mm, 58 * mm, 13 * mm, 23 * mm, 23 * mm, W - 127 * mm]
    extra = [("SPAN", (0, last), (2, last)), ("BACKGROUND", (0, last), (-1, last), L.SECTION_BG),
             ("FONTNAME", (0, last), (-1, last), L.RL_BOLD), ("ALIGN", (0, 1), (0, -1), "CENTER"),
             ("ALIGN", (2, 1), (2, -1), "CENTER"), ("ALIGN", (3, 1), (4, -1), "RIGHT")]
    return out + [L.grid_table(data, widths, extra=extra), Spacer(1, 2 * mm)]


def _photo_cell(e: EvidenceRow, width: float) -> list:
    max_w, max_h = width - 4 * mm, 56 * mm
    with PILImage.open(e.print_image) as im:  # header only; the JPEG is embedded byte for byte
        w, h = im.size
    scale = min(max_w / w, max_h / h)
    img = Image(str(e.print_image), width=w * scale, height=h * scale)
    return [img, Spacer(1, 1.2 * mm), P(f"{e.number}　{e.caption}", "caption"),
            P(f"拍摄／采集时间：{fmt_dt(e.captured_at)}", "tiny"), P(f"SHA-256：{e.sha256}", "tiny")]


def evidence_section(rows: Sequence[EvidenceRow], *, include_photos: bool = True) -> list:
    out: list = [_h("四、证据清单")]
    if not rows:
        return out + [P("（本次检查未采集证据。）", "body")]
    header = [P(t, "cell_b") for t in ("编号", "证据名称", "类别／取证方式", "采集时间", "提供人／来源", "SHA-256")]
    data: list[list] = [header]
    for e in rows:
        name = e.caption + (f"\n证明对象：{e.proves}" if e.proves else "")
        data.append([e.number, P(name), P(f"{e.kind}／{e.measure}", "cell_c"),
                     P(fmt_dt(e.captured_at), "small"), P(e.source_name or "—", "small"), P(e.sha256, "tiny")])
    widths = [13 * mm, 40 * mm, 22 * mm, 22 * mm, 22 * mm, W - 119 * mm]
    out += [L.grid_table(data, widths, extra=[("ALIGN", (0, 1), (0, -1), "CENTER")]), Spacer(1, 2 * mm)]
    photos = [e for e in rows if e.print_image is not None] if include_photos else []
    if photos:
        out.append(CondPageBreak(80 * mm))
        out.append(P(f"证据照片（共 {len(photos)} 张；图片经缩放用于打印，SHA-256 为原始文件的哈希）", "cell_b"))
        out.append(Spacer(1, 1.5 * mm))
        cw = W / 2
        grid = [[_photo_cell(a, cw), _photo_cell(b, cw) if b else ""]
                for a, b in zip(photos[::2], [*photos[1::2], None])]
        out.append(L.grid_table(grid, [cw, cw], header_rows=0, valign="TOP",
                                extra=[("ALIGN", (0, 0), (-1, -1), "CENTER"), ("GRID", (0, 0), (-1, -1), 0.3, L.GRID)]))
    return out


def party_block(s: Any, heading: str) -> list:
    so = s.party_signoff
    out: list = [_h(heading)]
    rows: list[list] = []
    if not so.refused:
        png = s.image_for(PARTY)
        sig = L.png_image(png, 50 * mm, 16 * mm) if png else P("")
        rows.append([P("当事人意见", "cell_b"), P(so.opinion)])
        rows.append([P("当事人（签名）", "cell_b"),
                     L.plain_table([[sig, P(f"{so.signer_name}　{fmt_dt(so.signed_at)}", "small")]],
                                   [56 * mm, W - 92 * mm])])
    else:
        w = so.witness
        png = s.image_for(WITNESS)
        sig = L.png_image(png, 50 * mm, 16 * mm) if png else P("")
        rows.append([P("当事人签字情况", "cell_b"),
                     P(f"当事人拒绝签字。拒签理由：{so.refusal_reason}", "plain")])
        if w is not None:
            rows.append([P("见证人", "cell_b"),
                         P(f"姓名：{w.name}　身份证号：{w.id_number}　与当事人关系：{w.relation}")])
        rows.append([P("见证人（签名）", "cell_b"), L.plain_table([[sig, P(fmt_dt(so.signed_at), "small")]],
                                                               [56 * mm, W - 92 * mm])])
        if so.officer_note:
            rows.append([P("执法人员说明", "cell_b"), P(so.officer_note)])
    table = L.grid_table(rows, [32 * mm, W - 32 * mm], header_rows=0,
                         extra=[("BACKGROUND", (0, 0), (0, -1), L.SECTION_BG)])
    return out + [KeepTogether(table), Spacer(1, 2 * mm)]


def signature_slots(slots: Sequence[tuple[str, str, Officer, str]], sink: list[L.SigField],
                    heading: str = "") -> list:
    """One row per signer: role, name and 执法证号 on the left, the signature box on the right (kept together with
    its heading; never nest this in another KeepTogether: ReportLab then always breaks the page)."""
    rows = []
    for signer, field_name, officer, role in slots:
        who = P(f"<b>{L.esc(role)}</b><br/>{L.esc(officer.name)}<br/>执法证号：{L.esc(officer.certificate_no)}",
                "cell", markup=True)
        rows.append([who, L.SignatureSlot(sink, field_name, signer, officer.name, role)])
    table = L.grid_table(rows, [W - 68 * mm, 68 * mm], header_rows=0,
                         extra=[("ALIGN", (1, 0), (1, -1), "CENTER"), ("TOPPADDING", (0, 0), (-1, -1), 4),
                                ("BOTTOMPADDING", (0, 0), (-1, -1), 4)])
    return [KeepTogether([_h(heading), table] if heading else [table])]


def journal_appendix(events: Sequence[dict[str, Any]], head: str, content_hash: str) -> list:
    out: list = [Paragraph("附件：全过程记录", L.STYLES["title"]), Spacer(1, 2 * mm)]
    out.append(P(f"以下为本次检查的全过程记录（共 {len(events)} 条，按序号排列）。每条事件的哈希覆盖其序号、时间、"
                 "操作人、设备、类型、内容和前一条事件的哈希；任何增删改都会使哈希链断开。时间为设备时钟（北京时间）。"
                 "完整记录以 JSON 格式嵌入本文件（附件 journal.json）。", "body"))
    header = [P(t, "cell_b") for t in ("序号", "时间", "操作人／设备", "事件", "内容", "事件哈希（前 16 位）")]
    data: list[list] = [header]
    for e in events:
        payload = canonical_json(e.get("payload", {}))
        if len(payload) > 240:
            payload = payload[:240] + "…"
        kind = e.get("type", "")
        label = EVENT_ZH.get(kind, kind)
        data.append([str(e.get("seq", "")), P(_event_time(e.get("at", "")), "small"),
                     P(f"{_person(e.get('actor', ''))}\n{e.get('device', '')}", "small"), P(f"{label}\n{kind}", "small"),
                     P(payload, "small"), str(e.get("hash", ""))[:16]])
    widths = [9 * mm, 23 * mm, 20 * mm, 30 * mm, W - 111 * mm, 29 * mm]
    out += [L.grid_table(data, widths, extra=[("ALIGN", (0, 1), (0, -1), "CENTER"),
                                              ("FONTSIZE", (5, 1), (5, -1), 7.5)]), Spacer(1, 4 * mm)]
    out.append(L.grid_table([[P("链头哈希（最后一条事件的哈希）", "cell_b"), P(head or "—", "small")],
                             [P("文书内容哈希（SHA-256）", "cell_b"), P(content_hash, "small")]],
                            [48 * mm, W - 48 * mm], header_rows=0,
                            extra=[("BACKGROUND", (0, 0), (0, -1), L.SECTION_BG)]))
    return out


def _event_time(at: str) -> str:
    import datetime as dt

    try:
        return fmt_dt(dt.datetime.fromisoformat(at.replace("Z", "+00:00")), seconds=True)
    except ValueError:
        return at


# ------------------------------------------------------------------------------------------------ addendum, notice


def addendum_body(a: Any) -> list:
    p = a.party
    rows = [
        [P("被检查单位", "cell_b"), P(p.name)],
        [P("原笔录编号", "cell_b"), P(a.original_number)],
        [P("原笔录内容哈希", "cell_b"), P(a.original_content_hash, "small")],
        [P("补正时间", "cell_b"), P(fmt_dt(a.made_at))],
        [P("执法人员", "cell_b"), P("；".join(f"{o.name}（执法证号：{o.certificate_no}）" for o in a.officers))],
    ]
    out: list = [L.grid_table(rows, [32 * mm, W - 32 * mm], header_rows=0,
                              extra=[("BACKGROUND", (0, 0), (0, -1), L.SECTION_BG)]), Spacer(1, 3 * mm)]
    out.append(_h("一、补正理由"))
    out.append(P(a.reason, "body"))
    out.append(P("原笔录已签名锁定，内容不作改动；本补正说明与原笔录一并使用，以本说明所列更正内容为准。", "body"))
    out.append(_h("二、更正内容"))
    data: list[list] = [[P(t, "cell_b") for t in ("序号", "更正事项", "原记载内容", "更正后内容")]]
    for i, c in enumerate(a.changes, 1):
        data.append([P(str(i), "cell_c"), P(c.field), P(c.before), P(c.after)])
    out += [L.grid_table(data, [10 * mm, 40 * mm, (W - 50 * mm) / 2, (W - 50 * mm) / 2]), Spacer(1, 2 * mm)]
    return out


def notice_body(n: Any) -> list:
    p = n.party
    out: list = [P(f"{p.name}：", "plain"), Spacer(1, 1 * mm)]
    out.append(P(f"（统一社会信用代码：{p.credit_code}{'；医保定点编码：' + p.designation_code if p.designation_code else ''}"
                 f"{'；地址：' + p.address if p.address else ''}）", "small"))
    out.append(Spacer(1, 2 * mm))
    out.append(P(f"我局于 {fmt_date(n.inspected_on)} 对你单位进行了现场检查（现场检查笔录编号：{n.record_number}），"
                 "发现你单位存在下列问题。根据《中华人民共和国行政处罚法》第二十八条及下表所列规定，现责令你单位"
                 "限期改正：", "body"))
    data: list[list] = [[P(t, "cell_b") for t in ("序号", "存在的问题", "依据", "整改要求")]]
    for i, item in enumerate(n.items, 1):
        data.append([P(str(i), "cell_c"), P(item.problem), P(item.legal_basis, "small"), P(item.requirement)])
    out += [Spacer(1, 1 * mm), L.grid_table(data, [10 * mm, 56 * mm, 40 * mm, W - 106 * mm]), Spacer(1, 3 * mm)]
    out.append(P(f"<b>整改期限：</b>请于 <b>{fmt_date(n.deadline)}</b> 前整改完毕。", "body", markup=True))
    out.append(P(f"<b>整改报告：</b>{L.esc(n.report_method)}", "body", markup=True))
    out.append(P(f"<b>逾期未改正的后果：</b>{L.esc(n.consequence)}", "body", markup=True))
    if n.contact_person or n.contact_phone:
        out.append(P(f"联系人：{n.contact_person}　联系电话：{n.contact_phone}", "body"))
    out.append(Spacer(1, 6 * mm))
    return out


def notice_closing(n: Any) -> list:
    return [Spacer(1, 4 * mm), P(f"{n.agency}", "right"), P("（印章）", "right"), P(fmt_date(n.issued_on), "right"),
            Spacer(1, 6 * mm),
            P("本通知书一式两份，一份送达被检查单位，一份存档。送达回证另附。", "small")]


def reinspection_body(r: Any) -> list:
    p = r.party
    officers = "；".join(f"{o.name}（执法证号：{o.certificate_no}）" for o in r.officers)
    rows = [
        [P("被检查单位", "cell_b"), P(p.name)],
        [P("统一社会信用代码", "cell_b"), P(p.credit_code + (f"　医保定点编码：{p.designation_code}" if p.designation_code else ""))],
        [P("原现场检查笔录", "cell_b"), P(f"{r.record_number}　内容哈希：{r.record_content_hash}", "small")],
        [P("责令整改通知书", "cell_b"), P(f"{r.notice_number}　整改期限：{fmt_date(r.deadline)}")],
        [P("复查时间", "cell_b"), P(fmt_dt(r.visited_at) + ("（已超过整改期限）" if r.overdue_at_visit else ""))],
        [P("复查地点", "cell_b"), P(r.place or "—")],
        [P("执法人员", "cell_b"), P(officers)],
    ]
    out: list = [L.grid_table(rows, [32 * mm, W - 32 * mm], header_rows=0,
                              extra=[("BACKGROUND", (0, 0), (0, -1), L.SECTION_BG)]), Spacer(1, 3 * mm)]
    out.append(_h("一、责令整改的事项"))
    data: list[list] = [[P(t, "cell_b") for t in ("序号", "存在的问题", "依据", "整改要求")]]
    for i, item in enumerate(r.items, 1):
        data.append([P(str(i), "cell_c"), P(item.problem), P(item.legal_basis, "small"), P(item.requirement)])
    if not r.items:
        data.append([P("—", "cell_c"), P("见责令整改通知书"), P(""), P("")])
    out += [L.grid_table(data, [10 * mm, 56 * mm, 40 * mm, W - 106 * mm]), Spacer(1, 2 * mm)]
    out.append(_h("二、复查情况"))
    out.append(P(r.note, "body"))
    if r.voluntary_refund > 0:
        on = f"（{fmt_date(r.voluntary_refund_on)}）" if r.voluntary_refund_on else ""
        out.append(P(f"被检查单位已主动退回医保基金 {fmt_money(r.voluntary_refund)} 元{on}，可作为从轻、减轻处理的"
                     "情节。", "body"))
    out.append(_h("三、复查结论"))
    out.append(P(f"<b>{L.esc(r.result)}</b>", "body", markup=True))
    if r.result == "逾期未改":
        out.append(P("被检查单位逾期未按要求整改，依照《医疗保障基金使用监督管理条例》第三十八条、第三十九条等规定"
                     "依法处理。", "body"))
    out.append(Spacer(1, 1 * mm))
    return out
