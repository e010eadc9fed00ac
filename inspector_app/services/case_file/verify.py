"""Offline verification of a case file (`inspector verify FILE.zip`, `CaseFileService.verify`).

The anchor is the seal: the 卷内目录.pdf signature (records.seal) covers the manifest, which lists every file's
SHA-256 and size, the signed documents with the stage each reached, and the journal head at export. So a forger
who rewrites manifest.json, removes the signed 责令整改通知书, swaps a PDF for an earlier revision, adds a photo,
or cuts back or extends the journal, is caught — each with its own code (report.CODES). Every signed PDF is
verified with records.verify (signatures, diff analysis, embedded journal, content hash); record.json and the
evidence originals against what the signed records list; the journal chain against the sealed head and the heads
printed in the signed PDFs. The ZIP is read by zipscan: unsafe names and bombs are refused before expanding,
entries are hashed by streaming, and at most one signed PDF is in memory at a time."""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from inspector_app.domain.errors import QT_TRANSLATE_NOOP, CodedProblem, coded, finished
from inspector_app.records import model as rm
from inspector_app.records.embedded import embedded_files, pdf_reader
from inspector_app.records.render import RECORD_FILE
from inspector_app.records.seal import SealCheck, verify_seal
from inspector_app.records.verify import verify_pdf
from inspector_app.records.verify_report import VerifyReport
from inspector_app.services.case_file import common as C
from inspector_app.services.case_file.journal_check import check_journal
from inspector_app.services.case_file.ledger import LedgerEntry
from inspector_app.services.case_file.report import CODES, CaseFileReport, Problem, stage_short
from inspector_app.services.case_file.zipscan import ScanLimits, ScanResult, scan

_KEPT = (C.MANIFEST, C.RECORD_JSON, C.JOURNAL_JSON, C.CATALOGUE_PDF)
_STAGE_RANK = {C.STAGE_PARTIAL: 0, C.STAGE_SIGNED: 1, C.STAGE_OFFICERS: 1, C.STAGE_APPROVED: 2}


def verify_case_file(zip_path: str | Path, trust_roots: Sequence[Any], crls: Sequence[Any] = (), *,
                     limits: ScanLimits | None = None,
                     ledger: Sequence[LedgerEntry] | None = None) -> CaseFileReport:
    """Verify a case file offline; `ok` only when every check holds. Never raises on a damaged archive.

    `ledger`: the seal ledger as this workspace pulled it (ledger.py); when given, the seal must be registered."""
    limits = limits or ScanLimits()
    try:
        zf = zipfile.ZipFile(zip_path)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        return CaseFileReport(False, [Problem("unreadable", coded("case_file.unreadable", QT_TRANSLATE_NOOP(
            "Errors", "The file is not a valid case-file ZIP: {error}"), error=str(exc)), str(zip_path))])
    with zf:
        found = scan(zf, limits, lambda name: name in _KEPT)
        problems = found.problems
        if found.refused:
            return CaseFileReport(False, _sorted(problems), files=found.entries, refused=True)
        seal = _check_seal(found, trust_roots, crls, problems)
        manifest = _manifest(seal, found.kept.get(C.MANIFEST), problems)
        _check_sealer(seal, manifest, found.kept.get(C.RECORD_JSON), problems)
        registered = _check_ledger(found.kept.get(C.CATALOGUE_PDF), manifest, ledger, problems) \
            if ledger is not None else None
        _check_files(found, manifest, problems)
        documents, stages, embedded = _verify_documents(zf, found, trust_roots, crls, manifest, limits, problems)
    _check_record(found, documents, manifest, problems)
    _check_reinspections(found, documents, embedded, problems)
    length, head = check_journal(found.kept.get(C.JOURNAL_JSON), documents, manifest, problems)
    return CaseFileReport(not problems, _sorted(problems), manifest, len(found.hashes), documents, length, head,
                          seal, stages=stages, ledger=registered)


