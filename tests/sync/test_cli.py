"""`inspector server ...` administration and `inspector sync` exit codes (in-process calls of the CLI)."""

from __future__ import annotations

from pathlib import Path

import pytest

from inspector_app.server import cli as server_cli
from inspector_app.server.db import Database, current_epoch
from inspector_app.sync import cli as sync_cli


def test_server_admin_commands(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
                               mini_forms: Path) -> None:
    db = str(tmp_path / "s.sqlite3")
    monkeypatch.setenv("INSPECTOR_NEW_PASSWORD", "long enough password")
    assert server_cli.main(["server", "--db", db, "users", "add", "zoe", "--role", "inspector", "--team", "t9"]) == 0
    assert server_cli.main(["server", "--db", db, "users", "add", "zoe", "--role", "inspector", "--team", "t9"]) == 1
    assert server_cli.main(["server", "--db", db, "users", "add", "amy", "--role", "inspector"]) == 2  # no team
    assert server_cli.main(["server", "--db", db, "users", "teams", "zoe", "--team", "t1", "--team", "t2"]) == 0
    assert server_cli.main(["server", "--db", db, "users", "list"]) == 0
    assert "zoe" in capsys.readouterr().out
    assert server_cli.main(["server", "--db", db, "import-templates", str(mini_forms)]) == 0
    d = Database(db)
    with d.read() as s:
        before = current_epoch(s)
    assert server_cli.main(["server", "--db", db, "new-epoch"]) == 0
    with d.read() as s:
        assert current_epoch(s) != before
    d.dispose()
    assert server_cli.main(["server", "--db", db, "--storage", str(tmp_path / "st"), "expire-uploads"]) == 0


def test_sync_cli_without_a_server_reports_offline(tmp_path: Path, mini_forms: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.sync.loopback import free_port

    monkeypatch.setenv("INSPECTOR_SYNC_PASSWORD", "whatever-password")
    rc = sync_cli.main(["sync", "--server", f"http://127.0.0.1:{free_port()}", "--user", "nobody", "--once",
                        "--data-dir", str(tmp_path / "ws")])
    assert rc == 3   # never signed in online on this device: offline sign-in is impossible
