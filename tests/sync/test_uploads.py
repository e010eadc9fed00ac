"""Resumable uploads (sync.md §14.6): random data, chunk sizes and faults; the published bytes are exact,
staging is cleaned up, a re-upload sends nothing, and the whole-file digest never fails when every chunk was
checked (which would betray an offset bug)."""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inspector_app.sync.transport import Fault
from tests.sync.harness import World
from tests.sync.test_engine_e2e import LEAD, create_inspection

_SERIAL = itertools.count()
FAULT = st.one_of(st.sampled_from(["ok", "drop_request", "drop_response", "duplicate", "http_500",
                                   "delay_and_replay"]).map(Fault),
                  st.integers(0, 5000).map(lambda n: Fault("truncate_body", n)))


def _upload_world(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
                  store: str) -> Iterator[World]:
    from tests.conftest import FIXTURES
    from tests.sync import harness

    blob_store = None
    if store == "s3":   # the same faults and bytes against an S3 bucket (moto_server, tests/sync/s3.py)
        s3 = request.getfixturevalue("s3_server")
        blob_store = s3.url(s3.new_bucket())
    with pytest.MonkeyPatch.context() as mp:  # restored afterwards: later tests use the shipped forms
        mp.setenv("INSPECTOR_FORMS", str(FIXTURES / "forms"))
        harness.account.SCRYPT_N = 2**8
        w = World(tmp_path_factory.mktemp("uploads"), cache=tmp_path_factory.getbasetemp() / "client-template",
                  blob_store=blob_store)
        c = w.make_client("u", "alice", chunk_size=4096)
        assert c.engine.sync_round().ok
        w.iid = create_inspection(c)  # type: ignore[attr-defined]
        assert c.engine.sync_round().ok
        yield w
        w.close()


