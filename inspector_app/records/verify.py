"""Offline verification of a signed record PDF. What it checks, in order (one `Check` line each):

1. structure: the signed revision carries the record structure (/Info kind, number and content hash; record.json;
   journal.json for a 现场检查笔录), else "not_a_record";
2. every signature (pyHanko, with diff analysis): integrity, trust in the agency CA, revocation (given CRLs plus the
   CRLs embedded in the DSS at signing; without any: "revocation_unchecked", never an unqualified pass), the
   claimed time against the certificate's validity, and what changed after it;
3. binding (plan.py): each signature sits in a field the record plans, its certificate holder (name and 执法证号) is
   the person the record binds to that field, and the approving lead's certificate carries the team-lead role;
4. stage: which stage the good signatures reach (signed by the officers; approved by the lead), against what is
   required — by default the record's own final stage; `require` or a database's claim can set it — and the
   two-officer rule (条例第二十九条);
5. the embedded journal's hash chain against the head printed in the signed revision, the record's content hash,
   the page count, and the visible pages: the record is re-rendered from its signed data (rerender.py: record.json,
   the photos by the digest it carries, the handwritten signature PNGs embedded at signing) and every page of the
   signed revision and of the file as it is now must draw exactly what the fresh render draws (pagecompare.py);
   a kind without a registered renderer falls back to the key-facts check (visible.py).

`verify_pdf(...)` returns a `VerifyReport`; `ok` only when the decision is "passed". Run as a command:

    python -m inspector_app.records.verify FILE.pdf --trust CA.pem [--crl CA.crl ...] [--require signed] [--json]

exits 0 only when the report is ok. The claimed signing time is the signer's device clock (PAdES B-B). Records
cannot load the translation catalogue, so this command words the coded details in English; `inspector verify`
(verify_cli.py) prints the same report with them in Chinese.
"""

from __future__ import annotations

import argparse
import dataclasses
import io
import json
import sys
from collections.abc import Callable, Collection, Sequence
from pathlib import Path
from typing import Any

from pyhanko.pdf_utils.reader import PdfFileReader

from inspector_app.domain.canonical import sha256_hex
from inspector_app.domain.journal import events_from_json, verify_chain
from inspector_app.records import plan as P
from inspector_app.records.render import INFO_HASH, INFO_HEAD, INFO_KIND, INFO_NUMBER, JOURNAL_FILE, RECORD_FILE
from inspector_app.records.signing import asn1_cert, crl_der, quiet_pyhanko
from inspector_app.records.verify_report import (  # noqa: F401 (re-exported)
    CODES,
    FAILED,
    PASSED,
    REVOCATION_UNCHECKED,
    Check,
    JournalCheck,
    Reason,
    SignatureCheck,
    VerifyReport,
    decide,
)
from inspector_app.records.verify_sig import bind, check_signature, dss_crls
from inspector_app.records.timestamps import check_time, is_doc_timestamp
from inspector_app.domain.errors import QT_TRANSLATE_NOOP, CodedProblem, DomainError, coded
from inspector_app.records.embedded import embedded_files
from inspector_app.records.pagecompare import compare as compare_pages
from inspector_app.records.pagecompare import jpegs
from inspector_app.records.rerender import rerender
from inspector_app.records.visible import missing_facts
from inspector_app.records.verify_text import check_lines, describe  # noqa: F401 (re-exported)

#: (document kind, number) -> the fields a database or case file says are signed, or None if it does not know it.
Claims = Callable[[str, str], Collection[str] | None]

# ------------------------------------------------------------------------------------------------ PDF reading


def _count_pages(node: Any, depth: int = 0) -> int:
    node = node.get_object()
    if node.get("/Type") == "/Page" or "/Kids" not in node or depth > 50:
        return 1 if node.get("/Type") == "/Page" else 0
    return sum(_count_pages(kid, depth + 1) for kid in node["/Kids"])


def _resolve(view: Any, obj: Any) -> Any:
    """Resolve through `view` (a historical revision): an IndirectObject's own get_object() would resolve in the
    latest revision, where a forger may have rewritten the object."""
    return view.get_object(obj.reference) if hasattr(obj, "reference") else obj


def _info(view: Any) -> dict[str, str]:
    """The custom /Info keys as of `view`'s revision."""
    try:
        info = _resolve(view, view.trailer_view.raw_get("/Info"))
    except (KeyError, AttributeError):
        return {}
    return {k: str(info[f"/{k}"]) for k in (INFO_KIND, INFO_NUMBER, INFO_HASH, INFO_HEAD) if f"/{k}" in info}


