"""Issue 11: an adversary holding only officer certificates the agency itself issued. Each class of forgery fails
with its own reason code; the untouched record passes here and in poppler's pdfsig."""

from __future__ import annotations

import dataclasses
import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from inspector_app.records import pki, render, signing, verify
from inspector_app.records.model import LEAD, Officer
from inspector_app.records.render import SigField
from tests.records.test_records import PASSWORD, check, fontset, org, rendered, sign_all, snapshot  # noqa: F401

pytestmark = pytest.mark.timeout(600)


@pytest.fixture(scope="module")
def stages(rendered, snapshot, org) -> tuple[bytes, bytes, bytes]:  # noqa: F811
    return sign_all(rendered, snapshot, org)


def test_untouched_record_passes_with_every_check_in_words(stages, org) -> None:  # noqa: F811
    report = check(stages[2], org)
    assert report.ok and report.decision == "passed" and report.stage == "approved", verify.describe(report)
    text = verify.describe(report)
    assert text.splitlines()[0].startswith("结论：通过")
    for banned in ("True", "False", "ENTIRE_", "FORM_FILLING", "Sig_Officer", "Sig_Lead", "Common Name", "+0000",
                   "+00:00", "INTACT"):
        assert banned not in text, banned
    assert "执法人员 2：许若溪" in text and "检查组组长（审核）：韩景行" in text and "（北京时间）" in text
    topics = [c.topic for c in report.checks]
    assert topics[0] == "structure" and {"binding", "role", "revocation", "stage", "journal", "content"} <= set(topics)
    assert all(c.status in ("ok", "info") for c in report.checks)
    assert json.loads(report.to_json())["decision"] == "passed"


def test_approved_record_cut_back_before_the_approval(stages, org, tmp_path) -> None:  # noqa: F811
    one, two, three = stages
    cut = three[:len(two)]  # incremental updates: the earlier revision is a byte prefix
    assert cut == two
    report = check(cut, org)
    assert not report.ok and report.codes == {"stage_not_reached"} and report.stage == "signed"
    assert report.required_stage == "approved"
    # the caller may accept the officers' stage, but not when it demands the approval
    assert verify.verify_pdf(cut, [org["ca"].cert], [org["crl"]], require="signed").ok
    path = tmp_path / "cut.pdf"
    path.write_bytes(cut)
    args = [str(path), "--trust", str(org["dir"] / "ca.pem"), "--crl", str(org["dir"] / "ca.crl")]
    assert verify.main([*args, "--require", "approved"]) == 1
    assert verify.main([*args, "--require", "signed"]) == 0
    # a database that says the record is approved is not satisfied by the cut-back file either
    claims = lambda kind, number: ("Sig_Officer1", "Sig_Officer2", "Sig_Lead")  # noqa: E731
    report = verify.verify_pdf(cut, [org["ca"].cert], [org["crl"]], claims=claims)
    assert report.codes == {"stage_not_reached"} and "Sig_Lead" in report.reasons[0].message


def test_cut_back_to_the_first_officer_only(stages, org) -> None:  # noqa: F811
    one, _two, three = stages
    report = check(three[:len(one)], org)
    assert not report.ok and "too_few_officers" in report.codes and report.stage == "partial"
    assert "第二十九条" in verify.describe(report)
    report = verify.verify_pdf(one, [org["ca"].cert], [org["crl"]], require="signed")
    assert report.codes == {"too_few_officers", "stage_not_reached"}


def test_team_lead_field_signed_by_an_ordinary_inspector(stages, rendered, org) -> None:  # noqa: F811
    two = stages[1]
    lead_field = rendered.field_for(LEAD).field_name
    by_inspector = signing.countersign(two, org["o1"], lead_field, role="检查组组长（审核）")
    report = check(by_inspector, org)
    assert not report.ok and report.codes == {"signer_not_bound", "not_team_lead"}
    # the right person and 执法证号, but the CA never made them a team lead
    no_role = pki.issue_officer(org["ca"], "韩景行", "青执2026009")
    report = check(signing.countersign(two, no_role, lead_field, role="检查组组长（审核）"), org)
    assert not report.ok and report.codes == {"not_team_lead"}


def _forged(snapshot, rendered, fontset) -> tuple[render.RenderedPdf, tuple[Officer, ...]]:  # noqa: F811
    """A repainted record: other officers and other amounts on the pages, but the genuine record.json, journal and
    /Info values (number, content hash, journal head) so every embedded datum is the genuine one."""
    strangers = (Officer("x-1", "冯远山", "青执2026101", snapshot.officers[0].credentials_shown_at, "基金监督科"),
                 Officer("x-2", "贺明川", "青执2026102", snapshot.officers[0].credentials_shown_at, "基金监督科"),
                 Officer("x-3", "罗清和", "青执2026103", snapshot.officers[0].credentials_shown_at, "基金监督科"))
    findings = tuple(dataclasses.replace(f, amount_involved=f.amount_involved / 10) for f in snapshot.findings)
    fake = dataclasses.replace(snapshot, officers=strangers, team_lead=None, findings=findings,
                               recusals=(), signature_images=tuple(i for i in snapshot.signature_images
                                                                   if i.signer in ("party", "witness")))
    painted = render.render_record(fake, fontset)
    pdf = painted.pdf.replace(painted.content_hash.encode(), rendered.content_hash.encode())
    return dataclasses.replace(painted, pdf=pdf, attachments=rendered.attachments), strangers


