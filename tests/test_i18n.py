"""The zh_CN translation is complete, keeps placeholders and accelerators, compiles, and loads.

The .ts is refreshed with lupdate into a temporary copy first, so a UI string added to inspector_app/ui without a
translation fails here with the list of missing strings (fix: run lupdate on the real .ts and translate them).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
TS = REPO / "resources" / "i18n" / "inspector_zh_CN.ts"
UI = REPO / "inspector_app" / "ui"
PKG = REPO / "inspector_app"  # error templates (QT_TRANSLATE_NOOP) live outside ui/ too

# %1..%99, %n / %Ln (plurals), %v %m %p (QProgressBar.setFormat)
PLACEHOLDER = re.compile(r"%(?:L?n|\d{1,2}|[vmp])|\{\w+\}")  # Qt %1 and error templates' {name}
# a single "&" followed by the accelerator character ("&&" is a literal ampersand)
MNEMONIC = re.compile(r"(?<!&)&(?!&)(\w)")


def _tool(name: str) -> str:
    """pyside6-<name> next to the interpreter (the venv), else the binary shipped inside the PySide6 package."""
    wrapper = Path(sys.executable).parent / f"pyside6-{name}"
    if wrapper.exists():
        return str(wrapper)
    import PySide6

    binary = Path(PySide6.__file__).parent / name
    if binary.exists():
        return str(binary)
    found = shutil.which(f"pyside6-{name}")
    if found is None:
        pytest.skip(f"pyside6-{name} not available")
    return found


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    translations: tuple[str, ...]
    unfinished: bool
    numerus: bool

    def __str__(self) -> str:
        return f"[{self.context}] {self.source!r}"


def _messages(ts: Path) -> list[Message]:
    out = []
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name", "")
        for m in ctx.iter("message"):
            tr = m.find("translation")
            numerus = m.get("numerus") == "yes"
            if tr is None:
                texts: tuple[str, ...] = ()
            elif numerus:
                texts = tuple(nf.text or "" for nf in tr.findall("numerusform"))
            else:
                texts = (tr.text or "",)
            out.append(Message(name, m.findtext("source", ""), texts,
                               tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete"), numerus))
    return out


@pytest.fixture(scope="module")
def refreshed_ts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the .ts updated from the current UI sources, exactly as the maintainers' lupdate command does."""
    ts = tmp_path_factory.mktemp("i18n") / TS.name
    shutil.copyfile(TS, ts)
    sources = sorted(str(p) for p in PKG.rglob("*.py"))
    proc = subprocess.run([_tool("lupdate"), *sources, "-ts", str(ts), "-source-language", "en",
                           "-target-language", "zh_CN", "-no-obsolete"],
                          capture_output=True, text=True, timeout=60, cwd=REPO)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return ts


@pytest.fixture(scope="module")
def messages(refreshed_ts: Path) -> list[Message]:
    msgs = _messages(refreshed_ts)
    assert len(msgs) > 100, "lupdate found suspiciously few strings"
    return msgs


def test_every_ui_string_is_translated(messages: list[Message]) -> None:
    missing = [str(m) for m in messages
               if m.unfinished or not m.translations or any(not t.strip() for t in m.translations)]
    assert not missing, (
        f"{len(missing)} UI string(s) lack a zh_CN translation. Run\n"
        f"  pyside6-lupdate $(find inspector_app -name '*.py') -ts {TS.relative_to(REPO)} "
        f"-source-language en -target-language zh_CN -no-obsolete\n"
        f"and translate:\n  " + "\n  ".join(missing))


def test_plural_messages_have_one_zh_form(messages: list[Message]) -> None:
    wrong = [str(m) for m in messages if m.numerus and len(m.translations) != 1]
    assert not wrong, "zh_CN has exactly one plural form:\n  " + "\n  ".join(wrong)


def test_translations_keep_placeholders(messages: list[Message]) -> None:
    wrong = []
    for m in messages:
        if m.unfinished:
            continue  # reported by test_every_ui_string_is_translated
        expected = sorted(set(PLACEHOLDER.findall(m.source)))
        for t in m.translations:
            got = sorted(set(PLACEHOLDER.findall(t)))
            if got != expected:
                wrong.append(f"{m}: source {expected}, translation {t!r} has {got}")
    assert not wrong, "placeholders changed:\n  " + "\n  ".join(wrong)


def test_translations_keep_accelerators(messages: list[Message]) -> None:
    wrong = []
    for m in messages:
        if m.unfinished:
            continue
        expected = [c.upper() for c in MNEMONIC.findall(m.source)]
        for t in m.translations:
            got = [c.upper() for c in MNEMONIC.findall(t)]
            if got != expected:
                wrong.append(f"{m}: translation {t!r} has accelerator {got}, source {expected}")
    assert not wrong, "keyboard accelerators changed:\n  " + "\n  ".join(wrong)


