"""Open the local store: refuse a database from a newer version untouched, back it up, then migrate.

Order matters: the version check opens the file read-only and changes nothing (not even the journal mode);
only a database we know how to handle is switched to WAL, copied with SQLite's backup API and upgraded.
With a key (SQLCipher, see storage/sqlcipher.py) the same steps run on keyed connections, so the backup is encrypted
like the store. Before anything else the store must decrypt (wrong key: refused untouched) and pass a bounded
`quick_check` (corrupt: refused, naming the newest backup — storage/integrity.py).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from inspector_app.domain.errors import QT_TRANSLATE_NOOP, DomainError
from inspector_app.storage import integrity, sqlcipher
from inspector_app.storage.db import make_engine

if TYPE_CHECKING:
    from alembic.config import Config

# Alembic (and Mako, Pygments behind it) costs a large share of start-up; it is imported only when the schema
# is behind. Whether it is behind is decided from the migration files' own `revision`/`down_revision` lines.
_SCRIPT_LOCATION = str(Path(__file__).resolve().parent / "alembic")
_VERSIONS = Path(_SCRIPT_LOCATION) / "versions"
_REVISION_LINE = re.compile(r"^(revision|down_revision)\s*(?::[^=]*)?=\s*(.+?)\s*$", re.MULTILINE)


class NewerDatabaseError(DomainError, RuntimeError):
    """The database was written by a newer version of the app; it has not been touched."""


NotOurDatabaseError = sqlcipher.NotOurDatabaseError


@dataclass(frozen=True, slots=True)
class MigrationResult:
    engine: Engine
    from_revision: str | None
    to_revision: str
    backup: Path | None


def _alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", _SCRIPT_LOCATION)
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {rev.revision for rev in ScriptDirectory.from_config(_alembic_config()).walk_revisions()}


def declared_revisions() -> tuple[str | None, set[str]]:
    """(head, every revision) read from the migration files' text, without importing Alembic; None as head
    when the files do not form one plain chain (then Alembic decides). tests/storage/test_store.py checks it against
    Alembic's own answer."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in _VERSIONS.glob("*.py"):
        found = dict((k, v) for k, v in _REVISION_LINE.findall(path.read_text("utf-8")))
        if "revision" not in found:
            continue
        revision = found["revision"].strip("'\"")
        down = found.get("down_revision", "None")
        if not re.fullmatch(r"None|(['\"])[\w.-]+\1", down):
            return None, set()  # a merge point or a computed value: not a plain chain
        revisions.add(revision)
        if down != "None":
            parents.add(down.strip("'\""))
    heads = revisions - parents
    return (heads.pop() if len(heads) == 1 else None), revisions


def read_revision(path: Path, key: bytes | None = None, backups_dir: Path | None = None) -> str | None:
    """The schema revision of an existing database, read without modifying the file."""
    sqlcipher.probe(path, key)
    con = sqlcipher.connect(path, key, readonly=True)
    try:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "alembic_version" not in tables:
            if tables - {"sqlite_sequence"}:
                raise NotOurDatabaseError("database.not_ours", QT_TRANSLATE_NOOP(
                    "Errors", "{path} is not a database of this program (it has no schema version). It was not "
                              "changed."), path=str(path))
            return None
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None
    except Exception as exc:  # noqa: BLE001 - sqlite3 or sqlcipher3
        if not sqlcipher.is_database_error(exc):
            raise
        if "malformed" in str(exc) or "corrupt" in str(exc):
            newest = integrity.backups(backups_dir) if backups_dir else []
            raise integrity.CorruptDatabaseError(path, str(exc), newest[0] if newest else None) from None
        raise NotOurDatabaseError("database.unreadable", QT_TRANSLATE_NOOP(
            "Errors", "{path} cannot be opened as an SQLite database: {reason}"), path=str(path),
            reason=str(exc)) from None
    finally:
        con.close()


def backup_database(path: Path, backups_dir: Path, revision: str | None, key: bytes | None = None) -> Path:
    backups_dir.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    target = backups_dir / f"{path.stem}-before-migration-{revision or 'empty'}-{stamp}.sqlite3"
    return sqlcipher.copy_database(path, key, target, key)


def open_database(path: Path, backups_dir: Path, target: str = "head", key: bytes | None = None,
                  daily_backup: bool = True, use_snapshot: bool = True) -> MigrationResult:
    """Open (creating if needed) and upgrade the database at `path`; `key` is the SQLCipher key (None: plain).
    A new database at head is created from the head schema's script (storage/schema_snapshot.py) when it is current;
    `use_snapshot=False` replays the migrations (the script's own test and generator)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    current: str | None = None
    if path.exists() and path.stat().st_size > 0:
        current = read_revision(path, key, backups_dir)
        declared_head, declared = declared_revisions()
        if current is not None and current not in (declared or known_revisions()):
            raise NewerDatabaseError("database.newer", QT_TRANSLATE_NOOP(
                "Errors", "The database {path} was created by a newer version of the program (schema version "
                          "{revision}); this version cannot open it safely. The file was not changed: update the "
                          "program, then open it again."), path=str(path), revision=current)
        integrity.refuse_if_corrupt(path, key, backups_dir)
        if daily_backup:
            integrity.take_daily_backup(path, key, backups_dir)
        if target == "head" and declared_head is not None and current == declared_head:
            # The usual start: the schema is current. No migration backup, no Alembic.
            return MigrationResult(engine=make_engine(path, key), from_revision=current, to_revision=current,
                                   backup=None)
    if current is None and target == "head" and use_snapshot:
        from inspector_app.storage import schema_snapshot

        head = declared_revisions()[0]
        sql = schema_snapshot.snapshot_for(head)
        if sql is not None and head is not None:
            engine = make_engine(path, key)
            try:
                schema_snapshot.create(engine, sql)
            except BaseException:
                engine.dispose()
                raise
            return MigrationResult(engine=engine, from_revision=None, to_revision=head, backup=None)
    goal = head_revision() if target == "head" else target
    backup = None
    if current is not None and current != goal:
        backup = backup_database(path, backups_dir, current, key)
    engine = make_engine(path, key)
    if current != goal:
        from alembic import command

        cfg = _alembic_config()
        with engine.connect() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, goal)
            conn.commit()
    return MigrationResult(engine=engine, from_revision=current, to_revision=goal, backup=backup)
