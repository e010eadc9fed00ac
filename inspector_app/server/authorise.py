"""Who may push what (sync.md §2, §10): team scope of the record, and review decisions reserved to team leads."""

from __future__ import annotations

from inspector_app import syncproto as P
from inspector_app.server.feed import Ctx, MutationIn


def _authorise(c: Ctx, team_id: str | None) -> None:
    if not c.who.can_write(team_id):
        raise P.PermanentError("forbidden_team", "该记录不属于你所在的检查组，无权修改")


def _authorise_intake(c: Ctx, spec: P.EntitySpec, team_id: str | None) -> None:
    """Intake data (leads, campaigns, self-inspection returns) is created centrally: a team lead or an
    administrator may create it for any team (or for all, team None); anyone else only within their own team."""
    if spec.intake and c.who.role in LEAD_ROLES:
        return
    _authorise(c, team_id)


def assigned_team(c: Ctx, institution_id: object) -> str | None:
    """The team the administrator assigned the institution to, or None."""
    from inspector_app.server.models import InstitutionTeam

    row = c.s.get(InstitutionTeam, str(institution_id)) if institution_id else None
    return row.team_id if row is not None else None


def _fallback_team(c: Ctx) -> str | None:
    return c.who.teams[0] if c.who.teams else None


LEAD_ROLES = frozenset({"team_lead", "admin"})
LEAD_STATUSES = frozenset({"under_review", "returned", "approved", "closed"})


def _require_reviewer(c: Ctx, m: MutationIn) -> None:
    """Review decisions are the team lead's: an inspector's approval, return or review status is refused."""
    if c.who.role in LEAD_ROLES:
        return
    payload = m.payload if isinstance(m.payload, dict) else {}
    if m.entity == "review_event" and m.op in ("create", "append"):
        data = payload.get("data") if isinstance(payload.get("data"), dict) else {}
        if data.get("kind") in ("approve", "return"):
            raise P.PermanentError("forbidden_role", "只有检查组组长（审核人）可以批准或退回检查记录")
    if m.entity == "inspection" and m.op == "patch":
        fields = payload.get("fields") if isinstance(payload.get("fields"), dict) else {}
        status = fields.get("status")
        if isinstance(status, list) and len(status) == 2 and status[1] in LEAD_STATUSES:
            raise P.PermanentError("forbidden_role", "只有检查组组长（审核人）可以审核、退回、批准或结案")