def _check_journal(files: dict[str, bytes], printed_head: str, reasons: list[Reason]) -> JournalCheck | None:
    data = files.get(JOURNAL_FILE)
    if data is None:
        if printed_head:
            reasons.append(Reason("journal_missing", f"文书记载了全过程记录链头 {printed_head[:16]}…，但文件中没有 "
                                                     f"{JOURNAL_FILE}"))
            missing = coded("verify.journal_file_missing", QT_TRANSLATE_NOOP(
                "Errors", "The file has no embedded whole-process record."))
            return JournalCheck(False, False, 0, "", printed_head, (missing,))
        return None
    try:
        doc = json.loads(data.decode("utf-8"))
        events = events_from_json(doc["events"])
    except (ValueError, KeyError, TypeError) as exc:
        unreadable = coded("verify.journal_unreadable", QT_TRANSLATE_NOOP(
            "Errors", "The embedded whole-process record cannot be parsed: {error}"), error=str(exc))
        reasons.append(Reason.coded("journal_tampered", unreadable))
        return JournalCheck(True, False, 0, "", printed_head, (unreadable,))
    report = verify_chain(events)
    problems = list(report.problems)
    if problems:
        reasons.append(Reason.coded("journal_tampered", coded("verify.journal_tampered", QT_TRANSLATE_NOOP(
            "Errors", "The whole-process record was tampered with"), problems=problems)))
    if report.head != printed_head:
        problems.append(coded("verify.journal_head_differs", QT_TRANSLATE_NOOP(
            "Errors", "The head does not match the record.")))
        reasons.append(Reason("journal_head_mismatch", f"全过程记录计算出的链头 {report.head[:16]}… 与签名时文书所载 "
                                                       f"{(printed_head or '（无）')[:16]}… 不一致"))
    return JournalCheck(True, not problems, report.length, report.head, printed_head, tuple(problems))


def _record(info: dict[str, str], files: dict[str, bytes]) -> tuple[dict[str, Any] | None, str]:
    """The signed record data, or None with what is missing (the "not a record" case)."""
    missing = [k for k in (INFO_KIND, INFO_NUMBER, INFO_HASH) if not info.get(k)]
    if missing:
        return None, "文书元数据（" + "、".join(missing) + "）"
    data = files.get(RECORD_FILE)
    if data is None:
        return None, RECORD_FILE
    try:
        record = json.loads(data.decode("utf-8"))
    except ValueError:
        return None, f"可解析的 {RECORD_FILE}"
    if not isinstance(record, dict) or record.get("kind") != info[INFO_KIND] or record.get("number") != info[
            INFO_NUMBER]:
        return None, f"与文书元数据一致的 {RECORD_FILE}"
    if info[INFO_KIND] == "inspection_record" and JOURNAL_FILE not in files:
        return None, JOURNAL_FILE
    return record, ""


def _check_visible(view: Any, root: Any, record: dict[str, Any], signed_files: dict[str, bytes], reader: Any,
                   reasons: list[Reason]) -> bool:
    """The pages of the signed revision, and of the file as it is now, against a fresh render of the signed data
    (rerender.py + pagecompare.py). Kinds without a registered renderer get the key-facts check (visible.py).
    Returns whether the full re-render comparison was made."""
    try:
        fresh = rerender(signed_files[RECORD_FILE], signed_files, jpegs(view, root))
    except DomainError as exc:  # rerender.CannotRerender, or a snapshot's own refusal
        reasons.append(Reason.coded("visible_content_mismatch", coded("verify.cannot_rerender", QT_TRANSLATE_NOOP(
            "Errors", "The pages cannot be rendered again from the signed data"), problems=[exc])))
        return True
    except Exception as exc:  # noqa: BLE001 - a damaged image or page stream cannot show the record
        reasons.append(Reason.coded("visible_content_mismatch", _unreadable(exc)))
        return True
    if fresh is None:
        try:
            missing = missing_facts(view, root, record)
        except Exception as exc:  # noqa: BLE001 - unreadable page content cannot show the record
            missing = [f"页面内容无法读取（{exc}）"]
        if missing:
            shown = "、".join(missing[:6]) + (f" 等 {len(missing)} 项" if len(missing) > 6 else "")
            reasons.append(Reason("visible_content_mismatch", f"签名版本的页面没有显示签名数据中的：{shown}"))
        return False
    try:
        problems = [coded("verify.in_signed_revision", QT_TRANSLATE_NOOP(
            "Errors", "In the signed revision: {problems}"), problems=[p]) for p in compare_pages(view, root, fresh)]
        if not problems:  # the signed revision is right; what a reader sees now must be too
            problems = [coded("verify.in_file_now", QT_TRANSLATE_NOOP(
                "Errors", "In the file as it is now: {problems}"), problems=[p])
                for p in compare_pages(reader, reader.root, fresh)]
    except Exception as exc:  # noqa: BLE001 - a damaged page stream (bad Flate data) cannot show the record
        problems = [_unreadable(exc)]
    if len(problems) > 4:
        reasons.append(Reason.coded("visible_content_mismatch", coded("verify.pages_differ_many", QT_TRANSLATE_NOOP(
            "Errors", "{count} pages differ from the pages rendered from the signed data, among them: {problems}"),
            problems=problems[:4], count=len(problems))))
    elif problems:
        reasons.append(Reason.coded("visible_content_mismatch", coded("verify.pages_differ", QT_TRANSLATE_NOOP(
            "Errors", "The pages differ from the pages rendered from the signed data"), problems=problems)))
    return True


