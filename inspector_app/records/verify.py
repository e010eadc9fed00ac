"""Offline verification of a signed record PDF: every signature (pyHanko, with diff analysis), the page count, the
embedded journal's hash chain against the head printed in the signed revision, and the record's content hash.

`verify_pdf(...)` returns a `VerifyReport`; `ok` is True only when everything holds. Each failure is a `Reason`
with a stable machine code (see CODES) and a Chinese message. Run as a command:

    python -m inspector_app.records.verify FILE.pdf --trust CA.pem [--crl CA.crl ...] [--json]

exits 0 only when the report is ok. The claimed signing time is the signer's device clock (PAdES B-B) and is always
labelled as such.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import io
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import SuspiciousModification
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from inspector_app.domain.canonical import sha256_hex
from inspector_app.domain.journal import events_from_json, verify_chain
from inspector_app.records.timestamps import TimeProof, check_time, is_doc_timestamp
from inspector_app.records.model import CN_TZ
from inspector_app.records.render import INFO_HASH, INFO_HEAD, INFO_KIND, INFO_NUMBER, JOURNAL_FILE, RECORD_FILE
from inspector_app.records.signing import DEVICE_CLOCK_LABEL, key_usage_constraints, quiet_pyhanko

CODES = {
    "unreadable": "文件无法解析",
    "unsigned": "文件没有任何签名",
    "signature_invalid": "签名无效（签名后内容被改动或签名值损坏）",
    "untrusted": "签名证书不受信任",
    "revoked": "签名证书已被吊销",
    "signed_outside_validity": "声称的签名时间不在证书有效期内",
    "modified_after_signing": "签名后文件被作了不允许的修改",
    "page_removed": "签名后页面被删除",
    "journal_missing": "缺少嵌入的全过程记录",
    "journal_tampered": "全过程记录的哈希链断开（记录被篡改）",
    "journal_head_mismatch": "全过程记录的链头哈希与文书所载不一致",
    "content_hash_mismatch": "嵌入的文书内容与签名时记载的内容哈希不一致",
}


@dataclass(frozen=True, slots=True)
class Reason:
    code: str
    message: str
    field: str | None = None


@dataclass(frozen=True, slots=True)
class SignatureCheck:
    field_name: str
    signer: str
    subject: str
    serial: str
    issuer: str
    claimed_time: dt.datetime | None  # device clock, not proven
    cert_not_before: dt.datetime
    cert_not_after: dt.datetime
    certification: bool
    intact: bool
    valid: bool
    trusted: bool
    revoked: bool
    coverage: str
    modification_level: str
    docmdp_ok: bool | None
    bottom_line: bool
    summary: str
    signed_revision: int
    changes_after: tuple[str, ...]
    reasons: tuple[Reason, ...]
    claimed_time_label: str = DEVICE_CLOCK_LABEL


@dataclass(frozen=True, slots=True)
class JournalCheck:
    present: bool
    ok: bool
    length: int
    computed_head: str
    printed_head: str
    problems: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class VerifyReport:
    ok: bool
    doc_kind: str
    record_number: str
    printed_content_hash: str
    signatures: tuple[SignatureCheck, ...]
    journal: JournalCheck | None
    pages_signed: int | None
    pages_now: int | None
    pending_fields: tuple[str, ...]
    reasons: tuple[Reason, ...]
    time_proof: TimeProof | None = None     # trusted time (records/timestamps.py)

    @property
    def codes(self) -> set[str]:
        return {r.code for r in self.reasons}

    def to_json(self) -> str:
        return json.dumps(dataclasses.asdict(self), ensure_ascii=False, indent=1, default=str)


# ------------------------------------------------------------------------------------------------ inputs


def _asn1_cert(c: x509.Certificate | bytes | str | Path) -> asn1_x509.Certificate:
    if isinstance(c, (str, Path)):
        c = Path(c).read_bytes()
    if isinstance(c, bytes):
        c = x509.load_pem_x509_certificate(c) if b"-----BEGIN" in c else x509.load_der_x509_certificate(c)
    return asn1_x509.Certificate.load(c.public_bytes(serialization.Encoding.DER))


def _crl_der(c: x509.CertificateRevocationList | bytes | str | Path) -> bytes:
    if isinstance(c, (str, Path)):
        c = Path(c).read_bytes()
    if isinstance(c, bytes):
        return x509.load_pem_x509_crl(c).public_bytes(serialization.Encoding.DER) if b"-----BEGIN" in c else c
    return c.public_bytes(serialization.Encoding.DER)


# ------------------------------------------------------------------------------------------------ PDF reading


def _count_pages(node: Any, depth: int = 0) -> int:
    node = node.get_object()
    if node.get("/Type") == "/Page" or "/Kids" not in node or depth > 50:
        return 1 if node.get("/Type") == "/Page" else 0
    return sum(_count_pages(kid, depth + 1) for kid in node["/Kids"])


def _info(view: Any) -> dict[str, str]:
    """The custom /Info keys as of `view`'s revision. The reference is resolved through `view` itself: the trailer's
    own IndirectObject would resolve in the latest revision, where a forger may have rewritten the values."""
    try:
        raw = view.trailer_view.raw_get("/Info")
        info = view.get_object(raw.reference) if hasattr(raw, "reference") else raw
    except (KeyError, AttributeError):
        return {}
    return {k: str(info[f"/{k}"]) for k in (INFO_KIND, INFO_NUMBER, INFO_HASH, INFO_HEAD) if f"/{k}" in info}


def _embedded_files(root: Any) -> dict[str, bytes]:
    out: dict[str, bytes] = {}
    try:
        names = root["/Names"]["/EmbeddedFiles"]["/Names"]
    except KeyError:
        return out
    for i in range(0, len(names) - 1, 2):
        spec = names[i + 1].get_object()
        ef = spec.get("/EF")
        if ef is None:
            continue
        name = str(spec.get("/UF", spec.get("/F", names[i])))
        out[name] = ef.get_object()["/F"].get_object().data
    return out


def _cert_info(cert: asn1_x509.Certificate) -> tuple[str, str, str, str, dt.datetime, dt.datetime]:
    subject = cert.subject.native
    validity = cert["tbs_certificate"]["validity"]
    return (str(subject.get("common_name", cert.subject.human_friendly)), cert.subject.human_friendly,
            format(cert.serial_number, "X"), cert.issuer.human_friendly,
            validity["not_before"].native, validity["not_after"].native)


def _check_signature(es: Any, roots: list, crls: list[bytes], mode: str, total_revisions: int,
                     rev_fields: dict[int, str]) -> SignatureCheck:
    field = es.field_name
    cn, subject, serial, issuer, nb, na = _cert_info(es.signer_cert)
    reasons: list[Reason] = []
    later = [f"第 {r + 1} 版修订：" + (f"签名 {rev_fields[r]}" if r in rev_fields else "无签名的修改")
             for r in range(es.signed_revision + 1, total_revisions)]
    try:
        vc = ValidationContext(trust_roots=roots, crls=crls, allow_fetching=False, revocation_mode=mode)
        st = validate_pdf_signature(es, vc, key_usage_settings=key_usage_constraints())
    except Exception as exc:  # a damaged CMS blob or byte range: pyHanko raises instead of returning a status
        reasons.append(Reason("signature_invalid", f"签名 {field}（{cn}）无法验证：{exc}", field))
        return SignatureCheck(field, cn, subject, serial, issuer, None, nb, na, False, False, False, False, False,
                              "UNKNOWN", "UNKNOWN", None, False, "INVALID", es.signed_revision, tuple(later),
                              tuple(reasons))
    claimed = st.signer_reported_dt
    level = st.modification_level.name if st.modification_level is not None else "UNKNOWN"
    coverage = st.coverage.name if st.coverage is not None else "UNKNOWN"
    if not (st.intact and st.valid):
        reasons.append(Reason("signature_invalid", f"签名 {field}（{cn}）无效：签名覆盖的内容已被改动或签名值损坏",
                              field))
    elif st.revoked:
        reasons.append(Reason("revoked", f"签名 {field}（{cn}）的证书已被吊销", field))
    elif not st.trusted:
        why = f"（{st.trust_problem_indic.name}）" if st.trust_problem_indic is not None else ""
        reasons.append(Reason("untrusted", f"签名 {field}（{cn}）的证书不能追溯到受信任的根证书{why}；签发者：{issuer}",
                              field))
    if claimed is not None and not (nb <= claimed <= na):
        reasons.append(Reason("signed_outside_validity",
                              f"签名 {field}（{cn}）声称的签名时间 {claimed.isoformat()}（设备时钟）不在证书有效期 "
                              f"{nb.isoformat()} 至 {na.isoformat()} 内", field))
    diff = st.diff_result
    illegal = coverage != "ENTIRE_FILE" and (level == "OTHER" or st.docmdp_ok is False)
    if illegal:
        what = f"：{diff}" if isinstance(diff, SuspiciousModification) else ""
        reasons.append(Reason("modified_after_signing",
                              f"签名 {field}（{cn}）之后文件被作了不允许的修改（修改级别 {level}）{what}", field))
    if isinstance(diff, SuspiciousModification):
        later.append(f"不允许的修改：{diff}")
    elif diff is not None and getattr(diff, "changed_form_fields", None):
        later.append("填写的表单/签名域：" + "、".join(sorted(diff.changed_form_fields)))
    return SignatureCheck(
        field, cn, subject, serial, issuer, claimed, nb, na, es.docmdp_level is not None, st.intact, st.valid,
        st.trusted, st.revoked, coverage, level, st.docmdp_ok, st.bottom_line, st.summary(), es.signed_revision,
        tuple(later), tuple(reasons))


def _check_journal(files: dict[str, bytes], printed_head: str, reasons: list[Reason]) -> JournalCheck | None:
    data = files.get(JOURNAL_FILE)
    if data is None:
        if printed_head:
            reasons.append(Reason("journal_missing", f"文书记载了全过程记录链头 {printed_head[:16]}…，但文件中没有 "
                                                     f"{JOURNAL_FILE}"))
            return JournalCheck(False, False, 0, "", printed_head, ("missing",))
        return None
    try:
        doc = json.loads(data.decode("utf-8"))
        events = events_from_json(doc["events"])
    except (ValueError, KeyError, TypeError) as exc:
        reasons.append(Reason("journal_tampered", f"嵌入的全过程记录无法解析：{exc}"))
        return JournalCheck(True, False, 0, "", printed_head, (str(exc),))
    report = verify_chain(events)
    problems = list(report.problems)
    if problems:
        reasons.append(Reason("journal_tampered", "全过程记录被篡改：" + "；".join(problems)))
    if report.head != printed_head:
        problems.append("链头不一致")
        reasons.append(Reason("journal_head_mismatch", f"全过程记录计算出的链头 {report.head[:16]}… 与签名时文书所载 "
                                                       f"{(printed_head or '（无）')[:16]}… 不一致"))
    return JournalCheck(True, not problems, report.length, report.head, printed_head, tuple(problems))


def verify_pdf(source: str | Path | bytes, trust_roots: Sequence[Any], crls: Sequence[Any] = (), *,
               revocation_mode: str = "hard-fail") -> VerifyReport:
    """Verify a record PDF (path or bytes) against local trust roots and cached CRLs; never goes online."""
    quiet_pyhanko()
    data = source if isinstance(source, bytes) else Path(source).read_bytes()
    roots = [_asn1_cert(c) for c in trust_roots]
    crl_der = [_crl_der(c) for c in crls]
    reasons: list[Reason] = []
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        # document timestamps are checked by records/timestamps.py, not as signatures
        sigs = [es for es in reader.embedded_signatures if not is_doc_timestamp(es)]
        total = reader.total_revisions
    except Exception as exc:
        reason = Reason("unreadable", f"文件无法解析：{exc}")
        return VerifyReport(False, "", "", "", (), None, None, None, (), (reason,))
    rev_fields = {es.signed_revision: es.field_name for es in sigs}
    checks = [_check_signature(es, roots, crl_der, revocation_mode, total, rev_fields) for es in sigs]
    for c in checks:
        reasons.extend(c.reasons)
    first = min(sigs, key=lambda s: s.signed_revision) if sigs else None
    signed_view = reader.get_historical_resolver(first.signed_revision) if first else reader
    info = _info(signed_view)
    pages_now = _count_pages(reader.root["/Pages"])
    pages_signed = _count_pages(signed_view.get_object(signed_view.root_ref)["/Pages"]) if first else None
    if not sigs:
        reasons.append(Reason("unsigned", CODES["unsigned"]))
    if pages_signed is not None and pages_now < pages_signed:
        reasons.append(Reason("page_removed", f"签名时共 {pages_signed} 页，现仅 {pages_now} 页：签名后页面被删除"))
    files = _embedded_files(reader.root)
    journal = _check_journal(files, info.get(INFO_HEAD, ""), reasons)
    printed_hash = info.get(INFO_HASH, "")
    record = files.get(RECORD_FILE)
    if printed_hash and record is not None and sha256_hex(record) != printed_hash:
        reasons.append(Reason("content_hash_mismatch", f"嵌入的 {RECORD_FILE} 的哈希与文书所载内容哈希 "
                                                       f"{printed_hash[:16]}… 不一致"))
    signed_names = {s.field_name for s in sigs}
    pending = tuple(sorted(_empty_sig_fields(reader) - signed_names))
    return VerifyReport(not reasons, info.get(INFO_KIND, ""), info.get(INFO_NUMBER, ""), printed_hash,
                        tuple(checks), journal, pages_signed, pages_now, pending, tuple(reasons),
                        check_time(reader, roots))


def _empty_sig_fields(reader: PdfFileReader) -> set[str]:
    from pyhanko.sign.fields import enumerate_sig_fields

    try:
        return {name for name, value, _ref in enumerate_sig_fields(reader, filled_status=False)}
    except Exception:
        return set()


# ------------------------------------------------------------------------------------------------ command


def describe(report: VerifyReport) -> str:
    lines = [f"文书：{report.record_number or '（未知）'}（{report.doc_kind or '未知类型'}）",
             f"内容哈希：{report.printed_content_hash or '—'}",
             f"页数：签名时 {report.pages_signed if report.pages_signed is not None else '—'}，现在 {report.pages_now}"]
    for s in report.signatures:
        claimed = s.claimed_time.astimezone(CN_TZ).isoformat(" ") if s.claimed_time else "—"
        lines.append(f"签名 {s.field_name}：{s.signer}（序列号 {s.serial}；签发者 {s.issuer}）")
        lines.append(f"  {s.claimed_time_label}：{claimed}（未经时间戳证明）")
        lines.append(f"  完整 {s.intact}，有效 {s.valid}，受信任 {s.trusted}，吊销 {s.revoked}，覆盖 {s.coverage}，"
                     f"修改级别 {s.modification_level}，DocMDP {s.docmdp_ok}：{s.summary}")
        for c in s.changes_after:
            lines.append(f"  其后：{c}")
    if report.journal is not None:
        j = report.journal
        lines.append(f"全过程记录：{j.length} 条，链头 {j.computed_head or '—'}，{'一致' if j.ok else '不一致'}")
    if report.pending_fields:
        lines.append("尚未签名的签名域：" + "、".join(report.pending_fields))
    if report.time_proof is not None:
        lines += report.time_proof.lines()
    lines.append("结论：" + ("通过" if report.ok else "不通过"))
    lines += [f"  [{r.code}] {r.message}" for r in report.reasons]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m inspector_app.records.verify", description="核验签名的检查文书 PDF")
    ap.add_argument("pdf", type=Path)
    ap.add_argument("--trust", type=Path, action="append", required=True, help="受信任的根证书（PEM/DER），可多次")
    ap.add_argument("--crl", type=Path, action="append", default=[], help="本地缓存的 CRL，可多次")
    ap.add_argument("--soft-fail", action="store_true", help="缺少吊销信息时仍视为可信（须在界面上注明）")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    report = verify_pdf(args.pdf, args.trust, args.crl,
                        revocation_mode="soft-fail" if args.soft_fail else "hard-fail")
    print(report.to_json() if args.json else describe(report))
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
