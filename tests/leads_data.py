"""Synthetic settlement extracts for the data-leads tests and the benchmark (fictional codes and patients)."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path

HEADER = ["结算流水号", "定点编码", "定点名称", "患者编号", "入院日期", "出院日期", "主要诊断", "医疗总费用",
          "项目编码", "项目名称", "数量", "单价", "金额", "费用日期"]

H1, H2 = "H37990200001", "H37990200002"  # H1 is the roster's 测试市人民医院; H2 is not in the roster

# Known answers. (settlement, institution, patient, admitted, discharged, item, name, qty, price, fee date)
LINES: list[tuple[str, ...]] = [
    # P1: re-admitted 5 days after discharge at the same hospital → readmission on S002 (true positive)
    ("S001", H1, "370902199001011234", "2026-03-01", "2026-03-10", "F001", "床位费", "9", "60.00", ""),
    ("S002", H1, "370902199001011234", "2026-03-15", "2026-03-20", "XA01", "阿莫西林胶囊", "2", "12.00", ""),
    ("S002", H1, "370902199001011234", "2026-03-15", "2026-03-20", "XC99", "某目录外药品", "4", "22.00", ""),
    ("S002", H1, "370902199001011234", "2026-03-15", "2026-03-20", "F001", "床位费", "5", "50.00", ""),
    # P2: 22 days between stays → no readmission (true negative); 30 h of monitoring on one day → quantity lead
    ("S003", H1, "370902198502022345", "2026-03-01", "2026-03-10", "F002", "心电监护", "30", "5.00", "2026-03-02"),
    ("S003", H1, "370902198502022345", "2026-03-01", "2026-03-10", "F001", "床位费", "9", "50.00", ""),
    ("S004", H1, "370902198502022345", "2026-04-01", "2026-04-05", "F002", "心电监护", "24", "5.00", "2026-04-02"),
    # P3: two outpatient visits two days apart → not a readmission (same-day stays are visits)
    ("S005", H1, "370902197003033456", "2026-03-01", "2026-03-01", "ZB02", "中成药", "1", "30.00", ""),
    ("S006", H1, "370902197003033456", "2026-03-03", "2026-03-03", "ZB02", "中成药", "1", "30.00", ""),
    # P4: in two hospitals at once for 5 days → one overlap lead at each
    ("S007", H1, "370902196004044567", "2026-05-01", "2026-05-10", "F002", "心电监护", "200", "5.00", ""),
    ("S008", H2, "370902196004044567", "2026-05-05", "2026-05-12", "F001", "床位费", "7", "45.00", ""),
    # P5: transferred on the same day → no overlap (0 days), and no readmission at the same institution
    ("S009", H1, "370902195005055678", "2026-06-01", "2026-06-05", "F001", "床位费", "4", "50.00", ""),
    ("S010", H2, "370902195005055678", "2026-06-05", "2026-06-10", "F001", "床位费", "5", "45.00", ""),
]

RULES = {"readmission_days": 15, "prices": {"F001": "50.00"}, "max_per_day": {"F002": 24},
         "listed": ["XA01", "ZB02"]}

# (rule, settlement, institution code) → amount in yuan
EXPECTED = {
    ("readmission", "S002", H1): "362.00",       # the re-admission's total: 24 + 88 + 250
    ("overlapping_stays", "S007", H1): "1000.00",
    ("overlapping_stays", "S008", H2): "315.00",
    ("above_price", "S001", H1): "90.00",        # (60 − 50) × 9
    ("quantity_per_day", "S003", H1): "30.00",   # 6 of the 30 hours: 150 × 6 / 30
    ("out_of_list", "S002", H1): "88.00",
}


def rows_of(lines: Iterable[Sequence[str]]) -> list[list[str]]:
    """Full extract rows (settlement total repeated on every line, amount = quantity × price)."""
    lines = list(lines)
    totals: dict[str, int] = {}
    for no, *_rest, qty, price, _day in lines:
        totals[no] = totals.get(no, 0) + round(float(qty) * float(price) * 100)
    out = []
    for no, inst, pid, a, d, code, name, qty, price, day in lines:
        amount = round(float(qty) * float(price) * 100)
        out.append([no, inst, "测试市人民医院" if inst == H1 else "测试市第二医院", pid, a, d, "肺炎",
                    f"{totals[no] / 100:.2f}", code, name, qty, price, f"{amount / 100:.2f}", day])
    return out


def write_csv(path: Path, rows: Iterable[Sequence[object]], header: Sequence[str] = HEADER,
              encoding: str = "utf-8-sig") -> Path:
    with open(path, "w", encoding=encoding, newline="") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)
    return path


def write_xlsx(path: Path, rows: Iterable[Sequence[object]], header: Sequence[str] = HEADER,
               sheet: str = "结算明细") -> Path:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(sheet)
    ws.append(list(header))
    for r in rows:
        ws.append(list(r))
    wb.save(path)
    return path