@pytest.fixture(scope="module")
def lrelease(refreshed_ts: Path) -> tuple[Path, str]:
    qm = refreshed_ts.with_suffix(".qm")
    proc = subprocess.run([_tool("lrelease"), str(refreshed_ts), "-qm", str(qm)],
                          capture_output=True, text=True, timeout=60)
    report = proc.stdout + proc.stderr
    assert proc.returncode == 0, report
    assert qm.exists() and qm.read_bytes()[:4] == bytes.fromhex("3cb86418"), report  # the .qm magic number
    return qm, report


@pytest.fixture(scope="module")
def compiled_qm(lrelease: tuple[Path, str]) -> Path:
    return lrelease[0]


def test_lrelease_compiles_everything(lrelease: tuple[Path, str]) -> None:
    _qm, report = lrelease
    assert re.search(r"\b0 unfinished\b", report), report
    assert "untranslated" not in report, report


def test_compiled_translation_loads(qapp, compiled_qm: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QCoreApplication, QTranslator

    translator = QTranslator()
    assert translator.load(str(compiled_qm))
    assert QCoreApplication.installTranslator(translator)
    try:
        assert QCoreApplication.translate("Labels", "Draft") == "草稿"
        assert QCoreApplication.translate("Labels", "Unannounced inspection") == "飞行检查"
        assert QCoreApplication.translate("MainWindow", "&New inspection…") == "新建检查(&N)…"
        assert QCoreApplication.translate("MainWindow", "%n change(s) waiting to sync", None, 3) == "3 项更改待同步"
    finally:
        QCoreApplication.removeTranslator(translator)
    assert QCoreApplication.translate("Labels", "Draft") == "Draft"


def test_coded_errors_speak_the_language_of_the_ui(qapp, compiled_qm: Path) -> None:  # type: ignore[no-untyped-def]
    """A service error is a code with parameters; the UI translates its template and fills the parameters in."""
    from PySide6.QtCore import QCoreApplication, QTranslator

    from inspector_app.domain.errors import ValidationError
    from inspector_app.ui.errors import user_message

    exc = ValidationError("finding.unknown_fields", "Unknown fields: {fields}", fields="colour, size")
    assert exc.code == "finding.unknown_fields" and str(exc) == "Unknown fields: colour, size"
    assert user_message(exc) == "Unknown fields: colour, size"
    translator = QTranslator()
    assert translator.load(str(compiled_qm))
    assert QCoreApplication.installTranslator(translator)
    try:
        assert user_message(exc) == "未知字段：colour, size"
        assert user_message(ValidationError("已是中文的旧消息")) == "已是中文的旧消息"  # not converted yet: shown as is
        assert user_message(KeyError("x")).startswith("KeyError")  # a bug, not a rule: named as such
    finally:
        QCoreApplication.removeTranslator(translator)
    import pickle
    again = pickle.loads(pickle.dumps(exc))  # crosses process boundaries (the PDF child) with its code
    assert (type(again), again.code, again.params) == (ValidationError, exc.code, exc.params)


def test_rule_book_refusals_and_team_problems_render_in_chinese(qapp, compiled_qm: Path) -> None:  # type: ignore[no-untyped-def]
    """A refusal's parameters (action, status) are translated too, and a multi-problem error lists each problem
    in the UI's language with the language's separators."""
    import datetime as dt

    import pytest
    from PySide6.QtCore import QCoreApplication, QTranslator

    from inspector_app.domain.errors import TeamRuleViolation
    from inspector_app.domain.rules import Action, refusal
    from inspector_app.domain.team import TeamMember, check_ready_for_site
    from inspector_app.ui.errors import user_message

    day = dt.date(2026, 6, 1)
    members = [TeamMember("a", "甲", "C1", day, has_conflict=False), TeamMember("b", "乙", "C2", day)]
    with pytest.raises(TeamRuleViolation) as caught:
        check_ready_for_site(members, day)
    assert caught.value.codes == ["team.problems", "team.recusal_missing", "team.credentials_not_shown"]
    wrong = refusal(Action.APPROVE, "submitted", "team_lead")
    reviewer = refusal(Action.APPROVE, "under_review", "inspector")
    assert wrong is not None and reviewer is not None
    translator = QTranslator()
    assert translator.load(str(compiled_qm))
    assert QCoreApplication.installTranslator(translator)
    try:
        assert user_message(caught.value) == "乙 尚未作出回避声明；甲 尚未记录亮证（出示执法证件）时间"
        assert user_message(wrong) == "检查记录处于“已提交”状态，不能批准检查记录"
        assert user_message(reviewer) == "只有审核人（检查组组长或管理员）可以批准检查记录"
    finally:
        QCoreApplication.removeTranslator(translator)
    assert user_message(caught.value) == ("乙 has not declared on conflicts of interest yet. "
                                          "No time is recorded for 甲 showing the credentials.")
