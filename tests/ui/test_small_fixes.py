"""Issue 13's smaller problems, each fixed and shown: a finished import is not reported cancelled, evidence is
numbered in the order chosen, viewers close with Esc, the date editor offers today (not 1990/1991), the team's
first officer is the 主办执法人员 (lead officer), failures are not titled "Not saved"."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox

from inspector_app.domain.checklist import AnswerType, ItemDef
from tests import imaging
from tests.helpers import new_inspection, start_on_site
from tests.ui.conftest import settle


def test_a_finished_import_is_not_cancelled_and_keeps_the_chosen_order(qtbot: Any, window: Any, app: Any,
                                                                       roster: Any, tmp_path: Path) -> None:
    iid = new_inspection(app, roster)
    start_on_site(app, roster, iid)
    window.open_inspection(iid)
    settle(qtbot, window)
    page = window.inspection_page.evidence
    window.inspection_page.tabs.setCurrentWidget(page)
    # big first, small last: the small ones finish preparing first, yet they are numbered after the big one
    paths = []
    for n, size in enumerate(((2400, 1800), (640, 480), (64, 48))):
        p = tmp_path / f"{n + 1}-chosen.jpg"
        p.write_bytes(imaging.exif_jpeg(size, seed=n, texture=True))
        paths.append(p)
    with qtbot.waitSignal(page.import_finished, timeout=30000) as blocker:
        page.import_paths(paths)
    result = blocker.args[0]
    assert result["cancelled"] is False and len(result["imported"]) == 3
    settle(qtbot, window)
    report = page.findChild(QMessageBox, "import_report")
    assert report is None or not report.isVisible(), "no report box for a clean import"
    stored = sorted(app.evidence.list(iid), key=lambda e: e.created_at)
    assert [e.source_name for e in stored] == [p.name for p in paths]


def test_viewers_close_with_escape(qtbot: Any, tmp_path: Path) -> None:
    from inspector_app.ui.widgets.pdf_viewer import PdfViewer

    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(imaging.pdf_bytes(2))
    viewer = PdfViewer(pdf)
    qtbot.addWidget(viewer)
    viewer.show()
    viewer.page.setFocus()
    qtbot.keyClick(viewer.page, Qt.Key.Key_Escape)
    assert not viewer.isVisible()


def test_the_date_editor_offers_today_and_saves_only_when_chosen(qtbot: Any) -> None:
    from inspector_app.ui.widgets.date_editor import DateEditor

    editor = DateEditor(ItemDef("T-06", "培训日期", "培训记录", AnswerType.DATE, "s"))
    qtbot.addWidget(editor)
    editor.show()
    saved: list[Any] = []
    editor.commit.connect(saved.append)
    editor.show_value(None)
    assert editor.edit.date() == editor.edit.minimumDate()  # shown as "(no date)"
    from inspector_app.domain.agency_time import today as agency_today

    day = agency_today()  # the agency's day, whatever the laptop's zone (here UTC: a different day for 8 hours)
    today = QDate(day.year, day.month, day.day)
    editor.edit.setFocus()
    qtbot.waitUntil(lambda: editor.edit.date() == today, timeout=3000)
    editor.edit.clearFocus()
    assert saved == [] and editor.edit.date() == editor.edit.minimumDate(), "looking is not choosing"
    editor.edit.setFocus()
    qtbot.waitUntil(lambda: editor.edit.date() == today, timeout=3000)
    with qtbot.waitSignal(editor.advance, timeout=3000):
        qtbot.keyClick(editor.edit, Qt.Key.Key_Return)
    assert saved == [day.isoformat()]


def test_first_officer_is_the_lead_officer_and_errors_are_not_titled_not_saved(qtbot: Any, window: Any, app: Any,
                                                                                roster: Any) -> None:
    iid = new_inspection(app, roster)
    window.open_inspection(iid)
    settle(qtbot, window)
    table = window.inspection_page.team.table
    names = [table.item(r, 0).text() for r in range(table.rowCount())]
    assert any(n.endswith("(lead officer)") for n in names) and not any("leader" in n for n in names)
    window._show_error("签名证书密码错误")
    box = window.findChild(QMessageBox, "error_box")
    assert box is not None and box.windowTitle() == "Could not be done"
    box.close()


def test_signing_buttons_stay_put_as_the_missing_list_shrinks(qtbot: Any, window: Any, app: Any,
                                                              roster: Any) -> None:
    iid = new_inspection(app, roster)
    start_on_site(app, roster, iid)
    window.open_inspection(iid)
    page = window.inspection_page
    page.tabs.setCurrentWidget(page.signing)
    settle(qtbot, window)
    signing = page.signing
    qtbot.waitUntil(lambda: signing.state is not None, timeout=5000)
    where = signing.party_button.mapTo(window, signing.party_button.rect().topLeft())
    signing.readiness.setText("<ul><li>a</li><li>b</li><li>c</li><li>d</li><li>e</li></ul>")
    qtbot.wait(50)
    assert signing.party_button.mapTo(window, signing.party_button.rect().topLeft()) == where
    signing.readiness.setText("ok")
    qtbot.wait(50)
    assert signing.party_button.mapTo(window, signing.party_button.rect().topLeft()) == where


def test_an_older_reload_finishing_last_does_not_overwrite_a_newer_one(qtbot: Any, window: Any, app: Any,
                                                                       roster: Any, monkeypatch: Any) -> None:
    """Reads run on a pool: after a two-officer 亮证 the first reload (one officer shown) could finish after the
    second (both shown) and paint the stale state — the CI failure of stop 18."""
    iid = new_inspection(app, roster)
    window.open_inspection(iid)
    settle(qtbot, window)
    page = window.inspection_page
    held: list[tuple[Any, Any]] = []
    monkeypatch.setattr(page.ops, "read", lambda fn, done, error=None: held.append((fn, done)))
    page.reload()
    fn, done = held[-1]
    stale = fn()  # nobody has shown credentials yet
    for officer_id in [m.officer_id for m in page.detail.team]:
        app.inspections.record_credentials_shown(window.ops.actor, iid, officer_id)
    page.reload()
    fn2, done2 = held[-1]
    held_result = fn2()
    done2(held_result)  # the newer read finishes first …
    done(stale)         # … and the older one last
    assert all(m.credentials_shown_at for m in page.detail.team)
    assert page.team.table.item(0, 3).text() != "—"


def test_an_import_announces_its_changes_together(qtbot: Any, window: Any, app: Any, roster: Any,
                                                  tmp_path: Path) -> None:
    """Each announcement makes the open inspection re-read itself whole on a worker: an import announces what its
    files changed merged, at most once a second and at its end — not once per file."""
    iid = new_inspection(app, roster)
    start_on_site(app, roster, iid)
    window.open_inspection(iid)
    settle(qtbot, window)
    page = window.inspection_page.evidence
    paths = []
    for n in range(6):
        p = tmp_path / f"{n + 1}.jpg"
        p.write_bytes(imaging.exif_jpeg((64, 48), seed=n))
        paths.append(p)
    announced: list[Any] = []
    window.ops.changed.connect(announced.append)
    with qtbot.waitSignal(page.import_finished, timeout=30000) as blocker:
        page.import_paths(paths)
    assert len(blocker.args[0]["imported"]) == 6
    assert 1 <= len(announced) < 6
    assert len(set().union(*(c.evidence for c in announced))) == 6 and all(iid in c.inspections for c in announced)
    settle(qtbot, window)
    assert page.model.rowCount() == 6
