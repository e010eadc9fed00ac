"""Item models pass Qt's model tester."""

import datetime as dt

from inspector_app.domain.inspection import InspectionMode, InspectionType
from inspector_app.services.dto import InspectionSummary
from inspector_app.ui.models.checklist_tree_model import ChecklistTreeModel
from inspector_app.ui.models.findings_table_model import FindingsTableModel
from inspector_app.ui.models.inspection_table_model import InspectionFilterProxy, InspectionTableModel
from inspector_app.ui.models.roster_models import InstitutionListModel, OfficerCheckModel, TemplateCheckModel
from inspector_app.ui.widgets.sample_table import SampleTableModel
from tests.helpers import new_inspection, start_on_site


def summary(n: int) -> InspectionSummary:
    at = dt.datetime(2026, 11, n % 28 + 1, 9, tzinfo=dt.timezone.utc)
    return InspectionSummary(f"id{n}", "inst", f"医院{n}", "医院", InspectionType.SPECIAL.value,
                             InspectionMode.ADMINISTRATIVE.value, "on_site", at, at, None, ("甲", "乙"), 10, n % 10,
                             n % 3, n % 2, n % 4)


def test_inspection_table_and_proxy(qtmodeltester, qapp) -> None:  # type: ignore[no-untyped-def]
    model = InspectionTableModel()
    model.set_rows([summary(n) for n in range(30)])
    qtmodeltester.check(model)
    proxy = InspectionFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_text("医院1")
    qtmodeltester.check(proxy)
    assert proxy.rowCount() == 11  # 医院1, 医院10..19


def test_checklist_tree(qtmodeltester, app, roster) -> None:  # type: ignore[no-untyped-def]
    iid = new_inspection(app, roster)
    start_on_site(app, roster, iid)
    model = ChecklistTreeModel()
    model.set_checklist(app.queries.checklist(iid))
    qtmodeltester.check(model)
    assert model.rowCount() == 2 and len(model.item_indexes()) == 11


def test_findings_samples_and_roster_models(qtmodeltester, app, roster) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(FindingsTableModel())
    tpl = app.library.templates["mini"]
    sample = SampleTableModel(tpl.item("T-10").columns)
    sample.set_rows([{"record_no": "1"}, {"amount": "2.00", "violation": True}])
    qtmodeltester.check(sample)
    qtmodeltester.check(InstitutionListModel(app.roster.institutions()))
    qtmodeltester.check(OfficerCheckModel(app.roster.officers(), dt.date(2026, 11, 20)))
    qtmodeltester.check(TemplateCheckModel(list(app.library.templates.values())))


def test_sorting_is_done_by_the_source_and_keeps_filters(qtmodeltester, qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    model = InspectionTableModel()
    model.set_rows([summary(n) for n in range(30)])
    proxy = InspectionFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_text("医院2")
    proxy.sort(7, Qt.SortOrder.DescendingOrder)  # findings
    findings = [int(proxy.index(r, 7).data()) for r in range(proxy.rowCount())]
    assert findings == sorted(findings, reverse=True) and proxy.rowCount() == 11
    proxy.sort(4, Qt.SortOrder.AscendingOrder)  # date
    dates = [proxy.index(r, 4).data() for r in range(proxy.rowCount())]
    assert dates == sorted(dates)
    qtmodeltester.check(proxy)
