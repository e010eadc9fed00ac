"""Errors are codes with parameters (domain/errors.py): no `raise SomeError("<Chinese words>")` is left in the
package, nor a problem found and collected in Chinese words — `problems.append("…")` (a record not ready to sign, a
broken journal, a tampered case file), a template file's `FormProblem(…)` / `ctx.add("…")`, a coded error or
problem built with a finished Chinese message (`ValidationError("…")`, `coded("x", "…")`). The converted messages
read as before in the Chinese UI, command line and verification reports (the old wording is now the zh_CN
translation of the English template).

Found with the syntax tree, so a call spread over several lines or built with an f-string counts too.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parents[2] / "inspector_app"
CJK = re.compile(r"[\u4e00-\u9fff]")

#: (module, exception type) raise sites still raised as finished Chinese messages, each with the reason.
ALLOWED: dict[tuple[str, str], str] = {
    ("server/tsa.py", "TsaError"):
        "the sync server's time-stamping set-up, printed by `inspector server tsa ...` and sent in HTTP 400 bodies; "
        "the server may not load the translation catalogue (import-linter: no inspector_app.ui) and speaks Chinese "
        "throughout, so an English template would make it bilingual",
    ("server/tsa_http.py", "TsaError"): "the same: the server's own time-stamping service",
}


def _texts(node: ast.expr) -> list[str]:
    """The literal text of a message argument: a string, an f-string's fixed parts, a + or % of those."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        return [t for v in node.values for t in _texts(v)]
    if isinstance(node, ast.BinOp):
        return _texts(node.left) + _texts(node.right)
    return []


def chinese_raises(source: str) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and node.exc.args):
            continue
        func = node.exc.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else "?"
        if any(CJK.search(t) for t in _texts(node.exc.args[0])):
            found.append((node.lineno, name))
    return sorted(found)


#: Calls whose first two positional arguments are a code and an English template (or, unconverted, a finished
#: message): a Chinese literal there is a message that no translation can word in English.
CODED_CALLS = {"ValidationError", "DomainError", "TeamRuleViolation", "IllegalTransition", "FrozenRecord",
               "CodedProblem", "coded", "finished", "FormProblem"}


def _name(func: ast.expr) -> str:
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else "?"


