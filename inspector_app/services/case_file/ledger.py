"""The seal ledger: every case-file seal is registered with the sync server, so a case file re-sealed by an insider
(files changed, manifest rewritten, 卷内目录 signed again with a genuine agency certificate) is detectable.

The seal itself cannot prevent re-sealing: whoever holds an officer certificate of the case can sign a new
卷内目录. What an insider cannot do outside the app is make the server have recorded that seal at export time. So
export, in the same unit of work as its journal event, queues an append-only `case_file_seal` record (protocol
class A: never changed or deleted, a different record under the same id is refused) with the SHA-256 of the
sealed 卷内目录.pdf and of the manifest; sync pushes it like any change and every laptop of the team pulls it.
`inspector verify FILE.zip --ledger` (CaseFileService.verify(..., ledger=True)) then requires the case file's
卷内目录 digest to be in the ledger as the server confirmed it (pulled, or acknowledged after the push) and says who
sealed it and when; a seal the server never received is `seal_not_registered`.

What this does not prove: a registered seal is as good as the account that pushed it — an insider who also pushes
a forged ledger record through the sync API leaves it under their account, in the server's append-only history,
beside the genuine seal of the same case (both are shown).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from inspector_app.storage.orm import OutboxRow
from inspector_app.storage.sync_orm import SyncRecordRow

ENTITY = "case_file_seal"


@dataclass(frozen=True, slots=True)
class LedgerEntry:
    catalogue_sha256: str
    manifest_sha256: str
    record_number: str
    sealed_by: str
    certificate_no: str
    exported_at: str
    confirmed: bool     # the server has it (pulled from the server, or acknowledged when pushed)


def seal_data(inspection_id: str, catalogue: bytes, manifest: bytes, meta: dict[str, Any],
              sealer: Any) -> dict[str, Any]:
    return {"inspection_id": inspection_id, "catalogue_sha256": hashlib.sha256(catalogue).hexdigest(),
            "manifest_sha256": hashlib.sha256(manifest).hexdigest(), "record_number": meta["record_number"],
            "journal_head": meta["journal_head"], "exported_at": meta["exported_at"], "sealed_by": sealer.name,
            "certificate_no": sealer.certificate_no}


def _entry(data: Any, confirmed: bool) -> LedgerEntry | None:
    if not isinstance(data, dict) or not isinstance(data.get("catalogue_sha256"), str):
        return None
    return LedgerEntry(data["catalogue_sha256"], str(data.get("manifest_sha256", "")),
                       str(data.get("record_number", "")), str(data.get("sealed_by", "")),
                       str(data.get("certificate_no", "")), str(data.get("exported_at", "")), confirmed)


def read_ledger(session: Any) -> list[LedgerEntry]:
    """Every seal this workspace knows: pulled from the server, or pushed by this laptop (confirmed once acked)."""
    out: dict[str, LedgerEntry] = {}
    for rec in session.scalars(select(SyncRecordRow).where(SyncRecordRow.entity == ENTITY)):
        e = _entry(rec.server_data, rec.server_version is not None)
        if e is not None:
            out[e.catalogue_sha256] = e
    for row in session.scalars(select(OutboxRow).where(OutboxRow.entity == ENTITY)):
        payload = row.payload if isinstance(row.payload, dict) else {}
        e = _entry(payload.get("data"), row.status == "applied" or row.status == "noop")
        if e is not None and not (e.catalogue_sha256 in out and out[e.catalogue_sha256].confirmed):
            out[e.catalogue_sha256] = e
    return list(out.values())
