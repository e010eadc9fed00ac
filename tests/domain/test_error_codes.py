"""Errors are codes with parameters (domain/errors.py): no `raise SomeError("<Chinese words>")` is left in the
package, and the converted refusals read as before in the Chinese UI and command line (the old wording is now the
zh_CN translation of the English template).

Found with the syntax tree, so a raise spread over several lines or built with an f-string counts too.
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
    ("records/rerender.py", "CannotRerender"):
        "verification-internal: records/verify.py puts str(exc) into a Chinese Reason text of the verification "
        "report (records are Qt-free and cannot translate); converting needs that report to carry codes first",
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