def chinese_problems(source: str) -> list[tuple[int, str]]:
    """Problems collected or built with Chinese words: any Chinese literal inside `….problems.append(…)` (however
    deep: a template, a parameter), in the message of a coded call, or in a template file's `ctx.add(…)`."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        func, name = node.func, _name(node.func)
        if name == "append" and isinstance(func, ast.Attribute) and _name(func.value) == "problems":
            texts = [n.value for a in node.args for n in ast.walk(a)
                     if isinstance(n, ast.Constant) and isinstance(n.value, str)]
            name = "problems.append"
        elif name in CODED_CALLS or (name == "add" and isinstance(func, ast.Attribute) and _name(func.value) == "ctx"):
            texts = [t for a in node.args[:2] for t in _texts(a)]
        else:
            continue
        if any(CJK.search(t) for t in texts):
            found.append((node.lineno, name))
    return sorted(found)


def test_the_finder_sees_chinese_problems() -> None:
    source = ('problems.append("请填写执行地点")\nout.problems.append(Problem("x", coded("a.b", f"第 {n} 条"), p))\n'
              'self.problems.append(FormProblem(f, 1, None, "form.x", QT_TRANSLATE_NOOP("Errors", "Fine {n}."),\n'
              '    {"n": "中"}))\n'
              'errors = [ValidationError(p) for p in ps]\nx = ValidationError("需要" + s)\nctx.add(f"未知 {k}", i, 1)\n'
              'ctx.add("form.ok", QT_TRANSLATE_NOOP("Errors", "Unknown {k}."), i, 1, k=k)\nnames.append("中文")\n'
              'y = coded("a.b", QT_TRANSLATE_NOOP("Errors", "Page {page}"), page=n, where="中")\n'
              'z = finished(f"{a}：{b}（见第 {n} 条）")\n')
    assert chinese_problems(source) == [(1, "problems.append"), (2, "coded"), (2, "problems.append"),
                                        (3, "problems.append"), (6, "ValidationError"), (7, "add"), (11, "finished")]


def test_no_problem_is_collected_in_chinese_words() -> None:
    offenders = []
    for path in sorted(PKG.rglob("*.py")):
        rel = path.relative_to(PKG).as_posix()
        offenders += [f"inspector_app/{rel}:{line}: {name}(\"…\")"
                      for line, name in chinese_problems(path.read_text(encoding="utf-8"))]
    assert not offenders, ("collect a coded problem instead: coded(\"area.what\", QT_TRANSLATE_NOOP(\"Errors\", "
                           "\"English {param}.\"), param=v) or a ValidationError the same way, with its zh_CN "
                           "translation in the .ts (README, Errors):\n" + "\n".join(offenders))


def test_the_finder_sees_one_line_multi_line_and_f_string_raises() -> None:
    source = ('raise ValueError("需要")\nraise X(\n    f"第 {n} 段"\n    "坏了")\nraise Y("a" + "中")\n'
              'raise Z("code.ok", QT_TRANSLATE_NOOP("Errors", "Fine {n}."), n=1)\nraise W(msg)\n')
    assert chinese_raises(source) == [(1, "ValueError"), (2, "X"), (5, "Y")]


def test_no_error_is_raised_as_a_chinese_literal() -> None:
    offenders = []
    for path in sorted(PKG.rglob("*.py")):
        rel = path.relative_to(PKG).as_posix()
        offenders += [f"inspector_app/{rel}:{line}: raise {name}(\"…\")"
                      for line, name in chinese_raises(path.read_text(encoding="utf-8"))
                      if (rel, name) not in ALLOWED]
    assert not offenders, ("raise a coded error instead: SomeError(\"area.what\", QT_TRANSLATE_NOOP(\"Errors\", "
                           "\"English {param}.\"), param=v), with its zh_CN translation in the .ts (README, "
                           "Errors):\n" + "\n".join(offenders))


@pytest.fixture
def zh(tmp_path: Path):  # type: ignore[no-untyped-def]
    from inspector_app.ui.cli_words import translator
    from inspector_app.ui.errors import user_message

    words = translator("zh_CN", tmp_path)
    return lambda exc: user_message(exc, words)


def test_evidence_refusals_read_as_before_in_chinese(zh) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.storage import media

    with pytest.raises(media.MediaRefused) as empty:
        media.sniff(b"")
    assert empty.value.code == "evidence.empty_file" and zh(empty.value) == "文件为空（0 字节），不能作为证据"
    with pytest.raises(media.MediaRefused) as office:
        media.sniff(b"PK\x03\x04" + bytes(60))
    assert office.value.code == "evidence.office_document"
    assert zh(office.value) == ("Word/Excel 等办公文档或压缩包不能直接作为证据导入，请先另存为 PDF。"
                                "支持的格式：JPEG、PNG、TIFF、WebP 图片，PDF 文档，MP4、MOV、MP3、WAV、M4A 音视频")
    assert str(office.value).startswith("Word, Excel and other office documents")
    bomb = media._bomb((20000, 20000))
    assert zh(bomb) == ("图片像素数过大（20000×20000），超过 120 百万像素的上限，可能是异常或恶意文件（解压炸弹），"
                        "已拒绝导入")


def test_sync_and_sign_in_errors_read_as_before_in_chinese(zh) -> None:  # type: ignore[no-untyped-def]
    import pickle

    from inspector_app.signin_cli import SignInRequired
    from inspector_app.storage.keyslots import WrongPasswordError
    from inspector_app.sync.errors import Offline, ServerStorageFull, refused

    full = ServerStorageFull("sync.server_full", "The server's storage is full; the sync will be retried "
                                                 "automatically.", body={"error": "storage_full"})
    assert isinstance(full, Offline) and zh(full) == "服务器存储空间已满，稍后自动重试"
    no = refused({"error": "upgrade_required", "message": "请升级客户端"}, "push refused (426)")
    assert (no.code, no.server_code) == ("sync.server_refused", "upgrade_required")
    assert zh(no) == "服务器拒绝了请求：请升级客户端"
    assert pickle.loads(pickle.dumps(no)).code == "sync.server_refused"
    failed = SignInRequired("cli.sign_in_failed", "Sign-in failed", problems=[WrongPasswordError()])
    assert zh(failed) == "登录失败：密码不正确"


@pytest.fixture
def words(tmp_path: Path):  # type: ignore[no-untyped-def]
    """(English, Chinese) wordings of a coded problem or error, as the command line and the windows word them."""
    from inspector_app.ui.cli_words import problem_words

    return problem_words(tmp_path, "en"), problem_words(tmp_path, "zh_CN")


def test_found_problems_read_in_english_and_as_before_in_chinese(words) -> None:  # type: ignore[no-untyped-def]
    """Problems that used to be collected as Chinese strings: the English UI now says them in English, the zh_CN
    catalogue in exactly the old words (with the old punctuation: "；" between problems, "、" in lists)."""
    import dataclasses
    import datetime as dt

    from inspector_app.domain.errors import ValidationError, finished
    from inspector_app.domain.journal import GENESIS, make_event, verify_chain
    from inspector_app.records.model import Officer, Party
    from inspector_app.records.model_seizure import SealDecision, SeizureItem
    from inspector_app.records.pagecompare import _text_difference

    en, zh = words
    at = dt.datetime(2026, 11, 20, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    notice = SealDecision(number="", agency="局", party=Party("院", "X"), record_number="", reason="理由", basis="",
                          started_at=at, due_on=at.date(), place="药房", officers=(Officer("a", "甲", "C1"),),
                          items=(SeizureItem("", "", "", "盒", "药房"),))
    with pytest.raises(ValidationError) as caught:
        notice.validate()
    assert caught.value.codes[:4] == ["record.incomplete", "seizure.number_missing", "seizure.item_incomplete",
                                      "seizure.due_date_wrong"]
    assert zh(caught.value).startswith("缺少封存决定书编号；清单第 1 项缺少：名称、数量；期限与法定期限不符；"
                                       "笔录须载明不少于 2 名执法人员及其不同的执法证号（条例第二十九条）")
    assert en(caught.value).startswith("The number of the seal decision is missing. Item 1 of the list lacks: "
                                       "item name, item quantity. The period does not match the statutory period.")

    events = [make_event("c", 1, "2026-11-20T01:00:00+00:00", "甲", "d", "x", {}, GENESIS)]
    events = [dataclasses.replace(events[0], payload={"changed": True})]
    [modified] = verify_chain(events).problems
    assert (modified.code, zh(modified)) == ("journal.event_modified", "序号 1 的内容与其哈希不符（事件被修改）")
    assert en(modified) == "The content of sequence number 1 does not match its hash (the event was modified)."

    differs = _text_difference("a1b2c3d4e" + "x" * 40 + "5", "a9b8c7d6e" + "x" * 40 + "0", context=1)
    assert differs.code == "verify.text_differs_many" and differs.params["count"] == 5
    assert zh(differs).startswith("文字不同：显示“…a1…”，应为“…a9…”；显示“…") and zh(differs).endswith(" 等 5 处")
    assert en(differs).startswith("The text differs in 5 places, among them: shows “…a1…” where it should read “…a9…”")

    from inspector_app.domain.errors import coded
    from inspector_app.records.verify_report import Reason

    reason = Reason("too_few_officers", "仅 1 名执法人员有效签名")  # a reason records still words in Chinese
    pdf = coded("case_file.pdf_invalid", "The signed document does not verify",
                problems=[reason.detail or finished(reason.message), modified])
    assert zh(pdf) == "签名文书核验不通过：仅 1 名执法人员有效签名；序号 1 的内容与其哈希不符（事件被修改）"


def test_a_template_file_problem_reads_as_before_in_chinese(words, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.catalog.loader import FormError, parse_template_text

    with pytest.raises(FormError) as caught:
        parse_template_text('schema = 1\nid = "x"\nversion = 1\ntitle = "t"\napplies_to = ["医院"]\n'
                            '[[sections]]\nid = "s"\ntitle = "s"\n[[sections.items]]\nid = "H-01"\nchecks = "c"\n'
                            'answer = "bool"\n', tmp_path / "t.toml")
    [missing] = caught.value.problems
    assert (missing.code, missing.item, missing.params["key"]) == ("form.missing_field", "H-01", "'label'")
    en, zh = words
    assert zh(missing) == f"{tmp_path / 't.toml'}:10 [H-01]: 检查项 H-01 缺少必填字段 'label'"
    assert en(missing) == f"{tmp_path / 't.toml'}:10 [H-01]: Check item H-01 lacks the required field 'label'."
