"""The typed seam between the UI and the services: what a widget may reach through ``Operations.app``.

The composition root (``app.py``'s AppContext) satisfies this Protocol structurally; mypy checks every
``ops.app.<service>.<method>(...)`` call in the checked modules against the real service signatures
(tests/test_static_checks.py). The services' own types are imported for checking only, so importing the UI does
not load them earlier than it did (start-up time)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from inspector_app.catalog.loader import Library
    from inspector_app.paths import AppPaths
    from inspector_app.services.case_file import CaseFileService
    from inspector_app.services.context import ServiceContext
    from inspector_app.services.coverage import CoverageService
    from inspector_app.services.draw_records import DrawRecordService
    from inspector_app.services.draws import DrawService
    from inspector_app.services.inquiries import InquiryService
    from inspector_app.services.plans import PlanService
    from inspector_app.services.service_receipts import ServiceReceiptService
    from inspector_app.services.documents import DocumentService
    from inspector_app.services.evidence import EvidenceService
    from inspector_app.services.findings import FindingService
    from inspector_app.services.inspections import InspectionService
    from inspector_app.services.keys import KeyService
    from inspector_app.services.lead_review import LeadReviewService
    from inspector_app.services.lead_sample import LeadSampleService
    from inspector_app.services.queries import QueryService
    from inspector_app.services.reinspection import ReinspectionService
    from inspector_app.services.review import ReviewService
    from inspector_app.services.roster import RosterService
    from inspector_app.services.signin import SessionService
    from inspector_app.services.signing import SigningService
    from inspector_app.services.verification import VerificationService


class Services(Protocol):
    """The services the UI uses (read-only attributes: the UI never replaces a service)."""

    @property
    def paths(self) -> AppPaths: ...
    @property
    def library(self) -> Library: ...
    @property
    def ctx(self) -> ServiceContext: ...  # the clock and the blob store (viewer copies) only
    @property
    def roster(self) -> RosterService: ...
    @property
    def inspections(self) -> InspectionService: ...
    @property
    def findings(self) -> FindingService: ...
    @property
    def queries(self) -> QueryService: ...
    @property
    def keys(self) -> KeyService: ...
    @property
    def signing(self) -> SigningService: ...
    @property
    def documents(self) -> DocumentService: ...
    @property
    def review(self) -> ReviewService: ...
    @property
    def reinspections(self) -> ReinspectionService: ...
    @property
    def verification(self) -> VerificationService: ...
    @property
    def evidence(self) -> EvidenceService: ...
    @property
    def session(self) -> SessionService: ...
    @property
    def case_files(self) -> CaseFileService: ...
    @property
    def inquiries(self) -> InquiryService: ...
    @property
    def service_receipts(self) -> ServiceReceiptService: ...
    @property
    def plans(self) -> PlanService: ...
    @property
    def draws(self) -> DrawService: ...
    @property
    def draw_records(self) -> DrawRecordService: ...
    @property
    def coverage(self) -> CoverageService: ...
    @property
    def lead_review(self) -> LeadReviewService: ...
    @property
    def lead_samples(self) -> LeadSampleService: ...
