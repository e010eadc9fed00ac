"""`inspector restore --from BACKUP` and `inspector backups`: the way back from a database refused as corrupt."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from inspector_app.domain.errors import QT_TRANSLATE_NOOP
from inspector_app.signin_cli import add_user_args


def cli_workspace_key(args: argparse.Namespace) -> bytes | None:
    """The workspace key for a command-line run: a workspace with key slots is unlocked by an officer's sign-in
    (--user NAME + password, signin_cli); a plain workspace needs none. The key slots live outside the database,
    so a corrupt database does not stand in the way of unlocking."""
    from inspector_app.signin_cli import unlock

    return unlock(args, getattr(args, "data_dir", None))[1]


def register(sub: Any) -> None:
    restore = sub.add_parser(
        "restore", help=QT_TRANSLATE_NOOP("Cli", "replace a corrupt database by a checked backup"),
        description=QT_TRANSLATE_NOOP(
            "Cli", "Check BACKUP (full integrity check, this app's schema, readable with the workspace key), move "
                   "the current database aside to corrupt/ in the workspace, and copy the backup in. Nothing is "
                   "changed when the backup is unusable. Evidence files are not part of the database backup."))
    restore.add_argument("--from", dest="backup", type=Path, required=True, metavar="BACKUP",
                         help=QT_TRANSLATE_NOOP("Cli", "a backup file (see: inspector backups)"))
    restore.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS, help=QT_TRANSLATE_NOOP(
        "Cli", "workspace directory"))
    add_user_args(restore)
    restore.set_defaults(handler=_cmd_restore)
    listing = sub.add_parser("backups", help=QT_TRANSLATE_NOOP(
        "Cli", "list the database backups of the workspace, newest first"))
    listing.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS, help=QT_TRANSLATE_NOOP(
        "Cli", "workspace directory"))
    listing.set_defaults(handler=_cmd_backups)


def _cmd_restore(args: argparse.Namespace) -> int:
    from inspector_app.app import restore_workspace
    from inspector_app.storage.integrity import BackupRefused

    try:
        aside = restore_workspace(getattr(args, "data_dir", None), args.backup, cli_workspace_key(args))
    except BackupRefused as exc:
        from inspector_app.paths import resolve_paths
        from inspector_app.ui.cli_words import message

        words = message(exc, getattr(args, "lang", None), resolve_paths(getattr(args, "data_dir", None)).cache_dir)
        print(f"错误：{words}。当前数据库未作任何修改。", file=sys.stderr)
        return 2
    print(f"已从备份恢复：{args.backup}")
    if aside is not None:
        print(f"原数据库已移到：{aside}")
    return 0


def _cmd_backups(args: argparse.Namespace) -> int:
    import datetime as dt

    from inspector_app.paths import resolve_paths
    from inspector_app.storage.integrity import backups

    for path in backups(resolve_paths(getattr(args, "data_dir", None)).backups_dir):
        stamp = dt.datetime.fromtimestamp(path.stat().st_mtime).astimezone()
        print(f"{stamp:%Y-%m-%d %H:%M}  {path}")
    return 0
