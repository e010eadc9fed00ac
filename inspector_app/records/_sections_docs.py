"""The sections of the 询问笔录 (D6) and the 送达回证 (D28), as platypus flowables."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer

from inspector_app.records import _layout as L
from inspector_app.records._layout import P, fmt_dt, fmt_time
from inspector_app.records.model_docs import INQUIRY_ROLES, RECUSAL_QUESTION, InquiryRecord, ServiceReceipt

W = L.FRAME_W


def _h(text: str) -> L.Para:
    return L.Para(L.esc(text), L.STYLES["h2"])


def _grid(rows: list[list], spans: tuple[int, ...] = ()) -> list:
    extra = [("SPAN", (1, r), (3, r)) for r in spans]
    extra += [("BACKGROUND", (0, 0), (0, -1), L.SECTION_BG)]
    return [L.grid_table(rows, [30 * mm, 52 * mm, 28 * mm, W - 110 * mm], header_rows=0, extra=extra),
            Spacer(1, 3 * mm)]


def inquiry_head(r: InquiryRecord) -> list:
    p, b = r.person, "cell_b"
    same_day = r.started_at.astimezone(L.CN_TZ).date() == r.ended_at.astimezone(L.CN_TZ).date()
    end = fmt_time(r.ended_at) if same_day else fmt_dt(r.ended_at)
    officers = "<br/>".join(f"{L.esc(o.name)}　执法证号：{L.esc(o.certificate_no)}" for o in r.officers)
    rows = [
        [P("询问时间", b), P(f"{fmt_dt(r.started_at)} 至 {end}"), "", ""],
        [P("询问地点", b), P(r.place), "", ""],
        [P("询问人", b), P(officers, markup=True), "", ""],
        [P("涉及单位", b), P(f"{r.party.name}（统一社会信用代码：{r.party.credit_code}）"), "", ""],
        [P("记录人", b), P(r.recorder), "", ""],
        [P("被询问人", b), P(p.name), P("性别", b), P(p.sex)],
        [P("身份证号", b), P(p.id_number), P("联系方式", b), P(p.contact or "—")],
        [P("工作单位", b), P(p.employer or "—"), P("职务", b), P(p.position or "—")],
        [P("与本案关系", b), P(p.relation or "—"), P("身份", b),
         P(f"{'当事人' if r.role == 'party' else '证人'}（{INQUIRY_ROLES.get(r.role, '')}）")],
    ]
    if r.record_number:
        rows.append([P("现场检查笔录", b), P(r.record_number), "", ""])
    return _grid(rows, spans=(0, 1, 2, 3, 4) + ((9,) if r.record_number else ()))


def inquiry_body(r: InquiryRecord) -> list:
    out: list = []
    names = "、".join(o.name for o in r.officers)
    for line in r.rights_notice:
        out.append(P("问：" + line.format(agency=r.agency, officers=names), "body"))
    out.append(P(f"问：{RECUSAL_QUESTION}", "body"))
    out.append(P(f"答：{r.recusal_answer}", "body"))
    out.append(Spacer(1, 1 * mm))
    for i, qa in enumerate(r.qa, 1):
        block = [P(f"问{i}：{L.esc(qa.question)}", "body"), P(f"答：{L.esc(qa.answer)}", "body")]
        if qa.links:
            block.append(P("（涉及：" + "；".join(qa.links) + "）", "small"))
        out.append(KeepTogether(block))
    if r.corrections:
        data: list[list] = [[P(t, "cell_b") for t in ("位置", "原记载", "更正为", "被询问人确认")]]
        for c in r.corrections:
            data.append([P(c.where), P(c.before), P(c.after), P(c.initials)])
        table = L.grid_table(data, [24 * mm, (W - 58 * mm) / 2, (W - 58 * mm) / 2, 34 * mm])
        out += [KeepTogether([_h("更正记录"), table]), Spacer(1, 2 * mm)]
    out.append(P("（以下空白）", "small"))
    out.append(Spacer(1, 2 * mm))
    return out


def service_body(r: ServiceReceipt) -> list:
    b = "cell_b"
    officers = "<br/>".join(f"{L.esc(o.name)}　执法证号：{L.esc(o.certificate_no)}" for o in r.officers)
    rows = [
        [P("送达文书", b), P(f"{r.document_title}（{r.document_number}）"), "", ""],
        [P("文书内容哈希", b), P(r.document_hash or "—", "small"), "", ""],
        [P("受送达人", b), P(r.recipient), "", ""],
        [P("被检查单位", b), P(f"{r.party.name}（统一社会信用代码：{r.party.credit_code}）"), "", ""],
        [P("送达方式", b), P(r.method), P("送达时间", b), P(fmt_dt(r.served_at))],
        [P("送达地点", b), P(r.place or "—"), "", ""],
        [P("送达人", b), P(officers, markup=True), "", ""],
    ]
    spans = [0, 1, 2, 3, 5, 6]
    if r.method == "邮寄送达":
        rows.append([P("邮件号码", b), P(r.postal_number), "", ""])
        spans.append(len(rows) - 1)
    if r.method == "电子送达":
        rows.append([P("电子送达地址", b), P(f"{r.electronic_address}（受送达人已书面同意电子送达）"), "", ""])
        spans.append(len(rows) - 1)
    out = _grid(rows, spans=tuple(spans))
    out.append(_h("签收情况"))
    sign_rows: list[list] = []
    if r.receiver_signed:
        png = r.image_for("party")
        sig = L.png_image(png, 50 * mm, 16 * mm) if png else P("")
        sign_rows.append([P("签收人", b), P(f"{r.receiver_name}（与受送达人关系：{r.receiver_relation or '—'}）")])
        sign_rows.append([P("签收人签名", b), L.plain_table([[sig, P(fmt_dt(r.served_at), "small")]],
                                                        [56 * mm, W - 92 * mm])])
    else:
        text = r.refusal_note or "—"
        if r.receiver_name:
            text = f"{r.receiver_name}（{r.receiver_relation or '—'}）：{text}"
        sign_rows.append([P("签收情况", b), P(text)])
    if r.method == "留置送达":
        png = r.image_for("witness")
        sig = L.png_image(png, 50 * mm, 16 * mm) if png else P("")
        sign_rows.append([P("见证人", b), P(f"姓名：{r.witness_name}　身份证号：{r.witness_id_number}　"
                                         f"与受送达人关系：{r.witness_relation or '—'}")])
        sign_rows.append([P("见证人签名", b), L.plain_table([[sig, P(fmt_dt(r.served_at), "small")]],
                                                        [56 * mm, W - 92 * mm])])
        sign_rows.append([P("留置照片", b), P(f"SHA-256：{r.photo_sha256}", "small")])
    if r.note:
        sign_rows.append([P("备注", b), P(r.note)])
    out.append(L.grid_table(sign_rows, [32 * mm, W - 32 * mm], header_rows=0,
                            extra=[("BACKGROUND", (0, 0), (0, -1), L.SECTION_BG)]))
    out.append(Spacer(1, 2 * mm))
    if r.method == "留置送达":
        out.append(P("受送达人拒绝签收的，送达人可以邀请有关基层组织或者所在单位的代表到场见证，把文书留在受送达人的"
                     "住所或者经营场所，并采用拍照、录像等方式记录送达过程，即视为送达。", "small"))
    return out