def _sorted(problems: list[Problem]) -> list[Problem]:
    order = {c: i for i, c in enumerate(CODES)}
    return sorted(problems, key=lambda p: (order.get(p.code, 99), p.path))


# ------------------------------------------------------------------------------------------------ seal


def _check_ledger(catalogue: bytes | None, manifest: dict[str, Any] | None, entries: Sequence[LedgerEntry],
                  problems: list[Problem]) -> str | None:
    """The seal as the server registered it at export (ledger.py); None when there is no seal to look up."""
    if catalogue is None:
        return None
    digest = hashlib.sha256(catalogue).hexdigest()
    number = (manifest or {}).get("record_number", "")
    same_case = [e for e in entries if e.record_number == number and e.catalogue_sha256 != digest]
    others = [coded("case_file.ledger_seal", QT_TRANSLATE_NOOP("Errors", "{name} ({time})"), name=e.sealed_by,
                    time=e.exported_at) for e in same_case if e.confirmed]
    match = next((e for e in entries if e.catalogue_sha256 == digest), None)
    if match is None:
        problems.append(Problem("seal_not_registered", coded("case_file.seal_not_in_ledger", QT_TRANSLATE_NOOP(
            "Errors", "The seal of the catalogue (SHA-256 {digest}…) is not in the server's seal ledger: the case "
                      "file may have been changed and sealed again after export; the seals of this case the server "
                      "registered: {seals}"), digest=digest[:16], seals=others) if others else coded(
            "case_file.seal_not_in_ledger_alone", QT_TRANSLATE_NOOP(
                "Errors", "The seal of the catalogue (SHA-256 {digest}…) is not in the server's seal ledger: the case "
                          "file may have been changed and sealed again after export; the server has no other seal of "
                          "this case."), digest=digest[:16]), C.CATALOGUE_PDF))
        return None
    if not match.confirmed:
        problems.append(Problem("seal_not_registered", coded("case_file.seal_not_confirmed", QT_TRANSLATE_NOOP(
            "Errors", "The seal is registered on this computer only, not yet confirmed by the server: sync first, "
                      "then verify.")), C.CATALOGUE_PDF))
        return None
    extra = f"（本案另有 {len(same_case)} 次封卷登记）" if same_case else ""
    return f"封卷已在服务器登记：{match.sealed_by}，导出时间 {match.exported_at}{extra}"


def _check_seal(found: ScanResult, roots: Sequence[Any], crls: Sequence[Any],
                problems: list[Problem]) -> SealCheck | None:
    catalogue = found.kept.get(C.CATALOGUE_PDF)
    if catalogue is None:
        if C.CATALOGUE_PDF in found.hashes or C.CATALOGUE_PDF in found.skipped:
            problems.append(Problem("seal_invalid", coded("case_file.catalogue_unreadable", QT_TRANSLATE_NOOP(
                "Errors", "{file} cannot be read, is too large or has a duplicate entry: the seal was not verified."),
                file=C.CATALOGUE_PDF), C.CATALOGUE_PDF))
        else:
            problems.append(Problem("seal_missing", coded("case_file.catalogue_missing", QT_TRANSLATE_NOOP(
                "Errors", "The case file has no {file} (the file that carries the seal)."), file=C.CATALOGUE_PDF),
                C.CATALOGUE_PDF))
        return None
    seal = verify_seal(catalogue, roots, crls)
    if not seal.ok:  # records/seal.py words its findings itself (in Chinese), as the signature checks do
        problems.append(Problem(seal.code, finished(seal.message), C.CATALOGUE_PDF))
    return seal


def _is_sha(value: Any) -> bool:
    return isinstance(value, str) and re.fullmatch(r"[0-9a-f]{64}", value) is not None


