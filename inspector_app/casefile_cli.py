"""The sealing prompts of `inspector export ID --case-file F.zip`: which officer seals (an officer named in the
signed record, or its team lead) and the password of their signing certificate (PKCS#12). Like the sync
command's sign-in, the password comes from --sign-password-stdin, else INSPECTOR_SIGN_PASSWORD, else a prompt; it is
never stored or printed."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Sequence
from typing import Any

from inspector_app.domain.errors import QT_TRANSLATE_NOOP, DomainError


class SealPromptError(DomainError):
    """The sealing officer could not be determined; a coded error (printed in the command line's language)."""


def add_arguments(export: argparse.ArgumentParser) -> None:
    export.add_argument("--officer", metavar="NAME|ID",
                        help=QT_TRANSLATE_NOOP(
                            "Cli", "for --case-file: the officer who seals it (name, 执法证号 or officer id; one "
                                   "of the record's officers or its team lead); asked for when omitted"))
    # Not --password-stdin: that one is the officer's sign-in password (signin_cli); with both, sign-in reads the
    # first line of standard input and the certificate password the next.
    export.add_argument("--sign-password-stdin", action="store_true",
                        help=QT_TRANSLATE_NOOP(
                            "Cli", "for --case-file: read the sealing certificate's password from standard input "
                                   "(default: INSPECTOR_SIGN_PASSWORD, else a prompt)"))


def choose_sealer(sealers: Sequence[Any], wanted: str | None) -> Any:
    if not sealers:
        raise SealPromptError("case_file.no_sealer", QT_TRANSLATE_NOOP(
            "Errors", "The record names no officer who can seal the case file."))
    if wanted:
        hits = [s for s in sealers if wanted in (s.name, s.certificate_no) or s.officer_id.startswith(wanted)]
        if len(hits) > 1:
            raise SealPromptError("case_file.sealer_ambiguous", QT_TRANSLATE_NOOP(
                "Errors", "--officer {wanted}: several sealing officers match (choose from: {choices})."),
                wanted=wanted, choices=_choices(sealers))
        if not hits:
            raise SealPromptError("case_file.sealer_unknown", QT_TRANSLATE_NOOP(
                "Errors", "--officer {wanted}: no sealing officer matches (choose from: {choices})."),
                wanted=wanted, choices=_choices(sealers))
        return hits[0]
    if not sys.stdin.isatty():
        raise SealPromptError("case_file.sealer_needed", QT_TRANSLATE_NOOP(
            "Errors", "Name the sealing officer with --officer (choose from: {choices})."), choices=_choices(sealers))
    print("封卷人（以其签名证书对卷内目录和案卷清单签名）：")
    for n, s in enumerate(sealers, start=1):
        print(f"  {n}. {s.name}（{s.role}，执法证号 {s.certificate_no}）")
    answer = input(f"请选择 1–{len(sealers)}：").strip()
    if not answer.isdigit() or not 1 <= int(answer) <= len(sealers):
        raise SealPromptError("case_file.bad_choice", QT_TRANSLATE_NOOP(
            "Errors", "Not a valid choice: {answer}"), answer=answer or "—")
    return sealers[int(answer) - 1]


def _choices(sealers: Sequence[Any]) -> str:
    return "、".join(f"{s.name}（{s.role}）" for s in sealers)  # names and roles as the record prints them


def password(args: argparse.Namespace, sealer: Any) -> str:
    if args.sign_password_stdin:
        return sys.stdin.readline().rstrip("\n")
    return os.environ.get("INSPECTOR_SIGN_PASSWORD") or getpass.getpass(f"{sealer.name} 的签名证书密码：")


def export_case_file(app: Any, inspection_id: str, args: argparse.Namespace) -> Any:
    sealer = choose_sealer(app.case_files.sealers(inspection_id), args.officer)
    return app.case_files.export(inspection_id, args.case_file, officer_id=sealer.officer_id,
                                 password=password(args, sealer))
