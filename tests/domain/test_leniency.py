"""The four leniency cases of seed 004 (吉医保联〔2020〕12号 四、结果处理)."""

from __future__ import annotations

import datetime as dt

from inspector_app.domain.campaign import SelfReportedProblem
from inspector_app.domain.leniency import ConfirmedProblem, Leniency, assess

DEADLINE = dt.date(2026, 4, 20)
CONFIRMED = [ConfirmedProblem("A1", "分解住院", 120000)]


def reported(refunded: int, on: dt.date | None, amount: int = 120000, item: str = "A1") -> list[SelfReportedProblem]:
    return [SelfReportedProblem(item, "分解住院 3 例", amount, refunded, on, "TK1" if refunded else "", "")]


def test_self_reported_and_fully_refunded_before_the_deadline_is_lenient() -> None:
    advice = assess(CONFIRMED, reported(120000, dt.date(2026, 4, 18)), DEADLINE)
    assert advice.level is Leniency.LENIENT
    assert "足额退回 1200.00 元" in advice.reasons[0] and "从轻、减轻或免于处罚" in advice.reasons[-1]


def test_a_confirmed_problem_not_self_reported_is_severe() -> None:
    advice = assess(CONFIRMED, reported(5000, dt.date(2026, 4, 18), 5000, item="A2"), DEADLINE)
    assert advice.level is Leniency.SEVERE and "未在自查中报告" in advice.reasons[0]
    assert assess(CONFIRMED, None, DEADLINE).level is Leniency.SEVERE  # no return at all


def test_a_late_refund_is_severe() -> None:
    advice = assess(CONFIRMED, reported(120000, dt.date(2026, 4, 25)), DEADLINE)
    assert advice.level is Leniency.SEVERE and "逾期退回 1200.00 元" in advice.reasons[0]


def test_a_missing_or_partial_refund_is_severe() -> None:
    assert assess(CONFIRMED, reported(0, None), DEADLINE).level is Leniency.SEVERE
    advice = assess(CONFIRMED, reported(60000, dt.date(2026, 4, 10)), DEADLINE)
    assert advice.level is Leniency.SEVERE and "期限内仅退回 600.00 元" in advice.reasons[0]
    # reported less than what the inspectors confirmed: 自查不到位
    under = assess(CONFIRMED, reported(50000, dt.date(2026, 4, 10), 50000), DEADLINE)
    assert under.level is Leniency.SEVERE and "自查不到位" in under.reasons[0]


def test_nothing_confirmed_is_ordinary() -> None:
    assert assess([], None, DEADLINE).level is Leniency.ORDINARY