@pytest.fixture(scope="module")
def upload_world(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    yield from _upload_world(request, tmp_path_factory, "file")


@pytest.fixture(scope="module")
def s3_upload_world(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    yield from _upload_world(request, tmp_path_factory, "s3")


@settings(max_examples=60)
@given(data=st.binary(min_size=0, max_size=20_000), chunk=st.integers(1, 9000), faults=st.lists(FAULT, max_size=8),
       crash=st.booleans())
def test_uploads_survive_faults_and_publish_exact_bytes(upload_world: World, data: bytes, chunk: int,
                                                        faults: list[Fault], crash: bool) -> None:
    _survive(upload_world, data, chunk, faults, crash)


@settings(max_examples=30)   # the same property on an S3 bucket (moto_server); fewer examples: a real HTTP store
@given(data=st.binary(min_size=0, max_size=20_000), chunk=st.integers(1, 9000), faults=st.lists(FAULT, max_size=8),
       crash=st.booleans())
def test_uploads_survive_faults_and_publish_exact_bytes_on_s3(s3_upload_world: World, data: bytes, chunk: int,
                                                              faults: list[Fault], crash: bool) -> None:
    _survive(s3_upload_world, data, chunk, faults, crash)


def _survive(w: World, data: bytes, chunk: int, faults: list[Fault], crash: bool) -> None:
    from inspector_app.sync import actions
    from inspector_app.sync.engine import Busy, Offline

    c = w.clients["u"]
    salt = next(_SERIAL).to_bytes(8, "big")
    blob = data + salt   # distinct per example so every run is a fresh upload
    sha = hashlib.sha256(blob).hexdigest()
    actions.attach_photo(c.ctx, LEAD, w.iid, blob)  # type: ignore[attr-defined]
    c.engine.chunk_size = chunk
    c.transport.add(*faults)
    for _ in range(len(faults) + 3):
        try:
            c.engine.upload_all()
        except (Offline, Busy):
            if crash:   # the process dies mid-upload and starts again from the server's offset
                c = w.reopen(c)
                c.engine.chunk_size = chunk
            continue
        if not c.engine.pending_blobs():
            break
    c.transport.plan.clear()
    c.engine.upload_all()
    assert not c.engine.pending_blobs()
    with w.uploads.storage.open(sha) as f:
        assert f.read() == blob
    assert not (w.uploads.staging.dir / f"{sha}.part").exists()
    assert w.uploads.stats.digest_failures_with_checksums == 0
    before = c.engine.stats["bytes_uploaded"]
    c.engine._blob_update(sha, upload_status="pending")
    c.engine.upload_all()
    assert c.engine.stats["bytes_uploaded"] == before, "a completed blob was sent again"


def test_expired_upload_answers_410_and_restarts(blob_world: World) -> None:
    import datetime as dt

    from inspector_app.sync.transport import Request

    token = blob_world.token("alice")
    auth = {"Authorization": f"Bearer {token}"}
    sha = hashlib.sha256(b"x" * 10).hexdigest()
    blob_world.direct.send(Request("POST", "/sync/v1/uploads", json={"sha256": sha, "size": 10}, headers=auth))
    blob_world.clock.now += dt.timedelta(days=8)
    auth = {"Authorization": f"Bearer {blob_world.token('alice')}"}
    assert blob_world.direct.send(Request("HEAD", f"/sync/v1/uploads/{sha}", headers=auth)).status == 410
    assert blob_world.uploads.expire(blob_world.clock()) == 1
    assert not (blob_world.uploads.staging.dir / f"{sha}.part").exists()
    assert blob_world.direct.send(Request("HEAD", f"/sync/v1/uploads/{sha}", headers=auth)).status == 404


def test_a_corrupted_chunk_is_refused_with_460(blob_world: World) -> None:
    import base64

    from inspector_app.sync.transport import Request

    token = blob_world.token("alice")
    data = b"0123456789" * 100
    sha = hashlib.sha256(data).hexdigest()
    blob_world.direct.send(Request("POST", "/sync/v1/uploads", json={"sha256": sha, "size": len(data)},
                              headers={"Authorization": f"Bearer {token}"}))
    bad = bytearray(data[:100])
    bad[5] ^= 0xFF
    r = blob_world.direct.send(Request("PATCH", f"/sync/v1/uploads/{sha}", content=bytes(bad), headers={
        "Authorization": f"Bearer {token}", "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream",
        "Upload-Checksum": "sha256 " + base64.b64encode(hashlib.sha256(data[:100]).digest()).decode()}))
    assert r.status == 460 and blob_world.uploads.staging.length(sha) == 0


def test_whole_file_digest_is_checked_before_publishing(blob_world: World, tmp_path: Path) -> None:
    from inspector_app.sync.transport import Request

    token = blob_world.token("alice")
    data = b"a" * 1000
    claimed = hashlib.sha256(b"b" * 1000).hexdigest()
    blob_world.direct.send(Request("POST", "/sync/v1/uploads", json={"sha256": claimed, "size": 1000},
                              headers={"Authorization": f"Bearer {token}"}))
    r = blob_world.direct.send(Request("PATCH", f"/sync/v1/uploads/{claimed}", content=data, headers={
        "Authorization": f"Bearer {token}", "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream"}))
    assert r.status == 422 and r.json()["error"] == "digest_mismatch"
    assert not blob_world.uploads.storage.exists(claimed)


def test_a_photo_the_server_lacks_goes_up_in_one_request_and_one_local_commit(upload_world: World) -> None:
    """Issue 17: a file that fits one chunk is sent by one PATCH that creates the upload (Upload-Length), with
    no per-chunk checksum (the whole-file digest checks it), and the client records it in one commit."""
    import os

    from sqlalchemy import event

    from inspector_app.storage.sync_orm import BlobLocalRow
    from inspector_app.sync import actions

    w = upload_world
    c = w.clients["u"]
    c.engine.chunk_size = 1 << 20
    blob = os.urandom(50_000)
    sha = hashlib.sha256(blob).hexdigest()
    actions.attach_photo(c.ctx, LEAD, w.iid, blob)  # type: ignore[attr-defined]
    c.engine.register_blobs()
    sent: list[tuple[str, str, dict[str, str]]] = []
    inner = c.transport.send

    def spy(req):  # type: ignore[no-untyped-def]
        sent.append((req.method, req.path, dict(req.headers)))
        return inner(req)

    commits: list[int] = []

    def on_commit(_conn: object) -> None:
        commits.append(1)

    event.listen(c.ctx.engine, "commit", on_commit)
    c.transport.send = spy  # type: ignore[method-assign]
    try:
        assert c.engine.upload_blob(sha)
    finally:
        c.transport.send = inner  # type: ignore[method-assign]
        event.remove(c.ctx.engine, "commit", on_commit)
    assert [(m, p) for m, p, _h in sent] == [("PATCH", f"/sync/v1/uploads/{sha}")]
    headers = {k.lower(): v for k, v in sent[0][2].items()}
    assert headers["upload-length"] == str(len(blob)) and "upload-checksum" not in headers
    assert len(commits) == 1
    with w.uploads.storage.open(sha) as f:
        assert f.read() == blob
    with c.ctx.read() as s:
        row = s.get(BlobLocalRow, sha)
        assert row is not None and (row.upload_status, row.upload_offset, row.attempts) == ("complete", len(blob), 1)


def test_uploads_run_side_by_side_and_their_outcomes_are_committed_in_batches(
        upload_world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 17: over a transport that allows it, upload_all keeps two files in flight (a barrier only two
    requests running at once can pass) and commits the outcomes of OUTCOME_BATCH files per local transaction; the
    first error stops new uploads and is raised once the running ones are answered, every answered outcome is
    recorded, and no row claims a file the server lacks."""
    import os
    import threading

    from sqlalchemy import event

    from inspector_app.storage.sync_orm import BlobLocalRow
    from inspector_app.sync import actions, blob_sync
    from inspector_app.sync.errors import Offline

    w = upload_world
    c = w.clients["u"]
    c.engine.upload_all()   # nothing left over from earlier tests of the module
    c.engine.chunk_size = 1 << 20
    monkeypatch.setattr(c.transport, "concurrent", True, raising=False)
    monkeypatch.setattr(blob_sync, "OUTCOME_BATCH", 2)
    blobs = [os.urandom(20_000) for _ in range(5)]
    for b in blobs:
        actions.attach_photo(c.ctx, LEAD, w.iid, b)  # type: ignore[attr-defined]
    shas = [hashlib.sha256(b).hexdigest() for b in blobs]
    c.engine.register_blobs()
    together = threading.Barrier(2, timeout=20)
    inner = c.transport.send
    patches = iter(range(2))

    def meet(req):  # type: ignore[no-untyped-def]
        if req.method == "PATCH" and next(patches, None) is not None:
            together.wait()   # the first two uploads must be in flight together for either to go on
        return inner(req)

    commits: list[int] = []

    def on_commit(_conn: object) -> None:
        commits.append(1)

    monkeypatch.setattr(c.transport, "send", meet)
    event.listen(c.ctx.engine, "commit", on_commit)
    try:
        before = c.engine.stats["bytes_uploaded"]
        assert c.engine.upload_all() == 5
    finally:
        event.remove(c.ctx.engine, "commit", on_commit)
    assert len(commits) == 3   # outcomes of 2 + 2 + 1 files
    assert c.engine.stats["bytes_uploaded"] - before == sum(map(len, blobs))
    for sha, blob in zip(shas, blobs):
        with w.uploads.storage.open(sha) as f:
            assert f.read() == blob

    blobs = [os.urandom(20_000) for _ in range(4)]
    for b in blobs:
        actions.attach_photo(c.ctx, LEAD, w.iid, b)  # type: ignore[attr-defined]
    shas = [hashlib.sha256(b).hexdigest() for b in blobs]
    c.engine.register_blobs()
    order = c.engine.pending_blobs()   # upload_all's order
    upload = c.engine._upload

    def failing(sha, note, fresh):  # type: ignore[no-untyped-def]
        if sha == order[0]:
            note["last_error"] = "cut"
            raise Offline("sync.unreachable", "cut")
        return upload(sha, note, fresh)

    monkeypatch.setattr(c.engine, "_upload", failing)
    with pytest.raises(Offline):
        c.engine.upload_all()
    with c.ctx.read() as s:
        rows = {sha: s.get(BlobLocalRow, sha) for sha in shas}
    failed = rows[order[0]]
    assert failed is not None and (failed.upload_status, failed.attempts, failed.last_error) == ("pending", 1, "cut")
    for sha, row in rows.items():
        assert row is not None
        if row.upload_status == "complete":
            assert w.uploads.storage.exists(sha) and row.attempts == 1
    partner = rows[order[1]]   # started with the failing one: answered, then recorded
    assert partner is not None and partner.upload_status == "complete"
    monkeypatch.setattr(c.engine, "_upload", upload)
    c.engine.upload_all()
    assert not c.engine.pending_blobs()
    assert all(w.uploads.storage.exists(sha) for sha in shas)


def test_a_body_cut_short_leaves_a_resumable_upload(upload_world: World) -> None:
    """A one-request upload (Upload-Length, no upload row yet) whose body stops short keeps what arrived and
    gets its upload row, so HEAD answers the offset and the rest follows; the whole file is then verified."""
    import os

    from inspector_app.sync.transport import Request

    w = upload_world
    auth = {"Authorization": f"Bearer {w.token('alice')}"}
    data = os.urandom(30_000)
    sha = hashlib.sha256(data).hexdigest()
    r = w.direct.send(Request("PATCH", f"/sync/v1/uploads/{sha}", content=data[:10_000], headers={
        **auth, "Upload-Offset": "0", "Upload-Length": str(len(data)),
        "Content-Type": "application/offset+octet-stream"}))
    assert r.status == 204 and r.header("upload-offset") == "10000"
    h = w.direct.send(Request("HEAD", f"/sync/v1/uploads/{sha}", headers=auth))
    assert h.status == 200 and h.header("upload-offset") == "10000" and h.header("upload-expires")
    r = w.direct.send(Request("PATCH", f"/sync/v1/uploads/{sha}", content=data[10_000:], headers={
        **auth, "Upload-Offset": "10000", "Content-Type": "application/offset+octet-stream"}))
    assert r.status == 201
    with w.uploads.storage.open(sha) as f:
        assert f.read() == data


def test_a_download_is_streamed_verified_and_stored_only_when_its_digest_matches(upload_world: World,
                                                                                  tmp_path: Path) -> None:
    """Issue 17: the client stores a download as it arrives (temp file, hash while writing, fsync, rename), and a
    body whose digest is not the one asked for leaves nothing behind."""
    import os

    from inspector_app.storage.blob_store import BlobStore, DigestMismatch
    from inspector_app.sync.transport import Request

    w = upload_world
    c = w.clients["u"]
    blob = os.urandom(3 * (1 << 20) + 17)
    sha = hashlib.sha256(blob).hexdigest()
    auth = {"Authorization": f"Bearer {w.token('alice')}"}
    r = w.direct.send(Request("PATCH", f"/sync/v1/uploads/{sha}", content=blob, headers={
        **auth, "Upload-Offset": "0", "Upload-Length": str(len(blob)),
        "Content-Type": "application/offset+octet-stream"}))
    assert r.status == 201
    if c.ctx.blobs.has(sha):
        c.ctx.blobs.path_for(sha).unlink()
    seen: list[Request] = []
    c.transport.on_send = seen.append
    try:
        assert c.engine.fetch_blob(sha)
    finally:
        c.transport.on_send = None
    assert seen[-1].sink is not None   # the body went to the blob store piece by piece, not into memory
    assert c.ctx.blobs.read_bytes(sha) == blob
    store = BlobStore(tmp_path / "blobs")
    wrong = hashlib.sha256(b"something else").hexdigest()
    with pytest.raises(DigestMismatch):
        store.put_stream(iter([blob[:1000], blob[1000:]]), wrong)
    assert not store.has(wrong) and not store.has(sha) and not list((tmp_path / "blobs").glob(".incoming-*"))


def test_a_twin_upload_that_finished_first_only_means_the_bytes_are_published_again(
        blob_world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 17: a one-request upload (Upload-Length at offset 0, no upload row) does not read the database again
    under the staging lock. When the same bytes were published in between (here: from inside its `ensure`), it
    stages, verifies and publishes them once more: one blob row, one grant, exact bytes, no staging file left."""
    import os

    from sqlalchemy import func, select

    from inspector_app.server import auth
    from inspector_app.server.models import Blob, BlobGrant

    up = blob_world.uploads
    now = blob_world.clock()
    with up.db.read() as s:
        who = auth.authenticate(s, blob_world.token("alice"), now)
    assert who is not None
    data = os.urandom(3000)
    sha = hashlib.sha256(data).hexdigest()
    real_ensure = up.staging.ensure

    def twin_first(sha256: str) -> Path:
        monkeypatch.setattr(up.staging, "ensure", real_ensure)
        assert up.patch(who, sha256, 0, data, None, now, len(data)) == (201, len(data), True)
        return real_ensure(sha256)

    monkeypatch.setattr(up.staging, "ensure", twin_first)
    published = up.stats.published
    assert up.patch(who, sha, 0, data, None, now, len(data)) == (201, len(data), True)
    assert up.stats.published == published + 2
    with up.storage.open(sha) as f:
        assert f.read() == data
    assert up.staging.length(sha) is None
    with up.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Blob).where(Blob.sha256 == sha)) == 1
        assert s.scalar(select(func.count()).select_from(BlobGrant).where(BlobGrant.sha256 == sha)) == 1
