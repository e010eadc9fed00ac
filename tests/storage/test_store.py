"""The local store: durable settings, migrations with a backup first, and refusal of unknown databases untouched."""

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from inspector_app.storage.migrate import (
    NewerDatabaseError,
    NotOurDatabaseError,
    head_revision,
    known_revisions,
    open_database,
)
from inspector_app.storage.orm import Base
from tests.conftest import FIXTURES


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_pragmas_are_wal_full_and_foreign_keys(tmp_path: Path) -> None:
    engine = open_database(tmp_path / "db.sqlite3", tmp_path / "b").engine
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
    engine.dispose()


def test_migrations_from_empty_reach_head_and_match_the_mappings(tmp_path: Path) -> None:
    result = open_database(tmp_path / "db.sqlite3", tmp_path / "b", use_snapshot=False)  # the migrations themselves
    assert result.from_revision is None and result.to_revision == head_revision() and result.backup is None
    with result.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == [], f"ORM mappings and migrations disagree: {diff}"
    result.engine.dispose()


@pytest.mark.parametrize("fixture", sorted((FIXTURES / "db").glob("schema-*.sqlite3")), ids=lambda p: p.stem)
def test_every_released_schema_upgrades_without_loss(tmp_path: Path, fixture: Path, mini_forms: Path) -> None:
    db = tmp_path / "inspector.sqlite3"
    shutil.copy(fixture, db)
    rev = fixture.stem.removeprefix("schema-")
    before = sqlite3.connect(db)
    counts = {t: before.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("institutions", "officers", "inspections", "answers", "journal_events", "outbox")}
    before.close()
    from inspector_app.app import build_context

    app = build_context(str(tmp_path))
    try:
        assert app.migration.from_revision == rev and app.migration.to_revision == head_revision()
        backup = app.migration.backup
        if rev != head_revision():
            assert backup is not None and backup.exists()
            b = sqlite3.connect(backup)
            assert b.execute("SELECT version_num FROM alembic_version").fetchone()[0] == rev
            b.close()
        [insp] = app.queries.inspections()
        assert insp.violations == 1 and insp.status == "on_site"
        assert app.journal.verify(insp.id).ok
        with app.ctx.read() as s:
            for table, n in counts.items():
                assert s.execute(text(f"SELECT count(*) FROM {table}")).scalar() == n
    finally:
        app.close()


# Revisions that never shipped as a head of their own: 0003 (sync tables) landed in the same commit as 0004, so
# no workspace was ever written at 0003.
NEVER_RELEASED_ALONE = {"0003"}


def test_every_revision_has_a_schema_fixture() -> None:
    """A new migration must come with tests/fixtures/db/schema-<rev>.sqlite3 built by the release that has it as
    head (tests/fixtures/build_schema_fixture.py), so upgrades from it stay tested."""
    have = {p.stem.removeprefix("schema-") for p in (FIXTURES / "db").glob("schema-*.sqlite3")}
    missing = sorted(set(known_revisions()) - have - NEVER_RELEASED_ALONE)
    assert not missing, f"no schema fixture for revision(s) {missing}: run tests/fixtures/build_schema_fixture.py REV"
    assert head_revision() in have


def test_previous_revision_to_head_takes_a_backup_first(tmp_path: Path) -> None:
    revisions = sorted(known_revisions())
    assert len(revisions) >= 2
    db = tmp_path / "db.sqlite3"
    open_database(db, tmp_path / "b", target=revisions[-2]).engine.dispose()
    result = open_database(db, tmp_path / "b")
    assert result.from_revision == revisions[-2] and result.backup is not None
    result.engine.dispose()


def test_database_from_a_newer_version_is_refused_and_untouched(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite3"
    open_database(db, tmp_path / "b").engine.dispose()
    con = sqlite3.connect(db)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.execute("PRAGMA journal_mode=DELETE")
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    before, mtime = digest(db), db.stat().st_mtime_ns
    listing = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(NewerDatabaseError) as refused:
        open_database(db, tmp_path / "b")
    assert (refused.value.code, refused.value.params["revision"]) == ("database.newer", "9999")
    assert digest(db) == before and db.stat().st_mtime_ns == mtime
    assert sorted(p.name for p in tmp_path.iterdir()) == listing  # no -wal, no backup, nothing new


def test_a_foreign_sqlite_file_is_refused_untouched(tmp_path: Path) -> None:
    db = tmp_path / "other.sqlite3"
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE notes(x)")
    con.commit()
    con.close()
    before = digest(db)
    with pytest.raises(NotOurDatabaseError) as refused:
        open_database(db, tmp_path / "b")
    assert refused.value.code == "database.not_ours"
    assert digest(db) == before


def test_a_file_that_is_not_sqlite_is_refused_untouched(tmp_path: Path) -> None:
    db = tmp_path / "junk.sqlite3"
    db.write_bytes(b"this is not a database" * 100)
    before = digest(db)
    with pytest.raises(NotOurDatabaseError) as refused:
        open_database(db, tmp_path / "b")
    assert refused.value.code in ("database.encrypted_or_foreign", "database.unreadable")
    assert digest(db) == before


def test_cli_reports_a_newer_database_without_a_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                           mini_forms: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from inspector_app.cli import main

    for var in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")  # no language named: the command line's own, Chinese

    ws = tmp_path / "ws"
    ws.mkdir()
    db = ws / "inspector.sqlite3"
    open_database(db, ws / "backups").engine.dispose()
    con = sqlite3.connect(db)
    con.execute("UPDATE alembic_version SET version_num = 'ffff'")
    con.commit()
    con.close()
    assert main(["inspections", "list", "--data-dir", str(ws)]) == 2
    assert "由更新版本的程序创建" in capsys.readouterr().err  # the command line speaks Chinese unless told otherwise
    assert main(["--lang", "en", "inspections", "list", "--data-dir", str(ws)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Error: The database") and "newer version of the program (schema version ffff)" in err


def test_blob_store_writes_atomically_and_deduplicates(tmp_path: Path) -> None:
    from inspector_app.storage.blob_store import BlobStore

    store = BlobStore(tmp_path / "blobs")
    src = tmp_path / "photo.jpg"
    src.write_bytes(b"\xff\xd8" + b"x" * 3_000_000)
    first = store.put_file(src)
    second = store.put_file(src)
    assert not first.already_present and second.already_present
    assert first.path.read_bytes() == src.read_bytes() and store.verify(first.sha256)
    assert first.path.relative_to(store.root).parts[:2] == (first.sha256[:2], first.sha256[2:4])
    assert not list(store.root.glob(".incoming-*"))
