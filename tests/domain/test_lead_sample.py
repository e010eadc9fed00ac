"""Leads prefill sample tables: a lead's settlement data fills the template's sample columns (pure mapping), and
the service appends the chosen leads' rows to the item's table in one journaled transaction, never twice."""

from __future__ import annotations

from pathlib import Path

import pytest

from inspector_app.domain.checklist import Column
from inspector_app.domain.errors import ValidationError
from inspector_app.domain.leads.rules import RuleSet
from inspector_app.domain.leads.sample import LeadFacts, sample_row
from tests import leads_data as D
from tests.helpers import answer_ids, lead, new_inspection, start_on_site

# The split-admission table of forms/medical-institution.toml (分解住院)
SPLIT = (Column("record_no", "病案号"), Column("diagnosis", "诊断"), Column("discharged", "前次出院日期", "date"),
         Column("readmitted", "再次入院日期", "date"), Column("days_between", "间隔天数", "count"),
         Column("note", "问题描述"))


def test_a_readmission_lead_fills_the_split_admission_table() -> None:
    facts = LeadFacts("readmission", "S002", "37**************34", 36200, {
        "admitted_on": "2026-03-15", "discharged_on": "2026-03-20", "previous_settlement": "S001",
        "previous_discharge": "2026-03-10"}, note="病历显示同一病程", confirmed=True)
    assert sample_row(SPLIT, facts) == {
        "record_no": "S002", "discharged": "2026-03-10", "readmitted": "2026-03-15", "days_between": 5,
        "note": "数据比对线索（结算流水号 S002）：分解住院嫌疑（短期再入院）（S001）。病历显示同一病程",
        "violation": True}


def test_price_lead_fills_amount_patient_and_item_columns() -> None:
    cols = (Column("visit_no", "住院号/就诊号"), Column("patient", "患者"), Column("item", "收费项目"),
            Column("amount", "涉及金额", "money"), Column("ok", "符合规定", "bool"), Column("fee", "费用日期", "date"))
    facts = LeadFacts("above_price", "S001", "37**************34", 9000, {"item_code": "F001", "item_name": "床位费"})
    assert sample_row(cols, facts) == {"visit_no": "S001", "patient": "37**************34", "item": "F001 床位费",
                                       "amount": "90.00"}  # yes/no and unknown dates stay the inspector's


def _import_and_visit(app, roster, tmp_path: Path) -> str:  # type: ignore[no-untyped-def]
    app.leads.import_file(lead(roster), D.write_csv(tmp_path / "x.csv", D.rows_of(D.LINES)), "市平台结算",
                          rules=RuleSet.from_json(D.RULES))
    iid = new_inspection(app, roster)
    start_on_site(app, roster, iid)
    return iid


def test_chosen_leads_fill_the_sample_table_once(app, roster, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    actor = lead(roster)
    iid = _import_and_visit(app, roster, tmp_path)
    leads = {(x.rule, x.settlement_no): x for x in app.lead_review.for_inspection(iid)}
    items = app.lead_samples.sample_items(iid)
    assert [(i.item_id, i.rows) for i in items] == [("T-10", 0)]
    answer = answer_ids(app, iid)["T-10"]
    assert items[0].answer_id == answer
    app.inspections.save_answer(actor, answer, {"rows": [{"record_no": "手填-1"}]})
    app.lead_review.mark(actor, iid, leads[("readmission", "S002")].id, "confirmed")
    chosen = [leads[("readmission", "S002")].id, leads[("quantity_per_day", "S003")].id]
    result, changes = app.lead_samples.prefill(actor, iid, answer, chosen)
    assert (result.added, result.skipped, changes.answers) == (2, (), frozenset({answer}))
    assert result.answer.value == {"rows": [
        {"record_no": "手填-1"},
        {"record_no": "S002", "amount": "362.00", "admitted": "2026-03-15", "days": 5, "violation": True},
        {"record_no": "S003", "amount": "30.00", "days": 9}]}  # a quantity lead knows the stay's length only
    events = app.journal.events(iid)
    assert [e.event_type for e in events[-2:]] == ["answer.changed", "lead.sample_prefilled"]
    assert events[-1].payload["leads"] == chosen and events[-1].payload["rows_added"] == 2
    # again with one more: the two already there are skipped, nothing written twice
    again, _ = app.lead_samples.prefill(actor, iid, answer, [*chosen, leads[("above_price", "S001")].id])
    assert (again.added, again.skipped) == (1, ("S002", "S003"))
    assert [r["record_no"] for r in again.answer.value["rows"]] == ["手填-1", "S002", "S003", "S001"]
    nothing, no_changes = app.lead_samples.prefill(actor, iid, answer, chosen)
    assert (nothing.added, no_changes.answers) == (0, frozenset())
    assert app.journal.events(iid)[-1].event_type == "lead.sample_prefilled"  # of the second call, not a third


def test_prefill_refuses_a_wrong_item_or_another_institution(app, roster, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    actor = lead(roster)
    iid = _import_and_visit(app, roster, tmp_path)
    ours = app.lead_review.for_inspection(iid)[0].id
    theirs = next(x for x in app.leads.leads() if x.institution_code == D.H2).id
    before = len(app.journal.events(iid))
    with pytest.raises(ValidationError) as exc:
        app.lead_samples.prefill(actor, iid, answer_ids(app, iid)["T-01"], [ours])
    assert exc.value.code == "lead.not_sample_item"
    with pytest.raises(ValidationError) as exc:
        app.lead_samples.prefill(actor, iid, answer_ids(app, iid)["T-10"], [ours, theirs])
    assert exc.value.code == "lead.other_institution"
    with pytest.raises(ValidationError) as exc:
        app.lead_samples.prefill(actor, iid, answer_ids(app, iid)["T-10"], [])
    assert exc.value.code == "lead.none_chosen"
    assert len(app.journal.events(iid)) == before
    assert app.lead_samples.sample_items(iid)[0].rows == 0