def _parse_manifest(raw: bytes | None) -> tuple[dict[str, Any] | None, CodedProblem | None]:
    """The manifest, or None and why not."""
    if raw is None:
        return None, coded("case_file.manifest_missing", QT_TRANSLATE_NOOP(
            "Errors", "The case file has no manifest.json."))
    try:
        doc = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        return None, coded("case_file.manifest_unreadable", QT_TRANSLATE_NOOP(
            "Errors", "manifest.json cannot be parsed: {error}"), error=str(exc))
    if not isinstance(doc, dict) or doc.get("format") != C.FORMAT or not isinstance(doc.get("files"), list):
        return None, coded("case_file.manifest_foreign", QT_TRANSLATE_NOOP(
            "Errors", "manifest.json is not a case-file manifest of this application (format or files is missing)."))
    paths = set()
    for row in doc["files"]:
        if not (isinstance(row, dict) and isinstance(row.get("path"), str) and _is_sha(row.get("sha256"))
                and isinstance(row.get("size"), int)):
            return None, coded("case_file.manifest_bad_entry", QT_TRANSLATE_NOOP(
                "Errors", "A file entry of manifest.json is malformed: {entry}"), entry=str(row)[:80])
        if row["path"] in paths:
            return None, coded("case_file.manifest_duplicate", QT_TRANSLATE_NOOP(
                "Errors", "manifest.json lists {path} twice."), path=row["path"])
        paths.add(row["path"])
    if not isinstance(doc.get("documents", []), list):
        return None, coded("case_file.manifest_bad_documents", QT_TRANSLATE_NOOP(
            "Errors", "The list of signed documents in manifest.json is malformed."))
    return doc, None


def _manifest(seal: SealCheck | None, copy: bytes | None, problems: list[Problem]) -> dict[str, Any] | None:
    """The sealed manifest; without a valid seal, the unsealed copy (so the other checks still say something)."""
    if seal is not None and seal.ok:
        manifest, why = _parse_manifest(seal.manifest)
        if why is not None:
            problems.append(Problem("seal_invalid", coded("case_file.sealed_manifest_invalid", QT_TRANSLATE_NOOP(
                "Errors", "The manifest the seal carries is not valid"), problems=[why]), C.CATALOGUE_PDF))
        elif copy is None:
            problems.append(Problem("manifest_invalid", coded("case_file.manifest_missing_sealed", QT_TRANSLATE_NOOP(
                "Errors", "The case file has no manifest.json (verified against the sealed manifest).")), C.MANIFEST))
        elif copy != seal.manifest:
            problems.append(Problem("manifest_invalid", coded("case_file.manifest_differs", QT_TRANSLATE_NOOP(
                "Errors", "manifest.json differs from the manifest the seal carries (verified against the sealed "
                          "manifest).")), C.MANIFEST))
        return manifest
    manifest, why = _parse_manifest(copy)
    if why is not None:
        problems.append(Problem("manifest_invalid", why, C.MANIFEST))
    return manifest


def _check_sealer(seal: SealCheck | None, manifest: dict[str, Any] | None, record_json: bytes | None,
                  problems: list[Problem]) -> None:
    """The seal's certificate holder is the sealer the manifest names, and the signed record names them."""
    if seal is None or not seal.ok or manifest is None:
        return
    by = manifest.get("sealed_by") or {}
    if (seal.signer, seal.certificate_no) != (by.get("name"), by.get("certificate_no")):
        problems.append(Problem("sealer_mismatch", coded("case_file.sealer_not_in_manifest", QT_TRANSLATE_NOOP(
            "Errors", "The holder of the seal's certificate, {signer} ({number}), is not the sealer the manifest "
                      "names, {named} ({named_number})."), signer=seal.signer, number=seal.certificate_no or "—",
            named=by.get("name") or "—", named_number=by.get("certificate_no") or "—"), C.CATALOGUE_PDF))
        return
    try:
        record = json.loads(record_json or b"")
    except ValueError:
        return  # record.json itself is reported by the record check
    named = [*record.get("officers", []), *([record["team_lead"]] if record.get("team_lead") else [])]
    if not any((o.get("name"), o.get("certificate_no")) == (seal.signer, seal.certificate_no) for o in named):
        problems.append(Problem("sealer_mismatch", coded("case_file.sealer_not_in_record", QT_TRANSLATE_NOOP(
            "Errors", "The sealer {signer} is not an officer or the team lead the record names."),
            signer=seal.signer), C.CATALOGUE_PDF))


