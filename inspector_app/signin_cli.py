"""Officer sign-in on the command line, and `inspector keys ...` (key slots: passwords and recovery).

A workspace with key slots (`keys/slots.json`) is opened only by an officer's password: `--user NAME` (name,
执法证号 or officer id) with the password from `--password-stdin` (first line of standard input), the
INSPECTOR_PASSWORD environment variable, or a prompt. A workspace without key slots (made before sign-in
existed) opens as before. No Qt here.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import Any

from inspector_app.domain.errors import QT_TRANSLATE_NOOP, DomainError


class SignInRequired(DomainError):
    """Printed as the error and exit status 3, like `inspector sync` when a sign-in is needed."""


def add_user_args(p: argparse.ArgumentParser, flag: str = "--user") -> None:
    p.add_argument(flag, dest="officer", metavar="NAME", default=argparse.SUPPRESS,
                   help=QT_TRANSLATE_NOOP("Cli", "officer signing in (name or 执法证号); password from "
                                                 "--password-stdin, INSPECTOR_PASSWORD or a prompt"))
    if flag == "--user":
        p.add_argument("--password-stdin", action="store_true", default=argparse.SUPPRESS,
                       help=QT_TRANSLATE_NOOP(
                           "Cli", "read the officer's password from the first line of standard input"))


def read_password(args: argparse.Namespace, prompt: str) -> str:
    import os

    if getattr(args, "password_stdin", False):
        line = sys.stdin.readline()
        if not line:
            raise SignInRequired("cli.no_password_on_stdin", QT_TRANSLATE_NOOP(
                "Errors", "There is no password on standard input."))
        return line.rstrip("\r\n")
    env = os.environ.get("INSPECTOR_PASSWORD")
    if env:
        return env
    if not sys.stdin.isatty():
        raise SignInRequired("cli.password_needed", QT_TRANSLATE_NOOP(
            "Errors", "A password is needed: use --password-stdin or the INSPECTOR_PASSWORD environment variable, or "
            "run in a terminal to type it."))
    return getpass.getpass(prompt)


def error_words(exc: BaseException, args: argparse.Namespace) -> str:
    """A coded error in the command line's language, through the windows' catalogue and mapper (ui/cli_words.py:
    QtCore only, no window); `inspector sync` words its errors here too."""
    from inspector_app.paths import resolve_paths
    from inspector_app.ui.cli_words import message

    return message(exc, getattr(args, "lang", None), resolve_paths(getattr(args, "data_dir", None)).cache_dir)


def error_line(exc: BaseException, args: argparse.Namespace) -> str:
    """`错误：…` / `Error: …`, the line a command prints before it exits."""
    from inspector_app.paths import resolve_paths
    from inspector_app.ui import cli_words

    return cli_words.error_line(exc, getattr(args, "lang", None),
                                resolve_paths(getattr(args, "data_dir", None)).cache_dir)


def unlock(args: argparse.Namespace, data_dir: str | None) -> tuple[Any, bytes | None]:
    """(the signed-in officer or None, the workspace key or None for a workspace without key slots)."""
    from inspector_app.paths import resolve_paths
    from inspector_app.services.signin import KeySlotError, WorkspaceKeys

    keys = WorkspaceKeys(resolve_paths(data_dir).keys_dir)
    name = getattr(args, "officer", None)
    if not keys.initialised():
        return None, None
    if not name:
        raise SignInRequired("cli.sign_in_needed", QT_TRANSLATE_NOOP(
            "Errors", "This workspace needs a sign-in: use --user NAME (who can sign in: {names})."),
            names=", ".join(o.name for o in keys.officers()) or "—")
    try:
        officer = keys.find(name)
        return officer, keys.unlock(officer.officer_id, read_password(args, f"{officer.name} 的登录密码："))
    except KeySlotError as exc:
        raise SignInRequired("cli.sign_in_failed", QT_TRANSLATE_NOOP("Errors", "Sign-in failed"),
                             problems=[exc]) from exc


def open_workspace(args: argparse.Namespace, data_dir: str | None) -> Any:
    """Sign in (if the workspace has key slots), then the app context on the unlocked key."""
    from inspector_app.app import build_context

    _officer, key = unlock(args, data_dir)
    return build_context(data_dir, workspace_key=key)


# ---------------------------------------------------------------------------------------------- inspector keys

def register(sub: Any) -> None:
    keys = sub.add_parser("keys", help=QT_TRANSLATE_NOOP(
        "Cli", "officers' sign-in passwords and the recovery key (key slots)"),
                          description=QT_TRANSLATE_NOOP(
                              "Cli", "The workspace key is wrapped once per officer password and once for the "
                                     "agency's recovery public key (keys/slots.json)."))
    ksub = keys.add_subparsers(dest="keys_command", metavar="ACTION", required=True)

    def data_dir(p: argparse.ArgumentParser) -> None:
        p.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS, help=QT_TRANSLATE_NOOP(
            "Cli", "workspace directory"))

    klist = ksub.add_parser("list", help=QT_TRANSLATE_NOOP(
        "Cli", "who can sign in on this laptop (name, role, 执法证号)"))
    data_dir(klist)
    init = ksub.add_parser("init", help=QT_TRANSLATE_NOOP(
        "Cli", "create the workspace key for a workspace without one"),
                           description=QT_TRANSLATE_NOOP(
                               "Cli", "Create the workspace key, wrap it for the agency's recovery public key and "
                                      "give the first officer (already in the roster) a password."))
    init.add_argument("--recovery-public-key", type=Path, required=True, metavar="PUB.pem")
    init.add_argument("--officer", required=True, metavar="NAME", help=QT_TRANSLATE_NOOP(
        "Cli", "name or 执法证号 of the first officer"))
    data_dir(init)
    add = ksub.add_parser("add", help=QT_TRANSLATE_NOOP(
        "Cli", "give another officer of the roster a password (needs a signed-in officer)"))
    add.add_argument("--officer", dest="target", required=True, metavar="NAME")
    add_user_args(add)
    data_dir(add)
    passwd = ksub.add_parser("passwd", help=QT_TRANSLATE_NOOP(
        "Cli", "change an officer's password (re-wraps that officer's slot only)"))
    add_user_args(passwd)
    data_dir(passwd)
    remove = ksub.add_parser("remove", help=QT_TRANSLATE_NOOP(
        "Cli", "remove an officer's slot (e.g. a departed officer)"))
    remove.add_argument("--officer", dest="target", required=True, metavar="NAME")
    add_user_args(remove)
    data_dir(remove)
    rec = ksub.add_parser("recover", help=QT_TRANSLATE_NOOP(
        "Cli", "set a new password for an officer with the agency's recovery key"),
                          description=QT_TRANSLATE_NOOP(
                              "Cli", "For a lost password: unwrap the workspace key with the recovery PRIVATE key "
                                     "and give the officer a new password (prompted, or from --password-stdin / "
                                     "INSPECTOR_NEW_PASSWORD)."))
    rec.add_argument("--recovery-key", type=Path, required=True, metavar="PRIVATE.pem")
    rec.add_argument("--officer", dest="target", required=True, metavar="NAME")
    rec.add_argument("--password-stdin", action="store_true", help=QT_TRANSLATE_NOOP(
        "Cli", "read the new password from standard input"))
    data_dir(rec)
    keys.set_defaults(handler=run)


def _new_password(args: argparse.Namespace, name: str) -> str:
    """A new password: the next line of standard input (--password-stdin), INSPECTOR_NEW_PASSWORD, or a prompt
    typed twice. Never INSPECTOR_PASSWORD: that one is the signing-in officer's current password."""
    import os

    from inspector_app.storage.keyslots import password_problem

    if getattr(args, "password_stdin", False):
        first = sys.stdin.readline().rstrip("\r\n")
    elif os.environ.get("INSPECTOR_NEW_PASSWORD"):
        first = os.environ["INSPECTOR_NEW_PASSWORD"]
    elif sys.stdin.isatty():
        first = getpass.getpass(f"{name} 的新登录密码：")
        if getpass.getpass("再输入一次：") != first:
            raise SignInRequired("cli.passwords_differ", QT_TRANSLATE_NOOP(
                "Errors", "The two passwords typed are not the same."))
    else:
        raise SignInRequired("cli.new_password_needed", QT_TRANSLATE_NOOP(
            "Errors", "A new password is needed: use --password-stdin or the INSPECTOR_NEW_PASSWORD environment "
            "variable, or run in a terminal."))
    problem = password_problem(first)
    if problem:
        raise SignInRequired(problem.code, problem.template, **problem.params)
    return first