def _unreadable(exc: Exception) -> CodedProblem:
    return coded("verify.pages_unreadable", QT_TRANSLATE_NOOP("Errors", "The page content cannot be read ({error})."),
                 error=str(exc))


def plan_of_pdf(data: bytes) -> P.SignaturePlan | None:
    """The signature plan of a signed record (from the record data of its first signed revision), or None."""
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        first = min((es for es in reader.embedded_signatures if not is_doc_timestamp(es)),
                    key=lambda s: s.signed_revision, default=None)
        if first is None:
            return None
        view = reader.get_historical_resolver(first.signed_revision)
        record, _missing = _record(_info(view), embedded_files(view.get_object(view.root_ref), view))
    except Exception:  # noqa: BLE001 - not a readable signed record
        return None
    return P.plan_from_record(record) if record is not None else None


# ------------------------------------------------------------------------------------------------ stage


def _stage(plan: P.SignaturePlan, checks: list[SignatureCheck], require: str | None,
           claimed: Collection[str] | None, reasons: list[Reason]) -> tuple[str, str]:
    good = {c.field_name: c.holder_certificate_no for c in checks if not c.reasons}
    result = P.stage_reached(plan, good)
    need = P.required_stage(plan, require or P.REQUIRE_COMPLETE, claimed or ())
    if require is None and claimed is not None:  # the database's own claim is the demand
        need = P.required_stage(plan, P.STAGE_PARTIAL if claimed else P.STAGE_NONE, claimed)
        if all(f in claimed for f in plan.officer_fields):
            need = P.STAGE_APPROVED if P.LEAD_FIELD in claimed else P.STAGE_SIGNED
    if any(c.reasons for c in checks):
        return result.stage, need  # signatures already fail on their own; the stage line still shows
    # The two-officer rule binds whenever the officers' stage is demanded; a caller that knows the document is still
    # being signed (its database or case file claims only "partial") gets the stage reported, not a failure.
    if plan.two_officer_rule and result.distinct_officers < P.MIN_OFFICERS and P.reaches(need, P.STAGE_SIGNED):
        reasons.append(Reason("too_few_officers",
                              f"仅 {result.distinct_officers} 名执法人员有效签名；现场检查笔录须由"
                              f"不少于 2 名执法人员签名（《医疗保障基金使用监督管理条例》第二十九条）"))
    not_signed = [f for f in (claimed or ()) if f not in good]
    if not P.reaches(result.stage, need) or not_signed:
        what = f"；声称已签名但没有有效签名：{'、'.join(not_signed)}" if not_signed else ""
        reasons.append(Reason("stage_not_reached", f"要求的阶段为“{STAGE_WORDS.get(need, need)}”，签名只达到"
                                                   f"“{STAGE_WORDS.get(result.stage, result.stage)}”{what}"))
    return result.stage, need


STAGE_WORDS = {P.STAGE_NONE: "未签名", P.STAGE_PARTIAL: "部分签名", P.STAGE_SIGNED: "执法人员已全部签名",
               P.STAGE_APPROVED: "组长已审核签名"}


# ------------------------------------------------------------------------------------------------ verify