# ------------------------------------------------------------------------------------------------ files


def _check_files(found: ScanResult, manifest: dict[str, Any] | None, problems: list[Problem]) -> None:
    if manifest is None:
        return
    sealed_docs = {d.get("path") for d in manifest.get("documents", []) if isinstance(d, dict)}
    listed = {row["path"]: row for row in manifest["files"]}
    actual = found.hashes
    for path, row in listed.items():
        if path in sealed_docs or path in found.skipped:
            continue  # documents: their own codes below; skipped entries: reported by the structure check
        if path not in actual:
            problems.append(Problem("file_missing", coded("case_file.file_missing", QT_TRANSLATE_NOOP(
                "Errors", "A file the sealed manifest lists is missing: {file}"), file=row.get("title") or path), path))
        elif actual[path] is not None and actual[path] != (row["sha256"], row["size"]):
            sha, size = actual[path]  # type: ignore[misc]
            problems.append(Problem("file_changed", coded("case_file.file_changed", QT_TRANSLATE_NOOP(
                "Errors", "SHA-256 {sha}… ({size} bytes) differs from the manifest's {listed}… ({listed_size} bytes)."),
                sha=sha[:16], size=size, listed=row["sha256"][:16], listed_size=row["size"]), path))
    for path in actual:
        if path not in (C.MANIFEST, C.CATALOGUE_PDF) and path not in listed:
            problems.append(Problem("file_added", coded("case_file.file_added", QT_TRANSLATE_NOOP(
                "Errors", "The sealed manifest does not list this file.")), path))


def _read_bounded(zf: zipfile.ZipFile, path: str, limit: int) -> bytes | None:
    info = zf.getinfo(path)
    if info.file_size > limit:
        return None
    with zf.open(info) as f:
        return f.read(limit + 1)


