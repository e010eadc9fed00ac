"""One time zone everywhere people read a time: the agency's (setting, default Asia/Shanghai), whatever the
laptop's own zone is."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from inspector_app.domain import agency_time
from inspector_app.domain.agency_time import TimeZoneSettingError

UTC = dt.timezone.utc


@pytest.fixture(autouse=True)
def _reset_zone(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.delenv(agency_time.ENV_ZONE, raising=False)
    yield
    agency_time.set_agency_zone(agency_time.DEFAULT_ZONE)


def test_default_is_shanghai_whatever_the_laptop_says(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("TZ", "America/New_York")
    agency_time.configure(tmp_path)  # no agency.toml
    late_utc = dt.datetime(2026, 11, 20, 17, 30, tzinfo=UTC)  # 01:30 the next morning in China
    assert agency_time.fmt(late_utc) == "2026-11-21 01:30"
    assert agency_time.today(late_utc) == dt.date(2026, 11, 21)
    assert agency_time.local(late_utc).utcoffset() == dt.timedelta(hours=8)
    assert agency_time.fmt(dt.datetime(2026, 11, 20, 17, 30)) == "2026-11-21 01:30"  # naive = stored UTC
    assert agency_time.fmt(None) == "—"


def test_setting_from_the_workspace_and_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "agency.toml").write_text('time_zone = "Asia/Urumqi"\n', "utf-8")
    agency_time.configure(tmp_path)
    assert agency_time.fmt(dt.datetime(2026, 1, 1, 0, 0, tzinfo=UTC)) == "2026-01-01 06:00"
    monkeypatch.setenv(agency_time.ENV_ZONE, "Asia/Shanghai")
    agency_time.configure(tmp_path)
    assert agency_time.fmt(dt.datetime(2026, 1, 1, 0, 0, tzinfo=UTC)) == "2026-01-01 08:00"


def test_typed_wall_clock_time_is_agency_time() -> None:
    typed = agency_time.from_local(dt.datetime(2026, 11, 21, 9, 0))
    assert typed.astimezone(UTC) == dt.datetime(2026, 11, 21, 1, 0, tzinfo=UTC)


@pytest.mark.parametrize(("text", "codes", "message"), [
    ('time_zone = "Mars/Olympus"\n', ["time_zone.setting", "time_zone.unknown"],
     "agency.toml: Unknown time zone 'Mars/Olympus'"),
    ("time_zone = 8\n", ["time_zone.not_a_string"], "agency.toml: time_zone must be a string"),
    ("time_zone = \n", ["time_zone.unreadable"], "agency.toml: cannot be read"),
])
def test_bad_setting_names_the_file_and_the_problem(tmp_path: Path, text: str, codes: list[str], message: str) -> None:
    (tmp_path / "agency.toml").write_text(text, "utf-8")
    with pytest.raises(TimeZoneSettingError, match=message) as caught:
        agency_time.configure(tmp_path)
    assert caught.value.codes == codes


def test_cli_lists_agency_times_and_ids_that_export_accepts(app, roster, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    from inspector_app.cli import main
    from tests.helpers import new_inspection

    first = new_inspection(app, roster)
    second = new_inspection(app, roster)  # made in the same second: UUIDv7 prefixes collide
    planned = app.queries.summary(first).planned_at
    data_dir = str(app.paths.data_dir)
    app.close()
    assert main(["inspections", "list", "--data-dir", data_dir]) == 0
    out = capsys.readouterr().out
    assert "Asia/Shanghai" in out
    assert agency_time.fmt(planned) in out
    shown = [line.split()[0] for line in out.splitlines()[1:-1]]
    assert sorted(i for i in (first, second) if any(i.startswith(s) for s in shown)) == sorted([first, second])
    assert len({s for s in shown}) == 2 and all(len(s) >= 8 for s in shown)
    for short in shown:  # each id as printed is accepted by export (it fails later only for want of a signature)
        assert main(["export", short, "--pdf", str(tmp_path / "r.pdf"), "--data-dir", data_dir]) == 2
        err = capsys.readouterr().err
        assert "尚无已签名的笔录" in err and "编号" not in err
    assert main(["inspections", "list", "--data-dir", data_dir, "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert all(r["planned_at"].endswith("+08:00") for r in rows)


def test_export_names_the_document_asked_for(app, roster, tmp_path: Path,  # type: ignore[no-untyped-def]
                                             capsys: pytest.CaptureFixture[str]) -> None:
    from inspector_app.cli import main
    from tests.helpers import new_inspection

    iid = new_inspection(app, roster)
    data_dir = str(app.paths.data_dir)
    app.close()
    expected = {"reinspection": "尚无已签名的整改复查记录", "notice": "尚无已签名的责令整改通知书",
                "addendum": "尚无已签名的补正说明", "record": "尚无已签名的笔录"}
    for kind, words in expected.items():
        assert main(["export", iid, "--pdf", str(tmp_path / "x.pdf"), "--kind", kind, "--data-dir", data_dir]) == 2
        err = capsys.readouterr().err
        assert words in err, (kind, err)
    assert not (tmp_path / "x.pdf").exists()


def test_screens_show_agency_time_not_the_laptops(qapp, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """The inspection list on a laptop whose own clock zone is UTC (this machine's): 17:30 UTC is shown as the
    next day 01:30, and the date filter uses that date too."""
    import time

    from PySide6.QtCore import Qt

    from inspector_app.domain.inspection import InspectionMode, InspectionType
    from inspector_app.services.dto import InspectionSummary
    from inspector_app.ui.models.inspection_table_model import DateRole, InspectionTableModel

    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    at = dt.datetime(2026, 11, 20, 17, 30, tzinfo=UTC)
    row = InspectionSummary("id1", "inst", "医院", "医院", InspectionType.SPECIAL.value,
                            InspectionMode.ADMINISTRATIVE.value, "on_site", at, at, None, ("甲", "乙"), 10, 1, 0, 0, 0)
    model = InspectionTableModel()
    model.set_rows([row])
    texts = [model.index(0, c).data(Qt.ItemDataRole.DisplayRole) for c in range(model.columnCount())]
    assert "2026-11-21 01:30" in texts, texts
    assert model.index(0, 0).data(DateRole) == dt.date(2026, 11, 21)


def test_documents_print_in_the_configured_zone_not_a_fixed_utc8(tmp_path: Path) -> None:
    """The records' layout, the signature stamp's label and the verification text follow the agency's setting
    (here Asia/Urumqi, UTC+6, and Asia/Tokyo, UTC+9), as the screens do."""
    from inspector_app.records import _layout
    from inspector_app.records.model import CN_TZ
    from inspector_app.records.verify_text import beijing as _when

    at = dt.datetime(2026, 11, 23, 1, 30, 5, tzinfo=dt.timezone.utc)
    assert _layout.fmt_dt(at) == "2026年11月23日09时30分"  # the default: Asia/Shanghai
    assert "北京时间" in _when(at)
    (tmp_path / "agency.toml").write_text('time_zone = "Asia/Tokyo"\n', encoding="utf-8")
    agency_time.configure(tmp_path)
    assert _layout.fmt_dt(at) == "2026年11月23日10时30分"
    assert _layout.fmt_time(at) == "10时30分"
    assert at.astimezone(CN_TZ).utcoffset() == dt.timedelta(hours=9)
    assert _when(at) == "2026-11-23 10:30:05（Asia/Tokyo，UTC+09:00）"
    agency_time.set_agency_zone("Asia/Urumqi")
    assert _layout.fmt_dt(at, seconds=True) == "2026年11月23日07时30分05秒"
    assert agency_time.zone_label(at) == "Asia/Urumqi，UTC+06:00"
