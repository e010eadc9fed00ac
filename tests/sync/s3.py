"""An S3-compatible server for the tests: moto's `moto_server` (the S3 wire protocol over HTTP, Apache-2.0) as a
real process on 127.0.0.1 with a free port. Credentials are dummies set in the environment, as an operator
would set real ones (never in the blob store URL)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid

from tests.sync.loopback import free_port

DUMMY_CREDENTIALS = {"AWS_ACCESS_KEY_ID": "test-access-key", "AWS_SECRET_ACCESS_KEY": "test-secret-key",
                     "AWS_DEFAULT_REGION": "us-east-1"}


class MotoServer:
    def __init__(self) -> None:
        self.port = free_port()
        self.endpoint = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> "MotoServer":
        self.proc = subprocess.Popen([sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(self.port)],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                     env={**os.environ, **DUMMY_CREDENTIALS})
        import httpx

        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(
                    f"moto_server exited: {self.proc.stderr.read().decode() if self.proc.stderr else ''}")
            try:
                httpx.get(f"{self.endpoint}/moto-api/", timeout=1)
                return self
            except httpx.HTTPError:
                time.sleep(0.1)
        raise RuntimeError("moto_server did not start in 60 s")

    def client(self):  # type: ignore[no-untyped-def]
        import boto3

        return boto3.session.Session(aws_access_key_id=DUMMY_CREDENTIALS["AWS_ACCESS_KEY_ID"],
                                     aws_secret_access_key=DUMMY_CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
                                     region_name="us-east-1").client("s3", endpoint_url=self.endpoint)

    def new_bucket(self) -> str:
        name = "evidence-" + uuid.uuid4().hex[:12]
        self.client().create_bucket(Bucket=name)
        return name

    def url(self, bucket: str, prefix: str = "") -> str:
        return f"s3://{bucket}/{prefix}?endpoint={self.endpoint}&region=us-east-1"

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
