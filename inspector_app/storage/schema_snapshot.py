"""The head schema as one SQL script, to create a new database without replaying every migration.

A new workspace (the app's first start, `inspector demo`, a restored machine, every test workspace) used to replay the
whole migration chain through Alembic: about 100 operations, 0.3–0.7 s of CPU, and Alembic's import on top. The
script `schema_head.sql` beside this module is exactly what that chain produces, dumped with SQLite's own `iterdump`
(tables, indexes and the rows the migrations leave, i.e. `alembic_version`).

Rules that keep it honest:
- it is used only for a new, empty file, and only when its first line names the head revision that the migration
  files declare; a new migration without a regenerated script falls back to Alembic (correct, only slower), and
  tests/storage/test_schema_snapshot.py fails, naming the command that writes it again:

      python -m inspector_app.storage.schema_snapshot

- that test also builds one database each way and compares them (every sqlite_master row and every table's rows),
  so the script can never drift from the migrations, which stay the only definition of the schema;
- the script runs as one transaction (iterdump's BEGIN ... COMMIT): a crash part-way leaves a database without tables,
  which the next start treats as new and creates again.
Databases that already exist are upgraded by Alembic as before (backup first; storage/migrate.py).
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
from pathlib import Path

from sqlalchemy import Engine

SNAPSHOT = Path(__file__).resolve().parent / "schema_head.sql"
HEADER = "-- inspector_app local store, head revision: "


def snapshot_for(head: str | None) -> str | None:
    """The script's SQL when it was dumped at `head`, else None (missing, or older than the migrations)."""
    if head is None:
        return None
    try:
        text = SNAPSHOT.read_text("utf-8")
    except FileNotFoundError:
        return None
    first, _, sql = text.partition("\n")
    return sql if first == HEADER + head else None


def create(engine: Engine, sql: str) -> None:
    """Run the script on the new database behind `engine` (plain or SQLCipher: the engine's own connection)."""
    raw = engine.raw_connection()
    con = raw.driver_connection
    try:
        con.executescript(sql)  # type: ignore[union-attr]
    except BaseException:
        if con.in_transaction:  # type: ignore[union-attr]  # stopped inside iterdump's BEGIN: undo all of it
            con.execute("ROLLBACK")  # type: ignore[union-attr]
        raise
    finally:
        raw.close()


def dump_migrated() -> str:
    """Replay the migrations on a scratch database and dump it: the script's content, header included."""
    from inspector_app.storage import migrate

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "head.sqlite3"
        result = migrate.open_database(path, Path(tmp) / "backups", use_snapshot=False)
        result.engine.dispose()
        con = sqlite3.connect(path)
        try:
            body = "\n".join(con.iterdump())
        finally:
            con.close()
    return f"{HEADER}{result.to_revision}\n{body}\n"


def main() -> int:
    SNAPSHOT.write_text(dump_migrated(), encoding="utf-8")
    print(f"wrote {SNAPSHOT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
