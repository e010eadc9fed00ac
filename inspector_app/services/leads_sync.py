"""Outbox rows of the intake data (syncproto entities lead, campaign, campaign_institution, selfcheck_return,
selfcheck_problem), written in the caller's unit of work so the domain rows and their outbox rows commit together
(transactional outbox). Payloads come from the declarations (syncproto.payloads).

Only leads assigned to a roster institution are sent: the server gives each to the team the institution is
assigned to. A lead carries its patient as the keyed hash and the masked hint only, like the local table.
"""

from __future__ import annotations

from collections.abc import Iterable
from sqlalchemy import select

from inspector_app.services.context import UnitOfWork
from inspector_app.storage.campaign_orm import CampaignRow, SelfCheckProblemRow, SelfCheckReturnRow
from inspector_app.storage.leads_orm import LeadRow
from inspector_app.syncproto import payloads


def queue_import(uow: UnitOfWork, import_id: str) -> int:
    """A create for every lead of the import that names a roster institution; returns how many."""
    n = 0
    for row in uow.session.scalars(select(LeadRow).where(LeadRow.import_id == import_id,
                                                         LeadRow.institution_id.is_not(None))):
        uow.outbox("lead", row.id, "create", payloads.create_payload("lead", row))
        n += 1
    return n


def queue_campaign(uow: UnitOfWork, row: CampaignRow, institution_ids: Iterable[str]) -> None:
    uow.outbox("campaign", row.id, "create", payloads.create_payload("campaign", row))
    for iid in institution_ids:
        uow.outbox("campaign_institution", f"{row.id}:{iid}", "create",
                   payloads.data_payload("campaign_institution", {"campaign_id": row.id, "institution_id": iid}))


def queue_return(uow: UnitOfWork, row: SelfCheckReturnRow, problems: Iterable[SelfCheckProblemRow]) -> None:
    uow.outbox("selfcheck_return", row.id, "create", payloads.create_payload("selfcheck_return", row))
    for p in problems:
        uow.outbox("selfcheck_problem", p.id, "create", payloads.create_payload("selfcheck_problem", p))
