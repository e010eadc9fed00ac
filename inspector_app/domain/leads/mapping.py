"""The fields of a settlement extract and the mapping of a source's column headers onto them.

An extract (医保结算数据 exported by the 医保信息平台, or a smart-monitoring 智能监控 alert list) has one row per
settlement line: the settlement's own columns (结算流水号, 定点编码, 患者编号, 入院日期, 出院日期, 主要诊断, 医疗总费用)
repeated on every item line (项目编码, 项目名称, 数量, 单价, 金额, 费用日期). Exports differ from one platform to
the next, so each source (a name chosen by the user: "市平台结算", "智能监控") keeps the mapping it was imported
with; the default mapping recognises the usual headers below.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from inspector_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError

# field -> (kind, required). Kinds: text, date, money, number.
FIELDS: dict[str, tuple[str, bool]] = {
    "settlement_no": ("text", True),      # 结算流水号
    "institution_code": ("text", True),   # 定点编码 (医保定点编码 of the institution that settled)
    "patient_id": ("text", True),         # 患者编号 / 个人编号 / 身份证号: hashed at once, never stored
    "admitted_on": ("date", True),        # 入院日期 (outpatient: the visit date)
    "discharged_on": ("date", True),      # 出院日期 (outpatient: the visit date)
    "institution_name": ("text", False),  # 定点名称
    "diagnosis": ("text", False),         # 主要诊断
    "total_amount": ("money", False),     # 医疗总费用 of the settlement
    "item_code": ("text", False),         # 项目编码 / 药品编码 (国家医保编码)
    "item_name": ("text", False),         # 项目名称
    "quantity": ("number", False),        # 数量
    "unit_price": ("money", False),       # 单价
    "amount": ("money", False),           # 金额 of the line
    "fee_date": ("date", False),          # 费用发生日期
    "rule_hit": ("text", False),          # 智能监控 规则 that raised an alert, when the extract is an alert list
}

#: the usual headers of settlement exports, per field (compared after removing spaces; case-insensitive)
DEFAULT_ALIASES: dict[str, tuple[str, ...]] = {
    "settlement_no": ("结算流水号", "结算单号", "结算编号", "结算ID", "就诊流水号", "settlement_no"),
    "institution_code": ("定点编码", "定点医药机构编码", "医药机构编码", "机构编码", "定点机构编码",
                         "institution_code"),
    "patient_id": ("患者编号", "个人编号", "人员编号", "参保人编号", "身份证号", "证件号码", "patient_id"),
    "admitted_on": ("入院日期", "入院时间", "就诊日期", "admitted_on"),
    "discharged_on": ("出院日期", "出院时间", "结算日期", "discharged_on"),
    "institution_name": ("定点名称", "定点医药机构名称", "医药机构名称", "机构名称", "institution_name"),
    "diagnosis": ("主要诊断", "出院诊断", "诊断名称", "主诊断", "diagnosis"),
    "total_amount": ("医疗总费用", "总费用", "医疗费总额", "费用总额", "total_amount"),
    "item_code": ("项目编码", "医保项目编码", "药品编码", "医保目录编码", "item_code"),
    "item_name": ("项目名称", "医保项目名称", "药品名称", "item_name"),
    "quantity": ("数量", "item_quantity", "quantity"),
    "unit_price": ("单价", "unit_price"),
    "amount": ("金额", "明细金额", "费用金额", "amount"),
    "fee_date": ("费用日期", "费用发生日期", "收费日期", "fee_date"),
    "rule_hit": ("规则名称", "违规规则", "预警规则", "rule_hit"),
}


def _norm(header: str) -> str:
    return "".join(str(header).split()).lower()


@dataclass(frozen=True, slots=True)
class Where:
    """Where a value came from, for error messages: file, sheet (XLSX) and 1-based row."""

    file: str
    sheet: str = ""

    def params(self, row: int | None = None, column: str | None = None) -> dict[str, Any]:
        out: dict[str, Any] = {"file": self.file, "sheet": self.sheet or "-"}
        if row is not None:
            out["row"] = row
        if column is not None:
            out["column"] = column
        return out


@dataclass(frozen=True, slots=True)
class ResolvedMapping:
    """field -> column index in the file, plus the header names actually used (saved with the source)."""

    columns: dict[str, int]
    headers: dict[str, str]
    ignored: tuple[str, ...]  # headers of the file that map to no field (kept out of the store)


def resolve(headers: Sequence[object], where: Where, saved: Mapping[str, str] | None = None) -> ResolvedMapping:
    """Map the header row onto fields. `saved`: the source's mapping (field -> header); else the default aliases.

    Errors: an empty or repeated header, a field of `saved` that does not exist, a header of `saved` missing from
    the file, a required field without a column."""
    names = ["" if h is None else str(h).strip() for h in headers]
    seen: dict[str, int] = {}
    for i, name in enumerate(names):
        if not name:
            if any(names[i + 1:]):  # trailing empty columns are common in spreadsheets; a gap is not
                raise ValidationError("leads.empty_header", QT_TRANSLATE_NOOP(
                    "Errors", "{file} (sheet {sheet}): column {column} of the header row has no name."),
                    **where.params(1, str(i + 1)))
            continue
        key = _norm(name)
        if key in seen:
            raise ValidationError("leads.duplicate_header", QT_TRANSLATE_NOOP(
                "Errors", "{file} (sheet {sheet}): the header {column} appears twice in row {row}."),
                **where.params(1, name))
        seen[key] = i
    columns: dict[str, int] = {}
    used: dict[str, str] = {}
    if saved is not None:
        for field, header in saved.items():
            if field not in FIELDS:
                raise ValidationError("leads.unknown_field", QT_TRANSLATE_NOOP(
                    "Errors", "The column mapping names a field {field} that does not exist."), field=field)
            idx = seen.get(_norm(header))
            if idx is None:
                raise ValidationError("leads.unknown_column", QT_TRANSLATE_NOOP(
                    "Errors", "{file} (sheet {sheet}): the column {column} of the saved mapping is not in the "
                              "header row."), **where.params(1, header))
            columns[field], used[field] = idx, names[idx]
    else:
        for field, aliases in DEFAULT_ALIASES.items():
            for alias in aliases:
                idx = seen.get(_norm(alias))
                if idx is not None and idx not in columns.values():
                    columns[field], used[field] = idx, names[idx]
                    break
    for field, (_kind, required) in FIELDS.items():
        if required and field not in columns:
            raise ValidationError("leads.missing_column", QT_TRANSLATE_NOOP(
                "Errors", "{file} (sheet {sheet}): no column for {column} in the header row."),
                **where.params(1, DEFAULT_ALIASES[field][0]))
    ignored = tuple(n for i, n in enumerate(names) if n and i not in columns.values())
    return ResolvedMapping(columns, used, ignored)
