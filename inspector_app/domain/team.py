"""The law's team rules: two officers with valid credentials (条例 第二十九条; 行政处罚法 第四十二、五十五条),
credentials shown (亮证), and a 回避 (conflict-of-interest) declaration by each officer (行政处罚法 第四十三条)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from inspector_app.domain.errors import QT_TRANSLATE_NOOP, TeamRuleViolation

MIN_OFFICERS = 2


@dataclass(frozen=True, slots=True)
class TeamMember:
    officer_id: str
    name: str
    certificate_no: str
    certificate_expiry: dt.date
    credentials_shown_at: dt.datetime | None = None
    recusal_declared_at: dt.datetime | None = None
    has_conflict: bool | None = None  # None: not yet declared
    conflict_note: str = ""


def certificate_problem(name: str, certificate_no: str, expiry: dt.date, day: dt.date) -> TeamRuleViolation | None:
    if expiry < day:
        return TeamRuleViolation("team.certificate_expired", QT_TRANSLATE_NOOP(
            "Errors", "The credentials of {name} ({certificate}) expired on {expiry}."),
            name=name, certificate=certificate_no, expiry=expiry.isoformat())
    return None


def _certificate_problem(member: TeamMember, day: dt.date) -> TeamRuleViolation | None:
    return certificate_problem(member.name, member.certificate_no, member.certificate_expiry, day)


def eligible_members(members: Sequence[TeamMember], day: dt.date) -> list[TeamMember]:
    """Members who count towards the two-officer rule: valid certificate, no declared conflict."""
    return [m for m in members if _certificate_problem(m, day) is None and m.has_conflict is not True]


def _raise(problems: list[TeamRuleViolation]) -> None:
    """All the problems at once, each coded (the UI lists them translated)."""
    if len(problems) == 1:
        raise problems[0]
    if problems:
        raise TeamRuleViolation("team.problems", "", problems=problems)


def check_team_formation(members: Sequence[TeamMember], day: dt.date) -> None:
    """Raise unless the team has at least two distinct officers with certificates valid on `day`."""
    problems: list[TeamRuleViolation] = []
    ids = [m.officer_id for m in members]
    if len(set(ids)) != len(ids):
        problems.append(TeamRuleViolation("team.duplicate_officer", QT_TRANSLATE_NOOP(
            "Errors", "The same officer cannot join the team twice.")))
    cert_nos = [m.certificate_no.strip() for m in members]
    if len(set(cert_nos)) != len(cert_nos):
        problems.append(TeamRuleViolation("team.duplicate_certificate", QT_TRANSLATE_NOOP(
            "Errors", "Two members of the team have the same certificate number.")))
    for m in members:
        p = _certificate_problem(m, day)
        if p:
            problems.append(p)
    valid = {m.officer_id for m in members if _certificate_problem(m, day) is None}
    if len(valid) < MIN_OFFICERS:
        problems.insert(0, TeamRuleViolation("team.too_few_officers", QT_TRANSLATE_NOOP(
            "Errors", "An on-site inspection needs at least {minimum} officers with valid credentials (Regulation "
                      "art. 29); valid now: {valid}."), minimum=MIN_OFFICERS, valid=len(valid)))
    _raise(problems)


def check_ready_for_site(members: Sequence[TeamMember], day: dt.date) -> None:
    """Raise unless the inspection may go on site: team valid, 亮证 recorded and every officer declared 回避."""
    check_team_formation([m for m in members if m.has_conflict is not True], day)
    problems: list[TeamRuleViolation] = []
    for m in members:
        if m.has_conflict is None:
            problems.append(TeamRuleViolation("team.recusal_missing", QT_TRANSLATE_NOOP(
                "Errors", "{name} has not declared on conflicts of interest yet."), name=m.name))
    active = [m for m in members if m.has_conflict is False]
    for m in active:
        if m.credentials_shown_at is None:
            problems.append(TeamRuleViolation("team.credentials_not_shown", QT_TRANSLATE_NOOP(
                "Errors", "No time is recorded for {name} showing the credentials."), name=m.name))
    if len(eligible_members(members, day)) < MIN_OFFICERS:
        problems.append(TeamRuleViolation("team.too_few_after_recusal", QT_TRANSLATE_NOOP(
            "Errors", "Fewer than {minimum} officers with valid credentials remain after the conflicts declared; "
                      "add officers to the team."), minimum=MIN_OFFICERS))
    _raise(problems)
