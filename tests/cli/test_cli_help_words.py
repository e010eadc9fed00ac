"""`inspector --help`, every command's help and argparse's usage errors speak the command line's language: Chinese
unless `--lang en` or the locale says English, as its messages do (inspector_app/cli_help.py)."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys

import pytest

from inspector_app.cli import build_parser, main
from inspector_app.cli_help import catalogue, columns, parsers, requested_language, speaking, translate_texts, wrap
from tests.conftest import REPO


@pytest.fixture
def locale(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Set the locale the way a shell does (LANG), with nothing overriding it."""
    def set_lang(value: str) -> None:
        monkeypatch.delenv("LC_ALL", raising=False)
        monkeypatch.delenv("LC_MESSAGES", raising=False)
        monkeypatch.setenv("LANG", value)
        monkeypatch.setenv("COLUMNS", "80")

    return set_lang


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(argv)
    out = capsys.readouterr()
    return int(exc.value.code or 0), out.out, out.err


def test_the_help_is_chinese_in_a_c_locale(locale, capsys) -> None:  # type: ignore[no-untyped-def]
    locale("C.UTF-8")
    code, out, _err = _run(["--help"], capsys)
    assert code == 0
    assert out.startswith("用法：inspector [-h]")
    for words in ("位置参数", "选项", "显示此帮助并退出", "显示程序版本号并退出", "离线现场检查客户端",
                  "检查表库：列出、校验、查看", "运行或管理同步服务器", "将本工作区与同步服务器同步（无界面）",
                  "为计划事项双随机抽取机构和执法人员", "工作区目录（默认：INSPECTOR_HOME"):
        assert words in out, words
    assert "usage" not in out and "show this help" not in out


def test_lang_en_and_an_english_locale_print_the_english_help(locale, capsys) -> None:  # type: ignore[no-untyped-def]
    english = build_parser().format_help()  # outside `speaking`: the source text, as before this change
    assert english.startswith("usage: inspector") and "positional arguments" in english
    locale("C.UTF-8")
    assert _run(["--lang", "en", "--help"], capsys) == (0, english, "")
    assert _run(["--lang=en", "--help"], capsys) == (0, english, "")
    locale("en_US.UTF-8")
    assert _run(["--help"], capsys) == (0, english, "")
    code, out, _err = _run(["--lang", "zh_CN", "--help"], capsys)  # --lang wins over the locale
    assert code == 0 and out.startswith("用法：")


def test_a_subcommand_help_in_chinese(locale, capsys) -> None:  # type: ignore[no-untyped-def]
    locale("zh_CN.UTF-8")
    code, out, _err = _run(["draw", "run", "--help"], capsys)
    assert code == 0 and out.startswith("用法：inspector draw run [-h]")
    assert "先固定随机种子并记入全过程记录" in out  # the description
    flat = "".join(out.split())  # the help is wrapped wherever the terminal's width says
    assert "随机种子（至少32位十六进制数字" in flat and "3%、90天" in flat  # options' help, %% expanded
    code, out, _err = _run(["export", "--help"], capsys)
    assert code == 0 and "--pdf导出的文书：record(" in "".join(out.split())  # the kinds filled into the template
    code, out, _err = _run(["server", "--help"], capsys)
    assert "否则为./inspector-server.sqlite3）" in "".join(out.split())


def test_usage_errors_in_chinese_with_status_2(locale, capsys) -> None:  # type: ignore[no-untyped-def]
    locale("C.UTF-8")
    code, out, err = _run(["draw", "run"], capsys)
    assert (code, out) == (2, "")
    assert err.startswith("用法：inspector draw run")
    assert err.rstrip().endswith("inspector draw run：错误：缺少必需参数：PLAN_ITEM_ID")
    code, _out, err = _run(["plans", "status", "x", "bogus"], capsys)
    assert code == 2 and "错误：参数 target：无效的选择：'bogus'（可选：'draft', 'approved'" in err
    code, _out, err = _run(["nosuch"], capsys)
    assert code == 2 and "inspector：错误：参数 COMMAND：无效的选择：'nosuch'" in err
    code, _out, err = _run(["draw", "run", "X", "--count"], capsys)
    assert code == 2 and "参数 --count：需要一个参数值" in err
    code, _out, err = _run(["forms", "list", "--bogus"], capsys)
    assert code == 2 and "inspector：错误：无法识别的参数：--bogus" in err
    code, _out, err = _run(["--lang", "en", "draw", "run"], capsys)
    assert code == 2 and "error: the following arguments are required: PLAN_ITEM_ID" in err


