"""The command line opens a workspace with key slots only with an officer's password: --user NAME with the
password from INSPECTOR_PASSWORD, standard input (--password-stdin) or a prompt; `inspector keys` manages slots."""

from __future__ import annotations

import io
import json
import stat

import pytest

from inspector_app.cli import main
from tests.signin_helpers import INSPECTOR_PASSWORD, LEAD_PASSWORD, keyed  # noqa: F401


def _list(data_dir: str, *extra: str) -> int:
    return main(["inspections", "list", "--data-dir", data_dir, "--json", *extra])


def test_user_with_inspector_password_env(app, keyed, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    data_dir = str(app.paths.data_dir)
    monkeypatch.setenv("INSPECTOR_PASSWORD", INSPECTOR_PASSWORD)
    assert _list(data_dir, "--user", "陈明哲") == 0
    assert json.loads(capsys.readouterr().out) == []
    # by 执法证号 too
    monkeypatch.setenv("INSPECTOR_PASSWORD", LEAD_PASSWORD)
    assert _list(data_dir, "--user", "测执00009") == 0


def test_user_with_password_on_stdin(app, keyed, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    data_dir = str(app.paths.data_dir)
    monkeypatch.delenv("INSPECTOR_PASSWORD", raising=False)
    monkeypatch.setattr("sys.stdin", io.StringIO(INSPECTOR_PASSWORD + "\n"))
    assert _list(data_dir, "--user", "陈明哲", "--password-stdin") == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("wrong-password\n"))
    assert _list(data_dir, "--user", "陈明哲", "--password-stdin") == 3
    assert "密码不正确" in capsys.readouterr().err


def test_locked_workspace_refuses_without_user_or_with_a_wrong_password(app, keyed, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    data_dir = str(app.paths.data_dir)
    monkeypatch.delenv("INSPECTOR_PASSWORD", raising=False)
    assert _list(data_dir) == 3
    err = capsys.readouterr().err
    assert "--user" in err and "陈明哲" in err and "沈听澜" in err
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # not a terminal and no password given
    assert _list(data_dir, "--user", "陈明哲") == 3
    assert "INSPECTOR_PASSWORD" in capsys.readouterr().err
    monkeypatch.setenv("INSPECTOR_PASSWORD", "not-it-at-all")
    assert _list(data_dir, "--user", "陈明哲") == 3
    assert "密码不正确" in capsys.readouterr().err
    assert _list(data_dir, "--user", "许若溪") == 3  # in the roster, but no password on this laptop
    assert "没有" in capsys.readouterr().err


def test_keys_list_add_passwd_remove(app, keyed, roster, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    d = ["--data-dir", str(app.paths.data_dir)]
    assert main(["keys", "list", *d]) == 0
    out = capsys.readouterr().out
    assert "沈听澜\t组长\t测执00009" in out and "陈明哲\t检查员\t测执00000" in out
    # the lead gives 许若溪 a password (first line: the lead's own, second: the new one)
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{LEAD_PASSWORD}\nxu-new-pass-1\n"))
    assert main(["keys", "add", "--officer", "许若溪", "--user", "沈听澜", "--password-stdin", *d]) == 0
    monkeypatch.setenv("INSPECTOR_PASSWORD", "xu-new-pass-1")
    assert _list(d[1], "--user", "许若溪") == 0
    # she changes it
    monkeypatch.setenv("INSPECTOR_NEW_PASSWORD", "xu-changed-2")
    assert main(["keys", "passwd", "--user", "许若溪", *d]) == 0
    assert _list(d[1], "--user", "许若溪") == 3
    monkeypatch.setenv("INSPECTOR_PASSWORD", "xu-changed-2")
    assert _list(d[1], "--user", "许若溪") == 0
    # too short a new password is refused, nothing changes
    monkeypatch.setenv("INSPECTOR_NEW_PASSWORD", "short")
    assert main(["keys", "passwd", "--user", "许若溪", *d]) == 3
    assert "至少" in capsys.readouterr().err
    assert _list(d[1], "--user", "许若溪") == 0
    monkeypatch.setenv("INSPECTOR_PASSWORD", LEAD_PASSWORD)
    assert main(["keys", "remove", "--officer", "许若溪", "--user", "沈听澜", *d]) == 0
    monkeypatch.setenv("INSPECTOR_PASSWORD", "xu-changed-2")
    assert _list(d[1], "--user", "许若溪") == 3
    events = [(e.actor, e.event_type, e.payload.get("how")) for e in app.journal.events("session")]
    assert [e[1:] for e in events] == [("session.password_set", "add"), ("session.password_set", "change"),
                                       ("session.password_set", "remove")]
    assert events[0][0].startswith("沈听澜") and events[1][0].startswith("许若溪")


def test_recover_restores_a_workspace_whose_passwords_are_all_lost(app, keyed, tmp_path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    d = ["--data-dir", str(app.paths.data_dir)]
    private = tmp_path / "agency-recovery.pem"
    private.write_bytes(keyed["private_pem"])
    monkeypatch.setattr("sys.stdin", io.StringIO("restored-pass-1\n"))
    assert main(["keys", "recover", "--recovery-key", str(private), "--officer", "陈明哲", "--password-stdin",
                 *d]) == 0
    assert "陈明哲" in capsys.readouterr().out
    monkeypatch.setenv("INSPECTOR_PASSWORD", "restored-pass-1")
    assert _list(d[1], "--user", "陈明哲") == 0
    monkeypatch.setenv("INSPECTOR_PASSWORD", INSPECTOR_PASSWORD)
    assert _list(d[1], "--user", "陈明哲") == 3  # the lost password no longer works
    assert keyed["keys"].unlock(keyed["inspector"].id, "restored-pass-1") == keyed["key"]
    assert stat.S_IMODE((app.paths.keys_dir / "slots.json").stat().st_mode) == 0o600
    # a key that is not the agency's is refused
    from inspector_app.storage.keyslots import generate_recovery_key_pair

    private.write_bytes(generate_recovery_key_pair()[0])
    monkeypatch.setattr("sys.stdin", io.StringIO("other-pass-12\n"))
    assert main(["keys", "recover", "--recovery-key", str(private), "--officer", "陈明哲", "--password-stdin",
                 *d]) == 3
    assert "不匹配" in capsys.readouterr().err


def test_workspace_without_key_slots_opens_as_before(app, roster, capsys) -> None:  # type: ignore[no-untyped-def]
    assert _list(str(app.paths.data_dir)) == 0
    assert json.loads(capsys.readouterr().out) == []


@pytest.mark.parametrize("args", [["keys"], ["keys", "recover"], ["keys", "init"]])
def test_keys_help(args, capsys) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit) as exc:
        main(["--lang", "en", *args, "--help"])
    assert exc.value.code == 0
    assert "usage" in capsys.readouterr().out


def test_sync_unlocks_the_workspace_with_the_officer_password(app, keyed, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    """`inspector sync` on a workspace with key slots: --officer (or --user naming an officer) with
    INSPECTOR_PASSWORD first; only then the sync account (offline here: no server, never signed in online)."""
    from tests.sync.loopback import free_port

    d = ["--data-dir", str(app.paths.data_dir)]
    server = ["sync", "--server", f"http://127.0.0.1:{free_port()}", "--once"]
    monkeypatch.setenv("INSPECTOR_SYNC_PASSWORD", "server-password")
    monkeypatch.delenv("INSPECTOR_PASSWORD", raising=False)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main([*server, "--user", "zoe", *d]) == 3
    assert "需要登录" in capsys.readouterr().err  # the workspace is not opened without an officer's password
    monkeypatch.setenv("INSPECTOR_PASSWORD", "wrong-password-1")
    assert main([*server, "--officer", "陈明哲", "--user", "zoe", *d]) == 3
    assert "密码不正确" in capsys.readouterr().err
    monkeypatch.setenv("INSPECTOR_PASSWORD", INSPECTOR_PASSWORD)
    assert main([*server, "--officer", "陈明哲", "--user", "zoe", *d]) == 3
    err = capsys.readouterr().err
    assert "登录失败" in err and "密码不正确" not in err  # past the workspace: the server sign-in is what fails
    # --user naming an officer with a slot is taken as the officer too
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{INSPECTOR_PASSWORD}\nserver-password\n"))
    assert main([*server, "--user", "陈明哲", "--password-stdin", *d]) == 3
    assert "登录失败" in capsys.readouterr().err


def test_recover_with_an_encrypted_recovery_key(app, keyed, tmp_path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    from cryptography.hazmat.primitives import serialization

    private = serialization.load_pem_private_key(keyed["private_pem"], password=None)
    path = tmp_path / "agency-recovery.pem"
    path.write_bytes(private.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.BestAvailableEncryption(b"safe passphrase")))
    d = ["--data-dir", str(app.paths.data_dir)]
    monkeypatch.setenv("INSPECTOR_NEW_PASSWORD", "restored-pass-2")
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["keys", "recover", "--recovery-key", str(path), "--officer", "陈明哲", *d]) == 3
    assert "INSPECTOR_RECOVERY_KEY_PASSWORD" in capsys.readouterr().err
    monkeypatch.setenv("INSPECTOR_RECOVERY_KEY_PASSWORD", "wrong")
    assert main(["keys", "recover", "--recovery-key", str(path), "--officer", "陈明哲", *d]) == 3
    assert "无法读取" in capsys.readouterr().err
    monkeypatch.setenv("INSPECTOR_RECOVERY_KEY_PASSWORD", "safe passphrase")
    assert main(["keys", "recover", "--recovery-key", str(path), "--officer", "陈明哲", *d]) == 0
    assert keyed["keys"].unlock(keyed["inspector"].id, "restored-pass-2") == keyed["key"]


def test_keys_init_on_a_workspace_without_key_slots(app, roster, tmp_path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    from tests.signin_helpers import recovery_pair

    d = ["--data-dir", str(app.paths.data_dir)]
    pub = tmp_path / "agency-recovery-public.pem"
    pub.write_bytes(recovery_pair()[1])
    monkeypatch.setenv("INSPECTOR_NEW_PASSWORD", "first-pass-1")
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["keys", "init", "--recovery-public-key", str(pub), "--officer", "无此人", *d]) == 3
    assert "名录中没有" in capsys.readouterr().err
    assert not (app.paths.keys_dir / "slots.json").exists()  # nothing half-done
    assert main(["keys", "init", "--recovery-public-key", str(pub), "--officer", "测执00001", *d]) == 0
    monkeypatch.setenv("INSPECTOR_PASSWORD", "first-pass-1")
    assert _list(d[1], "--user", "许若溪") == 0
    [event] = app.journal.events("session")
    assert event.event_type == "session.password_set" and event.payload["how"] == "setup"
    assert main(["keys", "init", "--recovery-public-key", str(pub), "--officer", "陈明哲", *d]) == 3
    assert "已有工作区密钥" in capsys.readouterr().err
