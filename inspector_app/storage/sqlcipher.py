"""Opening the local database plain (sqlite3) or encrypted with SQLCipher (sqlcipher3), through one function.

Rules this module relies on (checked with sqlcipher3 0.6.4 / SQLCipher 4.x):
- `PRAGMA key = "x'<64 hex>'"` must be the first statement on a connection. A raw 32-byte key skips SQLCipher's
  own PBKDF2, so opening is instant; the key is derived here from the workspace key (HKDF, its own purpose label),
  so the database key and the file key are never the same bytes.
- A wrong key (or a plain file opened with a key) fails at the first read with "file is not a database";
  `cipher_log_level = NONE` keeps SQLCipher from printing the HMAC failure to stderr.
- `temp_store = MEMORY` keeps temporary tables and sorts off disk, where they would be written in clear.
- The SQLite backup API works between two connections keyed with the same key; converting plain ↔ encrypted needs
  `ATTACH ... KEY` + `sqlcipher_export` instead (the page layout differs).
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from inspector_app.domain.errors import QT_TRANSLATE_NOOP, DomainError
from inspector_app.storage.atomic import fsync_dir

PLAIN_HEADER = b"SQLite format 3\x00"
KEY_BYTES = 32


class NotOurDatabaseError(DomainError, RuntimeError):
    """The file cannot be opened as this app's database; it has not been touched. A coded error (code, English
    template, parameters): the windows and the command line translate it (ui/errors.py)."""


class WrongKeyError(NotOurDatabaseError):
    """The database does not decrypt with the key given (or its first page is damaged); nothing was changed."""


class EncryptedDatabaseError(NotOurDatabaseError):
    """Not a plain SQLite file and no workspace key was given (encrypted, or not a database); nothing was changed."""


def derive(workspace_key: bytes, purpose: bytes) -> bytes:
    """A 32-byte subkey for one purpose ("db", "files"): one random workspace key, independent keys per use."""
    if len(workspace_key) != KEY_BYTES:
        raise ValueError("the workspace key must be 32 random bytes")
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None,
                info=b"inspector-app workspace v1 " + purpose).derive(workspace_key)


def db_key(workspace_key: bytes | None) -> bytes | None:
    return None if workspace_key is None else derive(workspace_key, b"sqlcipher")


def is_plain_file(path: Path) -> bool | None:
    """True for a plain SQLite file, False for anything else (encrypted: random bytes), None if missing/empty."""
    try:
        with open(path, "rb") as f:
            head = f.read(len(PLAIN_HEADER))
    except FileNotFoundError:
        return None
    if not head:
        return None
    return head == PLAIN_HEADER


def dbapi(key: bytes | None) -> Any:
    if key is None:
        return sqlite3
    import sqlcipher3.dbapi2

    return sqlcipher3.dbapi2


def connect(path: Path, key: bytes | None, *, readonly: bool = False, **kw: Any) -> Any:
    """A DB-API connection: stdlib sqlite3 when `key` is None, else sqlcipher3 keyed with the raw `key`
    (the database key, see `db_key`)."""
    module = dbapi(key)
    target, uri = (f"file:{path}?mode=ro", True) if readonly else (str(path), False)
    con = module.connect(target, uri=uri, **kw)
    if key is not None:
        con.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        con.execute("PRAGMA cipher_log_level = NONE")
        con.execute("PRAGMA temp_store = MEMORY")
    return con


def is_database_error(exc: BaseException) -> bool:
    import sqlcipher3.dbapi2

    return isinstance(exc, (sqlite3.DatabaseError, sqlcipher3.dbapi2.DatabaseError))


def probe(path: Path, key: bytes | None) -> None:
    """Check that the file can be read with `key` (page 1 decrypts); raises WrongKeyError / EncryptedDatabaseError."""
    plain = is_plain_file(path)
    if plain is None:
        return
    if key is None and not plain:
        raise EncryptedDatabaseError("database.encrypted_or_foreign", QT_TRANSLATE_NOOP(
            "Errors", "{path} is not a plain SQLite database: an encrypted workspace needs a sign-in (the workspace "
                      "key) to open. The file was not changed."), path=str(path))
    con = connect(path, key, readonly=True)
    try:
        con.execute("PRAGMA user_version").fetchone()  # page 1 only: the schema may span damaged pages
    except Exception as exc:  # noqa: BLE001 - both DB-API modules' errors
        if not is_database_error(exc):
            raise
        if key is not None and plain:
            raise WrongKeyError("database.not_encrypted_yet", QT_TRANSLATE_NOOP(
                "Errors", "The database {path} is not encrypted yet and cannot be opened with a key (convert it "
                          "first)."), path=str(path)) from None
        raise WrongKeyError("database.wrong_key", QT_TRANSLATE_NOOP(
            "Errors", "The database {path} does not decrypt with the current workspace key: the key is wrong, or "
                      "the file's first page is damaged. The file was not changed."), path=str(path)) from None
    finally:
        con.close()


def copy_database(src: Path, src_key: bytes | None, dst: Path, dst_key: bytes | None) -> Path:
    """A complete copy of `src` at `dst` (replaced), written to a temp file, fsynced and renamed into place.
    Same key (or both plain): SQLite's backup API; otherwise `sqlcipher_export` (plain → encrypted or re-key)."""
    tmp = dst.with_name(dst.name + ".incoming")
    for leftover in (tmp, Path(f"{tmp}-journal"), Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        leftover.unlink(missing_ok=True)
    if src_key == dst_key:
        source = connect(src, src_key)
        target = connect(tmp, dst_key)
        try:
            source.backup(target)
        finally:
            target.close()
            source.close()
    else:
        source = connect(src, src_key) if src_key is not None else dbapi(dst_key).connect(str(src))
        try:
            key_sql = f"\"x'{dst_key.hex()}'\"" if dst_key is not None else "''"
            source.execute(f"ATTACH DATABASE ? AS target KEY {key_sql}", (str(tmp),))
            # sqlcipher_export runs one statement per table, index and copy, each its own transaction: with the
            # attached file's default journal and synchronous=FULL that was ~400 fsyncs (1.8 s of waiting for 0.15 s
            # of work on a new workspace). The target is a temp file that is deleted on failure and fsynced whole
            # below before it is renamed into place, so its intermediate states need no durability.
            source.execute("PRAGMA target.synchronous = OFF")
            source.execute("PRAGMA target.journal_mode = MEMORY")
            source.execute("SELECT sqlcipher_export('target')")
            source.execute("DETACH DATABASE target")
        finally:
            source.close()
    fd = os.open(tmp, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    os.chmod(tmp, 0o600)
    os.replace(tmp, dst)
    fsync_dir(dst.parent)
    return dst
