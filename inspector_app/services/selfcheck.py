"""Campaigns and the intake of self-inspection returns (自查自纠): generate the return per institution, import the
filled ones (the file kept as evidence 电子数据 by its SHA-256 in the blob store), flag late returns, and count.

Each import is one transaction with its journal event on the campaign's chain ("campaign:<id>") and the outbox
rows that send the campaign and the return to the sync server (services/leads_sync.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector_app.domain import agency_time
from inspector_app.domain.campaign import CampaignData, SelfReportedProblem
from inspector_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from inspector_app.domain.ids import new_id
from inspector_app.services import leads_sync, selfcheck_xlsx
from inspector_app.services.context import Actor, ServiceContext
from inspector_app.services.leads import file_sha256
from inspector_app.storage.campaign_orm import (
    CampaignInstitutionRow, CampaignRow, SelfCheckProblemRow, SelfCheckReturnRow)
from inspector_app.storage.orm import InstitutionRow


def chain(campaign_id: str) -> str:
    return f"campaign:{campaign_id}"


@dataclass(frozen=True, slots=True)
class ReturnDTO:
    id: str
    campaign_id: str
    institution_id: str
    file_name: str
    sha256: str
    received_on: dt.date
    late: bool
    committed_by: str
    problems: int
    amount_fen: int
    refunded_fen: int


@dataclass(frozen=True, slots=True)
class CampaignStats:
    expected: int
    returned: int
    late: int
    missing: tuple[str, ...]          # institution ids with no return yet
    without_commitment: int
    problems: int
    amount_fen: int                   # self-reported amounts involved
    refunded_fen: int                 # refunded, whenever
    refunded_on_time_fen: int         # refunded by the self-inspection deadline


class CampaignService:
    def __init__(self, ctx: ServiceContext):
        self._ctx = ctx

    def create(self, actor: Actor, data: CampaignData) -> str:
        data.validate()
        with self._ctx.unit(actor) as uow:
            known = set(uow.session.scalars(select(InstitutionRow.id).where(
                InstitutionRow.id.in_(data.institution_ids))))
            for iid in data.institution_ids:
                if iid not in known:
                    raise ValidationError("campaign.unknown_institution", QT_TRANSLATE_NOOP(
                        "Errors", "The institution {id} of the campaign's scope is not in the roster."), id=iid)
            row = CampaignRow(id=new_id(), name=data.name.strip(), scope=data.scope,
                              phases=[{"kind": p.kind.value, "starts_on": p.starts_on.isoformat(),
                                       "ends_on": p.ends_on.isoformat()} for p in data.phases],
                              items=[{"id": i.id, "label": i.label} for i in data.items],
                              self_check_deadline=data.self_check_deadline, created_by=actor.label,
                              created_at=uow.now)
            uow.session.add(row)
            uow.session.flush()
            for iid in dict.fromkeys(data.institution_ids):
                uow.session.add(CampaignInstitutionRow(campaign_id=row.id, institution_id=iid))
            leads_sync.queue_campaign(uow, row, dict.fromkeys(data.institution_ids))
            uow.journal(chain(row.id), "campaign.created", {
                "entity": "campaign", "id": row.id, "name": row.name, "phases": row.phases,
                "deadline": row.self_check_deadline.isoformat(), "institutions": len(set(data.institution_ids))})
            return row.id

    def _campaign(self, s: Session, campaign_id: str) -> CampaignRow:
        row = s.get(CampaignRow, campaign_id)
        if row is None:
            raise ValidationError("campaign.not_found", QT_TRANSLATE_NOOP("Errors", "The campaign does not exist."))
        return row

    def write_return_form(self, campaign_id: str, institution_id: str, path: Path) -> Path:
        """The fillable return (XLSX) for one institution of the campaign's scope."""
        with self._ctx.read() as s:
            c = self._campaign(s, campaign_id)
            inst = s.get(InstitutionRow, institution_id)
            if inst is None or s.get(CampaignInstitutionRow, (campaign_id, institution_id)) is None:
                raise ValidationError("campaign.institution_not_in_scope", QT_TRANSLATE_NOOP(
                    "Errors", "The institution is not in the campaign's scope."))
            campaign = {"id": c.id, "name": c.name, "deadline": c.self_check_deadline,
                        "items": [(i["id"], i["label"]) for i in c.items]}
            institution = {"id": inst.id, "name": inst.name, "code": inst.designation_code}
        return selfcheck_xlsx.write_return(Path(path), campaign, institution)

    def import_return(self, actor: Actor, path: Path, *, received_on: dt.date | None = None,
                      source: str = "") -> ReturnDTO:
        path = Path(path)
        if not path.is_file():
            raise ValidationError("leads.file_not_found", QT_TRANSLATE_NOOP("Errors", "{file}: no such file."),
                                  file=path.name)
        read = selfcheck_xlsx.read_return(path)
        with self._ctx.read() as s:
            c = self._campaign(s, read.campaign_id)
            items = {i["id"] for i in c.items}
        read = selfcheck_xlsx.read_return(path, items)  # again, now checking the items against the campaign
        sha = file_sha256(path)
        stored = self._ctx.blobs.put_file(path)  # 电子数据: the file as received, fsynced before its row exists
        if stored.sha256 != sha:
            raise ValidationError("selfcheck.changed_while_reading", QT_TRANSLATE_NOOP(
                "Errors", "{file} changed while it was being read; import it again."), file=path.name)
        with self._ctx.unit(actor) as uow:
            s = uow.session
            c = self._campaign(s, read.campaign_id)
            if s.get(CampaignInstitutionRow, (c.id, read.institution_id)) is None:
                raise ValidationError("campaign.institution_not_in_scope", QT_TRANSLATE_NOOP(
                    "Errors", "The institution is not in the campaign's scope."))
            if s.scalar(select(SelfCheckReturnRow.id).where(SelfCheckReturnRow.campaign_id == c.id,
                                                            SelfCheckReturnRow.institution_id
                                                            == read.institution_id)) is not None:
                raise ValidationError("selfcheck.already_returned", QT_TRANSLATE_NOOP(
                    "Errors", "{file}: this institution's return for the campaign has already been imported."),
                    file=path.name)
            day = received_on or agency_time.today(uow.now)
            row = SelfCheckReturnRow(id=new_id(), campaign_id=c.id, institution_id=read.institution_id,
                                     file_name=path.name, sha256=sha, source=source, received_on=day,
                                     late=day > c.self_check_deadline, committed_by=read.committed_by,
                                     committed_on=read.committed_on, imported_by=actor.label, imported_at=uow.now)
            s.add(row)
            s.flush()
            problems = [SelfCheckProblemRow(id=new_id(), return_id=row.id, row_no=r, item_id=p.item_id,
                                            description=p.description, amount_fen=p.amount_fen,
                                            refunded_fen=p.refunded_fen, refunded_on=p.refunded_on,
                                            receipt_no=p.receipt_no, measures=p.measures) for r, p in read.problems]
            s.add_all(problems)
            leads_sync.queue_return(uow, row, problems)
            amount = sum(p.amount_fen for _r, p in read.problems)
            refunded = sum(p.refunded_fen for _r, p in read.problems)
            uow.journal(chain(c.id), "selfcheck.imported", {
                "entity": "selfcheck_return", "id": row.id, "institution_id": read.institution_id,
                "file": path.name, "sha256": sha, "source": source, "received_on": day.isoformat(),
                "late": row.late, "problems": len(read.problems), "amount_fen": amount, "refunded_fen": refunded,
                "committed_by": read.committed_by})
            return ReturnDTO(row.id, c.id, row.institution_id, row.file_name, sha, day, row.late, row.committed_by,
                             len(read.problems), amount, refunded)

    def problems(self, campaign_id: str, institution_id: str) -> tuple[dt.date, list[SelfReportedProblem]] | None:
        """What an institution self-reported in the campaign, with the deadline; None when it sent no return."""
        with self._ctx.read() as s:
            c = self._campaign(s, campaign_id)
            ret = s.scalar(select(SelfCheckReturnRow).where(SelfCheckReturnRow.campaign_id == campaign_id,
                                                            SelfCheckReturnRow.institution_id == institution_id))
            if ret is None:
                return None
            rows = s.scalars(select(SelfCheckProblemRow).where(SelfCheckProblemRow.return_id == ret.id)
                             .order_by(SelfCheckProblemRow.row_no))
            return c.self_check_deadline, [SelfReportedProblem(p.item_id, p.description, p.amount_fen,
                                                               p.refunded_fen, p.refunded_on, p.receipt_no,
                                                               p.measures) for p in rows]

    def deadline(self, campaign_id: str) -> dt.date:
        with self._ctx.read() as s:
            return self._campaign(s, campaign_id).self_check_deadline

    def statistics(self, campaign_id: str) -> CampaignStats:
        with self._ctx.read() as s:
            c = self._campaign(s, campaign_id)
            expected = list(s.scalars(select(CampaignInstitutionRow.institution_id)
                                      .where(CampaignInstitutionRow.campaign_id == campaign_id)))
            returns = list(s.scalars(select(SelfCheckReturnRow).where(SelfCheckReturnRow.campaign_id == campaign_id)))
            probs = list(s.scalars(select(SelfCheckProblemRow).where(
                SelfCheckProblemRow.return_id.in_([r.id for r in returns]))))
            got = {r.institution_id for r in returns}
            on_time = sum(p.refunded_fen for p in probs
                          if p.refunded_on is not None and p.refunded_on <= c.self_check_deadline)
            return CampaignStats(len(expected), len(returns), sum(r.late for r in returns),
                                 tuple(sorted(set(expected) - got)), sum(not r.committed_by for r in returns),
                                 len(probs), sum(p.amount_fen for p in probs), sum(p.refunded_fen for p in probs),
                                 on_time)
