"""A record people read (issue 13, items 4 and 5): the journal appendix in words with masked personal data, sample
tables as sub-tables, answers as given with their standard, 禁则 line breaking on the real layout, the notice's
statement of remedies, 主办执法人员 vs 组长, and the draft that is not a record."""

from __future__ import annotations

import ast
import dataclasses
import datetime as dt
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from inspector_app import fonts
from inspector_app.domain.checklist import AnswerType, Column, ItemDef, Threshold
from inspector_app.domain.inspection import Status
from inspector_app.domain.journal import GENESIS, events_to_json, make_event
from inspector_app.records import _linebreak as LB
from inspector_app.records import _layout as L
from inspector_app.records import journal_words as JW
from inspector_app.records import kinds as doc_kinds
from inspector_app.records import pki, render, verify
from inspector_app.records.model import ChecklistRow, FindingRow
from inspector_app.services import record_builder as RB
from tests import records_sample as rs

REPO = Path(__file__).resolve().parents[2]
needs_poppler = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")
NO_START = set("，。、；：？！）》」』】")
NO_END = set("（《「『【")


@pytest.fixture(scope="module")
def fontset() -> fonts.FontSet:
    return fonts.ensure_fonts(fonts.default_cache_dir())


def text_of(pdf: bytes, tmp_path: Path, *args: str) -> str:
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-enc", "UTF-8", *args, str(path), "-"], capture_output=True, text=True,
                          timeout=60).stdout


# ------------------------------------------------------------------------------------------------ event names


def _emitted_event_types() -> set[str]:
    """Every event type the services and the sync engine journal: the literal second argument of
    uow.journal(...) / uow.record(...), with the three f-string families expanded from their sources."""
    kinds: dict[str, set[str]] = {"review": set(), "doc": set(), "session": set()}
    found: set[str] = set()
    patterns: set[str] = set()
    for path in [*(REPO / "inspector_app" / "services").rglob("*.py"),
                 *(REPO / "inspector_app" / "sync").rglob("*.py")]:
        source = path.read_text(encoding="utf-8")
        kinds["review"] |= set(re.findall(r'self\._event\(uow, insp, "([a-z_]+)"', source))
        kinds["session"] |= set(re.findall(r'self\._event\(actor, "([a-z_]+)"', source))
        kinds["doc"] |= set(re.findall(r'DocumentRow\([^)]*?kind="([a-z_]+)"', source, re.S))
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "add_row":
                # the document pipeline journals the `event=` of DocumentPipeline.add_row
                found |= {k.value.value for k in node.keywords
                          if k.arg == "event" and isinstance(k.value, ast.Constant)}
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr in ("journal", "record") and len(node.args) >= 2):
                continue
            arg = node.args[1]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                found.add(arg.value)
            elif isinstance(arg, ast.JoinedStr):
                patterns.add("".join(v.value if isinstance(v, ast.Constant) else "{}" for v in arg.values))
    # a new family: add it
    assert patterns == {"inspection.status.{}", "review.{}", "{}.countersigned", "session.{}"}, patterns
    found |= {f"inspection.status.{s.value}" for s in Status}
    found |= {f"review.{k}" for k in kinds["review"]}
    found |= {f"{k}.countersigned" for k in (*kinds["doc"], *doc_kinds.codes())}
    found |= {f"session.{k}" for k in kinds["session"]}
    assert {"answer.changed", "party.signoff", "record.signed", "review.approve"} <= found  # the scan works
    return found


def test_every_emitted_event_type_has_a_chinese_name() -> None:
    missing = sorted(t for t in _emitted_event_types() if t not in JW.EVENT_NAMES)
    assert not missing, f"event types without a Chinese name in records/journal_words.py: {missing}"
    for name in JW.EVENT_NAMES.values():
        assert re.search(r"[\u4e00-\u9fff]", name) and not re.search(r"[a-z]{3,}", name), name
    assert JW.event_name("answer.changed") == "修改检查项答案"
    assert JW.event_name("something.new") == "其他操作"  # never English on paper


