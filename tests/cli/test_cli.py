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
        main(["--lang", "en", *args, "--help"])  # the Chinese help: tests/cli/test_cli_help_words.py
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


DAILY_START = """
import sys
import inspector_app.cli as cli
import inspector_app.desktop as desktop
def launch_gui(data_dir, lang):
    print(data_dir, lang, "sqlalchemy" in sys.modules, "inspector_app.storage.migrate" in sys.modules)
    return 0
desktop.launch_gui = launch_gui
cli.build_parser = lambda: (_ for _ in ()).throw(AssertionError("the full parser was built"))
sys.exit(cli.main(sys.argv[1:]))
"""


@pytest.mark.parametrize(("argv", "printed"), [([], "None None"), (["--data-dir", "W", "--lang", "en"], "W en"),
                                               (["--lang=zh_CN", "--data-dir=W"], "W zh_CN")])
def test_daily_start_reaches_the_window_without_the_database_layer_or_every_parser(argv, printed) -> None:  # type: ignore[no-untyped-def]
    """`inspector` (issue 17): the sign-in window's entry neither builds every command's parser nor imports the
    storage layer (SQLAlchemy) for the error types it might report."""
    import os

    done = subprocess.run([sys.executable, "-c", DAILY_START, *argv], capture_output=True, text=True, timeout=120,
                          env=dict(os.environ, PYTHONPATH=str(REPO)))
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.split() == [*printed.split(), "False", "False"]


def test_anything_but_the_daily_start_goes_through_the_full_parser(capsys) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.cli import _desktop_args

    assert _desktop_args(["demo"]) is None and _desktop_args(["--data-dir", "A", "demo"]) is None
    assert _desktop_args(["--version"]) is None and _desktop_args(["-h"]) is None
    assert _desktop_args(["--lang", "fr"]) is None and _desktop_args(["--lang"]) is None  # reported by the full one
    assert capsys.readouterr().err == ""
    ns = _desktop_args(["--data-dir", "A"])
    assert ns is not None and (ns.data_dir, ns.lang, ns.command) == ("A", None, None)
    # the forms it reads itself mean what the full parser makes of them; anything else is the full parser's
    from inspector_app.cli import build_parser

    for argv in (["--data-dir=A", "--lang", "en"], ["--lang=zh_CN"], [], ["--lang", "en", "--data-dir", "/a b"]):
        ns = _desktop_args(argv)
        full = build_parser().parse_args(argv)
        assert ns is not None and (ns.data_dir, ns.lang, ns.command) == (full.data_dir, full.lang, full.command)
    for argv in (["--data", "A"], ["--data-dir", "A", "--data-dir", "B"], ["--data-dir", "--lang"], ["--lang="],
                 ["--data-dir"], ["--lang", "en", "x"], ["-l"]):
        assert _desktop_args(argv) is None, argv
    assert capsys.readouterr().err == ""
