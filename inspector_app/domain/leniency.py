"""Leniency from self-inspection (自查自纠) in the suggested outcome.

Seed 004 (吉医保联〔2020〕12号, 四、结果处理), copied here so the repository stands alone:
  "对于自查整改期限结束前，主动足额退回违法违规所得医保资金和全部整改到位的定点医疗机构，可依法依规从轻、减轻或免于处罚。
   自查整改期限结束后 … 发现定点医疗机构自查不到位或整改不力的，未按时足额退回违法违规所得医保资金的，
   发现仍然存在违法违规使用医保基金的行为，将依法依规从重处罚并公开曝光。"
(行政处罚法 第三十二条 (一) "主动消除或者减轻违法行为危害后果的" → 应当从轻或者减轻; 第三十三条: 初次违法且危害后果轻微
并及时改正的，可以不予行政处罚.)

A confirmed problem matches a self-reported one by the campaign's checklist item. The advice is a suggestion for
the team lead, with its reasons; the decision stays theirs. Pure: amounts in fen.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from inspector_app.domain.campaign import SelfReportedProblem


class Leniency(StrEnum):
    LENIENT = "从轻、减轻或免于处罚"
    ORDINARY = "依法处罚"
    SEVERE = "从重处罚"


@dataclass(frozen=True, slots=True)
class ConfirmedProblem:
    """A problem confirmed on site (a confirmed lead turned finding): the campaign item it falls under."""

    item_id: str
    description: str
    amount_fen: int


@dataclass(frozen=True, slots=True)
class LeniencyAdvice:
    level: Leniency
    reasons: tuple[str, ...]  # in Chinese: printed in the outcome and the case file


def _yuan(fen: int) -> str:
    return f"{fen / 100:.2f}"


def assess(confirmed: Sequence[ConfirmedProblem], reported: Sequence[SelfReportedProblem] | None,
           deadline: dt.date) -> LeniencyAdvice:
    """`reported`: the institution's return (None: it sent none). Every confirmed problem is looked up in it."""
    if not confirmed:
        return LeniencyAdvice(Leniency.ORDINARY, ("现场检查未确认问题。",))
    if reported is None:
        return LeniencyAdvice(Leniency.SEVERE, (
            f"未在自查自纠期限（{deadline.isoformat()}）内报送自查情况，属自查不到位（吉医保联〔2020〕12号 四）。",))
    by_item: dict[str, list[SelfReportedProblem]] = {}
    for p in reported:
        by_item.setdefault(p.item_id, []).append(p)
    severe, lenient = [], []
    for c in confirmed:
        own = by_item.get(c.item_id, [])
        if not own:
            severe.append(f"“{c.description}”（涉及 {_yuan(c.amount_fen)} 元）未在自查中报告，属自查不到位。")
            continue
        declared = sum(p.amount_fen for p in own)
        on_time = sum(p.refunded_fen for p in own if p.refunded_on is not None and p.refunded_on <= deadline)
        if declared < c.amount_fen:
            severe.append(f"“{c.description}”自查报告 {_yuan(declared)} 元，现场确认 {_yuan(c.amount_fen)} 元，"
                          "自查不到位。")
        elif on_time < c.amount_fen:
            late = sum(p.refunded_fen for p in own) - on_time
            severe.append(f"“{c.description}”应退回 {_yuan(c.amount_fen)} 元，期限内仅退回 {_yuan(on_time)} 元"
                          + (f"（逾期退回 {_yuan(late)} 元）" if late else "") + "，未按时足额退回。")
        else:
            lenient.append(f"“{c.description}”已在自查中主动报告，并于 {deadline.isoformat()} 前足额退回 "
                           f"{_yuan(on_time)} 元。")
    if severe:
        return LeniencyAdvice(Leniency.SEVERE, tuple(severe + [
            "依吉医保联〔2020〕12号 四：自查不到位或未按时足额退回的，依法依规从重处罚并公开曝光。"]))
    return LeniencyAdvice(Leniency.LENIENT, tuple(lenient + [
        "依吉医保联〔2020〕12号 四、行政处罚法 第三十二条：自查整改期限结束前主动足额退回并整改到位的，"
        "可依法依规从轻、减轻或免于处罚。"]))
