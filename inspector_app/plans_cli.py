"""`inspector plans import|list|show`: inspection plans and campaigns (issue 14)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from inspector_app.domain.errors import QT_TRANSLATE_NOOP
from inspector_app.signin_cli import add_user_args


def _data_dir_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS, help=QT_TRANSLATE_NOOP(
        "Cli", "workspace directory"))


def open_as_actor(args: argparse.Namespace) -> tuple[Any, Any]:
    """(app context, the acting officer): the officer signed in with --user, or the local administrator on a
    workspace without key slots."""
    from inspector_app.app import build_context
    from inspector_app.services.context import Actor
    from inspector_app.signin_cli import unlock

    data_dir = getattr(args, "data_dir", None)
    officer, key = unlock(args, data_dir)
    app = build_context(data_dir, workspace_key=key)
    actor = Actor(officer.name, officer.officer_id) if officer is not None else Actor("管理员")
    return app, actor


def register(sub: Any) -> None:
    plans = sub.add_parser("plans", help=QT_TRANSLATE_NOOP(
        "Cli", "inspection plans and campaigns: import, list, show"),
                           description=QT_TRANSLATE_NOOP(
                               "Cli", "Annual inspection plans (年度检查计划) and campaigns (专项治理) with their "
                                      "items: scope, target, frequency, window, division, templates and inspection "
                                      "type."))
    psub = plans.add_subparsers(dest="plans_command", metavar="ACTION", required=True)
    imp = psub.add_parser("import", help=QT_TRANSLATE_NOOP(
        "Cli", "import a plan file (plans/*.toml) as a draft plan"),
                          description=QT_TRANSLATE_NOOP(
                              "Cli", "Validate the file and import it as a draft. Every problem is reported with "
                                     "file:line and its code; a file with any problem imports nothing (exit 1)."))
    imp.add_argument("file", type=Path, metavar="FILE.toml")
    lst = psub.add_parser("list", help=QT_TRANSLATE_NOOP("Cli", "list the plans of the workspace"))
    lst.add_argument("--json", action="store_true", help=QT_TRANSLATE_NOOP("Cli", "machine-readable output"))
    show = psub.add_parser("show", help=QT_TRANSLATE_NOOP("Cli", "one plan with its items"))
    show.add_argument("plan_id", metavar="ID", help=QT_TRANSLATE_NOOP(
        "Cli", "plan id, id prefix or the plan file's id"))
    show.add_argument("--json", action="store_true", help=QT_TRANSLATE_NOOP("Cli", "machine-readable output"))
    status = psub.add_parser("status", help=QT_TRANSLATE_NOOP("Cli", "move a plan to its next status (§4.2)"),
                             description=QT_TRANSLATE_NOOP(
                                 "Cli", "draft → approved (分管领导) → filed (法规处) → running → summary → "
                                        "archived; approved may go back to draft. Institutions are drawn only for "
                                        "filed or running plans."))
    status.add_argument("plan_id", metavar="ID", help=QT_TRANSLATE_NOOP(
        "Cli", "plan id, id prefix or the plan file's id"))
    status.add_argument("target", choices=["draft", "approved", "filed", "running", "summary", "archived"])
    status.add_argument("--note", default="", help=QT_TRANSLATE_NOOP("Cli", "why (kept in the journal)"))
    summary = psub.add_parser("summary", help=QT_TRANSLATE_NOOP(
        "Cli", "the year-end 检查工作总结 of a plan (PDF + XLSX beside it)"))
    summary.add_argument("plan_id", metavar="ID", help=QT_TRANSLATE_NOOP(
        "Cli", "plan id, id prefix or the plan file's id"))
    summary.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    for p in (imp, lst, show, status, summary):
        _data_dir_arg(p)
        add_user_args(p)
        p.set_defaults(handler=_cmd_plans)
    cov = sub.add_parser("coverage", help=QT_TRANSLATE_NOOP(
        "Cli", "coverage of the plans' targets: done / required, frequency, days left"),
                         description=QT_TRANSLATE_NOOP(
                             "Cli", "Per plan item: institutions inspected (signed records only) of those in "
                                    "scope, against the target; times done against the frequency; days left in the "
                                    "window; BEHIND when short of the target pro rata of the elapsed window."))
    cov.add_argument("--plan", metavar="ID", help=QT_TRANSLATE_NOOP(
        "Cli", "one plan (id, id prefix or the plan file's id)"))
    cov.add_argument("--date", type=_date, metavar="YYYY-MM-DD", help=QT_TRANSLATE_NOOP(
        "Cli", "as of this day (default: today)"))
    cov.add_argument("--json", action="store_true", help=QT_TRANSLATE_NOOP("Cli", "machine-readable output"))
    _data_dir_arg(cov)
    add_user_args(cov)
    cov.set_defaults(handler=_cmd_coverage)


def _date(text: str) -> Any:
    import datetime as dt

    return dt.date.fromisoformat(text)


def _cmd_coverage(args: argparse.Namespace) -> int:
    from inspector_app.domain.canonical import to_jsonable

    app, _actor = open_as_actor(args)
    try:
        rows = app.coverage.coverage(args.plan, args.date)
    finally:
        app.close()
    if args.json:
        print(json.dumps([{
            "plan_id": r.plan_id, "plan": r.plan_title, "item_id": r.item.id, "item_key": r.item.key,
            "item": r.item.name, "scope": r.item.scope.label_zh(), "target": r.item.target.label_zh(),
            "window": to_jsonable(r.item.window), **to_jsonable(r.coverage)} for r in rows],
            ensure_ascii=False, indent=2))
        return 0
    plan = None
    for r in rows:
        if r.plan_id != plan:
            plan = r.plan_id
            print(f"== {r.plan_title}")
        c = r.coverage
        freq = f"；次数 {c.times_done}/{c.frequency}" if c.frequency else ""
        flag = "  【滞后】" if c.behind else ""
        print(f"{r.item.key:<20} {r.item.name}：{c.label_zh(r.item.scope.label_zh(), r.item.target)}；"
              f"已完成 {c.done}/{c.required}{freq}；剩余 {c.days_left} 天{flag}")
        if len(c.by_region) > 1:
            print("    按地区：" + "；".join(f"{g.region or '未填地区'} {g.done}/{g.scope_size}" for g in c.by_region))
    return 0


def plan_json(p: Any) -> dict[str, Any]:
    from inspector_app.domain.canonical import to_jsonable

    return {
        "id": p.id, "key": p.key, "kind": p.kind.value, "title": p.title, "year": p.year, "status": p.status.value,
        "issuer": p.issuer, "document_no": p.document_no, "window": to_jsonable(p.window),
        "filing_due": to_jsonable(p.filing_due), "summary_due": to_jsonable(p.summary_due),
        "phases": to_jsonable(p.phases),
        "items": [{
            "id": i.id, "key": i.key, "name": i.name, "content": i.content, "requirements": i.requirements,
            "scope": to_jsonable(i.scope), "scope_label": i.scope.label_zh(), "target": to_jsonable(i.target),
            "target_label": i.target.label_zh(), "frequency": i.frequency, "window": to_jsonable(i.window),
            "division": i.division, "templates": list(i.templates), "inspection_type": i.inspection_type.value,
        } for i in p.items],
    }


def _cmd_plans(args: argparse.Namespace) -> int:
    from inspector_app.catalog.plans_loader import PlanFileError
    from inspector_app.domain.plans import PLAN_KIND_LABELS_ZH, PLAN_STATUS_LABELS_ZH

    app, actor = open_as_actor(args)
    try:
        if args.plans_command == "import":
            try:
                plan, _ = app.plans.import_file(actor, args.file)
            except PlanFileError as exc:
                for problem in exc.problems:
                    print(problem, file=sys.stderr)
                print(f"未导入：{len(exc.problems)} 个问题", file=sys.stderr)
                return 1
            print(f"已导入 {PLAN_KIND_LABELS_ZH[plan.kind]}“{plan.title}”（{len(plan.items)} 项，草拟）：{plan.id}")
            return 0
        if args.plans_command == "list":
            plans = app.plans.list()
            if args.json:
                print(json.dumps([plan_json(p) for p in plans], ensure_ascii=False, indent=2))
                return 0
            for p in plans:
                print(f"{p.id}  {p.year}  {PLAN_KIND_LABELS_ZH[p.kind]:<6} {PLAN_STATUS_LABELS_ZH[p.status]:<4} "
                      f"{p.title}（{len(p.items)} 项）")
            print(f"共 {len(plans)} 个计划")
            return 0
        if args.plans_command == "summary":
            from inspector_app.services.plan_summary import write_plan_summary

            pdf, xlsx = write_plan_summary(app.ctx, args.plan_id, args.out)
            print(f"已导出检查工作总结：{pdf}（表格：{xlsx}）")
            return 0
        if args.plans_command == "status":
            from inspector_app.domain.plans import PlanStatus

            plan, _ = app.plans.set_status(actor, args.plan_id, PlanStatus(args.target), args.note)
            print(f"{plan.title}：{PLAN_STATUS_LABELS_ZH[plan.status]}")
            return 0
        plan = app.plans.get(args.plan_id)
        if args.json:
            print(json.dumps(plan_json(plan), ensure_ascii=False, indent=2))
            return 0
        print(f"{plan.title}  [{PLAN_KIND_LABELS_ZH[plan.kind]}·{PLAN_STATUS_LABELS_ZH[plan.status]}]"
              f"  {plan.document_no}")
        print(f"期间 {plan.window.start} 至 {plan.window.end}"
              + (f"；总结报送 {plan.summary_due} 前" if plan.summary_due else ""))
        for ph in plan.phases:
            print(f"  阶段 {ph.name}：{ph.window.start} 至 {ph.window.end}")
        for i in plan.items:
            freq = f"；全年不少于{i.frequency}次" if i.frequency else ""
            print(f"{i.id}  {i.key}  {i.name}（{i.inspection_type.value}）\n    范围 {i.scope.label_zh()}；目标 "
                  f"{i.target.label_zh()}{freq}；{i.window.start} 至 {i.window.end}；{i.division}")
        return 0
    finally:
        app.close()
