"""The command line's error words: the windows' catalogue and mapper (ui/cli_words.py), in the language chosen by
--lang, else by the locale, else Chinese; a coded error is shown by its template, never by a Python type name."""

from __future__ import annotations

from pathlib import Path

import pytest

from inspector_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from inspector_app.storage.integrity import CorruptDatabaseError
from inspector_app.ui.cli_words import cli_language, error_line


@pytest.mark.parametrize(("requested", "env", "expected"), [
    ("en", {"LANG": "zh_CN.UTF-8"}, "en"), (None, {"LANG": "en_GB.UTF-8"}, "en"),
    (None, {"LC_ALL": "zh_TW.UTF-8", "LANG": "en_US"}, "zh_CN"), (None, {"LANG": "C.UTF-8"}, "zh_CN"),
    (None, {}, "zh_CN")])
def test_the_language_follows_lang_then_the_locale_then_chinese(
        requested: str | None, env: dict[str, str], expected: str, monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    for var, value in env.items():
        monkeypatch.setenv(var, value)
    assert cli_language(requested) == expected


def test_a_coded_error_in_both_languages(tmp_path: Path) -> None:
    exc = ValidationError("case_file.officers_unsigned", QT_TRANSLATE_NOOP(
        "Errors", "{count} officer(s) have not signed the inspection record yet; it can be exported once every "
                  "officer has signed."), count=2)
    assert error_line(exc, "zh_CN", tmp_path) == "错误：现场检查笔录尚有 2 名执法人员未签名，全部执法人员签名后才能导出"
    assert error_line(exc, "en", tmp_path) == ("Error: 2 officer(s) have not signed the inspection record yet; it can "
                                               "be exported once every officer has signed.")


def test_a_storage_refusal_is_coded_and_translated(tmp_path: Path) -> None:
    exc = CorruptDatabaseError(Path("/w/inspector.sqlite3"), "page 7", Path("/w/backups/daily.sqlite3"))
    assert exc.code == "database.corrupt" and exc.params["backup"] == "/w/backups/daily.sqlite3"
    zh = error_line(exc, "zh_CN", tmp_path)
    assert zh.startswith("错误：数据库 /w/inspector.sqlite3 已损坏（完整性检查：page 7）")
    assert 'inspector restore --from "/w/backups/daily.sqlite3"' in zh
    assert error_line(exc, "en", tmp_path).startswith("Error: The database /w/inspector.sqlite3 is damaged")
    no_backup = CorruptDatabaseError(Path("/w/inspector.sqlite3"), "page 7", None)
    assert no_backup.code == "database.corrupt_no_backup" and "没有找到本机备份" in error_line(no_backup, "zh_CN",
                                                                                            tmp_path)


def test_key_slot_and_backup_refusals_are_coded_translated_and_picklable(tmp_path: Path) -> None:
    import pickle

    from inspector_app.storage.integrity import BackupRefused, check_backup
    from inspector_app.storage.keyslots import KeySlotError, WrongPasswordError, password_problem

    wrong = pickle.loads(pickle.dumps(WrongPasswordError()))  # crosses the worker pool with its code
    assert isinstance(wrong, KeySlotError) and wrong.code == "keyslot.wrong_password"
    assert error_line(wrong, "zh_CN", tmp_path) == "错误：密码不正确"
    assert error_line(wrong, "en", tmp_path) == "Error: The password is wrong."
    short = password_problem("short")
    assert short is not None and short.code == "keyslot.password_too_short"
    assert error_line(short, "zh_CN", tmp_path) == "错误：密码至少需要 8 个字符"
    with pytest.raises(BackupRefused) as refused:
        check_backup(tmp_path / "nope.sqlite3", None, set())
    assert refused.value.code == "backup.missing"
    assert error_line(refused.value, "zh_CN", tmp_path) == f"错误：备份文件不存在：{tmp_path / 'nope.sqlite3'}"
