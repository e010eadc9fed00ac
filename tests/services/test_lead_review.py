"""On site: the inspector confirms two leads and rejects one; only confirmed leads become findings, with their
amounts; the leniency advice follows the institution's self-inspection return."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from inspector_app.domain.errors import ValidationError
from inspector_app.domain.leads.rules import RuleSet
from inspector_app.domain.leniency import Leniency
from tests import leads_data as D
from tests.helpers import lead, new_inspection, start_on_site
from tests.services.test_selfcheck import campaign_data, fill


def test_confirmed_leads_become_findings_and_drive_the_leniency(app, roster, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    actor = lead(roster)
    app.leads.import_file(actor, D.write_csv(tmp_path / "x.csv", D.rows_of(D.LINES)), "市平台结算",
                          rules=RuleSet.from_json(D.RULES))
    iid = new_inspection(app, roster)
    start_on_site(app, roster, iid)
    leads = {x.rule: x for x in app.lead_review.for_inspection(iid)}
    assert set(leads) == {"readmission", "overlapping_stays", "above_price", "quantity_per_day", "out_of_list"}
    app.lead_review.mark(actor, iid, leads["readmission"].id, "confirmed", "病历显示同一病程", campaign_item="A1")
    app.lead_review.mark(actor, iid, leads["above_price"].id, "confirmed", campaign_item="A2")
    app.lead_review.mark(actor, iid, leads["overlapping_stays"].id, "not_confirmed", "转院有记录")
    findings = app.findings.list(iid)
    assert sorted(f.amount_involved for f in findings) == [Decimal("90.00"), Decimal("362.00")]
    assert all(f.amount_to_recover == f.amount_involved for f in findings)
    assert any("分解住院" in f.description and "S002" in f.description for f in findings)
    after = {x.rule: x for x in app.lead_review.for_inspection(iid)}
    assert (after["overlapping_stays"].status, after["overlapping_stays"].finding_id) == ("not_confirmed", None)
    assert after["quantity_per_day"].status == "open"
    assert [e.event_type for e in app.journal.events(iid)][-5:] == [
        "finding.added", "lead.checked", "finding.added", "lead.checked", "lead.checked"]

    # the hospital self-reported 分解住院 (A1) and refunded it in time, but not the 超标准收费 (A2)
    cid = app.campaigns.create(actor, campaign_data((roster["hospital"].id,)))
    form = app.campaigns.write_return_form(cid, roster["hospital"].id, tmp_path / "r.xlsx")
    fill(form, {"A1": ["是", "分解住院 1 例", "362.00", "362.00", dt.date(2026, 4, 15), "TK-1", "整改"]})
    app.campaigns.import_return(actor, form, received_on=dt.date(2026, 4, 19))
    advice = app.lead_review.leniency(iid, cid)
    assert advice.level is Leniency.SEVERE and any("未在自查中报告" in r for r in advice.reasons)
    # on a second look the price was within the list: the finding goes, the advice becomes lenient
    app.lead_review.mark(actor, iid, leads["above_price"].id, "not_confirmed", "价格已调整")
    assert [f.amount_involved for f in app.findings.list(iid)] == [Decimal("362.00")]
    assert app.lead_review.leniency(iid, cid).level is Leniency.LENIENT


def test_a_lead_of_another_institution_is_refused(app, roster, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    actor = lead(roster)
    result = app.leads.import_file(actor, D.write_csv(tmp_path / "x.csv", D.rows_of(D.LINES)), "x")
    other = next(x for x in app.leads.leads(import_id=result.id) if x.institution_code == D.H2)
    iid = new_inspection(app, roster)
    start_on_site(app, roster, iid)
    with pytest.raises(ValidationError) as exc:
        app.lead_review.mark(actor, iid, other.id, "confirmed")
    assert exc.value.code == "lead.other_institution"
    assert app.findings.list(iid) == []
