"""The inspection list keeps its sort when rows arrive or change: a new inspection lands where the ▲/▼ sort puts
it (not at the bottom), is selected and scrolled into view; a row whose sort key changed moves to its place."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from PySide6.QtCore import Qt

from inspector_app.domain.inspection import InspectionMode, InspectionType
from inspector_app.services.dto import InspectionSummary
from inspector_app.ui.pages.inspections_page import InspectionsPage


def summary(n: int, day: int, status: str = "on_site") -> InspectionSummary:
    at = dt.datetime(2026, 10, 1, 9, tzinfo=dt.timezone.utc) + dt.timedelta(days=day)
    return InspectionSummary(f"id{n}", "inst", f"医院{n:03d}", "医院", InspectionType.SPECIAL.value,
                             InspectionMode.ADMINISTRATIVE.value, status, at, at, None, ("甲", "乙"), 10, 0, 0, 0, 0)


def dates(page: InspectionsPage) -> list[dt.datetime]:
    return [page.model.summary(r).planned_at for r in range(page.model.rowCount())]


@pytest.mark.parametrize("order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
def test_a_new_inspection_lands_in_sort_order_selected_and_in_view(qtbot, qtmodeltester, order) -> None:  # type: ignore[no-untyped-def]
    page = InspectionsPage()
    qtbot.addWidget(page)
    page.resize(1000, 300)  # a few rows visible: the new one must be scrolled to
    page.show()
    page.view.sortByColumn(4, order)
    page.set_rows([summary(n, 2 * n) for n in range(200)])
    page.view.scrollToTop()
    page.update_rows([summary(999, 301)])  # between day 300 and day 302
    assert dates(page) == sorted(dates(page), reverse=order == Qt.SortOrder.DescendingOrder)
    row = page.model.row_of("id999")
    assert row == (151 if order == Qt.SortOrder.AscendingOrder else 49)
    assert page.current_id() == "id999"
    rect = page.view.visualRect(page.view.currentIndex())
    assert page.view.viewport().rect().contains(rect.center()), "the new row is scrolled into view"
    qtmodeltester.check(page.model)


def test_a_changed_row_moves_to_its_place_and_the_selection_follows(qtbot) -> None:  # type: ignore[no-untyped-def]
    page = InspectionsPage()
    qtbot.addWidget(page)
    page.view.sortByColumn(4, Qt.SortOrder.AscendingOrder)
    page.set_rows([summary(n, n) for n in range(10)])
    page.select("id2")
    moved = dataclasses.replace(summary(2, 2), planned_at=dt.datetime(2026, 10, 8, 12, tzinfo=dt.timezone.utc))
    page.update_rows([moved])  # now between day 7 and day 8
    assert [page.model.summary(r).id for r in range(10)] == [f"id{n}" for n in (0, 1, 3, 4, 5, 6, 7, 2, 8, 9)]
    assert page.current_id() == "id2"
    assert page.model.row_of("id2") == 7 and page.model.row_of("id7") == 6
    page.update_rows([summary(5, 5, status="awaiting_signature")])  # same date: stays put
    assert page.model.row_of("id5") == 4 and page.model.summary(4).status == "awaiting_signature"


def test_filters_follow_rows_that_change_or_arrive(qtbot) -> None:  # type: ignore[no-untyped-def]
    page = InspectionsPage()
    qtbot.addWidget(page)
    page.view.sortByColumn(4, Qt.SortOrder.AscendingOrder)
    page.set_rows([summary(n, n) for n in range(20)])
    page.status.setCurrentIndex(page.status.findData("on_site"))
    assert page.proxy.rowCount() == 20
    page.update_rows([summary(3, 3, status="awaiting_signature")])
    assert page.proxy.rowCount() == 19  # the changed row left the filter at once
    page.search.setText("医院00")
    assert page.proxy.rowCount() == 9  # 医院000..医院009 without 医院003
    page.update_rows([summary(5, 40)])
    assert page.proxy.rowCount() == 9 and page.model.row_of("id5") == 19
    page.update_rows([summary(7, 7, status="awaiting_signature"), summary(300, 2)])
    assert page.proxy.rowCount() == 8  # 医院300 does not match 医院00; 医院007 left the status filter
    page.status.setCurrentIndex(0)
    page.search.clear()
    assert page.proxy.rowCount() == 21
