"""Small builders shared by tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

from inspector_app.domain.inspection import InspectionMode, InspectionType
from inspector_app.services.context import Actor


def lead(roster: dict[str, Any]) -> Actor:
    o = roster["officers"][0]
    return Actor(o.name, o.id)


def new_inspection(app: Any, roster: dict[str, Any], officers: tuple[int, ...] = (0, 1),
                   templates: tuple[str, ...] = ("mini",)) -> str:
    iid, _ = app.inspections.create(
        lead(roster), institution_id=roster["hospital"].id, inspection_type=InspectionType.SPECIAL,
        mode=InspectionMode.ADMINISTRATIVE, planned_at=app.ctx.clock(),
        officer_ids=[roster["officers"][i].id for i in officers], template_ids=list(templates),
        period_from=dt.date(2025, 1, 1), period_to=dt.date(2025, 12, 31))
    return iid


def start_on_site(app: Any, roster: dict[str, Any], iid: str, officers: tuple[int, ...] = (0, 1)) -> None:
    actor = lead(roster)
    for i in officers:
        app.inspections.record_credentials_shown(actor, iid, roster["officers"][i].id)
        app.inspections.declare_recusal(actor, iid, roster["officers"][i].id, has_conflict=False)
    app.inspections.start_on_site(actor, iid)


def answer_ids(app: Any, iid: str) -> dict[str, str]:
    return {a.item_id: a.id for a in app.queries.detail(iid).answers}
