"""Files (sync.md §11): register the local files records point at, upload them resumably by SHA-256 with
tus-compatible HEAD/POST/PATCH (offset from the server, per-chunk checksum), and fetch the files of pulled
signed records this laptop lacks (verified against their hash)."""

from __future__ import annotations

import base64
import hashlib
import threading
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector_app import syncproto as P
from inspector_app.storage.blob_store import DigestMismatch
from inspector_app.storage.orm import OutboxRow
from inspector_app.storage.sync_orm import BlobLocalRow
from inspector_app.sync import local
from inspector_app.sync.base import EngineBase
from inspector_app.domain.errors import QT_TRANSLATE_NOOP
from inspector_app.sync.errors import Busy, Offline, ServerRefused, ServerStorageFull, refused


# Uploads whose outcomes upload_all commits together: at most this many photos are offered again after a crash.
OUTCOME_BATCH = 16
# Files in flight at once over a transport that allows it (issue 17): while the server fsyncs one photo and
# commits its row, the next one is on the wire; one at a time, the link and both CPUs idled through every fsync.
UPLOAD_STREAMS = 2
_counting = threading.Lock()


class BlobSync(EngineBase):
    def register_blobs(self) -> int:
        """Give every local file that a record references (evidence photos, signature images, signed PDFs)
        upload bookkeeping. Outbox rows are scanned once each, from a persisted high-water mark."""
        blob_entities = {n: spec.blob_field for n, spec in P.ENTITIES.items() if spec.blob_field}
        # The scan reads; a write transaction is opened only when it found something (an idle round writes
        # nothing, issue 17). The write re-checks what it adds, so a concurrent registration is harmless.
        hinted = self._take("register")
        if hinted is not None:   # the round's probe: no outbox row with a file since the last scan, nothing to read
            unregistered, mark, top = hinted
            found = [(sha, size) for sha, size in unregistered if self.ctx.blobs.has(sha)]
            if top <= mark:
                return self._register(found, mark, mark)
        with self.ctx.read() as s:
            # Only files this device holds: photos pulled from teammates are fetched on demand, not uploaded.
            found = [(sha, size) for sha, size in local.local_keys_for_blobs(s) if self.ctx.blobs.has(sha)]
            mark = int(local.meta_get(s, "blob_scan_seq", 0) or 0)
            top = mark
            for ob in s.scalars(select(OutboxRow).where(OutboxRow.client_seq > mark,
                                                        OutboxRow.entity.in_(list(blob_entities)))):
                top = max(top, ob.client_seq)
                field_name = blob_entities[ob.entity]
                payload = ob.payload if isinstance(ob.payload, dict) else {}
                data = P.create_data(payload) if ob.op in ("create", "append") else {
                    f: pair[1] for f, pair in (payload.get("fields") or {}).items() if isinstance(pair, list)}
                sha = data.get(field_name) if isinstance(data, dict) else None
                if isinstance(sha, str) and P.SHA256_RE.match(sha) and self.ctx.blobs.has(sha):
                    found.append((sha, self.ctx.blobs.size(sha)))
        return self._register(found, mark, top)

    def _register(self, found: list[tuple[str, int]], mark: int, top: int) -> int:
        if not found and top == mark:
            return 0

        def scan(s: Session) -> int:
            if top != mark:
                local.meta_set(s, "blob_scan_seq", top)
            seen = set()
            rows = [(sha, size) for sha, size in found
                    if not (sha in seen or seen.add(sha)) and s.get(BlobLocalRow, sha) is None]  # type: ignore[func-returns-value]
            for sha, size in rows:
                s.add(BlobLocalRow(sha256=sha, size=size, rel_path=f"{sha[:2]}/{sha[2:4]}/{sha}",
                                   upload_status="pending", upload_offset=0, attempts=0, created_at=self.clock()))
            return len(rows)

        return self._write(scan)

    def pending_blobs(self) -> list[str]:
        with self.ctx.read() as s:
            return list(s.scalars(select(BlobLocalRow.sha256).where(BlobLocalRow.upload_status != "complete")
                                  .order_by(BlobLocalRow.created_at, BlobLocalRow.sha256)))

    def _blob_update(self, sha: str, **values: Any) -> None:
        def update(s: Session) -> None:
            row = s.get(BlobLocalRow, sha)
            if row is not None:
                for k, v in values.items():
                    setattr(row, k, v)

        self._write(update)

    def upload_blob(self, sha: str, fresh: bool | None = None) -> bool:
        """Upload one blob to completion (resuming from the server's offset). True once the server has it.

        The attempt count and the outcome (complete, or the offset and the error) are written together when the
        upload ends, however it ends. The server's staged length is the offset's truth, so nothing is lost by not
        recording each chunk."""
        note: dict[str, Any] = {}
        try:
            return self._upload(sha, note, fresh)
        finally:
            self._record_outcomes({sha: note})

    def _record_outcomes(self, outcomes: dict[str, dict[str, Any]]) -> None:
        """One local commit for the outcomes of several uploads (issue 17: a commit per photo was an fsync per
        photo). Only outcomes the server has answered are recorded, so a row never claims an upload the server
        lacks; an outcome lost to a crash before its commit only means the file is offered again, and the server
        answers "complete" for a blob it holds (the bytes are then sent once more, nothing is duplicated)."""
        def record(s: Session) -> None:
            for sha, note in outcomes.items():
                row = s.get(BlobLocalRow, sha)
                if row is not None:
                    row.attempts += 1
                    for k, v in note.items():
                        setattr(row, k, v)

        self._write(record)

    def _upload(self, sha: str, note: dict[str, Any], fresh: bool | None) -> bool:
        if not self.ctx.blobs.has(sha):
            note["last_error"] = "The local file is missing."
            return False
        size = self.ctx.blobs.size(sha)  # the plaintext: the server stores and hashes what the records print
        done = {"upload_status": "complete", "upload_offset": size, "last_error": None}
        tus = {"Tus-Resumable": "1.0.0"}
        if fresh is None:   # upload_all read it with the list of files to send
            with self.ctx.read() as s:
                row = s.get(BlobLocalRow, sha)
                fresh = row is not None and row.attempts == 0 and row.upload_offset == 0
        # One request for a file this device made and never tried to send; anything else asks first (HEAD), so
        # a blob the server already has is never sent again (I8).
        if fresh and size <= self.chunk_size:
            first = self._whole(sha, size, tus)
            if first is not None:
                note.update(done)
                return True
        r = self._call("HEAD", f"/sync/v1/blobs/{sha}")
        if r.status == 200:
            note.update(done)
            return True
        note["upload_status"] = "uploading"
        offset = self._create_upload(sha, size, note)
        if offset is None:
            return True
        restarts = 0
        with self.ctx.blobs.open(sha) as f:
            for _ in range(size // max(1, self.chunk_size) + 50):
                f.seek(offset)
                chunk = f.read(self.chunk_size)
                headers = {**tus, "Upload-Offset": str(offset), "Content-Type": "application/offset+octet-stream"}
                if len(chunk) < size:   # a chunk that is the whole file is verified by the file's own digest
                    headers["Upload-Checksum"] = "sha256 " + base64.b64encode(hashlib.sha256(chunk).digest()).decode()
                try:
                    r = self._call("PATCH", f"/sync/v1/uploads/{sha}", content=chunk, headers=headers)
                except ServerStorageFull as exc:
                    note.update(upload_offset=offset, last_error=str(exc))
                    raise   # nothing to learn from the offset: wait for the operator to free space
                except Offline:
                    # Lost connection or response: the server's staged length is the truth.
                    try:
                        h = self._call("HEAD", f"/sync/v1/uploads/{sha}")
                    except Offline:
                        note.update(upload_offset=offset, last_error="The connection was lost.")
                        raise
                    if h.status == 200 and h.header("upload-offset") is not None:
                        offset = int(h.header("upload-offset") or 0)
                        if offset >= size and self._call("HEAD", f"/sync/v1/blobs/{sha}").status == 200:
                            note.update(done)
                            return True
                        continue
                    created = self._create_upload(sha, size, note)
                    if created is None:
                        return True
                    offset = created
                    continue
                if r.status in (200, 201):
                    self._uploaded(len(chunk))
                    note.update(done)
                    return True
                if r.status == 204:
                    self._uploaded(len(chunk))
                    offset = int(r.header("upload-offset") or offset + len(chunk))
                    note["upload_offset"] = offset
                elif r.status == 409:
                    offset = int((self._err(r)).get("offset", r.header("upload-offset") or 0))
                elif r.status == 460:
                    continue
                elif r.status == 423:
                    raise Busy("sync.upload_busy", QT_TRANSLATE_NOOP(
                        "Errors", "Another device is uploading this file."))
                elif r.status in (404, 410) or (r.status == 422 and self._err(r).get("error") == "digest_mismatch"):
                    restarts += 1
                    if restarts > 3:
                        raise ServerRefused("sync.upload_digest_mismatch", QT_TRANSLATE_NOOP(
                            "Errors", "The file upload failed again and again (digest mismatch)."),
                            server_code="digest_mismatch")
                    created = self._create_upload(sha, size, note)
                    if created is None:
                        return True
                    offset = created
                else:
                    err = self._err(r)
                    note["last_error"] = err.get("message")
                    raise refused(err, f"upload refused ({r.status})")
        raise Offline("sync.upload_unfinished", QT_TRANSLATE_NOOP(
            "Errors", "The upload did not finish within the allowed number of attempts."))

    def _whole(self, sha: str, size: int, tus: dict[str, str]) -> bool | None:
        """A file that fits one chunk goes up in one request: PATCH at offset 0 with `Upload-Length` creates the
        upload on the server (issue 17). True when the server has the blob after it; None when the resumable
        path must take over (a partly staged upload answers 409, an expired one 410, a busy one 423)."""
        with self.ctx.blobs.open(sha) as f:
            body = f.read()
        r = self._call("PATCH", f"/sync/v1/uploads/{sha}", content=body, headers={
            **tus, "Upload-Offset": "0", "Upload-Length": str(size),
            "Content-Type": "application/offset+octet-stream"})
        if r.status in (200, 201):
            self._uploaded(len(body))
            return True
        return None

    def _create_upload(self, sha: str, size: int, note: dict[str, Any]) -> int | None:
        """POST /uploads (idempotent). None when the server already has the whole blob."""
        r = self._call("POST", "/sync/v1/uploads", json_body={"sha256": sha, "size": size})
        if r.status != 200:
            err = self._err(r)
            note["last_error"] = err.get("message")
            raise refused(err, f"upload refused ({r.status})")
        body = r.json()
        if body.get("status") == "complete":
            note.update(upload_status="complete", upload_offset=size, last_error=None)
            return None
        return int(body.get("offset", 0))

    def fetch_documents(self) -> int:
        """Download the signed PDFs and signature images pulled records point at (needed to review and sign)."""
        wanted = self._take("wanted")
        if wanted is None:
            with self.ctx.read() as s:
                wanted = local.missing_files(s, self._holds)
        return sum(1 for sha in wanted if self.fetch_blob(sha))

    def _holds(self, sha: str) -> bool:
        if sha in self._held:
            return True
        if self.ctx.blobs.has(sha):
            self._held.add(sha)
            return True
        return False

    def fetch_blob(self, sha: str) -> bool:
        """Download a teammate's evidence file into the local content-addressed store (verified by its hash)."""
        if self.ctx.blobs.has(sha):
            return True
        # Streamed to a temp file, hashed while written, fsynced, renamed only if the digest matches (issue 17):
        # a large file is never held in memory.
        try:
            r = self._call("GET", f"/sync/v1/blobs/{sha}", sink=lambda pieces: self.ctx.blobs.put_stream(pieces, sha))
        except DigestMismatch:
            raise Offline("sync.download_digest_mismatch", QT_TRANSLATE_NOOP(
                "Errors", "The downloaded file does not match its digest; it will be fetched again later.")) from None
        if r.status == 404:
            return False
        if r.status != 200:
            err = self._err(r)
            raise refused(err, f"download refused ({r.status})")
        size = r.streamed.size

        def known(s: Session) -> None:   # it came from the server: never an upload candidate (I8)
            if s.get(BlobLocalRow, sha) is None:
                s.add(BlobLocalRow(sha256=sha, size=size, rel_path=f"{sha[:2]}/{sha[2:4]}/{sha}",
                                   upload_status="complete", upload_offset=size, attempts=0,
                                   created_at=self.clock()))

        self._write(known)
        return True

    def upload_all(self) -> int:
        self.register_blobs()
        if self._take("no_pending_blobs"):
            return 0
        with self.ctx.read() as s:   # the files to send, and which were never tried: one read, not one per file
            todo = list(s.execute(select(BlobLocalRow.sha256, BlobLocalRow.attempts, BlobLocalRow.upload_offset)
                                  .where(BlobLocalRow.upload_status != "complete")
                                  .order_by(BlobLocalRow.created_at, BlobLocalRow.sha256)))
        if not todo:
            return 0
        streams = UPLOAD_STREAMS if getattr(self.transport, "concurrent", False) and len(todo) > 1 else 1
        answered: dict[str, dict[str, Any]] = {}   # outcomes of finished uploads, not yet committed
        done = 0
        self._run_token = self._token()
        try:
            if streams == 1:
                for sha, attempts, offset in todo:
                    answered[sha] = note = {}
                    done += self._upload(sha, note, attempts == 0 and offset == 0)
                    if len(answered) >= OUTCOME_BATCH:
                        self._record_outcomes(answered)
                        answered = {}
            else:
                done = self._upload_streams(todo, streams, answered)
        finally:
            self._run_token = None
            if answered:   # however the run ended (offline, refused): what was answered is recorded
                self._record_outcomes(answered)
        return done

    def _upload_streams(self, todo: list[Any], streams: int, answered: dict[str, dict[str, Any]]) -> int:
        """`streams` uploads at a time, each on its own thread and connection; outcomes are committed here, on
        the calling thread, as they are answered. The first error stops new uploads and is raised once the
        running ones are answered."""
        done = 0
        failure: BaseException | None = None
        rest = iter(todo)
        running: dict[Future[bool], tuple[str, dict[str, Any]]] = {}
        with ThreadPoolExecutor(streams, thread_name_prefix="upload") as pool:

            def start() -> None:
                for sha, attempts, offset in rest:
                    note: dict[str, Any] = {}
                    running[pool.submit(self._upload, sha, note, attempts == 0 and offset == 0)] = (sha, note)
                    return

            for _ in range(streams):
                start()
            while running:
                finished, _ = wait(list(running), return_when=FIRST_COMPLETED)
                for fut in finished:
                    sha, note = running.pop(fut)
                    answered[sha] = note
                    try:
                        done += fut.result()
                    except BaseException as exc:
                        failure = failure or exc
                    if failure is None:
                        start()
                if len(answered) >= OUTCOME_BATCH:
                    self._record_outcomes(answered)
                    answered.clear()
        if failure is not None:
            raise failure
        return done

    def _uploaded(self, n: int) -> None:
        with _counting:   # upload_all's streams count from their own threads
            self.stats["bytes_uploaded"] += n