def _recovery_key_password(pem: bytes) -> bytes | None:
    """The agency should keep its recovery private key encrypted: its passphrase from
    INSPECTOR_RECOVERY_KEY_PASSWORD or a prompt."""
    import os

    if b"ENCRYPTED" not in pem:
        return None
    value = os.environ.get("INSPECTOR_RECOVERY_KEY_PASSWORD")
    if value is None:
        if not sys.stdin.isatty():
            raise SignInRequired("cli.recovery_key_encrypted", QT_TRANSLATE_NOOP(
                "Errors", "The recovery private key is encrypted: run in a terminal, or give its passphrase in "
                "INSPECTOR_RECOVERY_KEY_PASSWORD."))
        value = getpass.getpass("恢复私钥的口令：")
    return value.encode("utf-8")


def _roster_officer(app: Any, name: str) -> Any:
    matches = [o for o in app.roster.officers() if name in (o.id, o.name, o.certificate_no)]
    if len(matches) != 1:
        if matches:
            raise SignInRequired("cli.officer_ambiguous", QT_TRANSLATE_NOOP(
                "Errors", "The roster has several officers {name}."), name=name)
        raise SignInRequired("cli.officer_unknown", QT_TRANSLATE_NOOP(
            "Errors", "The roster has no officer {name}."), name=name)
    return matches[0]