def test_status_names_match_the_status_machine() -> None:
    from inspector_app.domain.inspection import STATUS_LABELS_ZH

    assert JW.STATUS_ZH == {s.value: label for s, label in STATUS_LABELS_ZH.items()}


def _journal(events: list[tuple[str, dict]]) -> tuple[tuple[dict, ...], str]:
    out, prev = [], GENESIS
    for seq, (kind, payload) in enumerate(events, 1):
        at = (rs.T0 + dt.timedelta(minutes=seq)).astimezone(dt.timezone.utc).isoformat()
        ev = make_event("insp-0001", seq, at, "陈明哲(off-1)", "laptop-07", kind, payload, prev)
        out.append(ev)
        prev = ev.hash
    return tuple(events_to_json(out)), prev


def test_journal_appendix_is_in_words_with_personal_data_masked(fontset, tmp_path) -> None:
    events, head = _journal([
        ("answer.changed", {"entity": "answer", "id": "a1", "item": "H-01.1",
                            "fields": {"value": [None, "y"], "note": ["", "现场询问"]}, "state": "compliant"}),
        ("finding.changed", {"entity": "finding", "id": "f1",
                             "fields": {"amount_involved": ["100.00", "12860.00"]}}),
        ("party.signoff", {"entity": "party_signoff", "id": "p1", "data": {
            "document_kind": "record", "signer_name": "周一鸣", "id_number": "510802197901011234",
            "phone": "13800001111", "opinion": "以上记录已阅，属实。", "strokes": [[1, 2]]}}),
        ("inspection.status.awaiting_signature", {"entity": "inspection", "id": "i1",
                                                 "fields": {"status": ["on_site", "awaiting_signature"]}}),
    ])
    snap = dataclasses.replace(rs.record(None, n_photos=0), journal=events, chain_head=head)
    out = render.render_record(snap, fontset)
    # the record itself names the on-site contact in full (D4); the appendix must not repeat it
    text = re.sub(r"\s+", "", text_of(out.pdf, tmp_path)).split("附件：全过程记录", 1)[1]
    for needle in ("修改检查项答案", "检查项H-01.1", "答案：（空）→y", "备注：（空）→现场询问", "修改发现的问题",
                   "涉及金额：100.00→12860.00", "记录当事人意见及签字", "状态变为“待签字”", "状态：检查中→待签字",
                   "陈明哲", "2026年11月20日", "09:31:00", "签字人：周**"):
        assert needle in text, needle
    assert "510802197901011234" not in text and "13800001111" not in text  # masked, not printed
    assert "510802********1234" in text and "138****1111" in text  # the usual 公示 form
    for english in ("answer.changed", "party.signoff", "strokes", "off-1", "laptop"):
        assert english not in text, english
    embedded = dict((a.name, a.data) for a in out.attachments)[render.JOURNAL_FILE].decode()
    assert "510802197901011234" in embedded and "answer.changed" in embedded  # the machine journal is complete


# ------------------------------------------------------------------------------------------------ answers


def _item(answer: AnswerType, **kw) -> ItemDef:
    return ItemDef(kw.pop("id", "H-09.1"), kw.pop("label", "抽查住院结算单"), "", answer, "s1", **kw)


