"""`inspector leads import FILE --source NAME [--json]`: import and screen a settlement or monitoring extract."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from inspector_app.signin_cli import add_user_args


def register(sub: Any) -> None:
    leads = sub.add_parser("leads", help="data leads (数据比对): import and screen settlement extracts",
                           description="Import settlement or smart-monitoring extracts (CSV or XLSX) and screen "
                                       "them for the classic patterns (分解住院, overlapping stays, charges above "
                                       "the price list, implausible quantities, out-of-list drugs).")
    lsub = leads.add_subparsers(dest="leads_command", metavar="ACTION", required=True)
    imp = lsub.add_parser("import", help="import one extract; nothing is imported when any row is refused",
                          description="Import FILE under the source NAME. A new source gets the default column "
                                      "mapping (结算流水号, 定点编码, 患者编号, 入院日期, 出院日期, 主要诊断, "
                                      "医疗总费用, 项目编码, 数量, 单价, 金额 …); a known source reuses its saved "
                                      "mapping. Exit status 0 on success, 2 when the file is refused.")
    imp.add_argument("file", type=Path, metavar="FILE")
    imp.add_argument("--source", required=True, metavar="NAME", help="name of the source (e.g. 市平台结算)")
    imp.add_argument("--sheet", metavar="NAME", help="XLSX: the sheet to read (default: the first)")
    imp.add_argument("--mapping", type=Path, metavar="FILE.json",
                     help='column mapping to save with the source: {"settlement_no": "单据号", ...}')
    imp.add_argument("--rules", type=Path, metavar="FILE.json",
                     help="screening settings (readmission_days, prices, max_per_day, listed, …)")
    imp.add_argument("--json", action="store_true", help="machine-readable output")
    imp.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS, help="workspace directory")
    add_user_args(imp)
    imp.set_defaults(handler=_cmd_import)


def _load_json(path: Path | None) -> Any:
    if path is None:
        return None
    from inspector_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError

    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ValidationError("cli.bad_json", QT_TRANSLATE_NOOP("Errors", "{file} is not a readable JSON file: "
                                                                          "{reason}"),
                              file=path.name, reason=str(exc)) from None


def _cmd_import(args: argparse.Namespace) -> int:
    from inspector_app.domain.leads.rules import RULE_LABELS_ZH, RuleSet
    from inspector_app.services.context import Actor
    from inspector_app.signin_cli import unlock

    data_dir = getattr(args, "data_dir", None)
    rules = RuleSet.from_json(_load_json(args.rules)) if args.rules else None
    mapping = _load_json(args.mapping)
    officer, key = unlock(args, data_dir)
    from inspector_app.app import build_context

    app = build_context(data_dir, workspace_key=key)
    try:
        actor = Actor(officer.name, officer.officer_id) if officer is not None else Actor("命令行")
        show = (lambda rows, frac: print(f"\r已读 {rows} 行（{frac:.0%}）", end="", file=sys.stderr)) \
            if not args.json and sys.stderr.isatty() else None
        result = app.leads.import_file(actor, args.file, args.source, sheet=args.sheet, mapping=mapping,
                                       rules=rules, progress=show)
    finally:
        app.close()
    if args.json:
        print(json.dumps({"import_id": result.id, "source": result.source, "file": result.file_name,
                          "sha256": result.sha256, "sheet": result.sheet, "rows": result.rows,
                          "mapping": result.mapping, "ignored_columns": list(result.ignored_columns),
                          "leads": result.leads_by_rule}, ensure_ascii=False, indent=2))
        return 0
    if show:
        print(file=sys.stderr)
    print(f"已导入 {result.file_name}：{result.rows} 行（来源 {result.source}）")
    if result.ignored_columns:
        print("未使用的列：" + "、".join(result.ignored_columns))
    total = sum(result.leads_by_rule.values())
    print(f"筛查线索 {total} 条" + ("：" if total else ""))
    for rule, n in result.leads_by_rule.items():
        print(f"  {RULE_LABELS_ZH.get(rule, rule)}：{n}")
    return 0
