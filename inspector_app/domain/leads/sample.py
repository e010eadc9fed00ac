"""A lead as a row of a checklist item's sample table (抽样表): the inspector chooses leads and their settlement data
fills the template's sample columns, instead of typing each row by hand.

The templates declare their columns freely (forms/*.toml: id, Chinese label, type), so a column is recognised by
its type and by words of its label or id — e.g. 结算流水号 / 住院号 / 病案号 take the settlement number (the number
the inspector pulls the record by), 患者 the masked patient hint (never the identifier itself: leads only hold a
keyed hash and the hint), 入院 / 出院 dates the stay's dates (前次出院 the previous discharge of a re-admission),
间隔天数 the days between the two stays, a money column the amount in question, 诊断 / 项目 the diagnosis or the item,
问题描述 / 说明 what the rule found. A column nothing matches stays empty (yes/no columns always: they are the
inspector's judgement). Pure: values come out in the form ``checklist.normalise_answer`` accepts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from inspector_app.domain.checklist import Column
from inspector_app.domain.leads.rules import RULE_LABELS_ZH


@dataclass(frozen=True, slots=True)
class LeadFacts:
    rule: str
    settlement_no: str
    patient_masked: str
    amount_fen: int
    detail: Mapping[str, Any] = field(default_factory=dict)
    note: str = ""
    confirmed: bool = False


_ID_WORDS = ("结算", "流水号", "住院号", "病案号", "病历号", "就诊号", "门诊号", "单据号", "处方号", "settlement",
             "record_no", "visit_no")
_PATIENT_WORDS = ("患者", "参保人", "姓名", "patient")
_NOTE_WORDS = ("问题描述", "说明", "备注", "问题", "note", "remark")


def _has(col: Column, words: Sequence[str]) -> bool:
    text = f"{col.id} {col.label}".lower()
    return any(w.lower() in text for w in words)


def _days_between(first: Any, second: Any) -> int | None:
    try:
        return (dt.date.fromisoformat(str(second)) - dt.date.fromisoformat(str(first))).days
    except ValueError:
        return None


def _date(col: Column, lead: LeadFacts) -> str | None:
    d = lead.detail
    if _has(col, ("前次", "previous", "上次")) or (_has(col, ("出院", "discharg")) and _has(col, ("前",))):
        return d.get("previous_discharge")
    if _has(col, ("出院", "discharg")):
        return d.get("discharged_on")
    if _has(col, ("入院", "admit")):
        return d.get("admitted_on")
    if _has(col, ("费用", "fee")):
        return d.get("fee_date")
    return None


def _count(col: Column, lead: LeadFacts) -> int | None:
    d = lead.detail
    if _has(col, ("间隔", "between", "gap")):
        if d.get("previous_discharge") and d.get("admitted_on"):
            return _days_between(d["previous_discharge"], d["admitted_on"])
        return None
    if _has(col, ("重叠", "overlap")):
        return d.get("overlap_days")
    if _has(col, ("住院天数", "stay")):
        if d.get("admitted_on") and d.get("discharged_on"):
            return _days_between(d["admitted_on"], d["discharged_on"])
        return d.get("stay_days")
    return None


def _finding_words(lead: LeadFacts) -> str:
    what = RULE_LABELS_ZH.get(lead.rule, lead.rule)
    d = lead.detail
    extra = d.get("item_name") or d.get("previous_settlement") or d.get("other_institution") or ""
    return f"数据比对线索{marker(lead.settlement_no)}：{what}" + (f"（{extra}）" if extra else "") + \
        (f"。{lead.note}" if lead.note else "")


def marker(settlement_no: str) -> str:
    """How a note cell names the lead's settlement: a row already holding it is not added twice."""
    return f"（结算流水号 {settlement_no}）"


def mentions(row: Mapping[str, Any], settlement_no: str) -> bool:
    """The row is that settlement's: a cell equal to its number, or a note naming it."""
    tag = marker(settlement_no)
    return any(str(v) == settlement_no or tag in str(v) for v in row.values())


def sample_row(columns: Sequence[Column], lead: LeadFacts) -> dict[str, Any]:
    """The sample-table row for `lead` under `columns` (only the columns it can fill)."""
    row: dict[str, Any] = {}
    id_done = patient_done = money_done = note_done = False
    for col in columns:
        value: Any = None
        if col.type == "date":
            value = _date(col, lead)
        elif col.type == "count":
            value = _count(col, lead)
        elif col.type == "money" and not money_done:
            value, money_done = format(Decimal(lead.amount_fen).scaleb(-2), "f"), True
        elif col.type == "text":
            if not id_done and _has(col, _ID_WORDS):
                value, id_done = lead.settlement_no, True
            elif not patient_done and _has(col, _PATIENT_WORDS):
                value, patient_done = lead.patient_masked, True
            elif _has(col, ("诊断", "diagnos")):
                value = lead.detail.get("diagnosis")
            elif _has(col, ("项目", "药品", "耗材", "item", "drug")):
                code, name = lead.detail.get("item_code") or "", lead.detail.get("item_name") or ""
                value = f"{code} {name}".strip() or None
            elif not note_done and _has(col, _NOTE_WORDS):
                value, note_done = _finding_words(lead), True
        if value not in (None, ""):
            row[col.id] = value
    if lead.confirmed:  # confirmed on site: the row is a violation (the inspector may still untick it)
        row["violation"] = True
    return row