def test_argparse_speaks_english_again_after_a_chinese_parse(locale, capsys) -> None:  # type: ignore[no-untyped-def]
    locale("C.UTF-8")
    _run(["draw", "run"], capsys)
    assert argparse._("usage: ") == "usage: "  # type: ignore[attr-defined]
    assert build_parser().format_help().startswith("usage: inspector")


def _texts(parser: argparse.ArgumentParser) -> list[tuple[str, str | None]]:
    """Every text of one parser that help shows, named: description, epilog, group titles, options' help, the
    help of each subcommand in its parent's list."""
    out: list[tuple[str, str | None]] = [("description", parser.description), ("epilog", parser.epilog)]
    out += [(f"group {i}", g.title) for i, g in enumerate(parser._action_groups)]
    for action in parser._actions:
        out.append(("/".join(action.option_strings) or action.dest, action.help))
        if isinstance(action, argparse._SubParsersAction):
            out += [(f"command {c.dest}", c.help) for c in action._choices_actions]
    return [(name, text) for name, text in out if text and text != argparse.SUPPRESS]


def test_every_help_text_of_every_parser_is_translated() -> None:
    english, chinese = build_parser(), build_parser()
    words = catalogue("zh_CN")
    pairs = list(zip(parsers(english), parsers(chinese), strict=True))
    assert len(pairs) > 50
    untranslated = []
    for en, zh in pairs:
        translate_texts(zh, words)
        for (name, source), (_same, text) in zip(_texts(en), _texts(zh), strict=True):
            if text == source:
                untranslated.append(f"{en.prog} {name}: {source!r}")
    assert not untranslated, "help without a zh_CN translation:\n  " + "\n  ".join(untranslated)


def test_every_chinese_help_formats_and_fits_the_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """argparse fills %(name)s into each help (a translation that broke one would raise here), and a Chinese line
    fits in COLUMNS counted as the terminal counts (a Chinese character takes two columns)."""
    monkeypatch.setenv("COLUMNS", "80")
    too_wide = []
    with speaking("zh_CN"):
        for parser in parsers(build_parser()):
            assert parser.format_help().startswith("用法：")
            too_wide += [f"{parser.prog}: {line}" for line in parser.format_help().splitlines()
                         if columns(line) > 80 and columns(line) != len(line)]
    assert not too_wide, "\n".join(too_wide)


def test_wrap_counts_columns_and_keeps_punctuation_with_its_word() -> None:
    assert wrap("一二三四五六七八", 8) == ["一二三四", "五六七八"]
    assert wrap("一二三，四五", 6) == ["一二", "三，四", "五"]  # no line starts with "，"
    assert wrap("一二（三", 6) == ["一二", "（三"]  # nor ends with "（"
    assert wrap("工作区 directory (default: X)", 14) == ["工作区", "directory", "(default: X)"]


@pytest.mark.parametrize(("argv", "env", "lang"), [
    (["--lang", "en", "--help"], {}, "en"),
    (["verify", "--lang=en"], {}, "en"),
    (["--lang", "fr"], {}, "zh_CN"),  # not one we speak: argparse refuses it, in the locale's language
    (["sync", "--", "--lang", "en"], {}, "zh_CN"),
    (["--help"], {"LANG": "en_GB.UTF-8"}, "en"),
    (["--help"], {"LANG": "en_GB.UTF-8", "LC_ALL": "zh_CN.UTF-8"}, "zh_CN"),
    (["--lang", "zh_CN"], {"LANG": "en_US.UTF-8"}, "zh_CN"),
    (["--help"], {"LANG": "C"}, "zh_CN"),
    (["--help"], {}, "zh_CN"),
])
def test_the_language_is_known_before_parsing(argv, env, lang, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    for var, value in env.items():
        monkeypatch.setenv(var, value)
    assert requested_language(argv) == lang


PROBE = """
import sys
from inspector_app.cli import _desktop_args, _parse
assert _desktop_args(["--lang", "zh_CN"]) is not None
daily = sorted(m for m in sys.modules if m.startswith("inspector_app"))
_parse(["forms", "list"])
print(daily, "PySide6.QtCore" in sys.modules)
"""


def test_the_daily_start_and_a_correct_command_line_load_no_catalogue() -> None:
    """`inspector` (with at most --data-dir/--lang) builds no parser and loads no translation; a correct command
    line builds the parser but asks for no word, so neither QtCore nor the catalogue is loaded."""
    env = dict(os.environ, PYTHONPATH=str(REPO), LANG="C.UTF-8")
    env.pop("LC_ALL", None)
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, timeout=120,
                          cwd=REPO)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "['inspector_app', 'inspector_app.cli'] False"
