"""The head schema's script (storage/schema_snapshot.py): a new database made from it is the database the migrations
make, it is used only when current, and a failure part-way leaves nothing half-created."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from inspector_app.storage import schema_snapshot, sqlcipher
from inspector_app.storage.migrate import declared_revisions, head_revision, open_database

REGENERATE = "python -m inspector_app.storage.schema_snapshot"


def content(con: sqlite3.Connection) -> dict[str, object]:
    """Everything a database holds: its sqlite_master rows and every table's rows, in a stable order."""
    master = sorted(tuple(r) for r in con.execute("SELECT type, name, tbl_name, sql FROM sqlite_master"))
    tables = [r[1] for r in master if r[0] == "table"]
    rows = {t: sorted(map(repr, con.execute(f'SELECT * FROM "{t}"'))) for t in tables}
    return {"master": master, "rows": rows}


def read(path: Path, key: bytes | None = None) -> dict[str, object]:
    con = sqlcipher.connect(path, key)
    try:
        return content(con)
    finally:
        con.close()


def test_the_script_is_current_and_makes_what_the_migrations_make(tmp_path: Path) -> None:
    head = declared_revisions()[0]
    assert head == head_revision()
    assert schema_snapshot.snapshot_for(head) is not None, f"schema_head.sql is not at {head}: run {REGENERATE}"
    migrated = open_database(tmp_path / "migrated.sqlite3", tmp_path / "b1", use_snapshot=False)
    scripted = open_database(tmp_path / "scripted.sqlite3", tmp_path / "b2")
    assert scripted.from_revision is None and scripted.to_revision == head and scripted.backup is None
    migrated.engine.dispose()
    scripted.engine.dispose()
    assert read(tmp_path / "scripted.sqlite3") == read(tmp_path / "migrated.sqlite3"), \
        f"schema_head.sql differs from the migrations: run {REGENERATE}"


def test_an_encrypted_workspace_is_created_from_the_script_too(tmp_path: Path) -> None:
    key = bytes(range(32))
    result = open_database(tmp_path / "db.sqlite3", tmp_path / "b", key=key)
    with result.engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == head_revision()
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    result.engine.dispose()
    assert sqlcipher.is_plain_file(tmp_path / "db.sqlite3") is False  # the schema is not written in clear
    plain = open_database(tmp_path / "plain.sqlite3", tmp_path / "b2", use_snapshot=False)
    plain.engine.dispose()
    assert read(tmp_path / "db.sqlite3", key) == read(tmp_path / "plain.sqlite3")


def test_a_stale_script_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A migration added without regenerating the script: the new database comes from Alembic, at the true head."""
    stale = tmp_path / "schema_head.sql"
    sql = schema_snapshot.SNAPSHOT.read_text("utf-8").partition("\n")[2]
    stale.write_text(f"{schema_snapshot.HEADER}0001_initial\n{sql}", encoding="utf-8")
    monkeypatch.setattr(schema_snapshot, "SNAPSHOT", stale)
    assert schema_snapshot.snapshot_for(head_revision()) is None
    result = open_database(tmp_path / "db.sqlite3", tmp_path / "b")
    assert result.to_revision == head_revision()
    result.engine.dispose()
    assert read(tmp_path / "db.sqlite3")["rows"]["alembic_version"] == [repr((head_revision(),))]


def test_a_script_failing_part_way_leaves_no_table_and_the_next_start_creates_the_database(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    broken = tmp_path / "schema_head.sql"
    lines = schema_snapshot.SNAPSHOT.read_text("utf-8").splitlines()
    middle = len(lines) // 2
    broken.write_text("\n".join([*lines[:middle], "CREATE TABLE broken (;", *lines[middle:]]) + "\n", encoding="utf-8")
    monkeypatch.setattr(schema_snapshot, "SNAPSHOT", broken)
    db = tmp_path / "db.sqlite3"
    with pytest.raises(sqlite3.OperationalError):
        open_database(db, tmp_path / "b")
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM sqlite_master").fetchone() == (0,)  # the transaction rolled back
    con.close()
    monkeypatch.undo()
    result = open_database(db, tmp_path / "b")
    assert result.from_revision is None and result.to_revision == head_revision()
    result.engine.dispose()
    assert len(read(db)["master"]) > 50
