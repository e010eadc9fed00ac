"""The case file (案卷, 一案一卷) of an inspection and its publication (公开) — domain.md R12–R14, §3 卷内目录.

Modules: `export` (the sealed ZIP), `verify` + `zipscan` + `journal_check` (offline verification, bounded
memory), `report` (codes and plain-language report), `publication` (masked summary), `common` (layout names, file
naming, the durable ZIP writer). The printed pages (卷内目录, publication) are rendered by records.casefile_pdf and
the seal is records.seal.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from inspector_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from inspector_app.records.casefile_pdf import Sealer, catalogue_pdf, catalogue_text, publication_pdf
from inspector_app.services.case_file.common import MANIFEST, reinspection_folder, safe_name
from inspector_app.services.case_file.export import CaseFileExporter, LeniencyFor, Progress
from inspector_app.services.case_file.ledger import read_ledger
from inspector_app.services.case_file.publication import PublicationResult, publication_masker, write_publication
from inspector_app.services.case_file.report import CODES, CaseFileReport, Problem
from inspector_app.services.case_file.verify import verify_case_file
from inspector_app.services.case_file.zipscan import ScanLimits
from inspector_app.services.context import Actor, ServiceContext
from inspector_app.services.evidence import EvidenceService
from inspector_app.services.journal import JournalService
from inspector_app.services.keys import KeyService
from inspector_app.services.signing import SigningService


class CaseFileService:
    def __init__(self, ctx: ServiceContext, signing: SigningService, evidence: EvidenceService,
                 journal: JournalService, keys: KeyService, leniency: LeniencyFor | None = None):
        self._ctx = ctx
        self._signing = signing
        self._keys = keys
        self._exporter = CaseFileExporter(ctx, signing, evidence, journal, keys, leniency)

    def sealers(self, inspection_id: str) -> list[Sealer]:
        """Who may seal the case file: the officers and the team lead named in the signed record."""
        return self._exporter.sealers(inspection_id)

    def export(self, inspection_id: str, dest_zip: str | Path, *, officer_id: str, password: str,
               progress: Progress | None = None, actor: Actor | None = None) -> Path:
        """Write the case file, sealed with `officer_id`'s certificate (an officer of the record or its lead), and
        register the seal for the server's seal ledger."""
        return self._exporter.export(inspection_id, dest_zip, officer_id=officer_id, password=password,
                                     progress=progress, actor=actor)

    def verify(self, zip_path: str | Path, trust_roots: Sequence[Any] | None = None,
               crls: Sequence[Any] | None = None, *, limits: ScanLimits | None = None,
               ledger: bool = False) -> CaseFileReport:
        """`ledger=True`: also require the seal to be in the seal ledger this workspace pulled from the server."""
        roots = list(trust_roots) if trust_roots is not None else self._keys.trust_roots()
        if not roots:
            raise ValidationError("case_file.no_trust_roots", QT_TRANSLATE_NOOP(
                "Errors", "There is no trusted root certificate: name the agency's CA certificate with --trust, or "
                          "import it into the workspace."))
        entries = None
        if ledger:
            with self._ctx.read() as s:
                entries = read_ledger(s)
        return verify_case_file(zip_path, roots, list(crls) if crls is not None else self._keys.crls(),
                                limits=limits, ledger=entries)

    def publication(self, inspection_id: str, dest: str | Path, *,
                    progress: Progress | None = None) -> PublicationResult:
        """The publication summary (公开) as `dest` (PDF) and the same name with .json, personal data masked."""
        return write_publication(self._ctx, self._signing, inspection_id, dest, progress=progress)


__all__ = ["CODES", "MANIFEST", "CaseFileReport", "CaseFileService", "Problem", "PublicationResult", "ScanLimits",
           "Sealer", "catalogue_pdf", "catalogue_text", "publication_masker", "publication_pdf", "reinspection_folder",
           "safe_name", "verify_case_file"]
