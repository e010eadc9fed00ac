"""The built-in screening rules (筛查规则) and their settings. Each rule finds one classic pattern named by the
campaign notices the product follows; the SQL that applies them is services/leads_screen.py.

Sources (copied here so the repository stands alone):

* 吉医保联〔2020〕12号 (joint spot check): "定点医疗机构诊疗行为不规范问题。如：分解住院、过度医疗、超医保目录限定范围
  使用药品或医用耗材并纳入医保结算等行为" — rules ``readmission`` and ``out_of_list``;
* 奈曼旗 2020 专项治理实施方案: "检查是否存在分解收费、超标准收费、重复收费 … 虚记、多记药品、诊疗项目、医用耗材 … 挂床
  住院" and "重点对医疗保障数据筛查发现异常问题的医药机构进行随机抽查" — rules ``above_price`` (超标准收费),
  ``quantity_per_day`` (虚记、多记) and ``overlapping_stays`` (a patient in two hospitals at once: 挂床住院 or 虚构
  医疗服务 at one of them);
* 数据比对 (对定点医药机构上传的医保结算数据进行分析比对，筛选异常数据，作为实地检查的重点线索): the purpose of
  them all.

A lead is a candidate, never a finding: the inspector confirms or rejects it on site (病历, 医嘱, 票据).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from inspector_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from inspector_app.domain.leads.values import parse_scaled

READMISSION, OVERLAP, ABOVE_PRICE, QUANTITY, OUT_OF_LIST = (
    "readmission", "overlapping_stays", "above_price", "quantity_per_day", "out_of_list")
RULES = (READMISSION, OVERLAP, ABOVE_PRICE, QUANTITY, OUT_OF_LIST)

RULE_LABELS_ZH = {READMISSION: "分解住院嫌疑（短期再入院）", OVERLAP: "同一患者两机构住院时间重叠",
                  ABOVE_PRICE: "超标准收费（高于价格目录）", QUANTITY: "单日数量超出合理上限（虚记多记嫌疑）",
                  OUT_OF_LIST: "超医保目录药品"}


def _bad(key: str, value: Any) -> ValidationError:
    return ValidationError("leads.bad_rule_setting", QT_TRANSLATE_NOOP(
        "Errors", "The screening setting {key} has an invalid value: {value}."), key=key, value=str(value)[:60])


@dataclass(frozen=True)
class RuleSet:
    """Settings of the five rules. Stays whose discharge date equals the admission date are outpatient visits and
    take no part in ``readmission`` (a second visit within days is normal care, not 分解住院).

    * readmission_days: a new admission at the same institution at most this many days after the previous
      discharge is a 分解住院 candidate (15 by default: the window most 统筹区 use in their 智能监控 rule);
      ``readmission_same_institution=False`` also counts transfers between institutions;
    * overlap_min_days: two stays at different institutions overlapping by at least this many days (1: a same-day
      transfer, discharge and admission on one date, is not flagged);
    * prices: item code → highest price allowed in fen (价格目录 of the 统筹区), ``price_tolerance_pct`` above it;
    * max_per_day: item code → most plausible quantity per day, in thousandths (e.g. 24 h of 心电监护 = 24000);
    * listed: the codes of the 医保药品目录 in force; ``drug_prefixes``: what counts as a drug code (国家医保药品
      编码 start with X for 西药 and Z for 中成药); a drug line whose code is not listed is a lead.
    A rule with no reference data (no prices, no catalogue) raises nothing; ``enabled`` picks rules by name.
    """

    enabled: tuple[str, ...] = RULES
    readmission_days: int = 15
    readmission_same_institution: bool = True
    overlap_min_days: int = 1
    prices: Mapping[str, int] = field(default_factory=dict)
    price_tolerance_pct: Decimal = Decimal("0")
    max_per_day: Mapping[str, int] = field(default_factory=dict)
    listed: frozenset[str] = frozenset()
    drug_prefixes: tuple[str, ...] = ("X", "Z")

    def __post_init__(self) -> None:
        for name in self.enabled:
            if name not in RULES:
                raise _bad("enabled", name)
        if not 0 <= self.readmission_days <= 365:
            raise _bad("readmission_days", self.readmission_days)
        if not 1 <= self.overlap_min_days <= 365:
            raise _bad("overlap_min_days", self.overlap_min_days)
        if not Decimal(0) <= self.price_tolerance_pct <= Decimal(1000):
            raise _bad("price_tolerance_pct", self.price_tolerance_pct)

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> RuleSet:
        """Settings as a user writes them: prices in yuan ("12.50"), quantities as numbers, lists of codes."""
        known = {"enabled", "readmission_days", "readmission_same_institution", "overlap_min_days", "prices",
                 "price_tolerance_pct", "max_per_day", "listed", "drug_prefixes"}
        for key in data:
            if key not in known:
                raise _bad(key, data[key])
        kw: dict[str, Any] = {}
        try:
            if "enabled" in data:
                kw["enabled"] = tuple(str(x) for x in data["enabled"])
            for key in ("readmission_days", "overlap_min_days"):
                if key in data:
                    if isinstance(data[key], bool) or not isinstance(data[key], int):
                        raise _bad(key, data[key])
                    kw[key] = data[key]
            if "readmission_same_institution" in data:
                kw["readmission_same_institution"] = bool(data["readmission_same_institution"])
            if "prices" in data:
                kw["prices"] = {str(k): parse_scaled(v, 100) for k, v in dict(data["prices"]).items()}
            if "price_tolerance_pct" in data:
                kw["price_tolerance_pct"] = Decimal(str(data["price_tolerance_pct"]))
            if "max_per_day" in data:
                kw["max_per_day"] = {str(k): parse_scaled(v, 1000) for k, v in dict(data["max_per_day"]).items()}
            if "listed" in data:
                kw["listed"] = frozenset(str(x) for x in data["listed"])
            if "drug_prefixes" in data:
                kw["drug_prefixes"] = tuple(str(x) for x in data["drug_prefixes"])
        except ValidationError:
            raise
        except (ValueError, TypeError, ArithmeticError) as exc:
            raise _bad("rules", exc) from None
        return cls(**kw)
