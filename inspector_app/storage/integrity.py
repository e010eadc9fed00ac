"""A corrupt store is refused, backups are taken daily and kept 7 days, and a backup is checked before a restore.

- At open: `PRAGMA quick_check` under a time budget (a progress handler interrupts it), so a laptop never waits
  minutes; a check that runs out of time lets the store open (logged) — SQLCipher's per-page HMAC and SQLite's own
  checks still refuse a damaged page when it is read.
- Rolling backups `backups/inspector-daily-YYYYMMDD.sqlite3` (agency date, Asia/Shanghai), the newest 7 kept, made
  with SQLite's backup API on connections keyed like the store: a backup is exactly as encrypted as the store.
- `restore_database` runs the full `PRAGMA integrity_check` and checks the schema revision on the backup, moves the
  corrupt file (and its -wal/-shm) aside to `corrupt/`, then copies the backup in (temp, fsync, rename).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import time
from pathlib import Path
from zoneinfo import ZoneInfo

from inspector_app.domain.errors import QT_TRANSLATE_NOOP, DomainError
from inspector_app.storage import sqlcipher
from inspector_app.storage.atomic import fsync_dir

log = logging.getLogger(__name__)

AGENCY_TZ = ZoneInfo("Asia/Shanghai")
QUICK_CHECK_SECONDS = 5.0
KEEP_DAILY = 7
DAILY_PREFIX = "inspector-daily-"


class CorruptDatabaseError(DomainError, RuntimeError):
    """The database failed its integrity check; it was not opened and nothing was changed. Coded: with a backup
    to restore from (`database.corrupt`, the restore command in its words) or without one
    (`database.corrupt_no_backup`)."""

    def __init__(self, path: Path, detail: str, backup: Path | None):
        self.path, self.detail, self.backup = path, detail, backup
        if backup is not None:
            super().__init__("database.corrupt", QT_TRANSLATE_NOOP(
                "Errors", "The database {path} is damaged (integrity check: {detail}); the program refuses to open "
                          "it so that no wrong data is listed or exported. Restore the latest backup: inspector "
                          "restore --from \"{backup}\" (the damaged file is kept in the corrupt/ folder)."),
                path=str(path), detail=detail, backup=str(backup))
        else:
            super().__init__("database.corrupt_no_backup", QT_TRANSLATE_NOOP(
                "Errors", "The database {path} is damaged (integrity check: {detail}); the program refuses to open "
                          "it so that no wrong data is listed or exported. There is no backup on this computer: ask "
                          "the IT department to sync it again from the server."), path=str(path), detail=detail)

    def __reduce__(self) -> tuple[object, ...]:  # its own constructor: picklable with path, detail and backup
        return (type(self), (self.path, self.detail, self.backup))


class BackupRefused(DomainError, RuntimeError):
    """The backup given to `restore` is unusable; the current database was not touched. Coded (`backup.*`)."""


def _wal_files(path: Path) -> list[Path]:
    return [Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")]


def backups(backups_dir: Path) -> list[Path]:
    """Every backup the app made (daily and before-migration), newest first."""
    if not backups_dir.is_dir():
        return []
    found = [p for p in backups_dir.glob("*.sqlite3") if p.is_file()]
    return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)


def quick_check(path: Path, key: bytes | None, budget_s: float = QUICK_CHECK_SECONDS) -> str | None:
    """None when the check passed (or ran out of time); otherwise what SQLite reported."""
    con = sqlcipher.connect(path, key)
    deadline = time.monotonic() + budget_s
    timed_out = False

    def over_budget() -> int:
        nonlocal timed_out
        timed_out = time.monotonic() > deadline
        return 1 if timed_out else 0

    try:
        con.set_progress_handler(over_budget, 20_000)
        rows = [r[0] for r in con.execute("PRAGMA quick_check(20)").fetchall()]
        return None if rows == ["ok"] else "; ".join(str(r) for r in rows)
    except Exception as exc:  # noqa: BLE001 - sqlite3 and sqlcipher3 errors
        if timed_out:
            log.warning("quick_check of %s did not finish within %.0f s; opening without it", path, budget_s)
            return None
        if not sqlcipher.is_database_error(exc):
            raise
        return str(exc)
    finally:
        con.close()


def refuse_if_corrupt(path: Path, key: bytes | None, backups_dir: Path) -> None:
    problem = quick_check(path, key)
    if problem is not None:
        newest = backups(backups_dir)
        raise CorruptDatabaseError(path, problem, newest[0] if newest else None)


def take_daily_backup(path: Path, key: bytes | None, backups_dir: Path, now: dt.datetime | None = None,
                      keep: int = KEEP_DAILY) -> Path | None:
    """Today's backup if there is none yet (the agency's date); prunes all but the newest `keep`."""
    day = (now or dt.datetime.now(dt.timezone.utc)).astimezone(AGENCY_TZ).strftime("%Y%m%d")
    backups_dir.mkdir(parents=True, exist_ok=True)
    target = backups_dir / f"{DAILY_PREFIX}{day}.sqlite3"
    made = None
    if not target.exists():
        made = sqlcipher.copy_database(path, key, target, key)
    daily = sorted(backups_dir.glob(f"{DAILY_PREFIX}*.sqlite3"), reverse=True)
    for old in daily[keep:]:
        old.unlink(missing_ok=True)
    return made


def check_backup(backup: Path, key: bytes | None, known: set[str]) -> tuple[bytes | None, str]:
    """(the key the backup opens with, its schema revision), or BackupRefused saying why it cannot be used.
    A backup from before the workspace was encrypted is plain; it is accepted and encrypted on the way in."""
    if not backup.is_file():
        raise BackupRefused("backup.missing", QT_TRANSLATE_NOOP(
            "Errors", "The backup file does not exist: {backup}"), backup=str(backup))
    plain = sqlcipher.is_plain_file(backup)
    if plain is None:
        raise BackupRefused("backup.empty", QT_TRANSLATE_NOOP(
            "Errors", "The backup file is empty: {backup}"), backup=str(backup))
    backup_key = None if plain else key
    if backup_key is None and not plain:
        raise BackupRefused("backup.needs_key", QT_TRANSLATE_NOOP(
            "Errors", "The backup {backup} is encrypted and needs the workspace key"), backup=str(backup))
    try:
        sqlcipher.probe(backup, backup_key)
    except sqlcipher.WrongKeyError:
        raise BackupRefused("backup.wrong_key", QT_TRANSLATE_NOOP(
            "Errors", "The backup {backup} cannot be decrypted with this workspace's key (it is not a backup of "
                      "this workspace, or it is damaged)"), backup=str(backup)) from None
    con = sqlcipher.connect(backup, backup_key, readonly=True)
    try:
        rows = [r[0] for r in con.execute("PRAGMA integrity_check(20)").fetchall()]
        if rows != ["ok"]:
            raise BackupRefused("backup.corrupt", QT_TRANSLATE_NOOP(
                "Errors", "The backup {backup} itself is damaged (integrity check: {detail})"),
                backup=str(backup), detail="; ".join(map(str, rows)))
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        row = con.execute("SELECT version_num FROM alembic_version").fetchone() \
            if "alembic_version" in tables else None
    except Exception as exc:  # noqa: BLE001
        if isinstance(exc, BackupRefused) or not sqlcipher.is_database_error(exc):
            raise
        raise BackupRefused("backup.unreadable", QT_TRANSLATE_NOOP(
            "Errors", "The backup {backup} is damaged or cannot be read: {detail}"), backup=str(backup),
            detail=str(exc)) from None
    finally:
        con.close()
    if row is None or row[0] not in known or "inspections" not in tables:
        raise BackupRefused("backup.not_a_database", QT_TRANSLATE_NOOP(
            "Errors", "The backup {backup} is not a database of this program (of this version)"),
            backup=str(backup))
    return backup_key, row[0]


def restore_database(path: Path, backup: Path, key: bytes | None, known: set[str]) -> Path | None:
    """Replace the database at `path` by a checked copy of `backup`; returns where the old file was put aside."""
    backup_key, _revision = check_backup(backup, key, known)
    aside = None
    if path.exists():
        stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
        aside_dir = path.parent / "corrupt"
        aside_dir.mkdir(mode=0o700, exist_ok=True)
        aside = aside_dir / f"{path.stem}-{stamp}{path.suffix}"
        for src in [path, *_wal_files(path)]:
            if src.exists():
                os.replace(src, aside_dir / (aside.name + src.name[len(path.name):]))
        fsync_dir(aside_dir)
        fsync_dir(path.parent)
    sqlcipher.copy_database(backup, backup_key, path, key)
    return aside