def test_answers_print_as_given_with_their_standard() -> None:
    text = _item(AnswerType.TEXT)
    assert RB.answer_text(text, "y") == "y"
    assert RB.printed_state(text, "y", None, "compliant") == ""  # nobody judged "y": no 符合 on paper
    assert RB.printed_state(text, "y", "violation", "violation") == "violation"
    pct = _item(AnswerType.PCT, threshold=Threshold("<=", __import__("decimal").Decimal("8")), unit="%")
    assert RB.standard_text(pct) == "≤ 8%" and RB.printed_state(pct, "6", None, "compliant") == "compliant"
    assert RB.standard_text(_item(AnswerType.BOOL)) == "答“是”为符合"
    sample = _item(AnswerType.SAMPLE, columns=(Column("no", "结算单号"), Column("amt", "金额", "money")))
    assert RB.answer_text(sample, None) == "无抽查记录"
    assert RB.answer_text(sample, {"rows": []}) == "无抽查记录"
    value = {"rows": [{"no": "JS-001", "amt": "860.00", "violation": True}, {"no": "JS-002"}]}
    assert RB.answer_text(sample, value) == "抽查 2 条，其中违规 1 条（明细见下表）"
    assert RB.sample_table(sample, value) == (("结算单号", "金额（元）", "是否违规"),
                                              (("JS-001", "860.00", "是"), ("JS-002", "", "否")))


@needs_poppler
def test_sample_rows_print_as_a_sub_table_with_headers(fontset, tmp_path) -> None:
    row = ChecklistRow("定点医疗机构检查表", "收费管理", "H-09.1", "重复收费抽查",
                       "抽查 2 条，其中违规 1 条（明细见下表）", "violation", "抽查记录无违规", "条例第十五条", "",
                       ("结算单号", "收费项目", "金额（元）", "是否违规"),
                       (("JS-2026-001", "一级护理", "860.00", "是"), ("JS-2026-002", "床位费", "45.00", "否")))
    text_row = ChecklistRow("定点医疗机构检查表", "收费管理", "H-09.2", "情况说明", "y", "", "")
    snap = dataclasses.replace(rs.record(None, n_photos=0), checklist=(row, text_row))
    lines = text_of(render.render_record(snap, fontset).pdf, tmp_path, "-layout").splitlines()
    header = next(i for i, line in enumerate(lines) if "结算单号" in line)
    assert re.search(r"序号\s+结算单号\s+收费项目\s+金额（元）\s+是否违规", lines[header])
    assert re.search(r"1\s+JS-2026-001\s+一级护理\s+860\.00\s+是", "\n".join(lines[header:header + 4]))
    flat = "\n".join(lines)
    assert "JS-2026-001，一级护理" not in flat and "yes" not in flat
    text_line = next(line for line in lines if "H-09.2" in line)
    assert re.search(r"\by\s+—\s+—", text_line) and "符合" not in text_line


# ------------------------------------------------------------------------------------------------ 禁则


PUNCTUATED = ("经查，该院2026年1月至6月（抽查期间）存在分解住院、挂床住院等问题；涉及患者“张某”等12080人次，"
              "金额12,860.00元。依据《医疗保障基金使用监督管理条例》第十五条、第三十八条！是否属实？属实。") * 2


def test_line_breaking_follows_the_rules_at_every_width(fontset) -> None:
    L.prepare(fontset)
    for style in ("cell", "small", "body"):
        for width in range(40, 260, 3):
            for flow in (LB.plain(PUNCTUATED, L.STYLES[style]), LB.lines(PUNCTUATED, L.STYLES[style])):
                got = LB.line_texts(flow, width) if isinstance(flow, LB.Para) else _lines_of(flow, width)
                assert "".join(got) == PUNCTUATED
                for a, b in zip(got, got[1:]):
                    assert b[:1] not in NO_START, (style, width, a, b)
                    assert a[-1:] not in NO_END, (style, width, a, b)
                    if width >= 80:  # where "12,860.00" fits on a line, it is never split
                        assert not (a[-1:].isdigit() and b[:1].isdigit()), (style, width, a, b)


def _lines_of(flow: LB.Lines, width: float) -> list[str]:
    flow.wrap(width, 1e6)
    return [line[0] for line in flow._memo[1]]