def _verify_documents(zf: zipfile.ZipFile, found: ScanResult, roots: Sequence[Any], crls: Sequence[Any],
                      manifest: dict[str, Any] | None, limits: ScanLimits, problems: list[Problem]
                      ) -> tuple[dict[str, VerifyReport], dict[str, str], dict[str, bytes]]:
    """Each signed PDF in turn (one in memory at a time): present and unchanged as sealed, valid, at its stage."""
    sealed = {d["path"]: d for d in (manifest or {}).get("documents", []) if isinstance(d, dict) and "path" in d}
    for path, d in sealed.items():
        if path not in found.hashes and path not in found.skipped:
            problems.append(Problem("document_missing", coded("case_file.document_missing", QT_TRANSLATE_NOOP(
                "Errors", "The {document} ({number}) the case file was sealed with is missing."),
                document=C.DOC_TITLES.get(str(d.get("kind"))) or QT_TRANSLATE_NOOP("Errors", "signed document"),
                number=d.get("number", "")), path))
        elif (h := found.hashes.get(path)) is not None and h[0] != d.get("pdf_sha256"):
            problems.append(Problem("document_substituted", coded("case_file.document_substituted", QT_TRANSLATE_NOOP(
                "Errors", "SHA-256 {sha}… differs from the sealed manifest's {listed}…: the document was replaced."),
                sha=h[0][:16], listed=str(d.get("pdf_sha256"))[:16]), path))
    reports: dict[str, VerifyReport] = {}
    stages: dict[str, str] = {}
    embedded: dict[str, bytes] = {}
    for path in sorted(p for p, h in found.hashes.items() if h is not None and p.startswith("documents/")
                       and p.lower().endswith(".pdf")):
        data = _read_bounded(zf, path, limits.max_document)
        if data is None:
            problems.append(Problem("too_large", coded("case_file.document_too_large", QT_TRANSLATE_NOOP(
                "Errors", "The document is larger than {limit} MB; its signatures were not verified."),
                limit=limits.max_document >> 20), path))
            continue
        if hashlib.sha256(data).hexdigest() != found.hashes[path][0]:  # type: ignore[index]
            problems.append(Problem("file_changed", coded("case_file.document_changed", QT_TRANSLATE_NOOP(
                "Errors", "The document changed while it was verified.")), path))
            continue
        # A case file may hold documents still being signed: the stage each must reach is the sealed manifest's
        # claim. It goes to verify_pdf as the claim about this document (its signed fields: the two-officer rule
        # and the stage follow from them); a PDF the seal does not list has no claim and any stage is reported.
        claim = sealed.get(path)
        report = verify_pdf(data, roots, crls, require=None if claim is not None else "partial",
                            claims=_sealed_claims(claim) if claim is not None else None)
        reports[path] = report
        if not report.ok:
            problems.append(Problem("pdf_invalid", coded("case_file.pdf_invalid", QT_TRANSLATE_NOOP(
                "Errors", "The signed document does not verify"),
                problems=[r.detail or finished(r.message) for r in report.reasons]), path))
        if report.doc_kind == rm.ReinspectionRecord.KIND or report.doc_kind in C.SEIZURE_KINDS:
            embedded[path] = embedded_files(pdf_reader(data).root).get(RECORD_FILE, b"")
        del data
        signed = [s.field_name for s in report.signatures if not s.reasons]
        kind = sealed.get(path, {}).get("kind") or ("record" if report.doc_kind == rm.RecordSnapshot.KIND else "")
        stages[path] = C.stage_of(kind, signed, [])
        if claim is not None:
            lacking = sorted(set(claim.get("signed_fields", [])) - set(signed))
            if lacking or _STAGE_RANK.get(stages[path], 0) < _STAGE_RANK.get(str(claim.get("stage")), 0):
                problems.append(Problem("stage_mismatch", stage_short(str(claim.get("stage")), stages[path], lacking),
                                        path))
    return reports, stages, embedded


def _sealed_claims(claim: dict[str, Any]) -> Any:
    """verify_pdf's `claims` for one sealed document: its sealed signed fields, for the number the seal lists."""
    fields = tuple(f for f in claim.get("signed_fields", []) if isinstance(f, str))

    def claims(kind: str, number: str) -> tuple[str, ...] | None:
        del kind  # the seal's kinds are the case file's words; the number identifies the document
        return fields if number == claim.get("number") else None

    return claims


# ------------------------------------------------------------------------------------------------ content


