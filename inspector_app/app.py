"""Composition root: paths, database (migrated), checklist library and services, built once and passed down.

Nothing here imports Qt; `launch_gui` hands the finished context to the ui package.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from inspector_app.catalog.library_cache import load_library_cached
from inspector_app.catalog.loader import Library
from inspector_app.domain import agency_time
from inspector_app.domain.outcomes import load_penalty_map
from inspector_app.paths import AppPaths, resolve_paths
from inspector_app.resources import forms_dir
from inspector_app.services.context import ServiceContext, UnitOfWork, utc_now
from inspector_app.services.coverage import CoverageService
from inspector_app.services.documents import DocumentService
from inspector_app.services.draw_records import DrawRecordService
from inspector_app.services.draws import DrawService
from inspector_app.services.evidence import EvidenceService
from inspector_app.services.findings import FindingService
from inspector_app.services.inspections import InspectionService
from inspector_app.services.journal import JournalService
from inspector_app.services.queries import QueryService
from inspector_app.services.keys import KeyService
from inspector_app.services.plans import PlanService
from inspector_app.services.reinspection import ReinspectionService
from inspector_app.services.review import ReviewService
from inspector_app.services.roster import RosterService
from inspector_app.services.signin import SessionService
from inspector_app.services.signing import SigningService
from inspector_app.services.verification import VerificationService
from inspector_app.storage import conversion
from inspector_app.storage.blob_store import BlobStore
from inspector_app.storage.migrate import MigrationResult, open_database
from inspector_app.storage.sqlcipher import db_key
from inspector_app.storage.vault import FileVault

if TYPE_CHECKING:
    from inspector_app.services.case_file import CaseFileService
    from inspector_app.services.inquiries import InquiryService
    from inspector_app.services.recordings import RecordingService
    from inspector_app.services.seizures import SeizureService
    from inspector_app.services.service_receipts import ServiceReceiptService
    from inspector_app.services.evidence_list import EvidenceListService
    from inspector_app.services.leads import LeadService
    from inspector_app.services.lead_review import LeadReviewService
    from inspector_app.services.lead_sample import LeadSampleService
    from inspector_app.services.selfcheck import CampaignService

log = logging.getLogger(__name__)


@dataclass
class AppContext:
    paths: AppPaths
    engine: Engine
    migration: MigrationResult
    library: Library
    ctx: ServiceContext
    roster: RosterService
    inspections: InspectionService
    findings: FindingService
    queries: QueryService
    journal: JournalService
    keys: KeyService
    signing: SigningService
    documents: DocumentService
    review: ReviewService
    reinspections: ReinspectionService
    verification: VerificationService
    evidence: EvidenceService
    session: SessionService
    plans: PlanService
    draws: DrawService
    draw_records: DrawRecordService
    coverage: CoverageService
    make_case_files: Callable[[], CaseFileService]

    @functools.cached_property
    def inquiries(self) -> InquiryService:
        """询问笔录 (services/inquiries.py); built from the same context on first use."""
        from inspector_app.services.inquiries import InquiryService

        return InquiryService(self.ctx, self.keys)

    @functools.cached_property
    def recordings(self) -> RecordingService:
        """Audio/video evidence and the 音像记录 register (services/recordings.py)."""
        from inspector_app.services.recordings import RecordingService

        return RecordingService(self.ctx, self.evidence)

    @functools.cached_property
    def seizures(self) -> SeizureService:
        """封存 / 先行登记保存 (services/seizures.py)."""
        from inspector_app.services.seizures import SeizureService

        return SeizureService(self.ctx, self.keys)

    @functools.cached_property
    def service_receipts(self) -> ServiceReceiptService:
        """送达回证 (services/service_receipts.py)."""
        from inspector_app.services.service_receipts import ServiceReceiptService

        return ServiceReceiptService(self.ctx, self.keys)

    @functools.cached_property
    def evidence_list(self) -> EvidenceListService:
        """The 证据清单's columns and the party's confirmation (services/evidence_list.py)."""
        from inspector_app.services.evidence_list import EvidenceListService

        return EvidenceListService(self.ctx)

    @functools.cached_property
    def case_files(self) -> CaseFileService:
        """Made on first use: the case file needs ReportLab and pyHanko, which start-up does not."""
        return self.make_case_files()

    @functools.cached_property
    def leads(self) -> LeadService:
        """Data leads (数据比对); made on first use (the XLSX reader is only loaded when an extract is read)."""
        from inspector_app.services.leads import LeadService

        return LeadService(self.ctx)

    @functools.cached_property
    def campaigns(self) -> CampaignService:
        """Campaigns and self-inspection returns (自查自纠)."""
        from inspector_app.services.selfcheck import CampaignService

        return CampaignService(self.ctx)

    @functools.cached_property
    def lead_review(self) -> LeadReviewService:
        """On site: the inspection's leads confirmed or rejected; the leniency advice of the outcome."""
        from inspector_app.services.lead_review import LeadReviewService

        return LeadReviewService(self.ctx, self.campaigns)

    @functools.cached_property
    def lead_samples(self) -> LeadSampleService:
        """On site: chosen leads fill the rows of a checklist item's sample table."""
        from inspector_app.services.lead_sample import LeadSampleService

        return LeadSampleService(self.ctx)

    def close(self) -> None:
        self.engine.dispose()
        self.ctx.blobs.vault.close()  # wipes the private folder of decrypted copies


