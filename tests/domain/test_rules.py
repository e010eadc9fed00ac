"""The rule book as a table: every status × role × action, then the facts that take an action away, then the
services refusing what the rule book forbids (and the server authorising review with the same roles)."""

from __future__ import annotations

import pickle

import pytest

from inspector_app.domain.errors import DomainError, FrozenRecord, IllegalTransition, ValidationError
from inspector_app.domain.inspection import Status
from inspector_app.domain.rules import (
    REVIEWER_ROLES,
    RULES,
    Action,
    Facts,
    allowed_actions,
    may,
    refusal,
    require,
)

A = Action
S = Status
EVERYONE = {A.COMMENT, A.COUNTERSIGN, A.EXPORT_CASE_FILE}
AFTER_SIGNING = EVERYONE | {A.ISSUE_NOTICE, A.INQUIRY, A.SERVE, A.SEIZE, A.RECORD_MEDIA}

# What an inspector may do in each status (all facts favourable); a reviewer may do the same plus REVIEW below.
INSPECTOR: dict[Status, set[Action]] = {
    S.DRAFT: EVERYONE | {A.EDIT_TEAM, A.START_ON_SITE, A.EDIT_FINDINGS, A.ADD_EVIDENCE, A.CANCEL},
    S.ON_SITE: EVERYONE | {A.EDIT_CHECKLIST, A.EDIT_FINDINGS, A.ADD_EVIDENCE, A.FINISH_ON_SITE, A.PREVIEW_DRAFT,
                           A.CAPTURE_SIGNATURE, A.INQUIRY, A.SERVE, A.SEIZE, A.RECORD_MEDIA},
    S.AWAITING_SIGNATURE: EVERYONE | {A.EDIT_CHECKLIST, A.EDIT_FINDINGS, A.ADD_EVIDENCE, A.PREVIEW_DRAFT,
                                      A.CAPTURE_SIGNATURE, A.PARTY_SIGNOFF, A.SIGN, A.INQUIRY, A.SERVE,
                                      A.SEIZE, A.RECORD_MEDIA},
    S.SIGNED: AFTER_SIGNING | {A.ADDENDUM, A.SUBMIT},
    S.SUBMITTED: AFTER_SIGNING,
    S.UNDER_REVIEW: AFTER_SIGNING,
    S.RETURNED: AFTER_SIGNING | {A.ADDENDUM, A.SUBMIT},
    S.APPROVED: AFTER_SIGNING,
    S.RECTIFICATION: AFTER_SIGNING | {A.REINSPECT},
    S.CLOSED: EVERYONE | {A.SERVE},
    S.CANCELLED: EVERYONE,
}
REVIEW: dict[Status, set[Action]] = {
    S.SUBMITTED: {A.START_REVIEW},
    S.UNDER_REVIEW: {A.RETURN, A.APPROVE},
    S.APPROVED: {A.SET_OUTCOME, A.CLOSE},
    S.RECTIFICATION: {A.SET_OUTCOME, A.CLOSE},
}


def expected(status: Status, role: str) -> set[Action]:
    return INSPECTOR[status] | (REVIEW.get(status, set()) if role in ("team_lead", "admin") else set())


@pytest.mark.parametrize("role", ["inspector", "team_lead", "admin", ""])
@pytest.mark.parametrize("status", list(Status))
def test_the_table(status: Status, role: str) -> None:
    allowed = allowed_actions(status, role)
    assert allowed == expected(status, role)
    for action in Action:  # each cell: allowed exactly when there is no refusal, and require agrees
        problem = refusal(action, status, role)
        assert (problem is None) == (action in allowed)
        if problem is None:
            require(action, status, role)
        else:
            assert problem.code.startswith(("rules.", "review."))
            with pytest.raises(DomainError) as caught:
                require(action, status, role)
            assert caught.value.code == problem.code


def test_every_action_has_a_rule_and_a_status_string_works() -> None:
    assert set(RULES) == set(Action)
    assert allowed_actions("under_review", "team_lead") == allowed_actions(Status.UNDER_REVIEW, "team_lead")


def test_client_and_server_agree_on_who_reviews() -> None:
    from inspector_app.server.protocol import ENTITIES

    assert REVIEWER_ROLES == {"team_lead", "admin"}
    assert ENTITIES["approval"].roles == REVIEWER_ROLES
    for role in ("inspector", "team_lead", "admin"):
        assert may(A.APPROVE, S.UNDER_REVIEW, role) == (role in ENTITIES["approval"].roles)


def test_no_role_restriction_checks_status_and_facts_only() -> None:
    assert may(A.APPROVE, S.UNDER_REVIEW, None) and not may(A.APPROVE, S.SUBMITTED, None)


