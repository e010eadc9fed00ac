"""Trusted time from an *external* TSA URL, end to end (issue 11 item 5): a TSA process of its own
(`inspector server tsa serve`, RFC 3161 over HTTP on 127.0.0.1), the sync server pointed at it with
INSPECTOR_SERVER_TSA_URL, a record signed on one laptop, timestamped by the external TSA on arrival, pulled by
another laptop and verified with "time proven" by that TSA; a damaged token fails the verification; poppler lists
the timestamp but cannot validate RFC 3161 tokens (records/timestamps.py says why)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import time
from pathlib import Path

import httpx
import pytest
from cryptography.hazmat.primitives import serialization

from inspector_app.records import pki
from inspector_app.records.verify import describe, verify_pdf
from tests.sync.harness import OFFICERS
from tests.sync.loopback import CLI, ServerProcess, _env, admin, client_workspace, free_port, seed
from tests.sync.test_review_sync import EPOCH, _keys, _sign
from tests.sync.test_trusted_time import _laptop, _record_pdf

pytestmark = [pytest.mark.timeout(300)]


def _start_tsa(storage: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    proc = subprocess.Popen([*CLI, "tsa", "serve", "--storage", str(storage), "--host", "127.0.0.1",
                             "--port", str(port)], env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"TSA exited: {proc.stderr.read().decode() if proc.stderr else ''}")
        try:
            if httpx.get(url + "healthz", timeout=1).status_code == 200:
                return proc, url
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.terminate()
    raise RuntimeError("TSA did not start in 30 s")


def _damage_timestamp(pdf: bytes) -> bytes:
    """Flip one hex digit inside the last /Contents token (the document timestamp's RFC 3161 token)."""
    start = pdf.rindex(b"/Contents <") + len(b"/Contents <")
    at = start + 400  # well inside the token, before its zero padding
    digit = pdf[at:at + 1]
    return pdf[:at] + (b"1" if digit != b"1" else b"2") + pdf[at + 1:]


def test_external_tsa_url_end_to_end(tmp_path: Path, mini_forms: Path) -> None:
    db = str(tmp_path / "server.sqlite3")
    seed(db, tmp_path)
    ca = pki.create_ca("测试市医疗保障局", not_before=EPOCH)
    (tmp_path / "ca.pem").write_bytes(ca.cert.public_bytes(serialization.Encoding.PEM))
    (tmp_path / "ca-key.pem").write_bytes(ca.key.private_bytes(serialization.Encoding.PEM,
                                                               serialization.PrivateFormat.PKCS8,
                                                               serialization.NoEncryption()))
    tsa_storage = tmp_path / "tsa-host"
    admin(db, "tsa", "init", "--storage", str(tsa_storage), "--ca-cert", str(tmp_path / "ca.pem"),
          "--ca-key", str(tmp_path / "ca-key.pem"), "--name", "测试市医疗保障局 外部时间戳服务")
    tsa_proc, tsa_url = _start_tsa(tsa_storage)
    storage = tmp_path / "storage"   # the sync server has no TSA of its own: only the URL
    server = ServerProcess(db, storage, env={"INSPECTOR_SERVER_TSA_URL": tsa_url}).start()
    apps = []
    try:
        # the TSA refuses what is not an RFC 3161 query
        assert httpx.post(tsa_url, content=b"x", headers={"Content-Type": "text/plain"}).status_code == 415
        assert httpx.post(tsa_url, content=b"x", headers={"Content-Type": "application/timestamp-query"}
                          ).status_code == 400
        app_a, eng_a = client_workspace(tmp_path, "a", server.url, "alice")
        app_b, eng_b = client_workspace(tmp_path, "b", server.url, "bob")
        apps += [app_a, app_b]
        a, b = _laptop(app_a), _laptop(app_b)
        assert eng_a.sync_round().ok
        from tests.sync.test_engine_e2e import create_inspection

        iid = create_inspection(a)  # type: ignore[arg-type]
        _keys(a, ca, OFFICERS[:2])
        _keys(b, ca, [])
        _sign(a, iid)
        _doc_a, signed = _record_pdf(app_a, iid)
        assert eng_a.sync_round().ok
        assert eng_b.sync_round().ok, eng_b.status().last_error
        _doc_b, stamped = _record_pdf(app_b, iid)
        assert stamped.startswith(signed) and b"/DocTimeStamp" in stamped[len(signed):]
        assert b"/ETSI.RFC3161" in stamped[len(signed):]

        report = verify_pdf(stamped, [ca.cert], [pki.make_crl(ca)], require="signed")
        proof = report.time_proof
        assert report.ok, report.reasons
        assert proof.proven and proof.tsa == "测试市医疗保障局 外部时间戳服务"
        assert abs(proof.proven_at - dt.datetime.now(dt.timezone.utc)) < dt.timedelta(minutes=5)
        assert "可信时间：由时间戳服务 测试市医疗保障局 外部时间戳服务 证明于" in describe(report)

        damaged = verify_pdf(_damage_timestamp(stamped), [ca.cert], [pki.make_crl(ca)], require="signed")
        assert not damaged.ok and "timestamp_invalid" in damaged.codes and not damaged.time_proof.proven
        assert any(c.code == "timestamp_invalid" and c.status == "fail" for c in damaged.checks)

        if shutil.which("pdfsig"):
            path = tmp_path / "stamped.pdf"
            path.write_bytes(stamped)
            run = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True)
            last = run.stdout.split("Signature #3")[1]
            # poppler: the officers' signatures are valid; the RFC 3161 SubFilter is not one it validates
            assert run.stdout.count("Signature is Valid.") == 2, run.stdout
            assert "Signature Type: unknown" in last and "Total document signed" in last
            assert re.search(r"Unable to validate this type of signature", run.stderr), run.stderr
    finally:
        for app in apps:
            app.close()
        server.stop()
        tsa_proc.terminate()
        tsa_proc.wait(timeout=10)


def test_tsa_serve_without_a_tsa_certificate_is_a_clear_error(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    from inspector_app.server import cli as server_cli

    assert server_cli.main(["server", "--storage", str(tmp_path / "empty"), "tsa", "serve", "--port", "0"]) == 1
    assert "请先运行 inspector server tsa init" in capsys.readouterr().err
