"""Team-lead review, the outcome and rectification tracking (domain.md §2 R6–R8, §4.3–4.4).

Review artefacts are append-only: a comment, a return for correction or an approval is a new event, never an
edit. Approval is the lead's countersignature on the signed PDF, bound to the record's content hash."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from inspector_app.domain.agency_time import local
from inspector_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from inspector_app.domain.ids import new_id
from inspector_app.domain.inspection import Status, check_transition
from inspector_app.domain.money import parse_yuan
from inspector_app.domain.rules import Action, Facts, require
from inspector_app.domain.outcomes import (
    DEFAULT_PENALTY_MAP,
    Outcome,
    PenaltyRule,
    RectificationResult,
    articles_in,
    days_left,
)
from inspector_app.services.changes import Changes
from inspector_app.services.context import Actor, ServiceContext, UnitOfWork
from inspector_app.services.inspections import load_inspection
from inspector_app.services.signing import SigningService
from inspector_app.storage.orm import FindingRow, InspectionRow, InstitutionRow, OfficerRow
from inspector_app.storage.records_orm import DocumentRow
from inspector_app.storage.review_orm import OutcomeRow, RectificationRow, ReviewEventRow
from inspector_app.syncproto import payloads

#: What a decided outcome carries on the wire (its decision time travels in the journal, not the payload).
_OUTCOME_CREATE = ("inspection_id", "decided_by", "outcome", "refund_amount", "fine_amount", "articles", "note")


@dataclass(frozen=True, slots=True)
class ReviewEventDTO:
    id: str
    kind: str
    text: str
    finding_id: str | None
    author: str
    content_hash: str | None
    created_at: dt.datetime


@dataclass(frozen=True, slots=True)
class RectificationDTO:
    id: str
    inspection_id: str
    institution_name: str
    deadline: dt.date
    days_left: int
    overdue: bool
    result: str | None
    voluntary_refund: Decimal
    voluntary_refund_on: dt.date | None


@dataclass(frozen=True, slots=True)
class Suggestion:
    article: str
    amount_involved: Decimal
    low: Decimal
    high: Decimal
    note: str


@dataclass(frozen=True, slots=True)
class Dashboard:
    by_status: dict[str, int]
    overdue: list[RectificationDTO]
    open_rectifications: int
    to_refund: Decimal
    refunded: Decimal
    fines: Decimal
    findings_by_article: dict[str, int] = field(default_factory=dict)


class ReviewService:
    def __init__(self, ctx: ServiceContext, signing: SigningService,
                 penalty_map: dict[str, PenaltyRule] | None = None, today: Callable[[], dt.date] | None = None):
        self._ctx = ctx
        self._signing = signing
        self._penalties = penalty_map or DEFAULT_PENALTY_MAP
        self._today = today or (lambda: local(ctx.clock()).date())

    # ------------------------------------------------------------------ roles and moves

    @staticmethod
    def _role(s: Session, actor: Actor) -> str:
        """The signed-in officer's role for the rule book ("" when nobody is signed in: no role may review)."""
        officer = s.get(OfficerRow, actor.officer_id) if actor.officer_id else None
        return officer.role if officer is not None else ""

    def _require(self, s: Session, actor: Actor, action: Action, insp: InspectionRow,
                 facts: Facts = Facts()) -> None:
        require(action, Status(insp.status), self._role(s, actor), facts)

    def _move(self, uow: UnitOfWork, insp: InspectionRow, target: Status,
              payload: dict[str, Any] | None = None) -> None:
        check_transition(Status(insp.status), target)
        old = insp.status
        insp.status = target.value
        insp.updated_at = uow.now
        uow.record(insp.id, f"inspection.status.{target.value}", "inspection", insp.id, "patch",
                   payloads.changes_payload("inspection", {"status": (old, target.value)}, **(payload or {})))

    def _event(self, uow: UnitOfWork, insp: InspectionRow, kind: str, text: str, finding_id: str | None = None,
               content_hash: str | None = None) -> str:
        content_hash = content_hash or insp.content_hash
        row = ReviewEventRow(id=new_id(), inspection_id=insp.id, kind=kind, finding_id=finding_id, text=text,
                             content_hash=content_hash, author=uow.actor.name,
                             author_officer_id=uow.actor.officer_id, created_at=uow.now)
        uow.session.add(row)
        uow.record(insp.id, f"review.{kind}", "review_event", row.id, "append", payloads.create_payload(
            "review_event", row, ("inspection_id", "kind", "finding_id", "text", "content_hash", "author",
                                  "author_officer_id", "created_at")))
        return row.id

    def submit(self, actor: Actor, inspection_id: str) -> Changes:
        with self._ctx.unit(actor) as uow:
            insp = load_inspection(uow.session, inspection_id)
            answered = True
            if Status(insp.status) is Status.RETURNED:
                last_return = uow.session.scalar(select(func.max(ReviewEventRow.created_at)).where(
                    ReviewEventRow.inspection_id == inspection_id, ReviewEventRow.kind == "return"))
                answered = bool(uow.session.scalar(select(func.count()).select_from(DocumentRow).where(
                    DocumentRow.inspection_id == inspection_id, DocumentRow.kind == "addendum",
                    DocumentRow.created_at >= last_return)))
            self._require(uow.session, actor, Action.SUBMIT, insp, Facts(return_answered=answered))
            self._move(uow, insp, Status.SUBMITTED)
            return Changes(inspections=frozenset({inspection_id}))

    def start_review(self, actor: Actor, inspection_id: str) -> Changes:
        with self._ctx.unit(actor) as uow:
            insp = load_inspection(uow.session, inspection_id)
            self._require(uow.session, actor, Action.START_REVIEW, insp)
            self._move(uow, insp, Status.UNDER_REVIEW)
            return Changes(inspections=frozenset({inspection_id}))

    def comment(self, actor: Actor, inspection_id: str, text: str, finding_id: str | None = None) -> Changes:
        if not text.strip():
            raise ValidationError("review.comment_empty", QT_TRANSLATE_NOOP(
                "Errors", "The review comment is empty."))
        with self._ctx.unit(actor) as uow:
            insp = load_inspection(uow.session, inspection_id)
            if finding_id and (f := uow.session.get(FindingRow, finding_id)) is not None \
                    and f.inspection_id != inspection_id:
                raise ValidationError("review.finding_of_other_inspection", QT_TRANSLATE_NOOP(
                    "Errors", "The finding belongs to another inspection."))
            self._event(uow, insp, "comment", text.strip(), finding_id)
            return Changes(inspections=frozenset({inspection_id}))

    def return_for_correction(self, actor: Actor, inspection_id: str, reasons: str) -> Changes:
        if not reasons.strip():
            raise ValidationError("review.return_needs_reasons", QT_TRANSLATE_NOOP(
                "Errors", "Give the reasons for returning the record."))
        with self._ctx.unit(actor) as uow:
            insp = load_inspection(uow.session, inspection_id)
            self._require(uow.session, actor, Action.RETURN, insp)
            self._event(uow, insp, "return", reasons.strip())
            self._move(uow, insp, Status.RETURNED, {"reasons": reasons.strip()})
            return Changes(inspections=frozenset({inspection_id}))

    def approve(self, actor: Actor, inspection_id: str, password: str,
                progress: Callable[[int, str], None] | None = None) -> Changes:
        """The lead's countersignature on the record (keeps the officers' signatures valid), then 已批准."""
        with self._ctx.read() as s:
            insp = load_inspection(s, inspection_id)
            self._require(s, actor, Action.APPROVE, insp)
            doc = s.scalar(select(DocumentRow).where(DocumentRow.inspection_id == inspection_id,
                                                     DocumentRow.kind == "record"))
            if doc is None:
                raise ValidationError("review.no_signed_record", QT_TRANSLATE_NOOP(
                    "Errors", "There is no signed record to approve."))
            # On the signing laptop the inspection holds the hash it froze; a lead's laptop has the document's.
            if insp.content_hash and doc.content_hash != insp.content_hash:
                raise ValidationError("review.content_changed", QT_TRANSLATE_NOOP(
                    "Errors", "The record's content hash differs from the signed one; it cannot be approved."))
            content = doc.content_hash
        assert actor.officer_id is not None
        self._signing.countersign(actor, doc.id, actor.officer_id, password, progress)
        with self._ctx.unit(actor) as uow:
            insp = load_inspection(uow.session, inspection_id)
            self._event(uow, insp, "approve", "批准", content_hash=content)
            self._move(uow, insp, Status.APPROVED)
            return Changes(inspections=frozenset({inspection_id}))

    def events(self, inspection_id: str) -> list[ReviewEventDTO]:
        with self._ctx.read() as s:
            rows = s.scalars(select(ReviewEventRow).where(ReviewEventRow.inspection_id == inspection_id)
                             .order_by(ReviewEventRow.created_at)).all()
            return [ReviewEventDTO(r.id, r.kind, r.text, r.finding_id, r.author, r.content_hash, r.created_at)
                    for r in rows]

    def queue(self) -> list[str]:
        """Inspections waiting for the lead: submitted or under review, oldest first."""
        with self._ctx.read() as s:
            return list(s.scalars(select(InspectionRow.id).where(
                InspectionRow.status.in_([Status.SUBMITTED.value, Status.UNDER_REVIEW.value]))
                .order_by(InspectionRow.updated_at)))

    # ------------------------------------------------------------------ outcome

    def suggest(self, inspection_id: str) -> list[Suggestion]:
        """Suggested fine ranges per 条例 article from the findings' penalty articles and amounts."""
        with self._ctx.read() as s:
            findings = s.scalars(select(FindingRow).where(FindingRow.inspection_id == inspection_id,
                                                          FindingRow.deleted_at.is_(None))).all()
        by_article: dict[str, Decimal] = {}
        for f in findings:
            for article in articles_in(f.penalty_article):
                by_article[article] = by_article.get(article, Decimal("0.00")) + f.amount_involved
        out = []
        for article, amount in by_article.items():
            rule = self._penalties.get(article)
            if rule:
                low, high = rule.suggest(amount)
                out.append(Suggestion(article, amount, low, high, rule.note))
        return out

    def set_outcome(self, actor: Actor, inspection_id: str, outcome: Outcome, refund: str | Decimal = "0",
                    fine: str | Decimal = "0", articles: str = "", note: str = "") -> Changes:
        refund_d, fine_d = parse_yuan(refund), parse_yuan(fine)
        if outcome is Outcome.NO_PROBLEM and (refund_d or fine_d):
            raise ValidationError("review.no_problem_with_amounts", QT_TRANSLATE_NOOP(
                "Errors", "“No problem found” cannot come with a refund or a fine."))
        with self._ctx.unit(actor) as uow:
            insp = load_inspection(uow.session, inspection_id)
            self._require(uow.session, actor, Action.SET_OUTCOME, insp)
            row = uow.session.get(OutcomeRow, inspection_id)
            if row is None:
                row = OutcomeRow(inspection_id=inspection_id, outcome=outcome.value, refund_amount=refund_d,
                                 fine_amount=fine_d, articles=articles, note=note, decided_by=actor.name,
                                 decided_at=uow.now)
                uow.session.add(row)
                uow.record(inspection_id, "outcome.decided", "outcome", inspection_id, "create",
                           payloads.create_payload("outcome", row, _OUTCOME_CREATE))
            else:
                patch = payloads.changes_payload("outcome", {
                    "outcome": (row.outcome, outcome.value), "refund_amount": (row.refund_amount, refund_d),
                    "fine_amount": (row.fine_amount, fine_d)})
                row.outcome, row.refund_amount, row.fine_amount = outcome.value, refund_d, fine_d
                row.articles, row.note, row.decided_by, row.decided_at = articles, note, actor.name, uow.now
                uow.record(inspection_id, "outcome.changed", "outcome", inspection_id, "patch", patch)
            if outcome is Outcome.RECTIFY and Status(insp.status) is Status.APPROVED:
                self._open_rectification(uow, insp)
            return Changes(inspections=frozenset({inspection_id}))

    # ------------------------------------------------------------------ rectification

    def _open_rectification(self, uow: UnitOfWork, insp: InspectionRow) -> None:
        notice = uow.session.scalar(select(DocumentRow).where(DocumentRow.inspection_id == insp.id,
                                                              DocumentRow.kind == "notice")
                                    .order_by(DocumentRow.created_at.desc()))
        if notice is None:
            raise ValidationError("review.notice_needed", QT_TRANSLATE_NOOP(
                "Errors", "Ordering a rectification needs a rectification notice (with its deadline) first."))
        # a served notice's period runs from the served date (services/service_receipts.py)
        deadline = dt.date.fromisoformat(notice.payload.get("effective_deadline") or notice.payload["deadline"])
        row = RectificationRow(id=new_id(), inspection_id=insp.id, notice_document_id=notice.id, deadline=deadline,
                               created_at=uow.now, updated_at=uow.now)
        uow.session.add(row)
        uow.record(insp.id, "rectification.opened", "rectification", row.id, "create", payloads.create_payload(
            "rectification", row, ("inspection_id", "deadline"), extra={"notice": notice.number}))
        self._move(uow, insp, Status.RECTIFICATION)

    def record_voluntary_refund(self, actor: Actor, rectification_id: str, amount: str | Decimal,
                                on: dt.date) -> Changes:
        """A refund the institution made of its own accord: a leniency factor (seed 004)."""
        value = parse_yuan(amount)
        with self._ctx.unit(actor) as uow:
            row = uow.session.get(RectificationRow, rectification_id)
            if row is None:
                raise ValidationError("rectification.not_found", QT_TRANSLATE_NOOP(
                    "Errors", "The rectification does not exist."))
            # the old refund date is sent as unknown (None), as it always was: a refund is recorded once
            patch = payloads.changes_payload("rectification", {"voluntary_refund": (row.voluntary_refund, value),
                                                               "voluntary_refund_on": (None, on)})
            row.voluntary_refund, row.voluntary_refund_on, row.updated_at = value, on, uow.now
            uow.record(row.inspection_id, "rectification.refund", "rectification", row.id, "patch", patch)
            return Changes(inspections=frozenset({row.inspection_id}))

    def close(self, actor: Actor, inspection_id: str) -> Changes:
        with self._ctx.unit(actor) as uow:
            insp = load_inspection(uow.session, inspection_id)
            open_ = uow.session.scalar(select(func.count()).select_from(RectificationRow).where(
                RectificationRow.inspection_id == inspection_id, RectificationRow.result.is_(None)))
            self._require(uow.session, actor, Action.CLOSE, insp, Facts(
                rectification_reviewed=not open_,
                outcome_decided=uow.session.get(OutcomeRow, inspection_id) is not None))
            self._move(uow, insp, Status.CLOSED)
            return Changes(inspections=frozenset({inspection_id}))

    def rectifications(self) -> list[RectificationDTO]:
        today = self._today()
        with self._ctx.read() as s:
            rows = s.execute(select(RectificationRow, InstitutionRow.name)
                             .join(InspectionRow, InspectionRow.id == RectificationRow.inspection_id)
                             .join(InstitutionRow, InstitutionRow.id == InspectionRow.institution_id)
                             .order_by(RectificationRow.deadline)).all()
            return [RectificationDTO(r.id, r.inspection_id, name, r.deadline, days_left(r.deadline, today),
                                     r.result is None and r.deadline < today or r.result == RectificationResult.OVERDUE,
                                     r.result, r.voluntary_refund, r.voluntary_refund_on) for r, name in rows]

    def dashboard(self) -> Dashboard:
        rects = self.rectifications()
        with self._ctx.read() as s:
            by_status = dict(s.execute(select(InspectionRow.status, func.count())
                                       .where(InspectionRow.deleted_at.is_(None)).group_by(InspectionRow.status)).all())
            outcomes = s.scalars(select(OutcomeRow)).all()
            penalties = s.scalars(select(FindingRow.penalty_article).where(FindingRow.deleted_at.is_(None))).all()
        counts: Counter[str] = Counter()
        for text in penalties:
            for article in articles_in(text) or ["（未注明）"]:
                counts[article] += 1
        return Dashboard(
            by_status=by_status, overdue=[r for r in rects if r.overdue],
            open_rectifications=sum(1 for r in rects if r.result is None),
            to_refund=sum((o.refund_amount for o in outcomes), Decimal("0.00")),
            refunded=sum((r.voluntary_refund for r in rects), Decimal("0.00")),
            fines=sum((o.fine_amount for o in outcomes), Decimal("0.00")),
            findings_by_article=dict(counts.most_common()))
