"""A corrupt store is refused with the restore hint; `inspector restore --from` checks the backup first; the app keeps
7 daily backups, encrypted like the store."""

from __future__ import annotations

import datetime as dt
import os
import random
from pathlib import Path

import pytest

from inspector_app.app import build_context, restore_workspace
from inspector_app.cli import main
from inspector_app.storage import integrity, sqlcipher
from inspector_app.storage.integrity import BackupRefused, CorruptDatabaseError
from inspector_app.storage.sqlcipher import db_key
from tests.conftest import test_workspace_key
from tests.helpers import new_inspection

PAGE = 4096


def _workspace_with_backup(app, roster) -> tuple[Path, str, Path]:  # type: ignore[no-untyped-def]
    """A workspace with an inspection, closed, reopened once (which takes today's backup), closed again."""
    iid = new_inspection(app, roster)
    data_dir = app.paths.data_dir
    app.close()
    build_context(str(data_dir), workspace_key=test_workspace_key()).close()
    [backup] = integrity.backups(data_dir / "backups")
    assert backup.name.startswith("inspector-daily-")
    return data_dir, iid, backup


def _overwrite_pages(db: Path, first: int, count: int) -> None:
    rng = random.Random(7)
    with open(db, "r+b") as f:
        f.seek(first * PAGE)
        f.write(bytes(rng.randrange(256) for _ in range(count * PAGE)))
        f.flush()
        os.fsync(f.fileno())


def _malformed(db: Path, key: bytes | None) -> bool:
    con = sqlcipher.connect(db, key)
    try:
        return con.execute("PRAGMA integrity_check").fetchone()[0] != "ok"
    except Exception as exc:  # noqa: BLE001
        return "malformed" in str(exc) or "not a database" in str(exc)
    finally:
        con.close()


def test_overwritten_pages_are_refused_with_the_restore_hint_and_nothing_lists_or_exports(
        app, roster, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    data_dir, iid, backup = _workspace_with_backup(app, roster)
    db = data_dir / "inspector.sqlite3"
    pages = db.stat().st_size // PAGE
    _overwrite_pages(db, 2, pages - 3)  # keep page 1 (the schema root and, encrypted, the salt)
    assert _malformed(db, db_key(test_workspace_key()))
    before = db.read_bytes()

    with pytest.raises(CorruptDatabaseError) as exc:
        build_context(str(data_dir), workspace_key=test_workspace_key())
    assert (exc.value.code, exc.value.params["backup"]) == ("database.corrupt", str(backup))
    assert f'inspector restore --from "{backup}"' in str(exc.value)  # the command to run, in any language
    assert db.read_bytes() == before  # refused untouched

    if test_workspace_key() is None:  # the command line has no key of its own yet (the sign-in provides it)
        assert main(["inspections", "list", "--data-dir", str(data_dir)]) == 2
        err = capsys.readouterr()
        assert "已损坏" in err.err and str(backup) in err.err and "测试市人民医院" not in err.out
        out_zip = tmp_path / "case.zip"
        assert main(["export", iid, "--case-file", str(out_zip), "--data-dir", str(data_dir)]) == 2
        assert not out_zip.exists() and "inspector restore --from" in capsys.readouterr().err

    aside = restore_workspace(str(data_dir), backup, test_workspace_key())
    assert aside is not None and aside.parent == data_dir / "corrupt" and aside.read_bytes() == before
    restored = build_context(str(data_dir), workspace_key=test_workspace_key())
    try:
        assert [i.id for i in restored.queries.inspections()] == [iid]
    finally:
        restored.close()


def test_restore_refuses_a_damaged_or_foreign_backup_and_touches_nothing(app, roster, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data_dir, _iid, backup = _workspace_with_backup(app, roster)
    db = data_dir / "inspector.sqlite3"
    before = db.read_bytes()
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(backup.read_bytes())
    _overwrite_pages(broken, 2, broken.stat().st_size // PAGE - 3)
    foreign = tmp_path / "foreign.sqlite3"
    con = sqlcipher.connect(foreign, db_key(test_workspace_key()))
    con.execute("CREATE TABLE notes(x)")
    con.commit()
    con.close()
    for bad, codes in ((broken, {"backup.corrupt", "backup.unreadable"}), (foreign, {"backup.not_a_database"}),
                       (tmp_path / "missing.sqlite3", {"backup.missing"})):
        with pytest.raises(BackupRefused) as refused:
            restore_workspace(str(data_dir), bad, test_workspace_key())
        assert refused.value.code in codes and refused.value.params["backup"] == str(bad)
    if test_workspace_key() is not None:
        with pytest.raises(BackupRefused) as refused:
            restore_workspace(str(data_dir), backup, os.urandom(32))
        assert refused.value.code == "backup.wrong_key"
    assert db.read_bytes() == before and not (data_dir / "corrupt").exists()


def test_cli_restore(app, roster, capsys: pytest.CaptureFixture[str],
                     monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    # The sign-in supplies an encrypted workspace's key to the command line; stand in for it here.
    monkeypatch.setattr("inspector_app.restore_cli.cli_workspace_key", lambda args: test_workspace_key())
    data_dir, iid, backup = _workspace_with_backup(app, roster)
    _overwrite_pages(data_dir / "inspector.sqlite3", 2, 3)
    assert main(["backups", "--data-dir", str(data_dir)]) == 0
    assert str(backup) in capsys.readouterr().out
    assert main(["restore", "--from", str(data_dir / "nope.sqlite3"), "--data-dir", str(data_dir)]) == 2
    assert "当前数据库未作任何修改" in capsys.readouterr().err
    assert main(["restore", "--from", str(backup), "--data-dir", str(data_dir)]) == 0
    assert "已从备份恢复" in capsys.readouterr().out
    restored = build_context(str(data_dir), workspace_key=test_workspace_key())
    try:
        assert [i.id for i in restored.queries.inspections()] == [iid]
    finally:
        restored.close()


def test_daily_backups_keep_seven_and_are_encrypted_like_the_store(app, roster) -> None:  # type: ignore[no-untyped-def]
    new_inspection(app, roster)
    db, backups_dir = app.paths.database, app.paths.backups_dir
    key = db_key(test_workspace_key())
    start = dt.datetime(2026, 11, 1, 3, 0, tzinfo=dt.timezone.utc)
    for day in range(10):
        integrity.take_daily_backup(db, key, backups_dir, now=start + dt.timedelta(days=day))
    assert integrity.take_daily_backup(db, key, backups_dir, now=start + dt.timedelta(days=9, hours=1)) is None
    daily = sorted(p.name for p in backups_dir.glob("inspector-daily-*"))
    assert daily == [f"inspector-daily-202611{d:02d}.sqlite3" for d in range(4, 11)]
    newest = backups_dir / daily[-1]
    assert sqlcipher.is_plain_file(newest) is (key is None)
    con = sqlcipher.connect(newest, key, readonly=True)
    assert con.execute("SELECT count(*) FROM inspections").fetchone()[0] == 1
    con.close()