def run(args: argparse.Namespace) -> int:
    from inspector_app.app import build_context
    from inspector_app.paths import resolve_paths
    from inspector_app.services.context import Actor
    from inspector_app.services.signin import KeySlotError, SessionService, WorkspaceKeys, set_up_first_officer

    data_dir = getattr(args, "data_dir", None)
    keys = WorkspaceKeys(resolve_paths(data_dir).keys_dir)
    try:
        if args.keys_command == "list":
            for o in keys.officers():
                print(f"{o.name}\t{'组长' if o.is_team_lead else '检查员'}\t{o.certificate_no}")
            return 0
        if args.keys_command == "init":
            if keys.initialised():
                raise SignInRequired("cli.keys_exist", QT_TRANSLATE_NOOP(
                    "Errors", "This workspace has a workspace key already; add officers with inspector keys add."))
            pem = args.recovery_public_key.read_bytes()
            app = build_context(data_dir)  # a workspace without key slots is still plain
            try:
                o = _roster_officer(app, args.officer)
                set_up_first_officer(app, keys, pem, _new_password(args, o.name), officer_id=o.id)
            finally:
                app.close()
            print(f"已创建工作区密钥；{o.name} 可以登录")
            return 0
        if args.keys_command == "recover":
            pem = args.recovery_key.read_bytes()
            key = keys.recover(pem, _recovery_key_password(pem))
            app = build_context(data_dir, workspace_key=key)
            try:
                o = _roster_officer(app, args.target)
                keys.set_password(key, o.id, o.name, o.role, o.certificate_no, _new_password(args, o.name))
                SessionService(app.ctx).password_set(Actor("系统管理员"), o.id, "recovery")
            finally:
                app.close()
            print(f"已用恢复密钥为 {o.name} 设置新的登录密码")
            return 0
        officer, key = unlock(args, data_dir)
        if officer is None or key is None:
            raise SignInRequired("cli.no_keys", QT_TRANSLATE_NOOP(
                "Errors", "This workspace has no workspace key yet: run inspector keys init first."))
        actor = officer.actor()
        if args.keys_command == "passwd":
            # the sign-in above checked the old password; with --password-stdin the new one is the next line
            keys.set_password(key, officer.officer_id, officer.name, officer.role, officer.certificate_no,
                              _new_password(args, officer.name))
            how, target = "change", officer.officer_id
        elif args.keys_command == "remove":
            target = keys.find(args.target).officer_id
            keys.remove(target)
            how = "remove"
        else:
            app = build_context(data_dir, workspace_key=key)
            try:
                o = _roster_officer(app, args.target)
                keys.set_password(key, o.id, o.name, o.role, o.certificate_no, _new_password(args, o.name))
            finally:
                app.close()
            how, target = "add", o.id
        app = build_context(data_dir, workspace_key=key)
        try:
            SessionService(app.ctx).password_set(actor, target, how)
        finally:
            app.close()
        print("完成")
        return 0
    except (KeySlotError, SignInRequired, OSError) as exc:
        from inspector_app.ui.cli_words import error_line

        print(error_line(exc, getattr(args, "lang", None), resolve_paths(data_dir).cache_dir), file=sys.stderr)
        return 3
