"""The 证据清单 (D7) of a record: one row per item with its statutory type (行政处罚法 第四十六条), what it proves,
how it was obtained (with the page count of a copy and the time), who handed it over and the SHA-256 of the
original; then the party's confirmation "与原件核对一致", given once for the whole list, or its refusal.

Records signed before the list had these columns (their rows carry no statutory type) keep their old table, so
`inspector verify` re-renders them exactly as they were signed (records/rerender.py).
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, Spacer

from inspector_app.records import _layout as L
from inspector_app.records._layout import P, fmt_dt
from inspector_app.records._photos import photo_rows
from inspector_app.records.model_base import EvidenceConfirmation, EvidenceRow

W = L.FRAME_W


def _h(text: str) -> L.Para:
    return L.Para(L.esc(text), L.STYLES["h2"])


def evidence_section(rows: Sequence[EvidenceRow], *, include_photos: bool = True, with_confirmation: bool = False,
                     confirmation: EvidenceConfirmation | None = None, party_png: bytes | None = None) -> list:
    """`with_confirmation`: the list is the record's, which the party confirms (a re-inspection's is not)."""
    out: list = [_h("四、证据清单")]
    if not rows:
        return out + [P("（本次检查未采集证据。）", "body")]
    if any(e.evidence_type for e in rows):
        out += _table(rows)
        if with_confirmation:
            out += _confirmation(confirmation, party_png)
    else:
        out += _legacy_table(rows)
    photos = [e for e in rows if e.print_image is not None] if include_photos else []
    if photos:
        out.append(CondPageBreak(80 * mm))
        out.append(P(f"证据照片（共 {len(photos)} 张；图片经缩放用于打印，SHA-256 为原始文件的哈希）", "cell_b"))
        out.append(Spacer(1, 1.5 * mm))
        out += photo_rows(photos)
    return out


def _obtained(e: EvidenceRow) -> str:
    pages = f"共 {e.page_count} 页" if e.page_count else ""
    return "\n".join(x for x in (e.measure, pages, fmt_dt(e.captured_at) if e.captured_at else "") if x)


def _table(rows: Sequence[EvidenceRow]) -> list:
    header = [P(t, "cell_b") for t in ("编号", "证据名称／证明对象", "证据种类", "取证方式／页数／时间", "提供人",
                                       "原始文件 SHA-256")]
    data: list[list] = [header]
    for e in rows:
        name = [P(e.caption), P(f"证明对象：{e.proves or '—'}", "small")]
        data.append([e.number, name, P(e.evidence_type, "cell_c"), P(_obtained(e), "small"),
                     P(e.provider or "—", "small"),
                     f"{e.sha256[:32]}\n{e.sha256[32:]}"])  # a plain two-line cell: no paragraph to lay out
    pages = sum(e.page_count or 0 for e in rows)
    total = f"合计：证据 {len(rows)} 项" + (f"，复印件／书面材料共 {pages} 页" if pages else "")
    data.append([P(total, "cell_b"), "", "", "", "", ""])
    last = len(data) - 1
    widths = [12 * mm, 45 * mm, 18 * mm, 24 * mm, 20 * mm, W - 119 * mm]
    extra = [("ALIGN", (0, 1), (0, -1), "CENTER"), ("FONTSIZE", (5, 1), (5, -1), 6),
             ("LEADING", (5, 1), (5, -1), 7.5), ("TEXTCOLOR", (5, 1), (5, -1), L.MUTED),
             ("SPAN", (0, last), (-1, last)), ("BACKGROUND", (0, last), (-1, last), L.SECTION_BG),
             ("ALIGN", (0, last), (-1, last), "LEFT")]
    return [L.grid_table(data, widths, extra=extra), Spacer(1, 2 * mm)]


def _confirmation(c: EvidenceConfirmation | None, party_png: bytes | None) -> list:
    rows: list[list] = []
    if c is None:
        rows.append([P("当事人核对", "cell_b"), P("（当事人未对本清单作核对确认。）")])
    elif c.refused:
        rows.append([P("当事人核对", "cell_b"), P(f"当事人拒绝核对确认。理由：{c.refusal_reason}")])
        rows.append([P("记录时间", "cell_b"), P(fmt_dt(c.confirmed_at), "small")])
    else:
        sig = L.png_image(party_png, 50 * mm, 16 * mm) if party_png else P("")
        rows.append([P("当事人确认", "cell_b"), P(c.statement)])
        rows.append([P("当事人（签名）", "cell_b"),
                     L.plain_table([[sig, P(f"{c.signer_name}　{fmt_dt(c.confirmed_at)}", "small")]],
                                   [56 * mm, W - 92 * mm])])
    table = L.grid_table(rows, [32 * mm, W - 32 * mm], header_rows=0,
                         extra=[("BACKGROUND", (0, 0), (0, -1), L.SECTION_BG)])
    return [KeepTogether(table), Spacer(1, 2 * mm)]


def _legacy_table(rows: Sequence[EvidenceRow]) -> list:
    """The list as records signed before the 证据清单 columns existed print it (kept so they re-render exactly)."""
    out: list = []
    header = [P(t, "cell_b") for t in ("编号", "证据名称", "类别／取证方式", "采集时间", "提供人／来源", "SHA-256")]
    data: list[list] = [header]
    for e in rows:
        name = e.caption + (f"\n证明对象：{e.proves}" if e.proves else "")
        data.append([e.number, P(name), P(f"{e.kind}／{e.measure}", "cell_c"),
                     P(fmt_dt(e.captured_at), "small"), P(e.source_name or "—", "small"),
                     f"{e.sha256[:32]}\n{e.sha256[32:]}"])  # a plain two-line cell: no paragraph to lay out
    widths = [13 * mm, 40 * mm, 22 * mm, 22 * mm, 22 * mm, W - 119 * mm]
    out += [L.grid_table(data, widths, extra=[("ALIGN", (0, 1), (0, -1), "CENTER"), ("FONTSIZE", (5, 1), (5, -1), 6),
                                              ("LEADING", (5, 1), (5, -1), 7.5),
                                              ("TEXTCOLOR", (5, 1), (5, -1), L.MUTED)]), Spacer(1, 2 * mm)]
    return out
