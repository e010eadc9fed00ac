"""Buttons follow the rule book: each action's button is enabled exactly when ``domain.rules`` allows the action,
and a disabled one says why in its tooltip (the rule book's coded refusal, translated). Widgets hold no rules."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QWidget

from inspector_app.domain.inspection import Status
from inspector_app.domain.rules import Action, Facts, refusal
from inspector_app.ui.errors import user_message


def follow_rules(widgets: Mapping[QWidget, Action], status: Status | str | None, role: str | None,
                 facts: Facts = Facts(), explain: bool = False) -> None:
    """Enable each widget when its action is allowed; no inspection (``status`` None) disables them all.

    ``role`` is the signed-in officer's role; an unknown one ("" or None) may take no reviewer action.
    ``explain`` puts the refusal in the tooltip (for buttons whose tooltip is not used for something else)."""
    for widget, action in widgets.items():
        problem = refusal(action, status, role or "", facts) if status is not None else None
        widget.setEnabled(status is not None and problem is None)
        if explain:
            widget.setToolTip(user_message(problem) if problem is not None else "")


def plan_refusal_for(status: str, role: str | None) -> BaseException | None:
    """Why the plan editor is read-only for ``role`` on a plan in ``status`` (None: it may be edited); the rule book
    decides, the dialog only follows."""
    from inspector_app.domain.rules import PlanAction, plan_refusal

    return plan_refusal(PlanAction.EDIT_PLAN, status, role)
