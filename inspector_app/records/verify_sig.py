"""One signature of a record: pyHanko validation (integrity, trust, revocation, what changed after it) and the
binding of the certificate holder to the person and role the record states for the field (plan.py).

Revocation: the CRLs given by the caller plus those embedded in the PDF's DSS at signing. When none of them is
issued by the signer's CA, the signature is validated in soft-fail mode and reported as "revocation not checked" —
never as an unqualified pass. With a CRL, validation is hard-fail: a revoked certificate fails.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from asn1crypto import crl as asn1_crl
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from pyhanko.sign.diff_analysis import SuspiciousModification
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from inspector_app.records import pki
from inspector_app.records.plan import ROLE_LEAD, SignaturePlan
from inspector_app.records.signing import key_usage_constraints
from inspector_app.records.verify_report import Reason, SignatureCheck


def dss_crls(reader: Any) -> list[bytes]:
    """DER CRLs in the document security store (the latest revision's: DSS updates only ever add)."""
    try:
        refs = reader.root["/DSS"]["/CRLs"]
    except (KeyError, TypeError):
        return []
    out = []
    for ref in refs:
        try:
            out.append(ref.get_object().data)
        except Exception:  # noqa: BLE001 - a damaged stream is no revocation data
            continue
    return out


def _crl_issuers(crls: list[bytes]) -> set[bytes]:
    issuers = set()
    for der in crls:
        try:
            issuers.add(asn1_crl.CertificateList.load(der)["tbs_cert_list"]["issuer"].dump())
        except ValueError:
            continue
    return issuers


def _cert_info(cert: asn1_x509.Certificate) -> tuple[str, str, str, str, Any, Any]:
    subject = cert.subject.native
    validity = cert["tbs_certificate"]["validity"]
    return (str(subject.get("common_name", cert.subject.human_friendly)), cert.subject.human_friendly,
            format(cert.serial_number, "X"), cert.issuer.human_friendly,
            validity["not_before"].native, validity["not_after"].native)


def check_signature(es: Any, roots: list, crls: list[bytes], total_revisions: int,
                    rev_fields: dict[int, str]) -> SignatureCheck:
    field = es.field_name
    cn, subject, serial, issuer, nb, na = _cert_info(es.signer_cert)
    reasons: list[Reason] = []
    later = [f"第 {r + 1} 版修订：" + (f"签名 {rev_fields[r]}" if r in rev_fields else "无签名的修改")
             for r in range(es.signed_revision + 1, total_revisions)]
    checked = es.signer_cert.issuer.dump() in _crl_issuers(crls)
    try:
        vc = ValidationContext(trust_roots=roots, crls=crls, allow_fetching=False,
                               revocation_mode="hard-fail" if checked else "soft-fail")
        st = validate_pdf_signature(es, vc, key_usage_settings=key_usage_constraints())
    except Exception as exc:  # a damaged CMS blob or byte range: pyHanko raises instead of returning a status
        reasons.append(Reason("signature_invalid", f"签名 {field}（{cn}）无法验证：{exc}", field))
        return SignatureCheck(field, cn, subject, serial, issuer, None, nb, na, False, False, False, False, False,
                              "UNKNOWN", "UNKNOWN", None, False, "INVALID", es.signed_revision, tuple(later),
                              tuple(reasons), revocation_checked=checked)
    claimed = st.signer_reported_dt
    level = st.modification_level.name if st.modification_level is not None else "UNKNOWN"
    coverage = st.coverage.name if st.coverage is not None else "UNKNOWN"
    if not (st.intact and st.valid):
        reasons.append(Reason("signature_invalid", f"签名 {field}（{cn}）无效：签名覆盖的内容已被改动或签名值损坏",
                              field))
    elif st.revoked:
        reasons.append(Reason("revoked", f"签名 {field}（{cn}）的证书已被吊销", field))
    elif not st.trusted:
        reasons.append(Reason("untrusted", f"签名 {field}（{cn}）的证书不能追溯到受信任的根证书；签发者：{issuer}",
                              field))
    if claimed is not None and not (nb <= claimed <= na):
        reasons.append(Reason("signed_outside_validity",
                              f"签名 {field}（{cn}）声称的签名时间（设备时钟）不在证书有效期内", field))
    diff = st.diff_result
    if coverage != "ENTIRE_FILE" and (level == "OTHER" or st.docmdp_ok is False):
        what = f"：{diff}" if isinstance(diff, SuspiciousModification) else ""
        reasons.append(Reason("modified_after_signing", f"签名 {field}（{cn}）之后文件被作了不允许的修改{what}",
                              field))
    if isinstance(diff, SuspiciousModification):
        later.append(f"不允许的修改：{diff}")
    elif diff is not None and getattr(diff, "changed_form_fields", None):
        later.append("填写的表单/签名域：" + "、".join(sorted(diff.changed_form_fields)))
    holder = x509.load_der_x509_certificate(es.signer_cert.dump())
    _name, number, policies = pki.officer_identity(holder)
    return SignatureCheck(
        field, cn, subject, serial, issuer, claimed, nb, na, es.docmdp_level is not None, st.intact, st.valid,
        st.trusted, st.revoked, coverage, level, st.docmdp_ok, st.bottom_line, st.summary(), es.signed_revision,
        tuple(later), tuple(reasons), holder_certificate_no=number,
        team_lead_certificate=pki.TEAM_LEAD_POLICY.dotted_string in policies, revocation_checked=checked)


def bind(check: SignatureCheck, plan: SignaturePlan) -> SignatureCheck:
    """Add the binding reasons: the field must be in the plan, its holder the bound person (name and 执法证号 as the
    agency CA issues them), and the approving lead's certificate must carry the team-lead role."""
    planned = plan.get(check.field_name)
    reasons = list(check.reasons)
    if planned is None:
        reasons.append(Reason("unexpected_signature", f"签名域 {check.field_name} 不是文书规定的签名位置，"
                                                      f"签名人 {check.signer}", check.field_name))
        return dataclasses.replace(check, reasons=tuple(reasons))
    if (check.signer, check.holder_certificate_no) != (planned.name, planned.certificate_no):
        reasons.append(Reason(
            "signer_not_bound", f"该签名位置应由 {planned.name}（执法证号 {planned.certificate_no}）签名，实际签名人为 "
                                f"{check.signer}（执法证号 {check.holder_certificate_no or '证书未载明'}）",
            check.field_name))
    if planned.role == ROLE_LEAD and not check.team_lead_certificate:
        reasons.append(Reason("not_team_lead", f"审核签名人 {check.signer} 的证书未载明检查组组长身份",
                              check.field_name))
    return dataclasses.replace(check, reasons=tuple(reasons), role=planned.role, bound_name=planned.name,
                               bound_certificate_no=planned.certificate_no)
