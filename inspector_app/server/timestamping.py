"""Document timestamps on arrival (issue 11 item 5; the TSA itself is tsa.py).

When a document record's signed PDF is on the server (the record arrives first, its file after it, sync.md §9),
the server appends an RFC 3161 document timestamp (PAdES B-LTA style /DocTimeStamp, pyHanko's PdfTimeStamper) as
a new incremental revision: every earlier signature stays valid, byte for byte. The result is a new blob, and the
document record is changed by the server to point at it — a new version of the same document that every laptop
of the team pulls like any other change. `tsa` in the record says which revision was stamped and when.

A failing TSA never blocks sync: the error is logged and the next arrival of the document tries again.
"""

import hashlib
import io
import logging
import os
import tempfile
from pathlib import Path
from typing import Any

from sqlalchemy import select

from inspector_app.domain.ids import new_id
from inspector_app.server import sync_service as svc
from inspector_app.server.auth import Principal
from inspector_app.server.db import Database
from inspector_app.server.models import Blob, BlobRef, Record

log = logging.getLogger(__name__)
SERVER = Principal("server", "server", "admin", ())


def stamp_pdf(timestamper: Any, pdf: bytes) -> bytes:
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign.signers.pdf_signer import PdfTimeStamper

    out = io.BytesIO()
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    PdfTimeStamper(timestamper).timestamp_pdf(writer, "sha256", output=out)
    return out.getvalue()


class DocumentStamper:
    def __init__(self, db: Database, storage: Any, staging_dir: Path, timestamper: Any, clock: Any):
        self.db, self.storage, self.timestamper, self.clock = db, storage, timestamper, clock
        self.staging_dir = Path(staging_dir)
        self.stamped = 0

    def _due(self, sha: str) -> list[str]:
        """Documents whose current PDF is `sha` and not yet our stamped revision."""
        with self.db.read() as s:
            ids = s.scalars(select(BlobRef.id).where(BlobRef.entity == "document", BlobRef.sha256 == sha)).all()
            due = []
            for rid in ids:
                rec = s.get(Record, ("document", rid))
                if rec is None or rec.deleted or rec.data.get("pdf_sha256") != sha:
                    continue
                if (rec.data.get("tsa") or {}).get("sha256") == sha:
                    continue
                due.append(rid)
            return due

    def consider(self, sha: str) -> int:
        """Stamp the documents whose current signed PDF is `sha`, if its bytes are here. Never raises."""
        if self.timestamper is None:
            return 0
        try:
            due = self._due(sha)
            if not due or not self.storage.exists(sha):
                return 0
            with self.storage.open(sha) as f:
                pdf = f.read()
            if not pdf.startswith(b"%PDF"):
                return 0
            stamped = stamp_pdf(self.timestamper, pdf)
        except Exception:  # the TSA unreachable, a PDF pyHanko cannot append to: sync goes on regardless
            log.exception("document timestamp for %s failed; retried when the document arrives again", sha)
            return 0
        new_sha = hashlib.sha256(stamped).hexdigest()
        fd, tmp = tempfile.mkstemp(prefix=".stamped-", dir=self.staging_dir)
        with os.fdopen(fd, "wb") as out:
            out.write(stamped)
            out.flush()
            os.fsync(out.fileno())
        key = self.storage.publish(new_sha, Path(tmp))   # the file first, then the rows pointing at it
        now = self.clock()
        with self.db.write() as s:
            svc.lock_scope(s, SERVER)
            if s.get(Blob, new_sha) is None:
                s.add(Blob(sha256=new_sha, size=len(stamped), storage_key=key, created_at=now))
            ctx = svc.Ctx(s, SERVER, "server", new_id(), "", now)
            done = 0
            for rid in due:
                rec = svc.get_record(s, "document", rid)
                if rec is None or rec.data.get("pdf_sha256") != sha:
                    continue   # changed meanwhile (a countersignature): that revision is stamped on its arrival
                tsa = {"sha256": new_sha, "of": sha, "at": now.isoformat()}
                old_tsa = rec.data.get("tsa")
                rec.data = {**rec.data, "pdf_sha256": new_sha, "tsa": tsa}
                rec.version += 1
                rec.updated_by = SERVER.name
                svc.write_version(ctx, rec, "timestamp", {"pdf_sha256": [sha, new_sha], "tsa": [old_tsa, tsa]})
                s.execute(BlobRef.__table__.update().where(
                    BlobRef.entity == "document", BlobRef.id == rid, BlobRef.sha256 == new_sha).values(created_by=None))
                done += 1
            svc.flush_feed(s, ctx.feed)
        self.stamped += done
        return done

