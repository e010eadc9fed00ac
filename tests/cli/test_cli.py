"""The `inspector` command as a user types it."""

import json
import subprocess
import sys

import pytest

from inspector_app import __version__
from inspector_app.cli import main
from tests.conftest import REPO


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0 and __version__ in capsys.readouterr().out


@pytest.mark.parametrize("args", [[], ["forms"], ["forms", "list"], ["forms", "validate"], ["forms", "show"],
                                  ["demo"], ["inspections"], ["inspections", "list"]])
def test_every_command_has_help(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main([*args, "--help"])
    assert exc.value.code == 0 and "usage: inspector" in capsys.readouterr().out


def test_console_script_runs_as_a_module() -> None:
    out = subprocess.run([sys.executable, "-m", "inspector_app", "--version"], cwd=REPO, capture_output=True,
                         text=True, timeout=60)
    assert out.returncode == 0 and __version__ in out.stdout


def test_forms_list_and_show(mini_forms, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    assert main(["forms", "list", "--json"]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert row["id"] == "mini" and row["items"] == 11 and len(row["content_hash"]) == 64
    assert main(["forms", "show", "mini"]) == 0
    out = capsys.readouterr().out
    assert "T-04" in out and "≤ 8%" in out and "第十四条" in out
    assert main(["forms", "show", "nope"]) == 2


def test_inspections_list_json(app, roster, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    from tests.helpers import new_inspection

    iid = new_inspection(app, roster)
    data_dir = str(app.paths.data_dir)
    app.close()
    assert main(["inspections", "list", "--data-dir", data_dir, "--json"]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert row["id"] == iid and row["institution"] == "测试市人民医院" and row["status"] == "draft"
    assert row["team"] == ["陈明哲", "许若溪"] and row["items_total"] == 11
    assert main(["inspections", "list", "--data-dir", data_dir]) == 0
    assert "测试市人民医院" in capsys.readouterr().out


def test_data_dir_and_inspector_home(tmp_path, monkeypatch, mini_forms) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.paths import resolve_paths

    monkeypatch.setenv("INSPECTOR_HOME", str(tmp_path / "home"))
    assert resolve_paths().data_dir == tmp_path / "home"
    assert resolve_paths(tmp_path / "explicit").data_dir == tmp_path / "explicit"
    monkeypatch.delenv("INSPECTOR_HOME")
    assert "inspector-app" in str(resolve_paths().data_dir)


def test_data_dir_before_or_after_the_subcommand(tmp_path, mini_forms) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.cli import build_parser

    parser = build_parser()
    assert parser.parse_args(["--data-dir", "A", "demo"]).data_dir == "A"
    assert parser.parse_args(["demo", "--data-dir", "B"]).data_dir == "B"
    assert parser.parse_args(["inspections", "list"]).data_dir is None
