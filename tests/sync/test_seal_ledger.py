"""The seal ledger against the real server process (issue 11 item 6, an insider re-sealing): export registers the
case file's seal (journal + outbox → server, append-only); another laptop pulls the ledger; the genuine case file
verifies with "registered"; the same case file altered and re-sealed with a genuine agency certificate passes every
offline check but is flagged `seal_not_registered` against the ledger; an export not yet synced is unconfirmed."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from inspector_app.records import pki
from inspector_app.records.casefile_pdf import CatalogueEntry, Sealer, catalogue_pdf
from inspector_app.records.seal import seal_catalogue
from inspector_app.services.case_file import MANIFEST
from tests.sync.harness import OFFICERS
from tests.sync.loopback import ServerProcess, _env, client_workspace, seed
from tests.sync.test_review_sync import EPOCH, PW, _keys, _sign
from tests.sync.test_trusted_time import _laptop

pytestmark = [pytest.mark.timeout(300)]
CATALOGUE, CATALOGUE_TXT = "卷内目录.pdf", "卷内目录.txt"


def _reseal_altered(src: Path, dst: Path, ca: pki.CertKey) -> Path:
    """What an insider can do outside the app: change a file, rewrite the manifest to match and seal the 卷内目录
    again with an officer certificate the agency CA issued to the sealer named in it."""
    with zipfile.ZipFile(src) as zf:
        entries = {i.filename: zf.read(i) for i in zf.infolist()}
    entries[CATALOGUE_TXT] = entries[CATALOGUE_TXT] + "\n（事后补充的说明）\n".encode("utf-8")
    manifest = json.loads(entries[MANIFEST])
    for row in manifest["files"]:
        row["sha256"] = hashlib.sha256(entries[row["path"]]).hexdigest()
        row["size"] = len(entries[row["path"]])
    data = json.dumps(manifest, ensure_ascii=False).encode()
    rows = [CatalogueEntry(r["path"], r["title"], r["category"], r["sha256"], r["size"]) for r in manifest["files"]]
    who = manifest["sealed_by"]
    pdf, field = catalogue_pdf(manifest, rows, Sealer(who["officer_id"], who["name"], who["certificate_no"],
                                                      who["role"]))
    ck = pki.issue_officer(ca, who["name"], who["certificate_no"], not_before=EPOCH)
    assert field is not None
    entries[CATALOGUE] = seal_catalogue(pdf, field, data, ck)
    entries[MANIFEST] = data
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, body in entries.items():
            zout.writestr(name, body)
    return dst


def test_resealed_case_file_is_flagged_against_the_server_seal_ledger(tmp_path: Path, mini_forms: Path) -> None:
    db = str(tmp_path / "server.sqlite3")
    seed(db, tmp_path)
    ca = pki.create_ca("测试市医疗保障局", not_before=EPOCH)
    crl = pki.make_crl(ca)
    server = ServerProcess(db, tmp_path / "storage").start()
    apps = []
    try:
        app_a, eng_a = client_workspace(tmp_path, "a", server.url, "alice")
        app_b, eng_b = client_workspace(tmp_path, "b", server.url, "bob")
        apps += [app_a, app_b]
        a = _laptop(app_a)
        assert eng_a.sync_round().ok
        from tests.sync.test_engine_e2e import create_inspection

        iid = create_inspection(a)  # type: ignore[arg-type]
        _keys(a, ca, OFFICERS[:2])
        _keys(_laptop(app_b), ca, [])
        _sign(a, iid)
        genuine = app_a.case_files.export(iid, tmp_path / "case.zip", officer_id=OFFICERS[0][0], password=PW)
        # not yet on the server: the exporting laptop knows the seal, the server has not confirmed it
        early = app_a.case_files.verify(genuine, [ca.cert], [crl], ledger=True)
        assert early.codes == {"seal_not_registered"}
        assert early.problems[0].detail.code == "case_file.seal_not_confirmed"
        assert eng_a.sync_round().ok
        assert eng_b.sync_round().ok, eng_b.status().last_error

        report = app_b.case_files.verify(genuine, [ca.cert], [crl], ledger=True)
        assert report.ok, report.problems
        assert report.ledger and report.ledger.startswith("封卷已在服务器登记：陈明哲")
        assert "封卷已在服务器登记" in report.describe()
        assert app_a.case_files.verify(genuine, [ca.cert], [crl], ledger=True).ok  # acknowledged on push

        resealed = _reseal_altered(genuine, tmp_path / "resealed.zip", ca)
        offline = app_b.case_files.verify(resealed, [ca.cert], [crl])
        assert offline.ok, offline.problems  # every offline check holds: the insider's seal is genuine
        flagged = app_b.case_files.verify(resealed, [ca.cert], [crl], ledger=True)
        assert flagged.codes == {"seal_not_registered"}, flagged.problems
        detail = flagged.problems[0].detail
        assert detail.code == "case_file.seal_not_in_ledger"  # re-sealed; the genuine registered seal named beside it
        assert [seal.params["name"] for seal in detail.params["seals"]] == ["陈明哲"]

        # the command line: `inspector verify FILE.zip --ledger` against laptop B's workspace
        (tmp_path / "ca.pem").write_bytes(ca.cert.public_bytes(serialization.Encoding.PEM))
        base = [sys.executable, "-m", "inspector_app", "verify", "--data-dir", str(tmp_path / "client-b"),
                "--trust", str(tmp_path / "ca.pem")]
        ok = subprocess.run([*base, str(genuine), "--ledger"], capture_output=True, text=True, env=_env(),
                            timeout=120)
        assert ok.returncode == 0, ok.stdout + ok.stderr
        bad = subprocess.run([*base, str(resealed), "--ledger"], capture_output=True, text=True, env=_env(),
                             timeout=120)
        assert bad.returncode == 1 and "不在服务器的封卷登记中" in bad.stdout, bad.stdout + bad.stderr
    finally:
        for app in apps:
            app.close()
        server.stop()
