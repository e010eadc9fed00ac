"""The law's team rules: two officers with valid credentials (条例 第二十九条; 行政处罚法 第四十二、五十五条),
credentials shown (亮证), and a 回避 (conflict-of-interest) declaration by each officer (行政处罚法 第四十三条)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from inspector_app.domain.errors import TeamRuleViolation

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


def certificate_problem(member: TeamMember, day: dt.date) -> str | None:
    if member.certificate_expiry < day:
        return f"{member.name} 的执法证（{member.certificate_no}）已于 {member.certificate_expiry.isoformat()} 过期"
    return None


def eligible_members(members: Sequence[TeamMember], day: dt.date) -> list[TeamMember]:
    """Members who count towards the two-officer rule: valid certificate, no declared conflict."""
    return [m for m in members if certificate_problem(m, day) is None and m.has_conflict is not True]


def check_team_formation(members: Sequence[TeamMember], day: dt.date) -> None:
    """Raise unless the team has at least two distinct officers with certificates valid on `day`."""
    problems: list[str] = []
    ids = [m.officer_id for m in members]
    if len(set(ids)) != len(ids):
        problems.append("同一执法人员不能重复加入检查组")
    cert_nos = [m.certificate_no.strip() for m in members]
    if len(set(cert_nos)) != len(cert_nos):
        problems.append("检查组中存在重复的执法证号")
    for m in members:
        p = certificate_problem(m, day)
        if p:
            problems.append(p)
    valid = {m.officer_id for m in members if certificate_problem(m, day) is None}
    if len(valid) < MIN_OFFICERS:
        problems.insert(0, f"现场检查须由不少于 {MIN_OFFICERS} 名持有效执法证件的执法人员进行（条例第二十九条），当前有效人数 {len(valid)}")
    if problems:
        raise TeamRuleViolation("；".join(problems))


def check_ready_for_site(members: Sequence[TeamMember], day: dt.date) -> None:
    """Raise unless the inspection may go on site: team valid, 亮证 recorded and every officer declared 回避."""
    check_team_formation([m for m in members if m.has_conflict is not True], day)
    problems: list[str] = []
    for m in members:
        if m.has_conflict is None:
            problems.append(f"{m.name} 尚未作出回避声明")
    active = [m for m in members if m.has_conflict is False]
    for m in active:
        if m.credentials_shown_at is None:
            problems.append(f"{m.name} 尚未记录亮证（出示执法证件）时间")
    if len(eligible_members(members, day)) < MIN_OFFICERS:
        problems.append("回避后剩余的有效执法人员少于 2 名，请增补执法人员")
    if problems:
        raise TeamRuleViolation("；".join(problems))
