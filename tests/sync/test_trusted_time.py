"""Trusted time end to end against the real server process (issue 11 item 5): the server's own TSA is set up from
the agency CA by the command line; a record signed on one laptop is timestamped on arrival, pulled by another
laptop as a new revision of the same document and verified with "time proven"; poppler still accepts every
signature; a laptop whose clock is off is warned."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization
from sqlalchemy import select

from inspector_app.records import pki
from inspector_app.records.verify import describe, verify_pdf
from inspector_app.storage.records_orm import DocumentRow
from tests.sync.harness import OFFICERS
from tests.sync.loopback import ServerProcess, admin, client_workspace, seed
from tests.sync.test_review_sync import EPOCH, _keys, _sign

pytestmark = [pytest.mark.timeout(300)]


def _laptop(app: Any) -> Any:
    return SimpleNamespace(app=app, ctx=app.ctx)


def _record_pdf(app: Any, iid: str) -> tuple[DocumentRow, bytes]:
    with app.ctx.read() as s:
        doc = s.scalars(select(DocumentRow).where(DocumentRow.inspection_id == iid,
                                                  DocumentRow.kind == "record")).one()
    return doc, app.ctx.blobs.path_for(doc.pdf_sha256).read_bytes()


def test_signed_record_gets_trusted_time_and_a_skewed_laptop_is_warned(tmp_path: Path, mini_forms: Path) -> None:
    from inspector_app.app import build_context
    from inspector_app.sync.engine import SyncEngine
    from inspector_app.sync.transport import HttpTransport
    from inspector_app.ui.sync_controller import describe as describe_status

    db = str(tmp_path / "server.sqlite3")
    seed(db, tmp_path)
    ca = pki.create_ca("测试市医疗保障局", not_before=EPOCH)
    (tmp_path / "ca.pem").write_bytes(ca.cert.public_bytes(serialization.Encoding.PEM))
    (tmp_path / "ca-key.pem").write_bytes(ca.key.private_bytes(serialization.Encoding.PEM,
                                                               serialization.PrivateFormat.PKCS8,
                                                               serialization.NoEncryption()))
    storage = tmp_path / "storage"
    admin(db, "--storage", str(storage), "tsa", "init", "--ca-cert", str(tmp_path / "ca.pem"),
          "--ca-key", str(tmp_path / "ca-key.pem"))
    assert (storage / "tsa" / "tsa-key.pem").stat().st_mode & 0o077 == 0
    server = ServerProcess(db, storage).start()
    apps = []
    try:
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
        doc_a, signed = _record_pdf(app_a, iid)
        r = eng_a.sync_round()
        assert r.ok, r.error
        assert eng_b.sync_round().ok, eng_b.status().last_error
        doc_b, stamped = _record_pdf(app_b, iid)
        # the same document, a new revision: the signed bytes unchanged, a document timestamp appended
        assert doc_b.id == doc_a.id and doc_b.pdf_sha256 != doc_a.pdf_sha256
        assert stamped.startswith(signed) and b"/DocTimeStamp" in stamped[len(signed):]

        report = verify_pdf(stamped, [ca.cert], [pki.make_crl(ca)], require="signed")  # not yet approved
        proof = report.time_proof
        assert report.ok, report.reasons
        assert proof is not None and proof.proven and not proof.device_clock_flagged
        assert "测试市医疗保障局 时间戳服务" in proof.tsa
        assert abs(proof.proven_at - dt.datetime.now(dt.timezone.utc)) < dt.timedelta(minutes=5)
        text = describe(report)
        assert "可信时间：由时间戳服务" in text and "设备时钟" in text
        # an untrusted TSA proves nothing
        stranger = pki.create_ca("别的机构", not_before=EPOCH)
        other = verify_pdf(stamped, [stranger.cert]).time_proof
        assert other is not None and not other.proven and other.problems
        # the laptop that signed receives the timestamped revision too
        assert eng_a.sync_round().ok
        assert _record_pdf(app_a, iid)[1] == stamped
        if shutil.which("pdfsig"):
            path = tmp_path / "stamped.pdf"
            path.write_bytes(stamped)
            out = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True).stdout
            # both officers' signatures stay valid; poppler lists the document timestamp (it covers the whole
            # file) but does not validate RFC 3161 tokens itself ("Signature Type: unknown")
            assert out.count("Signature is Valid.") == 2, out
            assert "Total document signed" in out.split("Signature #3")[1], out

        # a laptop whose clock runs two hours fast: the status bar says so
        app_c = build_context(str(tmp_path / "client-c"), device="laptop-c")
        apps.append(app_c)
        fast = SyncEngine(app_c.ctx, HttpTransport(server.url), server_url=server.url, sleeper=lambda _s: None,
                          clock=lambda: dt.datetime.now(dt.timezone.utc) + dt.timedelta(hours=2))
        assert fast.sign_in("lead", "correct horse battery").ok
        assert fast.sync_round().ok
        status = fast.status()
        assert status.clock_skew_seconds is not None and abs(status.clock_skew_seconds + 7200) < 300
        assert fast.clock_skewed() and "120 min off" in describe_status(status)
        assert not eng_b.clock_skewed() and "min off" not in describe_status(eng_b.status())
    finally:
        for app in apps:
            app.close()
        server.stop()


def _pem_files(tmp_path: Path, ca: Any) -> tuple[Path, Path]:
    cert, key = tmp_path / "ca.pem", tmp_path / "ca-key.pem"
    cert.write_bytes(ca.cert.public_bytes(serialization.Encoding.PEM))
    key.write_bytes(ca.key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                         serialization.NoEncryption()))
    return cert, key


def test_the_servers_own_tsa_answers_rfc3161_requests(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import hashlib
    import os

    from asn1crypto import algos, tsp

    from inspector_app.server import cli as server_cli
    from inspector_app.server.app import ServerSettings, create_app
    from inspector_app.server.auth import add_user
    from inspector_app.sync.transport import ASGITransport, Request

    ca = pki.create_ca("测试市医疗保障局", not_before=EPOCH)
    cert, key = _pem_files(tmp_path, ca)
    db, storage = str(tmp_path / "s.sqlite3"), tmp_path / "storage"
    other = pki.create_ca("别的机构", not_before=EPOCH)
    (tmp_path / "other").mkdir()
    wrong_cert, _ = _pem_files(tmp_path / "other", other)
    assert server_cli.main(["server", "--db", db, "--storage", str(storage), "tsa", "init",
                            "--ca-cert", str(wrong_cert), "--ca-key", str(key)]) == 1
    assert "不匹配" in capsys.readouterr().err and not (storage / "tsa").exists()
    assert server_cli.main(["server", "--db", db, "--storage", str(storage), "tsa", "init",
                            "--ca-cert", str(cert), "--ca-key", str(key)]) == 0
    app = create_app(ServerSettings(db_url=db, storage_dir=storage, argon2_memory_kib=64, argon2_time_cost=1))
    with app.state.db.write() as s:
        add_user(s, app.state.hasher, "alice", "correct horse battery", "inspector", ["t1"])
    t = ASGITransport(app)
    token = t.send(Request("POST", "/sync/v1/login", json={"user": "alice", "password": "correct horse battery"}))
    h = {"Authorization": f"Bearer {token.json()['token']}", "Content-Type": "application/timestamp-query"}
    digest = hashlib.sha256(b"a signed record").digest()
    nonce = int.from_bytes(os.urandom(8), "big")
    req = tsp.TimeStampReq({"version": 1, "message_imprint": tsp.MessageImprint({
        "hash_algorithm": algos.DigestAlgorithm({"algorithm": "sha256"}), "hashed_message": digest}),
        "nonce": nonce, "cert_req": True})
    r = t.send(Request("POST", "/tsa", content=req.dump(), headers=h))
    assert r.status == 200 and r.headers["content-type"] == "application/timestamp-reply"
    resp = tsp.TimeStampResp.load(r.content)
    assert resp["status"]["status"].native == "granted"
    info = resp["time_stamp_token"]["content"]["encap_content_info"]["content"].parsed
    assert info["message_imprint"]["hashed_message"].native == digest and info["nonce"].native == nonce
    assert info["policy"].dotted == (storage / "tsa" / "policy.txt").read_text().strip()
    assert abs(info["gen_time"].native - dt.datetime.now(dt.timezone.utc)) < dt.timedelta(minutes=5)
    signer = [c.chosen for c in resp["time_stamp_token"]["content"]["certificates"]
              if c.chosen.subject.native.get("common_name", "").endswith("时间戳服务")][0]
    assert signer.extended_key_usage_value.native == ["time_stamping"]
    bad = t.send(Request("POST", "/tsa", content=b"not a request", headers=h))
    assert bad.status == 400 and bad.json()["error"] == "bad_timestamp_query"
    assert t.send(Request("POST", "/tsa", content=req.dump(),
                          headers={"Content-Type": "application/timestamp-query"})).status == 401
