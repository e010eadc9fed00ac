"""Screening rules on a synthetic extract with known answers: every rule's true and false positives counted."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from inspector_app.domain.errors import ValidationError
from inspector_app.domain.leads.rules import RuleSet
from tests import leads_data as D
from tests.helpers import lead


def _found(app, result) -> dict[tuple[str, str, str], str]:  # type: ignore[no-untyped-def]
    return {(x.rule, x.settlement_no, x.institution_code): format(x.amount, ".2f")
            for x in app.leads.leads(import_id=result.id)}


def test_every_rule_finds_exactly_the_known_answers(app, roster, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = D.write_csv(tmp_path / "结算明细.csv", D.rows_of(D.LINES))
    result = app.leads.import_file(lead(roster), path, "市平台结算", rules=RuleSet.from_json(D.RULES))
    found = _found(app, result)
    true_pos = set(found) & set(D.EXPECTED)
    false_pos = set(found) - set(D.EXPECTED)
    false_neg = set(D.EXPECTED) - set(found)
    assert (len(true_pos), len(false_pos), len(false_neg)) == (6, 0, 0), (false_pos, false_neg)
    assert found == D.EXPECTED  # and the amounts in question
    assert result.leads_by_rule == {"above_price": 1, "out_of_list": 1, "overlapping_stays": 2,
                                    "quantity_per_day": 1, "readmission": 1}
    # assigned to institutions: the roster's hospital by its 定点编码; H2 is not in the roster
    by_code = {x.institution_code: x.institution_id for x in app.leads.leads(import_id=result.id)}
    assert by_code == {D.H1: roster["hospital"].id, D.H2: None}
    mine = app.leads.leads(institution_id=roster["hospital"].id)
    assert len(mine) == 5 and all(x.status == "open" for x in mine)
    readm = next(x for x in mine if x.rule == "readmission")
    assert readm.detail["previous_settlement"] == "S001" and readm.patient_masked == "37**************34"


def test_settings_change_the_answers(app, roster, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = D.write_csv(tmp_path / "x.csv", D.rows_of(D.LINES))
    rules = RuleSet.from_json({**D.RULES, "readmission_days": 30, "readmission_same_institution": False,
                               "price_tolerance_pct": 25, "enabled": ["readmission", "above_price"]})
    found = _found(app, app.leads.import_file(lead(roster), path, "x", rules=rules))
    # 30 days: P2's second stay (22 days) now counts; across institutions: P5's same-day transfer (0 days) and
    # P4's second stay (admitted before the first ended) does not; 60 yuan is within 50 + 25 %.
    assert set(found) == {("readmission", "S002", D.H1), ("readmission", "S004", D.H1),
                          ("readmission", "S010", D.H2)}


def test_rules_without_reference_data_raise_nothing(app, roster, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = D.write_csv(tmp_path / "x.csv", D.rows_of(D.LINES))
    result = app.leads.import_file(lead(roster), path, "x")  # no price list, no catalogue, no quantity limits
    assert result.leads_by_rule == {"overlapping_stays": 2, "readmission": 1}


@pytest.mark.parametrize("settings", [{"readmission_days": -1}, {"readmission_days": "15"},
                                      {"enabled": ["nonsense"]}, {"prices": {"F001": "abc"}}, {"colour": 1},
                                      {"overlap_min_days": 0}])
def test_bad_settings_are_refused_with_a_code(settings: dict) -> None:  # type: ignore[type-arg]
    with pytest.raises(ValidationError) as exc:
        RuleSet.from_json(settings)
    assert exc.value.code == "leads.bad_rule_setting"


def test_money_is_exact(app, roster, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rows = D.rows_of([("S1", D.H1, "P0001", "2026-01-01", "2026-01-03", "F001", "床位费", "0.5", "50.01", "")])
    path = D.write_csv(tmp_path / "x.csv", rows)
    result = app.leads.import_file(lead(roster), path, "x", rules=RuleSet.from_json({"prices": {"F001": "50"}}))
    (hit,) = app.leads.leads(import_id=result.id)
    assert hit.amount == Decimal("0.01")  # 0.01 × 0.5 = 0.005 → rounded half up


def test_stays_span_split_runs_and_sum_line_amounts(app, roster, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # The import aggregates stays per run of lines sharing the settlement's columns: a settlement whose lines are
    # split in the file (S002's first line moved to the end) is still one stay, and without a 医疗总费用 column a
    # stay's amount is the sum of its lines — the same answers as the ordered extract with totals.
    lines = [*D.LINES[:1], *D.LINES[2:], D.LINES[1]]
    total = D.HEADER.index("医疗总费用")
    rows = [r[:total] + r[total + 1:] for r in D.rows_of(lines)]
    path = D.write_csv(tmp_path / "x.csv", rows, header=D.HEADER[:total] + D.HEADER[total + 1:])
    result = app.leads.import_file(lead(roster), path, "x", rules=RuleSet.from_json(D.RULES))
    assert _found(app, result) == D.EXPECTED
