"""Checked by mypy only (tests/test_static_checks.py): the composition root's AppContext is the UI's seam."""

from __future__ import annotations

from inspector_app.app import AppContext
from inspector_app.ui.seams import Services


def as_services(app: AppContext) -> Services:
    return app
