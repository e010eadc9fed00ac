"""Plausibility warnings on counts and percentages (domain/plausibility.py): the slips they must catch and the
real values they must leave alone."""

from __future__ import annotations

from inspector_app.domain.checklist import AnswerType, ItemDef
from inspector_app.domain.plausibility import check_number


def _item(answer: AnswerType, unit: str = "") -> ItemDef:
    return ItemDef("MI-03.2", "门诊人次", "核对", answer, "s", unit=unit)


COUNT = _item(AnswerType.COUNT, "人次")
PCT = _item(AnswerType.PCT, "%")


def codes(*args: object, **kw: object) -> list[str]:
    return [w.code for w in check_number(*args, **kw)]  # type: ignore[arg-type]


def test_digits_appended_to_the_previous_value() -> None:
    found = check_number(COUNT, "12080", previous=120)
    assert [w.code for w in found] == ["appended_digits"]
    assert found[0].value == "12080人次" and found[0].reference == "120人次"
    assert "120人次" in found[0].message and "MI-03.2" in found[0].message


def test_digits_appended_to_a_sibling_count() -> None:
    assert codes(COUNT, "12080", siblings={"MI-03.1": 120, "MI-03.3": 95}) == ["appended_digits"]


def test_count_far_above_its_siblings() -> None:
    found = check_number(COUNT, "9000", siblings={"a": 120, "b": 300, "c": None})
    assert [w.code for w in found] == ["far_above_siblings"]
    assert found[0].reference == "300人次"


def test_percentage_over_100() -> None:
    assert codes(PCT, "180") == ["pct_over_100"]
    assert codes(PCT, "85", previous="8") == ["appended_digits"]


def test_plausible_values_pass() -> None:
    assert codes(COUNT, "130", previous=120) == []            # a real correction
    assert codes(COUNT, "1200", siblings={"a": 300}) == []    # four times the sibling: unusual, not a slip
    assert codes(COUNT, "40", siblings={"a": 3}) == []        # small counts say nothing
    assert codes(COUNT, "", previous=120) == []
    assert codes(COUNT, "abc") == []                          # not a number: the normal validation says so
    assert codes(PCT, "100") == [] and codes(PCT, "7.5", previous="7") == []
    assert codes(_item(AnswerType.MONEY), "12080", previous=120) == []  # only counts and percentages