def queue_sync_sign(uow: UnitOfWork, inspection_id: str) -> None:
    """The sync protocol's `sign` (compare-and-set on the content the server holds), in the freezing transaction."""
    from inspector_app.sync import local

    from inspector_app.syncproto import payloads

    uow.outbox("inspection", inspection_id, "sign",
               payloads.sign_payload(local.signing_hash(uow.session, inspection_id), uow.actor.label))


def build_context(data_dir: str | None = None, clock: Callable[[], dt.datetime] = utc_now,
                  device: str | None = None, workspace_key: bytes | None = None) -> AppContext:
    """`workspace_key`: the 32-byte key unlocked from the officer's key slot (services/signin.py). It encrypts
    the workspace at rest (SQLCipher database, AES-GCM files); None keeps a workspace without key slots plain."""
    paths = resolve_paths(data_dir).ensure()
    agency_time.configure(paths.config_dir)  # one time zone for screens, CLI and documents
    if workspace_key is not None and conversion.needed(paths):
        conversion.convert(paths, workspace_key)  # a plain workspace's first start with a key; resumable
    migration = open_database(paths.database, paths.backups_dir, key=db_key(workspace_key))
    if migration.backup:
        log.info("database backed up to %s before migrating %s → %s", migration.backup,
                 migration.from_revision, migration.to_revision)
    library = load_library_cached(forms_dir(), paths.cache_dir)
    for problem in library.problems:
        log.warning("checklist refused: %s", problem)
    vault = FileVault(workspace_key)
    ctx = ServiceContext(migration.engine, BlobStore(paths.blobs_dir, vault), clock=clock, device=device)
    evidence = EvidenceService(ctx, paths.thumbnails_dir)
    keys = KeyService(paths.keys_dir, vault)
    def print_image(evidence_id: str) -> Path:
        from inspector_app.services.photo_stamp import print_copy  # stamped when the photo asked for it

        return print_copy(evidence, evidence_id, 1600)

    signing = SigningService(ctx, keys, print_image=print_image, on_frozen=queue_sync_sign)
    journal = JournalService(ctx)
    inspections = InspectionService(ctx, library)
    draws = DrawService(ctx, inspections, library, rules_file=paths.config_dir / "draw-rules.toml")

    def make_case_files() -> CaseFileService:
        from inspector_app.services.case_file import CaseFileService
        from inspector_app.services.lead_review import LeadReviewService
        from inspector_app.services.selfcheck import CampaignService

        # The case file prints the outcome's self-inspection advice (从轻/从重 with its reasons).
        return CaseFileService(ctx, signing, evidence, journal, keys,
                               LeadReviewService(ctx, CampaignService(ctx)).leniency_for)

    return AppContext(
        paths=paths, engine=migration.engine, migration=migration, library=library, ctx=ctx,
        roster=RosterService(ctx), inspections=inspections, findings=FindingService(ctx),
        queries=QueryService(ctx), journal=journal, evidence=evidence, keys=keys, signing=signing,
        documents=DocumentService(ctx, keys, print_image), verification=VerificationService(keys, signing),
        review=ReviewService(ctx, signing, load_penalty_map(paths.config_dir / "penalties.toml")),
        reinspections=ReinspectionService(ctx, keys, print_image),
        make_case_files=make_case_files,
        session=SessionService(ctx),
        plans=PlanService(ctx, set(library.templates)),
        draws=draws, draw_records=DrawRecordService(ctx, draws, keys), coverage=CoverageService(ctx),
    )


def render_screenshots(app: AppContext, out: Path, lang: str) -> list[Path]:
    from inspector_app.ui.screenshot import render

    return render(app, out, lang)


def launch_gui(data_dir: str | None = None, lang: str | None = None) -> int:
    from inspector_app.desktop import launch_gui as launch

    return launch(data_dir, lang)  # the sign-in window first, the core imported behind it (desktop.py)


def restore_workspace(data_dir: str | None, backup: Path, workspace_key: bytes | None = None) -> Path | None:
    """`inspector restore --from BACKUP`: check the backup (full integrity check, this app's schema, decrypts with
    the workspace key), put the current (corrupt) database aside under corrupt/, copy the backup in. Returns where
    the old file went. Raises integrity.BackupRefused, leaving the workspace untouched, when the backup is unusable."""
    from inspector_app.storage import integrity
    from inspector_app.storage.migrate import known_revisions

    paths = resolve_paths(data_dir).ensure()
    return integrity.restore_database(paths.database, Path(backup), db_key(workspace_key), known_revisions())
