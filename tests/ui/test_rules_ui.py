"""The widgets' buttons follow the rule book (domain/rules.py): for every status and role the review and signing
buttons are enabled exactly when the rule book allows their action, and the team page's start button waits for a
ready team, explaining in the UI's language what is missing."""

from __future__ import annotations

import dataclasses
from types import SimpleNamespace
from typing import Any

from inspector_app.domain.inspection import Status
from inspector_app.domain.rules import Action, may
from inspector_app.ui.signing_state import SigningState
from tests.helpers import lead, new_inspection

ROLES = ("inspector", "team_lead", "admin", None)


def test_review_buttons_follow_the_rule_book(window: Any) -> None:
    page = window.review_page
    buttons = {page.start_button: Action.START_REVIEW, page.return_button: Action.RETURN,
               page.approve_button: Action.APPROVE, page.outcome_button: Action.SET_OUTCOME,
               page.case_button: Action.EXPORT_CASE_FILE, page.comment: Action.COMMENT}
    for role in ROLES:
        window.ops.role = role
        for status in Status:
            page.current = SimpleNamespace(summary=SimpleNamespace(status=status.value))
            page._update_buttons()
            for button, action in buttons.items():
                assert button.isEnabled() == may(action, status, role or ""), (role, status, action)
            if role in (None, "inspector"):  # a disabled reviewer's button says why
                assert "team lead" in page.approve_button.toolTip()
    page.current = None
    page._update_buttons()
    assert not any(b.isEnabled() for b in buttons)


def test_signing_buttons_follow_the_rule_book(app, roster, window, qtbot) -> None:  # type: ignore[no-untyped-def]
    iid = new_inspection(app, roster)
    detail = app.queries.detail(iid)
    page = window.inspection_page.signing
    buttons = {page.party_button: Action.PARTY_SIGNOFF, page.draft_button: Action.PREVIEW_DRAFT,
               page.draw_button: Action.CAPTURE_SIGNATURE, page.sign_button: Action.SIGN,
               page.notice_button: Action.ISSUE_NOTICE, page.addendum_button: Action.ADDENDUM,
               page.submit_button: Action.SUBMIT, page.countersign_button: Action.COUNTERSIGN}
    for frozen in (None, "ab" * 32):
        for status in Status:
            d = dataclasses.replace(detail, content_hash=frozen,
                                    summary=dataclasses.replace(detail.summary, status=status.value))
            page.state = SigningState(d, (), (), None, ())
            page._update_buttons()
            facts = page.state.facts(countersign_pending=False)
            for button, action in buttons.items():
                assert button.isEnabled() == may(action, status, window.ops.role, facts), (status, frozen, action)


def test_the_team_page_starts_only_a_ready_team(app, roster, window, qtbot) -> None:  # type: ignore[no-untyped-def]
    iid = new_inspection(app, roster)
    window.open_inspection(iid)
    team = window.inspection_page.team
    qtbot.waitUntil(lambda: team.detail is not None and team.detail.summary.id == iid, timeout=10000)
    assert not team.start_button.isHidden() and not team.start_button.isEnabled()
    assert "has not declared on conflicts of interest" in team.problems.text()  # English UI, English words
    assert team.shown_button.isEnabled()
    for o in roster["officers"][:2]:
        app.inspections.declare_recusal(lead(roster), iid, o.id, has_conflict=False)
        app.inspections.record_credentials_shown(lead(roster), iid, o.id)
    window.inspection_page.reload()
    qtbot.waitUntil(lambda: team.start_button.isEnabled(), timeout=10000)
    assert "Ready" in team.problems.text()
    team.start_button.click()
    qtbot.waitUntil(lambda: app.queries.summary(iid).status == "on_site", timeout=10000)
    qtbot.waitUntil(lambda: team.start_button.isHidden() and not team.shown_button.isEnabled(), timeout=10000)
