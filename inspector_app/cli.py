"""The `inspector` command. With no subcommand it starts the desktop app."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from inspector_app import __version__

# The command modules (signin_cli with getpass, agency_time with zoneinfo) are imported by the commands that use
# them: the sign-in window of the daily start (`inspector`) needs neither (issue 17; the main window imports
# agency_time later for its times).


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """domain.errors' marker, repeated: the daily start (`_desktop_args`) imports nothing it does not need."""
    return text


def _add_data_dir(p: argparse.ArgumentParser, top: bool = False) -> None:
    # Accepted before or after the subcommand; SUPPRESS keeps a subcommand from resetting the top-level value.
    p.add_argument("--data-dir", metavar="DIR", default=None if top else argparse.SUPPRESS,
                   help=QT_TRANSLATE_NOOP("Cli", "workspace directory (default: INSPECTOR_HOME, else the "
                                                 "platform's user data directory)"))


def build_parser() -> argparse.ArgumentParser:
    from inspector_app.cli_help import CliParser
    from inspector_app.signin_cli import add_user_args

    parser = CliParser(  # its subcommands' parsers are CliParsers too: help in the user's language
        prog="inspector",
        description=QT_TRANSLATE_NOOP(
            "Cli", "医保基金现场检查 — offline field-inspection client. Without a command, starts the desktop app."),
    )
    parser.add_argument("--version", action="version", version=f"inspector {__version__}")
    _add_data_dir(parser, top=True)
    parser.add_argument("--lang", choices=["zh_CN", "en"], help=QT_TRANSLATE_NOOP(
        "Cli", "user-interface language (default: system locale)"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    forms = sub.add_parser("forms", help=QT_TRANSLATE_NOOP("Cli", "checklist library: list, validate, show"),
                           description=QT_TRANSLATE_NOOP("Cli", "Work with the checklist templates in forms/."))
    fsub = forms.add_subparsers(dest="forms_command", metavar="ACTION", required=True)
    flist = fsub.add_parser("list", help=QT_TRANSLATE_NOOP(
        "Cli", "list the templates that load, with item counts and content hashes"))
    flist.add_argument("--json", action="store_true", help=QT_TRANSLATE_NOOP("Cli", "machine-readable output"))
    fval = fsub.add_parser("validate", help=QT_TRANSLATE_NOOP("Cli", "check template files and report every problem"),
                           description=QT_TRANSLATE_NOOP(
                               "Cli", "Exit status 0 when every file is valid, 1 otherwise."))
    fval.add_argument("paths", nargs="+", type=Path, metavar="PATH", help=QT_TRANSLATE_NOOP(
        "Cli", "a .toml file or a folder of them"))
    fshow = fsub.add_parser("show", help=QT_TRANSLATE_NOOP("Cli", "print one template as the app reads it"))
    fshow.add_argument("template_id", metavar="ID")
    fshow.add_argument("--json", action="store_true", help=QT_TRANSLATE_NOOP(
        "Cli", "print the parsed template as JSON"))

    demo = sub.add_parser("demo", help=QT_TRANSLATE_NOOP(
        "Cli", "create a demo workspace (fictional roster and sample inspections)"),
                          description=QT_TRANSLATE_NOOP(
                              "Cli", "Create a demo workspace: institutions of every category and level, officers "
                                     "(one with an expired certificate) and sample inspections."))
    _add_data_dir(demo)
    demo.add_argument("--launch", action="store_true", help=QT_TRANSLATE_NOOP(
        "Cli", "start the desktop app on the workspace afterwards"))

    insp = sub.add_parser("inspections", help=QT_TRANSLATE_NOOP("Cli", "list inspections in the workspace"))
    isub = insp.add_subparsers(dest="inspections_command", metavar="ACTION", required=True)
    ilist = isub.add_parser("list", help=QT_TRANSLATE_NOOP(
        "Cli", "list inspections with status, team and completion"))
    _add_data_dir(ilist)
    add_user_args(ilist)
    ilist.add_argument("--json", action="store_true", help=QT_TRANSLATE_NOOP("Cli", "machine-readable output"))

    from inspector_app.verify_cli import register as register_verify

    register_verify(sub)

    shot = sub.add_parser("screenshot", help=QT_TRANSLATE_NOOP("Cli", "render the main screens to PNG (offscreen)"),
                          description=QT_TRANSLATE_NOOP(
                              "Cli", "Render the main screens of a workspace to PNG files, offscreen. Without "
                                     "--data-dir a temporary demo workspace is created."))
    _add_data_dir(shot)
    shot.add_argument("--out", type=Path, required=True, metavar="DIR", help=QT_TRANSLATE_NOOP(
        "Cli", "folder for the PNG files"))
    shot.add_argument("--lang", choices=["zh_CN", "en"], default="zh_CN", help=QT_TRANSLATE_NOOP(
        "Cli", "interface language (default zh_CN)"))
    add_user_args(shot)

    fonts = sub.add_parser("fonts", help=QT_TRANSLATE_NOOP(
        "Cli", "build the bundled Chinese fonts (Noto Sans SC) into the cache"),
                           description=QT_TRANSLATE_NOOP(
                               "Cli", "Build static Noto Sans SC Regular/Bold from the installed variable font "
                                      "(OFL-1.1) for the interface and the PDF records. Runs once; later calls "
                                      "return at once."))
    fonts_sub = fonts.add_subparsers(dest="fonts_command", metavar="ACTION", required=True)
    fbuild = fonts_sub.add_parser("build", help=QT_TRANSLATE_NOOP("Cli", "build (or check) the font cache"))
    _add_data_dir(fbuild)

    from inspector_app.draw_cli import register as register_draw
    from inspector_app.plans_cli import register as register_plans
    from inspector_app.server.cli import register as register_server
    from inspector_app.leads_cli import register as register_leads
    from inspector_app.restore_cli import register as register_restore
    from inspector_app.signin_cli import register as register_keys
    from inspector_app.sync.cli import register as register_sync

    register_server(sub)
    register_sync(sub)
    register_restore(sub)
    register_keys(sub)
    register_plans(sub)
    register_draw(sub)
    register_leads(sub)
    return parser


def _cmd_screenshot(args: argparse.Namespace) -> int:
    import os
    import tempfile

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from inspector_app.app import build_context, render_screenshots
    from inspector_app.demo.workspace import create_demo
    from inspector_app.signin_cli import open_workspace

    data_dir = _data_dir(args) or tempfile.mkdtemp(prefix="inspector-screens-")
    app = open_workspace(args, data_dir) if _data_dir(args) else build_context(data_dir)
    try:
        if not app.roster.institutions():
            create_demo(app)
        for path in render_screenshots(app, args.out, args.lang):
            print(path)
    finally:
        app.close()
    return 0



def _cmd_fonts(args: argparse.Namespace) -> int:
    import time

    from inspector_app.fonts import ensure_fonts
    from inspector_app.paths import resolve_paths

    cache = resolve_paths(_data_dir(args)).cache_dir / "fonts"
    started = time.perf_counter()
    fontset = ensure_fonts(cache, progress=lambda pct, msg: print(f"  {pct:3d}% {msg}", flush=True))
    print(f"{fontset.family}: {fontset.regular}, {fontset.bold} ({time.perf_counter() - started:.1f} s)")
    return 0


def _data_dir(args: argparse.Namespace) -> str | None:
    return getattr(args, "data_dir", None)


def _cmd_forms(args: argparse.Namespace) -> int:
    from inspector_app.catalog.loader import load_library, validate_paths
    from inspector_app.resources import forms_dir

    from inspector_app.paths import resolve_paths
    from inspector_app.ui.cli_words import cli_language, problem_words

    # a template's problems are coded: worded in the command line's language, as its errors are
    say = problem_words(resolve_paths().cache_dir, cli_language(getattr(args, "lang", None)))
    if args.forms_command == "validate":
        templates, problems = validate_paths(args.paths)
        for t in templates:
            print(f"OK   {t.id} {t.version}: {len(t.items())} 项 ({t.title})")
        for p in problems:
            print(f"FAIL {say(p)}", file=sys.stderr)
        if problems:
            print(f"{len(problems)} 个问题", file=sys.stderr)
        return 1 if problems else 0
    lib = load_library(forms_dir())
    for p in lib.problems:
        print(f"已拒绝 {say(p)}", file=sys.stderr)
    if args.forms_command == "list":
        rows = [{"id": t.id, "version": t.version, "title": t.title, "items": len(t.items()),
                 "applies_to": list(t.applies_to), "content_hash": t.content_hash}
                for t in sorted(lib.templates.values(), key=lambda t: t.id)]
        if args.json:
            print(json.dumps(rows, ensure_ascii=False, indent=2))
        else:
            for r in rows:
                print(f"{r['id']:<22} {r['version']:<8} {r['items']:>3} 项  {r['title']}  "
                      f"[{'、'.join(r['applies_to'])}]  {r['content_hash'][:12]}")
            print(f"共 {len(rows)} 个模板，{sum(r['items'] for r in rows)} 个检查项")
        return 0
    template = lib.templates.get(args.template_id)
    if template is None:
        print(f"没有模板 {args.template_id!r}（可用：{', '.join(sorted(lib.templates))}）", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(template.source, ensure_ascii=False, indent=2))
        return 0
    print(f"{template.title} ({template.id} {template.version}, {template.content_hash[:16]})")
    for section in template.sections:
        print(f"\n[{section.title}]")
        for item in section.items:
            extra = f"  阈值 {item.threshold.describe()}{item.unit}" if item.threshold else ""
            print(f"  {item.id:<8} {item.label} <{item.answer.value}>{extra}")
            if item.legal_basis:
                print(f"           依据：{item.legal_basis}")
    return 0


def _cmd_demo(args: argparse.Namespace) -> int:
    from inspector_app import fonts
    from inspector_app.app import build_context, launch_gui
    from inspector_app.paths import resolve_paths
    from inspector_app.demo.workspace import create_demo
    from inspector_app.demo.keys import create_demo_keys
    from inspector_app.services.signin import WorkspaceKeys

    if fonts.cached_fonts(fonts.default_cache_dir()) is None:  # the demo signs records: say why the wait
        print("首次使用：正在生成 PDF 笔录所需的中文字体（仅此一次，约半分钟至两分钟）……", flush=True)
        fonts.ensure_fonts(fonts.default_cache_dir(), lambda pct, msg: print(f"  {pct:3d}% {msg}", flush=True),
                           jobs=2)
    paths = resolve_paths(_data_dir(args))
    keys = WorkspaceKeys(paths.keys_dir)
    existing = keys.initialised()
    if not existing and paths.database.exists():  # a workspace from before sign-in existed: still plain
        app = build_context(_data_dir(args))
        try:
            existing = bool(app.roster.institutions())
        finally:
            app.close()
    if existing:
        print(f"工作区 {paths.data_dir} 已有数据，未重复创建演示数据。")
    else:
        key, recovery = create_demo_keys(keys, paths.data_dir)
        app = build_context(_data_dir(args), workspace_key=key)
        try:
            counts = create_demo(app, progress=lambda msg: print(f"  已创建 {msg}"), keys=keys, workspace_key=key)
        finally:
            app.close()
        print(f"演示工作区已创建：{paths.data_dir}（{counts['institutions']} 家机构，"
              f"{counts['officers']} 名执法人员，{counts['inspections']} 次检查）")
        print(f"登录密码与证书密码：{paths.keys_dir / 'demo-passwords.txt'}")
        print(f"演示用恢复私钥（仅供演示，真实机构应离线保管）：{recovery}")
    if args.launch:
        return launch_gui(_data_dir(args), getattr(args, "lang", None))
    return 0


def _cmd_inspections(args: argparse.Namespace) -> int:
    from inspector_app.domain.agency_time import agency_zone, local
    from inspector_app.signin_cli import open_workspace

    app = open_workspace(args, _data_dir(args))
    try:
        rows = app.queries.inspections()
    finally:
        app.close()
    if args.json:
        print(json.dumps([{  # times on the agency's clock, with their offset (+08:00)
            "id": r.id, "institution": r.institution_name, "category": r.institution_category,
            "type": r.inspection_type, "mode": r.mode, "status": r.status,
            "planned_at": local(r.planned_at).isoformat(),
            "started_at": local(r.started_at).isoformat() if r.started_at else None,
            "ended_at": local(r.ended_at).isoformat() if r.ended_at else None, "team": list(r.team),
            "items_total": r.items_total, "items_answered": r.items_answered, "violations": r.violations,
            "findings": r.findings, "unsynced": r.unsynced,
        } for r in rows], ensure_ascii=False, indent=2))
        return 0
    from inspector_app.domain.inspection import STATUS_LABELS_ZH, Status

    short = short_ids([r.id for r in rows])
    width = max((len(v) for v in short.values()), default=8)
    if rows:
        print(f"{'编号':<{width - 2}}  计划时间（{agency_zone()}）")
    for r in rows:
        print(f"{short[r.id]:<{width}}  {local(r.planned_at):%Y-%m-%d %H:%M}  {STATUS_LABELS_ZH[Status(r.status)]:<5} "
              f"{r.inspection_type:<6} {r.institution_name}  {r.completion:5.1f}%  问题 {r.findings}  "
              f"[{'、'.join(r.team)}]")
    print(f"共 {len(rows)} 次检查" + ("；导出时用左列编号，如 inspector export " + short[rows[0].id] + " --pdf 笔录.pdf"
                                       if rows else ""))
    return 0


def short_ids(ids: list[str], minimum: int = 8) -> dict[str, str]:
    """The shortest prefix of each id (at least `minimum` characters) that no other id starts with: what
    `inspector export ID` accepts. UUIDv7 ids made in the same second share their first 8-12 characters."""
    out = {}
    for i in ids:
        n = minimum
        while n < len(i) and any(j != i and j.startswith(i[:n]) for j in ids):
            n += 1
        out[i] = i[:n]
    return out


def _error_line(exc: BaseException, args: argparse.Namespace) -> str:
    """The error in the user's language (`--lang`, else the locale, else Chinese), in the words the windows use:
    the same catalogue and mapper (ui/cli_words.py; it loads QtCore only, no window)."""
    from inspector_app.paths import resolve_paths
    from inspector_app.ui.cli_words import error_line

    return error_line(exc, getattr(args, "lang", None), resolve_paths().cache_dir)


_DESKTOP_OPTIONS = {"--data-dir": "data_dir", "--lang": "lang"}


def _desktop_args(argv: Sequence[str] | None) -> argparse.Namespace | None:
    """The daily start — `inspector` with at most --data-dir DIR and --lang zh_CN|en, each once — read without
    building any parser; None for anything else (a command, --help, --version, an abbreviation, a repeat, a
    mistake), which `build_parser` parses and reports as before. Not argparse here: building even a two-option
    parser looks its words up through gettext, which searches the locale directories at every lookup (≈ 3 ms
    before the sign-in window); the full parser behind it accepts the same forms (tests/cli/test_cli.py)."""
    args = list(sys.argv[1:] if argv is None else argv)
    found: dict[str, str | None] = {"data_dir": None, "lang": None}
    i = 0
    while i < len(args):
        name, eq, value = args[i].partition("=")
        key = _DESKTOP_OPTIONS.get(name)
        if key is None or found[key] is not None:
            return None
        if not eq:
            if i + 1 >= len(args):
                return None
            i += 1
            value = args[i]
        if not value or value.startswith("-") or (key == "lang" and value not in ("zh_CN", "en")):
            return None
        found[key] = value
        i += 1
    return argparse.Namespace(command=None, **found)


def _parse(argv: Sequence[str] | None) -> argparse.Namespace:
    """Any command line but the daily start. Help and usage errors speak the user's language (cli_help.py): known
    before parsing, from `--lang` in argv or the locale."""
    from inspector_app.cli_help import requested_language, speaking

    parser = build_parser()
    with speaking(requested_language(sys.argv[1:] if argv is None else argv)):
        return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    from inspector_app import fileio

    fileio.private_umask()   # whatever a command writes into a workspace is owner-only (issue 12 item 3)
    args = _desktop_args(argv) or _parse(argv)
    try:
        return _run(args)
    except Exception as exc:  # noqa: BLE001 - re-raised unless it is one of the coded errors below
        # Imported only when something went wrong: storage.migrate brings SQLAlchemy (≈ 0.5 s of CPU), which the
        # daily start must not load before its sign-in window (issue 17).
        from inspector_app.domain.errors import DomainError
        from inspector_app.signin_cli import SignInRequired
        from inspector_app.storage.integrity import CorruptDatabaseError
        from inspector_app.storage.migrate import NewerDatabaseError, NotOurDatabaseError

        if isinstance(exc, SignInRequired):  # a coded error too: before DomainError, for its own exit status
            print(_error_line(exc, args), file=sys.stderr)
            return 3
        if isinstance(exc, (NewerDatabaseError, NotOurDatabaseError, CorruptDatabaseError, DomainError)):
            print(_error_line(exc, args), file=sys.stderr)
            return 2
        raise


def _run(args: argparse.Namespace) -> int:
    if args.command == "forms":
        return _cmd_forms(args)
    if args.command == "demo":
        return _cmd_demo(args)
    if args.command == "inspections":
        return _cmd_inspections(args)
    if args.command == "screenshot":
        return _cmd_screenshot(args)
    if args.command == "fonts":
        return _cmd_fonts(args)
    if args.command in ("verify", "export", "server", "sync", "keys", "restore", "backups", "plans", "draw",
                        "coverage", "leads", "selfcheck"):
        return int(args.handler(args))
    from inspector_app.desktop import launch_gui  # not via app.py: the sign-in window before the core

    return launch_gui(_data_dir(args), args.lang)
