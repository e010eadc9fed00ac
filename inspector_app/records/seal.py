"""The case file's seal: a PAdES certification signature on the 卷内目录 PDF that embeds the case-file manifest.

`seal_catalogue` signs the catalogue with one officer's certificate (the exporting officer or the team lead) and
embeds `manifest.json` as an associated file in the same incremental update, so the signature covers the
manifest byte for byte. `verify_seal` checks, offline: exactly one signature, intact, valid, chaining to a trusted
root, not revoked (when revocation data is given — otherwise it says revocation was not checked), covering the
whole file (nothing added after sealing), and returns the embedded manifest and the certificate holder (name and
执法证号 as the agency CA issues them: CN, and serialNumber or "执法证号：…" in description)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from inspector_app.records import signing
from inspector_app.records.casefile_pdf import SEAL_FIELD
from inspector_app.records.embedded import embedded_files, pdf_reader
from inspector_app.records.pki import CertKey
from inspector_app.records.render import Attachment, SigField

SEAL_MANIFEST = "manifest.json"


@dataclass(frozen=True, slots=True)
class SealCheck:
    ok: bool
    code: str                   # "" when ok, else seal_missing or seal_invalid
    message: str
    signer: str = ""            # certificate CN
    certificate_no: str = ""    # 执法证号 from the certificate
    serial: str = ""
    claimed_time: dt.datetime | None = None  # the sealer's device clock
    revocation_checked: bool = False
    manifest: bytes | None = None


def seal_catalogue(pdf: bytes, field: SigField, manifest: bytes, ck: CertKey, *,
                   signing_time: dt.datetime | None = None) -> bytes:
    """Certify the catalogue into `field`, embedding `manifest` (one incremental update)."""
    attachment = Attachment(SEAL_MANIFEST, manifest,
                            "案卷清单：卷内全部文件的 SHA-256 与大小、签名文书及其阶段、全过程记录链头")
    return signing.certify(pdf, [field], [attachment], ck, field.field_name, signing_time=signing_time,
                           reason="案卷封卷：卷内目录与案卷清单")


def _asn1_cert(c: Any) -> asn1_x509.Certificate:
    """A trust root given as path, PEM/DER bytes or cryptography certificate (as records.verify accepts)."""
    if isinstance(c, (str, Path)):
        c = Path(c).read_bytes()
    if isinstance(c, bytes):
        c = x509.load_pem_x509_certificate(c) if b"-----BEGIN" in c else x509.load_der_x509_certificate(c)
    return asn1_x509.Certificate.load(c.public_bytes(serialization.Encoding.DER))


def _crl_der(c: Any) -> bytes:
    if isinstance(c, (str, Path)):
        c = Path(c).read_bytes()
    if isinstance(c, bytes):
        return x509.load_pem_x509_crl(c).public_bytes(serialization.Encoding.DER) if b"-----BEGIN" in c else c
    return c.public_bytes(serialization.Encoding.DER)


def certificate_holder(cert: x509.Certificate) -> tuple[str, str]:
    """(name, 执法证号) of an officer certificate as verification reads them."""
    return _holder(asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER)))


def _holder(cert: Any) -> tuple[str, str]:
    subject = cert.subject.native
    number = str(subject.get("serial_number", "") or "")
    if not number:
        desc = subject.get("description", subject.get("2.5.4.13", ""))  # asn1crypto may not name the OID
        desc = desc[0] if isinstance(desc, list) else str(desc or "")
        number = desc.removeprefix("执法证号：") if desc.startswith("执法证号：") else ""
    return str(subject.get("common_name", "")), number


def verify_seal(data: bytes, trust_roots: Sequence[Any], crls: Sequence[Any] = ()) -> SealCheck:
    """Verify the seal of a 卷内目录 PDF (bytes); never raises on a damaged file."""
    signing.quiet_pyhanko()
    try:
        reader = pdf_reader(data)
        sigs = list(reader.embedded_signatures)
    except Exception as exc:
        return SealCheck(False, "seal_missing", f"卷内目录无法解析：{exc}")
    if not sigs:
        return SealCheck(False, "seal_missing", "卷内目录没有封卷签名")
    es = sigs[-1]
    signer, number = _holder(es.signer_cert)
    serial = format(es.signer_cert.serial_number, "X")
    base = {"signer": signer, "certificate_no": number, "serial": serial, "revocation_checked": bool(crls)}
    if len(sigs) > 1 or es.field_name != SEAL_FIELD:
        return SealCheck(False, "seal_invalid", f"卷内目录应只有一个封卷签名（{SEAL_FIELD}），实有 "
                                                f"{len(sigs)} 个：{'、'.join(s.field_name for s in sigs)}", **base)
    try:
        vc = ValidationContext(trust_roots=[_asn1_cert(c) for c in trust_roots], crls=[_crl_der(c) for c in crls],
                               allow_fetching=False, revocation_mode="hard-fail" if crls else "soft-fail")
        st = validate_pdf_signature(es, vc, key_usage_settings=signing.key_usage_constraints())
    except Exception as exc:  # a damaged CMS blob or byte range
        return SealCheck(False, "seal_invalid", f"封卷签名无法验证：{exc}", **base)
    when = st.signer_reported_dt
    coverage = st.coverage.name if st.coverage is not None else "UNKNOWN"
    problem = ""
    if not (st.intact and st.valid):
        problem = "封卷签名无效：签名所覆盖的内容已被改动或签名值损坏"
    elif st.revoked:
        problem = f"封卷人 {signer} 的证书已被吊销"
    elif not st.trusted:
        problem = f"封卷人 {signer} 的证书不能追溯到受信任的机构根证书"
    elif coverage != "ENTIRE_FILE":
        problem = "封卷签名之后卷内目录又被修改（签名未覆盖整个文件）"
    try:
        manifest = embedded_files(reader.root).get(SEAL_MANIFEST)
    except Exception:  # a damaged stream (its damage also breaks the signature)
        manifest = None
    if not problem and manifest is None:
        problem = "封卷签名中没有嵌入案卷清单"
    if problem:
        return SealCheck(False, "seal_invalid", problem, claimed_time=when, manifest=manifest, **base)
    return SealCheck(True, "", f"封卷签名有效：{signer}（执法证号 {number or '—'}）", claimed_time=when,
                     manifest=manifest, **base)
