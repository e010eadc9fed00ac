"""The year-end 检查工作总结 of a plan as PDF and XLSX: coverage per item, inspections, findings by article, refunds,
fines and cases opened — from the inspections carried out under the plan (signed records)."""

from __future__ import annotations

import io
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select

from inspector_app import __version__, fonts
from inspector_app.domain.agency_time import local
from inspector_app.domain.agency_time import today as agency_today
from inspector_app.domain.coverage import CARRIED_OUT
from inspector_app.domain.inspection import Status
from inspector_app.domain.outcomes import Outcome, articles_in
from inspector_app.services.context import ServiceContext
from inspector_app.services.coverage import CoverageService
from inspector_app.services.plans import find_plan
from inspector_app.services.record_builder import setting
from inspector_app.storage.atomic import write_bytes
from inspector_app.storage.orm import FindingRow, InspectionRow
from inspector_app.storage.plans_orm import PlanItemInspectionRow, PlanItemRow
from inspector_app.storage.review_orm import OutcomeRow


def _money(value: Decimal) -> str:
    return format(Decimal(value).quantize(Decimal("0.01")), "f")


def plan_summary(ctx: ServiceContext, plan_id: str) -> dict[str, Any]:
    coverage = CoverageService(ctx).coverage(plan_id)
    with ctx.read() as s:
        plan = find_plan(s, plan_id)
        ids = s.scalars(select(PlanItemInspectionRow.inspection_id).join(
            PlanItemRow, PlanItemRow.id == PlanItemInspectionRow.plan_item_id)
            .where(PlanItemRow.plan_id == plan.id)).all()
        statuses = dict(s.execute(select(InspectionRow.id, InspectionRow.status)
                                  .where(InspectionRow.id.in_(ids))).all())
        done = [i for i, st in statuses.items() if Status(st) in CARRIED_OUT]
        findings = s.scalars(select(FindingRow).where(FindingRow.inspection_id.in_(done),
                                                      FindingRow.deleted_at.is_(None))).all()
        outcomes = s.scalars(select(OutcomeRow).where(OutcomeRow.inspection_id.in_(done))).all()
        by_article: Counter[str] = Counter()
        for f in findings:
            for article in articles_in(f.penalty_article) or ["（未注明）"]:
                by_article[article] += 1
        data = {
            "format": "inspector-plan-summary", "format_version": 1, "agency": setting(s, "agency"),
            "plan": {"id": plan.id, "key": plan.key, "title": plan.title, "kind": plan.kind, "year": plan.year,
                     "document_no": plan.document_no, "status": plan.status,
                     "window": {"start": plan.window_start.isoformat(), "end": plan.window_end.isoformat()}},
            "as_of": agency_today(ctx.clock()).isoformat(),
            "generated_at": local(ctx.clock()).isoformat(timespec="seconds"), "app_version": __version__,
            "totals": {"inspections": len(ids), "carried_out": len(done), "findings": len(findings),
                       "refunds": _money(sum((o.refund_amount for o in outcomes), Decimal(0))),
                       "fines": _money(sum((o.fine_amount for o in outcomes), Decimal(0))),
                       "cases": sum(1 for o in outcomes if o.outcome == Outcome.CASE.value)},
            "findings_by_article": dict(by_article.most_common()),
            "outcomes": dict(Counter(o.outcome for o in outcomes).most_common()),
        }
    data["coverage"] = [{
        "item_key": r.item.key, "item": r.item.name, "scope": r.item.scope.label_zh(),
        "target": r.item.target.label_zh(),
        "scope_size": r.coverage.scope_size, "required": r.coverage.required, "done": r.coverage.done,
        "share_pct": str(r.coverage.share_pct), "frequency": r.coverage.frequency, "times_done": r.coverage.times_done,
        "behind": r.coverage.behind, "requirements": r.item.requirements} for r in coverage]
    return data


def _xlsx(data: dict[str, Any]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "覆盖率"
    head = ["检查事项", "范围", "目标", "范围内机构数", "应完成", "已完成", "覆盖率(%)", "频次", "已完成次数", "进度",
            "相关要求"]
    ws.append(head)
    for r in data["coverage"]:
        ws.append([r["item"], r["scope"], r["target"], r["scope_size"], r["required"], r["done"],
                   float(r["share_pct"]), r["frequency"], r["times_done"], "滞后" if r["behind"] else "按进度",
                   r["requirements"]])
    articles = wb.create_sheet("问题条款")
    articles.append(["条款", "问题数"])
    for k, v in data["findings_by_article"].items():
        articles.append([k, v])
    totals = wb.create_sheet("汇总")
    t = data["totals"]
    for label, value in (("检查计划", data["plan"]["title"]), ("统计截至", data["as_of"]),
                         ("纳入计划的检查（次）", t["inspections"]), ("已完成检查（次）", t["carried_out"]),
                         ("发现问题（个）", t["findings"]), ("责令退回医保基金（元）", float(t["refunds"])),
                         ("罚款（元）", float(t["fines"])), ("转立案（件）", t["cases"])):
        totals.append([label, value])
    for sheet in wb.worksheets:
        for cell in sheet[1]:
            cell.font = Font(bold=True)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def write_plan_summary(ctx: ServiceContext, plan_id: str, dest: Path) -> tuple[Path, Path]:
    """The summary as `dest` (PDF) and the same name with .xlsx."""
    from inspector_app.records.plan_summary import render_plan_summary

    data = plan_summary(ctx, plan_id)
    pdf = render_plan_summary(data, fonts.ensure_fonts(fonts.default_cache_dir()))
    xlsx_path = dest.with_suffix(".xlsx")
    write_bytes(xlsx_path, _xlsx(data))
    write_bytes(dest, pdf)
    return dest, xlsx_path