@needs_poppler
def test_no_rendered_line_starts_with_closing_punctuation(fontset, tmp_path, monkeypatch) -> None:
    produced: list[str] = []
    real = LB._ranges

    def spy(chars, widths, breaks, max_widths):
        out = real(chars, widths, breaks, max_widths)
        texts = ["".join(chars[a:b]) for a, b, *_ in out]
        produced.extend(zip(texts, texts[1:]))  # (a line, the line after it)
        return out

    monkeypatch.setattr(LB, "_ranges", spy)
    findings = tuple(FindingRow(i, PUNCTUATED[: 40 + 7 * i], "较重", legal_basis="依据" + PUNCTUATED[i: 60 + i])
                     for i in range(1, 12))
    snap = dataclasses.replace(rs.record(None, n_photos=0), findings=findings)
    out = render.render_record(snap, fontset)
    assert len(produced) > 100
    assert not [(a, b) for a, b in produced if b[:1] in NO_START]
    assert not [(a, b) for a, b in produced if a[-1:] in NO_END]
    raw = text_of(out.pdf, tmp_path, "-raw").splitlines()
    assert not [line for line in raw if line.strip()[:1] in NO_START], "a printed line starts with punctuation"


# ------------------------------------------------------------------------------------------------ notice, roles


@needs_poppler
def test_notice_states_the_remedies_with_the_configured_bodies(fontset, tmp_path) -> None:
    notice = dataclasses.replace(rs.notice(rs.record(None, n_photos=0)), reconsideration_body="青川市人民政府",
                                 court="青川市利州区人民法院")
    text = re.sub(r"\s+", "", text_of(render.render_notice(notice, fontset).pdf, tmp_path))
    assert "自收到本通知书之日起六十日内向青川市人民政府申请行政复议" in text
    assert "自收到本通知书之日起六个月内依法向青川市利州区人民法院提起行政诉讼" in text


@needs_poppler
def test_first_officer_is_the_lead_officer_and_zuzhang_is_the_reviewer(fontset, tmp_path) -> None:
    out = render.render_record(rs.record(None, n_photos=0), fontset)
    text = re.sub(r"\s+", "", text_of(out.pdf, tmp_path))
    assert "主办执法人员陈明哲" in text and "协办执法人员许若溪" in text and "组长（审核）韩景行" in text
    assert [f.role for f in out.fields] == ["主办执法人员", "协办执法人员", "组长（审核）"]


# ------------------------------------------------------------------------------------------------ the draft


@pytest.fixture(scope="module")
def draft(fontset) -> render.RenderedPdf:
    snap = dataclasses.replace(rs.record(None, n_photos=1), number="", party_signoff=rs.PartySignOff(),
                               signature_images=())
    return render.render_record(snap, fontset, draft=True)


@needs_poppler
def test_draft_is_watermarked_on_every_page_and_has_nothing_to_sign(draft, tmp_path) -> None:
    assert draft.fields == () and draft.attachments == ()
    pages = text_of(draft.pdf, tmp_path).split("\f")[:draft.page_count]
    assert draft.page_count >= 2 and all("草稿" in p for p in pages)
    flat = re.sub(r"\s+", "", "".join(pages))
    assert "不是笔录，不能签名" in flat and "草稿，不可签名" in flat and "（电子签名处）" not in flat
    assert b"/Sig" not in draft.pdf and b"/EmbeddedFiles" not in draft.pdf
    assert b"inspection_record_draft" in draft.pdf


def test_draft_cannot_be_verified_as_a_record(draft, tmp_path) -> None:
    ca = pki.create_ca("青川市医疗保障局")
    report = verify.verify_pdf(draft.pdf, [ca.cert], [pki.make_crl(ca)])
    assert not report.ok
    path = tmp_path / "draft.pdf"
    path.write_bytes(draft.pdf)
    (tmp_path / "ca.pem").write_bytes(pki.cert_pem(ca.cert))
    cli = subprocess.run([sys.executable, "-m", "inspector_app", "verify", str(path), "--trust",
                          str(tmp_path / "ca.pem")],
                         capture_output=True, text=True, timeout=120)
    assert cli.returncode != 0, cli.stdout + cli.stderr
