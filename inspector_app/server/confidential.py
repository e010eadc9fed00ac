"""Confidential delivery of drafts made by a 双随机 draw (issue 14; seed 003 §七.3 不得向被检查对象透露检查信息).

Who is inspected, and by whom, is known to as few people as possible until the visit starts. So an inspection created
with a `draw_id` in status 草稿 is *restricted* (table restricted_inspections): the change feed serves it and every
record under it (team members, answers, pinned templates, the plan-item link, their conflicts) only to
- the account that drew it (the lead whose push created it), and
- the accounts of the officers named in its team (users.officer_id = a team_member's officer_id, not deleted);
nobody else, administrators included. Pushes touching a restricted inspection from any other account are refused as
if the record belonged to another team. When its status leaves 草稿 (the visit starts, or the draft is cancelled) the
restriction is lifted and every record under it is put into the feed again, so the rest of the team receives it at
its next pull although its cursor passed the original changes.

Draws and their signed records (who was drawn, the seed, the pool) are served to the planners of the team only
(rule book PLANNER_ROLES): an inspector learns of an assignment through the draft, not through the draw.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector_app import syncproto as P
from inspector_app.domain.rules import PLANNER_ROLES
from inspector_app.server.auth import Principal
from inspector_app.server.feed import CONFLICT_ENTITY, Ctx, emit
from inspector_app.server.models import Conflict, Record, RestrictedInspection

PLANNERS_ONLY = frozenset({"draw", "draw_record"})
_CACHE = "restricted_cache"   # Session.info key: inspection id -> RestrictedInspection | None, for one request


def _restriction(s: Session, inspection_id: str) -> RestrictedInspection | None:
    cache: dict[str, RestrictedInspection | None] = s.info.setdefault(_CACHE, {})
    if inspection_id not in cache:
        cache[inspection_id] = s.get(RestrictedInspection, inspection_id)
    row = cache[inspection_id]
    return row if row is not None and row.released_at is None else None


def _members(s: Session, inspection_ids: Iterable[str]) -> dict[str, set[str]]:
    """inspection id -> officer ids of its (not deleted) team members."""
    out: dict[str, set[str]] = {}
    ids = sorted(set(inspection_ids))
    for n in range(0, len(ids), 500):
        for r in s.scalars(select(Record).where(Record.entity == "team_member", Record.parent_id.in_(ids[n:n + 500]),
                                                Record.deleted.is_(False))):
            if r.parent_id is not None and isinstance(r.data.get("officer_id"), str):
                out.setdefault(r.parent_id, set()).add(r.data["officer_id"])
    return out


def _admitted(who: Principal, row: RestrictedInspection, members: set[str]) -> bool:
    return who.user_id == row.drawn_by or (who.officer_id is not None and who.officer_id in members)


def on_created(c: Ctx, rec: Record) -> None:
    """An inspection created by a draw, still a draft: restrict it from the start."""
    draw_id = rec.data.get("draw_id")
    if rec.entity != "inspection" or not isinstance(draw_id, str) or rec.data.get("status") != "draft":
        return
    row = RestrictedInspection(inspection_id=rec.id, draw_id=draw_id, drawn_by=c.who.user_id, created_at=c.now)
    c.s.add(row)
    c.s.info.setdefault(_CACHE, {})[rec.id] = row


def check_access(c: Ctx, root: Record | None) -> None:
    """A push touching a restricted inspection by an account not admitted to it is refused."""
    if root is None:
        return
    row = _restriction(c.s, root.id)
    if row is not None and not _admitted(c.who, row, _members(c.s, [root.id]).get(root.id, set())):
        raise P.PermanentError("forbidden_team", "该记录不属于你所在的检查组，无权修改")


def on_status_change(c: Ctx, rec: Record, old_status: Any) -> None:
    """The visit starts (the status leaves 草稿): lift the restriction and feed every record under it again."""
    if rec.entity != "inspection" or old_status != "draft" or rec.data.get("status") == "draft":
        return
    row = _restriction(c.s, rec.id)
    if row is None:
        return
    row.released_at = c.now
    c.s.flush()
    children = list(c.s.scalars(select(Record).where(Record.parent_id == rec.id, Record.entity != "inspection")))
    grand = list(c.s.scalars(select(Record).where(Record.parent_id.in_([r.id for r in children]))))
    records = [*children, *grand]
    for r in records:
        emit(c, r.entity, r.id, r.version, r.team_id)
    ids = [rec.id, *(r.id for r in records)]
    for conflict in c.s.scalars(select(Conflict).where(Conflict.id.in_(ids))):
        emit(c, CONFLICT_ENTITY, conflict.conflict_id, 2 if conflict.status != "open" else 1, conflict.team_id)


def _reaches_inspection(entity: str | None) -> bool:
    for _ in range(6):
        if entity is None:
            return False
        if entity == "inspection":
            return True
        entity = P.ENTITIES[entity].parent_entity if entity in P.ENTITIES else None
    return False


def _root_of(s: Session, entity: str, rid: str, data: Any, parent_id: str | None) -> str | None:
    spec = P.ENTITIES.get(entity)
    if entity == "inspection":
        return rid
    if spec is None:
        return None
    if spec.parent_entity == "inspection":
        return parent_id
    if spec.parent_entity is not None and not _reaches_inspection(spec.parent_entity):
        return None   # plans, plan items, draws: never under an inspection (no lookup)
    if spec.parent_entity is not None and parent_id is not None:
        parent = s.get(Record, (spec.parent_entity, parent_id))
        return _root_of(s, parent.entity, parent.id, parent.data, parent.parent_id) if parent is not None else None
    inspection_id = data.get("inspection_id") if isinstance(data, dict) else None
    return inspection_id if isinstance(inspection_id, str) else None


def withheld(s: Session, who: Principal, rec: Record) -> bool:
    """Whether this record is withheld from this account (a draw's record, or under a restricted draft)."""
    return (rec.entity, rec.id) in hidden(s, who, {(rec.entity, rec.id): rec})


def hidden(s: Session, who: Principal, loaded: dict[tuple[str, str], Any]) -> set[tuple[str, str]]:
    """The keys of a pull page (records and conflicts) this account must not receive."""
    out: set[tuple[str, str]] = set()
    roots: dict[tuple[str, str], str] = {}
    for key, row in loaded.items():
        if key[0] == CONFLICT_ENTITY:
            entity, rid = row.entity, row.id
            rec = s.get(Record, (entity, rid))
            payload = row.payload if isinstance(row.payload, dict) else {}
            data, parent = (rec.data, rec.parent_id) if rec is not None else (payload.get("data"), row.parent_id)
        else:
            entity, rid, data, parent = row.entity, row.id, row.data, row.parent_id
        if entity in PLANNERS_ONLY and who.role not in PLANNER_ROLES:
            out.add(key)
            continue
        root = _root_of(s, entity, rid, data, parent)
        if root is not None:
            roots[key] = root
    if not roots:
        return out
    wanted = sorted(set(roots.values()))
    restricted: dict[str, RestrictedInspection] = {}
    for n in range(0, len(wanted), 500):
        restricted.update((r.inspection_id, r) for r in s.scalars(select(RestrictedInspection).where(
            RestrictedInspection.inspection_id.in_(wanted[n:n + 500]), RestrictedInspection.released_at.is_(None))))
    if not restricted:
        return out
    members = _members(s, restricted)
    for key, root in roots.items():
        row = restricted.get(root)
        if row is not None and not _admitted(who, row, members.get(root, set())):
            out.add(key)
    return out
