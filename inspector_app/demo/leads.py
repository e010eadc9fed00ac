"""Demo: a campaign with a self-inspection phase, returns from some institutions, and a settlement extract whose
screening raises leads for them (fictional codes and patients)."""

from __future__ import annotations

import csv
import datetime as dt
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from inspector_app.domain.campaign import CampaignData, CheckItem, Phase, PhaseKind
from inspector_app.domain.leads.rules import RuleSet
from inspector_app.services.context import Actor

ITEMS = (CheckItem("ZX-01", "分解住院、挂床住院"), CheckItem("ZX-02", "超标准收费、重复收费"),
         CheckItem("ZX-03", "串换药品、耗材和诊疗项目"), CheckItem("ZX-04", "超医保目录限定范围用药"),
         CheckItem("ZX-05", "虚记、多记药品和诊疗项目"))
HEADER = ["结算流水号", "定点编码", "定点名称", "患者编号", "入院日期", "出院日期", "主要诊断", "医疗总费用",
          "项目编码", "项目名称", "数量", "单价", "金额", "费用日期"]
RULES = {"readmission_days": 15, "prices": {"001102000010000": "50.00"}, "max_per_day": {"120400004": 24},
         "listed": ["XJ01CAA040A001", "ZA01BAJ0001"]}


def _extract(path: Path, codes: list[tuple[str, str]], day0: dt.date) -> Path:
    """Two weeks of stays at the first institutions, with one instance of each pattern."""
    def d(n: int) -> str:
        return (day0 + dt.timedelta(days=n)).isoformat()

    (c1, n1), (c2, n2) = codes[0], codes[1]
    lines = [  # settlement, institution, patient, admitted, discharged, item, name, qty, price, fee day
        ("JS0001", c1, n1, "P9001", d(0), d(8), "001102000010000", "床位费", "8", "60.00", ""),
        ("JS0002", c1, n1, "P9001", d(12), d(18), "XJ01CAA040A001", "阿莫西林胶囊", "2", "12.00", ""),
        ("JS0002", c1, n1, "P9001", d(12), d(18), "XN99ZZZ999A001", "目录外药品", "3", "45.00", ""),
        ("JS0003", c1, n1, "P9002", d(2), d(9), "120400004", "心电监护", "30", "5.00", d(3)),
        ("JS0004", c2, n2, "P9002", d(5), d(11), "001102000010000", "床位费", "6", "50.00", ""),
        ("JS0005", c2, n2, "P9003", d(1), d(1), "ZA01BAJ0001", "中成药", "1", "30.00", ""),
    ]
    totals: dict[str, float] = {}
    for ln in lines:
        totals[ln[0]] = totals.get(ln[0], 0) + float(ln[8]) * float(ln[9])
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(HEADER)
        for no, code, name, pid, a, dis, item, label, qty, price, day in lines:
            w.writerow([no, code, name, f"3799{pid[1:]}19800101123X"[:18], a, dis, "J18.900 肺炎",
                        f"{totals[no]:.2f}", item, label, qty, price, f"{float(qty) * float(price):.2f}", day])
    return path


def leads_sample(app: Any, institutions: list[Any], officers: list[Any], today: dt.date,
                 say: Callable[[str], None]) -> None:
    from openpyxl import load_workbook

    actor = Actor(officers[0].name, officers[0].id)
    hospitals = [i for i in institutions if i.designation_code.startswith("H")][:3]
    start = today - dt.timedelta(days=40)
    deadline = start + dt.timedelta(days=20)
    cid = app.campaigns.create(actor, CampaignData(f"{today.year}年医疗保障基金专项治理", (
        Phase(PhaseKind.MOBILISE, start, start + dt.timedelta(days=9)),
        Phase(PhaseKind.SELF_CHECK, start + dt.timedelta(days=10), deadline),
        Phase(PhaseKind.INSPECTION, deadline + dt.timedelta(days=1), today + dt.timedelta(days=60)),
        Phase(PhaseKind.SUMMARY, today + dt.timedelta(days=61), today + dt.timedelta(days=120))),
        ITEMS, scope="全市定点医疗机构", institution_ids=tuple(h.id for h in hospitals)))
    with tempfile.TemporaryDirectory(prefix="inspector-demo-") as tmp:
        for n, inst in enumerate(hospitals[:2]):
            form = app.campaigns.write_return_form(cid, inst.id, Path(tmp) / f"自查表-{n + 1}.xlsx")
            wb = load_workbook(form)
            ws = wb["自查情况统计表"]
            if n == 0:  # reported and refunded in time
                for col, value in enumerate(["是", "出院后短期再入院 1 例", 420.00, 420.00,
                                             deadline - dt.timedelta(days=3), "TK-DEMO-001", "加强入院指征审核"],
                                            start=4):
                    ws.cell(row=5, column=col, value=value)
            wb["承诺书"]["B4"], wb["承诺书"]["B5"] = inst.legal_representative, deadline - dt.timedelta(days=2)
            wb.save(form)
            app.campaigns.import_return(actor, form, received_on=deadline - dt.timedelta(days=1 - 3 * n),
                                        source="电子邮件")
        extract = _extract(Path(tmp) / "结算明细.csv", [(h.designation_code, h.name) for h in hospitals[:2]],
                           start - dt.timedelta(days=90))
        result = app.leads.import_file(actor, extract, "市医保信息平台结算数据", rules=RuleSet.from_json(RULES))
    say(f"专项治理 1 项（自查表 2 份），数据比对线索 {sum(result.leads_by_rule.values())} 条")
