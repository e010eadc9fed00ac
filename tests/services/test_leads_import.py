"""Importing extracts: formats, saved mappings, masking at rest, progress and cancel, and every class of bad
input refused with a coded error naming file, sheet, row and column — with nothing half-imported."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from inspector_app.domain.errors import ValidationError
from inspector_app.domain.leads.values import Limits
from inspector_app.services import leads as leads_service
from tests import leads_data as D
from tests.conftest import raw_connect
from tests.helpers import lead

ROWS = D.rows_of(D.LINES)


def _nothing_imported(app) -> None:  # type: ignore[no-untyped-def]
    with raw_connect(app.paths.database) as c:
        counts = [c.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                  for t in ("lead_lines", "lead_imports", "lead_sources", "leads")]
    assert counts == [0, 0, 0, 0]


def _refused(app, roster, path: Path, code: str, **kw) -> ValidationError:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as exc:
        app.leads.import_file(lead(roster), path, "市平台结算", **kw)
    assert exc.value.code == code, exc.value.english()
    _nothing_imported(app)
    return exc.value


def test_csv_import_reads_every_line_and_saves_the_mapping(app, roster, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = D.write_csv(tmp_path / "结算明细.csv", [r + ["备注"] for r in ROWS], header=D.HEADER + ["备注"])
    result = app.leads.import_file(lead(roster), path, "市平台结算")
    # every line read; none kept: without price list, limits or catalogue no item rule raises a line (the file
    # itself is the evidence, hashed in the import record)
    assert result.rows == len(ROWS) and app.leads.line_count(result.id) == 0
    assert result.ignored_columns == ("备注",)
    assert result.mapping["settlement_no"] == "结算流水号" and result.mapping["total_amount"] == "医疗总费用"
    assert app.leads.sources() == {"市平台结算": result.mapping}
    events = app.journal.events("leads")
    assert [e.event_type for e in events] == ["leads.imported"] and events[0].payload["rows"] == len(ROWS)
    assert app.journal.verify("leads").ok
    # the same content again is refused
    with pytest.raises(ValidationError) as exc:
        app.leads.import_file(lead(roster), path, "市平台结算")
    assert exc.value.code == "leads.already_imported"


def test_only_the_lines_that_make_a_lead_are_kept(app, roster, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.domain.leads.rules import RuleSet

    result = app.leads.import_file(lead(roster), D.write_csv(tmp_path / "x.csv", ROWS), "x",
                                   rules=RuleSet.from_json(D.RULES))
    with raw_connect(app.paths.database) as c:
        kept = c.execute("SELECT row_no, settlement_no, item_code, unit_price_fen, quantity_milli, fee_date "
                         "FROM lead_lines ORDER BY row_no").fetchall()
    # S001's bed above the price list, S002's out-of-list drug, S003's 30 hours of monitoring on one day
    assert kept == [(2, "S001", "F001", 6000, 9000, None), (4, "S002", "XC99", 2200, 4000, None),
                    (6, "S003", "F002", 500, 30000, "2026-03-02")]
    assert app.leads.line_count(result.id) == 3


def test_patient_identifiers_are_never_stored_in_clear(app, roster, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from inspector_app.domain.leads.rules import RuleSet

    app.leads.import_file(lead(roster), D.write_csv(tmp_path / "x.csv", ROWS), "x", rules=RuleSet.from_json(D.RULES))
    with raw_connect(app.paths.database) as c:  # every value of every table (iterdump: not on SQLCipher)
        tables = [t for (t,) in c.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        dump = "\n".join(repr(row) for t in tables for row in c.execute(f'SELECT * FROM "{t}"'))
    assert "S002" in dump  # the dump does hold the lines
    for pid in {r[3] for r in ROWS}:
        assert pid not in dump and pid[:14] not in dump


def test_xlsx_with_typed_cells_and_a_gb18030_csv(app, roster, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    typed = [[r[0], r[1], r[2], r[3], dt.datetime.fromisoformat(r[4]), dt.date.fromisoformat(r[5]), r[6],
              float(r[7]), r[8], r[9], int(r[10]), float(r[11]), float(r[12]), r[13] or None] for r in ROWS]
    x = app.leads.import_file(lead(roster), D.write_xlsx(tmp_path / "a.xlsx", typed), "xlsx")
    assert (x.rows, x.sheet) == (len(ROWS), "结算明细")
    g = app.leads.import_file(lead(roster), D.write_csv(tmp_path / "b.csv", ROWS[:3], encoding="gb18030"), "gbk")
    assert g.rows == 3 and g.mapping["admitted_on"] == "入院日期"


def test_a_source_keeps_its_own_mapping(app, roster, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    header = ["单据号", "机构", "人员", "入院", "出院", "费用"]
    mapping = {"settlement_no": "单据号", "institution_code": "机构", "patient_id": "人员", "admitted_on": "入院",
               "discharged_on": "出院", "total_amount": "费用"}
    rows = [["A1", D.H1, "P00001", "2026-01-01", "2026-01-05", "100"],
            ["A2", D.H1, "P00001", "2026-01-08", "2026-01-09", "50"]]
    first = app.leads.import_file(lead(roster), D.write_csv(tmp_path / "a.csv", rows, header), "监控", mapping=mapping)
    assert first.leads_by_rule == {"readmission": 1}
    # the second file of the same source is read with the saved mapping, without passing it again
    second = app.leads.import_file(lead(roster), D.write_csv(tmp_path / "b.csv", rows[:1] + [
        ["A3", D.H1, "P00002", "2026-02-01", "2026-02-02", "1"]], header), "监控")
    assert second.rows == 2 and app.leads.sources()["监控"] == mapping


def test_progress_is_reported_and_cancel_leaves_nothing(app, roster, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(leads_service, "BATCH", 3)
    seen: list[tuple[int, float]] = []
    path = D.write_csv(tmp_path / "x.csv", ROWS)
    with pytest.raises(leads_service.ImportCancelled) as exc:
        app.leads.import_file(lead(roster), path, "x", progress=lambda n, f: seen.append((n, f)),
                              cancelled=lambda: len(seen) >= 2)
    assert exc.value.code == "leads.cancelled" and [n for n, _ in seen] == [3, 6]
    _nothing_imported(app)
    seen.clear()
    result = app.leads.import_file(lead(roster), path, "x", progress=lambda n, f: seen.append((n, f)))
    assert [n for n, _ in seen] == [3, 6, 9, 12, 13] and seen[-1][1] == 1.0
    assert all(a[1] <= b[1] for a, b in zip(seen, seen[1:])) and result.rows == 13


# ------------------------------------------------------------------------------------------------ bad input

def test_malformed_files(app, roster, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    fake = tmp_path / "fake.xlsx"
    fake.write_bytes(b"this is not a zip file")
    assert _refused(app, roster, fake, "leads.malformed_file").params["file"] == "fake.xlsx"
    binary = tmp_path / "bin.csv"
    binary.write_bytes(b"\x00\x01\x02,\x00\n" * 10)
    _refused(app, roster, binary, "leads.malformed_file")
    huge_cell = D.write_csv(tmp_path / "cell.csv", ROWS[:2] + [["x" * (1 << 21)]])
    assert _refused(app, roster, huge_cell, "leads.malformed_file").params["row"] == 4
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    _refused(app, roster, empty, "leads.malformed_file")
    (tmp_path / "a.pdf").write_bytes(b"%PDF")
    _refused(app, roster, tmp_path / "a.pdf", "leads.unsupported_file")
    only_header = D.write_csv(tmp_path / "h.csv", [])
    _refused(app, roster, only_header, "leads.no_rows")


def test_missing_and_unknown_columns(app, roster, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    drop = D.HEADER.index("入院日期")
    path = D.write_csv(tmp_path / "m.csv", [r[:drop] + r[drop + 1:] for r in ROWS],
                       header=D.HEADER[:drop] + D.HEADER[drop + 1:])
    err = _refused(app, roster, path, "leads.missing_column")
    assert err.params == {"file": "m.csv", "sheet": "-", "row": 1, "column": "入院日期"}
    ok = D.write_csv(tmp_path / "ok.csv", ROWS)
    err = _refused(app, roster, ok, "leads.unknown_column", mapping={"settlement_no": "单据号"})
    assert err.params["column"] == "单据号"
    _refused(app, roster, ok, "leads.unknown_field", mapping={"colour": "结算流水号"})
    dup = D.write_csv(tmp_path / "d.csv", ROWS, header=D.HEADER[:-1] + ["数量"])
    assert _refused(app, roster, dup, "leads.duplicate_header").params["column"] == "数量"
    xlsx = D.write_xlsx(tmp_path / "s.xlsx", ROWS)
    assert _refused(app, roster, xlsx, "leads.unknown_sheet", sheet="Sheet9").params["sheet"] == "Sheet9"


@pytest.mark.parametrize(("column", "value", "code"), [
    ("医疗总费用", "一百元", "leads.bad_value"),
    ("数量", "-3", "leads.bad_value"),
    ("单价", "12.345", "leads.bad_value"),       # a third decimal of a yuan amount is a corrupted cell
    ("入院日期", "2026-02-30", "leads.bad_value"),
    ("入院日期", "1899-12-31", "leads.date_out_of_range"),
    ("出院日期", "2027-01-01", "leads.date_out_of_range"),  # after today (2026-11-20 on the test clock)
    ("出院日期", "2026-02-01", "leads.discharge_before_admission"),
    ("患者编号", "", "leads.missing_value"),
])
def test_wrong_values_name_file_sheet_row_and_column(app, roster, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                     column: str, value: str, code: str) -> None:
    rows = [list(r) for r in ROWS]
    rows[4][D.HEADER.index(column)] = value  # data row 5 = line 6 of the file
    for name, path in (("v.csv", D.write_csv(tmp_path / "v.csv", rows)),
                       ("v.xlsx", D.write_xlsx(tmp_path / "v.xlsx", rows))):
        err = _refused(app, roster, path, code)
        assert (err.params["file"], err.params["row"], err.params["column"]) == (name, 6, column)
        assert err.params["sheet"] == ("结算明细" if name.endswith("xlsx") else "-")


def test_duplicate_rows(app, roster, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(leads_service, "BATCH", 4)  # the repeat lands in a later batch than the original
    path = D.write_csv(tmp_path / "dup.csv", ROWS[:8] + [ROWS[2]] + ROWS[8:])
    err = _refused(app, roster, path, "leads.duplicate_row")
    assert (err.params["row"], err.params["first"]) == (10, 4)


def test_too_large(app, roster, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = D.write_csv(tmp_path / "big.csv", ROWS)
    assert _refused(app, roster, path, "leads.file_too_large", limits=Limits(max_bytes=100)).params["file"] == "big.csv"
    assert _refused(app, roster, path, "leads.too_many_rows", limits=Limits(max_rows=5)).params["row"] == 7


def test_cli_import_json(tmp_path: Path, mini_forms: Path) -> None:
    path = D.write_csv(tmp_path / "结算明细.csv", ROWS)
    rules = tmp_path / "rules.json"
    rules.write_text(json.dumps(D.RULES), encoding="utf-8")
    cmd = [sys.executable, "-m", "inspector_app", "leads", "import", str(path), "--source", "市平台结算",
           "--rules", str(rules), "--json", "--data-dir", str(tmp_path / "plain-ws")]
    run = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout)
    assert out["rows"] == 13 and out["leads"] == {"above_price": 1, "out_of_list": 1, "overlapping_stays": 2,
                                                  "quantity_per_day": 1, "readmission": 1}
    again = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert again.returncode == 2 and "已导入过" in again.stderr
