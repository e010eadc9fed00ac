"""A forger against the sealed case file (issue 11 item 6), with only what the agency issues: officer certificates
of the agency CA. Each attack class fails with its own reason code; where the attack needs it the manifest is
rewritten, or the case file re-sealed with a genuine agency certificate. The untouched export passes (also in
poppler's pdfsig), and unsafe ZIPs (path tricks, bombs) are refused without being expanded."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import stat
import subprocess
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from inspector_app.records import pki
from inspector_app.records.casefile_pdf import CatalogueEntry, Sealer, catalogue_pdf
from inspector_app.records.seal import seal_catalogue
from inspector_app.services.case_file import MANIFEST, ScanLimits
from tests.imaging import exif_jpeg
from tests.services.test_case_file import _rewrite, case  # noqa: F401 (case: the module's signed, exported sample)
from tests.services.test_signing_service import EPOCH, org_ca  # noqa: F401 (org_ca: fixture)

CATALOGUE = "卷内目录.pdf"


def _entries(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist()}


def _write(dst: Path, entries: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in entries.items():
            zout.writestr(name, data)
    return dst


def _doc(case: SimpleNamespace, prefix: str) -> str:
    return next(n for n in _entries(case.zip) if n.startswith(prefix))


def _reseal(case: SimpleNamespace, dst: Path, *, officer: int = 0, replace: dict[str, bytes] | None = None,
            drop: tuple[str, ...] = (), edit: Callable[[dict[str, Any]], None] | None = None,
            claim: int | None = None) -> Path:
    """What an insider can do: change files, rewrite the manifest to match and seal it again with an officer
    certificate freshly issued by the agency CA (officer `officer` of the roster; `claim`: whom the manifest names)."""
    entries = {k: v for k, v in _entries(case.zip).items() if k not in drop}
    entries.update(replace or {})
    manifest = json.loads(entries[MANIFEST])
    manifest["files"] = [r for r in manifest["files"] if r["path"] in entries]
    manifest["documents"] = [d for d in manifest["documents"] if d["path"] in entries]
    for row in manifest["files"]:
        row["sha256"] = hashlib.sha256(entries[row["path"]]).hexdigest()
        row["size"] = len(entries[row["path"]])
    for d in manifest["documents"]:
        d["pdf_sha256"] = hashlib.sha256(entries[d["path"]]).hexdigest()
    o = case.roster["officers"][officer]
    named = case.roster["officers"][officer if claim is None else claim]
    manifest["sealed_by"] = {"officer_id": named.id, "name": named.name, "certificate_no": named.certificate_no,
                             "role": "承办执法人员"}
    if edit is not None:
        edit(manifest)
    data = json.dumps(manifest, ensure_ascii=False).encode()
    rows = [CatalogueEntry(r["path"], r["title"], r["category"], r["sha256"], r["size"]) for r in manifest["files"]]
    pdf, field = catalogue_pdf(manifest, rows, Sealer(named.id, named.name, named.certificate_no, "承办执法人员"))
    ck = pki.issue_officer(case.ca, o.name, o.certificate_no, not_before=EPOCH)
    assert field is not None
    entries[CATALOGUE] = seal_catalogue(pdf, field, data, ck, signing_time=case.app.ctx.clock())
    entries[MANIFEST] = data
    return _write(dst, entries)


@pytest.fixture(scope="module")
def forged(case: SimpleNamespace, org_ca: pki.CertKey) -> SimpleNamespace:  # noqa: F811
    case.ca = org_ca
    return case


def _codes(case: SimpleNamespace, path: Path, **kw: Any) -> set[str]:
    return case.app.case_files.verify(path, **kw).codes


# ------------------------------------------------------------------------------------------------ the seal


def test_untouched_export_passes_and_its_seal_is_a_valid_pades_signature(forged: SimpleNamespace) -> None:
    report = forged.app.case_files.verify(forged.zip)
    assert report.ok and report.codes == set() and report.seal.ok
    assert report.seal.signer == forged.roster["officers"][0].name and report.seal.revocation_checked
    text = report.describe().splitlines()
    assert text[0] == "结论：通过" and text[3].startswith("封卷签名：通过（陈明哲（执法证号 测执00000）封卷")
    assert "已核对吊销列表" in text[3]
    if shutil.which("pdfsig"):
        target = forged.tmp / "seal.pdf"
        target.write_bytes(_entries(forged.zip)[CATALOGUE])
        out = subprocess.run(["pdfsig", str(target)], capture_output=True, text=True).stdout
        assert "Signature is Valid." in out and "Signature #2" not in out, out


def test_seal_missing(forged: SimpleNamespace) -> None:
    dropped = _rewrite(forged.zip, forged.tmp / "noseal.zip", drop=(CATALOGUE,))
    assert _codes(forged, dropped) == {"seal_missing"}
    entries = _entries(forged.zip)
    manifest = json.loads(entries[MANIFEST])
    unsigned, _field = catalogue_pdf(manifest, [])
    assert _codes(forged, _write(forged.tmp / "unsigned.zip", {**entries, CATALOGUE: unsigned})) == {"seal_missing"}


def test_seal_invalid_when_the_catalogue_is_changed_or_amended(forged: SimpleNamespace) -> None:
    from pyhanko.pdf_utils.generic import pdf_string
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    entries = _entries(forged.zip)
    pdf = entries[CATALOGUE]
    at = pdf.index(b"ReportLab")
    flipped = pdf[:at] + b"X" + pdf[at + 1:]
    assert _codes(forged, _write(forged.tmp / "flipped.zip", {**entries, CATALOGUE: flipped})) == {"seal_invalid"}
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    writer.root["/Lang"] = pdf_string("en")
    writer.update_root()
    out = io.BytesIO()
    writer.write(out)
    amended = _write(forged.tmp / "amended.zip", {**entries, CATALOGUE: out.getvalue()})
    report = forged.app.case_files.verify(amended)
    assert report.codes == {"seal_invalid"} and "修改" in report.problems[0].message


def test_a_rewritten_manifest_copy_does_not_hide_a_fake_photo(forged: SimpleNamespace) -> None:
    entries = _entries(forged.zip)
    photo = exif_jpeg(seed=9)
    manifest = json.loads(entries[MANIFEST])
    manifest["files"].append({"path": "evidence/E-03_补拍.jpg", "sha256": hashlib.sha256(photo).hexdigest(),
                              "size": len(photo), "title": "E-03", "category": "照片证据"})
    path = _write(forged.tmp / "fakephoto.zip", {**entries, "evidence/E-03_补拍.jpg": photo,
                                                 MANIFEST: json.dumps(manifest, ensure_ascii=False).encode()})
    report = forged.app.case_files.verify(path)
    assert report.codes == {"file_added", "manifest_invalid"}
    assert [p.path for p in report.problems if p.code == "file_added"] == ["evidence/E-03_补拍.jpg"]


def test_resealed_by_an_officer_not_named_in_the_record(forged: SimpleNamespace) -> None:
    outsider = _reseal(forged, forged.tmp / "outsider.zip", officer=2)
    assert _codes(forged, outsider) == {"sealer_mismatch"}
    pretending = _reseal(forged, forged.tmp / "pretend.zip", officer=2, claim=0)
    assert _codes(forged, pretending) == {"sealer_mismatch"}


# ------------------------------------------------------------------------------------------------ documents


def test_signed_notice_removed(forged: SimpleNamespace) -> None:
    notice = _doc(forged, "documents/02_")
    removed = _rewrite(forged.zip, forged.tmp / "nonotice.zip", drop=(notice,))
    report = forged.app.case_files.verify(removed)
    assert report.codes == {"document_missing"} and report.problems[0].path == notice
    # an officer of the case removes it, rewrites the manifest and seals again: the sealed journal still records it
    resealed = _reseal(forged, forged.tmp / "nonotice-resealed.zip", drop=(notice,))
    report = forged.app.case_files.verify(resealed)
    assert report.codes == {"document_missing"} and report.problems[0].path == "journal.json"
    detail = report.problems[0].detail
    assert detail.code == "case_file.journal_document_not_sealed" and "通知书" in detail.params["document"]


def _first_revision(pdf: bytes) -> bytes:
    from pyhanko.pdf_utils.reader import PdfFileReader

    first = PdfFileReader(io.BytesIO(pdf)).embedded_signatures[0]
    start, length = first.byte_range[2], first.byte_range[3]
    return pdf[:start + length]


def test_substituted_pdf_and_a_stage_its_signatures_do_not_reach(forged: SimpleNamespace) -> None:
    record = _doc(forged, "documents/01_")
    cut = _first_revision(_entries(forged.zip)[record])  # the record as the first officer alone signed it
    swapped = forged.app.case_files.verify(_rewrite(forged.zip, forged.tmp / "cut.zip", replace={record: cut}))
    assert "document_substituted" in swapped.codes and swapped.codes <= {"document_substituted", "stage_mismatch",
                                                                         "pdf_invalid"}
    # re-sealed to match, still claiming both officers signed
    resealed = forged.app.case_files.verify(_reseal(forged, forged.tmp / "cut-resealed.zip", replace={record: cut}))
    assert "stage_mismatch" in resealed.codes and resealed.codes <= {"stage_mismatch", "pdf_invalid"}
    assert resealed.stages[record] == "partially_signed"


# ------------------------------------------------------------------------------------------------ journal


def _journal(case: SimpleNamespace) -> dict[str, Any]:
    return json.loads(_entries(case.zip)["journal.json"])


def test_journal_cut_back_before_the_sealed_head(forged: SimpleNamespace) -> None:
    journal = _journal(forged)
    journal["events"] = journal["events"][:-3]  # a prefix of a hash chain is a valid chain
    journal.update(chain_head=journal["events"][-1]["hash"], length=len(journal["events"]))
    path = _rewrite(forged.zip, forged.tmp / "cut-journal.zip",
                    replace={"journal.json": json.dumps(journal, ensure_ascii=False).encode()})
    report = forged.app.case_files.verify(path)
    assert report.codes == {"journal_truncated", "file_changed"}


def test_forged_events_appended_past_the_sealed_head(forged: SimpleNamespace) -> None:
    from inspector_app.domain.journal import make_event

    journal = _journal(forged)
    last = journal["events"][-1]
    prev = last["hash"]
    for n in (1, 2):
        ev = make_event(last["chain"], last["seq"] + n, last["at"], "伪造者", "other", "finding.added",
                        {"entity": "finding", "id": f"x{n}"}, prev)
        journal["events"].append({**last, "seq": ev.seq, "actor": "伪造者", "device": "other",
                                  "type": "finding.added", "payload": ev.payload, "prev": prev, "hash": ev.hash})
        prev = ev.hash
    journal.update(chain_head=prev, length=len(journal["events"]))
    path = _rewrite(forged.zip, forged.tmp / "extended.zip",
                    replace={"journal.json": json.dumps(journal, ensure_ascii=False).encode()}, fix_manifest=True)
    report = forged.app.case_files.verify(path)
    assert report.codes == {"journal_extended", "file_changed", "manifest_invalid"}


# ------------------------------------------------------------------------------------------------ the ZIP itself


def _symlink(name: str, target: bytes) -> tuple[zipfile.ZipInfo, bytes]:
    info = zipfile.ZipInfo(name)
    info.create_system = 3
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info, target


@pytest.mark.parametrize(("name", "code"), [("../evil.jpg", "path_traversal"), ("evidence/../../evil.jpg",
                                                                                "path_traversal"),
                                            ("/tmp/evil.jpg", "path_absolute"), ("C:/evil.jpg", "path_absolute"),
                                            ("evidence\\E-09_evil.jpg", "path_backslash"),
                                            ("evidence/E-09_link.jpg", "entry_symlink"),
                                            ("record.json", "entry_duplicate"), ("Journal.JSON", "entry_duplicate")])
def test_path_tricks_are_reported_and_never_read(forged: SimpleNamespace, name: str, code: str) -> None:
    dst = forged.tmp / f"trick-{code}-{abs(hash(name))}.zip"
    shutil.copy(forged.zip, dst)
    with pytest.warns(UserWarning) if name == "record.json" else _nothing(), zipfile.ZipFile(dst, "a") as zf:
        if code == "entry_symlink":
            zf.writestr(*_symlink(name, b"/etc/passwd"))
        else:
            zf.writestr(name, b"not part of the case")
    report = forged.app.case_files.verify(dst)
    assert report.codes == {code}, report.problems
    assert name in {p.path for p in report.problems}


class _nothing:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


def test_compression_bomb_and_size_cap_are_refused_before_expanding(forged: SimpleNamespace) -> None:
    bomb = forged.tmp / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("manifest.json", b"{}")
        with zf.open("evidence/E-01_zeros.bin", "w") as out:
            for _ in range(48):
                out.write(bytes(1 << 20))
    started = time.perf_counter()
    report = forged.app.case_files.verify(bomb)
    assert report.refused and report.codes == {"zip_bomb"} and report.problems[0].path == "evidence/E-01_zeros.bin"
    assert time.perf_counter() - started < 5
    lines = report.describe().splitlines()
    assert lines[0] == "结论：不通过（1 项问题）" and "案卷结构：不通过" in lines
    assert "全过程记录：未核验（案卷未解压）" in lines
    # the same file passes the ratio rule when the cap allows it, and an honest case file fails a tiny size cap
    assert "zip_bomb" not in _codes(forged, bomb, limits=ScanLimits(max_ratio=5000))
    capped = forged.app.case_files.verify(forged.zip, limits=ScanLimits(max_total=1 << 16))
    assert capped.refused and capped.codes == {"too_large"}
    assert json.loads(capped.to_json())["problems"][0]["code"] == "too_large"


def test_cli_caps_and_json_codes(forged: SimpleNamespace, capsys: pytest.CaptureFixture[str]) -> None:
    from inspector_app.cli import main

    data_dir = str(forged.app.paths.data_dir)
    assert main(["verify", str(forged.zip), "--data-dir", data_dir, "--max-size", "65536", "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["refused"] and [p["code"] for p in report["problems"]] == ["too_large"]
    assert main(["verify", str(forged.zip), "--data-dir", data_dir, "--max-ratio", "1.5"]) == 0  # nothing > 1 MiB
    assert capsys.readouterr().out.startswith("结论：通过")


def test_a_revoked_sealing_certificate_fails_when_the_crl_says_so(forged: SimpleNamespace) -> None:
    path = _reseal(forged, forged.tmp / "revoked.zip")
    assert _codes(forged, path) == set()  # an officer of the case may seal again; what binds it is the seal
    with zipfile.ZipFile(path) as zf:
        from pyhanko.pdf_utils.reader import PdfFileReader

        sig = PdfFileReader(io.BytesIO(zf.read(CATALOGUE))).embedded_signatures[0]
    from cryptography import x509

    cert = x509.load_der_x509_certificate(sig.signer_cert.dump())
    crl = pki.make_crl(forged.ca, revoked=(cert,))
    report = forged.app.case_files.verify(path, crls=[crl])
    assert report.codes == {"seal_invalid"} and "吊销" in report.problems[0].message


def test_cli_asks_who_seals_and_their_password(forged: SimpleNamespace, capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from inspector_app.cli import main
    from tests.services.test_signing_service import PASSWORD

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    asked: list[str] = []
    monkeypatch.setattr("sys.stdin", Terminal())
    monkeypatch.setattr("builtins.input", lambda prompt: asked.append(prompt) or "2")
    monkeypatch.setattr("getpass.getpass", lambda prompt: asked.append(prompt) or PASSWORD)
    monkeypatch.delenv("INSPECTOR_SIGN_PASSWORD", raising=False)
    out = forged.tmp / "asked" / "案卷.zip"
    data_dir = str(forged.app.paths.data_dir)
    assert main(["export", forged.iid, "--data-dir", data_dir, "--case-file", str(out)]) == 0
    second = forged.roster["officers"][1]
    listing = capsys.readouterr().out
    assert f"  2. {second.name}（承办执法人员，执法证号 {second.certificate_no}）" in listing
    assert asked == ["请选择 1–3：", f"{second.name} 的签名证书密码："]
    report = forged.app.case_files.verify(out)
    assert report.ok and report.seal.signer == second.name
    # without a terminal the officer must be named
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["export", forged.iid, "--data-dir", data_dir, "--case-file", str(forged.tmp / "x.zip")]) == 2
    assert "请用 --officer 指定封卷人" in capsys.readouterr().err
