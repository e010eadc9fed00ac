"""The S3 evidence store (server/s3_storage.py) against moto_server on 127.0.0.1 (tests/sync/s3.py): content-
addressed keys, multipart publishing of large files, ranged streaming reads, a wrong hash never published, and
configuration errors that name the problem. The upload tests (test_uploads.py) run on both stores as well."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from inspector_app.server.s3_storage import S3BlobStorage, StoreConfigError, parse_url
from inspector_app.sync.transport import Request
from tests.sync.harness import World

MiB = 1 << 20


def _staged(tmp_path: Path, data: bytes) -> tuple[str, Path]:
    p = tmp_path / "x.part"
    p.write_bytes(data)
    return hashlib.sha256(data).hexdigest(), p


def test_large_blob_is_published_multipart_under_its_hash_and_read_back_in_ranges(s3_server, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bucket = s3_server.new_bucket()
    store = S3BlobStorage(s3_server.url(bucket, "agency/evidence"), multipart_threshold=5 * MiB, part_size=5 * MiB,
                          max_concurrency=2)
    data = os.urandom(11 * MiB + 123)
    sha, staged = _staged(tmp_path, data)
    assert not store.exists(sha) and store.size(sha) is None
    key = store.publish(sha, staged)
    assert key == f"agency/evidence/cas/{sha[:2]}/{sha[2:4]}/{sha}"
    assert not staged.exists(), "the staging file is consumed like a rename"
    head = s3_server.client().head_object(Bucket=bucket, Key=key)
    assert head["ETag"].strip('"').endswith("-3"), "11 MiB in 5 MiB parts is a three-part multipart upload"
    assert head["Metadata"]["sha256"] == sha and store.size(sha) == len(data)
    assert b"".join(store.iter_range(sha, 0, len(data))) == data
    assert b"".join(store.iter_range(sha, 5 * MiB - 7, 5 * MiB + 9)) == data[5 * MiB - 7:5 * MiB + 9]
    assert list(store.iter_range(sha, 10, 10)) == []
    with store.open(sha) as body:
        assert hashlib.sha256(body.read()).hexdigest() == sha
    # Publishing the same bytes again (a second server racing, a retry) sends nothing and keeps the object.
    _sha, again = _staged(tmp_path, data)
    calls: list[object] = []
    store.client.meta.events.register("before-call.s3.PutObject", lambda **kw: calls.append(kw))
    store.client.meta.events.register("before-call.s3.CreateMultipartUpload", lambda **kw: calls.append(kw))
    assert store.publish(sha, again) == key and calls == [] and not again.exists()
    store.delete(sha)
    assert not store.exists(sha)
    with pytest.raises(FileNotFoundError):
        store.open(sha)


def test_small_blob_is_one_put_with_an_s3_side_checksum(s3_server, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bucket = s3_server.new_bucket()
    store = S3BlobStorage(s3_server.url(bucket))
    data = b"photo" * 1000
    sha, staged = _staged(tmp_path, data)
    key = store.publish(sha, staged)
    assert key == f"cas/{sha[:2]}/{sha[2:4]}/{sha}"
    head = s3_server.client().head_object(Bucket=bucket, Key=key, ChecksumMode="ENABLED")
    import base64

    assert base64.b64decode(head["ChecksumSHA256"]) == hashlib.sha256(data).digest()


@pytest.mark.parametrize(("url", "fragment"), [
    ("s3://key:secret@bucket/x", "credentials do not belong"),
    ("https://bucket/x", "must start with s3://"),
    ("s3:///prefix", "names no bucket"),
    ("s3://bucket/x?endpoint=http://127.0.0.1:1&secret=1", "unknown blob store URL parameter(s): secret"),
    ("s3://bucket/x?addressing=sideways", "addressing must be"),
])
def test_bad_store_urls_are_refused_with_the_reason(url: str, fragment: str) -> None:
    with pytest.raises(StoreConfigError) as exc:
        parse_url(url)
    assert fragment in str(exc.value)


def test_url_parts() -> None:
    cfg = parse_url("s3://evidence/prov-a/?endpoint=http://127.0.0.1:9000&region=cn-north-1")
    assert cfg == {"bucket": "evidence", "prefix": "prov-a/", "endpoint": "http://127.0.0.1:9000",
                   "region": "cn-north-1", "addressing": "path"}


def test_server_refuses_to_start_on_a_missing_bucket(s3_server, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from botocore.exceptions import ClientError

    from inspector_app.server.app import ServerSettings, create_app

    with pytest.raises(ClientError):
        create_app(ServerSettings(db_url=str(tmp_path / "s.sqlite3"), storage_dir=tmp_path / "blobs",
                                  blob_store=s3_server.url("no-such-bucket-here")))


def test_uploaded_blob_downloads_with_ranges_from_the_bucket(blob_world: World) -> None:
    token = blob_world.token("alice")
    auth = {"Authorization": f"Bearer {token}"}
    data = os.urandom(3 * MiB + 5)
    sha = hashlib.sha256(data).hexdigest()
    r = blob_world.direct.send(Request("POST", "/sync/v1/uploads", json={"sha256": sha, "size": len(data)},
                                       headers=auth))
    assert r.status == 200 and r.json()["offset"] == 0
    half = len(data) // 2
    for start, end in ((0, half), (half, len(data))):
        r = blob_world.direct.send(Request("PATCH", f"/sync/v1/uploads/{sha}", content=data[start:end], headers={
            **auth, "Upload-Offset": str(start), "Content-Type": "application/offset+octet-stream"}))
        assert r.status in (201, 204), r.content
    assert r.status == 201 and blob_world.uploads.storage.size(sha) == len(data)
    assert not (blob_world.uploads.staging.dir / f"{sha}.part").exists()
    whole = blob_world.direct.send(Request("GET", f"/sync/v1/blobs/{sha}", headers=auth))
    assert whole.status == 200 and whole.content == data
    part = blob_world.direct.send(Request("GET", f"/sync/v1/blobs/{sha}", headers={**auth, "Range": "bytes=100-"}))
    assert part.status == 206 and part.content == data[100:]
    assert part.headers["content-range"] == f"bytes 100-{len(data) - 1}/{len(data)}"
    tail = blob_world.direct.send(Request("GET", f"/sync/v1/blobs/{sha}", headers={**auth, "Range": "bytes=-10"}))
    assert tail.status == 206 and tail.content == data[-10:]
    stranger = {"Authorization": f"Bearer {blob_world.token('eve')}"}
    assert blob_world.direct.send(Request("GET", f"/sync/v1/blobs/{sha}", headers=stranger)).status == 404


@pytest.fixture
def small_chunk_world(tmp_path: Path, mini_forms: Path, monkeypatch: pytest.MonkeyPatch,
                      tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from tests.sync.harness import fast_kdf

    fast_kdf(monkeypatch)
    w = World(tmp_path, cache=tmp_path_factory.getbasetemp() / "client-template", max_chunk=1 * MiB)
    yield w
    w.close()


def test_streamed_chunks_past_a_limit_are_refused_and_cut_back_off_the_staging_file(small_chunk_world: World) -> None:
    w = small_chunk_world
    auth = {"Authorization": f"Bearer {w.token('alice')}"}
    data = os.urandom(3 * MiB)
    sha = hashlib.sha256(data).hexdigest()
    assert w.direct.send(Request("POST", "/sync/v1/uploads", json={"sha256": sha, "size": len(data)},
                                 headers=auth)).status == 200
    patch = {**auth, "Content-Type": "application/offset+octet-stream"}
    ok = w.direct.send(Request("PATCH", f"/sync/v1/uploads/{sha}", content=data[:MiB],
                               headers={**patch, "Upload-Offset": "0"}))
    assert ok.status == 204 and ok.header("upload-offset") == str(MiB)

    def streamed() -> Iterator[bytes]:   # no Content-Length: the limit is found while the body streams
        for i in range(MiB, 3 * MiB, 64 << 10):
            yield data[i:i + (64 << 10)]

    big = w.direct.send(Request("PATCH", f"/sync/v1/uploads/{sha}", content=streamed(),  # type: ignore[arg-type]
                                headers={**patch, "Upload-Offset": str(MiB)}))
    assert big.status == 413 and big.json()["error"] in ("body_too_large", "chunk_too_large")
    assert w.uploads.staging.length(sha) == MiB, "the refused chunk left nothing behind"
    # A chunk running past the declared size is refused the same way (400) and cut back.
    small = hashlib.sha256(b"x" * 100).hexdigest()
    w.direct.send(Request("POST", "/sync/v1/uploads", json={"sha256": small, "size": 100}, headers=auth))
    r = w.direct.send(Request("PATCH", f"/sync/v1/uploads/{small}", content=b"x" * 150,
                              headers={**patch, "Upload-Offset": "0"}))
    assert r.status == 400 and r.json()["error"] == "beyond_length" and w.uploads.staging.length(small) == 0
    # The upload goes on from the server's offset and is published whole.
    for start in (MiB, 2 * MiB):
        r = w.direct.send(Request("PATCH", f"/sync/v1/uploads/{sha}", content=data[start:start + MiB],
                                  headers={**patch, "Upload-Offset": str(start)}))
    assert r.status == 201
    with w.uploads.storage.open(sha) as f:
        assert f.read() == data
