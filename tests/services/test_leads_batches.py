"""The batch pipeline of the leads import (services/leads_read, leads_check, leads_batch): the vectorised check
accepts and refuses exactly what the row-by-row parser does, and settlements whose lines lie apart in the file (over
several batches) give the same leads as an ordered extract."""

from __future__ import annotations

import datetime as dt
import random
import uuid
from pathlib import Path

import pytest

from inspector_app.domain.errors import ValidationError
from inspector_app.domain.ids import new_id, new_ids
from inspector_app.domain.leads.mapping import Where, resolve
from inspector_app.domain.leads.rules import RuleSet
from inspector_app.domain.leads.values import Limits, PatientHasher, RowParser
from inspector_app.services import leads as leads_service
from tests import leads_data as D
from tests.helpers import lead

ROWS = D.rows_of(D.LINES)
ODD = {  # column -> texts in notations an export or a hand-edited sheet may hold, valid or not
    "医疗总费用": ["1,200.00", " 12.50 ", ".5", "12.", "1e3", "-0", "12.345", "１２", "  ", "99999999999999", "+5"],
    "数量": ["2", "0.125", "0.1234", "-1", " 3 ", "1,000", "1e2", ""],
    "入院日期": ["2026/3/1", "20260301", "2026-03-01 08:00", "2026.03.01", " 2026-03-01", "2026-3-1", "+2026-03-01",
             "0000-01-01", "2026-02-29", "26-03-01"],
    "费用日期": ["2026-03-02", "2026/03/02 10:00:00", "", "  ", "2026-13-01"],
}


@pytest.mark.parametrize(("column", "value"), [(c, v) for c, vs in ODD.items() for v in vs])
def test_the_batch_check_agrees_with_the_row_parser(app, roster, tmp_path: Path, column: str,  # type: ignore[no-untyped-def]
                                                    value: str) -> None:
    row = list(ROWS[0])
    row[D.HEADER.index(column)] = value
    where = Where("x.csv")
    limits = Limits(latest=dt.date(2026, 11, 20))  # the test clock's today (tests/conftest.py)
    try:
        RowParser(resolve(D.HEADER, where), where, limits, PatientHasher(b"k" * 32)).parse(row, 2)
        expected = None
    except ValidationError as exc:
        expected = exc.code
    try:
        app.leads.import_file(lead(roster), D.write_csv(tmp_path / "x.csv", [row]), "x")
        got = None
    except ValidationError as exc:
        got = exc.code
    assert got == expected, (column, value)


@pytest.mark.parametrize("batch", [1, 2, 5])
def test_settlements_scattered_over_batches_give_the_same_leads(app, roster, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                monkeypatch: pytest.MonkeyPatch, batch: int) -> None:
    monkeypatch.setattr(leads_service, "BATCH", batch)
    rows = list(ROWS)
    random.Random(batch).shuffle(rows)
    # S003's monitoring split in two lines of 15 and 15 hours, far apart: only their sum is above the 24 allowed
    monitoring = next(r for r in rows if r[0] == "S003" and r[8] == "F002")
    half = [*monitoring[:10], "15", monitoring[11], "75.00", monitoring[13]]
    rows = [half if r is monitoring else r for r in rows] + [half[:9] + ["心电监护（续）"] + half[10:]]
    result = app.leads.import_file(lead(roster), D.write_csv(tmp_path / "x.csv", rows), "x",
                                   rules=RuleSet.from_json(D.RULES))
    found = {(x.rule, x.settlement_no, x.institution_code): format(x.amount, ".2f")
             for x in app.leads.leads(import_id=result.id)}
    assert found == D.EXPECTED
    assert app.leads.line_count(result.id) == 4  # the two halves make the quantity lead


def test_new_ids_are_uuid7_and_monotonic_like_new_id() -> None:
    ids = [new_id(), *new_ids(5000), new_id()]
    assert ids == sorted(ids) and len(set(ids)) == len(ids) and new_ids(0) == []
    assert all(uuid.UUID(i).version == 7 and str(uuid.UUID(i)) == i for i in ids)


def test_padded_optional_texts_are_stored_and_compared_stripped(app, roster, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # names and diagnoses are stripped only on the lines that are kept or compared (leads_check.finish)
    from tests.conftest import raw_connect

    rows = [list(r) for r in ROWS]
    name, inst, diag = (D.HEADER.index(c) for c in ("项目名称", "定点名称", "主要诊断"))
    rows[0][name], rows[0][inst], rows[0][diag] = "  床位费\u3000", " 测试市人民医院 ", "   "
    result = app.leads.import_file(lead(roster), D.write_csv(tmp_path / "x.csv", rows), "x",
                                   rules=RuleSet.from_json(D.RULES))
    with raw_connect(app.paths.database) as c:
        kept = c.execute("SELECT item_name, institution_name, diagnosis FROM lead_lines WHERE row_no = 2").fetchall()
    assert kept == [("床位费", "测试市人民医院", None)] and app.leads.line_count(result.id) == 3
    repeat = list(rows[2])
    repeat[name] = f" {repeat[name]} "  # equal to row 4 once stripped: a repeated line
    # next to it (found within the batch) and at the end of the file (its settlement read again: second pass)
    for at, row in ((3, 5), (len(rows), len(rows) + 2)):
        with pytest.raises(ValidationError) as exc:
            app.leads.import_file(lead(roster), D.write_csv(tmp_path / f"y{at}.csv", [*rows[:at], repeat, *rows[at:]]),
                                  "x")
        assert exc.value.code == "leads.duplicate_row"
        assert (exc.value.params["row"], exc.value.params["first"]) == (row, 4)
