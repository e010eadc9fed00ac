"""`inspector sync --server URL [--user U] [--once]`: headless sync for scripts.

Exit status: 0 synced; 1 a round failed (offline, refused); 3 sign-in needed or failed. The password comes from
--password-stdin or INSPECTOR_SYNC_PASSWORD, else a prompt; a stored token is reused while it is valid.
"""

from __future__ import annotations

import argparse
import dataclasses
import getpass
import json
import logging
import os
import signal
import sys
from collections.abc import Callable, Sequence
from typing import Any

from inspector_app.domain.errors import QT_TRANSLATE_NOOP


def register(subparsers: Any) -> argparse.ArgumentParser:
    p = subparsers.add_parser("sync", help=QT_TRANSLATE_NOOP(
        "Cli", "synchronise this workspace with a sync server (headless)"),
                              description=QT_TRANSLATE_NOOP(
                                  "Cli", "Push local changes, pull the team's changes, upload photos."))
    p.add_argument("--server", required=True, metavar="URL", help=QT_TRANSLATE_NOOP(
        "Cli", "e.g. http://127.0.0.1:8765"))
    p.add_argument("--user", metavar="U", help=QT_TRANSLATE_NOOP(
        "Cli", "sign in as U (asks for the password unless a token is stored)"))
    p.add_argument("--once", action="store_true", help=QT_TRANSLATE_NOOP(
        "Cli", "one round, then exit (default: keep syncing)"))
    p.add_argument("--interval", type=float, default=30.0, help=QT_TRANSLATE_NOOP(
        "Cli", "seconds between rounds when idle"))
    p.add_argument("--password-stdin", action="store_true",
                   help=QT_TRANSLATE_NOOP("Cli", "read the password(s) from standard input: the officer's first "
                                                 "when the workspace needs a sign-in, then the sync account's"))
    p.add_argument("--officer", metavar="NAME", default=None,
                   help=QT_TRANSLATE_NOOP(
                       "Cli", "officer who unlocks a workspace with key slots (default: --user when it names one); "
                              "password from --password-stdin, INSPECTOR_PASSWORD or a prompt"))
    p.add_argument("--chunk-mib", type=float, default=4.0, help=QT_TRANSLATE_NOOP(
        "Cli", "upload chunk size in MiB"))
    p.add_argument("--json", action="store_true", help=QT_TRANSLATE_NOOP("Cli", "print the status as JSON"))
    p.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS,
                   help=QT_TRANSLATE_NOOP(
                       "Cli", "workspace directory (default: INSPECTOR_HOME, else the user data directory)"))
    p.set_defaults(handler=run)
    return p


def _password(args: argparse.Namespace, user: str) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\n")
    return os.environ.get("INSPECTOR_SYNC_PASSWORD") or getpass.getpass(f"{user} 的密码：")


def _officer_named(keys_dir: Any, user: str | None) -> str | None:
    """`--user` doubles as the officer when a key slot has that name (laptop and server accounts often match)."""
    from inspector_app.services.signin import KeySlotError, WorkspaceKeys

    if not user:
        return None
    try:
        return WorkspaceKeys(keys_dir).find(user).name if WorkspaceKeys(keys_dir).initialised() else None
    except KeySlotError:
        return None


def _print_status(status: Any, as_json: bool, words: Callable[[BaseException], str] = str) -> None:
    """The status line; the error in the user's language (`words`, ui/cli_words.py), in JSON as its code."""
    if as_json:
        problem = status.last_problem
        d = dataclasses.asdict(dataclasses.replace(status, last_problem=None))
        d["last_problem"] = problem.code if problem is not None else None
        print(json.dumps(d, default=str, ensure_ascii=False))
        return
    error = words(status.last_problem) if status.last_problem is not None else status.last_error
    last = status.last_sync_at.isoformat(timespec="seconds") if status.last_sync_at else "—"
    print(f"{'在线' if status.online else '离线'}  待上传修改 {status.pending_changes}  照片 {status.photos_uploaded}/"
          f"{status.photos_total}  冲突 {status.open_conflicts}  被拒绝 {status.rejected_changes}  上次同步 {last}"
          + (f"  错误：{error}" if error else ""))


def run(args: argparse.Namespace) -> int:
    from inspector_app.app import build_context
    from inspector_app.paths import resolve_paths
    from inspector_app.signin_cli import SignInRequired, error_line, error_words, unlock
    from inspector_app.sync import account
    from inspector_app.sync.engine import SyncEngine
    from inspector_app.sync.transport import HttpTransport

    data_dir = getattr(args, "data_dir", None)

    def words(exc: BaseException) -> str:
        return error_words(exc, args)

    officer = args.officer or _officer_named(resolve_paths(data_dir).keys_dir, args.user)
    try:
        _o, key = unlock(argparse.Namespace(officer=officer, password_stdin=args.password_stdin), data_dir)
    except SignInRequired as exc:
        print(error_line(exc, args), file=sys.stderr)
        return 3
    app = build_context(data_dir, workspace_key=key)
    transport = HttpTransport(args.server)
    engine = SyncEngine(app.ctx, transport, server_url=args.server, chunk_size=int(args.chunk_mib * (1 << 20)),
                        idle_interval=args.interval)
    try:
        with app.ctx.read() as s:
            acc = account.load(s)
        need = acc is None or not acc.token_valid(app.ctx.clock()) or (args.user and args.user != acc.user) \
            or acc.server_url not in ("", args.server)
        if need:
            user = args.user or (acc.user if acc else None)
            if not user:
                print("请用 --user 指定登录用户", file=sys.stderr)
                return 3
            res = engine.sign_in(user, _password(args, user))
            if not res.ok:
                print(f"登录失败：{res.message}", file=sys.stderr)
                return 3
            if not res.online:
                print(res.message, file=sys.stderr)
        if args.once:
            result = engine.sync_round()
            _print_status(engine.status(), args.json, words)
            if engine.status().state == "auth_required":
                return 3
            return 0 if result.ok else 1
        stop = {"flag": False}

        def _stop(*_a: Any) -> None:
            stop["flag"] = True

        signal.signal(signal.SIGINT, _stop)
        signal.signal(signal.SIGTERM, _stop)
        engine.on_status = lambda st: _print_status(st, args.json, words)
        engine.run(lambda: stop["flag"])
        return 0
    finally:
        transport.close()
        app.close()


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    parser = argparse.ArgumentParser(prog="inspector")
    sub = parser.add_subparsers(dest="command", required=True)
    register(sub)
    args = parser.parse_args(argv)
    return int(args.handler(args))


if __name__ == "__main__":
    sys.exit(main())
