"""检查工作总结 of a plan (year end, due by the end of November per the annual plan): coverage per item, inspections,
findings by article, refunds and fines, cases opened."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from inspector_app import fonts
from inspector_app.records import _layout as L
from inspector_app.records.render import _head

W = L.FRAME_W


def render_plan_summary(data: dict[str, Any], fontset: fonts.FontSet) -> bytes:
    L.prepare(fontset)
    P = L.P
    plan = data["plan"]
    story: list = _head(data["agency"], f"{plan['title']}检查工作总结", plan["document_no"] or plan["key"])
    totals = data["totals"]
    story.append(P(f"计划期间 {plan['window']['start']} 至 {plan['window']['end']}；统计截至 {data['as_of']}。"
                   f"纳入计划的检查 {totals['inspections']} 次，已完成（已签名）{totals['carried_out']} 次；"
                   f"发现问题 {totals['findings']} 个；责令退回医保基金 {totals['refunds']} 元，"
                   f"罚款 {totals['fines']} 元；转立案 {totals['cases']} 件。", "body"))
    story.append(P("一、各检查事项完成情况", "h2"))
    rows = [[P(t, "cell_b", markup=True)
             for t in ("检查事项", "范围及覆盖", "目标", "完成/应完成", "次数/频次", "状态")]]
    for r in data["coverage"]:
        rows.append([P(r["item"]), P(f"{r['scope']} {r['done']}/{r['scope_size']} = {r['share_pct']}%"),
                     P(r["target"]), P(f"{r['done']}/{r['required']}" if r["required"] else "—", "cell_c"),
                     P(f"{r['times_done']}/{r['frequency']}" if r["frequency"] else "—", "cell_c"),
                     P("滞后" if r["behind"] else "按进度", "cell_c")])
    story.append(L.grid_table(rows, [40 * mm, W - 132 * mm, 32 * mm, 20 * mm, 20 * mm, 20 * mm], valign="TOP"))
    story.append(P("二、发现问题（按处罚条款）", "h2"))
    rows = [[P("条款", "cell_b"), P("问题数", "cell_b")]]
    rows += ([[P(k), P(str(v), "cell_c")] for k, v in data["findings_by_article"].items()]
             or [[P("未发现问题"), P("0", "cell_c")]])
    story.append(L.grid_table(rows, [W - 30 * mm, 30 * mm]))
    story.append(P("三、处理结果", "h2"))
    rows = [[P("处理结果", "cell_b"), P("件数", "cell_b")]]
    rows += [[P(k), P(str(v), "cell_c")] for k, v in data["outcomes"].items()] or [[P("—"), P("0", "cell_c")]]
    story.append(L.grid_table(rows, [W - 30 * mm, 30 * mm]))
    story += [Spacer(1, 3 * mm), P(f"生成时间：{data['generated_at']}", "small")]
    decor = L.PageDecor(header=f"{data['agency']}　检查工作总结　{plan['title']}", initials=False)
    pdf, _pages = L.build_pdf(story, decor, title=f"{plan['title']}检查工作总结", subject=plan["title"],
                              author=data["agency"])
    return pdf
