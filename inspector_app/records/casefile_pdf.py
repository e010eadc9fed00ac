"""The case file's printed pages: the 卷内目录 (catalogue of a 案卷, with the slot of its sealing signature), its
text twin, and the publication summary (公开). Layout only: the services decide what goes in.

The catalogue ends with one signature slot, "封卷签名": the exporting officer (or the team lead) signs the catalogue,
and the signature's certification embeds the case-file manifest (records.seal), so the list of files, their
SHA-256, the signed documents and the journal head at export are all covered by one signature."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from reportlab.lib.units import mm

from inspector_app import fonts
from inspector_app.records import _layout as L

SEAL_FIELD = "Sig_Seal"


@dataclass(slots=True)
class CatalogueEntry:
    """One file of the case file, as listed in the manifest and the catalogue."""

    path: str
    title: str
    category: str
    sha256: str = ""
    size: int = 0
    pages: int | None = None
    remark: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def manifest_row(self) -> dict[str, Any]:
        row = {"path": self.path, "sha256": self.sha256, "size": self.size, "title": self.title,
               "category": self.category}
        if self.pages is not None:
            row["pages"] = self.pages
        return {**row, **self.extra}


@dataclass(frozen=True, slots=True)
class Sealer:
    """Who seals the case file: printed beside the signature box."""

    officer_id: str
    name: str
    certificate_no: str
    role: str  # printed: 承办执法人员 or 检查组组长
    lead: bool = False  # the team lead (not one of the record's officers)


def fmt_size(n: int) -> str:
    if n < 1024:
        return f"{n} B"
    if n < 1 << 20:
        return f"{n / 1024:.1f} KB"
    return f"{n / (1 << 20):.1f} MB"


def local_time(value: str | dt.datetime | None, date_only: bool = False) -> str:
    """An ISO string or datetime as printed in records (China time, to the minute)."""
    if not value:
        return "—"
    when = dt.datetime.fromisoformat(value) if isinstance(value, str) else value
    return L.fmt_dt(when, date_only=date_only)


def catalogue_text(meta: dict[str, Any], entries: Sequence[CatalogueEntry]) -> str:
    lines = ["卷内目录", "",
             f"案卷题名：{meta['institution']['name']} {meta.get('inspection_type', '')}现场检查案卷",
             f"检查机关：{meta.get('agency') or '—'}",
             f"笔录编号：{meta['record_number']}",
             f"被检查单位：{meta['institution']['name']}（统一社会信用代码 {meta['institution']['credit_code']}）",
             f"检查时间：{local_time(meta.get('started_at'))} 至 {local_time(meta.get('ended_at'))}",
             f"检查编号：{meta['inspection_id']}",
             f"内容哈希：{meta['content_hash']}",
             f"全过程记录链头：{meta['journal_head']}（{meta['journal_length']} 条）",
             f"导出时间：{local_time(meta['exported_at'])}；应用版本 {meta['app_version']}", ""]
    lines += leniency_lines(meta)
    for n, e in enumerate(entries, start=1):
        size = (f"{e.pages} 页 / " if e.pages else "") + fmt_size(e.size)
        lines += [f"{n:>3}. {e.title}", f"     文件：{e.path}", f"     类别：{e.category}；页数/大小：{size}",
                  f"     SHA-256：{e.sha256}"]
        if e.remark:
            lines.append(f"     备注：{e.remark.replace(chr(10), '；')}")
    lines += ["", f"共 {len(entries)} 件。本目录、卷内目录.pdf 与 manifest.json 不列入本表；"
                  "manifest.json 载有案卷内全部文件的 SHA-256 与大小，并嵌入卷内目录.pdf，由封卷签名覆盖。", ""]
    return "\n".join(lines)


LENIENCY_TITLE = "处罚裁量建议（自查自纠情节）"
LENIENCY_NOTE = "本建议依自查自纠情况生成，供审核人参考，处理决定由审核人依法作出。"


def leniency_lines(meta: dict[str, Any]) -> list[str]:
    """The self-inspection advice of the outcome (meta["leniency"]: campaign, level, reasons), or nothing."""
    adv = meta.get("leniency")
    if not adv:
        return []
    return [LENIENCY_TITLE, f"专项治理：{adv['campaign']}", f"建议：{adv['level']}",
            *(f"理由{n}：{r}" for n, r in enumerate(adv["reasons"], start=1)), LENIENCY_NOTE, ""]


def _fontset() -> fonts.FontSet:
    fontset = fonts.ensure_fonts(fonts.default_cache_dir())
    fonts.register_reportlab(fontset)
    L.prepare(fontset)  # also useA85 = 0
    return fontset


def _info_table(rows: list[tuple[str, str]]) -> Any:
    """Label | value rows; a value that is a hash prints smaller so that 64 hex digits fit on one line."""
    cells = [[L.P(k, "cell_b"), L.P(v, "small" if re.search(r"[0-9a-f]{64}", v) else "cell")] for k, v in rows]
    return L.grid_table(cells, [30 * mm, L.FRAME_W - 30 * mm], header_rows=0,
                        extra=[("BACKGROUND", (0, 0), (0, -1), L.SECTION_BG)])


def _seal_block(sealer: Sealer, sink: list[L.SigField]) -> list[Any]:
    from reportlab.platypus import KeepTogether, Spacer

    who = L.P(f"<b>封卷签名（{L.esc(sealer.role)}）</b><br/>{L.esc(sealer.name)}<br/>"
              f"执法证号：{L.esc(sealer.certificate_no)}", "cell", markup=True)
    slot = L.SignatureSlot(sink, SEAL_FIELD, sealer.officer_id, sealer.name, f"封卷（{sealer.role}）")
    table = L.grid_table([[who, slot]], [L.FRAME_W - 68 * mm, 68 * mm], header_rows=0,
                         extra=[("ALIGN", (1, 0), (1, -1), "CENTER"), ("TOPPADDING", (0, 0), (-1, -1), 4),
                                ("BOTTOMPADDING", (0, 0), (-1, -1), 4)])
    note = L.P("封卷签名覆盖本目录及嵌入的案卷清单（manifest.json）：清单载有卷内每个文件的 SHA-256 与大小、"
               "各签名文书及其签署阶段、导出时全过程记录的链头。封卷后增删或替换任何文件，核验均不通过。", "small")
    return [Spacer(1, 4 * mm), KeepTogether([table, Spacer(1, 1 * mm), note])]


def catalogue_pdf(meta: dict[str, Any], entries: Sequence[CatalogueEntry],
                  sealer: Sealer | None = None) -> tuple[bytes, L.SigField | None]:
    """The 卷内目录 PDF and, with a `sealer`, where its sealing signature field goes."""
    from reportlab.platypus import Paragraph, Spacer

    _fontset()
    inst = meta["institution"]
    story: list[Any] = [Paragraph(L.esc(meta.get("agency") or ""), L.STYLES["agency"]), Spacer(1, 2 * mm),
                        Paragraph("卷内目录", L.STYLES["title"]),
                        Paragraph(f"笔录编号：{L.esc(meta['record_number'])}", L.STYLES["docno"]), L.Rule(),
                        Spacer(1, 2 * mm)]
    story.append(_info_table([
        ("案卷题名", f"{inst['name']} {meta.get('inspection_type', '')}现场检查案卷"),
        ("被检查单位", f"{inst['name']}（统一社会信用代码 {inst['credit_code']}）"),
        ("检查时间", f"{local_time(meta.get('started_at'))} 至 {local_time(meta.get('ended_at'))}"),
        ("导出时间", f"{local_time(meta['exported_at'])}（应用版本 {meta['app_version']}）"),
        ("内容哈希", meta["content_hash"]),
        ("全过程记录", f"{meta['journal_length']} 条"),
        ("链头哈希", meta["journal_head"]),
    ]))
    adv = meta.get("leniency")
    if adv:
        story.append(Spacer(1, 3 * mm))
        story.append(L.P(LENIENCY_TITLE, "cell_b"))
        story.append(_info_table([("专项治理", adv["campaign"]), ("建议", adv["level"]),
                                  *((f"理由{n}", r) for n, r in enumerate(adv["reasons"], start=1))]))
        story.append(L.P(LENIENCY_NOTE, "small"))
    story.append(Spacer(1, 4 * mm))
    widths = [9 * mm, 48 * mm, 20 * mm, 18 * mm, 27 * mm]
    widths.append(L.FRAME_W - sum(widths))
    rows: list[list[Any]] = [[L.P(h, "cell_b") for h in ("序号", "文件名称", "类别", "页数/大小", "SHA-256", "备注")]]
    for n, e in enumerate(entries, start=1):
        size = (f"{e.pages} 页<br/>" if e.pages else "") + fmt_size(e.size)
        rows.append([L.P(str(n), "cell_c"),
                     L.P(f"{L.esc(e.title)}<br/><font size=6.5 color='#666666'>{L.esc(e.path)}</font>", markup=True),
                     L.P(e.category), L.P(size, "cell_c", markup=True),
                     L.P(e.sha256[:16], "small"),
                     L.P(e.remark, "small")])
    story.append(L.grid_table(rows, widths, valign="TOP"))
    story.append(Spacer(1, 3 * mm))
    story.append(L.P(f"共 {len(entries)} 件。SHA-256 仅列前 16 位，完整值见 manifest.json 与 卷内目录.txt；"
                     "本目录、卷内目录.txt 与 manifest.json 不列入本表。", "small"))
    sink: list[L.SigField] = []
    if sealer is not None:
        story += _seal_block(sealer, sink)
    decor = L.PageDecor(header=f"卷内目录　{meta['record_number']}", initials=False)
    pdf, _pages = L.build_pdf(story, decor, title=f"卷内目录 {meta['record_number']}",
                              subject=f"{inst['name']} 现场检查案卷", author=meta.get("agency") or "")
    return pdf, (sink[-1] if sink else None)


def publication_pdf(data: dict[str, Any]) -> bytes:
    from reportlab.platypus import Paragraph, Spacer

    _fontset()
    inst, insp = data["institution"], data["inspection"]
    story: list[Any] = [Paragraph(L.esc(data.get("agency") or ""), L.STYLES["agency"]), Spacer(1, 2 * mm),
                        Paragraph("医疗保障基金监督检查结果公开", L.STYLES["title"]),
                        Paragraph(f"笔录编号：{L.esc(data['record_number'])}", L.STYLES["docno"]), L.Rule(),
                        Spacer(1, 2 * mm)]
    category = "，".join(x for x in (inst.get("category"), inst.get("level")) if x)
    story.append(_info_table([
        ("被检查机构", inst["name"] + (f"（{category}）" if category else "")),
        ("统一社会信用代码", inst["credit_code"]),
        ("检查类型", f"{insp['type']}（{insp['mode']}）"),
        ("检查时间", f"{local_time(insp['started_at'])} 至 {local_time(insp['ended_at'])}"),
        ("检查期间", f"{local_time(insp['period_from'], True)} 至 {local_time(insp['period_to'], True)}"
         if insp.get("period_from") else "—"),
        ("检查机关", data.get("agency") or "—"),
    ]))
    story.append(Paragraph("发现的问题", L.STYLES["h2"]))
    widths = [9 * mm, 62 * mm, 49 * mm]
    widths += [(L.FRAME_W - sum(widths)) / 2] * 2
    rows: list[list[Any]] = [[L.P(h, "cell_b", markup=True) for h in ("序号", "问题描述", "法律依据",
                                                                      "涉及金额<br/>（元）", "应退回金额<br/>（元）")]]
    for f in data["findings"]:
        penalty = (f"<br/><font size=7.5 color='#444444'>处罚条款：{L.esc(f['penalty_article'])}</font>"
                   if f.get("penalty_article") else "")
        rows.append([L.P(str(f["number"]), "cell_c"),
                     L.P(f"{L.esc(f['description'])}<br/><font size=7.5 color='#444444'>性质：{L.esc(f['severity'])}"
                         "</font>", markup=True),
                     L.P((L.esc(f["legal_basis"]) or "—") + penalty, markup=True),
                     L.P(L.fmt_money(Decimal(f["amount_involved"])), "cell_r"),
                     L.P(L.fmt_money(Decimal(f["amount_to_recover"])), "cell_r")])
    totals = data["totals"]
    rows.append([L.P(""), L.P("合计", "cell_b"), L.P(""),
                 L.P(L.fmt_money(Decimal(totals["amount_involved"])), "cell_r"),
                 L.P(L.fmt_money(Decimal(totals["amount_to_recover"])), "cell_r")])
    if not data["findings"]:
        rows.insert(1, [L.P("—", "cell_c"), L.P("未发现问题"), L.P(""), L.P("0.00", "cell_r"), L.P("0.00", "cell_r")])
    story.append(L.grid_table(rows, widths, valign="TOP",
                              extra=[("BACKGROUND", (0, -1), (-1, -1), L.SECTION_BG)]))
    story.append(Paragraph("处理结果", L.STYLES["h2"]))
    story.append(L.P(data["result"], "body"))
    story.append(Spacer(1, 4 * mm))
    story.append(L.P(data["masking"]["note"] + "。", "small"))
    story.append(L.P(f"生成时间：{local_time(data['generated_at'])}", "small"))
    decor = L.PageDecor(header=f"监督检查结果公开　{data['record_number']}", initials=False)
    pdf, _pages = L.build_pdf(story, decor, title=f"监督检查结果公开 {data['record_number']}",
                              subject=f"{inst['name']} 监督检查结果", author=data.get("agency") or "")
    return pdf


def fmt_money(value: Decimal) -> str:
    return L.fmt_money(value)


def fmt_date(value: dt.date) -> str:
    return L.fmt_date(value)
