"""随机抽查记录: the signed record of a 双随机 draw — plan item, pool size and hash, exclusions with reasons, seed,
result with the drawn teams, every officer redraw and every attempt of the round (abandoned ones too).

The record's data (record.json, canonical JSON, hashed and printed as the content hash) carries everything needed
to re-run the draw (`inspector draw verify`): the pool snapshot, the rules, the seed and the algorithm version. It is
signed by the team lead who made the draw (field Sig_Agency, role 承办), like a notice.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from inspector_app import fonts
from inspector_app.domain.canonical import canonical_json, sha256_hex
from inspector_app.records import _layout as L
from inspector_app.records import _sections as S
from inspector_app.records.model import Officer
from inspector_app.records.plan import AGENCY_FIELD
from inspector_app.records.render import Attachment, RenderedPdf, _head, _info, _warnings

KIND = "draw_record"
TITLE = "随机抽查记录"
RECORD_FILE = "record.json"
REDRAW_ZH = {"certificate_expired": "执法证件在计划检查日已失效", "conflict": "已申报回避事项",
             "own_region": "交叉检查：属被检查机构所在地区"}
STATUS_ZH = {"seeded": "已定种子", "drawn": "已抽取", "accepted": "已采用", "abandoned": "已放弃"}
W = L.FRAME_W


def draw_number(record: dict[str, Any]) -> str:
    return f"SJ-{record['plan']['key']}-{record['item']['key']}-{record['round_no']}-{record['attempt']}"


def _exclusion(e: dict[str, Any], days: int) -> str:
    if e["reason"] == "recent":
        return f"{days}日内已随机抽查（{e['note']}）" if e["note"] else f"{days}日内已随机抽查"
    return f"排除：{e['note']}"


def render_draw_record(record: dict[str, Any], fontset: fonts.FontSet) -> RenderedPdf:
    """`record`: DrawService.record() plus "number", "agency" and "signer" ({officer_id, name, certificate_no})."""
    L.prepare(fontset)
    P = L.P
    canonical = canonical_json(record)
    chash = sha256_hex(canonical)
    names = record.get("officer_names") or {}
    pool = record["pool"] or {}
    result = record["result"] or {"picks": [], "redraws": []}
    story: list = _head(record["agency"], TITLE, record["number"])
    info = [
        ("检查计划", f"{record['plan']['title']}"
                     f"{'（' + record['plan']['document_no'] + '）' if record['plan']['document_no'] else ''}"),
        ("检查事项", f"{record['item']['name']}（{record['item']['inspection_type']}）"),
        ("轮次", f"第 {record['round_no']} 轮第 {record['attempt']} 次抽取"
                 f"（{STATUS_ZH.get(record['status'], record['status'])}）"),
        ("计划检查日期", record["planned_on"]),
        ("对象范围", f"{pool.get('scope_size', 0)} 家；备选 {len(pool.get('candidates', []))} 家；"
                     f"排除 {len(pool.get('exclusions', []))} 家"),
        ("抽取数量", f"{record['count']} 家（最低比例 {record['rules']['min_ratio_pct']}%）"),
        ("备选池哈希（SHA-256）", record["pool_hash"] or ""),
        ("随机种子", record["seed"]),
        ("算法", f"{record['algorithm']}（HMAC-SHA256 整数加权不放回抽取；可用 inspector draw verify 复核）"),
    ]
    story.append(L.grid_table([[P(k, "cell_b"), P(v)] for k, v in info], [38 * mm, W - 38 * mm], header_rows=0))
    weights = "；".join(f"{w['name']}：" + (f"权重×{w['factor']}" if w["factor"] > 1 else "")
                       + (f" 保底{w['quota']}家" if w["quota"] else "") for w in record["rules"]["weights"])
    story += [Spacer(1, 2 * mm), P(f"加权规则：{weights or '无'}；{record['rules']['lookback_days']} 日内不重复抽查。",
                                   "small"), Spacer(1, 3 * mm)]
    rows = [[P(t, "cell_b") for t in ("序号", "抽中机构", "权重", "方式", "执法人员")]]
    for n, p in enumerate(result["picks"], 1):
        via = "保底：" + p["via"].split(":", 1)[1] if p["via"].startswith("quota:") else "加权随机"
        rows.append([P(str(n), "cell_c"), P(p["name"]), P(str(p["weight"]), "cell_c"), P(via),
                     P("、".join(names.get(o, o) for o in p["officer_ids"]))])
    story += [P("抽取结果", "h2"),
              L.grid_table(rows, [10 * mm, 62 * mm, 12 * mm, 30 * mm, W - 114 * mm]), Spacer(1, 3 * mm)]
    if result["redraws"]:
        by_id = {c["id"]: c["name"] for c in pool.get("candidates", [])}
        rows = [[P(t, "cell_b") for t in ("机构", "被重抽人员", "原因")]]
        rows += [[P(by_id.get(r["institution_id"], r["institution_id"])),
                  P(names.get(r["officer_id"], r["officer_id"])),
                  P(REDRAW_ZH.get(r["reason"], r["reason"]))] for r in result["redraws"]]
        story += [P("执法人员重抽记录", "h2"), L.grid_table(rows, [62 * mm, 30 * mm, W - 92 * mm]),
                  Spacer(1, 3 * mm)]
    if pool.get("exclusions"):
        rows = [[P(t, "cell_b") for t in ("排除机构", "原因")]]
        rows += [[P(e["name"]), P(_exclusion(e, record["rules"]["lookback_days"]))] for e in pool["exclusions"]]
        story += [P("排除名单", "h2"), L.grid_table(rows, [62 * mm, W - 62 * mm]), Spacer(1, 3 * mm)]
    rows = [[P(t, "cell_b") for t in ("次序", "状态", "种子", "备选池哈希", "放弃原因")]]
    rows += [[P(str(a["attempt"]), "cell_c"), P(STATUS_ZH.get(a["status"], a["status"])), P(a["seed"][:16] + "…"),
              P((a["pool_hash"] or "—")[:16] + ("…" if a["pool_hash"] else "")), P(a["reason"] or "—")]
             for a in record["attempts"]]
    story += [P("本轮全部抽取（含已放弃的）", "h2"),
              L.grid_table(rows, [12 * mm, 18 * mm, 40 * mm, 40 * mm, W - 110 * mm]), Spacer(1, 4 * mm)]
    signer = record["signer"]
    sink: list[L.SigField] = []
    story += S.signature_slots([(signer["officer_id"], AGENCY_FIELD,
                                 Officer(signer["officer_id"], signer["name"], signer["certificate_no"]), "抽取人")],
                               sink, "签名")
    story.append(P("本记录所附 record.json 含完整备选池、规则与种子；抽取结果须与按其复算的结果一致。"
                   "检查对象名单在检查开始前保密。",
                   "small"))
    decor = L.PageDecor(header=f"{record['agency']}　{TITLE}　{record['number']}", initials=False,
                        info=_info(KIND, record["number"], chash, ""))
    pdf, pages = L.build_pdf(story, decor, title=f"{TITLE} {record['number']}", subject=record["item"]["name"],
                             author=record["agency"])
    attachment = Attachment(RECORD_FILE, canonical.encode("utf-8"), "随机抽查记录数据（规范化 JSON，可复算）")
    return RenderedPdf(pdf, tuple(sink), (attachment,), chash, pages, _warnings(record, fontset))


def render_round_publication(data: dict[str, Any], fontset: fonts.FontSet) -> bytes:
    """双随机抽查结果公示 of a draw round: one row per institution inspected (signed records only)."""
    L.prepare(fontset)
    P = L.P
    story: list = _head(data["agency"], "“双随机、一公开”抽查结果公示", data["number"])
    story.append(P(f"检查计划：{data['plan']}；检查事项：{data['item']}；抽查时间：{data['planned_on']}；"
                   f"抽取 {data['drawn']} 家，已完成检查 {len(data['rows'])} 家。", "body"))
    rows = [[P(t, "cell_b", markup=True) for t in ("序号", "被检查机构", "检查日期", "发现问题",
                                                  "涉及金额<br/>（元）", "应退回金额<br/>（元）", "处理结果")]]
    for n, r in enumerate(data["rows"], 1):
        rows.append([P(str(n), "cell_c"), P(f"{r['institution']}<br/><font size=7>{r['credit_code']}</font>",
                                            markup=True),
                     P(r["date"], "cell_c"), P(str(r["violations"]), "cell_c"), P(r["amount_involved"], "cell_r"),
                     P(r["amount_to_recover"], "cell_r"), P(r["result"])])
    if not data["rows"]:
        rows.append([P("—", "cell_c"), P("本轮尚无已完成的检查"), P(""), P(""), P(""), P(""), P("")])
    story += [Spacer(1, 2 * mm),
              L.grid_table(rows, [9 * mm, 42 * mm, 20 * mm, 12 * mm, 20 * mm, 20 * mm, W - 123 * mm], valign="TOP"),
              Spacer(1, 3 * mm)]
    if data["pending"]:
        story.append(P(f"另有 {data['pending']} 家尚未完成检查，检查对象在检查开始前保密，完成后补充公示。", "small"))
    story.append(P(data["masking_note"] + "。", "small"))
    decor = L.PageDecor(header=f"{data['agency']}　抽查结果公示　{data['number']}", initials=False)
    pdf, _pages = L.build_pdf(story, decor, title=f"抽查结果公示 {data['number']}", subject=data["item"],
                              author=data["agency"])
    return pdf
