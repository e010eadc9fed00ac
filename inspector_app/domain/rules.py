"""The rule book: which action a role may take on an inspection in which status, given a few facts.

One implementation for the whole product: the widgets enable their buttons from ``allowed_actions``, the services
refuse through ``require`` (a coded error saying why), and the sync server authorises review artefacts with
``REVIEWER_ROLES``. Nothing else decides an action's availability; the status machine (``domain/inspection.py``)
still decides which *status* follows which.

The rules, as the law and the agency's procedure put them (domain.md §2, §4.3):
- the team (亮证, 回避) is settled in 草稿, and the inspection goes on site only once the team is ready
  (two officers with valid certificates, credentials shown, every officer declared on conflicts);
- the checklist is answered on site and may be corrected until the record is signed; findings and evidence may be
  added from the draft on; the first signature freezes the content (corrections then go into a 补正说明);
- the record is signed by the team's officers once the on-site work is finished; the party signs (or refuses)
  in the same status;
- a 责令整改通知书 is issued only on a record every officer signed that has findings, once;
- a signed (or returned) record is submitted for review; a returned one only after a signed 补正说明 answers the
  return;
- review (start, return, approve, outcome, close) is the reviewer's: a team lead or an administrator, on the
  client and on the server alike;
- a re-inspection happens while the rectification is tracked.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from inspector_app.domain.errors import (
    QT_TRANSLATE_NOOP,
    DomainError,
    FrozenRecord,
    IllegalTransition,
    ValidationError,
)
from inspector_app.domain.inspection import EDITABLE_STATUSES, STATUS_NAMES, Status


class Role(StrEnum):
    INSPECTOR = "inspector"
    TEAM_LEAD = "team_lead"
    ADMIN = "admin"


#: Who may review, return, approve, decide the outcome and close: the client's services and widgets and the sync
#: server's authorisation all read this one set.
REVIEWER_ROLES: frozenset[str] = frozenset({Role.TEAM_LEAD.value, Role.ADMIN.value})

# Who plans and draws (annual plans, campaigns, 双随机 draws and their signed records, issue 14): the team lead or an
# administrator. The sync server authorises pushed plans and draws with this set (syncproto entity roles).
PLANNER_ROLES: frozenset[str] = REVIEWER_ROLES

#: The statuses a reviewer's list shows: waiting for review, under review, returned, and decided but not closed.
REVIEW_LISTED: frozenset[str] = frozenset({Status.SUBMITTED.value, Status.UNDER_REVIEW.value, Status.RETURNED.value,
                                           Status.APPROVED.value, Status.RECTIFICATION.value})


class Action(StrEnum):
    EDIT_TEAM = "edit_team"                    # 亮证 and 回避 declarations
    START_ON_SITE = "start_on_site"
    EDIT_CHECKLIST = "edit_checklist"
    EDIT_FINDINGS = "edit_findings"
    ADD_EVIDENCE = "add_evidence"
    FINISH_ON_SITE = "finish_on_site"
    PREVIEW_DRAFT = "preview_draft"
    CAPTURE_SIGNATURE = "capture_signature"    # an officer's handwriting on the pad, before signing
    PARTY_SIGNOFF = "party_signoff"
    SIGN = "sign"
    COUNTERSIGN = "countersign"                # a pending officer field of a signed document
    ISSUE_NOTICE = "issue_notice"
    ADDENDUM = "addendum"
    SUBMIT = "submit"
    START_REVIEW = "start_review"
    RETURN = "return"
    APPROVE = "approve"
    COMMENT = "comment"
    SET_OUTCOME = "set_outcome"
    CLOSE = "close"
    REINSPECT = "reinspect"
    EXPORT_CASE_FILE = "export_case_file"
    CANCEL = "cancel"
    INQUIRY = "inquiry"                        # a 询问笔录 (from the visit on, until the case is closed)
    SERVE = "serve"                            # a 送达回证 for a signed document
    SEIZE = "seize"                            # 封存 / 先行登记保存, their extension and release
    RECORD_MEDIA = "record_media"              # register an audio/video recording (音像记录)


@dataclass(frozen=True, slots=True)
class Facts:
    """What, besides status and role, an action depends on. Defaults are the permissive value for facts a caller
    cannot know (the service that can know them passes them)."""

    is_team_member: bool = True       # the actor is one of the inspection's officers (signing)
    team_ready: bool = True           # check_ready_for_site holds (its problems say why not)
    frozen: bool = False              # the first signature fixed the record's content
    has_officers: bool = True         # the team has officers to capture a signature for
    officers_unsigned: bool = True    # some team officer still has to sign the record
    record_signed: bool = True        # the record exists and every team officer signed it
    has_findings: bool = True
    has_notice: bool = False          # a 责令整改通知书 was issued already
    return_answered: bool = True      # a signed 补正说明 answers the last return
    countersign_pending: bool = True  # the chosen document has an officer field still waiting
    outcome_decided: bool = True
    rectification_reviewed: bool = True


ALL = frozenset(Status)
SIGNING = frozenset({Status.ON_SITE, Status.AWAITING_SIGNATURE})
REVIEW_OUTCOME = frozenset({Status.APPROVED, Status.RECTIFICATION})
SUBMITTABLE = frozenset({Status.SIGNED, Status.RETURNED})
AFTER_SIGNING = frozenset({Status.SIGNED, Status.SUBMITTED, Status.UNDER_REVIEW, Status.RETURNED, Status.APPROVED,
                           Status.RECTIFICATION})


@dataclass(frozen=True, slots=True)
class _Rule:
    statuses: frozenset[Status]
    reviewer: bool = False        # only REVIEWER_ROLES
    moves: bool = False           # a status move: a wrong status is an illegal transition
    edits: bool = False           # changes the record's content: a wrong status or frozen content is FrozenRecord
    before_freeze: bool = False   # only until the first signature froze the content (implied by edits)

    @property
    def frozen_blocks(self) -> bool:
        return self.edits or self.before_freeze


RULES: dict[Action, _Rule] = {
    Action.EDIT_TEAM: _Rule(frozenset({Status.DRAFT}), edits=True),
    Action.START_ON_SITE: _Rule(frozenset({Status.DRAFT}), moves=True),
    Action.EDIT_CHECKLIST: _Rule(SIGNING, edits=True),
    Action.EDIT_FINDINGS: _Rule(EDITABLE_STATUSES, edits=True),
    Action.ADD_EVIDENCE: _Rule(EDITABLE_STATUSES, edits=True),
    Action.FINISH_ON_SITE: _Rule(frozenset({Status.ON_SITE}), moves=True),
    Action.PREVIEW_DRAFT: _Rule(SIGNING, before_freeze=True),
    Action.CAPTURE_SIGNATURE: _Rule(SIGNING, before_freeze=True),
    Action.PARTY_SIGNOFF: _Rule(frozenset({Status.AWAITING_SIGNATURE}), before_freeze=True),
    Action.SIGN: _Rule(frozenset({Status.AWAITING_SIGNATURE})),
    Action.COUNTERSIGN: _Rule(ALL),
    Action.ISSUE_NOTICE: _Rule(AFTER_SIGNING),
    Action.ADDENDUM: _Rule(SUBMITTABLE),
    Action.SUBMIT: _Rule(SUBMITTABLE, moves=True),
    Action.START_REVIEW: _Rule(frozenset({Status.SUBMITTED}), reviewer=True, moves=True),
    Action.RETURN: _Rule(frozenset({Status.UNDER_REVIEW}), reviewer=True, moves=True),
    Action.APPROVE: _Rule(frozenset({Status.UNDER_REVIEW}), reviewer=True, moves=True),
    Action.COMMENT: _Rule(ALL),
    Action.SET_OUTCOME: _Rule(REVIEW_OUTCOME, reviewer=True),
    Action.CLOSE: _Rule(REVIEW_OUTCOME, reviewer=True, moves=True),
    Action.REINSPECT: _Rule(frozenset({Status.RECTIFICATION})),
    Action.EXPORT_CASE_FILE: _Rule(ALL),
    Action.CANCEL: _Rule(frozenset({Status.DRAFT}), moves=True),
    Action.INQUIRY: _Rule(ALL - {Status.DRAFT, Status.CLOSED, Status.CANCELLED}),
    Action.SERVE: _Rule(ALL - {Status.DRAFT, Status.CANCELLED}),
    Action.SEIZE: _Rule(ALL - {Status.DRAFT, Status.CLOSED, Status.CANCELLED}),
    Action.RECORD_MEDIA: _Rule(ALL - {Status.DRAFT, Status.CLOSED, Status.CANCELLED}),
}

ACTION_NAMES: dict[Action, str] = {
    Action.EDIT_TEAM: QT_TRANSLATE_NOOP("Errors", "change the team's credentials and conflict declarations"),
    Action.START_ON_SITE: QT_TRANSLATE_NOOP("Errors", "start the on-site inspection"),
    Action.EDIT_CHECKLIST: QT_TRANSLATE_NOOP("Errors", "answer the checklist"),
    Action.EDIT_FINDINGS: QT_TRANSLATE_NOOP("Errors", "change the findings"),
    Action.ADD_EVIDENCE: QT_TRANSLATE_NOOP("Errors", "change the evidence"),
    Action.FINISH_ON_SITE: QT_TRANSLATE_NOOP("Errors", "finish the on-site work"),
    Action.PREVIEW_DRAFT: QT_TRANSLATE_NOOP("Errors", "preview the draft record"),
    Action.CAPTURE_SIGNATURE: QT_TRANSLATE_NOOP("Errors", "capture a handwritten signature"),
    Action.PARTY_SIGNOFF: QT_TRANSLATE_NOOP("Errors", "record the party's signature"),
    Action.SIGN: QT_TRANSLATE_NOOP("Errors", "sign the record"),
    Action.COUNTERSIGN: QT_TRANSLATE_NOOP("Errors", "sign the document"),
    Action.ISSUE_NOTICE: QT_TRANSLATE_NOOP("Errors", "issue a rectification notice"),
    Action.ADDENDUM: QT_TRANSLATE_NOOP("Errors", "make a correction addendum"),
    Action.SUBMIT: QT_TRANSLATE_NOOP("Errors", "submit the record for review"),
    Action.START_REVIEW: QT_TRANSLATE_NOOP("Errors", "start the review"),
    Action.RETURN: QT_TRANSLATE_NOOP("Errors", "return the record for correction"),
    Action.APPROVE: QT_TRANSLATE_NOOP("Errors", "approve the record"),
    Action.COMMENT: QT_TRANSLATE_NOOP("Errors", "comment on the record"),
    Action.SET_OUTCOME: QT_TRANSLATE_NOOP("Errors", "decide the outcome"),
    Action.CLOSE: QT_TRANSLATE_NOOP("Errors", "close the case"),
    Action.REINSPECT: QT_TRANSLATE_NOOP("Errors", "re-inspect the rectification"),
    Action.EXPORT_CASE_FILE: QT_TRANSLATE_NOOP("Errors", "export the case file"),
    Action.CANCEL: QT_TRANSLATE_NOOP("Errors", "cancel the inspection"),
    Action.INQUIRY: QT_TRANSLATE_NOOP("Errors", "make an inquiry record"),
    Action.SERVE: QT_TRANSLATE_NOOP("Errors", "record how a document was served"),
    Action.SEIZE: QT_TRANSLATE_NOOP("Errors", "seal or preserve evidence"),
    Action.RECORD_MEDIA: QT_TRANSLATE_NOOP("Errors", "register an audio or video recording"),
}


def _fact_refusal(action: Action, status: Status, facts: Facts) -> DomainError | None:
    """The fact an action lacks, as a coded error (None: the facts allow it)."""
    if action is Action.START_ON_SITE and not facts.team_ready:
        return ValidationError("rules.team_not_ready", QT_TRANSLATE_NOOP(
            "Errors", "The team is not ready to go on site (two officers, credentials shown, conflicts declared)."))
    if action is Action.CAPTURE_SIGNATURE and not facts.has_officers:
        return ValidationError("rules.no_officers", QT_TRANSLATE_NOOP("Errors", "The team has no officers."))
    if action is Action.SIGN:
        if not facts.is_team_member:
            return ValidationError("rules.not_team_member", QT_TRANSLATE_NOOP(
                "Errors", "Only the officers of this inspection's team can sign its record."))
        if not facts.officers_unsigned:
            return ValidationError("rules.all_signed", QT_TRANSLATE_NOOP(
                "Errors", "Every officer of the team has signed the record."))
    if action is Action.COUNTERSIGN and not facts.countersign_pending:
        return ValidationError("rules.nothing_to_sign", QT_TRANSLATE_NOOP(
            "Errors", "No officer's signature is waiting on this document."))
    if action in (Action.ISSUE_NOTICE, Action.ADDENDUM, Action.SUBMIT) and not facts.record_signed:
        return ValidationError("rules.record_not_signed", QT_TRANSLATE_NOOP(
            "Errors", "The record is not signed by every officer of the team yet."))
    if action is Action.ISSUE_NOTICE:
        if not facts.has_findings:
            return ValidationError("rules.no_findings", QT_TRANSLATE_NOOP(
                "Errors", "A rectification notice needs findings."))
        if facts.has_notice:
            return ValidationError("rules.notice_issued", QT_TRANSLATE_NOOP(
                "Errors", "A rectification notice was issued already."))
    if action is Action.SUBMIT and status is Status.RETURNED and not facts.return_answered:
        return ValidationError("review.return_unanswered", QT_TRANSLATE_NOOP(
            "Errors", "A returned record must first be answered with a signed correction addendum, then "
                      "submitted again."))
    if action is Action.CLOSE:
        if status is Status.RECTIFICATION and not facts.rectification_reviewed:
            return ValidationError("review.rectification_open", QT_TRANSLATE_NOOP(
                "Errors", "The rectification has not been re-inspected yet; the case cannot be closed."))
        if status is Status.APPROVED and not facts.outcome_decided:
            return ValidationError("review.outcome_missing", QT_TRANSLATE_NOOP(
                "Errors", "Decide the outcome first."))
    return None


def refusal(action: Action, status: Status | str, role: str | None, facts: Facts = Facts()) -> DomainError | None:
    """Why ``role`` may not take ``action`` in ``status`` (a coded error), or None when it may.

    ``role`` None means the caller does not restrict by role (a check of status and facts only)."""
    status = Status(status)
    rule = RULES[action]
    if rule.reviewer and role is not None and role not in REVIEWER_ROLES:
        return ValidationError("rules.reviewer_only", QT_TRANSLATE_NOOP(
            "Errors", "Only a reviewer (a team lead or an administrator) can {action}."), action=ACTION_NAMES[action])
    if rule.frozen_blocks and facts.frozen:  # the first signature froze the content, whatever the status says
        return FrozenRecord("rules.frozen", QT_TRANSLATE_NOOP(
            "Errors", "The record is signed and its content is fixed; make a correction addendum instead."))
    if action is Action.EDIT_CHECKLIST and status is Status.DRAFT:
        return ValidationError("rules.not_on_site", QT_TRANSLATE_NOOP(
            "Errors", "Record the credentials shown and the conflict declarations and start the on-site "
                      "inspection before answering the checklist."))
    if status not in rule.statuses:
        cls = IllegalTransition if rule.moves else FrozenRecord if rule.edits else ValidationError
        return cls("rules.wrong_status", QT_TRANSLATE_NOOP(
            "Errors", "You cannot {action} while the inspection's status is “{status}”."),
            action=ACTION_NAMES[action], status=STATUS_NAMES[status])
    return _fact_refusal(action, status, facts)


def allowed_actions(status: Status | str, role: str | None, facts: Facts = Facts()) -> frozenset[Action]:
    """Every action ``role`` may take in ``status`` given ``facts``."""
    return frozenset(a for a in Action if refusal(a, status, role, facts) is None)


def may(action: Action, status: Status | str, role: str | None, facts: Facts = Facts()) -> bool:
    return refusal(action, status, role, facts) is None


def require(action: Action, status: Status | str, role: str | None, facts: Facts = Facts()) -> None:
    """Raise the coded refusal unless the action is allowed (the services' one check)."""
    problem = refusal(action, status, role, facts)
    if problem is not None:
        raise problem


# ------------------------------------------------------------------------------------------------ plans (issue 14)
# A plan is edited only as a draft: approval (分管领导审核) fixes what was approved, and the filed copy
# (法规处备案) must be what runs; a plan sent back by review returns to draft and can be edited again.
# Only planners edit.


class PlanAction(StrEnum):
    EDIT_PLAN = "edit_plan"


def plan_refusal(action: PlanAction, status: str, role: str | None) -> DomainError | None:
    """Why ``role`` may not take ``action`` on a plan in ``status`` (None: it may). ``role`` None: no role check
    (the local administrator before anyone signs in, as for creating a plan)."""
    if role is not None and role not in PLANNER_ROLES:
        return ValidationError("rules.planner_only", QT_TRANSLATE_NOOP(
            "Errors", "Only a team lead or an administrator can edit a plan."))
    if action is PlanAction.EDIT_PLAN and status != "draft":
        return FrozenRecord("plan.not_draft", QT_TRANSLATE_NOOP(
            "Errors", "The plan is no longer a draft; it can only be read."), status=status)
    return None


def require_plan(action: PlanAction, status: str, role: str | None) -> None:
    problem = plan_refusal(action, status, role)
    if problem is not None:
        raise problem