def test_repainted_pages_resigned_by_officers_not_in_the_record(snapshot, rendered, fontset, org) -> None:  # noqa: F811
    forged, strangers = _forged(snapshot, rendered, fontset)
    cks = [pki.issue_officer(org["ca"], o.name, o.certificate_no) for o in strangers]
    pdf = signing.certify_rendered(forged, cks[0], "x-1")
    for ck, o in zip(cks[1:], strangers[1:]):
        pdf = signing.countersign(pdf, ck, forged.field_for(o.officer_id).field_name, role="执法人员")
    report = check(pdf, org)
    assert not report.ok
    assert report.printed_content_hash == rendered.content_hash  # the embedded data is the genuine one
    assert "content_hash_mismatch" not in report.codes and report.journal is not None and report.journal.ok
    assert {"signer_not_bound", "unexpected_signature", "visible_content_mismatch"} <= report.codes


def _bare_pdf() -> bytes:
    buf = io.BytesIO()
    c = Canvas(buf)
    c.drawString(72, 720, "Approved.")
    c.showPage()
    c.save()
    return buf.getvalue()


def test_bare_pdf_certified_by_a_valid_officer_is_not_a_record(org) -> None:  # noqa: F811
    field = SigField("Sig_Officer1", "off-1", "陈明哲", "执法人员", 1, (72, 72, 272, 152))
    pdf = signing.certify(_bare_pdf(), [field], [], org["o1"], "Sig_Officer1")
    report = check(pdf, org)
    assert not report.ok and report.codes == {"not_a_record"}
    assert report.signatures[0].trusted and report.signatures[0].intact
    assert verify.describe(report).splitlines()[0].startswith("结论：不通过")


def test_revoked_signer_without_revocation_data_is_not_an_unqualified_pass(stages, org) -> None:  # noqa: F811
    three = stages[2]
    report = verify.verify_pdf(three, [org["ca"].cert], [])  # no CRL given, none embedded
    assert not report.ok and report.decision == "revocation_unchecked" and report.codes == {"revocation_unchecked"}
    text = verify.describe(report)
    assert "结论：通过" not in text and text.startswith("结论：未完全核验") and "吊销状态未检查" in text
    # with the CRL that revokes the first officer, it fails
    crl = pki.make_crl(org["ca"], revoked=(org["o1"].cert,))
    assert verify.verify_pdf(three, [org["ca"].cert], [crl]).codes == {"revoked"}


def test_revocation_data_embedded_at_signing_needs_no_crl_later(rendered, snapshot, org, tmp_path) -> None:  # noqa: F811
    ctx = signing.revocation_context([org["ca"].cert], [org["crl"]])
    one = signing.certify_rendered(rendered, org["o1"], "off-1", handwriting=snapshot.image_for("off-1"),
                                   revocation=ctx)
    two = signing.countersign(one, org["o2"], "Sig_Officer2", role="执法人员", revocation=ctx)
    three = signing.countersign(two, org["lead"], "Sig_Lead", role="检查组组长（审核）", revocation=ctx)
    report = verify.verify_pdf(three, [org["ca"].cert], [])
    assert report.ok, verify.describe(report)
    assert all(s.revocation_checked for s in report.signatures)
    # a certificate revoked before signing cannot sign with revocation data at all
    revoked_ctx = signing.revocation_context([org["ca"].cert], [pki.make_crl(org["ca"], revoked=(org["o1"].cert,))])
    with pytest.raises(signing.SigningError):
        signing.certify_rendered(rendered, org["o1"], "off-1", revocation=revoked_ctx)
    if shutil.which("pdfsig"):
        path = tmp_path / "ltv.pdf"
        path.write_bytes(three)
        out = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True, timeout=60).stdout
        assert out.count("Signature is Valid.") == 3, out


def test_expired_at_signing_fails(rendered, org) -> None:  # noqa: F811
    import datetime as dt

    old = pki.issue_shifted(org["ca"], "陈明哲", "青执2026001", ended_ago=dt.timedelta(days=2))
    report = check(signing.certify_rendered(rendered, old, "off-1"), org)
    assert not report.ok and "signed_outside_validity" in report.codes


def test_json_keeps_machine_codes(stages, org, tmp_path, capsys) -> None:  # noqa: F811
    path = tmp_path / "cut.pdf"
    path.write_bytes(stages[1])
    args = [str(path), "--trust", str(org["dir"] / "ca.pem"), "--crl", str(org["dir"] / "ca.crl"), "--json"]
    assert verify.main(args) == 1
    doc = json.loads(capsys.readouterr().out)
    assert doc["decision"] == "failed" and [r["code"] for r in doc["reasons"]] == ["stage_not_reached"]
    assert any(c["code"] == "signer_bound" for c in doc["checks"])
    _ = Path, PASSWORD


def test_repainted_amounts_signed_by_the_genuine_officers(snapshot, rendered, fontset, org) -> None:  # noqa: F811
    # the binding holds (the right people signed), but the pages show other amounts than the signed data
    findings = tuple(dataclasses.replace(f, amount_involved=f.amount_involved + 1) for f in snapshot.findings)
    painted = render.render_record(dataclasses.replace(snapshot, findings=findings), fontset)
    forged = dataclasses.replace(
        painted, pdf=painted.pdf.replace(painted.content_hash.encode(), rendered.content_hash.encode()),
        attachments=rendered.attachments)
    *_, final = sign_all(forged, snapshot, org)
    report = check(final, org)
    assert not report.ok and report.codes == {"visible_content_mismatch"}, verify.describe(report)
    detail = report.reasons[0].detail
    # the re-render names the page and shows the painted amount beside the signed one
    assert {p.code for p in detail.problems} == {"verify.in_signed_revision"}, detail.english()
    assert 2 in [page.params["page"] for where in detail.problems for page in where.problems], detail.english()
    message = detail.english()
    assert "shows “…" in message and "1,235.50" in message and "1,234.50" in message, message
