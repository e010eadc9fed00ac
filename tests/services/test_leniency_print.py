"""The outcome's self-inspection advice in words where it is decided and where it is kept: the outcome dialog
(the suggested range with its reasons, and the outcome's note) and the sealed case file (卷内目录.pdf, read back
with pdftotext, its text twin and the manifest)."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

from inspector_app.domain.leads.rules import RuleSet
from inspector_app.domain.leniency import Leniency
from inspector_app.services.context import Actor
from tests import leads_data as D
from tests.helpers import lead
from tests.services.test_selfcheck import campaign_data, fill
from tests.services.test_signing_service import PASSWORD, org_ca, ready_to_sign, with_keys  # noqa: F401 (org_ca: fixture)


def _campaign_with_return(app: Any, roster: Any, tmp_path: Path, rows: dict[str, list[object]]) -> str:
    actor = lead(roster)
    cid = app.campaigns.create(actor, campaign_data((roster["hospital"].id,)))
    form = app.campaigns.write_return_form(cid, roster["hospital"].id, tmp_path / "r.xlsx")
    app.campaigns.import_return(actor, fill(form, rows), received_on=dt.date(2026, 4, 19))
    app.leads.import_file(actor, D.write_csv(tmp_path / "x.csv", D.rows_of(D.LINES)), "市平台结算",
                          rules=RuleSet.from_json(D.RULES))
    return cid


def _confirm(app: Any, roster: Any, iid: str, *keys: tuple[str, str, str]) -> None:
    by = {(x.rule, x.settlement_no): x for x in app.lead_review.for_inspection(iid)}
    for rule, no, item in keys:
        app.lead_review.mark(lead(roster), iid, by[(rule, no)].id, "confirmed", campaign_item=item)


def test_the_case_file_prints_the_severe_advice_with_its_reasons(app, roster, tmp_path: Path, org_ca,  # noqa: F811
                                                                 shared_fonts) -> None:  # type: ignore[no-untyped-def]
    # 分解住院 self-reported and refunded in time; the price overcharge (A2) never reported → 从重
    _campaign_with_return(app, roster, tmp_path, {
        "A1": ["是", "分解住院 1 例", "362.00", "362.00", dt.date(2026, 4, 15), "TK-1", "整改"]})
    with_keys(app, roster, org_ca)
    iid = ready_to_sign(app, roster)
    _confirm(app, roster, iid, ("readmission", "S002", "A1"), ("above_price", "S001", "A2"))
    name, advice = app.lead_review.leniency_for(iid)
    assert (name, advice.level) == ("2026年医疗保障基金专项治理", Leniency.SEVERE)
    for o in roster["officers"][:2]:
        app.signing.sign_record(Actor(o.name, o.id), iid, o.id, PASSWORD)
    out = app.case_files.export(iid, tmp_path / "案卷.zip", officer_id=roster["officers"][0].id, password=PASSWORD)
    with zipfile.ZipFile(out) as zf:
        (tmp_path / "cat.pdf").write_bytes(zf.read("卷内目录.pdf"))
        text_twin = zf.read("卷内目录.txt").decode("utf-8")
        manifest = json.loads(zf.read("manifest.json"))
    pdf_text = subprocess.run(["pdftotext", str(tmp_path / "cat.pdf"), "-"], capture_output=True,
                              text=True, check=True).stdout
    flat = "".join(pdf_text.split())  # cells wrap: compare without spaces and line breaks
    for words in ("处罚裁量建议（自查自纠情节）", "建议从重处罚", "未在自查中报告，属自查不到位",
                  "涉及90.00元", "依吉医保联〔2020〕12号四：自查不到位或未按时足额退回的，依法依规从重处罚并公开曝光"):
        assert words in flat, words
    assert "建议：从重处罚" in text_twin and "理由1：“超标准收费（高于价格目录）：结算流水号 S001" in text_twin
    assert manifest["leniency"] == {"campaign": "2026年医疗保障基金专项治理", "level": "从重处罚",
                                    "reasons": list(advice.reasons)}
    report = app.case_files.verify(out)
    assert report.ok, report.describe()


def test_no_campaign_no_advice_in_the_case_file_text() -> None:
    from inspector_app.records.casefile_pdf import catalogue_text, leniency_lines

    meta = {"institution": {"name": "测试市人民医院", "credit_code": "X"}, "record_number": "N-1",
            "inspection_id": "i", "content_hash": "h", "journal_head": "j", "journal_length": 1,
            "exported_at": "2026-11-20T01:30:00+00:00", "app_version": "t"}
    assert leniency_lines(meta) == [] and "处罚裁量建议" not in catalogue_text(meta, [])
    meta["leniency"] = {"campaign": "专项", "level": "从轻、减轻或免于处罚", "reasons": ["甲", "乙"]}
    assert leniency_lines(meta)[:5] == ["处罚裁量建议（自查自纠情节）", "专项治理：专项", "建议：从轻、减轻或免于处罚",
                                        "理由1：甲", "理由2：乙"]


def test_the_outcome_dialog_shows_the_lenient_advice_and_keeps_it_in_the_note(app, roster, qtbot,
                                                                              tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.ui.dialogs.outcome_dialog import OutcomeDialog
    from tests.helpers import new_inspection, start_on_site

    _campaign_with_return(app, roster, tmp_path, {
        "A1": ["是", "分解住院 1 例", "362.00", "362.00", dt.date(2026, 4, 15), "TK-1", "整改"]})
    iid = new_inspection(app, roster)
    start_on_site(app, roster, iid)
    _confirm(app, roster, iid, ("readmission", "S002", "A1"))
    advice = app.lead_review.leniency_for(iid)
    assert advice[1].level is Leniency.LENIENT
    dialog = OutcomeDialog([], Decimal("362.00"), None, leniency=advice)
    qtbot.addWidget(dialog)
    shown = dialog.leniency.text()
    assert "从轻、减轻或免于处罚" in shown and "已在自查中主动报告，并于 2026-04-20 前足额退回 362.00 元" in shown
    dialog.accept()
    assert dialog.values is not None and dialog.values["note"].startswith(
        "自查自纠情节（2026年医疗保障基金专项治理）：建议从轻、减轻或免于处罚。")
    # saved with the outcome like any note (the reviewer may edit it)
    none = OutcomeDialog([], Decimal("0"), None, leniency=None)
    qtbot.addWidget(none)
    assert none.note.toPlainText() == "" and "no campaign" in none.leniency.text()
