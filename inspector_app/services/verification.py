"""Verify signed PDFs against the workspace's trust roots and cached CRLs (offline), and export them."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from inspector_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from inspector_app.records import kinds
from inspector_app.services.keys import KeyService
from inspector_app.services.signing import SigningService

if TYPE_CHECKING:
    from inspector_app.records.verify_report import VerifyReport


#: Documents `export --kind` copies, with the words the error messages use.
DOCUMENT_NAMES = {k.code: k.short for k in kinds.KINDS}
_WHERE_SIGNED = {k.code: k.where_made for k in kinds.KINDS}


class VerificationService:
    def __init__(self, keys: KeyService, signing: SigningService):
        self._keys = keys
        self._signing = signing

    def verify(self, pdf: Path | bytes, trust: list[Path] | None = None, crls: list[Path] | None = None,
               require: str | None = None) -> VerifyReport:
        """Verify offline. Without `require`, a document this workspace holds must reach the stage its database
        claims (e.g. approved), any other file the record's own final stage."""
        from inspector_app.records.verify import verify_pdf  # pyHanko: loaded when something is verified

        roots = trust if trust is not None else self._keys.trust_roots()
        if not roots:
            raise ValidationError("verify.no_trust_roots", QT_TRANSLATE_NOOP(
                "Errors", "No trusted root certificate: name the agency's CA certificate with --trust, "
                          "or import it into the workspace."))
        revocation = crls if crls is not None else self._keys.crls()
        return verify_pdf(pdf, roots, revocation, require=require, claims=self._signing.signed_fields_of)

    def export_record(self, inspection_id: str, dest: Path, kind: str = "record") -> Path:
        if kind not in DOCUMENT_NAMES:
            raise ValidationError("document.unknown_kind", QT_TRANSLATE_NOOP(
                "Errors", "Unknown document kind {kind} (known: {kinds})."), kind=repr(kind),
                kinds=", ".join(DOCUMENT_NAMES))
        docs = [d for d in self._signing.documents(inspection_id) if d.kind == kind]
        if not docs:
            raise ValidationError("document.not_signed_yet", QT_TRANSLATE_NOOP(
                "Errors", "This inspection has no signed {document} yet, so there is nothing to export ({where})."),
                document=DOCUMENT_NAMES[kind], where=_WHERE_SIGNED[kind])
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(self._signing.pdf_path(docs[-1].id), dest)
        return dest