def _check_record(found: ScanResult, documents: dict[str, VerifyReport], manifest: dict[str, Any] | None,
                  problems: list[Problem]) -> None:
    records = [(p, r) for p, r in documents.items() if r.doc_kind == rm.RecordSnapshot.KIND]
    if not records:
        if not any(p.code in ("document_missing", "document_substituted") for p in problems):
            problems.append(Problem("document_missing", coded("case_file.no_signed_record", QT_TRANSLATE_NOOP(
                "Errors", "The case file has no signed on-site inspection record.")), "documents/"))
        return
    path, rep = records[0]
    printed = rep.printed_content_hash
    if manifest is not None and manifest.get("content_hash") != printed:
        problems.append(Problem("record_mismatch", coded("case_file.manifest_hash_differs", QT_TRANSLATE_NOOP(
            "Errors", "The content hash in the manifest differs from the signed record's {hash}…."),
            hash=printed[:16]), C.MANIFEST))
    if manifest is not None and manifest.get("record_number") != rep.record_number:
        problems.append(Problem("record_mismatch", coded("case_file.manifest_number_differs", QT_TRANSLATE_NOOP(
            "Errors", "The record number in the manifest differs from the signed record's, {number}."),
            number=rep.record_number), C.MANIFEST))
    data = found.kept.get(C.RECORD_JSON)
    if data is None and C.RECORD_JSON in found.skipped:
        return  # an ambiguous (duplicate) record.json: reported by the structure check
    if data is None:
        problems.append(Problem("record_mismatch", coded("case_file.record_json_missing", QT_TRANSLATE_NOOP(
            "Errors", "record.json is missing.")), C.RECORD_JSON))
        return
    if hashlib.sha256(data).hexdigest() != printed:
        problems.append(Problem("record_mismatch", coded("case_file.record_json_differs", QT_TRANSLATE_NOOP(
            "Errors", "The SHA-256 of record.json differs from the content hash {hash}… the signed record ({path}) "
                      "carries."), hash=printed[:16], path=path), C.RECORD_JSON))
        return
    record = json.loads(data)  # the bytes the signatures bind to: the evidence list below is authoritative
    listed = coded("case_file.record_evidence", QT_TRANSLATE_NOOP("Errors", "the evidence list of the signed record"))
    _check_evidence(found, record.get("evidence", []), "evidence/", listed, problems)


def _check_evidence(found: ScanResult, listed: list[dict[str, Any]], folder: str, source: CodedProblem,
                    problems: list[Problem]) -> None:
    for ev in listed:
        number, sha = ev.get("number", ""), ev.get("sha256", "")
        matches = [(p, v) for p, v in found.hashes.items() if p.startswith(f"{folder}{number}_")]
        if not matches and any(p.startswith(f"{folder}{number}_") for p in found.skipped):
            continue  # present but ambiguous (duplicate names): reported by the structure check
        if not matches:
            problems.append(Problem("evidence_mismatch", coded("case_file.evidence_missing", QT_TRANSLATE_NOOP(
                "Errors", "{number}, listed in {source}, is missing from the case file."), source=source,
                number=number), f"{folder}{number}_"))
        elif not any(v is not None and v[0] == sha for _p, v in matches):
            problems.append(Problem("evidence_mismatch", coded("case_file.evidence_changed", QT_TRANSLATE_NOOP(
                "Errors", "The SHA-256 of {number} differs from {sha}… in {source} (the original was changed or "
                          "replaced)."), number=number, source=source, sha=sha[:16]), matches[0][0]))


def _check_reinspections(found: ScanResult, documents: dict[str, VerifyReport], embedded: dict[str, bytes],
                         problems: list[Problem]) -> None:
    """Each signed 整改复查记录 lists its own evidence by SHA-256, each 封存决定书 / 先行登记保存通知书 its items'
    photos: every file must be there, unchanged."""
    for path, rep in documents.items():
        if rep.doc_kind != rm.ReinspectionRecord.KIND and rep.doc_kind not in C.SEIZURE_KINDS:
            continue
        data = embedded.get(path, b"")
        if hashlib.sha256(data).hexdigest() != rep.printed_content_hash:
            problems.append(Problem("record_mismatch", coded("case_file.embedded_differs", QT_TRANSLATE_NOOP(
                "Errors", "The content embedded in the signed document differs from the content hash it carries.")),
                path))
            continue
        if rep.doc_kind in C.SEIZURE_KINDS:  # the seized items' original photos, by the SHA-256 the notice prints
            _check_evidence(found, C.seizure_photos(json.loads(data)), C.seizure_folder(rep.doc_kind,
                            rep.record_number), coded("case_file.item_photos", QT_TRANSLATE_NOOP(
                                "Errors", "the item photos of {number}"), number=rep.record_number), problems)
            continue
        _check_evidence(found, json.loads(data).get("evidence", []), C.reinspection_folder(rep.record_number),
                        coded("case_file.reinspection_evidence", QT_TRANSLATE_NOOP(
                            "Errors", "re-inspection record {number}"), number=rep.record_number), problems)
