"""Evidence blobs in an S3-compatible object store (AWS S3, MinIO, Ceph RGW, ...), selected by a URL.

    s3://BUCKET[/PREFIX]?endpoint=http://host:9000&region=cn-north-1&addressing=path

Credentials never appear in the URL (refused): boto3's own chain supplies them — AWS_ACCESS_KEY_ID /
AWS_SECRET_ACCESS_KEY in the server's environment, or AWS_SHARED_CREDENTIALS_FILE / AWS_PROFILE naming a file the
operator keeps outside the repository (docs/server-storage.md).

Keys are content addressed: PREFIX/cas/ab/cd/<sha256>. A blob is published only after the staged file's SHA-256
matched its name (uploads.py); the object is then written once from that file — by a multipart upload in parts of
`part_size` when it is larger than `multipart_threshold` (s3transfer aborts the multipart upload on failure, and
the bucket's lifecycle rule removes any left behind by a killed process) — with an S3-side SHA-256 checksum per
request, and its length is checked with a HEAD before the database row that points at it is written. Reads
stream ranged GETs in 1 MiB pieces: nothing holds a whole video in memory.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import parse_qs, urlsplit

from inspector_app.server.storage import READ_CHUNK, check_sha

MiB = 1 << 20


class StoreConfigError(ValueError):
    """A blob-store URL the server cannot use (shown to the operator at start-up)."""


def parse_url(url: str) -> dict[str, Any]:
    parts = urlsplit(url)
    if parts.scheme != "s3":
        raise StoreConfigError(f"blob store URL must start with s3:// (got {parts.scheme or 'no scheme'!r})")
    if parts.username or parts.password:
        raise StoreConfigError("credentials do not belong in the blob store URL: set AWS_ACCESS_KEY_ID and "
                               "AWS_SECRET_ACCESS_KEY (or AWS_SHARED_CREDENTIALS_FILE) in the server's environment")
    if not parts.hostname:
        raise StoreConfigError("blob store URL names no bucket: s3://BUCKET[/PREFIX]")
    query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
    unknown = set(query) - {"endpoint", "region", "addressing"}
    if unknown:
        raise StoreConfigError(f"unknown blob store URL parameter(s): {', '.join(sorted(unknown))}")
    addressing = query.get("addressing", "path" if query.get("endpoint") else "auto")
    if addressing not in ("path", "virtual", "auto"):
        raise StoreConfigError("addressing must be path, virtual or auto")
    prefix = parts.path.strip("/")
    return {"bucket": parts.hostname, "prefix": f"{prefix}/" if prefix else "",
            "endpoint": query.get("endpoint") or os.environ.get("INSPECTOR_SERVER_S3_ENDPOINT") or None,
            "region": query.get("region") or os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION")
            or "us-east-1", "addressing": addressing}


class S3BlobStorage:
    """The `BlobStorage` protocol (storage.py) on an S3 bucket."""

    def __init__(self, url: str, *, multipart_threshold: int = 64 * MiB, part_size: int = 16 * MiB,
                 max_concurrency: int = 4, client: Any = None):
        import boto3
        from boto3.s3.transfer import TransferConfig
        from botocore.config import Config

        cfg = parse_url(url)
        self.bucket, self.prefix = cfg["bucket"], cfg["prefix"]
        self.client = client or boto3.session.Session().client(
            "s3", endpoint_url=cfg["endpoint"], region_name=cfg["region"],
            config=Config(s3={"addressing_style": cfg["addressing"]}, retries={"max_attempts": 5, "mode": "standard"},
                          max_pool_connections=max(10, max_concurrency * 2),
                          request_checksum_calculation="when_supported"))
        # Peak memory while publishing is about part_size × max_concurrency (s3transfer buffers each part).
        self.transfer = TransferConfig(multipart_threshold=max(multipart_threshold, 5 * MiB),
                                       multipart_chunksize=max(part_size, 5 * MiB),
                                       max_concurrency=max_concurrency, use_threads=max_concurrency > 1)

    def describe(self) -> str:
        return f"s3://{self.bucket}/{self.prefix}"

    def key(self, sha256: str) -> str:
        check_sha(sha256)
        return f"{self.prefix}cas/{sha256[:2]}/{sha256[2:4]}/{sha256}"

    def check(self) -> None:
        """Fail at start-up, not at the first upload, when the bucket is missing or the credentials are wrong."""
        self.client.head_bucket(Bucket=self.bucket)

    def size(self, sha256: str) -> int | None:
        from botocore.exceptions import ClientError

        try:
            head = self.client.head_object(Bucket=self.bucket, Key=self.key(sha256))
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in ("404", "NoSuchKey", "NotFound"):
                return None
            raise
        return int(head["ContentLength"])

    def exists(self, sha256: str) -> bool:
        return self.size(sha256) is not None

    def publish(self, sha256: str, staged: Path) -> str:
        """Write the verified staging file under its hash, confirm it with a HEAD, then drop the staging file."""
        key = self.key(sha256)
        length = staged.stat().st_size
        if self.size(sha256) != length:   # content addressed: an object of the right length is these bytes
            self.client.upload_file(str(staged), self.bucket, key, Config=self.transfer, ExtraArgs={
                "ContentType": "application/octet-stream", "ChecksumAlgorithm": "SHA256",
                "Metadata": {"sha256": sha256}})
            stored = self.size(sha256)
            if stored != length:
                raise OSError(f"object store kept {stored} bytes of {length} for {key}")
        staged.unlink(missing_ok=True)
        return key

    def open(self, sha256: str) -> BinaryIO:
        """A streaming, read-only body (read(n) pieces; not seekable)."""
        from botocore.exceptions import ClientError

        try:
            return self.client.get_object(Bucket=self.bucket, Key=self.key(sha256))["Body"]  # type: ignore[no-any-return]
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in ("404", "NoSuchKey"):
                raise FileNotFoundError(self.key(sha256)) from None
            raise

    def iter_range(self, sha256: str, start: int, end: int) -> Iterator[bytes]:
        """Bytes [start, end) in 1 MiB pieces from one ranged GET."""
        if end <= start:
            return
        obj = self.client.get_object(Bucket=self.bucket, Key=self.key(sha256), Range=f"bytes={start}-{end - 1}")
        body = obj["Body"]
        try:
            yield from body.iter_chunks(READ_CHUNK)
        finally:
            body.close()

    def delete(self, sha256: str) -> None:
        self.client.delete_object(Bucket=self.bucket, Key=self.key(sha256))
