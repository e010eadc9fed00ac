"""Institution and officer rosters. Until the sync server delivers them (reference data, class D), they are
maintained locally (demo workspace, imports)."""

from __future__ import annotations

from sqlalchemy import or_, select

from inspector_app.domain.canonical import to_jsonable
from inspector_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from inspector_app.domain.ids import new_id
from inspector_app.domain.roster import InstitutionData, OfficerData
from inspector_app.services.changes import Changes
from inspector_app.services.context import ROSTER_CHAIN, Actor, ServiceContext
from inspector_app.services.dto import InstitutionDTO, OfficerDTO
from inspector_app.services.mappers import institution_dto, officer_dto
from inspector_app.storage.orm import InstitutionRow, OfficerRow


class RosterService:
    def __init__(self, ctx: ServiceContext):
        self._ctx = ctx

    def add_institution(self, actor: Actor, data: InstitutionData) -> tuple[InstitutionDTO, Changes]:
        data.validate()
        code = data.credit_code.strip().upper()
        with self._ctx.unit(actor) as uow:
            clash = uow.session.scalar(select(InstitutionRow.name).where(InstitutionRow.credit_code == code))
            if clash:
                raise ValidationError("institution.credit_code_taken", QT_TRANSLATE_NOOP(
                    "Errors", "The unified social credit code {code} is already used by “{institution}”."), code=code,
                    institution=clash)
            row = InstitutionRow(
                id=new_id(), name=data.name.strip(), category=data.category.value, level=data.level.value,
                ownership=data.ownership.value, credit_code=code, designation_code=data.designation_code,
                address=data.address, legal_representative=data.legal_representative, region=data.region,
                credit_rating=data.credit_rating.value if data.credit_rating else None,
                complaint_count=data.complaint_count, phone=data.phone,
                created_at=uow.now, updated_at=uow.now,
            )
            uow.session.add(row)
            uow.record(ROSTER_CHAIN, "institution.added", "institution", row.id, "create",
                       {"data": to_jsonable(data)})
            return institution_dto(row), Changes(roster=True)

    def add_officer(self, actor: Actor, data: OfficerData) -> tuple[OfficerDTO, Changes]:
        data.validate()
        with self._ctx.unit(actor) as uow:
            clash = uow.session.scalar(select(OfficerRow.name).where(OfficerRow.certificate_no == data.certificate_no))
            if clash:
                raise ValidationError("officer.certificate_taken", QT_TRANSLATE_NOOP(
                    "Errors", "The certificate number {certificate} is already registered to {officer}."),
                    certificate=data.certificate_no, officer=clash)
            row = OfficerRow(id=new_id(), name=data.name.strip(), department=data.department,
                             certificate_no=data.certificate_no.strip(), certificate_expiry=data.certificate_expiry,
                             role=data.role, region=data.region, created_at=uow.now, updated_at=uow.now)
            uow.session.add(row)
            uow.record(ROSTER_CHAIN, "officer.added", "officer", row.id, "create", {"data": to_jsonable(data)})
            return officer_dto(row), Changes(roster=True)

    def institutions(self, search: str = "", category: str | None = None) -> list[InstitutionDTO]:
        with self._ctx.read() as s:
            q = select(InstitutionRow).where(InstitutionRow.deleted_at.is_(None))
            if search:
                like = f"%{search.strip()}%"
                q = q.where(or_(InstitutionRow.name.like(like), InstitutionRow.credit_code.like(like),
                                InstitutionRow.designation_code.like(like), InstitutionRow.region.like(like)))
            if category:
                q = q.where(InstitutionRow.category == category)
            return [institution_dto(r) for r in s.scalars(q.order_by(InstitutionRow.name))]

    def institution(self, institution_id: str) -> InstitutionDTO:
        with self._ctx.read() as s:
            row = s.get(InstitutionRow, institution_id)
            if row is None:
                raise ValidationError("institution.not_found", QT_TRANSLATE_NOOP(
                    "Errors", "The institution does not exist."))
            return institution_dto(row)

    def officers(self) -> list[OfficerDTO]:
        with self._ctx.read() as s:
            q = select(OfficerRow).where(OfficerRow.deleted_at.is_(None)).order_by(OfficerRow.name)
            return [officer_dto(r) for r in s.scalars(q)]

    def officer(self, officer_id: str) -> OfficerDTO:
        with self._ctx.read() as s:
            row = s.get(OfficerRow, officer_id)
            if row is None:
                raise ValidationError("officer.not_found", QT_TRANSLATE_NOOP(
                    "Errors", "The officer does not exist."))
            return officer_dto(row)
