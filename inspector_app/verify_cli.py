"""`inspector verify` and `inspector export`: check a signed PDF record or case file (案卷), and write an
inspection's signed record, case file or publication summary. Split out of cli.py to keep it small; no Qt here."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from inspector_app.domain.errors import QT_TRANSLATE_NOOP
from inspector_app.records import kinds
from inspector_app.signin_cli import add_user_args, open_workspace


def _add_data_dir(p: argparse.ArgumentParser) -> None:
    # As cli._add_data_dir: SUPPRESS keeps the subcommand from resetting a --data-dir given before it.
    p.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS,
                   help=QT_TRANSLATE_NOOP("Cli", "workspace directory (default: INSPECTOR_HOME, else the "
                                                 "platform's user data directory)"))


def _data_dir(args: argparse.Namespace) -> str | None:
    return getattr(args, "data_dir", None)


def register(sub: Any) -> None:
    verify = sub.add_parser("verify", help=QT_TRANSLATE_NOOP(
        "Cli", "verify a signed PDF record or a case-file ZIP (案卷)"),
                            description=QT_TRANSLATE_NOOP(
                                "Cli", "Verify every signature of a signed record against the organisation CA "
                                       "(revocation from --crl, the workspace and the CRLs embedded at signing), "
                                       "that each signer is the person and role the record names, the stage "
                                       "reached (--require; a workspace document: the stage its database claims), "
                                       "the visible pages against the signed data, what changed after each "
                                       "signature, and the embedded whole-process journal. A ZIP is verified as a "
                                       "case file: its seal (the signed 卷内目录 and manifest), every file's "
                                       "SHA-256, every signed PDF and its stage, the journal against the sealed "
                                       "head, unsafe entry names and compression bombs. Exit status 0 only when "
                                       "everything holds."))
    verify.add_argument("file", type=Path, metavar="FILE.pdf|FILE.zip")
    verify.add_argument("--trust", type=Path, action="append", metavar="CA.pem",
                        help=QT_TRANSLATE_NOOP(
                            "Cli", "trusted CA certificate (repeatable; default: the workspace's trust roots)"))
    verify.add_argument("--crl", type=Path, action="append", metavar="CA.crl", help=QT_TRANSLATE_NOOP(
        "Cli", "cached CRL (repeatable)"))
    verify.add_argument("--require", choices=("signed", "approved"),
                        help=QT_TRANSLATE_NOOP(
                            "Cli", "stage the record must reach: signed by its officers, or approved by the team "
                                   "lead (default: every signature the record plans)"))
    verify.add_argument("--json", action="store_true", help=QT_TRANSLATE_NOOP("Cli", "machine-readable report"))
    verify.add_argument("--max-size", type=int, metavar="BYTES",
                        help=QT_TRANSLATE_NOOP(
                            "Cli", "case file: largest total uncompressed size accepted (default 16 GiB)"))
    verify.add_argument("--max-ratio", type=float, metavar="N",
                        help=QT_TRANSLATE_NOOP(
                            "Cli", "case file: largest compression ratio of an entry over 1 MiB (default 200)"))
    verify.add_argument("--ledger", action="store_true",
                        help=QT_TRANSLATE_NOOP(
                            "Cli", "case file: also require its seal in the seal ledger this workspace pulled from "
                                   "the sync server (detects a case file re-sealed after export)"))
    _add_data_dir(verify)
    add_user_args(verify)
    verify.set_defaults(handler=_cmd_verify)

    export = sub.add_parser("export", help=QT_TRANSLATE_NOOP(
        "Cli", "export an inspection's signed record, case file or publication"),
                            description=QT_TRANSLATE_NOOP(
                                "Cli", "Copy the latest signed revision of an inspection's record (--pdf), write "
                                       "its case file (--case-file, 案卷 ZIP), or its publication summary with "
                                       "personal data masked (--publication, PDF plus JSON beside it)."))
    export.add_argument("inspection_id", metavar="ID", help=QT_TRANSLATE_NOOP(
        "Cli", "inspection id (see: inspector inspections list --json)"))
    what = export.add_mutually_exclusive_group(required=True)
    what.add_argument("--pdf", type=Path, metavar="FILE", help=QT_TRANSLATE_NOOP("Cli", "where to write the PDF"))
    what.add_argument("--case-file", type=Path, metavar="FILE.zip", help=QT_TRANSLATE_NOOP(
        "Cli", "where to write the case file (案卷)"))
    what.add_argument("--publication", type=Path, metavar="FILE.pdf",
                      help=QT_TRANSLATE_NOOP(
                          "Cli", "where to write the publication summary (公开); the JSON goes beside it"))
    kind = export.add_argument("--kind", choices=list(kinds.codes()), default="record",
                               help=QT_TRANSLATE_NOOP("Cli", "document for --pdf: %(kinds)s (default: record)"))
    # argparse fills a help's %(name)s from the action's attributes: the translated template keeps the list
    kind.kinds = ", ".join(f"{k.code} ({k.short})" for k in kinds.KINDS)  # type: ignore[attr-defined]
    from inspector_app.casefile_cli import add_arguments as add_seal_arguments

    add_seal_arguments(export)
    _add_data_dir(export)
    add_user_args(export)
    export.set_defaults(handler=_cmd_export)


def _is_zip(path: Path) -> bool:
    with path.open("rb") as f:
        return f.read(4) == b"PK\x03\x04" or path.suffix.lower() == ".zip"


def _has_workspace(args: argparse.Namespace) -> bool:
    from inspector_app.paths import resolve_paths

    return resolve_paths(_data_dir(args)).database.exists()


def _cmd_verify(args: argparse.Namespace) -> int:
    from inspector_app.paths import resolve_paths
    from inspector_app.records.verify import describe, verify_pdf
    from inspector_app.ui.cli_words import problem_words

    if not args.file.is_file():
        print(f"错误：找不到文件 {args.file}", file=sys.stderr)
        return 2
    trust, crls = args.trust, args.crl
    if not trust:
        from inspector_app.services.keys import KeyService

        keys = KeyService(resolve_paths(_data_dir(args)).keys_dir)
        trust, crls = keys.trust_roots(), crls or keys.crls()
    if not trust:
        print("错误：没有可信根证书：请用 --trust CA.pem 指定机构 CA 证书", file=sys.stderr)
        return 2
    if _is_zip(args.file):
        from inspector_app.services.case_file import ScanLimits, verify_case_file

        limits = ScanLimits(**{k: v for k, v in (("max_total", args.max_size), ("max_ratio", args.max_ratio))
                               if v is not None})
        if args.ledger:  # the seal ledger is in the workspace (pulled from the server)
            app = open_workspace(args, _data_dir(args))
            try:
                case = app.case_files.verify(args.file, trust, crls or [], limits=limits, ledger=True)
            finally:
                app.close()
        else:
            case = verify_case_file(args.file, trust, crls or [], limits=limits)
        say = problem_words(resolve_paths(_data_dir(args)).cache_dir)  # the coded problems, in the report's Chinese
        print(case.to_json(say) if args.json else case.describe(say))
        return 0 if case.ok else 1
    if not args.trust and _has_workspace(args) and _may_open_workspace(args):
        # A document of this workspace must reach the stage its database claims (e.g. approved); a foreign file
        # the record's own final stage. An encrypted workspace is read only after a sign-in (--user); without
        # one the file is verified on its own, against the record's final stage.
        app = open_workspace(args, _data_dir(args))
        try:
            report = app.verification.verify(args.file, trust, crls or [], require=args.require)
        finally:
            app.close()
    else:
        report = verify_pdf(args.file, trust, crls or [], require=args.require)
    say = problem_words(resolve_paths(_data_dir(args)).cache_dir)
    print(report.to_json(say) if args.json else describe(report, say))
    return 0 if report.ok else 1


def _may_open_workspace(args: argparse.Namespace) -> bool:
    """A plain workspace opens freely; one with key slots only with an officer named (--user)."""
    from inspector_app.paths import resolve_paths
    from inspector_app.services.signin import WorkspaceKeys

    return bool(getattr(args, "officer", None)) or not WorkspaceKeys(
        resolve_paths(_data_dir(args)).keys_dir).initialised()


def _cmd_export(args: argparse.Namespace) -> int:
    app = open_workspace(args, _data_dir(args))
    try:
        matches = [r.id for r in app.queries.inspections() if r.id.startswith(args.inspection_id)]
        if len(matches) != 1:
            print(f"错误：{'没有' if not matches else '有多个'}检查的编号以 {args.inspection_id} 开头", file=sys.stderr)
            return 2
        if args.case_file:
            from inspector_app.casefile_cli import SealPromptError, export_case_file

            try:
                out = export_case_file(app, matches[0], args)
            except SealPromptError as exc:
                from inspector_app.paths import resolve_paths
                from inspector_app.ui.cli_words import error_line

                print(error_line(exc, getattr(args, "lang", None), resolve_paths().cache_dir), file=sys.stderr)
                return 2
        elif args.publication:
            result = app.case_files.publication(matches[0], args.publication)
            print(result.json)
            out = result.pdf
        else:
            out = app.verification.export_record(matches[0], args.pdf, args.kind)
        print(out)
    finally:
        app.close()
    return 0
