"""Outcomes of an inspection (domain.md §4.3) and the penalty map of the 条例 (§1.12) with suggested ranges.

Refunds to the fund (退回, to the fund's 财政专户) and fines (罚款, to the treasury) are kept apart
(条例 第四十五条). Ranges are suggestions: the discretion benchmark (裁量基准) is provincial, so a province can
override the table with a TOML file (see `load_penalty_map`)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from pathlib import Path

from inspector_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError


class Outcome(StrEnum):
    NO_PROBLEM = "未发现问题"
    RECTIFY = "责令整改"
    AGREEMENT = "移交经办机构协议处理"
    CASE = "转立案"
    TRANSFER = "移送其他部门"
    POLICE = "移送公安"


class RectificationResult(StrEnum):
    DONE = "整改到位"
    PARTIAL = "部分整改"
    OVERDUE = "逾期未改"


@dataclass(frozen=True, slots=True)
class PenaltyRule:
    article: str
    basis: str                   # "multiple" of the amount involved, or "fixed" yuan
    low: Decimal
    high: Decimal
    note: str = ""

    def suggest(self, amount: Decimal) -> tuple[Decimal, Decimal]:
        if self.basis == "multiple":
            return (amount * self.low).quantize(Decimal("0.01")), (amount * self.high).quantize(Decimal("0.01"))
        return self.low, self.high


DEFAULT_PENALTY_MAP: dict[str, PenaltyRule] = {
    "第三十八条": PenaltyRule("第三十八条", "multiple", Decimal("1"), Decimal("2"),
                           "造成基金损失的，责令退回，处损失金额1倍以上2倍以下罚款"),
    "第三十九条": PenaltyRule("第三十九条", "fixed", Decimal("10000"), Decimal("50000"),
                           "拒不改正的，处1万元以上5万元以下罚款"),
    "第四十条": PenaltyRule("第四十条", "multiple", Decimal("2"), Decimal("5"),
                          "骗取医保基金的，责令退回，处骗取金额2倍以上5倍以下罚款"),
    "第三十七条": PenaltyRule("第三十七条", "multiple", Decimal("2"), Decimal("5"), "经办机构骗取基金：2倍以上5倍以下"),
    "第四十一条": PenaltyRule("第四十一条", "multiple", Decimal("2"), Decimal("5"),
                           "个人以骗取为目的的：2倍以上5倍以下罚款"),
}


def load_penalty_map(path: Path | None) -> dict[str, PenaltyRule]:
    """The default map, overridden by a province's TOML: [第三十八条] basis="multiple" low=1 high=1.5 note="…"."""
    rules = dict(DEFAULT_PENALTY_MAP)
    if path is None or not path.exists():
        return rules
    import tomllib  # only for a province's own map: the main window's frame imports this module without one

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ValidationError("penalty_map.malformed", QT_TRANSLATE_NOOP(
            "Errors", "The penalty map {file} is malformed: {problem}"), file=path.name, problem=str(exc)) from None
    for article, raw in data.items():
        try:
            rule = PenaltyRule(article, str(raw["basis"]), Decimal(str(raw["low"])), Decimal(str(raw["high"])),
                               str(raw.get("note", "")))
        except (KeyError, ArithmeticError, TypeError) as exc:
            raise ValidationError("penalty_map.bad_field", QT_TRANSLATE_NOOP(
                "Errors", "Penalty rule {article}: a field is missing or wrong: {problem}"), article=article,
                problem=str(exc)) from None
        if rule.basis not in ("multiple", "fixed") or rule.low > rule.high or rule.low < 0:
            raise ValidationError("penalty_map.bad_rule", QT_TRANSLATE_NOOP(
                "Errors", "Penalty rule {article}: basis must be multiple or fixed, and 0 ≤ low ≤ high."),
                article=article)
        rules[article] = rule
    return rules


def articles_in(text: str) -> list[str]:
    """条例 articles mentioned in a penalty citation, e.g. '条例 第三十八条(一)' → ['第三十八条']."""
    return list(dict.fromkeys(re.findall(r"第[一二三四五六七八九十百]+条", text)))


def days_left(deadline: dt.date, today: dt.date) -> int:
    """Positive: days still left; zero: due today; negative: days overdue."""
    return (deadline - today).days
