"""`inspector draw run|verify`: 双随机 draws from the command line (issue 14)."""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import os
import sys
from pathlib import Path
from typing import Any

from inspector_app.domain.errors import QT_TRANSLATE_NOOP
from inspector_app.signin_cli import add_user_args

REDRAW_ZH = {"certificate_expired": "证件失效", "conflict": "回避", "own_region": "本地区（交叉检查）"}


def register(sub: Any) -> None:
    draw = sub.add_parser("draw", help=QT_TRANSLATE_NOOP(
        "Cli", "双随机 draws of institutions and officers for a plan item"),
                          description=QT_TRANSLATE_NOOP(
                              "Cli", "Draw institutions (weighted, minimum ratio, 90-day rule) and officers (valid "
                                     "certificates, 回避, cross-check region) for a plan item, reproducibly."))
    dsub = draw.add_subparsers(dest="draw_command", metavar="ACTION", required=True)
    run = dsub.add_parser("run", help=QT_TRANSLATE_NOOP(
        "Cli", "fix the seed, draw, and create the draft inspections"),
                          description=QT_TRANSLATE_NOOP(
                              "Cli", "The seed is fixed and journaled first (printed before the pool), then the "
                                     "pool is built and the draw made; the result becomes draft inspections. With "
                                     "--sign the signed 随机抽查记录 is written to --out (password of the signing "
                                     "certificate from INSPECTOR_SIGN_PASSWORD or a prompt)."))
    run.add_argument("item_id", metavar="PLAN_ITEM_ID", help=QT_TRANSLATE_NOOP(
        "Cli", "item id, id prefix, or PLAN_KEY/ITEM_KEY"))
    run.add_argument("--seed", metavar="HEX", help=QT_TRANSLATE_NOOP(
        "Cli", "the seed (at least 32 hex digits; default: 32 random bytes)"))
    run.add_argument("--planned-on", type=dt.date.fromisoformat, metavar="YYYY-MM-DD",
                     help=QT_TRANSLATE_NOOP("Cli", "planned inspection date (default: today)"))
    run.add_argument("--count", type=int, metavar="N", help=QT_TRANSLATE_NOOP(
        "Cli", "institutions to draw (default: the item's target, at least the minimum ratio)"))
    run.add_argument("--exclude", action="append", default=[], metavar="INSTITUTION_ID=REASON",
                     help=QT_TRANSLATE_NOOP(
                         "Cli", "leave an institution out of the pool, with the reason (repeatable)"))
    run.add_argument("--no-accept", action="store_true", help=QT_TRANSLATE_NOOP(
        "Cli", "only draw; accept or abandon later"))
    run.add_argument("--sign", metavar="OFFICER", help=QT_TRANSLATE_NOOP(
        "Cli", "name or 执法证号 of the officer signing the record"))
    run.add_argument("--out", type=Path, metavar="FILE.pdf", help=QT_TRANSLATE_NOOP(
        "Cli", "where to write the signed record"))
    run.add_argument("--rules", type=Path, metavar="FILE.toml",
                     help=QT_TRANSLATE_NOOP("Cli", "the draw rules (plans/draw-rules.toml is the documented "
                                                   "example); default: the workspace's config/draw-rules.toml, "
                                                   "else the built-in rules (3 %%, 90 days, 2 officers)"))
    run.add_argument("--json", action="store_true", help=QT_TRANSLATE_NOOP("Cli", "machine-readable output"))
    verify = dsub.add_parser("verify", help=QT_TRANSLATE_NOOP(
        "Cli", "check a 随机抽查记录: signature, and the result re-run from its data"),
                             description=QT_TRANSLATE_NOOP(
                                 "Cli", "Exit status 0 only when the signature holds and the result follows from "
                                        "the record's own pool, rules and seed."))
    verify.add_argument("file", type=Path, metavar="FILE.pdf")
    verify.add_argument("--json", action="store_true", help=QT_TRANSLATE_NOOP("Cli", "machine-readable output"))
    publish = dsub.add_parser("publish", help=QT_TRANSLATE_NOOP(
        "Cli", "the 结果公示 of an accepted draw round (PDF + JSON beside it)"),
                              description=QT_TRANSLATE_NOOP(
                                  "Cli", "One row per institution inspected (signed records): date, problems, "
                                         "amounts and result; personal data masked. Institutions not yet visited "
                                         "are not named."))
    publish.add_argument("draw_id", metavar="DRAW_ID")
    publish.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    for p in (run, verify, publish):
        p.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS, help=QT_TRANSLATE_NOOP(
            "Cli", "workspace directory"))
        add_user_args(p)
        p.set_defaults(handler=_cmd_draw)