def verify_pdf(source: str | Path | bytes, trust_roots: Sequence[Any], crls: Sequence[Any] = (), *,
               revocation_mode: str = "hard-fail", require: str | None = None,
               claims: Claims | None = None) -> VerifyReport:
    """Verify a record PDF (path or bytes) against local trust roots and cached CRLs; never goes online.

    `require`: "signed", "approved" or "complete" (the record's final stage; the default unless `claims` knows the
    document). `revocation_mode` is kept for callers; revocation is hard-fail whenever a CRL of the signer's CA is
    at hand and otherwise reported as not checked."""
    del revocation_mode
    quiet_pyhanko()
    data = source if isinstance(source, bytes) else Path(source).read_bytes()
    roots = [asn1_cert(c) for c in trust_roots]
    reasons: list[Reason] = []
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        # Document timestamps (the sync server's trusted time) are checked by records/timestamps.py, not as
        # signatures of a person.
        sigs = [es for es in reader.embedded_signatures if not is_doc_timestamp(es)]
        total = reader.total_revisions
        crl_list = [crl_der(c) for c in crls] + dss_crls(reader)
    except Exception as exc:
        reason = Reason("unreadable", f"文件无法解析：{exc}")
        return VerifyReport(False, "", "", "", (), None, None, None, (), (reason,), checks=(
            Check("structure", "fail", "unreadable", reason.message),))
    rev_fields = {es.signed_revision: es.field_name for es in sigs}
    checks = [check_signature(es, roots, crl_list, total, rev_fields) for es in sigs]
    first = min(sigs, key=lambda s: s.signed_revision) if sigs else None
    signed_view = reader.get_historical_resolver(first.signed_revision) if first else reader
    info = _info(signed_view)
    signed_root = signed_view.get_object(signed_view.root_ref)
    # The plan comes from the record data as signed; the journal and hash checks read the file as it is now, so a
    # later swap shows as a broken chain or hash besides the modification after signing.
    signed_files = embedded_files(signed_root, signed_view)
    record, missing = _record(info, signed_files)
    files = embedded_files(reader.root)
    plan = P.plan_from_record(record) if record is not None else None
    if plan is not None:
        checks = [bind(c, plan) for c in checks]
    for c in checks:
        reasons.extend(c.reasons)
    pages_now = _count_pages(reader.root["/Pages"])
    pages_signed = _count_pages(signed_root["/Pages"]) if first else None
    if not sigs:
        reasons.append(Reason("unsigned", CODES["unsigned"]))
    if record is None:
        reasons.append(Reason("not_a_record", f"不是本系统制作的检查文书：签名的版本中缺少{missing}"))
    claimed = claims(info.get(INFO_KIND, ""), info.get(INFO_NUMBER, "")) if claims and record is not None else None
    stage, need = _stage(plan, checks, require, claimed, reasons) if plan is not None and sigs else (P.STAGE_NONE, "")
    if pages_signed is not None and pages_now < pages_signed:
        reasons.append(Reason("page_removed", f"签名时共 {pages_signed} 页，现仅 {pages_now} 页：签名后页面被删除"))
    journal = _check_journal(files, info.get(INFO_HEAD, ""), reasons)
    printed_hash = info.get(INFO_HASH, "")
    if printed_hash and RECORD_FILE in files and sha256_hex(files[RECORD_FILE]) != printed_hash:
        reasons.append(Reason("content_hash_mismatch", f"嵌入的 {RECORD_FILE} 的哈希与文书所载内容哈希 "
                                                       f"{printed_hash[:16]}… 不一致"))
    rerendered = False
    if record is not None:
        rerendered = _check_visible(signed_view, signed_root, record, signed_files, reader, reasons)
    unchecked = [c for c in checks if not c.revocation_checked and not c.reasons]
    if unchecked and not reasons:
        reasons.append(Reason("revocation_unchecked", "没有签名证书签发机构的吊销列表（CRL），未检查证书是否已被吊销："
                                                      + "、".join(c.signer for c in unchecked)))
    pending = tuple(sorted(_empty_sig_fields(reader) - {s.field_name for s in sigs}))
    time_proof = check_time(reader, roots)
    if time_proof.broken:
        reasons.append(Reason.coded("timestamp_invalid", coded("verify.timestamp_invalid", QT_TRANSLATE_NOOP(
            "Errors", "The document timestamp is not valid"), problems=time_proof.broken)))
    decision = decide(reasons)
    report = VerifyReport(decision == PASSED, info.get(INFO_KIND, ""), info.get(INFO_NUMBER, ""), printed_hash,
                          tuple(checks), journal, pages_signed, pages_now, pending, tuple(reasons), decision,
                          stage, need, time_proof=time_proof)
    return _with_checks(report, record is not None, missing, rerendered)


def _with_checks(report: VerifyReport, is_record: bool, missing: str, rerendered: bool = False) -> VerifyReport:
    return dataclasses.replace(report, checks=tuple(check_lines(report, is_record, missing, rerendered)))


def _empty_sig_fields(reader: PdfFileReader) -> set[str]:
    from pyhanko.sign.fields import enumerate_sig_fields

    try:
        return {name for name, value, _ref in enumerate_sig_fields(reader, filled_status=False)}
    except Exception:
        return set()


# ------------------------------------------------------------------------------------------------ command


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m inspector_app.records.verify", description="核验签名的检查文书 PDF")
    ap.add_argument("pdf", type=Path)
    ap.add_argument("--trust", type=Path, action="append", required=True, help="受信任的根证书（PEM/DER），可多次")
    ap.add_argument("--crl", type=Path, action="append", default=[], help="本地缓存的 CRL，可多次")
    ap.add_argument("--require", choices=("signed", "approved"), help="要求达到的阶段（默认：文书规定的全部签名）")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    report = verify_pdf(args.pdf, args.trust, args.crl, require=args.require)
    print(report.to_json() if args.json else describe(report))
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
