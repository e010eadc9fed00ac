"""The sections of the 现场检查笔录 (D4) and its 证据清单 (D7), and the journal appendix, as platypus flowables."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer

from inspector_app.records import _layout as L
from inspector_app.records import journal_words as JW
from inspector_app.records._evidence_list import evidence_section as evidence_section
from inspector_app.records._layout import P, fmt_date, fmt_dt, fmt_money, fmt_time
from inspector_app.records.model import (
    PARTY, WITNESS, ChecklistRow, Officer, RecordSnapshot,
)

W = L.FRAME_W
STATE_ZH = {"compliant": "符合", "violation": "违规", "not_applicable": "不适用", "unanswered": "未检查"}


def _h(text: str) -> L.Para:
    return L.Para(L.esc(text), L.STYLES["h2"])


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


_CHECK_HEAD = ("序号", "检查项目", "检查结果", "判定", "判定标准", "依据")
_CHECK_WIDTHS = (10 * mm, 46 * mm, 32 * mm, 13 * mm, 17 * mm, W - 118 * mm)


def checklist_section(rows: Sequence[ChecklistRow]) -> list:
    """The checklist as a table; a sample item's rows follow it as a sub-table with the declared column headers,
    so the main table is cut into chunks around each sub-table (a nested table could not split across pages)."""
    out: list = [_h("二、检查情况")]
    if not rows:
        return out + [P("（本次检查未使用检查表。）", "body")]
    violations = sum(r.is_violation for r in rows)
    out.append(P(f"共检查 {len(rows)} 项，其中违规 {violations} 项（以红色底纹标出）。检查结果按执法人员记录的原文"
                 "印制；“判定标准”为检查表规定的阈值或符合条件，判定为“—”的项目由执法人员据实记录、未作符合与否的判定。",
                 "body"))
    chunk: list[list] = [[P(t, "cell_b") for t in _CHECK_HEAD]]
    extra: list[tuple] = []
    group = None

    def flush(header: bool) -> None:
        nonlocal chunk, extra
        if len(chunk) > (1 if header else 0):
            style = [("ALIGN", (0, 0), (0, -1), "CENTER"), ("ALIGN", (3, 0), (4, -1), "CENTER"), *extra]
            out.append(L.grid_table(chunk, _CHECK_WIDTHS, header_rows=1 if header else 0, extra=style))
        chunk, extra = [], []

    header = True
    for n, r in enumerate(rows, 1):
        key = (r.template_title, r.section_title)
        if key != group:
            group = key
            chunk.append([P(f"{r.template_title}　{r.section_title}", "cell_b"), "", "", "", "", ""])
            i = len(chunk) - 1
            extra += [("SPAN", (0, i), (-1, i)), ("BACKGROUND", (0, i), (-1, i), L.SECTION_BG)]
        state = STATE_ZH.get(r.state, r.state) if r.state else "—"
        answer = r.answer_text + (f"\n备注：{r.note}" if r.note else "")
        threshold = r.threshold_text or "—"
        # short single-line cells are plain strings (no Paragraph wrap: the layout cost is per Paragraph)
        chunk.append([str(n), P(f"{r.item_id} {r.label}"), P(answer), state,
                      threshold if len(threshold) <= 6 else P(threshold, "cell_c"), P(r.legal_basis or "—", "small")])
        if r.is_violation:
            i = len(chunk) - 1
            extra += [("BACKGROUND", (0, i), (-1, i), L.VIOLATION_BG), ("TEXTCOLOR", (3, i), (3, i), L.VIOLATION_INK),
                      ("FONTNAME", (3, i), (3, i), L.RL_BOLD)]
        if r.sample_rows:
            flush(header)
            header = False
            out.append(sample_table(r))
    flush(header)
    return out + [Spacer(1, 2 * mm)]


def sample_table(r: ChecklistRow) -> Any:
    """The rows of a sample item under it, indented, with its own column headers (repeated on a new page)."""
    cols = ("序号", *r.sample_columns)
    inner = W - 10 * mm
    num_w = 9 * mm
    rest = (inner - num_w) / max(1, len(r.sample_columns))
    data: list[list] = [[P(c, "cell_b") for c in cols]]
    extra: list[tuple] = [("ALIGN", (0, 1), (0, -1), "CENTER"), ("FONTSIZE", (0, 0), (-1, -1), 8)]
    for i, row in enumerate(r.sample_rows, 1):
        data.append([str(i), *(P(c, "small") for c in row)])
        if row and row[-1] == "是":
            extra += [("BACKGROUND", (0, i), (-1, i), L.VIOLATION_BG), ("TEXTCOLOR", (-1, i), (-1, i), L.VIOLATION_INK)]
    table = L.grid_table(data, [num_w, *([rest] * len(r.sample_columns))], extra=extra)
    table.hAlign = "RIGHT"
    return table


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


def draft_note(text: str, as_of: str) -> list:
    """The boxed note at the top of a draft: what this paper is not."""
    box = L.grid_table([[P(f"{text}（内容截至 {as_of}）", "cell_b")]], [W], header_rows=0,
                       extra=[("BACKGROUND", (0, 0), (-1, -1), L.VIOLATION_BG), ("BOX", (0, 0), (-1, -1), 1.2,
                                                                             L.VIOLATION_INK)])
    return [box, Spacer(1, 3 * mm)]


def party_block(s: Any, heading: str, *, draft: bool = False, who: str = "当事人") -> list:
    so = s.party_signoff
    out: list = [_h(heading)]
    rows: list[list] = []
    if draft:
        rows.append([P(f"{who}意见", "cell_b"), P("（草稿：当事人阅读核对后，在正式笔录上签署意见并签名。）")])
    elif not so.refused:
        png = s.image_for(PARTY)
        sig = L.png_image(png, 50 * mm, 16 * mm) if png else P("")
        rows.append([P(f"{who}意见", "cell_b"), P(so.opinion)])
        rows.append([P(f"{who}（签名）", "cell_b"),
                     L.plain_table([[sig, P(f"{so.signer_name}　{fmt_dt(so.signed_at)}", "small")]],
                                   [56 * mm, W - 92 * mm])])
    else:
        w = so.witness
        png = s.image_for(WITNESS)
        sig = L.png_image(png, 50 * mm, 16 * mm) if png else P("")
        rows.append([P(f"{who}签字情况", "cell_b"),
                     P(f"{who}拒绝签字。拒签理由：{so.refusal_reason}", "plain")])
        if w is not None:
            rows.append([P("见证人", "cell_b"),
                         P(f"姓名：{w.name}　身份证号：{w.id_number}　与{who}关系：{w.relation}")])
        rows.append([P("见证人（签名）", "cell_b"), L.plain_table([[sig, P(fmt_dt(so.signed_at), "small")]],
                                                               [56 * mm, W - 92 * mm])])
        if so.officer_note:
            rows.append([P("执法人员说明", "cell_b"), P(so.officer_note)])
    table = L.grid_table(rows, [32 * mm, W - 32 * mm], header_rows=0,
                         extra=[("BACKGROUND", (0, 0), (0, -1), L.SECTION_BG)])
    return out + [KeepTogether(table), Spacer(1, 2 * mm)]


def signature_slots(slots: Sequence[tuple[str, str, Officer, str]], sink: list[L.SigField],
                    heading: str = "", *, draft: bool = False) -> list:
    """One row per signer: role, name and 执法证号 on the left, the signature box on the right (kept together with
    its heading; never nest this in another KeepTogether: ReportLab then always breaks the page)."""
    rows = []
    for signer, field_name, officer, role in slots:
        who = P(f"<b>{L.esc(role)}</b><br/>{L.esc(officer.name)}<br/>执法证号：{L.esc(officer.certificate_no)}",
                "cell", markup=True)
        box = (P("草稿，不可签名", "cell_c") if draft
               else L.SignatureSlot(sink, field_name, signer, officer.name, role))
        rows.append([who, box])
    table = L.grid_table(rows, [W - 68 * mm, 68 * mm], header_rows=0,
                         extra=[("ALIGN", (1, 0), (1, -1), "CENTER"), ("TOPPADDING", (0, 0), (-1, -1), 4),
                                ("BOTTOMPADDING", (0, 0), (-1, -1), 4)])
    return [KeepTogether([_h(heading), table] if heading else [table])]


def journal_appendix(events: Sequence[dict[str, Any]], head: str, content_hash: str, masker: Any = None) -> list:
    """The journal in words (journal_words): time, who, what, what changed; personal data masked by `masker`."""
    out: list = [L.Para("附件：全过程记录", L.STYLES["title"]), Spacer(1, 2 * mm)]
    out.append(P(f"以下为本次检查的全过程记录（共 {len(events)} 条，按序号排列，时间为北京时间）。"
                 "个人信息已作遮蔽处理；完整记录（含每条事件的哈希）以 JSON 格式嵌入本文件（附件 journal.json），"
                 "任何增删改都会使哈希链断开。",
                 "body"))
    header = [P(t, "cell_b") for t in ("序号", "时间", "操作人", "事件", "内容")]
    data: list[list] = [header]
    extra: list[tuple] = [("ALIGN", (0, 1), (1, -1), "CENTER"), ("VALIGN", (0, 1), (-1, -1), "TOP"),
                          ("FONTSIZE", (0, 1), (1, -1), 7.5)]
    day = None
    for e in events:
        what = JW.describe(e)
        who = JW.person(str(e.get("actor", "")))
        if masker is not None:
            what = masker.mask(what)
        when = _event_time(str(e.get("at", "")))
        if when is None:
            date_text, time_text = "", str(e.get("at", ""))
        else:
            date_text, time_text = fmt_date(when.date()), f"{when:%H:%M:%S}"
        if date_text and date_text != day:  # one row per day, so the time column holds a single line
            day = date_text
            data.append([P(date_text, "cell_b"), "", "", "", ""])
            i = len(data) - 1
            extra += [("SPAN", (0, i), (-1, i)), ("BACKGROUND", (0, i), (-1, i), L.SECTION_BG)]
        data.append([str(e.get("seq", "")), time_text, P(who, "small"),
                     P(JW.event_name(str(e.get("type", ""))), "small"), P(what, "small")])
    widths = [10 * mm, 16 * mm, 18 * mm, 30 * mm, W - 74 * mm]
    out += [L.grid_table(data, widths, extra=extra), Spacer(1, 4 * mm)]
    out.append(L.grid_table([[P("链头哈希（最后一条事件的哈希）", "cell_b"), P(head or "—", "small")],
                             [P("文书内容哈希（SHA-256）", "cell_b"), P(content_hash, "small")]],
                            [48 * mm, W - 48 * mm], header_rows=0,
                            extra=[("BACKGROUND", (0, 0), (0, -1), L.SECTION_BG)]))
    return out


def _event_time(at: str) -> Any:
    """The event's time in the agency's zone (UTC+8), or None when it is not an ISO time."""
    import datetime as dt

    try:
        t = dt.datetime.fromisoformat(at.replace("Z", "+00:00"))
    except ValueError:
        return None
    return t.astimezone(L.CN_TZ) if t.tzinfo else t


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
    out.append(P(f"（统一社会信用代码：{p.credit_code}"
                 f"{'；医保定点编码：' + p.designation_code if p.designation_code else ''}"
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
    out.append(P(f"<b>救济途径：</b>你单位如对本通知不服，可以自收到本通知书之日起六十日内向"
                 f"{L.esc(n.reconsideration_body)}申请行政复议，也可以自收到本通知书之日起六个月内依法向"
                 f"{L.esc(n.court)}提起行政诉讼。行政复议和行政诉讼期间，本通知不停止执行。", "body", markup=True))
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
        [P("统一社会信用代码", "cell_b"),
         P(p.credit_code + (f"　医保定点编码：{p.designation_code}" if p.designation_code else ""))],
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
