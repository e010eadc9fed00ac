"""Converting a plain workspace to an encrypted one on its first start with a key, safe against SIGKILL anywhere.

A journal file (`encryption-conversion.json` in the workspace) is written before the first change and removed after
the last, so a start that finds it resumes; each step leaves either the old plain file or the complete encrypted one,
never a mix, so resuming is always possible and nothing needs rolling back:
1. the plain database passes its integrity check, then an encrypted backup is written to backups/ (sqlcipher_export);
2. the database is exported encrypted to `inspector.sqlite3.encrypted`, checked, the plain file's WAL checkpointed
   and removed, and the encrypted file renamed over the plain one (the rename is the switch-over);
3. every plain file — evidence blobs, thumbnails, officers' PKCS#12 files, older database backups (re-exported
   encrypted), databases put aside as corrupt — is sealed into
   a temp file beside it, fsynced and renamed over it, one by one (a sealed file is recognised by its header, so a
   resumed run skips what is done); half-written temp files of a killed run are removed;
4. the journal is removed.
Note: a rename frees the plain file's blocks without wiping them; on SSDs nothing can promise that. Full-disk
encryption (BitLocker, LUKS) on the laptop covers that remainder.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from inspector_app.domain.errors import QT_TRANSLATE_NOOP, DomainError
from inspector_app.paths import AppPaths
from inspector_app.storage import integrity, sqlcipher
from inspector_app.storage.atomic import fsync_dir, write_bytes
from inspector_app.storage.sealed import HEADER, SealWriter, is_sealed
from inspector_app.storage.vault import file_key

log = logging.getLogger(__name__)

JOURNAL_NAME = "encryption-conversion.json"
_CHUNK = 1 << 20


class ConversionFailed(DomainError, RuntimeError):
    """The encrypted copy failed its check; the plain database was left as it was."""


def journal_path(paths: AppPaths) -> Path:
    return paths.data_dir / JOURNAL_NAME


def needed(paths: AppPaths) -> bool:
    """A key was given: is there anything plain to convert (or a conversion to finish)?"""
    # Cheap on every start: the journal or a plain database. (A workspace whose database is encrypted and has no
    # journal finished its conversion; every later write goes through the vault.)
    return journal_path(paths).exists() or sqlcipher.is_plain_file(paths.database) is True


def convert(paths: AppPaths, workspace_key: bytes) -> int:
    """Encrypt everything plain in the workspace; returns how many files were sealed."""
    journal = journal_path(paths)
    # a kill while the journal itself was being written leaves atomic_write's temp beside it (never read: the
    # journal is only trusted once renamed into place)
    for leftover in journal.parent.glob(f".{JOURNAL_NAME}.*.tmp"):
        leftover.unlink(missing_ok=True)
    if not journal.exists():
        write_bytes(journal, json.dumps({"started": dt.datetime.now(dt.timezone.utc).isoformat()}).encode(), 0o600)
        log.info("encrypting the workspace %s", paths.data_dir)
    key = sqlcipher.db_key(workspace_key)
    assert key is not None
    db = paths.database
    for folder in (paths.data_dir, paths.backups_dir):  # database copies cut short by a kill (never referenced)
        for pattern in ("*.incoming", "*.incoming-journal", "*.incoming-wal", "*.incoming-shm"):
            for leftover in folder.glob(pattern):
                leftover.unlink(missing_ok=True)
    if sqlcipher.is_plain_file(db):
        _convert_database(db, key, paths.backups_dir)
    sealed = 0
    sealing_key = file_key(workspace_key)  # the same derived key the vault reads with
    for path in _plain_files(paths):
        if path.parent == paths.backups_dir:  # an older plain backup of the database: stays a usable backup
            sqlcipher.copy_database(path, None, path, key)
        else:
            _seal_in_place(path, sealing_key)
        sealed += 1
    journal.unlink()
    fsync_dir(journal.parent)
    log.info("workspace %s encrypted (%d files sealed)", paths.data_dir, sealed)
    return sealed


def _convert_database(db: Path, key: bytes, backups_dir: Path) -> None:
    integrity.refuse_if_corrupt(db, None, backups_dir)
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    backups_dir.mkdir(parents=True, exist_ok=True)
    sqlcipher.copy_database(db, None, backups_dir / f"{db.stem}-before-encryption-{stamp}.sqlite3", key)
    staged = db.with_name(db.name + ".encrypted")
    sqlcipher.copy_database(db, None, staged, key)
    problem = integrity.quick_check(staged, key, budget_s=600)
    if problem is not None:
        raise ConversionFailed("encryption.check_failed", QT_TRANSLATE_NOOP(
            "Errors", "The encrypted database failed its check ({problem}); the original database is unchanged."),
            problem=problem)
    con = sqlcipher.connect(db, None)
    try:  # fold the plain WAL into the plain file, so no plain -wal is left beside the encrypted database
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        con.close()
    for side in (Path(f"{db}-wal"), Path(f"{db}-shm"), Path(f"{db}-journal")):
        side.unlink(missing_ok=True)
    os.replace(staged, db)
    fsync_dir(db.parent)


def _plain_files(paths: AppPaths) -> Iterator[Path]:
    """Every workspace file that must be sealed and is not yet; removes temp files left by a killed writer."""
    # corrupt/: databases put aside by `inspector restore` (kept for inspection, possibly unreadable): sealed whole
    roots = [paths.blobs_dir, paths.thumbnails_dir, paths.keys_dir / "officers", paths.data_dir / "corrupt"]
    for root in roots:
        if not root.is_dir():
            continue
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            if path.name.startswith((".incoming-", ".tmp-", ".sealing-")):
                path.unlink(missing_ok=True)  # half-written by a killed process: never referenced by a row
                continue
            if not _is_sealed_file(path):
                yield path
    if paths.backups_dir.is_dir():
        for path in sorted(paths.backups_dir.glob("*.sqlite3")):
            if sqlcipher.is_plain_file(path):
                yield path


def _is_sealed_file(path: Path) -> bool:
    with open(path, "rb") as f:
        return is_sealed(f.read(HEADER))


def _seal_in_place(path: Path, file_key: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=".sealing-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out, open(path, "rb") as src:
            with SealWriter(out, file_key) as sink:
                while chunk := src.read(_CHUNK):
                    sink.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)