@pytest.mark.parametrize("action, status, facts, code, kind", [
    (A.EDIT_FINDINGS, S.AWAITING_SIGNATURE, Facts(frozen=True), "rules.frozen", FrozenRecord),
    (A.EDIT_CHECKLIST, S.ON_SITE, Facts(frozen=True), "rules.frozen", FrozenRecord),
    (A.PARTY_SIGNOFF, S.AWAITING_SIGNATURE, Facts(frozen=True), "rules.frozen", FrozenRecord),
    (A.CAPTURE_SIGNATURE, S.ON_SITE, Facts(has_officers=False), "rules.no_officers", ValidationError),
    (A.START_ON_SITE, S.DRAFT, Facts(team_ready=False), "rules.team_not_ready", ValidationError),
    (A.SIGN, S.AWAITING_SIGNATURE, Facts(is_team_member=False), "rules.not_team_member", ValidationError),
    (A.SIGN, S.AWAITING_SIGNATURE, Facts(officers_unsigned=False), "rules.all_signed", ValidationError),
    (A.COUNTERSIGN, S.SIGNED, Facts(countersign_pending=False), "rules.nothing_to_sign", ValidationError),
    (A.ISSUE_NOTICE, S.SIGNED, Facts(record_signed=False), "rules.record_not_signed", ValidationError),
    (A.ISSUE_NOTICE, S.SIGNED, Facts(has_findings=False), "rules.no_findings", ValidationError),
    (A.ISSUE_NOTICE, S.APPROVED, Facts(has_notice=True), "rules.notice_issued", ValidationError),
    (A.SUBMIT, S.SIGNED, Facts(record_signed=False), "rules.record_not_signed", ValidationError),
    (A.SUBMIT, S.RETURNED, Facts(return_answered=False), "review.return_unanswered", ValidationError),
    (A.CLOSE, S.RECTIFICATION, Facts(rectification_reviewed=False), "review.rectification_open", ValidationError),
    (A.CLOSE, S.APPROVED, Facts(outcome_decided=False), "review.outcome_missing", ValidationError),
])
def test_a_missing_fact_takes_the_action_away(action: Action, status: Status, facts: Facts, code: str,
                                              kind: type[DomainError]) -> None:
    assert action in allowed_actions(status, "team_lead")
    assert action not in allowed_actions(status, "team_lead", facts)
    problem = refusal(action, status, "team_lead", facts)
    assert problem is not None and problem.code == code and type(problem) is kind


def test_a_submit_unanswered_only_matters_after_a_return() -> None:
    assert may(A.SUBMIT, S.SIGNED, "inspector", Facts(return_answered=False))


@pytest.mark.parametrize("action, status, role, kind", [
    (A.APPROVE, S.SUBMITTED, "team_lead", IllegalTransition),   # a status move in the wrong status
    (A.EDIT_FINDINGS, S.SIGNED, "inspector", FrozenRecord),     # a content edit past the on-site statuses
    (A.SET_OUTCOME, S.UNDER_REVIEW, "team_lead", ValidationError),
    (A.APPROVE, S.UNDER_REVIEW, "inspector", ValidationError),  # the reviewer's action, whatever the status
    (A.EDIT_CHECKLIST, S.DRAFT, "inspector", ValidationError),   # not on site yet: rules.not_on_site
])
def test_refusals_keep_the_error_kinds_callers_catch(action: Action, status: Status, role: str,
                                                     kind: type[DomainError]) -> None:
    problem = refusal(action, status, role)
    assert type(problem) is kind


def test_a_refusal_names_action_and_status_and_survives_pickling() -> None:
    problem = refusal(A.APPROVE, S.SUBMITTED, "team_lead")
    assert problem is not None and problem.code == "rules.wrong_status"
    assert problem.params == {"action": "approve the record", "status": "submitted"}
    assert str(problem) == "You cannot approve the record while the inspection's status is “submitted”."
    again = pickle.loads(pickle.dumps(problem))
    assert type(again) is IllegalTransition and again.code == problem.code and again.params == problem.params
    who = refusal(A.APPROVE, S.UNDER_REVIEW, "inspector")
    assert who is not None and who.code == "rules.reviewer_only" and "team lead" in str(who)


def test_the_services_refuse_what_the_rule_book_forbids(app, roster) -> None:  # type: ignore[no-untyped-def]
    """A draft inspection: each service call the rule book forbids is refused with the rule book's own coded
    refusal (same code, same kind of error), and nothing is written."""
    from sqlalchemy import func, select

    from inspector_app.services.context import Actor
    from inspector_app.storage.orm import JournalEventRow, OutboxRow
    from tests.helpers import answer_ids, lead, new_inspection

    import datetime as dt

    from inspector_app.domain.roster import OfficerData

    iid = new_inspection(app, roster)
    chief, _ = app.roster.add_officer(Actor("管理员"), OfficerData("韩景明", "基金监督科", "LEAD0001",
                                                                   dt.date(2030, 1, 1), role="team_lead"))
    boss = Actor(chief.name, chief.id)
    inspector = lead(roster)

    def written() -> tuple[int, int]:
        with app.ctx.read() as s:
            return (s.scalar(select(func.count()).select_from(JournalEventRow)),
                    s.scalar(select(func.count()).select_from(OutboxRow)))

    before = written()
    calls = [
        (A.START_REVIEW, "team_lead", lambda: app.review.start_review(boss, iid)),
        (A.START_REVIEW, "inspector", lambda: app.review.start_review(inspector, iid)),
        (A.RETURN, "team_lead", lambda: app.review.return_for_correction(boss, iid, "理由")),
        (A.APPROVE, "team_lead", lambda: app.review.approve(boss, iid, "password")),
        (A.SET_OUTCOME, "inspector", lambda: app.review.set_outcome(inspector, iid, __import__(
            "inspector_app.domain.outcomes", fromlist=["Outcome"]).Outcome.NO_PROBLEM)),
        (A.CLOSE, "team_lead", lambda: app.review.close(boss, iid)),
        (A.SUBMIT, "inspector", lambda: app.review.submit(inspector, iid)),
        (A.FINISH_ON_SITE, "inspector", lambda: app.inspections.finish_on_site(inspector, iid)),
        (A.EDIT_CHECKLIST, "inspector", lambda: app.inspections.answer(inspector, answer_ids(app, iid)["T-01"], "yes")),
    ]
    for action, role, call in calls:
        expected = refusal(action, S.DRAFT, role)
        assert expected is not None, action
        with pytest.raises(DomainError) as caught:
            call()
        assert (type(caught.value), caught.value.code) == (type(expected), expected.code), action
    assert written() == before