def _officer(app: Any, who: str) -> Any:
    from inspector_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError

    found = [o for o in app.roster.officers() if who in (o.name, o.certificate_no, o.id)]
    if len(found) != 1:
        raise ValidationError("officer.not_found", QT_TRANSLATE_NOOP("Errors", "No officer {id}."), id=who)
    return found[0]


def _cmd_draw(args: argparse.Namespace) -> int:
    from inspector_app.catalog.draw_rules_loader import DrawRulesFileError, load_draw_rules
    from inspector_app.plans_cli import open_as_actor

    app, actor = open_as_actor(args)
    try:
        if args.draw_command == "verify":
            result = app.draw_records.verify(args.file.read_bytes())
            if args.json:
                print(json.dumps({"ok": result.ok, "signature_ok": result.signature_ok, "draw_ok": result.draw_ok,
                                  "problems": list(result.problems), "number": result.number}, ensure_ascii=False))
            elif result.ok:
                print(f"通过：{result.number} 签名有效，抽取结果可由记录中的备选池、规则和种子复算得出。")
            else:
                print(f"未通过：{'、'.join(result.problems)}"
                      + ("（签名有效，但结果与复算不符或数据被改动）" if result.signature_ok else ""))
            return 0 if result.ok else 1
        if args.draw_command == "publish":
            from inspector_app.services.draw_publication import write_round_publication

            pdf, json_path = write_round_publication(app.ctx, args.draw_id, args.out)
            print(f"已导出结果公示：{pdf}（数据：{json_path}）")
            return 0
        excluded = {}
        for spec in args.exclude:
            inst, _, reason = spec.partition("=")
            excluded[inst] = reason
        try:
            rules = load_draw_rules(args.rules)[0] if args.rules else app.draws.current_rules()
        except DrawRulesFileError as exc:
            for problem in exc.problems:
                print(problem, file=sys.stderr)
            print(f"未抽取：抽取规则文件有 {len(exc.problems)} 个问题", file=sys.stderr)
            return 1
        draw = app.draws.open(actor, args.item_id, seed=args.seed, planned_on=args.planned_on, rules=rules)
        if not args.json:
            print(f"种子已固定（第 {draw.round_no} 轮第 {draw.attempt} 次）：{draw.seed}")
        draw = app.draws.run(actor, draw.id, count=args.count, excluded=excluded)
        if not args.no_accept:
            draw, _ = app.draws.accept(actor, draw.id)
        if args.sign:
            officer = _officer(app, args.sign)
            password = os.environ.get("INSPECTOR_SIGN_PASSWORD") or getpass.getpass(f"{officer.name} 的签名证书密码：")
            app.draw_records.sign(actor, draw.id, officer.id, password)
            if args.out:
                app.draw_records.export(draw.id, args.out)
        names = {o.id: o.name for o in app.roster.officers()}
        if args.json:
            print(json.dumps({"id": draw.id, "round_no": draw.round_no, "attempt": draw.attempt,
                              "status": draw.status, "seed": draw.seed, "algorithm": draw.algorithm,
                              "planned_on": draw.planned_on.isoformat(), "count": draw.count,
                              "pool_hash": draw.pool_hash, "scope_size": draw.pool["scope_size"],
                              "rules": draw.rules, "rules_hash": draw.rules_hash,
                              "exclusions": draw.pool["exclusions"], "result": draw.result,
                              "inspection_ids": list(draw.inspection_ids)}, ensure_ascii=False, indent=2))
            return 0
        pool = draw.pool
        print(f"范围 {pool['scope_size']} 家，备选 {len(pool['candidates'])} 家，排除 {len(pool['exclusions'])} 家；"
              f"备选池哈希 {draw.pool_hash}")
        for n, p in enumerate(draw.result["picks"], 1):
            print(f"{n:>3}. {p['name']}（权重 {p['weight']}）  {'、'.join(names.get(o, o) for o in p['officer_ids'])}")
        for r in draw.result["redraws"]:
            print(f"     重抽：{names.get(r['officer_id'], r['officer_id'])}"
                  f"（{REDRAW_ZH.get(r['reason'], r['reason'])}）")
        print(f"抽取 {draw.id}：{draw.status}" + (f"，已生成 {len(draw.inspection_ids)} 个检查草稿"
                                                if draw.inspection_ids else ""))
        return 0
    finally:
        app.close()
