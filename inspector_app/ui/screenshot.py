"""`inspector screenshot`: render the main screens of a workspace to PNG, offscreen (README images, reviews)."""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from inspector_app.services.context import Actor


def _settle(window: Any, ms: int = 150) -> None:
    for _ in range(3):
        window.ops.runner.wait()
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()


def _save(widget: QWidget, out: Path, name: str) -> Path:
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    return path


def render(context: Any, out: Path, lang: str) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from inspector_app import fonts as font_build
    from inspector_app.ui.dialogs.new_inspection_dialog import NewInspectionDialog
    from inspector_app.ui.i18n import install_translators
    from inspector_app.ui.launch import build_window, qt_app

    app = qt_app()
    font_build.ensure_fonts(font_build.default_cache_dir())  # block here: a screenshot must not show tofu
    translators = install_translators(app, lang, context.paths.cache_dir)
    out.mkdir(parents=True, exist_ok=True)
    officer = context.roster.officers()[0]
    window = build_window(context, Actor(officer.name, officer.id), lang)
    window.resize(1360, 860)
    window.show()
    _settle(window)
    shots = [_save(window, out, "01-inspection-list")]
    roster = (context.roster.institutions(), context.roster.officers())
    dialog = NewInspectionDialog(window.ops, roster, window)
    dialog.resize(1100, 720)
    dialog.search.setText("医院")
    dialog.inst_view.setCurrentIndex(dialog.proxy.index(0, 0))
    dialog.show()
    _settle(window)
    shots.append(_save(dialog, out, "02-new-inspection"))
    dialog.close()
    on_site = [s for s in context.queries.inspections(statuses={"on_site"}) if s.violations]
    if on_site:
        window.open_inspection(on_site[0].id)
        _settle(window, 300)
        page = window.inspection_page
        page.tabs.setCurrentWidget(page.checklist)
        violation = next((ix for ix in page.checklist.model.item_indexes()
                          if page.checklist.model.item_at(ix)[1].state == "violation"), None)
        if violation is not None:
            page.checklist.tree.setCurrentIndex(violation)
        _settle(window)
        shots.append(_save(window, out, "03-checklist-violation"))
        page.tabs.setCurrentWidget(page.evidence)
        _settle(window, 400)
        shots.append(_save(window, out, "04-evidence"))
        page.tabs.setCurrentWidget(page.findings)
        _settle(window)
        shots.append(_save(window, out, "05-findings"))
        page.tabs.setCurrentWidget(page.team)
        _settle(window)
        shots.append(_save(window, out, "06-team-procedure"))
    signed = context.queries.inspections(statuses={"signed", "submitted", "under_review", "returned", "approved",
                                                   "rectification", "closed"})
    if signed:
        window.open_inspection(signed[0].id)
        _settle(window, 300)
        window.inspection_page.tabs.setCurrentWidget(window.inspection_page.signing)
        _settle(window)
        shots.append(_save(window, out, "07-signing"))
    window.close()
    shots += _lead_screens(context, out, lang)
    del translators
    QApplication.processEvents()
    return shots


def _lead_screens(context: Any, out: Path, lang: str) -> list[Path]:
    """The team lead's review queue, the outcome dialog and the rectification dashboard."""
    from inspector_app.ui.dialogs.outcome_dialog import OutcomeDialog
    from inspector_app.ui.launch import build_window

    leads = [o for o in context.roster.officers() if o.role == "team_lead"]
    if not leads:
        return []
    window = build_window(context, Actor(leads[0].name, leads[0].id), lang)
    window.resize(1360, 860)
    window.show()
    window.show_review()
    _settle(window, 300)
    page = window.review_page
    shots = []
    if page.proxy.rowCount():
        page.view.setCurrentIndex(page.proxy.index(0, 0))
        _settle(window, 300)
        shots.append(_save(window, out, "08-review-queue"))
        iid = page.current.summary.id
        suggestions = context.review.suggest(iid)
        total = sum((f.amount_to_recover for f in context.findings.list(iid)), Decimal("0.00"))
        dialog = OutcomeDialog(suggestions, total, window)
        dialog.show()
        _settle(window)
        shots.append(_save(dialog, out, "09-outcome-dialog"))
        dialog.close()
    window.show_tracking()
    _settle(window, 300)
    shots.append(_save(window, out, "10-dashboard"))
    tracking = window.tracking_page
    if tracking.model.rowCount():
        tracking.view.setCurrentIndex(tracking.model.index(0, 0))
        tracking.reinspect()
        _settle(window, 400)
        if tracking.dialog is not None:
            _settle(window, 400)  # the evidence thumbnails arrive after the re-inspection is read
            shots.append(_save(tracking.dialog, out, "11-reinspection"))
            tracking.dialog.close()
    window.close()
    return shots
